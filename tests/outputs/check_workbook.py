#!/usr/bin/python3
"""check_workbook.py SRC OUT - the workbooks of a build, read with openpyxl.

national.xlsx and a prefecture report's workbook: one sheet per page with
the page's title; on every page whose template has charts, as many native
Excel charts of the template's types (stacked100 -> 100 % stacked bars,
grouped/bars -> clustered bars, donut -> doughnut); and the numbers the
publication states (tests/published.tsv, not the program's figures) in
the sheet of their page, in the row of their year, group and option. Also
the frozen header row, the number formats, the document properties and
the creation date from SOURCE_DATE_EPOCH. Run with Debian's /usr/bin/python3
(python3-openpyxl)."""
import configparser
import datetime
import os
import re
import sys

import openpyxl
from openpyxl.chart import BarChart, DoughnutChart

SRC, OUT = sys.argv[1], sys.argv[2]
EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "1777000000"))
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def read_ini(path):
    """INI values as strings; iniparser's rules are close enough for keys."""
    cp = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=(";",),
                                   strict=False)
    with open(path, encoding="utf-8") as f:
        cp.read_string(f.read())
    return cp


def deck_pages(deck_file):
    deck = read_ini(os.path.join(SRC, "layouts", deck_file))
    pages = [p.strip() for p in deck["deck"]["pages"].split(",")]
    if deck["deck"].get("appendix", "false").strip() == "true":
        pages.append("pages/a01_pref_ranking.ini")
    out = []
    for p in pages:
        cp = read_ini(os.path.join(SRC, "layouts", p))
        charts = [cp[s]["type"].strip() for s in cp.sections() if s.startswith("chart")]
        out.append((p, cp["page"].get("title", "").strip(), charts))
        for s in cp.sections():
            if s.startswith("chart"):
                CHARTS[cp[s]["figure"].strip()] = (cp[s].get("years", "shown").strip(),
                                                   cp[s].get("heading", "").strip() or None)
    return out


CHARTS = {}  # figure -> (years, heading) of the national deck's charts


def labels(question):
    """Option code -> (label, short label) of a codebook question."""
    cb = read_ini(os.path.join(SRC, "data", "codebook.ini"))
    q = cb[question]
    out = {}
    for k, v in q.items():
        m = re.fullmatch(r"(\d+)", k)
        if m:
            out[int(k)] = (v.strip(), q.get(k + ".short", v).strip())
    return out


def year_label(key):
    return "令和%d年度" % int(key[1:])


wb_path = os.path.join(OUT, "national.xlsx")
wb = openpyxl.load_workbook(wb_path)
pages = deck_pages("deck.ini")
if len(wb.sheetnames) != len(pages):
    fail("national.xlsx: %d sheets for %d pages" % (len(wb.sheetnames), len(pages)))
kinds = {"stacked100": (BarChart, "percentStacked"), "grouped": (BarChart, "clustered"),
         "bars": (BarChart, "clustered"), "donut": (DoughnutChart, None)}
for i, (name, (file, title, charts)) in enumerate(zip(wb.sheetnames, pages)):
    ws = wb[name]
    if not name.startswith("P%02d " % (i + 1)):
        fail("sheet %d is named %r, expected P%02d …" % (i + 1, name, i + 1))
    if title and "{" not in title and ws["A1"].value != title:
        fail("%s: A1 is %r, expected the page title %r" % (name, ws["A1"].value, title))
    got = ws._charts
    if len(got) != len(charts):
        fail("%s (%s): %d charts, the template has %d" % (name, file, len(got), len(charts)))
        continue
    for ch, kind in zip(got, charts):
        cls, grouping = kinds[kind]
        if not isinstance(ch, cls) or (grouping and ch.grouping != grouping):
            fail("%s: a %s chart is %s/%s" % (name, kind, type(ch).__name__,
                                              getattr(ch, "grouping", None)))
        if len(ch.series) == 0:
            fail("%s: chart without series" % name)
    if charts and not ws.freeze_panes:
        fail("%s: no frozen header row" % name)

