#!/usr/bin/env python3
"""test_limits_yaml.py - uploads of hostile YAML to `natrisk serve`: a
signed-in chair posts an 8 MiB assessment file of every shape that
tests/tools/yaml_shapes.py makes (deep nesting, many items, long scalars,
anchors, documents...) to POST /api/assessments. Each answer must be the
4xx of an invalid file with the located first error worked out by hand in
yaml_shapes.EXPECTED, come within seconds of the server's processor time,
and the server's peak memory (VmHWM) must stay under 200 MB throughout.

Run: python3 tests/server/test_limits_yaml.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tools"))
from limits_common import ChairServer  # noqa: E402
from serverlib import SANITIZED, Suite  # noqa: E402
import yaml_shapes  # noqa: E402

t = Suite("test_limits_yaml")
server = ChairServer(t)
srv = server.srv
state = {}

# The sanitizers' shadow memory and slower code need more; the limits stay
# far below what the unbounded parser took (2.9 GB and 11 s on nesting).
# AddressSanitizer also keeps freed blocks in quarantine, 256 MB by
# default: the peak then grew with every upload (940 MB after the long
# scalars, and not on every run), which measures the quarantine, not the
# parser. The server here keeps 64 MB of it (430 MB at the peak).
MAX_KB = 800 * 1024 if SANITIZED else 200 * 1024
if SANITIZED:
    os.environ["ASAN_OPTIONS"] = (os.environ.get("ASAN_OPTIONS", "") +
                                  ":quarantine_size_mb=64").lstrip(":")
MAX_CPU_SECONDS = 60 if SANITIZED else 10
SIZE = yaml_shapes.DEFAULT_SIZE  # under the server's 8 MiB body limit


def peak_kb():
    with open("/proc/%d/status" % srv.proc.pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/%d/status" % srv.proc.pid)


def cpu_seconds():
    """The server's user and system time so far."""
    with open("/proc/%d/stat" % srv.proc.pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def setup():
    server.start()
    state["chair"] = server.chair


def upload(name):
    before = cpu_seconds()
    r = state["chair"].post("/api/assessments", yaml_shapes.shape(name, SIZE),
                            content_type="application/yaml", timeout=300)
    return r, cpu_seconds() - before


def check_refusal(name, r, expected):
    where, phrase = expected
    if not t.status(r, range(400, 500), "%s: a 4xx" % name):
        return
    t.eq(r.status, 422, "%s: refused as an invalid file" % name)
    errors = r.json().get("errors") or [{}]
    first = errors[0]
    t.check(isinstance(first.get("line"), int) and isinstance(first.get("column"), int),
            "%s: the first error has a line and a column: %r" % (name, first))
    if where:
        line, column = map(int, where.split(":"))
        t.eq((first.get("line"), first.get("column")), (line, column),
             "%s: the first error's place" % name)
    t.check(phrase in first.get("message", ""),
            "%s: the first error says %r: %r" % (name, phrase, first.get("message")))


@t.test
def every_shape_bounded():
    for name in yaml_shapes.BUILDERS:
        expected = yaml_shapes.EXPECTED[name]
        r, cpu = upload(name)
        if expected is None:
            t.status(r, 201, "%s: a valid file is taken" % name)
        else:
            check_refusal(name, r, expected)
        t.check(cpu <= MAX_CPU_SECONDS,
                "%s: %.1f s of the server's processor time, more than %d"
                % (name, cpu, MAX_CPU_SECONDS))
        kb = peak_kb()
        t.check(kb <= MAX_KB, "%s: the server's peak memory is %d KiB after it, "
                "more than %d" % (name, kb, MAX_KB))
    t.check(srv.running(), "the server still runs")


@t.test
def still_serves():
    """After all that, an ordinary file is still taken and listed."""
    r = state["chair"].post("/api/assessments", yaml_shapes.many_scenarios(2000),
                            content_type="application/yaml")
    t.status(r, 201, "a small valid file")
    listed = [e["id"] for e in state["chair"].get("/api/assessments").json()]
    t.check(r.status == 201 and r.json()["id"] in listed, "the new edition is listed")


if __name__ == "__main__":
    t.run(setup, server.stop)
