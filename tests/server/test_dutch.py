#!/usr/bin/env python3
"""test_dutch.py - server messages reach a Dutch user in Dutch
(docs/server.md, "Languages"): with Accept-Language: nl (what the web UI
sends when it is in Dutch) or ?lang=nl, every error is Dutch: no session,
a role that may not, an unknown edition, a bad JSON body, a rejected upload
with the loader's located errors, a rejected score, a conflict of status,
the sign-in throttle, and the answers refused before the router (a body
too large, framing). Without either, the answer is the English it always
was, byte for byte. Two requests at once in two languages each get their
own, and a connection's next request starts from English again.

Every expected text, Dutch and English, is written here by hand.
Run: python3 tests/server/test_dutch.py
"""
import http.client
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import (CLASSIFIED, ROOT, Client, Server, Suite,  # noqa: E402
                       raw_request)

t = Suite("test_dutch")
srv = Server()
ed = {}
users = {}
NL = {"Accept-Language": "nl"}


def setup():
    srv.add_user("chair", "chair", "confidential")
    srv.add_user("ana", "analyst", "confidential")
    srv.add_user("viewer", "viewer", "public")
    srv.add_user("locked", "viewer", "public")
    ed["draft"] = srv.import_file(CLASSIFIED)
    ed["done"] = srv.import_file(CLASSIFIED)
    srv.start()
    for name in ("chair", "ana", "viewer"):
        users[name] = srv.client(name)
    r = users["chair"].put(E("done", "/status"), {"status": "published"})
    if r.status != 200:
        raise RuntimeError("publishing: %r" % r)
    r = users["chair"].put(E("draft", "/scenarios/pub-flood/assigned"), {"analysts": ["ana"]})
    if r.status != 200:
        raise RuntimeError("assigning: %r" % r)


def E(name, rest=""):
    return "/api/assessments/%d%s" % (ed[name], rest)


def both(send, status, dutch, english, what, at=None):
    """SEND(headers) answers STATUS with {"error": DUTCH} when asked in
    Dutch, and exactly the bytes {"error": ENGLISH} without a language;
    with AT (line, column), a refused body with that one located error."""
    def answer(message):
        body = {"error": message}
        if at:
            body["errors"] = [{"line": at[0], "column": at[1], "message": message}]
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    r = send(NL)
    if t.status(r, status, what + " (nl)"):
        t.eq(r.json(), json.loads(answer(dutch)), what + ": the Dutch message")
    r = send({})
    if t.status(r, status, what + " (en)"):
        t.eq(r.body, answer(english), what + ": the English answer, byte for byte")


@t.test
def no_session():
    anon = Client(srv)
    both(lambda h: anon.get("/api/assessments", headers=h), 401,
         "meld u eerst aan", "sign in first", "no session")


@t.test
def role_may_not():
    viewer = users["viewer"]
    both(lambda h: viewer.post("/api/assessments", b"natrisk: 1\n", headers=h,
                               content_type="application/yaml"), 403,
         "uw rol staat dit niet toe", "your role does not allow this",
         "a viewer uploads")
    ana = users["ana"]
    both(lambda h: ana.put(E("draft", "/scenarios/pub-outage/scores/likelihood"), "C",
                           headers=h), 403,
         "u bent niet aan dit scenario toegewezen",
         "you are not assigned to this scenario", "an analyst scores another's scenario")


@t.test
def not_found():
    chair = users["chair"]
    both(lambda h: chair.get("/api/assessments/999", headers=h), 404,
         "deze editie bestaat niet", "no such edition", "an unknown edition")
    both(lambda h: chair.get(E("draft", "/scenarios/nope"), headers=h), 404,
         "dit scenario bestaat niet", "no such scenario", "an unknown scenario")
    both(lambda h: chair.get("/api/nothing-here", headers=h), 404,
         "dit adres bestaat niet", "no such resource", "an unknown route")
    both(lambda h: chair.get(E("draft", "/diagram.svg?weights=nope"), headers=h), 404,
         "er is geen gewichtenset 'nope'", "no weight profile 'nope'",
         "an unknown weight profile")
    both(lambda h: chair.request("DELETE", "/api/assessments", headers=h), 405,
         "de HTTP-methode DELETE is hier niet toegestaan", "method DELETE not allowed here",
         "a method the route does not take")


