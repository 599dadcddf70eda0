#!/usr/bin/env python3
"""check_provenance.py - every entry of every provenance sidecar.

    check_provenance.py SOURCE_DIR OUT_DIR

For the national deck, the 47 prefecture reports (their .numbers.json, and
the .numbers.csv beside it must say the same) and every body sheet found
(.numbers.csv): no entry is skipped.

- Each entry has the fields its kind needs, and the kind is one of the
  documented ones (an `unattributed` entry fails).
- figure entries: figure, year of survey.ini, scope (the document's own or
  national), field, numerator; percentages a denominator; the text printed is
  recomputed from them with the rounding named: counts 1,788, shares half up
  to 0.1 or to 1, residents 5.1万人, largest remainder over all segments
  of the bar. Body-sheet shares (no figure row) the same from numerator,
  denominator and the question and scope their source names.
- page_number = the page; year = a label of survey.ini; date = the era date
  of the ISO date in source; template numbers are in the template's block;
  case_text in its row of cases.csv; label digits in a codebook label or the
  body's population band; body numbers in bodies.csv.
- Both ways complete: the number tokens pdftotext finds on each page are
  exactly those of the page's entries (as tests/test_provenance*.c do for
  the national deck and 13_東京都, here for every document).
"""
import collections
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (BANDS, Data, band_of, Report, documents, era_date, fmt_int, largest_remainder, main_args, man,  # noqa: E402
                    pct0, pct1, read_csv, read_ini, sidecar_csv, sidecar_json)

KINDS = {"figure", "page_number", "date", "year", "case_text", "template", "axis", "label", "body", "layout"}
# Figures that have no survey year (a body's population from bodies.csv).
YEARLESS = {"M.population"}
FIELDS = {"count", "base", "pct", "pct0", "man", "rank", "pref_rank", "change"}
TOKEN = re.compile(r"\d(?:\d|[,.](?=\d))*")
AUTO_NOTE = "※割合は四捨五入しており、合計が100%にならないものがある。"


def tokens(text):
    return TOKEN.findall(text)


