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
        years = data.years
        names = {"latest": years[-1], "first": years[0]}
        for i in range(1, len(years)):
            names[f"latest-{i}"] = years[-1 - i]
        for alias, y in names.items():
            sec = data.survey[y.lower()]
            self.values[f"year.{alias}.label"] = sec["label"]
            self.values[f"year.{alias}.key"] = y
            for k in ("as_of", "period_from", "period_to", "published"):
                if k in sec:
                    self.values[f"year.{alias}.{k}"] = era_date(sec[k])
        deck = deck_ini.get("deck", {})
        if "edition" in deck:
            self.values["deck.edition"] = era_date(deck["edition"]) + "版"
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


def parts(text):
    """The template text as [('lit', s) | ('ph', content)]."""
    out, i, lit = [], 0, []
    while i < len(text):
        c = text[i]
        if text.startswith("{{", i):
            lit.append("{")
            i += 2
        elif c == "{":
            j = text.find("}", i)
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
            cond = re.fullmatch(r"[^?]*\?([^:]*):(.*)", key)
            if key.startswith("pref.tie."):
                rx.append("(?:同率)?")  # a word: 同率 when the rank is shared, else nothing
            elif cond:
                rx.append("(?:%s|%s)" % (re.escape(squash(cond[1])), re.escape(squash(cond[2]))))
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
                    if section == "source" and keys.get("years", "shown") in ("shown", "latest"):
                        # one line per year, oldest first
                        aliases = ["latest"] if keys.get("years") == "latest" else years_shown[::-1]
                        for a in aliases:
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
