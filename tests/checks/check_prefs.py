#!/usr/bin/env python3
"""check_prefs.py - prefecture reports and body sheets against numbers
recomputed here from data/*.csv, without the program's figures module.

    check_prefs.py SOURCE_DIR OUT_DIR

Recomputed from bodies.csv and the answers/services of each year:
- per prefecture, its municipalities (指定都市 included, the prefecture
  itself not), how many answered 導入済 and ガイドライン 策定済 in the latest
  year, the shares to 0.1 % half up, and the ranks among the 47: standard
  competition ranking (1, 2, 2, 4) on the printed share, as the page's note
  says (同じ割合の団体は同順位);
- per prefecture, all its bodies: answered, 導入済 / 実証中 / 導入予定 and
  策定済 counts and shares; the same for the nation;
- each municipality's table row: name, 区分, population, status per year
  shown, guideline, services of the latest year;
- each body sheet's shares: of the bodies that answered a question, those
  giving the body's answer, in its prefecture, its population band, the nation.
Compared with what the PDFs print (pdftotext) and what the sidecars say
(numerator, denominator and rank of the A1 entries).
"""
import os
import re
import sys
from decimal import Decimal
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import BANDS, Data, Report, band_of, documents, fmt_int, load_sidecar, main_args, man, pct1, pdf_pages, ranking_rows, read_csv, read_ini, squash  # noqa: E402
from figcalc import FigCalc  # noqa: E402

DASH = "―"
# the national figure beside a prefecture's municipalities, named as what it is
LIKE = "全国（市区町村、指定都市を含む）"


def competition_ranks(shares):
    """{key: rank}: 1 + how many printed shares are strictly higher."""
    return {k: 1 + sum(1 for o in shares.values() if Decimal(o) > Decimal(v)) for k, v in shares.items()}


class Expected:
    def __init__(self, data, src):
        self.data = data
        self.src = src
        self.calc = FigCalc(data)
        # the lead texts of the prefecture report that name options with top(N)
        self.lead_tops = []
        # the pages whose chart sets the prefecture beside the nation: the
        # figure their lead is about, its small-base threshold and title
        self.compare_pages = {}
        pref_deck = read_ini(os.path.join(src, "layouts", "prefecture.ini"))["deck"]
        for rel in (p.strip() for p in pref_deck["pages"].split(",")):
            ini = read_ini(os.path.join(src, "layouts", rel))
            for key, text in ini.get("lead", {}).items():
                if ".top(" in text or ".counts(" in text:
                    self.lead_tops.append((rel, text))
            chart = ini.get("chart", {})
            if chart.get("compare") == "nation" and self.calc.knows(chart.get("figure", "")):
                self.compare_pages[rel] = (chart["figure"], int(chart.get("small_base", "10")), ini["page"]["title"])
        # the national deck's question pages (those with a chart or table)
        deck = read_ini(os.path.join(src, "layouts", "deck.ini"))["deck"]
        self.question_titles = []
        for rel in (p.strip() for p in deck["pages"].split(",")):
            ini = read_ini(os.path.join(src, "layouts", rel))
            if any(re.fullmatch(r"(chart\d*|table)", sec) for sec in ini):
                self.question_titles.append(ini["page"]["title"])
        y = data.latest
        ans = data.answers(y)
        self.share = {"adopted": {}, "guideline": {}}
        self.count = {"adopted": {}, "guideline": {}}
        self.munis = {}
        for pref in data.prefs:
            munis = data.municipalities(pref)
            self.munis[pref] = munis
            a = sum(1 for b in munis if ans[b["団体コード"]]["導入状況"] == "1")
            g = sum(1 for b in munis if ans[b["団体コード"]]["ガイドライン"] == "1")
            self.count["adopted"][pref], self.count["guideline"][pref] = a, g
            self.share["adopted"][pref] = pct1(a, len(munis))
            self.share["guideline"][pref] = pct1(g, len(munis))
        self.rank = {k: competition_ranks(v) for k, v in self.share.items()}
        # like for like: the nation's municipalities, 指定都市 included and the
        # prefectures not, as each prefecture's share is counted
        munis = [ans[b["団体コード"]] for b in data.bodies if b["団体区分"] != "都道府県"]
        self.nat_muni = {"adopted": pct1(sum(1 for r in munis if r["導入状況"] == "1"), len(munis)),
                         "guideline": pct1(sum(1 for r in munis if r["ガイドライン"] == "1"), len(munis))}

    def sheet_counts(self, column, scope):
        """(answered, {code: bodies choosing it}) of a question of answers.csv
        in ('pref', code), ('band', n) or ('nation',), latest year."""
        key = (column,) + scope
        if not hasattr(self, "_sheet"):
            self._sheet = {}
        if key not in self._sheet:
            ans = self.data.answers(self.data.latest)
            answered, chose = 0, {}
            for b in self.data.bodies:
                v = ans[b["団体コード"]].get(column)
                if not v:
                    continue
                if scope[0] == "pref" and b["都道府県コード"] != scope[1]:
                    continue
                if scope[0] == "band" and band_of(int(b["人口"])) != scope[1]:
                    continue
                answered += 1
                for c in v.split(";"):
                    chose[int(c)] = chose.get(int(c), 0) + 1
            self._sheet[key] = (answered, chose)
        return self._sheet[key]

    def scope_counts(self, pref=None):
        """answered, status 1/2/3 and 策定済 over a prefecture's bodies (or all)."""
        ans = self.data.answers(self.data.latest)
        bodies = [b for b in self.data.bodies if pref is None or b["都道府県コード"] == pref]
        rows = [ans[b["団体コード"]] for b in bodies if b["団体コード"] in ans]
        n = len(rows)
        out = {"answered": n}
        for code in ("1", "2", "3"):
            out[f"status{code}"] = sum(1 for r in rows if r["導入状況"] == code)
        out["guideline1"] = sum(1 for r in rows if r["ガイドライン"] == "1")
        return out