@t.test
def bad_json_body():
    chair = users["chair"]
    both(lambda h: chair.put(E("draft", "/status"), "{bad", headers=h), 400,
         "de inhoud van het verzoek moet JSON zijn: tekenreeks of '}' verwacht bij 'bad'",
         "the body must be JSON: string or '}' expected near 'bad'", "a body that is no JSON")
    both(lambda h: chair.put(E("draft", "/status"), {"status": "final"}, headers=h), 400,
         'verwacht: {"status": "draft", "scoring", "consolidation" of "published"}',
         'expected {"status": "draft", "scoring", "consolidation" or "published"}',
         "a status that is none")
    both(lambda h: chair.post("/api/assessments", b"natrisk: 1\n", headers=h), 415,
         "stuur het beoordelingsbestand met Content-Type: application/yaml",
         "send the assessment file with Content-Type: application/yaml",
         "an upload that is not YAML")


def place(text, needle, offset=0):
    """Line and column (from 1) of NEEDLE in TEXT, plus OFFSET columns."""
    at = text.index(needle) + offset
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


@t.test
def rejected_upload():
    """Three mistakes, each at its place, in the language asked for."""
    text = open(CLASSIFIED, encoding="utf-8").read()
    long_title = "Rivier" * 34   # 204 characters
    text = text.replace("title: River flood in the delta", "title: " + long_title)
    text = text.replace("    kind: hazard\n    classification: public",
                        "    kind: hazard\n    clasification: public")
    text = text.replace("likelihood: { ev: C, ll: B,", "likelihood: { ev: C, ll: D,")
    where = [place(text, long_title), place(text, "clasification"),
             place(text, "ll: D", 4)]
    dutch = ["de titel is te lang: 204 tekens, hoogstens 200",
             "onbekende sleutel 'clasification' in een scenario; bedoelt u 'classification'?",
             "waarschijnlijkheid: OG (D) ligt boven VW (C); OG <= VW <= BG moet gelden"]
    english = ["title is too long: 204 characters, at most 200",
               "unknown key 'clasification' in a scenario; did you mean 'classification'?",
               "likelihood: LL (D) is above EV (C); LL <= EV <= UL must hold"]
    chair = users["chair"]
    for headers, messages in ((NL, dutch), ({}, english)):
        r = chair.post("/api/assessments", text, headers=headers,
                       content_type="application/yaml")
        lang = "nl" if headers else "en"
        if not t.status(r, 422, "the upload is refused (%s)" % lang):
            continue
        body = r.json()
        want = [{"line": line, "column": column, "message": message}
                for (line, column), message in zip(where, messages)]
        t.eq(body.get("errors"), want, "the located errors (%s)" % lang)
        t.eq(body.get("error"), messages[0], "the first is the error (%s)" % lang)


@t.test
def rejected_score():
    chair = users["chair"]
    both(lambda h: chair.put(E("draft", "/scenarios/pub-flood/consolidated/likelihood"),
                             {"ev": "F"}, headers=h), 422,
         "waarschijnlijkheid: 'F' is geen klasse: verwacht A tot en met E, eventueel "
         "gevolgd door '+'",
         "likelihood: 'F' is not a class: expected A to E, optionally followed by '+'",
         "a likelihood of class F", at=(1, len('{"ev": ') + 1))
    # a batch: each error under its criterion; the method named before
    # the criterion in Dutch (a translation that reorders its arguments)
    body = {"5.1": {"value": 3}, "likelihood": None}
    dutch = [("5.1", "methode nrb-2008 kent geen klassengrenzen voor criterium 5.1; geef "
                     "een klasse (A tot en met E) in plaats van een waarde"),
             ("likelihood", "een waarschijnlijkheid kan niet worden geschrapt: geef een score")]
    english = [("5.1", "criterion 5.1 has no thresholds in method nrb-2008; give a class "
                       "(A to E) instead of a value"),
               ("likelihood", "a likelihood cannot be dropped: score it")]
    for headers, messages in ((NL, dutch), ({}, english)):
        r = chair.put(E("draft", "/scenarios/pub-flood/consolidated"), body, headers=headers)
        lang = "nl" if headers else "en"
        if t.status(r, 422, "the batch is refused (%s)" % lang):
            got = sorted((e.get("criterion"), e.get("message")) for e in r.json()["errors"])
            t.eq(got, sorted(messages), "each score's error (%s)" % lang)


