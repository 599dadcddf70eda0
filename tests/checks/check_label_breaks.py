#!/usr/bin/env python3
"""check_label_breaks.py - every label and text the program may wrap, broken
at every width, against the rule set.

    check_label_breaks.py SOURCE_DIR LINEBREAK_SWEEP FONTS_INI

check_breaks judges the breaks the documents happen to have; a label that
fits its box today is not tested there, and breaks once a template or the
data changes its width. Here every text is broken by the program's line
breaker (tests/linebreak_sweep.c: 10 pt, from 2 em wide to the whole text in
half-em steps) and every break is judged by check_breaks.judge, this suite's
own reading of docs/linebreak.md. The texts:

* every option label of data/codebook.ini (N, N.short, N.full) and every
  question title;
* every literal run of the templates of layouts/ (the text between the
  placeholders of a printed value: text, title, heading, note, label key,
  cover, centre);
* every row of tests/published/deck.tsv (the publication's leads and notes,
  numbers filled in);
* every cell of the latest year's case studies (data/*/cases.csv).

A width at which linebreak_sweep reports a forced break (one unit wider than
the line: the documented last resort) is not judged, but counted; at every
other width each break must be allowed, and the lines must hold the whole
text: nothing lost, only the spaces at breaks dropped. A break of the rule
set's last class (inside a word going on in hiragana, 扱｜う) is allowed
only in a line with no place at a phrase boundary (after punctuation or a
particle, at a phrase end, between scripts).
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from check_breaks import judge, kind  # noqa: E402
from common import Report, main_args, read_csv, read_ini  # noqa: E402

OPTION_KEY = re.compile(r"\d+(\.short|\.full)?|title")
# the keys of a template whose value is printed (not lists, not metadata)
PRINTED_KEY = re.compile(r"text\d*|title|heading|note\d*|label_key|cover|centre")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# breaks of the rule set's last class (4): allowed in a line with no place
# to break at a phrase boundary (it competes with a break inside a kanji
# compound by cost), a failure where the line has one
SOFT = ("inside a word going on in hiragana", "a particle cut off its bracket")
PHRASE_PLACES = ("at a space", "after punctuation", "after a particle", "at a phrase end", "between scripts")
# between scripts, these pairs are more often than not one term (生成｜AI,
# LoGoAI｜アシスタント): a place inside a word, like a kanji compound
TERM_PAIRS = ({"kanji", "latin"}, {"latin", "kata"})


def phrase_place(text, at, spaced):
    verdict, why = judge(text, at, spaced)
    if verdict != "ok" or why not in PHRASE_PLACES:
        return False
    return why != "between scripts" or {kind(text[at - 1]), kind(text[at])} not in TERM_PAIRS
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def codebook_texts(src):
    for sec, keys in read_ini(os.path.join(src, "data", "codebook.ini")).items():
        for key, value in keys.items():
            if OPTION_KEY.fullmatch(key) and value:
                yield f"codebook [{sec}] {key}", value


def template_texts(src):
    root = os.path.join(src, "layouts")
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if not name.endswith(".ini"):
                continue
            path = os.path.join(folder, name)
            for sec, keys in read_ini(path).items():
                for key, value in keys.items():
                    if not PRINTED_KEY.fullmatch(key) or not JAPANESE.search(value):
                        continue
                    while PLACEHOLDER.search(value):  # nested ones from the inside out
                        value = PLACEHOLDER.sub("\n", value)
                    for run in value.replace("\\n", "\n").split("\n"):
                        if len(JAPANESE.findall(run)) >= 3:
                            yield f"{os.path.relpath(path, src)} [{sec}] {key}", run.strip()


def published_texts(src):
    with open(os.path.join(src, "tests", "published", "deck.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                page, kind, text = line.rstrip("\n").split("\t", 2)
                yield f"deck.tsv {page} {kind}", text


def case_texts(src):
    data = os.path.join(src, "data")
    years = sorted(d for d in os.listdir(data) if os.path.exists(os.path.join(data, d, "cases.csv")))
    if years:
        for row in read_csv(os.path.join(data, years[-1], "cases.csv")):
            for col, value in row.items():
                if value and JAPANESE.search(value):
                    yield f"{years[-1]}/cases.csv {col}", value


def space_before(text):
    """Indices of the text without white space that white space preceded."""
    out, n, gap = set(), 0, False
    for c in text:
        if c.isspace():
            gap = True
            continue
        if gap and n:
            out.add(n)
        gap = False
        n += 1
    return out


def check_text(rep, origin, text, results, tally):
    raw = text.encode("utf-8")
    squashed = re.sub(r"\s+", "", text)
    spaced = space_before(text)
    for width, forced, ranges in results:
        if forced:
            tally["forced"] += 1
            continue
        lines = [raw[s:e].decode("utf-8") for s, e in ranges]
        if not rep.check(re.sub(r"\s+", "", "".join(lines)) == squashed, "lost",
                         f"{origin}: at {width} pt the lines {lines} do not hold 「{text}」"):
            continue
        start = at = 0
        for i in range(len(ranges) - 1):
            start, at = at, at + len(re.sub(r"\s+", "", lines[i]))
            verdict, why = judge(squashed, at, at in spaced)
            tally["breaks"] += 1
            if verdict != "ok" and why in SOFT and not any(
                phrase_place(squashed, j, j in spaced) for j in range(start + 1, at)
            ):
                tally["last"] += 1  # no phrase boundary in the line: its least bad break
                continue
            rep.check(verdict == "ok", "break",
                      f"{origin}: at {width} pt 「{squashed[max(0, at - 8):at]}｜{squashed[at:at + 8]}」: {why}")


def main():
    src, sweep, fonts = main_args("check_label_breaks.py SOURCE_DIR LINEBREAK_SWEEP FONTS_INI", 3)
    rep = Report("check_label_breaks")
    texts = {}
    for source in (codebook_texts, template_texts, published_texts, case_texts):
        for origin, text in source(src):
            text = text.replace("\t", " ").strip()
            if text and text not in texts:
                texts[text] = origin
    run = subprocess.run([sweep, fonts], input="\n".join(texts).encode("utf-8") + b"\n",
                         capture_output=True, check=True)
    results, current = {}, None
    for line in run.stdout.decode("utf-8").split("\n"):
        if line.startswith("T\t"):
            current = line[2:]
            results[current] = []
        elif line.startswith("B\t"):
            _, width, forced, spans = line.split("\t")
            ranges = [tuple(int(v) for v in s.split(",")) for s in spans.split(";") if s]
            results[current].append((float(width), int(forced), ranges))
    tally = {"breaks": 0, "forced": 0, "last": 0}
    for text, origin in texts.items():
        if rep.check(text in results, "missing", f"{origin}: linebreak_sweep printed nothing for 「{text}」"):
            check_text(rep, origin, text, results[text], tally)
    widths = sum(len(r) for r in results.values())
    print(f"swept: {len(texts)} texts, {widths} widths, {tally['breaks']} breaks judged, "
          f"{tally['forced']} widths with a forced break (not judged), "
          f"{tally['last']} breaks of the last class in a line with no phrase boundary")
    return rep.done()


if __name__ == "__main__":
    sys.exit(main())
