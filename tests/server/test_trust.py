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
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, NRB2012, ROOT, Server, Suite, run_cli  # noqa: E402

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
    ("viewer-c", "viewer", "confidential"),
    # readers of editions in the making (viewers read published ones only)
    ("reader-p", "analyst", "public"),
    ("reader-r", "analyst", "restricted"),
    ("reader-c", "analyst", "confidential"),
]

NRB2011 = os.path.join(ROOT, "examples", "nrb-2011.yaml")

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
    ed["status"] = srv.import_file(CLASSIFIED, chairs=["chair"])
    ed["nochair"] = srv.import_file(CLASSIFIED, chairs=[])
    ed["2011"] = srv.import_file(NRB2011, chairs=["chair"])
    ed["2012"] = srv.import_file(NRB2012, chairs=["chair"])
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
              (("public", "reader-p"), ("restricted", "reader-r"), ("confidential", "reader-c"))}
    public = clients["reader-p"].get(E("themes")).json()
    t.eq([th["id"] for th in public["themes"]], ["spare", "water", "infra"],
         "a public reader sees the unused theme and the public ones, not heron")
    t.check(b"Spare theme" in before["public"]["export"], "the unused theme is in the export")
    r = clients["chair"].patch(E("themes", "/scenarios/conf-nightjar"), {"theme": "spare"})
    t.status(r, 200, "a confidential chair moves a confidential scenario to the spare theme")
    for clearance, viewer in (("public", "reader-p"), ("restricted", "reader-r")):
        after = reader_view(clients[viewer], "themes")
        for what in before[clearance]:
            t.eq(after[what], before[clearance][what],
                 "the %s reader's %s is unchanged" % (clearance, what))
    after = clients["reader-c"].get(E("themes")).json()
    t.check(after["version"] > json.loads(before["confidential"]["edition"])["version"],
            "the confidential reader's version moved")
    nightjar = clients["reader-c"].get(E("themes", "/scenarios/conf-nightjar")).json()
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


# ------------------------------------------------------------ 3. chairs

@t.test
def only_the_editions_chairs_manage_it():
    chair, other = clients["chair"], clients["chair-p"]
    t.eq(chair.get(E("status")).json()["chairs"], ["chair"], "the edition's chairs")
    for method, path, body in (("PUT", "/status", {"status": "scoring"}),
                               ("PUT", "/chairs", {"chairs": ["chair-p"]}),
                               ("PATCH", "/scenarios/pub-flood", {"title": "Taken over"}),
                               ("PUT", "/scenarios/pub-flood/consolidated/5.1", '"E"'),
                               ("PUT", "/scenarios/pub-flood/assigned", {"analysts": []}),
                               ("POST", "/scenarios", {"title": "Planted", "kind": "hazard",
                                                       "likelihood": "C", "impact": {}}),
                               ("GET", "/spread", None)):
        r = other.request(method, E("status", path), body)
        t.status(r, 403, "another chair: %s %s" % (method, path))
        t.check("edition's own chairs" in r.text, "the refusal says why: %s" % r.text)
    t.status(chair.put(E("status", "/status"), {"status": "scoring"}), 200,
             "the edition's chair moves it to scoring")
    t.status(clients["admin-p"].put(E("status", "/status"), {"status": "consolidation"}), 200,
             "an admin moves it on")
    t.eq(chair.get(E("nochair")).json()["chairs"], [], "an edition without chairs")
    t.status(chair.put(E("nochair", "/status"), {"status": "scoring"}), 403,
             "no chair manages an edition without chairs")
    t.status(clients["admin"].put(E("nochair", "/chairs"), {"chairs": ["chair-p"]}), 200,
             "an admin names its chair")
    t.status(other.put(E("nochair", "/status"), {"status": "scoring"}), 200,
             "and that chair manages it")
    for names, what in ((["viewer-p"], "a viewer"), (["nobody"], "an unknown user"),
                        (["reader-c"], "an analyst")):
        r = other.put(E("nochair", "/chairs"), {"chairs": names})
        t.status(r, 422, "chairs: %s" % what)
    for body in ({"chairs": "chair"}, {"chairs": [1]}, {"chair": []}, [1]):
        t.status(other.put(E("nochair", "/chairs"), body), 400, "chairs body %r" % (body,))


