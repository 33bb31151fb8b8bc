#!/usr/bin/env python3
"""test_openapi.py - web/openapi.json against the router and the server.

- The document is valid JSON, OpenAPI 3.0.3, structurally sane: every
  $ref resolves, every path parameter is declared, operation ids are
  unique, the security schemes are the session cookie and the CSRF header.
- Its operations are exactly the routes of src/server/router.c (parsed
  from the routes[] initialiser), and each documents the statuses that its
  access rule and body imply (401, 403, 404, 400, 413 ...).
- GET /api/openapi.json serves the file, byte for byte.
- Live answers of every operation (successes and errors) have a status the
  document lists for it and a body that its schema accepts.
Run: python3 tests/server/test_openapi.py
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, ROOT, Client, Server, Suite, router_routes  # noqa: E402

t = Suite("test_openapi")
PATH = os.path.join(ROOT, "web", "openapi.json")
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
srv = Server()
doc = {}
raw = b""


def setup():
    global raw
    with open(PATH, "rb") as f:
        raw = f.read()
    doc.update(json.loads(raw))


def teardown():
    for problem in srv.stop():
        t.fail(problem)
    srv.cleanup()


def resolve(node):
    seen = 0
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError("external $ref " + ref)
        node = doc
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        seen += 1
        if seen > 50:
            raise ValueError("$ref loop at " + ref)
    return node


def walk(node, where="#"):
    if isinstance(node, dict):
        for k, v in node.items():
            yield where, k, v
            yield from walk(v, where + "/" + k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, "%s/%d" % (where, i))


def operations():
    for path, item in doc.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method], item


@t.test
def structure():
    t.eq(doc.get("openapi"), "3.0.3", "OpenAPI 3.0.3")
    info = doc.get("info", {})
    t.check(isinstance(info.get("title"), str) and isinstance(info.get("version"), str),
            "info has a title and a version")
    t.check(isinstance(doc.get("paths"), dict) and doc["paths"], "paths")
    # every $ref resolves
    refs = 0
    for where, key, value in walk(doc):
        if key == "$ref":
            refs += 1
            try:
                resolve({"$ref": value})
                ok = True
            except (KeyError, TypeError, ValueError):
                ok = False
            t.check(ok, "%s: $ref %s resolves" % (where, value))
    t.check(refs > 20, "the document uses its components (%d $refs)" % refs)
    # unused components are a sign of a mistake
    text = raw.decode()
    for kind in ("schemas", "responses", "parameters"):
        for name in doc.get("components", {}).get(kind, {}):
            t.check('"#/components/%s/%s"' % (kind, name) in text,
                    "component %s/%s is used" % (kind, name))
    ids = [op.get("operationId") for _, _, op, _ in operations()]
    t.check(all(isinstance(i, str) and i for i in ids), "every operation has an operationId")
    t.eq(len(ids), len(set(ids)), "operationIds are unique")
    schemes = doc.get("components", {}).get("securitySchemes", {})
    t.eq(schemes.get("cookieAuth", {}).get("type"), "apiKey", "cookieAuth is an apiKey")
    t.eq((schemes.get("cookieAuth", {}).get("in"), schemes.get("cookieAuth", {}).get("name")),
         ("cookie", "natrisk_session"), "cookieAuth is the natrisk_session cookie")
    csrf = [s for s in schemes.values() if s.get("in") == "header"
            and s.get("name") == "X-CSRF-Token"]
    t.eq(len(csrf), 1, "a security scheme for the X-CSRF-Token header")
    for path, method, op, item in operations():
        where = "%s %s" % (method.upper(), path)
        t.check(op.get("summary"), where + ": a summary")
        responses = op.get("responses", {})
        t.check(responses, where + ": responses")
        for code, r in responses.items():
            t.check(re.fullmatch(r"[1-5]\d\d|default", code), "%s: status %s" % (where, code))
            t.check(isinstance(resolve(r).get("description"), str),
                    "%s %s: a description" % (where, code))
        for req in op.get("security", []):
            for name in req:
                t.check(name in schemes, "%s: security scheme %s is defined" % (where, name))
        # path parameters: declared, required, and only those in the path
        params = [resolve(p) for p in item.get("parameters", []) + op.get("parameters", [])]
        in_path = {p["name"] for p in params if p.get("in") == "path"}
        t.eq(in_path, set(re.findall(r"\{(\w+)\}", path)), where + ": path parameters")
        for p in params:
            t.check(p.get("in") in ("path", "query", "header", "cookie") and "schema" in p,
                    "%s: parameter %s has a place and a schema" % (where, p.get("name")))
            if p.get("in") == "path":
                t.eq(p.get("required"), True, "%s: path parameter %s is required"
                     % (where, p.get("name")))
        body = op.get("requestBody")
        if body:
            body = resolve(body)
            t.check(body.get("content"), where + ": request body content")
        for code, r in responses.items():
            for ctype, media in resolve(r).get("content", {}).items():
                t.check("schema" in media, "%s %s %s: a schema" % (where, code, ctype))
    # schemas: required properties exist
    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        props = schema.get("properties", {})
        for req in schema.get("required", []):
            t.check(req in props, "schema %s: required %s is a property" % (name, req))


ROLE_NEEDS = {"ACCESS_CREATE_EDITION", "ACCESS_MANAGE_EDITION", "ACCESS_MANAGE_SCENARIO",
              "ACCESS_READ_SCORES", "ACCESS_SCORE", "ACCESS_SEE_SPREAD", "ACCESS_MANAGE_USERS",
              "ACCESS_MANAGE_PLAN_ITEM", "ACCESS_READ_PLAN_LEVELS", "ACCESS_PLAN_EXPERT"}


@t.test
def routes_match():
    routes = router_routes()
    t.check(len(routes) >= 20, "routes parsed from router.c: %d" % len(routes))
    documented = {(m.upper(), p) for p, m, _, _ in operations()}
    in_router = {(m, p) for m, p, _ in routes}
    for route in sorted(in_router - documented):
        t.fail("route %s %s is not in web/openapi.json" % route)
    for op in sorted(documented - in_router):
        t.fail("web/openapi.json documents %s %s, which is no route" % op)
    t.eq(len(documented & in_router), len(in_router), "every route documented")
    t.eq(len(documented), len(in_router), "and nothing else")
    ops = {(m.upper(), p): op for p, m, op, _ in operations()}
    schemes = doc.get("components", {}).get("securitySchemes", {})
    csrf_scheme = [k for k, s in schemes.items() if s.get("name") == "X-CSRF-Token"]
    for method, pattern, need in routes:
        op = ops.get((method, pattern))
        if op is None:
            continue
        where = "%s %s" % (method, pattern)
        codes = set(op.get("responses", {}))
        security = op.get("security")
        writes = method not in ("GET", "HEAD")
        if need == "ACCESS_ANYONE":
            t.eq(security, [], where + ": no security for a public route")
        else:
            t.check(security and all("cookieAuth" in s for s in security),
                    where + ": needs the session cookie")
            t.check("401" in codes, where + ": documents 401")
            if writes:
                t.check(security and all(any(c in s for c in csrf_scheme) for s in security),
                        where + ": needs the CSRF header")
                t.check("403" in codes, where + ": documents 403 (CSRF)")
        if need in ROLE_NEEDS:
            t.check("403" in codes, where + ": documents 403 (role)")
        if "{id}" in pattern or "{scenario}" in pattern or "{item}" in pattern:
            t.check("404" in codes, where + ": documents 404")
        if op.get("requestBody"):
            t.check("413" in codes, where + ": documents 413")
            content = resolve(op["requestBody"]).get("content", {})
            if "application/json" in content:
                t.check("400" in codes, where + ": documents 400 for a bad JSON body")
            if "application/yaml" in content:
                t.check("415" in codes and "422" in codes, where + ": documents 415 and 422")
        elif writes and method != "DELETE":
            t.fail(where + ": a write without a request body")
        success = [c for c in codes if c.startswith("2")]
        t.eq(len(success), 1, where + ": one success status")


@t.test
def served():
    srv.add_user("admin", "admin", "confidential")
    srv.start()
    r = Client(srv).get("/api/openapi.json")
    t.status(r, 200, "GET /api/openapi.json")
    t.eq(r.header("Content-Type"), "application/json", "as JSON")
    t.check(r.body == raw, "the server serves web/openapi.json byte for byte (rebuild after "
                           "changing it): %d bytes served, %d in the file"
            % (len(r.body), len(raw)))


# ------------------------------------------------------------ live answers

class Invalid(Exception):
    pass


def validate(value, schema, where="$"):
    schema = resolve(schema)
    if value is None:
        if schema.get("nullable"):
            return
        if "type" in schema or "oneOf" in schema or "properties" in schema:
            raise Invalid("%s: null" % where)
    if "allOf" in schema:
        for s in schema["allOf"]:
            validate(value, s, where)
    if "oneOf" in schema:
        ok = 0
        errors = []
        for s in schema["oneOf"]:
            try:
                validate(value, s, where)
                ok += 1
            except Invalid as e:
                errors.append(str(e))
        if ok != 1:
            raise Invalid("%s: %d of oneOf match (%s)" % (where, ok, "; ".join(errors)[:300]))
    kind = schema.get("type")
    checks = {"object": lambda v: isinstance(v, dict),
              "array": lambda v: isinstance(v, list),
              "string": lambda v: isinstance(v, str),
              "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
              "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
              "boolean": lambda v: isinstance(v, bool)}
    if kind and not checks[kind](value):
        raise Invalid("%s: %r is not %s" % (where, value, kind))
    if "enum" in schema and value not in schema["enum"]:
        raise Invalid("%s: %r not in %r" % (where, value, schema["enum"]))
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            raise Invalid("%s: %r does not match %s" % (where, value, schema["pattern"]))
        if len(value) < schema.get("minLength", 0):
            raise Invalid("%s: too short" % where)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            raise Invalid("%s: %r below %r" % (where, value, schema["minimum"]))
        if "maximum" in schema and value > schema["maximum"]:
            raise Invalid("%s: %r above %r" % (where, value, schema["maximum"]))
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or \
                len(value) > schema.get("maxItems", len(value)):
            raise Invalid("%s: %d items" % (where, len(value)))
        if "items" in schema:
            for i, v in enumerate(value):
                validate(v, schema["items"], "%s[%d]" % (where, i))
    if isinstance(value, dict) and (kind == "object" or "properties" in schema):
        props = schema.get("properties", {})
        for req in schema.get("required", []):
            if req not in value:
                raise Invalid("%s: no %s" % (where, req))
        extra = schema.get("additionalProperties", True)
        for k, v in value.items():
            if k in props:
                validate(v, props[k], "%s.%s" % (where, k))
            elif extra is False:
                raise Invalid("%s: unexpected key %r" % (where, k))
            elif isinstance(extra, dict):
                validate(v, extra, "%s.%s" % (where, k))


def operation_for(method, path):
    bare = path.split("?")[0]
    for template, item in doc.get("paths", {}).items():
        rx = "^" + re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(rx, bare) and method.lower() in item:
            return template, item[method.lower()]
    return None, None


GLOBAL = {"405", "500"}       # documented once, in info.description
checked = [0]


def conforms(r, method, path):
    template, op = operation_for(method, path)
    where = "%s %s -> %d" % (method, path, r.status)
    if not t.check(op is not None, "%s: a documented operation" % where):
        return
    responses = op.get("responses", {})
    code = str(r.status)
    if code in GLOBAL and code not in responses:
        return
    if not t.check(code in responses or "default" in responses,
                   "%s: status %s is documented for %s %s (documented: %s)"
                   % (where, code, method, template, ", ".join(sorted(responses)))):
        return
    spec = resolve(responses.get(code, responses.get("default")))
    content = spec.get("content", {})
    ctype = (r.header("Content-Type") or "").split(";")[0].strip()
    if not t.check(ctype in content, "%s: content type %s is documented (%s)"
                   % (where, ctype, ", ".join(content))):
        return
    if ctype == "application/json":
        checked[0] += 1
        try:
            validate(r.json(), content[ctype]["schema"])
            ok, why = True, ""
        except (Invalid, ValueError) as e:
            ok, why = False, str(e)
        t.check(ok, "%s: the body fits the schema: %s" % (where, why))


PLAN = """natrisk: 1
plan: Live plan
assessment: classified.yaml
organisations:
  - { id: board, title: Board }
