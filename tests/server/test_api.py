#!/usr/bin/env python3
"""test_api.py - functional tests of every route of `natrisk serve`.

Expected values are written by hand here or computed by the CLI from the
same assessment file (`natrisk assess|diagram|report|export`), never taken
from the server's own answers. Run: python3 tests/server/test_api.py
"""
import os
import re
import shutil
import ssl
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import (CLASSIFIED, NRB2012, Client, Server, Suite, cli_json,  # noqa: E402
                       filtered_fixture, raw_request, run_cli, session_cookie)

t = Suite("test_api")
srv = Server()
ed = {}            # edition ids by name
clients = {}       # signed-in clients by user name
tmp = srv.dir

USERS = [  # name, role, clearance
    ("admin", "admin", "confidential"),
    ("chair", "chair", "confidential"),
    ("chair-p", "chair", "public"),
    ("viewer-p", "viewer", "public"),
    ("viewer-r", "viewer", "restricted"),
    ("viewer-c", "viewer", "confidential"),
    ("ana-1", "analyst", "confidential"),
    ("ana-2", "analyst", "confidential"),
    ("ana-p", "analyst", "public"),
    ("victim", "viewer", "public"),
    ("ratelim", "viewer", "public"),
    ("ratelim2", "viewer", "public"),
]
HIDE = {"public": {"restricted", "confidential"}, "restricted": {"confidential"},
        "confidential": set()}
VIEWER_OF = {"public": "viewer-p", "restricted": "viewer-r", "confidential": "viewer-c"}
IDS = {"public": ["pub-flood", "pub-outage"],
       "restricted": ["pub-flood", "pub-outage", "res-grid"],
       "confidential": ["pub-flood", "pub-outage", "res-grid", "conf-nightjar",
                        "conf-kestrel"]}

# a theme only hidden scenarios use is hidden too
THEMES = {"public": [{"id": "water", "title": "Flooding"},
                     {"id": "infra", "title": "Vital infrastructure"}]}
THEMES["restricted"] = THEMES["public"]
THEMES["confidential"] = THEMES["public"] + [{"id": "heron", "title": "Covert heron programme"}]

with open(CLASSIFIED, encoding="utf-8") as f:
    FIXTURE = f.read()
with open(NRB2012, encoding="utf-8") as f:
    NRB = f.read()