@t.test
def publishing_takes_clearance_for_everything():
    """An admin of public clearance may move the edition, but not publish
    it: it holds restricted and confidential scenarios."""
    r = clients["admin-p"].put(E("status", "/status"), {"status": "published"})
    t.status(r, 403, "a public admin publishes an edition with hidden scenarios")
    t.check("clearance for every scenario" in r.text, "the refusal says why: %s" % r.text)
    t.eq(clients["chair"].get(E("status")).json()["status"], "consolidation", "not published")
    t.status(clients["chair"].put(E("status", "/status"), {"status": "published"}), 200,
             "its confidential chair publishes it")


@t.test
def uploader_chairs_and_cli_chairs():
    r = clients["chair-p"].post("/api/assessments", FIXTURE, content_type="application/yaml")
    t.status(r, 201, "a chair uploads")
    t.eq(clients["chair-p"].get("/api/assessments/%d" % r.json()["id"]).json()["chairs"],
         ["chair-p"], "the uploader chairs the new edition")
    rc, out, err = run_cli("import", CLASSIFIED, "--db", srv.db, "--chair", "viewer-p",
                           check=False)
    t.eq((rc, out), (1, b""), "import --chair naming a viewer fails")
    t.check("viewer-p is not an enabled chair" in err, "and says why: %s" % err)


# ------------------------------------------------------------ 13. banners

@t.test
def reports_and_exports_carry_status_and_classification():
    """The edition 'nochair' is in scoring now (only_the_editions_chairs
    _manage_it moved it); each reader's banner names the highest
    classification of what they receive."""
    today = time.strftime("%Y-%m-%d", time.gmtime())
    for reader, level, level_nl in (("reader-p", "PUBLIC", "OPENBAAR"),
                                    ("reader-r", "RESTRICTED", "DEPARTEMENTAAL VERTROUWELIJK"),
                                    ("reader-c", "CONFIDENTIAL", "STAATSGEHEIM CONFIDENTIEEL")):
        client = clients[reader]
        report = client.get(E("nochair", "/report.html")).text
        want = "%s \u2014 status: scoring \u2014 %s" % (level, today)
        t.eq(report.count(want), 4, "%s's report: top, bottom, and the top and bottom of "
             "every printed page (%s)" % (reader, want))
        t.check(re.search(r'<body>\n<div class="banner top"', report) and
                re.search(r'<div class="banner bottom"[^>]*>[^<]*</div>\n</body>', report),
                "the banners open and close the report")
        dutch = client.get(E("nochair", "/report.html?lang=nl")).text
        t.eq(dutch.count("%s \u2014 status: scoren \u2014 %s" % (level_nl, today)), 4,
             "%s's Dutch report" % reader)
        export = client.get(E("nochair", "/export")).text.splitlines()
        line = "# %s - status: scoring - %s - natrisk export of edition %d" % (
            level, today, ed["nochair"])
        t.eq((export[0], export[-1]), (line, line), "%s's export, first and last line" % reader)
    r = clients["chair-p"].put(E("nochair", "/status"), {"status": "consolidation"})
    t.status(r, 200, "to consolidation")
    t.check("PUBLIC \u2014 status: consolidation" in
            clients["reader-p"].get(E("nochair", "/report.html")).text,
            "a cached report follows the status")


# ------------------------------------------------------------ 13. viewers

@t.test
def viewers_read_published_editions_only():
    viewer = clients["viewer-c"]
    listed = [e["id"] for e in viewer.get("/api/assessments").json()]
    t.eq(listed, [ed["status"]], "a viewer lists the published edition only")
    missing = viewer.get("/api/assessments/999999")
    for name in ("themes", "nochair"):
        for path in ("", "/results", "/export", "/diagram.svg", "/report.html",
                     "/scenarios", "/scenarios/pub-flood"):
            r = viewer.get(E(name, path))
            t.eq((r.status, r.body), (404, missing.body),
                 "a draft is no edition to a viewer: %s%s" % (name, path))
    t.status(viewer.get(E("status", "/results")), 200, "the published one reads")


