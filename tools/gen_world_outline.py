#!/usr/bin/env python3
"""Write the dashboard's low-resolution world outline.

Input: `land-110m.json` (TopoJSON of Natural Earth 1:110m land, public
domain) from the npm package `world-atlas` 2.0.2 (ISC):

    mkdir -p /tmp/wa && (cd /tmp/wa && npm install --no-save --ignore-scripts world-atlas@2.0.2)
    python3 tools/gen_world_outline.py /tmp/wa/node_modules/world-atlas/land-110m.json

Output: `crates/dyad-serve/assets/world.json`, one SVG path in an
equirectangular frame where x = lon + 180 (0..360) and y = 90 - lat (0..180),
coordinates rounded to 0.1 degree and rings smaller than MIN_AREA square
degrees dropped. Plain Python, no packages.
"""

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "crates/dyad-serve/assets/world.json"
MIN_AREA = 1.0  # square degrees; drops specks that are invisible at dashboard size
STEP = 0.1  # rounding grid in degrees


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(arcs, ring):
    pts = []
    for idx in ring:
        arc = arcs[idx] if idx >= 0 else list(reversed(arcs[~idx]))
        pts.extend(arc if not pts else arc[1:])
    return pts


def area(pts):
    s = 0.0
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
        s += x1 * y2 - x2 * y1
    return abs(s) / 2


def fmt(v):
    r = round(v / STEP) * STEP
    s = f"{r:.1f}"
    return s[:-2] if s.endswith(".0") else s


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    topo = json.loads(Path(sys.argv[1]).read_text())
    arcs = decode_arcs(topo)
    rings = []
    for geom in topo["objects"]["land"]["geometries"]:
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        for poly in polys:
            for ring in poly:
                pts = ring_points(arcs, ring)
                if area(pts) >= MIN_AREA:
                    rings.append(pts)
    parts = []
    for pts in rings:
        # A ring crossing the antimeridian (Russia's Chukotka, Fiji) is cut
        # there into pieces, each closed on its own, so no line runs across
        # the whole map.
        pieces = [[]]
        prev = None
        for lon, lat in pts:
            if prev is not None and abs(lon - prev) > 180:
                pieces.append([])
            prev = lon
            p = (fmt(lon + 180), fmt(90 - lat))
            if not pieces[-1] or pieces[-1][-1] != p:
                pieces[-1].append(p)
        if len(pieces) > 1 and pieces[0] and pieces[-1]:
            # the ring's start and end are one stretch of coast
            pieces[0] = pieces.pop() + pieces[0]
        for xy in pieces:
            if len(xy) >= 4:
                parts.append("M" + "L".join(f"{x} {y}" for x, y in xy) + "Z")
    doc = {
        "source": "Natural Earth 1:110m land (public domain), from npm world-atlas 2.0.2 land-110m.json",
        "generator": "tools/gen_world_outline.py",
        "frame": "x = lon + 180, y = 90 - lat",
        "path": "".join(parts),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc) + "\n")
    print(f"{OUT}: {len(parts)} rings and pieces, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
