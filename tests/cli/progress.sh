#!/bin/sh
# progress.sh - "natrisk progress" and "natrisk plan import-actions"
# (method.md section 6b, formats.md): the register on a date against a
# small plan worked out by hand (statuses from the log, entries of one
# date, deadlines of a quarter and of a leap February, overdue from the
# day after the deadline, counts per owner with each action once), the
# JSON contract, the CSV register, what changed between two dates; the
# progress letter in HTML and as an OpenDocument package that validates
# (every XML part parses, the manifest lists every part, mimetype first
# and stored) and that LibreOffice converts to a PDF naming every adopted
# advice; and the CSV round trip with located errors for bad rows and the
# plan file unchanged.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

D="$T_TMP/plan"
mkdir -p "$D"
cat >"$D/a.yaml" <<'YAML'
natrisk: 1
title: Test assessment
method: nrb-2008
scenarios:
  - { id: s1, title: Storm, kind: hazard, likelihood: C, impact: { "2.1": C } }
  - { id: s2, title: Attack, kind: threat, likelihood: B, impact: { "3.1": D } }
YAML
cat >"$D/p.yaml" <<'YAML'
natrisk: 1
plan: Test plan
assessment: a.yaml
organisations:
  - { id: o1, title: Ministry One }
  - { id: o2, title: Ministry Two }
capabilities:
  - { id: c1, title: C1, phase: response, scenarios: [s1] }
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1, o2]
    actions:
      # develops criteria in 2012
      - id: criteria
        what: Develop criteria
        due: 2012
        log:
          - { date: 2012-06-05, status: planned }
          - { date: 2012-11-30, status: done, note: "Sent." }
      - id: pilot
        what: Start a pilot
        due: 2013-Q1
        log:
          - { date: 2013-01-10, status: on-track }
          - { date: 2013-01-10, status: late, note: "Supplier, delayed" }
  - id: m2
    title: Measure two
    capabilities: [c1]
    owners: [o2]
    actions:
      - id: leap
        what: Leap day report
        due: 2012-02
  - id: m3
    title: Measure three
    capabilities: [c1]
    owners: [o1]
    actions:
      - id: hidden
        what: Hidden action
        due: 2012
advice:
  - id: adv-one
    title: Advice number one about storms
    owners: [o1]
    measures: [m1, m2]
    decision: { status: adopted, date: 2012-06-05 }
  - { id: adv-two, title: Advice number two rejected, owners: [o2], measures: [m3], decision: { status: rejected } }
  - { id: adv-three, title: Advice three shares a measure, owners: [o2], measures: [m2], decision: { status: adopted } }
YAML
P="$D/p.yaml"

# json_equals EXPECTED: standard output is that JSON value.
json_equals() {
	python3 - "$OUT" "$1" <<'PY' || t_fail "JSON differs from the expected value"
import json, sys
got = json.load(open(sys.argv[1]))
want = json.loads(sys.argv[2])
if got != want:
    print("  got: " + json.dumps(got, sort_keys=True)[:600])
    sys.exit(1)
PY
}

t "progress --format json: the register on 2013-06-01, exactly the contract"
run "$NATRISK" progress "$P" --on 2013-06-01 --format json
expect_status 0
# criteria: done since 2012-11-30; pilot: two entries on 2013-01-10, the
# later (late) wins, deadline 2013-03-31 passed; leap: 2012-02 ends on
# the 29th, no entry (planned, since null), overdue. m2 is under two
# adopted advices; adv-two (rejected) is left out, and its m3 counts for
# no owner. o1: criteria, pilot; o2: criteria, pilot, leap (once).
json_equals '{"on": "2013-06-01", "advice": [
 {"id": "adv-one", "decision": "adopted", "owners": ["o1"], "measures": [
  {"id": "m1", "actions": [
   {"id": "criteria", "due": "2012", "deadline": "2012-12-31", "status": "done", "since": "2012-11-30", "overdue": false},
   {"id": "pilot", "due": "2013-Q1", "deadline": "2013-03-31", "status": "late", "since": "2013-01-10", "overdue": true}]},
  {"id": "m2", "actions": [
   {"id": "leap", "due": "2012-02", "deadline": "2012-02-29", "status": "planned", "since": null, "overdue": true}]}]},
 {"id": "adv-three", "decision": "adopted", "owners": ["o2"], "measures": [
  {"id": "m2", "actions": [
   {"id": "leap", "due": "2012-02", "deadline": "2012-02-29", "status": "planned", "since": null, "overdue": true}]}]}],
 "owners": {"o1": {"actions": 2, "done": 1, "overdue": 1},
            "o2": {"actions": 3, "done": 1, "overdue": 2}}}'