@t.test
def conflict_of_status():
    ana, chair = users["ana"], users["chair"]
    number = ed["draft"]
    both(lambda h: ana.put(E("draft", "/scenarios/pub-flood/scores/likelihood"), '"C"',
                           headers=h), 409,
         "editie %d is in de fase concept: analisten scoren alleen in de fase scoren" % number,
         "edition %d is in draft: analysts score only while it is in scoring" % number,
         "an analyst scores a draft")
    done = ed["done"]
    both(lambda h: chair.put(E("done", "/status"), {"status": "draft"}, headers=h), 409,
         "editie %d is gepubliceerd en kan niet meer veranderen" % done,
         "edition %d is published and cannot change" % done,
         "a published edition's status")


@t.test
def throttle():
    """Wrong passwords: 401, then 429 (from an address of their own, so
    that the throttle touches no other test)."""
    client = Client(srv, source="127.0.0.41")

    def wrong(headers):
        return client.request("POST", "/api/session", {"username": "locked",
                                                       "password": "wrong"},
                              session=False, headers=headers)
    r = wrong(NL)
    if t.status(r, 401, "a wrong password (nl)"):
        t.eq(r.json()["error"], "de gebruikersnaam of het wachtwoord is onjuist",
             "the Dutch refusal")
    r = wrong({})
    if t.status(r, 401, "a wrong password (en)"):
        t.eq(r.body, b'{"error":"wrong user name or password"}', "the English refusal")
    for _ in range(6):
        r = wrong(NL)
        if r.status == 429:
            break
    if t.status(r, 429, "throttled (nl)"):
        t.check(re.fullmatch(r"te veel mislukte aanmeldingen; probeer het over \d+ s opnieuw",
                             r.json()["error"]), "the Dutch throttle: %r" % r.json())
    r = wrong({})
    if t.status(r, 429, "throttled (en)"):
        t.check(re.fullmatch(rb'\{"error":"too many failed sign-ins; try again in \d+ s"\}',
                             r.body), "the English throttle: %r" % r.body)


