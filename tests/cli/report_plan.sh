#!/bin/sh
# report_plan.sh - "natrisk report FILE --plan PLAN [--measures SET]": the
# capability analysis in the HTML report. On tests/data/report_plan/
# plan.yaml, whose comments work every figure out by hand: the chain
# chart's cells (each coloured as the legend names its gap, the same in
# the table), the advice with owners and decisions, the measures with
# the scores each changes and the risk values before and with it, and
# the residual diagram with the set's moved scenarios; in English and in
# Dutch. On examples/plan-2012.yaml: the eight advice the cabinet adopted
# in 2012, each with the ministries first responsible. And failures: a
# bad plan (located error, exit 1), an unknown measure, an assessment
# that lacks a scenario of the plan, usage errors; nothing written.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

base=tests/data/residual/base.yaml
plan=tests/data/report_plan/plan.yaml

check="$T_TMP/check.py"
cat >"$check" <<'PY'
"""check.py MODE HTML: read the report's capability analysis back."""
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

failures = []
SVG = "{http://www.w3.org/2000/svg}"


def fail(message):
    failures.append(message)


class Doc(HTMLParser):
    """Elements with attributes, parents and text; tags must balance."""

    VOID = {"br", "meta", "link", "img", "hr", "input", "col", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.elements = [], []

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": [],
              "parents": list(self.stack)}
        self.elements.append(el)
        if tag not in self.VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": [],
                              "parents": list(self.stack)})

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1]["tag"] != tag:
            fail(f"</{tag}> does not close the open element")
            return
        self.stack.pop()

    def handle_data(self, data):
        for el in self.stack:
            el["text"].append(data)


def text(el):
    return " ".join("".join(el["text"]).split())


def find(doc, tag=None, within=None, **attrs):
    return [e for e in doc.elements
            if (tag is None or e["tag"] == tag)
            and (within is None or any(p is within for p in e["parents"]))
            and all(e["attrs"].get(k.replace("_", "-")) == v
                    for k, v in attrs.items())]


def one(doc, tag, **attrs):
    found = find(doc, tag, **attrs)
    if len(found) != 1:
        fail(f"{len(found)} <{tag} {attrs}>, expected 1")
        return {"tag": tag, "attrs": {}, "text": [], "parents": []}
    return found[0]


def load(path):
    raw = open(path, encoding="utf-8").read()
    doc = Doc()
    doc.feed(raw)
    doc.close()
    if doc.stack:
        fail("unclosed: " + " ".join(e["tag"] for e in doc.stack))
    ids = [e["attrs"]["id"] for e in doc.elements if "id" in e["attrs"]]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        fail(f"duplicate ids {sorted(dup)}")
    for a in find(doc, "a"):
        href = a["attrs"].get("href", "")
        if not href.startswith("#") or href[1:] not in ids:
            fail(f"link {href!r} leads nowhere in the file")
    for table in find(doc, "table", within=one(doc, "section",
                                               id="capabilities")):
        if not find(doc, "caption", within=table):
            fail("a table of the capability analysis lacks a caption")
    return raw, doc


def svg_of(raw, figure_id):
    """The <svg> inside <figure id=FIGURE_ID>, parsed as XML."""
    m = re.search(r'<figure id="%s"[^>]*>.*?(<svg.*?</svg>)' % figure_id,
                  raw, re.S)
    if not m:
        fail(f"no svg in #{figure_id}")
        return None
    return ET.fromstring(m.group(1))


def fills(root):
    """Each rect of the svg with its fill, inherited from a <g>."""
    out = []

    def walk(node, fill):
        fill = node.get("fill", fill)
        if node.tag == SVG + "rect":
            out.append((node, fill))
        for child in node:
            walk(child, fill)
    walk(root, None)
    return out


