#!/bin/sh
# report.sh - "natrisk report": the HTML findings report, read back with
# Python's html.parser. It must parse with balanced tags, refer to nothing
# outside itself, hold one risk diagram and a bar chart per scenario, a
# section per scenario with its title and every rationale, a column per
# weight profile, the movements since the previous edition, Dutch when
# asked, escaped user text; and the command must write nothing on failure.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

need_pyyaml

check="$T_TMP/check.py"
cat >"$check" <<'PY'
"""check.py MODE HTML [ARGS]: read the report back and check it."""
import re
import sys
from html.parser import HTMLParser

import yaml

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
failures = []


def fail(message):
    failures.append(message)


def norm(text):
    return " ".join(text.split())


class Doc(HTMLParser):
    """Every element with its attributes, parent chain and text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []      # open elements: dicts
        self.elements = []   # all elements, in document order
        self.doctype = None
        self.style = ""

    def handle_decl(self, decl):
        self.doctype = decl

    def _open(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": [],
              "parents": list(self.stack), "line": self.getpos()[0]}
        self.elements.append(el)
        return el

    def handle_starttag(self, tag, attrs):
        el = self._open(tag, attrs)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self._open(tag, attrs)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1]["tag"] != tag:
            top = self.stack[-1]["tag"] if self.stack else "nothing"
            fail(f"line {self.getpos()[0]}: </{tag}> closes <{top}>")
            return
        self.stack.pop()

    def handle_data(self, data):
        for el in self.stack:
            el["text"].append(data)
        if self.stack and self.stack[-1]["tag"] == "style":
            self.style += data


def load(path):
    doc = Doc()
    with open(path, encoding="utf-8") as f:
        doc.feed(f.read())
    doc.close()
    if doc.stack:
        fail("unclosed elements: " + " ".join(e["tag"] for e in doc.stack))
    if not doc.doctype or doc.doctype.lower() != "doctype html":
        fail(f"doctype is {doc.doctype!r}")
    return doc


def find(doc, tag=None, **attrs):
    return [e for e in doc.elements if (tag is None or e["tag"] == tag)
            and all(e["attrs"].get(k.rstrip("_")) == v
                    for k, v in attrs.items())]


def text(el):
    return norm("".join(el["text"]))


def inside(el, parent):
    return any(p is parent for p in el["parents"])


def check_self_contained(doc):
    for e in doc.elements:
        for name, value in e["attrs"].items():
            value = value or ""
            if name == "src" or name.endswith(":href") and not value.startswith("#"):
                fail(f"line {e['line']}: <{e['tag']} {name}={value!r}>")
            if name == "href" and not value.startswith("#"):
                fail(f"line {e['line']}: <{e['tag']} href={value!r}>")
        if e["tag"] in ("script", "link", "iframe", "object", "img"):
            fail(f"line {e['line']}: <{e['tag']}> in a self-contained report")
    # url(#id) names an element of this file (the charts' shared marker)
    if re.search(r"@import|url\((?!#)", doc.style):
        fail("the style sheet refers outside the file")
    own = {e["attrs"].get("id") for e in doc.elements}
    for ref in re.findall(r"url\(#([^)]*)\)", doc.style):
        if ref not in own:
            fail(f"the style sheet refers to a missing #{ref}")


def check_structure(doc, lang):
    html = find(doc, "html")
    if len(html) != 1 or html[0]["attrs"].get("lang") != lang:
        fail(f"<html lang> is not {lang!r}")
    if not find(doc, "meta", charset="utf-8"):
        fail("no <meta charset=utf-8>")
    if "@media print" not in doc.style or \
            not re.search(r"print-color-adjust:\s*exact", doc.style) or \
            not re.search(r"break-before:\s*page", doc.style):
        fail("print CSS incomplete")
    heads = [int(e["tag"][1]) for e in doc.elements
             if re.fullmatch(r"h[1-6]", e["tag"])]
    if heads.count(1) != 1 or heads[0] != 1:
        fail("not exactly one <h1>, first")
    for a, b in zip(heads, heads[1:]):
        if b > a + 1:
            fail(f"heading level jumps from h{a} to h{b}")
    ids = [e["attrs"]["id"] for e in doc.elements if "id" in e["attrs"]]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        fail(f"duplicate ids: {sorted(dup)}")
    for table in find(doc, "table"):
        if not any(e["tag"] == "caption" and inside(e, table)
                   for e in doc.elements):
            fail(f"line {table['line']}: table without a caption")
    for th in find(doc, "th"):
        if th["attrs"].get("scope") not in ("col", "row", "colgroup",
                                            "rowgroup"):
            fail(f"line {th['line']}: <th> without scope")
    for a in find(doc, "a"):
        href = a["attrs"].get("href", "")
        if href.startswith("#") and href[1:] not in ids:
            fail(f"link to missing anchor {href}")


def check_svgs(doc, scenarios):
    top = [e for e in doc.elements if e["tag"] == "svg"
           and not any(p["tag"] == "svg" for p in e["parents"])]
    figure = find(doc, "figure", id="risk-diagram")
    diagram = [s for s in top if figure and inside(s, figure[0])]
    if len(diagram) != 1:
        fail(f"{len(diagram)} risk diagrams, expected 1")
    robustness = find(doc, "section", id="robustness")
    acceptability = [s for s in top if robustness and inside(s, robustness[0])]
    if len(acceptability) != 1:
        fail(f"{len(acceptability)} acceptability charts, expected 1")
    charts = [s for s in top if "chart" in s["attrs"].get("class", "")
              and s not in acceptability]
    if len(charts) != len(scenarios) or \
            len(top) != 2 + len(scenarios):
        fail(f"{len(top)} svgs and {len(charts)} charts for "
             f"{len(scenarios)} scenarios")
    for s in top:
        labelled = s["attrs"].get("aria-labelledby") or \
            s["attrs"].get("aria-label") or \
            any(inside(s, p) for p in s["parents"]
                if p["attrs"].get("aria-label"))
        if not labelled:
            fail(f"line {s['line']}: svg without an accessible name")
    return charts


def whys(scenario):
    found = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("why"), str):
                found.append(node["why"])
            for v in node.values():
                walk(v)
    walk(scenario.get("likelihood"))
    walk(scenario.get("impact"))
    return found


def check_scenarios(doc, scenarios, charts):
    for s in scenarios:
        sec = find(doc, "section", id="scenario-" + s["id"])
        if len(sec) != 1:
            fail(f"no section for {s['id']}")
            continue
        body = text(sec[0])
        if norm(s["title"]) not in body:
            fail(f"section {s['id']} lacks its title")
        for why in whys(s):
            if norm(why) not in body:
                fail(f"section {s['id']} lacks the rationale "
                     f"{norm(why)[:50]!r}")
        if sum(1 for c in charts if inside(c, sec[0])) != 1:
            fail(f"section {s['id']} has no bar chart of its own")
        if not any(e["tag"] == "a" and e["attrs"].get("href") ==
                   "#scenario-" + s["id"] for e in doc.elements):
            fail(f"summary does not link to {s['id']}")


def check_profiles(doc, method_file, chosen):
    with open(method_file, encoding="utf-8") as f:
        method = yaml.safe_load(f)
    want = [p["id"] for p in method["weights"]["profiles"]]
    got = [e["attrs"]["data-profile"] for e in doc.elements
           if e["tag"] == "th" and "data-profile" in e["attrs"]]
    if got != want:
        fail(f"profile columns {got}, expected {want}")
    marked = [e["attrs"]["data-profile"] for e in doc.elements
              if e["tag"] == "th" and "chosen" in e["attrs"].get("class", "")]
    if marked != [chosen]:
        fail(f"chosen profile column {marked}, expected {chosen}")


def check_movements(doc, scenarios, previous):
    sec = find(doc, "section", id="movements")
    if len(sec) != 1:
        fail("no movements section")
        return
    now = {s["id"]: s for s in scenarios}
    then = {s["id"]: s for s in previous}
    rows = [e["attrs"]["data-scenario"] for e in doc.elements
            if e["tag"] == "tr" and "data-scenario" in e["attrs"]
            and inside(e, sec[0])]
    both = [i for i in now if i in then]
    if sorted(rows) != sorted(both):
        fail(f"movement rows {rows}, expected {both}")
    body = text(sec[0])
    for i in ("flu-severe", "flu-mild"):
        if i not in rows or norm(now[i]["title"]) not in body:
            fail(f"movements do not name {i}")
    for ul_class, ids, source in (("added", set(now) - set(then), now),
                                  ("dropped", set(then) - set(now), then)):
        lst = find(doc, "ul", class_=ul_class)
        got = text(lst[0]) if lst else ""
        for i in ids:
            if norm(source[i]["title"]) not in got:
                fail(f"{ul_class} list lacks {i}")


def main():
    mode, path = sys.argv[1], sys.argv[2]
    doc = load(path)
    check_self_contained(doc)
    if mode == "full":
        current, prev, method_file, chosen = sys.argv[3:7]
        with open(current, encoding="utf-8") as f:
            scenarios = yaml.safe_load(f)["scenarios"]
        with open(prev, encoding="utf-8") as f:
            previous = yaml.safe_load(f)["scenarios"]
        check_structure(doc, "en")
        charts = check_svgs(doc, scenarios)
        check_scenarios(doc, scenarios, charts)
        check_profiles(doc, method_file, chosen)
        check_movements(doc, scenarios, previous)
    elif mode == "nl":
        check_structure(doc, "nl")
        h2 = [text(e) for e in find(doc, "h2")]
        for want in ("Risicodiagram", "Overzicht naar risico",
                     "Rangorde per gewichtenset",
                     "Verschuivingen sinds de vorige editie"):
            if want not in h2:
                fail(f"no Dutch heading {want!r} in {h2}")
        if not find(doc, "th", scope="col") or \
                "Waarschijnlijkheid" not in text(find(doc, "body")[0]):
            fail("Dutch table headings missing")
    elif mode == "escaped":
        title, doc_title = sys.argv[3:5]
        if find(doc, "script") or find(doc, "b"):
            fail("user text became markup")
        h3 = [text(e) for e in find(doc, "h3")]
        if not any(title in h for h in h3):
            fail(f"title not shown literally: {h3}")
        if doc_title not in text(find(doc, "title")[0]) or \
                doc_title not in text(find(doc, "h1")[0]):
            fail("assessment title not shown literally")
        if "<b>bold</b> & \"quoted\"" not in text(find(doc, "body")[0]):
            fail("rationale not shown literally")
    for message in failures:
        print(message)
    sys.exit(1 if failures else 0)


main()
PY

# expect_html MODE DIR [ARGS]: DIR/report.html passes check.py MODE.
expect_html() {
	mode=$1 dir=$2
	shift 2
	python3 "$check" "$mode" "$dir/report.html" "$@" >"$T_TMP/check.out" 2>&1 ||
		t_fail "check $mode: $(head -n 8 "$T_TMP/check.out")"
}

t "report with --compare: complete, self-contained and well formed"
run "$NATRISK" report examples/nrb-2012.yaml --compare examples/nrb-2011.yaml \
	-o "$T_TMP/en"
expect_status 0
expect_stdout_empty
expect_stderr_empty
expect_file "$T_TMP/en/report.html"
expect_html full "$T_TMP/en" examples/nrb-2012.yaml examples/nrb-2011.yaml \
	methods/nrb-2008.yaml equal

t "1,000 scenarios: every section keeps its title, scores table, rationales and chart; the report is under 2.9 MB"
# Issue 9, point 20: repeated markup is shared or shortened, not content.
# The file was 8.6 MB, 6.5 MB with the first savings, 3.7 MB, 2.98 MB,
# 2.86 MB now (the benchmark's assessment: 2.97 MB); the issue's target
# is 3 MB.
python3 - "$T_TMP/big.yaml" <<'PY'
import sys
classes = "ABCDE"
lines = ["natrisk: 1", "title: Big", "edition: 2026", "method: nrb-2008",
         "scenarios:"]
for i in range(1000):
    lines += ["  - id: s%04d" % i, "    title: Scenario number %d" % i,
              "    kind: hazard", "    likelihood: { ev: C, ll: B, ul: D }",
              "    impact:"]
    for k, c in enumerate(["1.1", "2.1", "2.2", "3.1", "4.1", "5.1", "5.2"]):
        g = (i + k) % 4
        lines.append('      "%s": { ev: %s, ll: %s, ul: %s, why: "why %d %s" }'
                     % (c, classes[g + 1], classes[g], classes[g + 1], i, c))
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
run "$NATRISK" report "$T_TMP/big.yaml" -n 0 -o "$T_TMP/big"
expect_status 0
python3 - "$T_TMP/big/report.html" >"$T_TMP/big.out" 2>&1 <<'PY' ||
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
bad = []
if len(html.encode()) >= 2_900_000:
    bad.append("%d bytes" % len(html.encode()))
sections = re.findall(r'<section class="scenario" id="scenario-(s\d{4})".*?</section>',
                      html, re.S)
if len(sections) != 1000:
    bad.append("%d sections" % len(sections))
for m in re.finditer(r'<section class="scenario" id="scenario-s(\d{4})"(.*?)</section>',
                     html, re.S):
    i, body = int(m.group(1)), m.group(2)
    need = ["Scenario number %d</h3>" % i, '<table class="criteria">',
            '<svg class="chart"'] + ["why %d %s" % (i, c) for c in
                                     ["1.1", "2.1", "2.2", "3.1", "4.1", "5.1", "5.2"]]
    rows = re.findall(r'<tr><th scope=row>([0-9.]+)</th>'
                      r'<td>([A-E])</td><td>([A-E])</td><td>([A-E])</td>', body)
    if [r[0] for r in rows] != ["1.1", "2.1", "2.2", "3.1", "4.1", "5.1", "5.2"]:
        bad.append("s%04d: rows %r" % (i, rows))
    for k, r in enumerate(rows):
        g = (i + k) % 4
        if r[1:] != ("ABCDE"[g], "ABCDE"[g + 1], "ABCDE"[g + 1]):
            bad.append("s%04d %s: LL EV UL %r" % (i, r[0], r[1:]))
    bad += ["s%04d lacks %r" % (i, n) for n in need if n not in body]
    if "Not scored (X — not applicable): 1.2, 2.3, 5.3." not in body:
        bad.append("s%04d: the unscored criteria are not named" % i)
print("\n".join(bad[:10]))
sys.exit(1 if bad else 0)
PY
	t_fail "$(head -n 5 "$T_TMP/big.out")"

t "the report is reproducible byte for byte"
run "$NATRISK" report examples/nrb-2012.yaml --compare examples/nrb-2011.yaml \
	-o "$T_TMP/again"
expect_status 0
cmp -s "$T_TMP/en/report.html" "$T_TMP/again/report.html" ||
	t_fail "two runs differ"

t "an existing directory is reused"
run "$NATRISK" report examples/nrb-2012.yaml -o "$T_TMP/again"
expect_status 0
grep -q 'id="movements"' "$T_TMP/again/report.html" &&
	t_fail "movements without --compare"

t "--weights marks the chosen profile"
run "$NATRISK" report examples/nrb-2012.yaml --compare examples/nrb-2011.yaml \
	--weights physical -o "$T_TMP/physical"
expect_status 0
expect_html full "$T_TMP/physical" examples/nrb-2012.yaml \
	examples/nrb-2011.yaml methods/nrb-2008.yaml physical

t "--lang nl: Dutch document and headings"
run "$NATRISK" report examples/nrb-2012.yaml --compare examples/nrb-2011.yaml \
	--lang nl -o "$T_TMP/nl"
expect_status 0
expect_html nl "$T_TMP/nl"
grep -q '<html lang="nl">' "$T_TMP/nl/report.html" || t_fail 'no lang="nl"'

t "the report prints on A4 and no column of its wide tables is cut off"
# Chromium prints it as a browser would; pdftotext (poppler-utils) reads
# the pages back. A cut table loses its right-hand columns on paper, so
# each data row of the tables with a column per weight profile or method
# must keep all its numbers.
chromium=${CHROMIUM:-/usr/bin/chromium}
for lang in en nl; do
	pdf="$T_TMP/$lang.pdf"
	timeout 120 "$chromium" --headless=new --no-sandbox --disable-gpu \
		--no-pdf-header-footer --print-to-pdf="$pdf" \
		"file://$T_TMP/$lang/report.html" >/dev/null 2>&1 ||
		t_fail "chromium could not print the $lang report"
	pdfinfo "$pdf" 2>/dev/null | grep -q '^Page size:.*(A4)' ||
		t_fail "the $lang report does not print on A4"
	pdftotext -layout "$pdf" "$T_TMP/$lang.txt" || t_fail "pdftotext $lang"
	python3 - "$T_TMP/$lang.txt" "$lang" >"$T_TMP/print.out" 2>&1 <<'PY' ||
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read().splitlines()
# caption start: columns of numbers (6 weight profiles; then 3 methods)
tables = {"en": {"Rank of each scenario per weight profile": 6,
                 "Rank by total impact, in the order": 9,
                 "Kendall's tau-b between every two": 9},
          "nl": {"Rang van elk scenario per gewichtenset": 6,
                 "Rang naar totale impact, in de volgorde": 9,
                 "Kendalls tau-b tussen elke twee": 9}}[sys.argv[2]]
number = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")
bad = []
for caption, columns in tables.items():
    starts = [k for k, line in enumerate(text) if line.strip().startswith(caption)]
    if not starts:
        bad.append("no table captioned %r in the printed text" % caption)
        continue
    rows = [line for line in text[starts[0] + 1:starts[0] + 60]
            if re.match(r"^\s*\S", line) and
            sum(bool(number.match(w)) for w in line.split()) > 0]
    counts = [sum(bool(number.match(w)) for w in line.split()) for line in rows[:7]]
    if len(counts) < 5 or any(c != columns for c in counts):
        bad.append("%r: numbers per printed row %r, expected %d each"
                   % (caption, counts, columns))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
		t_fail "$lang: $(head -n 5 "$T_TMP/print.out")"
done

t "every printed page carries the banner: classification and date"
# The 2012 example holds a restricted scenario, so RESTRICTED; from a file
# there is no status. The pages are pdftotext's, split at form feeds.
for lang in en nl; do
	[ -f "$T_TMP/$lang.txt" ] || continue
	python3 - "$T_TMP/$lang.txt" "$lang" >"$T_TMP/banner.out" 2>&1 <<'PY' ||
import re
import sys

pages = [p for p in open(sys.argv[1], encoding="utf-8").read().split("\f") if p.strip()]
level = {"en": "RESTRICTED", "nl": "DEPARTEMENTAAL VERTROUWELIJK"}[sys.argv[2]]
banner = re.compile(re.escape(level) + " \u2014 [0-9]{4}-[0-9]{2}-[0-9]{2}")
bad = [k + 1 for k, page in enumerate(pages) if len(banner.findall(page)) < 2]
if len(pages) < 3 or bad:
    print("%d pages; pages without the banner at top and bottom: %r" % (len(pages), bad))
    sys.exit(1)
PY
		t_fail "$lang: $(head -n 3 "$T_TMP/banner.out")"
done
SOURCE_DATE_EPOCH=86400 run "$NATRISK" report examples/nrb-2012.yaml -o "$T_TMP/dated"
expect_status 0
[ "$(grep -c 'RESTRICTED — 1970-01-02' "$T_TMP/dated/report.html")" -eq 3 ] ||
	t_fail "the banner does not take its day from SOURCE_DATE_EPOCH (top, bottom, print)"

t "user text is escaped"
cat >"$T_TMP/evil.yaml" <<'EOF'
natrisk: 1
title: "Evil <script>alert(1)</script> assessment"
method: nrb-2008
themes:
  - id: t
    title: "Theme <img src=x onerror=alert(2)>"
scenarios:
  - id: evil
    title: "Scenario <script>alert(3)</script> & more"
    theme: t
    kind: hazard
    description: "A <b>bold</b> description"
    sources: ["<a href='http://example.org/'>link</a>"]
    likelihood: {ev: C, why: "likely <b>bold</b> & \"quoted\""}
    impact:
      "2.1": {ev: C, why: "</td></tr></table><script>alert(4)</script>"}
EOF
run "$NATRISK" report "$T_TMP/evil.yaml" -o "$T_TMP/evil"
expect_status 0
expect_html escaped "$T_TMP/evil" "Scenario <script>alert(3)</script> & more" \
	"Evil <script>alert(1)</script> assessment"
grep -q '&lt;script&gt;alert(4)' "$T_TMP/evil/report.html" ||
	t_fail "rationale not escaped"

t "-o naming a regular file fails and leaves nothing"
printf 'keep\n' >"$T_TMP/plain"
ls "$T_TMP" >"$T_TMP/before"
run "$NATRISK" report examples/nrb-2012.yaml -o "$T_TMP/plain"
expect_status 1
expect_stdout_empty
expect_stderr_contains "not a directory"
[ "$(cat "$T_TMP/plain")" = keep ] || t_fail "the file was changed"
ls "$T_TMP" | cmp -s - "$T_TMP/before" || t_fail "files were left behind"

t "invalid input: exit 1, no directory made"
run "$NATRISK" report tests/bad-input/54-ll-above-ev.yaml -o "$T_TMP/bad"
expect_status 1
expect_stderr_matches '54-ll-above-ev\.yaml:[0-9]+:[0-9]+: error:'
[ ! -e "$T_TMP/bad" ] || t_fail "directory made for invalid input"

t "an invalid previous edition: exit 1, no directory made"
run "$NATRISK" report examples/nrb-2012.yaml \
	--compare tests/bad-input/54-ll-above-ev.yaml -o "$T_TMP/badprev"
expect_status 1
[ ! -e "$T_TMP/badprev" ] || t_fail "directory made for invalid input"

t "-o is required"
run "$NATRISK" report examples/nrb-2012.yaml
expect_status 2
expect_stderr_contains "-o DIR is required"

t "usage errors exit 2"
run "$NATRISK" report examples/nrb-2012.yaml -o "$T_TMP/u" --lang fr
expect_status 2
run "$NATRISK" report examples/nrb-2012.yaml -o "$T_TMP/u" --weights nope
expect_status 2
expect_stderr_contains "no weight profile 'nope'"
run "$NATRISK" report -o "$T_TMP/u"
expect_status 2
[ ! -e "$T_TMP/u" ] || t_fail "directory made on a usage error"

t "--help"
run "$NATRISK" report --help
expect_status 0
expect_stdout_contains "usage: natrisk report FILE -o DIR"
run "$NATRISK" --help
expect_stdout_matches '^  report '

finish
