#!/usr/bin/env python3
"""test_limits_text.py - the limits of free text (docs/design.md, "Limits")
through `natrisk serve`, which checks every scenario, score and upload with
the assessment loader: titles 1 to 200 characters and never blank,
rationales up to 10,000 characters, descriptions up to 20,000. Text past a
limit is refused with 422 and the error at its place in the request body;
text at the limit is taken whole.

Places are computed here from the bodies the test writes: the server puts
a request's body on line 1, as `natrisk check` would see it.
Run: python3 tests/server/test_limits_text.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from limits_common import ChairServer  # noqa: E402
from serverlib import CLASSIFIED, Response, Suite  # noqa: E402

t = Suite("test_limits_text")
server = ChairServer(t)
state = {}


def setup():
    state["edition"], = server.start(CLASSIFIED)  # in draft
    state["chair"] = server.chair


def path(rest):
    return "/api/assessments/%d%s" % (state["edition"], rest)


def column_of(body, key):
    """The column (from 1) of the value of KEY in the one-line JSON BODY:
    its opening quote."""
    return body.index('"%s": ' % key) + len('"%s": ' % key) + 1


def expect_refused(r, what, message, column=None):
    """422 with one error, on line 1 (at COLUMN when given), saying MESSAGE."""
    if not t.status(r, 422, what):
        return
    errors = r.json().get("errors") or []
    t.eq(len(errors), 1, "%s: one error" % what)
    if errors:
        t.check(message in errors[0].get("message", ""),
                "%s: says %r: %r" % (what, message, errors[0]))
        if column is not None:
            t.eq((errors[0].get("line"), errors[0].get("column")), (1, column),
                 "%s: the place of the value in the body" % what)


def scenario(**fields):
    """A new scenario's body (the server makes its id), with FIELDS."""
    body = {"title": "T", "kind": "hazard", "likelihood": "C", "impact": {}}
    body.update(fields)
    return json.dumps(body)


def kept_then_refused(field, at_limit, past, message):
    """A scenario whose FIELD is AT_LIMIT is made and kept whole; an edit
    of its FIELD to PAST is refused with MESSAGE."""
    chair = state["chair"]
    r = chair.post(path("/scenarios"), scenario(**{field: at_limit}))
    if not t.status(r, 201, "a %s of %d characters" % (field, len(at_limit))):
        return
    made = path("/scenarios/" + r.json()["id"])
    t.eq(chair.get(made).json().get(field), at_limit, "the %s kept whole" % field)
    r = chair.patch(made, {field: past})
    expect_refused(r, "an edit to a %s of %d characters" % (field, len(past)), message)


@t.test
def titles():
    chair = state["chair"]
    before = chair.get(path("/scenarios")).json()
    body = scenario(title="t" * 201)
    expect_refused(chair.post(path("/scenarios"), body), "a title of 201 characters",
                   "title is too long: 201 characters, at most 200",
                   column_of(body, "title"))
    body = scenario(title=" \t\u00a0")
    expect_refused(chair.post(path("/scenarios"), body), "a title of white space only",
                   "title is blank", column_of(body, "title"))
    body = scenario(title="")
    expect_refused(chair.post(path("/scenarios"), body), "an empty title",
                   "title is empty", column_of(body, "title"))
    t.eq(chair.get(path("/scenarios")).json(), before, "nothing refused was added")
    # 200 characters of two bytes each
    kept_then_refused("title", "\u00e9" * 200, "x" * 201, "title is too long")


@t.test
def descriptions():
    chair = state["chair"]
    body = scenario(description="d" * 20001)
    expect_refused(chair.post(path("/scenarios"), body), "a description of 20,001",
                   "description is too long: 20001 characters, at most 20000",
                   column_of(body, "description"))
    # 20,000 characters of three bytes each
    kept_then_refused("description", "\u20ac" * 20000, "d" * 20001,
                      "description is too long")


@t.test
def rationales():
    chair = state["chair"]
    score = path("/scenarios/pub-flood/consolidated/5.1")
    body = json.dumps({"ev": "C", "why": "w" * 10001})
    expect_refused(chair.put(score, body), "a rationale of 10,001 characters",
                   "why is too long: 10001 characters, at most 10000",
                   column_of(body, "why"))
    # 2 MB: past the 1 MiB a signed-in request may send, refused before it
    # is read (413; sent raw, since the answer comes before the body is
    # taken); never taken.
    body = json.dumps({"ev": "C", "why": "w" * 2000000})
    r, _ = chair.raw("PUT", score, body.encode(), timeout=120)
    t.check(r is not None, "an answer to a rationale of 2 MB")
    r = r or Response(0, [], b"")
    t.status(r, 413, "a rationale of 2 MB")
    r = chair.put(score, {"ev": "C", "why": "\u00e9" * 10000})
    t.status(r, 200, "a rationale of 10,000 characters")
    got = chair.get(path("/scenarios/pub-flood")).json()["impact"]["5.1"].get("why")
    t.eq(got, "\u00e9" * 10000, "kept whole")


@t.test
def uploads():
    chair = state["chair"]
    with open(CLASSIFIED, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at] = "title: " + "T" * 201
    r = chair.post("/api/assessments", "\n".join(lines), content_type="application/yaml")
    expect_refused(r, "an upload with a title of 201 characters",
                   "title is too long: 201 characters, at most 200")
    if r.status == 422 and r.json().get("errors"):
        t.eq((r.json()["errors"][0]["line"], r.json()["errors"][0]["column"]), (at + 1, 8),
             "the upload's title, after 'title: '")


if __name__ == "__main__":
    t.run(setup, server.stop)
