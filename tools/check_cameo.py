#!/usr/bin/env python3
"""Check dict/cameo.tsv: shape of every row, unique codes, every code's parent exists,
quad_class agrees with the root, Goldstein in [-10, 10]. Exit 1 on any error."""
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NCOL = 7


def quad(code):
    r = int(code[:2])
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def main(path=os.path.join(REPO, "dict", "cameo.tsv")):
    errs = []
    codes = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != NCOL:
                errs.append("%d: %d columns, want %d" % (n, len(cols), NCOL))
                continue
            code, name, gold, q, plover, mode, ctx = cols
            if not re.fullmatch(r"\d{2,4}", code):
                errs.append("%d: bad code %r" % (n, code))
                continue
            if not 1 <= int(code[:2]) <= 20:
                errs.append("%d: root %s outside 01-20" % (n, code[:2]))
            if code in codes:
                errs.append("%d: duplicate code %s (first on line %d)" % (n, code, codes[code]))
            codes[code] = n
            if not name.strip() or name != name.strip():
                errs.append("%d: empty or padded name" % n)
            try:
                g = float(gold)
                if not -10 <= g <= 10:
                    errs.append("%d: goldstein %s out of range" % (n, gold))
            except ValueError:
                errs.append("%d: goldstein %r not a number" % (n, gold))
            if q != str(quad(code)):
                errs.append("%d: quad_class %s, root %s wants %d" % (n, q, code[:2], quad(code)))
            if (mode or ctx) and not plover:
                errs.append("%d: plover mode/context without a plover type" % n)
            if " " in ctx or " " in mode:
                errs.append("%d: spaces in plover mode/context" % n)
    for code, n in sorted(codes.items()):
        if len(code) > 2 and code[:-1] not in codes:
            errs.append("%d: code %s has no parent %s" % (n, code, code[:-1]))
    roots = sorted(c for c in codes if len(c) == 2)
    for e in errs:
        print("cameo.tsv:" + e, file=sys.stderr)
    print("%d codes, %d roots, %d errors" % (len(codes), len(roots), len(errs)))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
