#!/usr/bin/env python3
"""test_plans.py - an edition's plan in the server (issue 10 point 5):
the chair's workflow (organisations, capabilities, measures, advice,
experts, agreed levels, decisions), the experts' own levels given
independently, the spread and the capability figures, need-to-know for
every role and clearance (lists, gets, export, spread, figures, errors),
the published edition's immutability, malformed bodies with located
errors, the audit entries, and the plan file's round trip.

Expected figures are worked out by hand from the plans below (method.md
section 6: medians over the experts, the mean of the two middle values
for an even count; flagged when the current levels lie two or more
apart) and from examples/plan-2012.yaml.
Run: python3 tests/server/test_plans.py
"""
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, NRB2012, ROOT, Server, Suite, run_cli  # noqa: E402
from plans_common import SECRETS, SMALL, VISIBLE  # noqa: E402

t = Suite("test_plans")
srv = Server()
work = tempfile.mkdtemp(prefix="natrisk-plans-")
ed = {}
c = {}
PLAN2012 = os.path.join(ROOT, "examples", "plan-2012.yaml")

USERS = [("chair", "chair", "confidential"), ("chair-p", "chair", "public"),
         ("chair-x", "chair", "confidential"), ("admin", "admin", "confidential"),
         ("ana-1", "analyst", "confidential"), ("ana-2", "analyst", "confidential"),
         ("ana-3", "analyst", "restricted"), ("ana-p", "analyst", "public"),
         ("viewer", "viewer", "confidential"), ("viewer-p", "viewer", "public")]

def base(e):
    return "/api/assessments/%d" % e


def post_plan(client, e, text):
    return client.request("POST", base(e) + "/plan", text.encode(),
                          content_type="application/yaml")


def status(e, value):
    r = c["chair"].put(base(e) + "/status", {"status": value})
    t.status(r, 200, "status %s" % value)


def setup():
    for name, role, clearance in USERS:
        srv.add_user(name, role, clearance)
    for key in ("flow", "small", "pub", "trip", "trip2", "bad", "nrb", "cli"):
        ed[key] = srv.import_file(NRB2012 if key.startswith("trip") or key in ("nrb", "cli")
                                  else CLASSIFIED,
                                  chairs=["chair", "chair-p"])
    srv.start()
    for name, _, _ in USERS:
        c[name] = srv.client(name)
    for key in ("small", "pub", "bad"):
        r = post_plan(c["chair"], ed[key], SMALL)
        t.status(r, 200, "import the small plan into %s" % key)


def teardown():
    for problem in srv.stop():
        t.fail(problem)
    srv.cleanup()
    shutil.rmtree(work, ignore_errors=True)


def ids(items):
    return [item["id"] for item in items]


# ------------------------------------------------------------ round trip

def cli_capabilities(path):
    return json.loads(run_cli("capabilities", path, "--format", "json")[1])


