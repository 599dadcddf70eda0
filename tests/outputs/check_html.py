#!/usr/bin/python3
"""check_html.py - the HTML pages of a build, read as a strict parser would.

    python3 tests/outputs/check_html.py OUT
    python3 tests/outputs/check_html.py --self-test OUT

Reads every *.html below OUT (index.html, national.html and the 47
prefectures/PP_<name>.html must all be there) and prints one line per
failure, `FILE:LINE:COL: ID: message`, exiting 1 on any. A browser repairs
broken markup without a word (an `</a>` dropped from every figcaption went
unnoticed by chromium and axe-core), so the pages are held to what the
generators (src/layout/deck_web.c, src/cli/indexhtml.c) write: every
element closed by its own end tag, none of HTML's optional end tags left
out. The conditions, by ID:

  end-unopened    an end tag with no such element open
  end-misnested   an end tag while an element opened inside it is still open
  open-at-end     an element still open at the end of the page
  end-void        an end tag of a void element (br, img, meta, link, ...)
  self-closing    `<x/>` on an element that is not void (HTML ignores the /)
  content         an element or text where HTML does not allow it (a block
                  inside <p>, <a> in <a>, <li> outside a list, <tr> outside
                  a table, text directly in <table>/<tr>/<ol>, anything
                  outside <html>, ...): what a browser moves or closes
  attr-duplicate  an attribute given twice on one tag
  id-duplicate    an id used twice in a page
  fragment        `href="#x"` (or `page.html#x`) with no element of id x
  file-missing    a relative href/src to a file that is not in OUT
  link-outside    a relative href/src that leads out of OUT
  picture         an <img>, or a link to an SVG or PNG, that is not a chart
                  file OUT/charts/DOC/NAME.svg|png: those are the only
                  pictures the build writes, and check_charts parses every
                  one of them as XML (so that is not repeated here)
  doctype         the page does not begin with <!DOCTYPE html>
  lang            <html> without a lang
  title           no <title> with text in <head>, or more than one
  charset         no <meta charset="utf-8"> in <head> within the first
                  1024 bytes (where HTML requires it)
  img-alt         an <img> without alt
  chart-alt       a chart's <img> (in a <figure>, or of charts/) with an
                  empty alt
  table-caption   a <table> without a <caption> as its first child
  table-th-scope  a <table> without a <th>, or a <th> without a scope of
                  row, col, rowgroup or colgroup

`--self-test OUT` first requires OUT/national.html to pass, then checks
mutated copies of it (in memory; links resolved as from the page itself)
and requires each to report exactly the IDs its mutation should: every
condition proves, on every run, that it can fail. Standard library only.
"""
import html.parser
import os
import re
import sys
import urllib.parse

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# elements a browser closes an open <p> for (HTML's "closes a p element")
BLOCK = {"address", "article", "aside", "blockquote", "details", "dialog", "div", "dl",
         "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
         "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
         "table", "ul"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# an element -> the parents it may have
PARENTS = {
    "html": {None}, "head": {"html"}, "body": {"html"},
    "title": {"head"}, "meta": {"head"}, "base": {"head"}, "link": {"head"},
    "style": {"head"},
    "li": {"ol", "ul", "menu"}, "dt": {"dl", "div"}, "dd": {"dl", "div"},
    "caption": {"table"}, "colgroup": {"table"}, "thead": {"table"}, "tbody": {"table"},
    "tfoot": {"table"}, "tr": {"table", "thead", "tbody", "tfoot"}, "td": {"tr"}, "th": {"tr"},
    "col": {"colgroup"}, "figcaption": {"figure"},
}
# an element -> the only children it may have (no text either)
CHILDREN = {
    "html": {"head", "body"},
    "head": {"title", "meta", "base", "link", "style", "script", "noscript", "template"},
    "table": {"caption", "colgroup", "thead", "tbody", "tfoot", "tr", "script", "template"},
    "thead": {"tr"}, "tbody": {"tr"}, "tfoot": {"tr"}, "tr": {"td", "th"},
    "colgroup": {"col"}, "ol": {"li"}, "ul": {"li"}, "menu": {"li"}, "dl": {"dt", "dd", "div"},
}
SCOPES = {"row", "col", "rowgroup", "colgroup"}
URL_ATTRS = {"href", "src"}


class Page(html.parser.HTMLParser):
    """One page: its failures as (id, line, col, message) and its ids."""

    def __init__(self, path, text, out):
        super().__init__(convert_charrefs=True)
        self.path, self.text, self.out = path, text, out
        self.failures = []
        self.stack = []  # [tag, line, col, record]; record: what a <table> or <title> collects
        self.ids = {}  # id -> (line, col)
        self.links = []  # (line, col, attribute value) of href/src
        self.titles = []  # [line, col, text] of each <title>
        self.charset = None  # (line, col, byte offset) of <meta charset="utf-8">
        self.ended = False  # </html> seen
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def fail(self, cid, line, col, msg):
        self.failures.append((cid, line, col + 1, msg))

    def names(self):
        return " > ".join(e[0] for e in self.stack) or "(top)"

    # --- tags

    def handle_starttag(self, tag, attrs):
        self.start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag, attrs):
        self.start(tag, attrs, self_closing=True)

    def start(self, tag, attrs, self_closing):
        line, col = self.getpos()
        a = {}
        for k, v in attrs:
            if k in a:
                self.fail("attr-duplicate", line, col, "<%s> has %s twice" % (tag, k))
            a.setdefault(k, v)
        self.placement(tag, line, col)
        if "id" in a:
            if a["id"] in self.ids:
                self.fail("id-duplicate", line, col, "id=%r already used at %d:%d" %
                          ((a["id"],) + self.ids[a["id"]]))
            else:
                self.ids[a["id"]] = (line, col + 1)
        for k in URL_ATTRS & a.keys():
            self.links.append((line, col, tag, a[k]))
        getattr(self, "tag_" + tag, lambda *_: None)(a, line, col)
        if self_closing and tag not in VOID:
            self.fail("self-closing", line, col, "<%s/>: not a void element, the / is ignored "
                      "and it stays open" % tag)
        if tag not in VOID:
            self.stack.append([tag, line, col, {}])

    def placement(self, tag, line, col):
        parent = self.stack[-1][0] if self.stack else None
        if self.ended or (parent is None and tag != "html"):
            self.fail("content", line, col, "<%s> outside <html>" % tag)
            return
        if tag in PARENTS and parent not in PARENTS[tag]:
            self.fail("content", line, col, "<%s> in <%s> (%s)" % (tag, parent, self.names()))
        elif parent in CHILDREN and tag not in CHILDREN[parent]:
            self.fail("content", line, col, "<%s> directly in <%s> (%s)" % (tag, parent, self.names()))
        open_tags = {e[0] for e in self.stack}
        if tag in BLOCK and "p" in open_tags:
            self.fail("content", line, col, "<%s> inside <p>: a browser closes the <p> here (%s)" %
                      (tag, self.names()))
        if tag == "a" and "a" in open_tags:
            self.fail("content", line, col, "<a> inside <a> (%s)" % self.names())
        if tag in HEADINGS and open_tags & HEADINGS:
            self.fail("content", line, col, "<%s> inside a heading (%s)" % (tag, self.names()))
        if parent == "table":
            rec = self.stack[-1][3]
            rec.setdefault("first", tag)

    def handle_endtag(self, tag):
        line, col = self.getpos()
        if tag in VOID:
            self.fail("end-void", line, col, "</%s>: %s is a void element, it has no end tag" %
                      (tag, tag))
            return
        depth = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i][0] == tag),
                     None)
        if depth is None:
            self.fail("end-unopened", line, col, "</%s> but no <%s> is open (%s)" %
                      (tag, tag, self.names()))
            return
        inner = self.stack[depth + 1:]
        if inner:
            self.fail("end-misnested", line, col, "</%s> while %s inside it %s still open" % (
                tag, ", ".join("<%s> of %d:%d" % (e[0], e[1], e[2] + 1) for e in inner),
                "is" if len(inner) == 1 else "are"))
        for e in reversed(self.stack[depth:]):
            self.closed(e)
        del self.stack[depth:]
        if tag == "html":
            self.ended = True

    def closed(self, e):
        tag, line, col, rec = e
        if tag == "table":
            if rec.get("first") != "caption":
                self.fail("table-caption", line, col, "<table> whose first child is %s, not <caption>" %
                          ("<%s>" % rec["first"] if "first" in rec else "nothing"))
            if not rec.get("th"):
                self.fail("table-th-scope", line, col, "<table> without a <th>")
        elif tag == "title":
            self.titles[-1][2] = rec.get("text", "")

    def handle_data(self, data):
        if not data.strip():
            return
        line, col = self.getpos()
        top = self.stack[-1] if self.stack else None
        if top is None or self.ended:
            self.fail("content", line, col, "text outside <html>: %r" % data.strip()[:30])
        elif top[0] in CHILDREN:
            self.fail("content", line, col, "text directly in <%s>: %r" % (top[0], data.strip()[:30]))
        elif top[0] == "title":
            top[3]["text"] = top[3].get("text", "") + data

    # --- what single elements need

    def tag_html(self, a, line, col):
        if not (a.get("lang") or "").strip():
            self.fail("lang", line, col, "<html> without lang")

    def tag_title(self, a, line, col):
        self.titles.append([line, col, ""])

    def tag_meta(self, a, line, col):
        if "charset" not in a:
            return
        if (a["charset"] or "").lower() != "utf-8":
            self.fail("charset", line, col, "<meta charset=%r>, expected utf-8" % a["charset"])
            return
        offset = len(self.text[:self.line_starts[line - 1] + col].encode("utf-8"))
        self.charset = (line, col, offset)

    def tag_img(self, a, line, col):
        src = a.get("src") or ""
        chart = "figure" in {e[0] for e in self.stack} or src.startswith("charts/") or "/charts/" in src
        if "alt" not in a:
            self.fail("img-alt", line, col, "<img src=%r> without alt" % src)
        elif chart and not (a["alt"] or "").strip():
            self.fail("chart-alt", line, col, "chart image %r with an empty alt" % src)

    def tag_th(self, a, line, col):
        table = next((e for e in reversed(self.stack) if e[0] == "table"), None)
        if table:
            table[3]["th"] = True
        if (a.get("scope") or "") not in SCOPES:
            self.fail("table-th-scope", line, col, "<th> with scope=%r" % a.get("scope"))

    # --- the page as a whole

    def local(self, url):
        """The file a relative URL names (None for an absolute URL or a bare fragment)."""
        u = urllib.parse.urlsplit(url)
        if u.scheme or u.netloc or not u.path:
            return None
        return os.path.normpath(os.path.join(os.path.dirname(self.path),
                                             urllib.parse.unquote(u.path)))

    def finish(self, ids_of):
        self.close()
        if not re.match(r"<!DOCTYPE html>", self.text, re.I):
            self.fail("doctype", 1, 0, "the page does not begin with <!DOCTYPE html> but %r" %
                      self.text[:20])
        for e in reversed(self.stack):
            self.fail("open-at-end", e[1], e[2], "<%s> never closed" % e[0])
            self.closed(e)
        with_text = [t for t in self.titles if t[2].strip()]
        if len(self.titles) != 1 or not with_text:
            self.fail("title", 1, 0, "%d <title> elements, %d with text; expected one" %
                      (len(self.titles), len(with_text)))
        if self.charset is None:
            self.fail("charset", 1, 0, 'no <meta charset="utf-8">')
        elif self.charset[2] > 1024:
            self.fail("charset", self.charset[0], self.charset[1],
                      '<meta charset="utf-8"> at byte %d, not within the first 1024' % self.charset[2])
        root = os.path.normpath(self.out) + os.sep
        for line, col, tag, url in self.links:
            u = urllib.parse.urlsplit(url)
            if u.scheme or u.netloc:
                continue
            target = self.local(url)
            if target is None:
                ids = self.ids
            elif not target.startswith(root):
                self.fail("link-outside", line, col, "<%s> %r leads out of %s" % (tag, url, root))
                continue
            elif not os.path.isfile(target):
                self.fail("file-missing", line, col, "<%s> %r: no file %s" % (tag, url, target))
                continue
            elif (tag == "img" or target.endswith((".svg", ".png"))) and \
                    not re.fullmatch(r"charts/[^/]+/[^/]+\.(svg|png)", os.path.relpath(target, root)):
                self.fail("picture", line, col, "<%s> %r: not a chart file charts/DOC/NAME.svg|png "
                          "(check_charts reads those)" % (tag, url))
            else:
                ids = ids_of(target) if target.endswith(".html") and u.fragment else None
            frag = urllib.parse.unquote(u.fragment)
            if ids is not None and frag not in ids:
                self.fail("fragment", line, col, "<%s> %r: no id %r in %s" %
                          (tag, url, frag, target or "this page"))
        return self.failures


