#!/usr/bin/env python3
"""doc_script.py DOC TMP [--sh] - a shell script that runs the examples
of a Markdown document as written, so that the document cannot drift
from the program. Used by tests/cli/readme.sh and tests/cli/docs.sh.

The fenced blocks it reads, in the order of the document:

- ```LANG file=NAME: the block's text is written to NAME (relative to the
  directory the script runs in), for the examples after it to use;
- ```console: each "$ command" runs in sh, standard error with standard
  output, and its output must be the lines shown under it, up to a last
  line "..." that stands for the rest (a CSV's CRLF line ends compare
  as the LF of the document);
- ```sh, only with --sh: every line runs, each one succeeding; a block of
  `make` lines is skipped (the walk-through comes after `make run`), and a
  `natrisk serve` line runs through the shell function readme_serve,
  which the caller defines, on a free port.

Other blocks (```yaml, ```json, ```text...) are illustrations and are not
run. The script prints "LABEL: N console commands checked" at the end,
LABEL being the document's name without ".md"; the first output that
differs from the document stops it with a diff and exit status 1.
"""
import os
import re
import sys


def shell_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: doc_script.py DOC TMP [--sh]")
    doc, tmp, run_sh = argv[1], argv[2], "--sh" in argv[3:]
    label = os.path.splitext(os.path.basename(doc))[0]
    text = open(doc, encoding="utf-8").read()
    out = ["set -e"]
    n = files = 0
    blocks = re.findall(r"^```([^\n]*)\n(.*?)^```$", text, re.M | re.S)
    for info, body in blocks:
        words = info.split()
        lang = words[0] if words else ""
        lines = body.splitlines()
        target = [w[5:] for w in words[1:] if w.startswith("file=")]
        if target:
            files += 1
            saved = "%s/file.%d" % (tmp, files)
            with open(saved, "w", encoding="utf-8") as f:
                f.write(body)
            out.append("cp %s %s" % (shell_quote(saved), shell_quote(target[0])))
        elif lang == "sh" and run_sh:
            if all(l.startswith("make ") for l in lines if l.strip()):
                continue
            for line in lines:
                if line.startswith("natrisk serve "):
                    line = "readme_serve " + re.sub(
                        r"--listen \S+", "--listen 127.0.0.1:0", line)
                out.append(line)
        elif lang == "console":
            i = 0
            while i < len(lines):
                if not lines[i].startswith("$ "):
                    sys.exit("%s: a console block line without '$ ': %r"
                             % (doc, lines[i]))
                command = lines[i][2:]
                i += 1
                shown = []
                while i < len(lines) and not lines[i].startswith("$ "):
                    shown.append(lines[i])
                    i += 1
                n += 1
                cut = bool(shown) and shown[-1] == "..."
                if cut:
                    shown.pop()
                expected = "%s/shown.%d" % (tmp, n)
                got = "%s/got.%d" % (tmp, n)
                with open(expected, "w", encoding="utf-8") as f:
                    f.write("".join(l + "\n" for l in shown))
                out.append("{ %s\n} >%s 2>&1 || true" % (command, got))
                source = "tr -d '\\r' <%s" % got
                if cut:
                    source += " | head -n %d" % len(shown)
                complaint = "%s: the output of %s is not as shown" % (
                    label, "`%s`" % command)
                out.append("%s | cmp -s - %s || { echo %s; diff %s %s; exit 1; }"
                           % (source, expected, shell_quote(complaint),
                              expected, got))
    out.append('echo "%s: %d console commands checked"' % (label, n))
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv)
