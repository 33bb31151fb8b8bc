#!/usr/bin/env python3
"""test_durability.py - every acknowledged write survives SIGKILL.

Eight clients keep the server busy: two chairs import editions (each a
copy of examples/nrb-2012.yaml with its own title and its own probability
for flu-mild) and six analysts score the base edition (each a distinct
analyst writing distinct, recorded scores: the `why` of every score names
its analyst and sequence number). Every request is recorded before it is
sent, and marked acknowledged when a 2xx answer came back. After 2-3 s of
load the server is killed with SIGKILL while requests are in flight, then
restarted on the same store, and the test checks, through the API:

- every acknowledged import is listed with its title, and its export holds
  what was uploaded (title and probability; for the last of each importer
  in each cycle, `natrisk assess` of the export equals that of the upload,
  and so does GET .../results);
- no edition appears that was never sent, and none twice;
- for every analyst, scenario and criterion, the stored scores (current and
  history, oldest first) are, in order, a subsequence of the scores that
  analyst sent, and hold every acknowledged one: so the current score is the
  last acknowledged one or one sent after it whose answer was lost;
- the sessions made before the first kill still work after every restart;
- `natrisk audit verify --db` passes.

This is done three times (the checks cover everything acknowledged so far);
then the server is stopped with SIGTERM, which must exit 0, and the audit
log is read (with sqlite3) for an entry per stored score and per
acknowledged import.

Environment: NATRISK (the binary; default build/natrisk of this tree),
NATRISK_ROOT (the tree), NATRISK_SAN (non-empty under the sanitizers: only
the time limits grow), NATRISK_TEST_SEED (replays the random choices; the
moment of each kill still varies).
"""
import collections
import http.client
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.environ.get("NATRISK_ROOT") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NATRISK = os.environ.get("NATRISK") or os.path.join(ROOT, "build", "natrisk")
SAN = bool(os.environ.get("NATRISK_SAN"))
os.environ.setdefault("NATRISK_METHOD_PATH", os.path.join(ROOT, "methods"))

CYCLES = 3                  # kill and restart this many times
LOAD_SECONDS = (2.0, 3.0)   # load before each kill, drawn uniformly
IMPORTERS = 2               # chair clients importing editions
ANALYSTS = 6                # analyst clients scoring: 8 clients in all
SCENARIOS_EACH = 3          # scenarios each analyst scores (of 7)
SLOW = 4 if SAN else 1
REQUEST_TIMEOUT = 30 * SLOW
START_TIMEOUT = 15 * SLOW
PARK_TIMEOUT = 30 * SLOW

CRITERIA = ["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "4.1", "5.1", "5.2",
            "5.3", "likelihood"]
# (ll, ev, ul), each LL <= EV <= UL
TRIPLES = [("A", "A", "B"), ("A", "B", "C"), ("B", "C", "D"),
           ("B", "C", "C"), ("C", "D", "E"), ("A", "C", "E"),
           ("B", "B", "B"), ("B", "B+", "C"), ("C", "C+", "D"),
           ("D", "D", "E"), ("X", "A", "B"), ("A", "A+", "A+")]
EXAMPLE = os.path.join(ROOT, "examples", "nrb-2012.yaml")
TITLE_LINE = "title: National Risk Assessment 2012\n"
PROBABILITY_LINE = "      probability: 0.15\n"  # flu-mild's likelihood

problems = []
problems_lock = threading.Lock()


def problem(text):
    with problems_lock:
        problems.append(text)
        if len(problems) <= 40:
            print("FAIL " + text, file=sys.stderr, flush=True)


def fatal(text):
    raise SystemExit("test_durability: FAIL " + text)


def run(args, stdin=None, check=True):
    p = subprocess.run([NATRISK] + args, input=stdin, capture_output=True,
                       text=True, timeout=120 * SLOW)
    if check and p.returncode != 0:
        fatal("natrisk %s exited %d: %s%s" % (" ".join(args), p.returncode,
                                              p.stdout, p.stderr))
    return p


