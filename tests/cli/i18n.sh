#!/bin/sh
# i18n.sh - Dutch is consistent: one Dutch term per concept, in the web UI
# (web/i18n.js and web/i18n-*.js) and in the renderers' Dutch strings (src/render: the
# report, the diagram, the SMAA chart), and no untranslated ids in the
# diagram's subtitle. The terms are those of Dutch government practice:
#   classification (of a scenario)  rubricering
#   clearance (of a user)           veiligheidsmachtiging
#   weight profile                  gewichtenset
#   (rank) acceptability (SMAA)     aanvaardbaarheid
# and the classification levels by their names in the Voorschrift
# Informatiebeveiliging Rijksdienst - Bijzondere Informatie (VIR-BI).
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

need_pyyaml

terms="$T_TMP/terms.py"
cat >"$terms" <<'PY'
"""terms.py: the concepts, their one Dutch term and the synonyms that may
not stand in for it; the strings of web/i18n.js and of src/render."""
import glob
import re

CONCEPTS = [  # (English words, the Dutch term, forbidden Dutch synonyms)
    ("clearance", "veiligheidsmachtiging",
     ["screening", "bevoegdheidsniveau", "machtigingsniveau", "autorisatieniveau",
      "vertrouwensniveau"]),
    ("classification", "rubricering",
     ["classificatie", "classificering", "vertrouwelijkheidsniveau", "gerubriceerdheid"]),
    ("weight profile", "gewichtenset",
     ["wegingsprofiel", "gewichtsprofiel", "gewichtenprofiel", "weegprofiel", "weegset",
      "wegingsset"]),
    ("acceptability", "aanvaardbaarheid", ["acceptatie", "acceptabiliteit"]),
]
LEVELS = {"public": "openbaar", "restricted": "departementaal vertrouwelijk",
          "confidential": "staatsgeheim confidentieel"}