# status_on DATE MEASURE-INDEX ACTION-INDEX: "status since overdue" of
# that action of adv-one on DATE.
status_on() {
	run "$NATRISK" progress "$P" --on "$1" --format json
	python3 -c 'import json, sys
a = json.load(open(sys.argv[1]))["advice"][0]["measures"][int(sys.argv[2])]["actions"][int(sys.argv[3])]
print(a["status"], a["since"], a["overdue"])' "$OUT" "$2" "$3"
}

t "status on a date: before, on and after the entries and deadlines"
[ "$(status_on 2012-06-04 0 0)" = "planned None False" ] || t_fail "criteria before its first entry"
[ "$(status_on 2012-06-05 0 0)" = "planned 2012-06-05 False" ] || t_fail "criteria on its first entry"
[ "$(status_on 2013-01-01 0 0)" = "done 2012-11-30 False" ] || t_fail "criteria done"
[ "$(status_on 2013-01-09 0 1)" = "planned None False" ] || t_fail "pilot before its entries"
[ "$(status_on 2013-01-10 0 1)" = "late 2013-01-10 False" ] || t_fail "pilot: the last entry of a date"
[ "$(status_on 2013-03-31 0 1)" = "late 2013-01-10 False" ] || t_fail "pilot on its deadline"
[ "$(status_on 2013-04-01 0 1)" = "late 2013-01-10 True" ] || t_fail "pilot the day after"
[ "$(status_on 2012-02-29 1 0)" = "planned None False" ] || t_fail "leap on 29 February"
[ "$(status_on 2012-03-01 1 0)" = "planned None True" ] || t_fail "leap on 1 March"

t "progress --since: what changed between two dates (JSON and table)"
run "$NATRISK" progress "$P" --on 2013-06-01 --since 2012-12-01 --format json
expect_status 0
python3 - "$OUT" <<'PY' || t_fail "changed is not the two entries of 2013-01-10"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["since"] == "2012-12-01", d["since"]
want = [
 {"advice": "adv-one", "measure": "m1", "action": "pilot", "date": "2013-01-10", "from": "planned", "status": "on-track", "note": None},
 {"advice": "adv-one", "measure": "m1", "action": "pilot", "date": "2013-01-10", "from": "on-track", "status": "late", "note": "Supplier, delayed"}]
assert d["changed"] == want, d["changed"]
PY
run "$NATRISK" progress "$P" --on 2013-06-01 --since 2012-11-30
expect_status 0
expect_stdout_contains "Changed after 2012-11-30:"
expect_stdout_contains "2013-01-10 m1/pilot: late - Supplier, delayed"
expect_stdout_lacks "m1/criteria: done"
expect_stdout_width 80

t "progress (table): per action, OVERDUE marked, owners counted; Dutch"
run "$NATRISK" progress "$P" --on 2013-06-01
expect_status 0
expect_stdout_matches '^    pilot +2013-Q1 +late +2013-01-10 OVERDUE$'
expect_stdout_matches '^    criteria +2012 +done +2012-11-30 *$'
expect_stdout_matches '^o2 +3 +1 +2$'
expect_stdout_lacks "hidden"
expect_stdout_width 80
run "$NATRISK" progress "$P" --on 2013-06-01 --lang nl
expect_stdout_contains "Voortgang op 2013-06-01"
expect_stdout_contains "TE LAAT"

t "progress --format csv: the action register"
run "$NATRISK" progress "$P" --on 2013-06-01 --format csv
expect_status 0
printf '%s\r\n' \
	'advice,measure,action,what,owners,due,deadline,status,since,overdue,note' \
	'adv-one,m1,criteria,Develop criteria,o1 o2,2012,2012-12-31,done,2012-11-30,false,Sent.' \
	'adv-one,m1,pilot,Start a pilot,o1 o2,2013-Q1,2013-03-31,late,2013-01-10,true,"Supplier, delayed"' \
	'adv-one,m2,leap,Leap day report,o2,2012-02,2012-02-29,planned,,true,' \
	'adv-three,m2,leap,Leap day report,o2,2012-02,2012-02-29,planned,,true,' \
	>"$T_TMP/want.csv"
expect_stdout_equals_file "$T_TMP/want.csv"

t "progress: usage errors exit 2"
run "$NATRISK" progress "$P"
expect_status 2
expect_stderr_contains "--on DATE is required"
run "$NATRISK" progress "$P" --on 2013-02-29
expect_status 2
expect_stderr_contains "'2013-02-29' is not a real date"
run "$NATRISK" progress "$P" --on 2013-06-01 --since 2013-06-02
expect_status 2
run "$NATRISK" progress "$P" --on 2013-06-01 --format xml
expect_status 2
run "$NATRISK" progress "$P" --on 2013-06-01 --format json -o "$T_TMP/x.odt"
expect_status 2
[ ! -e "$T_TMP/x.odt" ] || t_fail "wrote a letter after a usage error"
run "$NATRISK" progress --help
expect_status 0
expect_stdout_contains "usage: natrisk progress PLAN --on DATE"

