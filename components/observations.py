"""Read one observation file (CSV or .xlsx, from its bytes) and check it against the contract, row by row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from components import contract as c
from components import numbers
from components.checked_files import shared_strings
from components.countries import country_name, is_total, resolve_country
from components.file_formats import header_changes, normalise_header, read_table
from components.i18n import Phrase, english

OBSERVATION_COLUMNS = list(c.KEY_COLUMNS) + ["value", "flag", "note", "source"]
# Each checked row's number in its file as a spreadsheet shows it (the header is row 1), kept with
# the file's rows (4 bytes a row) so that a conflict between two files can name both rows.
SOURCE_ROW = "row"
# A 64-bit hash of each row's key, computed once per file version (and kept with its checked
# rows): finding keys repeated across files then compares numbers, not six text columns. The
# vectorised checks (components/checked_columns.py) add it to the rows they return.
KEY_HASH = "key_hash"
# How many country-name readings the report lists for one file.
MAX_LISTED_MAPPINGS = 12
COUNTRY_READ_AS = "detected.country_read_as"


class Collector:
    """Gathers the problems of one file, listing at most a few of each kind."""

    def __init__(self, report: c.FileReport):
        self.report = report
        self.counts: dict[str, int] = {}

    def add(self, check: str, severity: str, expected: str, fix: str, **where) -> None:
        self.counts[check] = self.counts.get(check, 0) + 1
        if self.counts[check] <= c.MAX_LISTED_PER_CHECK:
            self.report.problems.append(
                c.Problem(self.report.file, check, severity, expected, fix, **where)
            )

    def rows(self, frame: pd.DataFrame, mask: pd.Series, column: str, **text) -> None:
        for index in frame.index[mask]:
            self.add(column=column, row=int(index) + 2, value=str(frame.at[index, column]), **text)

    def summarise(self) -> None:
        for check, count in self.counts.items():
            if count > c.MAX_LISTED_PER_CHECK:
                first = next(p for p in self.report.problems if p.check == check)
                self.report.problems.append(
                    c.Problem(
                        self.report.file, check, first.severity,
                        first.expected,
                        Phrase("problems.more_rows.fix", count=count - c.MAX_LISTED_PER_CHECK),
                    )
                )


def read_observation_file(
    path: Path, indicators: pd.DataFrame, name: str | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, c.FileReport]:
    """Return (valid rows, indicators this file introduces, report). Never raises on bad content."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        report = c.FileReport(file=name or path.name, kind="observations")
        report.problems.append(c.Problem(report.file, "unreadable", c.ERROR,
                                         Phrase("problems.unreadable.expected"),
                                         Phrase("problems.unreadable.fix", reason=error.strerror)))
        return empty_rows(), pd.DataFrame(), report
    return read_observations(raw, name or path.name, indicators)


def empty_rows() -> pd.DataFrame:
    return pd.DataFrame(columns=OBSERVATION_COLUMNS)


