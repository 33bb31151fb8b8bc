#!/usr/bin/env python3
"""test_audit.py - `natrisk audit verify` against someone who can write
the store's files, with a server writing to the store in between:

- the newest entries deleted (the triggers dropped with sqlite3): caught,
  and `natrisk serve` refuses to start on the cut log;
- an entry rewritten and the chain recomputed, unkeyed or under another
  key (recomputed here from docs/server.md's description, with Python's
  own BLAKE2b): caught; recomputed under the right key, every link holds
  (so the format is as documented) and only the anchor tells;
- the anchor removed, or replaced by another store's: caught; a wrong key
  (--audit-key, NATRISK_AUDIT_KEY): caught;
- an anchor lagging behind the log (a crash after a commit): accepted;
- verify on a read-only copy without its -wal and -shm (file and
  directory not writable; run as an unprivileged user when the tests run
  as root) succeeds and makes no file;
- `natrisk backup` writes the copy's anchor and says where the key is;
- a store from before the keys (schema 2) verifies read-only, and is
  sealed under a new key on its first open for writing.
Run: python3 tests/server/test_audit.py
"""
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import CLASSIFIED, NATRISK, Server, Suite, environment, run_cli  # noqa: E402

t = Suite("test_audit")
work = tempfile.mkdtemp(prefix="natrisk-audit-")
GENESIS = "0" * 64


def field(text):
    if text is None:
        return b"\0" + (0).to_bytes(8, "little")
    data = text.encode()
    return b"\1" + len(data).to_bytes(8, "little") + data


def digest(fields, key=None):
    h = hashlib.blake2b(digest_size=32, key=key or b"")
    for f in fields:
        h.update(field(f))
    return h.hexdigest()


def read_key(path):
    with open(path) as f:
        return bytes.fromhex(f.read().strip())


def sql(db, script):
    con = sqlite3.connect(db)
    try:
        con.executescript(script)
        con.commit()
    finally:
        con.close()


def rechain(db, key=None, actor="mallory"):
    """Rewrites entry 2's actor and recomputes every hash (and, with KEY,
    every MAC) as docs/server.md describes them."""
    con = sqlite3.connect(db)
    try:
        con.executescript("DROP TRIGGER IF EXISTS audit_no_update;")
        con.execute("UPDATE audit SET actor = ? WHERE id = 2", (actor,))
        previous, mac = GENESIS, GENESIS
        rows = con.execute("SELECT id, at, actor, action, object, before, after "
                           "FROM audit ORDER BY id").fetchall()
        for row in rows:
            h = digest([previous, str(row[0])] + list(row[1:]))
            if key is not None:
                mac = digest(["natrisk audit entry", mac, h], key)
            con.execute("UPDATE audit SET previous_hash = ?, hash = ?, "
                        "mac = CASE WHEN ? THEN ? ELSE mac END WHERE id = ?",
                        (previous, h, key is not None, mac, row[0]))
            previous = h
        con.commit()
    finally:
        con.close()


def verify(db, *extra, env=None):
    p = subprocess.run([NATRISK, "audit", "verify", "--db", db, *extra],
                       capture_output=True, text=True, env=env or environment(), timeout=120)
    return p.returncode, p.stdout + p.stderr


def store(name, writes=4):
    """A store of its own, made by a server that wrote to it: a user, an
    edition, and WRITES edits of a scenario through the API. Returns the
    Server (stopped)."""
    srv = Server(name="natrisk-audit-%s-" % name)
    srv.add_user("admin", "admin", "confidential")
    edition = srv.import_file(CLASSIFIED)
    srv.start()
    admin = srv.client("admin")
    for k in range(writes):
        r = admin.patch("/api/assessments/%d/scenarios/pub-flood" % edition,
                        {"sources": ["audit test %d" % k]})
        if r.status != 200:
            raise RuntimeError("write %d: %r" % (k, r))
    for problem in srv.stop():
        t.fail(problem)
    return srv


def write_with_cli(db):
    """One more audit entry, by another process than a server."""
    run_cli("import", CLASSIFIED, "--db", db)


servers = []


def fresh(name, writes=4):
    srv = store(name, writes)
    servers.append(srv)
    return srv


def teardown():
    for srv in servers:
        srv.cleanup()
    shutil.rmtree(work, ignore_errors=True)


