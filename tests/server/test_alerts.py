#!/usr/bin/env python3
"""test_alerts.py - the server's alerts (docs/server.md, "Alerts"): the
monitor on a schedule polls recorded feeds from a local HTTP server on
127.0.0.1 and turns the G4 storm of examples/feeds/ into its Alert, six
Updates and Cancel, exactly once across rounds; GET /api/alerts gives
each chain with its history; /alerts.atom is Atom whose entries hold CAP
messages that `natrisk cap validate` accepts; a feed that answers garbage
or hangs is recorded as failed and the server goes on; operators issue
manual alerts, updates and cancels, as Exercise or Test too, audited;
and an alert about a scenario above a reader's clearance is in neither
list for that reader; a user's feed token (POST /api/users/me/feed-token)
reads the Atom feed at that user's clearance without a session, until a
new token or the user's disabling ends it.
Run: python3 tests/server/test_alerts.py
"""
import json
import os
import re
import sqlite3
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, SLOW, Client, Server, Suite, run_cli  # noqa: E402
from alerts_common import (KP_FEED, NRB2012, FeedServer, manual_body,  # noqa: E402
                           monitor_file, wait_until)

t = Suite("test_alerts")
feeds = FeedServer(hang=30)
srv = None
E_STORM = E_CLASS = None
ATOM = "{http://www.w3.org/2005/Atom}"
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"

# The storm of examples/feeds/kp-2012-03.json against the levels G1-G5 at
# Kp 5, 6, 7, 8, 9 (method.md section 9), read off the feed by hand: Kp 5
# at 03-08 03:00 (G1, Alert), 6 at 09:00, 7 at 12:00, 8 at 15:00 (G4),
# the estimated 7.33 at 21:00, 6 on 03-09 at 00:00, 5 at 03:00, 4 at
# 09:00 (below G1: Cancel).
STORM = [("2012-03-08T03:00:00-00:00", "Alert", "Minor geomagnetic storm (G1)"),
         ("2012-03-08T09:00:00-00:00", "Update", "Moderate geomagnetic storm (G2)"),
         ("2012-03-08T12:00:00-00:00", "Update", "Strong geomagnetic storm (G3)"),
         ("2012-03-08T15:00:00-00:00", "Update", "Severe geomagnetic storm (G4)"),
         ("2012-03-08T21:00:00-00:00", "Update", "Strong geomagnetic storm (G3)"),
         ("2012-03-09T00:00:00-00:00", "Update", "Moderate geomagnetic storm (G2)"),
         ("2012-03-09T03:00:00-00:00", "Update", "Minor geomagnetic storm (G1)"),
         ("2012-03-09T09:00:00-00:00", "Cancel", "Minor geomagnetic storm (G1)")]


def feed_records(n=None):
    with open(KP_FEED, "rb") as f:
        records = json.load(f)
    return json.dumps(records if n is None else records[:n]).encode()


def setup():
    global srv, E_STORM, E_CLASS
    feeds.feeds["/kp.json"] = b"[]"
    # past the 16 MiB a feed may have (docs/server.md)
    feeds.feeds["/huge.json"] = b"[" + b" " * (16 * 1024 * 1024) + b"]"
    feeds.feeds["/garbage.json"] = b'[{"time_tag": "2012-03-08T00:00:00", "kp_index": 3},\n oops'
    srv = Server(name="natrisk-alerts-")
    path = monitor_file(srv.dir, [("kp", feeds.url("/kp.json")),
                                  ("kp-garbage", feeds.url("/garbage.json")),
                                  ("kp-hang", feeds.url("/hang")),
                                  ("kp-missing", feeds.url("/no-such.json")),
                                  ("kp-huge", feeds.url("/huge.json"))])
    srv.add_user("admin", "admin", "confidential")
    srv.add_user("chair-p", "chair", "public")
    srv.add_user("chair-o", "chair", "confidential")
    srv.add_user("viewer-p", "viewer", "public")
    srv.add_user("viewer-r", "viewer", "restricted")
    srv.add_user("viewer-c", "viewer", "confidential")
    E_STORM = srv.import_file(NRB2012, chairs=[])
    E_CLASS = srv.import_file(CLASSIFIED, chairs=["chair-p"])
    srv.options = ["--monitor", path, "--monitor-edition", str(E_STORM),
                   "--interval", "0.5", "--feed-timeout", str(2 * SLOW)]
    srv.start()


def teardown():
    if srv:
        for problem in srv.stop():
            t.fail(problem)
        srv.cleanup()
    feeds.close()