def read_observations(raw: bytes, name: str, indicators: pd.DataFrame, vectorised: bool = True,
                      compact: bool = False) -> tuple[pd.DataFrame, pd.DataFrame, c.FileReport]:
    """The same as read_observation_file, from bytes already in memory (see components/snapshot.py).

    Vectorised (the default): the file is read by pyarrow and every check is made once
    per distinct text of a column (components/checked_columns.py); only the rows that fail a
    check go through the row-by-row checks below, which word the problems. `vectorised=False`
    reads and checks every row in Python: the reference the vectorised path must agree with
    (tests/unit/test_checked_columns.py).

    `compact` (the dataset's loader): the vectorised rows' text columns stay categorical, each
    distinct text once and a small code per row, instead of one object pointer per cell. At 100x
    the shipped data that is some 20 MB instead of 600 MB of new memory, and a kept check result
    (components/checked_files.py) written and read back in a fraction of the time. Merging the
    files makes the usual text columns (dataset._stacked)."""
    report = c.FileReport(file=name, kind="observations")
    problems = Collector(report)
    empty = empty_rows()
    frame, delimiter = _parse_table(raw, problems, c.ALL_COLUMNS, fast=vectorised)
    if frame is None:
        return empty, pd.DataFrame(), report
    missing = [col for col in c.REQUIRED_COLUMNS if col not in frame.columns]
    if missing:
        years = _year_columns(frame.columns) if "year" in missing else []
        fix = (Phrase("problems.missing-column.fix_years_across",
                      years=", ".join(years[:3]) + (", …" if len(years) > 3 else ""))
               if len(years) >= 2 else Phrase("problems.missing-column.fix", names="', '".join(missing)))
        problems.add("missing-column", c.ERROR,
                     Phrase("problems.missing-column.expected", columns=", ".join(c.REQUIRED_COLUMNS)),
                     fix, row=1, column=", ".join(missing))
        return empty, pd.DataFrame(), report
    for extra in [col for col in frame.columns if col not in c.ALL_COLUMNS]:
        problems.add("unknown-column", c.WARNING, Phrase("problems.unknown-column.expected"),
                     Phrase("problems.unknown-column.fix", columns=", ".join(c.ALL_COLUMNS)),
                     row=1, column=extra)
    if frame.empty:
        problems.add("header-only", c.ERROR, Phrase("problems.header-only.expected"),
                     Phrase("problems.header-only.fix"), row=2)
        return empty, pd.DataFrame(), report
    for repeated in frame.columns[frame.columns.duplicated()]:
        problems.add("duplicate-column", c.WARNING, Phrase("problems.duplicate-column.expected"),
                     Phrase("problems.duplicate-column.fix"), row=1, column=repeated)
    frame = frame.loc[:, ~frame.columns.duplicated()]
    if vectorised:
        from components.checked_columns import checked  # it builds on this module's row checks

        valid, introduced = checked(frame, indicators, problems, delimiter)
        if not compact:
            valid = texts_as_objects(valid)
    else:
        valid, introduced = _validate_rows(tidy_cells(frame), indicators, problems, delimiter)
    problems.summarise()
    report.rows_loaded = len(valid)
    report.rows_rejected = len(frame) - len(valid)
    if report.rows_loaded == 0 and not report.rejected:
        problems.add("no-valid-rows", c.ERROR, Phrase("problems.no-valid-rows.expected"),
                     Phrase("problems.no-valid-rows.fix"))
    if report.rejected:
        return empty, pd.DataFrame(), report
    return valid, introduced, report


def _year_columns(columns) -> list[str]:
    """Header cells that are years: a table laid out as statistical offices publish it, a column per year."""
    return [str(name) for name in columns
            if str(name).isdigit() and c.EARLIEST_YEAR <= int(name) <= dt.date.today().year + 1]


def texts_as_objects(rows: pd.DataFrame) -> pd.DataFrame:
    """Compact rows (read_observations) as valid_rows shapes them: categorical text columns
    as plain text columns, each repeated text still one shared object."""
    for col in rows.columns:
        if isinstance(rows[col].dtype, pd.CategoricalDtype):
            rows[col] = np.asarray(rows[col].cat.categories, dtype=object).take(rows[col].cat.codes.to_numpy())
    return rows