class Checker:
    def __init__(self, src, data, rep):
        self.src, self.data, self.rep = src, data, rep
        self.labels = set()
        for q in data.questions():
            for names in data.option_labels(q).values():
                self.labels.update(names)
        self.cases = read_csv(os.path.join(data.dir, data.survey[data.latest.lower()]["cases"])) \
            if "cases" in data.survey[data.latest.lower()] else []
        self.count = collections.Counter()

    def template_text(self, block):
        """All texts of a template block (`layouts/… [section]`)."""
        path, section = block.split(" [")
        ini = read_ini(os.path.join(self.src, path))
        return " ".join(ini.get(section.rstrip("]").lower(), {}).values())

    def check(self, doc, scope, e, body, bars):
        rep, text = self.rep, e.get("text", "")
        kind = e.get("kind")
        where = f"{doc} page {e.get('page')} {e.get('block')} 「{text}」 ({kind})"
        self.count[kind] += 1
        if not rep.check(kind in KINDS, "kind", f"{where}: kind {kind!r} is not one of the documented kinds"):
            return
        rep.check(isinstance(e.get("page"), int) and e["page"] >= 1, "fields", f"{where}: no page")
        rep.check(bool(re.fullmatch(r"layouts/\S+\.ini \[\w+\]", e.get("block") or "")), "fields", f"{where}: block names no template section")
        rep.check(bool(tokens(text)), "fields", f"{where}: the text holds no number")
        getattr(self, "k_" + kind)(where, e, text, scope, body, bars)

    # --- one method per kind -------------------------------------------------

    def k_figure(self, where, e, text, scope, body, bars):
        rep, num, den, rnd = self.rep, e.get("numerator"), e.get("denominator"), e.get("rounding")
        if not rep.check(num is not None, "fields", f"{where}: no numerator"):
            return
        if e.get("figure"):
            if e["figure"] in YEARLESS:
                rep.check(e.get("year") in ("", None), "fields", f"{where}: {e['figure']} has no year, the entry names {e.get('year')!r}")
            else:
                rep.check(e.get("year") in self.data.years, "fields", f"{where}: year {e.get('year')!r} is not a survey year")
            # a document's own scope or the nation; the ranking of the 47 (A1) any prefecture
            ok_scopes = (scope, "national") if not e["figure"].startswith("A1.") else tuple(self.data.prefs)
            rep.check(e.get("scope") in ok_scopes, "fields", f"{where}: scope {e.get('scope')!r} in a document of {scope}")
            rep.check(e.get("field") in FIELDS, "fields", f"{where}: field {e.get('field')!r}")
            rep.check("base" in e and "group" in e and "option_code" in e, "fields", f"{where}: base, group or option missing")
            field = e.get("field")
        else:
            # every number a document prints is a figure row (issue 13): a
            # share counted elsewhere names none
            rep.fail("fields", f"{where}: kind figure without a figure name: {e.get('source')!r}")
            return
        plain = text[:-1] if text.endswith("%") else text
        if field in ("pct", "pct0"):
            if not rep.check(den is not None and den > 0, "fields", f"{where}: a percentage without a denominator"):
                return
        if rnd == "half_up_0.1":
            want = pct1(num, den) if den else None
        elif rnd == "half_up_1":
            want = pct0(num, den) if den else None
        elif rnd == "largest_remainder_0.1":
            key = (e["page"], e["block"], e.get("figure"), e.get("year"), e.get("scope"), e.get("group"))
            segs = bars.get(key, [])
            shares = largest_remainder([s["numerator"] for s in segs], den) if segs else []
            want = next((sh for s, sh in zip(segs, shares) if s is e), None)
        elif rnd == "half_up_0.1万人":
            want, plain = man(num), text
        elif rnd == "points_0.1":
            # a change since the year before: printed shares' difference in points
            rep.check(field == "change", "fields", f"{where}: rounding points_0.1 of field {field}")
            want = points(num - den) if den is not None else None
        elif rnd == "none":
            rep.check(field in ("count", "base", "rank", "pref_rank"), "fields", f"{where}: field {field} without rounding")
            want = fmt_int(num) if field not in ("rank", "pref_rank") else str(num)
        else:
            rep.fail("fields", f"{where}: rounding {rnd!r}")
            return
        rep.check(plain == want, "recompute", f"{where}: {num}/{den} with {rnd} gives {want}, printed {text}")

    def k_layout(self, where, e, text, scope, body, bars):
        # a count of the layout's own: 「ほかN件の回答は…省略」 (check_prefs.py checks N)
        self.rep.check(text == str(e.get("numerator")) and (e.get("source") or "").endswith("not shown for lack of room"),
                       "recompute", f"{where}: a layout count is its numerator, of answers left out")

    def k_page_number(self, where, e, text, scope, body, bars):
        self.rep.check(text == str(e["page"]) and e.get("numerator") == e["page"], "recompute", f"{where}: page number {text} on page {e['page']}")

    def k_year(self, where, e, text, scope, body, bars):
        known = set(self.data.year_label.values()) | set(self.data.years)  # 令和7年度 or R7
        self.rep.check(text in known and e.get("source") == "survey.ini", "recompute", f"{where}: not a year of survey.ini")

    def k_date(self, where, e, text, scope, body, bars):
        src = e.get("source") or ""
        try:
            want = era_date(src)
        except ValueError:
            self.rep.fail("fields", f"{where}: source {src!r} is not an ISO date")
            return
        # the second date of a period drops what it shares with the first:
        # 令和7年10月31日～同年11月28日, ～同月28日
        m = re.fullmatch(r"(\D+?(?:元|\d+)年)(\d+月)(\d+日)", want)
        short = {"同年" + m[2] + m[3], "同月" + m[3]} if m else set()
        self.rep.check(text in {want, want + "版"} | short, "recompute", f"{where}: {src} is {want}")

    def k_template(self, where, e, text, scope, body, bars):
        if (e.get("source") or "") == "the automatic rounding note":
            self.rep.check(text in tokens(AUTO_NOTE), "recompute", f"{where}: not in the rounding note")
            return
        self.rep.check(text in tokens(self.template_text(e["block"])), "recompute", f"{where}: {text} is not written in {e['block']}")

    def k_case_text(self, where, e, text, scope, body, bars):
        m = re.fullmatch(r"R\d+/cases\.csv row (\d+)", e.get("source") or "")
        if not self.rep.check(m is not None, "fields", f"{where}: source {e.get('source')!r} names no cases.csv row"):
            return
        row = int(m[1])
        ok = 1 <= row <= len(self.cases) and text in tokens(" ".join(self.cases[row - 1].values()))
        self.rep.check(ok, "recompute", f"{where}: not in row {row} of cases.csv")

    def k_axis(self, where, e, text, scope, body, bars):
        self.rep.check(e.get("source") == "axis" and re.fullmatch(r"[\d,]+%?", text) is not None, "recompute", f"{where}: not an axis tick")

    def k_label(self, where, e, text, scope, body, bars):
        src = e.get("source") or ""
        if src == "codebook":
            ok = any(text in tokens(l) for l in self.labels)
        elif src in self.labels:  # the label itself
            ok = text in tokens(src)
        elif src == "population band of bodies.csv" and body:
            ok = text in tokens(band_label(int(body["人口"])))
        else:
            ok = False
        self.rep.check(ok, "recompute", f"{where}: source {src!r} does not hold {text}")

    def k_body(self, where, e, text, scope, body, bars):
        """bodies.csv {body.population} (a body sheet's own body) or
        bodies.csv population of 011002 (a table row's)."""
        src = e.get("source") or ""
        m = re.fullmatch(r"bodies\.csv (?:\{body\.(\w+)\}|(\w+) of (\d{6}))", src)
        if not self.rep.check(m is not None, "fields", f"{where}: source {src!r} names no field of bodies.csv"):
            return
        what = m[1] or m[2]
        b = body if m[1] else self.data.body.get(m[3])
        if not self.rep.check(b is not None, "fields", f"{where}: {src}: no such body here"):
            return
        if what == "population":
            ok = e.get("numerator") == int(b["人口"]) and text == fmt_int(b["人口"])
        elif what == "band":
            ok = text in tokens(band_label(int(b["人口"])))
        elif what == "name":
            ok = text in tokens(b["団体名"])
        elif what == "code":
            ok = text == b["団体コード"]
        else:
            ok = False
        self.rep.check(ok, "recompute", f"{where}: not what bodies.csv says ({src})")


