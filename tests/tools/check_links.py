"""Every relative Markdown link in the given documents names a file that exists.

Prints one line per broken link ("DOC: TARGET") and exits 1 if there is any.
"""
import os
import re
import sys

bad = []
for doc in sys.argv[1:]:
    text = open(doc, encoding="utf-8").read()
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        path = os.path.join(os.path.dirname(doc), target.split("#")[0])
        if not os.path.exists(path):
            bad.append("%s: %s" % (doc, target))
print("\n".join(bad))
sys.exit(1 if bad else 0)