def tidy_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Every contract column as trimmed text, an absent optional column empty everywhere."""
    frame = frame.copy()
    for col in c.ALL_COLUMNS:
        if col not in frame.columns:
            frame[col] = ""  # an absent optional column: empty everywhere, nothing to tidy
        else:
            # A plain loop: pandas' .str.strip() costs twice as much per cell.
            values = frame[col].tolist()
            try:
                frame[col] = [text.strip() for text in values]
            except AttributeError:  # a cell that is not text: None, or a number from a workbook
                frame[col] = [tidy_cell(text) for text in values]
    return frame


def _parse_table(raw: bytes, problems: Collector, known_columns, fast: bool = False):
    """(frame of text cells named as in the contract, index + 2 = spreadsheet row; separator).
    With `fast`, a CSV file's columns may come back categorical (file_formats.read_table)."""
    table = read_table(raw, problems, known_columns, fast=fast)
    if table is None:
        return None, None
    problems.report.detected.update(table.detected)
    changes = header_changes(table.header)
    if changes:
        problems.report.detected["header"] = changes
    columns = [normalise_header(cell) for cell in table.header]
    if table.frame is not None:
        frame = table.frame.set_axis(columns, axis=1).set_axis(table.frame.index - 2, axis=0)
    else:
        frame = pd.DataFrame(table.rows, columns=columns, dtype=str,
                             index=[number - 2 for number in table.row_numbers])
    return frame, table.delimiter


def parse_csv(raw: bytes, problems: Collector) -> pd.DataFrame | None:
    """Kept for readers of other files (components/actors.py): the header as found in the file."""
    table = read_table(raw, problems)
    if table is None:
        return None
    problems.report.detected.update(table.detected)
    return pd.DataFrame(table.rows, columns=table.header, dtype=str,
                        index=[number - 2 for number in table.row_numbers])


def _validate_rows(frame, indicators, problems, delimiter) -> tuple[pd.DataFrame, pd.DataFrame]:
    tidy, bad = rows_checked_one_by_one(frame, indicators, problems, delimiter)
    known = set(indicators["id"]) if "id" in indicators else set()
    return valid_rows(tidy[~bad]), new_indicators(frame[~bad], known)


def rows_checked_one_by_one(frame, indicators, problems, delimiter, number_format=None,
                            mappings: bool = True) -> tuple[pd.DataFrame, pd.Series]:
    """(tidy rows, which are rejected), each problem listed with its row, column and value.

    The vectorised checks (components/checked_columns.py) call this with only the rows that
    fail, and with what depends on the whole file decided already: the number format and the
    country-name readings (`mappings=False`)."""
    bad = pd.Series(False, index=frame.index)
    this_year = dt.date.today().year

    def reject(mask, column, check, expected=None, fix=None, severity=c.ROW, drop=None):
        nonlocal bad
        mask = mask & ~bad
        # Most checks say the same whatever the row: their texts are keyed by the check's name.
        expected = expected or Phrase(f"problems.{check}.expected")
        fix = fix or Phrase(f"problems.{check}.fix")
        problems.rows(frame, mask, column, check=check, severity=severity, expected=expected, fix=fix)
        if drop or (drop is None and severity != c.WARNING):
            bad = bad | mask

    # A blank value is no data: the row is skipped with a warning, never read as zero.
    reject(frame["value"].str.lower().isin(["", *c.NO_FIGURE_MARKS]), "value", "missing-value",
           severity=c.WARNING, drop=True)

    known = set(indicators["id"]) if "id" in indicators else set()
    unknown_indicator = ~frame["indicator"].isin(known)
    described = (frame["indicator_label"] != "") & (frame["unit"] != "") & (frame["migration_type"] != "")
    reject(unknown_indicator & ~described & (frame["indicator"] != ""), "indicator",
           "unknown-indicator")
    reject(frame["indicator"] == "", "indicator", "missing-indicator")

    countries = _resolve_column(frame["country"])
    reject(countries.isna() & frame["country"].map(is_total), "country", "unknown-country",
           fix=Phrase("problems.unknown-country.fix_total"))
    reject(countries.isna(), "country", "unknown-country")
    partners = _resolve_column(frame["partner"])
    reject(partners.isna(), "partner", "unknown-partner")
    if mappings:
        _report_mappings(problems.report, frame, countries, partners, ~bad)

    years = pd.to_numeric(frame["year"], errors="coerce")
    not_integer = years.isna() | (years != years.round())
    reject(not_integer, "year", "bad-year")
    reject(~not_integer & ((years < c.EARLIEST_YEAR) | (years > this_year)), "year",
           "year-out-of-range",
           Phrase("problems.year-out-of-range.expected", first=c.EARLIEST_YEAR, last=this_year))

    if number_format is None:
        number_format = numbers.detect(
            ((int(index) + 2, cell) for index, cell in frame["value"][~bad].items()),
            delimiter)
    problems.report.detected["numbers"] = number_format.report
    values = numbers.parse(frame["value"], number_format)
    reject(values.isna(), "value", "not-a-number",
           Phrase("problems.not-a-number.expected", format=number_format.describe,
                  example=number_format.example_text))
    either_way = values.notna() & frame["value"].map(lambda cell: numbers.read_either_way(cell, number_format))
    reject(either_way, "value", "decimal-mark-assumed",
           Phrase("problems.decimal-mark-assumed.expected", mark=number_format.decimal),
           Phrase("problems.decimal-mark-assumed.fix", mark=number_format.decimal), severity=c.WARNING)
    _check_ranges(frame, values, indicators, reject)

    flags = frame["flag"].str.lower()
    reject(~flags.isin(["", *c.FLAGS]), "flag", "bad-flag")
    sexes = frame["sex"].str.lower()
    reject(~sexes.isin(list(c.SEXES)), "sex", "bad-sex")
    ages = age_groups(frame["age"])
    reject(ages.isna(), "age", "bad-age")

    tidy = pd.DataFrame({
        "indicator": frame["indicator"], "country": countries, "partner": partners,
        "region": frame["region"].str.upper(), "sex": sexes.map(c.SEXES), "age": ages,
        "year": years, "value": values, "flag": flags,
        "note": frame["note"], "source": frame["source"],
    })
    _reject_duplicates(tidy[~bad], tidy.index, reject)
    return tidy, bad


