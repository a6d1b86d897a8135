#!/usr/bin/env python3
"""Sanity checks for dict/countries.tsv, agents.tsv, orgs.tsv, places.tsv.

Checks: column counts, no stray whitespace around fields or ';' items, no
empty list items, country codes used by orgs/places exist in countries.tsv,
no duplicate phrases within agents.tsv / countries.tsv / orgs.tsv, phrases
shared between files (reported), numeric lat/lon/population.  Prints counts.
Exit status 1 on any error.  Usage: python3 tools/check_dicts.py [DICT_DIR]
"""
import os
import re
import sys

DICT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dict")
NCOLS = {"countries.tsv": 7, "agents.tsv": 2, "orgs.tsv": 4, "places.tsv": 7}
SECTORS = set("GOV MIL COP JUD LEG OPP REB INS SEP UAF RAD BUS MED EDU HLH REF CVL LAB AGR ELI SPY ENV HRI "
              "NGO CRM REL PTY IGO IMG".split())
errors = []


def err(msg):
    errors.append(msg)


def rows(name):
    path = os.path.join(DICT, name)
    out = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) != NCOLS[name]:
            err(f"{name}:{n}: {len(f)} columns, expected {NCOLS[name]}")
            continue
        for i, x in enumerate(f):
            if x != x.strip():
                err(f"{name}:{n}: whitespace around field {i + 1}: {x!r}")
            if ";" in x:
                items = x.split(";")
                if any(not it or it != it.strip() for it in items):
                    err(f"{name}:{n}: empty item or whitespace around ';' in field {i + 1}")
        out.append((n, f))
    return out


def items(s):
    return [x for x in s.split(";") if x] if s else []


countries = rows("countries.tsv")
codes = {}
phr_c = {}
for n, (code, iso2, name, aliases, adjs, cap, mets) in countries:
    if not re.fullmatch(r"[A-Z]{3}", code):
        err(f"countries.tsv:{n}: bad code {code}")
    if code in codes:
        err(f"countries.tsv:{n}: duplicate code {code} (line {codes[code]})")
    codes[code] = n
    if iso2 and not re.fullmatch(r"[A-Z]{2}", iso2):
        err(f"countries.tsv:{n}: bad iso2 {iso2}")
    if not name:
        err(f"countries.tsv:{n}: empty name")
    for p in [name] + items(aliases) + items(adjs) + items(mets):
        k = p.lower()
        if k in phr_c and phr_c[k] != code:
            err(f"countries.tsv:{n}: phrase {p!r} also on {phr_c[k]}")
        phr_c[k] = code

agents = rows("agents.tsv")
phr_a = {}
for n, (p, s) in agents:
    if p.lower() in phr_a:
        err(f"agents.tsv:{n}: duplicate phrase {p!r} (line {phr_a[p.lower()][0]})")
    phr_a[p.lower()] = (n, s)
    if s not in SECTORS:
        err(f"agents.tsv:{n}: unknown sector {s}")

# CAMEO region codes (Africa, the West, the Middle East, Europe, Asia, ...)
CAMEO_REGIONS = {"AFR", "WST", "MEA", "EUR", "ASA", "LAM", "NAF", "SAF", "WAF", "EAF", "CAF", "SAM", "CAS", "SAS", "SEA", "EIN", "BLK", "CRB", "NMR", "PGS", "SCN", "MDT"}

orgs = rows("orgs.tsv")
phr_o = {}
for n, (code, names, country, sector) in orgs:
    if not re.fullmatch(r"[A-Z]{3,15}", code):
        err(f"orgs.tsv:{n}: bad code {code}")
    # (CAMEO's regional codes stand for groups of states: "African leaders" = AFRGOV)
    if country and country not in codes and country not in CAMEO_REGIONS:
        err(f"orgs.tsv:{n}: unknown country {country}")
    if sector not in SECTORS:
        err(f"orgs.tsv:{n}: unknown sector {sector}")
    if code[:3] in codes and country and code[:3] != country:
        err(f"orgs.tsv:{n}: code {code} starts with a country other than {country}")
    if not items(names):
        err(f"orgs.tsv:{n}: no names")
    for p in items(names):
        if p.lower() in phr_o:
            err(f"orgs.tsv:{n}: duplicate name {p!r} (line {phr_o[p.lower()][0]})")
        phr_o[p.lower()] = (n, code)

places = rows("places.tsv")
kinds = {}
for n, (name, aliases, country, kind, lat, lon, pop) in places:
    # (a sea, strait or river between states belongs to none: "the Red Sea")
    if country not in codes and not (country == "" and kind == "region"):
        err(f"places.tsv:{n}: unknown country {country}")
    if kind not in ("capital", "city", "region"):
        err(f"places.tsv:{n}: bad kind {kind}")
    kinds[kind] = kinds.get(kind, 0) + 1
    try:
        la, lo = float(lat), float(lon)
        if not (-90 <= la <= 90 and -180 <= lo <= 180):
            err(f"places.tsv:{n}: lat/lon out of range")
    except ValueError:
        err(f"places.tsv:{n}: lat/lon not numeric")
    if pop and not pop.isdigit():
        err(f"places.tsv:{n}: population not an integer")
    if len(items(aliases)) > 5:
        err(f"places.tsv:{n}: more than 5 aliases")

# cross-file overlaps are reported, not errors (the coder resolves them)
shared = []
for p in phr_a:
    if p in phr_c:
        shared.append(f"agents/countries: {p}")
    if p in phr_o:
        shared.append(f"agents/orgs: {p}")
for p in phr_o:
    if p in phr_c:
        shared.append(f"orgs/countries: {p}")

print(f"countries.tsv: {len(countries)} entries, {len(phr_c)} distinct phrases")
print(f"agents.tsv:    {len(agents)} phrases")
sec = {}
for n, (p, s) in agents:
    sec[s] = sec.get(s, 0) + 1
print("               " + " ".join(f"{k}={v}" for k, v in sorted(sec.items(), key=lambda kv: -kv[1])))
print(f"orgs.tsv:      {len(orgs)} organisations, {len(phr_o)} names")
print(f"places.tsv:    {len(places)} places " + str(kinds))
for s in shared:
    print("note: phrase in two files:", s)
for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} errors")
sys.exit(1 if errors else 0)
