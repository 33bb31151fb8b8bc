"""serverlib.py - what the server's test suites share (Python standard
library only): a `natrisk serve` on a fresh store in a temporary directory,
users and editions made with the CLI, an HTTP client that keeps the session
cookie and sends the CSRF token, raw sockets for requests no HTTP library
would send, and a small harness that counts assertions, keeps going after a
failure and ends the script with a one-line summary and its exit status.

The binary is $NATRISK (tests/run-all sets it; default build/natrisk of this
tree). Under ASan/UBSan ($NATRISK_SAN non-empty, or a binary in build-san)
a sanitizer report makes the server exit with 99: Server.stop() asserts
exit status 0 and a standard error free of sanitizer reports.
"""
import http.client
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
NATRISK = os.environ.get("NATRISK") or os.path.join(ROOT, "build", "natrisk")
SANITIZED = bool(os.environ.get("NATRISK_SAN")) or "build-san" in NATRISK
# Timeouts stretch under the sanitizers.
SLOW = 3.0 if SANITIZED else 1.0

CLASSIFIED = os.path.join(FIXTURES, "classified.yaml")
NRB2012 = os.path.join(ROOT, "examples", "nrb-2012.yaml")

SANITIZER_MARKS = ("AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer",
                   "ThreadSanitizer", "runtime error:", "SUMMARY: ")


def environment():
    """The environment of every natrisk process: the tree's methods and,
    as tests/run-all sets them, the sanitizers' options."""
    env = dict(os.environ)
    env.setdefault("NATRISK_METHOD_PATH", os.path.join(ROOT, "methods"))
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0:exitcode=99")
    env.setdefault("LSAN_OPTIONS", "suppressions=%s:print_suppressions=0"
                   % os.path.join(ROOT, "tests", "lsan.supp"))
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1:exitcode=99")
    return env


def run_cli(*args, input=None, check=True, timeout=300):
    """Runs natrisk ARGS; returns (exit status, stdout bytes, stderr text)."""
    p = subprocess.run([NATRISK, *args], input=input, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=environment(), timeout=timeout * SLOW)
    err = p.stderr.decode("utf-8", "replace")
    if check and p.returncode != 0:
        raise RuntimeError("natrisk %s exited %d: %s" % (" ".join(args), p.returncode, err))
    if any(mark in err for mark in SANITIZER_MARKS):
        raise RuntimeError("natrisk %s: sanitizer report:\n%s" % (" ".join(args), err))
    return p.returncode, p.stdout, err


def cli_json(*args):
    """The JSON a CLI command writes to standard output, parsed."""
    return json.loads(run_cli(*args)[1])


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers          # list of (name, value)
        self.body = body                # bytes

    def header(self, name, default=None):
        name = name.lower()
        for k, v in self.headers:
            if k.lower() == name:
                return v
        return default

    def header_all(self, name):
        name = name.lower()
        return [v for k, v in self.headers if k.lower() == name]

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)

    def is_json_error(self):
        """Whether the body is a JSON object with a string "error"."""
        try:
            body = self.json()
        except ValueError:
            return False
        return isinstance(body, dict) and isinstance(body.get("error"), str)

    def __repr__(self):
        return "<%d %s>" % (self.status, self.body[:300])


def parse_raw_response(data):
    """A Response from the bytes of one HTTP/1.1 answer, or None."""
    head, sep, rest = data.partition(b"\r\n\r\n")
    if not sep:
        return None
    lines = head.split(b"\r\n")
    m = re.match(rb"HTTP/1\.[01] (\d{3})", lines[0])
    if not m:
        return None
    headers = []
    for line in lines[1:]:
        k, _, v = line.partition(b":")
        headers.append((k.decode("latin-1").strip(), v.decode("latin-1").strip()))
    r = Response(int(m.group(1)), headers, rest)
    length = r.header("Content-Length")
    if length is not None:
        r.body = rest[:int(length)]
    return r


