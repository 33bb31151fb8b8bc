#!/usr/bin/env python3
"""assess_ref.py - independent reference for `natrisk assess --format json`.

Written from the method text (shared/spec/method.md sections 3-4,
shared/spec/formats.md, docs/method-format.md), not from natrisk's C code.
It is deliberately plain: it trusts its input (the golden assessment files)
and checks only what it needs to compute the numbers.

usage: assess_ref.py FILE [--weights PROFILE]

Rules implemented (one place each, below):
- class values: X = x_value (0), class k (A = 0 .. E = 4) = base^k,
  "+" = base^(k + high_offset);
- a quantity {value: v} on a criterion with thresholds t[0..3] (lower limits
  of B..E) has class A if v < t[0], ... E if v >= t[3] (a lower limit belongs
  to its class), valued without "+";
- total T = sum(w_i * v_i) / sum(w_i) over all criteria of the method, with
  the chosen profile's relative weights (criteria not listed get `others`);
- impact position = log_base(T), exactly k when T equals the class value
  base^k, null when T is 0; class = the band [k, k+1) holding the position
  (A below 0, E from 4 up, X when T is 0, the value of X); range = "K-L"
  (the class and the next), or the class alone at E, when T equals a class
  value, or below A;
- likelihood position: k + class_position for a plain class, k +
  high_position for "+" (both from the method file: 0.5 and 0.75 in the
  bundled methods); for a probability p (hazard), k + log(p / lower_k) /
  log(upper_k / lower_k), where the bands are those of the thresholds
  t[0..3], the band of A is [t0^2/t1, t0) (the neighbouring ratio
  continued) and that of E is [t3, 1]: it ends at certainty, so p = 1 sits
  at 5 (formats.md); class k is the band [k, k+1) on the axis, so a
  probability below the lower end of band A sits at 0;
- interests: per vital interest, sum over its criteria of w_i * v_i (EV) /
  sum(w);
- risk = likelihood EV position + impact EV position (null with a null
  impact position); rank = 1 + number of scenarios with a strictly greater
  risk (a null risk is below every number). Risks are compared exactly, not
  in floating point (5 * 3^2.5 = 15 * 3^1.5 = 45 * 3^0.5 tie): here the
  risk is computed again in 60-digit decimal arithmetic and two risks
  closer than 1e-40 are equal (rounding at 60 digits is near 1e-58, and
  risks that differ in exact arithmetic differ by far more than 1e-40).
  This is not how natrisk decides (it compares exact integer parts; see
  docs/design.md): the reference checks it by another road.
"""

import decimal
import json
import math
import os
import sys
from decimal import Decimal

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.stderr.write("assess_ref.py: needs python3-yaml (scripts/install-deps)\n")
    sys.exit(3)

LETTERS = "ABCDE"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def die(msg):
    sys.stderr.write("assess_ref.py: %s\n" % msg)
    sys.exit(1)


def number(x):
    """A YAML number. PyYAML reads YAML 1.1, where `13e9` is a string; YAML
    1.2 (the format's version) reads it as a number."""
    if isinstance(x, bool):
        die("not a number: %r" % (x,))
    if isinstance(x, (int, float)):
        return float(x)
    if isinstance(x, str):
        try:
            return float(x)
        except ValueError:
            pass
    die("not a number: %r" % (x,))


# ---------------------------------------------------------------- method


def find_method(ref, assessment_dir):
    if "/" in ref or ref.endswith(".yaml") or ref.endswith(".yml"):
        return os.path.join(assessment_dir, ref)
    for d in os.environ.get("NATRISK_METHOD_PATH", "").split(":"):
        if d and os.path.isfile(os.path.join(d, ref + ".yaml")):
            return os.path.join(d, ref + ".yaml")
    path = os.path.join(ROOT, "methods", ref + ".yaml")
    if os.path.isfile(path):
        return path
    die("method not found: %s" % ref)


class Method:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            m = yaml.safe_load(f)
        self.id = m["id"]
        ic = m["impact_classes"]
        self.base = number(ic["base"])
        self.x_value = number(ic.get("x_value", 0))
        self.high_offset = number(ic.get("high_offset", 0.5))
        lc = m["likelihood_classes"]
        self.class_position = number(lc["class_position"])
        self.high_position = number(lc["high_position"])
        self.hazard_thresholds = [number(t) for t in lc["hazard"]["thresholds"]]
        self.interests = [str(i["id"]) for i in m["interests"]]
        self.criteria = []  # (id, interest, thresholds or None)
        for c in m["criteria"]:
            th = c.get("thresholds")
            self.criteria.append(
                (str(c["id"]), str(c["interest"]),
                 [number(t) for t in th] if th is not None else None))
        w = m["weights"]
        self.default_profile = w["default"]
        self.profiles = {}
        for p in w["profiles"]:
            others = number(p.get("others", 1))
            listed = {str(k): number(v) for k, v in (p.get("weights") or {}).items()}
            self.profiles[p["id"]] = [listed.get(cid, others)
                                      for cid, _, _ in self.criteria]

    def class_value(self, k, high):
        """Value of class k (0 = A) in the weighted sum; None for X."""
        if k is None:
            return self.x_value
        return self.base ** (k + (self.high_offset if high else 0))


