#!/usr/bin/env python3
"""test_scoring.py - scoring at speed: a scenario's scores in one request,
all or none (PUT .../scenarios/{scenario}/scores and .../consolidated),
each audited as a single score is; the chair's overview of who has
scored what (GET .../scoring); and quantities that survive the chair's
changes (a consolidated {value: 7e9} stays a quantity).

Expected values are written by hand from the fixture
(tests/server/fixtures/classified.yaml) and examples/nrb-2012.yaml.
Run: python3 tests/server/test_scoring.py
"""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, NRB2012, Server, Suite, run_cli  # noqa: E402

t = Suite("test_scoring")
srv = Server()
ed = {}
c = {}

USERS = [("chair", "chair", "confidential"), ("chair-p", "chair", "public"),
         ("ana-1", "analyst", "confidential"), ("ana-2", "analyst", "confidential"),
         ("ana-p", "analyst", "public"), ("viewer", "viewer", "confidential")]


def setup():
    for name, role, clearance in USERS:
        srv.add_user(name, role, clearance)
    ed["batch"] = srv.import_file(CLASSIFIED)
    ed["cons"] = srv.import_file(CLASSIFIED)
    ed["view"] = srv.import_file(CLASSIFIED)
    ed["nrb"] = srv.import_file(NRB2012)
    srv.start()
    for name, _, _ in USERS:
        c[name] = srv.client(name)


def teardown():
    for problem in srv.stop():
        t.fail(problem)
    srv.cleanup()


def E(name, rest=""):
    return "/api/assessments/%d%s" % (ed[name], rest)


def version(name):
    return c["chair"].get(E(name)).json()["version"]


def audit(action, prefix):
    """The audit entries (object, after) of ACTION on objects under PREFIX."""
    con = sqlite3.connect("file:%s?mode=ro" % srv.db, uri=True)
    try:
        rows = con.execute("SELECT object, after FROM audit WHERE action = ? AND object "
                           "LIKE ? ORDER BY id", (action, prefix + "%")).fetchall()
    finally:
        con.close()
    return rows


def full(ev, ll=None, ul=None, why=None):
    out = {"ev": ev, "ll": ll or ev, "ul": ul or ev}
    if why:
        out["why"] = why
    return out


@t.test
def analyst_batch():
    a1, chair = c["ana-1"], c["chair"]
    path = E("batch", "/scenarios/pub-flood/scores")
    t.status(chair.put(E("batch", "/scenarios/pub-flood/assigned"),
                       {"analysts": ["ana-1", "ana-2"]}), 200, "assign")
    t.status(a1.put(path, {"5.1": "C"}), 409, "no scores in draft")
    t.status(chair.put(E("batch", "/status"), {"status": "scoring"}), 200, "to scoring")
    before = version("batch")
    body = {"likelihood": {"ev": "C", "ll": "B", "ul": "D", "why": "floods"},
            "2.1": {"ev": {"value": 250}, "ll": "B", "ul": {"value": 4000}},
            "5.1": "D", "5.3": {"ev": "B", "why": "calm"}}
    r = a1.put(path, body)
    t.status(r, 200, "an analyst's batch")
    mine = r.json().get("analysts", {}).get("ana-1", {})
    t.eq(sorted(mine), ["2.1", "5.1", "5.3", "likelihood"], "four criteria scored")
    t.eq({k: v["score"] for k, v in mine.items()}, {
        "likelihood": full("C", "B", "D", "floods"),
        "2.1": full({"value": 250}, "B", {"value": 4000}),
        "5.1": full("D"),
        "5.3": full("B", why="calm")}, "each as the single route would keep it")
    t.eq(version("batch"), before + 1, "one write: the version rises once")
    objects = [o for o, _ in audit("score", "edition:%d/scenario:pub-flood/" % ed["batch"])]
    t.eq(sorted(objects), sorted("edition:%d/scenario:pub-flood/%s" % (ed["batch"], k)
                                 for k in body), "an audit entry per score")
    # all or none: one bad score, and nothing of the batch is written
    r = a1.put(path, {"5.1": "E", "5.2": {"ev": "C", "ll": "D"}, "9.9": "C",
                      "likelihood": None})
    t.status(r, 422, "a batch with bad scores")
    errors = r.json().get("errors", [])
    t.eq(sorted({e.get("criterion") for e in errors}), ["5.2", "9.9", "likelihood"],
         "every bad score is named by its criterion: %r" % errors)
    t.check(all(isinstance(e.get("message"), str) and e["message"] for e in errors),
            "each with a message")
    t.check(any("9.9" in e["message"] for e in errors), "the unknown criterion is named")
    now = a1.get(path).json()["analysts"]["ana-1"]
    t.eq(now["5.1"]["score"], full("D"), "5.1 did not change")
    t.check("5.2" not in now, "5.2 was not written")
    t.eq(version("batch"), before + 1, "nor the version")
    t.eq(len(audit("score", "edition:%d/" % ed["batch"])), 4, "nor the audit log")
    # a second batch keeps the history of each score
    r = a1.put(path, {"5.1": "C+"})
    entry = r.json()["analysts"]["ana-1"]["5.1"]
    t.eq((entry["score"], [h["score"] for h in entry["history"]]), (full("C+"), [full("D")]),
         "the new score over the old one")
    t.eq(r.json()["analysts"]["ana-1"]["5.3"]["score"], full("B", why="calm"),
         "the others stay")
    before = version("batch")
    t.status(a1.put(path, {}), 200, "an empty batch")
    t.eq(version("batch"), before, "writes nothing")
    for body, status, what in (("[]", 400, "an array"), ('"C"', 400, "a string"),
                               ("{", 400, "not JSON"),
                               ('{"5.1": "C", "5.1": "D"}', 400, "a criterion twice")):
        t.status(a1.put(path, body), status, "a batch that is %s" % what)


