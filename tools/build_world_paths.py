"""Regenerate tracker/data/world-110m-paths.json (a one-off developer tool).

Input: countries-110m.json from the npm package world-atlas@2.0.2 (Natural Earth 1:110m
admin-0 countries, public domain; world-atlas is ISC-licensed, © Michael Bostock).
Output: one SVG path per country, keyed by its ISO numeric id (= M49 code), in an
equirectangular projection 720 x 300 (latitudes 84° N to 60° S; Antarctica dropped).

Usage: npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
       python tools/build_world_paths.py package/countries-110m.json \
           > tracker/data/world-110m-paths.json
"""

import json
import sys

WIDTH, NORTH, SOUTH = 720.0, 84.0, -60.0
SCALE = WIDTH / 360.0


def decode_arcs(topology):
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indices):
    points = []
    for i in indices:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(pts if not points else pts[1:])
    return points


def project(lon, lat):
    lat = max(min(lat, NORTH), SOUTH)
    return round((lon + 180.0) * SCALE, 1), round((NORTH - lat) * SCALE, 1)


def path(polygons, arcs):
    parts = []
    for polygon in polygons:
        for rng in polygon:
            pts = [project(*p) for p in ring(arcs, rng)]
            if len(pts) < 3:
                continue
            # A ring crossing the antimeridian (Russia, Fiji) would draw a line across
            # the whole map: start a new subpath where longitude jumps by half the world.
            d = f"M{pts[0][0]:g},{pts[0][1]:g}"
            for (x0, _), (x, y) in zip(pts, pts[1:], strict=False):
                d += ("M" if abs(x - x0) > WIDTH / 2 else "L") + f"{x:g},{y:g}"
            parts.append(d + "Z")
    return "".join(parts)


def main(src):
    with open(src, encoding="utf-8") as f:
        topology = json.load(f)
    arcs = decode_arcs(topology)
    out = {}
    for geom in topology["objects"]["countries"]["geometries"]:
        gid = geom.get("id")
        if not gid or gid == "010" or geom["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
        out[gid] = {"name": geom["properties"]["name"], "d": path(polygons, arcs)}
    json.dump({"width": WIDTH, "height": round((NORTH - SOUTH) * SCALE, 1),
               "source": "Natural Earth 1:110m via world-atlas@2.0.2 (ISC)",
               "countries": out}, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
