#!/usr/bin/python3
"""check_charts.py SRC OUT - the chart files of a build (out/charts/<doc>/).

Every chart of every document (the national deck and each prefecture
report, from the templates) has an SVG and a PNG. The SVG is XML with its
text as <text> elements (no glyph outlines): the chart's title, its source
lines (出典) and the sample-data label, numbers among its labels, its size
in mm. The PNG is a valid PNG (its zlib stream decompresses to the size its
header says) with pHYs = 300 dpi, as wide in pixels as the SVG in mm at
300 dpi. Standard library only."""
import configparser
import os
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

SRC, OUT = sys.argv[1], sys.argv[2]
SVG = "{http://www.w3.org/2000/svg}"
SAMPLE = "サンプルデータ（合成）による再現"
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def read_ini(path):
    cp = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=(";",), strict=False)
    with open(path, encoding="utf-8") as f:
        cp.read_string(f.read())
    return cp


def chart_names(deck_file):
    deck = read_ini(os.path.join(SRC, "layouts", deck_file))
    pages = [p.strip() for p in deck["deck"]["pages"].split(",")]
    if deck["deck"].get("appendix", "false").strip() == "true":
        pages.append("pages/a01_pref_ranking.ini")
    names = []
    for p in pages:
        cp = read_ini(os.path.join(SRC, "layouts", p))
        n = sum(1 for s in cp.sections() if s.startswith("chart"))
        prefix = re.match(r"[^_.]*", os.path.basename(p)).group(0)
        names += [prefix + ("" if k == 0 else "-%d" % (k + 1)) for k in range(n)]
    return names


def check_svg(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail("%s: not XML: %s" % (path, e))
        return None
    if root.tag != SVG + "svg":
        fail("%s: root is %s" % (path, root.tag))
        return None
    if root.find(".//" + SVG + "use") is not None or root.find(".//" + SVG + "symbol") is not None:
        fail("%s: glyphs drawn as outlines (<use>/<symbol>), not text" % path)
    texts = ["".join(t.itertext()) for t in root.iter(SVG + "text")]
    title = root.find(SVG + "title")
    if title is None or not title.text:
        fail("%s: no <title>" % path)
    elif title.text not in texts:
        fail("%s: the title %r is not printed" % (path, title.text))
    if not any(t.startswith("総務省") for t in texts):
        fail("%s: no source line (出典)" % path)
    if SAMPLE not in texts:
        fail("%s: no sample-data label" % path)
    if not any(re.search(r"\d", t) for t in texts):
        fail("%s: no number among its labels" % path)
    desc = root.find(SVG + "desc")
    if desc is None or not desc.text or "：" not in desc.text and "「" not in desc.text:
        fail("%s: no data in <desc> (the alt text)" % path)
    m = re.fullmatch(r"([\d.]+)mm", root.get("width", ""))
    if not m:
        fail("%s: width %r is not in mm" % (path, root.get("width")))
        return None
    return float(m.group(1))


def check_png(path, width_mm, decode):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("%s: not a PNG" % path)
        return
    pos, chunks, idat = 8, {}, b""
    while pos < len(data):
        n, = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + n]
        crc, = struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])
        if zlib.crc32(kind + body) != crc:
            fail("%s: bad CRC in %s" % (path, kind))
        chunks[kind] = body
        if kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, ctype = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    phys = chunks.get(b"pHYs")
    if not phys or struct.unpack(">IIB", phys) != (11811, 11811, 1):
        fail("%s: pHYs %r, expected 11811 px/m (300 dpi)" % (path, phys))
    bpp = {2: 3, 3: 1}.get(ctype)
    if bpp is None or depth != 8:
        fail("%s: colour type %d depth %d" % (path, ctype, depth))
        return
    if not decode:
        return
    try:
        raw = zlib.decompress(idat)
    except zlib.error as e:
        fail("%s: image data does not decompress: %s" % (path, e))
        return
    if len(raw) != h * (1 + w * bpp):
        fail("%s: %d bytes of rows, expected %d" % (path, len(raw), h * (1 + w * bpp)))
    if width_mm and abs(w - width_mm / 25.4 * 300) > 2:
        fail("%s: %d px wide; the chart is %.1f mm: %d px at 300 dpi" %
             (path, w, width_mm, round(width_mm / 25.4 * 300)))


docs = [("national", chart_names("deck.ini"))]
pref = chart_names("prefecture.ini")
docs += [(d, pref) for d in sorted(os.listdir(os.path.join(OUT, "charts")))
         if d != "national" and os.path.isdir(os.path.join(OUT, "charts", d))]
# decoding every picture takes seconds: the national ones and three reports
DECODE = {"national", "01_北海道", "13_東京都", "47_沖縄県"}
if len(docs) != 48:
    fail("%d documents with chart files, expected 48" % len(docs))
n = 0
for doc, names in docs:
    folder = os.path.join(OUT, "charts", doc)
    have = sorted(os.listdir(folder))
    want = sorted([x + ".svg" for x in names] + [x + ".png" for x in names])
    if have != want:
        fail("%s: files %s, expected %s" % (folder, have, want))
    for name in names:
        svg, png = os.path.join(folder, name + ".svg"), os.path.join(folder, name + ".png")
        if os.path.exists(svg) and os.path.exists(png):
            check_png(png, check_svg(svg), doc in DECODE)
            n += 1
print("check_charts: %d charts in %d documents, %d failures" % (n, len(docs), len(failures)))
sys.exit(1 if failures else 0)
