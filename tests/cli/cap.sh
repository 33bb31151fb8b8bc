#!/bin/sh
# cap.sh - "natrisk cap validate" (method.md section 8, docs/formats.md
# section 12) on CAP 1.2 messages written by hand: another publisher's
# valid message (tests/data/cap/valid.xml), and invalid ones made from it
# by one stated edit each, every one refused with its first error at the
# line and column of the element the edit broke; the cell-broadcast
# length of an info; the schema found in $NATRISK_DATADIR first.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

cap="$T_TMP/cap"
dir="$T_TMP"
mkdir "$cap"
cp tests/data/cap/valid.xml "$cap/valid.xml"

t "cap validate: another publisher's message written by hand is valid"
run "$NATRISK" cap validate "$cap/valid.xml"
expect_status 0
expect_stderr_empty

# bad_cap NAME SED EXPECTED: valid.xml edited by SED fails with EXPECTED
# (the path relative to $cap) as its first error line
bad_cap() {
	sed "$2" "$cap/valid.xml" >"$cap/$1.xml"
	t "cap validate: $1"
	run "$NATRISK" cap validate "$cap/$1.xml"
	expect_status 1
	expect_stdout_empty
	first=$(head -n 1 "$ERR" | sed "s|$cap/||g")
	[ "$first" = "$3" ] || t_fail "first error: '$first', expected '$3'"
}

ns="{urn:oasis:names:tc:emergency:cap:1.2}"
bad_cap status 's/<status>Exercise/<status>Real/' \
	"status.xml:6:3: error: Element '${ns}status': [facet 'enumeration'] The value 'Real' is not an element of the set {'Actual', 'Exercise', 'System', 'Test', 'Draft'}."
bad_cap sent-z 's/06:00:00+02:00/06:00:00Z/' \
	"sent-z.xml:5:3: error: Element '${ns}sent': [facet 'pattern'] The value '2026-10-10T06:00:00Z' is not accepted by the pattern '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+\\-]\\d{2}:\\d{2}'."
bad_cap no-msgtype '/<msgType>/d' \
	"no-msgtype.xml:7:3: error: Element '${ns}scope': This element is not expected. Expected is ( ${ns}msgType )."
bad_cap identifier-space 's/KNMI-2026-0042/KNMI 2026/' \
	"identifier-space.xml:3:3: error: Element '${ns}identifier': [facet 'pattern'] The value 'KNMI 2026' is not accepted by the pattern '[^\\s,<&]+'."
bad_cap category 's/<category>Met/<category>Weather/' \
	"category.xml:13:5: error: Element '${ns}category': [facet 'enumeration'] The value 'Weather' is not an element of the set {'Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'}."
bad_cap update-no-references '/<references>/d' \
	"update-no-references.xml:7:3: error: an Update names the message it updates in references"
bad_cap references-pair 's/,KNMI-2026-0041,2026-10-10T04:00:00+02:00/,KNMI-2026-0041/' \
	"references-pair.xml:10:3: error: references are sender,identifier,sent triplets separated by spaces; 'weather@knmi.example,KNMI-2026-0041' is not"
bad_cap restricted-alone '/<restriction>/d' \
	"restricted-alone.xml:8:3: error: a Restricted message needs a restriction"
bad_cap restriction-public 's/<scope>Restricted/<scope>Public/' \
	"restriction-public.xml:9:3: error: restriction is only for a Restricted message"
bad_cap private-no-addresses 's/<scope>Restricted/<scope>Private/; /<restriction>/d' \
	"private-no-addresses.xml:8:3: error: a Private message needs addresses"
bad_cap same-language 's/<language>en-US/<language>nl-NL/' \
	"same-language.xml:24:3: error: a second info in nl-NL: one info per language"
bad_cap polygon-three 's/51.8,3.3 51.8,4.2 51.2,4.2 51.2,3.3 51.8,3.3/51.8,3.3 51.8,4.2 51.8,3.3/' \
	"polygon-three.xml:34:7: error: a polygon needs at least four pairs"
bad_cap polygon-open 's/51.2,3.3 51.8,3.3/51.2,3.3/' \
	"polygon-open.xml:34:7: error: a polygon's first pair must equal its last"
bad_cap polygon-latitude 's/51.8,4.2 51.2,4.2/91.8,4.2 51.2,4.2/' \
	"polygon-latitude.xml:34:7: error: a latitude must lie in -90..90 and a longitude in -180..180"
bad_cap circle-radius 's/<circle>51.5,3.6 25/<circle>51.5,3.6/' \
	"circle-radius.xml:21:7: error: a circle is \"lat,lon radius\" (radius in km)"
bad_cap not-closed 's/<\/alert>//' \
	"not-closed.xml:38:1: error: Premature end of data in tag alert line 2"

t "cap validate: a root other than alert is refused"
printf '<?xml version="1.0"?>\n<info xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>\n' >"$cap/info.xml"
run "$NATRISK" cap validate "$cap/info.xml"
expect_status 1
expect_stderr_contains "info.xml:2:1: error: Element '${ns}info': No matching global declaration available for the validation root."

t "cap validate: CAP 1.1 is not CAP 1.2"
sed 's/cap:1.2/cap:1.1/' "$cap/valid.xml" >"$cap/cap11.xml"
run "$NATRISK" cap validate "$cap/cap11.xml"
expect_status 1
expect_stderr_contains "cap11.xml:2:1: error: Element '{urn:oasis:names:tc:emergency:cap:1.1}alert': No matching global declaration"

# the en-US info with a description: 'ł' is not in the GSM alphabet, so
# the info counts in UCS-2: 25 (the headline) + 1 + 590 = 616
t "cap validate: an info longer than cell broadcast carries (UCS-2)"
desc=$(python3 -c "print('ł' + 'c' * 589)")
sed "s|<headline>Severe storm on the coast</headline>|<headline>Severe storm on the coast</headline><description>$desc</description>|" \
	"$cap/valid.xml" >"$cap/long.xml"
run "$NATRISK" cap validate "$cap/long.xml"
expect_status 1
expect_stderr_contains "long.xml:24:3: error: the en-US info is 616 characters in UCS-2, more than cell broadcast carries (615)"

t "cap validate: every file is checked, each error located"
run "$NATRISK" cap validate "$cap/status.xml" "$cap/valid.xml" "$cap/restricted-alone.xml"
expect_status 1
[ "$(wc -l <"$ERR")" -eq 2 ] || t_fail "not two errors"

t "cap validate: a file that does not exist"
run "$NATRISK" cap validate "$cap/none.xml"
expect_status 1
expect_stderr_contains "none.xml:1:1: error:"

t "cap validate finds the schema in \$NATRISK_DATADIR first"
mkdir -p "$dir/data/schemas"
# a schema without the status Exercise: valid.xml (Exercise) fails
sed 's/<xs:enumeration value="Exercise"\/>//' schemas/cap-1.2.xsd \
	>"$dir/data/schemas/cap-1.2.xsd"
NATRISK_DATADIR="$dir/data" run "$NATRISK" cap validate "$cap/valid.xml"
expect_status 1
expect_stderr_contains "valid.xml:6:3: error: Element '${ns}status'"

# --- usage ---

t "cap: usage errors exit 2"
run "$NATRISK" cap
expect_status 2
run "$NATRISK" cap check "$cap/valid.xml"
expect_status 2
run "$NATRISK" cap validate
expect_status 2

t "cap has --help"
run "$NATRISK" cap --help
expect_status 0
expect_stdout_contains "usage: natrisk cap validate FILE..."

finish
