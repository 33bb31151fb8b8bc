#!/usr/bin/env python3
"""test_register.py - progress on adopted measures in the server (issue
12 point 4): owners tied to organisations (the CLI and the users API),
status updates appended to an action's log by its owners and the
edition's chairs, the log that nobody edits or deletes (through the API
and in the database itself), the audit entries, the register with its
filters and need-to-know, `natrisk progress` on the exported plan giving
the very register the server gives, the progress letter in HTML and ODT,
the reminders of actions due within 30 days and overdue per owner, and
their Atom feed with a token of the user's own.

The server's today is fixed by NATRISK_TODAY (2031-06-15). Every expected
register, filter and reminder below is worked out by hand from REG
(deadlines: 2031-Q2 ends 2031-06-30, 2031-05 ends 2031-05-31, 2031-H1
ends 2031-06-30, 2032 ends 2032-12-31; the reminders' window is the
deadline from today to today + 30 days, 2031-07-15).
Run: python3 tests/server/test_register.py
"""
import io
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, Client, Server, Suite, run_cli  # noqa: E402

TODAY = "2031-06-15"
t = Suite("test_register")
srv = Server(env={"NATRISK_TODAY": TODAY})
work = tempfile.mkdtemp(prefix="natrisk-register-")
ed = {}
c = {}

# A plan over tests/server/fixtures/classified.yaml: grid-restore names a
# restricted scenario (so cables and grid-advice are restricted);
# kestrel-study has an effect on a confidential scenario (so it and
# kestrel-advice are confidential). pending-advice is not adopted.
REG = """natrisk: 1
plan: Register test
assessment: classified.yaml
organisations:
  - { id: water-board, title: Water board }
  - { id: grid-operator, title: Grid operator }
  - { id: health, title: Health service }
capabilities:
  - id: dike-watch
    title: Watching the dikes
    phase: preparation
    scenarios: [pub-flood]
  - id: grid-restore
    title: Restoring the grid
    phase: response
    scenarios: [pub-outage, res-grid]
measures:
  - id: sensors
    title: Dike sensors
    capabilities: [dike-watch]
    owners: [water-board]
    actions:
      - id: install
        what: Install the sensors
        due: 2031-Q2
        log:
          - { date: 2031-03-05, status: planned }
      - { id: calibrate, what: Calibrate the sensors, due: 2031-05 }
      - id: report
        what: Report on the first season
        due: 2031-07-10
        log:
          - { date: 2031-04-01, status: on-track, note: Draft outline }
      - { id: yearly, what: Yearly review, due: 2032 }
  - id: cables
    title: Spare cables
    capabilities: [grid-restore]
    owners: [grid-operator]
    actions:
      - { id: lay, what: Lay the spare cables, due: 2031-H1 }
  - id: kestrel-study
    title: A study of the kestrel
    capabilities: [dike-watch]
    owners: [water-board]
    effect:
      conf-kestrel:
        impact: { "2.1": B }
    actions:
      - { id: count, what: Count the kestrels, due: 2031-06 }
advice:
  - id: flood-advice
    title: Watch the dikes
    owners: [water-board]
    measures: [sensors]
    decision: { status: adopted, date: 2031-03-01 }
  - id: grid-advice
    title: Keep the grid
    owners: [health]
    measures: [cables]
    decision: { status: adopted, date: 2031-03-01 }
  - id: kestrel-advice
    title: Study the kestrel
    owners: [water-board]
    measures: [kestrel-study]
    decision: { status: adopted, date: 2031-03-01 }
  - id: pending-advice
    title: Think again
    owners: [grid-operator]
    measures: [sensors]
"""

