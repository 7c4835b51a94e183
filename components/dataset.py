"""Load every file in data/ into one validated, tidy Dataset, with a report for each file.

Files are parsed from one in-memory snapshot (components/snapshot.py). A file that loads is
kept in data/.history/; a file that no longer loads is replaced by its last good version.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from components import checked_files
from components import contract as c
from components import history, numbers
from components.actors import LOADED_COLUMNS, load_places, read_actors_bytes
from components.boundary_files import read_boundaries
from components.catalogue import INDICATOR_COLUMNS, SOURCE_COLUMNS, read_catalogue_bytes
from components.i18n import Phrase
from components.observations import KEY_HASH, OBSERVATION_COLUMNS, SOURCE_ROW, empty_rows, read_observations
from components.snapshot import Clock, FileBytes, Snapshot, read_snapshot

OBSERVATIONS_DIR = "observations"
BOUNDARIES_DIR = "boundaries"
CATALOGUE_DIR = "catalogue"
ACTORS_DIR = "actors"
PLACES_DIR = "places"
WATCHED_DIRS = (OBSERVATIONS_DIR, BOUNDARIES_DIR, CATALOGUE_DIR, ACTORS_DIR, PLACES_DIR)

# Observation files checked at once (load_dataset).
LOAD_THREADS = min(4, os.cpu_count() or 1)

CONFLICT_RULE = Phrase("problems.conflict_rule")
CONFLICT_COLUMNS = [*c.KEY_COLUMNS, "kept_value", "kept_file", "kept_row",
                    "left_out_value", "left_out_file", "left_out_row"]


@dataclass
class Dataset:
    observations: pd.DataFrame
    indicators: pd.DataFrame
    sources: pd.DataFrame
    boundaries: dict[str, dict] = field(default_factory=dict)
    reports: list[c.FileReport] = field(default_factory=list)
    # Every value left out because an earlier file (by name) gives another for the same key.
    conflicts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CONFLICT_COLUMNS))
    fingerprint: str = ""  # of the snapshot this was loaded from
    # Actors and initiatives (data/actors/*.csv), the qualitative layer.
    actors: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=LOADED_COLUMNS))
    # (folder, name, digest) of files that loaded but were still changing at start-up: kept as
    # last good versions once they settle (keep_settled_versions), not before.
    unsettled_good: set = field(default_factory=set)

    def indicator(self, indicator_id: str) -> dict:
        match = self.indicators[self.indicators["id"] == indicator_id]
        return match.iloc[0].to_dict() if len(match) else {}

    def source(self, source_id: str) -> dict:
        match = self.sources[self.sources["id"] == source_id]
        return match.iloc[0].to_dict() if len(match) else {}

    @property
    def problems(self) -> list[c.Problem]:
        return [problem for report in self.reports for problem in report.problems]


def read_data_snapshot(data_dir: Path, settle: float = 0.0, clock=Clock) -> Snapshot:
    """Every watched file's bytes. The running app passes settle > 0: a file still being copied
    is not taken until it settles, and meanwhile its last settled bytes (or last good version)
    are served (components/snapshot.py)."""
    return read_snapshot(data_dir, WATCHED_DIRS, settle,
                         fallback=lambda folder, name: history.newest(data_dir, folder, name), clock=clock)


def fingerprint(data_dir: Path) -> str:
    """A hash of every watched file's name and content: equal fingerprints, equal data."""
    return read_data_snapshot(data_dir).fingerprint


