#!/usr/bin/env python3
"""test_alerts_delivery.py - webhooks and their durable outbox
(docs/server.md, "Alerts"): a receiver on 127.0.0.1 that fails gets
retries with the backoff doubling, with the same idempotency key and a
signature it can check; the retry cap gives a delivery up; a webhook gets
only the alerts its clearance reaches; and a server killed (SIGKILL)
while deliveries are pending delivers every alert after its restart, at
least once, each with the same idempotency key and body, and its monitor
repeats no message.
Run: python3 tests/server/test_alerts_delivery.py
"""
import json
import os
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