# name, role, clearance, organisations
USERS = [("chair-c", "chair", "confidential", []), ("chair-p", "chair", "public", []),
         ("chair-o", "chair", "confidential", []), ("admin", "admin", "confidential", []),
         ("viewer", "viewer", "confidential", []), ("ana", "analyst", "confidential", []),
         ("owner-water", "owner", "public", ["water-board"]),
         ("owner-water-c", "owner", "confidential", ["water-board"]),
         ("owner-grid", "owner", "restricted", ["grid-operator"]),
         ("owner-health", "owner", "public", ["health"]),
         ("owner-none", "owner", "confidential", [])]


def base(e):
    return "/api/assessments/%d" % e


def reg(e=None):
    return base(e or ed["pub"]) + "/register"


def add_user(name, role, clearance, organisations):
    password = "pw-%s-secret" % name
    args = ["user", "add", name, "--role", role, "--clearance", clearance,
            "--password-stdin", "--db", srv.db]
    for org in organisations:
        args += ["--organisation", org]
    run_cli(*args, input=(password + "\n").encode())
    srv.passwords[name] = password


def setup():
    for user in USERS:
        add_user(*user)
    for key in ("pub", "draft", "bare"):
        ed[key] = srv.import_file(CLASSIFIED, chairs=["chair-c", "chair-p"])
    srv.start()
    for name, *_ in USERS:
        c[name] = srv.client(name)
    for key in ("pub", "draft"):
        r = c["chair-c"].request("POST", base(ed[key]) + "/plan", REG.encode(),
                                 content_type="application/yaml")
        if r.status != 200:
            raise RuntimeError("importing the plan: %r" % r)
    for key in ("pub", "bare"):    # bare: published without a plan
        r = c["chair-c"].put(base(ed[key]) + "/status", {"status": "published"})
        if r.status != 200:
            raise RuntimeError("publishing: %r" % r)


def teardown():
    for problem in srv.stop():
        t.fail(problem)
    srv.cleanup()
    shutil.rmtree(work, ignore_errors=True)


def action_keys(register):
    """(advice, measure, action) of every action of a register, in order."""
    return [(a["id"], m["id"], x["id"]) for a in register["advice"]
            for m in a["measures"] for x in m["actions"]]


def reminder_keys(doc):
    """{owner: {list: ["measure/action", ...]}} of a reminders document."""
    return {org: {kind: ["%s/%s" % (i["measure"], i["action"]) for i in items]
                  for kind, items in lists.items()}
            for org, lists in doc["owners"].items()}


# ------------------------------------------------------------ owners

@t.test
def organisations_of_users():
    r = c["owner-water"].get("/api/session")
    t.eq(r.json()["organisations"], ["water-board"], "an owner's session names its organisation")
    t.eq(c["chair-c"].get("/api/session").json()["organisations"], [], "a chair's none")
    users = {u["name"]: u for u in c["admin"].get("/api/users").json()}
    t.eq(users["owner-grid"]["organisations"], ["grid-operator"],
         "natrisk user add --organisation tied the user to it")
    r = c["admin"].post("/api/users", {"name": "owner-new", "role": "owner",
                                       "clearance": "restricted", "password": "a-long-password",
                                       "organisations": ["health", "grid-operator"]})
    t.status(r, 201, "an admin adds an owner with organisations")
    t.eq(r.json()["organisations"], ["grid-operator", "health"], "sorted")
    r = c["admin"].put("/api/users/owner-new/organisations", {"organisations": ["water-board"]})
    t.status(r, 200, "an admin sets them anew")
    t.eq(r.json()["organisations"], ["water-board"], "the new list")
    r = c["admin"].put("/api/users/owner-new/organisations", {"organisations": ["Water Board"]})
    t.status(r, 422, "an id a plan could not hold")
    r = c["admin"].put("/api/users/owner-new/organisations", {"organisation": "health"})
    t.status(r, 400, "a body of another shape")
    r = c["admin"].put("/api/users/nobody-here/organisations", {"organisations": []})
    t.status(r, 404, "an unknown user")
    r = c["owner-water"].put("/api/users/owner-water/organisations",
                             {"organisations": ["health"]})
    t.status(r, 403, "an owner does not choose their organisations")
    rows = audit_rows("user.organisations")
    t.check(any(row[1] == "user:owner-new" and row[3] == '["water-board"]' for row in rows),
            "the change is audited with its before and after: %r" % rows)
    rc, _, err = run_cli("user", "organisations", "owner-new", "--organisation", "health",
                         "--db", srv.db, check=False)
    t.eq(rc, 0, "natrisk user organisations: %s" % err)
    users = {u["name"]: u for u in c["admin"].get("/api/users").json()}
    t.eq(users["owner-new"]["organisations"], ["health"], "the CLI set them anew")
    # a bad organisation adds no user, through the API or the CLI
    r = c["admin"].post("/api/users", {"name": "owner-bad", "role": "owner",
                                       "password": "a-long-password", "organisations": ["Bad Org"]})
    t.status(r, 422, "an organisation id no plan could hold")
    rc, _, err = run_cli("user", "add", "owner-bad2", "--role", "owner", "--organisation", "x y",
                         "--password-stdin", "--db", srv.db, input=b"a-long-password\n",
                         check=False)
    t.eq(rc, 1, "natrisk user add refuses it: %s" % err)
    t.check("is not an organisation's id" in err, "and says why: %s" % err)
    names = [u["name"] for u in c["admin"].get("/api/users").json()]
    t.eq([n for n in names if n.startswith("owner-bad")], [], "neither user was added")


