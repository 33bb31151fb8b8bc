#!/usr/bin/env python3
"""test_malformed.py - what `natrisk serve` does with bad requests.

Bodies that are not JSON, JSON of the wrong shape, unknown keys, bodies
over 8 MiB (declared or chunked), bad UTF-8 in JSON, YAML and URLs,
overlong path segments, path traversal, unknown methods, slow clients
(on a server with --timeout 2; and one with a single busy worker), many
connections at once and writes that race. Every request the server routes gets a 4xx with a JSON body
{"error": ...}; the server keeps answering others meanwhile, and at the
end it still answers and stops cleanly with exit status 0 (under ASan and
UBSan: no report, no leak).
Run: python3 tests/server/test_malformed.py
"""
import os
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import (CLASSIFIED, SLOW, Client, Server, Suite,  # noqa: E402
                       raw_request)

t = Suite("test_malformed")
TIMEOUT = 2                  # the slow clients' server's --timeout
srv = Server()
c = {}
E = None
MiB = 1024 * 1024


def setup():
    global E
    srv.add_user("admin", "admin", "confidential")
    srv.add_user("chair", "chair", "confidential")
    srv.add_user("ana", "analyst", "confidential")
    E = srv.import_file(CLASSIFIED)
    srv.start()
    for name in ("admin", "chair", "ana"):
        c[name] = srv.client(name)
    r = c["chair"].put(path("/scenarios/pub-flood/assigned"), {"analysts": ["ana"]})
    if r.status != 200:
        raise RuntimeError("assigning: %r" % r)


def teardown():
    t.current = "teardown"
    for problem in srv.stop():
        t.fail(problem)
    srv.cleanup()


def path(rest=""):
    return "/api/assessments/%d%s" % (E, rest)


def alive(what):
    r = c["admin"].get("/api/session")
    return t.status(r, 200, "the server still answers after %s" % what)


# ------------------------------------------------------------ JSON bodies

NOT_JSON = [b"not json", b"{", b"{\"a\":", b"}", b"'single'", b"{'a': 1}", b"\x00",
            b"[" * 100000 + b"]" * 100000,
            b'{"a":' * 5000 + b"1" + b"}" * 5000,
            b'{"status": 1e999999}', b'{"status": NaN}', b'{"status": "a\\u0000b"}',
            b'{"status": "draft"} trailing', b'{"status": "draft"}{"status": "draft"}',
            b'{"status": "draft", "status": "scoring"}',
            b'{"username": "\xff\xfe", "password": "x"}',
            b'{"title": "\xc0\xae\xc0\xae"}', b'{"title": "\xed\xa0\x80"}']
WRONG_SHAPE = [b"[]", b"42", b'"text"', b"null", b"true", b"{}", b'{"x": 1}',
               b'[{"status": "draft"}]', b'{"status": ["draft"]}', b'{"status": {"a": 1}}',
               b'{"status": 3}', b'{"status": null}', b'{"status": "draft", "extra": 1}',
               b'{"username": 1, "password": 2}', b'{"analysts": "ana"}',
               b'{"analysts": [[]]}', b'{"analysts": [{"name": "ana"}]}',
               b'{"disabled": 1}', b'{"disabled": "true"}', b'{"disabled": [true]}',
               b'{"name": "x", "role": ["admin"], "password": "long-enough"}',
               b'{"name": "x", "role": "admin", "clearance": 2, "password": "long-enough"}']
# routes whose body must be a JSON object of one shape: anything above is 400
OBJECT_ROUTES = [("POST", "/api/session", "anon"), ("PUT", "/status", "chair"),
                 ("PUT", "/scenarios/pub-flood/assigned", "chair"),
                 ("POST", "/api/users", "admin"), ("PUT", "/api/users/ana/disabled", "admin")]


def full(p):
    return p if p.startswith("/api/users") or p == "/api/session" else path(p)


@t.test
def json_not_json():
    for method, p, who in OBJECT_ROUTES + [("PATCH", "/scenarios/pub-flood", "chair"),
                                           ("POST", "/scenarios", "chair"),
                                           ("PUT", "/scenarios/pub-flood/scores/5.1", "ana"),
                                           ("PUT", "/scenarios/pub-flood/consolidated/5.1",
                                            "chair")]:
        client = c.get(who) or Client(srv)
        for body in NOT_JSON:
            r = client.request(method, full(p), body)
            t.status(r, 400, "%s %s with %r" % (method, p, body[:40]))
    alive("bodies that are not JSON")


