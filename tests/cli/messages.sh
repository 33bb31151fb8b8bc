#!/bin/sh
# messages.sh - server and library messages in Dutch: the catalogue of
# src/core/messages_nl_*.c against every message the sources format
# (tests/tools/messages.py finds them: the formats of error_set,
# natrisk_diag_add, yerror, ywarning, reply_error and every other
# printf-like function there, and the parts marked MSG() or passed to
# msg_tr() and to the functions that translate a part). The CLI's own
# words stay English, whatever the locale.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

check() {
	python3 tests/tools/messages.py "$NATRISK_ROOT" "$1" >"$T_TMP/out" 2>&1 ||
		t_fail "$(head -n 15 "$T_TMP/out")"
}

t "the extractor finds messages as the compiler joins them"
check extractor

t "every message the server or the library formats has a Dutch entry"
check coverage

t "every entry of the catalogue is a message of the sources"
check unused

t "the tables are sorted for the binary search, each entry once, in its layer's table"
check tables

t "each translation has the conversions of its English, in order or by position"
check conversions

t "one Dutch term per concept, and the web UI's names of levels, roles and statuses"
check terms

t "the catalogue holds some hundreds of entries"
n=$(python3 tests/tools/messages.py "$NATRISK_ROOT" count)
[ "$n" -ge 350 ] || t_fail "only $n entries"

t "the CLI stays English in a Dutch locale"
LANG=nl_NL.UTF-8 LANGUAGE=nl LC_ALL=nl_NL.UTF-8 run "$NATRISK" check examples/bad/broken.yaml
expect_status 1
expect_stderr_contains "error: unknown key 'likelyhood' in a scenario; did you mean 'likelihood'?"

finish