def storm_chain(client):
    chains = [c for c in client.get("/api/alerts").json()["alerts"] if c["indicator"] == "kp"]
    return chains[0] if chains else None


@t.test
def schedule_makes_the_storm_once():
    admin = srv.client("admin")
    # the first half of the storm, up to Kp 7 at 03-08 12:00: three messages
    feeds.feeds["/kp.json"] = feed_records(13)
    chain = wait_until(lambda: (lambda c: c if c and len(c["history"]) == 3 else None)(
        storm_chain(admin)), 20 * SLOW)
    t.check(chain, "the first round's three messages arrive")
    # then the whole feed: the rest of the storm, nothing repeated
    feeds.feeds["/kp.json"] = feed_records()
    chain = wait_until(lambda: (lambda c: c if c and len(c["history"]) >= 8 else None)(
        storm_chain(admin)), 20 * SLOW)
    t.check(chain, "the storm's eight messages arrive")
    time.sleep(1.5)   # three more rounds over the same feed add nothing
    chain = storm_chain(admin)
    got = [(m["sent"], m["msg_type"], m["headline"]) for m in chain["history"]]
    t.eq(got, STORM, "Alert, six Updates and Cancel, in order, once each")
    t.eq(chain["msg_type"], "Cancel", "the chain ends cancelled")
    t.eq(chain["scenarios"], ["solar-storm"], "the chain names its scenario")
    t.eq(chain["classification"], "public", "solar-storm is public in nrb-2012")
    t.eq(chain["edition"], E_STORM, "the monitor's edition")
    t.eq({m["status"] for m in chain["history"]}, {"Actual"}, "the monitor's are Actual")
    t.eq(chain["chain"], chain["history"][0]["identifier"], "a chain is named by its Alert")
    t.eq(len({m["identifier"] for m in chain["history"]}), 8, "eight identifiers")


@t.test
def feeds_failed_and_stale_are_recorded():
    admin = srv.client("admin")
    states = wait_until(lambda: (lambda f: f if len(f) == 5 else None)(
        {x["indicator"]: x for x in admin.get("/api/alerts").json()["feeds"]}), 20 * SLOW)
    t.check(states, "all five feeds recorded: %r" % (states,))
    if not states:
        return
    t.eq(states["kp"]["state"], "stale", "the storm's feed is of 2012: stale")
    t.check("2012-03-09T21:00:00" in (states["kp"]["message"] or ""),
            "stale names the newest observation: %r" % states["kp"]["message"])
    t.eq(states["kp-garbage"]["state"], "failed", "garbage fails")
    # the bad record is the second, on line 2 (jansson locates the error
    # after the token it cannot read)
    t.check(re.match(r"2:\d+: record 2: ", states["kp-garbage"]["message"] or ""),
            "the garbage's message names the record at its line and column: %r"
            % states["kp-garbage"]["message"])
    t.eq(states["kp-hang"]["state"], "failed", "a feed that hangs fails at the timeout")
    t.check("timeout" in (states["kp-hang"]["message"] or "").lower() or
            "timed out" in (states["kp-hang"]["message"] or "").lower(),
            "the hang's message says timeout: %r" % states["kp-hang"]["message"])
    t.eq(states["kp-missing"]["state"], "failed", "a 404 fails")
    t.check("404" in (states["kp-missing"]["message"] or ""), "with its status")
    t.eq(states["kp-huge"]["state"], "failed", "a feed past the size limit fails")
    t.eq(states["kp-huge"]["message"], "larger than 16777216 bytes", "and says so")
    # the server answers while a poll hangs
    began = time.time()
    r = admin.get("/api/session")
    t.status(r, 200, "the server answers during the hanging poll")
    t.check(time.time() - began < 1.0 * SLOW, "without waiting for the poll")
    t.check(srv.running(), "the server lives")


def validate_cap(xml_bytes, name):
    path = os.path.join(srv.dir, name + ".xml")
    with open(path, "wb") as f:
        f.write(xml_bytes)
    return run_cli("cap", "validate", path, check=False)


