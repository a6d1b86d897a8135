#!/usr/bin/env python3
"""Check dict/events.txt against the pattern grammar in docs/dictionaries.md.

Errors (exit 1): unknown CAMEO code (not in dict/cameo.tsv), malformed line or element,
more than one SOURCE or TARGET, empty alternatives, misplaced `*`, unknown flag,
duplicate (code, pattern), pattern with no required word, pattern made only of
generic words (have, be, make, take, say, work, ...).
Warnings: the same pattern under two codes, a code filed under another root's heading,
irregular verb lemmas used in patterns that dict/lemmas.tsv does not list, codes
with no pattern. Prints pattern counts per root.

usage: tools/check_events.py [events.txt [cameo.tsv [lemmas.tsv]]] [--quiet]
"""
import collections
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# ("'s", and a bare "'", the possessive of a plural: "the rebels' capital")
WORD = re.compile(r"^(?:[a-z0-9]+(?:[.'][a-z0-9]+)*\.?|-|'s|'|,|\$)$")
FLAGS = {"sym", "fallback", "armed", "implied", "possessed"}
GENERIC = {"have", "be", "make", "take", "say", "work", "do", "go", "get", "give", "put",
           "come", "see", "state", "tell", "the", "a", "an", "to", "of", "in", "on", "at",
           "for", "with", "by", "and", "or", "from", "that", "it", "its", "their", "his", "her"}
# irregular verbs whose past forms the -ed/-ing rules cannot derive
IRREGULAR = {
    "arise", "beat", "become", "begin", "bend", "bid", "bind", "blow", "break", "bring",
    "build", "burn", "buy", "cast", "catch", "choose", "cling", "come", "cut", "deal",
    "do", "draw", "drive", "eat", "fall", "feed", "feel", "fight", "find", "flee", "fly",
    "forbid", "forgive", "freeze", "get", "give", "go", "grind", "hang", "have", "hear",
    "hide", "hit", "hold", "hurt", "keep", "know", "lay", "lead", "leave", "lend", "let",
    "lose", "make", "mean", "meet", "overcome", "override", "overrun", "overthrow",
    "pay", "put", "quit", "read", "rebuild", "rid", "ride", "ring", "rise", "run", "say",
    "see", "seek", "sell", "send", "set", "shake", "shed", "shoot", "shut", "sink",
    "slay", "slit", "speak", "spend", "split", "spread", "stand", "steal", "stick",
    "sting", "strike", "swear", "take", "teach", "tear", "tell", "think", "throw",
    "undergo", "understand", "undertake", "uphold", "upset", "wake", "wear",
    "win", "withdraw", "withhold", "withstand", "write", "forsake", "mislead", "partake",
    "foresee", "forgo", "forego", "outbid", "shrink", "sling", "slide", "smite", "spit",
    "sweep", "swing", "weep",
}
# past forms that coincide with the base form need no lemma entry
SAME_FORMS = {"bid", "cast", "cut", "hit", "hurt", "let", "put", "quit", "rid", "set",
              "shed", "shut", "slit", "split", "spread", "upset"}


def load_codes(path):
    codes = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            codes[cols[0]] = cols[1]
    return codes


def load_lemmas(path):
    have = set()
    if not os.path.exists(path):
        return have
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            have.add(line.split("\t", 1)[0].strip().lower())
    return have


def check_pattern(pat):
    """Return (errors, words) for one pattern string."""
    errs = []
    words = []
    if pat != pat.strip() or "  " in pat or not pat:
        errs.append("stray whitespace")
    elems = pat.split()
    n_src = n_tgt = 0
    required_words = []
    for i, e in enumerate(elems):
        if e == "*":
            if i == 0 or i == len(elems) - 1:
                errs.append("`*` at the start or end of a pattern")
            elif i >= 2 and elems[i - 1] == elems[i - 2] == "*":
                # `* *` is a deliberate gap of up to eight tokens; three is a typo
                errs.append("three `*` in a row")
            continue
        if e in ("TARGET", "TARGET?"):
            n_tgt += 1
            continue
        if e in ("SOURCE", "SOURCE?"):
            n_src += 1
            continue
        opt = e.endswith("?")
        body = e[:-1] if opt else e
        alts = body.split("|")
        if "" in alts:
            errs.append("empty alternative in %r" % e)
            continue
        for a in alts:
            if a in ("TARGET", "SOURCE", "*"):
                errs.append("%s cannot be an alternative (%r)" % (a, e))
            elif not all(WORD.match(w) for w in a.split("_")):
                # `carry_out`: one alternative of several words
                errs.append("bad token %r in %r" % (a, e))
            else:
                words.append(a)
        if len(set(alts)) != len(alts):
            errs.append("repeated alternative in %r" % e)
        if not opt:
            required_words.append(alts)
    if n_src > 1:
        errs.append("more than one SOURCE")
    if n_tgt > 1:
        errs.append("more than one TARGET")
    if not required_words:
        errs.append("no required word")
    elif all(set(alts) <= GENERIC for alts in required_words):
        errs.append("only generic words")
    return errs, words


