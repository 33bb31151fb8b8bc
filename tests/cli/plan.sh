#!/bin/sh
# plan.sh - plan files (formats.md, "Plan file"): every malformed plan
# below is rejected by "natrisk check" with exit status 1, nothing on
# stdout, and the first error line given with it (worked out from the
# file: its line and column, and what is wrong); the example plan and a
# plan with no lists pass. capabilities.sh checks the figures.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

dir="$T_TMP/plans"
mkdir "$dir"
cp tests/data/plan/small.yaml "$dir/small.yaml"
cases=0

# The first six lines of most cases: lines 7 on come from the case.
header() {
	cat <<'EOF'
natrisk: 1
plan: Bad plan
assessment: small.yaml
organisations:
  - { id: o1, title: Organisation one }
  - { id: o2, title: Organisation two }
EOF
}

# Lines 7 to 11: one capability, c1, for cases about measures.
capability() {
	cat <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: prevention
    scenarios: [s1]
EOF
}

# check_bad NAME EXPECTED: "natrisk check" on $dir/NAME.yaml fails with
# EXPECTED (the path given relative to $dir) as its first line.
check_bad() {
	cases=$((cases + 1))
	t "bad plan $1"
	run "$NATRISK" check "$dir/$1.yaml"
	expect_status 1
	expect_stdout_empty
	first=$(head -n 1 "$ERR" | sed "s|$dir/||g")
	[ "$first" = "$2" ] ||
		t_fail "first error: '$first', expected '$2'"
}

# bad NAME EXPECTED: the header, then standard input, as NAME.yaml.
bad() {
	{ header; cat; } >"$dir/$1.yaml"
	check_bad "$1" "$2"
}

# bad_measure NAME EXPECTED: the header, capability c1, then standard
# input (from line 12).
bad_measure() {
	{ header; capability; cat; } >"$dir/$1.yaml"
	check_bad "$1" "$2"
}

# bad_raw NAME EXPECTED: standard input alone.
bad_raw() {
	cat >"$dir/$1.yaml"
	check_bad "$1" "$2"
}

# --- the top level and the assessment ---

bad top-unknown-key "top-unknown-key.yaml:7:1: error: unknown key 'colour' in the plan" <<'EOF'
colour: red
EOF

bad_raw top-no-assessment "top-no-assessment.yaml:1:1: error: the plan lacks the required key 'assessment'" <<'EOF'
natrisk: 1
plan: No assessment
EOF

bad_raw top-version "top-version.yaml:1:10: error: unsupported format version 2; this natrisk reads format version 1" <<'EOF'
natrisk: 2
plan: Version two
assessment: small.yaml
EOF

bad_raw top-title-list "top-title-list.yaml:2:7: error: plan must be text, not a list" <<'EOF'
natrisk: 1
plan: [a, b]
assessment: small.yaml
EOF

bad_raw assessment-missing "assessment-missing.yaml:3:13: error: none.yaml: cannot open: No such file or directory" <<'EOF'
natrisk: 1
plan: Missing assessment
assessment: none.yaml
EOF

# an assessment with errors: its own located error comes first
cat >"$dir/broken.yaml" <<'EOF'
natrisk: 1
title: Broken
method: nrb-2008
scenarios:
  - id: s1
    title: One
    kind: hazard
    likelihood: Q
    impact: { "2.1": C }
EOF
bad_raw assessment-broken "broken.yaml:8:17: error: likelihood: 'Q' is not a class: expected A to E, optionally followed by '+'" <<'EOF'
natrisk: 1
plan: Broken assessment
assessment: broken.yaml
EOF