def find_seq(rep, kind, where, text, pieces, start=0):
    """Each piece found in text after the previous one; returns the end."""
    pos = start
    for piece in pieces:
        i = text.find(piece, pos)
        if not rep.check(i >= 0, kind, f"{where}: not printed (in order): {piece}"):
            return pos
        pos = i + len(piece)
    return pos


def tie_word(exp, kind, pref):
    """「同率」 when another prefecture has the same printed share."""
    r = exp.rank[kind]
    return "同率" if sum(1 for v in r.values() if v == r[pref]) > 1 else ""


def check_ranking(rep, exp, kind, where, text):
    rows = ranking_rows(text)
    rep.check(len(rows) == 47, "ranking", f"{where}: {len(rows)} ranking rows, expected 47")
    names = {n: c for c, n in exp.data.prefs.items()}
    prev = 0
    for tie, rank, name, count, total, pct in rows:
        pref = names.get(name)
        if not rep.check(pref is not None, "ranking", f"{where}: unknown prefecture {name}"):
            continue
        want = (str(exp.rank[kind][pref]), str(exp.count[kind][pref]), str(len(exp.munis[pref])), exp.share[kind][pref])
        got = (rank, count, total, pct)
        rep.check(tie == tie_word(exp, kind, pref), "ranking", f"{where}: {name} rank {rank} marked 「{tie}」, expected 「{tie_word(exp, kind, pref)}」 (同率 where another prefecture prints the same share)")
        rep.check(got == want, "ranking", f"{where}: {name} printed rank {rank}, {count}／{total} {pct}%; recomputed rank {want[0]}, {want[1]}／{want[2]} {want[3]}%")
        rep.check(int(rank) >= prev, "ranking", f"{where}: {name} (rank {rank}) after rank {prev}: not in rank order")
        prev = int(rank)


def rank_text(rep, exp, kind, pref, where, flat, before, after):
    """`before{同率}{rank}after` printed with the recomputed rank, 「同率」 when
    another prefecture shares it."""
    want = f"{before}{tie_word(exp, kind, pref)}{exp.rank[kind][pref]}{after}"
    rep.check(want in flat, "rank", f"{where}: not printed: {want}")


def page_titled(flat, title, start=0):
    """Index of the first page (from start) whose text begins with title."""
    t = squash(title)
    return next((i for i in range(start, len(flat)) if flat[i].startswith(t)), None)


