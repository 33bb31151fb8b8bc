#!/usr/bin/env python3
"""test_signals.py - horizon scanning (issue 13 point 5): reporters submit
signals and edit their own until triaged; analysts, chairs and admins see
the signals within their clearance and triage them (dismiss, watch,
propose a new or changed scenario), every decision kept; viewers and
owners have no access. A signal's classification is the highest of its
own and of what it names (docs/server.md, "Signals"), and a signal above
a reader does not exist for them in any answer. Every submission, edit
and decision is audited; bad bodies get 4xx JSON errors and store
nothing. A chair makes a proposal of a new scenario a scenario of the
edition it names in one action, classified at least as the signal.

Expected values are written by hand from the fixture
(tests/server/fixtures/classified.yaml: pub-flood public, res-grid
restricted, conf-nightjar and conf-kestrel confidential; themes water and
infra public, heron confidential).
Run: python3 tests/server/test_signals.py
"""
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, Server, Suite, run_cli  # noqa: E402

t = Suite("test_signals")
srv = Server()
c = {}
ed = {}
made = {}

USERS = [("rep-p", "reporter", "public"), ("rep-r", "reporter", "restricted"),
         ("rep-c", "reporter", "confidential"), ("ana-p", "analyst", "public"),
         ("ana-r", "analyst", "restricted"), ("ana-c", "analyst", "confidential"),
         ("chair-p", "chair", "public"), ("chair-c", "chair", "confidential"),
         ("admin", "admin", "confidential"), ("viewer", "viewer", "confidential"),
         ("owner", "owner", "confidential")]


def signal(**fields):
    body = {"text": "Unusual rainfall upstream of the delta", "source": "Embassy Berlin",
            "observed": "2025-11-30", "confidence": "medium"}
    body.update(fields)
    return {k: v for k, v in body.items() if v is not None}


def submit(who, **fields):
    r = c[who].post("/api/signals", signal(**fields))
    t.status(r, 201, "%s submits %r" % (who, fields))
    return r.json() if r.status == 201 else {}


def setup():
    for name, role, clearance in USERS:
        srv.add_user(name, role, clearance)
    ed["pub"] = srv.import_file(CLASSIFIED, chairs=["chair-p", "chair-c"])
    ed["draft"] = srv.import_file(CLASSIFIED, chairs=["chair-p", "chair-c"])
    srv.start()
    for name, _, _ in USERS:
        c[name] = srv.client(name)
    r = c["admin"].put("/api/assessments/%d/status" % ed["pub"], {"status": "published"})
    if r.status != 200:
        raise RuntimeError("publishing: %r" % r)
    P = ed["pub"]
    made["public"] = submit("rep-r", edition=P, scenarios=["pub-flood"], themes=["water"])
    made["restricted"] = submit("rep-r", edition=P, scenarios=["res-grid"],
                                text="Gas grid probing reported")
    made["confidential"] = submit("rep-c", edition=P, scenarios=["conf-nightjar"],
                                  text="Osprey cell seen near the site", confidence="high")
    made["bare"] = submit("rep-p", text="A bare signal without links", confidence="low")


def teardown():
    for problem in srv.stop():
        t.fail(problem)
    srv.cleanup()


def ids(response):
    return sorted(s["id"] for s in response.json()) if response.status == 200 else None


def key(name):
    return made[name]["id"]


@t.test
def submission():
    s = made["public"]
    t.check(re.fullmatch(r"signal-[a-z0-9]{6}", s.get("id", "")), "a made id: %r" % s.get("id"))
    want = {"status": "new", "classification": "public",
            "text": "Unusual rainfall upstream of the delta", "source": "Embassy Berlin",
            "observed": "2025-11-30", "confidence": "medium", "edition": ed["pub"],
            "scenarios": ["pub-flood"], "themes": ["water"], "author": "rep-r", "edited": None}
    t.eq({k: s.get(k) for k in want}, want, "the signal as submitted")
    t.check(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", s.get("submitted", "")),
            "the time of submission: %r" % s.get("submitted"))
    t.check("triage" not in s, "a reporter receives no triage notes")
    t.eq(made["bare"].get("edition"), None, "a signal without an edition")
    t.eq((made["bare"].get("scenarios"), made["bare"].get("themes")), ([], []),
         "and without links")
    t.eq(c["rep-r"].get("/api/signals/" + key("public")).json(), s, "GET gives what POST gave")