bad_raw yaml-syntax "yaml-syntax.yaml:2:7: error: invalid YAML: this '[' is not closed before line 3, column 1 (flow sequence without a closing bracket)" <<'EOF'
natrisk: 1
plan: [unclosed
EOF

# the YAML limits of assessments hold: the map is level 1, the first '['
# (column 16) level 2, so the 65th level opens at column 16 + 63 = 79
{ printf 'natrisk: 1\nplan: Deep\nassessment: small.yaml\norganisations: '
  python3 -c "print('[' * 70 + ']' * 70)"; } >"$dir/limit-nesting.yaml"
check_bad limit-nesting "limit-nesting.yaml:4:79: error: YAML nested more than 64 levels deep: natrisk reads at most 64 levels"

bad_raw limit-anchor "limit-anchor.yaml:2:7: error: YAML anchors (&) are not supported; write the value out" <<'EOF'
natrisk: 1
plan: &t Anchored
assessment: small.yaml
EOF

# no `plan` key, but the shape of a plan (capabilities, no scenarios):
# checked as a plan, not as an assessment
bad_raw shape-no-plan-key "shape-no-plan-key.yaml:1:1: error: the plan lacks the required key 'plan'" <<'EOF'
natrisk: 1
assessment: small.yaml
capabilities: []
EOF

# --- organisations ---

bad_raw org-bad-id "org-bad-id.yaml:5:11: error: organisation id 'VenJ' is not a valid id: use 1 to 64 of a-z, 0-9 and '-', not starting with '-'" <<'EOF'
natrisk: 1
plan: Bad organisation id
assessment: small.yaml
organisations:
  - { id: VenJ, title: Justice }
EOF

bad_raw org-duplicate "org-duplicate.yaml:6:11: error: duplicate organisation id 'o1' (first at line 5)" <<'EOF'
natrisk: 1
plan: Duplicate organisation
assessment: small.yaml
organisations:
  - { id: o1, title: One }
  - { id: o1, title: Again }
EOF

bad_raw org-not-list "org-not-list.yaml:4:16: error: organisations must be a list, not a mapping" <<'EOF'
natrisk: 1
plan: Organisations as a mapping
assessment: small.yaml
organisations: { o1: One }
EOF

bad_raw org-no-title "org-no-title.yaml:5:5: error: an organisation lacks the required key 'title'" <<'EOF'
natrisk: 1
plan: Organisation without a title
assessment: small.yaml
organisations:
  - { id: o1 }
EOF

# --- capabilities ---

bad cap-unknown-scenario "cap-unknown-scenario.yaml:11:21: error: unknown scenario 'flood'" <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: prevention
    scenarios: [s1, flood]
EOF

bad cap-bad-phase "cap-bad-phase.yaml:10:12: error: phase must be pro-action, prevention, preparation, response or aftercare, not 'recovery'" <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: recovery
    scenarios: [s1]
EOF

bad cap-unknown-key "cap-unknown-key.yaml:12:5: error: unknown key 'owner' in a capability" <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: prevention
    scenarios: [s1]
    owner: o1
EOF

bad cap-duplicate "cap-duplicate.yaml:12:9: error: duplicate capability id 'c1' (first at line 8)" <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: prevention
    scenarios: [s1]
  - id: c1
    title: Capability again
    phase: response
    scenarios: [s1]
EOF

bad cap-bad-id "cap-bad-id.yaml:8:9: error: capability id 'cap_one' is not a valid id: use 1 to 64 of a-z, 0-9 and '-', not starting with '-'" <<'EOF'
capabilities:
  - id: cap_one
    title: Capability one
    phase: prevention
    scenarios: [s1]
EOF

bad cap-level-high "cap-level-high.yaml:13:45: error: target level must be a whole number from 0 to 4, not 5" <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: prevention
    scenarios: [s1]
    levels:
      - { analyst: ann, current: 1, target: 5 }
EOF

bad cap-level-negative "cap-level-negative.yaml:13:34: error: current level must be a whole number from 0 to 4, not -1" <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: prevention
    scenarios: [s1]
    levels:
      - { analyst: ann, current: -1, target: 2 }
EOF

bad cap-level-fraction "cap-level-fraction.yaml:13:34: error: current level must be a whole number from 0 to 4, not 2.5" <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: prevention
    scenarios: [s1]
    levels:
      - { analyst: ann, current: 2.5, target: 3 }
EOF

bad cap-level-huge "cap-level-huge.yaml:13:34: error: current level must be a whole number from 0 to 4, not 1e10" <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: prevention
    scenarios: [s1]
    levels:
      - { analyst: ann, current: 1e10, target: 3 }
EOF

bad cap-level-text "cap-level-text.yaml:13:34: error: current level must be a finite number, not 'high'" <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: prevention
    scenarios: [s1]
    levels:
      - { analyst: ann, current: high, target: 3 }
EOF

bad cap-level-no-target "cap-level-no-target.yaml:13:9: error: an expert's levels lacks the required key 'target'" <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: prevention
    scenarios: [s1]
    levels:
      - { analyst: ann, current: 2 }
EOF

bad cap-analyst-twice "cap-analyst-twice.yaml:14:20: error: duplicate analyst 'ann' (first at line 13)" <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: prevention
    scenarios: [s1]
    levels:
      - { analyst: ann, current: 2, target: 3 }
      - { analyst: ann, current: 1, target: 3 }
EOF

bad cap-scenarios-text "cap-scenarios-text.yaml:11:16: error: scenario must be a list, not a scalar" <<'EOF'
capabilities:
  - id: c1
    title: Capability one
    phase: prevention
    scenarios: s1
EOF

# --- measures ---

bad_measure measure-unknown-capability "measure-unknown-capability.yaml:15:24: error: unknown capability 'c9'" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1, c9]
    owners: [o1]