def check_report(rep, exp, name, pdf):
    data = exp.data
    pref = name[:2]
    pname = data.prefs[pref]
    munis = exp.munis[pref]
    pages = pdf_pages(pdf)
    flat = [squash(p) for p in pages]
    where = f"{name}"
    entries = load_sidecar(pdf[:-4])

    def page(title):
        i = page_titled(flat, title)
        rep.check(i is not None, "pages", f"{where}: no page titled 「{title}」")
        return i

    # a page for every question page of the national deck, by its title
    for title in exp.question_titles:
        rep.check(any(f.startswith(squash(title)) for f in flat), "pages",
                  f"{where}: no page for the national deck's 「{title}」 (no page title starts with it)")
    # the leads' 「回答の多い…は、「A」、「B」・「C」（同率2位）」: ties named together
    check_tops(rep, exp, pref, where, flat)
    # a base below the page's small_base: a lead of counts, no ranks or shares
    check_small_leads(rep, exp, pref, name, pdf[:-4] + ".html", flat)
    # no case of its own: the nation's cases for reference
    check_no_cases(rep, exp, pref, name, pdf[:-4] + ".html", flat)
    # the summary: its lead (like-for-like national shares) and key indicators
    i = page(f"{pname}の概要（主な指標）")
    if i is not None:
        a, g = exp.count["adopted"][pref], exp.count["guideline"][pref]
        find_seq(rep, "summary", f"{where} page {i + 1}", flat[i], [f"{pname}内の市区町村の導入済は{a}団体（{exp.share['adopted'][pref]}%）で47都道府県中"])
        rank_text(rep, exp, "adopted", pref, f"{where} page {i + 1}", flat[i], f"（{exp.share['adopted'][pref]}%）で47都道府県中", f"位、ガイドライン策定済は{g}団体（{exp.share['guideline'][pref]}%）で")
        rank_text(rep, exp, "guideline", pref, f"{where} page {i + 1}", flat[i], f"策定済は{g}団体（{exp.share['guideline'][pref]}%）で", f"位（{LIKE}は{exp.nat_muni['adopted']}%、{exp.nat_muni['guideline']}%）")
        check_keytable(rep, exp, pref, f"{where} page {i + 1}", flat[i])
        check_keytable_html(rep, exp, pref, name, pdf[:-4] + ".html")
    # the status page's lead: the prefecture's bodies beside the nation
    i = page("生成AIの導入状況（全国との比較）")
    if i is not None:
        sc, nat = exp.scope_counts(pref), exp.scope_counts()
        find_seq(rep, "summary", f"{where} page {i + 1}", flat[i], [
            f"{pname}内の{sc['answered']}団体のうち、生成AIを導入済の団体は{sc['status1']}団体（{pct1(sc['status1'], sc['answered'])}%）となった（全国{pct1(nat['status1'], nat['answered'])}%）"])
    # the rankings of the 47: the lead and the table
    for title, kind in (("都道府県別の導入済団体の割合（市区町村）", "adopted"), ("都道府県別のガイドライン策定済団体の割合（市区町村）", "guideline")):
        i = page(title)
        if i is None:
            continue
        rank_text(rep, exp, kind, pref, f"{where} page {i + 1}", flat[i], f"{pname}内の市区町村のうち{'' if kind == 'adopted' else 'ガイドライン'}{'導入済' if kind == 'adopted' else '策定済'}の団体は{exp.share[kind][pref]}%で、47都道府県中", f"位、{LIKE}は{exp.nat_muni[kind]}%")
        check_ranking(rep, exp, kind, f"{where} page {i + 1}", pages[i])
    # the municipality table: the prefecture, then its municipalities in code
    # order; every page of it spells out the option numbers
    i = page(f"{pname}内の市区町村別の導入状況")
    if i is not None:
        table = "".join(flat[i:])
        pos = 0
        own = [b for b in data.bodies if b["都道府県コード"] == pref and b["団体区分"] == "都道府県"]
        for b in own + munis:
            pos = find_seq(rep, "table", f"{where} municipality table", table, [table_row(data, b)], pos)
        for k in range(i, len(flat)):
            rep.check(table_legend(data) in flat[k], "table", f"{where} page {k + 1}: the legend of the option numbers is not printed")
    # the sidecar's A1 entries: counts and ranks as recomputed
    check_a1(rep, exp, where, entries, pref)
    # every figure number of the report against the data
    check_entries(rep, exp, where, pref, entries)


