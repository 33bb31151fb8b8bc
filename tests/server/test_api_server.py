#!/usr/bin/env python3
"""test_api_server.py - functional tests of `natrisk serve` around the
editions: users and analysts, methods, the embedded web files and the
headers of every kind of answer, TLS, and the sign-in throttle (last, as it
blocks addresses). test_api.py and test_api_work.py have the rest.

Expected values are written by hand here or computed by the CLI, never
taken from the server's own answers. Run: python3 tests/server/test_api_server.py
"""
import os
import re
import shutil
import ssl
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Client, Server, Suite, raw_request, run_cli  # noqa: E402
from api_common import E, USERS, clients, setup, srv, teardown, tmp  # noqa: E402

t = Suite("test_api_server")


# ------------------------------------------------------------ users

@t.test
def users():
    admin = clients["admin"]
    r = admin.get("/api/users")
    t.status(r, 200, "the users")
    expected = sorted(({"name": n, "role": ro, "clearance": c, "disabled": False,
                        "organisations": []}
                       for n, ro, c in USERS), key=lambda u: u["name"])
    t.eq(r.json(), expected, "every user, by name")
    body = {"name": "new-user", "role": "viewer", "clearance": "restricted",
            "password": "long-enough-pw"}
    r = admin.post("/api/users", body)
    t.status(r, 201, "add a user")
    t.eq(r.json(), {"name": "new-user", "role": "viewer", "clearance": "restricted",
                    "disabled": False, "organisations": []}, "the new user")
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
def chairs():
    """GET /api/chairs: the enabled chairs an edition's chair may name
    (PUT .../chairs takes no other), for a chair or an admin."""
    expected = [{"name": "chair", "clearance": "confidential"},
                {"name": "chair-p", "clearance": "public"}]
    r = clients["chair-p"].get("/api/chairs")
    t.status(r, 200, "the chairs, for a chair")
    t.eq(r.json(), expected, "every enabled chair, by name, with their clearance")
    t.eq(clients["admin"].get("/api/chairs").json(), expected, "an admin sees the same")
    for who in ("viewer-c", "ana-1"):
        t.status(clients[who].get("/api/chairs"), 403, "the chairs for %s" % who)
    t.status(Client(srv).get("/api/chairs"), 401, "the chairs without a session")
    admin = clients["admin"]
    made = admin.post("/api/users", {"name": "chair-gone", "role": "chair",
                                     "clearance": "restricted", "password": "long-enough-pw"})
    t.status(made, 201, "one more chair")
    t.eq(clients["chair"].get("/api/chairs").json(),
         expected[:1] + [{"name": "chair-gone", "clearance": "restricted"}] + expected[1:],
         "is listed, in name order")
    t.status(admin.put("/api/users/chair-gone/disabled", {"disabled": True}), 200,
             "and disabled")
    t.eq(clients["chair"].get("/api/chairs").json(), expected, "is listed no more")


@t.test
def user_disable():
    admin = clients["admin"]
    victim = srv.client("victim")
    t.status(victim.get("/api/assessments"), 200, "the victim reads")
    # ({"disabled": false} enables: tests/server/test_accounts.py)
    for body in ({}, {"disabled": "true"}, {"disabled": 1}, {"disabled": True, "x": 1}):
        t.status(admin.put("/api/users/victim/disabled", body), 400,
                 "disable with %r" % (body,))
    r = admin.put("/api/users/victim/disabled", {"disabled": True})
    t.status(r, 200, "disable a user")
    t.eq(r.json(), {"name": "victim", "role": "viewer", "clearance": "public",
                    "disabled": True, "organisations": []}, "the disabled user")
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
    t.run(setup, lambda: teardown(t))
