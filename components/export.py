"""Downloads that are safe to open in Excel, and a view's table with readable column names.

A view table keeps machine-readable column names (ISO3 codes, indicator id, year, value, unit) in
every language, so a script reads any language's download; only the label columns beside the
codes (country_name, partner_name) and the source line are in the reader's language.
"""

from __future__ import annotations

import pandas as pd

from components.i18n import Texts, english

# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix text that a spreadsheet would run as a formula; numbers (negative too) stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose every text cell and heading a spreadsheet shows as text, never runs."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    return safe


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    # With the byte-order mark Excel reads the file as UTF-8: "Србија" and "România", not mojibake.
    return neutralised(frame).to_csv(index=False).encode("utf-8-sig")


def view_table(frame: pd.DataFrame, *, indicator: str, unit: str, source: str,
               tx: Texts | None = None) -> pd.DataFrame:
    """The rows behind a chart, with names, unit and source on every row so a copy stays honest.

    The rows' own source ids (which name the edition) are kept as source_id beside the source
    line: a reader, and tests/unit/test_editions.py, can see that no series mixes editions."""
    tx = tx or english()
    table = frame.rename(columns={"source": "source_id"})
    for column in ("country", "partner"):
        if column in table:
            table.insert(table.columns.get_loc(column) + 1, f"{column}_name",
                         table[column].map(lambda c: tx.country(c) if c else ""))
    table["indicator"], table["unit"], table["source"] = indicator, unit, source
    return table.reset_index(drop=True)