# the publication's numbers, each in its page's sheet, in the row of its
# year (where the sheet has years), group and option
checked = 0
with open(os.path.join(SRC, "tests", "published.tsv"), encoding="utf-8") as f:
    rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
question_of = {"status_by_group": "Q1", "status": "Q1"}
latest = max(r[3] for r in rows if re.fullmatch(r"R\d+", r[3]))
CHARTS.clear()
deck_pages("deck.ini")
for name, page, figure, year, group, option, check, expected in rows:
    if check not in ("count", "percent", "base") or option == "0":
        continue
    chart = CHARTS.get(page + "." + figure)
    if not chart or (chart[0] == "latest" and year != latest):
        continue  # a number the deck prints in text, or of a year its chart does not show
    n = int(page[1:])
    ws = wb[wb.sheetnames[n - 1]]
    opts = labels(question_of.get(figure, figure))
    want = opts.get(int(option))
    if not want:
        continue
    table = [r for r in ws.iter_rows(min_col=1, max_col=5, values_only=True)]
    if chart[1]:  # the chart's part of a page with two: after its heading
        start = next((i for i, r in enumerate(table) if r[0] == chart[1]), None)
        if start is None:
            fail("%s: no heading %r in sheet %s" % (name, chart[1], ws.title))
            continue
        table = table[start:]
    table = [r for r in table if isinstance(r[2], (int, float))]
    has_years = any(isinstance(r[0], str) and "年度" in r[0] for r in table)
    col = {"count": 2, "percent": 3, "base": 4}[check]
    hits = [r for r in table
            if r[1] in want and isinstance(r[0], str)
            and (not has_years or year_label(year) in r[0])
            and (group == "全体" or group in r[0])]
    if not hits:
        fail("%s: no row for %s %s %s %s in sheet %s" % (name, year, group, want[1], check,
                                                       ws.title))
        continue
    value = hits[0][col]
    ok = (abs(value * 100 - float(expected)) < 0.05 if check == "percent" and value is not None
          else value == int(expected))
    if not ok:
        fail("%s: sheet %s has %r, the publication %s" % (name, ws.title, value, expected))
    checked += 1
if checked < 20:
    fail("only %d published numbers found in the workbook" % checked)

# number formats of a data row, properties, date
ws = wb[wb.sheetnames[2]]
row = next(r for r in ws.iter_rows(min_col=1, max_col=5) if r[1].value == "導入済")
if row[2].number_format != "#,##0" or row[3].number_format != "0.0%":
    fail("formats %r %r, expected #,##0 and 0.0%%" % (row[2].number_format, row[3].number_format))
props = wb.properties
if not props.title or "生成AI" not in props.title:
    fail("document title %r" % props.title)
want_date = datetime.datetime.utcfromtimestamp(EPOCH)
if props.created != want_date:
    fail("created %s, expected %s (SOURCE_DATE_EPOCH)" % (props.created, want_date))

# a prefecture report's workbook: its pages and charts
pref = os.path.join(OUT, "prefectures", "13_東京都.xlsx")
wb = openpyxl.load_workbook(pref)
ppages = deck_pages("prefecture.ini")
if len(wb.sheetnames) < len(ppages) - 1:
    fail("13_東京都.xlsx: %d sheets for %d pages" % (len(wb.sheetnames), len(ppages)))
n_charts = sum(len(wb[s]._charts) for s in wb.sheetnames)
want_charts = sum(len(c) for _, _, c in ppages)
if n_charts != want_charts:
    fail("13_東京都.xlsx: %d charts, the templates have %d" % (n_charts, want_charts))

print("check_workbook: %d published numbers checked, %d failures" % (checked, len(failures)))
sys.exit(1 if failures else 0)