@t.test
def batch_authorization():
    path = "/scenarios/%s/scores"
    t.status(c["ana-p"].put(E("batch", path % "pub-flood"), {"5.1": "C"}), 403,
             "an analyst not assigned")
    t.status(c["chair"].put(E("batch", path % "pub-flood"), {"5.1": "C"}), 403,
             "a chair has no own scores")
    # a viewer reads published editions only: a draft is no edition to them
    t.status(c["viewer"].put(E("batch", path % "pub-flood"), {"5.1": "C"}), 404, "a viewer")
    hidden = c["ana-p"].put(E("batch", path % "conf-nightjar"), {"5.1": "C"})
    missing = c["ana-p"].put(E("batch", path % "no-such"), {"5.1": "C"})
    t.eq((hidden.status, hidden.body), (missing.status, missing.body),
         "a hidden scenario answers as a missing one")
    t.status(hidden, 404, "a hidden scenario")
    cons = "/scenarios/pub-flood/consolidated"
    t.status(c["chair"].put(E("batch", cons), {"5.1": "C"}), 409,
             "no consolidated scores in scoring")
    t.status(c["ana-1"].put(E("batch", cons), {"5.1": "C"}), 403, "an analyst consolidates")
    t.status(c["viewer"].put(E("batch", cons), {"5.1": "C"}), 404, "a viewer consolidates")
    hidden = c["chair-p"].put(E("batch", "/scenarios/conf-nightjar/consolidated"),
                              {"5.1": "C"})
    missing = c["chair-p"].put(E("batch", "/scenarios/no-such/consolidated"), {"5.1": "C"})
    t.eq((hidden.status, hidden.body), (missing.status, missing.body),
         "a hidden scenario answers the chair as a missing one")


@t.test
def consolidated_batch():
    chair = c["chair"]
    path = E("cons", "/scenarios/pub-flood/consolidated")
    t.status(chair.put(E("cons", "/status"), {"status": "consolidation"}), 200,
             "to consolidation")
    before = version("cons")
    r = chair.put(path, {"likelihood": {"probability": 0.02}, "2.1": None,
                         "5.1": {"ev": "D", "ll": "C", "ul": "E", "why": "agreed"}})
    t.status(r, 200, "the chair's batch")
    got = r.json()
    t.eq(got.get("likelihood"), full({"probability": 0.02}), "the likelihood")
    t.check("2.1" not in got.get("impact", {}), "2.1 dropped")
    t.eq(got.get("impact", {}).get("5.1"), full("D", "C", "E", "agreed"), "5.1")
    t.eq(got.get("impact", {}).get("3.1"), full("D", "C", "E"), "3.1 untouched")
    t.eq(version("cons"), before + 1, "one write")
    prefix = "edition:%d/scenario:pub-flood/" % ed["cons"]
    t.eq(sorted(o[len(prefix):] for o, _ in audit("score.consolidated", prefix)),
         ["2.1", "5.1", "likelihood"], "an audit entry per consolidated score")
    r = chair.put(path, {"5.1": "A", "likelihood": None, "7.7": "B"})
    t.status(r, 422, "a batch with a dropped likelihood and an unknown criterion")
    t.eq(sorted(e.get("criterion") for e in r.json().get("errors", [])), ["7.7", "likelihood"],
         "both named")
    t.eq(chair.get(E("cons", "/scenarios/pub-flood")).json()["impact"]["5.1"],
         full("D", "C", "E", "agreed"), "5.1 kept")
    t.eq(version("cons"), before + 1, "nothing written")


