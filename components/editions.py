"""One edition per series: the check that every chart's, table's and download's rows pass.

Two editions of a source revise each other's years (UN DESA's 2024 edition puts Serbia's
immigrants in 1990 at 1,064,614, the 2020 edition at 99,269): joined in one series they would
draw a jump that never happened. Each table behind a chart carries its rows' source ids, so the
check reads the data itself rather than trusting the page that built it.
"""

from __future__ import annotations

import pandas as pd


def source_ids(cell) -> set[str]:
    """'un_desa_ims2024' or, where a table joined two rows, 'derived | derived_ims2020'."""
    if not isinstance(cell, str):
        return set()
    return {part.strip() for part in cell.split("|") if part.strip()}


def mixed_editions(table: pd.DataFrame, catalogue: pd.DataFrame, *, indicator_column: str = "indicator",
                   source_column: str = "source_id") -> list[str]:
    """What mixes editions in a table, in words; empty when every series has one edition and
    every indicator's rows come from its catalogued source."""
    if table.empty or indicator_column not in table or source_column not in table:
        return []
    meta = catalogue.set_index("id")
    problems = []
    sources_of: dict[str, set[str]] = {}
    for indicator, rows in table.groupby(indicator_column, sort=False):
        found = set().union(*rows[source_column].map(source_ids))
        sources_of[indicator] = found
        expected = meta.at[indicator, "source_id"] if indicator in meta.index else None
        if len(found) > 1:
            problems.append(f"{indicator}: rows from {sorted(found)}")
        elif expected is not None and found and found != {expected}:
            problems.append(f"{indicator}: rows from {sorted(found)}, catalogued as {expected}")
    editions_by_series: dict[str, set[str]] = {}
    for indicator in sources_of:
        if indicator in meta.index and meta.at[indicator, "series"]:
            editions_by_series.setdefault(meta.at[indicator, "series"], set()).add(meta.at[indicator, "edition"])
    if not _side_by_side(table, meta, indicator_column):
        problems += [f"{series}: editions {sorted(found)} in one table"
                     for series, found in editions_by_series.items() if len(found) > 1]
    return problems


def _side_by_side(table: pd.DataFrame, meta: pd.DataFrame, indicator_column: str) -> bool:
    """Editions shown side by side, each its own line (the corridor card's stock): every row says
    which edition it is, and that is its indicator's edition. Such a table compares editions; it
    never joins them into one series."""
    if "edition" not in table:
        return False
    for indicator, rows in table.groupby(indicator_column, sort=False):
        if indicator in meta.index and meta.at[indicator, "series"]:
            if set(rows["edition"].astype(str)) != {str(meta.at[indicator, "edition"])}:
                return False
    return True
