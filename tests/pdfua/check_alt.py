#!/usr/bin/python3
"""check_alt.py - every chart's alternative text (the Figure's /Alt) says
the figures the chart draws.

    /usr/bin/python3 tests/pdfua/check_alt.py SOURCE_DIR OUT_DIR

OUT_DIR is a build of every document (the `documents` fixture: national.pdf,
prefectures/, figures.csv). For the national deck and every prefecture
report, page by page, the Figures of the structure tree (in tree order)
are matched with the [chart] blocks of the page's template, and each /Alt
must be, exactly:

    title。対象は scope。[centre。] body

body built here from figures.csv and the codebook's short labels
(tests/checks/charts.py, not the program's chart or alt-text code): per bar
or ring 「[group の]category：「series」value、…。」, per option of grouped
bars 「「option」：series value、…。」, single bars 「「option」value、…。」,
a value being its printed label with the unit after the count
(852団体（47.7%）, 1,180件, 47.7%), zero values included. A prefecture's
`compare = nation` chart names each bar or series with its base
(「都道府県の北海道（n=1）：」, 「北海道（n=66）87.9%」), per group the prefecture
has bodies of, a small base's bar in counts (1団体), counted from data/. The title must be
the chart's heading or the page's title as printed; the scope words are
checked exactly on the pages the design gives them for (national P3, P4,
P5, P13; 東京都 P3, P5) and elsewhere must name the years shown. The chart
images of index.html must carry, as alt, their chart's /Alt.
Needs pikepdf: run with /usr/bin/python3.
"""
import html
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "checks"))

import pikepdf  # noqa: E402

from charts import Figures, chart  # noqa: E402
from check_text import page_templates  # noqa: E402
from common import Data, Report, documents, load_sidecar, main_args, read_ini  # noqa: E402
from figcalc import FigCalc  # noqa: E402
from templates import deck_pages  # noqa: E402

# (document, page template basename) -> (title, scope) as the design words them
WORDS = {
    ("national", "p03_status.ini"): ("生成AIの導入状況", "全団体、令和5年度～令和7年度"),
    ("national", "p04_status_by_group.ini"): ("団体区分別の導入状況", "全団体、令和5年度～令和7年度"),
    ("national", "p05_use_cases.ini"): (
        "生成AIの活用事例",
        "「導入済」「実証中」「導入予定」の団体のうち回答があった団体、令和5年度～令和7年度、"
        "令和7年度の回答の多い順に上位10項目"),
    ("national", "p13_contract.ini"): ("契約方法", "利用しているサービスごとの回答、令和7年度"),
    ("13_東京都", "p03_status.ini"): ("生成AIの導入状況（全国との比較）", "全団体、令和5年度～令和7年度"),
    ("13_東京都", "p05_use_cases.ini"): (
        "生成AIの活用事例（全国との比較）",
        "「導入済」「実証中」「導入予定」の団体のうち回答があった団体、令和7年度、"
        "令和7年度の回答の多い順に上位10項目"),
}
# pages counting services (per service, customised services: shared/spec
# deck.md's bases), whose counts are 件
SERVICE_FIGURES = {"P13", "P14", "P15", "P16", "P18", "P19"}


def value(label, unit):
    count, _, pct = label.partition("\n")
    out = count if count.endswith("%") else count + unit
    return out + (f"（{pct}）" if pct else "")


def body(c, unit):
    out = []
    if c.kind in ("stacked100", "donut"):
        single = c.kind == "donut" and len(c.cats) == 1
        for (group, cat), labels in zip(c.cats, c.labels):
            lead = "" if single else (f"{group}の" if group else "") + f"{cat}："
            out.append(lead + "、".join(f"「{s}」{value(v, unit)}" for s, v in zip(c.series, labels)) + "。")
    elif c.kind == "grouped":
        for (_, cat), labels in zip(c.cats, c.labels):
            out.append(f"「{cat}」：" + "、".join(f"{s}{value(v, unit)}" for s, v in zip(c.series, labels)) + "。")
    else:
        out.append("、".join(f"「{cat}」{value(labels[0], unit)}" for (_, cat), labels in zip(c.cats, c.labels)) + "。")
    return "".join(out)


def figures_by_page(pdf):
    """[[alt, …] per page] of the Figures, in structure tree order."""
    pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
    out = [[] for _ in pdf.pages]

    def walk(e):
        if not isinstance(e, pikepdf.Dictionary) or "/S" not in e:
            return
        if e.S == "/Figure":
            out[pages[e.Pg.objgen]].append(str(e.get("/Alt", "")))
        k = e.get("/K")
        for kid in (k if isinstance(k, pikepdf.Array) else [k]):
            walk(kid)

    walk(pdf.Root.StructTreeRoot.K)
    return out