@t.test
def json_wrong_shape():
    for method, p, who in OBJECT_ROUTES:
        client = c.get(who) or Client(srv, source="127.0.0.51")
        for body in WRONG_SHAPE:
            r = client.request(method, full(p), body)
            t.status(r, 400, "%s %s with %r" % (method, p, body[:60]))
    # PATCH and POST of a scenario: not an object is 400; an object of the
    # wrong fields or types is 422 with the loader's errors
    chair = c["chair"]
    for body in (b"[]", b"42", b'"text"', b"null", b"true", b'[{"title": "x"}]'):
        t.status(chair.patch(path("/scenarios/pub-flood"), body), 400,
                 "PATCH with %r" % body)
        t.status(chair.post(path("/scenarios"), body), 400, "POST scenario with %r" % body)
    for body in ({"unknown": 1}, {"title": {"a": 1}}, {"title": ["a"]}, {"new": "yes"},
                 {"sources": {"a": "b"}}, {"sources": [["a"]]}, {"kind": None, "x": 1},
                 {"classification": 3}, {"impact": {"5.1": "C"}}, {"likelihood": "C"}):
        r = chair.patch(path("/scenarios/pub-flood"), body)
        t.status(r, 422, "PATCH with %r" % (body,))
        t.check(isinstance(r.json().get("errors"), list), "PATCH %r: errors listed" % (body,))
    scenario = {"id": "shape", "title": "Shape", "kind": "hazard", "likelihood": "C",
                "impact": {}}
    for change in ({"id": {"a": 1}}, {"id": "Upper"}, {"id": ""}, {"title": ["a"]},
                   {"title": None}, {"kind": 1}, {"likelihood": []},
                   {"likelihood": {"ev": {"ev": "C"}}}, {"likelihood": {"ev": "C", "ll": []}},
                   {"likelihood": {"probability": "often"}}, {"likelihood": {"probability": 7}},
                   {"impact": []}, {"impact": "C"}, {"impact": {"5.1": {"value": "x"}}},
                   {"impact": {"5.1": {"value": 5}}}, {"impact": {"5.1": [1]}},
                   {"extra": True}, {"sources": "a"}, {"new": 1}):
        r = chair.post(path("/scenarios"), dict(scenario, **change))
        t.status(r, 422, "add a scenario with %r" % (change,))
    ana = c["ana"]
    chair.put(path("/status"), {"status": "scoring"})
    for body in (b"[]", b"{}", b"42", b"true", b'{"ev": []}', b'{"ev": {}}', b'{"value": "x"}',
                 b'{"probability": 0.1}', b'{"ev": "C", "ll": "C", "ul": "C", "x": 1}',
                 b'"C++"', b'"c"', b'" C"', b'"F"', b'{"ev": "C", "why": ["a"]}'):
        r = ana.put(path("/scenarios/pub-flood/scores/5.1"), body)
        t.status(r, 422, "an own score %r" % body)
    chair.put(path("/status"), {"status": "draft"})
    for body in (b"[]", b"{}", b'{"ev": null}', b'{"probability": -0.5}'):
        r = chair.put(path("/scenarios/pub-flood/consolidated/likelihood"), body)
        t.status(r, 422, "a consolidated likelihood %r" % body)
    alive("JSON of the wrong shapes")


@t.test
def unchanged_after_bad_requests():
    """None of the refused requests above changed the edition."""
    r = c["admin"].get(path("/scenarios/pub-flood"))
    t.eq(r.json().get("title"), "River flood in the delta", "the title")
    t.eq(r.json().get("assigned"), ["ana"], "the assignment")
    t.eq([s["id"] for s in c["admin"].get(path("/scenarios")).json()],
         ["pub-flood", "pub-outage", "res-grid", "conf-nightjar", "conf-kestrel"],
         "the scenarios")
    users = {u["name"]: u for u in c["admin"].get("/api/users").json()}
    t.eq(sorted(users), ["admin", "ana", "chair"], "no user was made")
    t.eq(users["ana"]["disabled"], False, "nobody was disabled")


# ------------------------------------------------------------ sizes

