#!/bin/sh
# web-order.sh - the scoring form's own LL <= EV <= UL check (web/score.js)
# agrees with the loader's, which compares likelihood limits on their
# places on the axis: each case below is worked by hand for nrb-2008
# (thresholds 0.0005 0.005 0.05 0.5, a class at 0.5 of its band, a "+" at
# 0.75, p = 1 at 5.0), then checked in the browser module under node and
# with "natrisk check".
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

# LL EV expected: "ok" when LL <= EV holds, "above" when not
cases='
C {probability: 0.006} above
{probability: 0.02} C above
{probability: 0.01} C ok
E {probability: 1} ok
{probability: 0.6} E+ ok
E+ {probability: 0.6} above
{probability: 0.0001} A ok
A {probability: 0.0001} above
B+ C ok
C+ C above'

check_case() {
	ll=$1 ev=$2 expected=$3
	cat >"$T_TMP/case.yaml" <<EOF_YAML
natrisk: 1
title: Order
method: nrb-2008
scenarios:
  - id: s
    title: S
    kind: hazard
    likelihood: {ll: $ll, ev: $ev}
    impact: {"2.1": C}
EOF_YAML
	run "$NATRISK" check "$T_TMP/case.yaml"
	if [ "$expected" = ok ]; then expect_status 0; else expect_status 1; fi
	run node --input-type=module -e "
import { partOrder } from '$NATRISK_ROOT/web/score.js';
const likelihood = { hazard_thresholds: [0.0005, 0.005, 0.05, 0.5],
                     class_position: 0.5, high_position: 0.75 };
const part = text => text.startsWith('{') ? { probability: Number(text.replace(/[^0-9.e-]/g, '')) } : text;
const order = partOrder(part('$ll'), part('$ev'), null, { likelihood });
console.log(order > 0 ? 'above' : 'ok');"
	expect_status 0
	expect_stdout_contains "$expected"
}

while read -r line; do
	[ -n "$line" ] || continue
	# split "LL EV expected", where a part may be "{probability: P}"
	ll=$(echo "$line" | sed -E 's/^(\{[^}]*\}|[^ ]+) .*/\1/')
	rest=${line#"$ll" }
	ev=$(echo "$rest" | sed -E 's/^(\{[^}]*\}|[^ ]+) .*/\1/')
	expected=${rest#"$ev" }
	t "likelihood LL $ll, EV $ev: $expected in the form and the loader"
	check_case "$ll" "$ev" "$expected"
done <<EOF_CASES
$cases
EOF_CASES
finish
