#!/usr/bin/env python3
"""portfolio_enum.py - the expected answers of tests/cli/portfolio.sh,
computed independently of natrisk: the scores of
tests/data/residual/base.yaml and the effects, costs, requires and
excludes of tests/data/portfolio/plan.yaml written out here by hand (see
the comments of both files), the risk value r = 10^L * T with T the sum
of class values over ten criteria / 10, every set of measures enumerated
and the best one chosen by formats.md's rules.

    portfolio_enum.py JSON BUDGET YEARS MUST NEVER [MODE]

checks natrisk's JSON output JSON against the enumeration (MUST and NEVER
comma lists, "-" for none); MODE "frontier" checks its frontier,
"explain" its explanations too. Exits 1 with the difference.
"""
import itertools
import json
import math
import sys

# scenario: likelihood position, impact class values by criterion
SCENARIOS = {
    "s1": (2.5, {"2.1": 27, "2.2": 9}),
    "s2": (3.5, {"3.1": 9}),
    "s3": (3 + math.log10(4), {"5.1": 3}),
}
# measure: once, yearly, requires, excludes, effects (scenario, "L" or
# criterion, position or class value)
MEASURES = {
    "a": (3, 0, [], [], [("s1", "2.1", 3)]),
    "b": (1, 0, [], [], [("s1", "2.1", 9)]),
    "b2": (1, 0, [], [], [("s1", "2.1", 9)]),
    "h": (2, 0, [], [], [("s1", "2.1", 9)]),
    "c": (2, 0, [], [], [("s1", "2.2", 1)]),
    "d": (3, 1, [], [], [("s2", "L", 1.5)]),
    "g": (1, 0, ["d"], [], [("s2", "3.1", 3)]),
    "e": (2, 0, [], [], [("s3", "L", 2 + math.log10(4))]),
    "f": (1, 0, [], ["e"], [("s3", "5.1", 1)]),
    "i": (1, 0, [], [], []),
}
ORDER = list(MEASURES)  # file order


def risk(scenario, chosen):
    """r of SCENARIO with the measures CHOSEN in place: per score the
    most favourable (lowest) of the current one and the effects'."""
    l, impact = SCENARIOS[scenario]
    impact = dict(impact)
    for m in chosen:
        for s, key, value in MEASURES[m][4]:
            if s != scenario:
                continue
            if key == "L":
                l = min(l, value)
            else:
                impact[key] = min(impact.get(key, 0), value)
    return 10 ** l * sum(impact.values()) / 10


def total(chosen):
    return sum(risk(s, chosen) for s in SCENARIOS)


def cost(m, years):
    return MEASURES[m][0] + MEASURES[m][1] * years


def admissible(chosen, budget, years, must, never):
    if sum(cost(m, years) for m in chosen) > budget:
        return False
    if not must <= chosen or chosen & never:
        return False
    for m in chosen:
        if any(r not in chosen for r in MEASURES[m][2]):
            return False
        if any(x in chosen for x in MEASURES[m][3]):
            return False
    return True


def optimum(budget, years, must, never):
    before = total(())
    sets = []
    for n in range(len(ORDER) + 1):
        for combo in itertools.combinations(ORDER, n):
            chosen = set(combo)
            if admissible(chosen, budget, years, must, never):
                sets.append((before - total(chosen),
                             sum(cost(m, years) for m in chosen),
                             sorted(chosen)))
    if not sets:
        return None
    best = max(s[0] for s in sets)
    sets = [s for s in sets if s[0] >= best - 1e-9 * abs(best)]
    least = min(s[1] for s in sets)
    sets = [s for s in sets if s[1] <= least + 1e-9 * max(least, 1)]
    fewest = min(len(s[2]) for s in sets)
    sets = [s for s in sets if len(s[2]) == fewest]
    return min(sets, key=lambda s: s[2])


def close(a, b):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1)


def in_file_order(ids):
    return [m for m in ORDER if m in ids]


def check_choice(got, budget, years, must, never, where):
    want = optimum(budget, years, must, never)
    assert want, "no admissible set: natrisk should have failed"
    reduction, spent, ids = want
    assert got["selected"] == in_file_order(ids), (where, got["selected"], ids)
    assert close(got["reduction"], reduction), (where, got["reduction"], reduction)
    assert close(got["cost"], spent), (where, got["cost"], spent)
    assert got["cost"] <= budget, (where, got["cost"], budget)


def check_explain(d, budget, years, must, never):
    explain = {e["id"]: e for e in d["explain"]}
    assert list(explain) == d["selected"], (list(explain), d["selected"])
    for m, e in explain.items():
        scenarios = sorted({s for s, _, _ in MEASURES[m][4]})
        assert [c["scenario"] for c in e["changes"]] == scenarios, e
        for c in e["changes"]:
            keys = [k if k != "L" else "likelihood"
                    for s, k, _ in MEASURES[m][4] if s == c["scenario"]]
            assert c["criteria"] == keys, (c, keys)
            assert close(c["risk_before"], risk(c["scenario"], ())), c
            assert close(c["risk_after"], risk(c["scenario"], (m,))), c
        if m in must:
            assert e["next_best"] is None, e
            continue
        alt = optimum(budget, years, must, never | {m})
        if alt is None:
            assert e["next_best"] is None, e
            continue
        got = e["next_best"]
        assert got["selected"] == in_file_order(alt[2]), (m, got, alt)
        assert close(got["reduction"], alt[0]), (m, got, alt)
        assert close(got["forgone"], d["reduction"] - alt[0]), (m, got)


def main():
    path, budget, years, must, never = sys.argv[1:6]
    mode = sys.argv[6] if len(sys.argv) > 6 else ""
    d = json.load(open(path))
    years = int(years)
    must = set() if must == "-" else set(must.split(","))
    never = set() if never == "-" else set(never.split(","))
    all_cost = sum(cost(m, years) for m in ORDER)
    budget = all_cost if budget == "-" else float(budget)
    assert d["years"] == years, d["years"]
    assert close(d["budget"], budget), (d["budget"], budget)
    assert close(d["risk_before"], total(())), d["risk_before"]
    assert close(d["risk_after"], d["risk_before"] - d["reduction"])
    check_choice(d, budget, years, must, never, "optimum")
    assert [m["id"] for m in d["measures"]] == ORDER
    for m in d["measures"]:
        assert set(m) >= {"id", "cost", "selected", "reduction_alone"}, m
        assert close(m["cost"], cost(m["id"], years)), m
        assert m["selected"] == (m["id"] in d["selected"]), m
        alone = total(()) - total((m["id"],))
        assert close(m["reduction_alone"], alone), (m, alone)
    if mode == "frontier":
        k = int(mode_arg) if (mode_arg := sys.argv[7:8]) else 9
        budgets = [all_cost * j / (k - 1) for j in range(k)]
        # with a must set, the budgets that cannot hold it are left out
        budgets = [b for b in budgets if optimum(b, years, must, never)]
        got = d["frontier"]
        assert len(got) == len(budgets), ([p["budget"] for p in got], budgets)
        for j, (point, b) in enumerate(zip(got, budgets)):
            assert close(point["budget"], b), (point["budget"], b)
            check_choice(point, b, years, must, never, "frontier %d" % j)
    if mode == "explain":
        check_explain(d, budget, years, must, never)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print("portfolio_enum: %r" % (e,))
        sys.exit(1)
