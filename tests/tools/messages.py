"""messages.py - the Dutch message catalogue against the sources.

Finds every message the library and the server format for a user, in
src/core, src/io, src/render, src/store and src/server (not src/cli, whose
own words are English only):

- the format of every call of error_set, natrisk_diag_add, yerror,
  ywarning, reply_error, and of any other function declared with
  __attribute__((format(printf, N, M))) there (a wrapper that ends in
  them), adjacent string literals joined as the compiler joins them;
- every literal marked MSG("...") or passed to msg_tr("..."): the parts of
  a message chosen at run time.

A format that is not a literal must be one of NOT_LITERAL below (a wrapper
passing its own format on). Then checks the tables of src/core/
messages_nl_*.c: every message has a Dutch entry, every entry is used,
each table is sorted and its entries unique and in the right table, a
translation has the same conversions as its English (in order, or by
position), and the Dutch says each concept with the one term of the web
UI (web/i18n.js, docs/server.md).

  python3 messages.py ROOT CHECK   (CHECK: one of CHECKS; exit status 1
                                    with the problems on failure)
"""
import glob
import os
import re
import sys

LAYERS = ["core", "io", "render", "store", "server"]
# The table that holds a message: that of the lowest layer using it.
TABLE_OF_LAYER = {"core": "core", "io": "io", "render": "core",
                  "store": "store", "server": "server"}
# The message functions and the index of their format argument.
FORMAT_FUNCTIONS = {"error_set": 1, "natrisk_diag_add": 5, "yerror": 2,
                    "ywarning": 2, "reply_error": 2}
MARKERS = ("MSG", "msg_tr")
# printf-like functions that write a document's bytes, as fprintf does:
# not messages (their words are chosen by language where they are made).
DOCUMENT_WRITERS = {"fmt_print": "src/render/fmt.h: the report's and the "
                                 "SVG's own formats"}
# Functions taking a part of a message in English, which they translate
# where they report (xgettext's keywords): the index of that argument.
PART_FUNCTIONS = {
    # src/io/yschema.h, ytree.h: WHAT
    "ycheck_map": 3, "ytext": 2, "yid": 2, "ynumber": 2, "ybool": 2,
    "yversion": 3, "yexpect": 3, "ytext_fits": 2, "ykeep_text": 3,
    "ycheck_unique": 3,
    # the loaders' helpers around them
    "keep_text": 2, "keep_text_of": 2, "load_text": 2, "load_class_texts": 2,
    "positive_number": 2, "load_ladder": 2, "dotted_id": 2,
    # the plan loader's (src/io/plan_*.c)
    "plan_load_refs": 2, "plan_keep_text": 2, "plan_load_date": 2,
    "load_level_value": 2, "load_cost_part": 2,
    # SMAA CSV: a name's kind, a message reported as it is
    "samples_name_ok": 2, "syntax_error": 3, "stop_at": 2,
    # src/store: what a status does not allow ("analysts score")
    "edition_require": 3,
}
# Formats that are not literals: (file, the argument's text).
NOT_LITERAL = {}
# A message passed on whole ("%s", TEXT): TEXT is made by a message
# function already, or is another program's (SQLite's, the system's).
PASSED_ON = {
    "natrisk_error_last ( )": "error_set made it",
    "d -> message": "a diagnostic, made by natrisk_diag_add",
    "message": "formatted by the wrapper (yreport, samples_error) or kept "
               "from natrisk_error_last() (db.c)",
    "message ? message : \"sqlite\"": "SQLite's own message",
    "job -> message": "natrisk_error_last() of a report job's thread "
                      "(robustness, scenario sections), which runs in the "
                      "caller's language (report.c)",
    "why": "natrisk_error_last(), less the file's name (smaa_csv.c)",
    "f -> message": "natrisk_error_last() of the thread that loaded a "
                    "plan's assessment, in the caller's language "
                    "(plan_prefetch.c)",
}
# Parts and arguments of messages that stay as they are in every
# language: the words a file is written in, and other programs' words.
KEEP = {
    "probability": "the key to write ({ probability: P })",
    "value": "the key to write ({ value: N })",
    "no database": "beside SQLite's messages, for the log",
    "cannot open": "beside SQLite's messages, for the log",
    "sqlite": "SQLite's name, when it gave no message",
}
# The keys of an assessment's lists and blocks ("scenarios must be a
# list"), and of a method file, which only its authors read: a message
# names them as they are written.
KEEP.update((key, "a key of the file") for key in [
    "impact", "scenarios", "sources", "themes",
    "base", "criteria", "default", "factor", "hazard", "high_offset",
    "horizon_years", "impact_classes", "interest", "interests", "labels", "levels",
    "levels_source", "likelihood_classes", "name", "others", "profiles", "source",
    "threat", "thresholds", "unit", "weights", "x_value"])