@t.test
def classification():
    t.eq(made["restricted"].get("classification"), "restricted",
         "a public signal naming a restricted scenario is restricted")
    t.eq(made["confidential"].get("classification"), "confidential",
         "naming a confidential scenario makes it confidential")
    r = c["rep-p"].post("/api/signals", signal(classification="restricted"))
    t.status(r, 422, "a public reporter cannot classify a signal restricted")
    t.check("clearance" in r.json().get("error", ""), "the message says why: %r" % r.json())
    own = submit("rep-r", classification="restricted")
    t.eq(own.get("classification"), "restricted", "a restricted reporter can")
    theme = submit("rep-c", edition=ed["pub"], themes=["heron"])
    t.eq(theme.get("classification"), "confidential", "a confidential theme raises it too")
    made["own-restricted"], made["heron"] = own, theme


@t.test
def links_a_reporter_may_not_see():
    P, D = ed["pub"], ed["draft"]
    rep = c["rep-r"]
    hidden = rep.post("/api/signals", signal(edition=P, scenarios=["conf-nightjar"]))
    missing = rep.post("/api/signals", signal(edition=P, scenarios=["no-such"]))
    t.status(hidden, 422, "a scenario above the reporter")
    t.eq(hidden.json()["error"].replace("conf-nightjar", "X"),
         missing.json()["error"].replace("no-such", "X"),
         "the same message as a scenario that does not exist")
    theme = rep.post("/api/signals", signal(edition=P, themes=["heron"]))
    no_theme = rep.post("/api/signals", signal(edition=P, themes=["no-theme"]))
    t.status(theme, 422, "a theme above the reporter")
    t.eq(theme.json()["error"].replace("heron", "X"), no_theme.json()["error"].replace(
        "no-theme", "X"), "the same message as a theme that does not exist")
    draft = rep.post("/api/signals", signal(edition=D, scenarios=["pub-flood"]))
    none = rep.post("/api/signals", signal(edition=999999, scenarios=["pub-flood"]))
    t.status(draft, 422, "a reporter names scenarios of published editions only")
    t.eq(draft.json()["error"].replace(str(D), "N"), none.json()["error"].replace(
        "999999", "N"), "a draft is as unknown to a reporter as an edition that is not")


@t.test
def visibility():
    everyone = {key(n) for n in ("public", "restricted", "confidential", "bare",
                                 "own-restricted", "heron")}
    want = {
        "rep-p": {key("bare")},
        "rep-r": {key("public"), key("restricted"), key("own-restricted")},
        "rep-c": {key("confidential"), key("heron")},
        "ana-p": {key("public"), key("bare")},
        "ana-r": {key("public"), key("bare"), key("restricted"), key("own-restricted")},
        "ana-c": everyone, "chair-p": {key("public"), key("bare")},
        "chair-c": everyone, "admin": everyone,
    }
    for who, keys in want.items():
        r = c[who].get("/api/signals")
        t.status(r, 200, "%s lists signals" % who)
        t.eq(set(ids(r) or []), keys, "the signals %s sees" % who)
        for k in everyone:
            g = c[who].get("/api/signals/" + k)
            t.eq(g.status, 200 if k in keys else 404, "GET %s as %s" % (k, who))
    none = c["ana-p"].get("/api/signals/signal-zzzzzz")
    hidden = c["ana-p"].get("/api/signals/" + key("confidential"))
    t.eq((hidden.status, hidden.body), (none.status, none.body),
         "a hidden signal answers exactly as one that does not exist")
    other = c["rep-p"].get("/api/signals/" + key("public"))
    t.eq((other.status, other.body), (none.status, none.body),
         "another reporter's signal does not exist for a reporter")
    for who in ("viewer", "owner"):
        for method, path, body in (("GET", "/api/signals", None),
                                   ("POST", "/api/signals", signal()),
                                   ("GET", "/api/signals/" + key("public"), None),
                                   ("GET", "/api/signals/signal-zzzzzz", None),
                                   ("PUT", "/api/signals/" + key("public"), signal()),
                                   ("POST", "/api/signals/%s/triage" % key("public"),
                                    {"decision": "watch"})):
            r = c[who].request(method, path, body)
            t.status(r, 403, "%s %s as %s" % (method, path, who))
    r = c["admin"].get("/api/signals")
    t.eq([s["id"] for s in r.json()][-1], key("public"), "newest first: the first one last")
    t.check(all("triage" in s for s in r.json()), "those who triage see the history")