# The chain by hand (tests/data/report_plan/plan.yaml): kind per phase.
PHASES = ["pro-action", "prevention", "preparation", "response", "aftercare"]
CHAIN = {
    "s1": ["moderate", "large", "none", "none", "nogap"],
    "s2": ["nogap", "none", "small", "unjudged", "none"],
    "s3": ["none", "none", "none", "small", "none"],
}
VALUES = {"s1": ["1.5", "4", None, None, "-1"],
          "s2": ["0", None, "1", None, None],
          "s3": [None, None, None, "1", None]}
COUNTS = {("s1", 0): 2, ("s3", 3): 2}
LEGEND = {
    "en": {"nogap": "no gap", "small": "gap 0.5–1", "moderate": "gap 1.5–2",
           "large": "gap over 2", "unjudged": "not judged",
           "none": "no capability"},
    "nl": {"nogap": "geen tekort", "small": "tekort 0,5–1",
           "moderate": "tekort 1,5–2", "large": "tekort boven 2",
           "unjudged": "niet beoordeeld", "none": "geen capaciteit"},
}
NONE_WORD = {"en": "none", "nl": "geen"}


def shown(value, lang):
    value = value.replace("-", "\u2212")
    return value.replace(".", ",") if lang == "nl" else value


def check_chain(raw, doc, lang):
    root = svg_of(raw, "chain-chart")
    if root is None:
        return
    rects = fills(root)
    legend_rects = [f for r, f in rects if r.get("class") == "legend"]
    legend_texts = [t.text for t in root.iter(SVG + "text")
                    if t.get("class") == "legend"]
    # the legend's title, then one name per swatch
    colour = dict(zip(legend_texts[1:], legend_rects))
    names = LEGEND[lang]
    if set(colour) != set(names.values()):
        fail(f"legend names {sorted(colour)}")
    if len(set(colour.values())) != len(colour):
        fail("two kinds of cell share a colour")
    rows = [t.get("data-scenario") for t in root.iter(SVG + "text")
            if t.get("class") == "label"]
    if rows != ["s1", "s2", "s3"]:
        fail(f"chart rows {rows}, expected s1 s2 s3 (by risk)")
    cells = {(r.get("data-scenario"), r.get("class")): f
             for r, f in rects if (r.get("class") or "").startswith("cell")}
    if len(cells) != 15:
        fail(f"{len(cells)} cells, expected 3 x 5")
    for s, kinds in CHAIN.items():
        for p, kind in enumerate(kinds):
            got = cells.get((s, "cell " + PHASES[p]))
            want = colour.get(names[kind])
            if got is None or got != want:
                fail(f"cell {s} {PHASES[p]}: fill {got}, expected {want} "
                     f"({names[kind]})")
    labels = [t.text for t in root.iter(SVG + "text")
              if t.get("class") == "cell-label" and t.get("data-scenario") == "s1"]
    if labels != [shown("1.5", lang), "4", NONE_WORD[lang], NONE_WORD[lang],
                  shown("-1", lang)]:
        fail(f"s1's cell texts {labels}")
    check_chain_table(doc, lang)


def check_chain_table(doc, lang):
    table = one(doc, "table", **{"class": "chain"})
    classes = {"nogap": "gap-0", "small": "gap-1", "moderate": "gap-2",
               "large": "gap-3", "unjudged": "not-judged",
               "none": "no-capability"}
    for s, kinds in CHAIN.items():
        rows = find(doc, "tr", within=table, data_scenario=s)
        if len(rows) != 1:
            fail(f"{len(rows)} rows of {s} in the chain table")
            continue
        row = rows[0]
        tds = find(doc, "td", within=row)
        if [td["attrs"].get("data-phase") for td in tds] != PHASES:
            fail(f"table row {s}: phases {[td['attrs'] for td in tds]}")
            continue
        for p, td in enumerate(tds):
            want = classes[kinds[p]]
            value = VALUES[s][p]
            words = {"none": NONE_WORD[lang],
                     "unjudged": LEGEND[lang]["unjudged"]}
            txt = shown(value, lang) if value else words[kinds[p]]
            if COUNTS.get((s, p)):
                txt += f" ({COUNTS[(s, p)]})"
            if td["attrs"].get("class") != want or text(td) != txt:
                fail(f"table {s} {PHASES[p]}: {td['attrs'].get('class')} "
                     f"{text(td)!r}, expected {want} {txt!r}")


