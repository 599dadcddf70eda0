#!/usr/bin/env python3
"""check_breaks.py - every line break of the documents, against the rule set.

    check_breaks.py SOURCE_DIR OUT_DIR

For the national deck and the 47 prefecture reports of OUT_DIR, every place
where a text the program wrapped goes on on the next line is found and
checked against the rules of docs/linebreak.md, written out again here
(this file's own reading, not the program's):

* the wrapped texts: each prose text of a page's template (lead, notes,
  text, source lines; placeholders as wildcards, templates.py), each option
  label of the codebook (label, short, full) and lists of them joined with
  「、」 (the municipality table's services), each case study's cells, each
  body's name. A text counts where it begins and ends a line of the page's
  text (pdftotext, content order) and runs over more than one line;
* each break (the end of one of its lines) must not fall
  - where JIS X 4051 forbids it: before 、。）」ー small kana … or after （「…;
  - inside a Latin word or a katakana word, inside a number with its unit,
    inside a bracketed unit of at most 10 characters, before a kanji suffix
    (等 中 済 …) that ends a word;
  - before hiragana that goes on the word before it (扱｜う), or inside a run
    of hiragana other than after a particle (させ｜ている);
* allowed breaks are counted by kind: after punctuation, at a phrase end,
  between scripts, inside a kanji compound.

Every break is listed in OUT_DIR/breaks.tsv (document, page, kind, the text
around it); the national deck's are printed too.
"""
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from check_text import page_templates  # noqa: E402
from common import Data, Report, documents, load_sidecar, main_args, pdf_pages, read_csv, squash  # noqa: E402
from templates import Context, PageTemplate, deck_pages  # noqa: E402

NO_START = set("、。，．・：；？！）」』】〕］｝ー〜～ゝゞヽヾ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ)]},.:;?!%％")
NO_END = set("（「『【〔［｛([{")
OPEN = set("（「『【〔［｛〈《([{")
CLOSE = set("）」』】〕］｝〉》)]}")
PUNCT_AFTER = set("、。，．！？：；") | CLOSE
BOUND = set("等中済化的性型版別内用系")
PARTICLES = set("がをにはでともへのや")
NUMBER = re.compile(r"[0-9０-９][0-9０-９,.，．]*(?:[かヶヵカケ箇](?=[万億兆千円件人年月日時間分割倍歳社団体台回点号])|[万億兆千円件人％年月日時間分割倍歳社団体台回点号%])*")
SHORT_BRACKET = 10


def kind(c):
    o = ord(c)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or c in "々〆":
        return "kanji"
    if 0x3041 <= o <= 0x309F:
        return "hira"
    if 0x30A1 <= o <= 0x30FA or 0x30FC <= o <= 0x30FF or 0xFF66 <= o <= 0xFF9F:
        return "kata"
    if c.isascii() and c.isalnum() or 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return "latin"
    return "other"


def judge(text, at, spaced):
    """(verdict, kind) of a break before text[at] (white space removed);
    spaced: the break was at a space of the source."""
    p, c = text[at - 1], text[at]
    kp, kc = kind(p), kind(c)
    if c in NO_START:
        return "bad", "line start forbidden (JIS X 4051)"
    if p in NO_END:
        return "bad", "line end forbidden (JIS X 4051)"
    for m in NUMBER.finditer(text):
        if m.start() < at < m.end():
            return "bad", "inside a number with its unit"
    for i, ch in enumerate(text):
        if ch in OPEN:
            depth = 0
            for k in range(i, min(len(text), i + SHORT_BRACKET)):
                depth += text[k] in OPEN
                depth -= text[k] in CLOSE
                if depth == 0:
                    if i < at <= k:
                        return "bad", "inside a short bracketed unit"
                    break
    if spaced:
        return "ok", "at a space"
    if kp == kc == "latin" or (p.isascii() and c.isascii() and p.isprintable() and c.isprintable()):
        return "bad", "inside a Latin word"
    if kp == kc == "kata":
        return "bad", "inside a katakana word"
    if c in BOUND and kp in ("kanji", "kata", "latin"):
        return "bad", "before a suffix of the word"
    if p in CLOSE and kc == "hira":
        return "bad", "a particle cut off its bracket"
    if p in PUNCT_AFTER or c in OPEN:
        return "ok", "after punctuation"
    if kc == "hira":
        if kp == "hira" and p in PARTICLES:
            return "ok", "after a particle"
        return "bad", "inside a word going on in hiragana"
    if kp == "hira":
        return "ok", "at a phrase end"
    if kp == kc == "kanji":
        return "ok", "inside a kanji compound"
    return "ok", "between scripts"


class Page:
    """A page's text without white space, with the positions where its
    lines begin (pdftotext -raw: content order, one line per line drawn)."""

    def __init__(self, raw):
        self.text, self.starts = "", set()
        for line in raw.split("\n"):
            s = squash(line)
            if s:
                self.starts.add(len(self.text))
                self.text += s
        self.ends = {a for a in self.starts} | {len(self.text)}

    def spans(self, finder):
        """(start, end) of each match of finder that begins and ends a line
        and runs over more than one."""
        for a, b in finder(self.text):
            if a in self.starts and b in self.ends and any(a < k < b for k in self.starts):
                yield a, b


