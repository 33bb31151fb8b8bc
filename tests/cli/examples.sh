#!/bin/sh
# examples.sh - the bundled examples say what issue 2 asked of them: each
# scenario of the 2012 round sits where the published verdict put it, and
# the 2011 edition holds the pandemic scenarios as they stood before.
# Checked on the JSON of `natrisk assess`, with the arithmetic of method.md
# section 4 (impact classes: A < 3 <= B < 9 <= C < 27 <= D < 81 <= E).
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"
# `run` reads its standard input from /dev/null, so each Python check is
# written to a file first (a here-document given to `run` would be lost,
# and python3 - would check nothing).

t "the 2012 and 2011 examples assess"
run "$NATRISK" assess examples/nrb-2012.yaml --format json
expect_status 0
cp "$OUT" "$T_TMP/2012.json"
run "$NATRISK" assess examples/nrb-2011.yaml --format json
expect_status 0
cp "$OUT" "$T_TMP/2011.json"

t "every scenario sits where the issue says"
cat >"$T_TMP/check1.py" <<'PY'
import json, sys
import yaml
now = {s["id"]: s for s in json.load(open(sys.argv[1]))["scenarios"]}
then = {s["id"]: s for s in json.load(open(sys.argv[2]))["scenarios"]}
source = {s["id"]: s for s in yaml.safe_load(open(sys.argv[3]))["scenarios"]}
problems = []
def check(ok, what):
    if not ok:
        problems.append(what)
ORDER = "XABCDE"
def rank(letter):
    return ORDER.index(letter)
def impact_class(s, point="ev"):
    return s["impact"][point]["class"]
def likelihood(s, point="ev"):
    return s["likelihood"][point]["class"]
def biggest_criterion(sid):
    """The criterion with the highest EV class value in the file."""
    def value(score):
        if isinstance(score, dict):
            score = score.get("ev", score)
        if isinstance(score, dict):
            return -1  # a quantity; none of the checks below rely on it
        return rank(score[0]) * 2 + (score.endswith("+"))
    impact = source[sid]["impact"]
    return max(impact, key=lambda c: value(impact[c]))

assert set(now) == {"cyber-espionage", "solar-storm", "jihadist-reaction",
                    "crisis-outside-eu", "salafism-unrest", "flu-severe",
                    "flu-mild"}, sorted(now)
s = now["cyber-espionage"]
check(rank(likelihood(s)) >= rank("D"), "cyber-espionage: likelihood D or E")
check(s["rank"] == 1, "cyber-espionage: the highest risk")
check(s["impact"]["ev"]["position"] >= 2.5, "cyber-espionage: high impact")
s = now["solar-storm"]
check(impact_class(s) == "C", "solar-storm: impact serious (C)")
check(likelihood(s) == "C", "solar-storm: likelihood somewhat likely (C)")
check(rank(likelihood(s, "ul")) - rank(likelihood(s, "ll")) >= 2,
      "solar-storm: LL to UL spans at least two classes")
s = now["jihadist-reaction"]
check(likelihood(s) == "B", "jihadist-reaction: unlikely (B)")
check(rank(impact_class(s)) >= rank("C"), "jihadist-reaction: C or worse")
interests = s["impact"]["interests"]
check(max(interests, key=interests.get) == "5",
      "jihadist-reaction: mainly social and political stability")
check(biggest_criterion("jihadist-reaction") in ("5.2", "5.3"),
      "jihadist-reaction: 5.2/5.3 score highest")
s = now["crisis-outside-eu"]
check(biggest_criterion("crisis-outside-eu") == "1.2",
      "crisis-outside-eu: mainly the international position (1.2)")
trade = source["crisis-outside-eu"]["impact"]["3.1"]
trade_ev = trade["ev"] if "ev" in trade else trade
costs = trade_ev["value"] if isinstance(trade_ev, dict) else None
check((costs is not None and costs >= 5e9) or
      (isinstance(trade_ev, str) and rank(trade_ev[0]) >= rank("D")),
      "crisis-outside-eu: serious consequences for trade (3.1 at least D)")
s = now["salafism-unrest"]
check(impact_class(s) == "B", "salafism-unrest: impact substantial (B)")
check(rank(likelihood(s)) <= rank("B"), "salafism-unrest: likelihood B or lower")
check(biggest_criterion("salafism-unrest") in ("5.1", "5.2", "5.3"),
      "salafism-unrest: democratic rule of law and unrest")
s = now["flu-severe"]
totals = sorted((x["impact"]["ev"]["total"] for x in now.values()), reverse=True)
check(s["impact"]["ev"]["total"] >= totals[2], "flu-severe: still among the top three")
check(s["impact"]["ev"]["total"] < then["flu-severe"]["impact"]["ev"]["total"],
      "flu-severe: lower impact than in 2011")
s = now["flu-mild"]
check(rank(impact_class(s)) <= rank("B"), "flu-mild: impact B or lower")
check(s["impact"]["ev"]["total"] < then["flu-mild"]["impact"]["ev"]["total"] / 2,
      "flu-mild: much lower impact than in 2011")
new = {sid for sid, sc in now.items() if sc["new"]}
check(new == {"cyber-espionage", "solar-storm", "jihadist-reaction",
              "crisis-outside-eu", "salafism-unrest"},
      "the five scenarios new in 2012 are marked new")
check(not (set(then) & new), "2011 holds none of the 2012-new scenarios")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
run python3 "$T_TMP/check1.py" "$T_TMP/2012.json" "$T_TMP/2011.json" examples/nrb-2012.yaml
expect_status 0

t "every score of both examples carries its rationale in why, none in a comment"
# A comment is not data: natrisk never sees it, so a rationale there is lost
# to the report and the server. Every score, the likelihood included, is a
# mapping with a non-empty `why`; no line is a `# why:` comment.
cat >"$T_TMP/check2.py" <<'PY'
import sys
import yaml
missing = []
for path in sys.argv[1:]:
    text = open(path).read()
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith("# why"):
            missing.append(f"{path}:{n}: a rationale in a comment")
    for s in yaml.safe_load(text)["scenarios"]:
        scores = [("likelihood", s["likelihood"])] + list(s["impact"].items())
        for crit, score in scores:
            why = score.get("why") if isinstance(score, dict) else None
            if not (isinstance(why, str) and why.strip()):
                missing.append(f'{path}: {s["id"]} {crit} has no why')
print("\n".join(missing))
sys.exit(1 if missing else 0)
PY
run python3 "$T_TMP/check2.py" examples/nrb-2012.yaml examples/nrb-2011.yaml
expect_status 0

t "natrisk reads the rationale: the report shows a why that was a comment"
run "$NATRISK" report examples/nrb-2012.yaml -o "$T_TMP/report"
expect_status 0
run grep -c "calls that do not get through cost a few tens of lives" \
	"$T_TMP/report/report.html"
expect_status 0

finish
