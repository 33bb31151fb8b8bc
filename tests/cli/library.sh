#!/bin/sh
# library.sh - what libnatrisk promises a program that links it: the
# shared and the static library define no global name but natrisk_*
# ones (so that a program's own "keep" or "file_read" cannot clash),
# export exactly the functions the public headers declare, every one of
# them documented; one umbrella header; and one version everywhere.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"
build=${NATRISK_BUILD:?}
headers="include/natrisk.h include/natrisk/*.h"

# defined_globals FILE: the global names FILE defines (functions and
# data), one a line, sorted.
defined_globals() {
	nm -g --defined-only "$@" 2>/dev/null |
		awk 'NF == 3 && $2 ~ /^[TDBRVWiu]$/ { print $3 }' | sort -u
}

# declared: the functions the public headers declare, sorted.
declared() {
	# shellcheck disable=SC2086
	sed -n 's/.*\b\(natrisk_[a-z0-9_]*\)(.*/\1/p' $headers | sort -u
}

t "the static library defines natrisk_* names only"
defined_globals "$build/libnatrisk.a" >"$T_TMP/a.names"
[ -s "$T_TMP/a.names" ] || t_fail "no names in libnatrisk.a"
grep -v '^natrisk_' "$T_TMP/a.names" >"$T_TMP/a.foreign"
[ ! -s "$T_TMP/a.foreign" ] ||
	t_fail "libnatrisk.a defines $(wc -l <"$T_TMP/a.foreign") other names: $(head -n 5 "$T_TMP/a.foreign" | tr '\n' ' ')"

t "the shared library exports natrisk_* names only"
nm -D --defined-only "$build/libnatrisk.so" |
	awk 'NF == 3 { print $3 }' | sort -u >"$T_TMP/so.names"
[ -s "$T_TMP/so.names" ] || t_fail "no names in libnatrisk.so"
grep -v '^natrisk_' "$T_TMP/so.names" >"$T_TMP/so.foreign"
[ ! -s "$T_TMP/so.foreign" ] ||
	t_fail "libnatrisk.so exports $(wc -l <"$T_TMP/so.foreign") other names: $(head -n 5 "$T_TMP/so.foreign" | tr '\n' ' ')"

t "both export exactly what the public headers declare"
declared >"$T_TMP/declared"
# Under a sanitizer the compiler may add names of its own.
grep '^natrisk_' "$T_TMP/so.names" >"$T_TMP/so.natrisk"
cmp -s "$T_TMP/declared" "$T_TMP/a.names" ||
	t_fail "libnatrisk.a and the headers differ: $(diff "$T_TMP/declared" "$T_TMP/a.names" | grep '^[<>]' | head -n 5 | tr '\n' ' ')"
cmp -s "$T_TMP/declared" "$T_TMP/so.natrisk" ||
	t_fail "libnatrisk.so and the headers differ: $(diff "$T_TMP/declared" "$T_TMP/so.natrisk" | grep '^[<>]' | head -n 5 | tr '\n' ' ')"

t "internal names are still in the static library, made local"
run nm "$build/libnatrisk.a"
expect_stdout_matches ' t keep$'
expect_stdout_matches ' t file_read$'

t "every public function is exported and documented"
# shellcheck disable=SC2086
run python3 tests/cli/header_docs.py $headers
expect_status 0
expect_stdout_matches '^[0-9]+ functions declared, 0 lapses$'

t "the documentation check finds an undocumented function"
mkdir -p "$T_TMP/natrisk"
printf '%s\n' '#include "common.h"' 'NATRISK_EXTERN' \
	'int natrisk_undocumented(int x);' '' '/* Returns 0. */' \
	'int natrisk_not_exported(void);' '/* Gives it. */' 'NATRISK_EXTERN' \
	'int natrisk_gives(char **text);' >"$T_TMP/natrisk/bad.h"
run python3 tests/cli/header_docs.py "$T_TMP/natrisk/bad.h"
expect_status 1
expect_stdout_contains "natrisk_undocumented: no comment documents it"
expect_stdout_contains "natrisk_not_exported: not marked NATRISK_EXTERN"
expect_stdout_contains "natrisk_gives: the comment does not say what it returns"
expect_stdout_contains "natrisk_gives: the comment does not say who frees"

t "the umbrella header includes every public header"
for h in include/natrisk/*.h; do
	grep -q "#include \"natrisk/$(basename "$h")\"" include/natrisk.h ||
		t_fail "natrisk.h does not include $(basename "$h")"
done
printf '#include <natrisk.h>\nint main(void) { return natrisk_version() == 0; }\n' \
	>"$T_TMP/umbrella.c"
# shellcheck disable=SC2086
run cc -std=c99 -Wall -Wextra -Werror -pedantic -Iinclude ${NATRISK_SAN:-} \
	"$T_TMP/umbrella.c" "$build/libnatrisk.a" -o "$T_TMP/umbrella" \
	$(pkg-config --libs libfyaml jansson cairo sqlite3 libsodium cbc libxml-2.0) \
	-lstdc++ -lm -lpthread
expect_status 0
run "$T_TMP/umbrella"
expect_status 0
# and from C++
run c++ -std=c++11 -Wall -Wextra -Werror -pedantic -fsyntax-only -Iinclude \
	-x c++ include/natrisk.h
expect_status 0

t "README's library example builds against the shared library and runs"
sed -n '/^## Using the library/,/^## /p' README.md |
	sed -n '/^```c$/,/^```$/p' | sed '1d;$d' >"$T_TMP/readme.c"
[ -s "$T_TMP/readme.c" ] || t_fail "no C example under 'Using the library'"
# shellcheck disable=SC2086
run cc -std=gnu17 -Wall -Wextra -Werror -Iinclude ${NATRISK_SAN:-} \
	"$T_TMP/readme.c" -L"$build" -lnatrisk -Wl,-rpath,"$build" \
	-o "$T_TMP/readme"
expect_status 0
run "$T_TMP/readme" examples/nrb-2012.yaml
expect_status 0
expect_stdout_lines 1
run readelf -d "$T_TMP/readme"
expect_stdout_contains "[libnatrisk.so.0]"

t "one version: the header, the library, the binary and the Makefile"
header=$(sed -n 's/^#define NATRISK_VERSION "\(.*\)"$/\1/p' include/natrisk/common.h)
[ -n "$header" ] || t_fail "no NATRISK_VERSION in common.h"
run "$NATRISK" --version
expect_stdout_contains "natrisk $header"
printf 'print-version:\n\t@echo $(VERSION) $(SONAME)\n' >"$T_TMP/print.mk"
run make -s -C "$NATRISK_ROOT" --no-print-directory -f Makefile \
	-f "$T_TMP/print.mk" print-version
expect_stdout_contains "$header libnatrisk.so.${header%%.*}"
[ -f "$build/libnatrisk.so.$header" ] || t_fail "no libnatrisk.so.$header"
run readelf -d "$build/libnatrisk.so.$header"
expect_stdout_matches "SONAME.*\\[libnatrisk\\.so\\.${header%%.*}\\]"

finish
