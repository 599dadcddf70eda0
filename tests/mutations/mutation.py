#!/usr/bin/env python3
"""mutation.py - reads and applies the mutations of tests/mutations/*.mut.

A .mut file:
    # one line: what the mutation does (the first comment line)
    stage: figures                       (input, figures, template, layout,
                                          chart, render, cli/batch, provenance)
    file: numfmt.c                       a file's BASENAME, found under src/
                                         (any folder), else layouts/ or data/;
                                         (prefecture/pages/p03_status.ini where
                                         the basename is not unique)
    find:
    <exact text, one or more lines>
    replace:
    <its replacement, zero or more lines>
The text must occur exactly once in the file.

    mutation.py check TREE MUT|DIR...    every mutation applies to TREE
    mutation.py apply TREE MUT           applies one (prints the file changed)
    mutation.py describe MUT             prints "stage: description"
"""
import os
import sys

SEARCH = ("src", "layouts", "data")


def parse(path):
    m = {"path": path, "description": "", "stage": "", "file": "", "find": [], "replace": []}
    part = None
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if part is None:
                if line.startswith("#"):
                    m["description"] = m["description"] or line.lstrip("# ").strip()
                elif line.startswith(("stage:", "file:")):
                    k, v = line.split(":", 1)
                    m[k] = v.strip()
                elif line.strip() == "find:":
                    part = "find"
            elif part == "find" and line.strip() == "replace:":
                part = "replace"
            else:
                m[part].append(line)
    while m["replace"] and m["replace"][-1] == "":
        m["replace"].pop()
    while m["find"] and m["find"][-1] == "":
        m["find"].pop()
    m["find"] = "\n".join(m["find"])
    m["replace"] = "\n".join(m["replace"])
    if not m["file"] or not m["find"]:
        raise SystemExit(f"{path}: needs file: and find:")
    return m


def locate(tree, name):
    """The one file named `name` (a basename, or the end of a path such as
    prefecture/pages/p03_status.ini where a basename is not unique)."""
    base = os.path.basename(name)
    for top in SEARCH:
        hits = []
        for root, dirs, files in os.walk(os.path.join(tree, top)):
            dirs[:] = [d for d in dirs if not d.startswith(("build", "."))]
            path = os.path.join(root, base)
            if base in files and path.endswith("/" + name):
                hits.append(path)
        if len(hits) > 1:
            raise SystemExit(f"{name}: {len(hits)} files of that name under {top}/: name more of the path")
        if hits:
            return hits[0]
    raise SystemExit(f"{name}: no such file under {', '.join(SEARCH)}")


def target(tree, m):
    path = locate(tree, m["file"])
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # a deleted line takes its newline with it
    find = m["find"] + "\n" if not m["replace"] and m["find"] + "\n" in text else m["find"]
    n = text.count(find)
    if n != 1:
        raise SystemExit(f"{m['path']}: the text to find occurs {n} times in {path}")
    return path, text, find


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "check":
        tree = sys.argv[2]
        muts = []
        for p in sys.argv[3:]:  # a folder stands for its *.mut files
            if os.path.isdir(p):
                muts += sorted(os.path.join(p, n) for n in os.listdir(p) if n.endswith(".mut"))
            else:
                muts.append(p)
        if not muts:
            sys.exit("mutation.py check: no mutation given")
        for p in muts:
            target(tree, parse(p))
        print(f"{len(muts)} mutations apply")
    elif cmd == "apply":
        tree, p = sys.argv[2], sys.argv[3]
        m = parse(p)
        path, text, find = target(tree, m)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(find, m["replace"], 1))
        print(path)
    elif cmd == "describe":
        m = parse(sys.argv[2])
        print(f"{m['stage']}: {m['description']}")
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