@t.test
def round_trip():
    e = ed["trip"]
    with open(PLAN2012, "rb") as f:
        original = f.read()
    r = c["chair"].request("POST", base(e) + "/plan", original,
                           content_type="application/yaml")
    t.status(r, 200, "the example plan imports")
    exported = c["chair"].get(base(e) + "/plan.yaml")
    t.status(exported, 200, "the plan file comes back")
    t.eq(exported.header("Content-Type"), "application/yaml; charset=utf-8", "as YAML")
    edition = c["chair"].get(base(e) + "/export")
    t.status(edition, 200, "the edition's export")
    os.makedirs(os.path.join(work, "trip"), exist_ok=True)
    with open(os.path.join(work, "trip", "nrb-2012.yaml"), "wb") as f:
        f.write(edition.body)
    path = os.path.join(work, "trip", "plan.yaml")
    with open(path, "wb") as f:
        f.write(exported.body)
    rc, _, err = run_cli("check", path, check=False)
    t.eq(rc, 0, "natrisk check accepts the exported plan: %s" % err[:300])
    t.eq(cli_capabilities(path), cli_capabilities(PLAN2012),
         "the exported plan has the capability figures of examples/plan-2012.yaml")
    # every field: the exported file imported again gives the same plan
    r = c["chair"].request("POST", base(ed["trip2"]) + "/plan", exported.body,
                           content_type="application/yaml")
    t.status(r, 200, "the exported plan imports")
    one = c["chair"].get(base(e) + "/plan").json()
    two = c["chair"].get(base(ed["trip2"]) + "/plan").json()
    t.eq(two, one, "the same plan, item by item and field by field")
    again = c["chair"].get(base(ed["trip2"]) + "/plan.yaml").body
    strip = lambda b: b"\n".join(l for l in b.split(b"\n") if not l.startswith(b"#"))
    t.eq(strip(again), strip(exported.body), "the second export is the first")
    # fields by hand, from examples/plan-2012.yaml
    t.eq(len(one["organisations"]), 7, "seven organisations")
    t.eq(ids(one["capabilities"])[:3], ["unrest-signals", "local-unrest-response",
                                        "solar-knowledge"], "capabilities in file order")
    t.eq(len(one["measures"]), 12, "twelve measures")
    t.eq(len(one["advice"]), 8, "eight advices")
    alarm = [m for m in one["measures"] if m["id"] == "solar-alarm"][0]
    t.eq(alarm["cost"], {"once": 2.0e6, "yearly": 0.3e6}, "solar-alarm's cost")
    t.eq(alarm["owners"], ["ienm", "eli"], "solar-alarm's owners")
    t.eq(alarm["requires"], ["solar-effects-study"], "solar-alarm requires the study")
    t.eq(alarm["actions"][0]["due"], 2012, "due in 2012")
    t.eq(alarm["actions"][0]["log"][1], {"date": "2012-11-30", "status": "done",
                                         "note": "Illustrative."}, "a log entry")
    fallback = [x for x in one["capabilities"] if x["id"] == "satellite-fallback"][0]
    t.eq(fallback["levels"][0], {"analyst": "expert-a", "current": 0, "target": 3,
                                 "why": "Illustrative: few fallback options inventoried."},
         "an expert's levels with the rationale")
    unrest = [x for x in one["advice"] if x["id"] == "social-unrest"][0]
    t.eq(unrest["owners"], ["venj"], "social unrest: VenJ first responsible")


@t.test
def cli_import():
    e = ed["nrb"]
    rc, out, err = run_cli("import", PLAN2012, "--plan", str(e), "--db", srv.db, check=False)
    t.eq(rc, 0, "natrisk import --plan: %s" % err[:300])
    t.eq(c["chair"].get(base(e) + "/plan").json(), c["chair"].get(base(ed["trip"]) + "/plan").json(),
         "the CLI imports the plan the API imports")
    bad = os.path.join(work, "bad-plan.yaml")
    with open(bad, "w") as f:
        f.write(SMALL.replace("phase: response", "phase: nope"))
    rc, out, err = run_cli("import", bad, "--plan", str(ed["flow"]), "--db", srv.db, check=False)
    line = SMALL.split("\n").index("    phase: response") + 1
    t.eq(rc, 1, "a bad plan file: exit status 1")
    t.check(err.startswith("%s:%d:12: error: phase must be" % (bad, line)),
            "located in the file: %r" % err[:300])
    rc, out, err = run_cli("import", bad, "--plan", "x", "--db", srv.db, check=False)
    t.eq(rc, 2, "--plan takes an id")