def check(path, text, out, ids_of):
    p = Page(path, text, out)
    p.feed(text)
    return p.finish(ids_of)


def ids_reader():
    cache = {}

    def ids_of(path):
        if path not in cache:
            with open(path, encoding="utf-8") as f:
                p = Page(path, f.read(), "")
            p.feed(p.text)
            p.close()
            cache[path] = p.ids
        return cache[path]
    return ids_of


def pages(out):
    found = []
    for d, _, files in os.walk(out):
        found += [os.path.join(d, f) for f in files if f.endswith(".html")]
    return sorted(found)


def check_all(out):
    ids_of, n, failed = ids_reader(), 0, 0
    found = pages(out)
    want = [os.path.join(out, "index.html"), os.path.join(out, "national.html")]
    prefs = [f for f in found if os.path.dirname(f) == os.path.join(out, "prefectures")]
    for f in want:
        if f not in found:
            print("%s: not written" % f)
            failed += 1
    if len(prefs) != 47:
        print("%s: %d prefecture pages, expected 47" % (os.path.join(out, "prefectures"), len(prefs)))
        failed += 1
    for f in found:
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        for cid, line, col, msg in check(f, text, out, ids_of):
            print("%s:%d:%d: %s: %s" % (f, line, col, cid, msg))
            failed += 1
        n += 1
    print("check_html: %d pages, %d failures" % (n, failed))
    return 1 if failed else 0