def audit_rows(action):
    db = sqlite3.connect(srv.db)
    try:
        return db.execute("SELECT actor, object, before, after FROM audit WHERE action = ? "
                          "ORDER BY id", (action,)).fetchall()
    finally:
        db.close()


# ------------------------------------------------------------ register

@t.test
def register_before_updates():
    r = c["chair-c"].get(reg() + "?on=" + TODAY)
    t.status(r, 200, "the chair reads the register")
    doc = r.json()
    t.eq(doc["on"], TODAY, "on the day asked")
    t.eq(action_keys(doc), [
        ("flood-advice", "sensors", "install"), ("flood-advice", "sensors", "calibrate"),
        ("flood-advice", "sensors", "report"), ("flood-advice", "sensors", "yearly"),
        ("grid-advice", "cables", "lay"), ("kestrel-advice", "kestrel-study", "count")],
        "adopted advice only, in file order")
    acts = {x["id"]: x for a in doc["advice"] for m in a["measures"] for x in m["actions"]}
    t.eq((acts["install"]["deadline"], acts["install"]["status"], acts["install"]["since"],
          acts["install"]["overdue"]), ("2031-06-30", "planned", "2031-03-05", False),
         "install: Q2's last day, planned since its first entry")
    t.eq((acts["calibrate"]["deadline"], acts["calibrate"]["since"], acts["calibrate"]["overdue"]),
         ("2031-05-31", None, True), "calibrate: overdue since May")
    t.eq(acts["lay"]["deadline"], "2031-06-30", "H1 ends on 30 June")
    t.eq(doc["owners"], {"water-board": {"actions": 5, "done": 0, "overdue": 1},
                         "grid-operator": {"actions": 1, "done": 0, "overdue": 0}},
         "per owner of a measure")
    r = c["chair-c"].get(reg() + "?on=%s&status=overdue" % TODAY)
    t.eq(action_keys(r.json()), [("flood-advice", "sensors", "calibrate")], "overdue only")
    r = c["chair-c"].get(reg())
    t.eq(r.json()["on"], TODAY, "today by default")