TOKEN = re.compile(r'''
  (?P<space>\s+) | (?P<comment>//[^\n]*|/\*.*?\*/) |
  (?P<string>(?:u8|L|u|U)?"(?:[^"\\\n]|\\.)*") | (?P<char>'(?:[^'\\\n]|\\.)*') |
  (?P<name>[A-Za-z_]\w*) | (?P<number>\.?\d(?:[\w.]|[eEpP][-+])*) |
  (?P<directive>\#(?:[^\n\\]|\\.)*) |
  (?P<punct>->|\+\+|--|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|\S)
''', re.S | re.X)


def lex(text):
    """The tokens of C source TEXT as (kind, text, line), without spaces,
    comments and preprocessor lines."""
    tokens, line = [], 1
    for m in TOKEN.finditer(text):
        kind, value = m.lastgroup, m.group()
        if kind not in ("space", "comment", "directive"):
            tokens.append((kind, value, line))
        line += value.count("\n")
    return tokens


def unquote(literal):
    """The text of one C string literal (UTF-8 source)."""
    body = literal[literal.index('"') + 1:-1]
    out, i = bytearray(), 0
    raw = body.encode("utf-8")
    simple = {ord("n"): 10, ord("t"): 9, ord("r"): 13, ord("\\"): 92,
              ord('"'): 34, ord("'"): 39, ord("a"): 7, ord("0"): 0, ord("?"): 63}
    while i < len(raw):
        if raw[i] != 92:
            out.append(raw[i])
            i += 1
            continue
        nxt = raw[i + 1]
        if nxt == ord("x"):
            m = re.match(rb"[0-9a-fA-F]+", raw[i + 2:])
            out.append(int(m.group(), 16) & 0xFF)
            i += 2 + len(m.group())
        elif ord("0") <= nxt <= ord("7"):
            m = re.match(rb"[0-7]{1,3}", raw[i + 1:])
            out.append(int(m.group(), 8) & 0xFF)
            i += 1 + len(m.group())
        else:
            out.append(simple[nxt])
            i += 2
    return out.decode("utf-8")


def call_arguments(tokens, open_at):
    """The arguments of the call whose '(' is tokens[open_at]: a list of
    token lists, and the index after its ')'."""
    depth, args, k = 0, [[]], open_at
    while k < len(tokens):
        value = tokens[k][1]
        if value in "([{":
            depth += 1
            if depth == 1:
                k += 1
                continue
        elif value in ")]}":
            depth -= 1
            if depth == 0:
                return args, k + 1
        if value == "," and depth == 1:
            args.append([])
        else:
            args[-1].append(tokens[k])
        k += 1
    raise ValueError("unclosed call at line %d" % tokens[open_at][2])


def literal_text(arg):
    """The joined text of an argument made only of string literals, else
    None."""
    if arg and all(kind == "string" for kind, _, _ in arg):
        return "".join(unquote(value) for _, value, _ in arg)
    return None


def is_declaration(arg):
    return any(value in ("const", "char", "...", "va_list") for _, value, _ in arg)