def sub(pattern, repl, count=1):
    """A mutation: the first `count` matches of a regex replaced."""
    def mutate(text):
        new, k = re.subn(pattern, repl, text, count=count, flags=re.S)
        if k != count:
            raise ValueError("%r matches %d times, expected %d" % (pattern, k, count))
        return new
    return mutate


def in_first_table(pattern, repl):
    """A mutation: every match of a regex in the page's first table replaced."""
    def mutate(text):
        m = re.search(r"<table>.*?</table>", text, re.S)
        if not m or not re.search(pattern, m.group(0)):
            raise ValueError("%r is not in the first table" % pattern)
        return text[:m.start()] + re.sub(pattern, repl, m.group(0)) + text[m.end():]
    return mutate


def then(*mutations):
    def mutate(text):
        for m in mutations:
            text = m(text)
        return text
    return mutate


# (what, the ids it must report, the mutation of national.html's text)
MUTATIONS = [
    ("</a> dropped from a figcaption", {"end-misnested"},
     sub(r"(SVG画像)</a>(）</figcaption>)", r"\1\2")),
    ("a stray </div>", {"end-unopened"}, sub(r"</figure>", "</div></figure>")),
    ("</html> dropped", {"open-at-end"}, sub(r"</html>\n$", "")),
    ("</section> dropped", {"end-misnested"}, sub(r"</section>\n<section", "\n<section")),
    ("</hr> after <hr>", {"end-void"}, sub(r"<main>", "<main><hr></hr>")),
    ("<div/>", {"self-closing", "end-misnested"}, sub(r"<main>", "<main><div/>")),
    ("<h1> inside <p>", {"content"}, then(sub(r"<h1>", "<p><h1>"), sub(r"</h1>", "</h1></p>"))),
    ("<a> inside <a>", {"content"}, sub(r'(<a href="#page\d+">)', r'\1<a href="#page1">x</a>')),
    ("<li> outside a list", {"content"}, sub(r"<nav aria-label=\"目次\">\n<ol>", "<nav><li>x</li><ol>")),
    ("<td> in <tbody>", {"content"}, sub(r"<tbody>\n", "<tbody>\n<td>x</td>\n")),
    ("text in <tr>", {"content"}, sub(r"<tr><th scope=\"row\">", "<tr>x<th scope=\"row\">")),
    ("text after </html>", {"content"}, sub(r"</html>\n$", "</html>\nx\n")),
    ("an attribute twice", {"attr-duplicate"}, sub(r"<figure>", '<figure class="a" class="b">')),
    ("an id twice", {"id-duplicate"}, sub(r"<main>", '<main><span id="page3"></span>')),
    ("a link to a missing id", {"fragment"}, sub(r'href="#page3"', 'href="#page99"')),
    ("a link to another page's missing id", {"fragment"},
     sub(r'href="index.html"', 'href="prefectures/13_東京都.html#nowhere"')),
    ("a missing chart PNG", {"file-missing"}, sub(r'href="(charts/[^"]*)\.png"', r'href="\1x.png"')),
    ("a missing chart SVG", {"file-missing"}, sub(r'src="(charts/[^"]*)\.svg"', r'src="\1x.svg"')),
    ("a missing PDF", {"file-missing"}, sub(r'href="national\.pdf"', 'href="nation.pdf"')),
    ("a missing workbook", {"file-missing"}, sub(r'href="national\.xlsx"', 'href="nation.xlsx"')),
    ("a missing index", {"file-missing"}, sub(r'href="index\.html"', 'href="indx.html"')),
    ("a link out of the tree", {"link-outside"}, sub(r'href="index\.html"', 'href="../index.html"')),
    ("an image that is no chart file", {"picture"}, sub(r'src="charts/[^"]*"', 'src="national.pdf"')),
    ("no DOCTYPE", {"doctype"}, sub(r"^<!DOCTYPE html>\n", "")),
    ("no lang", {"lang"}, sub(r'<html lang="ja">', "<html>")),
    ("an empty lang", {"lang"}, sub(r'<html lang="ja">', '<html lang="">')),
    ("no title", {"title"}, sub(r"<title>[^<]*</title>\n", "")),
    ("an empty title", {"title"}, sub(r"<title>[^<]*</title>", "<title></title>")),
    ("no charset", {"charset"}, sub(r'<meta charset="utf-8">\n', "")),
    ("charset Shift_JIS", {"charset"}, sub(r'<meta charset="utf-8">', '<meta charset="Shift_JIS">')),
    ("charset after 1024 bytes", {"charset"},
     then(sub(r'<meta charset="utf-8">\n', ""), sub(r"</style>\n", '</style>\n<meta charset="utf-8">\n'))),
    ("an image without alt", {"img-alt"}, sub(r'(<img src="[^"]*") alt="[^"]*"', r"\1")),
    ("a chart with an empty alt", {"chart-alt"}, sub(r'(<img src="[^"]*") alt="[^"]*"', r'\1 alt=""')),
    ("a table without caption", {"table-caption"}, sub(r"<caption>.*?</caption>\n", "")),
    ("a caption after the head", {"table-caption"},
     sub(r"(<caption>.*?</caption>\n)(<thead>.*?</thead>\n)", r"\2\1")),
    ("a th without scope", {"table-th-scope"}, sub(r'<th scope="col">', "<th>")),
    ("a table without th", {"table-th-scope"}, in_first_table(r"<th( scope=\"\w+\")?>(.*?)</th>",
                                                              r"<td>\2</td>")),
]