@t.test
def cli_export():
    """natrisk export --plan ID: the plan file with every expert's levels,
    at a clearance, and natrisk import --plan takes it back."""
    e = ed["nrb"]
    rc, out, err = run_cli("export", "--plan", str(e), "--db", srv.db, check=False)
    t.eq(rc, 0, "natrisk export --plan: %s" % err[:300])
    out = out.decode("utf-8")
    lines = out.rstrip("\n").split("\n")
    # the 2012 plan's highest scenario is cyber-espionage, restricted
    banner = r"^# RESTRICTED - status: draft - \d{4}-\d\d-\d\d - natrisk plan of edition %d$" % e
    t.check(re.match(banner, lines[0]) and lines[-1] == lines[0], "the banners: %r" % lines[:1])
    path = os.path.join(work, "exported-plan.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(out)
    rc, _, err = run_cli("import", path, "--plan", str(ed["cli"]), "--db", srv.db, check=False)
    t.eq(rc, 0, "the exported plan imports: %s" % err[:300])
    t.eq(c["chair"].get(base(ed["cli"]) + "/plan").json(), c["chair"].get(base(e) + "/plan").json(),
         "the same plan, field by field")
    # at a clearance: what SMALL shows a public reader (plans_common, by hand)
    rc, out, err = run_cli("export", "--plan", str(ed["small"]), "--clearance", "public",
                           "--db", srv.db, check=False)
    t.eq(rc, 0, "natrisk export --plan --clearance public: %s" % err[:300])
    out = out.decode("utf-8")
    t.check(out.startswith("# PUBLIC - "), "a public banner: %r" % out[:40])
    for kind, names in VISIBLE["public"].items():
        for name in names:
            t.check('"id":"%s"' % name in out, "%s %s is in the public plan file" % (kind, name))
    t.eq([w for w in SECRETS["public"] if w in out], [], "nothing above public")
    for args, want in ((["--plan", "x"], 2), (["5", "--plan", "5"], 2), (["--plan", "999999"], 1)):
        rc, _, _ = run_cli("export", *args, "--db", srv.db, check=False)
        t.eq(rc, want, "natrisk export %s: exit %d" % (" ".join(args), want))


@t.test
def round_trip_figures_by_hand():
    figures = c["chair"].get(base(ed["trip"]) + "/plan/figures").json()
    got = {x["id"]: x for x in figures["capabilities"]}
    # unrest-signals: current 1, 2, 2 -> 2; target 3, 3, 4 -> 3
    t.eq((got["unrest-signals"]["current"], got["unrest-signals"]["target"],
          got["unrest-signals"]["gap"], got["unrest-signals"]["flagged"]),
         (2, 3, 1, False), "unrest-signals")
    # satellite-fallback: current 0, 2 -> 1 (flagged: 2 apart); target 3
    t.eq((got["satellite-fallback"]["current"], got["satellite-fallback"]["gap"],
          got["satellite-fallback"]["flagged"]), (1, 2, True), "satellite-fallback")
    # flu-vaccination: current 4, 3 -> 3.5; target 3 -> gap -0.5
    t.eq(got["flu-vaccination"]["gap"], -0.5, "a redundancy")
    t.eq(got["recovery-after-unrest"]["current"], None, "no levels: null")


# ------------------------------------------------------------ the chair's workflow

@t.test
def chair_workflow():
    e = ed["flow"]
    p = base(e) + "/plan"
    r = c["chair"].post(p + "/organisations", {"title": "Water board"})
    t.status(r, 201, "an organisation")
    org = r.json()["id"]
    t.check(org.startswith("water-board-") and len(org) == len("water-board-") + 6,
            "the server makes the id from the title: %s" % org)
    r = c["chair"].post(p + "/capabilities", {"title": "Dike watch", "phase": "preparation",
                                              "scenarios": ["pub-flood"]})
    t.status(r, 201, "a capability")
    cap = r.json()["id"]
    t.eq(r.json()["levels"], [], "no levels yet")
    r = c["chair"].post(p + "/measures", {"title": "Sensors", "capabilities": [cap],
                                          "owners": [org], "effect": {
                                              "pub-flood": {"likelihood": "B"}}})
    t.status(r, 201, "a measure")
    measure = r.json()["id"]
    r = c["chair"].post(p + "/advice", {"title": "Watch the dikes", "owners": [org],
                                        "measures": [measure]})
    t.status(r, 201, "an advice")
    advice = r.json()["id"]
    r = c["chair"].put(p + "/measures/" + measure,
                       {"title": "Dike sensors", "capabilities": [cap], "owners": [org],
                        "cost": {"once": 1000}})
    t.status(r, 200, "the measure edited")
    t.eq(r.json()["title"], "Dike sensors", "its new title")
    t.check("effect" not in r.json(), "a PUT replaces the item")
    r = c["chair"].put(p + "/capabilities/%s/experts" % cap,
                       {"analysts": ["ana-1", "ana-2", "ana-3"]})
    t.status(r, 200, "experts assigned")
    t.eq(r.json()["experts"], ["ana-1", "ana-2", "ana-3"], "the experts")
    # an expert gives levels only while the edition is in scoring
    r = c["ana-1"].put(p + "/capabilities/%s/levels" % cap, {"current": 1, "target": 3})
    t.status(r, 409, "no levels in draft")
    status(e, "scoring")
    for name, cur, tgt in (("ana-1", 1, 3), ("ana-2", 2, 4), ("ana-3", 3, 3), ("ana-1", 0, 3)):
        r = c[name].put(p + "/capabilities/%s/levels" % cap,
                        {"current": cur, "target": tgt, "why": "by %s" % name})
        t.status(r, 200, "%s gives levels %d/%d" % (name, cur, tgt))
    r = c["ana-p"].put(p + "/capabilities/%s/levels" % cap, {"current": 1, "target": 1})
    t.status(r, 403, "an analyst who is not an expert")
    t.eq(r.json()["error"], "you are not one of this capability's experts", "why")
    r = c["chair"].put(p + "/capabilities/%s/levels" % cap, {"current": 1, "target": 1})
    t.status(r, 403, "a chair gives no expert levels")
    # the spread: current 0 (ana-1's newest), 2, 3 -> median 2, flagged;
    # target 3, 4, 3 -> 3
    spread = c["chair"].get(p + "/spread")
    t.status(spread, 200, "the spread")
    row = spread.json()["capabilities"][0]
    t.eq((row["experts"], row["current"], row["target"], row["gap"], row["flagged"]),
         (3, 2, 3, 1, True), "median, gap and flag by hand")
    t.eq(sorted((x["analyst"], x["current"]) for x in row["levels"]),
         [("ana-1", 0), ("ana-2", 2), ("ana-3", 3)], "each expert's current levels")
    t.eq(row["missing"], [], "every expert has given levels")
    t.eq(row["agreed"], None, "nothing agreed yet")
    t.status(c["ana-1"].get(p + "/spread"), 403, "an analyst sees no spread")
    t.status(c["chair-x"].get(p + "/spread"), 403, "nor a chair of other editions")
    # history: ana-1's two rows, newest first
    hist = c["chair"].get(p + "/capabilities/%s/levels" % cap).json()
    t.eq([h["current"] for h in hist["experts"]["ana-1"]], [0, 1], "ana-1's history")
    # the chair agrees levels in consolidation
    r = c["chair"].put(p + "/capabilities/%s/agreed" % cap, {"current": 2, "target": 3})
    t.status(r, 409, "no agreed levels in scoring")
    status(e, "consolidation")
    r = c["chair"].put(p + "/capabilities/%s/agreed" % cap,
                       {"current": 2, "target": 3, "why": "agreed in the meeting"})
    t.status(r, 200, "agreed levels")
    t.eq((r.json()["agreed"]["current"], r.json()["agreed"]["target"],
          r.json()["agreed"]["by"]), (2, 3, "chair"), "as agreed")
    figures = c["viewer"].get(p + "/figures")
    t.status(figures, 404, "a viewer reads published editions only")
    figures = c["ana-2"].get(p + "/figures").json()
    t.eq(figures["capabilities"][0]["agreed"]["current"], 2, "the figures carry them")
    t.eq(figures["phases"]["preparation"], {"capabilities": 1, "gap": 1}, "the phase")
    r = c["chair"].put(p + "/advice/%s/decision" % advice,
                       {"status": "adopted", "date": "2031-06-05"})
    t.status(r, 200, "the cabinet's decision")
    t.eq(r.json()["decision"], {"status": "adopted", "date": "2031-06-05"}, "recorded")
    # a deleted measure leaves the advice that named it
    r = c["chair"].delete(p + "/measures/" + measure)
    t.status(r, 200, "the measure deleted")
    t.eq(c["chair"].get(p + "/advice/" + advice).json()["measures"], [],
         "the advice no longer names it")
    t.status(c["chair"].get(p + "/measures/" + measure), 404, "it is gone")
    r = c["chair"].delete(p + "/organisations/" + org)
    t.status(r, 409, "an organisation that owns an advice stays")
    # an advice, which nothing names, is deleted too (a sanitized server
    # stopped here: the kinds that others name were looked up past the
    # end of their table)
    r = c["chair"].post(p + "/advice", {"title": "Advice to drop", "owners": [org]})
    t.status(r, 201, "an advice to delete")
    dropped = r.json()["id"]
    r = c["chair"].delete(p + "/advice/" + dropped)
    t.status(r, 200, "the advice deleted")
    t.status(c["chair"].get(p + "/advice/" + dropped), 404, "it is gone")
    t.eq(ids(c["chair"].get(p + "/advice").json()), [advice], "the other advice stays")
    t.status(c["chair-x"].post(p + "/organisations", {"title": "X"}), 403,
             "a chair of other editions changes nothing")
    t.status(c["ana-1"].post(p + "/organisations", {"title": "X"}), 403,
             "nor does an analyst")
    t.status(c["admin"].post(p + "/organisations", {"title": "Admin's"}), 201,
             "an admin may")


# ------------------------------------------------------------ expert independence

@t.test
def experts_independent():
    e = ed["small"]
    p = base(e) + "/plan"
    status(e, "scoring")
    mine = c["ana-1"].get(p + "/capabilities/dike-watch")
    t.status(mine, 200, "an expert reads the capability")
    t.eq(mine.json()["levels"], [{"analyst": "ana-1", "current": 1, "target": 3}],
         "only their own levels while the experts score")
    for path in ("/plan.yaml", "/plan", "/plan/capabilities"):
        body = c["ana-1"].get(base(e) + path).body
        t.check(b"ana-2" not in body and b"Good sensors" not in body,
                "%s holds no other expert's levels" % path)
    hist = c["ana-1"].get(p + "/capabilities/dike-watch/levels").json()
    t.eq(sorted(hist["experts"]), ["ana-1"], "their own history only")
    figures = c["ana-1"].get(p + "/figures").json()
    t.eq(figures["capabilities"][0]["experts"], 1, "figures of their own levels only")
    full = c["chair"].get(p + "/capabilities/dike-watch").json()
    t.eq([x["analyst"] for x in full["levels"]], ["ana-1", "ana-2", "ana-3"],
         "the chair sees every expert")
    other = c["chair-x"].get(p + "/capabilities/dike-watch").json()
    t.eq(other["levels"], [], "a chair of other editions reads as an analyst")
    status(e, "consolidation")
    after = c["ana-1"].get(p + "/capabilities/dike-watch").json()
    t.eq(len(after["levels"]), 3, "once the chair consolidates, every expert's levels")
    status(e, "draft")


# ------------------------------------------------------------ need-to-know

READERS = [("viewer-p", "public"), ("ana-p", "public"), ("chair-p", "public"),
           ("ana-3", "restricted"), ("viewer", "confidential"), ("ana-1", "confidential"),
           ("chair", "confidential"), ("admin", "confidential")]


@t.test
def need_to_know():
    e = ed["pub"]
    status(e, "published")
    p = base(e) + "/plan"
    for name, clearance in READERS:
        want = VISIBLE[clearance]
        plan = c[name].get(p)
        t.status(plan, 200, "%s reads the plan" % name)
        for kind, expected in want.items():
            t.eq(ids(plan.json().get(kind, [])), expected, "%s: the plan's %s" % (name, kind))
            listed = c[name].get(p + "/" + kind)
            t.eq(ids(listed.json()), expected, "%s: the list of %s" % (name, kind))
        for kind, every in VISIBLE["confidential"].items():
            for key in every:
                r = c[name].get("%s/%s/%s" % (p, kind, key))
                if key in want[kind]:
                    t.status(r, 200, "%s reads %s" % (name, key))
                else:
                    t.status(r, 404, "%s: %s does not exist" % (name, key))
                    never = c[name].get("%s/%s/never-was" % (p, kind))
                    t.eq(r.body, never.body, "%s: the 404 of %s is that of no item" % (name, key))
        exported = c[name].get(base(e) + "/plan.yaml").body
        figures = c[name].get(p + "/figures").body
        for secret in SECRETS[clearance]:
            for what, body in (("plan", plan.body), ("export", exported),
                               ("figures", figures)):
                t.check(secret.encode() not in body, "%s: %s is not in the %s" %
                        (name, secret, what))
        t.eq(ids(json.loads(figures)["capabilities"]), want["capabilities"],
             "%s: the figures' capabilities" % name)
        first = exported.split(b"\n")[0]
        t.check(first.startswith(b"# %s" % (b"PUBLIC" if clearance == "public" else
                                            clearance.upper().encode())),
                "%s: the banner names what the file holds: %r" % (name, first))
    # the spread of a public chair
    spread = c["chair-p"].get(p + "/spread")
    t.status(spread, 200, "a public chair's spread")
    t.eq(ids(spread.json()["capabilities"]), ["dike-watch"], "visible capabilities only")
    for secret in SECRETS["public"]:
        t.check(secret.encode() not in spread.body, "%s is not in the spread" % secret)
    # a public reader's export loads with the public export of the edition
    d = os.path.join(work, "pub")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "classified.yaml"), "wb") as f:
        f.write(c["viewer-p"].get(base(e) + "/export").body)
    with open(os.path.join(d, "plan.yaml"), "wb") as f:
        f.write(c["viewer-p"].get(base(e) + "/plan.yaml").body)
    rc, _, err = run_cli("check", os.path.join(d, "plan.yaml"), check=False)
    t.eq(rc, 0, "a public reader's plan file checks against their edition: %s" % err[:300])


