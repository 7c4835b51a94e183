"""The two catalogues that travel with the data: sources (who published what) and indicators."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from components import contract as c
from components.file_formats import normalise_header, read_table
from components.i18n import Phrase
from components.observations import Collector

INDICATOR_COLUMNS = (
    "id", "label", "definition", "unit", "migration_type", "measure", "source_id", "estimate",
    "time_basis", "min_value", "max_value", "denominator", "notes", "series", "edition",
    "default_for_type", "headline_order", "compare_order", "profile_fact", "profile_chart_order",
)
# What an indicator does in the app (empty: nothing): opened first for its migration type (yes),
# its place among the Overview's headline figures, the Compare page's panels and a country profile's
# trend charts, which are also the charts a profile slide may show (1, 2, ...), and the fact it
# gives a country profile (one of PROFILE_FACTS).
ROLE_COLUMNS = ("default_for_type", "headline_order", "compare_order", "profile_fact", "profile_chart_order")
# The facts a country profile's sentences know how to say (components/profile.py).
PROFILE_FACTS = ("emigrants", "share_abroad", "immigrants", "population", "net_migration", "remittances_usd",
                 "remittances_gdp", "returns", "returning_nationals", "women_emigrants", "women_immigrants",
                 "oecd_emigrants", "tertiary_share")
# Columns a catalogue may leave out (read as empty): catalogues written before editions or roles existed.
OPTIONAL_INDICATOR_COLUMNS = ("series", "edition") + ROLE_COLUMNS
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
    if raw is None:
        report.problems.append(c.Problem(name, "unreadable", c.ERROR,
                                         Phrase("problems.catalogue-unreadable.expected"),
                                         Phrase("problems.catalogue-unreadable.fix",
                                                reason=Phrase("problems.values.file_missing"))))
        return empty, report
    # Read as observation files are: a catalogue a clerk opened and saved again in Excel comes back
    # with ';' between cells and a BOM, or in Windows-1250/1251 (components/file_formats.py).
    table = read_table(raw, Collector(report), known_columns=columns)
    if table is None:
        return empty, report  # the problem, with its row and fix, is in the report
    header = [normalise_header(cell) for cell in table.header]
    frame = pd.DataFrame(table.rows, columns=header, dtype=str,
                         index=[number - 2 for number in table.row_numbers])
    frame = frame.loc[:, ~frame.columns.duplicated()]
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
    if "profile_fact" in columns:
        _check_roles(frame, name, report)
    report.rows_loaded = len(frame)
    report.rows_rejected = int(duplicated.sum())
    return frame[list(columns)], report


def _role_values(column: str) -> tuple[str, ...] | None:
    """The values a role column accepts besides empty; None: any whole number from 1."""
    return {"default_for_type": ("yes",), "profile_fact": PROFILE_FACTS}.get(column)


def _check_roles(frame: pd.DataFrame, name: str, report: c.FileReport) -> None:
    """A role cell that is not one of its values is reported and left empty: the indicator does not
    take that role, and everything else in the catalogue keeps working."""
    for column in ROLE_COLUMNS:
        allowed = _role_values(column)
        for index, value in frame[column].items():
            value = value.strip()
            good = (value in allowed) if allowed else (value.isascii() and value.isdigit() and int(value) >= 1)
            if value and not good:
                report.problems.append(c.Problem(
                    name, "bad-role", c.WARNING,
                    Phrase("problems.bad-role.expected", allowed=", ".join(allowed or ("1", "2", "3", "…"))),
                    Phrase("problems.bad-role.fix"), row=int(index) + 2, column=column, value=value))
                value = ""
            frame.at[index, column] = value


def default_indicators(indicators: pd.DataFrame) -> dict[str, str]:
    """Migration type -> the indicator opened first for it (the catalogue's default_for_type)."""
    marked = indicators[indicators.get("default_for_type", pd.Series("", index=indicators.index)) == "yes"]
    return dict(zip(marked["migration_type"], marked["id"]))  # a second 'yes' for a type wins


def in_role_order(indicators: pd.DataFrame, column: str) -> tuple[str, ...]:
    """The indicators with an order in `column` (headline_order, compare_order, profile_chart_order), in it."""
    if column not in indicators:
        return ()
    ranked = indicators[indicators[column] != ""]
    order = ranked[column].astype(int)
    return tuple(ranked.assign(_order=order).sort_values("_order", kind="stable")["id"])


def profile_facts(indicators: pd.DataFrame) -> dict[str, str]:
    """Fact name -> indicator, in PROFILE_FACTS order (the catalogue's profile_fact)."""
    if "profile_fact" not in indicators:
        return {}
    named = dict(zip(indicators["profile_fact"], indicators["id"]))
    return {fact: named[fact] for fact in PROFILE_FACTS if fact in named}