capabilities:
  - { id: watch, title: Watch, phase: preparation, scenarios: [pub-flood],
      levels: [{ analyst: ana, current: 1, target: 3 }] }
measures:
  - { id: works, title: Works, capabilities: [watch], owners: [board] }
advice:
  - { id: advise, title: Advise, owners: [board], measures: [works] }
"""


@t.test
def live_answers_fit_the_document():
    for name, role, clearance in (("chair", "chair", "confidential"),
                                  ("ana", "analyst", "confidential"),
                                  ("viewer", "viewer", "public")):
        srv.add_user(name, role, clearance)
    e = srv.import_file(CLASSIFIED)
    admin, chair, ana, viewer = (srv.client(n) for n in ("admin", "chair", "ana", "viewer"))
    anon = Client(srv)
    with open(CLASSIFIED, encoding="utf-8") as f:
        fixture = f.read()
    E = "/api/assessments/%d" % e
    S = E + "/scenarios/pub-flood"
    P = E + "/plan"
    scenario = {"id": "live-one", "title": "Live", "kind": "hazard", "likelihood": "C",
                "impact": {"5.1": {"ev": "C", "ll": "B", "ul": "D", "why": "w"}}}
    calls = [
        (anon, "POST", "/api/session", {"username": "admin", "password": "wrong-password"}),
        (anon, "POST", "/api/session", {"username": "admin"}),
        (anon, "POST", "/api/session", {"username": "viewer",
                                        "password": srv.passwords["viewer"]}),
        (admin, "GET", "/api/session", None),
        (anon, "GET", "/api/session", None),
        (anon, "GET", "/api/openapi.json", None),
        (viewer, "GET", "/api/assessments", None),
        (chair, "POST", "/api/assessments", ("yaml", fixture)),
        (chair, "POST", "/api/assessments", ("yaml", "natrisk: 1\ntitle: x\n")),
        (chair, "POST", "/api/assessments", ("text/plain", fixture)),
        (viewer, "POST", "/api/assessments", ("yaml", fixture)),
        (viewer, "GET", E, None),
        (viewer, "GET", "/api/assessments/99999", None),
        (viewer, "GET", E + "/export", None),
        (viewer, "GET", E + "/results", None),
        (admin, "GET", E + "/results?weights=physical&lang=nl", None),
        (admin, "GET", E + "/results?weights=nope", None),
        (viewer, "GET", E + "/diagram.svg", None),
        (viewer, "GET", E + "/report.html", None),
        (viewer, "GET", E + "/scenarios", None),
        (viewer, "GET", S, None),
        (viewer, "GET", E + "/scenarios/conf-kestrel", None),
        (admin, "GET", E + "/scenarios/conf-kestrel", None),
        (chair, "POST", E + "/scenarios", scenario),
        (chair, "POST", E + "/scenarios", scenario),
        (chair, "POST", E + "/scenarios", dict(scenario, id="live-two", kind="x")),
        (chair, "POST", E + "/scenarios", "[]"),
        (viewer, "POST", E + "/scenarios", scenario),
        (chair, "PATCH", S, {"title": "Renamed", "description": None}),
        (chair, "PATCH", S, {"impact": {}}),
        (chair, "PUT", S + "/assigned", {"analysts": ["ana"]}),
        (chair, "PUT", S + "/assigned", {"analysts": ["viewer"]}),
        (chair, "PUT", S + "/assigned", {"analysts": "ana"}),
        (chair, "POST", P, ("yaml", PLAN)),
        (chair, "POST", P, ("yaml", "natrisk: 1\nplan: x\n")),
        (chair, "POST", P, ("text/plain", PLAN)),
        (viewer, "GET", P, None),
        (viewer, "GET", E + "/plan.yaml", None),
        (chair, "GET", P + "/figures", None),
        (chair, "GET", P + "/spread", None),
        (viewer, "GET", P + "/spread", None),
        (viewer, "GET", P + "/capabilities", None),
        (chair, "POST", P + "/organisations", {"title": "Live organisation"}),
        (chair, "POST", P + "/organisations", {"id": "x", "title": "Live"}),
        (chair, "POST", P + "/organisations", "[]"),
        (viewer, "GET", P + "/capabilities/watch", None),
        (viewer, "GET", P + "/capabilities/nope", None),
        (chair, "PUT", P + "/organisations/board", {"title": "The board"}),
        (chair, "PUT", P + "/capabilities/watch/experts", {"analysts": ["ana"]}),
        (chair, "PUT", P + "/capabilities/watch/agreed", {"current": 1, "target": 3}),
        (chair, "PUT", P + "/advice/advise/decision", {"status": "adopted"}),
        (chair, "PUT", P + "/advice/advise/decision", {"status": "maybe"}),
        (viewer, "DELETE", P + "/measures/works", None),
        (chair, "DELETE", P + "/organisations/board", None),
        (ana, "PUT", P + "/capabilities/watch/levels", {"current": 1, "target": 2}),
        (ana, "PUT", S + "/scores/5.1", '"C"'),
        (chair, "PUT", E + "/status", {"status": "scoring"}),
        (ana, "PUT", P + "/capabilities/watch/levels", {"current": 1, "target": 2}),
        (ana, "PUT", P + "/capabilities/watch/levels", {"current": 9, "target": 2}),
        (ana, "GET", P + "/capabilities/watch/levels", None),
        (chair, "DELETE", P + "/measures/works", None),
        (chair, "PUT", E + "/status", {"status": "nope"}),
        (ana, "PUT", S + "/scores/5.1", '"C"'),
        (ana, "PUT", S + "/scores/5.1", {"ev": "D", "ll": "C", "ul": "E", "why": "w"}),
        (ana, "PUT", S + "/scores/likelihood", {"probability": 0.01}),
        (ana, "PUT", S + "/scores/2.1", {"value": 30}),
        (ana, "PUT", S + "/scores/5.2", {"ev": "C", "ll": "D"}),
        (ana, "PUT", S + "/scores/9.9", '"C"'),
        (viewer, "PUT", S + "/scores/5.1", '"C"'),
        (ana, "PUT", S + "/scores", {"5.1": "D", "likelihood": {"probability": 0.02}}),
        (ana, "PUT", S + "/scores", {"5.1": "Q", "9.9": "C"}),
        (ana, "PUT", S + "/scores", "[]"),
        (ana, "GET", S + "/scores", None),
        (chair, "GET", E + "/scoring", None),
        (viewer, "GET", E + "/scoring", None),
        (chair, "PUT", S + "/consolidated", {"5.1": "C"}),
        (chair, "GET", S + "/scores", None),
        (viewer, "GET", S + "/scores", None),
        (chair, "GET", E + "/spread", None),
        (viewer, "GET", E + "/spread", None),
        (chair, "PUT", S + "/consolidated/5.1", '"C"'),
        (chair, "PUT", E + "/status", {"status": "consolidation"}),
        (chair, "PUT", S + "/consolidated/5.1", {"ev": "C", "ll": "B", "ul": "D"}),
        (chair, "PUT", S + "/consolidated/likelihood", {"probability": 0.01}),
        (chair, "PUT", S + "/consolidated/2.1", "null"),
        (chair, "PUT", S + "/consolidated", {"5.2": "B", "2.2": None,
                                             "likelihood": {"ev": "C", "why": "w"}}),
        (chair, "PUT", S + "/consolidated", {"likelihood": None}),
        (chair, "PUT", S + "/consolidated/likelihood", "null"),
        (viewer, "GET", S, None),
        (viewer, "GET", "/api/methods/nrb-2008", None),
        (viewer, "GET", "/api/methods/gra-2019", None),
        (viewer, "GET", "/api/methods/nope", None),
        (chair, "GET", "/api/analysts", None),
        (viewer, "GET", "/api/analysts", None),
        (chair, "GET", "/api/chairs", None),
        (viewer, "GET", "/api/chairs", None),
        (admin, "GET", "/api/users", None),
        (viewer, "GET", "/api/users", None),
        (admin, "POST", "/api/users", {"name": "made", "role": "viewer",
                                       "password": "long-password"}),
        (admin, "POST", "/api/users", {"name": "made", "role": "viewer",
                                       "password": "long-password"}),
        (admin, "POST", "/api/users", {"name": "made2", "role": "king",
                                       "password": "long-password"}),
        (admin, "POST", "/api/users", {"name": "made2", "role": "viewer",
                                       "password": "short"}),
        (admin, "PUT", "/api/users/made/disabled", {"disabled": True}),
        (admin, "PUT", "/api/users/made/disabled", {"disabled": False}),
        (admin, "PUT", "/api/users/nobody/disabled", {"disabled": True}),
        (admin, "PUT", "/api/users/made/password", {"password": "another-long-one"}),
        (admin, "PUT", "/api/users/made/password", {"password": "short"}),
        (admin, "PUT", "/api/users/made/password", {"secret": "another-long-one"}),
        (admin, "PUT", "/api/users/nobody/password", {"password": "another-long-one"}),
        (viewer, "PUT", "/api/users/made/password", {"password": "another-long-one"}),
        (viewer, "POST", "/api/users/me/password", {"current": "not-the-password",
                                                    "password": "viewer-new-pass"}),
        (viewer, "POST", "/api/users/me/password", {"current": srv.passwords["viewer"]}),
        (viewer, "POST", "/api/users/me/password", {"current": srv.passwords["viewer"],
                                                    "password": "short"}),
        (viewer, "POST", "/api/users/me/password", {"current": srv.passwords["viewer"],
                                                    "password": "viewer-new-pass"}),
        (anon, "POST", "/api/users/me/password", {"current": "x", "password": "y"}),
        (chair, "PUT", E + "/status", {"status": "published"}),
        (chair, "PUT", E + "/status", {"status": "draft"}),
        (chair, "PATCH", S, {"title": "Late"}),
        (admin, "DELETE", "/api/session", None),
        (admin, "DELETE", "/api/session", None),
    ]
    # the register: a published edition whose measure has an action
    e2 = srv.import_file(CLASSIFIED)
    R = "/api/assessments/%d/register" % e2
    srv.add_user("owner", "owner", "public")
    admin.put("/api/users/owner/organisations", {"organisations": ["board"]})
    owner = srv.client("owner")
    for r in (chair.request("POST", "/api/assessments/%d/plan" % e2,
                            PLAN.replace("owners: [board] }", "owners: [board],\n"
                                         "      actions: [{ id: act, what: Act, due: 2031 }] }", 1),
                            content_type="application/yaml"),
              chair.put("/api/assessments/%d/plan/advice/advise/decision" % e2,
                        {"status": "adopted"}),
              chair.put("/api/assessments/%d/status" % e2, {"status": "published"})):
        t.check(r.status == 200, "the register's edition: %r" % r)
    calls += [
        (chair, "GET", R, None),
        (chair, "GET", R + "?on=2031-06-01&since=2030-06-01&owner=board&status=planned", None),
        (chair, "GET", R + "?status=nope", None),
        (chair, "GET", R + "?on=2031-6-1", None),
        (viewer, "GET", R, None),
        (owner, "GET", R, None),
        (chair, "GET", R + "/letter.html?on=2031-06-01", None),
        (chair, "GET", R + "/letter.odt", None),
        (viewer, "GET", R + "/letter.html", None),
        (owner, "GET", R + "/works/act", None),
        (owner, "GET", R + "/works/nope", None),
        (owner, "POST", R + "/works/act", {"status": "on-track", "note": "n"}),
        (owner, "POST", R + "/works/act", {"status": "nope"}),
        (owner, "POST", R + "/works/act", "[]"),
        (viewer, "POST", R + "/works/act", {"status": "late"}),
        (chair, "POST", E + "/register/works/act", {"status": "late"}),
        (owner, "GET", "/api/reminders", None),
        (admin, "GET", "/api/reminders?on=2031-12-01", None),
        (owner, "GET", "/api/reminders?on=2031-12-01", None),
        (admin, "GET", "/api/reminders?on=x", None),
        (viewer, "GET", "/api/reminders", None),
        (anon, "GET", "/api/reminders", None),
        (anon, "GET", "/api/reminders.atom?token=nope", None),
        (owner, "POST", "/api/users/me/feed-token", None),
        (owner, "POST", "/api/users/me/feed-token", {"x": 1}),
        (viewer, "POST", "/api/users/me/feed-token", None),
        (admin, "PUT", "/api/users/owner/organisations", {"organisations": ["board", "x"]}),
        (admin, "PUT", "/api/users/owner/organisations", {"organisations": ["Board"]}),
        (admin, "PUT", "/api/users/owner/organisations", {"organisations": "board"}),
        (admin, "PUT", "/api/users/nobody/organisations", {"organisations": []}),
        (viewer, "PUT", "/api/users/owner/organisations", {"organisations": []}),
    ]
    for client, method, path, body in calls:
        ctype = None
        if isinstance(body, tuple):
            ctype, body = body
            ctype = "application/yaml" if ctype == "yaml" else ctype
        r = client.request(method, path, body, content_type=ctype)
        conforms(r, method, path)
    # 413 on any operation with a body
    r, _ = chair.raw("POST", E + "/scenarios", b" " * (8 * 1024 * 1024 + 1))
    t.status(r, 413, "a body over 8 MiB")
    conforms(r, "POST", E + "/scenarios")
    t.check(checked[0] >= 50, "%d JSON bodies checked against their schemas" % checked[0])


@t.test
def signals_fit_the_document():
    """The signal routes' answers, successes and refusals."""
    srv.add_user("rep", "reporter", "confidential")
    srv.add_user("owner-c", "owner", "confidential")
    e = srv.import_file(CLASSIFIED)
    admin, rep, ana, viewer = (srv.client(n) for n in ("admin", "rep", "ana", "owner-c"))
    r = admin.put("/api/assessments/%d/status" % e, {"status": "published"})
    t.status(r, 200, "publish an edition for the reporter")
    signal = {"text": "Probing of the grid", "source": "Institute", "observed": "2025-01-05",
              "confidence": "low", "classification": "restricted", "edition": e,
              "scenarios": ["pub-flood"], "themes": ["water"]}
    made = rep.post("/api/signals", signal)
    conforms(made, "POST", "/api/signals")
    k = "/api/signals/" + made.json()["id"]
    calls = [
        (rep, "POST", "/api/signals", dict(signal, confidence="sure")),
        (rep, "POST", "/api/signals", "[]"),
        (viewer, "POST", "/api/signals", signal),
        (rep, "GET", "/api/signals", None), (ana, "GET", "/api/signals", None),
        (viewer, "GET", "/api/signals", None),
        (rep, "GET", k, None), (ana, "GET", k, None), (ana, "GET", k + "x", None),
        (rep, "PUT", k, dict(signal, text="Probing, again")),
        (ana, "PUT", k, signal), (rep, "PUT", k, {"text": ""}),
        (ana, "POST", k + "/triage", {"decision": "watch", "note": "keep watching"}),
        (ana, "POST", k + "/triage", {"decision": "propose", "proposal": {
            "title": "Grid probing", "scenario": "pub-flood"}}),
        (ana, "POST", k + "/triage", {"decision": "maybe"}),
        (rep, "POST", k + "/triage", {"decision": "watch"}),
        (rep, "PUT", k, signal), (ana, "GET", k, None), (rep, "GET", k, None),
    ]
    for client, method, path, body in calls:
        conforms(client.request(method, path, body), method, path)


if __name__ == "__main__":
    t.run(setup, teardown)