@t.test
def bodies_too_large():
    chair = c["chair"]
    for p, who in (("/api/session", None), (path("/scenarios"), "chair"),
                   ("/api/assessments", "chair"), (path("/status"), "chair")):
        client = c[who] if who else Client(srv)
        r, _ = client.raw("POST" if "status" not in p else "PUT", p, b"",
                          length=9 * MiB)
        t.status(r, 413, "Content-Length: 9 MiB declared (no body sent) on %s" % p)
        r, _ = client.raw("POST" if "status" not in p else "PUT", p, b" " * (9 * MiB))
        t.status(r, 413, "a 9 MiB body on %s" % p)
    r, _ = chair.raw("PUT", path("/status"), b" " * (8 * MiB + 1))
    t.status(r, 413, "8 MiB + 1 byte")
    r, _ = chair.raw("PUT", path("/status"), b'{"status": "draft"}' + b" " * (8 * MiB - 19))
    t.status(r, 200, "a JSON body of exactly 8 MiB is taken")
    r, _ = chair.raw("POST", "/api/assessments", b"#" * (9 * MiB),
                     content_type=b"application/yaml")
    t.status(r, 413, "a 9 MiB upload")
    for length in (b"99999999999999999999999", b"-1", b"18446744073709551615"):
        r, _ = raw_request(srv.port, b"POST /api/session HTTP/1.1\r\nHost: x\r\n"
                           b"Content-Length: " + length + b"\r\n\r\n{}")
        t.check(r is not None and 400 <= r.status < 500,
                "Content-Length: %s answers 4xx: %r" % (length.decode(), r))
    alive("bodies that are too large")


