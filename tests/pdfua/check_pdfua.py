#!/usr/bin/python3
"""check_pdfua.py - the machine-checkable PDF/UA-1 conditions of the
Matterhorn Protocol 1.1, on the PDFs aireport writes.

    /usr/bin/python3 tests/pdfua/check_pdfua.py [--checks document|all] FILE...
    /usr/bin/python3 tests/pdfua/check_pdfua.py --self-test FILE

Prints one line per failure, `FILE: ID page P: message` (ID a Matterhorn
failure condition, or UA7.1-... / own-... for ISO 14289-1 7.1 and this
project's rules), and exits 1 on any (0 clean, 2 usage or unreadable file).
`--checks document` runs the conditions that hold for any document the
writer makes (language, title, metadata, fonts, marked content, the
structure tree's bookkeeping); `all` (the default) adds those on the roles
the layout gives its content (figures, headings, tables, lists, notes).

`--self-test FILE` first requires FILE (a document with a figure, headings,
a list and a table: test_pdfwriter's tagged one) to pass every check, then
applies one mutation at a time to a fresh in-memory copy and requires that
exactly the expected condition ids are reported: every check proves, on
every run, that it can fail.

Needs Debian's python3-pikepdf (and python3-lxml): run it with
/usr/bin/python3 (a python3 earlier on PATH may lack them).
The list of conditions with their ids is in README.md ("Accessibility").
"""
import argparse
import io
import re
import struct
import sys

import pikepdf
from lxml import etree

# ISO 32000-1 14.8.4 standard structure types
STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "Warichu", "RB", "RT", "RP", "WT",
    "WP", "Figure", "Formula", "Form",
}
PAINTING = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do",
            "INLINE IMAGE"}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
NS_PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

DOCUMENT_LEVEL = "document"
ALL = "all"


def name(obj):
    """A PDF name without its slash ('' if obj is no name)."""
    return str(obj)[1:] if isinstance(obj, pikepdf.Name) else ""


def key(obj):
    """Identity of a PDF object: its object number, else the wrapper's id."""
    og = obj.objgen
    return og if og != (0, 0) else ("direct", id(obj))


def as_list(obj):
    if obj is None:
        return []
    return list(obj) if isinstance(obj, pikepdf.Array) else [obj]


class Report:
    def __init__(self):
        self.items = []

    def add(self, cid, page, message):
        self.items.append((cid, page, message))

    def ids(self):
        return {i for i, _, _ in self.items}


