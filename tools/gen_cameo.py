#!/usr/bin/env python3
"""Generate dict/cameo.tsv, the CAMEO event codebook, from the reference lookups.

Inputs (read-only, default /work/shared/reference, override with --ref DIR):
  cameo/gdelt_CAMEO.eventcodes.txt      code -> title (GDELT lookup)
  cameo/gdelt_CAMEO.goldsteinscale.txt  code -> Goldstein value (GDELT lookup)
  cameo/icews_cameo_codes.csv           CAMEO 1.1b3 titles + ICEWS Goldstein (latin-1 text)
  plover/cameo_to_plover.csv            CAMEO -> PLOVER event, mode, context (draft 0.8, 2021)
  plover/plover_ontology.json           PLOVER events and their modes (used only to flag odd modes)

Output: dict/cameo.tsv (override with --out). Run tools/check_cameo.py afterwards.

Decisions (also written to the output header):
  * Code set = GDELT's 310 codes + ICEWS-only 1213 (with the ICEWS Goldstein value).
  * Goldstein = GDELT's value everywhere GDELT has the code.
  * Titles = CAMEO 1.1b3 titles as carried by the ICEWS file (they agree with the
    children and with PETRARCH); GDELT's titles for 101-108 are from an older CAMEO
    draft and contradict their own 4-digit children, so they are not used.
  * quad_class by root: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4.
  * PLOVER columns copied as given; modes not in the PLOVER ontology are kept but
    listed in the header.
"""
import argparse
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def read_tsv_pairs(path):
    out = {}
    with open(path, encoding="latin-1") as f:
        for i, line in enumerate(f):
            line = line.rstrip("\r\n")
            if i == 0 or not line.strip():
                continue  # header row
            code, val = line.split("\t", 1)
            out[code.strip()] = val.strip()
    return out


def clean_title(s):
    s = s.strip()
    s = re.sub(r",?\s*not spec(ified)? below$", "", s)
    s = re.sub(r"\s+", " ", s)
    # the 044 title is mojibake in GDELT ("Meet at a \xd2hird\xd3location") and
    # quoted in ICEWS ("Meet at a 'third' location")
    if s.startswith("Meet at a") and "hird" in s:
        s = "Meet at a third location"
    return s


