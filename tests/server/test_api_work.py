#!/usr/bin/env python3
"""test_api_work.py - functional tests of `natrisk serve`, the work on an
edition: scenarios, assignments, analysts' scores and their spread,
consolidation and publication. test_api.py has sessions and editions,
test_api_server.py users, methods, the web files and headers, TLS and the
sign-in throttle.

Expected values are written by hand here or computed by the CLI from the
same assessment file, never taken from the server's own answers.
Run: python3 tests/server/test_api_work.py
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Suite, cli_json, run_cli, without_banners  # noqa: E402
from api_common import E, FIXTURE, IDS, clients, setup, srv, teardown, write  # noqa: E402

t = Suite("test_api_work")


# ------------------------------------------------------------ scenarios

PUB_FLOOD = {
    "id": "pub-flood", "title": "River flood in the delta", "theme": "water",
    "kind": "hazard", "description": "High water on the rivers breaches a dike ring.\n",
    "classification": "public", "new": False, "sources": ["Delta programme 2030"],
    "likelihood": {"ev": "C", "ll": "B", "ul": "D", "why": "once in a few centuries"},
    "impact": {"2.1": {"ev": {"value": 300}, "ll": {"value": 300}, "ul": {"value": 300}},
               "3.1": {"ev": "D", "ll": "C", "ul": "E"},
               "5.1": {"ev": "C+", "ll": "C+", "ul": "C+"}},
    "assigned": [],
}


@t.test
def scenarios_read():
    vp = clients["viewer-p"]
    r = vp.get(E("view", "/scenarios"))
    t.status(r, 200, "scenario list")
    t.eq(r.json(), [
        {"id": "pub-flood", "title": "River flood in the delta", "theme": "water",
         "kind": "hazard", "classification": "public", "new": False, "assigned": []},
        {"id": "pub-outage", "title": "Long power outage in a province", "theme": "infra",
         "kind": "hazard", "classification": "public", "new": False, "assigned": []},
    ], "the public reader's list")
    t.eq([s["id"] for s in clients["viewer-c"].get(E("view", "/scenarios")).json()],
         IDS["confidential"], "the confidential reader's list")
    r = vp.get(E("view", "/scenarios/pub-flood"))
    t.status(r, 200, "one scenario")
    t.eq(r.json(), PUB_FLOOD, "pub-flood as the file has it")
    kestrel = clients["viewer-c"].get(E("view", "/scenarios/conf-kestrel"))
    t.eq(kestrel.json().get("likelihood"), {"ev": {"probability": 0.2},
                                            "ll": {"probability": 0.2},
                                            "ul": {"probability": 0.2}},
         "a probability likelihood")
    none = vp.get(E("view", "/scenarios/no-such"))
    t.status(none, 404, "a scenario that does not exist")
    for sid in ("res-grid", "conf-nightjar"):
        hidden = vp.get(E("view", "/scenarios/" + sid))
        t.status(hidden, 404, "%s for a public reader" % sid)
        t.eq(hidden.body, none.body, "%s: the same 404 as no scenario" % sid)
    t.status(clients["viewer-r"].get(E("view", "/scenarios/res-grid")), 200,
             "restricted for a restricted reader")


# A new scenario has no id: the server makes it (its title and six random
# characters) and answers with it; ADDED_ID keeps it for the tests after.
ADDED_ID = []
ADDED = {"title": "Added scenario", "kind": "hazard", "theme": "water",
         "new": True, "sources": ["added by the test"],
         "likelihood": "C", "impact": {"2.1": "B", "5.1": {"ev": "C", "ll": "B", "ul": "D",
                                                            "why": "w"}}}
ADDED_YAML = """  - id: {id}
    title: Added scenario
    theme: water
    kind: hazard
    new: true
    sources: ["added by the test"]
    likelihood: C
    impact:
      "2.1": B
      "5.1": { ev: C, ll: B, ul: D, why: w }
