"""plans_common.py - the plan test_plans.py works on, and what each
clearance may see of it by the need-to-know rule (docs/server.md),
written by hand."""

# A plan over tests/server/fixtures/classified.yaml: dike-watch names a
# public scenario only; grid-restore a restricted one; nightjar-cover a
# confidential one. kestrel-study has an effect on a confidential
# scenario, combo requires the restricted cables, grid-advice has cables.
SMALL = """natrisk: 1
plan: Test plan
assessment: classified.yaml
organisations:
  - { id: water-board, title: Water board }
  - { id: grid-operator, title: Grid operator }
capabilities:
  - id: dike-watch
    title: Watching the dikes
    phase: preparation
    scenarios: [pub-flood]
    levels:
      - { analyst: ana-1, current: 1, target: 3 }
      - { analyst: ana-2, current: 3, target: 4, why: "Good sensors" }
      - { analyst: ana-3, current: 2, target: 4 }
  - id: grid-restore
    title: Restoring the grid
    phase: response
    scenarios: [pub-outage, res-grid]
  - id: nightjar-cover
    title: Nightjar cover
    phase: prevention
    scenarios: [conf-nightjar]
    levels:
      - { analyst: ana-1, current: 0, target: 2 }
measures:
  - id: sensors
    title: Dike sensors
    capabilities: [dike-watch]
    owners: [water-board]
    cost: { once: 1.5e6, yearly: 2.0e5 }
    effect:
      pub-flood:
        likelihood: B
  - id: cables
    title: Spare cables
    capabilities: [grid-restore]
    owners: [grid-operator]
  - id: kestrel-study
    title: A study of the kestrel
    capabilities: [dike-watch]
    owners: [water-board]
    effect:
      conf-kestrel:
        impact: { "2.1": B }
  - id: combo
    title: Combined works
    capabilities: [dike-watch]
    owners: [water-board]
    requires: [cables]
advice:
  - id: flood-advice
    title: Watch the dikes
    owners: [water-board]
    measures: [sensors]
    decision: { status: adopted, date: 2031-03-01 }
  - id: grid-advice
    title: Keep the grid
    owners: [grid-operator]
    measures: [sensors, cables]
"""

# What each clearance sees of SMALL, by the need-to-know rule.
VISIBLE = {
    "public": {"organisations": ["water-board", "grid-operator"],
               "capabilities": ["dike-watch"],
               "measures": ["sensors"],
               "advice": ["flood-advice"]},
    "restricted": {"organisations": ["water-board", "grid-operator"],
                   "capabilities": ["dike-watch", "grid-restore"],
                   "measures": ["sensors", "cables", "combo"],
                   "advice": ["flood-advice", "grid-advice"]},
    "confidential": {"organisations": ["water-board", "grid-operator"],
                     "capabilities": ["dike-watch", "grid-restore", "nightjar-cover"],
                     "measures": ["sensors", "cables", "kestrel-study", "combo"],
                     "advice": ["flood-advice", "grid-advice"]},
}
SECRETS = {"public": ["grid-restore", "nightjar", "cables", "kestrel", "combo", "grid-advice"],
           "restricted": ["nightjar", "kestrel"], "confidential": []}