EOF

bad_measure measure-unknown-owner "measure-unknown-owner.yaml:16:14: error: unknown owner 'venj'" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [venj]
EOF

bad_measure measure-duplicate "measure-duplicate.yaml:17:9: error: duplicate measure id 'm1' (first at line 13)" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
  - id: m1
    title: Measure again
    capabilities: [c1]
    owners: [o1]
EOF

bad_measure measure-cost-negative "measure-cost-negative.yaml:17:19: error: a one-off cost may not be negative, not -5" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    cost: { once: -5 }
EOF

bad_measure measure-cost-text "measure-cost-text.yaml:17:30: error: a yearly cost must be a finite number, not 'lots'" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    cost: { once: 1, yearly: lots }
EOF

bad_measure measure-cost-quoted "measure-cost-quoted.yaml:17:19: error: a one-off cost must be a number; remove the quotes from '100'" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    cost: { once: "100" }
EOF

bad_measure measure-cost-key "measure-cost-key.yaml:17:13: error: unknown key 'total' in a cost" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    cost: { total: 5 }
EOF

bad_measure measure-requires-unknown "measure-requires-unknown.yaml:17:16: error: unknown measure 'm7'" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    requires: [m7]
EOF

bad_measure measure-requires-cycle "measure-requires-cycle.yaml:17:15: error: measure 'm1' requires itself: m1 -> m2 -> m3 -> m1" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    requires: [m2]
  - id: m2
    title: Measure two
    capabilities: [c1]
    owners: [o1]
    requires: [m3]
  - id: m3
    title: Measure three
    capabilities: [c1]
    owners: [o1]
    requires: [m1]
EOF

bad_measure measure-requires-self "measure-requires-self.yaml:17:15: error: measure 'm1' requires itself: m1 -> m1" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    requires: [m1]
EOF

bad_measure effect-unknown-scenario "effect-unknown-scenario.yaml:18:7: error: unknown scenario 'flood'" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    effect:
      flood:
        likelihood: B
EOF

bad_measure effect-unknown-criterion "effect-unknown-criterion.yaml:19:19: error: unknown criterion '9.9' in method nrb-2008" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    effect:
      s1:
        impact: { "9.9": B }
EOF

bad_measure effect-bad-class "effect-bad-class.yaml:19:21: error: likelihood: 'F' is not a class: expected A to E, optionally followed by '+'" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    effect:
      s1:
        likelihood: F
EOF

bad_measure effect-order "effect-order.yaml:19:39: error: 2.1: LL (D) is above EV (B); LL <= EV <= UL must hold" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    effect:
      s1:
        impact: { "2.1": { ev: B, ll: D } }
EOF

bad_measure effect-probability-threat "effect-probability-threat.yaml:19:21: error: a probability is for hazards; the likelihood of a threat is a class (A to E)" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    effect:
      s2:
        likelihood: { probability: 0.01 }
EOF

bad_measure effect-unknown-key "effect-unknown-key.yaml:19:9: error: unknown key 'impacts' in an effect; did you mean 'impact'?" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    effect:
      s1:
        impacts: { "2.1": B }
EOF

bad_measure effect-quantity "effect-quantity.yaml:19:35: error: 2.1: a quantity may not be negative" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    effect:
      s1:
        impact: { "2.1": { value: -3 } }
EOF

# --- actions ---

bad_measure action-duplicate "action-duplicate.yaml:21:13: error: duplicate action id 'a1' (first at line 18)" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    actions:
      - id: a1
        what: First
        due: 2012
      - id: a1
        what: Again
        due: 2013
