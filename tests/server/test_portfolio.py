#!/usr/bin/env python3
"""test_portfolio.py - POST /api/assessments/{id}/plan/portfolio: the best
set of the plan's measures for a budget, for the edition's chairs and the
admin (docs/server.md).

The plan is plans_common.SMALL over tests/server/fixtures/classified.yaml
with one measure more, kestrel-fix (cost 1, conf-kestrel 5.2 C -> A). By
hand (nrb-2008, equal weights: T = sum of class values / 10, A 1, C 9;
a probability of 0.2 stands at 10^L = 4000, as tests/data/portfolio/
plan.yaml works out): conf-kestrel has 1.2 C and 5.2 C, T = 1.8, r =
7200; with kestrel-fix T = 1.0, r = 4000: a reduction of 3200 (2000
under the "physical" profile, worked in by_hand). At a
budget of 1 the confidential chair's best set is {kestrel-fix} (the other
measures within 1 cost nothing and change no score, and the smaller set
wins a tie); a restricted chair does not see the confidential scenario,
so kestrel-fix and kestrel-study are not in the computation: the best set
is empty, reduction 0, and nothing hidden is in the answer.

For every caller the answer is what `natrisk portfolio --format json`
gives on the plan file and the edition that caller exports, byte for
byte once parsed; with ?format=svg the frontier chart is that of
`natrisk portfolio --sweep K -o OUT.svg`, byte for byte. Then: who may
call it (the matrix is test_authz.py's),
bad bodies and the caps (400), unknown ids and infeasible must sets (422).
Run: python3 tests/server/test_portfolio.py
"""
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, Server, Suite, run_cli  # noqa: E402
from plans_common import SMALL  # noqa: E402

t = Suite("test_portfolio")
srv = Server()
work = tempfile.mkdtemp(prefix="natrisk-portfolio-")
c = {}
E = None

PLAN = SMALL.replace("""advice:
""", """  - id: kestrel-fix
    title: Fixing the kestrel leak
    capabilities: [nightjar-cover]
    owners: [water-board]
    cost: { once: 1 }
    effect:
      conf-kestrel:
        impact: { "5.2": A }
advice:
""")
assert "kestrel-fix" in PLAN
HIDDEN = ("nightjar", "kestrel", "heron")

USERS = [("chair-c", "chair", "confidential"), ("chair-r", "chair", "restricted"),
         ("chair-o", "chair", "confidential"), ("admin", "admin", "confidential"),
         ("analyst", "analyst", "confidential"), ("viewer", "viewer", "confidential")]


def path(e=None):
    return "/api/assessments/%d/plan/portfolio" % (e or E)


def setup():
    global E
    for name, role, clearance in USERS:
        srv.add_user(name, role, clearance)
    E = srv.import_file(CLASSIFIED, chairs=["chair-c", "chair-r"])
    srv.start()
    for name, _, _ in USERS:
        c[name] = srv.client(name)
    r = c["chair-c"].request("POST", "/api/assessments/%d/plan" % E, PLAN.encode(),
                             content_type="application/yaml")
    t.status(r, 200, "the plan imports")


def teardown():
    for problem in srv.stop():
        t.fail(problem)
    srv.cleanup()
    shutil.rmtree(work, ignore_errors=True)


def exported(name):
    """The plan file and the edition as NAME exports them, in a directory
    of their own; the plan file's path."""
    where = os.path.join(work, name)
    os.makedirs(where, exist_ok=True)
    plan = c[name].get("/api/assessments/%d/plan.yaml" % E)
    t.status(plan, 200, "%s exports the plan" % name)
    edition = c[name].get("/api/assessments/%d/export" % E)
    t.status(edition, 200, "%s exports the edition" % name)
    assessment = re.search(rb"(?m)^assessment: (.*)$", plan.body).group(1).decode()
    with open(os.path.join(where, json.loads(assessment)), "wb") as f:
        f.write(edition.body)
    with open(os.path.join(where, "plan.yaml"), "wb") as f:
        f.write(plan.body)
    return os.path.join(where, "plan.yaml")


