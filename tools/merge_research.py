#!/usr/bin/env python3
"""Merges the research files (data/research/*.csv) into data/partnerships.csv.

Rows are keyed by (shandong_city, partner, country, signed_by). A later round's row whose notes
start with `CORRECTS` replaces the earlier row with the same key; one whose notes start with
`WITHDRAWS` removes the pair whatever the order of the files (a pair found to be wrong: the reason
stays in the research file). Rows without coordinates cannot be drawn and are listed in
data/research/unplaced.csv instead (they stay visible in docs/DATA.md).

`evidence` and `stage` are carried: a research row without a level keeps the one the pair has in
data/partnerships.csv, and a research file without a `stage` column (every file before round 5)
keeps the pair's stage there (empty, an established tie, when it has none). Files without a
`partner` column (round5_totals.csv, the published totals) are not partnership rows and are
skipped.
Run: python3 tools/merge_research.py
"""
import csv
import glob
import os

COLUMNS = ["shandong_city", "shandong_city_zh", "partner", "partner_zh", "country", "level",
           "kind", "established", "lat", "lon", "source", "evidence", "signed_by", "stage", "notes",
           "geonameid"]
STAGES = ("", "agreement", "intent")
ORDER = ["Shandong", "Jinan", "Qingdao", "Zibo", "Zaozhuang", "Dongying", "Yantai", "Weifang",
         "Jining", "Tai'an", "Weihai", "Rizhao", "Linyi", "Dezhou", "Liaocheng", "Binzhou", "Heze"]


def key(r):
    return (r["shandong_city"].strip(), r["partner"].strip().lower(), r["country"].strip().upper(),
            r.get("signed_by", "").strip().lower())


def main():
    def round_of(f):
        name = os.path.basename(f)
        return int(name[5]) if name.startswith("round") and name[5].isdigit() else 1

    # Round 1 files first, then round 2, round 3...: later rounds may correct earlier ones.
    files = sorted((f for f in glob.glob("data/research/*.csv") if not f.endswith("unplaced.csv")),
                   key=lambda f: (round_of(f), f))
    kept = {}
    for name in ("data/partnerships.csv", "data/research/unplaced.csv"):
        if os.path.exists(name):
            with open(name, newline="", encoding="utf-8") as fh:
                for r in csv.DictReader(fh):
                    kept[key(r)] = {c: (r.get(c) or "").strip() for c in ("evidence", "stage")}
    rows = {}
    withdrawn = set()
    for f in files:
        with open(f, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            if "partner" not in (reader.fieldnames or []):
                continue  # not partnership rows (the totals history)
            has_stage = "stage" in reader.fieldnames
            for r in reader:
                r = {c: (r.get(c) or "").strip() for c in COLUMNS}
                k = key(r)
                earlier = kept.get(k, {})
                r["evidence"] = r["evidence"] or earlier.get("evidence", "")
                if not has_stage:
                    r["stage"] = earlier.get("stage", "")
                if r["stage"] not in STAGES:
                    raise SystemExit(f"{f}: {r['shandong_city']} - {r['partner']}: stage `{r['stage']}` "
                                     f"is not empty, agreement or intent")
                if r["notes"].startswith("WITHDRAWS"):
                    withdrawn.add(k)
                    continue
                if k in rows and not r["notes"].startswith("CORRECTS"):
                    continue  # first finding wins unless explicitly corrected
                rows[k] = r
    for k in withdrawn:
        rows.pop(k, None)
    placed = [r for r in rows.values() if r["lat"] and r["lon"]]
    unplaced = [r for r in rows.values() if not (r["lat"] and r["lon"])]
    placed.sort(key=lambda r: (ORDER.index(r["shandong_city"]) if r["shandong_city"] in ORDER else 99,
                               r["established"] or "9999", r["partner"]))
    for name, out in (("data/partnerships.csv", placed), ("data/research/unplaced.csv", unplaced)):
        with open(name, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(out)
        print(f"{name}: {len(out)} rows")


if __name__ == "__main__":
    main()
