"""The observation checks made column by column, once per distinct text, not once per cell.

A file of 300,000 rows holds a few thousand distinct texts per column at most (indicators,
countries, years, flags; values repeat less, but still). So each column is split into its
distinct texts and, per row, the code of its text; every check of components/observations.py
is made on the distinct texts and spread back to the rows with the codes, in numpy. Rows that
fail any check, and rows whose key another row repeats, then go through the row-by-row checks
(observations.rows_checked_one_by_one), which word every problem with its row, column, value,
expectation and fix exactly as before. A clean file never reaches them.

What depends on the whole file is decided here, as the row-by-row checks would decide it over
all rows: the decimal mark (numbers.detect_distinct) and how country names were read.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from components import contract as c
from components import numbers
from components.observations import (KEY_HASH, OBSERVATION_COLUMNS, SOURCE_ROW, age_groups, new_indicators,
                                     report_names_read, resolve_countries, rows_checked_one_by_one,
                                     tidy_cell)


class Cells:
    """One column as its distinct trimmed texts and, per row, the position of its text."""

    def __init__(self, codes: np.ndarray, distinct: np.ndarray):
        self.codes, self.distinct = codes, distinct

    @classmethod
    def of(cls, column: pd.Series | None, length: int) -> "Cells":
        if column is None:  # an absent optional column: empty everywhere
            return cls(np.zeros(length, dtype=np.int64), np.array([""], dtype=object))
        if isinstance(column.dtype, pd.CategoricalDtype):
            codes, raw = column.cat.codes.to_numpy(), column.cat.categories.to_numpy(dtype=object)
        else:
            codes, raw = pd.factorize(column.to_numpy(dtype=object), use_na_sentinel=False)
            raw = np.asarray(raw, dtype=object)
        # Trimming can make two texts one ("SRB " and "SRB"): they get one code.
        merged, distinct = pd.factorize(np.array([tidy_cell(text) for text in raw], dtype=object))
        return cls(merged[codes], np.asarray(distinct, dtype=object))

    def per_row(self, per_distinct) -> np.ndarray:
        """A value computed for each distinct text, for each row."""
        return np.asarray(per_distinct)[self.codes]

    def texts(self, rows: np.ndarray | slice = slice(None)) -> np.ndarray:
        return self.distinct[self.codes[rows]]

    def equal(self, text: str) -> np.ndarray:
        return self.per_row(self.distinct == text)


def checked(frame: pd.DataFrame, indicators: pd.DataFrame, problems, delimiter
            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(valid rows, indicators the file introduces), as observations._validate_rows returns them
    for the same frame; the problems go to `problems` in the same order and words."""
    cells = {col: Cells.of(frame[col] if col in frame.columns else None, len(frame)) for col in c.ALL_COLUMNS}
    row_numbers = frame.index.to_numpy() + 2
    known = set(indicators["id"]) if "id" in indicators else set()

    # The checks in the order the row-by-row checks make them; `failed` is every row one rejects.
    value, indicator = cells["value"], cells["indicator"]
    missing_value = value.per_row([text.lower() in ("", *c.NO_FIGURE_MARKS) for text in value.distinct])
    described = ~cells["indicator_label"].equal("") & ~cells["unit"].equal("") & ~cells["migration_type"].equal("")
    unknown = ~indicator.per_row([text in known for text in indicator.distinct])
    failed = missing_value | (unknown & ~described & ~indicator.equal("")) | indicator.equal("")

    resolved = {col: resolve_countries(cells[col].distinct) for col in ("country", "partner")}
    iso3 = {col: np.array([resolved[col][text] for text in cells[col].distinct], dtype=object)
            for col in resolved}
    for col in resolved:
        failed |= cells[col].per_row(pd.isna(iso3[col]))
    report_names_read(problems.report, _names_read(cells, iso3, ~failed))

    year_cells = cells["year"]
    years = pd.to_numeric(pd.Series(year_cells.distinct, dtype=object), errors="coerce").to_numpy(dtype=float)
    not_integer = np.isnan(years) | (years != np.round(years))
    with np.errstate(invalid="ignore"):
        out_of_range = (years < c.EARLIEST_YEAR) | (years > dt.date.today().year)
    failed |= year_cells.per_row(not_integer | out_of_range)

    usable = np.flatnonzero(~failed)
    number_format = numbers.detect_distinct(value.distinct, value.codes[usable], row_numbers[usable], delimiter)
    values = numbers.parse(pd.Series(value.distinct, dtype=object), number_format).to_numpy()
    row_values = value.per_row(values)
    failed |= np.isnan(row_values) | _out_of_limits(row_values, indicator, indicators)

    flags = np.array([text.lower() for text in cells["flag"].distinct], dtype=object)
    failed |= ~cells["flag"].per_row(pd.Series(flags).isin(["", *c.FLAGS]))
    sexes = np.array([text.lower() for text in cells["sex"].distinct], dtype=object)
    failed |= ~cells["sex"].per_row(pd.Series(sexes).isin(list(c.SEXES)))
    ages = age_groups(pd.Series(cells["age"].distinct, dtype=object)).to_numpy(dtype=object)
    failed |= cells["age"].per_row(pd.isna(ages))

    tidy = {
        "indicator": indicator.distinct, "country": iso3["country"], "partner": iso3["partner"],
        "region": np.array([text.upper() for text in cells["region"].distinct], dtype=object),
        "sex": np.array([c.SEXES.get(text, np.nan) for text in sexes], dtype=object), "age": ages,
        "year": years, "value": values, "flag": flags,
        "note": cells["note"].distinct, "source": cells["source"].distinct,
    }
    # Values an assumed decimal mark read with three decimals get a warning, worded row by row.
    either_way = value.per_row([numbers.read_either_way(text, number_format) for text in value.distinct])
    one_by_one = failed | _repeated_keys(cells, tidy, ~failed) | (either_way & ~np.isnan(row_values))
    rejected = np.zeros(len(frame), dtype=bool)
    if one_by_one.any():
        rejected[one_by_one] = _rows_one_by_one(frame.index[one_by_one], cells, one_by_one, indicators,
                                                problems, delimiter, number_format)
    else:
        problems.report.detected["numbers"] = number_format.report
    kept = np.flatnonzero(~rejected)
    return _valid(cells, tidy, kept, row_numbers), _introduced(cells, kept, known)