t "progress: a plan with a bad due period is a located error"
sed 's/due: 2012-02$/due: 2013-02-29/' "$P" >"$D/bad.yaml"
run "$NATRISK" progress "$D/bad.yaml" --on 2013-06-01
expect_status 1
expect_stderr_matches "bad\.yaml:[0-9]+:[0-9]+: error: due '2013-02-29' is not a real period"
expect_stdout_empty

t "letter -o .html: every adopted advice, its owners, overdue actions"
run "$NATRISK" progress "$P" --on 2013-06-01 -o "$T_TMP/letter.html"
expect_status 0
expect_file "$T_TMP/letter.html"
for text in "Advice number one about storms" "Advice three shares a measure" \
	"Ministry One" "Start a pilot" "<svg"; do
	grep -qF "$text" "$T_TMP/letter.html" || t_fail "the letter lacks '$text'"
done
! grep -qF "Advice number two rejected" "$T_TMP/letter.html" ||
	t_fail "the letter names rejected advice"

odt="$T_TMP/letter.odt"
t "letter -o .odt: mimetype first and stored, every XML part parses, the manifest lists every part"
run "$NATRISK" progress "$P" --on 2013-06-01 --since 2012-12-01 --lang nl -o "$odt"
expect_status 0
python3 - "$odt" "$T_TMP/parts" <<'PY' || t_fail "the package is not a valid .odt"
import os, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
infos = z.infolist()
first = infos[0]
assert first.filename == "mimetype", first.filename
assert first.compress_type == zipfile.ZIP_STORED, "mimetype is compressed"
assert first.extra == b"", "mimetype has an extra field"
assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
# the text sits at offset 38 for tools that sniff it
raw = open(sys.argv[1], "rb").read()
assert raw[30:38] == b"mimetype" and raw[38:77] == b"application/vnd.oasis.opendocument.text"
names = [i.filename for i in infos]
for part in ("content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml", "Pictures/diagram.png"):
    assert part in names, part
os.makedirs(sys.argv[2], exist_ok=True)
z.extractall(sys.argv[2])
PY
for part in content.xml styles.xml meta.xml META-INF/manifest.xml; do
	xmllint --noout "$T_TMP/parts/$part" 2>>"$ERR" || t_fail "$part does not parse"
done
python3 - "$odt" <<'PY' || t_fail "manifest and package differ"
import sys, zipfile
import xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
ns = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
root = ET.fromstring(z.read("META-INF/manifest.xml"))
listed = {e.get(ns + "full-path"): e.get(ns + "media-type") for e in root}
assert listed.pop("/") == "application/vnd.oasis.opendocument.text"
parts = {n for n in z.namelist() if n not in ("mimetype", "META-INF/manifest.xml")}
assert set(listed) == parts, (sorted(listed), sorted(parts))
assert listed["Pictures/diagram.png"] == "image/png"
assert z.read("Pictures/diagram.png")[:8] == b"\x89PNG\r\n\x1a\n"
content = z.read("content.xml").decode()
assert 'xlink:href="Pictures/diagram.png"' in content
PY

t "letter .odt: LibreOffice converts it; the PDF names every adopted advice"
mkdir -p "$T_TMP/pdf"
run timeout 300 soffice -env:UserInstallation=file://$T_TMP/lo --headless \
	--convert-to pdf --outdir "$T_TMP/pdf" "$odt"
expect_status 0
expect_file "$T_TMP/pdf/letter.pdf"
pdftotext "$T_TMP/pdf/letter.pdf" "$T_TMP/letter.txt" 2>>"$ERR" ||
	t_fail "pdftotext failed"
python3 - "$T_TMP/letter.txt" <<'PY' || t_fail "the PDF lacks the letter's texts"
import sys
text = " ".join(open(sys.argv[1], encoding="utf-8").read().split())
for want in ("Advice number one about storms", "Advice three shares a measure",
             "Voortgang van de overgenomen adviezen", "Ministry One",
             "Start a pilot", "Over de termijn", "Supplier, delayed"):
    assert want in text, want
assert "Advice number two rejected" not in text
PY

t "import-actions: the exported register round-trips with no change"
cp "$P" "$T_TMP/before.yaml"
"$NATRISK" progress "$P" --on 2013-06-01 --format csv >"$T_TMP/same.csv"
run "$NATRISK" plan import-actions "$P" "$T_TMP/same.csv"
expect_status 0
cmp -s "$P" "$T_TMP/before.yaml" || t_fail "an unchanged register changed the plan"