def web_strings(path):
    """{lang: {key: text}} of web/i18n.js."""
    out, lang = {}, None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^\t(en|nl): \{", line)
        if m:
            lang = m.group(1)
            out[lang] = {}
            continue
        m = re.match(r"^\t\t'([^']+)': '((?:[^'\\]|\\.)*)',?\s*$", line)
        if m and lang:
            out[lang][m.group(1)] = re.sub(r"\\(.)", r"\1", m.group(2))
    return out


LITERAL = r'(?:"(?:[^"\\]|\\.)*"|[A-Z][A-Z0-9_]*)'
CONCAT = r"((?:\s*%s)+)" % LITERAL
CALL = re.compile(r"\b(?:TR|diagram_word|word)\s*\(\s*&?[a-z]\w*\s*,%s\s*,%s\s*\)"
                  % (CONCAT, CONCAT))


def c_text(concat):
    return "".join(re.sub(r"\\(.)", r"\1", s[1:-1])
                   for s in re.findall(r'"(?:[^"\\]|\\.)*"', concat))


def render_pairs(root):
    """(English, Dutch) of every TR(), diagram_word() and word() in src/render."""
    pairs = []
    for path in sorted(glob.glob(root + "/src/render/*.c")):
        source = re.sub(r"/\*.*?\*/", "", open(path, encoding="utf-8").read(), flags=re.S)
        for m in CALL.finditer(source):
            pairs.append((path, c_text(m.group(1)), c_text(m.group(2))))
    return pairs


def problems(where, en, nl):
    """What is wrong with one pair of strings."""
    out = []
    low_en, low_nl = en.lower(), nl.lower()
    for words, term, synonyms in CONCEPTS:
        if words in low_en and term not in low_nl:
            out.append("%s: %r says %r, but its Dutch %r has no %r" % (where, en, words, nl, term))
        if term in low_nl and words not in low_en:
            out.append("%s: %r uses %r for something else than %r (%r)"
                       % (where, nl, term, words, en))
        for synonym in synonyms:
            if synonym in low_nl:
                out.append("%s: %r uses %r; the term is %r" % (where, nl, synonym, term))
    return out
PY

t "web/i18n.js: one Dutch term per concept"
cat >"$T_TMP/web.py" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from terms import LEVELS, problems, web_strings

strings = {}
for path in sys.argv[2:]:  # web/i18n.js and the blocks of strings it adds (web/i18n-*.js)
    for lang, texts in web_strings(path).items():
        strings.setdefault(lang, {}).update(texts)
bad = []
if len(strings.get("en", {})) < 100 or set(strings["en"]) != set(strings["nl"]):
    bad.append("web/i18n.js was not read: %r keys" % {k: len(v) for k, v in strings.items()})
for key, en in strings.get("en", {}).items():
    bad += problems("web/i18n.js " + key, en, strings["nl"].get(key, ""))
for level, name in LEVELS.items():
    if strings["nl"].get("class." + level) != name:
        bad.append("class.%s is %r in Dutch, not %r" % (level, strings["nl"].get("class." + level),
                                                         name))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
python3 "$T_TMP/web.py" "$T_TMP" web/i18n.js web/i18n-*.js >"$T_TMP/out" 2>&1 ||
	t_fail "$(head -n 12 "$T_TMP/out")"

t "src/render: one Dutch term per concept, the same level names as the UI"
cat >"$T_TMP/render.py" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from terms import LEVELS, problems, render_pairs

pairs = render_pairs(sys.argv[2])
bad = [] if len(pairs) > 140 else ["only %d strings found in src/render" % len(pairs)]
for path, en, nl in pairs:
    bad += problems(path, en, nl)
    if en in LEVELS and nl != LEVELS[en]:
        bad.append("%s: level %r is %r in Dutch, not %r" % (path, en, nl, LEVELS[en]))
if not any(en == "Weight profile" for _, en, _ in pairs):
    bad.append("the report's 'Weight profile' was not found")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
python3 "$T_TMP/render.py" "$T_TMP" "$NATRISK_ROOT" >"$T_TMP/out" 2>&1 ||
	t_fail "$(head -n 12 "$T_TMP/out")"

t "the Dutch report and diagram use no synonym of the terms"
run "$NATRISK" report examples/nrb-2012.yaml --lang nl -o "$T_TMP/report"
expect_status 0
run "$NATRISK" diagram examples/nrb-2012.yaml --lang nl -o "$T_TMP/nl.svg"
expect_status 0
for file in "$T_TMP/report/report.html" "$T_TMP/nl.svg"; do
	for word in screening bevoegdheidsniveau classificatie wegingsprofiel weegprofiel; do
		grep -qi "$word" "$file" && t_fail "$(basename "$file") says '$word'"
	done
done
grep -q 'Gewichtenset' "$T_TMP/report/report.html" ||
	t_fail "the Dutch report does not name the weight profile 'Gewichtenset'"

t "the diagram's subtitle names the method and weight profile by their titles"
# SVG text escapes nothing in these titles; the method file gives them
run "$NATRISK" diagram examples/nrb-2012.yaml --lang en --weights physical \
	-o "$T_TMP/en.svg"
expect_status 0
cat >"$T_TMP/subtitle.py" <<'PY'
import re
import sys

import yaml

method = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
profiles = {p["id"]: p["title"] for p in method["weights"]["profiles"]}
bad = []
for svg, lang, profile in ((sys.argv[2], "nl", "equal"), (sys.argv[3], "en", "physical")):
    titles = re.findall(r'<text [^>]*class="title"[^>]*>([^<]*)</text>',
                        open(svg, encoding="utf-8").read())
    want = "%s · %s: %s" % (method["title"][lang],
                            "gewichtenset" if lang == "nl" else "weight profile",
                            profiles[profile][lang])
    if len(titles) != 2 or titles[1] != want:
        bad.append("%s: subtitle %r, expected %r" % (lang, titles[1:], want))
    elif method["id"] in titles[1] or re.search(r"\b%s\b" % profile, titles[1]):
        bad.append("%s: an id in the subtitle %r" % (lang, titles[1]))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
python3 "$T_TMP/subtitle.py" methods/nrb-2008.yaml "$T_TMP/nl.svg" "$T_TMP/en.svg" \
	>"$T_TMP/out" 2>&1 || t_fail "$(head -n 6 "$T_TMP/out")"

finish