@t.test
def atom_feed_holds_valid_cap():
    anonymous = Client(srv)
    r = anonymous.get("/alerts.atom")
    t.status(r, 200, "the Atom feed needs no session")
    t.check(r.header("Content-Type", "").startswith("application/atom+xml"),
            "served as Atom: %r" % r.header("Content-Type"))
    root = ET.fromstring(r.body)
    t.eq(root.tag, ATOM + "feed", "an Atom feed")
    for field in ("id", "title", "updated"):
        t.check(root.find(ATOM + field) is not None, "the feed has its %s" % field)
    t.check(root.find(ATOM + "author/" + ATOM + "name") is not None, "and an author")
    entries = root.findall(ATOM + "entry")
    storm = [e for e in entries if "geomagnetic" in e.find(ATOM + "title").text]
    t.eq(len(storm), 8, "the storm's eight messages are entries")
    seen_types = []
    for k, e in enumerate(storm):
        for field in ("id", "title", "updated"):
            t.check(e.find(ATOM + field) is not None, "an entry has its %s" % field)
        content = e.find(ATOM + "content")
        t.eq(content.get("type"), "application/cap+xml", "the content is CAP")
        alerts = list(content)
        t.eq(len(alerts), 1, "one CAP alert per entry")
        alert = alerts[0]
        t.eq(alert.tag, CAP + "alert", "a CAP 1.2 alert")
        seen_types.append(alert.find(CAP + "msgType").text)
        t.eq(e.find(ATOM + "id").text, "urn:natrisk:alert:" + alert.find(CAP + "identifier").text,
             "the entry's id is the message's identifier")
        rc, out, err = validate_cap(ET.tostring(alert, encoding="utf-8"), "atom-%d" % k)
        t.eq(rc, 0, "natrisk cap validate accepts entry %d: %s" % (k, err))
    t.eq(seen_types[::-1], [m[1] for m in STORM], "newest first")


def chair(name="chair-p"):
    return srv.client(name)


@t.test
def manual_alert_update_cancel():
    c = chair()
    base = "/api/assessments/%d/alerts" % E_CLASS
    r = c.post(base, manual_body())
    t.status(r, 201, "a chair of the edition issues an Exercise alert")
    first = r.json()
    t.eq((first["status"], first["msg_type"], first["classification"]),
         ("Exercise", "Alert", "public"), "as asked, classified as pub-flood")
    rc, _, err = validate_cap(first["cap"].encode(), "manual-alert")
    t.eq(rc, 0, "the message validates: " + err)
    chains = {x["chain"]: x for x in c.get("/api/alerts").json()["alerts"]}
    chain = chains.get(first["identifier"])
    t.check(chain, "the chain is listed")
    alert_id = chain["history"][0]["id"]
    t.eq((chain["source"], chain["edition"], chain["scenarios"]),
         ("manual", E_CLASS, ["pub-flood"]), "a manual chain of the edition")
    t.eq(chain["history"][0]["created_by"], "chair-p", "who issued it")
    r = c.post(base, manual_body(msg_type="Update", status="Test", scenarios=None,
                                 references=alert_id, severity="Severe"))
    t.status(r, 201, "an Update as Test")
    update = r.json()
    ref = ET.fromstring(update["cap"].encode()).find(CAP + "references").text
    # the monitor's sender is the server's (docs/server.md)
    t.check(ref.startswith("alerts@risk.example,%s," % first["identifier"]),
            "the Update references the Alert: %r" % ref)
    r = c.post(base, manual_body(msg_type="Cancel", scenarios=None, references=alert_id))
    t.status(r, 201, "a Cancel")
    ref = ET.fromstring(r.json()["cap"].encode()).find(CAP + "references").text
    t.check(update["identifier"] in ref, "the Cancel references the Update: %r" % ref)
    chain = {x["chain"]: x for x in c.get("/api/alerts").json()["alerts"]}[first["identifier"]]
    t.eq([(m["msg_type"], m["status"]) for m in chain["history"]],
         [("Alert", "Exercise"), ("Update", "Test"), ("Cancel", "Exercise")],
         "the history of the chain")
    r = c.post(base, manual_body(msg_type="Update", scenarios=None, references=alert_id))
    t.status(r, 409, "nothing follows a Cancel")
    # the audit trail
    db = sqlite3.connect(srv.db)
    rows = db.execute("SELECT actor, after FROM audit WHERE action = 'alert.issue' "
                      "AND actor = 'chair-p' ORDER BY id").fetchall()
    db.close()
    t.eq([json.loads(a)["msg_type"] for _, a in rows][-3:], ["Alert", "Update", "Cancel"],
         "each manual message is audited by its issuer")