def cli(plan, body):
    args = ["portfolio", plan, "--budget", repr(body["budget"]), "--format", "json",
            "--threads", "2"]
    for key, option in (("years", "--years"), ("sweep", "--sweep"),
                        ("robust", "--robust"), ("seed", "--seed"),
                        ("weights", "--weights")):
        if key in body:
            args += [option, str(body[key])]
    for key, option in (("must", "--must"), ("never", "--never")):
        if key in body:
            args += [option, ",".join(body[key])]
    return json.loads(run_cli(*args)[1])


@t.test
def by_hand():
    r = c["chair-c"].post(path(), {"budget": 1})
    t.status(r, 200, "the confidential chair's optimum at 1")
    d = r.json()
    t.eq(d["selected"], ["kestrel-fix"], "kestrel-fix alone")
    t.eq(d["cost"], 1, "costs 1")
    t.check(abs(d["reduction"] - 3200) < 1e-6, "reduces by 3200: %r" % d["reduction"])
    # "physical" weighs 2.1-2.3 three times, the other seven once: a
    # total of 16, so conf-kestrel's T = (9 + 9) / 16 = 1.125 (r = 4500)
    # and with kestrel-fix (9 + 1) / 16 = 0.625 (r = 2500)
    r = c["chair-c"].post(path(), {"budget": 1, "weights": "physical"})
    t.status(r, 200, "the optimum at 1 under the physical profile")
    d = r.json()
    t.eq(d["selected"], ["kestrel-fix"], "kestrel-fix alone under physical weights")
    t.check(abs(d["reduction"] - 2000) < 1e-6,
            "reduces by 2000 under physical weights: %r" % d["reduction"])
    r = c["chair-r"].post(path(), {"budget": 1})
    t.status(r, 200, "the restricted chair's optimum at 1")
    d = r.json()
    t.eq(d["selected"], [], "nothing the restricted chair sees reduces a risk within 1")
    t.eq(d["reduction"], 0, "no reduction")
    t.eq([m["id"] for m in d["measures"]], ["sensors", "cables", "combo"],
         "the measures the restricted chair sees, and only those")
    t.eq([w for w in HIDDEN if w in r.text.lower()], [], "nothing hidden in the answer")
    t.check(d["risk_before"] < c["chair-c"].post(path(), {"budget": 1}).json()["risk_before"],
            "the confidential scenarios are not in the restricted chair's total")


@t.test
def equals_cli():
    bodies = [{"budget": 1},
              {"budget": 2500000, "years": 3, "sweep": 6, "robust": 40, "seed": 9},
              {"budget": 1800000, "must": ["sensors"], "never": ["combo"], "sweep": 4},
              {"budget": 0.5, "robust": 25},
              {"budget": 2500000, "sweep": 3, "weights": "physical"},
              {"budget": 1, "weights": "equal"}]
    for name in ("chair-c", "chair-r", "admin"):
        plan = exported(name)
        for body in bodies:
            if name == "chair-r" and "kestrel" in json.dumps(body):
                continue
            r = c[name].post(path(), body)
            t.status(r, 200, "%s: %s" % (name, body))
            t.eq(r.json(), cli(plan, body), "%s: the server's answer is the CLI's on the "
                 "exported files, for %s" % (name, body))


@t.test
def frontier_chart():
    plan = exported("chair-c")
    body = {"budget": 2000000, "sweep": 5, "years": 2}
    r = c["chair-c"].post(path() + "?format=svg", body)
    t.status(r, 200, "the frontier chart")
    t.eq(r.header("Content-Type"), "image/svg+xml", "as SVG")
    out = os.path.join(work, "frontier.svg")
    run_cli("portfolio", plan, "--budget", "2000000", "--sweep", "5", "--years", "2",
            "-o", out)
    with open(out, "rb") as f:
        t.eq(r.body, f.read(), "the chart of natrisk portfolio -o OUT.svg on the exported files")
    t.check(r.body.count(b"<circle") >= 1, "with its points")
    r = c["chair-r"].post(path() + "?format=svg", body)
    t.eq([w for w in HIDDEN if w in r.text.lower()], [], "nothing hidden in the restricted chart")
    t.status(c["chair-c"].post(path() + "?format=svg", {"budget": 5}), 400,
             "a chart needs a sweep")
    t.status(c["chair-c"].post(path() + "?format=png", body), 400, "svg only")


