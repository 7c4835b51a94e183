"""The two catalogues that travel with the data: sources (who published what) and indicators."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from components import contract as c
from components.i18n import Phrase

INDICATOR_COLUMNS = (
    "id", "label", "definition", "unit", "migration_type", "measure", "source_id", "estimate",
    "time_basis", "min_value", "max_value", "denominator", "notes", "series", "edition",
)
# Columns a catalogue may leave out (read as empty): catalogues written before editions existed.
OPTIONAL_INDICATOR_COLUMNS = ("series", "edition")
SOURCE_COLUMNS = (
    "id", "short", "publisher", "dataset", "edition", "url", "licence", "credit", "date_accessed", "notes",
)


def read_catalogue(path: Path, columns: tuple[str, ...]) -> tuple[pd.DataFrame, c.FileReport]:
    """Read a catalogue CSV; a broken catalogue is reported and read as empty, never raised."""
    try:
        raw = path.read_bytes()
    except OSError:
        raw = None
    return read_catalogue_bytes(raw, f"{path.parent.name}/{path.name}", columns)


def read_catalogue_bytes(raw: bytes | None, name: str, columns: tuple[str, ...]
                         ) -> tuple[pd.DataFrame, c.FileReport]:
    """The same from bytes already in memory; None means the file is missing."""
    report = c.FileReport(file=name, kind="catalogue")
    empty = pd.DataFrame(columns=list(columns))
    try:
        if raw is None:
            raise ValueError(Phrase("problems.values.file_missing"))
        frame = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False,
                            encoding="utf-8-sig")
    except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        reason = error.args[0] if error.args and isinstance(error.args[0], Phrase) else str(error)
        report.problems.append(c.Problem(name, "unreadable", c.ERROR,
                                         Phrase("problems.catalogue-unreadable.expected"),
                                         Phrase("problems.catalogue-unreadable.fix", reason=reason)))
        return empty, report
    for column in OPTIONAL_INDICATOR_COLUMNS:
        if column in columns and column not in frame.columns:
            frame[column] = ""
    missing = [col for col in columns if col not in frame.columns]
    if missing:
        report.problems.append(c.Problem(name, "missing-column", c.ERROR,
                                         Phrase("problems.missing-column.expected",
                                                columns=", ".join(columns)),
                                         Phrase("problems.catalogue-missing-column.fix"), row=1,
                                         column=", ".join(missing)))
        return empty, report
    duplicated = frame["id"].duplicated()
    for index in frame.index[duplicated]:
        report.problems.append(c.Problem(name, "duplicate-id", c.WARNING,
                                         Phrase("problems.duplicate-id.expected"),
                                         Phrase("problems.duplicate-id.fix"),
                                         row=int(index) + 2, column="id",
                                         value=frame.at[index, "id"]))
    frame = frame[~duplicated].reset_index(drop=True)
    report.rows_loaded = len(frame)
    report.rows_rejected = int(duplicated.sum())
    return frame[list(columns)], report
