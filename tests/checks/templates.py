"""templates.py - a page template's text as the reader should find it.

Each text of a page template (title, lead, text blocks, notes, source lines,
chart headings and centres) becomes a regular expression over the page's
text with all white space removed: literal wording must be printed as
written; a placeholder the test can compute itself ({pref.name},
{year.latest.label}, {deck.edition}, {deck.note}, ...) is replaced by its
value; any other placeholder matches anything (a named group, so the checks
can see what it printed); {A > B ? X : Y} matches X or Y.
"""
import os
import re

from common import era_date, read_ini, squash

TEXT_KEY = re.compile(r"text\d*$")
# Blocks whose texts are prose (a chart's or table's own numbers are checked
# by the provenance tests).
PROSE = re.compile(r"(lead|text\d*|notes|source)$")


class Context:
    """Values the test knows without the program: year labels and dates from
    survey.ini, the deck file's variables, the prefecture or body."""

    def __init__(self, data, deck_ini, pref=None, body=None):
        self.values = {}
        self.data = data
        years = data.years
        names = {"latest": years[-1], "first": years[0]}
        for i in range(1, len(years)):
            names[f"latest-{i}"] = years[-1 - i]
        self.alias_year = names
        formats = year_formats(data)
        for alias, y in names.items():
            sec = data.survey[y.lower()]
            self.values[f"year.{alias}.label"] = sec["label"]
            self.values[f"year.{alias}.key"] = y
            for k in ("as_of", "period_from", "period_to", "published"):
                if k in sec:
                    self.values[f"year.{alias}.{k}"] = era_date(sec[k])
            later = [z for z in years[years.index(y) + 1 :] if formats[z] != formats[y]]
            if later:
                self.values[f"year.{alias}.next_format"] = data.survey[later[0].lower()]["label"]
        deck = deck_ini.get("deck", {})
        # the edition: the deck file's own date, else the latest year's publication
        edition = deck.get("edition") or data.survey[years[-1].lower()].get("published")
        if edition:
            self.values["deck.edition"] = era_date(edition) + "版"
        if pref:
            self.values["pref.name"] = data.prefs[pref]
            self.values["pref.code"] = pref
        if body:
            b = data.body[body]
            self.values["body.name"] = b["団体名"]
            self.values["body.code"] = body
            self.values["body.pref"] = b["都道府県名"]
            self.values["body.kind"] = b["団体区分"]
            self.values["body.population"] = f"{int(b['人口']):,}"
        for k, v in deck_ini.get("report", {}).items():
            self.values[f"deck.{k}"] = v  # expanded when used


def year_formats(data):
    """{year: its questionnaire format}: survey.ini's `format`, carried over
    from the year before where a year names none."""
    out, current = {}, ""
    for y in data.years:
        current = data.survey[y.lower()].get("format") or current
        out[y] = current
    return out


def since_index(data, since):
    """The index among the years from which a codebook `since` holds."""
    if not since:
        return 0
    if since in data.years:
        return data.years.index(since)
    return len(data.years)  # a later year than the data has


def figure_question(figure):
    """The codebook question a figure's options are: P5.Q2 -> Q2, the
    status figures -> Q1, P11 -> Q6; None for the others."""
    name = figure.split(".", 1)[1]
    if re.fullmatch(r"Q\d+", name):
        return name
    if name in ("status", "status_by_group", "status_1_4", "answered", "detail"):
        return "Q1"
    return "Q6" if name == "Q6_by_status" else None


def year_has(ctx, text, alias):
    """Whether a line repeated per year (`textN.years`) is printed for the
    year `alias` names: what it says about `Y` must exist that year (the
    rule of docs/templates.md, recomputed from survey.ini and the codebook)."""
    data = ctx.data
    y = ctx.alias_year[alias]
    yi = data.years.index(y)
    for kind, ph in parts(text):
        if kind != "ph":
            continue
        m = re.fullmatch(r"year\.Y\.(\w+)", ph.strip())
        if m:
            if m[1] not in ("label", "key") and f"year.{alias}.{m[1]}" not in ctx.values:
                return False
            continue
        m = re.fullmatch(r"(?:nation:)?(P\w+\.\w+)\[Y(?:,[^\]]*)?\]\.?(\w*)", ph.strip())
        if not m:
            continue
        fig, field = m[1], m[2]
        if fig == "P2.detail" and data.survey[y.lower()].get("detail_rate", "true") == "false":
            return False
        qid = figure_question(fig)
        if not qid:
            continue
        q = data.question(qid)
        start = since_index(data, q.get("since"))
        if yi < start:
            return False
        if field == "started" and not (yi == start and yi > 0):
            return False
        if field == "added":
            new = [c for c in range(1, int(q["options"]) + 1)
                   if since_index(data, q.get(f"{c}.since")) == yi]
            if not new or yi == start:
                return False
    return True