@t.test
def reporter_edits_own_until_triaged():
    s = submit("rep-r", text="First words")
    k = s["id"]
    r = c["rep-r"].put("/api/signals/" + k, signal(text="Second words", confidence="high",
                                                   edition=ed["pub"], scenarios=["pub-flood"]))
    t.status(r, 200, "the reporter edits their signal")
    got = r.json()
    t.eq((got.get("text"), got.get("confidence"), got.get("scenarios")),
         ("Second words", "high", ["pub-flood"]), "the new fields")
    t.check(got.get("edited"), "the time of the edit is kept")
    r = c["rep-r"].put("/api/signals/" + k, signal(text="Third words"))
    t.eq(r.json().get("scenarios"), [], "an edit replaces the links")
    t.status(c["rep-p"].put("/api/signals/" + k, signal()), 404, "not another reporter")
    t.status(c["ana-r"].put("/api/signals/" + k, signal()), 403, "not an analyst")
    t.status(c["rep-r"].post("/api/signals/%s/triage" % k, {"decision": "dismiss"}), 403,
             "a reporter does not triage, not even their own")
    t.status(c["ana-p"].post("/api/signals/%s/triage" % k, {"decision": "dismiss"}), 201,
             "an analyst dismisses it")
    r = c["rep-r"].put("/api/signals/" + k, signal(text="Too late"))
    t.status(r, 409, "a triaged signal is read-only")
    got = c["rep-r"].get("/api/signals/" + k).json()
    t.eq((got.get("text"), got.get("status")), ("Third words", "dismissed"),
         "the reporter sees the decision, and the text as it was")
    t.check("triage" not in got, "but not the analysts' notes")


@t.test
def triage_history():
    k = key("restricted")
    ana = c["ana-r"]
    r = ana.post("/api/signals/%s/triage" % k, {"decision": "watch", "note": "keep an eye"})
    t.status(r, 201, "watch")
    t.eq(r.json().get("status"), "watching", "the status follows the decision")
    proposal = {"title": "Gas grid sabotage", "description": "A new threat scenario"}
    r = ana.post("/api/signals/%s/triage" % k, {"decision": "propose", "proposal": proposal})
    t.status(r, 201, "propose a new scenario")
    change = {"title": "Raise the grid's likelihood", "scenario": "res-grid"}
    r = c["ana-c"].post("/api/signals/%s/triage" % k, {"decision": "propose", "note": "",
                                                      "proposal": change})
    t.status(r, 201, "propose a change to a scenario of the signal's edition")
    history = r.json().get("triage", [])
    t.eq([(h["decision"], h["by"], h["note"], h["classification"]) for h in history],
         [("watch", "ana-r", "keep an eye", "public"), ("propose", "ana-r", None, "public"),
          ("propose", "ana-c", "", "public")], "every decision kept, oldest first")
    t.eq(history[1]["proposal"], {"title": "Gas grid sabotage",
                                  "description": "A new threat scenario",
                                  "edition": ed["pub"], "scenario": None}, "a new scenario")
    t.eq(history[2]["proposal"], {"title": "Raise the grid's likelihood", "description": None,
                                  "edition": ed["pub"], "scenario": "res-grid"}, "a change")
    t.eq(history[0]["proposal"], None, "watching proposes nothing")
    t.eq(c["rep-r"].get("/api/signals/" + k).json().get("status"), "proposed",
         "the reporter sees the status")
    db = sqlite3.connect(srv.db)
    for sql in ("UPDATE signal_triage SET note = 'x'", "DELETE FROM signal_triage"):
        try:
            db.execute(sql)
            db.commit()
            t.fail("%s was allowed" % sql)
        except sqlite3.DatabaseError as e:
            t.check("append-only" in str(e), "the history refuses %s: %s" % (sql, e))
    db.close()


