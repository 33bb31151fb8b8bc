"""yaml_shapes.py - hostile YAML files of a given size, one per shape that
could make a parser use memory or time out of proportion to its input:
deep nesting (flow and block, sequences and mappings, closed and not),
very many small items, long scalars, long lines, many keys, documents,
anchors and aliases, tags, and errors.

Each file is an assessment whose first scenario's description holds the
hostile part (or, for the shapes that must be at the top, the whole
file), so that the loader reaches it as it would in a real upload.
Generated at test time, so that no megabytes are committed.

    python3 yaml_shapes.py --list            the names of the shapes
    python3 yaml_shapes.py --expect NAME     what natrisk must answer
    python3 yaml_shapes.py DIR [SIZE [NAME...]]
                        writes DIR/NAME.yaml (SIZE bytes at most, default
                        8 MiB - 4 KiB) for the shapes named, or all

Imported: shape(name, size) -> bytes; EXPECTED.
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


def _numbered(size, head, line):
    """HEAD, then LINE % i for i = 0, 1, ...: SIZE bytes at most."""
    parts, used, i = [head], len(head), 0
    while True:
        text = line % {"i": i}
        if used + len(text) > size:
            return "".join(parts)
        parts.append(text)
        used += len(text)
        i += 1


def _many_keys(size):
    return _numbered(size, HEAD + "\n", "      k%(i)d: 0\n")


def many_scenarios(size):
    """A valid assessment of as many small scenarios as SIZE bytes hold."""
    return _numbered(size, "natrisk: 1\ntitle: Shapes\nmethod: nrb-2008\nscenarios:\n",
                     "  - id: s%(i)d\n    title: Scenario %(i)d\n    kind: hazard\n"
                     "    likelihood: C\n    impact: {\"2.1\": D}\n")


BUILDERS = {
    "flow-seq-deep": lambda s: _balanced(s, HEAD, "[", "]"),
    "flow-seq-deep-unclosed": lambda s: _fill(s, HEAD, "["),
    "flow-seq-deep-lines": lambda s: _balanced(s, HEAD, "[\n     ", "]"),
    "flow-map-deep": lambda s: _balanced(s, HEAD, "{a: ", "}", "0"),
    "flow-mixed-deep": lambda s: _balanced(s, HEAD, "[{a: ", "}]", "0"),
    "block-seq-deep-one-line": lambda s: _fill(s, HEAD + "\n      ", "- ", "x\n"),
    "block-seq-deep-indented": lambda s: _indented(s, HEAD + "\n", "-"),
    "block-map-deep-indented": lambda s: _indented(s, HEAD + "\n", "a:"),
    "block-map-deep-one-line": lambda s: _fill(s, HEAD + "\n      ", "? ", "x\n"),
    "flow-many-items": lambda s: _fill(s, HEAD + "[", "0,", "0]\n"),
    "flow-many-items-nested": lambda s: _fill(s, HEAD + "[[", "0,", "0]]\n"),
    "flow-many-items-lines": lambda s: _fill(s, HEAD + "[[", "0,\n       ", "0]]\n"),
    "explicit-key-many-items": lambda s: _fill(s, HEAD + "\n      ? [", "0,\n       ", "0]\n      : 1\n"),
    "flow-many-empty-lists": lambda s: _fill(s, HEAD + "[", "[],", "0]\n"),
    "flow-many-maps": lambda s: _fill(s, HEAD + "[", "{a: 0},", "0]\n"),
    "block-many-items": lambda s: _fill(s, HEAD + "\n", "      - 0\n"),
    "many-keys": _many_keys,
    "many-unknown-keys": lambda s: _numbered(
        s, HEAD.split("    title:")[0], "    x%(i)039d: 0\n"),
    "many-scenarios": many_scenarios,
    "long-plain-scalar": lambda s: _fill(s, HEAD, "x", "\n"),
    "long-prose-scalar": lambda s: _fill(s, HEAD, "word ", "x\n"),
    "long-prose-lines": lambda s: _fill(s, HEAD + ">\n", "      " + "word " * 14 + "\n"),
    "long-quoted-scalar": lambda s: _fill(s, HEAD + '"', "\\u00e9", '"\n'),
    "long-block-scalar": lambda s: _fill(s, HEAD + "|\n", "      " + "x" * 70 + "\n"),
    "long-comment-line": lambda s: _fill(s, "# ", "x", "\n" + HEAD + "x\n"),
    "many-comment-lines": lambda s: _fill(s, "", "#\n", HEAD + "x\n"),
    "billion-laughs": _laughs,
    "many-aliases": lambda s: _fill(s, HEAD + "[", "*a,", "0]\n"),
    "many-anchors": lambda s: _fill(s, HEAD + "[", "&a 0,", "0]\n"),
    "many-tags": lambda s: _fill(s, HEAD + "[", "!t 0,", "0]\n"),
    "many-documents": lambda s: _fill(s, HEAD + "x\n", "---\n"),
    "many-duplicate-keys": lambda s: _fill(s, HEAD + "{", "a: 0,", "a: 0}\n"),
    "many-errors": lambda s: _fill(s, HEAD + "x\n    sources:\n", "      - [0]\n"),
}


def shape(name, size=DEFAULT_SIZE):
    """The file of shape NAME, SIZE bytes at most."""
    return BUILDERS[name](size).encode("utf-8")


def shapes(size=DEFAULT_SIZE):
    """(name, file) for every shape, one at a time."""
    for name in BUILDERS:
        yield name, shape(name, size)


NESTED = "YAML nested more than 64 levels deep: natrisk reads at most 64 levels"
NODES = "more than 500000 YAML nodes (keys, values and lists)"
AHEAD = "too much to read at once"

# What natrisk answers to each shape of DEFAULT_SIZE, worked out by hand:
# the first error's place (LINE:COL, or None where it depends on how far
# the parser read) and a part of its message; None for a file that loads.
# HEAD is lines 1-11, the description's value starts at 11:18, and the
# file, the scenario list and the scenario are three levels, so that the
# 62nd level of the description is the 65th of the file. Nodes: the head
# up to the key "description" is 23, its value node 24; the 500,001st node
# is refused (block-many-items: the list is node 24, item K node 24 + K,
# on line 11 + K, so K = 499,977).
EXPECTED = {
    "flow-seq-deep": ("11:79", NESTED),             # 18 + 61
    "flow-seq-deep-unclosed": ("11:79", NESTED),
    "flow-seq-deep-lines": ("72:6", NESTED),        # '[' K >= 2 on 10 + K
    "flow-map-deep": ("11:262", NESTED),            # 18 + 4 * 61
    "flow-mixed-deep": ("11:169", NESTED),          # the 31st '{': 19 + 5 * 30
    "block-seq-deep-one-line": ("12:129", NESTED),  # 7 + 2 * 61
    "block-seq-deep-indented": ("73:68", NESTED),   # line 12 + 61, 7 + 61
    "block-map-deep-indented": ("73:68", NESTED),
    "block-map-deep-one-line": ("12:129", NESTED),
    "flow-many-items": (None, AHEAD),
    "flow-many-items-nested": ("11:19", "this '[' holds " + AHEAD),
    "flow-many-items-lines": ("499986:8", NODES),   # item 499,976 on 10 + K
    "explicit-key-many-items": ("12:9", "this '[' holds " + AHEAD),
    "flow-many-empty-lists": (None, "this '[' holds " + AHEAD),
    "flow-many-maps": (None, "this '{' holds " + AHEAD),
    "block-many-items": ("499988:9", NODES),        # item 499,977
    "many-keys": ("250000:7", NODES),               # key 249,988 (25 + 2K)
    "many-scenarios": (None, NODES),
    # the scenario's keys start on line 6: the first is unknown
    "many-unknown-keys": ("6:5", "unknown key 'x000000000000000000000000000000000000000' in a scenario"),
    "long-plain-scalar": ("11:18", "description is too long"),
    "long-prose-scalar": ("11:18", AHEAD),
    "long-prose-lines": ("11:18", AHEAD),           # at its ">"
    "long-quoted-scalar": ("11:18", "description is too long"),
    "long-block-scalar": ("11:18", "description is too long"),
    "long-comment-line": None,
    "many-comment-lines": ("1:1", AHEAD),
    "billion-laughs": ("12:9", "YAML anchors (&) are not supported"),
    "many-aliases": ("11:19", "YAML aliases (*) are not supported"),
    "many-anchors": ("11:19", "YAML anchors (&) are not supported"),
    "many-tags": (None, AHEAD),
    "many-documents": ("12:1", "a file holds one YAML document"),
    "many-duplicate-keys": (None, AHEAD),
    "many-errors": ("250000:9", NODES),             # list 249,987 (27 + 2K)
}


def main(argv):
    """DIR [SIZE [NAME...]]: writes DIR/NAME.yaml for the shapes named (all
    when none are); --list prints the names."""
    if argv[1:] == ["--list"]:
        print("\n".join(BUILDERS))
        return
    if len(argv) == 3 and argv[1] == "--expect":
        expected = EXPECTED[argv[2]]
        print("loads" if expected is None else "%s|%s" % (expected[0] or "", expected[1]))
        return
    if len(argv) < 2:
        sys.exit("usage: yaml_shapes.py --list | DIR [SIZE [NAME...]]")
    size = int(argv[2]) if len(argv) > 2 else DEFAULT_SIZE
    names = argv[3:] or list(BUILDERS)
    os.makedirs(argv[1], exist_ok=True)
    for name in names:
        with open(os.path.join(argv[1], name + ".yaml"), "wb") as f:
            f.write(shape(name, size))


if __name__ == "__main__":
    main(sys.argv)