def load_dataset(source: Path | Snapshot, keep_history: bool = True) -> Dataset:
    """Read and validate everything; a bad file is reported and left out (or its last good
    version served), never raised."""
    checked_files.without_huge_pages()
    snapshot = source if isinstance(source, Snapshot) else read_data_snapshot(source)
    load = _Loader(snapshot.root, keep_history)
    indicators, indicator_report = load.file(
        snapshot.get(CATALOGUE_DIR, "indicators.csv") or FileBytes(CATALOGUE_DIR, "indicators.csv", 0, "", None),
        lambda raw, name: read_catalogue_bytes(raw, f"{CATALOGUE_DIR}/{name}", INDICATOR_COLUMNS))
    sources, source_report = load.file(
        snapshot.get(CATALOGUE_DIR, "sources.csv") or FileBytes(CATALOGUE_DIR, "sources.csv", 0, "", None),
        lambda raw, name: read_catalogue_bytes(raw, f"{CATALOGUE_DIR}/{name}", SOURCE_COLUMNS))
    reports = [indicator_report, source_report]
    # A file's rows depend on its bytes, the indicator catalogue and (for the year check) the year.
    catalogue_key = int(pd.util.hash_pandas_object(indicators, index=False).sum()) if len(indicators) else 0
    frames, introduced = [], []
    entries = snapshot.in_folder(OBSERVATIONS_DIR)

    def check(entry: FileBytes):
        return load.file(entry, lambda raw, name: _with_key_hash(*read_observations(raw, name, indicators, compact=True)),
                         memo=(entry.digest, catalogue_key, dt.date.today().year))

    # Files are checked on every core at once: most of a file's reading (pyarrow) and of its
    # checks (numpy) runs without Python's lock, so another file's checks run meanwhile. The
    # collector stays off throughout (see checked_files.paused_collector: a thread re-enabling it
    # while another still builds cells would undo it). The code's hash is taken once, here, not
    # by each thread at the same time.
    checked_files.code_version()
    with checked_files.paused_collector(), ThreadPoolExecutor(max_workers=LOAD_THREADS) as pool:
        loads = {entry.name: pool.submit(check, entry) for entry in entries
                 if Path(entry.name).suffix.lower() in c.OBSERVATION_SUFFIXES}
        for entry in entries:
            if entry.name not in loads:
                reports.append(_wrong_kind(entry.name, "problems.wrong-file-type.expected_observations"))
                continue
            rows, new_indicators, report = loads[entry.name].result()
            frames.append((entry.name, rows))
            introduced.append(new_indicators)
            reports.append(report)
    indicators = _with_introduced(indicators, introduced)
    # A row with no source of its own takes its indicator's source in the catalogue.
    observations, conflicts = _merge_files(frames, {r.file: r for r in reports},
                                           indicators.set_index("id")["source_id"])
    boundaries = {}
    for entry in snapshot.in_folder(BOUNDARIES_DIR):
        if Path(entry.name).suffix.lower() not in c.BOUNDARY_SUFFIXES:
            reports.append(_wrong_kind(entry.name, "problems.wrong-file-type.expected_boundaries"))
            continue
        collection, report = load.file(entry, read_boundaries)
        reports.append(report)
        if collection is not None:
            boundaries[Path(entry.name).stem] = collection
    actors = _actors(snapshot, load, reports)
    return Dataset(observations, indicators, sources, boundaries, reports,
                   conflicts=conflicts, fingerprint=snapshot.fingerprint, actors=actors,
                   unsettled_good=load.unsettled_good)


def keep_settled_versions(data: Dataset, snapshot: Snapshot) -> None:
    """Keep as last good versions the files shown provisionally at start-up that have settled
    since, with the same bytes: no reload needed, the page already shows them."""
    for folder, name, digest in list(data.unsettled_good):
        entry = snapshot.get(folder, name)
        if entry is None or entry.digest != digest:
            data.unsettled_good.discard((folder, name, digest))  # replaced or removed meanwhile
        elif not entry.settling and entry.data is not None:
            history.remember(snapshot.root, folder, name, entry.data, digest)
            data.unsettled_good.discard((folder, name, digest))


def _actors(snapshot: Snapshot, load: "_Loader", reports: list) -> pd.DataFrame:
    """Every actors file, checked like any data file; place names resolve against data/places."""
    places_entry = snapshot.get(PLACES_DIR, "places.csv")
    places = load_places(places_entry.data if places_entry else None)
    frames = []
    for entry in snapshot.in_folder(ACTORS_DIR):
        if Path(entry.name).suffix.lower() != ".csv":
            reports.append(_wrong_kind(entry.name, "problems.wrong-file-type.expected_actors"))
            continue
        rows, report = load.file(entry, lambda raw, name: read_actors_bytes(raw, f"{ACTORS_DIR}/{name}", places))
        reports.append(report)
        frames.append(rows)
    frames = [frame for frame in frames if len(frame)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=LOADED_COLUMNS)