@t.test
def proposal_becomes_a_scenario():
    """A chair of the edition a proposal names makes it a scenario in one
    action: the proposal's title and description, classified at least
    as the signal; the signal records the scenario it became, once."""
    D = ed["draft"]
    s = submit("rep-r", classification="restricted", text="Drones over the water works")
    k = s["id"]
    adopt = "/api/signals/%s/adopt" % k
    body = {"kind": "threat", "likelihood": "C", "impact": {"5.1": "C"}}
    r = c["chair-c"].post(adopt, body)
    t.status(r, 409, "nothing proposed yet")
    r = c["ana-r"].post("/api/signals/%s/triage" % k, {"decision": "propose", "proposal": {
        "title": "Drone incursions at water works",
        "description": "Repeated drone sightings over pumping stations.", "edition": D}})
    t.status(r, 201, "an analyst proposes a new scenario of the draft edition")
    count = len(c["chair-c"].get("/api/assessments/%d/scenarios" % D).json())
    t.status(c["ana-r"].post(adopt, body), 403, "an analyst does not add scenarios")
    t.status(c["chair-p"].post(adopt, body), 404, "a public chair does not see the signal")
    for who in ("viewer", "owner", "rep-r"):
        t.status(c[who].post(adopt, body), 403, "%s may not" % who)
    r = c["chair-c"].post(adopt, dict(body, classification="public"))
    t.status(r, 422, "a restricted signal does not become a public scenario")
    t.eq(r.json()["error"], "the signal is restricted: the scenario it becomes is "
         "classified restricted or higher", "and says why")
    r = c["chair-c"].post(adopt, dict(body, kind="nonsense"))
    t.status(r, 422, "a scenario the method refuses")
    t.check(r.json().get("errors"), "with the problems: %s" % r.text)
    t.eq(len(c["chair-c"].get("/api/assessments/%d/scenarios" % D).json()), count,
         "and nothing was added")
    r = c["chair-c"].post(adopt, dict(body, theme="water"))
    t.status(r, 201, "the chair makes it a scenario")
    adopted = r.json().get("adopted") or {}
    t.eq((adopted.get("edition"), adopted.get("by")), (D, "chair-c"), "the signal says so")
    sid = adopted.get("scenario", "")
    t.check(re.fullmatch(r"drone-incursions-at-water-works-[a-z0-9]{6}", sid),
            "a made id from the title: %r" % sid)
    got = c["chair-c"].get("/api/assessments/%d/scenarios/%s" % (D, sid)).json()
    t.eq((got.get("title"), got.get("description"), got.get("classification"), got.get("kind"),
          got.get("theme")),
         ("Drone incursions at water works", "Repeated drone sightings over pumping stations.",
          "restricted", "threat", "water"), "the proposal's words, the signal's level")
    t.eq(len(c["chair-c"].get("/api/assessments/%d/scenarios" % D).json()), count + 1,
         "one scenario more")
    t.status(c["ana-p"].get("/api/assessments/%d/scenarios/%s" % (D, sid)), 404,
             "a public analyst does not see it")
    t.status(c["chair-c"].post(adopt, body), 409, "once only")
    t.eq(c["ana-r"].get("/api/signals/" + k).json().get("adopted", {}).get("scenario"), sid,
         "an analyst reads what it became")
    t.check("adopted" not in c["rep-r"].get("/api/signals/" + k).json(),
            "its reporter receives no triage, nor this")
    # a proposal to change a scenario is the chair's to make by hand
    r = c["ana-c"].post("/api/signals/%s/triage" % key("bare"), {"decision": "propose",
                        "proposal": {"title": "Raise it", "edition": D,
                                     "scenario": "pub-outage"}})
    t.status(r, 201, "a proposal to change a scenario")
    t.status(c["chair-c"].post("/api/signals/%s/adopt" % key("bare"), body), 409,
             "does not become a new scenario")
    db = sqlite3.connect(srv.db)
    rows = db.execute("SELECT actor, object, after FROM audit WHERE action IN "
                      "('signal.adopt', 'scenario.add') ORDER BY id DESC LIMIT 2").fetchall()
    db.close()
    t.eq(sorted((a, o.split("/")[0]) for a, o, _ in rows),
         [("chair-c", "edition:%d" % D), ("chair-c", "signal:" + k)],
         "the scenario's addition and the adoption, audited together")