def format_wrappers(tokens):
    """{name: format index} of the functions declared here with
    __attribute__((format(printf, N, M)))."""
    found = {}
    for k, (_, value, _) in enumerate(tokens):
        if value != "__attribute__":
            continue
        words = [t[1] for t in tokens[k:k + 9]]
        if words[1:6] != ["(", "(", "format", "(", "printf"] or words[6] != ",":
            continue
        index = int(words[7]) - 1
        # back over the parameter list to the function's name
        depth, j = 0, k - 1
        while j >= 0:
            if tokens[j][1] == ")":
                depth += 1
            elif tokens[j][1] == "(":
                depth -= 1
                if depth == 0:
                    break
            j -= 1
        found[tokens[j - 1][1]] = index
    return found


def numbers_defined(root):
    """{NAME: "64"} of every "#define NAME 64" in the headers."""
    out = {}
    for path in glob.glob(root + "/src/*/*.h") + glob.glob(root + "/include/natrisk/*.h"):
        for m in re.finditer(r"^#define (\w+) \(?(\d+)[uUlL]*\)?\s*$",
                             open(path, encoding="utf-8").read(), re.M):
            out[m.group(1)] = m.group(2)
    return out


def expand_limits(tokens, numbers):
    """LIMIT(NAME) (src/io/stringify.h) as the literal it stands for."""
    out, k = [], 0
    while k < len(tokens):
        words = [t[1] for t in tokens[k:k + 4]]
        if words[:2] == ["LIMIT", "("] and len(words) == 4 and words[3] == ")" \
                and words[2] in numbers:
            out.append(("string", '"%s"' % numbers[words[2]], tokens[k][2]))
            k += 4
        else:
            out.append(tokens[k])
            k += 1
    return out


def sources(root):
    """{path relative to ROOT: tokens} of the files searched."""
    out, numbers = {}, numbers_defined(root)
    for layer in LAYERS:
        for path in sorted(glob.glob("%s/src/%s/*.[ch]" % (root, layer))):
            name = os.path.relpath(path, root)
            if re.match(r"src/core/messages(_nl_\w+)?\.[ch]$", name):
                continue  # the catalogue itself
            out[name] = expand_limits(lex(open(path, encoding="utf-8").read()), numbers)
    return out


def literal_runs(arg):
    """The texts of the runs of adjacent string literals in ARG, outside
    calls of the markers, and those inside them."""
    outside, inside, run, depth, k = [], [], [], 0, 0
    while k < len(arg):
        kind, value, _ = arg[k]
        if kind == "name" and value in MARKERS and k + 1 < len(arg) and arg[k + 1][1] == "(":
            marked, end = call_arguments(arg, k + 1)
            inside += [t for a in marked for t in literal_runs(a)[0] + literal_runs(a)[1]]
            k = end
            continue
        if kind == "string":
            run.append(value)
        elif run:
            outside.append("".join(unquote(v) for v in run))
            run = []
        k += 1
    if run:
        outside.append("".join(unquote(v) for v in run))
    return outside, inside


def source_text(arg):
    return " ".join(v for _, v, _ in arg)


def check_arguments(name, place, function, args, index, found, problems):
    """The arguments after a format: words in English only where marked
    or kept, and a message passed on whole only as PASSED_ON says."""
    rest = args[index + 1:]
    if literal_text(args[index]) == "%s" and len(rest) == 1:
        source = source_text(rest[0])
        if source not in PASSED_ON and not source.startswith("msg_tr ("):
            problems.append("%s: %s passes on %s: translate it (msg_tr), or list it "
                            "in PASSED_ON" % (place, function, source))
    for arg in rest:
        outside, inside = literal_runs(arg)
        for text in inside:
            found.setdefault(text, []).append(place)
        for text in outside:
            if needs_translation(text) and text not in KEEP:
                problems.append("%s: %r is English in every language: mark it "
                                "(msg_tr), or list it in KEEP" % (place, text))