class _Loader:
    """Parses one file; keeps it in the history when good, falls back to the history when not."""

    def __init__(self, data_dir: Path, keep_history: bool):
        self.data_dir, self.keep_history = data_dir, keep_history
        self.unsettled_good: set = set()

    def file(self, entry: FileBytes, parse, memo=None):
        result = _remembered(self.data_dir, (entry.folder, entry.name, *memo),
                             lambda: self._parse(entry.data, entry, parse)) if memo else \
            self._parse(entry.data, entry, parse)
        report = result[-1]
        if not report.rejected:
            # Only settled bytes become a last good version (a stand-in is one already).
            if self.keep_history and entry.data is not None and entry.provisional:
                self.unsettled_good.add((entry.folder, entry.name, entry.digest))
            elif self.keep_history and entry.data is not None and not entry.settling:
                history.remember(self.data_dir, entry.folder, entry.name, entry.data, entry.digest)
            return result
        for version in history.versions(self.data_dir, entry.folder, entry.name):
            if entry.digest.startswith(version.digest):
                continue  # the same bytes that were just rejected
            try:
                older = self._parse(version.path.read_bytes(), entry, parse)
            except OSError:
                continue
            if older[-1].rejected:
                continue  # good once, but no longer (e.g. its indicator left the catalogue)
            report.last_good = version.label
            report.rows_loaded, report.rows_rejected = older[-1].rows_loaded, older[-1].rows_rejected
            return (*older[:-1], report)
        return result

    @staticmethod
    def _parse(raw: bytes | None, entry: FileBytes, parse):
        if raw is None and entry.size > c.MAX_FILE_BYTES:
            return _unread(entry, parse, "too-large",
                           Phrase("problems.too-large.expected", limit=c.MAX_FILE_MB),
                           Phrase("problems.too-large.fix"),
                           value=Phrase("problems.values.megabytes", size=c.megabytes(entry.size)))
        try:
            return parse(raw, entry.name)
        except Exception as error:  # a loader bug must never take down the other files
            return _unread(entry, parse, "unexpected-error", Phrase("problems.unexpected-error.expected"),
                           Phrase("problems.unexpected-error.fix", error=type(error).__name__))


# Parsed observation files by content: when one file changes, the others are not parsed again,
# so a dropped file shows up in about a second instead of after a full reload. Behind this memory
# is the disk (components/checked_files.py), which survives a restart.
_PARSED: OrderedDict = OrderedDict()
_PARSED_KEEP = 64
_PARSED_LOCK = threading.Lock()


def _remembered(data_dir: Path, key: tuple, parse):
    with _PARSED_LOCK:
        result = _PARSED.get(key)
        if result is not None:
            _PARSED.move_to_end(key)
    if result is None:
        on_disk = checked_files.cache_key(key)
        result = checked_files.recall(data_dir, on_disk)
        if result is None:
            with checked_files.paused_collector():
                result = parse()
            checked_files.keep(data_dir, on_disk, result)
        with _PARSED_LOCK:
            _PARSED[key] = result
            while len(_PARSED) > _PARSED_KEEP:
                _PARSED.popitem(last=False)
    # A copy of the report (the merge adds conflicts to it); the rows are only read, and at 100x
    # the shipped data a copy of them would be 600 MB.
    return (result[0], *copy.deepcopy(result[1:]))


def _unread(entry: FileBytes, parse, check: str, expected: str, fix: str, value=None):
    """The shape parse() returns for this kind of file, holding nothing but one error."""
    kind = {OBSERVATIONS_DIR: "observations", BOUNDARIES_DIR: "boundaries"}.get(entry.folder, "catalogue")
    name = entry.name if kind != "catalogue" else f"{CATALOGUE_DIR}/{entry.name}"
    report = c.FileReport(file=name, kind=kind)
    report.problems.append(c.Problem(name, check, c.ERROR, expected, fix, value=value))
    if kind == "observations":
        return empty_rows(), pd.DataFrame(), report
    if kind == "boundaries":
        return None, report
    return pd.DataFrame(columns=list(INDICATOR_COLUMNS if "indicator" in entry.name
                                     else SOURCE_COLUMNS)), report




