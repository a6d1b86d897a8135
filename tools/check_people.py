#!/usr/bin/env python3
"""Validate dict/people.tsv (dated office-holders).

Checks:
  * every entry line has exactly 7 TAB-separated fields
    (name, aliases, country, sector, role, start, end);
  * name, country, sector, role, start are non-empty; country is a 3-letter code
    or an IGO... organisation code; sector is one or more 3-letter CAMEO codes
    (REB, REBHMS); codes are at most 15 characters (the loader's limit);
  * start/end are YYYY, YYYY-MM or YYYY-MM-DD and are real dates;
  * start <= end;
  * aliases: no empty items, no spaces around ';', no alias equal to the name,
    no bare surname from a list of ambiguous ones (Lee, Kim, Singh, ...);
  * exact duplicate entries;
  * overlapping tenures of single-holder offices (heads of state/government,
    foreign and defence ministers, organisation heads) for the same country:
    reported as warnings. With partial dates (YYYY or YYYY-MM) an overlap is only
    reported when it is certain; a successor may start on the predecessor's last day;
  * file order (country, office, start): reported; --sort rewrites the file in order.

Exit status 1 on errors (not on warnings). Prints counts per country and office.

usage: tools/check_people.py [PATH] [--sort] [--quiet]
"""
import calendar
import re
import sys
from collections import Counter, defaultdict

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Normalised office -> group name for single-holder offices.
SINGLE = {
    "president": "head of state",
    "king": "head of state", "queen": "head of state", "emperor": "head of state",
    "emir": "head of state", "sultan": "head of state", "grand duke": "head of state",
    "prince": "head of state", "monarch": "head of state",
    "supreme leader": "supreme leader",
    "president of the confederation": "head of state",
    "chairman of the presidency": "head of state",
    "president of the state affairs commission": "head of state",
    "chairman of the state affairs commission": "head of state",
    "chairman of the national defence commission": "head of state",
    "prime minister": "head of government", "chancellor": "head of government",
    "premier": "head of government",
    "foreign minister": "foreign minister", "secretary of state": "foreign minister",
    "foreign secretary": "foreign minister",
    "defence minister": "defence minister", "secretary of defense": "defence minister",
    "defence secretary": "defence minister",
    "secretary-general": "organisation head", "director-general": "organisation head",
    "managing director": "organisation head", "commission president": "organisation head",
    "european council president": "european council president",
    "high representative": "high representative",
    "chairperson of the commission": "organisation head",
}

# Sort rank of offices within a country (lower first); unknown offices go last, alphabetically.
RANK = {
    "head of state": 0, "supreme leader": 0, "head of government": 1,
    "organisation head": 0, "european council president": 0, "high representative": 3,
    "foreign minister": 4, "defence minister": 5,
}
VICE_RANK = 2  # vice presidents, deputy PMs, crown princes: after the heads of state and government

AMBIGUOUS_SURNAMES = {
    "lee", "kim", "khan", "singh", "ali", "rahman", "park", "wang", "li", "liu",
    "brown", "martin", "johnson", "scott", "jordan", "smith", "chen", "zhang", "yang",
    "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "hu", "zhu", "gao", "lin", "guo",
    "he", "luo", "song", "nguyen", "tran", "le", "pham", "choi", "jung", "kang", "cho",
    "yoon", "han", "lim", "ahmed", "ahmad", "hassan", "hussein", "mohammed", "muhammad",
    "abdullah", "ibrahim", "omar", "mahmoud", "salman", "sharif", "shah", "gandhi",
    "kumar", "patel", "garcia", "rodriguez", "gonzalez", "fernandez", "lopez", "perez",
    "sanchez", "martinez", "silva", "santos", "costa", "rossi", "muller", "schmidt",
    "taylor", "wilson", "davies", "evans", "thomas", "white", "green", "king", "clark",
    "young", "hall", "allen", "wright", "hill", "moore", "jones", "williams", "miller",
    "davis", "anderson", "jackson", "harris", "thompson", "robinson", "walker", "lewis",
    "moon", "kono", "tanaka", "suzuki", "sato", "ito", "kato",
}