def valid_rows(valid: pd.DataFrame) -> pd.DataFrame:
    """Checked rows as the dataset keeps them: whole years, float values, shared texts, and each
    row's number in the file (SOURCE_ROW)."""
    valid = valid.copy()
    valid["year"] = valid["year"].astype(int)
    valid["value"] = valid["value"].astype(float)
    rows = (valid.index.to_numpy() + 2).astype("int32")
    valid = shared_strings(valid.reset_index(drop=True)[OBSERVATION_COLUMNS])
    valid[SOURCE_ROW] = rows
    return valid


def age_groups(cells: pd.Series) -> pd.Series:
    """'15-19', '15 – 19' and '75+' in one spelling ('15-19', '75+'); empty stays empty, bad is NaN."""
    text = cells.str.strip().str.lower().replace({"total": "", "all": ""})
    parts = text.str.extract(c.AGE_PATTERN)
    start, end = pd.to_numeric(parts[0]), pd.to_numeric(parts[1])
    # int(): the mapped Int64 values arrive as floats, and "0-4.0" would match no age group.
    tidy = start.astype("Int64").astype(str) + end.astype("Int64").map(
        lambda to: "+" if pd.isna(to) else f"-{int(to)}")
    valid = start.notna() & (end.isna() | (end >= start))
    return tidy.where(valid).where(text != "", "")


def _report_mappings(report, frame, countries, partners, usable) -> None:
    """Say how each country name was read, e.g. "country 'Србија' read as SRB (Serbia)"."""
    seen: dict[tuple[str, str], str] = {}
    for column, resolved in (("country", countries), ("partner", partners)):
        pairs = pd.DataFrame({"text": frame[column], "iso3": resolved})[usable & resolved.notna()]
        for text, iso3 in pairs.drop_duplicates().itertuples(index=False):
            if text and text.strip().upper() != iso3:
                seen.setdefault((column, text), iso3)
    report_names_read(report, seen)