def _with_key_hash(rows: pd.DataFrame, new_indicators: pd.DataFrame, report: c.FileReport):
    rows[KEY_HASH] = _key_hash(rows)
    return rows, new_indicators, report


def _key_hash(rows: pd.DataFrame) -> np.ndarray:
    if KEY_HASH in rows and not rows[KEY_HASH].isna().any():
        return rows[KEY_HASH].to_numpy()
    return pd.util.hash_pandas_object(rows[list(c.KEY_COLUMNS)], index=False).to_numpy()


def _merge_files(files: list[tuple[str, pd.DataFrame]], reports: dict[str, c.FileReport],
                 catalogue_sources: pd.Series):
    """(one row per key, the conflicts): for each key the value of the first file by name wins.
    A row with no source takes its indicator's from `catalogue_sources` (source_id by indicator)."""
    files = [(name, frame) for name, frame in files if len(frame)]
    if not files:
        return pd.DataFrame(columns=OBSERVATION_COLUMNS + ["file"]), pd.DataFrame(columns=CONFLICT_COLUMNS)
    combined = _stacked(files, catalogue_sources)
    keys = list(c.KEY_COLUMNS)
    repeated = _repeated_keys(combined, np.concatenate([_key_hash(frame) for _, frame in files]))
    if not repeated.any():  # the usual case: no key in two files, nothing to choose or copy
        return combined, pd.DataFrame(columns=CONFLICT_COLUMNS)
    first = combined[~repeated]
    # Row numbers only for the keys two files give: the merged observations do not carry them.
    rows = np.concatenate([frame[SOURCE_ROW].to_numpy() for _, frame in files])
    later = combined[repeated].assign(**{SOURCE_ROW: rows[repeated]})
    kept = first[keys + ["value", "file"]].assign(**{SOURCE_ROW: rows[~repeated]})
    conflicts = later.merge(kept, on=keys, suffixes=("", "_kept"))
    conflicts = conflicts[conflicts["value"] != conflicts["value_kept"]]
    conflicts = conflicts.rename(columns={"value_kept": "kept_value", "file_kept": "kept_file",
                                          f"{SOURCE_ROW}_kept": "kept_row", "value": "left_out_value",
                                          "file": "left_out_file", SOURCE_ROW: "left_out_row"})
    conflicts = conflicts[CONFLICT_COLUMNS].reset_index(drop=True)
    listed: dict[str, int] = {}
    for row in conflicts.itertuples(index=False):
        listed[row.left_out_file] = listed.get(row.left_out_file, 0) + 1
        if listed[row.left_out_file] > c.MAX_LISTED_PER_CHECK:
            continue  # all of them are in the conflicts table; the problem list stays readable
        reports[row.left_out_file].problems.append(c.Problem(
            row.left_out_file, "conflict-between-files", c.WARNING,
            Phrase("problems.conflict-between-files.expected", file=row.kept_file, row=int(row.kept_row),
                   value=numbers.plain_number(row.kept_value)),
            Phrase("problems.conflict-between-files.fix", rule=CONFLICT_RULE),
            row=int(row.left_out_row), column="value", value=f"{_key_text(row)}: {numbers.plain_number(row.left_out_value)}"))
    for name, count in listed.items():
        if count > c.MAX_LISTED_PER_CHECK:
            reports[name].problems.append(c.Problem(
                name, "conflict-between-files", c.WARNING,
                Phrase("problems.more-conflicts.expected"),
                Phrase("problems.more-conflicts.fix", count=count - c.MAX_LISTED_PER_CHECK)))
    return first.reset_index(drop=True), conflicts


