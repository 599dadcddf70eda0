#!/usr/bin/env python3
"""check_edition.py - the next edition, as the rehearsal built it.

    check_edition.py SOURCE_DIR OLD_DATA NEW_DATA OUT_DIR DIFF_FILE

NEW_DATA is OLD_DATA with one more survey year (tests/test_next_edition.sh).
Everything expected is read here from the two data folders and the deck's
templates, not from the program:

1. the cover: the new year's label and its `published` date as the
   edition (「令和9年4月23日版」), on the national deck and a prefecture
   report;
2. the years on every page: only the years of the window (deck.ini
   years_shown, the latest last) are named, except P2's 「本調査は…から」
   (the survey's first year); every page with a multi-year chart names all
   of them; every source line's date is a window year's as_of;
3. P2's notes: one response-rate line per window year that has one, latest
   first, with 計 / 回答 / 回答率 counted from the CSVs; no line about a year
   outside the window;
4. the questionnaire's facts: P7's 「本設問は…から」 (the codebook's since),
   the note and the bars of the service added this year (`N.since`): no
   number for it in the years before;
5. P17's lead against the most chosen talent measures counted per year;
6. `aireport diff --latest OLD NEW`: a section per page that changed, and
   P4's その他市区町村 導入済 as counted in both editions.
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "checks"))

from common import Data, Report, era_date, fmt_int, load_sidecar, pct1, pdf_pages, read_ini, squash  # noqa: E402

GROUP_OTHER = ("市", "特別区", "町", "村")


def detail_counts(data, year):
    """(bodies with status 1-3, of those the detail respondents) of a year:
    an answer to a detail question or a service row (docs/data-format.md)."""
    detail_cols = [data.question(q)["column"] for q in data.questions()
                   if data.question(q).get("detail") == "true"]
    with_rows = {r["団体コード"] for r in data.services(year)}
    s13 = det = 0
    for code, a in data.answers(year).items():
        if a["導入状況"] in ("1", "2", "3"):
            s13 += 1
            if any(a.get(c) for c in detail_cols) or code in with_rows:
                det += 1
    return s13, det


def top_option(data, year, qid):
    """The most chosen option of a multi-answer question (ties: lowest code)."""
    column = data.question(qid)["column"]
    counts = {}
    for a in data.answers(year).values():
        for c in filter(None, a[column].split(";")):
            counts[int(c)] = counts.get(int(c), 0) + 1
    return min(counts, key=lambda c: (-counts[c], c))


def other_adopted(data, year):
    """その他市区町村 導入済: (count, bodies)."""
    n = total = 0
    for b in data.bodies:
        if b["団体区分"] in GROUP_OTHER:
            total += 1
            n += data.answers(year)[b["団体コード"]]["導入状況"] == "1"
    return n, total


def main():
    if len(sys.argv) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    src, old_dir, new_dir, out, diff_file = sys.argv[1:]
    old, new = Data(src, old_dir), Data(src, new_dir)
    rep = Report("check_edition")
    deck = read_ini(os.path.join(src, "layouts", "deck.ini"))
    n_shown = int(deck["deck"].get("years_shown", "3"))
    window = new.years[-n_shown:]
    latest = new.latest
    sec = new.survey[latest.lower()]
    label = {y: new.year_label[y] for y in new.years}
    pages = pdf_pages(os.path.join(out, "national.pdf"))
    flat = [squash(p) for p in pages]
    rep.check(len(old.years) + 1 == len(new.years) and new.years[:-1] == old.years, "setup",
              f"the new edition adds one year: {old.years} -> {new.years}")

    # 1. the cover
    edition = era_date(sec["published"]) + "版"
    rep.check(edition in flat[0], "cover", f"the cover does not print {edition}: {flat[0]}")
    rep.check(f"（{label[latest]}）" in flat[0], "cover", f"the cover does not name {label[latest]}")
    rep.check(era_date(old.survey[old.latest.lower()]["published"]) not in flat[0], "cover",
              "the cover still prints the previous edition's date")
    tokyo = os.path.join(out, "prefectures", "13_東京都.pdf")
    rep.check(edition in squash(pdf_pages(tokyo)[0]), "cover", f"13_東京都.pdf does not print {edition}")

    # 2. the years on every page
    in_window = {label[y] for y in window}
    as_of = {era_date(new.survey[y.lower()]["as_of"]) for y in window}
    first_fact = f"本調査は{label[new.years[0]]}から実施しており"
    multi = {i + 1 for i, name in enumerate(deck["deck"]["pages"].split(","))
             if any(k.startswith("chart") and v.get("type") in ("grouped", "stacked100")
                    and v.get("years", "shown") == "shown"
                    for k, v in read_ini(os.path.join(src, "layouts", name.strip())).items())}
    for no, text in enumerate(flat, 1):
        if no == 1:
            continue
        named = set(re.findall(r"令和\d+年度", text.replace(first_fact, "")))
        rep.check(named <= in_window, "years", f"page {no} names {sorted(named - in_window)}, outside the window {sorted(in_window)}")
        if no in multi:
            rep.check(in_window <= named, "years", f"page {no} (a multi-year chart) lacks {sorted(in_window - named)}")
        for d in re.findall(r"(令和\d+年\d+月\d+日)現在", text):
            rep.check(d in as_of, "years", f"page {no}: a source line dated {d}, not an as_of of the window")
    rep.check(first_fact in flat[1], "years", f"P2 lost 「{first_fact}」")
    period = f"調査時期：{era_date(sec['period_from'])}～"
    rep.check(period in flat[1], "years", f"P2 does not print the new period {period}")

    # 3. P2's response-rate notes, latest first
    at = 0
    for y in reversed(window):
        if new.survey[y.lower()].get("detail_rate", "true") == "false":
            continue
        s13, det = detail_counts(new, y)
        line = (f"{label[y]}において、「導入済」「実証実験中」「導入予定」と回答した団体（計{fmt_int(s13)}団体）"
                f"のうち回答があった団体（{fmt_int(det)}団体）（回答率{pct1(det, s13)}%）。")
        where = flat[1].find(line, at)
        if rep.check(where >= 0, "p2", f"P2 lacks, or has out of order: {line}"):
            at = where
    for y in new.years[: -n_shown]:
        rep.check(f"{label[y]}は、" not in flat[1] and f"{label[y]}において" not in flat[1], "p2",
                  f"P2 still has a note about {label[y]}, outside the window")

    # 4. the questionnaire's facts: the question P7 asks since, the service added
    q3_since = new.question("Q3").get("since")
    if q3_since in window and q3_since != new.years[0]:
        rep.check(f"※本設問は{label[q3_since]}から調査を実施した。" in flat[6], "facts", "P7 lacks its since note")
    q5 = new.question("Q5")
    added = [c for c in range(1, int(q5["options"]) + 1) if q5.get(f"{c}.since") == latest]
    rep.check(len(added) == 1, "facts", f"the rehearsal adds one service, found {added}")
    for c in added:
        note = f"※「{q5[str(c)]}」は{label[latest]}から選択肢に追加したもの。"
        rep.check(note in flat[8], "facts", f"P9 lacks {note}")
        entries = [e for e in load_sidecar(os.path.join(out, "national"))
                   if e["page"] == 9 and e.get("figure") == "P9.Q5" and e.get("option_code") == c]
        years = {e.get("year") for e in entries}
        rep.check(years == {latest}, "facts", f"P9 prints numbers of the added service for {sorted(years)}, expected {latest} alone")

    # 5. P17's lead
    tops = {y: top_option(new, y, "Q15") for y in window}
    t = lambda y: new.label("Q15", tops[y])  # noqa: E731
    prev, last = window[-2], window[-1]
    if tops[last] == tops[prev]:
        want = f"{label[prev]}に続き、{label[last]}も「{t(last)}」が最も多かった。"
    else:
        since = "まで" if len(window) > 2 and tops[window[-3]] == tops[prev] else ""
        want = f"{label[prev]}{since}は「{t(prev)}」が最も多かったが、{label[last]}は「{t(last)}」が最も多くなった。"
    rep.check(want in flat[16], "p17", f"P17's lead does not say {want}")

    # 6. the diff between the two editions
    with open(diff_file, encoding="utf-8") as f:
        diff = f.read()
    sections = dict(re.findall(r"^(P\d+|A\d+): (\d+) changed", diff, re.M))
    for p in ("P2", "P3", "P4", "P5", "P8", "P9", "P10", "P17"):
        rep.check(int(sections.get(p, "0")) > 0, "diff", f"diff --latest lists no changed number for {p}")
    (o, ob), (n, nb) = other_adopted(old, old.latest), other_adopted(new, latest)
    delta = n - o
    line = (f"[全国] P4.status_by_group[{old.latest}→{latest},その他市区町村,1] 導入済: {fmt_int(o)} -> {fmt_int(n)} "
            f"({'+' if delta > 0 else '' if delta < 0 else '±'}{fmt_int(delta)}), {pct1(o, ob)}% -> {pct1(n, nb)}%")
    rep.check(line in diff, "diff", f"diff --latest lacks: {line}")
    return rep.done()


if __name__ == "__main__":
    sys.exit(main())
