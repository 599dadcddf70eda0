"""charts.py - what a chart block draws, as the test computes it itself.

From the page template's [chart] keys, the build's figures.csv and the
codebook (short labels), never from the layout or chart code: the chart's
categories (bars or rings) in drawing order, its series, and each value's
label as printed ("194\\n10.9%" for count and share, "10.9%\\n194" for share
and count, "47.7%", "1,180").
The rules are the ones docs/templates.md states: stacked bars and donuts
have one category per group and year shown, series = the options in code
order, shares of the bar's own total (half up, or largest remainder); grouped
bars have the options (ranked by the latest year: count, then code, the
residual options (`residual` in the codebook) last; top N)
as categories and the years as series; single bars the latest year; a
`compare = nation` chart puts the scope's bar (or share) beside 全国's, each
named with its base (北海道（n=180）), per group the prefecture has bodies
of, a small base's bar in counts - its counts and bases counted again from
data/ by figcalc (as check_prefs counts them), not read from figures.csv.
"""
from decimal import Decimal

from common import fmt_int, largest_remainder, pct1, read_csv

NATION = "全国"


class Figures:
    """figures.csv: rows by (page, figure, year key, scope, group)."""

    def __init__(self, path):
        self.series = {}
        for r in read_csv(path):
            key = (r["page"], r["figure"], r["year"], r["scope"], r["group"])
            if r["option_code"]:
                self.series.setdefault(key, []).append(r)

    def rows(self, page, figure, year, scope, group):
        return self.series.get((page, figure, year, scope, group), [])

    def row(self, page, figure, year, scope, group, option):
        for r in self.rows(page, figure, year, scope, group):
            if int(r["option_code"]) == option:
                return r
        return None


class Chart:
    def __init__(self, kind):
        self.kind = kind  # stacked100, grouped, bars, donut
        self.cats = []  # [(group or None, category)]
        self.series = []
        self.labels = []  # [cat][series]: the printed label, "" for nothing printed
        self.centre = None


def short_labels(data):
    """{long option label: short label} over the whole codebook."""
    out = {}
    for sec in data.codebook.values():
        for k, v in sec.items():
            if k.isdigit() and f"{k}.short" in sec:
                out[v] = sec[f"{k}.short"]
    return out


def _shares(counts, lr):
    total = sum(counts)
    if total <= 0:
        return ["0.0"] * len(counts)
    if lr:
        return largest_remainder(counts, total)
    return [pct1(c, total) for c in counts]


def _label(count, pct, labels):
    if pct is None or labels == "count":
        return fmt_int(count)
    if labels == "pct":
        return f"{pct}%"
    if labels == "pct_count":  # the share over the count (P3, P11)
        return f"{pct}%\n{fmt_int(count)}"
    return f"{fmt_int(count)}\n{pct}%"


def residual_ranks(data, figure):
    """{option code: place among the residual options (1, 2, …)} of the
    question a figure counts (その他, 特になし: `residual` in the codebook)."""
    sec = data.codebook.get(figure.lower(), {})
    codes = [c.strip() for c in sec.get("residual", "").split(",") if c.strip()]
    return {int(c): i + 1 for i, c in enumerate(codes)}


def chart(sec, figs, data, years_shown, scope="national", pref_name=None, calc=None):
    """The chart of a [chart] section (a dict of its keys) for a document of
    scope ("national" or a prefecture code); calc (a figcalc.FigCalc) counts
    the numbers of a `compare = nation` chart again from data/."""
    kind = sec["type"]
    page, name = sec["figure"].split(".", 1)
    years = data.years
    latest = years[-1]
    first = len(years) - years_shown if sec.get("years", "shown" if kind in ("stacked100", "grouped") else "latest") == "shown" else len(years) - 1
    shown = years[first:]
    groups = [g.strip() for g in sec["groups"].split(",")] if "groups" in sec else ["全体"]
    short = sec.get("short_labels", "true") == "true"
    shorts = short_labels(data) if short else {}
    compare = sec.get("compare") == "nation"
    rank_scope = "national" if compare else scope
    labels_key = sec.get("labels", "count")
    lr = sec.get("rounding") == "largest_remainder"

    # options: ranked by the latest year of the first group (count, then
    # code), the residual ones last in the codebook's order
    residual = residual_ranks(data, name)
    ranked = sorted(figs.rows(page, name, latest, rank_scope, groups[0]),
                    key=lambda r: (residual.get(int(r["option_code"]), 0), -int(r["count"]),
                                   int(r["option_code"])))
    order = sec.get("order", "code" if kind in ("stacked100", "donut") else "rank")
    if order == "code":
        ranked.sort(key=lambda r: int(r["option_code"]))
    opts = sec.get("options", "all")
    if opts.startswith("top "):
        ranked = ranked[: int(opts[4:])]
    elif opts.startswith("codes "):
        want = [int(c) for c in opts[6:].split(",")]
        ranked = [r for c in want for r in ranked if int(r["option_code"]) == c]
    codes = [int(r["option_code"]) for r in ranked]
    names = [shorts.get(r["option_label"], r["option_label"]) for r in ranked]
    label_of_year = data.year_label

    def count(y, sc, g, code):
        r = figs.row(page, name, y, sc, g, code)
        return max(int(r["count"]), 0) if r else 0

    c = Chart("stacked100" if compare and kind in ("stacked100", "donut") else
              "grouped" if compare else kind)
    if compare:
        _compare(c, sec, calc, figs, data, shown, groups, codes, names, scope, pref_name)
    elif kind in ("stacked100", "donut"):
        c.series = names
        many_groups, many_years = len(groups) > 1, len(shown) > 1
        for g in groups:
            for y in shown:
                if not figs.rows(page, name, y, scope, g):
                    continue
                counts = [count(y, scope, g, k) for k in codes]
                cat = label_of_year[y] if many_years else g
                c.cats.append((g if many_groups and many_years else None, cat))
                c.labels.append([_label(n, p, labels_key) for n, p in zip(counts, _shares(counts, lr))])
    elif kind == "grouped":
        ys = [y for y in shown if figs.rows(page, name, y, scope, groups[0])]
        c.series = [label_of_year[y] for y in ys]
        for k, nm in zip(codes, names):
            c.cats.append((None, nm))
            c.labels.append([fmt_int(count(y, scope, groups[0], k)) for y in ys])
    else:  # bars: the latest year; shares of the first row's base when labelled so
        c.series = [label_of_year[latest]]
        first_row = figs.row(page, name, latest, scope, groups[0], codes[0]) if codes else None
        base = int(first_row["base"]) if first_row and first_row["base"] else 0
        for k, nm in zip(codes, names):
            n = count(latest, scope, groups[0], k)
            pct = pct1(n, base) if base > 0 else None
            c.cats.append((None, nm))
            c.labels.append([_label(n, pct, labels_key)])
    if kind == "donut" and "centre" in sec:
        c.centre = sec["centre"]
    return c