@t.test
def proposal_hides_from_lower_readers():
    """A proposal names a scenario: the signal is then at least that
    scenario's classification for those who see the triage; a chair who
    raises the scenario later hides the signal at once. Its reporter,
    who receives no triage, keeps seeing it."""
    s = submit("rep-p", text="Power cuts in the north")
    k = s["id"]
    D = ed["draft"]
    r = c["ana-r"].post("/api/signals/%s/triage" % k, {"decision": "propose", "proposal": {
        "title": "Longer outage", "edition": D, "scenario": "pub-outage"}})
    t.status(r, 201, "a proposal on a public scenario of a draft edition")
    t.eq(c["ana-p"].get("/api/signals/" + k).status, 200, "still public")
    r = c["chair-c"].patch("/api/assessments/%d/scenarios/pub-outage" % D,
                           {"classification": "confidential"})
    t.status(r, 200, "the chair raises the scenario")
    for who in ("ana-p", "ana-r", "chair-p"):
        t.eq(c[who].get("/api/signals/" + k).status, 404, "hidden from %s now" % who)
        t.check(k not in c[who].get("/api/signals").text, "absent from %s's list" % who)
        t.status(c[who].post("/api/signals/%s/triage" % k, {"decision": "watch"}), 404,
                 "%s cannot triage it" % who)
    got = c["ana-c"].get("/api/signals/" + k).json()
    t.eq(got.get("classification"), "confidential", "confidential for those who see it")
    mine = c["rep-p"].get("/api/signals/" + k)
    t.eq((mine.status, mine.json().get("classification")), (200, "public"),
         "its reporter still sees it, without the triage")
    t.check("pub-outage" not in mine.text, "and nothing of the proposal")
    r = c["ana-r"].post("/api/signals/%s/triage" % key("public"), {
        "decision": "propose", "proposal": {"title": "x", "scenario": "conf-nightjar"}})
    none = c["ana-r"].post("/api/signals/%s/triage" % key("public"), {
        "decision": "propose", "proposal": {"title": "x", "scenario": "no-such"}})
    t.status(r, 422, "an analyst cannot name a scenario above them")
    t.eq(r.json()["error"].replace("conf-nightjar", "X"),
         none.json()["error"].replace("no-such", "X"), "as unknown as one that is not")


@t.test
def classified_note_hides_from_lower_readers():
    """A decision classified above a public signal (its note says more)
    raises the signal for those who see the triage; its reporter, who
    does not, keeps seeing it as submitted."""
    s = submit("rep-p", text="Drones over the harbour")
    k = s["id"]
    r = c["ana-p"].post("/api/signals/%s/triage" % k, {"decision": "watch",
                                                      "classification": "restricted"})
    t.status(r, 422, "a public analyst cannot classify a decision restricted")
    t.eq(r.json().get("error"), "you may not classify a triage decision above your own "
         "clearance (public)", "the message says so")
    r = c["ana-c"].post("/api/signals/%s/triage" % k, {
        "decision": "watch", "note": "Matches the osprey reports", "classification": "confidential"})
    t.status(r, 201, "a confidential note on a public signal")
    t.eq(r.json().get("classification"), "confidential", "the signal is confidential now")
    for who in ("ana-p", "ana-r", "chair-p"):
        t.eq(c[who].get("/api/signals/" + k).status, 404, "hidden from %s" % who)
        t.check("osprey" not in c[who].get("/api/signals").text.lower(),
                "the note reaches no list of %s" % who)
    mine = c["rep-p"].get("/api/signals/" + k)
    t.eq((mine.status, mine.json().get("classification"), mine.json().get("status")),
         (200, "public", "watching"), "its reporter sees it as submitted, and its status")
    t.check("osprey" not in mine.text.lower(), "but not the note")


@t.test
def hidden_scenario_signal_leaks_nowhere():
    k = key("confidential")
    words = ("osprey", "nightjar", k)
    for who in ("ana-p", "ana-r", "chair-p", "rep-r", "rep-p"):
        for method, path, body in (
                ("GET", "/api/signals", None), ("GET", "/api/signals/" + k, None),
                ("PUT", "/api/signals/" + k, signal()),
                ("POST", "/api/signals/%s/triage" % k, {"decision": "watch"}),
                ("POST", "/api/signals/%s/triage" % k, {"decision": "nonsense"})):
            r = c[who].request(method, path, body)
            low = r.text.lower()
            t.eq([w for w in words if w in low], [], "nothing of it in %s %s as %s (%d)"
                 % (method, path, who, r.status))
            if method != "GET" or path != "/api/signals":
                t.check(r.status in (403, 404), "%s %s as %s: refused (%d)"
                        % (method, path, who, r.status))
    t.check("osprey" in c["ana-c"].get("/api/signals").text.lower(),
            "the positive control: a confidential analyst sees it")