def risk(el, key):
    return float(el["attrs"].get("data-risk-" + key, "nan"))


def close(a, b):
    return abs(a - b) <= 1e-6 * abs(b)


def check_measures(doc, lang):
    want = {  # scenario, before, after, changed score text or None
        "m1": ("s1", 1138.4199576606, 379.4733192202, "2.1"),
        "m2": ("s2", 2846.0498941515, 28.4604989415, "likelihood"),
        "m3": ("s1", 1138.4199576606, 1138.4199576606, None),
    }
    owners = {"m1": ["o1", "o2"], "m2": ["o2"], "m3": ["o1"]}
    for m, (s, before, after, score) in want.items():
        row = one(doc, "tr", data_measure=m)
        got = [li["attrs"].get("data-organisation")
               for li in find(doc, "li", within=row)]
        if got != owners[m]:
            fail(f"{m}'s owners {got}")
        effects = find(doc, "p", within=row)
        if len(effects) != 1 or effects[0]["attrs"].get("data-scenario") != s:
            fail(f"{m}: effects {[e['attrs'] for e in effects]}")
            continue
        e = effects[0]
        if not close(risk(e, "before"), before) or \
                not close(risk(e, "after"), after):
            fail(f"{m}: risk {risk(e, 'before')} -> {risk(e, 'after')}")
        t = text(e)
        word = {"en": "likelihood", "nl": "waarschijnlijkheid"}[lang]
        if score == "2.1" and not re.search(r"2\.1 .*: D → B", t):
            fail(f"{m}: no '2.1 ...: D → B' in {t!r}")
        if score == "likelihood" and f"{word}: D → B" not in t:
            fail(f"{m}: no '{word}: D → B' in {t!r}")
        none = {"en": "no score changes", "nl": "geen score verandert"}[lang]
        if (score is None) != (none in t):
            fail(f"{m}: {t!r}")
    m1 = text(one(doc, "tr", data_measure="m1"))
    cost = {"en": "2,000,000 once 300,000 a year",
            "nl": "2.000.000 eenmalig 300.000 per jaar"}[lang]
    if cost.replace(" ", "") not in m1.replace(" ", ""):
        fail(f"m1's cost is not {cost!r}: {m1!r}")
    if "Organisation <two> & co" not in m1:
        fail("an owner's title is not shown as text")


def check_advice(doc, lang):
    decisions = {"a1": ("adopted", "2012-06-05"), "a2": ("rejected", None),
                 "a3": ("pending", None)}
    for a, (decision, date) in decisions.items():
        row = one(doc, "tr", data_advice=a)
        cell = find(doc, "td", within=row, data_decision=decision)
        if len(cell) != 1 or (date and date not in text(cell[0])):
            fail(f"{a}: decision not {decision} {date or ''}")


def check_residual(raw, doc, measures):
    section = one(doc, "section", id="residual")
    root = svg_of(raw, "residual-diagram")
    if root is None:
        return
    arrows = {e.get("data-scenario") for e in root.iter()
              if e.get("class") == "arrow" and e.get("data-scenario")}
    rows = find(doc, "tr", within=section)
    moved = [r["attrs"].get("data-scenario") for r in rows
             if r["attrs"].get("data-scenario")]
    want = {"adopted": (["s1"], {"s1": (1138.4199576606, 379.4733192202)}),
            "all": (["s1", "s2"],
                    {"s1": (1138.4199576606, 379.4733192202),
                     "s2": (2846.0498941515, 28.4604989415)})}[measures]
    if moved != want[0]:
        fail(f"moved scenarios {moved}, expected {want[0]}")
    if arrows != set(want[0]):
        fail(f"arrows for {sorted(arrows)}, expected {want[0]}")
    for r in rows:
        s = r["attrs"].get("data-scenario")
        if s in want[1] and not (close(risk(r, "before"), want[1][s][0]) and
                                 close(risk(r, "after"), want[1][s][1])):
            fail(f"residual {s}: {risk(r, 'before')} -> {risk(r, 'after')}")