@t.test
def need_to_know_errors():
    e = ed["small"]
    p = base(e) + "/plan"
    # a public chair naming a hidden capability or scenario gets what a
    # name that never was gets
    def refusal(body):
        r = c["chair-p"].post(p + "/measures", body)
        t.status(r, 422, "refused")
        return [x["message"] for x in r.json().get("errors", [])]
    base_body = {"title": "M", "owners": ["water-board"]}
    hidden = refusal(dict(base_body, capabilities=["grid-restore"]))
    never = refusal(dict(base_body, capabilities=["never-was"]))
    t.eq([m.replace("grid-restore", "X") for m in hidden],
         [m.replace("never-was", "X") for m in never], "a hidden capability is unknown")
    hidden = refusal(dict(base_body, capabilities=["dike-watch"],
                          effect={"conf-kestrel": {"likelihood": "B"}}))
    never = refusal(dict(base_body, capabilities=["dike-watch"],
                         effect={"never-was": {"likelihood": "B"}}))
    t.eq([m.replace("conf-kestrel", "X") for m in hidden],
         [m.replace("never-was", "X") for m in never], "a hidden scenario is unknown")
    for kind, key in (("capabilities", "grid-restore"), ("measures", "cables"),
                      ("advice", "grid-advice")):
        for method in ("put", "delete"):
            r = getattr(c["chair-p"], method)("%s/%s/%s" % (p, kind, key), {"title": "x"})
            t.status(r, 404, "%s %s of a hidden item" % (method, key))
    r = c["chair-p"].put(p + "/advice/grid-advice/decision", {"status": "rejected"})
    t.status(r, 404, "no decision on a hidden advice")
    r = c["ana-p"].put(p + "/capabilities/grid-restore/levels", {"current": 1, "target": 2})
    t.status(r, 404, "no levels on a hidden capability")
    r = c["chair-p"].request("POST", p, SMALL.encode(), content_type="application/yaml")
    t.status(r, 403, "a public chair cannot replace a plan with hidden items")
    t.check("nightjar" not in r.body.decode(), "and learns no name")
    r = c["chair"].put(p + "/capabilities/nightjar-cover/experts", {"analysts": ["ana-p"]})
    t.status(r, 409, "an expert must be cleared for the capability")
    # in the reader's language
    r = c["chair-p"].get(p + "/capabilities/grid-restore?lang=nl")
    t.eq(r.json(), {"error": "dit onderdeel van het plan bestaat niet"}, "the 404 in Dutch")
    r = c["ana-p"].request("PUT", p + "/capabilities/dike-watch/levels",
                           {"current": 1, "target": 2}, headers={"Accept-Language": "nl"})
    t.eq(r.json(), {"error": "u bent geen expert van deze capaciteit"}, "the 403 in Dutch")