@t.test
def without_a_plan():
    e = srv.import_file(CLASSIFIED, chairs=["chair-c"])
    r = c["chair-c"].post(path(e), {"budget": 5, "sweep": 2})
    t.status(r, 200, "an edition without a plan: nothing to choose")
    d = r.json()
    t.eq((d["selected"], d["cost"], d["reduction"], d["measures"]), ([], 0, 0, []),
         "no measure, no cost, no reduction")
    t.eq([p["budget"] for p in d["frontier"]], [0, 0], "both budgets of the sweep are 0")


@t.test
def who_may():
    body = {"budget": 1}
    t.status(c["chair-o"].post(path(), body), 403, "a chair of another edition")
    t.status(c["analyst"].post(path(), body), 403, "an analyst")
    t.status(c["viewer"].post(path(), body), 404, "a viewer of an unpublished edition")
    t.status(c["admin"].post(path(999999), body), 404, "an edition that does not exist")
    t.status(srv.client().post(path(), body), 401, "without a session")
    t.status(c["admin"].post(path(), body), 200, "the admin")


@t.test
def bad_bodies():
    for body, why in (({}, "no budget"), ({"budget": -1}, "a negative budget"),
                      ({"budget": "5"}, "a budget that is text"),
                      ({"budget": 5, "sweep": 51}, "a sweep above the cap of 50"),
                      ({"budget": 5, "robust": 1001}, "draws above the cap of 1000"),
                      ({"budget": 5, "robust": -1}, "negative draws"),
                      ({"budget": 5, "years": 1.5}, "years not whole"),
                      ({"budget": 5, "must": "sensors"}, "must not a list"),
                      ({"budget": 5, "never": [3]}, "an id not text"),
                      ({"budget": 5, "threads": 64}, "an unknown member"),
                      ({"budget": 5, "weights": 2}, "weights not text"),
                      ({"budget": 5, "weights": "no-such"}, "an unknown weight profile")):
        r = c["chair-c"].post(path(), body)
        t.status(r, 400, why)
        t.check(r.is_json_error(), "%s: a JSON error" % why)
    r = c["chair-c"].post(path(), {"budget": 5, "sweep": 51})
    t.check("50" in r.json()["error"], "the cap is named: %s" % r.text)
    r = c["chair-c"].post(path(), {"budget": 5, "weights": "no-such"})
    t.check("no-such" in r.json()["error"] and "physical" in r.json()["error"],
            "the unknown profile and the method's profiles are named: %s" % r.text)
    r = c["chair-c"].post(path(), [1])
    t.status(r, 400, "not an object")


@t.test
def invalid_requests():
    r = c["chair-c"].post(path(), {"budget": 5, "must": ["no-such"]})
    t.status(r, 422, "an unknown id")
    t.check("no-such" in r.json()["error"], r.text)
    r = c["chair-r"].post(path(), {"budget": 5, "must": ["kestrel-fix"]})
    t.status(r, 422, "a measure the restricted chair does not see is unknown to them")
    r = c["chair-c"].post(path(), {"budget": 1, "must": ["sensors"]})
    t.status(r, 422, "a must set above the budget")
    t.check("budget" in r.json()["error"], r.text)
    r = c["chair-c"].post(path(), {"budget": 5, "must": ["cables"], "never": ["cables"]})
    t.status(r, 422, "a measure in both must and never")


if __name__ == "__main__":
    t.run(setup, teardown)
