"""figcalc.py - the figures a prefecture report prints, counted again from
data/*.csv with the csv module, as the survey's documentation defines them
(docs/data-format.md, ../shared/spec/deck.md's respondent bases), without
anything of the program.

    calc = FigCalc(data)
    calc.share("P5.Q2", "R7", "31", "全体", 1)   -> (count, base)
    calc.rank47("P5.Q2", "R7", "全体", 1)        -> {pref: (rank, tied)}
    calc.change("P5.Q2", "R7", "31", "全体", 1)  -> "+4.5" / "▲1.2" / "±0.0" / None

Scopes: "national" or a prefecture code ("31"): the prefecture itself and
its municipalities. Groups: 全体, 都道府県, 指定都市, その他市区町村, 市区町村
(指定都市 and その他市区町村 together), or a status label (P11).
"""
from decimal import Decimal

from common import pct1

# the question of each question page, and its base (deck.md: 留意事項)
QUESTION_PAGES = {
    "P5.Q2": "detail", "P7.Q3": "detail", "P8.Q4": "all", "P9.Q5": "detail", "P10.Q6": "all",
    "P12.Q7": "guideline", "P13.Q8": "rows", "P14.Q9": "rows", "P15.Q10": "customised",
    "P16.Q11": "customised", "P17.Q15": "all", "P18.Q12": "rows", "P19.Q13": "rows",
    "P19.Q14": "rows",
}
GROUPS = ("都道府県", "指定都市", "その他市区町村")


def codes(value):
    return {int(c) for c in value.split(";")} if value else set()


class FigCalc:
    def __init__(self, data):
        self.data = data
        self._year = {}
        self._memo = {}

    # --- one year's answers, indexed ------------------------------------------

    def year(self, y):
        if y not in self._year:
            d = self.data
            ans = d.answers(y)
            rows = d.services(y)
            detail_cols = [d.question(q)["column"] for q in d.questions()
                           if d.question(q).get("detail") == "true" and d.question(q)["file"] == "answers"]
            has_row = {r["団体コード"] for r in rows}
            detail = set()
            for code, a in ans.items():
                if a.get("導入状況") in ("1", "2", "3") and (code in has_row or any(a.get(c) for c in detail_cols if c in a)):
                    detail.add(code)
            self._year[y] = {"ans": ans, "rows": rows, "detail": detail}
        return self._year[y]

    def bodies(self, scope, group="全体"):
        out = []
        for b in self.data.bodies:
            if scope != "national" and b["都道府県コード"] != scope:
                continue
            kind = b["団体区分"]
            g = "都道府県" if kind == "都道府県" else "指定都市" if kind == "指定都市" else "その他市区町村"
            if group in GROUPS and g != group:
                continue
            if group == "市区町村" and g == "都道府県":
                continue
            out.append(b["団体コード"])
        return out

    def label_code(self, qid, label):
        for code, names in self.data.option_labels(qid).items():
            if label in names:
                return code
        raise KeyError(f"{qid} has no option {label}")

    # --- the figures --------------------------------------------------------------

    KNOWN = {"P6.case_count", "P3.status", "P4.status_by_group", "P10.Q6_by_group",
             "P11.Q6_by_status", "A1.adopted_share", "A1.guideline_share"} | set(QUESTION_PAGES)

    def knows(self, figure):
        return figure in self.KNOWN

    def share(self, figure, y, scope, group, option):
        """(count, base) of a figure row; base 0 where it has none."""
        key = (figure, y, scope, group, option)
        if key not in self._memo:
            self._memo[key] = self._share(figure, y, scope, group, option)
        return self._memo[key]

    def _share(self, figure, y, scope, group, option):
        d, Y = self.data, self.year(y)
        ans, rows = Y["ans"], Y["rows"]
        col = lambda qid: d.question(qid)["column"]  # noqa: E731
        if figure == "P6.case_count":
            path = d.year_file(y, "cases") if "cases" in d.survey[y.lower()] else None
            if not path:
                return (0, 0)
            from common import read_csv
            own = set(self.bodies(scope))
            return (sum(1 for c in read_csv(path) if c["団体コード"] in own), 0)
        if figure in ("P3.status", "P4.status_by_group", "P10.Q6_by_group"):
            bs = self.bodies(scope, group)
            c = col("Q6" if figure == "P10.Q6_by_group" else "Q1")
            return (sum(1 for b in bs if ans.get(b, {}).get(c) == str(option)), len(bs))
        if figure == "P11.Q6_by_status":
            st = str(self.label_code("Q1", group))
            bs = [b for b in self.bodies(scope) if ans.get(b, {}).get(col("Q1")) == st]
            return (sum(1 for b in bs if ans[b].get(col("Q6")) == str(option)), len(bs))
        if figure in ("A1.adopted_share", "A1.guideline_share"):
            return self.share("P4.status_by_group" if figure == "A1.adopted_share" else "P10.Q6_by_group",
                              y, scope, "市区町村", 1)
        base_kind = QUESTION_PAGES[figure]
        qid = figure.split(".")[1]
        q = d.question(qid)
        own = set(self.bodies(scope))
        if q["file"] == "answers":
            count = sum(1 for b in own if option in codes(ans.get(b, {}).get(q["column"], "")))
        else:
            count = sum(1 for r in rows if r["団体コード"] in own and option in codes(r.get(q["column"], "")))
        if base_kind == "all":
            base = len(own)
        elif base_kind == "detail":
            base = len(own & Y["detail"])
        elif base_kind == "guideline":
            base = sum(1 for b in own if ans.get(b, {}).get(col("Q6")) == "1")
        elif base_kind == "rows":
            base = sum(1 for r in rows if r["団体コード"] in own)
        else:  # customised rows
            base = sum(1 for r in rows if r["団体コード"] in own and r.get(col("Q9")) == "1")
        return (count, base)

    def pct(self, figure, y, scope, group, option):
        """The printed share ("45.6") or None without base."""
        n, base = self.share(figure, y, scope, group, option)
        return pct1(n, base) if base else None

    def rank47(self, figure, y, group, option):
        """{pref: (rank, tied)}: competition ranking on the printed share,
        prefectures without base left out."""
        key = ("rank", figure, y, group, option)
        if key not in self._memo:
            shares = {p: self.pct(figure, y, p, group, option) for p in self.data.prefs}
            shares = {p: Decimal(v) for p, v in shares.items() if v is not None}
            out = {}
            for p, v in shares.items():
                rank = 1 + sum(1 for o in shares.values() if o > v)
                tied = sum(1 for o in shares.values() if o == v) > 1
                out[p] = (rank, tied)
            self._memo[key] = out
        return self._memo[key]

    def change(self, figure, y, scope, group, option):
        """The printed share minus last year's, in points, as printed."""
        years = self.data.years
        i = years.index(y)
        if i == 0:
            return None
        now, before = self.pct(figure, y, scope, group, option), self.pct(figure, years[i - 1], scope, group, option)
        if now is None or before is None:
            return None
        tenths = int((Decimal(now) - Decimal(before)) * 10)
        sign = "+" if tenths > 0 else "▲" if tenths < 0 else "±"
        return f"{sign}{abs(tenths) // 10}.{abs(tenths) % 10}"