TOP = re.compile(r"\{(nation:)?(\w+\.\w+)\[latest,([^,\]]*)\]\.(top|counts)\((\d+)\)\}")
# the group a page's lead is about where it is not 全体
LEAD_GROUP = {"P4.status_by_group": "市区町村", "P11.Q6_by_status": "導入済"}


def lead_base(exp, rel, pref):
    """(base, small_base, figure, group) of the prefecture figure a page's
    lead is about, counted from data/; None for a page without such a chart."""
    if rel not in exp.compare_pages:
        return None
    figure, small_base, _ = exp.compare_pages[rel]
    group = LEAD_GROUP.get(figure, "全体")
    return exp.calc.share(figure, exp.data.latest, pref, group, 1)[1], small_base, figure, group


def top_text(exp, figure, scope, group, n, with_counts=False):
    """What {FIGURE[latest,group].top(n)} must print, counted from data/: the
    options ranked n or better (competition ranking on the count, the
    residual options after the others) that someone chose, in rank order then code order; a tie named together,
    「A」・「B」（同率2位）, cut with 「など」 past n + 2 options; 「（回答なし）」.
    with_counts (counts(n)): each place with its count instead of its rank,
    「A」（3団体）, 「A」・「B」（各2件）: 団体 for a question asked once per body
    (answers.csv), 件 for one asked per service (services.csv)."""
    data, calc = exp.data, exp.calc
    qid = figure.split(".")[1]
    counts = {c: calc.share(figure, data.latest, scope, group or "全体", c)[0] for c in data.option_labels(qid)}
    # the codebook's residual options (その他, 不明: `residual`) rank after the
    # substantive ones, in the listed order, each a place of its own
    residual = [int(c) for c in data.codebook[qid.lower()].get("residual", "").split(",") if c.strip()]
    substantive = {c: v for c, v in counts.items() if c not in residual}
    rank = {c: 1 + sum(1 for o in substantive.values() if o > v) for c, v in substantive.items()}
    rank.update({c: len(substantive) + j + 1 for j, c in enumerate(c for c in residual if c in counts)})
    order = sorted((c for c in counts if counts[c] > 0 and rank[c] <= n), key=lambda c: (rank[c], c))
    unit = "団体" if data.question(qid)["file"] == "answers" else "件"
    out, named, cap, i = [], 0, n + 2, 0
    while i < len(order) and named < cap:
        tied = [c for c in order if rank[c] == rank[order[i]]]
        shown = tied[: cap - named]
        part = "・".join(f"「{data.label(qid, c)}」" for c in shown)
        cut = "など" if len(shown) < len(tied) else ""
        if with_counts:
            part += f"{cut}（{'各' if len(tied) > 1 else ''}{fmt_int(counts[tied[0]])}{unit}）"
        elif len(tied) > 1:
            part += f"{cut}（同率{rank[order[i]]}位）"
        out.append(part)
        named += len(shown)
        i += len(tied)
    return "、".join(out) if out else "（回答なし）"


def small_page(exp, rel, pref):
    """Whether the page's prefecture base is below its chart's small_base."""
    b = lead_base(exp, rel, pref)
    return b is not None and b[0] < b[1]


def check_tops(rep, exp, pref, where, flat):
    """Every top(N) and counts(N) of the report's leads, the prefecture's and
    the nation's: top(N) where the page's base carries ranks, counts(N) where
    it is below the page's small_base."""
    for rel, text in exp.lead_tops:
        small = small_page(exp, rel, pref)
        for m in TOP.finditer(text):
            if (m[4] == "counts") != small:
                continue
            scope = "national" if m[1] else pref
            want = squash(top_text(exp, m[2], scope, m[3], int(m[5]), m[4] == "counts"))
            rep.check(any(want in f for f in flat), "lead", f"{where} ({rel}): {m[0]} should print {want}")