def chunked(client, method, p, pieces, content_type=b"application/json"):
    head = (method.encode() + b" " + p.encode() + b" HTTP/1.1\r\nHost: x\r\n" +
            client.session_headers(method) + b"Content-Type: " + content_type +
            b"\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
    body = b"".join(b"%x\r\n%s\r\n" % (len(p_), p_) for p_ in pieces) + b"0\r\n\r\n"
    return raw_request(srv.port, head + body)[0]


@t.test
def chunked_bodies():
    chair = c["chair"]
    r = chunked(chair, "PUT", path("/status"), [b'{"status"', b': "draft"}'])
    t.status(r, 200, "a small chunked body is taken")
    r = chunked(chair, "PUT", path("/status"), [b" " * MiB] * 9)
    t.status(r, 413, "a chunked body over 8 MiB")
    r = chunked(chair, "POST", "/api/assessments", [b"#" * (512 * 1024)] * 17,
                content_type=b"application/yaml")
    t.status(r, 413, "a chunked upload over 8 MiB")
    r = chunked(Client(srv), "POST", "/api/session", [b" " * MiB] * 9)
    t.status(r, 413, "a chunked sign-in over 8 MiB")
    # a chunk size that is not hexadecimal
    head = (b"PUT " + path("/status").encode() + b" HTTP/1.1\r\nHost: x\r\n" +
            chair.session_headers("PUT") + b"Transfer-Encoding: chunked\r\n\r\n")
    r, _ = raw_request(srv.port, head + b"zz\r\nabc\r\n0\r\n\r\n", timeout=3)
    t.check(r is None or 400 <= r.status < 500, "a bad chunk size: 4xx or closed: %r" % r)
    alive("chunked bodies")


# ------------------------------------------------------------ UTF-8, URLs

@t.test
def bad_utf8():
    chair = c["chair"]
    for body in (b"natrisk: 1\ntitle: \xff\xfe\nmethod: nrb-2008\nscenarios: []\n",
                 b"natrisk: 1\ntitle: ok\nmethod: nrb-2008\nscenarios:\n  - id: a\n"
                 b"    title: \xc3\x28\n    kind: hazard\n    likelihood: C\n    impact: {}\n",
                 b"natrisk: 1\ntitle: \xed\xa0\x80\n",
                 b"\xef\xbb\xbf\xff",
                 b"natrisk: 1\x00\ntitle: x\n"):
        r = chair.post("/api/assessments", body, content_type="application/yaml")
        t.status(r, 422, "YAML with bad bytes %r" % body[:30])
        t.check(isinstance(r.json().get("errors"), list) and r.json()["errors"],
                "the YAML error has a place")
    for p, body in ((path("/scenarios/pub-flood"), b'{"title": "\xff"}'),
                    (path("/scenarios"), b'{"id": "u", "title": "\xe2\x82", "kind": "hazard",'
                                         b' "likelihood": "C", "impact": {}}'),
                    ("/api/users", b'{"name": "\xff", "role": "viewer", "password": "xxxxxxxx"}')):
        r = c["admin"].request("PATCH" if p.endswith("pub-flood") else "POST", p, body)
        t.status(r, 400, "JSON with bad UTF-8 to %s" % p)
    admin = c["admin"]
    for p in (b"/api/assessments/%d/scenarios/%%ff%%fe" % E,
              b"/api/assessments/%d/scenarios/\xff\xfe" % E,
              b"/api/assessments/%d/scenarios/pub-flood\xc0\xae" % E,
              b"/api/methods/%C0%AE%C0%AE", b"/%ff%fe", b"/\xff", b"/api/%zz",
              b"/api/assessments/%d/scenarios/%%" % E,
              b"/api/assessments/%d/scenarios/PUB-FLOOD" % E,
              b"/api/users/%ff/disabled"):
        r, _ = admin.raw("GET" if b"disabled" not in p else "PUT", p,
                         b'{"disabled": true}' if b"disabled" in p else b"")
        t.status(r, 404, "URL %r" % p)
    r, _ = admin.raw("GET", path("/results?weights=%ff%fe"))
    t.status(r, 404, "a weight profile of bad UTF-8")
    r, _ = admin.raw("GET", path("/results?lang=%ff"))
    t.status(r, 200, "an unknown language falls back to English")
    r, _ = admin.raw(b"\xff\xfe", b"/api/session")
    t.status(r, 405, "a method of bad UTF-8 on a known path")
    alive("bad UTF-8")


@t.test
def long_error_messages():
    """An error message that echoes the request stays valid JSON when it
    is long (cut at a character, not inside one)."""
    chair = c["chair"]
    for k in range(488, 496):
        name = "a" * k + "\u00e9" * 4
        r = chair.put(path("/scenarios/pub-flood/assigned"), {"analysts": [name]})
        t.status(r, 422, "assign an unknown user of %d bytes" % (k + 8))
    for k in range(490, 498):
        r, _ = chair.raw("GET", path("/results?weights=" + "w" * k + "%c3%a9" * 4))
        t.status(r, 404, "an unknown weight profile of %d bytes" % (k + 8))
    alive("long error messages")


@t.test
def nul_in_urls():
    """An encoded NUL must not cut the path short: /api/users%00anything is
    not /api/users."""
    admin = c["admin"]
    for p in (b"/api/users%00", b"/api/users%00/../whatever", b"/api/session%00.json",
              b"/api/assessments/%d%%00/export" % E, b"/index.html%00.js"):
        r, _ = admin.raw("GET", p)
        t.status(r, (400, 404), "GET %r is no resource" % p)


@t.test
def overlong_segments():
    admin = c["admin"]
    for p, what in ((path("/scenarios/" + "a" * 65), "a scenario id of 65 characters"),
                    (path("/scenarios/" + "a" * 64), "a scenario id of 64 characters"),
                    (path("/scenarios/" + "a" * 5000), "a scenario id of 5000 characters"),
                    ("/api/assessments/" + "9" * 15, "an edition id of 15 digits"),
                    ("/api/assessments/" + "9" * 16, "an edition id of 16 digits"),
                    ("/api/assessments/" + "9" * 19, "an edition id of 19 digits"),
                    ("/api/assessments/" + "9" * 40, "an edition id of 40 digits"),
                    ("/api/assessments/-1", "a negative edition id"),
                    ("/api/assessments/+1", "a signed edition id"),
                    ("/api/assessments/0x1", "a hexadecimal edition id"),
                    (path("/scenarios/pub-flood/scores/" + "1" * 33), "a long criterion"),
                    ("/api/methods/" + "m" * 65, "a long method name"),
                    ("/api/users/" + "u" * 65 + "/disabled", "a long user name")):
        method = "PUT" if p.endswith("/disabled") else "GET"
        r = admin.request(method, p, {"disabled": True} if method == "PUT" else None)
        t.status(r, 404, what)
    r = admin.request("PUT", path("/scenarios/pub-flood/scores/" + "1" * 33), '"C"')
    t.status(r, (403, 404), "a score of a long criterion")
    # beyond the connection's memory: refused by the HTTP layer (4xx)
    for size in (70000, 300000):
        r, got = admin.raw("GET", "/api/assessments/" + "1" * size)
        t.check(r is not None and 400 <= r.status < 500,
                "a URL of %d bytes: 4xx (%r)" % (size, r))
        if r is not None and not r.is_json_error():
            t.note("a URL of %d bytes is refused %d by libmicrohttpd itself, with an "
                   "HTML body: %r" % (size, r.status, r.body[:80]))
    r, _ = admin.raw("GET", "/api/session", headers=b"X-Long: " + b"x" * 200000 + b"\r\n")
    t.check(r is not None and 400 <= r.status < 500, "a header of 200 KB: 4xx (%r)" % r)
    alive("overlong segments")


@t.test
def path_traversal():
    anon = Client(srv)
    for p in (b"/../../../../etc/passwd", b"/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
              b"/..%2f..%2f..%2fetc%2fpasswd", b"/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
              b"/index.html/../../../etc/passwd", b"/./index.html/..", b"/..",
              b"/%252e%252e/etc/passwd", b"/....//....//etc/passwd", b"/..\\..\\etc\\passwd",
              b"/%5c..%5c..%5cetc%5cpasswd", b"//etc/passwd", b"/etc/passwd",
              b"/api/../../etc/passwd", b"/api/%2e%2e/%2e%2e/etc/passwd",
              b"/.git/config", b"/Makefile", b"/web/index.html", b"/openapi.json",
              b"/src/server/router.c", b"/%2e/Makefile", b"/.%2e/Makefile",
              b"/api/methods/..%2f..%2fmethods%2fnrb-2008.yaml",
              b"/api/methods/%2fetc%2fpasswd", b"/api/methods/.."):
        r, got = anon.raw("GET", p)
        if p.startswith(b"/api/methods/"):
            # a name the route takes needs a session; others are no route
            t.status(r, (401, 404), "GET %r without a session" % p)
            r, got = c["admin"].raw("GET", p)
        t.status(r, 404, "GET %r" % p)
        t.check(b"root:" not in got and b"[core]" not in got and b"#include" not in got
                and b"CFLAGS" not in got, "GET %r shows no file of the system" % p)
    alive("path traversal")


@t.test
def methods():
    admin = c["admin"]
    for method, p, code in ((b"FOO", b"/api/assessments", 405), (b"TRACE", b"/api/session", 405),
                            (b"OPTIONS", b"/api/session", 405), (b"get", b"/api/session", 405),
                            (b"CONNECT", b"/api/session", 405),
                            (b"PROPFIND", path("").encode(), 405),
                            (b"DELETE", path("").encode(), 405),
                            (b"X" * 500, b"/api/users", 405),
                            (b"BREW", b"/", 404), (b"DELETE", b"/index.html", 404),
                            (b"POST", b"/", 404), (b"PUT", b"/nothing", 404)):
        r, _ = admin.raw(method, p, b"{}")
        t.status(r, code, "%s %s" % (method[:20].decode(), p.decode()))
        if r is not None and method == b"TRACE":
            t.check(admin.cookie.encode() not in r.body, "TRACE echoes nothing")
    r, _ = admin.raw("HEAD", "/api/session")
    t.check(r is not None and r.status == 200 and r.body == b"",
            "HEAD /api/session: GET without the body (%r)" % r)
    r, _ = admin.raw("HEAD", path("/status"))
    t.check(r is not None and r.status == 405, "HEAD of a route without GET: 405 (%r)" % r)
    r, _ = Client(srv).raw("HEAD", "/api/users")
    t.check(r is not None and r.status == 401 and r.body == b"",
            "HEAD without a session: 401 without a body (%r)" % r)
    for data in (b"hello\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
                 b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 300,
                 b"GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
                 b"\r\n" * 1000, b"\x00" * 10000):
        # refused, or closed, or left waiting for more (until --timeout)
        r, got = raw_request(srv.port, data, shutdown=True, timeout=3)
        t.check(r is None or 400 <= r.status < 600,
                "garbage %r: refused or closed (%r)" % (data[:20], r))
    alive("unknown methods and garbage")


@t.test
def headers():
    anon = Client(srv)
    for cookie in ("A" * 43, "A" * 42, "A" * 44, "%00" * 15, "\xff" * 43, "x" * 10000, ""):
        r, _ = anon.raw("GET", "/api/session",
                        headers=b"Cookie: natrisk_session=" + cookie.encode("latin-1") + b"\r\n")
        t.status(r, 401, "a made-up session cookie of %d characters" % len(cookie))
    chair = c["chair"]
    for token in (b"", b"x", chair.csrf.encode()[:-1], chair.csrf.encode() + b"x",
                  b"x" * 20000, chair.csrf.encode().upper()):
        r, _ = raw_request(srv.port, b"PUT " + path("/status").encode() +
                           b" HTTP/1.1\r\nHost: x\r\nCookie: natrisk_session=" +
                           chair.cookie.encode() + b"\r\nX-CSRF-Token: " + token +
                           b"\r\nContent-Length: 19\r\n\r\n" + b'{"status": "draft"}')
        t.status(r, 403, "a wrong CSRF token of %d bytes" % len(token))
    r, _ = raw_request(srv.port, b"POST /api/session HTTP/1.1\r\nHost: x\r\n"
                       b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                       b"0\r\n\r\n", timeout=5)
    t.check(r is not None and 400 <= r.status < 500,
            "Content-Length and Transfer-Encoding together: 4xx (%r)" % r)
    alive("odd headers")


# ------------------------------------------------------------ slow clients

def wait_closed(sock, limit):
    """Seconds until the server closes SOCK (None: still open at LIMIT)."""
    start = time.time()
    sock.settimeout(0.2)
    while time.time() - start < limit:
        try:
            data = sock.recv(65536)
            if not data:
                return time.time() - start
        except socket.timeout:
            continue
        except (ConnectionResetError, OSError):
            return time.time() - start
    return None


@t.test
def slow_clients():
    slow = Server(timeout=TIMEOUT, name="natrisk-slow-")
    try:
        slow.add_user("admin", "admin", "confidential")
        slow.start()
        slow_clients_on(slow)
    finally:
        for problem in slow.stop():
            t.fail("the --timeout %d server: %s" % (TIMEOUT, problem))
        slow.cleanup()


def slow_clients_on(slow):
    port = slow.port
    admin = slow.client("admin")
    stalled = []
    # half a request line, half the headers, a body short of its length
    partial = [b"GET /api/sess", b"GET /api/session HTTP/1.1\r\nHost: x\r\nCookie: natr",
               b"POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"user"]
    for data in partial * 10:
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(data)
        stalled.append(s)
    idle = socket.create_connection(("127.0.0.1", port))      # says nothing at all
    stalled.append(idle)
    started = time.time()
    # others are served meanwhile, quickly
    worst = 0.0
    served = 0
    while time.time() - started < TIMEOUT * 0.8:
        t0 = time.time()
        r = admin.get("/api/session")
        worst = max(worst, time.time() - t0)
        served += r.status == 200
    t.check(served >= 3, "others were served while %d clients stalled (%d answers)"
            % (len(stalled), served))
    t.check(worst < 1.0 * SLOW, "and quickly: the slowest answer took %.2f s" % worst)
    # the stalled ones are disconnected after the idle timeout
    limit = TIMEOUT + 4 * SLOW
    for k, s in enumerate(stalled):
        took = wait_closed(s, max(0.5, limit - (time.time() - started)))
        after = time.time() - started
        t.check(took is not None, "stalled client %d is disconnected within %.0f s"
                % (k, limit))
        if took is not None:
            t.check(after >= TIMEOUT * 0.5, "client %d not before the timeout (%.1f s)"
                    % (k, after))
        s.close()
    # a keep-alive connection left idle after an answer is closed too
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n")
    first = time.time()
    got = b""
    s.settimeout(5 * SLOW)
    while b"\r\n\r\n" not in got:
        got += s.recv(65536)
    t.check(got.startswith(b"HTTP/1.1 200"), "a keep-alive request is answered")
    took = wait_closed(s, TIMEOUT + 4 * SLOW)
    t.check(took is not None, "the idle keep-alive connection is closed after the timeout "
                              "(%s)" % ("%.1f s" % (time.time() - first) if took else "open"))
    s.close()
    t.status(admin.get("/api/session"), 200, "the server still answers after slow clients")


# ------------------------------------------------------------ many at once

def in_threads(n, work):
    results = [None] * n
    errors = []

    def run(k):
        try:
            results[k] = work(k)
        except Exception as e:          # noqa: BLE001 - reported below
            errors.append(repr(e))
    threads = [threading.Thread(target=run, args=(k,)) for k in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120 * SLOW)
    return results, errors


@t.test
def many_connections():
    admin = c["admin"]

    def reads(k):
        codes = []
        for j in range(10):
            p = ["/api/assessments", path(), path("/results"), path("/scenarios"),
                 path("/diagram.svg")][(k + j) % 5]
            codes.append(admin.get(p).status)
        return codes
    results, errors = in_threads(64, reads)
    t.eq(errors, [], "64 clients x 10 reads raise nothing")
    codes = [code for r in results if r for code in r]
    t.eq((len(codes), sorted(set(codes))), (640, [200]), "640 concurrent reads all 200")
    # many connections open at once, most doing nothing
    socks = []
    try:
        for _ in range(400):
            socks.append(socket.create_connection(("127.0.0.1", srv.port), timeout=5))
        r = admin.get("/api/session")
        t.status(r, 200, "an answer while 400 connections are open")
    finally:
        for s in socks:
            s.close()
    alive("many connections")


@t.test
def racing_writes():
    chair = c["chair"]

    def consolidate(k):
        return chair.put(path("/scenarios/pub-outage/consolidated/5.3"),
                         '"%s"' % "ABCDE"[k % 5]).status
    results, errors = in_threads(40, consolidate)
    t.eq(errors, [], "40 racing consolidated scores raise nothing")
    t.eq(results, [200] * 40, "40 racing consolidated scores all 200")

    def add(k):
        r = chair.post(path("/scenarios"), {"title": "Race %d" % k, "kind": "hazard",
                                            "likelihood": "C", "impact": {"5.1": "C"}})
        return r.status, r.json().get("id")
    results, errors = in_threads(30, add)
    t.eq(errors, [], "30 racing additions raise nothing")
    t.eq([status for status, _ in results], [201] * 30, "30 racing additions all 201")
    made = sorted(i for _, i in results if i)
    t.eq(len(set(made)), 30, "30 ids, all different")
    ids = [s["id"] for s in c["admin"].get(path("/scenarios")).json()]
    t.eq(sorted(i for i in ids if i.startswith("race-")), made,
         "every racing scenario is there once, under the id it was given")

    def same(k):
        r = chair.post(path("/scenarios"), {"title": "Same", "kind": "hazard",
                                            "likelihood": "C", "impact": {"5.1": "C"}})
        return r.status, r.json().get("id")
    results, errors = in_threads(6, same)
    t.eq([status for status, _ in results], [201] * 6,
         "6 racing additions of one title: each its own scenario")
    t.eq(len({i for _, i in results}), 6, "each with its own id")
    r = c["admin"].get(path("/results"))
    t.status(r, 200, "results after the races")
    t.eq(len(r.json()["scenarios"]), 5 + 36, "results hold every scenario")
    alive("racing writes")


@t.test
def busy_workers():
    """A request that has arrived whole is answered, however long the
    server's workers are busy with others: --timeout is for idle clients.
    One worker thread, --timeout 1, 30 sign-ins at once (argon2id, some
    0.2 s each, so the last waits about 6 s) and five reads among them."""
    busy = Server(timeout=1, threads=1, name="natrisk-busy-")
    try:
        busy.add_user("ana", "analyst", "confidential")
        busy.start()
        Client(busy).login("ana")

        def work(k):
            if k % 7 != 6:
                return Client(busy).login("ana").status
            return Client(busy).get("/api/openapi.json").status
        results, errors = in_threads(35, work)
        t.eq(errors, [], "no request is dropped without an answer")
        t.eq(results, [200] * 35, "every request is answered")
    finally:
        for problem in busy.stop():
            t.fail("the busy server: " + problem)
        busy.cleanup()


@t.test
def still_serving():
    r = c["admin"].get(path("/export"))
    t.status(r, 200, "the export at the end")
    t.check(srv.running(), "the server process is alive")


if __name__ == "__main__":
    t.run(setup, teardown)
