#!/usr/bin/env python3
"""next_year.py - a plausible next survey year made from the latest one.

    next_year.py DATA_DIR FROM_YEAR NEW_YEAR

Stands in for the ministry's files of a new edition in the rehearsal of
tests/test_next_edition.sh: reads DATA_DIR/FROM_YEAR/{answers,services,
cases}.csv and the codebook, writes DATA_DIR/NEW_YEAR/ with the same
columns. The bodies are the same; statuses mostly move forward (検討中 ->
導入予定 -> 実証中 -> 導入済), a few step back; guidelines get made; answers
drift (an option added or dropped here and there); bodies that start using
AI take the detail answers and service rows of another body; an option the
codebook offers from NEW_YEAR on (`N.since`) is named by some. Every rule of
the codebook (who is asked, limits, exclusive options, one row per service)
holds, so `aireport check` accepts the result. Deterministic (a fixed
seed); standard library only.
"""
import csv
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "checks"))

from common import read_csv, read_ini_file  # noqa: E402

# Q1 status moves: status -> [(probability, new status)], checked in order.
MOVES = {
    1: [(0.01, 2)],
    2: [(0.45, 1)],
    3: [(0.30, 1), (0.25, 2)],
    4: [(0.05, 1), (0.10, 2), (0.25, 3)],
    5: [(0.15, 4)],
    6: [(0.03, 5), (0.12, 4)],
}
GUIDELINE_MOVES = {3: [(0.10, 1), (0.20, 2)], 2: [(0.45, 1)], 1: []}


def codes(cell):
    return [int(c) for c in cell.split(";")] if cell else []


def cell(cs):
    return ";".join(str(c) for c in sorted(set(cs)))


class Question:
    def __init__(self, sec, since_of, year):
        self.column = sec["column"]
        self.multi = sec.get("type") == "multi"
        self.max = int(sec.get("max", "0"))
        n = int(sec["options"])
        # the options offered in `year`: those without a later `N.since`
        self.options = [c for c in range(1, n + 1) if since_of(sec.get(f"{c}.since")) <= year]
        self.new = [c for c in self.options if since_of(sec.get(f"{c}.since")) == year]
        self.exclusive = set(codes(sec.get("exclusive", "").replace(",", ";").replace(" ", "")))


def pick(rng, moves, current):
    r = rng.random()
    for p, new in moves:
        if r < p:
            return new
        r -= p
    return current


def drift_multi(rng, q, cs, p_add=0.3, p_drop=0.1):
    """An option added or dropped here and there, within the rules."""
    cs = list(cs)
    if any(c in q.exclusive for c in cs):
        return cs
    plain = [c for c in q.options if c not in q.exclusive and c not in cs]
    if plain and rng.random() < p_add and (not q.max or len(cs) < q.max):
        cs.append(rng.choice(plain))
    elif len(cs) > 1 and rng.random() < p_drop:
        cs.remove(rng.choice(cs))
    return cs


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    data, old, new = sys.argv[1:]
    survey = read_ini_file(os.path.join(data, "survey.ini"))
    years = [y.strip() for y in survey["survey"]["years"].split(",")]
    order = {y: i for i, y in enumerate(years + [new])}
    cb = read_ini_file(os.path.join(data, survey["survey"].get("codebook", "codebook.ini")))

    # the codebook's questions as of the new year (a `since` compared by its
    # position among the years; one the data does not name is later still)
    def since_of(key):
        return order.get(key, len(order)) if key else -1

    qs = {sec.upper(): Question(keys, since_of, order[new]) for sec, keys in cb.items() if sec.startswith("q")}
    rng = random.Random(f"{old}->{new}")

    src = os.path.join(data, old)
    answers = read_csv(os.path.join(src, "answers.csv"))
    services = read_csv(os.path.join(src, "services.csv"))
    header_a = list(answers[0].keys())
    header_s = list(services[0].keys())
    col = {q.column: qid for qid, q in qs.items()}
    rows_by_body = {}
    for r in services:
        rows_by_body.setdefault(r["団体コード"], []).append(r)
    detail_cols = [c for c in header_a if c in ("活用事例", "効果の活用方法")]

    def respondent(a):
        return a["導入状況"] in ("1", "2", "3") and (
            any(a[c] for c in detail_cols) or a["団体コード"] in rows_by_body)

    donors = [a for a in answers if respondent(a)]
    made = [a for a in answers if a["ガイドライン"] == "1"]
    q5 = qs["Q5"]

    out_a, out_s = [], []
    for a in answers:
        b = dict(a)
        code = a["団体コード"]
        status = pick(rng, MOVES[int(a["導入状況"])], int(a["導入状況"]))
        b["導入状況"] = str(status)
        rows = []
        if status <= 3:
            was = respondent(a)
            if rng.random() < (0.97 if was else 0.93):
                donor = a if was else rng.choice(donors)
                for c in detail_cols:
                    b[c] = cell(drift_multi(rng, qs[col[c]], codes(donor[c])))
                rows = [dict(r, 団体コード=code) for r in rows_by_body.get(donor["団体コード"], [])]
            else:
                for c in detail_cols:
                    b[c] = ""
        else:
            for c in detail_cols:
                b[c] = ""
        # 課題 (all bodies, at most 3) and 人材確保 (all)
        b["課題"] = cell(drift_multi(rng, qs["Q4"], codes(a["課題"]), 0.15, 0.1))
        talent = codes(a["人材確保"])
        if talent == [5] and rng.random() < 0.25:
            talent = [1]
        b["人材確保"] = cell(drift_multi(rng, qs["Q15"], talent, 0.2, 0.05))
        # ガイドライン, and 入力可能情報 of those who made one
        g = pick(rng, GUIDELINE_MOVES[int(a["ガイドライン"])], int(a["ガイドライン"]))
        b["ガイドライン"] = str(g)
        if g == 1:
            src_q7 = a["入力可能情報"] if a["ガイドライン"] == "1" else rng.choice(made)["入力可能情報"]
            b["入力可能情報"] = src_q7
        else:
            b["入力可能情報"] = ""
        # a service new this year: some respondents take it up
        if rows and q5.new and rng.random() < 0.08:
            used = {int(r["サービス"]) for r in rows}
            new_service = rng.choice([c for c in q5.new if c not in used] or [0])
            if new_service:
                rows.append(dict(rows[0], サービス=str(new_service)))
        out_a.append(b)
        out_s.extend(rows)

    dst = os.path.join(data, new)
    os.makedirs(dst, exist_ok=True)
    for name, header, rows in (("answers.csv", header_a, out_a), ("services.csv", header_s, out_s)):
        with open(os.path.join(dst, name), "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
    cases = os.path.join(src, "cases.csv")
    if os.path.exists(cases):
        with open(cases, encoding="utf-8") as f, open(os.path.join(dst, "cases.csv"), "w", encoding="utf-8") as g:
            g.write(f.read())
    print(f"next_year: {new} from {old}: {len(out_a)} bodies, {len(out_s)} service rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
