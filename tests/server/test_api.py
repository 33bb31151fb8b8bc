#!/usr/bin/env python3
"""test_api.py - functional tests of `natrisk serve`: sessions, CSRF,
editions and what each clearance sees of them (results, diagram, report,
export). test_api_work.py has the rest: scenarios, scores, users, methods,
headers, TLS and the sign-in throttle.

Expected values are written by hand here or computed by the CLI from the
same assessment file (`natrisk assess|diagram|report|export`), never taken
from the server's own answers. Run: python3 tests/server/test_api.py
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import (CLASSIFIED, NRB2012, Client, Suite, banners, cli_json,  # noqa: E402
                       filtered_fixture, run_cli, session_cookie, without_banners)
from api_common import (E, FIXTURE, HIDE, IDS, NRB, THEMES, VIEWER_OF, clients,  # noqa: E402
                        ed, fixture_for, setup, srv, teardown, tmp, write)

t = Suite("test_api")

@t.test
def session_sign_in():
    c = Client(srv)
    r = c.login("viewer-r")
    t.status(r, 200, "sign in")
    cookies = r.header_all("Set-Cookie")
    t.eq(len(cookies), 1, "one Set-Cookie")
    parts = [p.strip() for p in cookies[0].split(";")]
    t.check(re.fullmatch(r"natrisk_session=[A-Za-z0-9_-]{43}", parts[0]),
            "the cookie is natrisk_session=<43 base64url>: %r" % parts[0])
    attrs = {p.split("=")[0].lower(): (p.split("=", 1)[1] if "=" in p else True)
             for p in parts[1:]}
    t.eq(attrs.get("httponly"), True, "HttpOnly")
    t.eq(attrs.get("samesite"), "Strict", "SameSite=Strict")
    t.eq(attrs.get("path"), "/", "Path=/")
    t.check("secure" not in attrs, "no Secure flag on plain HTTP")
    t.check(attrs.get("max-age", "0").isdigit() and int(attrs["max-age"]) > 0,
            "a positive Max-Age")
    body = r.json()
    t.eq(sorted(body), ["clearance", "csrf", "role", "user"], "sign-in body keys")
    t.eq((body["user"], body["role"], body["clearance"]), ("viewer-r", "viewer", "restricted"),
         "sign-in body user")
    t.check(re.fullmatch(r"[A-Za-z0-9_-]{43}", body["csrf"]), "csrf token of 43 base64url")
    t.check(body["csrf"] != session_cookie(r), "the CSRF token is not the session token")
    t.eq(r.header("Content-Type"), "application/json", "JSON content type")
    t.eq(r.header("Cache-Control"), "no-store", "Cache-Control: no-store")
    t.eq(r.header("X-Content-Type-Options"), "nosniff", "nosniff")
    # a second sign-in is another session
    c2 = Client(srv)
    c2.login("viewer-r")
    t.check(c2.cookie != c.cookie and c2.csrf != c.csrf, "every sign-in a new session")


@t.test
def session_refused():
    # every failure from its own address, so that no throttle interferes
    c = Client(srv, source="127.0.0.11")
    r = c.login("viewer-p", "wrong-password")
    t.status(r, 401, "wrong password")
    t.check(not r.header_all("Set-Cookie"), "no cookie on failure")
    r2 = Client(srv, source="127.0.0.12").login("no-such-user", "wrong-password")
    t.status(r2, 401, "unknown user")
    t.eq(r2.body, r.body, "an unknown user and a wrong password look the same")
    for body, what in ((b"not json", "not JSON"), (b"", "empty body"),
                       ({"username": "viewer-p"}, "no password"),
                       ({"username": "viewer-p", "password": "x", "extra": 1}, "extra key"),
                       ({"username": 5, "password": "x"}, "number user name"),
                       (["viewer-p", "x"], "an array")):
        r = Client(srv, source="127.0.0.13").request("POST", "/api/session", body)
        t.status(r, 400, "sign-in with %s" % what)


@t.test
def session_whoami():
    c = clients["viewer-c"]
    r = c.get("/api/session")
    t.status(r, 200, "GET /api/session")
    t.eq(r.json(), {"user": "viewer-c", "role": "viewer", "clearance": "confidential",
                    "csrf": c.csrf, "organisations": []}, "whoami")
    t.status(Client(srv).get("/api/session"), 401, "whoami without a session")
    fake = Client(srv)
    fake.cookie = "A" * 43
    t.status(fake.get("/api/session"), 401, "a made-up session token")
    fake.cookie = "garbage"
    t.status(fake.get("/api/session"), 401, "a malformed session token")


@t.test
def csrf():
    chair = clients["chair"]
    other = srv.client("chair")              # another session of the same user
    path = E("work", "/status")
    r = chair.put(path, {"status": "scoring"}, csrf=False)
    t.status(r, 403, "PUT status without X-CSRF-Token")
    r = chair.put(path, {"status": "scoring"}, headers={"X-CSRF-Token": other.csrf})
    t.status(r, 403, "PUT status with another session's token")
    r = chair.put(path, {"status": "scoring"}, headers={"X-CSRF-Token": ""})
    t.status(r, 403, "PUT status with an empty token")
    r = chair.put(path, {"status": "scoring"}, headers={"X-CSRF-Token": chair.csrf + "x"})
    t.status(r, 403, "PUT status with a longer token")
    t.eq(chair.get(E("work")).json()["status"], "draft", "refused requests change nothing")
    before = len(chair.get("/api/assessments").json())
    r = chair.post("/api/assessments", FIXTURE, content_type="application/yaml", csrf=False)
    t.status(r, 403, "POST /api/assessments without X-CSRF-Token")
    t.eq(len(chair.get("/api/assessments").json()), before, "no edition made without token")
    r = chair.patch(E("work", "/scenarios/pub-flood"), {"title": "Changed"}, csrf=False)
    t.status(r, 403, "PATCH without X-CSRF-Token")
    t.eq(chair.get(E("work", "/scenarios/pub-flood")).json()["title"],
         "River flood in the delta", "the title stays")
    r = chair.delete("/api/session", csrf=False)
    t.status(r, 403, "DELETE /api/session without X-CSRF-Token")
    t.status(chair.get("/api/session"), 200, "the session survives a refused sign-out")
    r = other.put(path, {"status": "draft"})
    t.status(r, 200, "with the right token")
    # GET needs no token
    t.status(chair.get(E("work"), headers={"X-CSRF-Token": "wrong"}), 200,
             "GET ignores X-CSRF-Token")


@t.test
def sign_out():
    c = srv.client("viewer-c")
    keep = clients["viewer-c"]
    r = c.delete("/api/session")
    t.status(r, 200, "DELETE /api/session")
    t.eq(r.json(), {"signed_out": True}, "sign-out body")
    cookie = r.header("Set-Cookie") or ""
    t.check(cookie.startswith("natrisk_session=;") and "Max-Age=0" in cookie and
            "HttpOnly" in cookie, "the cookie is cleared: %r" % cookie)
    t.status(c.get("/api/session"), 401, "the session has ended")
    t.status(c.get("/api/assessments"), 401, "the ended session reads nothing")
    t.status(c.delete("/api/session"), 401, "signing out twice")
    t.status(keep.get("/api/session"), 200, "the user's other session goes on")


# ---------------------------------------------------------------- editions

@t.test
def editions_list():
    r = clients["viewer-p"].get("/api/assessments")
    t.status(r, 200, "GET /api/assessments")
    body = r.json()
    t.check(isinstance(body, list), "a list")
    for e in body:
        t.eq(sorted(e), ["edition", "id", "method", "status", "title"], "edition keys")
    ids = [e["id"] for e in body]
    t.eq(ids, sorted(ids, reverse=True), "newest first")
    view = [e for e in body if e["id"] == ed["view"]]
    t.eq(view, [{"id": ed["view"], "title": "Classified test assessment", "edition": "2031",
                 "method": "nrb-2008", "status": "published"}], "the published edition")
    # a viewer sees published editions only; an analyst sees the work too
    t.eq(ids, [ed["view"]], "the viewer's list holds only the published edition")
    analysts = [e["id"] for e in clients["ana-p"].get("/api/assessments").json()]
    t.eq(sorted(analysts), sorted(ed.values()), "an analyst lists every edition")
    t.status(Client(srv).get("/api/assessments"), 401, "anonymous list")


def scenario_ids_of(text):
    return re.findall(r'(?m)^  - id: "?([a-z0-9-]+)"?$', text.partition("\nscenarios:\n")[2])


@t.test
def edition_create():
    chair = clients["chair"]
    r = chair.post("/api/assessments", NRB, content_type="application/yaml")
    t.status(r, 201, "upload nrb-2012")
    body = r.json()
    t.check(isinstance(body, dict) and isinstance(body.get("id"), int), "{\"id\": N}")
    new = body["id"]
    ed["nrb"] = new
    got = chair.get("/api/assessments/%d" % new).json()
    t.eq((got["title"], got["edition"], got["method"], got["status"]),
         ("National Risk Assessment 2012", "2012", "nrb-2008", "draft"), "the new edition")
    t.eq([s["id"] for s in got["scenarios"]], scenario_ids_of(NRB), "its scenarios in order")
    t.eq(clients["ana-p"].get("/api/assessments").json()[0]["id"], new,
         "the newest edition comes first")
    # its results equal the CLI's on the same file, for each clearance
    t.eq(clients["ana-1"].get("/api/assessments/%d/results" % new).json(),
         cli_json("assess", NRB2012, "--format", "json"), "nrb-2012 results (confidential)")
    public = write("nrb-public.yaml", filtered_fixture(NRB, HIDE["public"]))
    t.eq(clients["ana-p"].get("/api/assessments/%d/results" % new).json(),
         cli_json("assess", public, "--format", "json"), "nrb-2012 results (public)")
    for ctype in ("application/yaml; charset=utf-8", "text/yaml", "application/x-yaml",
                  "APPLICATION/YAML"):
        t.status(chair.post("/api/assessments", FIXTURE, content_type=ctype), 201,
                 "upload as %s" % ctype)
    for ctype in ("application/json", "text/plain", "application/yamlx",
                  "multipart/form-data"):
        t.status(chair.post("/api/assessments", FIXTURE, content_type=ctype), 415,
                 "upload as %s" % ctype)
    r = chair.request("POST", "/api/assessments", headers={"Content-Length": "0"})
    t.status(r, 415, "upload without a content type")
    for who in ("viewer-c", "ana-1"):
        r = clients[who].post("/api/assessments", FIXTURE, content_type="application/yaml")
        t.status(r, 403, "upload by %s" % who)
    t.status(Client(srv).post("/api/assessments", FIXTURE, content_type="application/yaml"),
             401, "anonymous upload")


@t.test
def edition_create_invalid():
    chair = clients["chair"]
    # line 8, column 5: the unknown key (counted by hand)
    bad = ("natrisk: 1\n"
           "title: x\n"
           "method: nrb-2008\n"
           "scenarios:\n"
           "  - id: a\n"
           "    title: t\n"
           "    kind: hazard\n"
           "    likelyhood: C\n"
           "    likelihood: C\n"
           "    impact: {\"2.1\": B}\n")
    r = chair.post("/api/assessments", bad, content_type="application/yaml")
    t.status(r, 422, "an invalid file")
    body = r.json()
    t.eq(body.get("errors"), [{"line": 8, "column": 5, "message":
                               "unknown key 'likelyhood' in a scenario; did you mean "
                               "'likelihood'?"}], "the error with line and column")
    t.eq(body.get("error"), body["errors"][0]["message"], "error repeats the first message")
    # two errors, both reported, in order; positions from `natrisk check`
    two = bad.replace("likelyhood: C", "likelyhood: C\n    kind: threat") \
             .replace('"2.1": B', '"2.1": {ev: C, ll: D}')
    path = write("two-errors.yaml", two)
    rc, _, err = run_cli("check", path, check=False)
    expected = [{"line": int(m[0]), "column": int(m[1]), "message": m[2]}
                for m in re.findall(r"(?m)^.*?:(\d+):(\d+): error: (.*)$", err)]
    t.check(rc == 1 and len(expected) >= 2, "the CLI finds two errors or more: %r" % err)
    r = chair.post("/api/assessments", two, content_type="application/yaml")
    t.status(r, 422, "a file with several errors")
    t.eq(r.json().get("errors"), expected, "every error, as `natrisk check` reports it")
    # a method named by a path is refused on upload
    by_path = FIXTURE.replace("method: nrb-2008",
                              "method: %s/methods/nrb-2008.yaml" % os.path.dirname(
                                  os.path.dirname(os.path.dirname(CLASSIFIED))))
    r = chair.post("/api/assessments", by_path, content_type="application/yaml")
    t.status(r, 422, "a method named by a path")
    t.status(chair.post("/api/assessments", "", content_type="application/yaml"), 422,
             "an empty upload")
    t.status(chair.post("/api/assessments", "[1, 2", content_type="application/yaml"),
             422, "a YAML syntax error")


@t.test
def edition_get():
    for clearance, who in VIEWER_OF.items():
        r = clients[who].get(E("view"))
        t.status(r, 200, "GET edition as %s" % who)
        body = r.json()
        t.eq(sorted(body), ["chairs", "edition", "id", "method", "previous", "scenarios",
                            "status", "themes", "title", "version"], "edition keys")
        t.eq(body["previous"], None, "it follows no edition")
        t.eq(body["chairs"], ["chair", "chair-p"], "its chairs, by name")
        t.eq([s["id"] for s in body["scenarios"]], IDS[clearance],
             "the scenarios %s may see" % who)
        t.eq(body["themes"], THEMES[clearance], "the themes %s may see" % who)
    r = clients["viewer-c"].get("/api/assessments/999999")
    t.status(r, 404, "an edition that does not exist")
    t.status(clients["viewer-c"].get("/api/assessments/0"), 404, "edition 0")
    t.status(clients["viewer-c"].get("/api/assessments/abc"), 404, "edition abc")


@t.test
def edition_status():
    chair, path = clients["chair"], E("work", "/status")
    for status in ("scoring", "consolidation", "draft", "consolidation", "scoring",
                   "scoring", "draft"):
        r = chair.put(path, {"status": status})
        t.status(r, 200, "to %s" % status)
        t.eq(r.json().get("status"), status, "the answer shows %s" % status)
        t.eq(chair.get(E("work")).json()["status"], status, "the edition is in %s" % status)
    for body in ({"status": "done"}, {"status": 1}, {}, {"status": "draft", "x": 1},
                 ["draft"], "draft", {"status": None}):
        t.status(chair.put(path, body), 400, "status body %r" % (body,))
    t.status(clients["viewer-c"].put(path, {"status": "scoring"}), 404,
             "viewer (a draft is no edition to them)")
    t.status(clients["ana-1"].put(path, {"status": "scoring"}), 403, "analyst")
    t.status(clients["admin"].put(path, {"status": "draft"}), 200, "admin passes as chair")
    t.status(chair.put("/api/assessments/999999/status", {"status": "draft"}), 404,
             "status of an unknown edition")


# ------------------------------------------------------------ views

@t.test
def results():
    for clearance, who in VIEWER_OF.items():
        path = fixture_for(clearance)
        r = clients[who].get(E("view", "/results"))
        t.status(r, 200, "results as %s" % who)
        t.eq(r.header("Content-Type"), "application/json", "results content type")
        t.eq(r.json(), cli_json("assess", path, "--format", "json"),
             "results for %s = natrisk assess on the %s file" % (who, clearance))
        r = clients[who].get(E("view", "/results?weights=physical"))
        t.eq(r.json(), cli_json("assess", path, "--format", "json", "--weights", "physical"),
             "results under ?weights=physical for %s" % who)
        r = clients[who].get(E("view", "/results?lang=nl"))
        t.eq(r.json(), cli_json("assess", path, "--format", "json", "--lang", "nl"),
             "results under ?lang=nl for %s" % who)
    # the confidential file is the fixture itself
    t.eq(clients["viewer-c"].get(E("view", "/results")).json(),
         cli_json("assess", CLASSIFIED, "--format", "json"), "results = the fixture's")
    r = clients["viewer-c"].get(E("view", "/results?weights=no-such-profile"))
    t.status(r, 404, "an unknown weight profile")
    t.status(clients["viewer-c"].get("/api/assessments/999999/results"), 404,
             "results of an unknown edition")


def data_scenarios(svg_bytes):
    root = ET.fromstring(svg_bytes)
    found = set()
    for el in root.iter():
        if "data-scenario" in el.attrib:
            found.add(el.attrib["data-scenario"])
    return root, found


@t.test
def diagram():
    for clearance, who in VIEWER_OF.items():
        path = fixture_for(clearance)
        r = clients[who].get(E("view", "/diagram.svg"))
        t.status(r, 200, "diagram as %s" % who)
        t.eq(r.header("Content-Type"), "image/svg+xml", "SVG content type")
        root, found = data_scenarios(r.body)
        t.eq(root.tag, "{http://www.w3.org/2000/svg}svg", "an SVG document")
        t.eq(found, set(IDS[clearance]), "data-scenario of exactly the visible scenarios")
        out = os.path.join(tmp, "diagram-%s.svg" % clearance)
        run_cli("diagram", path, "-o", out)
        with open(out, "rb") as f:
            t.eq(r.body, f.read(), "the diagram = natrisk diagram on the %s file" % clearance)
        out_nl = os.path.join(tmp, "diagram-%s-nl.svg" % clearance)
        run_cli("diagram", path, "-o", out_nl, "--lang", "nl")
        with open(out_nl, "rb") as f:
            t.eq(clients[who].get(E("view", "/diagram.svg?lang=nl")).body, f.read(),
                 "?lang=nl = natrisk diagram --lang nl")


@t.test
def report():
    for clearance, who in VIEWER_OF.items():
        path = fixture_for(clearance)
        r = clients[who].get(E("view", "/report.html"))
        t.status(r, 200, "report as %s" % who)
        t.eq(r.header("Content-Type"), "text/html; charset=utf-8", "HTML content type")
        t.check("style-src 'unsafe-inline'" in (r.header("Content-Security-Policy") or "")
                and "default-src 'none'" in r.header("Content-Security-Policy"),
                "the report's CSP allows its inline styles and nothing else")
        out = os.path.join(tmp, "report-%s" % clearance)
        run_cli("report", path, "-o", out)
        with open(os.path.join(out, "report.html"), "rb") as f:
            cli = f.read()
        # the same but for the banner, where the server adds the status
        t.eq(without_banners(r.body), without_banners(cli),
             "the report = natrisk report on the %s file" % clearance)
        level = {"public": "PUBLIC", "restricted": "RESTRICTED",
                 "confidential": "CONFIDENTIAL"}[clearance]
        t.eq(len(banners(r.body)), 3, "a banner at the top, the bottom and on printed pages")
        t.check(all(("%s \u2014 status: published \u2014 " % level).encode() in b
                    for b in banners(r.body)),
                "the banner: %s, published (%r)" % (level, banners(r.body)[:1]))
        for sid in IDS["confidential"]:
            t.eq(sid in r.text, sid in IDS[clearance], "%s in the %s report" % (sid, clearance))


@t.test
def export_round_trip():
    admin, chair = clients["admin"], clients["chair"]
    r = admin.get(E("view", "/export"))
    t.status(r, 200, "export")
    t.eq(r.header("Content-Type"), "application/yaml; charset=utf-8", "YAML content type")
    full = r.body
    cli = run_cli("export", str(ed["view"]), "--db", srv.db)[1]
    t.eq(full, cli, "the export = natrisk export")
    t.eq(banners(full)[0], banners(full)[-1], "the same banner at the top and the bottom")
    t.check(re.fullmatch(rb"# CONFIDENTIAL - status: published - \d{4}-\d\d-\d\d - natrisk "
                         rb"export of edition %d\n" % ed["view"], banners(full)[0]),
            "the banner names the classification, status and edition: %r" % banners(full)[:1])
    up = chair.post("/api/assessments", full, content_type="application/yaml")
    t.status(up, 201, "the export imports")
    again = admin.get("/api/assessments/%d/export" % up.json()["id"])
    t.eq(without_banners(again.body), without_banners(full),
         "export, import, export: the same bytes but for the banner")
    t.check(b"- status: draft - " in banners(again.body)[0], "the re-import is a draft")
    t.eq(admin.get("/api/assessments/%d/results" % up.json()["id"]).json(),
         cli_json("assess", CLASSIFIED, "--format", "json"), "the re-import's results")
    for clearance, who in VIEWER_OF.items():
        r = clients[who].get(E("view", "/export"))
        t.status(r, 200, "export as %s" % who)
        cli = run_cli("export", str(ed["view"]), "--db", srv.db, "--clearance",
                      clearance)[1]
        t.eq(r.body, cli, "export as %s = natrisk export --clearance %s" % (who, clearance))
        t.eq(scenario_ids_of(r.text), IDS[clearance], "the exported scenarios")
        path = write("export-%s.yaml" % clearance, r.text)
        t.eq(cli_json("assess", path, "--format", "json"),
             cli_json("assess", fixture_for(clearance), "--format", "json"),
             "the %s export assesses like the %s file" % (clearance, clearance))
        up = chair.post("/api/assessments", r.body, content_type="application/yaml")
        t.status(up, 201, "the %s export imports" % clearance)
        t.eq(without_banners(admin.get("/api/assessments/%d/export" % up.json()["id"]).body),
             without_banners(r.body), "the %s export round-trips" % clearance)
        t.check(banners(r.body)[0].startswith(b"# %s - " % clearance.upper().encode()),
                "the %s export is marked %s" % (clearance, clearance.upper()))
    t.check("heron" not in clients["viewer-r"].get(E("view", "/export")).text,
            "a theme only hidden scenarios use is left out")


ODD = {"title": 'Title: with "quotes" # hash & \u00fcn\u00efc\u00f6d\u00e9 \\ back',
       "kind": "threat", "description": "line one\n  indented: yes\n- dash\n\ttab  trailing  \n",
       "sources": ["null", "yes", "~", "- x", "@at", "'q'", "", "0x10", "1e3", "[a]", "{b: c}"],
       "likelihood": {"ev": "C", "why": "why: with colon\nand newline"}, "impact": {"5.1": "C"}}


@t.test
def export_round_trip_odd_text():
    """Strings that YAML would read otherwise come back exactly."""
    chair, admin = clients["chair"], clients["admin"]
    e = srv.import_file(CLASSIFIED)
    r = chair.post("/api/assessments/%d/scenarios" % e, ODD)
    t.status(r, 201, "a scenario of odd text")
    odd = r.json().get("id", "")
    # the title's letters, accents dropped, as the stem of the id
    t.check(re.fullmatch(r"title-with-quotes-hash-unicode-back-[a-z0-9]{6}", odd),
            "the id made from the odd title: %r" % odd)
    got = admin.get("/api/assessments/%d/scenarios/%s" % (e, odd)).json()
    t.eq({k: got.get(k) for k in ("title", "description", "sources")},
         {k: ODD[k] for k in ("title", "description", "sources")}, "kept exactly")
    t.eq(got["likelihood"].get("why"), ODD["likelihood"]["why"], "the rationale kept exactly")
    exported = admin.get("/api/assessments/%d/export" % e)
    path = write("odd.yaml", exported.text)
    doc = cli_json("assess", path, "--format", "json")
    t.eq([s["title"] for s in doc["scenarios"] if s["id"] == odd], [ODD["title"]],
         "natrisk assess reads the exported title exactly")
    up = chair.post("/api/assessments", exported.body, content_type="application/yaml")
    t.status(up, 201, "the export imports")
    t.eq(without_banners(admin.get("/api/assessments/%d/export" % up.json()["id"]).body),
         without_banners(exported.body), "and exports to the same bytes but for the banner")


@t.test
def empty_view():
    """An edition whose scenarios are all above the reader's clearance."""
    only = filtered_fixture(FIXTURE, {"public", "restricted"})
    path = write("confidential-only.yaml", only)
    e = srv.import_file(path)
    vp = clients["ana-p"]
    got = vp.get("/api/assessments/%d" % e)
    t.status(got, 200, "the edition exists for everyone who may read drafts")
    t.eq(got.json()["scenarios"], [], "with no scenario for a public reader")
    t.eq(vp.get("/api/assessments/%d/scenarios" % e).json(), [], "empty scenario list")
    full = cli_json("assess", path, "--format", "json")
    expected = dict(full, scenarios=[])
    r = vp.get("/api/assessments/%d/results" % e)
    t.status(r, 200, "results of an empty view")
    t.eq(r.json(), expected, "the assess document with no scenarios (same keys as the CLI's)")
    t.status(vp.get("/api/assessments/%d/diagram.svg" % e), 404, "no diagram to draw")
    t.status(vp.get("/api/assessments/%d/report.html" % e), 404, "no report to write")
    t.status(vp.get("/api/assessments/%d/export" % e), 404, "no file to export")
    for word in ("nightjar", "kestrel", "heron"):
        for part in ("", "/scenarios", "/results", "/export", "/diagram.svg"):
            t.check(word not in vp.get("/api/assessments/%d%s" % (e, part)).text.lower(),
                    "%s does not appear in %s" % (word, part or "the edition"))
    # the same without an edition: the CLI's document has no "edition" then
    path = write("confidential-only-no-edition.yaml", only.replace('edition: "2031"\n', ""))
    e = srv.import_file(path)
    expected = dict(cli_json("assess", path, "--format", "json"), scenarios=[])
    t.check("edition" not in expected, "the CLI writes no edition when the file has none")
    t.eq(vp.get("/api/assessments/%d/results" % e).json(), expected,
         "the empty view of an edition without an edition field")



if __name__ == "__main__":
    t.run(setup, lambda: teardown(t))