def matching_brace(text, i):
    """The index of the `}` closing the `{` at i (a condition's branches hold
    placeholders of their own), -1 when none."""
    depth = 0
    for j in range(i, len(text)):
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        if depth == 0:
            return j
    return -1


def outside_braces(text, pat):
    """The first index of pat in text outside nested braces, -1 when none."""
    depth = 0
    for j in range(len(text)):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
        elif depth == 0 and text.startswith(pat, j):
            return j
    return -1


def split_condition(key):
    """(then, else) of `A OP B ? then : else`, None for other placeholders."""
    q = outside_braces(key, " ? ")
    if q < 0:
        return None
    rest = key[q + 3 :]
    c = outside_braces(rest, " : ")
    return (rest[:c].strip(), rest[c + 3 :].strip()) if c >= 0 else None


def parts(text):
    """The template text as [('lit', s) | ('ph', content)]."""
    out, i, lit = [], 0, []
    while i < len(text):
        c = text[i]
        if text.startswith("{{", i):
            lit.append("{")
            i += 2
        elif c == "{":
            j = matching_brace(text, i)
            if j < 0:
                lit.append(text[i:])
                break
            if lit:
                out.append(("lit", "".join(lit)))
                lit = []
            out.append(("ph", text[i + 1 : j]))
            i = j + 1
        else:
            lit.append(c)
            i += 1
    if lit:
        out.append(("lit", "".join(lit)))
    return out


class Pattern:
    """A regex for one template text; `placeholders[name]` is the content of
    the placeholder a group stands for."""

    def __init__(self, text, ctx, year_alias=None):
        self.template = text
        self.placeholders = {}
        self.regex = re.compile(self._build(text, ctx, year_alias, 0))

    def _build(self, text, ctx, year_alias, depth):
        text = text.replace("\\n", "\n")
        if text.startswith("- "):
            text = "・" + text[2:]
        rx = []
        for kind, s in parts(text):
            if kind == "lit":
                rx.append(re.escape(squash(s)))
                continue
            key = s.strip()
            if year_alias and key.startswith("year.Y."):
                key = f"year.{year_alias}." + key[len("year.Y.") :]
            cond = None if key.startswith("alike(") else split_condition(key)
            if key.startswith("pref.tie."):
                rx.append("(?:同率)?")  # a word: 同率 when the rank is shared, else nothing
            elif cond and depth < 3:
                branches = [self._build(b, ctx, year_alias, depth + 1) for b in cond]
                rx.append("(?:%s|%s)" % tuple(branches))
            elif key in ctx.values and depth < 3:
                v = ctx.values[key]
                rx.append(self._build(v, ctx, year_alias, depth + 1) if "{" in v else re.escape(squash(v)))
            else:
                name = f"p{len(self.placeholders)}"
                self.placeholders[name] = key
                rx.append(f"(?P<{name}>.{{1,300}}?)")
        return "".join(rx)


class Text:
    """One text of a page template: where it comes from and its pattern."""

    def __init__(self, file, section, key, pattern):
        self.file, self.section, self.key, self.pattern = file, section, key, pattern

    @property
    def block(self):
        return f"{self.file} [{self.section}]"

    def __str__(self):
        return f"{self.file} [{self.section}] {self.key}"


class PageTemplate:
    def __init__(self, layouts, rel, ctx, years_shown):
        self.rel = rel  # as the sidecar names it: layouts/pages/p09_services.ini
        self.ini = read_ini(os.path.join(layouts, rel.split("/", 1)[1]))
        self.ctx = ctx
        self.title = Pattern(self.ini["page"].get("title", ""), ctx)
        self.texts = []
        for section, keys in self.ini.items():
            if section == "page":
                continue
            prose = PROSE.match(section)
            for key, value in keys.items():
                if prose and TEXT_KEY.match(key) or key in ("heading", "centre"):
                    per_year = keys.get(f"{key}.years", "once")
                    if section == "source" and keys.get("years", "shown") in ("shown", "latest"):
                        # one line per year, oldest first
                        aliases = ["latest"] if keys.get("years") == "latest" else years_shown[::-1]
                        for a in aliases:
                            self.texts.append(Text(rel, section, f"{key} ({a})", Pattern(value, ctx, a)))
                    elif per_year in ("oldest-first", "newest-first"):
                        # once per year shown that has what it says
                        aliases = years_shown[::-1] if per_year == "oldest-first" else years_shown
                        for a in aliases:
                            if year_has(ctx, value, a):
                                self.texts.append(Text(rel, section, f"{key} ({a})", Pattern(value, ctx, a)))
                    else:
                        self.texts.append(Text(rel, section, key, Pattern(value, ctx)))


def deck_pages(src, deck_file):
    """Template files of a deck file, as the sidecar names them."""
    ini = read_ini(os.path.join(src, "layouts", deck_file))
    pages = [p.strip() for p in ini["deck"]["pages"].split(",")]
    if ini["deck"].get("appendix") == "true":
        pages.append("pages/a01_pref_ranking.ini")
    return ini, ["layouts/" + p for p in pages]