def _stacked(files: list[tuple[str, pd.DataFrame]], catalogue_sources: pd.Series) -> pd.DataFrame:
    """Every file's rows in one frame, with a file column, built column by column: concatenating
    whole frames copies every row twice more (1.2 GB and 5 s at 100x the shipped data). Each
    file's text columns come categorical (read_observations, `compact`): each merged text column
    is written once from each file's distinct texts and codes, each text one shared object."""
    columns = {}
    for column in OBSERVATION_COLUMNS:
        parts = [frame[column] for _, frame in files]
        if column == "source":
            columns[column] = _merged_texts([_with_catalogue_source(frame, catalogue_sources) for _, frame in files])
        elif column in ("year", "value"):
            columns[column] = np.concatenate([part.to_numpy() for part in parts])
        else:
            columns[column] = _merged_texts([_coded(part) for part in parts])
    names = np.array([name for name, _ in files], dtype=object)
    columns["file"] = np.repeat(names, [len(frame) for _, frame in files])
    return pd.DataFrame(columns, copy=False)


def _coded(texts: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(code of each row, distinct texts) of a text column, categorical or not."""
    if isinstance(texts.dtype, pd.CategoricalDtype):
        return texts.cat.codes.to_numpy(), np.asarray(texts.cat.categories, dtype=object)
    codes, distinct = pd.factorize(texts.to_numpy(dtype=object), use_na_sentinel=False)
    return codes, np.asarray(distinct, dtype=object)


def _with_catalogue_source(rows: pd.DataFrame, catalogue_sources: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """The source column of a file's rows (as _coded gives it), a blank one replaced by the
    source the catalogue gives the row's indicator (blank if none), looked up once per indicator."""
    codes, distinct = _coded(rows["source"])
    blank = np.flatnonzero(distinct == "")
    if not len(blank):
        return codes, distinct
    indicator_codes, indicators = _coded(rows["indicator"])
    sources = pd.Series(indicators, dtype=object).map(catalogue_sources).fillna("").to_numpy(dtype=object)
    # As wide integers: the codes of a categorical can be 8-bit, and these count past both lists.
    codes, indicator_codes = codes.astype(np.int64), indicator_codes.astype(np.int64)
    return np.where(codes == blank[0], len(distinct) + indicator_codes, codes), np.concatenate([distinct, sources])


def _merged_texts(coded: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """One text column (object) from each file's (codes, distinct texts)."""
    # The texts of all files, each once; `where` maps each file's codes into them.
    where, texts = pd.factorize(np.concatenate([distinct for _, distinct in coded]), use_na_sentinel=False)
    texts = np.asarray(texts, dtype=object)
    merged = np.empty(sum(len(codes) for codes, _ in coded), dtype=object)
    start = offset = 0
    for codes, distinct in coded:
        merged[start:start + len(codes)] = texts.take(where[offset:offset + len(distinct)].take(codes))
        start, offset = start + len(codes), offset + len(distinct)
    return merged


def _repeated_keys(combined: pd.DataFrame, hashes: np.ndarray) -> np.ndarray:
    """True for each row whose key an earlier row already has (each file was checked for repeats
    within itself, so these are keys given by two files)."""
    repeated = np.zeros(len(combined), dtype=bool)
    ordered = np.sort(hashes)
    if not (ordered[1:] == ordered[:-1]).any():
        return repeated
    # Equal hashes only make rows candidates; their keys decide.
    candidates = pd.Series(hashes).duplicated(keep=False).to_numpy()
    repeated[candidates] = combined.loc[candidates, list(c.KEY_COLUMNS)].duplicated(keep="first").to_numpy()
    return repeated


def _key_text(row) -> str:
    text = f"{row.indicator} {row.country} {row.year}"
    extras = [f"{k} {getattr(row, k)}" for k in ("partner", "region", "sex") if getattr(row, k)]
    return text + (f" ({', '.join(extras)})" if extras else "")


def _with_introduced(indicators: pd.DataFrame, introduced: list[pd.DataFrame]) -> pd.DataFrame:
    introduced = [frame for frame in introduced if len(frame)]
    if not introduced:
        return indicators
    new = pd.concat(introduced, ignore_index=True).drop_duplicates("id")
    new = new[~new["id"].isin(indicators["id"])]
    return pd.concat([indicators, new], ignore_index=True).fillna("")


def _wrong_kind(name: str, expected_key: str) -> c.FileReport:
    report = c.FileReport(file=name, kind="unknown")
    report.problems.append(c.Problem(
        name, "wrong-file-type", c.ERROR, Phrase(expected_key),
        Phrase("problems.wrong-file-type.fix"), value=Path(name).suffix))
    return report