t "import-actions: changed statuses append dated entries, comments kept"
# pilot done; leap dropped in its adv-one row (its adv-three copy still
# says planned, which changes nothing)
tr -d '\r' <"$T_TMP/same.csv" | sed -e 's/^adv-one,m1,pilot,\(.*\),late,2013-01-10,true,.*$/adv-one,m1,pilot,\1,done,2013-04-15,true,"Ran, at last"/' \
	-e 's/^adv-one,m2,leap,\(.*\),planned,,true,$/adv-one,m2,leap,\1,dropped,2013-05-01,true,/' \
	>"$T_TMP/changed.csv"
run "$NATRISK" plan import-actions "$P" "$T_TMP/changed.csv"
expect_status 0
expect_stderr_contains "2 log entries appended"
grep -qF "# develops criteria in 2012" "$P" || t_fail "the comment was lost"
grep -qF '          - { date: 2013-04-15, status: done, note: "Ran, at last" }' "$P" ||
	t_fail "no entry for the pilot"
grep -qF '          - { date: 2013-05-01, status: dropped }' "$P" ||
	t_fail "no entry for leap"
run "$NATRISK" progress "$P" --on 2013-06-01 --format json
python3 - "$OUT" <<'PY' || t_fail "the imported statuses do not show"
import json, sys
d = json.load(open(sys.argv[1]))
m1, m2 = d["advice"][0]["measures"]
assert m1["actions"][1]["status"] == "done" and m1["actions"][1]["since"] == "2013-04-15"
assert m2["actions"][0]["status"] == "dropped" and m2["actions"][0]["overdue"] is False
assert d["owners"]["o2"] == {"actions": 3, "done": 2, "overdue": 0}, d["owners"]
PY

t "import-actions: bad rows are located errors and the plan is unchanged"
cp "$P" "$T_TMP/before.yaml"
printf '%s\n' 'measure,action,status,since,note' \
	'm1,criteria,late,2013-06-01,fine alone' \
	'm1,nope,done,2013-06-01,' \
	'm9,pilot,done,2013-06-01,' \
	'm1,pilot,finished,2013-06-01,' \
	'm1,pilot,late,2013-04-14,' \
	'm2,leap,late,,' \
	'm2,leap,late,2013-13-01,' \
	'm2,leap' >"$T_TMP/bad.csv"
run "$NATRISK" plan import-actions "$P" "$T_TMP/bad.csv"
expect_status 1
expect_stderr_contains "bad.csv:3:4: error: measure 'm1' has no action 'nope'"
expect_stderr_contains "bad.csv:4:1: error: unknown measure 'm9'"
expect_stderr_contains "bad.csv:5:10: error: an action's status must be planned, on-track, late, done or dropped, not 'finished'"
expect_stderr_contains "bad.csv:6:15: error: since 2013-04-14 is before the action's last entry (2013-04-15)"
expect_stderr_contains "bad.csv:7:14: error: the status changes: 'since' must give the date"
expect_stderr_contains "bad.csv:8:14: error: since '2013-13-01' is not a real date"
expect_stderr_contains "bad.csv:9:1: error: this row has 2 fields, the header 5"
cmp -s "$P" "$T_TMP/before.yaml" || t_fail "the plan changed after bad rows"

t "import-actions: a header without the required columns; usage errors"
printf 'measure,what\nm1,x\n' >"$T_TMP/header.csv"
run "$NATRISK" plan import-actions "$P" "$T_TMP/header.csv"
expect_status 1
expect_stderr_contains "header.csv:1:1: error: the header lacks the column 'action'"
cmp -s "$P" "$T_TMP/before.yaml" || t_fail "the plan changed"
run "$NATRISK" plan import-actions "$P"
expect_status 2
run "$NATRISK" plan export "$P"
expect_status 2

t "examples/plan-2012.yaml: the letter's actions, logs up to mid-2013, four overdue on 2013-07-01"
need_pyyaml
python3 - examples/plan-2012.yaml <<'PY' || t_fail "an action's log goes past mid-2013"
import sys, yaml, datetime
plan = yaml.safe_load(open(sys.argv[1]))
dates = [e["date"] for m in plan["measures"] for a in m.get("actions", [])
         for e in a.get("log", [])]
assert dates and max(dates) <= datetime.date(2013, 6, 30), max(dates)
assert sum(len(m.get("actions", [])) for m in plan["measures"]) >= 12
PY
run "$NATRISK" progress examples/plan-2012.yaml --on 2013-07-01 --format json
expect_status 0
python3 - "$OUT" <<'PY' || t_fail "not the four overdue actions worked out by hand"
import json, sys
d = json.load(open(sys.argv[1]))
late = sorted(a["id"] for adv in d["advice"] for m in adv["measures"]
              for a in m["actions"] if a["overdue"])
# alarm-pilot (2013-Q2, late), plan-drafted (2013-06, late),
# care-security-pilot (2013-Q1, on track), procurement-criteria (2012, late)
assert late == ["alarm-pilot", "care-security-pilot", "plan-drafted",
                "procurement-criteria"], late
PY

finish