@t.test
def register_need_to_know():
    doc = c["chair-p"].get(reg() + "?on=" + TODAY).json()
    t.eq([k[2] for k in action_keys(doc)], ["install", "calibrate", "report", "yearly"],
         "a public chair sees the public measure's actions only")
    t.eq(doc["owners"], {"water-board": {"actions": 4, "done": 0, "overdue": 1}},
         "and counts nothing hidden")
    text = c["chair-p"].get(reg() + "?on=" + TODAY).text
    t.eq([w for w in ("kestrel", "cables", "grid-advice") if w in text], [],
         "no word of a hidden measure")
    doc = c["owner-water"].get(reg() + "?on=" + TODAY).json()
    t.eq([k[2] for k in action_keys(doc)], ["install", "calibrate", "report", "yearly"],
         "a public owner of the water board: its visible actions")
    doc = c["owner-water-c"].get(reg() + "?on=" + TODAY).json()
    t.eq([k[2] for k in action_keys(doc)], ["install", "calibrate", "report", "yearly", "count"],
         "a confidential one also the kestrel count")
    t.eq(list(doc["owners"]), ["water-board"], "only its own organisation's counts")
    doc = c["owner-grid"].get(reg() + "?on=" + TODAY).json()
    t.eq(action_keys(doc), [("grid-advice", "cables", "lay")], "the grid operator's one action")
    doc = c["owner-health"].get(reg() + "?on=" + TODAY).json()
    t.eq(doc["advice"], [], "health's action is restricted: a public owner sees none")
    t.eq(c["owner-none"].get(reg()).json()["advice"], [], "an owner of nothing sees nothing")
    for name, want in (("viewer", 403), ("ana", 403), ("chair-o", 403), ("admin", 200)):
        t.status(c[name].get(reg()), want, "the register for %s" % name)
    t.status(c["owner-water"].get(reg(ed["draft"])), 404,
             "an owner does not see an unpublished edition")
    t.status(c["chair-c"].get(reg(ed["draft"])), 200, "its chair reads it")
    r = c["chair-c"].get(reg(ed["bare"]))
    t.status(r, 200, "an edition without a plan has a register")
    t.eq((r.json()["advice"], r.json()["owners"]), ([], {}), "an empty one")


# ------------------------------------------------------------ reminders

@t.test
def reminders():
    r = c["admin"].get("/api/reminders?on=" + TODAY)
    t.status(r, 200, "an admin's reminders")
    doc = r.json()
    t.eq((doc["on"], doc["until"], doc["days"]), (TODAY, "2031-07-15", 30), "the window")
    t.eq(reminder_keys(doc), {
        "water-board": {"overdue": ["sensors/calibrate"],
                        "due": ["sensors/install", "sensors/report", "kestrel-study/count"]},
        "grid-operator": {"overdue": [], "due": ["cables/lay"]},
        "health": {"overdue": [], "due": ["cables/lay"]}},
        "per owner of the measure or the adopted advice, by hand")
    item = doc["owners"]["water-board"]["overdue"][0]
    t.eq((item["edition"], item["advice"], item["what"], item["deadline"], item["status"]),
         (ed["pub"], "flood-advice", "Calibrate the sensors", "2031-05-31", "planned"),
         "what a reminder says")
    t.eq(reminder_keys(c["admin"].get("/api/reminders?on=2031-05-31").json())["water-board"],
         {"overdue": [], "due": ["sensors/install", "sensors/calibrate", "kestrel-study/count"]},
         "a deadline on the day is due, not overdue; one 30 days on is due")
    t.eq(reminder_keys(c["admin"].get("/api/reminders?on=2031-07-01").json()), {
        "water-board": {"overdue": ["sensors/install", "sensors/calibrate",
                                    "kestrel-study/count"], "due": ["sensors/report"]},
        "grid-operator": {"overdue": ["cables/lay"], "due": []},
        "health": {"overdue": ["cables/lay"], "due": []}}, "on 1 July")
    t.eq(reminder_keys(c["admin"].get("/api/reminders").json()), reminder_keys(doc),
         "today (NATRISK_TODAY) by default")
    t.eq(reminder_keys(c["owner-water"].get("/api/reminders").json()), {
        "water-board": {"overdue": ["sensors/calibrate"],
                        "due": ["sensors/install", "sensors/report"]}},
        "a public owner: its organisation's visible actions")
    t.eq(reminder_keys(c["owner-water-c"].get("/api/reminders").json())["water-board"]["due"],
         ["sensors/install", "sensors/report", "kestrel-study/count"], "a confidential one")
    t.eq(reminder_keys(c["owner-grid"].get("/api/reminders").json()),
         {"grid-operator": {"overdue": [], "due": ["cables/lay"]}}, "the grid operator")
    t.eq(c["owner-health"].get("/api/reminders").json()["owners"], {},
         "nothing a public owner may not see")
    t.eq(list(c["chair-p"].get("/api/reminders").json()["owners"]), ["water-board"],
         "a public chair of the edition")
    t.eq(c["chair-o"].get("/api/reminders").json()["owners"], {},
         "a chair of other editions: none of this one")
    t.status(c["owner-water"].get("/api/reminders?on=2031-07-01"), 403,
             "an owner does not choose the day")
    t.status(c["admin"].get("/api/reminders?on=2031-13-01"), 400, "a date that is none")
    for name in ("viewer", "ana"):
        t.status(c[name].get("/api/reminders"), 403, "no reminders for %s" % name)


