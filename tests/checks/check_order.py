#!/usr/bin/env python3
"""check_order.py - every page reads in its logical order.

    check_order.py SOURCE_DIR OUT_DIR

OUT_DIR holds a build of every document (the `documents` fixture). Text
extraction follows the content order with `pdftotext -raw` (the order of the
structure tree, by construction of the writer); `pdftotext` without -raw
orders text by its position on the page (poppler's block analysis, which
ignores tags). For every page of the national deck, the 47 prefecture
reports and 20 of the sampled body sheets (one layout), the -raw text
(white space removed) must hold, in this order:

1. the page's title first (a cover has none: its first block's text);
2. the texts of its blocks in the template's order (lead, text boxes, chart
   headings, ...), the notes and source lines after all other blocks;
3. each chart as one run: its legend (the series in order), then bar by
   bar (ring by ring: its centre, each slice's name and value) its category
   followed by exactly its values in series order (a stacked bar's zero
   segments are not drawn) - so no axis tick comes between a category and
   its values or between two bars; the values recomputed by
   tests/checks/charts.py from figures.csv (a compare chart's from data/);
4. the page number and the sample-data label last.
The ranking pages must list the 47 prefectures by rank, column group by
column group (ranks never decrease, each prefecture once), 「同率」 before a
rank exactly when another row prints the same rank.

The ranking pages of the national deck and of every prefecture report must
read the same way in the default mode too (the geometry makes each column
group one block for poppler, see layout_ranking.c): with the groups' header
rows left out, the 47 rows one after the other, each as printed -
「同率」 when shared, rank, prefecture, count／municipalities, share% - in the
order recomputed from data/ by check_prefs.py (competition ranks on the
printed share, a shared rank in prefecture code order).

In the default mode (by position) only what the geometry guarantees is
required, on the national deck, reports 01, 13, 31 and three sheets: the
title first, then the lead's first sentence, and the footer (page number,
sample label) after every other text; and what the writer's /ActualText
spans give a chart: its rows (as in 3., without the legend), chart after
chart. Tables are not given that (a cell's text would be lost to assistive
technology).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from charts import Figures, chart, is_zero  # noqa: E402
from check_prefs import Expected  # noqa: E402
from check_text import page_templates  # noqa: E402
from common import Data, Report, documents, fmt_int, load_sidecar, main_args, pdf_pages, ranking_rows, squash  # noqa: E402
from figcalc import FigCalc  # noqa: E402
from templates import Context, PageTemplate, deck_pages  # noqa: E402

SAMPLE_LABEL = "サンプルデータ（合成）による再現"


def value_rx(label):
    """A value label as printed: "c\\np%" on two lines or as "c（p%）"."""
    if "\n" in label:
        c, p = label.split("\n", 1)
        return re.escape(c) + "(?:" + re.escape(p) + "|" + re.escape(f"（{p}）") + ")"
    return re.escape(squash(label))


def chart_rx(c, legend):
    """Regexes for a chart's text in reading order: its legend (a donut's
    is not read: each slice's value reads with its series' name), and its
    rows (a bar, a ring, with their values; a group's heading reads with
    the group's first row), one regex per row."""
    legend_rx = "".join(re.escape(squash(s)) for s in c.series) if legend and c.kind != "donut" else ""
    rows = []
    rx = [c.centre_rx] if c.centre_rx else []
    prev_group = None
    for (group, cat), labels in zip(c.cats, c.labels):
        if group and group != prev_group:
            rx.append(re.escape(squash(group)))
        prev_group = group
        if c.kind != "donut" or len(c.cats) > 1:
            rx.append(re.escape(squash(cat)))
        for s, v in zip(c.series, labels):
            if c.kind in ("stacked100", "donut") and is_zero(v):
                continue
            if c.kind == "donut":
                v = v.replace("\n", "（", 1) + "）" if "\n" in v else v
                rx.append(re.escape(squash(s)) + re.escape(v))
            else:
                rx.append(value_rx(v))
        rows.append("".join(rx))
        rx = []
    return legend_rx, rows


def beside(ini, section):
    """The first chart block of the page whose box shares a height with this
    chart's (charts side by side), None for a chart alone in its height."""
    def span(sec):
        y, h = (float(v) for v in ini[sec]["box_mm"].split(",")[1::2])
        return y, y + h
    top, bottom = span(section)
    for other in (s for s in ini if s.startswith("chart") and s != section):
        y0, y1 = span(other)
        if y0 < bottom and top < y1:
            return min(section, other)
    return None


class Piece:
    """A text to find; rows: a chart's rows (one regex each), which the
    default mode must read too (the writer makes each row one run for
    extractors that order text by position: its ActualText); side: the
    chart's band when another chart stands beside it."""

    def __init__(self, what, rx, rows=None, side=None):
        self.what, self.rx = what, re.compile(rx)
        self.rows = [re.compile(r) for r in rows] if rows else None
        self.side = side


def pieces_of(t, ini, figs, calc, data, years_shown, scope, pref_name):
    """The page's texts in reading order, as regexes over the squashed text."""
    by_block = {}
    for text in t.texts:
        by_block.setdefault(text.section, []).append(Piece(str(text), text.pattern.regex.pattern))
    order = [s for s in ini if s != "page" and s not in ("notes", "source")]
    order += [s for s in ("notes", "source") if s in ini]
    out = []
    for section in order:
        texts = by_block.get(section, [])
        if not section.startswith("chart"):
            out += texts
            continue
        keys = ini[section]
        heading = [p for p in texts if p.what.endswith(" heading")]
        out += heading
        c = chart(keys, figs, data, years_shown, scope, pref_name, calc)
        legend = keys.get("legend", "auto")
        if legend == "auto":
            legend = "top" if c.kind in ("stacked100", "grouped") else "none"
        if keys.get("compare") == "nation" and c.kind == "grouped" and legend == "none":
            legend = "top"
        c.centre_rx = None
        if c.kind == "donut" and "centre" in keys:
            page_id, fig = keys["figure"].split(".")
            base = next(r["base"] for r in figs.rows(page_id, fig, data.latest, scope, "全体"))
            c.centre_rx = re.escape(squash(keys["centre"].replace("\\n", "").replace(
                "{" + keys["centre"].split("{", 1)[1].split("}", 1)[0] + "}", f"{int(base):,}")))
        legend_rx, rows = chart_rx(c, legend != "none")
        out.append(Piece(f"{t.rel} [{section}] chart", legend_rx + "".join(rows), rows, beside(ini, section)))
    return out


def check_page(rep, where, raw, default, title, pieces, footer):
    """title: a regex for the page's title (None: a cover); default: the
    default mode's text, None when not checked."""
    flat = squash(raw)
    if title:
        m = title.match(flat)
        rep.check(m is not None, "raw-title", f"{where}: -raw does not start with the title {title.pattern}: {flat[:60]}")
    pos = 0
    for p in pieces:
        m = p.rx.search(flat, pos)
        if not rep.check(m is not None, "raw-order", f"{where}: -raw: {p.what} not found after position {pos} ({flat[pos:pos + 60]}…)"):
            continue
        pos = m.end()
    tail = "".join(footer)
    rep.check(flat.endswith(tail), "raw-footer", f"{where}: -raw does not end with the footer {footer}: …{flat[-60:]}")
    if default is None:
        return
    # default mode: the geometry's guarantees
    dflat = squash(default)
    start = 0
    if title:
        m = title.match(dflat)
        rep.check(m is not None, "default-title", f"{where}: default mode does not start with the title: {dflat[:60]}")
        start = m.end() if m else 0
    if pieces and pieces[0].what.split("] ")[0].endswith("[lead"):
        m = pieces[0].rx.search(dflat)
        rep.check(m is not None and m.start() == start, "default-lead",
                  f"{where}: default mode does not read {pieces[0].what} right after the title")
    rep.check(all(dflat.rfind(f) >= len(dflat) - len(tail) - 8 for f in footer), "default-footer",
              f"{where}: default mode does not end with the footer {footer}: …{dflat[-60:]}")
    # each chart: its rows as one run, bar by bar, the charts in order; the
    # rows of charts side by side may alternate (a row of each at the same
    # height: the position order), each chart's rows still in order
    pos, band, band_start = 0, None, 0
    for p in pieces:
        if not p.rows:
            continue
        if p.side is None or p.side != band:
            band, band_start = p.side, pos
        rows = [re.compile("".join(r.pattern for r in p.rows))] if p.side is None else p.rows
        at = band_start
        for r in rows:
            m = r.search(dflat, at)
            if not rep.check(m is not None, "default-chart", f"{where}: default mode does not read {p.what} row by row after position {at}: {dflat[at:at + 80]}…"):
                break
            at = m.end()
        pos = max(pos, at)


def check_ranking(rep, where, raw, prefs):
    rows = ranking_rows(raw)
    ranks = [int(r[1]) for r in rows]
    rep.check(len(rows) == 47 and sorted(r[2] for r in rows) == sorted(prefs), "ranking",
              f"{where}: -raw lists {len(rows)} ranking rows, expected the 47 prefectures once each")
    rep.check(ranks == sorted(ranks) and ranks[:1] == [1], "ranking",
              f"{where}: -raw ranks out of order (column groups read across?): {ranks}")
    # 「同率」 exactly where another row prints the same rank
    for tie, rank, name, *_ in rows:
        shared = ranks.count(int(rank)) > 1
        rep.check((tie == "同率") == shared, "ranking",
                  f"{where}: {name} rank {rank} marked 「{tie}」 but {'shared' if shared else 'not shared'} with another prefecture")


# a column group's header row, repeated on top of each group
RANKING_HEAD = re.compile(r"順位都道府県(導入済|策定済)／市区町村(導入済|策定済)の割合")


def ranking_text(exp, data, by):
    """The 47 rows as printed, in rank order, squashed: recomputed from the
    data (check_prefs.Expected), ties in prefecture code order."""
    kind = "guideline" if by == "guideline" else "adopted"
    ranks = exp.rank[kind]
    order = sorted(data.prefs, key=lambda p: (ranks[p], p))
    rows = []
    for p in order:
        tie = "同率" if sum(1 for r in ranks.values() if r == ranks[p]) > 1 else ""
        rows.append(f"{tie}{ranks[p]}{data.prefs[p]}{fmt_int(exp.count[kind][p])}／"
                    f"{fmt_int(len(exp.munis[p]))}{exp.share[kind][p]}%")
    return rows


def check_ranking_default(rep, where, default, rows):
    """default mode: the rows one after the other, only the groups' header
    rows between them."""
    flat = RANKING_HEAD.sub("", squash(default))
    if rep.check("".join(rows) in flat, "default-ranking",
                 f"{where}: default mode does not read the ranking column group by column group"):
        return
    pos = flat.find(rows[0])
    for prev, row in zip(rows, rows[1:]):  # where the reading goes astray
        if pos < 0 or not flat.startswith(row, pos + len(prev)):
            got = flat[pos + len(prev):][:40] if pos >= 0 else f"no {prev}"
            rep.check(False, "default-ranking", f"{where}: default mode reads {got}… after {prev}, expected {row}")
            break
        pos += len(prev)


def check_document(rep, src, data, figs, calc, kind, name, pdf, deck_file, pref=None, body=None,
                   default_mode=True, exp=None):
    deck_ini, files = deck_pages(src, deck_file)
    ctx = Context(data, deck_ini, pref=pref, body=body)
    years_shown = int(deck_ini["deck"].get("years_shown", "3"))
    shown = ["latest"] + [f"latest-{i}" for i in range(1, years_shown)]
    shown = [a for a in shown if f"year.{a}.label" in ctx.values]
    raws = pdf_pages(pdf)
    defaults = pdf_pages(pdf, raw=False, layout=False) if default_mode else [None] * len(raws)
    where = page_templates(load_sidecar(pdf[:-4]), len(raws), files)
    layouts = os.path.join(src, "layouts")
    scope = "national" if kind == "national" else pref
    cache = {}
    for page in range(1, len(raws) + 1):
        rel = where[page]
        t = cache.setdefault(rel, PageTemplate(layouts, rel, ctx, shown))
        cover = t.ini["page"].get("kind") == "cover"
        pieces = pieces_of(t, t.ini, figs, calc, data, years_shown, scope, data.prefs.get(pref))
        sample = data.survey["survey"].get("sample") == "true"
        footer = ([] if cover else [str(page)]) + ([SAMPLE_LABEL] if sample else [])
        continued = page > 1 and where.get(page - 1) == rel  # a table's later pages
        title = None if cover else re.compile(t.title.regex.pattern + ("（続き）" if continued else ""))
        check_page(rep, f"{name} page {page} ({os.path.basename(rel)})", raws[page - 1], defaults[page - 1],
                   title, pieces, footer)
        for section in (s for s in t.ini if s.startswith("ranking")):
            check_ranking(rep, f"{name} page {page}", raws[page - 1], list(data.prefs.values()))
            default = defaults[page - 1] or pdf_pages(pdf, raw=False, layout=False, page=page)[0]
            check_ranking_default(rep, f"{name} page {page}", default,
                                  ranking_text(exp, data, t.ini[section].get("by", "adopted")))
    return len(raws)


def main():
    src, out = main_args("check_order.py SOURCE_DIR OUT_DIR", 2)
    data = Data(src)
    figs = Figures(os.path.join(out, "figures.csv"))
    calc = FigCalc(data)
    exp = Expected(data, src)
    rep = Report("check_order")
    n = 0
    bodies = 0
    for kind, name, pdf in documents(out):
        if kind == "body":
            bodies += 1
            if bodies > 20:
                continue  # one layout: 20 sheets of the sample say it
        # default mode on a few documents of each kind (its checks are weak)
        dm = (kind == "national" or (kind == "prefecture" and name[:2] in ("01", "13", "31"))
              or (kind == "body" and bodies <= 3))
        if kind == "national":
            n += check_document(rep, src, data, figs, calc, kind, name, pdf, "deck.ini", default_mode=dm, exp=exp)
        elif kind == "prefecture":
            n += check_document(rep, src, data, figs, calc, kind, name, pdf, "prefecture.ini", pref=name[:2],
                                default_mode=dm, exp=exp)
        else:
            n += check_document(rep, src, data, figs, calc, kind, name, pdf, "body.ini", pref=name[:2],
                                body=name[:6], default_mode=dm)
    print(f"check_order: {n} pages")
    return rep.done()


if __name__ == "__main__":
    sys.exit(main())
