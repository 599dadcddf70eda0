#!/usr/bin/env python3
"""check_includes.py - the pipeline's order, checked on the sources of src/.

    python3 tests/structure/check_includes.py [SRC_DIR]     (default: src)

Every stage is a folder src/<stage>/ (src/README.md): its public headers in
src/<stage>/include/, everything else private to it. This walks every
`#include "..."` line of src/ and prints one line per problem,
FILE:LINE: message, when
  - a file includes a header of a stage its own stage does not build on
    (STAGES below), e.g. a header of a stage above it;
  - a file includes a private header of another stage;
  - the includes between files run in a circle;
  - an include names no header of src/, or two headers share a name (the
    includes spell bare names, "survey.h");
  - a folder of src/ is not a stage of the table, or the table runs in a
    circle.
Exit status: 0 clean, 1 problems found, 2 usage.
"""
import os
import re
import sys

# Each stage and the stages it may include, i.e. build on (a DAG, bottom
# first). The same table as src/README.md; the libraries link accordingly
# in src/<stage>/CMakeLists.txt.
STAGES = {
    "core": [],
    "input": ["core"],
    "figures": ["input", "core"],
    "render": ["core"],
    "chart": ["render", "core"],
    # templates and layout place figures, they never read the survey model
    # (input): every number they print is a figure row (figures.h)
    "template": ["chart", "figures", "render", "core"],
    "layout": ["template", "chart", "figures", "render", "core"],
    "audit": ["figures", "input", "core"],
    "cli": ["layout", "audit", "template", "chart", "figures", "input", "render", "core"],
}

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def table_cycle():
    """A circle in STAGES as a list of stages, or None."""
    state = {}

    def visit(s, path):
        state[s] = "open"
        for t in STAGES.get(s, []):
            if state.get(t) == "open":
                return path[path.index(t):] + [t] if t in path else [s, t]
            if t not in state:
                found = visit(t, path + [t])
                if found:
                    return found
        state[s] = "done"
        return None

    for s in STAGES:
        if s not in state:
            found = visit(s, [s])
            if found:
                return found
    return None


def main(argv):
    src = argv[1] if len(argv) > 1 else "src"
    if len(argv) > 2 or not os.path.isdir(src):
        print("usage: check_includes.py [SRC_DIR]", file=sys.stderr)
        return 2
    problems = []

    cyc = table_cycle()
    if cyc:
        problems.append("%s: the stage table runs in a circle: %s" % (__file__, " -> ".join(cyc)))
    for s, uses in STAGES.items():
        for t in uses:
            if t not in STAGES:
                problems.append("%s: stage %s builds on %s, which is no stage" % (__file__, s, t))

    # Every C file of src/, with its stage and whether it is public.
    files = {}  # path relative to src -> (stage, public)
    by_name = {}  # bare name -> [paths]
    for entry in sorted(os.listdir(src)):
        if os.path.isdir(os.path.join(src, entry)) and entry not in STAGES:
            problems.append("%s/%s: a folder that is no stage of the table in %s"
                            % (src, entry, os.path.basename(__file__)))
    for stage in STAGES:
        if not os.path.isdir(os.path.join(src, stage)):
            problems.append("%s/%s: stage of the table has no folder" % (src, stage))
    for root, _, names in os.walk(src):
        for name in names:
            if not name.endswith((".c", ".h")):
                continue
            rel = os.path.relpath(os.path.join(root, name), src)
            parts = rel.split(os.sep)
            if len(parts) < 2:
                problems.append("%s/%s: a source outside every stage folder" % (src, rel))
                continue
            public = len(parts) == 3 and parts[1] == "include"
            if not public and len(parts) != 2:
                problems.append("%s/%s: expected src/STAGE/NAME or src/STAGE/include/NAME"
                                % (src, rel))
            files[rel] = (parts[0], public)
            by_name.setdefault(name, []).append(rel)
    for name, paths in sorted(by_name.items()):
        if len(paths) > 1:
            problems.append("%s: one header name in %d places: %s"
                            % (name, len(paths), ", ".join(sorted(paths))))

    # The includes, checked one by one; the graph kept for the circles.
    graph = {rel: [] for rel in files}
    for rel in sorted(files):
        stage, _ = files[rel]
        with open(os.path.join(src, rel), encoding="utf-8") as f:
            for line_no, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                name = os.path.basename(m.group(1))
                where = "%s/%s:%d" % (src, rel, line_no)
                targets = by_name.get(name)
                if not targets:
                    problems.append('%s: "%s" names no header of %s' % (where, m.group(1), src))
                    continue
                target = targets[0]
                graph[rel].append((target, line_no))
                t_stage, t_public = files[target]
                if t_stage == stage:
                    continue
                if not t_public:
                    problems.append("%s: %s is a private header of stage %s (src/%s); "
                                    "only %s's own files may include it"
                                    % (where, name, t_stage, target, t_stage))
                elif t_stage not in STAGES.get(stage, []):
                    uses = ", ".join(STAGES.get(stage, [])) or "nothing"
                    problems.append("%s: %s belongs to stage %s, which stage %s does not build "
                                    "on (it may include %s)" % (where, name, t_stage, stage, uses))

    # Circles of includes (depth-first search; each circle reported once).
    state = {}
    seen_cycles = set()

    def visit(node, path):
        state[node] = "open"
        for target, line_no in graph.get(node, []):
            if state.get(target) == "open":
                ring = [node] + path[path.index(target):]  # node -> target -> ... -> node
                key = frozenset(ring)
                if key not in seen_cycles:
                    seen_cycles.add(key)
                    problems.append("%s/%s:%d: includes run in a circle: %s"
                                    % (src, node, line_no, " -> ".join(ring)))
            elif target not in state:
                visit(target, path + [target])
        state[node] = "done"

    sys.setrecursionlimit(10000)
    for node in sorted(graph):
        if node not in state:
            visit(node, [node])

    for p in problems:
        print(p)
    if problems:
        print("check_includes: %d problem(s) in %d files of %s" % (len(problems), len(files), src))
        return 1
    print("check_includes: %d files of %s, every include follows the stage table, no circle"
          % (len(files), src))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
