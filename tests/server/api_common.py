"""api_common.py - the store, users and editions that test_api.py and
test_api_work.py share: a server with the classified fixture imported four
times (views, work, consolidation, publication) and a user of every role
and clearance; what each clearance may see, written by hand.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, NRB2012, Server, filtered_fixture  # noqa: E402

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

# A theme is classified as the lowest of the scenarios that use it (water
# and infra: public; heron: only the confidential scenario uses it).
THEMES = {"public": [{"id": "water", "title": "Flooding", "classification": "public"},
                     {"id": "infra", "title": "Vital infrastructure", "classification": "public"}]}
THEMES["restricted"] = THEMES["public"]
THEMES["confidential"] = THEMES["public"] + [{"id": "heron", "title": "Covert heron programme",
                                              "classification": "confidential"}]

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
    # viewers read published editions only: the views' edition is one
    r = clients["admin"].put(E("view", "/status"), {"status": "published"})
    if r.status != 200:
        raise RuntimeError("publishing the views' edition: %r" % r)


def teardown(suite):
    for problem in srv.stop():
        suite.fail(problem)
    srv.cleanup()


def E(name, rest=""):
    return "/api/assessments/%d%s" % (ed[name], rest)


# ---------------------------------------------------------------- sessions

