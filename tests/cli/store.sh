#!/bin/sh
# store.sh - the commands on a store say plainly what is wrong: natrisk
# serve and the CLI's writers refuse a store they cannot write (a
# read-only file, a read-only directory, a directory) naming the file and
# the reason; natrisk serve on a port in use says that it is in use; an
# unknown --role names the roles there are.
#
# When the tests run as root, whom no file mode stops, the commands on the
# read-only store run as nobody (setpriv).
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

as_user=""
if [ "$(id -u)" -eq 0 ]; then
	as_user="setpriv --reuid=nobody --regid=nogroup --clear-groups"
fi
chmod 755 "$T_TMP"
dir="$T_TMP/store"
db="$dir/risk.db"
mkdir "$dir"
printf 'long-enough-pw\n' | "$NATRISK" user add ann --role admin \
	--password-stdin --db "$db" >/dev/null 2>&1 || echo "FAIL store: setup"
[ -n "$as_user" ] && chown -R nobody "$dir"

# serve_refuses WHAT: natrisk serve on $db, given ten seconds to refuse
serve_refuses() {
	run timeout 10 $as_user "$NATRISK" serve --db "$db" --listen 127.0.0.1:0
	expect_status 1
	expect_stdout_empty
}

t "serve refuses a read-only store file"
chmod 444 "$db"
serve_refuses
expect_stderr_contains "natrisk serve: cannot write the store $db:"
expect_stderr_contains "the file is read-only"

t "import and user add refuse it too"
run $as_user "$NATRISK" import examples/nrb-2012.yaml --db "$db"
expect_status 1
expect_stderr_contains "natrisk import: cannot write the store $db:"
run $as_user "$NATRISK" user disable ann --db "$db"
expect_status 1
expect_stderr_contains "natrisk user: cannot write the store $db:"

t "serve refuses a store in a read-only directory"
chmod 644 "$db"
chmod 555 "$dir"
serve_refuses
expect_stderr_contains "natrisk serve: cannot write the store $db: its directory $dir is read-only"
expect_stderr_contains "-wal and -shm"
chmod 755 "$dir"

t "serve refuses a directory"
run timeout 10 "$NATRISK" serve --db "$dir" --listen 127.0.0.1:0
expect_status 1
expect_stderr_contains "natrisk serve: $dir is a directory, not a store"

t "the store is untouched and still serves when writable"
run "$NATRISK" user list --db "$db"
expect_status 0
expect_stdout_contains "ann"

t "serve on a port in use says so"
python3 -c '
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen()
print(s.getsockname()[1], flush=True)
time.sleep(30)' >"$T_TMP/port" &
holder=$!
i=0
while [ ! -s "$T_TMP/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$T_TMP/port")
run timeout 10 "$NATRISK" serve --db "$T_TMP/other.db" --listen "127.0.0.1:$port"
expect_status 1
expect_stderr_contains "natrisk serve: 127.0.0.1:$port is in use by another program"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

t "an unknown role names the roles"
run "$NATRISK" user add bob --role king --password-stdin --db "$db"
expect_status 2
expect_stderr_contains "unknown role 'king': the roles are admin, chair, analyst, viewer, owner and reporter"

t "a missing role names them too"
run "$NATRISK" user add bob --password-stdin --db "$db"
expect_status 2
expect_stderr_contains "--role is required: admin, chair, analyst, viewer, owner or reporter"

finish