"""


@t.test
def scenario_add():
    chair = clients["chair"]
    r = chair.post(E("work", "/scenarios"), ADDED)
    t.status(r, 201, "add a scenario")
    made = r.json().get("id", "")
    t.check(re.fullmatch(r"added-scenario-[a-z0-9]{6}", made),
            "the id the server made: the title and six characters: %r" % made)
    ADDED_ID.append(made)
    t.eq(r.json(), {"id": made, "title": "Added scenario", "theme": "water",
                    "kind": "hazard", "classification": "public", "new": True,
                    "sources": ["added by the test"],
                    "likelihood": {"ev": "C", "ll": "C", "ul": "C"},
                    "impact": {"2.1": {"ev": "B", "ll": "B", "ul": "B"},
                               "5.1": {"ev": "C", "ll": "B", "ul": "D", "why": "w"}},
                    "assigned": []}, "the added scenario")
    t.eq([s["id"] for s in chair.get(E("work", "/scenarios")).json()][-1], made,
         "added at the end")
    path = write("with-added.yaml", FIXTURE + ADDED_YAML.replace("{id}", made))
    t.eq(clients["admin"].get(E("work", "/results")).json(),
         cli_json("assess", path, "--format", "json"),
         "results = natrisk assess on the file with the scenario appended")
    r = chair.post(E("work", "/scenarios"), dict(ADDED, id="mine"))
    t.status(r, 422, "a body that names an id")
    t.check("leave 'id' out" in r.text, "the error says the server makes ids: %s" % r.text)
    # a viewer reads published editions only: a draft is no edition to them
    t.status(clients["viewer-c"].post(E("work", "/scenarios"), ADDED), 404, "a viewer adds")
    t.status(clients["ana-1"].post(E("work", "/scenarios"), ADDED), 403, "an analyst adds")
    t.status(chair.post("/api/assessments/999999/scenarios", ADDED), 404, "unknown edition")
    for body, what in (("not json", "not JSON"), ([ADDED], "an array"), ("42", "a number")):
        t.status(chair.post(E("work", "/scenarios"), body), 400, "add with %s" % what)


@t.test
def scenario_add_invalid():
    chair = clients["chair"]
    # line 3, column 2: the unknown key (counted by hand)
    body = ('{"title": "Bad", "kind": "hazard",\n'
            ' "likelihood": "C", "impact": {},\n'
            ' "likelyhood": "C"}')
    r = chair.post(E("work", "/scenarios"), body)
    t.status(r, 422, "a scenario with an unknown key")
    errors = r.json().get("errors")
    t.check(isinstance(errors, list) and len(errors) == 1, "one error: %r" % (errors,))
    if errors:
        t.eq((errors[0].get("line"), errors[0].get("column")), (3, 2),
             "the unknown key's line and column in the body")
        t.check("likelyhood" in errors[0].get("message", ""), "the message names the key")
    # LL above EV: where `natrisk check` puts it when the body (with an
    # id) is the file's scenario on lines 5 to 7 at column 3 (only line 1
    # is shifted, and holds no error)
    body = ('{"title": "Bad", "kind": "hazard",\n'
            ' "likelihood": {"ev": "C", "ll": "D"},\n'
            ' "impact": {"5.1": {"ev": "B", "ul": "A"}}}')
    text = ("natrisk: 1\ntitle: t\nmethod: nrb-2008\nscenarios:\n- "
            + body.replace("{", '{"id": "bad-two", ', 1) + "\n")
    rc, _, err = run_cli("check", write("ll-ev.yaml", text), check=False)
    expected = []
    for line, col, msg in re.findall(r"(?m)^.*?:(\d+):(\d+): error: (.*)$", err):
        line, col = int(line) - 4, int(col)
        expected.append({"line": line, "column": col - 2 if line == 1 else col,
                         "message": msg})
    t.check(rc == 1 and len(expected) == 2, "the CLI finds the two errors: %r" % err)
    r = chair.post(E("work", "/scenarios"), body)
    t.status(r, 422, "LL above EV, UL below EV")
    t.eq(r.json().get("errors"), expected, "the errors where the CLI finds them")
    for bad, what in (({"id": "Bad Id", "title": "t", "kind": "hazard", "likelihood": "C",
                        "impact": {}}, "an id"),
                      ({"title": "t", "kind": "volcano", "likelihood": "C",
                        "impact": {}}, "a bad kind"),
                      ({"title": "t", "kind": "hazard", "theme": "nosuch",
                        "likelihood": "C", "impact": {}}, "an unknown theme"),
                      ({"title": "t", "kind": "hazard", "likelihood": "C",
                        "impact": {"9.9": "C"}}, "an unknown criterion"),
                      ({"title": "t", "kind": "threat",
                        "likelihood": {"probability": 0.1}, "impact": {}},
                       "a probability for a threat"),
                      ({"title": "t", "kind": "hazard",
                        "classification": "secret", "likelihood": "C", "impact": {}},
                       "an unknown classification"),
                      ({"kind": "hazard", "likelihood": "C", "impact": {}},
                       "no title")):
        r = chair.post(E("work", "/scenarios"), bad)
        t.status(r, 422, "add %s" % what)
        t.check(isinstance(r.json().get("errors"), list) and r.json()["errors"],
                "%s: errors with places" % what)
    t.eq([s["id"] for s in chair.get(E("work", "/scenarios")).json()],
         IDS["confidential"] + ADDED_ID, "nothing invalid was added")


@t.test
def scenario_edit():
    chair, path = clients["chair"], E("work", "/scenarios/" + ADDED_ID[0])
    r = chair.patch(path, {"title": "Added and renamed", "sources": ["a", "b"]})
    t.status(r, 200, "PATCH title and sources")
    t.eq((r.json()["title"], r.json()["sources"]), ("Added and renamed", ["a", "b"]),
         "the answer shows the change")
    got = chair.get(path).json()
    t.eq((got["title"], got["sources"], got["impact"]["5.1"]),
         ("Added and renamed", ["a", "b"], {"ev": "C", "ll": "B", "ul": "D", "why": "w"}),
         "the change is kept; the scores are not touched")
    r = chair.patch(path, {"description": "Some words.", "new": False, "kind": "threat",
                           "theme": "infra"})
    t.status(r, 200, "PATCH description, new, kind, theme")
    t.eq({k: r.json().get(k) for k in ("description", "new", "kind", "theme")},
         {"description": "Some words.", "new": False, "kind": "threat", "theme": "infra"},
         "four fields changed")
    r = chair.patch(path, {"description": None, "theme": None})
    t.status(r, 200, "PATCH null removes")
    t.check("description" not in r.json() and "theme" not in r.json(),
            "description and theme removed: %r" % r.json())
    t.status(chair.patch(path, {}), 200, "an empty change")
    for body, what in (({"id": "other"}, "the id"), ({"impact": {}}, "the scores"),
                       ({"likelihood": "D"}, "the likelihood"),
                       ({"theme": "nosuch"}, "an unknown theme"),
                       ({"classification": "secret"}, "an unknown classification"),
                       ({"kind": "volcano"}, "an unknown kind"),
                       ({"new": "yes"}, "new as a string"),
                       ({"sources": "one"}, "sources as a string")):
        t.status(chair.patch(path, body), 422, "PATCH %s" % what)
    for body, what in (("[1]", "an array"), ("nope", "not JSON"), ('"title"', "a string")):
        t.status(chair.patch(path, body), 400, "PATCH with %s" % what)
    t.eq(chair.get(path).json()["title"], "Added and renamed", "refused edits change nothing")
    t.status(chair.patch(E("work", "/scenarios/no-such"), {"title": "x"}), 404,
             "PATCH a scenario that does not exist")
    t.status(clients["viewer-c"].patch(path, {"title": "x"}), 404, "a viewer edits")
    # classification: a scenario raised above a reader's clearance disappears
    vp = clients["ana-p"]
    t.status(vp.get(path), 200, "public: visible")
    r = chair.patch(path, {"classification": "confidential"})
    t.status(r, 200, "raise to confidential")
    none = vp.get(E("work", "/scenarios/no-such"))
    t.eq((vp.get(path).status, vp.get(path).body), (404, none.body),
         "now the same 404 as no scenario for a public reader")
    t.check(ADDED_ID[0] not in [s["id"] for s in vp.get(E("work", "/scenarios")).json()],
            "and gone from the public list")
    t.check(ADDED_ID[0] not in vp.get(E("work", "/results")).text,
            "and from the public results")
    t.status(chair.patch(path, {"classification": "public"}), 200, "lower to public")
    t.status(vp.get(path), 200, "visible again")


@t.test
def assignments():
    chair = clients["chair"]
    path = E("work", "/scenarios/pub-flood/assigned")
    r = chair.put(path, {"analysts": ["ana-2", "ana-1"]})
    t.status(r, 200, "assign two analysts")
    t.eq(r.json().get("assigned"), ["ana-1", "ana-2"], "assigned, by name")
    listed = {s["id"]: s["assigned"] for s in chair.get(E("work", "/scenarios")).json()}
    t.eq(listed["pub-flood"], ["ana-1", "ana-2"], "the list shows them")
    for body, what in (({"analysts": ["viewer-c"]}, "a viewer"),
                       ({"analysts": ["chair"]}, "a chair"),
                       ({"analysts": ["nobody"]}, "an unknown user")):
        t.status(chair.put(path, body), 422, "assign %s" % what)
    t.status(chair.put(E("work", "/scenarios/conf-nightjar/assigned"),
                       {"analysts": ["ana-p"]}), 422,
             "a public analyst to a confidential scenario")
    for body, what in (({"analysts": "ana-1"}, "a string"), ({"analysts": [1]}, "a number"),
                       ({}, "no analysts"), ({"analysts": [], "x": 1}, "an extra key"),
                       ([], "an array"), ("x", "not JSON"),
                       ({"analysts": ["ana-1", None]}, "a null name")):
        t.status(chair.put(path, body), 400, "assign with %s" % what)
    t.eq(chair.get(E("work", "/scenarios/pub-flood")).json()["assigned"], ["ana-1", "ana-2"],
         "refused assignments change nothing")
    t.status(clients["viewer-c"].put(path, {"analysts": []}), 404, "a viewer assigns")
    t.status(clients["ana-1"].put(path, {"analysts": []}), 403, "an analyst assigns")
    # an analyst's clearance bounds the scenario's classification
    t.status(chair.put(E("work", "/scenarios/pub-outage/assigned"), {"analysts": ["ana-p"]}),
             200, "a public analyst to a public scenario")
    r = chair.patch(E("work", "/scenarios/pub-outage"), {"classification": "restricted"})
    t.status(r, 409, "raise a scenario above an assigned analyst's clearance")
    t.eq(chair.get(E("work", "/scenarios/pub-outage")).json()["classification"], "public",
         "the classification stays")
    t.status(chair.put(E("work", "/scenarios/conf-nightjar/assigned"),
                       {"analysts": ["ana-1"]}), 200, "ana-1 to conf-nightjar")
    t.status(chair.put(E("work", "/scenarios/res-grid/assigned"), {"analysts": ["ana-1"]}),
             200, "ana-1 to res-grid")


def score_of(answer, analyst, criterion):
    return answer.get("analysts", {}).get(analyst, {}).get(criterion)


AT = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"


@t.test
def analyst_scoring():
    a1, chair = clients["ana-1"], clients["chair"]
    path = E("work", "/scenarios/pub-flood/scores/")
    t.status(a1.put(path + "5.1", '"B"'), 409, "an analyst scores in draft")
    results_before = clients["admin"].get(E("work", "/results")).json()
    t.status(chair.put(E("work", "/status"), {"status": "scoring"}), 200, "to scoring")
    r = a1.put(path + "5.1", '"B"')
    t.status(r, 200, "an analyst scores")
    entry = score_of(r.json(), "ana-1", "5.1")
    t.eq(list(r.json()["analysts"]), ["ana-1"], "the answer holds the analyst's own scores")
    t.check(entry is not None and re.fullmatch(AT, entry.get("at", "")),
            "a score with its time: %r" % entry)
    t.eq((entry or {}).get("score"), {"ev": "B", "ll": "B", "ul": "B"}, "the score")
    t.eq((entry or {}).get("history"), [], "no history yet")
    r = a1.put(path + "5.1", {"ev": "C", "ll": "B", "ul": "D", "why": "second thoughts"})
    t.status(r, 200, "the analyst scores again")
    entry = score_of(r.json(), "ana-1", "5.1") or {}
    t.eq(entry.get("score"), {"ev": "C", "ll": "B", "ul": "D", "why": "second thoughts"},
         "the new score")
    t.eq([h.get("score") for h in entry.get("history", [])], [{"ev": "B", "ll": "B", "ul": "B"}],
         "the earlier score in the history")
    a1.put(path + "5.1", '"C"')
    entry = score_of(a1.get(E("work", "/scenarios/pub-flood/scores")).json(), "ana-1", "5.1")
    t.eq([h["score"]["ev"] for h in (entry or {}).get("history", [])], ["C", "B"],
         "history newest first")
    r = a1.put(path + "likelihood", {"probability": 0.01})
    t.status(r, 200, "a probability for a hazard's likelihood")
    t.eq(score_of(r.json(), "ana-1", "likelihood")["score"],
         {"ev": {"probability": 0.01}, "ll": {"probability": 0.01},
          "ul": {"probability": 0.01}}, "the likelihood score")
    r = a1.put(path + "2.1", {"value": 30})
    t.status(r, 200, "a quantity")
    t.status(a1.put(E("work", "/scenarios/res-grid/scores/likelihood"), {"probability": 0.1}),
             422, "a probability for a threat")
    for body, what in (('"Q"', "class Q"), ({"ev": "C", "ll": "D"}, "LL above EV"),
                       ({"ll": "C"}, "no ev"), ({"ev": "C", "extra": 1}, "an unknown key"),
                       ("5", "a number"), ("[]", "an array")):
        t.status(a1.put(path + "5.2", body), 422, "score %s" % what)
    t.status(a1.put(path + "5.2", "nope"), 400, "a score that is not JSON")
    t.status(a1.put(path + "9.9", '"C"'), 404, "a criterion the method does not have")
    t.status(a1.put(path + "likelihood", "null"), 422, "a likelihood cannot be dropped")
    t.status(clients["ana-p"].put(path + "5.1", '"C"'), 403, "an analyst not assigned")
    t.status(chair.put(path + "5.1", '"C"'), 403, "a chair's own score")
    t.status(clients["admin"].put(path + "5.1", '"C"'), 403, "an admin's own score")
    t.status(clients["viewer-c"].put(path + "5.1", '"C"'), 404, "a viewer's score")
    t.status(a1.put(E("work", "/scenarios/no-such/scores/5.1"), '"C"'), 404, "no scenario")
    # who sees which scores
    r = clients["ana-2"].get(E("work", "/scenarios/pub-flood/scores"))
    t.status(r, 200, "another analyst reads")
    t.eq(r.json(), {"analysts": {}}, "and sees only their own (none)")
    r = chair.get(E("work", "/scenarios/pub-flood/scores"))
    t.status(r, 200, "the chair reads")
    t.eq(sorted((r.json()["analysts"].get("ana-1") or {}).keys()),
         ["2.1", "5.1", "likelihood"], "the chair sees ana-1's scores")
    t.status(clients["viewer-c"].get(E("work", "/scenarios/pub-flood/scores")), 404,
             "a viewer reads scores of a draft")
    t.status(chair.put(E("work", "/scenarios/pub-flood/consolidated/5.1"), '"D"'), 409,
             "consolidated scores do not change in scoring")
    t.eq(clients["admin"].get(E("work", "/results")).json(), results_before,
         "analysts' own scores do not change the results")


@t.test
def spread():
    a1, a2, chair = clients["ana-1"], clients["ana-2"], clients["chair"]
    base = E("work", "/scenarios/pub-flood/scores/")
    for crit, one, two in (("5.3", "B", "D"), ("5.2", "B", "C"), ("2.3", "X", "A"),
                           ("1.2", "X", "B")):
        t.status(a1.put(base + crit, '"%s"' % one), 200, "ana-1 scores %s" % crit)
        t.status(a2.put(base + crit, {"ev": two, "why": "ana-2"}), 200,
                 "ana-2 scores %s" % crit)
    t.status(a1.put(E("work", "/scenarios/conf-nightjar/scores/5.1"), '"C"'), 200,
             "ana-1 scores a confidential scenario")
    r = chair.get(E("work", "/spread"))
    t.status(r, 200, "the spread")
    rows = {(e["scenario"], e["criterion"]): e for e in r.json()}
    expected = {  # criterion: (analysts' EV, low, high, flagged)
        "1.2": ({"ana-1": "X", "ana-2": "B"}, "X", "B", True),
        "2.1": ({"ana-1": "B"}, "B", "B", False),
        "2.3": ({"ana-1": "X", "ana-2": "A"}, "X", "A", False),
        "5.1": ({"ana-1": "C"}, "C", "C", False),
        "5.2": ({"ana-1": "B", "ana-2": "C"}, "B", "C", False),
        "5.3": ({"ana-1": "B", "ana-2": "D"}, "B", "D", True),
    }
    for crit, (evs, low, high, flagged) in expected.items():
        e = rows.get(("pub-flood", crit))
        if not t.check(e is not None, "a spread entry for pub-flood %s" % crit):
            continue
        t.eq({k: v.get("ev") for k, v in e["analysts"].items()}, evs, "EVs of %s" % crit)
        t.eq((e["low"], e["high"], e["flagged"]), (low, high, flagged),
             "low, high, flagged of %s" % crit)
    t.check(("pub-flood", "likelihood") in rows, "the likelihood has a spread entry")
    t.check(("conf-nightjar", "5.1") in rows, "the confidential chair sees conf-nightjar")
    order = [(e["scenario"], e["criterion"]) for e in r.json()]
    t.eq(order, sorted(order, key=lambda k: (IDS["confidential"].index(k[0]),
                                             k[1] != "likelihood", k[1])),
         "in scenario order, the likelihood first, then by criterion")
    low = clients["chair-p"].get(E("work", "/spread"))
    t.status(low, 200, "the public chair's spread")
    t.eq([e for e in low.json() if e["scenario"] == "conf-nightjar"], [],
         "no confidential scenario in the public chair's spread")
    t.check("nightjar" not in low.text, "nightjar appears nowhere in it")
    t.status(clients["ana-1"].get(E("work", "/spread")), 403, "spread for an analyst")
    t.status(clients["viewer-c"].get(E("work", "/spread")), 404,
             "spread for a viewer (a draft is no edition to them)")


@t.test
def consolidation():
    chair = clients["chair"]
    base = E("cons", "/scenarios/pub-flood/consolidated/")
    r = chair.put(base + "5.1", {"ll": "B", "ev": "C", "ul": "D", "why": "consolidated"})
    t.status(r, 200, "a consolidated score in draft")
    t.eq(r.json()["impact"].get("5.1"), {"ev": "C", "ll": "B", "ul": "D",
                                         "why": "consolidated"}, "the answer shows it")
    t.status(chair.put(E("cons", "/status"), {"status": "consolidation"}), 200,
             "to consolidation")
    r = chair.put(base + "likelihood", '"D"')
    t.status(r, 200, "a consolidated likelihood")
    t.eq(r.json()["likelihood"], {"ev": "D", "ll": "D", "ul": "D"}, "the likelihood")
    r = chair.put(base + "2.1", "null")
    t.status(r, 200, "drop a consolidated score")
    t.check("2.1" not in r.json()["impact"], "2.1 is gone: %r" % r.json()["impact"])
    t.status(chair.put(base + "likelihood", "null"), 422, "drop the likelihood")
    t.status(chair.put(base + "9.9", '"C"'), 404, "an unknown criterion")
    t.status(chair.put(base + "5.2", {"ev": "B", "ul": "A"}), 422, "UL below EV")
    t.status(clients["ana-1"].put(E("cons", "/scenarios/pub-flood/consolidated/5.1"), '"C"'),
             403, "an analyst consolidates")
    t.status(clients["viewer-c"].put(base + "5.1", '"C"'), 404, "a viewer consolidates")
    # the edition now is the fixture with those three changes
    text = FIXTURE.replace('likelihood: { ev: C, ll: B, ul: D, why: "once in a few centuries" }',
                           "likelihood: D") \
                  .replace('      "2.1": { value: 300 }\n', "") \
                  .replace('"5.1": C+', '"5.1": { ev: C, ll: B, ul: D, why: consolidated }')
    t.check(text.count("likelihood: D\n") == 1 and '"5.1": { ev: C, ll: B' in text,
            "the expected file was edited")
    path = write("consolidated.yaml", text)
    t.eq(clients["admin"].get(E("cons", "/results")).json(),
         cli_json("assess", path, "--format", "json"),
         "results = natrisk assess on the file with the consolidated scores")
    other = os.path.join(srv.dir, "other.db")
    new = run_cli("import", path, "--db", other)[1].decode().strip()
    t.eq(without_banners(clients["admin"].get(E("cons", "/export")).body),
         without_banners(run_cli("export", new, "--db", other)[1]),
         "export = the export of that file imported elsewhere (but for the banner)")
    t.status(chair.put(E("cons", "/status"), {"status": "scoring"}), 200, "to scoring")
    t.status(chair.put(base + "5.1", '"C"'), 409, "no consolidation in scoring")
    t.status(chair.put(E("cons", "/status"), {"status": "draft"}), 200, "back to draft")
    t.status(chair.put(base + "5.1", '"C"'), 200, "consolidation in draft again")


@t.test
def publication():
    chair, admin = clients["chair"], clients["admin"]
    t.status(chair.put(E("pub", "/scenarios/pub-flood/assigned"), {"analysts": ["ana-1"]}),
             200, "assign before publishing")
    t.status(chair.put(E("pub", "/status"), {"status": "published"}), 200, "publish")
    before = admin.get(E("pub", "/export")).body
    version = admin.get(E("pub")).json()["version"]
    for status in ("draft", "scoring", "consolidation", "published"):
        t.status(chair.put(E("pub", "/status"), {"status": status}), 409,
                 "published to %s" % status)
    t.status(admin.put(E("pub", "/status"), {"status": "draft"}), 409, "admin unpublishes")
    t.status(chair.post(E("pub", "/scenarios"), ADDED), 409,
             "add to a published edition")
    t.status(chair.patch(E("pub", "/scenarios/pub-flood"), {"title": "x"}), 409,
             "edit in a published edition")
    t.status(chair.put(E("pub", "/scenarios/pub-flood/assigned"), {"analysts": []}), 409,
             "assign in a published edition")
    t.status(chair.put(E("pub", "/scenarios/pub-flood/consolidated/5.1"), '"C"'), 409,
             "consolidate in a published edition")
    t.status(chair.put(E("pub", "/scenarios/pub-flood/consolidated/2.1"), "null"), 409,
             "drop a score in a published edition")
    t.status(clients["ana-1"].put(E("pub", "/scenarios/pub-flood/scores/5.1"), '"C"'), 409,
             "an analyst scores a published edition")
    t.eq(admin.get(E("pub", "/export")).body, before, "the published edition is unchanged")
    t.eq(admin.get(E("pub")).json()["version"], version, "its version is unchanged")
    t.eq(admin.get(E("pub")).json()["status"], "published", "still published")
    for part in ("", "/results", "/diagram.svg", "/report.html", "/export", "/scenarios",
                 "/scenarios/pub-flood", "/spread", "/scenarios/pub-flood/scores"):
        t.status(admin.get(E("pub", part)), 200, "read %s of a published edition" % (part or
                                                                                   "it"))



if __name__ == "__main__":
    t.run(setup, lambda: teardown(t))
