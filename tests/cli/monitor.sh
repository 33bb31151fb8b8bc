#!/bin/sh
# monitor.sh - the monitor (formats.md, "Monitor file" and "natrisk
# monitor") and CAP 1.2 (method.md section 8): the example storm's
# messages, exactly once across runs with --state, observations out of
# order and repeated, stale feeds, feed records that cannot be read,
# and malformed monitor files with their first error line (cap.sh
# checks "natrisk cap validate").
# Every expected message, time and place is worked out from the files
# here, not taken from natrisk's output.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

dir="$T_TMP/monitor"
mkdir "$dir"

# --- the example: a storm that rises to G4 and ends ---

t "the example storm: Alert at G1, Updates up to G4 and back, then Cancel"
run "$NATRISK" monitor examples/monitor-2012.yaml -o "$dir/example" \
	--now 2012-03-10T00:00:00Z --format json
expect_status 0
expect_stderr_empty
# feeds/kp-2012-03.json, 3-hourly: Kp 5 first on 03-08 03:00 (G1), 6 at
# 09:00, 7 at 12:00, 8 at 15:00 (G4), the estimated 7.33 at 21:00 (G3),
# 6 on 03-09 00:00, 5 at 03:00, 4 at 09:00 (none: Cancel)
python3 - "$OUT" <<'PY' || t_fail "the summary is not the storm's"
import json, sys
got = [(r["time"], r["level"], r["msgType"]) for r in json.load(open(sys.argv[1]))]
want = [("2012-03-08T03:00:00+00:00", 5, "Alert"),
        ("2012-03-08T09:00:00+00:00", 6, "Update"),
        ("2012-03-08T12:00:00+00:00", 7, "Update"),
        ("2012-03-08T15:00:00+00:00", 8, "Update"),
        ("2012-03-08T21:00:00+00:00", 7, "Update"),
        ("2012-03-09T00:00:00+00:00", 6, "Update"),
        ("2012-03-09T03:00:00+00:00", 5, "Update"),
        ("2012-03-09T09:00:00+00:00", None, "Cancel")]
sys.exit(0 if got == want else "got %r" % got)
PY