@t.test
def feed():
    r = c["owner-water-c"].post("/api/users/me/feed-token")
    t.status(r, 201, "an owner takes a feed token")
    token = r.json()["token"]
    t.eq(r.json()["url"], "/api/reminders.atom?token=" + token, "and its URL")
    t.eq(r.json()["alerts_url"], "/alerts.atom?token=" + token, "and the alerts' feed's")
    anonymous = Client(srv)
    r = anonymous.get("/api/reminders.atom?token=" + token)
    t.status(r, 200, "the feed, without a session")
    t.eq(r.header("Content-Type"), "application/atom+xml; charset=utf-8", "as Atom")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(r.body)
    t.eq(root.tag, "{http://www.w3.org/2005/Atom}feed", "an Atom feed")
    ids = [e.find("a:id", ns).text for e in root.findall("a:entry", ns)]
    e = ed["pub"]
    t.eq(ids, ["urn:natrisk:reminder:water-board:%d:sensors:calibrate:overdue" % e,
               "urn:natrisk:reminder:water-board:%d:sensors:install:due" % e,
               "urn:natrisk:reminder:water-board:%d:sensors:report:due" % e,
               "urn:natrisk:reminder:water-board:%d:kestrel-study:count:due" % e],
         "one entry per reminder, ids a mail system keeps")
    t.eq(root.find("a:updated", ns).text, TODAY + "T00:00:00Z", "updated today")
    t.status(anonymous.get("/api/reminders.atom"), 401, "no token")
    t.status(anonymous.get("/api/reminders.atom?token=nonsense"), 401, "a wrong token")
    again = c["owner-water-c"].post("/api/users/me/feed-token").json()["token"]
    t.status(anonymous.get("/api/reminders.atom?token=" + token), 401,
             "a new token ends the old one")
    t.status(anonymous.get("/api/reminders.atom?token=" + again), 200, "the new one works")
    r = c["owner-water"].post("/api/users/me/feed-token")
    public = ET.fromstring(anonymous.get("/api/reminders.atom?token=" + r.json()["token"]).body)
    t.eq(len(public.findall("a:entry", ns)), 3, "a public owner's feed has no kestrel")
    r = c["viewer"].post("/api/users/me/feed-token")
    t.status(r, 201, "a viewer takes a token too, for the alerts' feed")
    t.eq(sorted(r.json()), ["alerts_url", "token"], "without a reminders' feed")
    t.status(anonymous.get("/api/reminders.atom?token=" + r.json()["token"]), 403,
             "the viewer's token opens no reminders")
    t.eq([row for row in audit_rows("user.feed-token") if token in (row[3] or "")], [],
         "the token never reaches the audit log")
    t.check(len(audit_rows("user.feed-token")) == 4, "each new token is audited")