# ---------------------------------------------------------------- scores


def class_of_quantity(v, thresholds):
    """Lower limits of B..E; a lower limit belongs to its class."""
    return sum(1 for t in thresholds if v >= t)


def parse_class(s, allow_x):
    """'X', 'A'..'E', optional '+' -> (k or None, high)."""
    if not isinstance(s, str):
        die("not a class: %r" % (s,))
    s = s.strip()
    high = s.endswith("+")
    letter = s[:-1] if high else s
    if letter == "X" and allow_x and not high:
        return None, False
    if len(letter) != 1 or letter not in LETTERS:
        die("not a class: %r" % (s,))
    return LETTERS.index(letter), high


def impact_point(x, thresholds):
    """One of ev/ll/ul of an impact score -> (k or None, high)."""
    if isinstance(x, dict):
        if set(x) != {"value"}:
            die("bad impact score %r" % (x,))
        if thresholds is None:
            die("quantity on a criterion without thresholds")
        return class_of_quantity(number(x["value"]), thresholds), False
    return parse_class(x, True)


def without_why(x):
    """A score's mapping without its rationale, which changes no number."""
    if isinstance(x, dict):
        return {k: v for k, v in x.items() if k != "why"}
    return x


def impact_score(x, thresholds):
    """-> {'ev': (k, high), 'll': ..., 'ul': ...}"""
    x = without_why(x)
    if isinstance(x, dict) and "ev" in x:
        ev = impact_point(x["ev"], thresholds)
        ll = impact_point(x["ll"], thresholds) if "ll" in x else ev
        ul = impact_point(x["ul"], thresholds) if "ul" in x else ev
        return {"ev": ev, "ll": ll, "ul": ul}
    p = impact_point(x, thresholds)
    return {"ev": p, "ll": p, "ul": p}


def probability_bands(t):
    """Lower and upper ends of the bands A..E: A continues the ratio of
    its neighbour downwards, E ends at certainty."""
    return [t[0] * t[0] / t[1]] + list(t) + [1.0]


def probability_position(p, t):
    """Class and axis position of a probability with hazard thresholds t."""
    bounds = probability_bands(t)
    k = class_of_quantity(p, t)
    lo, hi = bounds[k], bounds[k + 1]
    pos = k + math.log(p / lo) / math.log(hi / lo)
    # class k is the band [k, k+1) of the axis: below the lower end of band
    # A the position stays at the edge of the band.
    if pos < k:
        pos = float(k)
    return k, pos


def likelihood_point(x, method):
    """-> dict for the JSON (class, high, position[, probability])."""
    if isinstance(x, dict):
        if set(x) != {"probability"}:
            die("bad likelihood %r" % (x,))
        p = number(x["probability"])
        if not (0 < p <= 1):
            die("probability out of range: %r" % p)
        k, pos = probability_position(p, method.hazard_thresholds)
        return {"class": LETTERS[k], "high": False, "position": pos,
                "probability": p}
    k, high = parse_class(x, False)
    return {"class": LETTERS[k], "high": high,
            "position": k + (method.high_position if high
                             else method.class_position)}


def likelihood(x, method):
    x = without_why(x)
    if isinstance(x, dict) and "ev" in x:
        ev = likelihood_point(x["ev"], method)
        ll = likelihood_point(x["ll"], method) if "ll" in x else ev
        ul = likelihood_point(x["ul"], method) if "ul" in x else ev
    else:
        ev = ll = ul = likelihood_point(x, method)
    return {"ev": dict(ev), "ll": dict(ll), "ul": dict(ul)}


# ------------------------------------------------------ exact risk order

EXACT = decimal.Context(prec=60)
TIE = Decimal("1e-40")


def dec(x):
    """A YAML number as a decimal: the shortest repr of the double."""
    return Decimal(repr(float(x)))


def dec_value(method, k, high):
    """Class value of (k, high) in 60 digits; X is the method's x_value."""
    if k is None:
        return dec(method.x_value)
    exponent = Decimal(k) + (dec(method.high_offset) if high else 0)
    return EXACT.power(dec(method.base), exponent)


def dec_likelihood(point, method):
    """Likelihood position of one point, in 60 digits."""
    k = LETTERS.index(point["class"])
    if "probability" not in point:
        frac = method.high_position if point["high"] else method.class_position
        return Decimal(k) + dec(frac)
    bounds = [dec(b) for b in probability_bands(method.hazard_thresholds)]
    p, lo, hi = dec(point["probability"]), bounds[k], bounds[k + 1]
    if p <= lo:
        return Decimal(k)
    return Decimal(k) + EXACT.divide(EXACT.ln(EXACT.divide(p, lo)),
                                     EXACT.ln(EXACT.divide(hi, lo)))