class Leads(HTMLParser):
    """The lead paragraphs (p class="lead") of an HTML page, by the heading
    (h2) of their section."""

    def __init__(self):
        super().__init__()
        self.leads, self.h2, self.in_h2, self.lead = {}, "", False, None

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.in_h2, self.h2 = True, ""
        elif tag == "p" and ("class", "lead") in attrs:
            self.lead = ""

    def handle_endtag(self, tag):
        if tag == "h2":
            self.in_h2 = False
        elif tag == "p" and self.lead is not None:
            self.leads.setdefault(self.h2, []).append(self.lead.strip())
            self.lead = None

    def handle_data(self, text):
        if self.in_h2:
            self.h2 += text
        elif self.lead is not None:
            self.lead += text


# 「A」（3団体）, 「A」・「B」など（各2件）: options named with their count
COUNTED = re.compile(r"((?:「[^」]+」・?)+)(?:など)?（(各)?([\d,]+)(団体|件)）")
# what a base below small_base cannot carry: a ranking, a share
RANK_CLAIM = re.compile(r"最も|同率|上位|\d位|[%％]|回答の多い|利用の多い|で多い")


def check_small_leads(rep, exp, pref, name, html, flat):
    """The lead of every page whose prefecture base is below its chart's
    small_base (counted from data/): no ranking claim (最も多い, N位, 同率),
    no percentage; it states the base, and every option it names with a
    count has that count in the data."""
    data = exp.data
    pname = data.prefs[pref]
    with open(html, encoding="utf-8") as f:
        parser = Leads()
        parser.feed(f.read())
    for rel in exp.compare_pages:
        base, small_base, figure, group = lead_base(exp, rel, pref)
        if base >= small_base:
            continue
        title = exp.compare_pages[rel][2].replace("{pref.name}", pname)
        leads = parser.leads.get(title, [])
        where = f"{name} 「{title}」 (base {base} < {small_base})"
        if not rep.check(leads, "small-lead", f"{where}: no lead in {os.path.basename(html)}"):
            continue
        qid = QUESTION_OF.get(figure, figure.split(".")[1])
        unit = "団体" if data.question(qid)["file"] == "answers" else "件"
        text = "".join(leads)
        claim = RANK_CLAIM.search(text)
        rep.check(claim is None, "small-lead", f"{where}: the lead says 「{claim and claim[0]}」, a claim the base cannot carry: {text}")
        rep.check(re.search(rf"(?<![\d,]){fmt_int(base)}(団体|件)", text) is not None, "small-lead",
                  f"{where}: the lead does not state its base {base}: {text}")
        named = COUNTED.findall(text)
        if not named:  # one option's count (P11, P14): option 1
            n = exp.calc.share(figure, data.latest, pref, group, 1)[0]
            rep.check(f"は{fmt_int(n)}{unit}" in text, "small-lead", f"{where}: expected 「は{n}{unit}」 (counted): {text}")
        for labels, _, count, u in named:
            for label in re.findall(r"「([^」]+)」", labels):
                code = exp.calc.label_code(qid, label)
                n = exp.calc.share(figure, data.latest, pref, group, code)[0]
                rep.check((fmt_int(n), unit) == (count, u), "small-lead",
                          f"{where}: 「{label}」 printed with {count}{u}, counted {n}{unit}")
        for lead in leads:
            rep.check(any(squash(lead) in f for f in flat), "small-lead", f"{where}: the HTML's lead is not on the PDF's pages: {lead}")


def check_no_cases(rep, exp, pref, name, html, flat):
    """P6 of a prefecture none of whose bodies is in the latest year's case
    list (cases.csv): the lead says so with the nation's number of cases, and
    the page lists the nation's cases for reference, each with the
    prefecture of its body, its 活用事例, 導入効果 and population (万人), in
    list order; counted from data/."""
    data = exp.data
    y = data.latest
    if "cases" not in data.survey[y.lower()]:
        return
    cases = read_csv(data.year_file(y, "cases"))
    if any(data.body[c["団体コード"]]["都道府県コード"] == pref for c in cases):
        return
    pname = data.prefs[pref]
    title = f"自治体における生成AIの導入効果（{pname}内の事例）"
    i = page_titled(flat, title)
    if not rep.check(i is not None, "no-cases", f"{name}: no page titled 「{title}」"):
        return
    where = f"{name} page {i + 1} (no case of {pname})"
    label = data.survey[y.lower()]["label"]
    find_seq(rep, "no-cases", where, flat[i], [f"{label}の調査で報告された導入効果の事例（全国{fmt_int(len(cases))}件）に、{pname}内の団体の事例はなかった"])
    want = [[data.body[c["団体コード"]]["都道府県名"], c["活用事例"], c["導入効果"], man(data.body[c["団体コード"]]["人口"])] for c in cases]
    pos = 0
    for row in want:  # the PDF: each case's prefecture and population, in list order
        pos = find_seq(rep, "no-cases", where, flat[i], [squash(row[0]), squash(row[3])], pos)
    parser = SectionTables()
    with open(html, encoding="utf-8") as f:
        parser.feed(f.read())
    got = parser.tables.get(title, [])
    rep.check(got == want, "no-cases", f"{name}.html 「{title}」: rows {got}, counted from cases.csv {want}")