class Server:
    """One natrisk serve process on the store; a new port every start."""

    def __init__(self, db, tmp, number):
        self.out = os.path.join(tmp, "serve-%d.out" % number)
        self.err = os.path.join(tmp, "serve-%d.err" % number)
        with open(self.out, "w") as out, open(self.err, "w") as err:
            self.proc = subprocess.Popen(
                [NATRISK, "serve", "--db", db, "--listen", "127.0.0.1:0"],
                stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        self.port = None
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            with open(self.out) as f:
                line = f.readline()
            if line.endswith("\n"):
                prefix = "natrisk serve: listening on http://127.0.0.1:"
                if not line.startswith(prefix):
                    self.kill()
                    fatal("unexpected first line %r" % line)
                self.port = int(line[len(prefix):].split()[0])
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)
        self.kill()
        fatal("the server did not start: %s" % self.tail())

    def tail(self):
        with open(self.err, errors="replace") as f:
            return f.read()[-2000:]

    def kill(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=30 * SLOW)
        except subprocess.TimeoutExpired:
            self.kill()
            return "no exit within %d s of SIGTERM" % (30 * SLOW)


def call(conn, method, path, body=None, cookie=None, csrf=None,
         content_type="application/json"):
    headers = {}
    if cookie:
        headers["Cookie"] = cookie
    if csrf:
        headers["X-CSRF-Token"] = csrf
    if body is not None:
        headers["Content-Type"] = content_type
        if isinstance(body, str):
            body = body.encode()
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, response.read(), response


def login(port, name, password):
    conn = http.client.HTTPConnection("127.0.0.1", port,
                                      timeout=REQUEST_TIMEOUT)
    status, body, response = call(conn, "POST", "/api/session", json.dumps(
        {"username": name, "password": password}))
    conn.close()
    if status != 200:
        fatal("login %s: %d %r" % (name, status, body[:200]))
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    if not cookie.startswith("natrisk_session="):
        fatal("login %s: no session cookie" % name)
    return cookie, json.loads(body)["csrf"]


class Shared:
    """Releases the clients onto a new server and waits for them to park
    once it is gone."""

    def __init__(self):
        self.cond = threading.Condition()
        self.generation = 0
        self.port = None
        self.parked = set()
        self.stopping = False

    def release(self, port):
        with self.cond:
            self.generation += 1
            self.port = port
            self.parked.clear()
            self.cond.notify_all()

    def stop(self):
        with self.cond:
            self.stopping = True
            self.cond.notify_all()

    def wait_release(self, seen):
        with self.cond:
            while not self.stopping and self.generation == seen:
                self.cond.wait()
            return None if self.stopping else (self.generation, self.port)

    def park(self, client):
        with self.cond:
            self.parked.add(client)
            self.cond.notify_all()

    def wait_parked(self, count, timeout):
        deadline = time.monotonic() + timeout
        with self.cond:
            while len(self.parked) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(left)
            return True


class Client(threading.Thread):
    """Writes in a loop; every attempt is recorded before it is sent."""

    def __init__(self, shared, index, user, cookie, csrf, seed):
        super().__init__(daemon=True)
        self.shared, self.index, self.user = shared, index, user
        self.cookie, self.csrf = cookie, csrf
        self.rng = random.Random(seed)
        self.attempts = []
        self.seq = 0
        self.current = None     # the attempt being sent, if any
        self.crashed = None

    def run(self):
        try:
            self.loop()
        except BaseException as e:  # a bug in the test: say so
            self.crashed = repr(e)
            self.shared.park(self)

    def loop(self):
        seen = 0
        while True:
            got = self.shared.wait_release(seen)
            if got is None:
                return
            seen, port = got
            conn = http.client.HTTPConnection("127.0.0.1", port,
                                              timeout=REQUEST_TIMEOUT)
            while True:
                self.seq += 1
                attempt = self.next_attempt(seen)
                attempt["acked"] = False
                self.attempts.append(attempt)
                self.current = attempt
                try:
                    status, body, _ = self.send(conn, attempt)
                except (OSError, http.client.HTTPException) as e:
                    attempt["outcome"] = "%s: %s" % (type(e).__name__, e)
                    attempt["failed_at"] = time.monotonic()
                    self.current = None
                    conn.close()
                    self.shared.park(self)
                    break
                self.current = None
                attempt["status"] = status
                if 200 <= status < 300:
                    attempt["acked"] = True
                    self.check_answer(attempt, body)
                else:
                    problem("%s %s: answered %d %s (generation %d)" % (
                        self.user, attempt["what"], status,
                        body[:300].decode(errors="replace"), seen))
                    time.sleep(0.05)


