#!/usr/bin/env python3
"""test_authz.py - the authorization matrix of `natrisk serve`.

Every route of the router (parsed from src/server/router.c, so that a new
route without a policy here fails) x every actor x path parameters that
point at a public, a restricted, a confidential and a non-existent
scenario (and a non-existent edition), or at plan items (capabilities,
measures, advice) that touch a scenario of each clearance, in two edition
statuses (draft and scoring). The expected status comes from the policy table below, written
from the issue's contract, not from the server's code: 401 without a
session; then 404 for an edition that does not exist or a scenario the
actor may not see (exactly the same body as a scenario that does not
exist); then 403 for the role (an analyst's own score: 403 too when not
assigned); otherwise the handler's success, or 409 when the edition's
status forbids the change. The signal routes (horizon scanning) are tried
on signals of every clearance, another reporter's and one that does not
exist: viewers and owners get 403 on all of them. Then: no state-changing request passes without
the CSRF token, and nothing of a hidden scenario appears in any answer to
a user of a lower clearance.
Run: python3 tests/server/test_authz.py
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, Client, Server, Suite, router_routes  # noqa: E402
from plans_common import SMALL  # noqa: E402

t = Suite("test_authz")
srv = Server()
clients = {}
E = None                     # the edition of the matrix
MISSING_EDITION = 999999
LEVEL = {"public": 0, "restricted": 1, "confidential": 2}

# actor: (user name, role, clearance); None for anonymous
ACTORS = {
    "anonymous": None,
    "viewer-p": ("viewer-p", "viewer", "public"),
    "viewer-c": ("viewer-c", "viewer", "confidential"),
    "analyst-p": ("analyst-p", "analyst", "public"),       # assigned to pub-flood
    "analyst-c": ("analyst-c", "analyst", "confidential"),  # assigned to nothing
    "chair-p": ("chair-p", "chair", "public"),
    "chair-c": ("chair-c", "chair", "confidential"),
    "chair-o": ("chair-o", "chair", "confidential"),      # not a chair of the edition
    "admin-c": ("admin-c", "admin", "confidential"),
    "owner-c": ("owner-c", "owner", "confidential"),      # reads published editions only
    "reporter-c": ("reporter-c", "reporter", "confidential"),
}
EDITION_CHAIRS = ["chair-p", "chair-c"]
# The fixture's scenarios and their classifications; "no-such" does not exist.
SCENARIOS = {"pub-flood": "public", "res-grid": "restricted", "conf-nightjar": "confidential",
             "no-such": None}
ASSIGNED = {("analyst-p", "pub-flood")}
# The plan of the matrix edition (plans_common.SMALL) and the lowest
# clearance that sees each item (by hand: a capability names a scenario,
# a measure strengthens a capability or has an effect on a scenario, an
# advice names measures); "no-such-item" does not exist. Each route of
# items is tried on the items of one kind; DELETE on items made for it,
# one per request, named by the clearance they need.
PLAN_ITEMS = {
    "capabilities": {"dike-watch": "public", "grid-restore": "restricted",
                     "nightjar-cover": "confidential", "no-such-item": None},
    "measures": {"sensors": "public", "cables": "restricted", "kestrel-study": "confidential",
                 "no-such-item": None},
    "advice": {"flood-advice": "public", "grid-advice": "restricted", "no-such-item": None},
    "fresh": {"fresh-public": "public", "fresh-restricted": "restricted",
              "fresh-confidential": "confidential", "no-such-item": None},
}
# what the matrix's experts PUT makes each capability's experts: analyst-p
# is the one actor who is an expert (of dike-watch)
EXPERTS = {"dike-watch": ["analyst-p"], "grid-restore": ["analyst-x"],
           "nightjar-cover": ["analyst-x"], "no-such-item": []}
# the items as SMALL writes them, for a PUT that replaces one by itself,
# each with an action for the register's routes (setup puts them so)
MEASURES = {
    "sensors": {"title": "Dike sensors", "capabilities": ["dike-watch"], "owners": ["water-board"],
                "cost": {"once": 1.5e6, "yearly": 2.0e5}, "effect": {"pub-flood": {"likelihood": "B"}},
                "actions": [{"id": "check", "what": "Check the sensors", "due": "2031-Q2"}]},
    "cables": {"title": "Spare cables", "capabilities": ["grid-restore"], "owners": ["grid-operator"],
               "actions": [{"id": "lay", "what": "Lay the cables", "due": 2031}]},
    "kestrel-study": {"title": "A study of the kestrel", "capabilities": ["dike-watch"],
                      "owners": ["water-board"], "effect": {"conf-kestrel": {"impact": {"2.1": "B"}}},
                      "actions": [{"id": "count", "what": "Count the kestrels", "due": "2031-06"}]},
}
# the register's actions ("measure/action") and the lowest clearance
# that sees each (its measure's); the last does not exist
PLAN_ACTIONS = {"sensors/check": "public", "cables/lay": "restricted",
                "kestrel-study/count": "confidential", "sensors/no-such-action": None}
# a webhook's id in place of {item}: one that does not exist (removal by an
# admin is test_alerts_delivery.py's)
WEBHOOK_ROUTE = "/api/webhooks/{item}"
USER_ROUTES = ("/api/users/{name}/disabled", "/api/users/{name}/password",
               "/api/users/{name}/organisations")
MEASURES["no-such-item"] = MEASURES["sensors"]
FRESH_CAPABILITY = {"fresh-public": "dike-watch", "fresh-restricted": "grid-restore",
                    "fresh-confidential": "nightjar-cover"}
HIDDEN_WORDS = ("nightjar", "kestrel", "heron", "res-grid", "gas grid")
# Signals (docs/server.md, "Signals"): reporter-c's, naming a scenario of
# each clearance of a published copy of the fixture, and another
# reporter's public one; "no-such-signal" does not exist. Each signal's
# classification is its scenario's; the ids are the server's, once made.
SIGNALS = {"sig-public": "public", "sig-restricted": "restricted",
           "sig-confidential": "confidential", "sig-other": "public", "no-such-signal": None}
SIGNAL_SCENARIO = {"sig-public": "pub-flood", "sig-restricted": "res-grid",
                   "sig-confidential": "conf-nightjar", "sig-other": "pub-flood",
                   "no-such-signal": "pub-flood"}
SIGNAL_AUTHOR = {"sig-other": "reporter-x"}
signal_ids = {"no-such-signal": "signal-nosuch"}
published = [None]

# The contract, route by route (not authz.c's table: the words).
#   anyone          no session needed
#   signed-in       any session
#   admin           an admin
#   chair           a chair or an admin
#   edition         any session; the edition exists (for a viewer: exists
#                   and is published; the matrix's edition never is)
#   edition-chair   an admin or one of the edition's own chairs; the
#                   edition exists
#   scenario        any session; the edition and the scenario exist and it
#                   is within clearance
#   scenario-chair  ... and an admin or one of the edition's chairs
#   scores-reader   ... and an analyst (their own), a chair or an admin
#   own-score       ... and an analyst assigned to the scenario
#   plan-import     an admin or one of the edition's chairs, cleared for
#                   every scenario of the edition (docs/server.md, "The plan")
#   item            any session; the edition and the plan item exist and
#                   the item touches no scenario above the actor's clearance
#   item-chair      ... and an admin or one of the edition's chairs
#   levels-reader   ... and an analyst (their own), a chair or an admin
#   expert          ... and an analyst who is one of the capability's experts
#   signals         a reporter, analyst, chair or admin (viewers and
#                   owners: 403 on every signal route, whatever the signal)
#   submit-signal   a reporter
#   signal          ... and the signal exists for the actor: a reporter's
#                   own, or for the others one within their clearance
#   signal-edit     ... and its reporter (409 once it is triaged)
#   signal-triage   ... and an analyst, chair or admin (adopt: then 409, as
#                   no signal here proposes a new scenario; who chairs the
#                   proposal's edition is test_signals.py's)
#   register        an admin or one of the edition's chairs (the whole
#                   register), or an owner (their organisations' actions);
#                   the edition exists (for an owner: published)
#   action-reader   the same, for one action: it exists and its measure
#                   touches no scenario above the actor; an owner only
#                   when their organisation owns it (docs/server.md,
#                   "The register"); the matrix's owner has none
#   action-reporter ... the same, to append a status: only in a
#                   published edition (409 in the matrix's)
#   reminders       an owner, a chair or an admin
#   feed            no session needed, but the feed's token: without
#                   it 401 for everyone
POLICY = {
    ("POST", "/api/session"): "anyone",
    ("DELETE", "/api/session"): "signed-in",
    ("GET", "/api/session"): "signed-in",
    ("GET", "/api/openapi.json"): "anyone",
    ("GET", "/api/assessments"): "signed-in",
    ("POST", "/api/assessments"): "chair",
    ("GET", "/api/assessments/{id}"): "edition",
    ("PUT", "/api/assessments/{id}/status"): "edition-chair",
    ("PUT", "/api/assessments/{id}/chairs"): "edition-chair",
    ("PUT", "/api/assessments/{id}/previous"): "edition-chair",
    ("GET", "/api/assessments/{id}/export"): "edition",
    ("GET", "/api/assessments/{id}/results"): "edition",
    ("GET", "/api/assessments/{id}/diagram.svg"): "edition",
    ("GET", "/api/assessments/{id}/report.html"): "edition",
    ("GET", "/api/assessments/{id}/spread"): "edition-chair",
    ("GET", "/api/assessments/{id}/scenarios"): "edition",
    ("POST", "/api/assessments/{id}/scenarios"): "edition-chair",
    ("GET", "/api/assessments/{id}/scenarios/{scenario}"): "scenario",
    ("PATCH", "/api/assessments/{id}/scenarios/{scenario}"): "scenario-chair",
    ("PUT", "/api/assessments/{id}/scenarios/{scenario}/assigned"): "scenario-chair",
    ("GET", "/api/assessments/{id}/scenarios/{scenario}/scores"): "scores-reader",
    ("PUT", "/api/assessments/{id}/scenarios/{scenario}/scores/{criterion}"): "own-score",
    ("PUT", "/api/assessments/{id}/scenarios/{scenario}/consolidated/{criterion}"):
        "scenario-chair",
    ("PUT", "/api/assessments/{id}/scenarios/{scenario}/scores"): "own-score",
    ("PUT", "/api/assessments/{id}/scenarios/{scenario}/consolidated"): "scenario-chair",
    ("GET", "/api/assessments/{id}/scoring"): "edition-chair",
    ("GET", "/api/methods/{name}"): "signed-in",
    ("GET", "/api/assessments/{id}/plan"): "edition",
    ("POST", "/api/assessments/{id}/plan"): "plan-import",
    ("GET", "/api/assessments/{id}/plan.yaml"): "edition",
    ("GET", "/api/assessments/{id}/plan/figures"): "edition",
    ("GET", "/api/assessments/{id}/plan/spread"): "edition-chair",
    ("POST", "/api/assessments/{id}/plan/portfolio"): "edition-chair",
    ("GET", "/api/assessments/{id}/plan/{kind}"): "edition",
    ("POST", "/api/assessments/{id}/plan/{kind}"): "edition-chair",
    ("GET", "/api/assessments/{id}/plan/{kind}/{item}"): "item",
    ("PUT", "/api/assessments/{id}/plan/{kind}/{item}"): "item-chair",
    ("DELETE", "/api/assessments/{id}/plan/{kind}/{item}"): "item-chair",
    ("PUT", "/api/assessments/{id}/plan/capabilities/{item}/experts"): "item-chair",
    ("GET", "/api/assessments/{id}/plan/capabilities/{item}/levels"): "levels-reader",
    ("PUT", "/api/assessments/{id}/plan/capabilities/{item}/levels"): "expert",
    ("PUT", "/api/assessments/{id}/plan/capabilities/{item}/agreed"): "item-chair",
    ("PUT", "/api/assessments/{id}/plan/advice/{item}/decision"): "item-chair",
    ("GET", "/api/analysts"): "chair",
    ("GET", "/api/chairs"): "chair",
    ("GET", "/api/users"): "admin",
    ("POST", "/api/users"): "admin",
    ("PUT", "/api/users/{name}/disabled"): "admin",
    ("PUT", "/api/users/{name}/password"): "admin",
    ("POST", "/api/users/me/password"): "signed-in",
    ("GET", "/api/signals"): "signals",
    ("POST", "/api/signals"): "submit-signal",
    ("GET", "/api/signals/{signal}"): "signal",
    ("PUT", "/api/signals/{signal}"): "signal-edit",
    ("POST", "/api/signals/{signal}/triage"): "signal-triage",
    ("POST", "/api/signals/{signal}/adopt"): "signal-triage",
    # alerts (docs/server.md, "Alerts"): every signed-in user reads those of
    # their clearance, the Atom feed needs no session (the public ones), an
    # edition's chairs and admins issue, admins register webhooks
    ("GET", "/api/alerts"): "signed-in",
    ("POST", "/api/assessments/{id}/alerts"): "edition-chair",
    ("GET", "/alerts.atom"): "anyone",
    ("GET", "/api/webhooks"): "admin",
    ("POST", "/api/webhooks"): "admin",
    ("DELETE", "/api/webhooks/{item}"): "admin",
    ("GET", "/api/assessments/{id}/register"): "register",
    ("GET", "/api/assessments/{id}/register/letter.html"): "edition-chair",
    ("GET", "/api/assessments/{id}/register/letter.odt"): "edition-chair",
    ("GET", "/api/assessments/{id}/register/{item}/{action}"): "action-reader",
    ("POST", "/api/assessments/{id}/register/{item}/{action}"): "action-reporter",
    ("GET", "/api/reminders"): "reminders",
    ("GET", "/api/reminders.atom"): "feed",
    ("POST", "/api/users/me/feed-token"): "signed-in",
    ("PUT", "/api/users/{name}/organisations"): "admin",
}

counter = [0]


def unique(prefix):
    counter[0] += 1
    return "%s-%d" % (prefix, counter[0])


def success(method, pattern, actor, scenario, phase):
    """The status of a request that passes authorization."""
    if pattern.endswith("/scores/{criterion}") or (method, pattern[-7:]) == ("PUT", "/scores"):
        return 200 if phase == "scoring" else 409
    if pattern.endswith("/consolidated/{criterion}") or pattern.endswith("/consolidated"):
        return 200 if phase in ("draft", "consolidation") else 409
    if pattern in USER_ROUTES:
        return 200 if scenario != "nobody" else 404
    if pattern.endswith("/register/{item}/{action}") and method == "POST":
        return 409                # the matrix's edition is never published
    if pattern.endswith("/plan/capabilities/{item}/levels") and method == "PUT":
        return 200 if phase == "scoring" else 409
    if pattern.endswith("/plan/capabilities/{item}/agreed"):
        return 200 if phase in ("draft", "consolidation") else 409
    if pattern == "/api/assessments/{id}/plan":
        return 200                # an import replaces the plan
    if (method, pattern) == ("PUT", "/api/signals/{signal}"):
        # every signal of reporter-c is triaged by the first round's
        # triage route, after its edit route: read-only from then on
        return 200 if phase == "draft" else 409
    if pattern == "/api/assessments/{id}/plan/portfolio":
        return 200                # a computation, nothing made
    if pattern == WEBHOOK_ROUTE:
        return 404                # the matrix removes no real webhook
    if pattern.endswith("/adopt"):
        return 409                # no signal of the matrix proposes a new scenario
    if method == "POST" and pattern not in ("/api/session", "/api/users/me/password"):
        return 201
    return 200


def expected(method, pattern, actor, edition, scenario, phase):
    kind = POLICY[(method, pattern)]
    who = ACTORS[actor]
    role = who[1] if who else None
    is_chair = role in ("chair", "admin")
    chairs_edition = role == "admin" or (role == "chair" and who[0] in EDITION_CHAIRS)
    if kind == "feed":
        return 401
    if kind == "anyone":
        return success(method, pattern, actor, scenario, phase)
    if who is None:
        return 401
    if kind == "signed-in":
        return success(method, pattern, actor, scenario, phase)
    if kind == "admin":
        return success(method, pattern, actor, scenario, phase) if role == "admin" else 403
    if kind == "chair":
        return success(method, pattern, actor, scenario, phase) if is_chair else 403
    if kind.startswith("signal") or kind == "submit-signal":
        return signal_expected(method, pattern, kind, actor, scenario, phase)
    if kind == "reminders":
        allowed = is_chair or role == "owner"
        return success(method, pattern, actor, scenario, phase) if allowed else 403
    if edition != E or role in ("viewer", "owner", "reporter"):
        return 404
    if kind == "edition":
        return success(method, pattern, actor, scenario, phase)
    if kind in ("edition-chair", "register"):
        return success(method, pattern, actor, scenario, phase) if chairs_edition else 403
    if "{action}" in pattern:
        classification = PLAN_ACTIONS[scenario]
        if classification is None or LEVEL[classification] > LEVEL[who[2]]:
            return 404
        return success(method, pattern, actor, scenario, phase) if chairs_edition else 403
    if kind == "plan-import":
        cleared = who[2] == "confidential"
        return success(method, pattern, actor, scenario, phase) if chairs_edition and cleared \
            else 403
    if "{item}" in pattern:
        return plan_item_expected(method, pattern, kind, actor, scenario, phase, chairs_edition)
    classification = SCENARIOS[scenario]
    if classification is None or LEVEL[classification] > LEVEL[who[2]]:
        return 404
    if kind == "scenario":
        allowed = True
    elif kind == "scenario-chair":
        allowed = chairs_edition
    elif kind == "scores-reader":
        allowed = is_chair or role == "analyst"
    elif kind == "own-score":
        allowed = role == "analyst" and (actor, scenario) in ASSIGNED
    else:
        raise AssertionError("unknown policy " + kind)
    return success(method, pattern, actor, scenario, phase) if allowed else 403


def signal_expected(method, pattern, kind, actor, name, phase):
    """403 for a role that never reaches signals, then 404 for a signal
    that does not exist for the actor, then the role for the act."""
    who = ACTORS[actor]
    role = who[1]
    reporter = role == "reporter"
    if not reporter and role not in ("analyst", "chair", "admin"):
        return 403
    if kind == "signals":
        return success(method, pattern, actor, name, phase)
    if kind == "submit-signal":
        return success(method, pattern, actor, name, phase) if reporter else 403
    classification = SIGNALS[name]
    own = SIGNAL_AUTHOR.get(name, "reporter-c") == who[0]
    if classification is None or LEVEL[classification] > LEVEL[who[2]] or \
            (reporter and not own):
        return 404
    if kind == "signal":
        allowed = True
    elif kind == "signal-edit":
        allowed = reporter
    elif kind == "signal-triage":
        allowed = not reporter
    else:
        raise AssertionError("unknown policy " + kind)
    return success(method, pattern, actor, name, phase) if allowed else 403


def signal_body(name):
    """A signal of reporter-c naming SIGNAL_SCENARIO[NAME] of the
    published edition."""
    return {"text": "Matrix signal on " + SIGNAL_SCENARIO[name], "source": "authz matrix",
            "observed": "2025-01-02", "confidence": "medium", "edition": published[0],
            "scenarios": [SIGNAL_SCENARIO[name]]}


def item_kind(method, pattern):
    """Which items of PLAN_ITEMS a route with {item} is tried on."""
    if method == "DELETE":
        return "fresh"
    if "/capabilities/" in pattern:
        return "capabilities"
    if "/advice/" in pattern:
        return "advice"
    return "measures"


def plan_item_expected(method, pattern, kind, actor, item, phase, chairs_edition):
    """404 for an item that does not exist or touches a scenario above the
    actor, then the role, then the status."""
    who = ACTORS[actor]
    classification = PLAN_ITEMS[item_kind(method, pattern)][item]
    if classification is None or LEVEL[classification] > LEVEL[who[2]]:
        return 404
    role = who[1]
    if kind == "item":
        allowed = True
    elif kind == "item-chair":
        allowed = chairs_edition
    elif kind == "levels-reader":
        allowed = role in ("chair", "admin", "analyst")
    elif kind == "expert":
        allowed = role == "analyst" and who[0] in EXPERTS[item]
    else:
        raise AssertionError("unknown policy " + kind)
    return success(method, pattern, actor, item, phase) if allowed else 403


def targets(pattern, method="GET"):
    """(edition, scenario-or-name) pairs to try on PATTERN."""
    if pattern == WEBHOOK_ROUTE:
        return [(None, "999999")]
    if "{scenario}" in pattern:
        return [(E, s) for s in SCENARIOS] + [(MISSING_EDITION, "pub-flood")]
    if "{action}" in pattern:
        return [(E, a) for a in PLAN_ACTIONS] + [(MISSING_EDITION, "sensors/check")]
    if "{item}" in pattern:
        items = list(PLAN_ITEMS[item_kind(method, pattern)])
        return [(E, i) for i in items] + [(MISSING_EDITION, items[0])]
    if "{signal}" in pattern:
        return [(None, name) for name in SIGNALS]
    if "{id}" in pattern:
        return [(E, None), (MISSING_EDITION, None)]
    if pattern in USER_ROUTES:
        return [(None, "throwaway"), (None, "nobody")]
    return [(None, None)]


def request_for(method, pattern, actor, edition, scenario, phase):
    """The path, the body, and the client (for the sign-out: a session of
    its own, so that the actor's session lives on)."""
    path = pattern.replace("{id}", str(edition)).replace("{criterion}", "5.1")
    path = path.replace("{kind}", "measures")
    if "{action}" in pattern:
        item, action = scenario.split("/")
        path = path.replace("{item}", item).replace("{action}", action)
    elif "{item}" in pattern:
        item = scenario
        if method == "DELETE" and item in FRESH_CAPABILITY:
            item = fresh_measure(edition, item)
        path = path.replace("{item}", item)
    if "{scenario}" in pattern:
        path = path.replace("{scenario}", scenario)
    if "{signal}" in pattern:
        path = path.replace("{signal}", signal_ids[scenario])
    if pattern == "/api/methods/{name}":
        path = path.replace("{name}", "nrb-2008")
    body, content_type = None, None
    client = clients[actor]
    if pattern in USER_ROUTES:
        name = throwaway[phase] if scenario == "throwaway" else "nobody"
        path = path.replace("{name}", name)
        body = {"disabled": True} if pattern.endswith("/disabled") else \
            {"organisations": ["water-board"]} if pattern.endswith("/organisations") else \
            {"password": "a-long-password"}
    elif (method, pattern) == ("POST", "/api/users/me/password"):
        # the same password again: the actor's own session goes on, and
        # later sign-ins still know the password
        name = ACTORS[actor][0] if ACTORS[actor] else "viewer-p"
        body = {"current": srv.passwords[name], "password": srv.passwords[name]}
    elif (method, pattern) == ("POST", "/api/session"):
        name = ACTORS[actor][0] if ACTORS[actor] else "viewer-p"
        body = {"username": name, "password": srv.passwords[name]}
    elif (method, pattern) == ("DELETE", "/api/session") and ACTORS[actor]:
        client = srv.client(ACTORS[actor][0])
    elif (method, pattern) == ("POST", "/api/assessments"):
        with open(CLASSIFIED, encoding="utf-8") as f:
            body = f.read()
        content_type = "application/yaml"
    elif pattern.endswith("/status"):
        body = {"status": phase}
    elif pattern.endswith("/chairs"):
        body = {"chairs": EDITION_CHAIRS}
    elif pattern.endswith("/previous"):
        body = {"previous": None}
    elif (method, pattern) == ("POST", "/api/assessments/{id}/scenarios"):
        sid = unique("matrix")
        body = {"title": "Matrix scenario " + sid, "kind": "hazard",
                "likelihood": "C", "impact": {"5.1": "C"}}
    elif method == "PATCH":
        body = {"sources": ["authorization matrix"]}
    elif pattern.endswith("/assigned"):
        body = {"analysts": ["analyst-p"] if scenario == "pub-flood" else
                ["analyst-x"] if scenario in ("conf-nightjar", "res-grid") else []}
    elif pattern.endswith("/scores/{criterion}"):
        body = '"C"'
    elif (method, pattern[-7:]) == ("PUT", "/scores"):
        body = {"5.1": "C", "likelihood": {"ev": "C", "why": "matrix"}}
    elif pattern.endswith("/consolidated"):
        body = {"5.1": "C+", "5.2": None}
    elif pattern.endswith("/consolidated/{criterion}"):
        body = '"C+"'
    elif "{action}" in pattern and method == "POST":
        body = {"status": "on-track", "note": "matrix"}
    elif "/plan" in pattern:
        body, content_type = plan_body(method, pattern, scenario)
    elif pattern.endswith("/triage"):
        body = {"decision": "watch", "note": "matrix"}
    elif pattern.startswith("/api/signals"):
        body = signal_body(scenario or "sig-public") if method != "GET" else None
    elif (method, pattern) == ("POST", "/api/assessments/{id}/alerts"):
        body = {"status": "Exercise", "scenarios": ["pub-flood"], "event": "Matrix exercise",
                "category": "Met", "urgency": "Expected", "severity": "Minor",
                "certainty": "Likely", "headline": {"en": "Matrix exercise"}}
    elif (method, pattern) == ("POST", "/api/webhooks"):
        body = {"url": "http://127.0.0.1:9/matrix"}
    elif (method, pattern) == ("POST", "/api/users"):
        body = {"name": unique("made"), "role": "viewer", "password": "a-long-password"}
    return client, path, body, content_type


throwaway = {}


def fresh_measure(edition, which):
    """A measure made for one DELETE, on the capability that gives it the
    clearance WHICH names; its id (the server makes it)."""
    if edition != E:
        return "sensors"
    r = clients["admin-c"].post("/api/assessments/%d/plan/measures" % E, {
        "title": unique("Matrix measure"), "capabilities": [FRESH_CAPABILITY[which]],
        "owners": ["water-board"]})
    if r.status != 201:
        raise RuntimeError("making a measure to delete: %r" % r)
    return r.json()["id"]


def plan_body(method, pattern, item):
    """The body and its type of a request to a plan route."""
    if (method, pattern) == ("POST", "/api/assessments/{id}/plan"):
        return SMALL, "application/yaml"
    if pattern.endswith("/plan/portfolio"):
        return {"budget": 1000000, "sweep": 3, "robust": 5, "seed": 1}, None
    if method == "POST":
        return {"title": unique("Matrix measure"), "capabilities": ["dike-watch"],
                "owners": ["water-board"]}, None
    if pattern.endswith("/experts"):
        return {"analysts": EXPERTS[item]}, None
    if pattern.endswith("/levels") and method == "PUT":
        return {"current": 1, "target": 3, "why": "matrix"}, None
    if pattern.endswith("/agreed"):
        return {"current": 2, "target": 3}, None
    if pattern.endswith("/decision"):
        return {"status": "adopted", "date": "2031-03-01"}, None
    if method == "PUT":
        return MEASURES[item], None
    return None, None


def setup():
    global E
    for actor, who in ACTORS.items():
        if who:
            srv.add_user(*who)
    srv.add_user("analyst-x", "analyst", "confidential")   # scores the hidden scenarios
    srv.add_user("reporter-x", "reporter", "confidential")  # the other reporter
    for phase in ("draft", "scoring"):
        throwaway[phase] = "throwaway-" + phase
        srv.add_user(throwaway[phase], "viewer", "public")
    E = srv.import_file(CLASSIFIED, chairs=EDITION_CHAIRS)
    srv.start()
    clients["anonymous"] = Client(srv)
    for actor, who in ACTORS.items():
        if who:
            clients[actor] = srv.client(who[0])
    admin = clients["admin-c"]
    x = srv.client("analyst-x")
    base = "/api/assessments/%d" % E
    steps = [
        admin.request("POST", base + "/plan", SMALL, content_type="application/yaml"),
        admin.put(base + "/plan/measures/sensors", MEASURES["sensors"]),
        admin.put(base + "/plan/measures/cables", MEASURES["cables"]),
        admin.put(base + "/plan/measures/kestrel-study", MEASURES["kestrel-study"]),
        admin.put(base + "/plan/capabilities/dike-watch/experts", {"analysts": ["analyst-p"]}),
        admin.put(base + "/scenarios/pub-flood/assigned", {"analysts": ["analyst-p"]}),
        admin.put(base + "/scenarios/conf-nightjar/assigned", {"analysts": ["analyst-x"]}),
        admin.put(base + "/scenarios/res-grid/assigned", {"analysts": ["analyst-x"]}),
        admin.put(base + "/status", {"status": "scoring"}),
        x.put(base + "/scenarios/conf-nightjar/scores/5.2", '"B"'),
        x.put(base + "/scenarios/res-grid/scores/5.3", '"D"'),
        clients["analyst-p"].put(base + "/scenarios/pub-flood/scores/5.3", '"A"'),
        admin.put(base + "/status", {"status": "draft"}),
    ]
    for r in steps:
        if r.status != 200:
            raise RuntimeError("setting up the matrix: %r" % r)
    setup_signals(admin)


def setup_signals(admin):
    """A published copy of the fixture, and the matrix's signals on it."""
    published[0] = srv.import_file(CLASSIFIED, chairs=[])
    r = admin.put("/api/assessments/%d/status" % published[0], {"status": "published"})
    if r.status != 200:
        raise RuntimeError("publishing the signals' edition: %r" % r)
    other = srv.client("reporter-x")
    for name in SIGNALS:
        if name == "no-such-signal":
            continue
        author = other if name in SIGNAL_AUTHOR else clients["reporter-c"]
        r = author.post("/api/signals", signal_body(name))
        if r.status != 201 or r.json()["classification"] != SIGNALS[name]:
            raise RuntimeError("making signal %s: %r" % (name, r))
        signal_ids[name] = r.json()["id"]
    READS.extend(["/api/signals", "/api/signals/" + signal_ids["sig-restricted"],
                  "/api/signals/" + signal_ids["sig-confidential"]])


def teardown():
    for problem in srv.stop():
        t.fail(problem)
    srv.cleanup()


routes = [(m, p) for m, p, _ in router_routes()]


@t.test
def policy_covers_router():
    t.check(len(routes) >= 20, "the route table was found in router.c (%d routes)" % len(routes))
    t.eq(sorted(set(routes)), sorted(POLICY), "every route has a policy here, and no other")
    t.eq(len(set(routes)), len(routes), "no route twice")


cases = [0]


@t.test
def matrix():
    for phase in ("draft", "scoring"):
        r = clients["admin-c"].put("/api/assessments/%d/status" % E, {"status": phase})
        t.status(r, 200, "the matrix edition to %s" % phase)
        for method, pattern in routes:
            for actor in ACTORS:
                bodies = {}
                for edition, scenario in targets(pattern, method):
                    want = expected(method, pattern, actor, edition, scenario, phase)
                    client, path, body, ctype = request_for(method, pattern, actor, edition,
                                                            scenario, phase)
                    r = client.request(method, path, body, content_type=ctype)
                    cases[0] += 1
                    t.status(r, want, "[%s] %s %s as %s" % (phase, method, path, actor))
                    bodies[(edition, scenario)] = r
                check_404_bodies(method, pattern, actor, phase, bodies)
    print("test_authz: matrix of %d routes x %d actors x their targets x 2 statuses = "
          "%d requests" % (len(routes), len(ACTORS), cases[0]), flush=True)


def check_404_bodies(method, pattern, actor, phase, bodies):
    """A hidden scenario's or plan item's answer is exactly a missing one's."""
    if pattern == WEBHOOK_ROUTE:
        return
    if "{scenario}" in pattern:
        missing, names = "no-such", SCENARIOS
    elif "{action}" in pattern:
        missing, names = "sensors/no-such-action", PLAN_ACTIONS
    elif "{item}" in pattern:
        missing, names = "no-such-item", PLAN_ITEMS[item_kind(method, pattern)]
    elif "{signal}" in pattern:
        missing, names = "no-such-signal", SIGNALS
    else:
        return
    edition = None if "{signal}" in pattern else E
    none = bodies[(edition, missing)]
    for sid in names:
        r = bodies[(edition, sid)]
        if sid == missing or r.status != 404:
            continue
        t.eq((r.status, r.body, r.header("Content-Type")),
             (none.status, none.body, none.header("Content-Type")),
             "[%s] %s %s as %s: %s answers exactly as no scenario"
             % (phase, method, pattern, actor, sid))


@t.test
def csrf_required():
    """Every state-changing route refuses a session without the token,
    whatever the target: 403, and the same body for every target."""
    n = 0
    for method, pattern in routes:
        if method == "GET" or (method, pattern) == ("POST", "/api/session"):
            continue
        for actor in ACTORS:
            if ACTORS[actor] is None:
                continue
            seen = set()
            for edition, scenario in targets(pattern, method):
                client, path, body, ctype = request_for(method, pattern, actor, edition,
                                                        scenario, "draft")
                r = client.request(method, path, body, content_type=ctype, csrf=False)
                n += 1
                t.status(r, 403, "%s %s as %s without X-CSRF-Token" % (method, path, actor))
                seen.add(r.body)
            t.eq(len(seen), 1, "%s %s as %s: one answer for every target" % (method, pattern,
                                                                              actor))
    print("test_authz: %d requests without the CSRF token" % n, flush=True)
    # and nothing changed: the throwaway users are as the matrix left them
    users = {u["name"]: u["disabled"] for u in clients["admin-c"].get("/api/users").json()}
    t.eq(users.get("admin-c"), False, "the admin is still enabled")


READS = ["/api/assessments", "/api/assessments/{E}", "/api/assessments/{E}/scenarios",
         "/api/assessments/{E}/results", "/api/assessments/{E}/results?weights=physical",
         "/api/assessments/{E}/results?lang=nl", "/api/assessments/{E}/diagram.svg",
         "/api/assessments/{E}/diagram.svg?lang=nl", "/api/assessments/{E}/report.html",
         "/api/assessments/{E}/export", "/api/assessments/{E}/spread",
         "/api/assessments/{E}/scoring",
         "/api/assessments/{E}/scenarios/pub-flood",
         "/api/assessments/{E}/scenarios/pub-flood/scores",
         "/api/assessments/{E}/scenarios/conf-nightjar",
         "/api/assessments/{E}/scenarios/conf-nightjar/scores",
         "/api/assessments/{E}/scenarios/res-grid",
         "/api/session", "/api/methods/nrb-2008", "/api/analysts", "/api/chairs",
         "/api/assessments/{E}/plan", "/api/assessments/{E}/plan.yaml",
         "/api/assessments/{E}/plan/figures", "/api/assessments/{E}/plan/spread",
         "/api/assessments/{E}/plan/capabilities", "/api/assessments/{E}/plan/measures",
         "/api/assessments/{E}/plan/advice",
         "/api/assessments/{E}/plan/capabilities/dike-watch/levels",
         "/api/assessments/{E}/register", "/api/assessments/{E}/register/letter.html",
         "/api/assessments/{E}/register/sensors/check", "/api/reminders"]


def words_in(text):
    low = text.lower()
    return [w for w in HIDDEN_WORDS if w in low]


@t.test
def hidden_scenarios_leak_nowhere():
    r = clients["admin-c"].put("/api/assessments/%d/status" % E, {"status": "scoring"})
    t.status(r, 200, "to scoring")
    for actor in ("viewer-p", "analyst-p", "chair-p"):
        for path in READS:
            path = path.replace("{E}", str(E))
            r = clients[actor].get(path)
            t.eq(words_in(r.text), [], "nothing hidden in GET %s as %s (%d)"
                 % (path, actor, r.status))
        # writes that fail tell nothing either
        base = "/api/assessments/%d/scenarios/" % E
        for method, path, body in (
                ("PATCH", base + "conf-nightjar", {"title": "x"}),
                ("PUT", base + "conf-nightjar/assigned", {"analysts": []}),
                ("PUT", base + "conf-nightjar/consolidated/5.1", '"C"'),
                ("PUT", base + "conf-nightjar/scores/5.1", '"C"'),
                ("PUT", base + "conf-nightjar/scores", {"5.1": "C"}),
                ("PUT", base + "conf-nightjar/consolidated", {"5.1": "C"}),
                ("PUT", base + "res-grid/scores", {"5.3": "C", "x": "C"}),
                ("PUT", base + "res-grid/scores/5.3", '"C"')):
            r = clients[actor].request(method, path, body)
            t.eq(words_in(r.text), [], "nothing hidden in %s %s as %s" % (method, path, actor))
    # the positive control: the words are there for the confidential users
    for actor in ("analyst-c", "chair-c"):
        for path in ("/api/assessments/{E}/results", "/api/assessments/{E}/diagram.svg",
                     "/api/assessments/{E}/report.html", "/api/assessments/{E}/export",
                     "/api/assessments/{E}/scenarios"):
            path = path.replace("{E}", str(E))
            t.check("nightjar" in clients[actor].get(path).text.lower(),
                    "GET %s as %s shows the confidential scenario" % (path, actor))
    t.check("nightjar" in clients["chair-c"].get("/api/assessments/%d/spread" % E).text,
            "the confidential chair's spread shows the confidential scenario")
    t.check("pub-flood" in clients["chair-p"].get("/api/assessments/%d/spread" % E).text,
            "the public chair's spread shows the public scenario")
    # counts: the public users' views hold exactly the public scenarios
    public = {"pub-flood", "pub-outage"}
    vp = clients["analyst-p"]
    results = vp.get("/api/assessments/%d/results" % E).json()["scenarios"]
    t.eq({s["id"] for s in results} - {s["id"] for s in results
                                         if s["id"].startswith("matrix-")}, public,
         "the public results hold the public scenarios (and the matrix's)")
    listed = vp.get("/api/assessments/%d/scenarios" % E).json()
    t.eq([s["id"] for s in results], [s["id"] for s in listed],
         "the results hold what the scenario list holds")
    t.check(all(1 <= s["rank"] <= len(results) for s in results),
            "ranks among the visible scenarios only")
    t.status(clients["admin-c"].put("/api/assessments/%d/status" % E, {"status": "draft"}),
             200, "back to draft")


@t.test
def hidden_and_free_ids():
    """A chair of a lower clearance learns nothing by writing: the server
    makes new scenarios' ids, so a create never collides with a hidden
    scenario, and a body that names an id gets the same refusal whether a
    hidden scenario holds it or none does. A theme classified above the
    chair is as unknown as one that does not exist."""
    e2 = srv.import_file(CLASSIFIED)
    chair = clients["chair-p"]
    base = "/api/assessments/%d/scenarios" % e2
    scenario = {"title": "Probe", "kind": "hazard", "likelihood": "C",
                "impact": {"5.1": "C"}}
    hidden = chair.post(base, dict(scenario, id="conf-nightjar"))
    free = chair.post(base, dict(scenario, id="probe-free"))
    t.eq((hidden.status, hidden.body), (free.status, free.body),
         "naming a hidden id and a free id: the same answer")
    t.status(hidden, 422, "an id in the body is refused")
    made = [chair.post(base, scenario) for _ in range(3)]
    t.eq([r.status for r in made], [201] * 3, "the same title three times: three scenarios")
    ids = [r.json()["id"] for r in made]
    t.check(all(re.fullmatch(r"probe-[a-z0-9]{6}", i) for i in ids) and len(set(ids)) == 3,
            "ids the server made: %r" % ids)
    t.check("nightjar" not in "".join(r.text for r in made + [hidden]).lower(),
            "no answer shows the hidden scenario")
    heron = chair.post(base, dict(scenario, theme="heron"))
    unknown = chair.post(base, dict(scenario, theme="no-such-theme"))
    t.eq((heron.status, unknown.status), (422, 422), "a hidden theme and an unknown one")
    t.eq(heron.json()["errors"][0]["message"].replace("heron", "X"),
         unknown.json()["errors"][0]["message"].replace("no-such-theme", "X"),
         "the same message, but for the name given")


if __name__ == "__main__":
    t.run(setup, teardown)