@t.test
def malformed_bodies():
    rep = c["rep-r"]
    before = len(rep.get("/api/signals").json())
    long_ok = "é" * 10000
    cases = [
        (b"{not json", 400), (b"[1, 2]", 400), ('"text"', 400),
        (signal(text=None), 422), (signal(text="   \n\t"), 422), (signal(text=7), 422),
        (signal(text="x" * 10001), 422), (signal(source=None), 422),
        (signal(source="s" * 1001), 422), (signal(observed=None), 422),
        (signal(observed="2026-02-30"), 422), (signal(observed="2999-01-01"), 422),
        (signal(observed="30-11-2026"), 422), (signal(observed="2025-11-30x"), 422),
        (signal(confidence="certain"), 422), (signal(confidence=None), 422),
        (signal(classification="secret"), 422), (signal(classification=2), 422),
        (signal(edition="1"), 422), (signal(edition=ed["pub"], scenarios="pub-flood"), 422),
        (signal(scenarios=["pub-flood"]), 422), (signal(themes=["water"]), 422),
        (signal(edition=ed["pub"], scenarios=["pub-flood", "pub-flood"]), 422),
        (signal(edition=ed["pub"], scenarios=["s%d" % i for i in range(51)]), 422),
        (signal(edition=ed["pub"], themes=[1]), 422), (signal(colour="red"), 422),
    ]
    for body, want in cases:
        r = rep.post("/api/signals", body)
        t.status(r, want, "POST %s" % str(body)[:80])
    t.eq(len(rep.get("/api/signals").json()), before, "nothing was stored")
    r = rep.post("/api/signals", signal(text=long_ok, observed="2024-02-29"))
    t.status(r, 201, "10,000 characters (20,000 bytes) and a leap day are fine")
    r = rep.post("/api/signals", signal(confidence="certain"),
                 headers={"Accept-Language": "nl"})
    t.eq(r.json().get("error"), "de betrouwbaarheid (confidence) moet low, medium of high zijn",
         "the message in Dutch")
    k = key("public")
    triage = [({"decision": "maybe"}, 422), ({}, 422), ({"decision": "propose"}, 422),
              ({"decision": "propose", "proposal": {"description": "no title"}}, 422),
              ({"decision": "propose", "proposal": {"title": "t" * 201}}, 422),
              ({"decision": "propose", "proposal": {"title": "t", "colour": 1}}, 422),
              ({"decision": "dismiss", "proposal": {"title": "x"}}, 422),
              ({"decision": "watch", "note": "n" * 5001}, 422),
              ({"decision": "watch", "by": "someone"}, 422),
              ({"decision": "watch", "classification": "secret"}, 422),
              (b"nope", 400)]
    for body, want in triage:
        r = c["ana-c"].post("/api/signals/%s/triage" % k, body)
        t.status(r, want, "triage %s" % str(body)[:80])
    r = c["ana-c"].get("/api/signals/" + k).json()
    t.eq(r.get("triage"), [], "no decision was stored")
    r = c["rep-p"].post("/api/signals", signal(), csrf=False)
    t.status(r, 403, "no submission without the CSRF token")


@t.test
def audit_entries():
    db = sqlite3.connect(srv.db)
    rows = db.execute("SELECT actor, action, object FROM audit WHERE action LIKE "
                      "'signal.%' ORDER BY id").fetchall()
    db.close()
    k = key("restricted")
    t.check(("rep-r", "signal.submit", "signal:" + k) in rows, "the submission is audited")
    t.eq([(a, b) for a, b, o in rows if o == "signal:" + k],
         [("rep-r", "signal.submit"), ("ana-r", "signal.triage"), ("ana-r", "signal.triage"),
          ("ana-c", "signal.triage")], "every decision on it, by whom")
    t.eq(sum(1 for _, a, _ in rows if a == "signal.edit"), 2, "both edits")
    t.eq(sum(1 for _, a, _ in rows if a == "signal.submit"),
         11, "one entry per signal submitted, none for refused bodies")
    t.eq(sum(1 for _, a, _ in rows if a == "signal.adopt"), 1,
         "one adoption, none for the refused ones")
    rc, out, err = run_cli("audit", "verify", "--db", srv.db, check=False)
    t.eq(rc, 0, "the audit chain verifies: %s" % err[:300])


if __name__ == "__main__":
    t.run(setup, teardown)