@t.test
def manual_alert_refusals():
    c = chair()
    base = "/api/assessments/%d/alerts" % E_CLASS
    cases = [
        (manual_body(headline=None), "no headline"),
        (manual_body(headline={"de": "Hochwasser"}), "a headline in neither language"),
        (manual_body(category="Weather"), "a category CAP does not know"),
        (manual_body(status="Rehearsal"), "a status CAP does not know"),
        (manual_body(msg_type="Ack"), "a message type other than Alert, Update, Cancel"),
        (manual_body(scenarios=[]), "an Alert without scenarios"),
        (manual_body(scenarios=["no-such"]), "an unknown scenario"),
        (manual_body(references=1), "an Alert that references"),
        (manual_body(msg_type="Update", scenarios=None), "an Update without references"),
        (manual_body(msg_type="Update", scenarios=None, references=999999),
         "an Update of no alert"),
        (manual_body(area={"desc": "x", "polygon": "1,1 2,2"}), "a polygon of two points"),
        (manual_body(event=""), "an empty event"),
    ]
    for body, what in cases:
        r = c.post(base, body)
        t.status(r, 422, what)
    # a hidden scenario is as unknown as one that does not exist
    hidden = c.post(base, manual_body(scenarios=["conf-nightjar"])).json()["error"]
    unknown = c.post(base, manual_body(scenarios=["conf-nowhere"])).json()["error"]
    t.eq(hidden.replace("conf-nightjar", "X"), unknown.replace("conf-nowhere", "X"),
         "a hidden scenario's refusal is an unknown one's")
    # the storm's chain is not of this edition: no Update through it
    storm = storm_chain(srv.client("admin"))
    r = srv.client("admin").post(base, manual_body(msg_type="Update", scenarios=None,
                                                   references=storm["history"][0]["id"]))
    t.status(r, 422, "a chain of another edition is no alert of this one")
    r = chair("chair-o").post(base, manual_body())
    t.status(r, 403, "a chair of another edition may not issue")
    r = srv.client("viewer-c").post(base, manual_body())
    t.status(r, 404, "a viewer does not see a draft edition")


@t.test
def clearance_hides_alerts_everywhere():
    admin = srv.client("admin")
    base = "/api/assessments/%d/alerts" % E_CLASS
    r = admin.post(base, manual_body(scenarios=["pub-flood", "conf-nightjar"],
                                     headline={"en": "Nightjar warning"}, status="Actual"))
    t.status(r, 201, "an admin issues an alert about a confidential scenario")
    secret = r.json()
    t.eq(secret["classification"], "confidential", "classified as its highest scenario")
    r = admin.post(base, manual_body(scenarios=["res-grid"], headline={"en": "Grid warning"}))
    t.status(r, 201, "and one about a restricted scenario")
    restricted = r.json()

    def sees(client, identifier):
        listed = any(c["chain"] == identifier for c in client.get("/api/alerts").json()["alerts"])
        atom = client.get("/alerts.atom").body
        return listed, identifier.encode() in atom

    for name, level in (("viewer-p", 0), ("viewer-r", 1), ("viewer-c", 2)):
        client = srv.client(name)
        t.eq(sees(client, secret["identifier"]), (level >= 2, level >= 2),
             "%s and the confidential alert (API, Atom)" % name)
        t.eq(sees(client, restricted["identifier"]), (level >= 1, level >= 1),
             "%s and the restricted alert (API, Atom)" % name)
        body = client.get("/api/alerts").body + client.get("/alerts.atom").body
        if level < 2:
            t.check(b"Nightjar" not in body and b"nightjar" not in body,
                    "%s reads nothing of the nightjar" % name)
    anonymous = Client(srv)
    atom = anonymous.get("/alerts.atom").body
    t.check(secret["identifier"].encode() not in atom and
            restricted["identifier"].encode() not in atom, "the anonymous feed is public only")
    t.check(b"Flood exercise" in atom, "and holds the public alerts")
    t.status(anonymous.get("/api/alerts"), 401, "the API needs a session")

    # a feed reader cannot sign in: the user's feed token stands for them
    links = {}
    for name, level in (("viewer-p", 0), ("viewer-r", 1), ("viewer-c", 2)):
        r = srv.client(name).post("/api/users/me/feed-token")
        t.status(r, 201, "%s takes a feed token" % name)
        link = links[name] = r.json()["alerts_url"]
        t.eq(link, "/alerts.atom?token=" + r.json()["token"], "%s: the alerts' feed link" % name)
        t.check("url" not in r.json(), "%s: no reminders' feed for a viewer" % name)
        r = anonymous.get(link)
        t.status(r, 200, "%s's link, without a session" % name)
        t.eq((secret["identifier"].encode() in r.body, restricted["identifier"].encode() in r.body),
             (level >= 2, level >= 1), "%s's link reads at %s's clearance" % (name, name))
        if level < 2:
            t.check(b"nightjar" not in r.body.lower(), "%s's link: nothing of the nightjar" % name)
        t.status(anonymous.get(link.replace("/alerts.atom", "/api/reminders.atom")), 403,
                 "%s's token opens no reminders" % name)
    old_link = link
    t.status(srv.client("viewer-c").post("/api/users/me/feed-token"), 201, "a new token")
    t.status(anonymous.get(old_link), 401, "a new token ends the old link")
    t.check(anonymous.get(old_link).is_json_error(), "with a JSON error")
    t.status(anonymous.get("/alerts.atom?token=nonsense"), 401,
             "a token that is none is refused, not read as public")
    # a session does not lift a token's clearance: the link reads as its user
    public_link = srv.client("viewer-p").post("/api/users/me/feed-token").json()["alerts_url"]
    body = srv.client("viewer-c").get(public_link).body
    t.check(secret["identifier"].encode() not in body, "a public user's link stays public")
    t.status(anonymous.get(links["viewer-r"]), 200, "the restricted viewer's link works")
    run_cli("user", "disable", "viewer-r", "--db", srv.db)
    t.status(anonymous.get(links["viewer-r"]), 401, "and ends when its user is disabled")
    run_cli("user", "enable", "viewer-r", "--db", srv.db)


