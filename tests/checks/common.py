"""common.py - what the document checks of tests/checks/ share.

Everything here is written for the tests alone and leans on nothing of the
program: an INI reader with iniparser's rules for quotes and comments, the
data files read with the csv module, numbers formatted the way the
publication prints them (1,788  45.6  5.1万人  令和7年10月31日), PDF text per
page from pdftotext, outline entries from qpdf --json, and the provenance
sidecars the build writes.  A check compares the program's documents with
what these independent readings say.
"""
import csv
import datetime
import json
import os
import re
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal

# --- reporting ---------------------------------------------------------------


class Report:
    """Collects failures; prints at most `limit` of each kind."""

    def __init__(self, name):
        self.name = name
        self.failures = 0
        self.checks = 0
        self.by_kind = {}

    def check(self, ok, kind, message):
        self.checks += 1
        if not ok:
            self.fail(kind, message)
        return ok

    def fail(self, kind, message):
        self.failures += 1
        n = self.by_kind.get(kind, 0) + 1
        self.by_kind[kind] = n
        if n <= 12:
            print(f"FAIL [{kind}] {message}")
        elif n == 13:
            print(f"FAIL [{kind}] ... (more of this kind not shown)")

    def done(self):
        kinds = ", ".join(f"{k}: {v}" for k, v in sorted(self.by_kind.items()))
        if self.failures:
            print(f"{self.name}: {self.failures} of {self.checks} checks failed ({kinds})")
            return 1
        print(f"{self.name}: all {self.checks} checks passed")
        return 0


# --- INI (iniparser's reading of the project's files) -----------------------


_INI_CACHE = {}


def read_ini(path):
    """As read_ini_file, read once per path (the result is shared: do not
    change it)."""
    if path not in _INI_CACHE:
        _INI_CACHE[path] = read_ini_file(path)
    return _INI_CACHE[path]


def read_ini_file(path):
    """{section: {key: value}} with lower-case names, as iniparser reads it:
    `;` or `#` starts a comment outside double quotes (inline ones after a
    space), a double-quoted value loses its quotes."""
    sections = {}
    current = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line[0] in ";#":
                continue
            if line.startswith("["):
                current = line[1 : line.index("]")].strip().lower()
                sections.setdefault(current, {})
                continue
            if "=" not in line or current is None:
                continue
            key, value = line.split("=", 1)
            value = value.strip()
            if value.startswith('"'):
                end = value.find('"', 1)
                value = value[1:end] if end > 0 else value[1:]
            else:
                m = re.search(r"\s[;#]", value)
                if m:
                    value = value[: m.start()]
                value = value.strip()
            sections[current][key.strip().lower()] = value
    return sections


# --- the data, read with the csv module ---------------------------------------


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


class Data:
    """data/: survey years, bodies, answers, services, the codebook."""

    def __init__(self, src, data_dir=None):
        self.dir = data_dir or os.path.join(src, "data")
        self.survey = read_ini(os.path.join(self.dir, "survey.ini"))
        self.years = [y.strip() for y in self.survey["survey"]["years"].split(",")]
        self.latest = self.years[-1]
        self.year_label = {y: self.survey[y.lower()]["label"] for y in self.years}
        self.bodies = read_csv(os.path.join(self.dir, "bodies.csv"))
        self.body = {b["団体コード"]: b for b in self.bodies}
        self.prefs = {}
        for b in self.bodies:
            self.prefs.setdefault(b["都道府県コード"], b["都道府県名"])
        self.codebook = read_ini(os.path.join(self.dir, "codebook.ini"))
        self._answers = {}
        self._services = {}

    def year_file(self, year, kind):
        return os.path.join(self.dir, self.survey[year.lower()][kind])

    def answers(self, year):
        """{団体コード: row} of a year's answers.csv."""
        if year not in self._answers:
            rows = read_csv(self.year_file(year, "answers"))
            self._answers[year] = {r["団体コード"]: r for r in rows}
        return self._answers[year]

    def services(self, year):
        """[row] of a year's services.csv."""
        if year not in self._services:
            self._services[year] = read_csv(self.year_file(year, "services"))
        return self._services[year]

    def question(self, qid):
        return self.codebook[qid.lower()]

    def option_labels(self, qid):
        """{code: [label, short, full...]} of a question."""
        q = self.question(qid)
        out = {}
        for code in range(1, int(q["options"]) + 1):
            names = [q[k] for k in (str(code), f"{code}.short", f"{code}.full") if k in q]
            out[code] = names
        return out

    def label(self, qid, code, short=False):
        """An option's label; with short, its .short where there is one."""
        q = self.question(qid)
        if short and f"{code}.short" in q:
            return q[f"{code}.short"]
        return q[str(code)]

    def questions(self):
        return [s.upper() for s in self.codebook if re.fullmatch(r"q\d+", s)]

    def municipalities(self, pref):
        """Bodies of a prefecture other than the prefecture itself, in code order."""
        return sorted(
            (b for b in self.bodies if b["都道府県コード"] == pref and b["団体区分"] != "都道府県"),
            key=lambda b: b["団体コード"],
        )


# --- numbers as the publication prints them ----------------------------------


def fmt_int(n):
    return f"{int(n):,}"


def half_up(value, places):
    q = Decimal(1).scaleb(-places)
    return Decimal(value).quantize(q, rounding=ROUND_HALF_UP)