class Checker:
    def __init__(self, pdf, checks=ALL):
        self.pdf = pdf
        self.checks = checks
        self.r = Report()
        self.page_num = {key(p.obj): n + 1 for n, p in enumerate(pdf.pages)}
        self.role_map = {}
        self.shown = {}  # font key -> (font dict, set of codes shown)
        self.font_pages = {}  # font key -> first page it is used on

    def run(self):
        self.document()
        self.metadata()
        content = {}
        for n, page in enumerate(self.pdf.pages):
            content[n + 1] = self.page_content(n + 1, page)
        tree = self.structure()
        if tree is not None:
            self.mcids(content, tree)
        self.fonts()
        return self.r

    # --- catalog and document

    def document(self):
        r, root = self.r, self.pdf.Root
        if self.pdf.pdf_version != "1.7":
            r.add("own-version", 0, "PDF version %s, expected 1.7" % self.pdf.pdf_version)
        mark = root.get("/MarkInfo")
        if mark is None or mark.get("/Marked") is not True:
            r.add("UA7.1-marked", 0, "catalog /MarkInfo lacks /Marked true")
        if mark is not None and mark.get("/Suspects") is True:
            r.add("01-007", 0, "/MarkInfo /Suspects is true")
        lang = root.get("/Lang")
        if lang is None or not LANG_TAG.match(str(lang)):
            # the language of content, Alt texts, outlines and metadata alike
            r.add("11-001", 0, "catalog /Lang %s is no language tag (BCP 47)" %
                  ("missing" if lang is None else repr(str(lang))))
        prefs = root.get("/ViewerPreferences")
        ddt = prefs.get("/DisplayDocTitle") if prefs is not None else None
        if ddt is None:
            r.add("07-001", 0, "no /ViewerPreferences /DisplayDocTitle")
        elif ddt is not True:
            r.add("07-002", 0, "/ViewerPreferences /DisplayDocTitle is false")
        for n, page in enumerate(self.pdf.pages):
            if "/Annots" in page.obj and len(page.obj.Annots) and \
                    page.obj.get("/Tabs") != pikepdf.Name("/S"):
                r.add("28-008" if "/Tabs" not in page.obj else "28-009", n + 1,
                      "page with annotations lacks /Tabs /S")

    def metadata(self):
        r, root = self.r, self.pdf.Root
        meta = root.get("/Metadata")
        if meta is None or not isinstance(meta, pikepdf.Stream):
            r.add("06-001", 0, "no XMP metadata stream in the catalog")
            return
        try:
            xml = etree.fromstring(meta.read_bytes())
        except etree.XMLSyntaxError as e:
            r.add("06-001", 0, "the metadata stream is no XML: %s" % e)
            return
        part = xml.findall(".//{%s}part" % NS_PDFUAID)
        attr = [d.get("{%s}part" % NS_PDFUAID) for d in xml.iter("{%s}Description" % NS_RDF)]
        values = [p.text for p in part] + [a for a in attr if a]
        if values != ["1"]:
            r.add("06-002", 0, "pdfuaid:part is %s, expected one, equal to 1" % (values or "missing"))
        titles = [li.text for t in xml.iter("{%s}title" % NS_DC) for li in t.iter("{%s}li" % NS_RDF)]
        info_title = self.pdf.docinfo.get("/Title") if self.pdf.trailer.get("/Info") else None
        if not titles or not titles[0]:
            r.add("06-003", 0, "no dc:title in the metadata")
        elif info_title is None or str(info_title) != titles[0]:
            r.add("06-003", 0, "dc:title %r differs from the Info /Title %r" %
                  (titles[0], None if info_title is None else str(info_title)))

    # --- page content: marked content, fonts shown

    def properties(self, page, operand):
        if isinstance(operand, pikepdf.Dictionary):
            return operand
        props = page.obj.get("/Resources", {}).get("/Properties", {})
        return props.get(str(operand)) if isinstance(operand, pikepdf.Name) else None

    def page_content(self, p, page):
        """Walks the page's content: marked-content nesting (01-003/004/005)
        and the MCIDs in content order; records the codes each font shows."""
        r = self.r
        stack = []  # each: "artifact", ("mcid", n) or "other"
        mcids = []
        font = None
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        gstack = []
        try:
            instructions = pikepdf.parse_content_stream(page)
        except pikepdf.PdfError as e:
            r.add("01-005", p, "content stream does not parse: %s" % e)
            return mcids
        unmarked = 0
        for ins in instructions:
            op = str(ins.operator)
            operands = ins.operands
            if op in ("BMC", "BDC"):
                tag = name(operands[0])
                props = self.properties(page, operands[1]) if op == "BDC" else None
                mcid = props.get("/MCID") if props is not None else None
                in_art = "artifact" in stack
                in_mcid = any(isinstance(f, tuple) for f in stack)
                if tag == "Artifact":
                    if in_mcid:
                        r.add("01-003", p, "an artifact inside tagged content")
                    stack.append("artifact")
                elif mcid is not None:
                    if in_art:
                        # not real content either way: reported once, not counted
                        r.add("01-004", p, "tagged content (MCID %s) inside an artifact" % mcid)
                        stack.append("other")
                    else:
                        stack.append(("mcid", int(mcid)))
                        mcids.append(int(mcid))
                else:
                    stack.append("other")
            elif op == "EMC":
                if not stack:
                    r.add("01-005", p, "EMC without an open marked-content sequence")
                else:
                    stack.pop()
            elif op == "q":
                gstack.append(font)
            elif op == "Q":
                font = gstack.pop() if gstack else font
            elif op == "Tf":
                font = fonts.get(str(operands[0]))
            if op in PAINTING:
                if not any(f == "artifact" or isinstance(f, tuple) for f in stack):
                    unmarked += 1
                if op == "Do":
                    self.xobject(p, page, operands[0])
            if op in TEXT_SHOWING and font is not None:
                self.record_text(p, font, operands)
        if unmarked:
            r.add("01-005", p, "%d painting operators neither in an artifact nor tagged "
                  "(in a sequence with an MCID)" % unmarked)
        if stack:
            r.add("01-005", p, "%d marked-content sequences not closed" % len(stack))
        return mcids

    def xobject(self, p, page, operand):
        xo = page.obj.get("/Resources", {}).get("/XObject", {}).get(str(operand))
        if xo is not None and "/Ref" in xo:
            self.r.add("30-001", p, "reference XObject %s" % operand)

    def record_text(self, p, font, operands):
        strings = []
        for o in operands:
            if isinstance(o, pikepdf.String):
                strings.append(bytes(o))
            elif isinstance(o, pikepdf.Array):
                strings += [bytes(x) for x in o if isinstance(x, pikepdf.String)]
        k = key(font)
        entry = self.shown.setdefault(k, (font, set()))
        self.font_pages.setdefault(k, p)
        for s in strings:
            for i in range(0, len(s) - 1, 2):
                entry[1].add(s[i] << 8 | s[i + 1])

    # --- the structure tree

    def std(self, s, page, what):
        """The standard type a structure type maps to (RoleMap), or None."""
        seen = []
        while s not in STANDARD or s in self.role_map:
            if s in STANDARD and s in self.role_map:
                self.r.add("02-004", page, "standard type %s is remapped" % s)
                return s
            if s in seen:
                self.r.add("02-003", page, "circular role mapping: %s" % " -> ".join(seen + [s]))
                return None
            seen.append(s)
            if s not in self.role_map:
                self.r.add("02-001", page, "%s: structure type %s maps to no standard type" %
                           (what, seen[0]))
                return None
            s = self.role_map[s]
        return s

    def structure(self):
        """Walks the tree from the StructTreeRoot: /P of each element, types,
        the MCIDs of each page in tree order. Returns that walk, or None."""
        r = self.r
        root = self.pdf.Root.get("/StructTreeRoot")
        if root is None:
            r.add("UA7.1-tree", 0, "no StructTreeRoot")
            return None
        rm = root.get("/RoleMap", {})
        self.role_map = {name(k if isinstance(k, pikepdf.Name) else pikepdf.Name(k)): name(v)
                         for k, v in rm.items()}
        tree = {"elements": {}, "order": {}, "owner": {}, "roles": []}
        self.walk(root, None, tree)
        return tree

    def walk(self, root, _unused, tree):
        r = self.r
        stack = [(k, root, None) for k in reversed(as_list(root.get("/K")))]
        while stack:
            e, parent, parent_role = stack.pop()
            if not isinstance(e, pikepdf.Dictionary):
                continue
            k = key(e)
            if k in tree["elements"]:
                r.add("UA7.1-tree", 0, "element %s reached twice" % (k,))
                continue
            s = name(e.get("/S"))
            pg = e.get("/Pg")
            page = self.page_num.get(key(pg), 0) if pg is not None else 0
            role = self.std(s, page, "element") if s else None
            if not s:
                r.add("UA7.1-tree", page, "element without /S")
            tree["elements"][k] = (e, role)
            p = e.get("/P")
            if p is None or key(p) != key(parent):
                r.add("UA7.1-tree", page, "%s element's /P is not its parent" % s)
            tree["roles"].append((e, role, parent_role, page))
            if "/Lang" in e and not LANG_TAG.match(str(e.Lang)):
                r.add("11-001", page, "%s element's /Lang %r is no language tag" % (s, str(e.Lang)))
            kids = as_list(e.get("/K"))
            children = []
            for kid in kids:
                if isinstance(kid, int):
                    if pg is None:
                        r.add("UA7.1-mcid", 0, "%s element holds MCID %d but has no /Pg" % (s, kid))
                        continue
                    tree["order"].setdefault(page, []).append(int(kid))
                    tree["owner"].setdefault((page, int(kid)), []).append(k)
                elif isinstance(kid, pikepdf.Dictionary) and name(kid.get("/Type")) == "MCR":
                    mpg = kid.get("/Pg", pg)
                    mpage = self.page_num.get(key(mpg), 0) if mpg is not None else 0
                    tree["order"].setdefault(mpage, []).append(int(kid.MCID))
                    tree["owner"].setdefault((mpage, int(kid.MCID)), []).append(k)
                elif isinstance(kid, pikepdf.Dictionary) and name(kid.get("/Type")) == "OBJR":
                    continue
                elif isinstance(kid, pikepdf.Dictionary):
                    children.append(kid)
            for c in reversed(children):
                stack.append((c, e, role))

    def parent_tree(self):
        """The ParentTree as {key: value} (a number tree of /Nums and /Kids)."""
        out = {}
        pt = self.pdf.Root.StructTreeRoot.get("/ParentTree")
        todo = [pt] if pt is not None else []
        while todo:
            node = todo.pop()
            nums = as_list(node.get("/Nums"))
            for i in range(0, len(nums) - 1, 2):
                out[int(nums[i])] = nums[i + 1]
            todo += as_list(node.get("/Kids"))
        return out

    def mcids(self, content, tree):
        """Every MCID in the content is unique on its page and its element,
        found through /StructParents and the ParentTree, holds it for this
        page; every MCID of the tree is in the content; content order is
        tree order."""
        r = self.r
        pt = self.parent_tree()
        for p, used in content.items():
            page = self.pdf.pages[p - 1].obj
            bad = False
            if not used and not tree["order"].get(p):
                continue
            if "/StructParents" not in page:
                r.add("UA7.1-mcid", p, "page has marked content but no /StructParents")
                continue
            arr = pt.get(int(page.StructParents))
            if not isinstance(arr, pikepdf.Array):
                r.add("UA7.1-mcid", p, "ParentTree has no array for /StructParents %s" %
                      page.StructParents)
                continue
            seen = set()
            for m in used:
                if m in seen:
                    r.add("UA7.1-mcid", p, "MCID %d used twice" % m)
                    bad = True
                seen.add(m)
                e = arr[m] if 0 <= m < len(arr) else None
                if not isinstance(e, pikepdf.Dictionary):
                    r.add("UA7.1-mcid", p, "MCID %d has no element in the ParentTree" % m)
                    bad = True
                elif key(e) not in tree["elements"]:
                    r.add("UA7.1-tree", p, "the element of MCID %d is not in the tree" % m)
                    bad = True
                elif key(e) not in tree["owner"].get((p, m), []):
                    r.add("UA7.1-mcid", p, "the ParentTree's element for MCID %d does not hold "
                          "it for this page" % m)
                    bad = True
            for m in tree["order"].get(p, []):
                if m not in seen:
                    r.add("UA7.1-mcid", p, "MCID %d of the structure tree is not in the content" % m)
                    bad = True
            for m, e in enumerate(arr):
                if isinstance(e, pikepdf.Dictionary) and m not in seen:
                    r.add("UA7.1-mcid", p, "ParentTree entry for MCID %d, which the content lacks" % m)
                    bad = True
            if not bad and used != tree["order"].get(p, []):
                r.add("own-order", p, "content order of MCIDs %s differs from the structure "
                      "order %s" % (used[:12], tree["order"].get(p, [])[:12]))
        if self.checks == ALL:
            self.roles(tree)

    # --- roles (the layout's tags)

    def roles(self, tree):
        r = self.r
        table_parts = {"THead", "TBody", "TFoot"}
        headings = []
        note_ids = {}
        for e, role, parent_role, page in tree["roles"]:
            kids = [k for k in as_list(e.get("/K")) if isinstance(k, pikepdf.Dictionary)
                    and name(k.get("/Type")) not in ("MCR", "OBJR")]
            kid_roles = [tree["elements"].get(key(k), (None, None))[1] for k in kids]
            if role == "Table" and any(k not in table_parts | {"TR", "Caption"} for k in kid_roles):
                r.add("09-004", page, "Table holds %s" % kid_roles)
            if role in table_parts and any(k != "TR" for k in kid_roles):
                r.add("09-004", page, "%s holds %s" % (role, kid_roles))
            if role == "TR" and (any(k not in ("TH", "TD") for k in kid_roles) or
                                 parent_role not in table_parts | {"Table"}):
                r.add("09-004", page, "TR in %s holds %s" % (parent_role, kid_roles))
            if role in ("TH", "TD") and parent_role != "TR":
                r.add("09-004", page, "%s cell outside a row (in %s)" % (role, parent_role))
            if role == "L" and any(k not in ("LI", "L", "Caption") for k in kid_roles):
                r.add("09-005", page, "L holds %s" % kid_roles)
            if role == "LI" and (sorted(kid_roles) != ["LBody", "Lbl"] or parent_role != "L"):
                r.add("09-005", page, "LI in %s holds %s (expected one Lbl and one LBody)" %
                      (parent_role, kid_roles))
            if role in ("Lbl", "LBody") and parent_role != "LI":
                r.add("09-005", page, "%s outside a list item (in %s)" % (role, parent_role))
            if role == "Figure":
                self.figure(e, page)
            if role and (role == "H" or re.match(r"^H[1-6]$", role)):
                headings.append((role, page))
            if role == "TH":
                scopes = [a.get("/Scope") for a in as_list(e.get("/A"))
                          if isinstance(a, pikepdf.Dictionary) and name(a.get("/O")) == "Table"]
                if not any(name(s) in ("Row", "Column", "Both") for s in scopes):
                    r.add("15-003", page, "TH without /Scope (and no /Headers)")
            if role == "Note":
                nid = e.get("/ID")
                if nid is None:
                    r.add("19-003", page, "Note without /ID")
                elif bytes(nid) in note_ids:
                    r.add("19-004", page, "Note /ID %r not unique" % bytes(nid))
                else:
                    note_ids[bytes(nid)] = True
        levels = [(int(h[1]), p) for h, p in headings if h != "H"]
        if levels and any(h == "H" for h, _ in headings):
            r.add("14-007", 0, "both H and H1-H6 are used")
        if levels and levels[0][0] != 1:
            r.add("14-002", levels[0][1], "the first heading is H%d, not H1" % levels[0][0])
        for (a, _), (b, p) in zip(levels, levels[1:]):
            if b > a + 1:
                r.add("14-003", p, "heading H%d follows H%d (a level skipped)" % (b, a))

    def figure(self, e, page):
        r = self.r
        alt = e.get("/Alt", e.get("/ActualText"))
        if alt is None or not str(alt).strip():
            r.add("13-004", page, "Figure without /Alt")
        boxes = [a.get("/BBox") for a in as_list(e.get("/A")) if isinstance(a, pikepdf.Dictionary)]
        boxes = [b for b in boxes if b is not None]
        if not boxes:
            r.add("own-bbox", page, "Figure without /A /BBox")
            return
        pg = e.get("/Pg")
        media = [float(x) for x in pg.MediaBox] if pg is not None else None
        b = [float(x) for x in boxes[0]]
        if media and not (b[0] >= media[0] - 1 and b[1] >= media[1] - 1 and
                          b[2] <= media[2] + 1 and b[3] <= media[3] + 1 and b[0] < b[2] and
                          b[1] < b[3]):
            r.add("own-bbox", page, "Figure /BBox %s outside the page %s" % (b, media))

    # --- fonts

    def fonts(self):
        for k, (font, codes) in self.shown.items():
            self.font(self.font_pages[k], font, codes)

    def font(self, p, font, codes):
        r = self.r
        fname = str(font.get("/BaseFont", "?"))
        if name(font.get("/Subtype")) != "Type0":
            desc = font.get("/FontDescriptor")
            if desc is None or not any(f in desc for f in ("/FontFile", "/FontFile2", "/FontFile3")):
                r.add("31-009", p, "font %s is not embedded" % fname)
            if "/ToUnicode" not in font:
                r.add("31-027", p, "font %s has no /ToUnicode" % fname)
            return
        cid_font = font.DescendantFonts[0]
        desc = cid_font.get("/FontDescriptor")
        program = desc.get("/FontFile2") if desc is not None else None
        if program is None and not any(f in (desc or {}) for f in ("/FontFile", "/FontFile3")):
            r.add("31-009", p, "font %s is not embedded" % fname)
        tounicode = font.get("/ToUnicode")
        if tounicode is None:
            r.add("31-027", p, "font %s has no /ToUnicode" % fname)
        else:
            umap = parse_tounicode(tounicode.read_bytes())
            missing = sorted(c for c in codes if c not in umap)
            if missing:
                r.add("10-001", p, "font %s: codes %s have no Unicode mapping" %
                      (fname, ["%04X" % c for c in missing[:8]]))
            if any(u == "\0" or "\0" in u for u in umap.values()):
                r.add("31-028", p, "font %s: ToUnicode maps to U+0000" % fname)
            if any(ch in u for u in umap.values() for ch in ("\ufeff", "\ufffe")):
                r.add("31-029", p, "font %s: ToUnicode maps to U+FEFF or U+FFFE" % fname)
        if name(cid_font.get("/Subtype")) != "CIDFontType2":
            return
        gmap = cid_font.get("/CIDToGIDMap")
        if gmap is None:
            r.add("31-005", p, "font %s: CIDFontType2 without /CIDToGIDMap" % fname)
            return
        if not isinstance(gmap, pikepdf.Stream) and name(gmap) != "Identity":
            r.add("31-004", p, "font %s: /CIDToGIDMap is neither a stream nor /Identity" % fname)
            return
        if program is None or name(font.get("/Encoding")) not in ("Identity-H", "Identity-V"):
            return  # glyphs need the program, and codes that are CIDs
        try:
            prog = parse_truetype(program.read_bytes())
        except (ValueError, struct.error) as e:
            r.add("31-009", p, "font %s: embedded program unreadable: %s" % (fname, e))
            return
        gids = None
        if isinstance(gmap, pikepdf.Stream):
            m = gmap.read_bytes()
            gids = [m[i] << 8 | m[i + 1] for i in range(0, len(m) - 1, 2)]

        def gid_of(cid):
            if gids is None:
                return cid
            return gids[cid] if cid < len(gids) else 0

        widths = parse_w(cid_font.get("/W"), int(cid_font.get("/DW", 1000)))
        notdef, absent, wrong = [], [], []
        for cid in sorted(codes):
            g = gid_of(cid)
            if g == 0:
                notdef.append(cid)
            elif g >= prog["num_glyphs"]:
                absent.append(cid)
            else:
                w = widths(cid)
                adv = prog["advance"](g) * 1000.0 / prog["upem"]
                if abs(w - adv) > 1:
                    wrong.append("%04X: /W %g, font %g" % (cid, w, adv))
        if notdef:
            r.add("31-030", p, "font %s: CIDs %s show .notdef" % (fname, ["%04X" % c for c in notdef[:8]]))
        if absent:
            r.add("31-011", p, "font %s: CIDs %s have no glyph in the program" %
                  (fname, ["%04X" % c for c in absent[:8]]))
        if wrong:
            r.add("31-016", p, "font %s: widths differ: %s" % (fname, wrong[:4]))
        cid_set = desc.get("/CIDSet")
        if isinstance(cid_set, pikepdf.Stream):
            bits = cid_set.read_bytes()
            named = set()
            extra = []
            for cid in range(len(bits) * 8):
                if bits[cid // 8] & (0x80 >> cid % 8):
                    g = gid_of(cid)
                    if cid and (g == 0 or g >= prog["num_glyphs"]):
                        extra.append(cid)
                    else:
                        named.add(g)
            unnamed = sorted(set(range(prog["num_glyphs"])) - named)
            if unnamed:
                r.add("31-014", p, "font %s: CIDSet names no CID for glyphs %s" % (fname, unnamed[:8]))
            if extra:
                r.add("31-015", p, "font %s: CIDSet names CIDs without a glyph: %s" %
                      (fname, ["%04X" % c for c in extra[:8]]))


def parse_tounicode(data):
    """A ToUnicode CMap's bfchar and bfrange entries as {code: text}."""
    text = data.decode("latin-1")
    out = {}

    def utf16(h):
        b = bytes.fromhex(h)
        return b.decode("utf-16-be", errors="replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(src, 16)] = utf16(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])",
                                      block):
            lo, hi = int(lo, 16), int(hi, 16)
            if dst.startswith("["):
                for i, d in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", dst)):
                    out[lo + i] = utf16(d)
            else:
                base = bytes.fromhex(dst[1:-1])
                for i in range(hi - lo + 1):
                    v = int.from_bytes(base, "big") + i
                    out[lo + i] = v.to_bytes(len(base), "big").decode("utf-16-be", errors="replace")
    return out


def parse_truetype(data):
    """numGlyphs, unitsPerEm and advance widths of a TrueType program."""
    n_tables = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(n_tables):
        tag, _, off, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag] = (off, length)
    for need in (b"maxp", b"head", b"hhea", b"hmtx"):
        if need not in tables:
            raise ValueError("no %s table" % need.decode())
    num_glyphs = struct.unpack(">H", data[tables[b"maxp"][0] + 4:tables[b"maxp"][0] + 6])[0]
    upem = struct.unpack(">H", data[tables[b"head"][0] + 18:tables[b"head"][0] + 20])[0]
    n_metrics = struct.unpack(">H", data[tables[b"hhea"][0] + 34:tables[b"hhea"][0] + 36])[0]
    hmtx = tables[b"hmtx"][0]

    def advance(g):
        g = min(g, n_metrics - 1)
        return struct.unpack(">H", data[hmtx + 4 * g:hmtx + 4 * g + 2])[0]

    return {"num_glyphs": num_glyphs, "upem": upem, "advance": advance}