KEYTABLE = "layouts/prefecture/pages/p02_summary.ini"


def keytable_rows(src):
    """(figure, group, option, 設問, 指標, 対象) of the summary's [keytable], and
    its small_base."""
    ini = read_ini(os.path.join(src, KEYTABLE))["keytable"]
    rows = []
    for k in sorted((k for k in ini if re.fullmatch(r"row\d+", k)), key=lambda k: int(k[3:])):
        parts = [p.strip() for p in ini[k].split("|")]
        m = re.fullmatch(r"(\w+\.\w+)\[(.*),(.*)\]", parts[0])
        group = "" if m[2].strip() == "-" else m[2].strip()
        option = 0 if m[3].strip() == "-" else int(m[3])
        rows.append((m[1], group, option) + tuple(parts[1:4]))
    return rows, int(ini.get("small_base", "10"))


QUESTION_OF = {"P3.status": "Q1", "P4.status_by_group": "Q1", "P10.Q6_by_group": "Q6", "P11.Q6_by_status": "Q6"}


def keytable_cells(exp, pref):
    """The cells of each row of the key-indicators table as printed: the
    prefecture's share and base, the nation's share of the same row, the
    rank among the 47 on the printed share (同率 when shared) and the change
    since the year before, all counted again from data/."""
    data, calc = exp.data, exp.calc
    y = data.latest
    rows, small_base = keytable_rows(exp.src)
    out = []
    for figure, group, option, question, indicator, base_text in rows:
        qid = QUESTION_OF.get(figure, figure.split(".")[1])
        if not question:
            question = data.question(qid)["title"]
        if not indicator:
            indicator = data.label(qid, option, short=True)
        n, base = calc.share(figure, y, pref, group or "全体", option)
        nn, nbase = calc.share(figure, y, "national", group or "全体", option)
        if figure == "P6.case_count":  # a count: no base, no rank, no change
            cells = [question, indicator, base_text, fmt_int(n), DASH, fmt_int(nn), DASH, DASH]
        else:
            small = base < small_base
            own = f"{pct1(n, base)}%" if base else DASH
            ranks = calc.rank47(figure, y, group or "全体", option)
            rank = f"{'同率' if ranks[pref][1] else ''}{ranks[pref][0]}位" if pref in ranks else DASH
            change = calc.change(figure, y, pref, group or "全体", option) or DASH
            if small:
                own, rank = f"（{own}）", f"（{rank}）" if rank != DASH else rank
                change = f"（{change}）" if change != DASH else change
            cells = [question, indicator, base_text, own, fmt_int(base), f"{pct1(nn, nbase)}%", rank, change]
        out.append(cells)
    return out


def check_keytable(rep, exp, pref, where, flat):
    pos = 0
    for cells in keytable_cells(exp, pref):
        pos = find_seq(rep, "keytable", f"{where} key indicators", flat, [squash("".join(cells))], pos)


class SectionTables(HTMLParser):
    """The body rows (td texts) of the tables of an HTML page, by the
    heading (h2) of the section that holds them."""

    def __init__(self):
        super().__init__()
        self.tables, self.h2, self.cell, self.row, self.in_h2 = {}, "", None, None, False

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.in_h2, self.h2 = True, ""
        elif tag == "tr":
            self.row = []
        elif tag == "td" and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "h2":
            self.in_h2 = False
        elif tag == "td" and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row:
            self.tables.setdefault(self.h2, []).append(self.row)
            self.row = None

    def handle_data(self, text):
        if self.in_h2:
            self.h2 += text
        elif self.cell is not None:
            self.cell += text