t "each message is valid CAP 1.2 and names the one before it"
run "$NATRISK" cap validate "$dir"/example/*.xml
expect_status 0
expect_stderr_empty
python3 - "$dir/example" <<'PY' || t_fail "the chain of messages is wrong"
import glob, sys
import xml.etree.ElementTree as ET
ns = {"c": "urn:oasis:names:tc:emergency:cap:1.2"}
msgs = [ET.parse(f).getroot() for f in sorted(glob.glob(sys.argv[1] + "/*.xml"))]
assert len(msgs) == 8, len(msgs)
prev = None
for m in msgs:
    get = lambda k: m.find("c:" + k, ns).text if m.find("c:" + k, ns) is not None else None
    assert get("sender") == "alerts@risk.example"
    assert get("sent").endswith("-00:00"), get("sent")
    assert get("scope") == "Public" and get("status") == "Actual"
    infos = m.findall("c:info", ns)
    assert [i.find("c:language", ns).text for i in infos] == ["nl-NL", "en-US"]
    if prev is None:
        assert get("msgType") == "Alert" and get("references") is None
    else:
        assert get("references") == "alerts@risk.example,%s,%s" % prev, (get("references"), prev)
    prev = (get("identifier"), get("sent"))
# the G4 message: event, severity and the Dutch headline of level 8
g4 = msgs[3]
info = g4.findall("c:info", ns)[0]
assert info.find("c:event", ns).text == "Geomagnetic storm G4"
assert info.find("c:headline", ns).text == "Zware geomagnetische storm (G4)"
# the Cancel repeats the codes of the last level, G1
c = msgs[7].findall("c:info", ns)[1]
assert c.find("c:event", ns).text == "Geomagnetic storm G1"
assert c.find("c:severity", ns).text == "Minor"
PY

t "natrisk check accepts the example monitor"
run "$NATRISK" check examples/monitor-2012.yaml
expect_status 0
expect_stderr_empty

# --- exactly once across runs ---

# monitor FILE FEED: a monitor of one K-index indicator on FEED, with
# levels 5 (G1) and 7 (G3), stale after 3h
monitor() {
	cat >"$1" <<YAML
natrisk: 1
monitor: Test monitor
sender: test@risk.example
indicators:
  - id: kp
    title: Planetary K-index
    feed: { format: $2 }
    stale: 3h
    levels:
      - at: 5
        event: Geomagnetic storm G1
        category: Geo
        urgency: Immediate
        severity: Minor
        certainty: Observed
        headline: { en: "Minor geomagnetic storm", nl: "Kleine geomagnetische storm" }
      - at: 7
        event: Geomagnetic storm G3
        category: Geo
        urgency: Immediate
        severity: Severe
        certainty: Observed
        headline: { en: "Strong geomagnetic storm", nl: "Sterke geomagnetische storm" }
YAML
}

# kp N: the first N records of the example's feed
kp() {
	python3 - "$1" <<'PY'
import json, sys
print(json.dumps(json.load(open("examples/feeds/kp-2012-03.json"))[:int(sys.argv[1])]))
PY
}

once="$dir/once"
mkdir "$once"
monitor "$once/m.yaml" "swpc-kp, path: kp.json"
kp 14 >"$once/kp.json"

t "a first run over part of the storm: Alert at Kp 5, Update at Kp 7"
run "$NATRISK" monitor "$once/m.yaml" --state "$once/state" -o "$once/out" \
	--now 2012-03-08T16:00:00Z --format json
expect_status 0
python3 - "$OUT" <<'PY' || t_fail "wrong messages"
import json, sys
got = [(r["time"], r["msgType"], r["level"]) for r in json.load(open(sys.argv[1]))]
assert got == [("2012-03-08T03:00:00+00:00", "Alert", 5),
               ("2012-03-08T12:00:00+00:00", "Update", 7)], got
PY
expect_file "$once/state/state.json"

t "a second run over the extended feed continues and repeats nothing"
kp 24 >"$once/kp.json"
run "$NATRISK" monitor "$once/m.yaml" --state "$once/state" -o "$once/out" \
	--now 2012-03-10T00:00:00Z --format json
expect_status 0
# the estimated 7.33 at 03-08 21:00 holds G3; 6 at 03-09 00:00 is G1
# (Update), 4 at 09:00 none (Cancel, referencing that Update)
python3 - "$OUT" "$once/out" <<'PY' || t_fail "wrong messages"
import json, sys
got = [(r["time"], r["msgType"], r["level"]) for r in json.load(open(sys.argv[1]))]
assert got == [("2012-03-09T00:00:00+00:00", "Update", 5),
               ("2012-03-09T09:00:00+00:00", "Cancel", None)], got
text = open(sys.argv[2] + "/natrisk-kp-20120309T090000Z.xml").read()
assert ("<references>test@risk.example,natrisk-kp-20120309T000000Z,"
        "2012-03-09T00:00:00-00:00</references>") in text
PY
[ "$(ls "$once/out" | wc -l)" -eq 4 ] || t_fail "not four messages in all"

t "a third run over the same data writes no message"
run "$NATRISK" monitor "$once/m.yaml" --state "$once/state" -o "$once/out" \
	--now 2012-03-10T00:00:00Z --format json
expect_status 0
[ "$(tr -d ' \n' <"$OUT")" = "[]" ] || t_fail "expected []"

t "one run over the whole feed writes the same four messages"
run "$NATRISK" monitor "$once/m.yaml" -o "$once/whole" \
	--now 2012-03-10T00:00:00Z
expect_status 0
[ "$(ls "$once/whole")" = "$(ls "$once/out")" ] || t_fail "other files"
for f in "$once"/whole/*.xml; do
	cmp -s "$f" "$once/out/$(basename "$f")" || t_fail "$f differs"
done

t "--state may name a state file"
run "$NATRISK" monitor "$once/m.yaml" --state "$once/state/state.json" \
	-o "$once/out" --now 2012-03-10T00:00:00Z --format json
expect_status 0
[ "$(tr -d ' \n' <"$OUT")" = "[]" ] || t_fail "expected []"

# --- observations out of order and repeated ---

order="$dir/order"
mkdir "$order"
monitor "$order/m.yaml" "csv, path: kp.csv"
# sorted: 00:00 1 (none), 01:00 5 (G1), 02:00 7.5 (G3: the first of the
# two 02:00 records), 03:00 2 (none)
cat >"$order/kp.csv" <<'EOF'
time,value
2026-10-10T02:00:00,7.5
2026-10-10T00:00:00,1
2026-10-10T01:00:00,5
2026-10-10T02:00:00,1
2026-10-10T03:00:00Z,2
EOF

t "out of order and repeated: in time order, the first of a repeated time"
run "$NATRISK" monitor "$order/m.yaml" --state "$order/state" \
	-o "$order/out" --now 2026-10-10T03:00:00Z --format json
expect_status 0
expect_stderr_empty
python3 - "$OUT" <<'PY' || t_fail "wrong messages"
import json, sys
got = [(r["time"], r["msgType"], r["level"]) for r in json.load(open(sys.argv[1]))]
assert got == [("2026-10-10T01:00:00+00:00", "Alert", 5),
               ("2026-10-10T02:00:00+00:00", "Update", 7),
               ("2026-10-10T03:00:00+00:00", "Cancel", None)], got
PY

t "a late record older than the last run's newest is not evaluated again"
printf '2026-10-10T00:30:00,9\n2026-10-10T04:00:00+01:00,6\n2026-10-10T04:00:00,5.5\n' \
	>>"$order/kp.csv"
# 04:00+01:00 is 03:00 UTC, evaluated already; 04:00 UTC 5.5 is G1 anew
run "$NATRISK" monitor "$order/m.yaml" --state "$order/state" \
	-o "$order/out" --now 2026-10-10T04:00:00Z --format json
expect_status 0
python3 - "$OUT" <<'PY' || t_fail "wrong messages"
import json, sys
got = [(r["time"], r["msgType"], r["level"]) for r in json.load(open(sys.argv[1]))]
assert got == [("2026-10-10T04:00:00+00:00", "Alert", 5)], got
PY
if grep -q "<references>" "$order/out/natrisk-kp-20261010T040000Z.xml"; then
	t_fail "an Alert after a Cancel starts a new chain: no references"
fi

# --- stale feeds ---

t "a feed within its stale duration gets no warning"
run "$NATRISK" monitor "$order/m.yaml" -o "$order/out2" \
	--now 2026-10-10T07:00:00Z
expect_status 0
expect_stderr_empty

t "a feed older than its stale duration gets a warning at the indicator"
run "$NATRISK" monitor "$order/m.yaml" -o "$order/out2" \
	--now 2026-10-10T07:00:01Z
expect_status 0
[ "$(sed "s|$order/||" "$ERR")" = "m.yaml:5:5: warning: indicator 'kp': stale feed, the newest observation is of 2026-10-10T04:00:00-00:00" ] ||
	t_fail "not the stale warning"

# --- feeds that cannot be read ---

# bad_feed NAME FORMAT EXPECTED: a monitor on the feed of standard input
# fails with EXPECTED first and writes no message
bad_feed() {
	mkdir "$dir/$1"
	monitor "$dir/$1/m.yaml" "$2, path: feed"
	cat >"$dir/$1/feed"
	t "bad feed: $1"
	run "$NATRISK" monitor "$dir/$1/m.yaml" -o "$dir/$1/out" \
		--now 2026-10-10T00:00:00Z
	expect_status 1
	expect_stdout_empty
	first=$(head -n 1 "$ERR" | sed "s|$dir/$1/||g")
	[ "$first" = "$3" ] || t_fail "first error: '$first', expected '$3'"
	[ -z "$(ls "$dir/$1/out")" ] || t_fail "messages written"
}

bad_feed kp-no-time swpc-kp "feed:2:2: error: record 2 has no time_tag (text)" <<'EOF'
[{"time_tag": "2026-10-10T00:00:00", "kp_index": 6},
 {"kp_index": 3},
 {"time_tag": "2026-10-10T02:00:00", "kp_index": 2}]
EOF

bad_feed kp-text swpc-kp "feed:2:3: error: record 2: kp_index and estimated_kp must be numbers" <<'EOF'
[ {"time_tag": "2026-10-10T00:00:00", "kp_index": 6},
  {"time_tag": "2026-10-10T01:00:00", "kp_index": "7"} ]
EOF

bad_feed kp-time swpc-kp "feed:1:2: error: record 1: time_tag '2026-13-10T00:00:00' is not an ISO 8601 time" <<'EOF'
[{"time_tag": "2026-13-10T00:00:00", "kp_index": 6}]
EOF

bad_feed kp-array swpc-kp "feed:1:1: error: a swpc-kp feed must be a JSON array of records" <<'EOF'
{"time_tag": "2026-10-10T00:00:00", "kp_index": 6}
EOF

bad_feed xray-energy swpc-xray "feed:2:2: error: record 2 has no energy (text)" <<'EOF'
[{"time_tag": "2026-10-10T00:00:00", "flux": 1e-6, "energy": "0.05-0.4nm"},
 {"time_tag": "2026-10-10T00:00:00", "flux": 2e-6}]
EOF

bad_feed csv-header csv "feed:1:1: error: a csv feed starts with the header time,value" <<'EOF'
when,value
2026-10-10T00:00:00,1
EOF

bad_feed csv-comma csv "feed:3:21: error: row 2: expected time,value" <<'EOF'
time,value
2026-10-10T00:00:00,1
2026-10-10T01:00:00,6,5
EOF

bad_feed csv-value csv "feed:3:21: error: row 2: '1e' is not a decimal number" <<'EOF'
time,value
2026-10-10T00:00:00,1
2026-10-10T01:00:00,1e
EOF

bad_feed csv-time csv "feed:2:1: error: row 1: '2026-10-10 25:00' is not an ISO 8601 time" <<'EOF'
time,value
2026-10-10 25:00,1
EOF

t "a feed file that does not exist: an error at the indicator"
mkdir "$dir/nofeed"
monitor "$dir/nofeed/m.yaml" "csv, path: none.csv"
run "$NATRISK" monitor "$dir/nofeed/m.yaml" -o "$dir/nofeed/out" \
	--now 2026-10-10T00:00:00Z
expect_status 1
[ "$(head -n 1 "$ERR" | sed "s|$dir/nofeed/||g")" = "m.yaml:5:5: error: indicator 'kp': none.csv: cannot open: No such file or directory" ] ||
	t_fail "not the missing feed's error"

t "a feed with a url is the server's: natrisk monitor warns and goes on"
mkdir "$dir/url"
monitor "$dir/url/m.yaml" "csv, url: \"http://127.0.0.1:9/kp.csv\""
run "$NATRISK" monitor "$dir/url/m.yaml" -o "$dir/url/out" \
	--now 2026-10-10T00:00:00Z --format json
expect_status 0
[ "$(tr -d ' \n' <"$OUT")" = "[]" ] || t_fail "expected []"
[ "$(sed "s|$dir/url/||g" "$ERR")" = "m.yaml:5:5: warning: indicator 'kp': its feed http://127.0.0.1:9/kp.csv is polled by the server, not by natrisk monitor" ] ||
	t_fail "not the url warning"

t "a state file that is not one: an error, and no message written"
printf '{"indicators": {"kp": {"level": "high"}}}\n' >"$dir/bad-state.json"
run "$NATRISK" monitor "$order/m.yaml" --state "$dir/bad-state.json" \
	-o "$dir/bad-state-out" --now 2026-10-10T00:00:00Z
expect_status 1
expect_stderr_contains "bad-state.json:1:1: error: not a monitor state file"
[ -z "$(ls "$dir/bad-state-out")" ] || t_fail "messages written"

# the GOES feeds: only the band of the format counts
t "swpc-xray reads the 0.1-0.8nm band, swpc-protons the >=10 MeV flux"
mkdir "$dir/goes"
cat >"$dir/goes/m.yaml" <<'EOF'
natrisk: 1
monitor: GOES
sender: test@risk.example
indicators:
  - id: xray
    title: X-ray flux
    feed: { format: swpc-xray, path: xray.json }
    levels:
      - { at: 1e-5, event: Radio blackout R1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: R1 } }
  - id: protons
    title: Proton flux
    feed: { format: swpc-protons, path: protons.json }
    levels:
      - { at: 10, event: Solar radiation storm S1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: S1 } }
EOF
# the 0.05-0.4nm band and the >=50 MeV flux rise too, but do not count
cat >"$dir/goes/xray.json" <<'EOF'
[{"time_tag": "2026-10-10T00:00:00Z", "satellite": 16, "flux": 2e-5, "energy": "0.05-0.4nm"},
 {"time_tag": "2026-10-10T00:00:00Z", "satellite": 16, "flux": 3e-6, "energy": "0.1-0.8nm"},
 {"time_tag": "2026-10-10T00:01:00Z", "satellite": 16, "flux": 1.2e-5, "energy": "0.1-0.8nm"}]
EOF
cat >"$dir/goes/protons.json" <<'EOF'
[{"time_tag": "2026-10-10T00:00:00Z", "satellite": 18, "flux": 50, "energy": ">=50 MeV"},
 {"time_tag": "2026-10-10T00:00:00Z", "satellite": 18, "flux": 3.5, "energy": ">=10 MeV"},
 {"time_tag": "2026-10-10T00:05:00Z", "satellite": 18, "flux": 12, "energy": ">=10 MeV"}]
EOF
run "$NATRISK" monitor "$dir/goes/m.yaml" -o "$dir/goes/out" \
	--now 2026-10-10T00:05:00Z --format json
expect_status 0
python3 - "$OUT" <<'PY' || t_fail "wrong messages"
import json, sys
got = [(r["indicator"], r["time"], r["msgType"]) for r in json.load(open(sys.argv[1]))]
assert got == [("xray", "2026-10-10T00:01:00+00:00", "Alert"),
               ("protons", "2026-10-10T00:05:00+00:00", "Alert")], got
PY

# --- malformed monitor files ---

# bad_monitor NAME EXPECTED: "natrisk check" on standard input as
# NAME.yaml fails with EXPECTED as its first line
bad_monitor() {
	cat >"$dir/$1.yaml"
	t "bad monitor $1"
	run "$NATRISK" check "$dir/$1.yaml"
	expect_status 1
	expect_stdout_empty
	first=$(head -n 1 "$ERR" | sed "s|$dir/||g")
	[ "$first" = "$2" ] || t_fail "first error: '$first', expected '$2'"
}

# head6: lines 1-6 of most cases; line 7 on is the level
head6() {
	printf 'natrisk: 1\nmonitor: Bad\nsender: a@b.example\nindicators:\n'
	printf '  - { id: kp, title: Kp, feed: { format: swpc-kp, path: kp.json },\n'
	printf '      levels: [\n'
}

bad_monitor top-key "top-key.yaml:3:1: error: unknown key 'colour' in the monitor" <<'EOF'
natrisk: 1
monitor: Bad
colour: red
sender: a@b.example
indicators: []
EOF

bad_monitor no-sender "no-sender.yaml:1:1: error: the monitor lacks the required key 'sender'" <<'EOF'
natrisk: 1
monitor: Bad
indicators: []
EOF

bad_monitor sender-space "sender-space.yaml:3:9: error: a CAP sender has no spaces, commas, '<' or '&': 'risk office'" <<'EOF'
natrisk: 1
monitor: Bad
sender: risk office
indicators: []
EOF

bad_monitor feed-format "feed-format.yaml:5:42: error: feed format must be swpc-kp, swpc-xray, swpc-protons or csv, not 'kp'" <<'EOF'
natrisk: 1
monitor: Bad
sender: a@b.example
indicators:
  - { id: kp, title: Kp, feed: { format: kp, path: kp.json }, levels: [ { at: 5, event: G1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: G1 } } ] }
EOF

bad_monitor feed-both "feed-both.yaml:5:32: error: a feed has either a path or a url" <<'EOF'
natrisk: 1
monitor: Bad
sender: a@b.example
indicators:
  - { id: kp, title: Kp, feed: { format: csv, path: a.csv, url: "http://127.0.0.1/a.csv" }, levels: [ { at: 5, event: G1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: G1 } } ] }
EOF

bad_monitor stale "stale.yaml:8:12: error: stale must be a duration such as 3h, 90m or 1d, not '3 hours'" <<'EOF'
natrisk: 1
monitor: Bad
sender: a@b.example
indicators:
  - id: kp
    title: Kp
    feed: { format: csv, path: a.csv }
    stale: 3 hours
    levels: [ { at: 5, event: G1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: G1 } } ]
EOF

bad_monitor category "category.yaml:7:39: error: category must be one of Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other, not 'Space'" <<EOF
$(head6)
        { at: 5, event: G1, category: Space, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: G1 } } ] }
EOF

bad_monitor severity "severity.yaml:7:74: error: severity must be one of Extreme, Severe, Moderate, Minor, Unknown, not 'High'" <<EOF
$(head6)
        { at: 5, event: G1, category: Geo, urgency: Immediate, severity: High, certainty: Observed, headline: { en: G1 } } ] }
EOF

bad_monitor descending "descending.yaml:8:15: error: levels must ascend by at: 5 follows 7" <<EOF
$(head6)
        { at: 7, event: G3, category: Geo, urgency: Immediate, severity: Severe, certainty: Observed, headline: { en: G3 } },
        { at: 5, event: G1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: G1 } } ] }
EOF

bad_monitor no-levels "no-levels.yaml:5:76: error: an indicator needs at least one level" <<'EOF'
natrisk: 1
monitor: Bad
sender: a@b.example
indicators:
  - { id: kp, title: Kp, feed: { format: swpc-kp, path: kp.json }, levels: [] }
EOF

bad_monitor polygon-open "polygon-open.yaml:8:47: error: a polygon's first pair must equal its last" <<EOF
$(head6)
        { at: 5, event: G1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: G1 },
          area: { desc: Netherlands, polygon: "53.6,3.3 53.6,7.3 50.7,7.3 50.7,3.3" } } ] }
EOF

bad_monitor polygon-three "polygon-three.yaml:8:47: error: a polygon needs at least four pairs" <<EOF
$(head6)
        { at: 5, event: G1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: G1 },
          area: { desc: Netherlands, polygon: "53.6,3.3 53.6,7.3 53.6,3.3" } } ] }
EOF

bad_monitor circle "circle.yaml:8:46: error: a circle is \"lat,lon radius\" (radius in km)" <<EOF
$(head6)
        { at: 5, event: G1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: G1 },
          area: { desc: Netherlands, circle: "52.1,5.1" } } ] }
EOF

bad_monitor languages "languages.yaml:8:24: error: instruction must have the languages of the headline" <<EOF
$(head6)
        { at: 5, event: G1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: G1, nl: G1 },
          instruction: { en: Stay inside } } ] }
EOF

bad_monitor unknown-scenario "unknown-scenario.yaml:7:17: error: unknown scenario 'solar-flare'" <<EOF
natrisk: 1
monitor: Bad
assessment: $NATRISK_ROOT/examples/nrb-2012.yaml
sender: a@b.example
indicators:
  - id: kp
    scenarios: [solar-flare]
    title: Kp
    feed: { format: swpc-kp, path: kp.json }
    levels: [ { at: 5, event: G1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: G1 } } ]
EOF

# cell broadcast: 1,395 GSM 7-bit septets at most. A headline of 200
# 'a' and an instruction of 1,194 'a' and one '{' (two septets, GSM's
# extension table) are 200 + 1 (the line feed) + 1,194 + 2 = 1,397
a200=$(python3 -c "print('a' * 200)")
long=$(python3 -c "print('a' * 1194 + '{')")
bad_monitor cb-gsm "cb-gsm.yaml:7:9: error: the en texts are 1397 characters in GSM 7-bit, more than cell broadcast carries (1395)" <<EOF
$(head6)
        { at: 5, event: G1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: "$a200" },
          instruction: { en: "$long" } } ] }
EOF

# 200 + 1 + 1,192 + 2 = 1,395: just fits
t "a level's texts of exactly 1,395 septets pass"
long=$(python3 -c "print('a' * 1192 + '{')")
{ head6; cat <<EOF; } >"$dir/cb-fits.yaml"
        { at: 5, event: G1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: "$a200" },
          instruction: { en: "$long" } } ] }
EOF
run "$NATRISK" check "$dir/cb-fits.yaml"
expect_status 0

# UCS-2: one 'ł' (not in the GSM alphabet) makes the whole info UCS-2,
# 615 characters at most: 100 + 1 + 515 = 616
l100=$(python3 -c "print('ł' * 100)")
b515=$(python3 -c "print('b' * 515)")
bad_monitor cb-ucs2 "cb-ucs2.yaml:7:9: error: the nl texts are 616 characters in UCS-2, more than cell broadcast carries (615)" <<EOF
$(head6)
        { at: 5, event: G1, category: Geo, urgency: Immediate, severity: Minor, certainty: Observed, headline: { en: G1, nl: "$l100" },
          instruction: { en: Stay inside, nl: "$b515" } } ] }
EOF

# --- usage ---

t "monitor: usage errors exit 2"
run "$NATRISK" monitor
expect_status 2
run "$NATRISK" monitor examples/monitor-2012.yaml --now yesterday
expect_status 2
expect_stderr_contains "--now must be an ISO 8601 time"
run "$NATRISK" monitor examples/monitor-2012.yaml --format csv
expect_status 2

t "monitor has --help"
run "$NATRISK" monitor --help
expect_status 0
expect_stdout_contains "usage: natrisk monitor MONITOR"

finish