def parse_w(w, dw):
    """A CIDFont's /W array as a function CID -> width."""
    table = {}
    items = list(w) if w is not None else []
    i = 0
    while i < len(items):
        first = int(items[i])
        if i + 1 < len(items) and isinstance(items[i + 1], pikepdf.Array):
            for k, v in enumerate(items[i + 1]):
                table[first + k] = float(v)
            i += 2
        else:
            last, v = int(items[i + 1]), float(items[i + 2])
            for c in range(first, last + 1):
                table[c] = v
            i += 3
    return lambda cid: table.get(cid, float(dw))


def check(pdf, checks=ALL):
    return Checker(pdf, checks).run()


# --- self-test: one mutation at a time, each must be reported as expected


def content_of(page):
    return pikepdf.parse_content_stream(page)


def set_content(pdf, page, instructions):
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))


def insert_after(pdf, page, pred, new_ops):
    ins = content_of(page)
    for i, x in enumerate(ins):
        if pred(x):
            set_content(pdf, page, ins[:i + 1] + parse_ops(new_ops) + ins[i + 1:])
            return True
    return False


def parse_ops(text):
    return list(pikepdf.parse_content_stream(pikepdf.Stream(pikepdf.new(), text.encode())))


def is_mcid_bdc(x):
    return str(x.operator) == "BDC" and isinstance(x.operands[1], pikepdf.Dictionary) \
        and "/MCID" in x.operands[1]


