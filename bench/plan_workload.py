#!/usr/bin/env python3
"""plan_workload.py DIR [SCENARIOS CAPABILITIES MEASURES] - the workload
of issue 10's benchmark: DIR/assessment.yaml (SCENARIOS scenarios, method
nrb-2008, about three quarters of the criteria scored) and DIR/plan.yaml
(CAPABILITIES capabilities with three experts each over a few scenarios,
MEASURES measures each strengthening two capabilities with an effect on
one to four scenarios, one or two classes below the current score, and
advice grouping five measures each, every other one adopted).
Reproducible: a fixed seed."""
import os
import random
import sys

CRITERIA = ["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "4.1", "5.1", "5.2",
            "5.3"]
PHASES = ["pro-action", "prevention", "preparation", "response",
          "aftercare"]


def main(argv):
    out = argv[1]
    n, ncap, nmeas = (int(x) for x in (argv[2:5] or ["1000", "300", "500"]))
    rnd = random.Random(10)
    scores = []
    lines = ["natrisk: 1", "title: Plan benchmark", "method: nrb-2008",
             "scenarios:"]
    for s in range(n):
        likelihood = rnd.randrange(5)
        impact = {c: rnd.randrange(5) for c in CRITERIA if rnd.randrange(4)}
        scores.append((likelihood, impact))
        lines += ["  - id: s%04d" % s, "    title: Scenario %d" % s,
                  "    kind: hazard", "    likelihood: %s" % "ABCDE"[likelihood],
                  "    impact: { %s }" % ", ".join(
                      '"%s": %s' % (c, "ABCDE"[k]) for c, k in impact.items())]
    with open(os.path.join(out, "assessment.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")

    lines = ["natrisk: 1", "plan: Plan benchmark",
             "assessment: assessment.yaml", "organisations:"]
    lines += ["  - { id: o%d, title: Organisation %d }" % (i, i)
              for i in range(20)]
    lines.append("capabilities:")
    for c in range(ncap):
        lines += ["  - id: c%03d" % c, "    title: Capability %d" % c,
                  "    phase: %s" % PHASES[c % 5],
                  "    scenarios: [%s]" % ", ".join(
                      "s%04d" % s for s in rnd.sample(range(n), 4)),
                  "    levels:"]
        lines += ["      - { analyst: e%d, current: %d, target: %d }"
                  % (e, rnd.randrange(3), 2 + rnd.randrange(3))
                  for e in range(3)]
    lines.append("measures:")
    for m in range(nmeas):
        lines += ["  - id: m%03d" % m, "    title: Measure %d" % m,
                  "    capabilities: [c%03d, c%03d]" % (m % ncap,
                                                        (m * 7 + 1) % ncap),
                  "    owners: [o%d]" % (m % 20),
                  "    cost: { once: %d, yearly: %d }"
                  % (rnd.randrange(1, 50) * 100000, rnd.randrange(10) * 10000),
                  "    effect:"]
        for s in rnd.sample(range(n), 1 + rnd.randrange(4)):
            likelihood, impact = scores[s]
            lines.append("      s%04d:" % s)
            if impact and rnd.randrange(3):
                c = rnd.choice(sorted(impact))
                k = max(0, impact[c] - 1 - rnd.randrange(2))
                lines.append('        impact: { "%s": %s }' % (c, "ABCDE"[k]))
            else:
                k = max(0, likelihood - 1 - rnd.randrange(2))
                lines.append("        likelihood: %s" % "ABCDE"[k])
    lines.append("advice:")
    for a in range(nmeas // 5):
        lines += ["  - id: a%03d" % a, "    title: Advice %d" % a,
                  "    owners: [o%d]" % (a % 20),
                  "    measures: [%s]" % ", ".join(
                      "m%03d" % m for m in range(a * 5, a * 5 + 5))]
        if a % 2 == 0:
            lines.append("    decision: { status: adopted }")
    with open(os.path.join(out, "plan.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv)