def _names_read(cells: dict[str, Cells], iso3: dict[str, np.ndarray], usable: np.ndarray) -> dict:
    """{(column, text): ISO3} for every name that was not already an ISO3 code, in row order."""
    seen: dict[tuple[str, str], str] = {}
    for col, codes_iso3 in iso3.items():
        column = cells[col]
        rows = usable & column.per_row(pd.notna(codes_iso3))
        for code in pd.unique(column.codes[rows]):
            text, code_iso3 = column.distinct[code], codes_iso3[code]
            if text and text.strip().upper() != code_iso3:
                seen.setdefault((col, text), code_iso3)
    return seen


def _out_of_limits(row_values: np.ndarray, indicator: Cells, indicators: pd.DataFrame) -> np.ndarray:
    """Values below or above their indicator's limits in the catalogue."""
    if indicators.empty or "min_value" not in indicators:
        return np.zeros(len(row_values), dtype=bool)
    limits = indicators.set_index("id")
    names = pd.Series(indicator.distinct, dtype=object)
    low = indicator.per_row(pd.to_numeric(names.map(limits["min_value"]), errors="coerce").to_numpy(dtype=float))
    high = indicator.per_row(pd.to_numeric(names.map(limits["max_value"]), errors="coerce").to_numpy(dtype=float))
    with np.errstate(invalid="ignore"):
        return (row_values < low) | (row_values > high)  # NaN (no limit, no value) compares False


