#!/bin/sh
# tests/e2e/run.sh - the web UI end to end: a fresh store with a chair
# (confidential clearance), a second chair (restricted), two analysts, a
# viewer and an admin (public), the 2012 and 2011 example editions (the
# chair chairs both), a server on a free port, and tests/e2e/e2e.mjs (with
# lib.mjs, basics.mjs, cycle.mjs, the whole cycle at phone and desktop
# size in both languages, plans.mjs, an edition's plan, and accounts.mjs,
# passwords, editions' own chairs and the comparison with a previous
# edition, and signals.mjs, a reporter's signals and their triage) driving headless
# Chromium through playwright-core; the chair uploads the editions the
# tests work on. Exits non-zero on any failure, including a server that
# does not stop cleanly on SIGTERM.
#
# Environment: NATRISK (the binary; default build/natrisk of this tree),
# NATRISK_ROOT (the tree; default two levels above this script), CHROMIUM
# (default /usr/bin/chromium), E2E_KEEP=1 to keep the temporary directory.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=${NATRISK_ROOT:-$(cd "$here/../.." && pwd)}
natrisk=${NATRISK:-$root/build/natrisk}
chromium=${CHROMIUM:-/usr/bin/chromium}

fail() {
	echo "e2e: $*" >&2
	exit 1
}

[ -x "$natrisk" ] || fail "no natrisk binary at $natrisk (build first)"
command -v node >/dev/null 2>&1 || fail "node is missing (scripts/install-deps)"
[ -x "$chromium" ] || fail "no Chromium at $chromium (scripts/install-deps)"

if [ ! -d "$root/tests/e2e/node_modules/playwright-core" ]; then
	command -v npm >/dev/null 2>&1 || fail "npm is missing (scripts/install-deps)"
	# npm trusts the system's certificate store, as apt and curl do, so
	# that a registry reached through a proxy with a local CA works.
	system_cas=/etc/ssl/certs/ca-certificates.crt
	if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$system_cas" ]; then
		NODE_EXTRA_CA_CERTS=$system_cas
		export NODE_EXTRA_CA_CERTS
	fi
	npm ci --prefix "$root/tests/e2e" --no-audit --no-fund >/dev/null ||
		fail "npm ci in tests/e2e failed"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/natrisk-e2e.XXXXXX") || fail "mktemp failed"
server_pid=
cleanup() {
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null
		wait "$server_pid" 2>/dev/null
	fi
	if [ "${E2E_KEEP:-0}" = 1 ]; then
		echo "e2e: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

db=$tmp/store.db
# The passwords only live as long as this temporary store.
E2E_CHAIR=chair E2E_CHAIR_PW=chair-pass-1
E2E_CHAIR2=cleo E2E_CHAIR2_PW=chair-pass-2
E2E_ANALYST=ann E2E_ANALYST_PW=analyst-pass-1
E2E_ANALYST2=bob E2E_ANALYST2_PW=analyst-pass-2
E2E_VIEWER=vera E2E_VIEWER_PW=viewer-pass-1
E2E_ADMIN=root E2E_ADMIN_PW=admin-pass-1
E2E_REPORTER=rita E2E_REPORTER_PW=reporter-pass-1
export E2E_REPORTER E2E_REPORTER_PW
export E2E_CHAIR E2E_CHAIR_PW E2E_CHAIR2 E2E_CHAIR2_PW E2E_ANALYST E2E_ANALYST_PW E2E_ANALYST2 \
	E2E_ANALYST2_PW E2E_VIEWER E2E_VIEWER_PW E2E_ADMIN E2E_ADMIN_PW

add_user() { # NAME ROLE CLEARANCE PASSWORD
	printf '%s\n' "$4" | "$natrisk" user add "$1" --role "$2" \
		--clearance "$3" --password-stdin --db "$db" >/dev/null ||
		fail "cannot add user $1"
}
add_user "$E2E_CHAIR" chair confidential "$E2E_CHAIR_PW"
add_user "$E2E_CHAIR2" chair restricted "$E2E_CHAIR2_PW"
add_user "$E2E_ANALYST" analyst public "$E2E_ANALYST_PW"
add_user "$E2E_ANALYST2" analyst public "$E2E_ANALYST2_PW"
add_user "$E2E_VIEWER" viewer public "$E2E_VIEWER_PW"
add_user "$E2E_ADMIN" admin public "$E2E_ADMIN_PW"
add_user "$E2E_REPORTER" reporter restricted "$E2E_REPORTER_PW"

example=$root/examples/nrb-2012.yaml
# The tests need a public scenario and one above the analysts' clearance
# in the example; the confidential one is added through the API by
# basics.mjs itself.
grep -q 'classification: restricted' "$example" ||
	fail "$example has no restricted scenario any more; adapt the tests"
# the chair chairs it: an edition is managed by its own chairs (and admins)
"$natrisk" import "$example" --db "$db" --chair "$E2E_CHAIR" >/dev/null ||
	fail "import failed"
# the edition the tests' editions follow (accounts.mjs)
E2E_PREVIOUS=$("$natrisk" import "$root/examples/nrb-2011.yaml" --db "$db" \
	--chair "$E2E_CHAIR") || fail "import of the 2011 example failed"
export E2E_PREVIOUS

"$natrisk" serve --db "$db" --listen 127.0.0.1:0 --threads 4 \
	>"$tmp/server.out" 2>"$tmp/server.err" &
server_pid=$!
url=
tries=0
while [ -z "$url" ] && [ "$tries" -lt 200 ]; do
	url=$(sed -n 's/.*listening on \(http:\/\/[^ ]*\).*/\1/p' "$tmp/server.out")
	if [ -z "$url" ]; then
		kill -0 "$server_pid" 2>/dev/null || break
		sleep 0.1
		tries=$((tries + 1))
	fi
done
if [ -z "$url" ]; then
	cat "$tmp/server.err" >&2
	fail "the server did not start"
fi

E2E_ARTIFACTS=$tmp E2E_ROOT=$root CHROMIUM=$chromium node "$here/e2e.mjs" "$url"
status=$?

kill -TERM "$server_pid"
wait "$server_pid"
server_status=$?
server_pid=
if [ "$server_status" -ne 0 ]; then
	echo "e2e: the server exited with status $server_status on SIGTERM" >&2
	tail -n 40 "$tmp/server.err" >&2
	status=1
fi
if [ "$status" -ne 0 ] && [ "${E2E_KEEP:-0}" != 1 ]; then
	echo "e2e: failed; run with E2E_KEEP=1 to keep screenshots" >&2
fi
exit "$status"