def self_test(out):
    path = os.path.join(out, "national.html")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    ids_of = ids_reader()
    base = check(path, text, out, ids_of)
    if base:
        for cid, line, col, msg in base:
            print("%s:%d:%d: %s: %s" % (path, line, col, cid, msg))
        print("self-test: %s must pass every check first" % path)
        return 1
    failed = 0
    for what, expected, mutate in MUTATIONS:
        try:
            copy = mutate(text)
        except ValueError as e:
            print("self-test: cannot apply '%s' to %s: %s" % (what, path, e))
            failed += 1
            continue
        got = check(path, copy, out, ids_of)
        if {g[0] for g in got} != expected:
            print("self-test: '%s' reported %s, expected %s" %
                  (what, sorted({g[0] for g in got}), sorted(expected)))
            for cid, line, col, msg in got:
                print("    %d:%d: %s: %s" % (line, col, cid, msg))
            failed += 1
    ids = sorted({i for _, e, _ in MUTATIONS for i in e})
    print("self-test: %d of %d mutations reported as expected; ids proven: %s" %
          (len(MUTATIONS) - failed, len(MUTATIONS), " ".join(ids)))
    return 1 if failed else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(argv[2])
    if len(argv) == 2:
        return check_all(argv[1])
    print(__doc__.split("\n\n")[1])
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