def points(tenths):
    """+4.5, ▲1.2, ±0.0: a change in percentage points from tenths."""
    sign = "+" if tenths > 0 else "▲" if tenths < 0 else "±"
    return f"{sign}{abs(tenths) // 10}.{abs(tenths) % 10}"


def band_label(pop):
    return BANDS[band_of(pop)][1]


def page_tokens(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True).stdout.decode()
    pages = out.split("\f")
    return [collections.Counter(tokens(p)) for p in pages]


def comparable(e):
    return {k: (None if v == "" else v) for k, v in e.items() if k not in ("option_label",)}


def main():
    src, out = main_args("check_provenance.py SOURCE_DIR OUT_DIR", 2)
    data = Data(src)
    rep = Report("check_provenance")
    chk = Checker(src, data, rep)
    ndocs = collections.Counter()
    for kind, name, pdf in documents(out):
        ndocs[kind] += 1
        base = pdf[:-4]
        scope = "national" if kind == "national" else name[:2]
        body = data.body.get(name[:6]) if kind == "body" else None
        if kind == "body":
            entries = sidecar_csv(base + ".numbers.csv")
        else:
            if not rep.check(os.path.exists(base + ".numbers.json"), "files", f"{name}: no .numbers.json"):
                continue
            entries = sidecar_json(base + ".numbers.json")
            csv_entries = sidecar_csv(base + ".numbers.csv")
            same = len(entries) == len(csv_entries) and all(
                all(comparable(a).get(k) == comparable(b).get(k) for k in ("page", "kind", "block", "text", "figure", "numerator", "denominator", "rounding"))
                for a, b in zip(entries, csv_entries))
            rep.check(same, "files", f"{name}: .numbers.json and .numbers.csv differ")
        rep.check(len(entries) > 0, "files", f"{name}: an empty sidecar")
        # segments of a largest-remainder bar, for recomputing it whole
        bars = collections.defaultdict(list)
        for e in entries:
            if e.get("rounding") == "largest_remainder_0.1":
                bars[(e["page"], e["block"], e.get("figure"), e.get("year"), e.get("scope"), e.get("group"))].append(e)
        for e in entries:
            chk.check(name, scope, e, body, bars)
        # both ways: the tokens printed on each page are those of its entries
        printed = page_tokens(pdf)
        listed = collections.defaultdict(collections.Counter)
        for e in entries:
            listed[e["page"]].update(tokens(e.get("text", "")))
        for p in range(1, max(len(printed), max(listed, default=0)) + 1):
            got = printed[p - 1] if p <= len(printed) else collections.Counter()
            missing, extra = got - listed[p], listed[p] - got
            rep.check(not missing, "complete", f"{name} page {p}: printed but in no entry: {dict(missing)}")
            rep.check(not extra, "complete", f"{name} page {p}: in entries but not printed: {dict(extra)}")
    print("documents:", dict(ndocs), "entries by kind:", dict(chk.count))
    rep.check(ndocs["national"] == 1 and ndocs["prefecture"] == 47 and ndocs["body"] > 0, "documents", f"expected the national deck, 47 reports and body sheets in {out}")
    return rep.done()


if __name__ == "__main__":
    sys.exit(main())
