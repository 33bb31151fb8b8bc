#!/usr/bin/env python3
"""portfolio_pulp.py JSON [RUNS] - the peer of bench/bench_portfolio.c:
the same mixed-integer program as src/core/portfolio_build.c (a binary
per measure; per scenario a column per subset of its measures in which
every measure lowers the risk, at most one chosen, each only with its
measures in place; requires, excludes, the budget), built with PuLP and
solved by CBC (Debian's python3-pulp and coinor-cbc), for the greatest
risk reduction: what natrisk's stage 1 solves. Reads the problem that
bench_portfolio wrote; prints the median time of RUNS (build and solve)
and the reduction of the set it chose, recomputed from the risk tables.
"""
import json
import statistics
import sys
import time

import pulp


def efficient(risk, mask, count):
    return all(not (mask >> k & 1) or risk[mask] < risk[mask ^ (1 << k)]
               for k in range(count))


def build(problem):
    measures, scenarios = problem["measures"], problem["scenarios"]
    model = pulp.LpProblem("portfolio", pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{m}", cat="Binary") for m in range(len(measures))]
    value = []
    for s, sc in enumerate(scenarios):
        risk, touching = sc["risk"], sc["touching"]
        columns = []
        for mask in range(1, 1 << len(touching)):
            if efficient(risk, mask, len(touching)):
                z = pulp.LpVariable(f"z{s}_{mask}", 0, 1)
                columns.append((mask, z))
                value.append((risk[0] - risk[mask]) * z)
        if not columns:
            continue
        model += pulp.lpSum(z for _, z in columns) <= 1
        for k, m in enumerate(touching):
            using = [z for mask, z in columns if mask >> k & 1]
            if using:
                model += pulp.lpSum(using) <= x[m]
    model += pulp.lpSum(value)
    for m, me in enumerate(measures):
        for r in me["requires"]:
            model += x[m] <= x[r]
        for e in me["excludes"]:
            model += x[m] + x[e] <= 1
    model += pulp.lpSum(me["cost"] * x[m]
                        for m, me in enumerate(measures)) <= problem["budget"]
    return model, x


def reduction(problem, chosen):
    before = after = 0.0
    for sc in problem["scenarios"]:
        mask = sum(1 << k for k, m in enumerate(sc["touching"]) if chosen[m])
        before += sc["risk"][0]
        after += sc["risk"][mask]
    return before - after


def main():
    problem = json.load(open(sys.argv[1]))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        model, x = build(problem)
        status = model.solve(pulp.COIN_CMD(msg=False, gapRel=0,
                                          gapAbs=0))
        times.append(time.perf_counter() - start)
        if pulp.LpStatus[status] != "Optimal":
            sys.exit(f"portfolio_pulp: {pulp.LpStatus[status]}")
    chosen = [v.varValue > 0.5 for v in x]
    print(f"peer pulp+cbc: median={statistics.median(times):.6f}s "
          f"reduction={reduction(problem, chosen):.17g}")


main()
