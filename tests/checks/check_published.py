#!/usr/bin/env python3
"""check_published.py - the national deck, word for word against the
publication.

    check_published.py SOURCE_DIR OUT_DIR

tests/published/deck.tsv restates the published deck's leads, footnotes,
label keys, the legends of P3 and P4 and the text of P1 and P2 (its seed text, with the corrections of
tests/published/corrections.tsv applied). For each of the deck's pages P1 to
P19 (pages 1 to 19 of OUT_DIR/national.pdf):

1. every row of the page is printed, whole and in one piece: the page's
   text (pdftotext, content order) and the row compared without white space
   — the layout's line breaks and the seed's stray spaces — and with
   （）， and ()， unified;
2. nothing is printed that the publication does not have: every 「●」 and
   「※」 on the page starts (or lies inside) one of the page's rows, or a
   line its template marks as an addition (`textN.extra = true`).

So a template edit that drifts from the publication, a note the deck does
not have, or a lead sentence worded differently fails, naming the page.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import Data, Report, main_args, pdf_pages, read_ini, squash  # noqa: E402
from templates import Context, Pattern, deck_pages  # noqa: E402

WIDTH = str.maketrans({"（": "(", "）": ")", "，": ","})
MARKERS = "●※"


def norm(text):
    return squash(text).translate(WIDTH)


def read_tsv(path, n):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                rows.append(line.rstrip("\n").split("\t", n - 1))
    return rows


def extras(src, rel, ctx):
    """Patterns of the lines a page template marks as additions."""
    ini = read_ini(os.path.join(src, "layouts", rel.split("/", 1)[1]))
    out = []
    for section, keys in ini.items():
        for key, value in keys.items():
            m = re.fullmatch(r"(text\d*)\.extra", key)
            if m and value == "true" and m[1] in keys:
                out.append(Pattern(keys[m[1]], ctx))
    return out


def main():
    src, out = main_args("check_published.py SOURCE_DIR OUT_DIR", 2)
    rep = Report("check_published")
    published = os.path.join(src, "tests", "published")
    rows = read_tsv(os.path.join(published, "deck.tsv"), 3)
    for page, seed, deck, why in read_tsv(os.path.join(published, "corrections.tsv"), 4):
        hits = [r for r in rows if r[0] == page and seed in r[2]]
        if rep.check(hits, "corrections", f"{page}: the correction of 「{seed}」 finds nothing to correct"):
            for r in hits:
                r[2] = r[2].replace(seed, deck)
            print(f"correction {page}: 「{seed}」 -> 「{deck}」 ({why})")
    deck_ini, files = deck_pages(src, "deck.ini")
    ctx = Context(Data(src), deck_ini)
    # white space removed; the width of （）， unified (one character for one:
    # the positions of both texts agree)
    raw_pages = [squash(p) for p in pdf_pages(os.path.join(out, "national.pdf"))]
    pages = [p.translate(WIDTH) for p in raw_pages]
    counts = {}
    for n in range(1, 20):
        name = f"P{n}"
        if not rep.check(n <= len(pages), "pages", f"national.pdf has {len(pages)} pages, expected P1-P19"):
            break
        text = pages[n - 1]
        covered = [False] * len(text)
        for _, kind, words in (r for r in rows if r[0] == name):
            want = norm(words)
            at = text.find(want)
            counts[kind] = counts.get(kind, 0) + 1
            if not rep.check(at >= 0, kind, f"{name}: the published {kind} is not printed: {words}"):
                continue
            # the marker the layout prints before a lead (●) belongs to it
            start = at - 1 if kind == "lead" and at > 0 and text[at - 1] == "●" else at
            for i in range(start, at + len(want)):
                covered[i] = True
        for pat in extras(src, files[n - 1], ctx):
            for m in pat.regex.finditer(raw_pages[n - 1]):
                for i in range(max(0, m.start() - 1), m.end()):
                    covered[i] = True
        for i, c in enumerate(text):
            if c in MARKERS and not covered[i]:
                rep.fail("extra", f"{name}: printed, the publication does not have it: {text[i:i + 70]}…")
    print("compared:", ", ".join(f"{v} {k}s" for k, v in sorted(counts.items())))
    return rep.done()


if __name__ == "__main__":
    sys.exit(main())
