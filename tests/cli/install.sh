#!/bin/sh
# install.sh - `make install PREFIX=... DESTDIR=...` installs the binary,
# the library with its headers and pkg-config file, the method files and
# the man page; the installed pieces work: the binary runs, finds the
# installed methods; a program builds through pkg-config against the
# shared library (the plain form) and against the static one (--static),
# each using the form it was built for; and a program with its own
# internal-sounding names ("keep", "file_read") links with either form,
# since the library exports natrisk_* names only.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"
build=$(basename "${NATRISK_BUILD:?}")
stage="$T_TMP/stage"
prefix=/opt/natrisk-test

t "make install into a staging directory"
run make -s -C "$NATRISK_ROOT" install BUILD="$build" PREFIX="$prefix" \
	DESTDIR="$stage"
expect_status 0
root="$stage$prefix"
for f in bin/natrisk lib/libnatrisk.a lib/libnatrisk.so.0 lib/libnatrisk.so \
	lib/pkgconfig/natrisk.pc include/natrisk.h \
	include/natrisk/assessment.h include/natrisk/results.h \
	share/natrisk/methods/nrb-2008.yaml share/natrisk/methods/gra-2019.yaml \
	share/natrisk/methods/rbra-2022.yaml share/natrisk/schemas/cap-1.2.xsd \
	share/man/man1/natrisk.1; do
	[ -f "$root/$f" ] || t_fail "not installed: $f"
done
[ -x "$root/bin/natrisk" ] || t_fail "natrisk is not executable"

t "the installed binary runs"
run "$root/bin/natrisk" --version
expect_status 0
expect_stdout_matches '^natrisk [0-9]+\.[0-9]+\.[0-9]+$'

t "the man page is valid roff with the commands"
run man -l "$root/share/man/man1/natrisk.1"
expect_status 0
expect_stdout_contains "natrisk diagram"

t "the shared library has a soname, linked to by both names"
version=$("$NATRISK" --version | sed 's/^natrisk //')
[ -f "$root/lib/libnatrisk.so.$version" ] || t_fail "no lib/libnatrisk.so.$version"
[ "$(readlink "$root/lib/libnatrisk.so.0")" = "libnatrisk.so.$version" ] ||
	t_fail "libnatrisk.so.0 does not point to libnatrisk.so.$version"
[ "$(readlink "$root/lib/libnatrisk.so")" = libnatrisk.so.0 ] ||
	t_fail "libnatrisk.so does not point to libnatrisk.so.0"
run readelf -d "$root/lib/libnatrisk.so.$version"
expect_stdout_matches 'SONAME.*\[libnatrisk\.so\.0\]'

t "pkg-config describes the installed library in both forms"
export PKG_CONFIG_PATH="$root/lib/pkgconfig"
run pkg-config --modversion natrisk
expect_stdout_matches "^$version\$"
run pkg-config --cflags --libs natrisk
expect_status 0
expect_stdout_contains "-lnatrisk"
expect_stdout_contains "$prefix/include"
expect_stdout_lacks "-lsqlite3"
run pkg-config --static --libs natrisk
expect_status 0
for lib in -lnatrisk -lfyaml -ljansson -lcairo -lsqlite3 -lsodium -lm; do
	expect_stdout_contains "$lib"
done

# The .pc file names $prefix; the staged copy lives under DESTDIR.
pc() {
	pkg-config --define-variable=prefix="$root" "$@" natrisk
}

cat >"$T_TMP/use.c" <<'C'
#include <natrisk.h>
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv)
{
	if (strcmp(natrisk_version(), NATRISK_VERSION) != 0)
		return 2;
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a;
	if (argc < 2 || natrisk_assessment_load(&a, argv[1], diag) != 0)
		return 1;
	natrisk_results *r;
	if (natrisk_results_new(&r, a, 0) != 0)
		return 1;
	const size_t *order = natrisk_results_order(r);
	printf("%s\n", natrisk_assessment_scenario(a, order[0])->id);
	natrisk_results_free(r);
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
	return 0;
}
C
# A program of its own whose names are ones the library uses inside:
# they must not clash with the library's (nor be called by it).
cat >"$T_TMP/own.c" <<'C'
#include <natrisk/assessment.h>
#include <stdio.h>
#include <string.h>
int keep(int x);
int file_read(const char *path);
int keep(int x) { return x + 1; }
int file_read(const char *path) { return (int)strlen(path); }
int main(int argc, char **argv)
{
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a;
	if (argc < 2 || natrisk_assessment_load(&a, argv[1], diag) != 0)
		return 1;
	printf("%zu %d %d\n", natrisk_assessment_scenario_count(a), keep(1),
	       file_read("abc"));
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
	return 0;
}
C