# ------------------------------------------------------------ published

@t.test
def published_immutable():
    e = ed["pub"]  # published by need_to_know
    p = base(e) + "/plan"
    for method, path, body in (
            ("post", "/organisations", {"title": "X"}),
            ("put", "/organisations/water-board", {"title": "X"}),
            ("delete", "/measures/sensors", None),
            ("put", "/capabilities/dike-watch/experts", {"analysts": []}),
            ("put", "/capabilities/dike-watch/agreed", {"current": 1, "target": 1}),
            ("put", "/advice/flood-advice/decision", {"status": "rejected"})):
        r = getattr(c["chair"], method)(p + path, body) if body is not None \
            else getattr(c["chair"], method)(p + path)
        t.status(r, 409, "%s %s on a published edition" % (method, path))
    r = post_plan(c["chair"], e, SMALL)
    t.status(r, 409, "no import into a published edition")
    t.check("published" in r.json()["error"], "the refusal says why: %s" % r.json()["error"])


# ------------------------------------------------------------ malformed bodies

@t.test
def malformed():
    e = ed["bad"]
    p = base(e) + "/plan"
    r = c["chair"].post(p + "/capabilities", "{not json")
    t.status(r, 400, "not JSON")
    r = c["chair"].post(p + "/capabilities", ["a"])
    t.status(r, 400, "not an object")
    r = c["chair"].post(p + "/capabilities", {"id": "x", "title": "T", "phase": "response",
                                              "scenarios": ["pub-flood"]})
    t.status(r, 422, "an id of one's own")
    r = c["chair"].post(p + "/capabilities", {"title": "T", "phase": "response",
                                              "scenarios": ["pub-flood"],
                                              "levels": []})
    t.status(r, 422, "levels in a capability")
    body = '{"title": "T",\n "phase": "after",\n "scenarios": ["pub-flood"]}'
    r = c["chair"].post(p + "/capabilities", body)
    t.status(r, 422, "an unknown phase")
    errors = r.json()["errors"]
    t.eq((errors[0]["line"], errors[0]["column"]), (2, 11),
         "located in the body, where a file error is: %s" % errors)
    body = '{"title": "T", "phase": "response",\n  "scenarios": ["pub-flood", "nope"]}'
    r = c["chair"].post(p + "/capabilities", body)
    t.status(r, 422, "an unknown scenario")
    errors = r.json()["errors"]
    t.eq((errors[0]["line"], errors[0]["column"]), (2, 30), "at the id: %s" % errors)
    t.check("nope" in errors[0]["message"], "naming it")
    r = c["chair"].post(p + "/measures", {"title": "M", "capabilities": ["dike-watch"],
                                          "owners": ["water-board"],
                                          "effect": {"pub-flood": {"impact": {"9.9": "B"}}}})
    t.status(r, 422, "an effect on a criterion the method lacks")
    r = c["chair"].post(p + "/measures", {"title": "M", "capabilities": ["dike-watch"],
                                          "owners": ["water-board"],
                                          "effect": {"pub-flood": {"likelihood": "Q"}}})
    t.status(r, 422, "a score the loader refuses")
    r = c["chair"].put(p + "/measures/sensors", {"title": "Dike sensors",
                                                 "capabilities": ["dike-watch"],
                                                 "owners": ["water-board"],
                                                 "requires": ["combo"]})
    t.status(r, 200, "sensors requires combo")
    r = c["chair"].put(p + "/measures/combo", {"title": "Combined works",
                                               "capabilities": ["dike-watch"],
                                               "owners": ["water-board"],
                                               "requires": ["cables", "sensors"]})
    t.status(r, 422, "a requires cycle")
    r = c["chair"].post(p + "/advice", {"title": "A", "owners": [], "measures": []})
    t.status(r, 422, "an advice without an owner")
    status(e, "scoring")
    r = c["ana-1"].put(p + "/capabilities/dike-watch/levels", '{"current": 1,\n "target": 5}')
    t.status(r, 422, "a level out of 0..4")
    errors = r.json()["errors"]
    t.eq((errors[0]["line"], errors[0]["column"]), (2, 12), "located: %s" % errors)
    r = c["ana-1"].put(p + "/capabilities/dike-watch/levels", {"analyst": "ana-2",
                                                               "current": 1, "target": 2})
    t.status(r, 422, "levels in another's name")
    r = c["ana-1"].put(p + "/capabilities/dike-watch/levels", {"current": 1})
    t.status(r, 422, "no target")
    status(e, "draft")
    r = c["chair"].put(p + "/advice/flood-advice/decision", {"status": "maybe"})
    t.status(r, 422, "an unknown decision")
    r = c["chair"].put(p + "/advice/flood-advice/decision", {"status": "adopted",
                                                             "date": "2031-02-30"})
    t.status(r, 422, "a date that is not one")
    r = c["chair"].request("POST", p, b"natrisk: 1\nplan: [", content_type="application/yaml")
    t.status(r, 422, "a plan file that is no YAML")
    r = c["chair"].request("POST", p, SMALL.encode(), content_type="text/plain")
    t.status(r, 415, "a plan file needs YAML's type")
    bad = SMALL.replace("current: 3, target: 4", "current: 7, target: 4")
    r = post_plan(c["chair"], e, bad)
    t.status(r, 422, "a level out of range in the file")
    line = SMALL.split("\n").index(
        [x for x in SMALL.split("\n") if "current: 3, target: 4" in x][0]) + 1
    t.eq(r.json()["errors"][0]["line"], line, "at its line of the file")
    t.eq(c["chair"].get(p + "/measures/sensors").json()["requires"], ["combo"],
         "nothing of a refused write was kept")