def messages(root):
    """({text: [places]}, [problems]): every message and part of one."""
    files = sources(root)
    functions = dict(FORMAT_FUNCTIONS)
    for tokens in files.values():
        functions.update(format_wrappers(tokens))
    for writer in DOCUMENT_WRITERS:
        functions.pop(writer, None)
    found, problems = {}, []
    for name, tokens in files.items():
        for k, (kind, value, line) in enumerate(tokens):
            if kind != "name" or k + 1 >= len(tokens) or tokens[k + 1][1] != "(":
                continue
            index = functions.get(value, PART_FUNCTIONS.get(value, 0))
            if value not in functions and value not in PART_FUNCTIONS \
                    and value not in MARKERS:
                continue
            args, _ = call_arguments(tokens, k + 1)
            if index >= len(args) or is_declaration(args[index]):
                continue
            place = "%s:%d" % (name, line)
            text = literal_text(args[index])
            if value not in functions:
                outside, inside = literal_runs(args[index])
                for part in outside + inside:
                    found.setdefault(part, []).append(place)
                continue
            if text is not None:
                found.setdefault(text, []).append(place)
            elif (name, source_text(args[index])) not in NOT_LITERAL:
                problems.append("%s: the format of %s is not a literal: %s (make it "
                                "one, or list it in NOT_LITERAL)"
                                % (place, value, source_text(args[index])))
            check_arguments(name, place, value, args, index, found, problems)
    return found, problems


def needs_translation(text):
    """Whether TEXT has words: "%s: %s" has none to translate."""
    return re.search(r"[A-Za-z]{2,}", re.sub(CONVERSION, "", text)) is not None


CONVERSION = re.compile(r"%(?:(\d+)\$)?([-+ #0']*)(\*|\d+)?(?:\.(\*|\d*))?"
                        r"(hh|h|ll|l|L|q|j|z|Z|t)?([diouxXeEfFgGaAcspnm%])")


def conversions(text):
    """[(position or None, the conversion without its position)], '%%'
    left out; None when TEXT has a '%' that starts no conversion."""
    out, at = [], 0
    while True:
        start = text.find("%", at)
        if start < 0:
            return out
        m = CONVERSION.match(text, start)
        if not m:
            return None
        at = m.end()
        if m.group(6) == "%":
            continue
        spec = m.group()
        if m.group(1):
            spec = "%" + spec[len(m.group(1)) + 2:]
        if "*" in spec:
            return None  # a '*' takes an argument of its own: not used here
        out.append((int(m.group(1)) if m.group(1) else None, spec))


def conversion_problem(en, nl):
    """Why the conversions of NL do not fit EN's, or None."""
    want, got = conversions(en), conversions(nl)
    if want is None or any(pos for pos, _ in want):
        return "the English has a conversion this check does not take"
    if got is None:
        return "a '%' that starts no conversion"
    positional = [pos is not None for pos, _ in got]
    if any(positional) and not all(positional):
        return "positional and plain conversions mixed"
    if not any(positional):
        if [s for _, s in got] != [s for _, s in want]:
            return "conversions %s, the English has %s" % (
                [s for _, s in got], [s for _, s in want])
        return None
    for pos, spec in got:
        if not 1 <= pos <= len(want) or want[pos - 1][1] != spec:
            return "%d$ is %s, the English's argument %d is %s" % (
                pos, spec, pos, want[pos - 1][1] if pos <= len(want) else "none")
    if {pos for pos, _ in got} != set(range(1, len(want) + 1)):
        return "not every argument is used"
    return None


def catalogue(root):
    """{table: [(English, Dutch, line)]} of src/core/messages_nl_*.c."""
    out = {}
    for path in sorted(glob.glob(root + "/src/core/messages_nl_*.c")):
        table = re.search(r"messages_nl_(\w+)\.c$", path).group(1)
        tokens = lex(open(path, encoding="utf-8").read())
        entries, k = [], 0
        while k < len(tokens):
            if tokens[k][1] == "{" and k + 1 < len(tokens) and tokens[k + 1][0] == "string":
                args, k = call_arguments(tokens, k)
                en, nl = (literal_text(a) for a in args)
                entries.append((en, nl, tokens[k - 1][2]))
            else:
                k += 1
        out[table] = entries
    return out