def check_keytable_html(rep, exp, pref, name, html):
    """The HTML page's table of the summary: the same rows and cells as the
    PDF's key indicators, counted again."""
    title = f"{exp.data.prefs[pref]}の概要（主な指標）"
    if not rep.check(os.path.exists(html), "keytable-html", f"{name}: no HTML page {html}"):
        return
    parser = SectionTables()
    with open(html, encoding="utf-8") as f:
        parser.feed(f.read())
    got = parser.tables.get(title, [])
    want = keytable_cells(exp, pref)
    rep.check(len(got) == len(want), "keytable-html", f"{name}.html 「{title}」: {len(got)} table rows, the template has {len(want)}")
    for g, w in zip(got, want):
        rep.check(g == w, "keytable-html", f"{name}.html 「{title}」: row {g}, recomputed {w}")


def check_entries(rep, exp, where, pref, entries):
    """Every figure entry of the sidecar whose figure figcalc knows: its
    numerator and denominator (count and base of a share), its rank among
    the 47 and its change since the year before, counted again."""
    calc = exp.calc
    for e in entries:
        fig = e.get("figure") or ""
        if e.get("kind") != "figure" or not calc.knows(fig) or fig.startswith("A1."):
            continue
        scope = "national" if e.get("scope") == "national" else e.get("scope")
        group = e.get("group") or ""
        if group in ("", "-"):
            group = "全体"
        opt = e.get("option_code") or 0
        n, base = calc.share(fig, e["year"], scope, group, opt)
        what = f"{where} page {e['page']} {e['block']}: {fig}[{e['year']},{scope},{group},{opt}] {e['field']} {e['text']}"
        field = e["field"]
        if field == "count":
            rep.check(e["numerator"] == n, "entries", f"{what}: counted {n}")
        elif field == "base":
            rep.check(e["numerator"] == base, "entries", f"{what}: counted base {base}")
        elif field in ("pct", "pct0"):
            rep.check((e["numerator"], e["denominator"]) == (n, base), "entries", f"{what}: {e['numerator']}/{e['denominator']}, counted {n}/{base}")
        elif field == "pref_rank":
            r = calc.rank47(fig, e["year"], group, opt).get(scope)
            rep.check(r is not None and e["numerator"] == r[0], "entries", f"{what}: counted rank {r}")
        elif field == "change":
            rep.check(e["text"] == calc.change(fig, e["year"], scope, group, opt), "entries", f"{what}: counted {calc.change(fig, e['year'], scope, group, opt)}")


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def table_row(data, b):
    """A body's row of the municipality table: name, 区分, population, status
    of each year shown, guideline, the option numbers (①②…) of 入力可能情報
    and 人材確保, the services of the latest year."""
    code = b["団体コード"]
    cells = [b["団体名"], b["団体区分"], fmt_int(b["人口"])]
    for y in data.years[-3:]:
        r = data.answers(y).get(code)
        s = r["導入状況"] if r else ""
        cells.append(data.label("Q1", s, short=True) if s else DASH)
    r = data.answers(data.latest).get(code) or {}
    cells.append(data.label("Q6", r["ガイドライン"], short=True) if r.get("ガイドライン") else DASH)
    for q in ("Q7", "Q15"):
        v = r.get(data.question(q)["column"])
        cells.append("".join(CIRCLED[int(c) - 1] for c in sorted(int(x) for x in v.split(";"))) if v else DASH)
    svc = sorted({int(s["サービス"]) for s in data.services(data.latest) if s["団体コード"] == code})
    cells.append("、".join(data.label("Q5", c) for c in svc) if svc else DASH)
    return squash("".join(cells))


def table_legend(data):
    """The line under the table that spells the option numbers out."""
    parts = []
    for q, head in (("Q7", "入力可能情報"), ("Q15", "人材確保")):
        labels = data.option_labels(q)
        parts.append(head + "：" + "".join(CIRCLED[c - 1] + data.label(q, c, short=True) for c in sorted(labels)))
    return squash("※" + "".join(parts))