@t.test
def webhooks_are_the_admins():
    admin = srv.client("admin")
    r = admin.post("/api/webhooks", {"url": "http://127.0.0.1:9/hook", "clearance": "restricted"})
    t.status(r, 201, "an admin registers a webhook")
    hook = r.json()
    t.check(len(hook["secret"]) == 64 and int(hook["secret"], 16) >= 0, "a 32-byte secret")
    listed = admin.get("/api/webhooks").json()
    t.check(all("secret" not in h for h in listed), "the list never shows a secret")
    t.check(any(h["id"] == hook["id"] and h["clearance"] == "restricted" for h in listed),
            "the webhook is listed")
    for body, what in (({"url": "ftp://x/y"}, "an ftp URL"), ({"url": 5}, "a number"),
                       ({"url": "http://x/y", "clearance": "secret"}, "an unknown clearance")):
        t.status(admin.post("/api/webhooks", body), 422, what)
    t.status(chair().post("/api/webhooks", {"url": "http://x/y"}), 403, "a chair may not")
    db = sqlite3.connect(srv.db)
    rows = db.execute("SELECT actor, after FROM audit WHERE action = 'webhook.add'").fetchall()
    db.close()
    t.check(rows and rows[-1][0] == "admin" and hook["secret"] not in rows[-1][1],
            "audited by the admin, without the secret: %r" % rows)
    rc, out, err = run_cli("audit", "verify", "--db", srv.db, check=False)
    t.eq(rc, 0, "the audit log with the alerts' entries verifies: %s %s" % (out, err))


@t.test
def serve_options_are_checked():
    for args, what in ((["--monitor", "x.yaml"], "--monitor without --monitor-edition"),
                       (["--interval", "0"], "an interval of 0"),
                       (["--webhook-attempts", "0"], "no attempts")):
        rc, _, err = run_cli("serve", "--db", os.path.join(srv.dir, "other.db"), *args,
                             check=False)
        t.eq(rc, 2, "%s is a usage error: %s" % (what, err))
    bad = os.path.join(srv.dir, "bad-monitor.yaml")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("natrisk: 1\nmonitor: x\nsender: a@b.example\nindicatorz: []\n")
    rc, _, err = run_cli("serve", "--db", os.path.join(srv.dir, "other.db"), "--listen",
                         "127.0.0.1:0", "--monitor", bad, "--monitor-edition", "1", check=False)
    t.eq(rc, 1, "a bad monitor file stops the start")
    t.check(bad + ":4:1: error: unknown key 'indicatorz'" in err, "with its located error: " + err)
    rc, _, err = run_cli("serve", "--db", srv.db + "-copy", "--listen", "127.0.0.1:0",
                         "--monitor", os.path.join(srv.dir, "monitor.yaml"),
                         "--monitor-edition", "999", check=False)
    t.eq(rc, 1, "an edition that does not exist stops the start")
    t.check("--monitor-edition 999: no such edition" in err, err)


t.run(setup, teardown)
