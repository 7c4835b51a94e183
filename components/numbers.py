"""Numbers as Excel writes them in the region: decide a file's decimal mark once, then read every cell by it.

Serbian, Macedonian, Bulgarian and Romanian Excel writes `1.250.451` and `12,5`; English Excel
writes `1,250,451` and `12.5`; both may group thousands with a space. A cell such as `1,250`
means 1.25 in the first and 1250 in the second, so one file must not be read with two rules:
the decimal mark is decided per file from the cells that can only be read one way, and only
when no cell tells, from the separator (Excel uses `;` between cells where the decimal mark
is a comma).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from components.i18n import Phrase

_SPACES = re.compile(r"[\u00a0\u202f\u2009 ]")  # Excel's thousands "space" is often a no-break space
_NUMERIC_LOOKING = re.compile(r"[-+]?[\d., ]*\d[\d., ]*")
_PLAIN_INTEGER = re.compile(r"[-+]?\d+")
WHOLE_NUMBERS = "detected.numbers.whole"
# The decimal mark was not shown by any value: the separator decided it (see _undecided).
ASSUMED = ("detected.numbers.assumed", "detected.numbers.assumed_semicolon")


@dataclass(frozen=True)
class NumberFormat:
    decimal: str  # "." or ","
    basis: str  # why we decided so, for the report (a Phrase)
    example: str = ""  # the cell that decided it
    example_row: int | None = None

    @property
    def thousands(self) -> str:
        return "," if self.decimal == "." else "."

    @property
    def assumed(self) -> bool:
        return getattr(self.basis, "key", "") in ASSUMED

    @property
    def describe(self) -> str:
        return Phrase("detected.numbers.point" if self.decimal == "." else "detected.numbers.comma")

    @property
    def example_text(self) -> str:
        return Phrase("detected.numbers.example_point" if self.decimal == "."
                      else "detected.numbers.example_comma")

    @property
    def report(self) -> str:
        """One line for the validation report: what we read and why."""
        if getattr(self.basis, "key", "") == WHOLE_NUMBERS:
            return self.basis
        if self.example:
            if self.example_row:
                return Phrase("detected.numbers.from_example_row", format=self.describe,
                              example=self.example, row=self.example_row)
            return Phrase("detected.numbers.from_example", format=self.describe, example=self.example)
        return Phrase("detected.numbers.because", format=self.describe, basis=self.basis)

    @property
    def pattern(self) -> re.Pattern:
        t, d = re.escape(self.thousands), re.escape(self.decimal)
        return re.compile(rf"[-+]?(?:\d{{1,3}}(?:{t}\d{{3}})+|\d{{1,3}}(?: \d{{3}})+|\d+)"
                          rf"(?:{d}\d+)?(?:[eE][-+]?\d+)?")


def clean_cell(text: str) -> str:
    """Trim, unify the spaces Excel uses between thousands, and the typographic minus sign."""
    return _SPACES.sub(" ", str(text)).strip().replace("\u2212", "-")


def decimal_evidence(cell: str) -> str | None:
    """The decimal mark a cell proves ("." or ","), or None when it could be read either way."""
    cell = clean_cell(cell)
    if not _NUMERIC_LOOKING.fullmatch(cell) or _PLAIN_INTEGER.fullmatch(cell):
        return None
    body = cell.lstrip("+-")
    if "." in body and "," in body:
        return "," if body.rfind(",") > body.rfind(".") else "."
    for mark, other in ((",", "."), (".", ",")):
        if body.count(mark) >= 2:
            return other  # a mark that repeats separates thousands
        if body.count(mark) == 1:
            whole, fraction = body.split(mark)
            if " " in whole:
                return mark  # spaces group the thousands, so this mark is the decimal one
            # "1,250" could be either; "12,5", "0,250" and "1250,451" cannot be thousands.
            if len(fraction) != 3 or whole in ("", "0") or len(whole) > 3:
                return mark
    return None


def read_either_way(cell: str, number_format: NumberFormat) -> bool:
    """Whether an assumed decimal mark gave this cell three decimals: '250.451', read as 250.451,
    is 250451 if the '.' groups thousands (as Serbian Excel writes it), and nothing in the file
    tells which. Such a value is loaded as read, with a warning naming it."""
    if not number_format.assumed:
        return False
    cell = clean_cell(cell)
    return (number_format.decimal in cell and bool(_NUMERIC_LOOKING.fullmatch(cell))
            and decimal_evidence(cell) is None)


def detect(cells: Iterable[tuple[int | None, str]], delimiter: str | None) -> NumberFormat:
    """Decide a file's decimal mark from (row number, cell) pairs; the majority of proofs wins."""
    votes = {".": [], ",": []}
    separated = False
    for row, cell in cells:
        if cell.isdigit():
            continue  # the common case, and it proves nothing
        mark = decimal_evidence(cell)
        if mark:
            votes[mark].append((row, clean_cell(cell)))
        separated = separated or not cell.strip().lstrip("-").isdigit()
    if votes["."] or votes[","]:
        mark = "," if len(votes[","]) > len(votes["."]) else "."
        row, example = votes[mark][0]
        return NumberFormat(mark, Phrase("detected.numbers.seen"), example, row)
    return _undecided(separated, delimiter)