# ------------------------------------------------------------ updates

def post_status(who, measure, action, body, e=None):
    return c[who].post(reg(e) + "/%s/%s" % (measure, action), body)


@t.test
def status_updates():
    r = post_status("owner-water", "sensors", "install",
                    {"status": "on-track", "note": "Contract signed"})
    t.status(r, 201, "the owner reports on its action")
    log = r.json()["log"]
    t.eq([(e["date"], e["status"], e.get("note"), e["by"]) for e in log],
         [("2031-03-05", "planned", None, None),
          (TODAY, "on-track", "Contract signed", "owner-water")],
         "appended, dated today, with its author; the file's entry stays")
    r = post_status("chair-c", "sensors", "calibrate",
                    {"status": "done", "date": "2031-06-10", "note": "Done late"})
    t.status(r, 201, "the edition's chair reports too, dated earlier than today")
    r = post_status("owner-grid", "cables", "lay", {"status": "on-track", "note": "Cables ordered"})
    t.status(r, 201, "the measure's owner of a restricted action, cleared for it")
    r = c["owner-water"].get(reg() + "/sensors/install")
    t.status(r, 200, "an owner reads its action's log")
    t.eq(len(r.json()["log"]), 2, "two entries")
    doc = c["chair-c"].get(reg() + "?on=" + TODAY).json()
    acts = {x["id"]: x for a in doc["advice"] for m in a["measures"] for x in m["actions"]}
    t.eq((acts["install"]["status"], acts["install"]["since"]), ("on-track", TODAY),
         "the register follows")
    t.eq((acts["calibrate"]["status"], acts["calibrate"]["overdue"]), ("done", False),
         "calibrate is done, no longer overdue")
    t.eq(doc["owners"]["water-board"], {"actions": 5, "done": 1, "overdue": 0}, "the counts")
    rows = audit_rows("plan.action.status")
    e = ed["pub"]
    t.eq([(r[0], r[1]) for r in rows],
         [("owner-water", "edition:%d/plan/measures/sensors/actions/install" % e),
          ("chair-c", "edition:%d/plan/measures/sensors/actions/calibrate" % e),
          ("owner-grid", "edition:%d/plan/measures/cables/actions/lay" % e)],
         "every update audited, by whom, on which action")
    t.eq((json.loads(rows[0][2]), json.loads(rows[0][3])),
         ({"date": "2031-03-05", "status": "planned"},
          {"date": TODAY, "status": "on-track", "note": "Contract signed"}),
         "the entry before and the one after")
    t.eq(rows[1][2], None, "calibrate had no entry before")


@t.test
def who_may_update():
    cases = [("owner-grid", "sensors", "install", 403, "another organisation's action"),
             ("owner-grid", "sensors", "yearly", 403, "a pending advice owns nothing"),
             ("owner-water", "cables", "lay", 404, "a restricted action for a public owner"),
             ("owner-water-c", "cables", "lay", 403, "visible but not the water board's"),
             ("owner-health", "cables", "lay", 404, "health's action, but above its clearance"),
             ("owner-water", "kestrel-study", "count", 404, "a confidential action"),
             ("owner-water", "sensors", "no-such", 404, "an action that does not exist"),
             ("owner-none", "sensors", "install", 403, "an owner of nothing"),
             ("viewer", "sensors", "install", 403, "a viewer"),
             ("ana", "sensors", "install", 403, "an analyst"),
             ("chair-o", "sensors", "install", 403, "a chair of another edition")]
    for who, measure, action, want, why in cases:
        r = post_status(who, measure, action, {"status": "late", "note": "x"})
        t.status(r, want, "%s: %s" % (who, why))
        r = c[who].get(reg() + "/%s/%s" % (measure, action))
        t.status(r, want, "%s reading: %s" % (who, why))
    hidden = c["owner-water"].get(reg() + "/kestrel-study/count")
    missing = c["owner-water"].get(reg() + "/sensors/no-such")
    t.eq(hidden.body, missing.body, "a hidden action answers as one that never was")
    r = post_status("owner-health", "cables", "lay", {"status": "late"})
    t.status(r, 404, "not even the advice's owner below its clearance")
    r = post_status("chair-c", "sensors", "install", {"status": "late"}, e=ed["draft"])
    t.status(r, 409, "an unpublished edition's actions are the plan's to change")