def _with_n(who, base):
    """「鳥取県（n=20）」: a compare chart's bar or series named with its base."""
    return f"{who}（n={fmt_int(base)}）"


def _compare(c, sec, calc, figs, data, shown, groups, codes, names, scope, pref_name):
    """A `compare = nation` chart (docs/templates.md, issue 11), its counts and
    bases counted again from data/ (figcalc, as check_prefs counts them):
    like for like, the same figure, group and base on both sides, each bar
    (stacked) or series (grouped) named with its base n; the prefecture's
    bars counted on fewer than small_base (default 10) print counts."""
    if calc is None:
        raise ValueError(f"{sec['figure']}: a compare chart needs a FigCalc")
    fig = sec["figure"]
    page, name = fig.split(".", 1)
    small_base = int(sec.get("small_base", "10"))
    labels_key = sec.get("labels", "count")
    lr = sec.get("rounding") == "largest_remainder"
    latest = data.years[-1]
    sides = ((scope, pref_name), ("national", NATION))
    if c.kind == "stacked100":  # a pair of bars per group and year shown
        c.series = names
        many_groups = len(groups) > 1
        for g in groups:
            for y in shown:
                if not figs.rows(page, name, y, "national", g):
                    continue  # not asked that year
                if not codes or calc.share(fig, y, scope, g, codes[0])[1] <= 0:
                    continue  # the prefecture has no body of the group
                head = (data.year_label[y] if not many_groups else g if len(shown) == 1
                        else f"{g}　{data.year_label[y]}")
                for sc, who in sides:
                    counts = [calc.share(fig, y, sc, g, k)[0] for k in codes]
                    base = calc.share(fig, y, sc, g, codes[0])[1]
                    c.cats.append((head, _with_n(who, base)))
                    if sc != "national" and base < small_base:
                        c.labels.append([fmt_int(n) for n in counts])
                    else:
                        c.labels.append([_label(n, p, labels_key) for n, p in zip(counts, _shares(counts, lr))])
        if len(c.cats) <= 2 and not many_groups:
            c.cats = [(None, who) for _, who in c.cats]
        return
    # grouped / bars: options as categories, the two scopes' shares as series
    bases = [calc.share(fig, latest, sc, groups[0], codes[0])[1] if codes else 0 for sc, _ in sides]
    c.series = [_with_n(who, b) for (_, who), b in zip(sides, bases)]
    small = bases[0] < small_base
    for k, nm in zip(codes, names):
        row = []
        for i, (sc, _) in enumerate(sides):
            n, base = calc.share(fig, latest, sc, groups[0], k)
            if i == 0 and small:
                row.append(fmt_int(n))
            else:
                row.append(f"{pct1(n, base) if base > 0 else '0.0'}%")
        c.cats.append((None, nm))
        c.labels.append(row)


def one_line(label):
    """"785\\n45.6%" -> "785（45.6%）", as a label that does not fit on two lines."""
    if "\n" in label:
        a, b = label.split("\n", 1)
        return f"{a}（{b}）"
    return label


def is_zero(label):
    """A value the chart does not draw (stacked and donut segments of 0)."""
    return Decimal(label.split("\n")[0].rstrip("%").replace(",", "")) == 0