def elements(pdf, role):
    """Elements of a role in tree order."""
    out = []
    todo = as_list(pdf.Root.StructTreeRoot.get("/K"))
    while todo:
        e = todo.pop(0)
        if isinstance(e, pikepdf.Dictionary) and "/S" in e:
            if name(e.S) == role:
                out.append(e)
            todo = [k for k in as_list(e.get("/K")) if isinstance(k, pikepdf.Dictionary)] + todo
    return out


def first_font(pdf):
    for page in pdf.pages:
        for _, f in page.obj.Resources.Font.items():
            return f
    raise ValueError("no font")


def mutate_bdc_mcid(pdf, new_mcid_of):
    page = pdf.pages[0]
    ins = content_of(page)
    for x in ins:
        if is_mcid_bdc(x):
            m = int(x.operands[1].MCID)
            v = new_mcid_of(m)
            if v is not None:
                x.operands[1].MCID = v
                set_content(pdf, page, ins)
                return True
    return False


def drop_tounicode_line(pdf):
    font = first_font(pdf)
    text = font.ToUnicode.read_bytes().decode("latin-1")
    # the mapping of a code shown on page 1
    shown = Checker(pdf)
    shown.page_content(1, pdf.pages[0])
    codes = next(iter(shown.shown.values()))[1]
    code = "<%04X>" % min(codes)
    lines = [l for l in text.split("\n") if not l.upper().startswith(code)]
    n = len(re.findall(r"^<", "\n".join(lines), re.M))
    new = re.sub(r"\d+ beginbfchar", "%d beginbfchar" % n, "\n".join(lines), count=1) \
        if text.count("beginbfchar") == 1 else "\n".join(lines)
    font.ToUnicode.write(new.encode("latin-1"))