@t.test
def past_is_fixed():
    path = reg() + "/sensors/install"
    before = c["chair-c"].get(path).json()["log"]
    bad = [({"status": "done", "date": "2031-06-01"}, 422, "dated before the last entry"),
           ({"status": "done", "date": "2031-06-16"}, 422, "dated after today"),
           ({"status": "finished"}, 422, "not a status"),
           ({"status": "done", "by": "someone"}, 422, "a field that is not ours"),
           ({"status": "done", "note": 5}, 422, "a note that is no text"),
           ({"status": "done", "note": "x" * 2001}, 422, "a note too long"),
           ({"status": "done", "date": "2031-02-30"}, 422, "a date that is none"),
           ([{"status": "done"}], 400, "not an object")]
    for body, want, why in bad:
        t.status(c["owner-water"].post(path, body), want, why)
    for method in ("PUT", "PATCH", "DELETE"):
        r = c["chair-c"].request(method, path, {"log": []})
        t.status(r, 405, "%s on an action's log" % method)
    measure = c["chair-c"].get(base(ed["pub"]) + "/plan/measures/sensors").json()
    measure.pop("id")
    measure["actions"][0]["log"] = [{"date": "2031-03-05", "status": "done"}]
    r = c["chair-c"].put(base(ed["pub"]) + "/plan/measures/sensors", measure)
    t.status(r, 409, "the chair cannot rewrite the log through the plan either")
    db = sqlite3.connect(srv.db)
    for sql in ("UPDATE action_log SET status = 'done'", "DELETE FROM action_log"):
        try:
            db.execute(sql)
            db.commit()
            t.fail("the database took %r" % sql)
        except sqlite3.DatabaseError as e:
            t.check("append-only" in str(e), "the database refuses %r: %s" % (sql, e))
    db.close()
    t.eq(c["chair-c"].get(path).json()["log"], before, "the log is as it was")


# ------------------------------------------------------------ export, letter

@t.test
def export_gives_the_same_register():
    e = ed["pub"]
    rc, plan, err = run_cli("export", "--plan", str(e), "--db", srv.db, check=False)
    t.eq(rc, 0, "natrisk export --plan: %s" % err[:300])
    rc, edition, err = run_cli("export", str(e), "--db", srv.db, check=False)
    t.eq(rc, 0, "natrisk export: %s" % err[:300])
    os.makedirs(os.path.join(work, "x"), exist_ok=True)
    with open(os.path.join(work, "x", "classified.yaml"), "wb") as f:
        f.write(edition)
    path = os.path.join(work, "x", "plan.yaml")
    with open(path, "wb") as f:
        f.write(plan)
    t.check(b"Contract signed" in plan, "the export holds the reported log")
    for query, args in (("on=" + TODAY, ["--on", TODAY]),
                        ("on=2031-07-01&since=2031-06-01",
                         ["--on", "2031-07-01", "--since", "2031-06-01"])):
        rc, out, err = run_cli("progress", path, *args, "--format", "json", check=False)
        t.eq(rc, 0, "natrisk progress on the export: %s" % err[:300])
        served = c["chair-c"].get(reg() + "?" + query).json()
        t.eq(served, json.loads(out), "the server's register is the CLI's (%s)" % query)
    changed = c["chair-c"].get(reg() + "?on=%s&since=2031-06-01" % TODAY).json()["changed"]
    t.eq(sorted((x["measure"], x["action"], x["status"]) for x in changed),
         [("cables", "lay", "on-track"), ("sensors", "calibrate", "done"),
          ("sensors", "install", "on-track")], "what changed since 1 June")


