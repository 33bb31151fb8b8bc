#!/bin/sh
# install.sh - `make install PREFIX=... DESTDIR=...` installs the binary,
# the library with its headers and pkg-config file, the method files and
# the man page; the installed pieces work: the binary runs, finds the
# installed methods, and a program compiles against the library through
# pkg-config.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"
build=$(basename "${NATRISK_BUILD:?}")
stage="$T_TMP/stage"
prefix=/opt/natrisk-test

t "make install into a staging directory"
run make -s -C "$NATRISK_ROOT" install BUILD="$build" PREFIX="$prefix" \
	DESTDIR="$stage"
expect_status 0
root="$stage$prefix"
for f in bin/natrisk lib/libnatrisk.a lib/pkgconfig/natrisk.pc \
	include/natrisk/assessment.h include/natrisk/results.h \
	share/natrisk/methods/nrb-2008.yaml share/natrisk/methods/gra-2019.yaml \
	share/natrisk/methods/rbra-2022.yaml share/man/man1/natrisk.1; do
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

t "pkg-config describes the installed library"
run env PKG_CONFIG_PATH="$root/lib/pkgconfig" pkg-config --cflags --libs natrisk
expect_status 0
expect_stdout_contains "-lnatrisk"
expect_stdout_contains "$prefix/include"

t "a program builds against the installed library and assesses"
cat >"$T_TMP/use.c" <<'C'
#include <natrisk/assessment.h>
#include <natrisk/results.h>
#include <stdio.h>
int main(int argc, char **argv)
{
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
# The .pc file names $prefix; the staged copy lives under DESTDIR.
flags=$(PKG_CONFIG_PATH="$root/lib/pkgconfig" pkg-config --define-variable=prefix="$root" --cflags --libs --static natrisk)
# shellcheck disable=SC2086
run cc -std=gnu17 ${NATRISK_SAN:-} "$T_TMP/use.c" -o "$T_TMP/use" $flags
expect_status 0
run "$T_TMP/use" examples/nrb-2012.yaml
expect_status 0
expect_stdout_contains "cyber-espionage"

finish