# ------------------------------------------------------------ audit

@t.test
def audited():
    con = sqlite3.connect(srv.db)
    rows = con.execute("SELECT actor, action, object FROM audit WHERE object LIKE "
                       "'edition:%d/plan%%' ORDER BY id" % ed["flow"]).fetchall()
    con.close()
    actions = [r[1] for r in rows]
    for action in ("plan.item.add", "plan.item.edit", "plan.item.delete", "plan.experts",
                   "plan.levels", "plan.levels.agreed", "plan.decision"):
        t.check(action in actions, "%s is audited: %s" % (action, actions))
    t.eq(actions.count("plan.levels"), 4, "every expert's levels, each a new entry")
    levels = [r for r in rows if r[1] == "plan.levels"]
    t.eq([r[0] for r in levels], ["ana-1", "ana-2", "ana-3", "ana-1"], "by who gave them")
    con = sqlite3.connect(srv.db)
    imports = con.execute("SELECT actor, object FROM audit WHERE action = 'plan.import'"
                          " ORDER BY id").fetchall()
    con.close()
    t.check(("chair", "edition:%d/plan" % ed["trip"]) in imports, "the import: %s" % imports)
    rc, out, err = run_cli("audit", "verify", "--db", srv.db, check=False)
    t.eq(rc, 0, "the audit chain verifies: %s" % err[:300])


if __name__ == "__main__":
    t.run(setup, teardown)