class Importer(Client):
    def __init__(self, *args, template):
        super().__init__(*args)
        self.template = template

    def next_attempt(self, generation):
        title = "Durability c%d n%d" % (self.index, self.seq)
        probability = round(self.rng.uniform(0.01, 0.6), 4)
        text = self.template.replace(TITLE_LINE, "title: %s\n" % json.dumps(
            title)).replace(PROBABILITY_LINE,
                            "      probability: %r\n" %
                            probability)
        return {"what": "import %r" % title, "title": title,
                "probability": probability, "yaml": text,
                "generation": generation}

    def send(self, conn, a):
        return call(conn, "POST", "/api/assessments", a["yaml"], self.cookie,
                    self.csrf, "application/yaml")

    def check_answer(self, a, body):
        try:
            a["id"] = json.loads(body)["id"]
        except (ValueError, KeyError, TypeError):
            problem("%s: 2xx without an id: %r" % (a["what"], body[:200]))
            a["id"] = None


class Analyst(Client):
    def __init__(self, *args, edition, scenarios):
        super().__init__(*args)
        self.edition, self.scenarios = edition, scenarios

    def next_attempt(self, generation):
        scenario = self.rng.choice(self.scenarios)
        criterion = self.rng.choice(CRITERIA)
        ll, ev, ul = self.rng.choice(TRIPLES)
        if criterion == "likelihood" and ll == "X":
            ll = "A"
        score = {"ll": ll, "ev": ev, "ul": ul,
                 "why": "%s wrote #%d" % (self.user, self.seq)}
        return {"what": "score %s/%s #%d" % (scenario, criterion, self.seq),
                "scenario": scenario, "criterion": criterion,
                "score": score, "generation": generation}

    def path(self, a):
        return "/api/assessments/%d/scenarios/%s/scores/%s" % (
            self.edition, a["scenario"], a["criterion"])

    def send(self, conn, a):
        return call(conn, "PUT", self.path(a), json.dumps(a["score"]),
                    self.cookie, self.csrf)

    def check_answer(self, a, body):
        try:
            got = json.loads(body)["analysts"][self.user][a["criterion"]]
            current = got["score"]
        except (ValueError, KeyError, TypeError):
            problem("%s %s: 2xx without the analyst's score: %r" % (
                self.user, a["what"], body[:300]))
            return
        if current != a["score"]:
            problem("%s %s: answered with current score %r, not the one "
                    "written %r" % (self.user, a["what"], current,
                                    a["score"]))


def get_json(conn, path, cookie, what):
    status, body, _ = call(conn, "GET", path, cookie=cookie)
    if status != 200:
        problem("after restart, GET %s (%s): %d %r" % (path, what, status,
                                                       body[:300]))
        return None
    return json.loads(body)


def export_facts(text):
    """The top-level title and flu-mild's likelihood of an export."""
    title = probability = None
    in_flu = False
    for line in text.splitlines():
        if line.startswith("title: "):
            title = json.loads(line[7:])
        elif line.startswith("  - id: "):
            in_flu = json.loads(line[8:]) == "flu-mild"
        elif in_flu and line.startswith("    likelihood: "):
            likelihood = json.loads(line[16:])
            # {probability, why} is written out as {ev: {probability}, ...}
            ev = likelihood.get("ev", likelihood)
            probability = ev.get("probability") if isinstance(ev, dict) \
                else None
    return title, probability


def assess_json(path):
    p = run(["assess", path, "--format", "json"], check=False)
    if p.returncode != 0:
        problem("natrisk assess %s: %s" % (path, p.stderr[-500:]))
        return None
    return json.loads(p.stdout)