def cid_font_of(pdf):
    return first_font(pdf).DescendantFonts[0]


def zero_cid_to_gid(pdf):
    cf = cid_font_of(pdf)
    shown = Checker(pdf)
    shown.page_content(1, pdf.pages[0])
    cid = min(next(iter(shown.shown.values()))[1])
    m = bytearray(cf.CIDToGIDMap.read_bytes())
    m[2 * cid] = m[2 * cid + 1] = 0
    cf.CIDToGIDMap.write(bytes(m))


def flip_cid_set(pdf):
    desc = cid_font_of(pdf).FontDescriptor
    b = bytearray(desc.CIDSet.read_bytes())
    b[0x100 // 8] ^= 0x80  # CID 0x100: the first character
    desc.CIDSet.write(bytes(b))


def add_cid_set_bit(pdf):
    desc = cid_font_of(pdf).FontDescriptor
    b = bytearray(desc.CIDSet.read_bytes()) + b"\x00"
    b[-1] = 0x01  # a CID past the end of the CIDToGIDMap
    desc.CIDSet.write(bytes(b))


def bump_width(pdf):
    cf = cid_font_of(pdf)
    w = cf.W
    for i, item in enumerate(w):
        if isinstance(item, pikepdf.Array):
            item[0] = float(item[0]) + 10
            return
        if i % 3 == 2:
            w[i] = float(w[i]) + 10
            return


def set_xmp(pdf, edit):
    meta = pdf.Root.Metadata
    meta.write(edit(meta.read_bytes().decode("utf-8")).encode("utf-8"))


def swap_siblings(pdf):
    """Swaps the first two element kids of an element whose kids hold MCIDs
    on one page (their content stays in the old order)."""
    for sect in elements(pdf, "Sect"):
        kids = sect.K
        if isinstance(kids, pikepdf.Array) and len(kids) >= 2:
            a, b = kids[0], kids[1]
            kids[0], kids[1] = b, a
            return
    raise ValueError("no Sect with two kids")


def heading(pdf, role, new):
    e = elements(pdf, role)[0]
    e.S = pikepdf.Name("/" + new)


def drop_last_parent(pdf):
    pt = pdf.Root.StructTreeRoot.ParentTree
    arr = pt.Nums[1]
    del arr[len(arr) - 1]


def set_tounicode_target(pdf, target):
    """The first bfchar entry of the first font maps to target (hex)."""
    font = first_font(pdf)
    text = font.ToUnicode.read_bytes().decode("latin-1")
    new = re.sub(r"(beginbfchar\s*<[0-9A-Fa-f]+>\s*)<[0-9A-Fa-f]+>", r"\1<%s>" % target, text, count=1)
    if new == text:
        raise ValueError("no bfchar entry")
    font.ToUnicode.write(new.encode("latin-1"))


def cid_to_gid_past_end(pdf):
    """A shown CID mapped to a glyph the program does not have."""
    cf = cid_font_of(pdf)
    shown = Checker(pdf)
    shown.page_content(1, pdf.pages[0])
    cid = min(next(iter(shown.shown.values()))[1])
    m = bytearray(cf.CIDToGIDMap.read_bytes())
    m[2 * cid] = m[2 * cid + 1] = 0xFF
    cf.CIDToGIDMap.write(bytes(m))


def add_annotation(pdf, tabs):
    page = pdf.pages[0].obj
    page.Annots = pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[0, 0, 1, 1]))])
    if tabs:
        page.Tabs = pikepdf.Name("/" + tabs)


