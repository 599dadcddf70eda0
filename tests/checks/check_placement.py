#!/usr/bin/env python3
"""check_placement.py - no label of the documents overlaps, touches or is cut.

    check_placement.py OUT_DIR

For every page of every PDF under OUT_DIR (the national deck, the 47
prefecture reports, the sampled body sheets), measured on the PDF itself:

* the words as poppler places them (`pdftotext -bbox`: each run of text with
  its font box, ascent to descent);
* the filled rectangles of the page's content stream (pikepdf): bars and
  their segments, legend swatches, table cells, the heading band, the lead's
  box. Paths are read as written (no `cm` is used by the writer: page space,
  y up, one operator a line); a fill of one closed four-corner axis-aligned subpath is a
  rectangle, anything with curves (donut slices) is not.

and checked:

1. `clipped`: a word lies wholly on the page;
2. `overlap`: no two words share area (more than 0.05 pt each way);
3. `touch`: a word either lies inside a rectangle (a label on its bar, text
   in its cell or band) or keeps at least AIR pt from it: a value label
   that runs onto the next bar, a thin segment's label on the bar above or
   a label straddling two segments fails.

AIR is 0.25 pt (a hairline: less reads as touching in print). The test that
a thin segment's label keeps a clear point from the bar above is
tests/test_chart.c's (it knows which label belongs to which bar).
"""
import bisect
import os
import re
import subprocess
import sys

import pikepdf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import Report, documents, main_args  # noqa: E402

AIR = 0.25
EPS = 0.05
BBOX = re.compile(
    r'<page width="([\d.]+)" height="([\d.]+)">'
    r'|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def words_by_page(pdf):
    """[(width, height, [(x0, y0, x1, y1, text)])] per page, y down."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True)
    pages = []
    for m in BBOX.finditer(out.stdout.decode("utf-8")):
        if m[1]:
            pages.append((float(m[1]), float(m[2]), []))
        else:
            pages[-1][2].append((float(m[3]), float(m[4]), float(m[5]), float(m[6]), m[7]))
    return pages


def content_bytes(page):
    contents = page.obj.get("/Contents")
    if isinstance(contents, pikepdf.Array):
        return b"\n".join(c.read_bytes() for c in contents)
    return contents.read_bytes() if contents is not None else b""


def filled_rects(page, height):
    """Axis-aligned filled rectangles (x0, y0, x1, y1), y down. The writer
    puts one operator on a line (pikepdf's own parser would take the suite
    half a minute more); a line this does not know is not path building."""
    rects, subpaths = [], []
    for line in content_bytes(page).split(b"\n"):
        tok = line.split()
        if not tok:
            continue
        op = tok[-1]
        if op in (b"m", b"l") and len(tok) == 3:
            pt = (float(tok[0]), float(tok[1]))
            if op == b"m":
                subpaths.append([pt])
            elif subpaths and subpaths[-1] is not None:
                subpaths[-1].append(pt)
        elif op in (b"c", b"v", b"y", b"re"):
            subpaths.append(None)  # not a four-corner polygon
        elif op in (b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"):
            for pts in subpaths:
                if pts is None or len(pts) != 4:
                    continue  # cairo ends a fill's path with a lone moveto
                xs = {p[0] for p in pts}
                ys = {p[1] for p in pts}
                if len(xs) == 2 and len(ys) == 2:
                    rects.append((min(xs), height - max(ys), max(xs), height - min(ys)))
            subpaths = []
        elif op in (b"S", b"s", b"n"):
            subpaths = []
    return rects


def gaps(a, b):
    """Signed gaps between two boxes along x and y (negative: they overlap)."""
    return max(a[0], b[0]) - min(a[2], b[2]), max(a[1], b[1]) - min(a[3], b[3])


def inside(w, r):
    return w[0] >= r[0] - EPS and w[2] <= r[2] + EPS and w[1] >= r[1] - EPS and w[3] <= r[3] + EPS


def check_page(rep, where, width, height, words, rects):
    # each box is compared with those whose top lies above its bottom (plus
    # the air): both lists sorted by top, the rest of a list is too low
    words = sorted(words, key=lambda w: w[1])
    rects = sorted(rects, key=lambda r: r[1])
    rect_tops = [r[1] for r in rects]
    for i, w in enumerate(words):
        rep.check(w[0] >= 0 and w[1] >= 0 and w[2] <= width and w[3] <= height, "clipped",
                  f"{where}: 「{w[4]}」 runs off the page ({w[0]:.1f}, {w[1]:.1f}, {w[2]:.1f}, {w[3]:.1f})")
        for v in words[i + 1:]:
            if v[1] >= w[3]:
                break
            gx, gy = gaps(w, v)
            rep.check(not (gx < -EPS and gy < -EPS), "overlap",
                      f"{where}: 「{w[4]}」 and 「{v[4]}」 overlap by {-gx:.1f} x {-gy:.1f} pt")
        for r in rects[:bisect.bisect_left(rect_tops, w[3] + AIR)]:
            if r[3] <= w[1] - AIR or inside(w, r):
                continue
            gx, gy = gaps(w, r)
            rep.check(max(gx, gy) >= AIR, "touch",
                      f"{where}: 「{w[4]}」 is {max(gx, gy):.2f} pt from a bar or box "
                      f"({r[0]:.1f}, {r[1]:.1f}, {r[2]:.1f}, {r[3]:.1f}), expected {AIR} pt or inside it")


def main():
    (out,) = main_args("check_placement.py OUT_DIR", 1)
    rep = Report("check_placement")
    docs = documents(out)
    rep.check(docs, "documents", f"no PDF under {out}")
    n_pages = n_words = n_rects = 0
    for _, name, pdf in docs:
        doc = pikepdf.open(pdf)
        pages = words_by_page(pdf)
        rep.check(len(pages) == len(doc.pages), "pages", f"{name}: pdftotext and pikepdf count pages differently")
        for n, (width, height, words) in enumerate(pages, 1):
            rects = filled_rects(doc.pages[n - 1], height)
            check_page(rep, f"{name} p{n}", width, height, words, rects)
            n_pages += 1
            n_words += len(words)
            n_rects += len(rects)
    print(f"measured: {len(docs)} documents, {n_pages} pages, {n_words} words, {n_rects} filled rectangles")
    return rep.done()


if __name__ == "__main__":
    sys.exit(main())