def verify_imports(port, chair, importers, base_id, tmp, cycle):
    conn = http.client.HTTPConnection("127.0.0.1", port,
                                      timeout=REQUEST_TIMEOUT)
    listed = get_json(conn, "/api/assessments", chair, "chair")
    if listed is None:
        return 0, 0
    by_id = {e["id"]: e for e in listed}
    sent = {}
    for c in importers:
        for a in c.attempts:
            sent[a["title"]] = a
    titles = [e["title"] for e in listed if e["id"] != base_id]
    for t, n in collections.Counter(titles).items():
        if n > 1:
            problem("edition %r listed %d times" % (t, n))
    committed_unacked = 0
    for t in titles:
        if t not in sent:
            problem("edition %r listed but never sent" % t)
        elif not sent[t]["acked"]:
            committed_unacked += 1
    checked = 0
    for c in importers:
        acked = [a for a in c.attempts if a["acked"] and a.get("id")]
        for a in acked:
            e = by_id.get(a["id"])
            if e is None or e["title"] != a["title"]:
                problem("cycle %d: acknowledged import %r (id %s, sent in "
                        "generation %d) is %s after the restart" % (
                            cycle, a["title"], a["id"], a["generation"],
                            "missing" if e is None else
                            "listed as %r" % e["title"]))
                continue
            status, body, _ = call(conn, "GET", "/api/assessments/%d/export"
                                   % a["id"], cookie=chair)
            if status != 200:
                problem("export of %r: %d" % (a["title"], status))
                continue
            title, probability = export_facts(body.decode())
            if title != a["title"] or probability != a["probability"]:
                problem("export of %r (id %d) holds title %r, flu-mild "
                        "probability %r; uploaded %r, %r" % (
                            a["title"], a["id"], title, probability,
                            a["title"], a["probability"]))
            checked += 1
        # the last acknowledged one in full: assess the upload and the
        # export, and ask the server for its results
        last = [a for a in acked if a["generation"] == cycle]
        if last and last[-1]["id"] in by_id:
            a = last[-1]
            up = os.path.join(tmp, "upload-%d.yaml" % a["id"])
            down = os.path.join(tmp, "export-%d.yaml" % a["id"])
            with open(up, "w") as f:
                f.write(a["yaml"])
            status, body, _ = call(conn, "GET", "/api/assessments/%d/export"
                                   % a["id"], cookie=chair)
            with open(down, "wb") as f:
                f.write(body)
            want = assess_json(up)
            if want is not None and assess_json(down) != want:
                problem("natrisk assess of the export of %r differs from "
                        "that of the upload" % a["title"])
            results = get_json(conn, "/api/assessments/%d/results" % a["id"],
                               chair, "chair")
            if want is not None and results != want:
                problem("GET /results of %r differs from natrisk assess of "
                        "the upload" % a["title"])
    conn.close()
    return checked, committed_unacked


def stored_scores(entry):
    """Current and history of one criterion, oldest first."""
    rows = [entry["score"]] + [h["score"] for h in entry["history"]]
    return rows[::-1]


def verify_scores(port, analysts, edition, keys, cycle):
    """Returns (scores checked, unacknowledged writes found stored)."""
    conn = http.client.HTTPConnection("127.0.0.1", port,
                                      timeout=REQUEST_TIMEOUT)
    checked = committed_unacked = 0
    for c in analysts:
        sent = {}
        for a in c.attempts:
            sent.setdefault((a["scenario"], a["criterion"]), []).append(a)
        for key in keys:
            got = get_json(conn, "/api/assessments/%d/scenarios/%s/scores"
                           % (edition, key), c.cookie, c.user)
            if got is None:
                continue
            others = set(got["analysts"]) - {c.user}
            if others:
                problem("%s sees the scores of %s" % (c.user, others))
            mine = got["analysts"].get(c.user, {})
            for criterion in set(mine) | {k[1] for k in sent
                                          if k[0] == key}:
                attempts = sent.get((key, criterion), [])
                rows = (stored_scores(mine[criterion])
                        if criterion in mine else [])
                # rows must be a subsequence of attempts holding every
                # acknowledged attempt
                i = 0
                for row in rows:
                    j = next((j for j in range(i, len(attempts))
                              if attempts[j]["score"] == row), None)
                    if j is None:
                        problem("cycle %d: %s %s/%s holds %r, which was %s"
                                % (cycle, c.user, key, criterion, row,
                                   "stored out of order" if any(
                                       a["score"] == row for a in attempts)
                                   else "never sent"))
                        continue
                    for a in attempts[i:j]:
                        if a["acked"]:
                            problem("cycle %d: %s %s acknowledged but not "
                                    "stored (generation %d)" % (
                                        cycle, c.user, a["what"],
                                        a["generation"]))
                    if not attempts[j]["acked"]:
                        committed_unacked += 1
                    checked += 1
                    i = j + 1
                for a in attempts[i:]:
                    if a["acked"]:
                        problem("cycle %d: %s %s acknowledged but not "
                                "stored (generation %d; stored: %s)" % (
                                    cycle, c.user, a["what"],
                                    a["generation"],
                                    [r.get("why") for r in rows][-3:]))
    conn.close()
    return checked, committed_unacked