# ------------------------------------------------------------ 15. compare

def cli_diagram(reader, edition, previous=None):
    """The diagram `natrisk diagram --compare` draws from the exports the
    reader receives (the independent way to the same picture)."""
    now = write("now-%s.yaml" % reader, clients[reader].get(E(edition, "/export")).text)
    args = ["diagram", now, "-o", os.path.join(srv.dir, "cli-%s.svg" % reader)]
    if previous:
        then = write("then-%s.yaml" % reader,
                     clients[reader].get(E(previous, "/export")).text)
        args += ["--compare", then]
    run_cli(*args)
    with open(os.path.join(srv.dir, "cli-%s.svg" % reader), "rb") as f:
        return f.read()


@t.test
def compare_with_the_previous_edition():
    chair = clients["chair"]
    for reader in ("reader-p", "reader-c"):
        t.eq(clients[reader].get(E("2012", "/diagram.svg")).body, cli_diagram(reader, "2012"),
             "unlinked: the diagram without movements (%s)" % reader)
    r = chair.put(E("2012", "/previous"), {"previous": ed["2011"]})
    t.status(r, 200, "the chair links 2012 to 2011")
    t.eq(r.json().get("previous"), ed["2011"], "the edition names the one it follows")
    for reader in ("reader-p", "reader-c"):
        svg = clients[reader].get(E("2012", "/diagram.svg")).body
        t.eq(svg, cli_diagram(reader, "2012", "2011"),
             "the live diagram is natrisk diagram --compare's (%s)" % reader)
        t.check(b'class="arrow"' in svg, "with arrows (%s)" % reader)
        report = clients[reader].get(E("2012", "/report.html")).text
        t.check('<section id="movements"' in report, "the report shows the movements (%s)"
                % reader)
    t.check(b"cyber-espionage" not in clients["reader-p"].get(E("2012", "/diagram.svg")).body,
            "the restricted scenario stays out of the public reader's movements")
    for body, status, what in (({"previous": ed["2012"]}, 422, "itself"),
                               ({"previous": 999999}, 422, "an unknown edition"),
                               ({"previous": "2011"}, 400, "a string"),
                               ({"previous": 0}, 400, "zero"), ({}, 400, "nothing")):
        t.status(chair.put(E("2012", "/previous"), body), status, "previous: %s" % what)
    t.status(clients["chair-p"].put(E("2012", "/previous"), {"previous": None}), 403,
             "another chair")
    t.status(chair.put(E("2012", "/previous"), {"previous": None}), 200, "unlinked")
    t.eq(clients["reader-c"].get(E("2012", "/diagram.svg")).body, cli_diagram("reader-c", "2012"),
         "no movements after unlinking")


# ------------------------------------------------------------ 14. colours

def point_fills(svg):
    """{scenario: fill colour} of the points of a diagram: a point's own
    fill, or that of the group around it (points painted alike share one)."""
    import xml.etree.ElementTree as ET
    root = ET.fromstring(svg)
    fills = {}

    def walk(node, fill):
        fill = node.get("fill", fill)
        if node.tag.endswith("}circle") and node.get("class") == "point":
            fills[node.get("data-scenario").encode()] = \
                fill.encode() if fill else None
        for child in node:
            walk(child, fill)
    walk(root, None)
    return fills


@t.test
def theme_keeps_its_colour():
    """Every reader, and every edition, sees a theme in the same colour:
    water is #0072b2, infra #56b4e9 (FNV-1a of the id, computed apart from
    natrisk), whatever the themes before them."""
    for edition in ("colours", "colours2"):
        for viewer in ("reader-p", "reader-r", "reader-c"):
            r = clients[viewer].get(E(edition, "/diagram.svg"))
            t.status(r, 200, "the diagram of %s for %s" % (edition, viewer))
            fills = point_fills(r.body)
            t.eq((fills.get(b"pub-flood"), fills.get(b"pub-outage")), (b"#0072b2", b"#56b4e9"),
                 "water and infra in %s for %s" % (edition, viewer))


if __name__ == "__main__":
    t.run(setup, teardown)