def check_2012(doc):
    # the 2012 letter's ministries first responsible (issue 10), the last
    # two illustrative; every advice adopted on 5 June 2012
    titles = {
        "venj": "Ministry of Security and Justice",
        "venj-ncsc": "National Cyber Security Centre (Ministry of "
                     "Security and Justice)",
        "ienm": "Ministry of Infrastructure and the Environment",
        "eli": "Ministry of Economic Affairs, Agriculture and Innovation",
        "bzk": "Ministry of the Interior and Kingdom Relations",
        "vws": "Ministry of Health, Welfare and Sport",
        "bz": "Ministry of Foreign Affairs",
    }
    advice = {
        "social-unrest": ["venj"],
        "solar-resilience": ["ienm", "eli"],
        "network-attack-detection": ["bzk", "venj-ncsc", "eli"],
        "lone-actors": ["venj", "vws"],
        "national-interests-abroad": ["bz"],
        "crisis-communication": ["venj"],
        "infosec-frameworks": ["bzk"],
        "procurement-confidentiality": ["bzk"],
    }
    rows = find(doc, "tr", within=one(doc, "table", **{"class": "advice"}))
    got = [r["attrs"]["data-advice"] for r in rows if "data-advice" in r["attrs"]]
    if got != list(advice):
        fail(f"advice rows {got}")
    for a, owners in advice.items():
        row = one(doc, "tr", data_advice=a)
        lis = find(doc, "li", within=row)
        named = [(li["attrs"].get("data-organisation"), text(li))
                 for li in lis if li["attrs"].get("data-organisation")]
        if named != [(o, titles[o]) for o in owners]:
            fail(f"{a}: owners {named}")
        cell = find(doc, "td", within=row, data_decision="adopted")
        if len(cell) != 1 or "2012-06-05" not in text(cell[0]):
            fail(f"{a}: not adopted on 2012-06-05")


HEADINGS = {
    "en": ["Capability analysis", "The safety chain", "Advice to the cabinet",
           "Measures", "Residual risk"],
    "nl": ["Capaciteitenanalyse", "De veiligheidsketen",
           "Adviezen aan het kabinet", "Maatregelen", "Restrisico"],
}


def check_sections(doc, lang):
    sec = one(doc, "section", id="capabilities")
    heads = [text(h) for h in find(doc, "h2", id="capabilities-h")] + \
        [text(h) for h in find(doc, "h3", within=sec)]
    if heads != HEADINGS[lang]:
        fail(f"headings {heads}")
    if not find(doc, "a", href="#capabilities"):
        fail("the contents do not list the capability analysis")


def main():
    mode, path = sys.argv[1], sys.argv[2]
    raw, doc = load(path)
    lang = one(doc, "html")["attrs"].get("lang")
    if mode == "2012":
        check_2012(doc)
    else:
        check_sections(doc, lang)
        check_chain(raw, doc, lang)
        check_advice(doc, lang)
        check_measures(doc, lang)
        check_residual(raw, doc, mode)
    for f in failures[:20]:
        print(f)
    sys.exit(1 if failures else 0)


main()
PY

# expect_report MODE DIR: the report in DIR passes check.py MODE.
expect_report() {
	python3 "$check" "$1" "$2/report.html" >"$T_TMP/check.out" 2>&1 ||
		t_fail "$(head -n 12 "$T_TMP/check.out")"
}

t "--plan: chain chart, advice, measures and residual diagram (adopted)"
run "$NATRISK" report "$base" --plan "$plan" -n 0 -o "$T_TMP/en"
expect_status 0
expect_stderr_empty
expect_report adopted "$T_TMP/en"

t "--plan in Dutch: the same figures, Dutch words and decimal commas"
run "$NATRISK" report "$base" --plan "$plan" --measures adopted --lang nl \
	-n 0 -o "$T_TMP/nl"
expect_status 0
expect_report adopted "$T_TMP/nl"