def audit_check(db, importers, analysts, edition):
    """After the clean stop: an audit entry per stored score and import."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT actor, action, object, after FROM audit "
                           "ORDER BY id").fetchall()
    finally:
        con.close()
    score_entries = set()
    imports = set()
    for actor, action, obj, after in rows:
        if action == "score":
            why = json.loads(after).get("why") if after else None
            score_entries.add((actor, obj, why))
        elif action == "edition.import":
            imports.add(obj)
    missing = 0
    for c in analysts:
        for a in c.attempts:
            if not a["acked"]:
                continue
            obj = "edition:%d/scenario:%s/%s" % (edition, a["scenario"],
                                                 a["criterion"])
            if (c.user, obj, a["score"]["why"]) not in score_entries:
                missing += 1
                if missing <= 5:
                    problem("no audit entry for %s %s" % (c.user, a["what"]))
    for c in importers:
        for a in c.attempts:
            if a["acked"] and a.get("id") and \
                    "edition:%d" % a["id"] not in imports:
                problem("no audit entry for the import of %r" % a["title"])
    if missing > 5:
        problem("%d acknowledged scores have no audit entry" % missing)
    return len(rows)


def main():
    seed = int(os.environ.get("NATRISK_TEST_SEED") or
               random.SystemRandom().randrange(1 << 30))
    rng = random.Random(seed)
    if not os.access(NATRISK, os.X_OK):
        fatal("no binary %s (set NATRISK)" % NATRISK)
    with open(EXAMPLE) as f:
        template = f.read()
    if template.count(TITLE_LINE) != 1 or \
            template.count(PROBABILITY_LINE) != 1:
        fatal("examples/nrb-2012.yaml changed: update TITLE_LINE and "
              "PROBABILITY_LINE")
    tmp = tempfile.mkdtemp(prefix="natrisk-durability-")
    db = os.path.join(tmp, "store.db")
    server = None
    clients = []
    shared = Shared()
    started = time.monotonic()
    try:
        # the store: one chair, the analysts, the base edition
        users = [("chair", "chair")] + [("analyst%d" % k, "analyst")
                                        for k in range(1, ANALYSTS + 1)]
        for name, role in users:
            run(["user", "add", name, "--role", role, "--clearance",
                 "confidential", "--password-stdin", "--db", db],
                stdin="pw-%s-durable\n" % name)
        base_id = int(run(["import", EXAMPLE, "--db", db, "--chair",
                           "chair"]).stdout.strip())
        server = Server(db, tmp, 0)
        port = server.port
        chair_cookie, chair_csrf = login(port, "chair", "pw-chair-durable")
        conn = http.client.HTTPConnection("127.0.0.1", port,
                                          timeout=REQUEST_TIMEOUT)
        detail = json.loads(call(conn, "GET", "/api/assessments/%d" % base_id,
                                 cookie=chair_cookie)[1])
        keys = [s["id"] for s in detail["scenarios"]]
        if len(keys) != 7:
            fatal("the base edition has scenarios %r" % keys)
        status, body, _ = call(conn, "PUT", "/api/assessments/%d/status"
                               % base_id, json.dumps({"status": "scoring"}),
                               chair_cookie, chair_csrf)
        if status != 200:
            fatal("status scoring: %d %r" % (status, body[:200]))
        names = [n for n, r in users if r == "analyst"]
        for key in keys:
            status, body, _ = call(
                conn, "PUT", "/api/assessments/%d/scenarios/%s/assigned"
                % (base_id, key), json.dumps({"analysts": names}),
                chair_cookie, chair_csrf)
            if status != 200:
                fatal("assign %s: %d %r" % (key, status, body[:200]))
        conn.close()

        # the clients, each signed in once (argon2), in parallel
        sessions = {}

        def sign_in(name, tag):
            sessions[tag] = login(port, name, "pw-%s-durable" % name)
        threads = [threading.Thread(target=sign_in, args=("chair", "i%d" % k))
                   for k in range(IMPORTERS)]
        threads += [threading.Thread(target=sign_in, args=(n, n))
                    for n in names]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if len(sessions) != len(threads):
            fatal("not every client signed in")
        importers = [Importer(shared, k, "chair", *sessions["i%d" % k],
                              rng.randrange(1 << 30), template=template)
                     for k in range(IMPORTERS)]
        analysts = []
        for k, n in enumerate(names):
            mine = [keys[(k + j) % len(keys)] for j in range(SCENARIOS_EACH)]
            analysts.append(Analyst(shared, IMPORTERS + k, n, *sessions[n],
                                    rng.randrange(1 << 30), edition=base_id,
                                    scenarios=mine))
        clients = importers + analysts
        for c in clients:
            c.start()

        in_flight_total = 0
        stats = []
        for cycle in range(1, CYCLES + 1):
            before = {c: len(c.attempts) for c in clients}
            shared.release(server.port)
            time.sleep(rng.uniform(*LOAD_SECONDS))
            in_flight = sum(1 for c in clients if c.current is not None)
            killed_at = time.monotonic()
            server.kill()
            in_flight_total += in_flight
            if not shared.wait_parked(len(clients), PARK_TIMEOUT):
                fatal("cycle %d: clients still busy %d s after the kill" %
                      (cycle, PARK_TIMEOUT))
            for c in clients:
                if c.crashed:
                    fatal("client %s crashed: %s" % (c.user, c.crashed))
            for c in clients:
                fresh = c.attempts[before[c]:]
                for a in fresh:
                    if a.get("failed_at", killed_at) < killed_at:
                        problem("cycle %d: %s %s failed while the server "
                                "was up: %s" % (cycle, c.user, a["what"],
                                                a["outcome"]))
                if not any(a["acked"] for a in fresh):
                    problem("cycle %d: client %s got no write acknowledged "
                            "(%d tried): no load to test" % (
                                cycle, c.user, len(fresh)))
            server = Server(db, tmp, cycle)
            audit = run(["audit", "verify", "--db", db], check=False)
            if audit.returncode != 0:
                problem("cycle %d: natrisk audit verify exited %d: %s%s" % (
                    cycle, audit.returncode, audit.stdout, audit.stderr))
            imports_checked, imports_unacked = verify_imports(server.port, chair_cookie,
                                             importers, base_id, tmp, cycle)
            scores_checked, committed = verify_scores(
                server.port, analysts, base_id, keys, cycle)
            acked_now = sum(1 for c in clients for a in c.attempts
                            if a["acked"] and a["generation"] == cycle)
            tried_now = sum(1 for c in clients for a in c.attempts
                            if a["generation"] == cycle)
            stats.append("cycle %d: %d writes, %d acknowledged, %d in flight "
                         "at the kill; so far %d imports and %d stored scores "
                         "checked; stored without an answer: %d imports, "
                         "%d scores" % (
                             cycle, tried_now, acked_now, in_flight,
                             imports_checked, scores_checked,
                             imports_unacked, committed))
        if in_flight_total == 0:
            problem("no request was in flight at any kill")
        shared.stop()
        for c in clients:
            c.join(timeout=5)
        rc = server.stop()
        if rc != 0:
            problem("SIGTERM: the server exited %r: %s" % (rc, server.tail()))
        server = None
        entries = audit_check(db, importers, analysts, base_id)
        for line in stats:
            print("test_durability: " + line)
        print("test_durability: %d audit entries; seed %d; %.1f s" % (
            entries, seed, time.monotonic() - started))
    finally:
        shared.stop()
        if server is not None:
            server.kill()
        if problems:
            print("test_durability: kept %s" % tmp, file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if problems:
        print("test_durability: FAIL (%d problems; seed %d)" % (
            len(problems), seed), file=sys.stderr)
        return 1
    print("test_durability: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