def add_reference_xobject(pdf):
    page = pdf.pages[0]
    xo = pdf.make_stream(b"", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                         BBox=[0, 0, 1, 1],
                         Ref=pikepdf.Dictionary(F=pikepdf.String("other.pdf"), Page=0))
    res = page.obj.Resources
    if "/XObject" not in res:
        res.XObject = pikepdf.Dictionary()
    res.XObject.Fx0 = xo
    set_content(pdf, page, content_of(page) + parse_ops("/Artifact BMC /Fx0 Do EMC"))


def notes_with_one_id(pdf):
    for role in ("H1", "H2"):
        e = elements(pdf, role)[0]
        e.S = pikepdf.Name("/Note")
        e.ID = pikepdf.String("n1")


def role_cycle(pdf):
    pdf.Root.StructTreeRoot.RoleMap = pikepdf.Dictionary({"/Foo": pikepdf.Name("/Bar"),
                                                          "/Bar": pikepdf.Name("/Foo")})
    elements(pdf, "P")[0].S = pikepdf.Name("/Foo")


MUTATIONS = [
    # (description, expected ids, function)
    ("unmarked path appended to page 1", {"01-005"},
     lambda pdf: set_content(pdf, pdf.pages[0], content_of(pdf.pages[0]) + parse_ops("0 0 m 9 9 l S"))),
    ("artifact inside an MCID sequence", {"01-003"},
     lambda pdf: insert_after(pdf, pdf.pages[0], is_mcid_bdc, "/Artifact BMC 0 0 m 1 1 l S EMC")),
    ("MCID sequence inside an artifact", {"01-004"},
     lambda pdf: insert_after(pdf, pdf.pages[0], lambda x: str(x.operator) in ("BMC", "BDC")
                              and name(x.operands[0]) == "Artifact",
                              "/P <</MCID 0>> BDC 0 0 m 1 1 l S EMC")),
    ("EMC missing at the end of page 1", {"01-005"},
     lambda pdf: set_content(pdf, pdf.pages[0], content_of(pdf.pages[0])[:-1])),
    ("/Suspects true", {"01-007"},
     lambda pdf: pdf.Root.MarkInfo.__setitem__("/Suspects", True)),
    ("/Marked false", {"UA7.1-marked"},
     lambda pdf: pdf.Root.MarkInfo.__setitem__("/Marked", False)),
    ("an MCID renumbered to an unused one", {"UA7.1-mcid"},
     lambda pdf: mutate_bdc_mcid(pdf, lambda m: 900 if m == 1 else None)),
    ("an MCID used twice", {"UA7.1-mcid"},
     lambda pdf: mutate_bdc_mcid(pdf, lambda m: 0 if m == 1 else None)),
    ("page 1 without /StructParents", {"UA7.1-mcid"},
     lambda pdf: pdf.pages[0].obj.__delitem__("/StructParents")),
    ("last ParentTree entry of page 1 dropped", {"UA7.1-mcid"}, drop_last_parent),
    ("two sibling elements swapped", {"own-order"}, swap_siblings),
    ("a P element typed /Foo (no RoleMap)", {"02-001"},
     lambda pdf: elements(pdf, "P")[0].__setitem__("/S", pikepdf.Name("/Foo"))),
    ("a circular RoleMap", {"02-003"}, role_cycle),
    ("a standard type remapped (/P -> /Span)", {"02-004"},
     lambda pdf: pdf.Root.StructTreeRoot.__setitem__(
         "/RoleMap", pikepdf.Dictionary({"/P": pikepdf.Name("/Span")}))),
    ("a P element's /P pointing elsewhere", {"UA7.1-tree"},
     lambda pdf: elements(pdf, "P")[0].__setitem__("/P", pdf.Root.StructTreeRoot)),
    ("no /Metadata", {"06-001"}, lambda pdf: pdf.Root.__delitem__("/Metadata")),
    ("no pdfuaid:part", {"06-002"},
     lambda pdf: set_xmp(pdf, lambda x: re.sub(r"<pdfuaid:part>1</pdfuaid:part>\n?", "", x))),
    ("pdfuaid:part 2", {"06-002"},
     lambda pdf: set_xmp(pdf, lambda x: x.replace("<pdfuaid:part>1<", "<pdfuaid:part>2<"))),
    ("empty dc:title", {"06-003"},
     lambda pdf: set_xmp(pdf, lambda x: re.sub(r'(<dc:title><rdf:Alt><rdf:li xml:lang="x-default">)'
                                               r'[^<]*', r"\1", x))),
    ("no /ViewerPreferences", {"07-001"}, lambda pdf: pdf.Root.__delitem__("/ViewerPreferences")),
    ("DisplayDocTitle false", {"07-002"},
     lambda pdf: pdf.Root.ViewerPreferences.__setitem__("/DisplayDocTitle", False)),
    ("a TR typed Sect", {"09-004"}, lambda pdf: elements(pdf, "TR")[0].__setitem__("/S", pikepdf.Name("/Sect"))),
    ("a TD moved into the Table itself", {"09-004"},
     lambda pdf: elements(pdf, "TD")[0].__setitem__("/S", pikepdf.Name("/TR"))),
    ("an Lbl typed P", {"09-005"}, lambda pdf: elements(pdf, "Lbl")[0].__setitem__("/S", pikepdf.Name("/P"))),
    ("a ToUnicode mapping of a shown code dropped", {"10-001"}, drop_tounicode_line),
    ("no /ToUnicode", {"31-027"}, lambda pdf: first_font(pdf).__delitem__("/ToUnicode")),
    ("a ToUnicode mapping to U+0000", {"31-028"}, lambda pdf: set_tounicode_target(pdf, "0000")),
    ("a ToUnicode mapping to U+FEFF", {"31-029"}, lambda pdf: set_tounicode_target(pdf, "FEFF")),
    ("no /Lang", {"11-001"}, lambda pdf: pdf.Root.__delitem__("/Lang")),
    ("/Lang (ja_JP)", {"11-001"}, lambda pdf: pdf.Root.__setitem__("/Lang", pikepdf.String("ja_JP"))),
    ("Figure without /Alt", {"13-004"}, lambda pdf: elements(pdf, "Figure")[0].__delitem__("/Alt")),
    ("Figure without /A (BBox)", {"own-bbox"}, lambda pdf: elements(pdf, "Figure")[0].__delitem__("/A")),
    ("the H1 made H2", {"14-002"}, lambda pdf: heading(pdf, "H1", "H2")),
    ("the H2 made H3", {"14-003"}, lambda pdf: heading(pdf, "H2", "H3")),
    ("the H2 made H (H and H1 mixed)", {"14-007"}, lambda pdf: heading(pdf, "H2", "H")),
    ("a TH without /A", {"15-003"}, lambda pdf: elements(pdf, "TH")[0].__delitem__("/A")),
    ("a Note without /ID", {"19-003"}, lambda pdf: elements(pdf, "P")[-1].__setitem__("/S", pikepdf.Name("/Note"))),
    ("two Notes with one /ID", {"19-004"}, notes_with_one_id),
    ("an annotation on a page without /Tabs", {"28-008"}, lambda pdf: add_annotation(pdf, None)),
    ("an annotation on a page with /Tabs /R", {"28-009"}, lambda pdf: add_annotation(pdf, "R")),
    ("a reference XObject painted", {"30-001"}, add_reference_xobject),
    ("no /FontFile2", {"31-009"},
     lambda pdf: cid_font_of(pdf).FontDescriptor.__delitem__("/FontFile2")),
    ("no /CIDToGIDMap", {"31-005"}, lambda pdf: cid_font_of(pdf).__delitem__("/CIDToGIDMap")),
    ("/CIDToGIDMap /Foo", {"31-004"},
     lambda pdf: cid_font_of(pdf).__setitem__("/CIDToGIDMap", pikepdf.Name("/Foo"))),
    # the CIDSet then names a CID without a glyph and misses the glyph it had
    ("a shown CID mapped past the program's glyphs", {"31-011", "31-014", "31-015"},
     cid_to_gid_past_end),
    # the CIDSet then names a CID without a glyph and misses the glyph it had
    ("a shown CID mapped to glyph 0", {"31-030", "31-014", "31-015"}, zero_cid_to_gid),
    ("a CIDSet bit of a glyph cleared", {"31-014"}, flip_cid_set),
    ("a CIDSet bit without a glyph set", {"31-015"}, add_cid_set_bit),
    ("a /W width +10", {"31-016"}, bump_width),
]