def pct1(num, den):
    """Share in % to 0.1, half up: 45.6 (exact: integers, no float)."""
    return str(half_up(Decimal(num) * 100 / Decimal(den), 1))


def pct0(num, den):
    return str(half_up(Decimal(num) * 100 / Decimal(den), 0))


def largest_remainder(nums, den):
    """Shares of one whole to 0.1 % summing to exactly 100.0 (Hamilton)."""
    if den == 0:
        return ["0.0" for _ in nums]
    tenths = [Decimal(n) * 1000 / Decimal(den) for n in nums]
    floors = [int(t) for t in tenths]
    missing = 1000 - sum(floors)
    order = sorted(range(len(nums)), key=lambda i: (-(tenths[i] - floors[i]), i))
    for i in order[:missing]:
        floors[i] += 1
    return [f"{f // 10}.{f % 10}" for f in floors]


def man(pop):
    """Residents in 万人 to 0.1: 51155 -> 5.1万人."""
    return f"{half_up(Decimal(pop) / 10000, 1)}万人"


def era_date(iso):
    """2025-10-31 -> 令和7年10月31日 (令和 from 2019-05-01, 元年)."""
    d = datetime.date.fromisoformat(iso)
    eras = [(datetime.date(2019, 5, 1), "令和"), (datetime.date(1989, 1, 8), "平成")]
    for start, name in eras:
        if d >= start:
            y = d.year - start.year + 1
            return f"{name}{'元' if y == 1 else y}年{d.month}月{d.day}日"
    raise ValueError(iso)


# Population bands of the body sheets (upper bound, printed name).
BANDS = [(10000, "人口1万人未満"), (50000, "人口1万～5万人"), (100000, "人口5万～10万人"),
         (200000, "人口10万～20万人"), (500000, "人口20万～50万人"), (None, "人口50万人以上")]


def band_of(pop):
    """The index in BANDS of a population."""
    for i, (upper, _) in enumerate(BANDS):
        if upper is None or pop < upper:
            return i
    return len(BANDS) - 1


# --- outputs -------------------------------------------------------------------


def pdf_pages(pdf, raw=True, layout=True, page=None):
    """The text of every page (pdftotext, form feeds between pages), or of
    the one page given (1-based): in content order (raw), else by position
    in columns (layout) or in pdftotext's default reading order."""
    args = ["pdftotext"] + (["-raw"] if raw else ["-layout"] if layout else [])
    args += ["-f", str(page), "-l", str(page)] if page else []
    args += [pdf, "-"]
    out = subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


RANKING_ROW = re.compile(r"^(同率 ?)?(\d+) (\S+?[都道府県]) ([\d,]+)／([\d,]+) ([\d.]+)%$", re.M)


def ranking_rows(text):
    """(tie mark, rank, prefecture, count, total, pct) of a ranking page's
    rows (-raw text); the mark is 「同率」 (a shared rank) or ''."""
    return [((m[1] or "").strip(),) + m.groups()[1:] for m in RANKING_ROW.finditer(text)]


def squash(text):
    """Text without any white space: pdftotext breaks lines where the
    layout wrapped them, templates break where the author did."""
    return re.sub(r"\s+", "", text)


def outlines(pdf):
    """[(title, page number or None, has_dest)] of every outline entry, in
    order, nested entries included (qpdf --json)."""
    out = subprocess.run(
        ["qpdf", "--json", "--json-key=outlines", pdf], check=True, capture_output=True
    ).stdout
    doc = json.loads(out)
    found = []

    def walk(items):
        for o in items:
            found.append((o.get("title"), o.get("destpageposfrom1"), bool(o.get("dest"))))
            walk(o.get("kids", []))

    walk(doc.get("outlines", []))
    return found


def pdf_info(pdf):
    out = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True).stdout.decode()
    return dict(
        (k.strip(), v.strip()) for k, v in (l.split(":", 1) for l in out.splitlines() if ":" in l)
    )


def sidecar_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["entries"]


def sidecar_csv(path):
    """Entries of a .numbers.csv, with the JSON's names and types."""
    rows = read_csv(path)
    out = []
    for r in rows:
        e = dict(r)
        e["page"] = int(e["page"])
        for k in ("numerator", "denominator"):
            e[k] = int(e[k]) if e.get(k) not in (None, "") else None
        e["option_code"] = int(e["option_code"]) if e.get("option_code") else None
        out.append(e)
    return out


def load_sidecar(path_without_ext):
    j = path_without_ext + ".numbers.json"
    if os.path.exists(j):
        return sidecar_json(j)
    return sidecar_csv(path_without_ext + ".numbers.csv")


def documents(out):
    """(kind, name, pdf path) of every PDF under an output folder."""
    docs = []
    if os.path.exists(os.path.join(out, "national.pdf")):
        docs.append(("national", "national", os.path.join(out, "national.pdf")))
    for kind, sub in (("prefecture", "prefectures"), ("body", "bodies")):
        d = os.path.join(out, sub)
        if os.path.isdir(d):
            for f in sorted(os.listdir(d)):
                if f.endswith(".pdf"):
                    docs.append((kind, f[:-4], os.path.join(d, f)))
    return docs


def main_args(usage, n):
    if len(sys.argv) != n + 1:
        print(f"usage: {usage}", file=sys.stderr)
        sys.exit(2)
    return sys.argv[1:]
