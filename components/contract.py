"""The data-file contract: what a file in data/ must look like, and the problems we report.

This module is the single statement of the contract. The README's "Adding or updating data"
section is checked against it by tests/unit/test_docs.py, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

REQUIRED_COLUMNS = ("indicator", "country", "year", "value")
OPTIONAL_COLUMNS = ("partner", "region", "sex", "flag", "note", "source")
# A file may bring an indicator that the catalogue does not know yet, if it says what it is.
NEW_INDICATOR_COLUMNS = ("indicator_label", "unit", "migration_type")
NEW_INDICATOR_OPTIONAL = ("definition", "measure")
ALL_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS + NEW_INDICATOR_COLUMNS + NEW_INDICATOR_OPTIONAL

# One value per key: two rows with the same key are a duplicate.
KEY_COLUMNS = ("indicator", "country", "partner", "region", "sex", "year")

FLAGS = {"e": "estimate", "p": "provisional", "b": "break in series"}
SEXES = {"": "", "total": "", "t": "", "female": "female", "f": "female", "male": "male", "m": "male"}

EARLIEST_YEAR = 1900

# Boundary files: GeoJSON FeatureCollection in EPSG:4326, a code on every feature.
BOUNDARY_CODE_PROPERTY = "code"

# How many problems of one kind we list for one file before summarising the rest.
MAX_LISTED_PER_CHECK = 25

ERROR = "error"  # the whole file is left out
ROW = "row rejected"  # the row is left out, the rest of the file is used
WARNING = "warning"  # the row is used; someone should look


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, phrased so that a clerk can fix it."""

    file: str
    check: str
    severity: str
    expected: str
    fix: str
    row: int | None = None  # spreadsheet row number: the header is row 1
    column: str | None = None
    value: str | None = None

    @property
    def where(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    @property
    def message(self) -> str:
        found = "" if self.value is None else f"found '{_clip(self.value)}'; "
        return f"{self.where}: {found}expected {self.expected}. How to fix: {self.fix}"

    def as_record(self) -> dict:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "check": self.check,
            "severity": self.severity,
            "expected": self.expected,
            "fix": self.fix,
        }


@dataclass
class FileReport:
    """What happened to one file: its status, its row counts and its problems."""

    file: str
    kind: str  # observations | boundaries | catalogue
    rows_loaded: int = 0
    rows_rejected: int = 0
    problems: list[Problem] = field(default_factory=list)
    detected: dict[str, str] = field(default_factory=dict)

    @property
    def status(self) -> str:
        if any(p.severity == ERROR for p in self.problems):
            return "rejected"
        if self.problems:
            return "loaded with warnings"
        return "loaded"

    @property
    def rejected(self) -> bool:
        return self.status == "rejected"


def _clip(text: str, limit: int = 60) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
