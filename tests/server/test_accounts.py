#!/usr/bin/env python3
"""test_accounts.py - accounts in `natrisk serve` and from the CLI while
it runs:

- a user changes their own password (POST /api/users/me/password, with
  the current one): their other sessions end, this one goes on; a wrong
  current password is 403 and counts in the sign-in throttle (429), both
  ways round;
- an admin sets a user's password (PUT /api/users/{name}/password): every
  session of that user ends;
- a disabled user is enabled again (PUT /api/users/{name}/disabled with
  false);
- the same from the CLI, another process than the server: `natrisk user
  disable` ends the user's session on the very next request, `natrisk
  user passwd NAME --password-stdin` and `natrisk user enable NAME`;
- every change is in the audit log, never a password or its hash, and
  `natrisk audit verify` passes.
Run: python3 tests/server/test_accounts.py
"""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Client, Server, Suite, run_cli  # noqa: E402

t = Suite("test_accounts")
srv = Server(name="natrisk-accounts-")
# Each test its own client address, so that its failed attempts throttle
# nobody else; the throttle also counts by user name: its own users too.
ADDRESS = iter("127.0.0.%d" % n for n in range(40, 90))
USED_PASSWORDS = []


def setup():
    srv.add_user("admin", "admin", "confidential")
    for name in ("olga", "otto", "rita", "reset", "cleo", "carl", "ursula"):
        srv.add_user(name, "viewer", "public")
    USED_PASSWORDS.extend(srv.passwords.values())
    srv.start()


def teardown():
    for problem in srv.stop():
        t.fail(problem)
    srv.cleanup()


def client(name=None):
    c = Client(srv, source=next(ADDRESS))
    if name:
        r = c.login(name)
        if r.status != 200:
            raise RuntimeError("cannot sign in as %s: %r" % (name, r))
    return c


def change_own(c, current, new):
    return c.post("/api/users/me/password", {"current": current, "password": new})


def remember(name, password):
    srv.passwords[name] = password
    USED_PASSWORDS.append(password)


@t.test
def own_password():
    here, elsewhere = client("olga"), client("olga")
    old = srv.passwords["olga"]
    r = change_own(here, old, "olga-second-pw")
    t.status(r, 200, "olga changes her password")
    t.eq(r.json(), {"changed": True}, "the answer")
    remember("olga", "olga-second-pw")
    t.status(here.get("/api/session"), 200, "the session that changed it goes on")
    t.status(elsewhere.get("/api/session"), 401, "her other session has ended")
    t.status(client().login("olga", old), 401, "the old password signs in no more")
    t.status(client().login("olga", "olga-second-pw"), 200, "the new one does")
    # what is not accepted changes nothing
    for body, code, what in (
            ({"current": "olga-second-pw"}, 400, "no new password"),
            ({"current": "olga-second-pw", "password": "x" * 12, "extra": 1}, 400,
             "an extra key"),
            ({"current": 5, "password": "x" * 12}, 400, "a number"),
            ({"current": "olga-second-pw", "password": "seven77"}, 422,
             "seven characters"),
            ({"current": "not-her-password", "password": "olga-third-pw"}, 403,
             "a wrong current password")):
        t.status(here.post("/api/users/me/password", body), code, what)
    t.status(client().login("olga", "olga-second-pw"), 200,
             "the password is still the second one")
    t.status(Client(srv).post("/api/users/me/password",
                              {"current": "x", "password": "y" * 10}), 401,
             "without a session")
    t.status(here.post("/api/users/me/password", {"current": "olga-second-pw",
                                                  "password": "olga-third-pw"}, csrf=False),
             403, "without the CSRF token")


@t.test
def wrong_current_is_throttled():
    """Four free failures, then each further one waits: the fifth wrong
    password is still checked (403), the sixth attempt is refused (429)
    without a check, even with the right password; and sign-in for that
    user is throttled as well, since it is one allowance."""
    c = client("otto")
    for k in range(1, 6):
        t.status(change_own(c, "wrong-%d-password" % k, "otto-new-password"), 403,
                 "wrong current password %d" % k)
    r = change_own(c, srv.passwords["otto"], "otto-new-password")
    t.status(r, 429, "then throttled, the right password too")
    t.check("try again" in r.json().get("error", ""), "the 429 says when: %r" % r.json())
    t.status(client().login("otto"), 429, "and the sign-in of otto too")
    t.status(c.get("/api/session"), 200, "the session itself goes on")


@t.test
def failed_sign_ins_throttle_the_change():
    c = client("rita")
    for k in range(5):
        t.status(client().login("rita", "wrong-sign-in-%d" % k), 401, "failed sign-in %d" % k)
    t.status(change_own(c, srv.passwords["rita"], "rita-new-password"), 429,
             "failed sign-ins throttle the password change")
    t.status(client().login("rita", "rita-new-password"), (401, 429),
             "and the password did not change")


