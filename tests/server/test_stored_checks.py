#!/usr/bin/env python3
"""test_stored_checks.py - an edition stored before the checks became
stricter (issue 9: likelihood limits ordered on their places on the axis)
holds a score that today's loader refuses: LL C with EV p = 0.006 (C sits
at 2.50, 0.006 at 2 + log10(1.2) = 2.08). The views of such an edition
must say what to correct (409 naming the score), never a bare "invalid"
or a 500, and the rest of the server keeps working: the edition's
overview and export still answer, so a chair can correct the score, after
which the views answer again.

Run: python3 tests/server/test_stored_checks.py
"""
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from serverlib import Server, Suite  # noqa: E402

t = Suite("test_stored_checks")
srv = Server(name="natrisk-stored-")
state = {}

ASSESSMENT = """natrisk: 1
title: Stored before
method: nrb-2008
scenarios:
  - id: s
    title: S
    kind: hazard
    likelihood: C
    impact: {"2.1": C}
  - id: t
    title: T
    kind: hazard
    likelihood: D
    impact: {"2.1": D}
"""

# What an older natrisk accepted and stored for scenario s.
OLD_LIKELIHOOD = '{"ev":{"probability":0.006},"ll":"C","ul":{"probability":0.006}}'


def setup():
    srv.add_user("carla", "chair")
    path = os.path.join(srv.dir, "stored.yaml")
    with open(path, "w") as f:
        f.write(ASSESSMENT)
    state["id"] = srv.import_file(path)
    con = sqlite3.connect(srv.db)
    try:
        # only the row changes: the audit triggers guard the audit table
        con.execute("UPDATE scenarios SET likelihood = ? WHERE key = 's'",
                    (OLD_LIKELIHOOD,))
        con.commit()
    finally:
        con.close()
    srv.start()
    state["chair"] = srv.client("carla")


@t.test
def views_name_the_score():
    base = "/api/assessments/%d" % state["id"]
    for view in ("/results", "/diagram.svg", "/report.html"):
        r = state["chair"].get(base + view)
        t.status(r, 409, "%s of the edition with a refused score" % view)
        message = r.json().get("error", "") if r.is_json_error() else ""
        t.check("no longer passes the checks" in message and
                "LL (C at 2.50) is above EV (0.006 at 2.08)" in message,
                "%s names the score to correct: %r" % (view, message))
    r = state["chair"].get(base + "/results", headers={"Accept-Language": "nl"})
    t.check(r.is_json_error() and "doorstaat de controles niet meer" in r.json()["error"],
            "in Dutch too: %r" % r)


@t.test
def the_chair_can_still_correct_it():
    base = "/api/assessments/%d" % state["id"]
    t.status(state["chair"].get(base), 200, "the edition itself answers")
    t.status(state["chair"].get(base + "/export"), 200, "its export answers")
    r = state["chair"].put(base + "/scenarios/s/consolidated",
                           {"likelihood": {"ev": "C", "ll": "C", "ul": "C"}})
    t.status(r, 200, "the chair sets a valid likelihood")
    t.status(state["chair"].get(base + "/results"), 200,
             "after the correction the results answer again")


t.run(setup=setup, teardown=srv.cleanup)
