#!/usr/bin/env python3
"""json_compare.py EXPECTED ACTUAL [--rel 1e-9]

Compares two JSON documents: objects must have the same keys (order is not
significant), arrays the same length, strings, booleans and null exactly;
numbers agree to a relative tolerance (default 1e-9; absolute 1e-12 near 0).
null against a number is a difference. Exit 0 when they agree, 1 with the
path of the first difference on stderr, 2 on a usage or parse error.
"""

import json
import math
import sys


def kind(x):
    if x is None:
        return "null"
    if isinstance(x, bool):
        return "boolean"
    if isinstance(x, (int, float)):
        return "number"
    if isinstance(x, str):
        return "string"
    if isinstance(x, list):
        return "array"
    return "object"


def compare(a, b, path, rel):
    """None when equal, else a message for the first difference."""
    ka, kb = kind(a), kind(b)
    if ka != kb:
        return "%s: expected %s %s, got %s %s" % (
            path, ka, json.dumps(a)[:60], kb, json.dumps(b)[:60])
    if ka == "number":
        fa, fb = float(a), float(b)
        if not (math.isfinite(fa) and math.isfinite(fb)):
            return "%s: not finite" % path
        if abs(fa - fb) <= max(rel * max(abs(fa), abs(fb)), 1e-12):
            return None
        return "%s: expected %r, got %r" % (path, a, b)
    if ka == "array":
        if len(a) != len(b):
            return "%s: expected %d elements, got %d" % (path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            d = compare(x, y, "%s[%d]" % (path, i), rel)
            if d:
                return d
        return None
    if ka == "object":
        for k in a:
            if k not in b:
                return "%s.%s: missing" % (path, k)
        for k in b:
            if k not in a:
                return "%s.%s: unexpected key" % (path, k)
        for k in a:
            d = compare(a[k], b[k], "%s.%s" % (path, k), rel)
            if d:
                return d
        return None
    if a != b:
        return "%s: expected %s, got %s" % (path, json.dumps(a), json.dumps(b))
    return None


def main(argv):
    rel = 1e-9
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "--rel" and i + 1 < len(argv):
            rel = float(argv[i + 1])
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 2:
        sys.stderr.write("usage: json_compare.py EXPECTED ACTUAL [--rel R]\n")
        return 2
    docs = []
    for name in args:
        try:
            with open(name, encoding="utf-8") as f:
                docs.append(json.load(f))
        except (OSError, ValueError) as e:
            sys.stderr.write("json_compare.py: %s: %s\n" % (name, e))
            return 2
    d = compare(docs[0], docs[1], "$", rel)
    if d:
        sys.stderr.write("%s\n" % d)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
