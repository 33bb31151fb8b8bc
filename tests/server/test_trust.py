#!/usr/bin/env python3
"""test_trust.py - what a security review of `natrisk serve` found, each
point as a test that failed before its fix:

- what a reader receives never changes with an edit above their
  clearance, themes included (a theme's classification is its own);
- a hidden scenario's id and a free one get the same answers, also on
  create (the server makes new scenarios' ids);
- an edition's status is changed by its own chairs or an admin only, and
  publishing needs a clearance for every scenario in it;
- reports and exports carry their status and classification; viewers see
  published editions only;
- a chair links an edition to the one before, and the live diagram and
  report show the movements as `natrisk diagram --compare` does.

Expected values are written by hand or computed by the CLI from the same
file, never taken from the server's own answers.
Run: python3 tests/server/test_trust.py
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, Server, Suite  # noqa: E402

t = Suite("test_trust")
srv = Server(name="natrisk-trust-")
clients = {}
ed = {}

USERS = [  # name, role, clearance
    ("admin", "admin", "confidential"),
    ("admin-p", "admin", "public"),
    ("chair", "chair", "confidential"),
    ("chair-p", "chair", "public"),
    ("viewer-p", "viewer", "public"),
    ("viewer-r", "viewer", "restricted"),
    ("viewer-c", "viewer", "confidential"),
]

with open(CLASSIFIED, encoding="utf-8") as f:
    FIXTURE = f.read()
# the fixture with a theme that no scenario uses (yet)
SPARE = FIXTURE.replace("themes:\n", "themes:\n  - id: spare\n    title: Spare theme\n", 1)


def themes_reordered(text, order):
    """TEXT with its themes list in ORDER (theme ids)."""
    head, sep, rest = text.partition("themes:\n")
    block, sep2, tail = rest.partition("scenarios:\n")
    items = {m.group(1): m.group(0) for m in
             re.finditer(r"(?m)^  - id: (\S+)\n(?:    [^\n]*\n)*", block)}
    return head + sep + "".join(items[k] for k in order) + sep2 + tail


HERON_FIRST = themes_reordered(FIXTURE, ["heron", "water", "infra"])
INFRA_FIRST = themes_reordered(FIXTURE, ["infra", "water", "heron"])


def write(name, text):
    path = os.path.join(srv.dir, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def E(name, rest=""):
    return "/api/assessments/%d%s" % (ed[name], rest)


def setup():
    for name, role, clearance in USERS:
        srv.add_user(name, role, clearance)
    ed["themes"] = srv.import_file(write("spare.yaml", SPARE))
    # the hidden theme first: a colour by place would shift for readers
    # who do not see it, and in an edition that lists the themes otherwise
    ed["colours"] = srv.import_file(write("colours.yaml", HERON_FIRST))
    ed["colours2"] = srv.import_file(write("colours2.yaml", INFRA_FIRST))
    srv.start()
    for name, _, _ in USERS:
        clients[name] = srv.client(name)


def teardown():
    for problem in srv.stop():
        t.fail(problem)
    srv.cleanup()


def reader_view(client, edition):
    """Everything a reader receives of an edition, as bytes."""
    return {what: client.get(E(edition, path)).body
            for what, path in (("edition", ""), ("export", "/export"),
                               ("results", "/results"), ("diagram", "/diagram.svg"),
                               ("report", "/report.html"), ("scenarios", "/scenarios"))}


# ------------------------------------------------------------ 1. themes

@t.test
def themes_do_not_move_with_hidden_edits():
    """A theme no scenario uses is public; when a confidential scenario
    takes it, public and restricted readers receive exactly what they
    received before, with the same version."""
    before = {c: reader_view(clients[v], "themes") for c, v in
              (("public", "viewer-p"), ("restricted", "viewer-r"), ("confidential", "viewer-c"))}
    public = clients["viewer-p"].get(E("themes")).json()
    t.eq([th["id"] for th in public["themes"]], ["spare", "water", "infra"],
         "a public reader sees the unused theme and the public ones, not heron")
    t.check(b"Spare theme" in before["public"]["export"], "the unused theme is in the export")
    r = clients["chair"].patch(E("themes", "/scenarios/conf-nightjar"), {"theme": "spare"})
    t.status(r, 200, "a confidential chair moves a confidential scenario to the spare theme")
    for clearance, viewer in (("public", "viewer-p"), ("restricted", "viewer-r")):
        after = reader_view(clients[viewer], "themes")
        for what in before[clearance]:
            t.eq(after[what], before[clearance][what],
                 "the %s reader's %s is unchanged" % (clearance, what))
    after = clients["viewer-c"].get(E("themes")).json()
    t.check(after["version"] > json.loads(before["confidential"]["edition"])["version"],
            "the confidential reader's version moved")
    nightjar = clients["viewer-c"].get(E("themes", "/scenarios/conf-nightjar")).json()
    t.eq(nightjar["theme"], "spare", "the confidential reader sees the change")


@t.test
def theme_above_its_scenario_is_refused():
    """A public scenario may not take a theme only confidential readers
    may see (its readers could not see its theme)."""
    r = clients["chair"].patch(E("themes", "/scenarios/pub-flood"), {"theme": "heron"})
    t.status(r, 422, "a public scenario under the confidential theme")
    t.check("theme 'heron' is confidential, above the scenario (public)" in r.text,
            "the error says why: %s" % r.text[:300])
    r = clients["chair-p"].patch(E("themes", "/scenarios/pub-flood"), {"theme": "heron"})
    t.status(r, 422, "a public chair cannot name the hidden theme")
    t.check("unknown theme 'heron'" in r.text, "it is unknown to them: %s" % r.text[:300])


# ------------------------------------------------------------ 14. colours

def point_fills(svg):
    """{scenario: fill colour} of the points of a diagram."""
    return {m.group(2): m.group(1) for m in re.finditer(
        rb'<circle [^>]*fill="(#[0-9a-f]{6})"[^>]*class="point" data-scenario="([^"]+)"', svg)}


@t.test
def theme_keeps_its_colour():
    """Every reader, and every edition, sees a theme in the same colour:
    water is #0072b2, infra #56b4e9 (FNV-1a of the id, computed apart from
    natrisk), whatever the themes before them."""
    for edition in ("colours", "colours2"):
        for viewer in ("viewer-p", "viewer-r", "viewer-c"):
            r = clients[viewer].get(E(edition, "/diagram.svg"))
            t.status(r, 200, "the diagram of %s for %s" % (edition, viewer))
            fills = point_fills(r.body)
            t.eq((fills.get(b"pub-flood"), fills.get(b"pub-outage")), (b"#0072b2", b"#56b4e9"),
                 "water and infra in %s for %s" % (edition, viewer))


if __name__ == "__main__":
    t.run(setup, teardown)