def check_coverage(root):
    found, problems = messages(root)
    tables = catalogue(root)
    known = {en for entries in tables.values() for en, _, _ in entries}
    for text in sorted(found):
        if needs_translation(text) and text not in known and text not in KEEP:
            problems.append("%s: no Dutch for %r" % (found[text][0], text))
    return problems


def check_unused(root):
    found, _ = messages(root)
    return ["src/core/messages_nl_%s.c:%d: %r is used nowhere" % (table, line, en)
            for table, entries in sorted(catalogue(root).items())
            for en, _, line in entries if en not in found]


def check_tables(root):
    """Sorted by strcmp (bsearch), unique, each in its layer's table."""
    found, _ = messages(root)
    problems, seen = [], {}
    for table, entries in sorted(catalogue(root).items()):
        keys = [en.encode("utf-8") for en, _, _ in entries]
        for (en, _, line), a, b in zip(entries[1:], keys, keys[1:]):
            if a >= b:
                problems.append("messages_nl_%s.c:%d: %r is out of order (or twice)"
                                % (table, line, en))
        for en, _, line in entries:
            if en in seen:
                problems.append("messages_nl_%s.c:%d: %r is in %s too" % (table, line, en,
                                                                          seen[en]))
            seen[en] = table
            layers = {place.split("/")[1] for place in found.get(en, [])}
            lowest = min(layers, key=LAYERS.index) if layers else None
            if lowest and TABLE_OF_LAYER[lowest] != table:
                problems.append("messages_nl_%s.c:%d: %r belongs in messages_nl_%s.c "
                                "(used in src/%s)" % (table, line, en,
                                                      TABLE_OF_LAYER[lowest], lowest))
    return problems


def check_conversions(root):
    problems = []
    for table, entries in sorted(catalogue(root).items()):
        for en, nl, line in entries:
            why = conversion_problem(en, nl)
            if why:
                problems.append("messages_nl_%s.c:%d: %r -> %r: %s" % (table, line, en,
                                                                       nl, why))
            if not nl.strip() or nl != nl.strip():
                problems.append("messages_nl_%s.c:%d: %r: empty, or spaces around"
                                % (table, line, nl))
    return problems


# (English words, the Dutch term, Dutch words that may not stand for it)
CONCEPTS = [
    (r"clearance", "veiligheidsmachtiging",
     ["screening", "bevoegdheidsniveau", "machtigingsniveau", "autorisatieniveau"]),
    (r"classification", "rubricering",
     ["classificatie", "classificering", "vertrouwelijkheidsniveau"]),
    (r"weight profile", "gewichtenset",
     ["wegingsprofiel", "gewichtsprofiel", "gewichtenprofiel", "weegprofiel"]),
    (r"edition", "editie", ["uitgave", "versie van de beoordeling"]),
    (r"criteri(?:on|a)", "criteri", ["maatstaf"]),
    (r"likelihood", "waarschijnlijkheid", ["kans op", "aannemelijkheid"]),
    (r"chairs?\b", "voorzitter", ["beheerder van de editie"]),
    (r"analysts?\b", "analist", ["beoordelaar"]),
    (r"assessment", "beoordeling", ["assessment", "inschatting"]),
    (r"\bwhy\b|rationale", "onderbouwing", ["motivering", "toelichting"]),
]


