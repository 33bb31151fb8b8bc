#!/usr/bin/env python3
"""header_docs.py HEADER... - every function the public headers declare
is exported (NATRISK_EXTERN) and documented by the comment just above it
or above the group of declarations it belongs to (declarations with no
blank line between them share one comment). The comment must say what an
int-returning function returns, who frees what a function hands over
(a non-const pointer returned, or a pointer to pointer to fill), and how
long a borrowed pointer stays valid. Prints each lapse as FILE:LINE: and
exits 1 when there is one."""
import re
import sys

RETURNS = re.compile(r"return|NATRISK_E|NATRISK_OK|\b0\b", re.I)
FREES = re.compile(r"free|clos", re.I)
LIFETIME = re.compile(r"owned|owns|own\b|borrow|valid|while|until|lives|"
                      r"static|belongs|free", re.I)


def strip_comments(line, in_comment):
    """The code of LINE outside comments, and whether a comment is open
    at its end."""
    code = ""
    j = 0
    while j < len(line):
        if in_comment:
            k = line.find("*/", j)
            if k < 0:
                return code, True
            in_comment = False
            j = k + 2
        else:
            k = line.find("/*", j)
            if k < 0:
                return code + line[j:], False
            code += line[j:k]
            in_comment = True
            j = k + 2
    return code, in_comment


def items(lines):
    """The header as a list of ("comment", first, last, text),
    ("decl", first, last, text) and ("blank", i, i, "") items; the rest
    (preprocessor lines, types) as ("other", ...)."""
    out = []
    i = 0
    depth = 0
    cpp_guard = False
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            out.append(("blank", i, i, ""))
            i += 1
            continue
        if stripped.startswith("/*") and depth == 0:
            first = i
            text = []
            while True:
                text.append(lines[i])
                if "*/" in lines[i]:
                    break
                i += 1
            code, _ = strip_comments(lines[i], False)
            code = code.strip() if lines[first].strip().startswith("/*") \
                and "*/" in lines[i] else ""
            rest = lines[i].split("*/", 1)[1].strip()
            if rest:
                out.append(("other", first, i, ""))
            else:
                out.append(("comment", first, i, "\n".join(text)))
            i += 1
            continue
        if stripped.startswith("#"):
            cpp_guard = stripped.startswith("#ifdef __cplusplus")
            out.append(("other", i, i, ""))
            i += 1
            continue
        if cpp_guard and (stripped.startswith('extern "C"') or
                          stripped == "}"):
            out.append(("other", i, i, ""))
            i += 1
            continue
        first = i
        stmt = ""
        in_comment = False
        while True:
            code, in_comment = strip_comments(lines[i], in_comment)
            stmt += " " + code.strip()
            depth += code.count("{") - code.count("}")
            if depth == 0 and code.strip().endswith(";"):
                break
            i += 1
        stmt = stmt.strip()
        kind = "decl" if ("(" in stmt and "{" not in stmt and
                          not stmt.startswith("typedef")) else "other"
        out.append((kind, first, i, stmt))
        i += 1
    return out


def params(stmt):
    inner = stmt[stmt.index("(") + 1:stmt.rindex(")")]
    return [p.strip() for p in inner.split(",") if p.strip()]


def check(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    found = items(lines)
    problems = []
    count = 0
    for n, (kind, first, last, stmt) in enumerate(found):
        if kind != "decl":
            continue
        count += 1
        name = re.search(r"(\w+)\s*\(", stmt).group(1)
        where = "%s:%d: %s" % (path, first + 1, name)
        if not stmt.startswith("NATRISK_EXTERN"):
            problems.append(where + ": not marked NATRISK_EXTERN")
        # the comment above this declaration or its group
        k = n - 1
        while k >= 0 and found[k][0] == "decl":
            k -= 1
        if k < 0 or found[k][0] != "comment":
            problems.append(where + ": no comment documents it")
            continue
        doc = found[k][3]
        head = stmt[:stmt.index(name)]
        returns_int = re.search(r"\bint\s*$", head)
        if returns_int and not RETURNS.search(doc):
            problems.append(where + ": the comment does not say what it "
                            "returns")
        hands_over = (re.search(r"\*\s*$", head) and
                      not re.search(r"\bconst\b", head)) or \
            any(re.search(r"\*\s*\*\s*\w+$", p) and
                not re.search(r"const\s*\*", p) for p in params(stmt))
        if hands_over and not FREES.search(doc):
            problems.append(where + ": the comment does not say who frees "
                            "what it hands over")
        borrowed = re.search(r"\bconst\b[^(]*\*\s*$", head) and \
            not re.search(r"char\s*\*\s*$", head)
        if borrowed and not LIFETIME.search(doc):
            problems.append(where + ": the comment does not say how long "
                            "the pointer it returns stays valid")
    return count, problems


def main(paths):
    total = 0
    problems = []
    for path in paths:
        count, found = check(path)
        total += count
        problems += found
    for p in problems:
        print(p)
    print("%d functions declared, %d lapses" % (total, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
