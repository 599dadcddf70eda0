#!/usr/bin/env python3
"""body_sample.py SOURCE_DIR - the body sheets the suite builds (all 1,788
take ~15 s): of every prefecture the prefecture itself, the first body of
each 団体区分 (指定都市, 市, 特別区, 町, 村) and the last municipality, so every
prefecture, kind and the ends of the code order are covered. Prints the
団体コード comma-separated for `aireport build --bodies --only`."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Data, main_args  # noqa: E402


def sample(data):
    picked = []
    for pref in sorted(data.prefs):
        bodies = sorted((b for b in data.bodies if b["都道府県コード"] == pref), key=lambda b: b["団体コード"])
        seen = set()
        for b in bodies:
            if b["団体区分"] not in seen:
                seen.add(b["団体区分"])
                picked.append(b["団体コード"])
        if bodies and bodies[-1]["団体コード"] not in picked:
            picked.append(bodies[-1]["団体コード"])
    return picked


if __name__ == "__main__":
    (src,) = main_args("body_sample.py SOURCE_DIR", 1)
    print(",".join(sample(Data(src))))