def check_a1(rep, exp, where, entries, pref):
    for e in entries:
        fig = e.get("figure") or ""
        if not fig.startswith("A1.") or e.get("scope") != pref:
            continue
        kind = "adopted" if fig == "A1.adopted_share" else "guideline"
        p = f"{int(e['option_code']):02d}" if e.get("option_code") else pref
        what = f"{where} page {e['page']} {e['block']}: {fig} {e['field']} of {exp.data.prefs.get(p, p)}"
        if e["field"] == "rank":
            got = str(e["numerator"])
            rep.check(got == str(exp.rank[kind][p]), "sidecar", f"{what}: rank {got}, recomputed {exp.rank[kind][p]}")
        elif e["field"] == "count":
            rep.check(e["numerator"] == exp.count[kind][p], "sidecar", f"{what}: {e['numerator']}, recomputed {exp.count[kind][p]}")
        elif e["field"] == "base":
            rep.check(e["numerator"] == len(exp.munis[p]), "sidecar", f"{what}: {e['numerator']}, recomputed {len(exp.munis[p])}")
        elif e["field"] == "pct":
            rep.check((e["numerator"], e["denominator"]) == (exp.count[kind][p], len(exp.munis[p])), "sidecar",
                      f"{what}: {e['numerator']}/{e['denominator']}, recomputed {exp.count[kind][p]}/{len(exp.munis[p])}")


def check_sheet(rep, exp, name, pdf):
    data = exp.data
    code = name[:6]
    b = data.body[code]
    pref = b["都道府県コード"]
    pop = int(b["人口"])
    band = band_of(pop)
    flat = squash(pdf_pages(pdf)[0])
    where = f"body sheet {name}"
    pieces = [f"{b['団体名']}（{b['団体区分']}、人口{fmt_int(pop)}人、{BANDS[band][1]}）",
              f"{data.prefs[pref]}内の市区町村の導入済の割合は{exp.share['adopted'][pref]}%（47都道府県中"]
    find_seq(rep, "sheet", where, flat, pieces)
    rank_text(rep, exp, "adopted", pref, where, flat, f"（47都道府県中", f"位）、{LIKE}では{exp.nat_muni['adopted']}%")
    me = data.answers(data.latest)[code]
    pos = find_seq(rep, "sheet", where, flat, [squash(f"{data.prefs[pref]}内{BANDS[band][1]}全国")])
    rows = []
    for q in data.questions():
        cq = data.question(q)
        if cq["file"] != "answers" or not me.get(cq["column"]):
            continue
        for i, c in enumerate(sorted(int(x) for x in me[cq["column"]].split(";"))):
            cells = [cq["title"]] if i == 0 else []
            cells.append(data.label(q, c, short=True))
            for scope in (("pref", pref), ("band", band), ("nation",)):
                answered, chose = exp.sheet_counts(cq["column"], scope)
                cells.append(f"{pct1(chose.get(c, 0), answered)}%" if answered else DASH)
            rows.append(squash("".join(cells)))
    for i, row in enumerate(rows):
        j = flat.find(row, pos)
        if j >= 0:
            pos = j + len(row)
            continue
        # a sheet that runs out of room says how many answers it leaves out
        omitted = f"ほか{len(rows) - i}件の回答は紙幅の都合により省略"
        rep.check(omitted in flat[pos:], "sheet", f"{where}: not printed (in order): {row}, nor 「{omitted}」")
        break


def main():
    src, out = main_args("check_prefs.py SOURCE_DIR OUT_DIR", 2)
    data = Data(src)
    exp = Expected(data, src)
    rep = Report("check_prefs")
    n = {"national": 0, "prefecture": 0, "body": 0}
    for kind, name, pdf in documents(out):
        n[kind] += 1
        if kind == "national":
            pages = pdf_pages(pdf)
            check_ranking(rep, exp, "adopted", "national appendix", pages[-1])
        elif kind == "prefecture":
            check_report(rep, exp, name, pdf)
        else:
            check_sheet(rep, exp, name, pdf)
    print(f"documents: {n['national']} national, {n['prefecture']} prefecture reports, {n['body']} body sheets")
    rep.check(n["national"] == 1 and n["prefecture"] == 47 and n["body"] > 0, "documents", f"expected national, 47 reports and body sheets in {out}")
    return rep.done()


if __name__ == "__main__":
    sys.exit(main())