def dec_risk(grades, weights, lik_point, method):
    """Risk = likelihood position + log_base(total), in 60 digits; None
    without impact."""
    ws = [dec(w) for w in weights]
    total = EXACT.divide(sum((EXACT.multiply(w, dec_value(method, *g))
                              for w, g in zip(ws, grades)), Decimal(0)),
                         sum(ws, Decimal(0)))
    if total == 0:
        return None
    return dec_likelihood(lik_point, method) + EXACT.divide(
        EXACT.ln(total), EXACT.ln(dec(method.base)))


# ------------------------------------------------------------ aggregation


def impact_summary(total, method):
    """total -> {total, position, class, range}."""
    if total == 0:
        return {"total": 0.0, "position": None, "class": "X", "range": "X"}
    on_class = None
    for k in range(5):
        if total == method.base ** k:
            on_class = k
    if on_class is not None:
        position = float(on_class)
    else:
        position = math.log(total) / math.log(method.base)
    if position < 0:
        cls, rng = "A", "A"
    elif position >= 4:
        cls, rng = "E", "E"
    else:
        k = int(math.floor(position))
        cls = LETTERS[k]
        rng = cls if on_class is not None else cls + "-" + LETTERS[k + 1]
    return {"total": total, "position": position, "class": cls, "range": rng}


def assess(path, profile_id=None):
    with open(path, encoding="utf-8") as f:
        a = yaml.safe_load(f)
    method = Method(find_method(str(a["method"]),
                                os.path.dirname(os.path.abspath(path))))
    profile_id = profile_id or method.default_profile
    if profile_id not in method.profiles:
        die("no weight profile %s" % profile_id)
    weights = method.profiles[profile_id]
    wsum = math.fsum(weights)

    out = {"title": a["title"]}
    if a.get("edition") is not None:
        out["edition"] = str(a["edition"])
    out["method"] = method.id
    out["weights"] = profile_id
    scenarios = []
    exact_risks = []  # dec_risk of each scenario, for the ranks
    for s in a["scenarios"]:
        impact_in = {str(k): v for k, v in (s.get("impact") or {}).items()}
        for cid in impact_in:
            if cid not in [c[0] for c in method.criteria]:
                die("unknown criterion %s" % cid)
        scores = []  # per criterion: {'ev': value, 'll': value, 'ul': value}
        grades = []  # per criterion: the EV grade (k or None, high)
        for cid, _, th in method.criteria:
            sc = impact_score(impact_in.get(cid, "X"), th)
            scores.append({b: method.class_value(*sc[b]) for b in sc})
            grades.append(sc["ev"])
        impact = {}
        for b in ("ev", "ll", "ul"):
            total = math.fsum(w * sc[b] for w, sc in zip(weights, scores)) / wsum
            impact[b] = impact_summary(total, method)
        impact["interests"] = {
            i: math.fsum(w * sc["ev"] for w, sc, c in
                         zip(weights, scores, method.criteria)
                         if c[1] == i) / wsum
            for i in method.interests}
        lik = likelihood(s["likelihood"], method)
        ipos = impact["ev"]["position"]
        risk = None if ipos is None else lik["ev"]["position"] + ipos

        sc_out = {"id": s["id"], "title": s["title"]}
        if s.get("theme") is not None:
            sc_out["theme"] = s["theme"]
        sc_out["kind"] = s["kind"]
        sc_out["new"] = bool(s.get("new", False))
        sc_out["classification"] = s.get("classification", "public")
        sc_out["likelihood"] = lik
        sc_out["impact"] = impact
        sc_out["risk"] = risk
        scenarios.append(sc_out)
        exact_risks.append(dec_risk(grades, weights, lik["ev"], method))

    def greater(r, q):
        if r is None:
            return False
        return q is None or r - q > TIE

    for s, mine in zip(scenarios, exact_risks):
        s["rank"] = 1 + sum(1 for other in exact_risks if greater(other, mine))
    out["scenarios"] = scenarios
    return out


def main(argv):
    profile = None
    files = []
    i = 0
    while i < len(argv):
        if argv[i] in ("--weights", "-w"):
            if i + 1 >= len(argv):
                die("--weights needs a profile")
            profile = argv[i + 1]
            i += 2
            continue
        files.append(argv[i])
        i += 1
    if len(files) != 1:
        sys.stderr.write("usage: assess_ref.py FILE [--weights PROFILE]\n")
        return 2
    json.dump(assess(files[0], profile), sys.stdout, indent=2,
              ensure_ascii=False, allow_nan=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