def quad(code):
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def fmt_goldstein(v):
    return "%.1f" % float(v)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default="/work/shared/reference")
    ap.add_argument("--out", default=os.path.join(REPO, "dict", "cameo.tsv"))
    args = ap.parse_args()

    cdir = os.path.join(args.ref, "cameo")
    pdir = os.path.join(args.ref, "plover")
    g_names = read_tsv_pairs(os.path.join(cdir, "gdelt_CAMEO.eventcodes.txt"))
    g_gold = read_tsv_pairs(os.path.join(cdir, "gdelt_CAMEO.goldsteinscale.txt"))
    with open(os.path.join(cdir, "icews_cameo_codes.csv"), encoding="latin-1") as f:
        icews = {r["code"].strip(): r for r in csv.DictReader(f)}

    if set(g_names) != set(g_gold):
        sys.exit("GDELT eventcodes and goldsteinscale list different codes")

    codes = sorted(set(g_names) | set(icews))
    notes = []
    rows = []

    # PLOVER mapping; duplicates: root 08 (CONCEDE and RETREAT), 175 (twice, identical)
    plover = {}
    plover_first = {}
    with open(os.path.join(pdir, "cameo_to_plover.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            c = r["cameo"].strip()
            ev = r["plover_event"].strip()
            mode = r["mode"].strip()
            ctx = ";".join(x.strip() for x in r["context"].split(";") if x.strip())
            if c in plover and plover[c] != (ev, mode, ctx):
                if len(c) == 2:
                    # a root split between two PLOVER types: leave the root unmapped
                    plover[c] = ("", "", "")
                    notes.append("root %s maps to more than one PLOVER type (%s, %s): left empty"
                                 % (c, plover_first[c], ev))
                    continue
                sys.exit("conflicting PLOVER rows for %s" % c)
            plover.setdefault(c, (ev, mode, ctx))
            plover_first.setdefault(c, ev)
    with open(os.path.join(pdir, "plover_ontology.json"), encoding="utf-8") as f:
        onto = json.load(f)
    valid_modes = {}
    for e in onto["events"]:
        valid_modes[e["event"]] = {m["mode"] if isinstance(m, dict) else m for m in e["modes"]}

    # Decisions where dyad departs from the CAMEO->PLOVER table (written to the header):
    #  * appeals (root 02) are PLOVER REQUESTs. The PLOVER manual defines REQUEST as "all
    #    requests, demands, and orders", and NGEC (the PLOVER team's coder) labels "X asks Y
    #    for aid" REQUEST/assist, but the table drops root 02 with the statements of root 01.
    #    CAMEO's appeal codes parallel its demand codes digit for digit (021 material
    #    cooperation ~ 101, 0253 release ~ 1053, 026 meet ~ 106 ...), so an appeal takes the
    #    type, mode and context of its demand code.
    #  * intents to yield (035x) are CONCEDE, not AGREE: the manual's CONCEDE covers "the
    #    promise of future concessions", and says future concessions and announced future
    #    retreats "do not reduce to AGREE".
    #  * 0831 (accede to demands for a change in leadership; dyad's code for a resignation)
    #    is RETREAT/resign: the manual's RETREAT "also covers resignations of government
    #    officials", and no code of the table reaches that mode.
    #  * two modes the table copied from a neighbouring code are replaced by the ontology's
    #    own mode for the act: 195 aerial weapons -> aerial (the table repeats 194's
    #    heavy-weapons), 1712 destroy property -> destroy (the table repeats 171's seize).
    departures = []
    for c in codes:
        if c[:2] == "02" and c not in plover:
            demand = "10" + c[2:]
            if demand in plover and plover[demand][0]:
                plover[c] = plover[demand]
        if c[:3] == "035" and plover.get(c, ("",))[0] == "AGREE":
            plover[c] = ("CONCEDE",) + plover[c][1:]
    departures.append("035 and its sub-codes: AGREE -> CONCEDE")
    plover["0831"] = ("RETREAT", "resign", plover["0831"][2])
    departures.append("0831: CONCEDE -> RETREAT/resign")
    for c, want in (("195", "aerial"), ("1712", "destroy")):
        ev, mode, ctx = plover[c]
        departures.append("%s: mode %s -> %s" % (c, mode, want))
        plover[c] = (ev, want, ctx)

    odd_modes = []
    for c in codes:
        ic = icews.get(c)
        if c in g_gold:
            gold = fmt_goldstein(g_gold[c])
            if ic and float(ic["goldstein"]) != float(g_gold[c]):
                notes.append("%s: Goldstein GDELT %s, ICEWS %s -> GDELT used"
                             % (c, gold, fmt_goldstein(ic["goldstein"])))
        else:
            gold = fmt_goldstein(ic["goldstein"])
            notes.append("%s: not in GDELT; title and Goldstein (%s) from ICEWS" % (c, gold))
        name = clean_title(ic["name"] if ic else g_names[c])
        if ic and c in g_names:
            gn = clean_title(g_names[c])
            if gn.lower() != name.lower() and c[:2] == "10" and len(c) == 3:
                notes.append("%s: GDELT title %r is from an older CAMEO draft; CAMEO 1.1b3 title used"
                             % (c, gn))
        ev, mode, ctx = plover.get(c, ("", "", ""))
        if mode and mode not in valid_modes.get(ev, set()):
            odd_modes.append("%s %s/%s" % (c, ev, mode))
        rows.append((c, name, gold, str(quad(c)), ev, mode, ctx))

    # every code's parent must exist
    have = {r[0] for r in rows}
    for c in have:
        if len(c) > 2 and c[:-1] not in have:
            sys.exit("code %s has no parent %s" % (c, c[:-1]))

    header = [
        "# cameo.tsv -- CAMEO event codebook (generated by tools/gen_cameo.py; do not edit by hand)",
        "# columns: code\tname\tgoldstein\tquad_class\tplover\tplover_mode\tplover_context",
        "#   code: CAMEO event code, 2 digits (root), 3 or 4 digits; parent = code minus last digit",
        "#   name: CAMEO 1.1b3 code title (the titles are facts; 'not specified below' dropped)",
        "#   goldstein: Goldstein conflict-cooperation weight, -10..+10",
        "#   quad_class: 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08),",
        "#     3 verbal conflict (09-13), 4 material conflict (14-20). This is the usual CAMEO",
        "#     grouping. The GDELT lookups used here carry no quad class; GDELT's QuadClass uses the same",
        "#     1-4 labels but descriptions of its root ranges vary (some put 05 with material cooperation),",
        "#     and Phoenix puts 01-02 in a 'neutral' class 0: check a dataset's own convention before comparing.",
        "#   plover, plover_mode, plover_context: PLOVER event type, mode and context (';'-separated)",
        "#     from the CAMEO->PLOVER table; empty where PLOVER has no mapping (root 01 was",
        "#     dropped by PLOVER). Departures from the table are listed under decisions.",
        "# sources:",
        "#   GDELT CAMEO lookups (gdeltproject.org/data/lookups: CAMEO.eventcodes.txt,",
        "#     CAMEO.goldsteinscale.txt; GDELT data is free/open with attribution) -- code list and Goldstein values.",
        "#   CAMEO codebook 1.1b3 (Schrodt et al., Penn State Event Data Project, 2012) via",
        "#     github.com/andybega/icews data-raw/cameo-codes.csv -- code titles, code 1213.",
        "#   PLOVER CAMEO2PLOVER-2021.txt, draft 0.8 (Open Event Data Alliance, CC BY-SA 4.0),",
        "#     github.com/openeventdata/PLOVER -- plover columns (facts of the mapping, attributed).",
        "# licence of this file: the compilation is ours; the facts come from the sources above.",
        "# decisions and notes:",
        "#   GDELT and ICEWS disagree on four Goldstein values; GDELT's are used:",
    ]
    gold_notes = [n for n in notes if "Goldstein GDELT" in n]
    other = [n for n in notes if "Goldstein GDELT" not in n]
    header += ["#     " + n for n in gold_notes]
    header += ["#   " + n for n in other]
    header += [
        "#   1213 is an ICEWS extension (not in GDELT's lookup); PLOVER maps it too.",
        "#   PLOVER puts some codes outside their CAMEO root's type (163 COERCE, 1712 ASSAULT,",
        "#     191/192 COERCE, 0813/0814 RETREAT); these are copied as given.",
        "#   Root 02 (appeals), which the table drops with the statements of root 01, is mapped",
        "#     to REQUEST: PLOVER's manual defines REQUEST as all requests, demands and orders, and",
        "#     NGEC's labelled headlines code appeals as REQUEST. Each appeal code takes the PLOVER",
        "#     fields of the demand code with the same digits after the root (0231 -> 1031, 026 -> 106).",
        "#   Other departures from the table, each following the PLOVER manual or ontology:",
        "#     intents to yield are CONCEDE (the manual: promised concessions and announced",
        "#     retreats do not reduce to AGREE); 0831, dyad's code for a resignation, is",
        "#     RETREAT/resign (the manual: RETREAT covers resignations of officials); 195 and",
        "#     1712 take the ontology's mode for the act where the table repeats a neighbouring",
        "#     code's mode. In all: " + "; ".join(departures) + ".",
    ]
    if odd_modes:
        header.append("#   PLOVER modes not in the PLOVER ontology's mode list (kept as given): "
                      + ", ".join(odd_modes))
    header.append("#code\tname\tgoldstein\tquad_class\tplover\tplover_mode\tplover_context")

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write(h + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print("wrote %s: %d codes" % (args.out, len(rows)), file=sys.stderr)


if __name__ == "__main__":
    main()