def raw_request(port, data, timeout=30, source=None, shutdown=False):
    """Sends DATA as is and reads the answer (until the Content-Length is
    complete or the server closes). Returns (Response or None, all bytes)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout * SLOW,
                                 source_address=(source, 0) if source else None)
    try:
        try:
            s.sendall(data)
            if shutdown:
                s.shutdown(socket.SHUT_WR)
        except (BrokenPipeError, ConnectionResetError):
            pass
        got = b""
        while True:
            r = parse_raw_response(got)
            if r is not None and r.header("Content-Length") is not None and \
                    len(r.body) >= int(r.header("Content-Length")):
                return r, got
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                chunk = b""
            if not chunk:
                return parse_raw_response(got), got
            got += chunk
    finally:
        s.close()


class Client:
    """An HTTP client of one user: keeps the session cookie and the CSRF
    token of its sign-in, and sends the token with every state-changing
    request (unless told not to)."""

    def __init__(self, server, source=None, ssl_context=None):
        self.server = server
        self.source = source            # a local address such as 127.0.0.2
        self.ssl_context = ssl_context  # for a server with --tls-cert
        self.cookie = None
        self.csrf = None
        self.name = None

    def login(self, name, password=None):
        password = password if password is not None else self.server.passwords[name]
        r = self.request("POST", "/api/session", {"username": name, "password": password},
                         session=False)
        if r.status == 200:
            self.cookie = session_cookie(r)
            self.csrf = r.json()["csrf"]
            self.name = name
        return r

    def request(self, method, path, body=None, headers=None, csrf=True, session=True,
                content_type=None, timeout=60):
        """BODY: bytes and str go as they are, anything else as JSON."""
        h = {}
        if body is None:
            data = None
        elif isinstance(body, bytes):
            data = body
        elif isinstance(body, str):
            data = body.encode("utf-8")
        else:
            data = json.dumps(body).encode("utf-8")
        if data is not None:
            h["Content-Type"] = content_type or "application/json"
        elif content_type:
            h["Content-Type"] = content_type
        if session and self.cookie:
            h["Cookie"] = "natrisk_session=" + self.cookie
        if csrf and session and self.csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        if headers:
            h.update(headers)
        if self.ssl_context:
            conn = http.client.HTTPSConnection(
                "127.0.0.1", self.server.port, timeout=timeout * SLOW,
                source_address=(self.source, 0) if self.source else None,
                context=self.ssl_context)
        else:
            conn = http.client.HTTPConnection(
                "127.0.0.1", self.server.port, timeout=timeout * SLOW,
                source_address=(self.source, 0) if self.source else None)
        try:
            conn.request(method, path, body=data, headers=h)
            resp = conn.getresponse()
            return Response(resp.status, resp.getheaders(), resp.read())
        finally:
            conn.close()

    def session_headers(self, method="POST"):
        """The Cookie and X-CSRF-Token lines of this client, as bytes."""
        lines = b""
        if self.cookie:
            lines += b"Cookie: natrisk_session=" + self.cookie.encode() + b"\r\n"
        if self.csrf and method not in ("GET", "HEAD"):
            lines += b"X-CSRF-Token: " + self.csrf.encode() + b"\r\n"
        return lines

    def raw(self, method, path, body=b"", headers=b"", content_type=b"application/json",
            length=None, timeout=60):
        """A request written by hand (any bytes in the path, a declared
        length that is not the body's), sent with the session, through
        raw_request(): the answer is read even when the server stops
        reading early. Returns (Response or None, bytes)."""
        method = method.encode() if isinstance(method, str) else method
        path = path.encode() if isinstance(path, str) else path
        head = method + b" " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        head += self.session_headers(method.decode("latin-1"))
        if body or length is not None:
            head += b"Content-Type: " + content_type + b"\r\n"
            head += b"Content-Length: %d\r\n" % (len(body) if length is None else length)
        head += headers + b"Connection: close\r\n\r\n"
        return raw_request(self.server.port, head + body, timeout=timeout, source=self.source)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, body, **kw)

    def delete(self, path, body=None, **kw):
        return self.request("DELETE", path, body, **kw)


def session_cookie(response):
    """The natrisk_session token a response sets, or None."""
    for value in response.header_all("Set-Cookie"):
        m = re.match(r"\s*natrisk_session=([^;]*)", value)
        if m:
            return m.group(1)
    return None


class Server:
    """natrisk serve on a fresh store in a temporary directory."""

    def __init__(self, timeout=None, threads=None, name="natrisk-test-", tls=None,
                 options=(), env=None):
        self.options = list(options)    # more `natrisk serve` options
        self.env = env or {}            # more environment for the server
        self.dir = tempfile.mkdtemp(prefix=name)
        self.db = os.path.join(self.dir, "store.db")
        self.timeout = timeout
        self.threads = threads
        self.tls = tls                  # (certificate file, key file), or None
        self.proc = None
        self.port = None
        self.passwords = {}
        self.chairs = []                # the users of role chair, in order
        self.stderr_path = os.path.join(self.dir, "stderr.txt")

    # Before (or while) it runs: the CLI on the same store.
    def add_user(self, name, role, clearance="public", password=None):
        password = password or "pw-%s-secret" % name
        run_cli("user", "add", name, "--role", role, "--clearance", clearance,
                "--password-stdin", "--db", self.db, input=(password + "\n").encode())
        self.passwords[name] = password
        if role == "chair":
            self.chairs.append(name)
        return password

    def import_file(self, path, chairs=None):
        """Imports PATH with `natrisk import`; returns the new edition's id.
        Its chairs are CHAIRS, or every chair added so far (an edition is
        managed by its own chairs and admins only)."""
        chairs = self.chairs if chairs is None else chairs
        args = ["import", path, "--db", self.db]
        for name in chairs:
            args += ["--chair", name]
        out = run_cli(*args)[1].decode().strip()
        if not re.fullmatch(r"[1-9][0-9]*", out):
            raise RuntimeError("natrisk import printed %r, not an id" % out)
        return int(out)

    def start(self):
        args = [NATRISK, "serve", "--db", self.db, "--listen", "127.0.0.1:0"]
        if self.timeout:
            args += ["--timeout", str(self.timeout)]
        if self.threads:
            args += ["--threads", str(self.threads)]
        if self.tls:
            args += ["--tls-cert", self.tls[0], "--tls-key", self.tls[1]]
        args += self.options
        self.stderr_file = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.stderr_file,
                                     env=dict(environment(), **self.env))
        ready, _, _ = select.select([self.proc.stdout], [], [], 30 * SLOW)
        line = self.proc.stdout.readline().decode() if ready else ""
        m = re.fullmatch(r"natrisk serve: listening on %s://127\.0\.0\.1:(\d+) "
                         r"\(store (.*)\)\n" % ("https" if self.tls else "http"), line)
        if not m or m.group(2) != self.db:
            self.proc.kill()
            self.proc.wait()
            raise RuntimeError("natrisk serve did not start: first line %r, stderr %r"
                               % (line, self.stderr()))
        self.port = int(m.group(1))
        return self

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def stderr(self):
        try:
            with open(self.stderr_path, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def stop(self):
        """SIGTERM; returns a list of problems (empty when it stopped
        cleanly: exit status 0, no sanitizer report)."""
        problems = []
        if self.proc is None:
            return problems
        if self.proc.poll() is not None:
            problems.append("the server died before it was stopped (exit status %d)"
                            % self.proc.returncode)
        else:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60 * SLOW)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                problems.append("the server did not stop within %d s of SIGTERM" % (60 * SLOW))
        rest = self.proc.stdout.read().decode("utf-8", "replace")
        self.proc.stdout.close()
        self.stderr_file.close()
        rc = self.proc.returncode
        if rc != 0:
            problems.append("exit status %d after SIGTERM (99: a sanitizer report)" % rc)
        if "natrisk serve: stopping" not in rest:
            problems.append("no 'natrisk serve: stopping' line on standard output: %r" % rest)
        err = self.stderr()
        if any(mark in err for mark in SANITIZER_MARKS):
            problems.append("sanitizer report on standard error:\n" + err[-6000:])
        self.proc = None
        return problems

    def cleanup(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    def client(self, name=None, source=None):
        """A new client, signed in as NAME when given (raises if it cannot)."""
        c = Client(self, source)
        if name:
            r = c.login(name)
            if r.status != 200:
                raise RuntimeError("cannot sign in as %s: %r" % (name, r))
        return c


def router_routes():
    """(METHOD, pattern, ACCESS_NEED) of every entry of routes[] in
    src/server/router.c, in order (adjacent string literals joined)."""
    with open(os.path.join(ROOT, "src", "server", "router.c"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"\broutes\[\]\s*=\s*\{(.*?)\n\};", text, re.S)
    if not m:
        raise RuntimeError("no routes[] initialiser in router.c")
    found = []
    for e in re.finditer(r'\{\s*"([A-Z]+)"\s*,\s*((?:"[^"]*"\s*)+),\s*(\w+)\s*,\s*(\w+)\s*\}',
                         m.group(1)):
        found.append((e.group(1), "".join(re.findall(r'"([^"]*)"', e.group(2))), e.group(3)))
    return found


class Suite:
    """Assertions that count, report and go on; tests run in order."""

    def __init__(self, name):
        self.name = name
        self.tests = []
        self.assertions = 0
        self.failures = 0
        self.current = None
        self.started = time.time()

    def test(self, fn):
        self.tests.append(fn)
        return fn

    def fail(self, message):
        self.failures += 1
        print("FAIL %s: %s: %s" % (self.name, self.current, message), flush=True)

    def note(self, message):
        """A finding worth reading that is not a failure (a design limit)."""
        print("NOTE %s: %s: %s" % (self.name, self.current, message), flush=True)

    def check(self, condition, message):
        self.assertions += 1
        if not condition:
            self.fail(message)
        return bool(condition)

    def eq(self, actual, expected, message):
        self.assertions += 1
        if actual != expected:
            a, e = short(actual), short(expected)
            self.fail("%s: got %s, expected %s" % (message, a, e))
            return False
        return True

    def status(self, response, expected, message):
        """RESPONSE has status EXPECTED (an int or a collection of them);
        an error status also needs a JSON body {"error": ...}."""
        self.assertions += 1
        codes = (expected,) if isinstance(expected, int) else tuple(expected)
        if response.status not in codes:
            self.fail("%s: status %d, expected %s; body %s"
                      % (message, response.status, "/".join(map(str, codes)),
                         short(response.body)))
            return False
        if response.status >= 400:
            return self.check(response.is_json_error(),
                              "%s: a %d without a JSON {\"error\"} body: %s"
                              % (message, response.status, short(response.body)))
        return True

    def run(self, setup=None, teardown=None):
        """Runs setup, every test, teardown; prints the summary and exits."""
        ok_setup = True
        try:
            if setup:
                self.current = "setup"
                setup()
        except Exception:
            ok_setup = False
            self.fail("setup raised:\n" + traceback.format_exc())
        if ok_setup:
            for fn in self.tests:
                self.current = fn.__name__
                began = time.time()
                try:
                    fn()
                except Exception:
                    self.fail("raised:\n" + traceback.format_exc())
                if os.environ.get("NATRISK_TEST_TIMES"):
                    print("time %s: %s %.1f s" % (self.name, fn.__name__, time.time() - began))
        if teardown:
            self.current = "teardown"
            try:
                teardown()
            except Exception:
                self.fail("teardown raised:\n" + traceback.format_exc())
        seconds = time.time() - self.started
        print("%s: %d assertions in %d tests, %d failed (%.1f s%s)"
              % (self.name, self.assertions, len(self.tests), self.failures, seconds,
                 ", sanitized build" if SANITIZED else ""), flush=True)
        sys.exit(1 if self.failures else 0)


EXPORT_BANNER = re.compile(rb"(?m)^# (PUBLIC|RESTRICTED|CONFIDENTIAL) - status: "
                           rb"(draft|scoring|consolidation|published) - "
                           rb"\d{4}-\d\d-\d\d - natrisk export of edition \d+\n")
REPORT_BANNER = re.compile(rb'<div class="banner (top|bottom)" role="note"[^>]*>[^<]*</div>\n'
                           rb'|@page\{@top-center\{[^\n]*\n')


def banners(body):
    """The banner lines of an export (YAML) or a report (HTML), as bytes."""
    return [m.group(0) for m in EXPORT_BANNER.finditer(body)] + \
        [m.group(0) for m in REPORT_BANNER.finditer(body)]


def without_banners(body):
    """BODY (bytes) without its banners: what two exports or reports of
    the same content share, whatever their status, date and edition id."""
    return REPORT_BANNER.sub(b"", EXPORT_BANNER.sub(b"", body))


def short(value, limit=400):
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else repr(value)
    return text if len(text) <= limit else text[:limit] + "...(%d chars)" % len(text)


def filtered_fixture(text, hide):
    """The assessment file TEXT (of the fixtures' layout: each scenario
    starts with '  - id: ' after 'scenarios:') without the scenarios whose
    classification is in HIDE, and without the themes only they use."""
    head, sep, body = text.partition("\nscenarios:\n")
    blocks = re.split(r"(?m)^(?=  - id: )", body)
    kept, dropped = [], []
    for block in blocks:
        if not block.strip():
            continue
        m = re.search(r"(?m)^    classification: (\w+)", block)
        cls = m.group(1) if m else "public"
        (dropped if cls in hide else kept).append(block)
    used = set()
    for block in kept:
        m = re.search(r"(?m)^    theme: (\S+)", block)
        if m:
            used.add(m.group(1))
    unused = set()
    for block in dropped:
        m = re.search(r"(?m)^    theme: (\S+)", block)
        if m and m.group(1) not in used:
            unused.add(m.group(1))
    for theme in unused:
        head = re.sub(r"(?m)^  - id: %s\n(    [^\n]*(\n|\Z))*" % re.escape(theme), "", head)
    return head + sep + "".join(kept)
