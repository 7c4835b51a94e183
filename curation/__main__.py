"""Curate ../shared/sources into data/: python -m curation [--sources DIR] [--out DIR].

Reads every extract, checks it, derives indicators, and writes the curated files, the two
catalogues and CURATION_REPORT.md. Any failed check stops the run before anything is written.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd

from components.settings import REPO_ROOT
from curation import dioc, eurostat, readers
from curation.catalogues import INDICATORS, SOURCES
from curation.checks import check_outputs, verify_with_loader
from curation.derived import derive
from curation.geometry import curate_boundaries
from curation.places import curate_places
from curation.writing import publish, write_catalogue, write_observations, write_report

DEFAULT_SOURCES = REPO_ROOT.parent / "shared" / "sources"

# Curated file -> the readers whose rows it holds.
OUTPUTS = {
    "un_desa_ims2024_migrant_stock.csv": [readers.un_desa_2024],
    "un_desa_ims2020_migrant_stock.csv": [readers.un_desa],
    "world_bank_wdi.csv": [readers.world_bank],
    "knomad_remittances_apr2020.csv": [readers.knomad],
    "abel_cohen_flow_estimates.csv": [readers.abel_cohen],
    "eurostat_immigration.csv": [eurostat.immigration],
    "eurostat_residence_permits.csv": [eurostat.residence_permits],
    "eurostat_population_by_citizenship.csv": [eurostat.population],
    "eurostat_asylum.csv": [eurostat.asylum],
    "oecd_dioc_2015_16_education.csv": [dioc.dioc],
}


def curate(sources: Path, out: Path) -> dict:
    """Build everything into a staging folder, check it, then move it into `out`."""
    files, ledgers = {}, []
    for name, functions in OUTPUTS.items():
        parts = []
        for function in functions:
            frame, used = function(sources)
            parts.append(frame)
            ledgers += used
        files[name] = pd.concat(parts, ignore_index=True)
    files["derived_indicators.csv"] = derive(pd.concat(files.values(), ignore_index=True))
    # Every curated row names its source (and so its edition), not only the catalogue.
    source_of = {item["id"]: item["source_id"] for item in INDICATORS}
    for frame in files.values():
        frame["source"] = frame["source"].where(frame["source"] != "", frame["indicator"].map(source_of))
    check_outputs(files, INDICATORS, sources)
    with tempfile.TemporaryDirectory(dir=out.parent) as staging_name:
        staging = Path(staging_name)
        (staging / "observations").mkdir()
        for name, frame in files.items():
            write_observations(frame, staging / "observations" / name)
        (staging / "catalogue").mkdir()
        write_catalogue(INDICATORS, staging / "catalogue" / "indicators.csv")
        write_catalogue(SOURCES, staging / "catalogue" / "sources.csv")
        geometry = curate_boundaries(sources / "geo", staging / "boundaries")
        (staging / "places").mkdir()
        curate_places(sources / "geo" / "places_geonames.geojson", staging / "places" / "places.csv")
        verify_with_loader(staging)
        write_report(files, ledgers, geometry, staging / "CURATION_REPORT.md")
        publish(staging, out, ["observations", "catalogue", "boundaries", "places", "CURATION_REPORT.md"])
    return {"files": {name: len(frame) for name, frame in files.items()}, "geometry": geometry}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "data")
    args = parser.parse_args(argv)
    summary = curate(args.sources.resolve(), args.out.resolve())
    for name, rows in summary["files"].items():
        print(f"{rows:>8} rows  {name}")
    for item in summary["geometry"]:
        print(f"{item['bytes']:>8} bytes {item['file']} ({item['features']} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