t "--measures all: both measures that change scores move their scenarios"
run "$NATRISK" report "$base" --plan "$plan" --measures all -n 0 \
	-o "$T_TMP/all"
expect_status 0
expect_report all "$T_TMP/all"

t "--measures m1,m3: a list gives the adopted set's residual picture"
run "$NATRISK" report "$base" --plan "$plan" --measures m1,m3 -n 0 \
	-o "$T_TMP/list"
expect_status 0
expect_report adopted "$T_TMP/list"

t "--plan with --compare: the movements and the residual diagram both"
run "$NATRISK" report examples/nrb-2012.yaml --compare examples/nrb-2011.yaml \
	--plan examples/plan-2012.yaml -n 0 -o "$T_TMP/2012"
expect_status 0
expect_stderr_empty
expect_report 2012 "$T_TMP/2012"
grep -q 'id="movements"' "$T_TMP/2012/report.html" ||
	t_fail "no movements section beside the capability analysis"
grep -q 'id="residual-diagram"' "$T_TMP/2012/report.html" ||
	t_fail "no residual diagram"

t "--plan in Dutch on the 2012 example: every advice, its owners, adopted"
run "$NATRISK" report examples/nrb-2012.yaml --plan examples/plan-2012.yaml \
	--lang nl -n 0 -o "$T_TMP/2012nl"
expect_status 0
expect_report 2012 "$T_TMP/2012nl"
grep -q '<td data-decision="adopted">aangenomen (2012-06-05)</td>' \
	"$T_TMP/2012nl/report.html" || t_fail "the decision is not in Dutch"

t "without --plan the report has no capability analysis"
run "$NATRISK" report "$base" -n 0 -o "$T_TMP/plain"
expect_status 0
! grep -q 'id="capabilities"' "$T_TMP/plain/report.html" ||
	t_fail "a capability analysis without a plan"

# A plan whose capability names a scenario the assessment lacks, on line
# 8 (column 16: the id in the flow list).
cat >"$T_TMP/bad.yaml" <<EOF
natrisk: 1
plan: Bad
assessment: $NATRISK_ROOT/$base
capabilities:
  - id: c1
    title: One
    phase: prevention
    scenarios: [s1, s9]
EOF

t "a bad --plan: its located error, exit 1, nothing written"
run "$NATRISK" report "$base" --plan "$T_TMP/bad.yaml" -n 0 -o "$T_TMP/bad"
expect_status 1
expect_stdout_empty
expect_stderr_matches "bad\.yaml:8:21: error: .*s9"
[ ! -e "$T_TMP/bad" ] || t_fail "wrote $T_TMP/bad"

t "an unknown measure: exit 1, nothing written"
run "$NATRISK" report "$base" --plan "$plan" --measures m1,m7 -n 0 \
	-o "$T_TMP/unknown"
expect_status 1
expect_stderr_contains "no measure 'm7'"
[ ! -e "$T_TMP/unknown" ] || t_fail "wrote $T_TMP/unknown"

# The same method and scenarios s1 and s2 only: the plan names s3.
sed '/^  - id: s3/,$d' "$base" >"$T_TMP/two.yaml"
t "an assessment that lacks a scenario of the plan: exit 1, nothing written"
run "$NATRISK" report "$T_TMP/two.yaml" --plan "$plan" --measures m1 -n 0 \
	-o "$T_TMP/two"
expect_status 1
expect_stderr_contains "names scenario 's3'"
[ ! -e "$T_TMP/two" ] || t_fail "wrote $T_TMP/two"

t "--measures without --plan is a usage error"
run "$NATRISK" report "$base" --measures all -o "$T_TMP/usage"
expect_status 2
expect_stderr_contains "--measures goes with --plan"
[ ! -e "$T_TMP/usage" ] || t_fail "wrote $T_TMP/usage"

t "--help names --plan and --measures"
run "$NATRISK" report --help
expect_status 0
expect_stdout_contains "--plan PLAN"
expect_stdout_contains "--measures SET"

finish
