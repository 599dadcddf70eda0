#!/usr/bin/env python3
"""check_text.py - the words of every page, against the page templates.

    check_text.py SOURCE_DIR OUT_DIR

OUT_DIR holds what `aireport build` wrote (national.pdf, prefectures/,
bodies/ with their .numbers.json / .numbers.csv sidecars). For the national
deck, every prefecture report and every body sheet found there:

1. notes and text: every text of the page's template (title, lead, text
   blocks, notes, each source line, chart headings and centres) is printed
   on the page, placeholders as wildcards (templates.py): a paragraph the
   layout drops or garbles fails with the template file, block and key;
   and every footnote tests/wording/notes.tsv lists for the page's template
   (the publication's) is printed, so a footnote deleted from a template
   fails too;
2. outline: one entry per page, each with a destination, on its page, in
   page order, carrying the title of that page's template (「（続き）」 on a
   table's later pages) and that title printed on the page;
3. numbers belong to their words (wording.py): a number a placeholder printed
   in a lead, text or note is paired with its sidecar entry, and the option,
   group, year and scope that the words next to it name must be the ones
   the sidecar attributes it to.

Pages are matched to templates by the sidecar's `block` field, so a page
left out or added by a prefecture's override is followed.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import Data, Report, documents, load_sidecar, main_args, outlines, pdf_pages, squash  # noqa: E402
from templates import Context, PageTemplate, Pattern, deck_pages  # noqa: E402
from wording import Wording  # noqa: E402

CONTINUED = "（続き）"


def page_templates(entries, n_pages, files):
    """{page: template file} from the sidecar; pages with no entry get the
    next file of the deck's list (a cover prints no number of its own)."""
    by_page = {}
    for e in entries:
        by_page.setdefault(e["page"], e["block"].split(" [")[0])
    out, prev = {}, None
    for p in range(1, n_pages + 1):
        if p in by_page:
            out[p] = by_page[p]
        elif prev is None:
            out[p] = files[0]
        else:
            i = files.index(prev) if prev in files else -1
            out[p] = files[i + 1] if 0 <= i + 1 < len(files) else prev
        prev = out[p]
    return out


def check_document(rep, src, data, wording, notes, kind, name, pdf, deck_file, pref=None, body=None):
    deck_ini, files = deck_pages(src, deck_file)
    ctx = Context(data, deck_ini, pref=pref, body=body)
    n_shown = int(deck_ini["deck"].get("years_shown", "3"))
    shown = ["latest"] + [f"latest-{i}" for i in range(1, n_shown)]
    shown = [a for a in shown if f"year.{a}.label" in ctx.values]
    layouts = os.path.join(src, "layouts")
    entries = load_sidecar(pdf[:-4])
    pages = pdf_pages(pdf)
    flat = [squash(t) for t in pages]
    where = page_templates(entries, len(pages), files)
    cache = {}
    doc_title = Pattern(deck_ini["deck"]["title"], ctx)

    # 2. the outline
    outl = outlines(pdf)
    rep.check(len(outl) == len(pages), "outline", f"{name}: {len(outl)} outline entries, {len(pages)} pages")
    for i, (title, dest, has_dest) in enumerate(outl):
        page = i + 1
        if not rep.check(has_dest and dest is not None, "outline", f"{name}: entry {page} 「{title}」 has no destination"):
            continue
        rep.check(dest == page, "outline", f"{name}: entry {page} 「{title}」 leads to page {dest}, expected page {page}")
        rel = where.get(dest)
        if rel is None:
            continue
        t = cache.setdefault(rel, PageTemplate(layouts, rel, ctx, shown))
        # a table running over pages: its later pages are 「…（続き）」
        continued = dest > 1 and where.get(dest - 1) == rel
        want = doc_title if page == 1 and t.ini["page"].get("kind") == "cover" else t.title
        got = squash(title or "")
        if continued:
            ok = got.endswith(CONTINUED) and want.regex.fullmatch(got[: -len(CONTINUED)])
        else:
            ok = want.regex.fullmatch(got)
        rep.check(bool(ok), "outline", f"{name}: entry {page} 「{title}」 is not the title of page {dest} ({rel}: {want.template}{CONTINUED if continued else ''})")
        rep.check(got in flat[dest - 1], "outline", f"{name}: entry 「{title}」: the title is not printed on page {dest}")

    # 1. the texts of each page's template; 3. numbers and their words
    for page in range(1, len(pages) + 1):
        rel = where[page]
        t = cache.setdefault(rel, PageTemplate(layouts, rel, ctx, shown))
        matches, after = {}, {}
        for text in t.texts:
            # a block's texts in order: each after the one before it
            m = text.pattern.regex.search(flat[page - 1], after.get(text.block, 0))
            if m:
                after[text.block] = m.end()
            if rep.check(m is not None, "notes-text", f"{name} page {page}: {text} not printed as the template says: {text.pattern.template}"):
                matches.setdefault(text.block, []).append((text, m))
        # the footnotes the page must carry whatever its template says
        for note in notes.get((kind, os.path.basename(rel)), []):
            pat = Pattern(note, ctx)
            rep.check(pat.regex.search(flat[page - 1]) is not None, "notes-listed",
                      f"{name} page {page} ({os.path.basename(rel)}): footnote of tests/wording/notes.tsv not printed: {note}")
        page_entries = [e for e in entries if e["page"] == page]
        for block, found in matches.items():
            wording.check_block(rep, name, page, block, found, [e for e in page_entries if e["block"] == block])


def read_notes(path):
    """{(document kind, template basename): [note]} of notes.tsv."""
    notes = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                kind, base, note = line.rstrip("\n").split("\t", 2)
                notes.setdefault((kind, base), []).append(note)
    return notes


def main():
    src, out = main_args("check_text.py SOURCE_DIR OUT_DIR", 2)
    data = Data(src)
    rep = Report("check_text")
    docs = documents(out)
    wording = Wording(src, data, [load_sidecar(pdf[:-4]) for _, _, pdf in docs])
    notes = read_notes(os.path.join(src, "tests", "wording", "notes.tsv"))
    counts = {}
    for kind, name, pdf in docs:
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "national":
            check_document(rep, src, data, wording, notes, kind, name, pdf, "deck.ini")
        elif kind == "prefecture":
            check_document(rep, src, data, wording, notes, kind, name, pdf, "prefecture.ini", pref=name[:2])
        else:
            check_document(rep, src, data, wording, notes, kind, name, pdf, "body.ini", pref=name[:2], body=name[:6])
    print("documents:", ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    rep.check(counts.get("national") == 1 and counts.get("prefecture") == 47, "documents", f"expected the national deck and 47 prefecture reports in {out}, found {counts}")
    print(wording.summary())
    return rep.done()


if __name__ == "__main__":
    sys.exit(main())