@t.test
def register_filters():
    doc = c["chair-c"].get(reg() + "?on=%s&owner=water-board" % TODAY).json()
    t.eq(action_keys(doc), [
        ("flood-advice", "sensors", "install"), ("flood-advice", "sensors", "calibrate"),
        ("flood-advice", "sensors", "report"), ("flood-advice", "sensors", "yearly"),
        ("kestrel-advice", "kestrel-study", "count")], "the water board's actions")
    t.eq(list(doc["owners"]), ["water-board"], "its counts only")
    doc = c["chair-c"].get(reg() + "?on=%s&owner=health" % TODAY).json()
    t.eq(action_keys(doc), [("grid-advice", "cables", "lay")], "health owns the grid advice")
    doc = c["chair-c"].get(reg() + "?on=%s&status=done" % TODAY).json()
    t.eq(action_keys(doc), [("flood-advice", "sensors", "calibrate")], "done")
    doc = c["chair-c"].get(reg() + "?on=%s&status=on-track&owner=grid-operator" % TODAY).json()
    t.eq(action_keys(doc), [("grid-advice", "cables", "lay")], "both filters")
    doc = c["chair-c"].get(reg() + "?on=%s&status=overdue" % TODAY).json()
    t.eq(doc["advice"], [], "nothing overdue any more")
    t.status(c["chair-c"].get(reg() + "?status=finished"), 422, "an unknown status")
    t.status(c["chair-c"].get(reg() + "?on=2031-6-1"), 400, "a malformed date")
    t.status(c["chair-c"].get(reg() + "?on=2031-06-01&since=2031-06-02"), 422,
             "since after on")


TITLES = ["Watch the dikes", "Keep the grid", "Study the kestrel"]


def odt_text(body):
    z = zipfile.ZipFile(io.BytesIO(body))
    first = z.infolist()[0]
    t.eq((first.filename, first.compress_type), ("mimetype", zipfile.ZIP_STORED),
         "mimetype first, uncompressed")
    t.eq(z.read("mimetype"), b"application/vnd.oasis.opendocument.text", "an ODT")
    root = ET.fromstring(z.read("content.xml"))
    return "".join(root.itertext())


@t.test
def letter():
    r = c["chair-c"].get(reg() + "/letter.html?on=" + TODAY)
    t.status(r, 200, "the chair downloads the letter")
    t.eq(r.header("Content-Type"), "text/html; charset=utf-8", "HTML")
    html = r.text
    t.eq([x for x in TITLES if x not in html], [], "every adopted advice has its section")
    t.check("Think again" not in html, "a pending advice has none")
    r = c["chair-c"].get(reg() + "/letter.odt?on=" + TODAY)
    t.status(r, 200, "the letter as ODT")
    t.eq(r.header("Content-Type"), "application/vnd.oasis.opendocument.text", "its type")
    text = odt_text(r.body)
    t.eq([x for x in TITLES if x not in text], [], "every adopted advice in content.xml")
    dutch = c["chair-c"].get(reg() + "/letter.html?on=%s&lang=nl" % TODAY).text
    t.check(dutch != html and 'lang="nl"' in dutch, "in Dutch when asked")
    public = c["chair-p"].get(reg() + "/letter.odt?on=" + TODAY)
    text = odt_text(public.body)
    t.check("Watch the dikes" in text, "a public chair's letter has the public advice")
    t.eq([x for x in TITLES[1:] if x in text], [], "and nothing above public")
    for name in ("owner-water-c", "viewer", "chair-o"):
        t.status(c[name].get(reg() + "/letter.html"), 403, "no letter for %s" % name)
    t.status(c["chair-c"].get(reg() + "/letter.html?on=2031-02-30"), 400, "a bad date")


if __name__ == "__main__":
    t.run(setup, teardown)
