#!/bin/sh
# fuzz_replay.sh - the fuzz targets of fuzz/, built with the compiler and
# sanitizers of this build and fuzz/replay.c as their main(), replayed
# over their seeds (fuzz/seeds/TARGET) and minimised corpus
# (fuzz/corpus/TARGET): every input the fuzzer ever kept must still load
# or be refused without a crash, a leak or undefined behaviour. First,
# the driver itself must fail on an input that aborts.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"
: "${NATRISK_BUILD:?set NATRISK_BUILD to the build directory}"

abort_bin="$NATRISK_BUILD/tests/replay_abort"
printf 'fine' >"$T_TMP/fine"
printf 'abort here' >"$T_TMP/abort"
mkdir "$T_TMP/dir" "$T_TMP/empty"
cp "$T_TMP/fine" "$T_TMP/dir/a"
cp "$T_TMP/abort" "$T_TMP/dir/b"

t "replay: inputs that pass give exit 0 and are counted"
run "$abort_bin" "$T_TMP/fine" "$T_TMP/fine"
expect_status 0
expect_stdout_contains "replayed 2 inputs"

t "replay: an input that aborts fails the run"
run "$abort_bin" "$T_TMP/fine" "$T_TMP/abort"
[ "$STATUS" -ne 0 ] || t_fail "exit status 0 after an abort"
expect_stderr_contains "$T_TMP/abort"

t "replay: an aborting file inside a directory fails the run"
run "$abort_bin" "$T_TMP/dir"
[ "$STATUS" -ne 0 ] || t_fail "exit status 0 after an abort"

t "replay: a missing or empty directory is an error, not a pass"
run "$abort_bin" "$T_TMP/none"
[ "$STATUS" -ne 0 ] || t_fail "exit status 0 for a missing directory"
run "$abort_bin" "$T_TMP/empty"
[ "$STATUS" -ne 0 ] || t_fail "exit status 0 for no inputs"

for src in fuzz/fuzz_*.c; do
	target=$(basename "$src" .c)
	t "replay: $target over its seeds and corpus"
	run "$NATRISK_BUILD/fuzz/replay_$target" "fuzz/seeds/$target" \
		"fuzz/corpus/$target"
	expect_status 0
	expect_stdout_matches '^replayed [1-9][0-9]* inputs$'
	if [ "$STATUS" -ne 0 ]; then
		echo "  last inputs and the report:"
		tail -n 25 "$ERR" | sed 's/^/    /'
	fi
done

finish
