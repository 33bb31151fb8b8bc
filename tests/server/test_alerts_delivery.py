#!/usr/bin/env python3
"""test_alerts_delivery.py - webhooks and their durable outbox
(docs/server.md, "Alerts"): a receiver on 127.0.0.1 that fails gets
retries with the backoff doubling, with the same idempotency key and a
signature it can check; the retry cap gives a delivery up; a webhook gets
only the alerts its clearance reaches; a webhook removed (DELETE
/api/webhooks/{id}) gets nothing more, its pending deliveries given up,
and is audited; and a server killed (SIGKILL)
while deliveries are pending delivers every alert after its restart, at
least once, each with the same idempotency key and body, and its monitor
repeats no message.
Run: python3 tests/server/test_alerts_delivery.py
"""
import json
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, SLOW, Server, Suite  # noqa: E402
from alerts_common import (KP_FEED, NRB2012, FeedServer, Receiver,  # noqa: E402
                           manual_body, monitor_file, signature_of, wait_until)

t = Suite("test_alerts_delivery")
servers = []
receivers = []
feeds = FeedServer()
BACKOFF = 0.2


def server(attempts, monitor=False):
    srv = Server(name="natrisk-delivery-")
    servers.append(srv)
    srv.add_user("admin", "admin", "confidential")
    edition = srv.import_file(CLASSIFIED, chairs=[])
    srv.options = ["--webhook-backoff", str(BACKOFF), "--webhook-attempts", str(attempts)]
    if monitor:
        storm = srv.import_file(NRB2012, chairs=[])
        path = monitor_file(srv.dir, [("kp", feeds.url("/kp.json"))])
        srv.options += ["--monitor", path, "--monitor-edition", str(storm), "--interval", "0.3"]
    srv.start()
    return srv, edition


def receiver(**kw):
    r = Receiver(**kw)
    receivers.append(r)
    return r


def teardown():
    for srv in servers:
        for problem in srv.stop():
            t.fail(problem)
        srv.cleanup()
    for r in receivers:
        r.close()
    feeds.close()


def issue(admin, edition, **fields):
    r = admin.post("/api/assessments/%d/alerts" % edition, manual_body(**fields))
    if r.status != 201:
        raise RuntimeError("issuing an alert: %r" % r)
    return r.json()


@t.test
def retries_with_backoff_then_delivered():
    srv, edition = server(attempts=3)
    admin = srv.client("admin")
    flaky = receiver(fail_first=2)
    hook = admin.post("/api/webhooks", {"url": flaky.url}).json()
    alert = issue(admin, edition)
    t.check(flaky.wait_for(lambda r: r.delivered(), 20 * SLOW), "delivered in the end")
    got = flaky.received
    t.eq([x["status"] for x in got], [503, 503, 200], "two failures, then the third attempt")
    t.eq({x["key"] for x in got}, {alert["identifier"]},
         "every attempt carries the message's identifier as its idempotency key")
    t.eq({x["body"] for x in got}, {alert["cap"].encode()}, "the CAP message is the body")
    t.check(all(x["type"].startswith("application/cap+xml") for x in got), "as CAP")
    t.eq({x["signature"] for x in got}, {signature_of(hook["secret"], alert["cap"].encode())},
         "signed with HMAC-SHA-256 under the webhook's secret")
    gaps = [got[k + 1]["time"] - got[k]["time"] for k in range(2)]
    t.check(gaps[0] >= BACKOFF * 0.9 and gaps[1] >= 2 * BACKOFF * 0.9,
            "the wait doubles: %r after a backoff of %s" % (gaps, BACKOFF))
    # the row is marked after the receiver's answer, a moment later
    counts = lambda: (lambda x: (x["pending"], x["delivered"], x["failed"]))(
        {h["id"]: h for h in admin.get("/api/webhooks").json()}[hook["id"]])
    wait_until(lambda: counts() == (0, 1, 0), 10 * SLOW)
    t.eq(counts(), (0, 1, 0), "the webhook's outbox counts")

    # a receiver that always fails is given up at the cap: three attempts
    dead = receiver()
    dead.failing = True
    dead_hook = admin.post("/api/webhooks", {"url": dead.url}).json()
    issue(admin, edition)
    given_up = wait_until(lambda: {h["id"]: h for h in admin.get("/api/webhooks").json()}
                          [dead_hook["id"]]["failed"] == 1, 20 * SLOW)
    t.check(given_up, "the dead receiver's delivery is given up")
    time.sleep(4 * BACKOFF * SLOW)
    t.eq(len(dead.received), 3, "after exactly --webhook-attempts attempts")


@t.test
def webhook_clearance():
    srv, edition = server(attempts=3)
    admin = srv.client("admin")
    public, confidential = receiver(), receiver()
    admin.post("/api/webhooks", {"url": public.url})
    admin.post("/api/webhooks", {"url": confidential.url, "clearance": "confidential"})
    low = issue(admin, edition)
    high = issue(admin, edition, scenarios=["conf-nightjar"])
    t.check(confidential.wait_for(lambda r: len(r.delivered()) == 2, 20 * SLOW),
            "the confidential webhook gets both")
    t.check(public.wait_for(lambda r: len(r.delivered()) == 1, 20 * SLOW),
            "the public webhook gets one")
    time.sleep(0.5)
    t.eq(set(public.delivered()), {low["identifier"]}, "the public one only the public alert")
    t.eq(set(confidential.delivered()), {low["identifier"], high["identifier"]},
         "the confidential one both")