EOF

bad_measure action-feb-29 "action-feb-29.yaml:20:14: error: due '2013-02-29' is not a real period: write YYYY, YYYY-H1 or -H2, YYYY-Q1 to -Q4, YYYY-MM or YYYY-MM-DD" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    actions:
      - id: a1
        what: First
        due: 2013-02-29
EOF

bad_measure action-month-13 "action-month-13.yaml:20:14: error: due '2013-13' is not a real period: write YYYY, YYYY-H1 or -H2, YYYY-Q1 to -Q4, YYYY-MM or YYYY-MM-DD" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    actions:
      - id: a1
        what: First
        due: 2013-13
EOF

bad_measure action-q5 "action-q5.yaml:20:14: error: due '2013-Q5' is not a real period: write YYYY, YYYY-H1 or -H2, YYYY-Q1 to -Q4, YYYY-MM or YYYY-MM-DD" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    actions:
      - id: a1
        what: First
        due: 2013-Q5
EOF

bad_measure action-h3 "action-h3.yaml:20:14: error: due '2013-H3' is not a real period: write YYYY, YYYY-H1 or -H2, YYYY-Q1 to -Q4, YYYY-MM or YYYY-MM-DD" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    actions:
      - id: a1
        what: First
        due: 2013-H3
EOF

bad_measure log-back "log-back.yaml:23:21: error: the log goes back in time: 2012-05-01 comes after 2012-06-05; entries are appended in date order" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    actions:
      - id: a1
        what: First
        due: 2012
        log:
          - { date: 2012-06-05, status: planned }
          - { date: 2012-05-01, status: done }
EOF

bad_measure log-status "log-status.yaml:22:41: error: an action's status must be planned, on-track, late, done or dropped, not 'finished'" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    actions:
      - id: a1
        what: First
        due: 2012
        log:
          - { date: 2012-06-05, status: finished }
EOF

bad_measure log-date "log-date.yaml:22:21: error: date '2012-02-30' is not a real date YYYY-MM-DD" <<'EOF'
measures:
  - id: m1
    title: Measure one
    capabilities: [c1]
    owners: [o1]
    actions:
      - id: a1
        what: First
        due: 2012
        log:
          - { date: 2012-02-30, status: planned }
EOF

# --- advice ---

bad advice-no-owner "advice-no-owner.yaml:10:13: error: advice 'a1' has no owner: name the organisations first responsible" <<'EOF'
advice:
  - id: a1
    title: Advice one
    owners: []
EOF

bad advice-owners-missing "advice-owners-missing.yaml:8:5: error: an advice lacks the required key 'owners'" <<'EOF'
advice:
  - id: a1
    title: Advice one
EOF

bad advice-unknown-measure "advice-unknown-measure.yaml:11:16: error: unknown measure 'm1'" <<'EOF'
advice:
  - id: a1
    title: Advice one
    owners: [o1]
    measures: [m1]
EOF

bad advice-decision "advice-decision.yaml:11:25: error: a decision's status must be adopted, rejected or pending, not 'approved'" <<'EOF'
advice:
  - id: a1
    title: Advice one
    owners: [o1]
    decision: { status: approved }
EOF

bad advice-decision-date "advice-decision-date.yaml:11:40: error: decision date '2012-6-5' is not a real date YYYY-MM-DD" <<'EOF'
advice:
  - id: a1
    title: Advice one
    owners: [o1]
    decision: { status: adopted, date: 2012-6-5 }
EOF

bad advice-duplicate-owner "advice-duplicate-owner.yaml:10:18: error: duplicate owner 'o1' (first at line 10)" <<'EOF'
advice:
  - id: a1
    title: Advice one
    owners: [o1, o1]
EOF

[ "$cases" -ge 40 ] || { t "at least 40 malformed plans"; t_fail "only $cases"; }

# --- what passes ---

t "check: the example plan passes, with its assessment"
run "$NATRISK" check examples/plan-2012.yaml
expect_status 0
expect_stdout_empty
expect_stderr_empty

t "check: an assessment is still checked as one"
run "$NATRISK" check examples/nrb-2012.yaml
expect_status 0

t "check: a plan whose lists are all optional passes"
{ header; } >"$dir/minimal.yaml"
run "$NATRISK" check "$dir/minimal.yaml"
expect_status 0
expect_stderr_empty

finish