def self_test(path):
    data = open(path, "rb").read()
    base = check(pikepdf.open(io.BytesIO(data)))
    if base.items:
        for cid, page, msg in base.items:
            print("%s: %s page %s: %s" % (path, cid, page, msg))
        print("self-test: %s must pass every check first" % path)
        return 1
    failed = 0
    for what, expected, mutate in MUTATIONS:
        pdf = pikepdf.open(io.BytesIO(data))
        try:
            if mutate(pdf) is False:
                raise ValueError("nothing to mutate")
        except (ValueError, KeyError, AttributeError, IndexError) as e:
            print("self-test: cannot apply '%s' to %s: %s" % (what, path, e))
            failed += 1
            continue
        got = check(pdf).ids()
        if got != expected:
            print("self-test: '%s' reported %s, expected %s" % (what, sorted(got), sorted(expected)))
            failed += 1
    # the header: saved as PDF 1.3
    out = io.BytesIO()
    pikepdf.open(io.BytesIO(data)).save(out, force_version="1.3")
    got = check(pikepdf.open(io.BytesIO(out.getvalue()))).ids()
    if got != {"own-version"}:
        print("self-test: 'header %%PDF-1.3' reported %s, expected ['own-version']" % sorted(got))
        failed += 1
    total = len(MUTATIONS) + 1
    print("self-test: %d of %d mutations reported as expected" % (total - failed, total))
    return 1 if failed else 0


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checks", choices=(DOCUMENT_LEVEL, ALL), default=ALL)
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args(argv[1:])
    if a.self_test:
        if len(a.files) != 1:
            ap.error("--self-test takes one file")
        return self_test(a.files[0])
    status = 0
    for f in a.files:
        try:
            pdf = pikepdf.open(f)
        except (pikepdf.PdfError, OSError) as e:
            print("%s: cannot read: %s" % (f, e))
            return 2
        for cid, page, msg in check(pdf, a.checks).items:
            print("%s: %s page %s: %s" % (f, cid, page, msg))
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