@t.test
def intact():
    srv = fresh("intact")
    rc, out = verify(srv.db)
    t.eq(rc, 0, "a store the server wrote verifies: %s" % out)
    t.check("audit log intact: 6 entries" in out and "anchor is at entry 6" in out,
            "six entries (a user, an import, four edits), anchored at the last: %r" % out)
    t.eq(stat.S_IMODE(os.stat(srv.db + ".audit-key").st_mode), 0o600, "the key is 0600")
    with open(srv.db + ".audit-anchor") as f:
        lines = f.read().splitlines()
    con = sqlite3.connect(srv.db)
    head = con.execute("SELECT mac FROM audit WHERE id = 6").fetchone()[0]
    con.close()
    key = read_key(srv.db + ".audit-key")
    t.eq(lines, ["natrisk audit anchor", "entries 6", "head " + head,
                 "mac " + digest(["natrisk audit anchor", "6", head], key)],
         "the anchor: count, head and their MAC, as documented")


@t.test
def truncated():
    srv = fresh("truncated")
    sql(srv.db, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id > 4;")
    rc, out = verify(srv.db)
    t.eq(rc, 1, "the newest entries deleted: exit 1")
    t.check("ends at entry 4, but its anchor counts 6" in out, "says so: %r" % out)
    rc, _, err = run_cli("serve", "--db", srv.db, "--listen", "127.0.0.1:0", check=False)
    t.eq(rc, 1, "natrisk serve refuses the cut log")
    t.check("entries were removed" in err, "and says why: %r" % err)


@t.test
def rechained():
    for what, key in (("unkeyed", None), ("under another key", os.urandom(32))):
        srv = fresh("rechained")
        rechain(srv.db, key)
        rc, out = verify(srv.db)
        t.eq(rc, 1, "an entry rewritten and the chain recomputed %s: exit 1" % what)
        t.check("does not carry its MAC" in out, "%s: says so: %r" % (what, out))
    srv = fresh("rechained-right-key")
    rechain(srv.db, read_key(srv.db + ".audit-key"))
    rc, out = verify(srv.db)
    t.eq(rc, 1, "recomputed under the right key: the anchor still tells")
    t.check("audit entry 6 is not the entry that the anchor names" in out,
            "every link held up to the anchor's entry: %r" % out)


@t.test
def anchor_and_key():
    srv, other = fresh("anchor"), fresh("other", writes=6)
    anchor = srv.db + ".audit-anchor"
    shutil.move(anchor, anchor + ".saved")
    rc, out = verify(srv.db)
    t.eq(rc, 1, "the anchor removed: exit 1")
    t.check("audit anchor %s is missing" % anchor in out, "names it: %r" % out)
    shutil.copy(other.db + ".audit-anchor", anchor)
    rc, out = verify(srv.db)
    t.eq(rc, 1, "another store's anchor: exit 1")
    t.check("does not fit the audit key" in out, "says so: %r" % out)
    shutil.move(anchor + ".saved", anchor)
    t.eq(verify(srv.db)[0], 0, "its own anchor back: intact")
    wrong = other.db + ".audit-key"
    rc, out = verify(srv.db, "--audit-key", wrong)
    t.eq(rc, 1, "a wrong key with --audit-key: exit 1 (%s)" % out.strip())
    env = dict(environment(), NATRISK_AUDIT_KEY=wrong)
    t.eq(verify(srv.db, env=env)[0], 1, "a wrong key in NATRISK_AUDIT_KEY: exit 1")
    os.unlink(srv.db + ".audit-key")
    rc, out = verify(srv.db)
    t.eq(rc, 1, "no key: exit 1")
    t.check("audit key %s.audit-key is missing" % srv.db in out, "names it: %r" % out)


@t.test
def lagging_anchor():
    srv = fresh("lag")
    with open(srv.db + ".audit-anchor", "rb") as f:
        old = f.read()
    write_with_cli(srv.db)
    write_with_cli(srv.db)
    with open(srv.db + ".audit-anchor", "wb") as f:   # as if crashed before the move
        f.write(old)
    rc, out = verify(srv.db)
    t.eq(rc, 0, "an anchor two entries behind the log: intact (%s)" % out.strip())
    t.check("anchor is at entry 6, 2 behind" in out, "and says so: %r" % out)
    write_with_cli(srv.db)
    rc, out = verify(srv.db)
    t.check(rc == 0 and "anchor is at entry 9" in out and "behind" not in out,
            "the next write moves it to the end: %r" % out)


def unprivileged():
    """A command prefix that runs as nobody, when we are root (whom no
    file mode stops); empty otherwise."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


@t.test
def read_only_copy():
    srv = fresh("readonly")
    copy = os.path.join(work, "copy")
    os.mkdir(copy)
    db = os.path.join(copy, "store.db")
    shutil.copy(srv.db, db)            # no -wal, no -shm: the server stopped
    shutil.copy(srv.db + ".audit-anchor", db + ".audit-anchor")
    key = os.path.join(work, "key")
    shutil.copy(srv.db + ".audit-key", key)
    os.chmod(key, 0o644)               # for nobody; this key is a test's
    for path in (db, db + ".audit-anchor"):
        os.chmod(path, 0o444)
    os.chmod(copy, 0o555)
    os.chmod(work, 0o755)
    before = sorted(os.listdir(copy))
    with open(db, "rb") as f:
        data = f.read()
    p = subprocess.run(unprivileged() + [NATRISK, "audit", "verify", "--db", db,
                                         "--audit-key", key],
                       capture_output=True, text=True, env=environment(), timeout=120)
    t.eq(p.returncode, 0, "verify on a read-only copy: %s%s" % (p.stdout, p.stderr))
    t.check("audit log intact: 6 entries" in p.stdout, "all six: %r" % p.stdout)
    t.eq(sorted(os.listdir(copy)), before, "no file made beside the copy")
    with open(db, "rb") as f:
        t.check(f.read() == data, "the copy is byte for byte as it was")
    # as root too (whom the modes do not stop): still nothing written
    rc, out = verify(db, "--audit-key", key)
    t.eq((rc, sorted(os.listdir(copy))), (0, before), "verify as this user: %s" % out)
    os.chmod(copy, 0o755)


@t.test
def backup():
    srv = fresh("backup")
    out_path = os.path.join(work, "backup.db")
    rc, out, err = run_cli("backup", "--db", srv.db, out_path, check=False)
    t.eq(rc, 0, "natrisk backup: %s" % err)
    text = out.decode()
    t.check(os.path.exists(out_path + ".audit-anchor"), "the copy's anchor is written")
    t.check(srv.db + ".audit-key" in text and "not in the backup" in text,
            "it says where the key is, and that it is not copied: %r" % text)
    t.check(not os.path.exists(out_path + ".audit-key"), "the key is not copied")
    rc, out = verify(out_path, "--audit-key", srv.db + ".audit-key")
    t.eq(rc, 0, "the backup verifies with the store's key: %s" % out)
    t.eq(verify(out_path)[0], 1, "and not without it")


@t.test
def legacy_store_sealed():
    srv = fresh("legacy")
    # what a store from before the audit MACs (schema 4) looks like: no MACs, no key, no anchor
    # back to schema 4: the MACs' column (5), the plan's tables (6) and
    # the register's (8) gone
    sql(srv.db, "ALTER TABLE audit DROP COLUMN mac; DROP TABLE plan_levels; "
        "DROP TABLE plan_experts; DROP TABLE plan_items; DROP TABLE action_log; "
        "DROP TABLE user_organisations; DROP TABLE feed_tokens; DROP TABLE webhook_removals; "
        "DROP TABLE signal_adoptions; "
        "ALTER TABLE assessments DROP COLUMN plan; PRAGMA user_version = 4;")
    for suffix in (".audit-key", ".audit-anchor"):
        os.unlink(srv.db + suffix)
    rc, out = verify(srv.db)
    t.eq(rc, 0, "an old log verifies read-only: %s" % out)
    t.check("not yet under an audit key" in out, "and says it is not sealed: %r" % out)
    t.check(not os.path.exists(srv.db + ".audit-key"), "verify made no key")
    run_cli("user", "list", "--db", srv.db)       # the first open for writing
    t.check(os.path.exists(srv.db + ".audit-key"), "the first open makes the key")
    rc, out = verify(srv.db)
    t.eq(rc, 0, "sealed: %s" % out)
    t.check("7 entries (the first 6 from before the log had a key, sealed under it "
            "by entry 7)" in out, "the seal is entry 7: %r" % out)
    con = sqlite3.connect(srv.db)
    seal = con.execute("SELECT actor, action, after FROM audit WHERE id = 7").fetchone()
    con.close()
    t.eq(seal, ("natrisk", "audit.seal", '{"entries": 6}'), "the seal entry")
    rechain(srv.db)
    t.eq(verify(srv.db)[0], 1, "an old entry rewritten after the seal: caught")


if __name__ == "__main__":
    t.run(None, teardown)
