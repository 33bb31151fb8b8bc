#!/bin/sh
# docs.sh - the project documents itself: README.md, docs/ and the READMEs
# of examples/ and methods/ point into the repository (never to a
# ../shared tree that a clone does not have), the files they link to
# exist, and the worked examples of docs/method.md and docs/formats.md
# run as written (tests/tools/doc_script.py: ```LANG file=NAME blocks
# write their file, ```console blocks must print what they show), in a
# scratch directory beside examples/.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

documents="README.md docs examples/README.md methods"

t "the documentation refers to no shared spec outside the repository"
run grep -rnE '\.\./shared|shared/spec' $documents
expect_status 1

t "the README points to the method and the formats in docs/"
run grep -c 'docs/method\.md\|docs/formats\.md' README.md
expect_status 0
expect_file docs/method.md
expect_file docs/formats.md

t "every relative link of README.md and docs/ names a file that exists"
run python3 tests/tools/check_links.py README.md docs/*.md examples/README.md methods/README.md
expect_status 0

t "the link check finds a link to a missing file"
printf '[there](no-such-file.md) and [here](docs.md#part)\n' >"$T_TMP/docs.md"
run python3 tests/tools/check_links.py "$T_TMP/docs.md"
expect_status 1
expect_stdout_contains "no-such-file.md"

for doc in docs/method.md docs/formats.md; do
	name=$(basename "$doc" .md)
	tree="$T_TMP/$name"
	mkdir -p "$tree/run"
	ln -s "$NATRISK_ROOT/examples" "$tree/run/examples"
	t "the worked examples of $doc run as written"
	python3 tests/tools/doc_script.py "$doc" "$tree" >"$tree/script.sh"
	run sh -c "cd '$tree/run' && PATH='$(dirname "$NATRISK")':\$PATH sh '$tree/script.sh'"
	expect_status 0
	expect_stdout_matches "^$name: [1-9][0-9]* console commands checked\$"
done

finish