def check_document(rep, src, data, figs, calc, name, pdf_path, deck_file, scope, pref_name, figures=None):
    """Checks the document's Figures; figures (a dict), when given, receives
    the /Alt of each page's first Figure by its template's file name."""
    deck_ini, files = deck_pages(src, deck_file)
    years_shown = int(deck_ini["deck"].get("years_shown", "3"))
    entries = load_sidecar(pdf_path[:-4])
    with pikepdf.open(pdf_path) as pdf:
        alts = figures_by_page(pdf)
        titles = [str(o.title) for o in pdf.open_outline().root]
    where = page_templates(entries, len(alts), files)
    n = 0
    for page, found in enumerate(alts, 1):
        if figures is not None and found:
            figures.setdefault(os.path.basename(where[page]), found[0])
        ini = read_ini(os.path.join(src, where[page]))
        blocks = [(s, keys) for s, keys in ini.items() if s.startswith("chart")]
        if not rep.check(len(found) == len(blocks), "figures",
                         f"{name} page {page}: {len(found)} Figures, the template draws {len(blocks)} charts"):
            continue
        for alt, (section, keys) in zip(found, blocks):
            n += 1
            c = chart(keys, figs, data, years_shown, scope, pref_name, calc)
            unit = "件" if keys["figure"].split(".")[0] in SERVICE_FIGURES else "団体"
            want_body = body(c, unit)
            centre = ""
            if c.centre:
                page_id, fig = keys["figure"].split(".")
                base = next(r["base"] for r in figs.rows(page_id, fig, data.latest, scope, "全体"))
                centre = f"計{int(base):,}件。"
            heading = keys.get("heading")
            title = heading if heading else titles[page - 1]
            words = WORDS.get((name, os.path.basename(where[page])))
            if words:
                want = f"{words[0]}。対象は{words[1]}。{centre}{want_body}"
                rep.check(alt == want, "alt", f"{name} page {page} [{section}]: /Alt\n  got  {alt}\n  want {want}")
                continue
            rx = re.escape(title) + "。対象は[^。]*" + re.escape(data.year_label[data.latest]) + "[^。]*。" + \
                re.escape(centre + want_body)
            rep.check(re.fullmatch(rx, alt) is not None, "alt",
                      f"{name} page {page} [{section}]: /Alt\n  got  {alt}\n  want {title}。対象は…。{centre}{want_body}")
    return n


IMG = re.compile(r'<img src="charts/national/(p\d+)\.svg" alt="([^"]*)"')


def check_index(rep, out, national_figures):
    """index.html's headline charts: each image's alt is the /Alt of its
    chart's Figure in national.pdf (the first Figure of its page), which
    check_document has checked against figures.csv: the web page and the
    PDF say the same."""
    with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
        imgs = IMG.findall(f.read())
    rep.check(len(imgs) >= 3, "index", f"index.html: {len(imgs)} chart images, expected the 3 headline charts")
    for prefix, alt in imgs:
        alt = html.unescape(alt)
        want = next((a for file, a in national_figures.items() if file.startswith(prefix + "_")), None)
        rep.check(want is not None and alt == want, "index",
                  f"index.html charts/national/{prefix}.svg: alt\n  got  {alt}\n  want {want}")
    return len(imgs)


def main():
    src, out = main_args("check_alt.py SOURCE_DIR OUT_DIR", 2)
    data = Data(src)
    figs = Figures(os.path.join(out, "figures.csv"))
    calc = FigCalc(data)
    rep = Report("check_alt")
    n = 0
    national_figures = {}
    for kind, name, pdf in documents(out):
        if kind == "national":
            n += check_document(rep, src, data, figs, calc, name, pdf, "deck.ini", "national", None, national_figures)
        elif kind == "prefecture":
            n += check_document(rep, src, data, figs, calc, name, pdf, "prefecture.ini", name[:2], data.prefs[name[:2]])
    rep.check(n >= 17 + 47 * 6, "figures", f"{n} Figures checked, expected the national deck's 17 and 6 per prefecture report")
    images = check_index(rep, out, national_figures)
    print(f"check_alt: {n} Figures, {images} images of index.html")
    return rep.done()


if __name__ == "__main__":
    sys.exit(main())
