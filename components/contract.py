"""The data-file contract: what a file in data/ must look like, and the problems we report.

This module is the single statement of the contract. docs/DATA.md's "Adding or updating data"
section is checked against it by tests/unit/test_docs.py, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from components.i18n import Phrase, Texts, english

REQUIRED_COLUMNS = ("indicator", "country", "year", "value")
OPTIONAL_COLUMNS = ("partner", "region", "sex", "age", "flag", "note", "source")
# A file may bring an indicator that the catalogue does not know yet, if it says what it is.
NEW_INDICATOR_COLUMNS = ("indicator_label", "unit", "migration_type")
NEW_INDICATOR_OPTIONAL = ("definition", "measure")
ALL_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS + NEW_INDICATOR_COLUMNS + NEW_INDICATOR_OPTIONAL

# One value per key: two rows with the same key are a duplicate.
KEY_COLUMNS = ("indicator", "country", "partner", "region", "sex", "age", "year")

FLAGS = {"e": "estimate", "p": "provisional", "b": "break in series"}
SEXES = {"": "", "total": "", "t": "", "female": "female", "f": "female", "male": "male", "m": "male"}
# The words (and Cyrillic letters) the region's tables use, as read with .lower().
SEXES.update({word: "female" for word in (
    "females", "women", "žene", "zene", "ženski", "жене", "женски", "жени", "женско", "femei", "feminin",
    "femra", "gra", "ž", "ж")})
SEXES.update({word: "male" for word in (
    "males", "men", "muškarci", "muskarci", "muški", "мушкарци", "мушки", "мажи", "машко", "мъже",
    "bărbați", "barbati", "bărbaţi", "masculin", "meshkuj", "burra", "м")})
SEXES.update({word: "" for word in ("both sexes", "ukupno", "укупно", "вкупно", "общо", "gjithsej")})
# An age group: "15-19" (from-to, in completed years) or "75+" (open-ended); empty = all ages.
AGE_PATTERN = r"^(\d{1,3})(?:\s*[-–]\s*(\d{1,3})|\s*\+)$"

EARLIEST_YEAR = 1900

# What statistical tables write for "no figure" (World Bank '..', Eurostat ':', a yearbook's '-'):
# read like an empty value cell, the row skipped with a warning, never read as zero.
NO_FIGURE_MARKS = ("..", "...", "…", ":", "-", "–", "—", "n/a", "n.a.", "na")

# Files as staff really make them (see components/file_formats.py and components/numbers.py).
OBSERVATION_SUFFIXES = (".csv", ".xlsx")
BOUNDARY_SUFFIXES = (".geojson", ".json")
# In a workbook we read the sheet with this name, or else the first sheet.
XLSX_SHEET = "data"
# The largest file we read. The biggest curated file is about 1 MB; a 25 MB file is a mistake
# (a whole database export) and reading it would slow every page for every viewer. Bigger files
# are rejected unread. The upload page and server.maxUploadSize in .streamlit/config.toml use the
# same number.
# A megabyte is 1,000,000 bytes here, as the file managers staff use count it (Windows Explorer's
# column aside); Streamlit's uploader counts 1,048,576, so it lets a 25.5 MB file through to our
# check, which then says so in the same MB the file manager shows.
BYTES_PER_MB = 1_000_000
MAX_FILE_MB = 25
MAX_FILE_BYTES = MAX_FILE_MB * BYTES_PER_MB


def megabytes(size: int) -> str:
    """A file's size in MB with one decimal, as a file manager shows it: 31,600,000 bytes -> '31.6'."""
    return f"{size / BYTES_PER_MB:.1f}"

# Every good version of a file is kept here (a hidden folder, so the loader never reads it as
# data); the last few are kept so that staff can roll back and a broken replacement never
# takes a file's figures off the screen.
HISTORY_DIR = ".history"
HISTORY_KEEP = 5

# Boundary files: GeoJSON FeatureCollection in EPSG:4326, a code on every feature.
BOUNDARY_CODE_PROPERTY = "code"

# How many problems of one kind we list for one file before summarising the rest.
MAX_LISTED_PER_CHECK = 25

ERROR = "error"  # the whole file is left out (or its last good version is served)
ROW = "row rejected"  # the row is left out, the rest of the file is used
WARNING = "warning"  # the row is used; someone should look


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, phrased so that a clerk can fix it.

    `expected`, `fix` and a generated `value` are i18n.Phrases, and so are `where` and `message`:
    plain English for logs, tests and exports, said in the reader's language by `message_in(tx)`
    (or by tx.say, e.g. when a message is passed into another text with tx(..., message=...)).
    """

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
        """'data.csv, row 7, column 'value'': the file and column as they are in the file."""
        parts = [self.file]
        if self.row is not None:
            parts.append(Phrase("problems.where.row", row=self.row))
        if self.column:
            parts.append(Phrase("problems.where.column", column=self.column))
        return joined(parts, ", ")

    @property
    def message(self) -> str:
        """Where, what was found, what was expected and how to fix it, as one sentence."""
        texts = {"where": self.where, "expected": self.expected, "fix": self.fix}
        if self.value is None:
            return Phrase("problems.where.message", **texts)
        value = self.value if isinstance(self.value, Phrase) else _clip(self.value)
        return Phrase("problems.where.message_found", value=value, **texts)

    def where_in(self, tx: Texts | None = None) -> str:
        return (tx or english()).say(self.where)

    def message_in(self, tx: Texts | None = None) -> str:
        return (tx or english()).say(self.message)

    def severity_in(self, tx: Texts | None = None) -> str:
        return (tx or english())(SEVERITY_KEYS[self.severity]) if self.severity in SEVERITY_KEYS \
            else self.severity

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
    # Set when the file on disk is broken and an earlier good version of it is served instead:
    # the saved version's label, e.g. "saved 27 Nov 2025 15:40".
    last_good: str | None = None

    @property
    def status(self) -> str:
        if any(p.severity == ERROR for p in self.problems):
            return LAST_GOOD if self.last_good else REJECTED
        if self.problems:
            return WARNINGS
        return LOADED

    @property
    def rejected(self) -> bool:
        return self.status == REJECTED

    @property
    def broken(self) -> bool:
        """The file on disk cannot be used, whether or not an earlier version stands in for it."""
        return self.status in (REJECTED, LAST_GOOD)


LOADED, WARNINGS, REJECTED, LAST_GOOD = (
    "loaded", "loaded with warnings", "rejected", "serving last good version")

# The codes above stay English (logs, tests, exports); these keys say them in the reader's language.
STATUS_KEYS = {LOADED: "status.file.loaded", WARNINGS: "status.file.warnings",
               REJECTED: "status.file.rejected", LAST_GOOD: "status.file.last_good"}
SEVERITY_KEYS = {ERROR: "status.severity.error", ROW: "status.severity.row_rejected",
                 WARNING: "status.severity.warning"}


def status_in(status: str, tx: Texts | None = None) -> str:
    """A FileReport status ('loaded with warnings') in the reader's language."""
    return (tx or english())(STATUS_KEYS[status]) if status in STATUS_KEYS else status


def joined(items: list, separator: str) -> str:
    """Items joined by ', ' or '; ' that stay Phrases, so the whole list is said in any language."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    key = "detected.join.comma" if separator == ", " else "detected.join.semicolon"
    return Phrase(key, first=items[0], rest=joined(items[1:], separator))


def _clip(text: str, limit: int = 60) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