def write(name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def fixture_for(clearance):
    """The fixture as a user of CLEARANCE may see it, as a file."""
    return write("fixture-%s.yaml" % clearance, filtered_fixture(FIXTURE, HIDE[clearance]))


def setup():
    for name, role, clearance in USERS:
        srv.add_user(name, role, clearance)
    ed["view"] = srv.import_file(CLASSIFIED)     # never changed: views
    ed["work"] = srv.import_file(CLASSIFIED)     # scenarios, assignments, scores
    ed["cons"] = srv.import_file(CLASSIFIED)     # consolidation
    ed["pub"] = srv.import_file(CLASSIFIED)      # publication
    srv.start()
    for name in ("admin", "chair", "chair-p", "viewer-p", "viewer-r", "viewer-c", "ana-1",
                 "ana-2", "ana-p"):
        clients[name] = srv.client(name)


def teardown():
    for problem in srv.stop():
        t.fail(problem)
    srv.cleanup()


def E(name, rest=""):
    return "/api/assessments/%d%s" % (ed[name], rest)


# ---------------------------------------------------------------- sessions

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
                    "csrf": c.csrf}, "whoami")
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
                 "method": "nrb-2008", "status": "draft"}], "the imported edition")
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
    t.eq(clients["viewer-p"].get("/api/assessments").json()[0]["id"], new,
         "the newest edition comes first")
    # its results equal the CLI's on the same file, for each clearance
    t.eq(clients["viewer-c"].get("/api/assessments/%d/results" % new).json(),
         cli_json("assess", NRB2012, "--format", "json"), "nrb-2012 results (confidential)")
    public = write("nrb-public.yaml", filtered_fixture(NRB, HIDE["public"]))
    t.eq(clients["viewer-p"].get("/api/assessments/%d/results" % new).json(),
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
        t.eq(sorted(body), ["edition", "id", "method", "scenarios", "status", "themes",
                            "title", "version"], "edition keys")
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
    t.status(clients["viewer-c"].put(path, {"status": "scoring"}), 403, "viewer")
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
            t.eq(r.body, f.read(), "the report = natrisk report on the %s file" % clearance)
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
    up = chair.post("/api/assessments", full, content_type="application/yaml")
    t.status(up, 201, "the export imports")
    again = admin.get("/api/assessments/%d/export" % up.json()["id"])
    t.eq(again.body, full, "export, import, export: the same bytes")
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
        t.eq(admin.get("/api/assessments/%d/export" % up.json()["id"]).body, r.body,
             "the %s export round-trips" % clearance)
    t.check("heron" not in clients["viewer-r"].get(E("view", "/export")).text,
            "a theme only hidden scenarios use is left out")


ODD = {"id": "odd-text", "title": 'Title: with "quotes" # hash & \u00fcn\u00efc\u00f6d\u00e9 \\ back',
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
    got = admin.get("/api/assessments/%d/scenarios/odd-text" % e).json()
    t.eq({k: got.get(k) for k in ("title", "description", "sources")},
         {k: ODD[k] for k in ("title", "description", "sources")}, "kept exactly")
    t.eq(got["likelihood"].get("why"), ODD["likelihood"]["why"], "the rationale kept exactly")
    exported = admin.get("/api/assessments/%d/export" % e)
    path = write("odd.yaml", exported.text)
    doc = cli_json("assess", path, "--format", "json")
    t.eq([s["title"] for s in doc["scenarios"] if s["id"] == "odd-text"], [ODD["title"]],
         "natrisk assess reads the exported title exactly")
    up = chair.post("/api/assessments", exported.body, content_type="application/yaml")
    t.status(up, 201, "the export imports")
    t.eq(admin.get("/api/assessments/%d/export" % up.json()["id"]).body, exported.body,
         "and exports to the same bytes")


@t.test
def empty_view():
    """An edition whose scenarios are all above the reader's clearance."""
    only = filtered_fixture(FIXTURE, {"public", "restricted"})
    path = write("confidential-only.yaml", only)
    e = srv.import_file(path)
    vp = clients["viewer-p"]
    got = vp.get("/api/assessments/%d" % e)
    t.status(got, 200, "the edition exists for everyone")
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


ADDED = {"id": "added-one", "title": "Added scenario", "kind": "hazard", "theme": "water",
         "new": True, "sources": ["added by the test"],
         "likelihood": "C", "impact": {"2.1": "B", "5.1": {"ev": "C", "ll": "B", "ul": "D",
                                                            "why": "w"}}}
ADDED_YAML = """  - id: added-one
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
    t.eq(r.json(), {"id": "added-one", "title": "Added scenario", "theme": "water",
                    "kind": "hazard", "classification": "public", "new": True,
                    "sources": ["added by the test"],
                    "likelihood": {"ev": "C", "ll": "C", "ul": "C"},
                    "impact": {"2.1": {"ev": "B", "ll": "B", "ul": "B"},
                               "5.1": {"ev": "C", "ll": "B", "ul": "D", "why": "w"}},
                    "assigned": []}, "the added scenario")
    t.eq([s["id"] for s in chair.get(E("work", "/scenarios")).json()][-1], "added-one",
         "added at the end")
    path = write("with-added.yaml", FIXTURE + ADDED_YAML)
    t.eq(clients["admin"].get(E("work", "/results")).json(),
         cli_json("assess", path, "--format", "json"),
         "results = natrisk assess on the file with the scenario appended")
    t.status(chair.post(E("work", "/scenarios"), ADDED), 409, "the same id again")
    t.status(clients["viewer-c"].post(E("work", "/scenarios"), dict(ADDED, id="x-1")), 403,
             "a viewer adds")
    t.status(clients["ana-1"].post(E("work", "/scenarios"), dict(ADDED, id="x-1")), 403,
             "an analyst adds")
    t.status(chair.post("/api/assessments/999999/scenarios", ADDED), 404, "unknown edition")
    for body, what in (("not json", "not JSON"), ([ADDED], "an array"), ("42", "a number")):
        t.status(chair.post(E("work", "/scenarios"), body), 400, "add with %s" % what)


@t.test
def scenario_add_invalid():
    chair = clients["chair"]
    # line 3, column 2: the unknown key (counted by hand)
    body = ('{"id": "bad-one", "title": "Bad", "kind": "hazard",\n'
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
    # LL above EV: where `natrisk check` puts it when the body is the file's
    # scenario on lines 5 to 7 at column 3 (only line 1 is shifted)
    body = ('{"id": "bad-two", "title": "Bad", "kind": "hazard",\n'
            ' "likelihood": {"ev": "C", "ll": "D"},\n'
            ' "impact": {"5.1": {"ev": "B", "ul": "A"}}}')
    text = "natrisk: 1\ntitle: t\nmethod: nrb-2008\nscenarios:\n- " + body + "\n"
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
                        "impact": {}}, "a bad id"),
                      ({"id": "x-2", "title": "t", "kind": "volcano", "likelihood": "C",
                        "impact": {}}, "a bad kind"),
                      ({"id": "x-3", "title": "t", "kind": "hazard", "theme": "nosuch",
                        "likelihood": "C", "impact": {}}, "an unknown theme"),
                      ({"id": "x-4", "title": "t", "kind": "hazard", "likelihood": "C",
                        "impact": {"9.9": "C"}}, "an unknown criterion"),
                      ({"id": "x-5", "title": "t", "kind": "threat",
                        "likelihood": {"probability": 0.1}, "impact": {}},
                       "a probability for a threat"),
                      ({"id": "x-6", "title": "t", "kind": "hazard",
                        "classification": "secret", "likelihood": "C", "impact": {}},
                       "an unknown classification"),
                      ({"title": "t", "kind": "hazard", "likelihood": "C", "impact": {}},
                       "no id")):
        r = chair.post(E("work", "/scenarios"), bad)
        t.status(r, 422, "add %s" % what)
        t.check(isinstance(r.json().get("errors"), list) and r.json()["errors"],
                "%s: errors with places" % what)
    t.eq([s["id"] for s in chair.get(E("work", "/scenarios")).json()],
         IDS["confidential"] + ["added-one"], "nothing invalid was added")


@t.test
def scenario_edit():
    chair, path = clients["chair"], E("work", "/scenarios/added-one")
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
    t.status(clients["viewer-c"].patch(path, {"title": "x"}), 403, "a viewer edits")
    # classification: a scenario raised above a reader's clearance disappears
    vp = clients["viewer-p"]
    t.status(vp.get(path), 200, "public: visible")
    r = chair.patch(path, {"classification": "confidential"})
    t.status(r, 200, "raise to confidential")
    none = vp.get(E("work", "/scenarios/no-such"))
    t.eq((vp.get(path).status, vp.get(path).body), (404, none.body),
         "now the same 404 as no scenario for a public reader")
    t.check("added-one" not in [s["id"] for s in vp.get(E("work", "/scenarios")).json()],
            "and gone from the public list")
    t.check("added-one" not in vp.get(E("work", "/results")).text,
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
    t.status(clients["viewer-c"].put(path, {"analysts": []}), 403, "a viewer assigns")
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
    t.status(clients["viewer-c"].put(path + "5.1", '"C"'), 403, "a viewer's score")
    t.status(a1.put(E("work", "/scenarios/no-such/scores/5.1"), '"C"'), 404, "no scenario")
    # who sees which scores
    r = clients["ana-2"].get(E("work", "/scenarios/pub-flood/scores"))
    t.status(r, 200, "another analyst reads")
    t.eq(r.json(), {"analysts": {}}, "and sees only their own (none)")
    r = chair.get(E("work", "/scenarios/pub-flood/scores"))
    t.status(r, 200, "the chair reads")
    t.eq(sorted((r.json()["analysts"].get("ana-1") or {}).keys()),
         ["2.1", "5.1", "likelihood"], "the chair sees ana-1's scores")
    t.status(clients["viewer-c"].get(E("work", "/scenarios/pub-flood/scores")), 403,
             "a viewer reads scores")
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
    for who in ("viewer-c", "ana-1"):
        t.status(clients[who].get(E("work", "/spread")), 403, "spread for %s" % who)


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
    t.status(clients["viewer-c"].put(base + "5.1", '"C"'), 403, "a viewer consolidates")
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
    t.eq(clients["admin"].get(E("cons", "/export")).body,
         run_cli("export", new, "--db", other)[1],
         "export = the export of that file imported elsewhere")
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
    t.status(chair.post(E("pub", "/scenarios"), dict(ADDED, id="late")), 409,
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


# ------------------------------------------------------------ users

@t.test
def users():
    admin = clients["admin"]
    r = admin.get("/api/users")
    t.status(r, 200, "the users")
    expected = sorted(({"name": n, "role": ro, "clearance": c, "disabled": False}
                       for n, ro, c in USERS), key=lambda u: u["name"])
    t.eq(r.json(), expected, "every user, by name")
    body = {"name": "new-user", "role": "viewer", "clearance": "restricted",
            "password": "long-enough-pw"}
    r = admin.post("/api/users", body)
    t.status(r, 201, "add a user")
    t.eq(r.json(), {"name": "new-user", "role": "viewer", "clearance": "restricted",
                    "disabled": False}, "the new user")
    r = Client(srv).login("new-user", "long-enough-pw")
    t.status(r, 200, "the new user signs in")
    t.eq((r.json()["role"], r.json()["clearance"]), ("viewer", "restricted"),
         "with their role and clearance")
    r = admin.post("/api/users", {"name": "plain-user", "role": "analyst",
                                  "password": "long-enough-pw"})
    t.status(r, 201, "add a user without a clearance")
    t.eq(r.json().get("clearance"), "public", "the clearance defaults to public")
    t.status(admin.post("/api/users", body), 409, "the same name again")
    for bad, code, what in (
            (dict(body, name="other", role="king"), 400, "an unknown role"),
            (dict(body, name="other", clearance="secret"), 400, "an unknown clearance"),
            (dict(body, name="other", extra=1), 400, "an extra key"),
            ({"name": "other", "role": "viewer"}, 400, "no password"),
            (dict(body, name=5), 400, "a number name"),
            (dict(body, name="other", password="short"), 422, "a short password"),
            (dict(body, name="Bad Name"), 422, "a bad name"),
            (dict(body, name="x" * 65), 422, "a name too long"),
            (dict(body, name=""), 422, "an empty name")):
        t.status(admin.post("/api/users", bad), code, "add a user with %s" % what)
    names = [u["name"] for u in admin.get("/api/users").json()]
    t.eq(sorted(names), sorted([u[0] for u in USERS] + ["new-user", "plain-user"]),
         "only the valid users were added")
    for who in ("chair", "viewer-c", "ana-1"):
        t.status(clients[who].get("/api/users"), 403, "%s lists users" % who)
        t.status(clients[who].post("/api/users", dict(body, name="by-" + who)), 403,
                 "%s adds a user" % who)
        t.status(clients[who].put("/api/users/victim/disabled", {"disabled": True}), 403,
                 "%s disables a user" % who)


@t.test
def analysts():
    r = clients["chair"].get("/api/analysts")
    t.status(r, 200, "the analysts, for a chair")
    # the analysts made by the CLI, and plain-user, made by users() above
    expected = sorted([{"name": n, "clearance": c} for n, role, c in USERS
                       if role == "analyst"] + [{"name": "plain-user", "clearance": "public"}],
                      key=lambda a: a["name"])
    t.eq(r.json(), expected, "every enabled analyst, by name, with their clearance")
    t.eq(clients["admin"].get("/api/analysts").json(), expected, "an admin sees the same")
    for who in ("viewer-c", "ana-1"):
        t.status(clients[who].get("/api/analysts"), 403, "the analysts for %s" % who)
    t.status(Client(srv).get("/api/analysts"), 401, "the analysts without a session")
    made = clients["admin"].post("/api/users", {"name": "ana-gone", "role": "analyst",
                                                "password": "long-enough-pw"})
    t.status(made, 201, "one more analyst")
    t.check({"name": "ana-gone", "clearance": "public"} in
            clients["chair"].get("/api/analysts").json(), "who is listed")
    t.status(clients["admin"].put("/api/users/ana-gone/disabled", {"disabled": True}), 200,
             "and disabled")
    t.eq(clients["chair"].get("/api/analysts").json(), expected, "is listed no more")


@t.test
def user_disable():
    admin = clients["admin"]
    victim = srv.client("victim")
    t.status(victim.get("/api/assessments"), 200, "the victim reads")
    for body in ({"disabled": False}, {}, {"disabled": "true"}, {"disabled": True, "x": 1}):
        t.status(admin.put("/api/users/victim/disabled", body), 400,
                 "disable with %r" % (body,))
    r = admin.put("/api/users/victim/disabled", {"disabled": True})
    t.status(r, 200, "disable a user")
    t.eq(r.json(), {"name": "victim", "role": "viewer", "clearance": "public",
                    "disabled": True}, "the disabled user")
    t.status(victim.get("/api/assessments"), 401, "the disabled user's session ends at once")
    t.status(victim.get("/api/session"), 401, "no whoami either")
    wrong = Client(srv, source="127.0.0.21").login("victim", "wrong-password")
    r = Client(srv, source="127.0.0.22").login("victim")
    t.status(r, 401, "a disabled user cannot sign in")
    t.eq(r.body, wrong.body, "and cannot tell that from a wrong password")
    listed = {u["name"]: u["disabled"] for u in admin.get("/api/users").json()}
    t.eq(listed.get("victim"), True, "the list shows the user disabled")
    t.status(admin.put("/api/users/nobody/disabled", {"disabled": True}), 404,
             "disable an unknown user")


# ------------------------------------------------------------ methods, web

def cli_criteria(method):
    text = run_cli("method", "show", method)[1].decode()
    return re.findall(r"(?m)^  (\d+\.\d+)\s", text)


@t.test
def methods():
    table = run_cli("methods")[1].decode()
    counts = {m[0]: (int(m[1]), int(m[2]))
              for m in re.findall(r"(?m)^(\S+)\s+(\d+)\s+(\d+)\s", table)}
    t.check(set(counts) >= {"nrb-2008", "gra-2019", "rbra-2022"}, "the bundled methods")
    for method, (criteria, profiles) in counts.items():
        r = clients["viewer-p"].get("/api/methods/" + method)
        t.status(r, 200, "GET /api/methods/%s" % method)
        m = r.json()
        t.eq(m.get("id"), method, "the method's id")
        t.eq([c["id"] for c in m.get("criteria", [])], cli_criteria(method),
             "%s: the criteria of natrisk method show" % method)
        t.eq(len(m.get("criteria", [])), criteria, "%s: criteria count" % method)
        t.eq(len(m.get("profiles", [])), profiles, "%s: profile count" % method)
        t.eq(sum(1 for p in m.get("profiles", []) if p.get("default")), 1,
             "%s: one default profile" % method)
    for name in ("no-such-method", "..", "nrb-2008.yaml", "..%2Fmethods%2Fnrb-2008.yaml",
                 "%2Fetc%2Fpasswd"):
        t.status(clients["viewer-p"].get("/api/methods/" + name), 404, "method %s" % name)
    t.status(Client(srv).get("/api/methods/nrb-2008"), 401, "anonymous method")


@t.test
def web_and_headers():
    anon = Client(srv)
    r = anon.get("/")
    t.status(r, 200, "the web UI")
    t.eq(r.header("Content-Type"), "text/html; charset=utf-8", "HTML")
    with open(os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
            os.path.abspath(__file__)))), "web", "index.html"), "rb") as f:
        index = f.read()
    t.eq(r.body, index, "/ serves web/index.html")
    t.eq(anon.get("/index.html").body, index, "/index.html too")
    t.check("default-src 'self'" in (r.header("Content-Security-Policy") or ""),
            "the UI's CSP")
    t.eq(r.header("X-Frame-Options"), "DENY", "no framing")
    r = anon.get("/api/openapi.json")
    t.status(r, 200, "the OpenAPI document without a session")
    t.eq(r.header("Content-Type"), "application/json", "as JSON")
    for path in ("/api/nothing", "/nothing.js", "/api/assessments/1/nothing"):
        t.status(anon.get(path), 404, "GET %s" % path)
    for method, path in (("DELETE", "/api/assessments"), ("PUT", "/api/session"),
                         ("POST", "/api/users/victim/disabled"), ("GET", E("view", "/status")),
                         ("PATCH", "/api/assessments"), ("POST", "/api/openapi.json")):
        r = clients["admin"].request(method, path, {})
        t.status(r, 405, "%s %s" % (method, path))
    r = clients["admin"].get(E("view", "/results"), headers={"Origin": "http://evil.example"})
    t.check(not [h for h, _ in r.headers if h.lower().startswith("access-control-")],
            "no CORS headers for another origin")
    for name, value in (("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"),
                        ("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer")):
        t.eq(r.header(name), value, "results: %s" % name)


@t.test
def tls():
    """--tls-cert and --tls-key: HTTPS, and the session cookie is Secure."""
    if not shutil.which("openssl"):
        t.note("no openssl command to make a certificate: the TLS test is skipped")
        return
    cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                    "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    rc, _, err = run_cli("serve", "--db", os.path.join(tmp, "tls.db"), "--listen",
                         "127.0.0.1:0", "--tls-cert", cert, check=False, timeout=30)
    t.eq(rc, 1, "--tls-cert without --tls-key fails: %s" % err.strip())
    secure = Server(tls=(cert, key), name="natrisk-tls-")
    try:
        secure.add_user("viewer", "viewer", "public")
        secure.start()
        context = ssl.create_default_context(cafile=cert)
        c = Client(secure, ssl_context=context)
        r = c.login("viewer")
        t.status(r, 200, "sign in over HTTPS (the certificate verified)")
        parts = [p.strip().lower() for p in (r.header("Set-Cookie") or "").split(";")]
        t.check("secure" in parts and "httponly" in parts, "the cookie is Secure and HttpOnly "
                "under TLS: %r" % r.header("Set-Cookie"))
        t.status(c.get("/api/session"), 200, "the session works over HTTPS")
        r = c.delete("/api/session")
        t.check("secure" in (r.header("Set-Cookie") or "").lower(),
                "the cleared cookie is Secure too")
        plain, got = raw_request(secure.port, b"GET /api/openapi.json HTTP/1.1\r\n"
                                 b"Host: x\r\n\r\n", timeout=10)
        t.check(plain is None or plain.status >= 400,
                "plain HTTP to the TLS port gets no answer: %r" % (got[:60],))
    finally:
        for problem in secure.stop():
            t.fail("the TLS server: " + problem)
        secure.cleanup()


# ------------------------------------------------------------ rate limiting (last)

@t.test
def rate_limit_per_user():
    name = "ratelim"
    for k in range(5):
        r = Client(srv, source="127.0.0.31").login(name, "wrong-%d" % k)
        t.status(r, 401, "failure %d of %s" % (k + 1, name))
    r = Client(srv, source="127.0.0.32").login(name)
    t.status(r, 429, "after five failures the user name is throttled, from any address")
    t.check(not r.header_all("Set-Cookie"), "no session while throttled")
    t.status(Client(srv, source="127.0.0.33").login("viewer-p"), 200,
             "other users sign in meanwhile")


@t.test
def rate_limit_per_address():
    for k in range(5):
        r = Client(srv, source="127.0.0.41").login("ghost-%d" % k, "wrong-password")
        t.status(r, 401, "failure %d from one address" % (k + 1))
    r = Client(srv, source="127.0.0.41").login("ratelim2")
    t.status(r, 429, "after five failures the address is throttled, whatever the user")
    r = Client(srv, source="127.0.0.42").login("ratelim2")
    t.status(r, 200, "the same user signs in from another address")
    # four failures are free: the fifth attempt is still checked
    for k in range(4):
        Client(srv, source="127.0.0.43").login("viewer-r", "wrong-%d" % k)
    t.status(Client(srv, source="127.0.0.43").login("viewer-r"), 200,
             "four failures do not throttle")


def fnv1a_slot(text, slots):
    """The slot of the server's throttle table that TEXT falls in (FNV-1a,
    64 bits): an attacker reads the source, so may the test."""
    h = 1469598103934665603
    for b in text.encode():
        h = ((h ^ b) * 1099511628211) % (1 << 64)
    return h % slots


def colliding_name(key, avoid=()):
    """A user name whose throttle key shares KEY's slot."""
    want = fnv1a_slot(key, 4096)
    for k in range(10 ** 6):
        name = "c%d" % k
        if fnv1a_slot("user:" + name, 4096) == want and name not in avoid:
            return name
    raise RuntimeError("no colliding name")


@t.test
def rate_limit_not_reset_by_others():
    """Failures for other names (or from other addresses) must not wipe a
    user name's or an address's count: the contract counts per name and
    per address, whatever else happens meanwhile."""
    victim = "ratelim3"
    srv.add_user(victim, "viewer", "public")
    other = colliding_name("user:" + victim)
    for k in range(6):
        Client(srv, source="127.0.0.%d" % (60 + 2 * k)).login(victim, "wrong-%d" % k)
        Client(srv, source="127.0.0.%d" % (61 + 2 * k)).login(other, "wrong-%d" % k)
    r = Client(srv, source="127.0.0.80").login(victim)
    t.status(r, 429, "six failures for one name, interleaved with another name's: throttled")
    address = "127.0.0.90"
    sweeper = colliding_name("addr:" + address)
    for k in range(6):
        Client(srv, source=address).login("ghost-x%d" % k, "wrong-password")
        Client(srv, source=address).login(sweeper, "wrong-password")
    r = Client(srv, source=address).login("viewer-p")
    t.status(r, 429, "twelve failures from one address under other names: throttled")


if __name__ == "__main__":
    t.run(setup, teardown)