def report_names_read(report, seen: dict[tuple[str, str], str]) -> None:
    """The readings {(column, text as in the file): ISO3}, in the order first met, in the report."""
    if not seen:
        return
    # The country's name is said in the reader's language on display (validation_report.say).
    lines = [Phrase(COUNTRY_READ_AS, column=column, text=text, iso3=iso3, name=country_name(iso3))
             for (column, text), iso3 in list(seen.items())[:MAX_LISTED_MAPPINGS]]
    if len(seen) > MAX_LISTED_MAPPINGS:
        lines.append(Phrase("detected.more_names", count=len(seen) - MAX_LISTED_MAPPINGS))
    report.detected["countries"] = c.joined(lines, "; ")


def _check_ranges(frame, values, indicators, reject) -> None:
    if indicators.empty or "min_value" not in indicators:
        return
    limits = indicators.set_index("id")
    low = pd.to_numeric(frame["indicator"].map(limits["min_value"]), errors="coerce")
    high = pd.to_numeric(frame["indicator"].map(limits["max_value"]), errors="coerce")
    unit = frame["indicator"].map(limits["unit"]).fillna("")
    below = values.notna() & low.notna() & (values < low)
    above = values.notna() & high.notna() & (values > high)
    for mask, word in ((below, "negative-value"), (above, "value-out-of-range")):
        if not mask.any():
            continue
        index = mask[mask].index[0]
        reject(mask, "value", word,
               Phrase("problems.value-range.expected", low=_limit(low[index]),
                      high=_limit(high[index]), unit=unit_phrase(unit[index])),
               Phrase("problems.value-range.fix"))


def _limit(number: float) -> str:
    return "…" if pd.isna(number) else f"{number:g}"


def unit_phrase(unit: str):
    """A catalogue unit as a Phrase when the string files know it, so it is said in any language."""
    return Phrase(f"units.{unit}") if unit and english().get(f"units.{unit}") is not None else unit


def _reject_duplicates(candidates: pd.DataFrame, index: pd.Index, reject) -> None:
    keys = list(c.KEY_COLUMNS)
    duplicated = candidates.duplicated(keys, keep=False)
    if not duplicated.any():
        return
    in_group = candidates[duplicated]
    conflicting = in_group.groupby(keys, dropna=False)["value"].transform("nunique") > 1
    conflict_rows = conflicting[conflicting].index
    repeats = candidates.duplicated(keys, keep="first")
    repeat_rows = repeats[repeats].index.difference(conflict_rows)
    reject(pd.Series(index.isin(conflict_rows), index=index), "value", "duplicate-conflict")
    reject(pd.Series(index.isin(repeat_rows), index=index), "value", "duplicate-row",
           severity=c.WARNING, drop=True)


def new_indicators(frame: pd.DataFrame, known: set[str]) -> pd.DataFrame:
    new = frame[~frame["indicator"].isin(known) & (frame["indicator_label"] != "")]
    if new.empty:
        return pd.DataFrame()
    described = new.drop_duplicates("indicator")
    return pd.DataFrame({
        "id": described["indicator"], "label": described["indicator_label"],
        "unit": described["unit"], "migration_type": described["migration_type"],
        "definition": described["definition"], "measure": described["measure"],
        "source_id": described["source"], "estimate": "no", "time_basis": "as given in the file",
    }).reset_index(drop=True)


_RESOLVED: dict[str, str | None] = {}


def tidy_cell(text) -> str:
    if isinstance(text, str):
        return text.strip()
    return "" if text is None or text != text else str(text).strip()  # None/NaN → "", numbers → text


def resolve_countries(texts) -> dict:
    """{text: ISO3, or None when not a country we know}; "" stays "" (no partner)."""
    return {text: ("" if text == "" else _resolve_cached(text)) for text in texts}


def _resolve_column(column: pd.Series) -> pd.Series:
    """ISO3 for every cell, resolving each distinct spelling once; "" stays "" (no partner)."""
    return column.map(resolve_countries(column.unique()))


def _resolve_cached(text: str) -> str | None:
    if text not in _RESOLVED:
        _RESOLVED[text] = resolve_country(text)
    return _RESOLVED[text]
