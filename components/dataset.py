"""Load every file in data/ into one validated, tidy Dataset, with a report for each file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from components import contract as c
from components.boundaries import read_boundary_file
from components.catalogue import INDICATOR_COLUMNS, SOURCE_COLUMNS, read_catalogue
from components.observations import OBSERVATION_COLUMNS, read_observation_file

OBSERVATIONS_DIR = "observations"
BOUNDARIES_DIR = "boundaries"
CATALOGUE_DIR = "catalogue"
WATCHED_DIRS = (OBSERVATIONS_DIR, BOUNDARIES_DIR, CATALOGUE_DIR)

CONFLICT_RULE = (
    "When two files give different values for the same indicator, country, partner, region, sex "
    "and year, the file whose name comes first in alphabetical order wins; the other value is "
    "left out and the conflict is listed on the Data & sources page."
)


@dataclass
class Dataset:
    observations: pd.DataFrame
    indicators: pd.DataFrame
    sources: pd.DataFrame
    boundaries: dict[str, dict] = field(default_factory=dict)
    reports: list[c.FileReport] = field(default_factory=list)

    def indicator(self, indicator_id: str) -> dict:
        match = self.indicators[self.indicators["id"] == indicator_id]
        return match.iloc[0].to_dict() if len(match) else {}

    def source(self, source_id: str) -> dict:
        match = self.sources[self.sources["id"] == source_id]
        return match.iloc[0].to_dict() if len(match) else {}

    @property
    def problems(self) -> list[c.Problem]:
        return [problem for report in self.reports for problem in report.problems]


def fingerprint(data_dir: Path) -> str:
    """A hash of every watched file's name and content: equal fingerprints, equal data."""
    digest = hashlib.sha256()
    for path in _watched_files(data_dir):
        digest.update(str(path.relative_to(data_dir)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _watched_files(data_dir: Path) -> list[Path]:
    files = []
    for folder in WATCHED_DIRS:
        base = data_dir / folder
        if base.is_dir():
            files += sorted(p for p in base.iterdir() if p.is_file() and not p.name.startswith("."))
    return files


def load_dataset(data_dir: Path) -> Dataset:
    """Read and validate everything; a bad file is reported and left out, never raised."""
    indicators, indicator_report = read_catalogue(data_dir / CATALOGUE_DIR / "indicators.csv",
                                                  INDICATOR_COLUMNS)
    sources, source_report = read_catalogue(data_dir / CATALOGUE_DIR / "sources.csv",
                                            SOURCE_COLUMNS)
    reports = [indicator_report, source_report]
    frames, introduced = [], []
    for path in sorted((data_dir / OBSERVATIONS_DIR).glob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix.lower() != ".csv":
            reports.append(_wrong_kind(path, "a .csv file in data/observations/"))
            continue
        rows, new_indicators, report = read_observation_file(path, indicators)
        rows["file"] = path.name
        frames.append(rows)
        introduced.append(new_indicators)
        reports.append(report)
    observations = _merge_files(frames, {r.file: r for r in reports})
    indicators = _with_introduced(indicators, introduced)
    observations["source"] = observations["source"].where(
        observations["source"] != "",
        observations["indicator"].map(indicators.set_index("id")["source_id"]).fillna(""),
    )
    boundaries = {}
    for path in sorted((data_dir / BOUNDARIES_DIR).glob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix.lower() not in (".geojson", ".json"):
            reports.append(_wrong_kind(path, "a .geojson file in data/boundaries/"))
            continue
        collection, report = read_boundary_file(path)
        reports.append(report)
        if collection is not None:
            boundaries[path.stem] = collection
    return Dataset(observations, indicators, sources, boundaries, reports)


def _merge_files(frames: list[pd.DataFrame], reports: dict[str, c.FileReport]) -> pd.DataFrame:
    frames = [frame for frame in frames if len(frame)]
    if not frames:
        return pd.DataFrame(columns=OBSERVATION_COLUMNS + ["file"])
    combined = pd.concat(frames, ignore_index=True)
    keys = list(c.KEY_COLUMNS)
    first = combined.drop_duplicates(keys, keep="first")
    later = combined[combined.duplicated(keys, keep="first")]
    if len(later):
        winners = first.set_index(keys)
        for row in later.itertuples(index=False):
            kept = winners.loc[tuple(getattr(row, k) for k in keys)]
            if kept["value"] == row.value:
                continue
            report = reports[row.file]
            report.problems.append(c.Problem(
                row.file, "conflict-between-files", c.WARNING,
                f"the same value as {kept['file']} ({kept['value']:g})",
                f"{CONFLICT_RULE} Remove the value from one of the two files.",
                column="value", value=f"{row.indicator} {row.country} {row.year}: {row.value:g}"))
    return first.reset_index(drop=True)


def _with_introduced(indicators: pd.DataFrame, introduced: list[pd.DataFrame]) -> pd.DataFrame:
    introduced = [frame for frame in introduced if len(frame)]
    if not introduced:
        return indicators
    new = pd.concat(introduced, ignore_index=True).drop_duplicates("id")
    new = new[~new["id"].isin(indicators["id"])]
    return pd.concat([indicators, new], ignore_index=True).fillna("")


def _wrong_kind(path: Path, expected: str) -> c.FileReport:
    report = c.FileReport(file=path.name, kind="unknown")
    report.problems.append(c.Problem(
        path.name, "wrong-file-type", c.ERROR, expected,
        "Save the data as CSV (observations) or GeoJSON (boundaries), or move the file out of "
        "data/.", value=path.suffix))
    return report
