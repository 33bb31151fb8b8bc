#!/usr/bin/env python3
"""report_portfolio.py - checks the portfolio section of a report
(`natrisk report --plan tests/data/portfolio/plan.yaml --budget B`)
against the independent enumeration of tests/cli/portfolio_enum.py: the
optimum, every measure's cost, reduction alone and choice, and the
frontier's points. The figures are read from the section's data-*
attributes.

    report_portfolio.py REPORT.html BUDGET YEARS MUST NEVER [SWEEP]

(MUST and NEVER comma lists, "-" for none). Exits 1 with the difference.
"""
import html.parser
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import portfolio_enum as enum  # noqa: E402


class Section(html.parser.HTMLParser):
    """The data of <section id="portfolio">, shaped as the JSON of
    `natrisk portfolio` (formats.md)."""

    def __init__(self):
        super().__init__()
        self.inside = 0
        self.d = None
        self.measures = []
        self.frontier = []
        self.row = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and a.get("id") == "portfolio":
            self.inside = 1
            return
        if not self.inside:
            return
        if tag == "section":
            self.inside += 1
        if tag == "p" and a.get("class") == "optimum":
            self.d = {k: float(a["data-" + k]) for k in
                      ("budget", "cost", "reduction", "risk-before",
                       "risk-after")}
            self.d["years"] = int(a["data-years"])
        elif tag == "tr" and "data-measure" in a:
            self.row = {"id": a["data-measure"],
                        "selected": a["data-selected"] == "true",
                        "cost": float(a["data-cost"]),
                        "reduction_alone": float(a["data-reduction-alone"])}
            self.measures.append(self.row)
        elif tag == "td" and "data-acceptability" in a:
            self.row["acceptability"] = float(a["data-acceptability"])
        elif tag == "tr" and "data-budget" in a:
            self.row = {k: float(a["data-" + k]) for k in
                        ("budget", "cost", "reduction")}
            self.row["selected"] = []
            self.frontier.append(self.row)
        elif tag == "code" and "data-measure" in a:
            self.row["selected"].append(a["data-measure"])

    def handle_endtag(self, tag):
        if self.inside and tag == "section":
            self.inside -= 1


def main():
    path, budget, years, must, never = sys.argv[1:6]
    sweep = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    p = Section()
    p.feed(open(path, encoding="utf-8").read())
    d = p.d
    assert d, "no portfolio section"
    years = int(years)
    must = set() if must == "-" else set(must.split(","))
    never = set() if never == "-" else set(never.split(","))
    budget = float(budget)
    assert d["years"] == years, d["years"]
    assert enum.close(d["budget"], budget), (d["budget"], budget)
    assert enum.close(d["risk-before"], enum.total(())), d["risk-before"]
    assert enum.close(d["risk-after"], d["risk-before"] - d["reduction"])
    d["selected"] = [m["id"] for m in p.measures if m["selected"]]
    enum.check_choice(d, budget, years, must, never, "optimum")
    assert [m["id"] for m in p.measures] == enum.ORDER
    for m in p.measures:
        assert enum.close(m["cost"], enum.cost(m["id"], years)), m
        alone = enum.total(()) - enum.total((m["id"],))
        assert enum.close(m["reduction_alone"], alone), (m, alone)
    all_cost = sum(enum.cost(m, years) for m in enum.ORDER)
    budgets = [all_cost * j / (sweep - 1) for j in range(sweep)] \
        if sweep > 1 else [all_cost] * sweep
    budgets = [b for b in budgets if enum.optimum(b, years, must, never)]
    assert len(p.frontier) == len(budgets), (p.frontier, budgets)
    for j, (point, b) in enumerate(zip(p.frontier, budgets)):
        assert enum.close(point["budget"], b), (point["budget"], b)
        enum.check_choice(point, b, years, must, never, "frontier %d" % j)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print("report_portfolio.py: %s" % (e,))
        sys.exit(1)