def _repeated_keys(cells: dict[str, Cells], tidy: dict, candidates: np.ndarray) -> np.ndarray:
    """Rows among the candidates whose key (after tidying: 'Serbia' and 'SRB' are one country)
    another candidate row has too."""
    key = np.zeros(int(candidates.sum()), dtype=np.int64)
    combinations = 1
    for col in c.KEY_COLUMNS:
        # One code per tidy value, so that two spellings of one key compare equal.
        tidy_codes, distinct = pd.factorize(pd.Series(tidy[col]), use_na_sentinel=False)
        combinations *= max(len(distinct), 1)
        if combinations >= 2**62:  # too many to number in one integer: compare column by column
            return _repeated_rows(cells, tidy, candidates)
        key = key * max(len(distinct), 1) + cells[col].per_row(tidy_codes)[candidates]
    repeated = np.zeros(len(candidates), dtype=bool)
    repeated[candidates] = pd.Series(key).duplicated(keep=False).to_numpy()
    return repeated


def _repeated_rows(cells: dict[str, Cells], tidy: dict, candidates: np.ndarray) -> np.ndarray:
    keys = {col: cells[col].per_row(pd.factorize(pd.Series(tidy[col]), use_na_sentinel=False)[0])[candidates]
            for col in c.KEY_COLUMNS}
    repeated = np.zeros(len(candidates), dtype=bool)
    repeated[candidates] = pd.DataFrame(keys).duplicated(keep=False).to_numpy()
    return repeated


def _rows_one_by_one(index: pd.Index, cells: dict[str, Cells], rows: np.ndarray, indicators, problems,
                     delimiter, number_format) -> np.ndarray:
    """The row-by-row checks for these rows only: their problems, and which are rejected."""
    frame = pd.DataFrame({col: cells[col].texts(rows) for col in c.ALL_COLUMNS}, index=index)
    _, bad = rows_checked_one_by_one(frame, indicators, problems, delimiter,
                                     number_format=number_format, mappings=False)
    return bad.to_numpy()


def _valid(cells: dict[str, Cells], tidy: dict, kept: np.ndarray, row_numbers: np.ndarray) -> pd.DataFrame:
    """The rows kept, as observations.valid_rows shapes them but with every text column
    categorical (see observations.read_observations, `compact`), and the hash of each row's key
    (KEY_HASH, as the dataset would compute it, see dataset._key_hash)."""
    valid = pd.DataFrame(index=pd.RangeIndex(len(kept)))
    for col in OBSERVATION_COLUMNS:  # one block per column: no copy into one 2-D block
        if col in ("year", "value"):
            valid[col] = np.asarray(tidy[col])[cells[col].codes[kept]].astype(int if col == "year" else float)
        else:
            valid[col] = _kept_texts(tidy[col], cells[col].codes[kept])
    valid[SOURCE_ROW] = (row_numbers[kept]).astype("int32")
    # pandas hashes a categorical column as it hashes the same values as text: each distinct
    # key text is hashed once.
    valid[KEY_HASH] = pd.util.hash_pandas_object(valid[list(c.KEY_COLUMNS)], index=False).to_numpy()
    return valid


def _kept_texts(per_distinct, codes: np.ndarray) -> pd.Categorical:
    """The tidy text of each kept row, from the tidy text of each distinct cell (two cells may
    tidy to one text: 'Serbia' and 'SRB'), with only the texts these rows use as categories."""
    tidy_codes, distinct = pd.factorize(pd.Series(per_distinct, dtype=object), use_na_sentinel=False)
    per_row = tidy_codes[codes]
    used = np.bincount(per_row, minlength=len(distinct)) > 0  # a kept row's text is never missing
    return pd.Categorical.from_codes((np.cumsum(used) - 1)[per_row], np.asarray(distinct, dtype=object)[used],
                                     validate=False)


def _introduced(cells: dict[str, Cells], kept: np.ndarray, known: set[str]) -> pd.DataFrame:
    """observations.new_indicators over the kept rows, given only each new indicator's first row."""
    indicator = cells["indicator"]
    new = ~indicator.per_row([text in known for text in indicator.distinct]) & ~cells["indicator_label"].equal("")
    rows = kept[new[kept]]
    if not len(rows):
        return pd.DataFrame()
    _, first = np.unique(indicator.codes[rows], return_index=True)
    rows = rows[np.sort(first)]
    columns = ("indicator", "indicator_label", "unit", "migration_type", "definition", "measure", "source")
    return new_indicators(pd.DataFrame({col: cells[col].texts(rows) for col in columns}), known)