# build NAME SOURCE FLAGS...: compile SOURCE into $T_TMP/NAME.
build() {
	name=$1
	src=$2
	shift 2
	# shellcheck disable=SC2086
	run cc -std=gnu17 ${NATRISK_SAN:-} "$T_TMP/$src" -o "$T_TMP/$name" "$@"
	expect_status 0
}

# uses_shared PROGRAM: whether it needs libnatrisk.so.0 at run time.
uses_shared() {
	readelf -d "$1" | grep -q 'NEEDED.*\[libnatrisk\.so\.0\]'
}

t "a program builds against the shared library with the plain flags"
# shellcheck disable=SC2046
build use-shared use.c $(pc --cflags --libs) -Wl,-rpath,"$root/lib"
uses_shared "$T_TMP/use-shared" || t_fail "use-shared does not need libnatrisk.so.0"
run ldd "$T_TMP/use-shared"
expect_stdout_contains "libnatrisk.so.0 => $root/lib/libnatrisk.so.0"
run "$T_TMP/use-shared" examples/nrb-2012.yaml
expect_status 0
expect_stdout_contains "cyber-espionage"

t "the shared program runs with LD_LIBRARY_PATH instead of an rpath"
# shellcheck disable=SC2046
build use-path use.c $(pc --cflags --libs)
run env LD_LIBRARY_PATH="$root/lib" "$T_TMP/use-path" examples/nrb-2012.yaml
expect_status 0
expect_stdout_contains "cyber-espionage"

# The linker prefers libnatrisk.so when both are installed: a static
# link names the archive (docs/library.md).
static_libs=$(pc --static --libs | sed 's/-lnatrisk\b/-l:libnatrisk.a/')

t "a program builds against the static library with --static"
# shellcheck disable=SC2086
build use-static use.c $(pc --static --cflags) $static_libs
! uses_shared "$T_TMP/use-static" || t_fail "use-static needs libnatrisk.so.0"
run ldd "$T_TMP/use-static"
expect_stdout_lacks "libnatrisk"
run "$T_TMP/use-static" examples/nrb-2012.yaml
expect_status 0
expect_stdout_contains "cyber-espionage"

if [ -z "${NATRISK_SAN:-}" ]; then
	# Debian ships libzip (the progress letter's .odt) only as a shared
	# library, so the most static program links every other library
	# statically and needs libzip and the C library alone at run time.
	t "a program static but for libzip and libc builds with --static"
	# shellcheck disable=SC2046
	# (the C library's own parts, libm, libpthread and librt, stay with it)
	build use-all-static use.c -static-libgcc $(pc --static --cflags) -Wl,-Bstatic \
		$(pc --static --libs | sed -E 's/ -(lzip|lm|lrt|lpthread|pthread)\b//g') \
		-Wl,-Bdynamic -lzip -lm -lpthread
	run readelf -d "$T_TMP/use-all-static"
	expect_stdout_contains "libzip.so"
	needed=$(grep NEEDED "$OUT" | grep -v 'libzip\.so\|libc\.so\|libm\.so\|ld-linux')
	[ -z "$needed" ] || t_fail "needs more than libzip and libc: $needed"
	run "$T_TMP/use-all-static" examples/nrb-2012.yaml
	expect_status 0
	expect_stdout_contains "cyber-espionage"
fi

t "a program with its own keep and file_read links with the shared library"
# shellcheck disable=SC2046
build own-shared own.c $(pc --cflags --libs) -Wl,-rpath,"$root/lib"
uses_shared "$T_TMP/own-shared" || t_fail "own-shared does not need libnatrisk.so.0"
run "$T_TMP/own-shared" examples/nrb-2012.yaml
expect_status 0
expect_stdout_matches '^[0-9]+ 2 3$'

t "a program with its own keep and file_read links with the static library"
# shellcheck disable=SC2086
build own-static own.c $(pc --static --cflags) $static_libs
! uses_shared "$T_TMP/own-static" || t_fail "own-static needs libnatrisk.so.0"
run "$T_TMP/own-static" examples/nrb-2012.yaml
expect_status 0
expect_stdout_matches '^[0-9]+ 2 3$'

finish
