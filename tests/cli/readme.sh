#!/bin/sh
# readme.sh - README.md's commands run as written, in a tree as `make run`
# leaves it (build/natrisk, examples/, out/): every ```sh block (but the
# one of make targets), one after another in one shell, each command
# succeeding; and every ```console block's "$ command", whose output must
# be the lines shown under it (up to a line "...", which stands for the
# rest); tests/tools/doc_script.py makes the script. `natrisk serve`
# runs until lisa, whose password an earlier block set, has signed in; it
# listens on a free port instead of 8080, which another server on this
# machine may hold.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

tree="$T_TMP/tree"
mkdir -p "$tree/out"
ln -s "$NATRISK_ROOT/examples" "$tree/examples"
ln -s "$(cd "$(dirname "$NATRISK")" && pwd)" "$tree/build"
# so that the README's "natrisk" is the binary under test, also when it
# is not build/natrisk (the sanitized build)
[ "$(basename "$NATRISK")" = natrisk ] || t_fail "NATRISK is not called natrisk"

cat >"$T_TMP/serve.sh" <<'EOF'
# readme_serve ARG...: natrisk serve ARG... until lisa has signed in
readme_serve() {
	"$@" >"$READ_TMP/serve.out" 2>"$READ_TMP/serve.err" &
	pid=$!
	i=0
	while ! grep -q "listening on" "$READ_TMP/serve.out" && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$READ_TMP/serve.out")
	python3 - "$port" "$PASSWORD" <<'PY'
import http.client, json, sys
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=60)
c.request("POST", "/api/session", json.dumps({"username": "lisa", "password": sys.argv[2]}),
          {"Content-Type": "application/json"})
r = c.getresponse()
sys.exit(0 if r.status == 200 else "lisa's sign-in: %d %s" % (r.status, r.read()))
PY
	signed_in=$?
	kill -TERM "$pid"
	wait "$pid"
	stopped=$?
	[ "$signed_in" -eq 0 ] && [ "$stopped" -eq 0 ] ||
		{ echo "natrisk serve: signed in $signed_in, exit $stopped"; cat "$READ_TMP/serve.err"; return 1; }
}
EOF

# The script of the README's blocks (tests/tools/doc_script.py), after
# the function that runs natrisk serve.
{
	printf '. "%s/serve.sh"\nREAD_TMP="%s"\n' "$T_TMP" "$T_TMP"
	python3 tests/tools/doc_script.py README.md "$T_TMP" --sh
} >"$T_TMP/readme-script.sh"

t "the README's commands run as written after make run"
run sh -c "cd '$tree' && sh '$T_TMP/readme-script.sh'"
expect_status 0
expect_stdout_matches '^README: [1-9][0-9]* console commands checked$'

t "and made what they say"
expect_file "$tree/out/risk-diagram.svg"
expect_file "$tree/out/report.html"
expect_file "$tree/out/uncertainty.svg"
expect_file "$tree/risk.db"
expect_file "$tree/risk.db.audit-key"

finish