def plain_words(text):
    """TEXT without what is quoted, written in code or a command: the
    words a translation must carry over."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"|\{[^}]*\}|--[\w-]+|natrisk [a-z]+( [a-z]+)?",
                  " ", text)
    return re.sub(CONVERSION, " ", text).lower()


def ui_terms(root):
    """{English: Dutch} of the levels, roles and statuses in web/i18n.js."""
    text = open(root + "/web/i18n.js", encoding="utf-8").read()
    english = dict(re.findall(r"'(?:class|role|status)\.(\w+)': '([^']*)'",
                              text.split("\tnl: {")[0]))
    dutch = dict(re.findall(r"'(?:class|role|status)\.(\w+)': '([^']*)'",
                            text.split("\tnl: {")[1]))
    return {key: dutch[key] for key in english}


def check_terms(root):
    """One Dutch term per concept, and the UI's names of the levels, roles
    and statuses."""
    problems, names = [], ui_terms(root)
    if len(names) < 11:
        problems.append("web/i18n.js was not read: %r" % names)
    for table, entries in sorted(catalogue(root).items()):
        for en, nl, line in entries:
            where = "messages_nl_%s.c:%d: %r" % (table, line, nl)
            words, low = plain_words(en), nl.lower()
            for pattern, term, synonyms in CONCEPTS:
                if re.search(pattern, words) and term not in low:
                    problems.append("%s says %r without %r" % (where, pattern, term))
                problems += ["%s uses %r for %r" % (where, s, term)
                             for s in synonyms if s in low]
            if en in names and nl != names[en]:
                problems.append("%s: %r is %r in the web UI" % (where, en, names[en]))
    return problems


def check_extractor(root):
    """The extraction itself, on a made-up source: joined literals over
    lines and comments, wrappers, parts and markers, LIMIT(), and what
    must be reported: a format that is no literal, a message passed on
    that is not known, English left in an argument."""
    source = r'''
        static void note(int a, const char *fmt, ...)
            __attribute__((format(printf, 2, 3)));
        static const char deep[] = MSG("more than " LIMIT(TOO_DEEP) " levels");
        int f(void) {
            yerror(doc, node, "unknown key '%s' in %s; " /* why */
                   "did you mean '%s'?", key, MSG("a scenario"), hint);
            note(1, "line " "%d", 3);
            reply_error(r, 400, ok ? "yes" : "no");
            ytext(doc, node, "colour");
            reply_error(r, 400, "%s", message);
            reply_error(r, 400, "%s", other);
            yerror(doc, node, "write { %s: 1 }", "value");
            yerror(doc, node, "%s is %s", what, n ? "blank" : msg_tr("empty"));
            return error_set(NATRISK_EINVALID, "a \"quoted\" \x41 %s", msg_tr("list"));
        }'''
    tokens = lex(source)
    problems = []
    if format_wrappers(tokens) != {"note": 1}:
        problems.append("wrappers: %r" % format_wrappers(tokens))
    import tempfile
    with tempfile.TemporaryDirectory() as scratch:
        os.makedirs(scratch + "/src/io")
        open(scratch + "/src/io/x.c", "w").write(source)
        open(scratch + "/src/io/x.h", "w").write("#define TOO_DEEP 64\n")
        found, bad = messages(scratch)
    want = {"unknown key '%s' in %s; did you mean '%s'?", "a scenario", "line %d",
            "colour", "%s", "write { %s: 1 }", "%s is %s", "empty", "more than 64 levels",
            'a "quoted" A %s', "list"}
    if set(found) != want:
        problems.append("found %r, expected %r" % (sorted(found), sorted(want)))
    expected_bad = ['ok ? "yes" : "no"', "passes on other", "'blank' is English"]
    if len(bad) != len(expected_bad) or not all(
            any(e in b for b in bad) for e in expected_bad):
        problems.append("reported %r, expected one each of %r" % (bad, expected_bad))
    for en, nl, ok in [("%s is %zu", "%s is %zu", True), ("%s is %zu", "%2$zu: %1$s", True),
                       ("%s is %zu", "%zu is %s", False), ("%s %s", "%1$s", False),
                       ("%s %d", "%1$s %d", False), ("%02X", "%X", False),
                       ("%lld", "%1$lld", True), ("100%%", "100%% %s", False)]:
        if (conversion_problem(en, nl) is None) != ok:
            problems.append("conversions %r -> %r judged %s" % (en, nl, not ok))
    return problems


CHECKS = {"extractor": check_extractor, "coverage": check_coverage,
          "unused": check_unused, "tables": check_tables,
          "conversions": check_conversions, "terms": check_terms}


def count(root):
    return sum(len(entries) for entries in catalogue(root).values())


if __name__ == "__main__":
    root, check = sys.argv[1], sys.argv[2]
    if check == "count":
        print(count(root))
        sys.exit(0)
    found = CHECKS[check](root)
    print("\n".join(found))
    sys.exit(1 if found else 0)
