"""yaml_shapes.py - hostile YAML files of a given size, one per shape that
could make a parser use memory or time out of proportion to its input:
deep nesting (flow and block, sequences and mappings, closed and not),
very many small items, long scalars, long lines, many keys, documents,
anchors and aliases, tags, and errors.

Each file is an assessment whose first scenario's description holds the
hostile part (or, for the shapes that must be at the top, the whole
file), so that the loader reaches it as it would in a real upload.
Generated at test time, so that no megabytes are committed.

    python3 yaml_shapes.py DIR [SIZE]   writes DIR/SHAPE.yaml for each shape
                                        (SIZE bytes each, default 8 MiB - 4 KiB)
Imported: shapes(size) -> {name: bytes}.
"""
import os
import sys

DEFAULT_SIZE = 8 * 1024 * 1024 - 4096

HEAD = ("natrisk: 1\ntitle: Shapes\nmethod: nrb-2008\nscenarios:\n"
        "  - id: flood\n    title: River flood\n    kind: hazard\n"
        "    likelihood: C\n    impact:\n      \"2.1\": D\n    description: ")


def _fill(size, prefix, unit, suffix=""):
    """PREFIX, UNIT repeated, SUFFIX: SIZE bytes at most."""
    n = max(0, (size - len(prefix) - len(suffix)) // len(unit))
    return prefix + unit * n + suffix


def _balanced(size, prefix, opening, closing, middle=""):
    n = max(0, (size - len(prefix) - len(middle) - 1) // (len(opening) + len(closing)))
    return prefix + opening * n + middle + closing * n + "\n"


def _indented(size, prefix, line):
    """LINE at indentation 6, 7, 8, ... : block nesting by indentation."""
    parts, used, depth = [prefix], len(prefix), 6
    while used + depth + len(line) + 1 < size:
        parts.append(" " * depth + line + "\n")
        used += depth + len(line) + 1
        depth += 1
    return "".join(parts)


def _laughs(size):
    """Each anchor names a list of ten aliases of the one before: a parser
    that expands aliases would build 10^levels nodes."""
    parts = [HEAD + "\n      - &l0 [lol]\n"]
    used, level = len(parts[0]), 1
    while True:
        line = "      - &l%d [%s]\n" % (level, ", ".join(["*l%d" % (level - 1)] * 10))
        if used + len(line) > size:
            return "".join(parts)
        parts.append(line)
        used += len(line)
        level += 1


def _many_keys(size):
    parts, used, i = [HEAD, "\n"], len(HEAD) + 1, 0
    while True:
        line = "      k%d: 0\n" % i
        if used + len(line) > size:
            return "".join(parts)
        parts.append(line)
        used += len(line)
        i += 1


def _many_scenarios(size):
    head = "natrisk: 1\ntitle: Shapes\nmethod: nrb-2008\nscenarios:\n"
    parts, used, i = [head], len(head), 0
    while True:
        item = ("  - id: s%d\n    title: Scenario %d\n    kind: hazard\n"
                "    likelihood: C\n    impact: {\"2.1\": D}\n" % (i, i))
        if used + len(item) > size:
            return "".join(parts)
        parts.append(item)
        used += len(item)
        i += 1


def shapes(size=DEFAULT_SIZE):
    s = size
    texts = {
        "flow-seq-deep": _balanced(s, HEAD, "[", "]"),
        "flow-seq-deep-unclosed": _fill(s, HEAD, "["),
        "flow-seq-deep-lines": _balanced(s, HEAD, "[\n     ", "]"),
        "flow-map-deep": _balanced(s, HEAD, "{a: ", "}", "0"),
        "flow-mixed-deep": _balanced(s, HEAD, "[{a: ", "}]", "0"),
        "block-seq-deep-one-line": _fill(s, HEAD + "\n      ", "- ", "x\n"),
        "block-seq-deep-indented": _indented(s, HEAD + "\n", "-"),
        "block-map-deep-indented": _indented(s, HEAD + "\n", "a:"),
        "block-map-deep-one-line": _fill(s, HEAD + "\n      ", "? ", "x\n"),
        "flow-many-items": _fill(s, HEAD + "[", "0,", "0]\n"),
        "flow-many-items-nested": _fill(s, HEAD + "[[", "0,", "0]]\n"),
        "flow-many-items-lines": _fill(s, HEAD + "[[", "0,\n       ", "0]]\n"),
        "explicit-key-many-items": _fill(s, HEAD + "\n      ? [", "0,\n       ", "0]\n      : 1\n"),
        "flow-many-empty-lists": _fill(s, HEAD + "[", "[],", "0]\n"),
        "flow-many-maps": _fill(s, HEAD + "[", "{a: 0},", "0]\n"),
        "block-many-items": _fill(s, HEAD + "\n", "      - 0\n"),
        "many-keys": _many_keys(s),
        "many-scenarios": _many_scenarios(s),
        "long-plain-scalar": _fill(s, HEAD, "x", "\n"),
        "long-prose-scalar": _fill(s, HEAD, "word ", "x\n"),
        "long-prose-lines": _fill(s, HEAD + ">\n", "      " + "word " * 14 + "\n"),
        "long-quoted-scalar": _fill(s, HEAD + '"', "\\u00e9", '"\n'),
        "long-block-scalar": _fill(s, HEAD + "|\n", "      " + "x" * 70 + "\n"),
        "long-comment-line": _fill(s, "# ", "x", "\n" + HEAD + "x\n"),
        "many-comment-lines": _fill(s, "", "#\n", HEAD + "x\n"),
        "billion-laughs": _laughs(s),
        "many-aliases": _fill(s, HEAD + "[", "*a,", "0]\n"),
        "many-anchors": _fill(s, HEAD + "[", "&a 0,", "0]\n"),
        "many-tags": _fill(s, HEAD + "[", "!t 0,", "0]\n"),
        "many-documents": _fill(s, HEAD + "x\n", "---\n"),
        "many-duplicate-keys": _fill(s, HEAD + "{", "a: 0,", "a: 0}\n"),
        "many-errors": _fill(s, HEAD + "x\n    sources:\n", "      - [0]\n"),
    }
    return {name: text.encode("utf-8") for name, text in texts.items()}


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: yaml_shapes.py DIR [SIZE]")
    size = int(argv[2]) if len(argv) == 3 else DEFAULT_SIZE
    os.makedirs(argv[1], exist_ok=True)
    for name, data in shapes(size).items():
        with open(os.path.join(argv[1], name + ".yaml"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main(sys.argv)