@t.test
def removed_webhook_gets_nothing_more():
    srv, edition = server(attempts=1000)
    srv.add_user("chair", "chair", "confidential")
    admin = srv.client("admin")
    keep, gone = receiver(), receiver()
    gone.failing = True
    kept = admin.post("/api/webhooks", {"url": keep.url}).json()
    hook = admin.post("/api/webhooks", {"url": gone.url, "clearance": "confidential"}).json()
    first = issue(admin, edition)
    t.check(keep.wait_for(lambda r: len(r.delivered()) == 1, 20 * SLOW), "the kept one gets it")
    t.check(gone.wait_for(lambda r: len(r.received) >= 2, 20 * SLOW),
            "the failing one is tried again and again")
    r = admin.delete("/api/webhooks/%d" % hook["id"])
    t.status(r, 200, "the admin removes the failing webhook")
    t.eq(r.json(), {"id": hook["id"], "removed": True, "cancelled": 1},
         "its one pending delivery is given up")
    tried = len(gone.received)
    t.eq([h["id"] for h in admin.get("/api/webhooks").json()], [kept["id"]],
         "the list holds the kept webhook only")
    gone.failing = False
    second = issue(admin, edition, scenarios=["conf-nightjar"])
    third = issue(admin, edition)
    t.check(keep.wait_for(lambda r: len(r.delivered()) == 2, 20 * SLOW),
            "the kept (public) one gets the public alert")
    time.sleep(8 * BACKOFF * SLOW)
    # at most one attempt was on its way when the removal committed
    t.check(len(gone.received) <= tried + 1, "no new attempt after the removal: %d then %d"
            % (tried, len(gone.received)))
    t.eq({x["key"] for x in gone.received}, {first["identifier"]},
         "the removed one never sees a message stored after its removal")
    t.eq(set(keep.delivered()), {first["identifier"], third["identifier"]},
         "the kept one: the public alerts, not the confidential %s" % second["identifier"])
    t.status(admin.delete("/api/webhooks/%d" % hook["id"]), 404, "removed already")
    t.status(admin.delete("/api/webhooks/999999"), 404, "no such webhook")
    t.status(admin.delete("/api/webhooks/abc"), 404, "not an id")
    t.status(admin.delete("/api/webhooks/0%d" % kept["id"]), 404, "not an id as written")
    t.status(srv.client("chair").delete("/api/webhooks/%d" % kept["id"]), 403,
             "a chair may not remove a webhook")
    t.status(srv.client().delete("/api/webhooks/%d" % kept["id"]), 401, "nor may a stranger")
    counts = {h["id"]: h for h in admin.get("/api/webhooks").json()}[kept["id"]]
    t.eq(counts["pending"] + counts["delivered"], 2, "the kept one still counts its rows")
    db = sqlite3.connect(srv.db)
    rows = db.execute("SELECT actor, object, before, after FROM audit "
                      "WHERE action = 'webhook.remove'").fetchall()
    state = db.execute("SELECT state, last_error FROM alert_outbox WHERE webhook_id = ?",
                       (hook["id"],)).fetchall()
    db.close()
    t.eq(len(rows), 1, "one audit entry")
    actor, obj, before, after = rows[0]
    t.eq((actor, obj, json.loads(before), after),
         ("admin", "webhook:%d" % hook["id"], {"url": gone.url, "clearance": "confidential"},
          "null"), "by the admin, with what it was")
    t.eq(state, [("failed", "the webhook was removed")], "its row says why it was given up")


def kill_and_restart(srv):
    srv.proc.kill()           # SIGKILL: no clean stop
    srv.proc.wait()
    srv.proc.stdout.close()
    srv.stderr_file.close()
    srv.proc = None
    srv.start()


@t.test
def kill_9_while_deliveries_are_pending():
    feeds.feeds["/kp.json"] = b"[]"
    srv, edition = server(attempts=1000, monitor=True)
    admin = srv.client("admin")
    rx = receiver()
    rx.failing = True
    t.status(admin.post("/api/webhooks", {"url": rx.url}), 201, "the webhook")
    with open(KP_FEED, "rb") as f:
        feeds.feeds["/kp.json"] = f.read()
    manual = [issue(admin, edition, headline={"en": "Exercise %d" % k}) for k in range(5)]
    storm = wait_until(lambda: (lambda c: c if len(c) == 1 and len(c[0]["history"]) == 8
                                else None)(
        [c for c in admin.get("/api/alerts").json()["alerts"] if c["indicator"] == "kp"]),
        20 * SLOW)
    t.check(storm, "the monitor made the storm's eight messages")
    t.check(rx.wait_for(lambda r: len(r.received) >= 3, 20 * SLOW),
            "deliveries were tried and failed before the kill")
    t.eq(rx.delivered(), {}, "nothing delivered yet")
    kill_and_restart(srv)
    rx.failing = False
    want = {m["identifier"]: m["cap"].encode() for m in manual}
    for m in storm[0]["history"]:
        want[m["identifier"]] = None
    t.check(rx.wait_for(lambda r: set(r.delivered()) >= set(want), 30 * SLOW),
            "after the restart every alert arrives: %d of %d"
            % (len(set(rx.delivered()) & set(want)), len(want)))
    delivered = rx.delivered()
    t.eq(set(delivered), set(want), "each under its own identifier as idempotency key")
    for key, bodies in delivered.items():
        t.eq(len(set(bodies)), 1, "one body per key (%s)" % key)
        if want.get(key):
            t.eq(bodies[0], want[key], "the body is the stored message (%s)" % key)
    # every attempt, before and after the kill, used the keys of the store
    t.eq({x["key"] for x in rx.received} - set(want), set(), "no other key was ever sent")
    time.sleep(1)
    chains = [c for c in srv.client("admin").get("/api/alerts").json()["alerts"]
              if c["indicator"] == "kp"]
    t.eq([len(c["history"]) for c in chains], [8], "the monitor repeated nothing after the kill")


t.run(None, teardown)