@t.test
def quantity_survives():
    """The 2012 example's solar storm has 3.1 at ev {value: 7e9}, ll C, ul E.
    The chair changes only its rationale, then another criterion: the
    quantity stays 7e9 in the scenario, the export and the results."""
    chair = c["chair"]
    path = E("nrb", "/scenarios/solar-storm")
    stored = chair.get(path).json()["impact"]["3.1"]
    t.eq({k: stored[k] for k in ("ev", "ll", "ul")},
         {"ev": {"value": 7e9}, "ll": "C", "ul": "E"}, "imported as the file has it")
    results = chair.get(E("nrb", "/results")).json()
    edited = dict(stored, why="Re-estimated: still about 7 billion euros.")
    r = chair.put(path + "/consolidated", {"3.1": edited})
    t.status(r, 200, "a changed rationale")
    t.eq(r.json()["impact"]["3.1"], edited, "the quantity and the limits are kept")
    r = chair.put(path + "/consolidated", {"5.2": "B"})
    t.status(r, 200, "another criterion")
    t.eq(r.json()["impact"]["3.1"], edited, "3.1 is untouched")
    export = chair.get(E("nrb", "/export")).text
    t.check('"ev": {"value": 7000000000.0}' in export or
            '"ev":{"value":7000000000.0}' in export, "the export keeps the quantity")
    # 5.2 from A (1) to B (3) under equal weights (a tenth each): the
    # total rises by 0.2; 3.1 still counts as D
    old = [s for s in results["scenarios"] if s["id"] == "solar-storm"][0]
    new = [s for s in chair.get(E("nrb", "/results")).json()["scenarios"]
           if s["id"] == "solar-storm"][0]
    t.check(abs(new["impact"]["ev"]["total"] - old["impact"]["ev"]["total"] - 0.2) < 1e-9,
            "the EV total rises by 0.2: %r -> %r" % (old["impact"]["ev"]["total"],
                                                     new["impact"]["ev"]["total"]))


@t.test
def overview():
    chair, a1, a2 = c["chair"], c["ana-1"], c["ana-2"]
    base = E("view")
    t.status(chair.put(base + "/scenarios/pub-flood/assigned",
                       {"analysts": ["ana-1", "ana-2"]}), 200, "assign pub-flood")
    t.status(chair.put(base + "/scenarios/conf-nightjar/assigned", {"analysts": ["ana-1"]}),
             200, "assign conf-nightjar")
    t.status(chair.put(base + "/status", {"status": "scoring"}), 200, "to scoring")
    t.status(a1.put(base + "/scenarios/pub-flood/scores",
                    {"likelihood": "C", "5.1": "D", "5.3": {"ev": "B", "ul": "C"}}), 200,
             "ana-1 scores three")
    t.status(a1.put(base + "/scenarios/conf-nightjar/scores", {"5.2": "E"}), 200,
             "ana-1 scores the confidential one")
    t.status(a1.put(base + "/scenarios/pub-flood/scores/5.1", "null"), 200,
             "ana-1 withdraws 5.1")
    # ana-2 scores pub-outage while assigned, and is unassigned afterwards
    t.status(chair.put(base + "/scenarios/pub-outage/assigned", {"analysts": ["ana-2"]}), 200,
             "assign pub-outage")
    t.status(a2.put(base + "/scenarios/pub-outage/scores", {"2.3": "B"}), 200, "ana-2 scores")
    t.status(chair.put(base + "/scenarios/pub-outage/assigned", {"analysts": []}), 200,
             "unassign pub-outage")
    r = chair.get(base + "/scoring")
    t.status(r, 200, "the overview")
    body = r.json()
    t.eq(body.get("criteria"), ["likelihood", "1.1", "1.2", "2.1", "2.2", "2.3", "3.1",
                                "4.1", "5.1", "5.2", "5.3"],
         "the likelihood and the method's ten criteria")
    rows = {s["id"]: s for s in body.get("scenarios", [])}
    t.eq(list(rows), ["pub-flood", "pub-outage", "res-grid", "conf-nightjar", "conf-kestrel"],
         "every scenario, in order")
    flood = rows["pub-flood"]
    t.eq(flood["assigned"], ["ana-1", "ana-2"], "pub-flood's analysts")
    t.eq({n: (a["assigned"], a["scored"]) for n, a in flood["analysts"].items()},
         {"ana-1": (True, 2), "ana-2": (True, 0)},
         "ana-1 scored two (5.1 withdrawn), ana-2 none")
    t.eq(flood["analysts"]["ana-1"]["scores"],
         {"likelihood": full("C"), "5.3": full("B", "B", "C")}, "ana-1's scores")
    t.eq(flood["consolidated"], {
        "likelihood": full("C", "B", "D", "once in a few centuries"),
        "2.1": full({"value": 300}), "3.1": full("D", "C", "E"), "5.1": full("C+")},
        "pub-flood's consolidated scores")
    t.eq(rows["pub-outage"]["assigned"], [], "pub-outage has nobody assigned now")
    t.eq({n: (a["assigned"], a["scored"]) for n, a in rows["pub-outage"]["analysts"].items()},
         {"ana-2": (False, 1)}, "but ana-2's score still shows")
    t.eq(rows["conf-nightjar"]["analysts"]["ana-1"]["scored"], 1, "conf-nightjar: one")
    low = c["chair-p"].get(base + "/scoring")
    t.status(low, 200, "the public chair's overview")
    t.eq([s["id"] for s in low.json()["scenarios"]], ["pub-flood", "pub-outage"],
         "only what the public chair may see")
    t.check("nightjar" not in low.text and "kestrel" not in low.text, "nothing hidden leaks")
    t.status(c["ana-1"].get(base + "/scoring"), 403, "the overview for an analyst")
    t.status(c["viewer"].get(base + "/scoring"), 404, "the overview for a viewer (a draft)")
    t.status(chair.get("/api/assessments/99999/scoring"), 404, "no such edition")


if __name__ == "__main__":
    t.run(setup, teardown)