def main(argv):
    quiet = "--quiet" in argv
    args = [a for a in argv if not a.startswith("--")]
    events = args[0] if args else os.path.join(REPO, "dict", "events.txt")
    cameo = args[1] if len(args) > 1 else os.path.join(REPO, "dict", "cameo.tsv")
    lemmas = args[2] if len(args) > 2 else os.path.join(REPO, "dict", "lemmas.tsv")
    codes = load_codes(cameo)
    lemma_have = load_lemmas(lemmas)
    errors, warnings = [], []
    seen = {}
    by_pattern = collections.defaultdict(set)
    per_root = collections.Counter()
    per_code = collections.Counter()
    used_words = collections.defaultdict(list)
    heading_root = None
    name = os.path.basename(events)
    with open(events, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if "\r" in line:
                errors.append("%s:%d: CR in line" % (name, n))
            if not line.strip():
                continue
            if line.startswith("#"):
                m = re.match(r"^# (\d\d) [A-Z]", line)
                if m:
                    heading_root = m.group(1)
                continue
            cols = line.split("\t")
            if len(cols) not in (2, 3):
                errors.append("%s:%d: want CODE<TAB>PATTERN[<TAB>FLAGS], got %d fields" % (name, n, len(cols)))
                continue
            code, pat = cols[0], cols[1]
            flags = [x for x in cols[2].split(",")] if len(cols) == 3 else []
            if code not in codes:
                errors.append("%s:%d: unknown CAMEO code %r" % (name, n, code))
                continue
            for fl in flags:
                if fl not in FLAGS:
                    errors.append("%s:%d: unknown flag %r" % (name, n, fl))
            errs, words = check_pattern(pat)
            # a fallback pattern fires only when nothing else in the sentence
            # did, so generic words ("say * that") are its point
            if "fallback" in flags:
                errs = [e for e in errs if e != "only generic words"]
            for e in errs:
                errors.append("%s:%d: %s: %s" % (name, n, e, pat))
            if (code, pat) in seen:
                errors.append("%s:%d: duplicate of line %d: %s" % (name, n, seen[(code, pat)], pat))
            seen[(code, pat)] = n
            by_pattern[pat].add(code)
            if heading_root and code[:2] != heading_root:
                warnings.append("%s:%d: code %s under the # %s heading" % (name, n, code, heading_root))
            per_root[code[:2]] += 1
            per_code[code] += 1
            for w in words:
                used_words[w].append(n)
    for pat, cs in sorted(by_pattern.items()):
        if len(cs) > 1:
            warnings.append("same pattern under codes %s: %s" % (",".join(sorted(cs)), pat))
    for w in sorted(used_words):
        if w in IRREGULAR and w not in SAME_FORMS and w not in lemma_have:
            warnings.append("irregular verb %r (line %d, ...) not in lemmas.tsv" % (w, used_words[w][0]))
    missing = [c for c in sorted(codes) if len(c) > 2 and per_code[c] == 0]
    if missing:
        warnings.append("codes with no pattern: " + " ".join(missing))
    if not quiet:
        for w in warnings:
            print("warning: " + w, file=sys.stderr)
    for e in errors:
        print("error: " + e, file=sys.stderr)
    roots = sorted(c for c in codes if len(c) == 2)
    total = 0
    print("root  patterns  codes-covered/codes  name")
    for r in roots:
        kids = [c for c in codes if c[:2] == r and len(c) > 2]
        covered = sum(1 for c in kids if per_code[c])
        total += per_root[r]
        flag = "" if per_root[r] >= 20 else "  (<20)"
        print("%s    %5d     %3d/%-3d  %s%s" % (r, per_root[r], covered, len(kids), codes[r], flag))
    print("total %d patterns, %d/%d codes covered, %d errors, %d warnings"
          % (total, sum(1 for c in codes if len(c) > 2 and per_code[c]), sum(1 for c in codes if len(c) > 2), len(errors), len(warnings)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