def literal_finder(words):
    def find(text):
        for w in words:
            at = text.find(w)
            while at >= 0:
                yield at, at + len(w)
                at = text.find(w, at + 1)
    return find


def regex_finder(rx):
    def find(text):
        for m in rx.finditer(text):
            yield m.start(), m.end()
    return find


class Corpus:
    """What the program wraps besides prose: labels, lists of labels, case
    cells, body names; and where the source has a space between two Latin
    words (a break there drops it)."""

    def __init__(self, data, src):
        labels = set()
        for q in data.questions():
            for names in data.option_labels(q).values():
                labels.update(names)
        cells = set()
        for y in data.years:
            path = data.year_file(y, "cases") if "cases" in data.survey[y.lower()] else None
            if path and os.path.exists(path):
                for r in read_csv(path):
                    cells.update(v for k, v in r.items() if k in ("活用事例", "導入効果") and v)
        names = {b["団体名"] for b in data.bodies}
        self.sources = labels | cells | names
        self.words = sorted({squash(w) for w in self.sources if squash(w)}, key=len, reverse=True)
        alt = "|".join(re.escape(squash(w)) for w in sorted(labels, key=len, reverse=True) if squash(w))
        self.lists = re.compile(f"(?:{alt})(?:、(?:{alt}))+")
        spaced = set()
        for w in self.sources:
            spaced.update(re.findall(r"[A-Za-z0-9]+ [A-Za-z0-9]+", w))
        for root, _, files in os.walk(os.path.join(src, "layouts")):
            for f in files:
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    spaced.update(re.findall(r"[A-Za-z0-9]+ [A-Za-z0-9]+", fh.read()))
        self.spaced = {(a, b) for a, b in (s.split(" ") for s in spaced)}

    def at_space(self, text, at):
        """Whether the Latin words on both sides of text[at] are written
        with a space between them somewhere in the sources."""
        left = re.search(r"[A-Za-z0-9]+$", text[:at])
        right = re.match(r"[A-Za-z0-9]+", text[at:])
        return bool(left and right and (left.group(0), right.group(0)) in self.spaced)


def check_document(rep, src, data, corpus, kind_, name, pdf, deck_file, listing, tally, pref=None):
    deck_ini, files = deck_pages(src, deck_file)
    ctx = Context(data, deck_ini, pref=pref)
    n_shown = int(deck_ini["deck"].get("years_shown", "3"))
    shown = [a for a in ["latest"] + [f"latest-{i}" for i in range(1, n_shown)] if f"year.{a}.label" in ctx.values]
    layouts = os.path.join(src, "layouts")
    raw_pages = pdf_pages(pdf)
    where = page_templates(load_sidecar(pdf[:-4]), len(raw_pages), files)
    cache = {}
    for no, raw in enumerate(raw_pages, 1):
        page = Page(raw)
        t = cache.setdefault(where[no], PageTemplate(layouts, where[no], ctx, shown))
        finders = [regex_finder(text.pattern.regex) for text in t.texts]
        finders += [literal_finder(corpus.words), regex_finder(corpus.lists)]
        seen = set()
        for f in finders:
            for a, b in page.spans(f):
                for at in sorted(k for k in page.starts if a < k < b):
                    if at in seen:
                        continue
                    seen.add(at)
                    span = page.text[a:b]
                    verdict, why = judge(span, at - a, corpus.at_space(span, at - a))
                    around = f"{span[max(0, at - a - 8):at - a]}｜{span[at - a:at - a + 8]}"
                    listing.append((name, no, verdict, why, around))
                    tally[why] = tally.get(why, 0) + 1
                    rep.check(verdict == "ok", "break", f"{name} page {no}: {why}: …{around}… in 「{span[:60]}」")


def main():
    src, out = main_args("check_breaks.py SOURCE_DIR OUT_DIR", 2)
    data = Data(src)
    rep = Report("check_breaks")
    corpus = Corpus(data, src)
    listing, tally = [], {}
    docs = [d for d in documents(out) if d[0] in ("national", "prefecture")]
    for kind_, name, pdf in docs:
        deck_file = "deck.ini" if kind_ == "national" else "prefecture.ini"
        check_document(rep, src, data, corpus, kind_, name, pdf, deck_file, listing, tally,
                       pref=None if kind_ == "national" else name[:2])
    with open(os.path.join(out, "breaks.tsv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["document", "page", "verdict", "kind", "around"])
        w.writerows(listing)
    for name, no, verdict, why, around in listing:
        if name == "national":
            print(f"national p{no}: {why}: {around}")
    print(f"{len(docs)} documents, {len(listing)} breaks:",
          ", ".join(f"{v} {k}" for k, v in sorted(tally.items(), key=lambda kv: -kv[1])))
    rep.check(len(docs) == 48, "documents", f"expected the national deck and 47 reports, found {len(docs)}")
    return rep.done()


if __name__ == "__main__":
    sys.exit(main())