@t.test
def admin_sets_a_password():
    admin = client("admin")
    first, second = client("reset"), client("reset")
    r = admin.put("/api/users/reset/password", {"password": "reset-by-admin"})
    t.status(r, 200, "the admin sets reset's password")
    t.eq(r.json(), {"name": "reset", "role": "viewer", "clearance": "public",
                    "disabled": False, "organisations": []}, "the user")
    remember("reset", "reset-by-admin")
    t.status(first.get("/api/session"), 401, "every session of the user ends")
    t.status(second.get("/api/assessments"), 401, "every one")
    t.status(client().login("reset", "reset-by-admin"), 200, "the new password signs in")
    t.status(admin.get("/api/session"), 200, "the admin's session goes on")
    for body, code, what in (({"password": "short"}, 422, "a short password"),
                             ({"password": ["x" * 10]}, 400, "not a string"),
                             ({}, 400, "no password"),
                             ({"password": "x" * 10, "disabled": True}, 400, "an extra key")):
        t.status(admin.put("/api/users/reset/password", body), code, what)
    t.status(admin.put("/api/users/nobody/password", {"password": "long-enough"}), 404,
             "an unknown user")
    for who in ("olga", "reset"):
        t.status(client(who).put("/api/users/cleo/password", {"password": "taken-over"}),
                 403, "%s sets another's password" % who)
    t.status(client().login("cleo"), 200, "cleo's password is unchanged")


@t.test
def enable_again():
    admin = client("admin")
    t.status(admin.put("/api/users/cleo/disabled", {"disabled": True}), 200, "cleo disabled")
    t.status(client().login("cleo"), 401, "cleo cannot sign in")
    r = admin.put("/api/users/cleo/disabled", {"disabled": False})
    t.status(r, 200, "cleo enabled again")
    t.eq(r.json(), {"name": "cleo", "role": "viewer", "clearance": "public",
                    "disabled": False, "organisations": []}, "the user, enabled")
    t.status(client().login("cleo"), 200, "cleo signs in again")
    t.status(admin.put("/api/users/cleo/disabled", {"disabled": False}), 200,
             "enabling an enabled user changes nothing")
    listed = {u["name"]: u["disabled"] for u in admin.get("/api/users").json()}
    t.eq(listed.get("cleo"), False, "the list shows cleo enabled")
    t.status(admin.put("/api/users/nobody/disabled", {"disabled": False}), 404,
             "enable an unknown user")
    t.status(client("olga").put("/api/users/cleo/disabled", {"disabled": False}), 403,
             "a viewer enables")


@t.test
def cli_disable_ends_the_session_at_once():
    c = client("carl")
    t.status(c.get("/api/assessments"), 200, "carl reads")
    run_cli("user", "disable", "carl", "--db", srv.db)
    t.status(c.get("/api/assessments"), 401, "the very next request after "
             "`natrisk user disable` from the CLI")
    t.status(c.get("/api/session"), 401, "and every one after")
    run_cli("user", "enable", "carl", "--db", srv.db)
    t.status(c.get("/api/session"), 401, "enabling does not bring the session back")
    t.status(client().login("carl"), 200, "carl signs in again after `natrisk user enable`")


@t.test
def cli_passwd():
    c = client("ursula")
    rc, out, err = run_cli("user", "passwd", "ursula", "--password-stdin", "--db", srv.db,
                           input=b"ursula-from-cli\n")
    t.eq((rc, out, err), (0, b"", ""), "natrisk user passwd")
    remember("ursula", "ursula-from-cli")
    t.status(c.get("/api/session"), 401, "the user's session ended at once")
    t.status(client().login("ursula", "ursula-from-cli"), 200, "the new password signs in")
    rc, _, err = run_cli("user", "passwd", "ursula", "--password-stdin", "--db", srv.db,
                         input=b"short\n", check=False)
    t.eq(rc, 1, "a short password: exit 1")
    t.check("at least 8 characters" in err, "says why: %r" % err)
    rc, _, err = run_cli("user", "passwd", "ursula", "--db", srv.db, check=False)
    t.eq(rc, 2, "without --password-stdin: a usage error")
    rc, _, err = run_cli("user", "passwd", "nobody", "--password-stdin", "--db", srv.db,
                         input=b"long-enough-pw\n", check=False)
    t.eq((rc, "no user 'nobody'" in err), (1, True), "an unknown user: %r" % err)
    t.status(client().login("ursula", "ursula-from-cli"), 200, "the password is unchanged")


@t.test
def audited_without_passwords():
    rc, out, err = run_cli("audit", "verify", "--db", srv.db, check=False)
    t.eq(rc, 0, "natrisk audit verify: %s %s" % (out, err))
    con = sqlite3.connect(srv.db)
    try:
        rows = con.execute("SELECT actor, action, object, coalesce(before, ''), "
                           "coalesce(after, '') FROM audit").fetchall()
    finally:
        con.close()
    seen = {(actor, action, obj) for actor, action, obj, _, _ in rows}
    for entry in (("olga", "user.password", "user:olga"),
                  ("admin", "user.password", "user:reset"),
                  ("admin", "user.disable", "user:cleo"),
                  ("admin", "user.enable", "user:cleo"),
                  ("cli", "user.disable", "user:carl"),
                  ("cli", "user.enable", "user:carl"),
                  ("cli", "user.password", "user:ursula")):
        t.check(entry in seen, "the audit log holds %s %s by %s" % (entry[1], entry[2],
                                                                    entry[0]))
    t.eq(sum(1 for _, action, obj, _, _ in rows
             if (action, obj) == ("user.enable", "user:cleo")), 1,
         "enabling an enabled user wrote no entry")
    text = repr(rows)
    for password in USED_PASSWORDS + ["olga-third-pw", "taken-over", "$argon2"]:
        t.check(password not in text, "no %r in the audit log" % password)


if __name__ == "__main__":
    t.run(setup, teardown)