def norm_role(role):
    r = role.lower()
    r = re.sub(r"\(.*?\)", "", r).strip()
    r = re.sub(r"^(acting|interim|caretaker|provisional)\s+", "", r)
    r = re.sub(r"\s+", " ", r)
    return r


def is_acting(role):
    return re.match(r"^(acting|interim|caretaker|provisional)\s", role.lower()) is not None


def office_group(role):
    return SINGLE.get(norm_role(role))


def date_bounds(s):
    """(earliest, latest) ISO strings for a possibly partial date; None if invalid."""
    m = DATE_RE.match(s)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    yi = int(y)
    if mo is None:
        return (f"{y}-01-01", f"{y}-12-31")
    moi = int(mo)
    if not 1 <= moi <= 12:
        return None
    last = calendar.monthrange(yi, moi)[1]
    if d is None:
        return (f"{y}-{mo}-01", f"{y}-{mo}-{last:02d}")
    if not 1 <= int(d) <= last:
        return None
    return (s, s)


def sort_key(e):
    grp = office_group(e["role"])
    nr = norm_role(e["role"])
    if grp is not None:
        rank = RANK.get(grp, 6)
    elif nr.startswith(("vice president", "crown prince", "deputy prime minister",
                        "first deputy prime minister", "vice premier", "vice chancellor")):
        rank = VICE_RANK
    else:
        rank = 7
    # keep one office together: rank, then group name or role text
    return (e["country"], rank, grp or nr, date_bounds(e["start"])[0] if date_bounds(e["start"]) else e["start"], e["name"])