@t.test
def refused_before_the_router():
    """A body too large for a request without a session is refused when
    the headers end, and a request with two lengths even before: in the
    request's language all the same."""
    def too_large(language):
        head = (b"POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\n" + language +
                b"Content-Type: application/json\r\nContent-Length: 100000\r\n"
                b"Connection: close\r\n\r\n")
        return raw_request(srv.port, head)[0]
    r = too_large(b"Accept-Language: nl\r\n")
    if t.check(r is not None and r.status == 413, "413 (nl): %r" % r):
        t.eq(r.json()["error"], "de inhoud van het verzoek is groter dan 16 KiB, de grens "
                                "zonder sessie", "the Dutch 413")
    r = too_large(b"")
    if t.check(r is not None and r.status == 413, "413 (en): %r" % r):
        t.eq(r.body, b'{"error":"the request body is larger than 16 KiB, the limit without '
                     b'a session"}', "the English 413")
    head = (b"POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: nl\r\n"
            b"Content-Length: 2\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
    r = raw_request(srv.port, head)[0]
    if t.check(r is not None and r.status == 400, "two lengths: %r" % r):
        t.eq(r.json()["error"], "meer dan één header Content-Length", "the Dutch 400")
    chair = users["chair"]
    both(lambda h: chair.put(E("draft", "/status"), {"status": "draft"}, csrf=False,
                             headers=h), 403,
         "de header X-CSRF-Token ontbreekt of is onjuist",
         "missing or wrong X-CSRF-Token header", "a change without the CSRF token")


@t.test
def choosing_the_language():
    """Accept-Language chooses Dutch when it prefers nl to en; the query's
    lang, when given, decides instead (nl Dutch, anything else English)."""
    anon = Client(srv)
    cases = [("nl", True), ("NL-be", True), ("nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7", True),
             ("en-GB,en;q=0.9,nl;q=0.8", False), ("fr-FR, nl;q=0.5", True),
             ("fr-FR", False), ("*", False), ("nl;q=0", False), ("en;q=0.4, nl;q=0.6", True),
             ("nl;q=0.5, en;q=0.5", True), ("en, nl", False), ("*, en;q=0.1", True),
             ("nld", False), ("", False)]
    for header, dutch in cases:
        r = anon.get("/api/assessments", headers={"Accept-Language": header})
        t.eq(r.json().get("error"), "meld u eerst aan" if dutch else "sign in first",
             "Accept-Language: %r" % header)
    for query, header, dutch in [("?lang=nl", {}, True), ("?lang=en", NL, False),
                                 ("?lang=de", NL, False), ("?lang=nl", {"Accept-Language":
                                                                       "en"}, True)]:
        r = anon.get("/api/assessments" + query, headers=header)
        t.eq(r.json().get("error"), "meld u eerst aan" if dutch else "sign in first",
             "%s with %r" % (query, header))


@t.test
def next_request_on_a_connection_is_english():
    """libmicrohttpd serves a connection's requests on one thread: a Dutch
    request leaves nothing behind for the next."""
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
    try:
        answers = []
        for headers in (NL, {}, NL, {}):
            conn.request("GET", "/api/assessments", headers=headers)
            response = conn.getresponse()
            answers.append(response.read())
    finally:
        conn.close()
    t.eq(answers, [b'{"error":"meld u eerst aan"}', b'{"error":"sign in first"}'] * 2,
         "four requests on one connection, Dutch and English in turn")


@t.test
def two_languages_at_once():
    """Requests in Dutch and English at the same time, from several
    threads (the server handles each on a thread of its own): slow
    rejected uploads in Dutch (a third of a second of loading each, whose
    error comes at the end) while quick English and Dutch refusals come
    and go."""
    text = open(CLASSIFIED, encoding="utf-8").read()
    many = "".join("  - id: extra-%d\n    title: Extra %d\n    kind: hazard\n"
                   "    likelihood: C\n    impact: { \"5.1\": B }\n" % (k, k)
                   for k in range(6000))
    slow = text + many + "  - id: last\n    title: Last\n    kind: threat\n" \
        "    likelihood: { probability: 0.5 }\n    impact: {}\n"
    chair = users["chair"]
    wrong = []

    def uploads():
        for _ in range(3):
            r = chair.post("/api/assessments", slow, headers=NL,
                           content_type="application/yaml")
            message = r.json().get("error") if r.status == 422 else r.status
            if message != "een kans hoort bij gevaren; de waarschijnlijkheid van een " \
                          "dreiging is een klasse (A tot en met E)":
                wrong.append(("upload", message))

    def refusals(dutch):
        anon = Client(srv)
        count = 0
        while count < 20 or threads[0].is_alive():
            count += 1
            r = anon.get("/api/assessments", headers=NL if dutch else {})
            if r.body != (b'{"error":"meld u eerst aan"}' if dutch
                          else b'{"error":"sign in first"}'):
                wrong.append(("dutch" if dutch else "english", r.body))
    threads = [threading.Thread(target=uploads)]
    threads += [threading.Thread(target=refusals, args=(k % 2 == 0,)) for k in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    t.eq(wrong, [], "every answer in its own request's language")


@t.test
def failure_logged_in_english():
    """A 500 tells a Dutch user in Dutch that the server could not; the
    line in the operator's log is English, whoever asked (here: a method
    path that holds a directory where nrb-2008.yaml should be)."""
    fake = tempfile.mkdtemp(prefix="natrisk-broken-methods-")
    os.mkdir(os.path.join(fake, "nrb-2008.yaml"))
    broken = Server(name="natrisk-broken-", env={
        "NATRISK_METHOD_PATH": fake + ":" + os.path.join(ROOT, "methods")})
    try:
        broken.add_user("reader", "analyst", "public")
        e = broken.import_file(CLASSIFIED)
        broken.start()
        r = broken.client("reader").get("/api/assessments/%d/results" % e, headers=NL)
        if t.status(r, 500, "drawing with a method that cannot be read"):
            t.eq(r.json().get("error"), "de server kon dat niet uitvoeren", "the Dutch 500")
            ident = r.json().get("request_id")
            time.sleep(0.2)
            lines = [line for line in broken.stderr().splitlines() if ident and ident in line]
            t.check(len(lines) == 1 and "nrb-2008.yaml: is a directory" in lines[0],
                    "the log names the cause in English: %r" % lines)
        for problem in broken.stop():
            t.fail(problem)
    finally:
        broken.cleanup()
        shutil.rmtree(fake, ignore_errors=True)


@t.test
def web_ui_sends_its_language():
    """The web UI's api.js, as the server hands it out, sends the
    interface's language with every request."""
    r = Client(srv).get("/api.js")
    t.status(r, 200, "api.js")
    t.check("import { lang } from './i18n.js';" in r.text and
            "'Accept-Language': lang()" in r.text,
            "api.js sends Accept-Language from i18n.js's lang()")


def teardown():
    for problem in srv.stop():
        t.fail(problem)
    srv.cleanup()


t.run(setup, teardown)