def detect_distinct(distinct: Sequence[str], codes: np.ndarray, rows: np.ndarray,
                    delimiter: str | None) -> NumberFormat:
    """detect() for cells given as distinct texts and, per cell in order, the code of its text and
    its row number: each distinct text is judged once, the votes are counted by code."""
    marks = np.zeros(len(distinct), dtype=np.int8)  # 1: proves ".", 2: proves ","
    separates = np.zeros(len(distinct), dtype=bool)
    for code, cell in enumerate(distinct):
        if cell.isdigit():
            continue
        marks[code] = {".": 1, ",": 2}.get(decimal_evidence(cell), 0)
        separates[code] = not cell.strip().lstrip("-").isdigit()
    votes = marks[codes]
    points, commas = int((votes == 1).sum()), int((votes == 2).sum())
    if points or commas:
        mark = "," if commas > points else "."
        first = int(np.argmax(votes == (2 if mark == "," else 1)))
        return NumberFormat(mark, Phrase("detected.numbers.seen"), clean_cell(distinct[codes[first]]),
                            int(rows[first]))
    return _undecided(bool(separates[codes].any()), delimiter)


def _undecided(separated: bool, delimiter: str | None) -> NumberFormat:
    """No cell proves a decimal mark: the separator decides, or whole numbers need none."""
    if delimiter == ";":
        return NumberFormat(",", Phrase("detected.numbers.assumed_semicolon"))
    if not separated:
        return NumberFormat(".", Phrase(WHOLE_NUMBERS))
    return NumberFormat(".", Phrase("detected.numbers.assumed"))


def parse(cells: pd.Series, number_format: NumberFormat) -> pd.Series:
    """Floats; NaN where a cell is not a number written in the file's format."""
    text = cells.astype(str)
    # Most cells are plain ("1250451", "12.5"): read those in one vectorised step.
    plain = text.str.fullmatch(r"-?\d+" if number_format.decimal == "," else r"-?\d+(?:\.\d+)?")
    result = pd.to_numeric(text.where(plain), errors="coerce")
    rest = ~plain & (text != "")
    if rest.any():
        other = text[rest].map(clean_cell)
        fits = other.str.fullmatch(number_format.pattern)
        cleaned = other.where(fits, "").str.replace(" ", "", regex=False)
        cleaned = cleaned.str.replace(number_format.thousands, "", regex=False)
        if number_format.decimal == ",":
            cleaned = cleaned.str.replace(",", ".", regex=False)
        result[rest] = pd.to_numeric(cleaned.where(fits), errors="coerce")
    return result.astype(float)


def plain_number(value: float) -> str:
    """A figure with every digit and no exponent, for messages that compare two figures:
    1250451 and 1250452 must not both read '1.25045e+06'."""
    return format(Decimal(repr(float(value))).normalize(), "f")