def main(argv):
    path = "dict/people.tsv"
    do_sort = "--sort" in argv
    quiet = "--quiet" in argv
    args = [a for a in argv[1:] if not a.startswith("--")]
    if args:
        path = args[0]
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()

    errors, warnings = [], []
    header, entries = [], []
    for i, line in enumerate(lines, 1):
        if line.startswith("#") or not line.strip():
            if entries:
                if line.strip():
                    warnings.append(f"line {i}: comment after the header (dropped by --sort)")
                continue
            header.append(line)
            continue
        fields = line.split("\t")
        if len(fields) != 7:
            errors.append(f"line {i}: {len(fields)} fields, expected 7: {line!r}")
            continue
        name, aliases, country, sector, role, start, end = fields
        e = dict(line=i, text=line, name=name, aliases=aliases, country=country,
                 sector=sector, role=role, start=start, end=end)
        for col in ("name", "country", "sector", "role", "start"):
            if not e[col].strip():
                errors.append(f"line {i}: empty {col}")
        for col in fields:
            if col != col.strip():
                errors.append(f"line {i}: leading/trailing space in field {col!r}")
        if not re.match(r"^([A-Z]{3}|(IGO|IMG|NGO)[A-Z]*)$", country):
            errors.append(f"line {i}: bad country code {country!r}")
        if not re.match(r"^[A-Z]{3}(?:[A-Z]{3})*$", sector):
            errors.append(f"line {i}: bad sector {sector!r}")
        if len(country) > 15 or len(sector) > 15:
            errors.append(f"line {i}: code longer than 15 characters (the loader rejects it)")
        sb = date_bounds(start)
        if sb is None:
            errors.append(f"line {i}: bad start date {start!r}")
        eb = None
        if end:
            eb = date_bounds(end)
            if eb is None:
                errors.append(f"line {i}: bad end date {end!r}")
        if sb and eb and sb[0] > eb[1]:
            errors.append(f"line {i}: start {start} after end {end}")
        if aliases:
            items = aliases.split(";")
            for a in items:
                if not a or a != a.strip():
                    errors.append(f"line {i}: empty alias or space around ';' in {aliases!r}")
                elif a == name:
                    warnings.append(f"line {i}: alias equals name: {a!r}")
                elif a.lower() in AMBIGUOUS_SURNAMES:
                    warnings.append(f"line {i}: ambiguous bare surname alias {a!r} ({name})")
            dup = [a for a, c in Counter(items).items() if c > 1]
            if dup:
                warnings.append(f"line {i}: duplicate aliases {dup}")
        e["sb"], e["eb"] = sb, eb
        entries.append(e)

    # duplicates
    seen = {}
    for e in entries:
        k = (e["name"], e["country"], e["role"], e["start"])
        if k in seen:
            errors.append(f"line {e['line']}: duplicate of line {seen[k]} ({e['name']}, {e['role']}, {e['start']})")
        else:
            seen[k] = e["line"]

    # overlaps of single-holder offices
    groups = defaultdict(list)
    for e in entries:
        g = office_group(e["role"])
        if g and e["sb"] and (not e["end"] or e["eb"]):
            groups[(e["country"], g)].append(e)
    overlaps = 0
    notes = []
    for (country, g), es in sorted(groups.items()):
        es.sort(key=lambda e: (e["sb"][0], e["sb"][1]))
        for a_i, a in enumerate(es):
            for b in es[a_i + 1:]:
                # b starts no earlier than a; certain overlap if b surely starts
                # before a surely ended (equal day = handover, allowed)
                if a["name"] == b["name"] and norm_role(a["role"]) != norm_role(b["role"]):
                    continue  # acting -> confirmed of the same person
                a_end_min = a["eb"][0] if a["end"] else "9999-12-31"
                if b["sb"][1] < a_end_min:
                    if is_acting(a["role"]) or is_acting(b["role"]):
                        # an acting holder standing in for a suspended/incapacitated one
                        notes.append(
                            f"acting overlap {country} {g}: {a['name']} ({a['start']}..{a['end'] or 'now'}) "
                            f"and {b['name']} ({b['start']}..{b['end'] or 'now'})")
                        continue
                    overlaps += 1
                    warnings.append(
                        f"overlap {country} {g}: line {a['line']} {a['name']} "
                        f"({a['start']}..{a['end'] or 'now'}) and line {b['line']} {b['name']} "
                        f"({b['start']}..{b['end'] or 'now'})")

    # order
    keys = [sort_key(e) for e in entries]
    out_of_order = sum(1 for x, y in zip(keys, keys[1:]) if x > y)
    if out_of_order and not do_sort:
        warnings.append(f"{out_of_order} entries out of (country, office, start) order; run with --sort")

    if do_sort and not errors:
        entries_sorted = sorted(entries, key=sort_key)
        with open(path, "w", encoding="utf-8") as f:
            for h in header:
                f.write(h + "\n")
            for e in entries_sorted:
                f.write(e["text"] + "\n")
        print(f"sorted {len(entries_sorted)} entries into {path}")

    # report
    per_country = Counter(e["country"] for e in entries)
    per_office = Counter(office_group(e["role"]) or "other" for e in entries)
    per_cg = defaultdict(Counter)
    for e in entries:
        per_cg[e["country"]][office_group(e["role"]) or "other"] += 1
    if not quiet:
        print(f"{len(entries)} entries, {len(per_country)} countries/organisations, "
              f"{len(set(e['name'] for e in entries))} distinct people")
        print("per office: " + ", ".join(f"{k}={v}" for k, v in per_office.most_common()))
        print("per country (HoS/HoG/FM/DM/other):")
        row = []
        for c in sorted(per_cg):
            cg = per_cg[c]
            row.append(f"{c} {cg['head of state'] + cg['supreme leader'] + cg['organisation head']}/"
                       f"{cg['head of government']}/{cg['foreign minister']}/{cg['defence minister']}/"
                       f"{sum(cg.values()) - cg['head of state'] - cg['supreme leader'] - cg['organisation head'] - cg['head of government'] - cg['foreign minister'] - cg['defence minister']}")
        for j in range(0, len(row), 8):
            print("  " + "  ".join(row[j:j + 8]))
    for n in notes:
        print("note: " + n)
    for w in warnings:
        print("WARNING: " + w)
    for er in errors:
        print("ERROR: " + er)
    print(f"{len(errors)} errors, {len(warnings)} warnings ({overlaps} overlaps)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
