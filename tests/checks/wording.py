"""wording.py - a number printed in prose belongs to the words around it.

A placeholder's printed number is paired with its entry in the provenance
sidecar (same page and block, same text, in order). The sidecar says which
option, group, year and scope the number is of; the sentence says it too, in
words: 「策定済」団体数が「未策定」団体数（560団体）を上回った names 未策定 for
560. For each of the four, the mention that belongs to the number is the
nearest one before it in its sentence, else the first one after it in its
clause (up to 、 or 。 outside 「」), else the block's 【heading】 (the side
boxes of a prefecture summary); when there is one, it must name what the
sidecar names.

Vocabulary, independent of the program: option labels (label, .short,
.full) of data/codebook.ini, the prefectures of data/bodies.csv, the year
labels of data/survey.ini, the groups the sidecars use for a figure, and the
short wordings templates use (tests/wording/aliases.tsv).
"""
import os
import re

from common import squash

NUMBER = re.compile(r"[\d,]+(\.\d+)?(万人)?")


class Vocab:
    """Terms (white space removed) -> canonical name; longest match first."""

    def __init__(self, pairs):
        terms = sorted({(squash(t), c) for t, c in pairs if squash(t)}, key=lambda tc: -len(tc[0]))
        self.canon = dict(reversed(terms))
        # leftmost, then longest (alternatives longest first), non-overlapping
        self.rx = re.compile("|".join(re.escape(t) for t, _ in terms)) if terms else None

    def mentions(self, text):
        if not self.rx:
            return []
        return [(m.start(), m.end(), self.canon[m.group(0)], m.group(0)) for m in self.rx.finditer(text)]


def clause_end(text, start):
    depth = 0
    for i in range(start, len(text)):
        c = text[i]
        if c == "「":
            depth += 1
        elif c == "」":
            depth = max(0, depth - 1)
        elif c in "、。" and depth == 0:
            return i
    return len(text)


def sentence_bounds(text, pos):
    a = text.rfind("。", 0, pos) + 1
    b = text.find("。", pos)
    return a, (len(text) if b < 0 else b + 1)


class Wording:
    def __init__(self, src, data, sidecars):
        self.data = data
        self.aliases = {}
        with open(os.path.join(src, "tests", "wording", "aliases.tsv"), encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    kind, canon, alias = line.rstrip("\n").split("\t")[:3]
                    self.aliases.setdefault(kind, []).append((alias, canon))
        # option families: each question's options; the prefectures
        self.families = []
        for q in data.questions():
            labels = data.option_labels(q)
            self.families.append([(n, names[0]) for names in labels.values() for n in names])
        self.families.append([(n, n) for n in data.prefs.values()])
        # groups of each figure, as the sidecars use them
        self.groups = {}
        for entries in sidecars:
            for e in entries:
                g = e.get("group")
                if e.get("figure") and g and g not in ("全体", "-"):
                    self.groups.setdefault(e["figure"], set()).add(g)
        self.years = Vocab([(data.year_label[y], y) for y in data.years])
        self.scopes = Vocab([(n, c) for c, n in data.prefs.items()] + self.aliases.get("scope", []))
        self.stats = {"numbers": 0, "named": 0, "option": 0, "group": 0, "year": 0, "scope": 0}
        self._option_vocab = {}

    def option_vocab(self, label):
        if label not in self._option_vocab:
            pairs = []
            for fam in self.families:
                if any(c == label for _, c in fam):
                    pairs += fam
            alias = self.aliases.get("option", [])
            canons = {c for _, c in pairs} | {label}
            pairs += [(a, c) for a, c in alias if c in canons]
            self._option_vocab[label] = Vocab(pairs) if pairs else None
        return self._option_vocab[label]

    def group_vocab(self, figure):
        gs = self.groups.get(figure, set())
        pairs = [(g, g) for g in gs] + [(a, c) for a, c in self.aliases.get("group", []) if c in gs]
        return Vocab(pairs)

    @staticmethod
    def nearest(vocab, text, a, b, heading):
        """The mention that names the number at text[a:b]."""
        s0, s1 = sentence_bounds(text, a)
        ms = vocab.mentions(text[s0:s1])
        before = [m for m in ms if s0 + m[1] <= a]
        if before:
            return before[-1]
        end = clause_end(text, b)
        after = [m for m in ms if s0 + m[0] >= b and s0 + m[1] <= end]
        if after:
            return after[0]
        hm = vocab.mentions(heading) if heading else []
        return hm[-1] if hm else None

    def check_block(self, rep, doc, page, block, found, entries):
        used = [False] * len(entries)
        heading = None
        for idx, (text, m) in enumerate(found):
            para = m.group(0)
            if idx == 0 and para.startswith("【"):
                heading = para
            groups = sorted(text.pattern.placeholders.items(), key=lambda kv: m.start(kv[0]))
            for name, ph in groups:
                printed = m.group(name)
                if printed is None:
                    continue  # in the branch of a condition the data did not take
                # the numbers a placeholder printed: the whole of it, or those of
                # an {alike(…)} (都道府県・指定都市で100%、その他の市区町村で45.6%)
                if NUMBER.fullmatch(printed):
                    numbers = [(0, printed)]
                elif ph.startswith("alike("):
                    numbers = [(n.start(), n.group(0)) for n in NUMBER.finditer(printed)]
                else:
                    continue  # a label or a list of labels
                for offset, number in numbers:
                    self.check_number(rep, doc, page, block, entries, used, m, name, ph, offset, number, idx, heading)

    def check_number(self, rep, doc, page, block, entries, used, m, name, ph, offset, printed, idx, heading):
        """One number a placeholder printed, `offset` characters into what it
        printed: paired with the next unused sidecar entry of that text, its
        option, group, year and scope against the words around it."""
        para = m.group(0)
        k = next((i for i, e in enumerate(entries) if not used[i] and e["text"] == printed), None)
        if not rep.check(k is not None, "wording", f"{doc} page {page} {block}: {{{ph}}} printed {printed}, which the sidecar does not list there"):
            return
        used[k] = True
        e = entries[k]
        if e["kind"] != "figure":
            return
        self.stats["numbers"] += 1
        a = m.start(name) - m.start() + offset
        b = a + len(printed)
        named = False
        where = f"{doc} page {page} {block}: {printed} in 「{para}」"
        checks = []
        if e.get("option_label") and e.get("field") != "base":
            checks.append(("option", self.option_vocab(e["option_label"]), e["option_label"]))
        if e.get("group") and e["group"] not in ("全体", "-") and e.get("figure") in self.groups:
            checks.append(("group", self.group_vocab(e["figure"]), e["group"]))
        if e.get("year"):
            checks.append(("year", self.years, e["year"]))
        if e.get("scope"):
            checks.append(("scope", self.scopes, e["scope"]))
        for what, vocab, want in checks:
            if vocab is None:
                continue
            hit = self.nearest(vocab, para, a, b, heading if idx else None)
            if hit is None:
                continue
            named = True
            self.stats[what] += 1
            rep.check(hit[2] == want, "wording", f"{where}: the words name {what} 「{hit[3]}」 ({hit[2]}), the sidecar says {e.get('figure')} {what} {want}")
        self.stats["named"] += named

    def summary(self):
        s = self.stats
        return (f"wording: {s['numbers']} numbers in prose, {s['named']} named by their words "
                f"(option {s['option']}, group {s['group']}, year {s['year']}, scope {s['scope']})")
