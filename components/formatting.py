"""Numbers and source lines as people read them, in the reader's language."""

from __future__ import annotations

import math

from components.i18n import Texts, english


def format_number(value: float | None, unit: str = "", tx: Texts | None = None) -> str:
    """'1.25 million', '48,810', '33.5%' (English); '1,25 miliona', '48.810', '33,5%' (Serbian).

    A missing value is shown as 'no data', never as 0.
    """
    tx = tx or english()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return tx("common.no_data")
    if unit.startswith("%"):
        return tx("numbers.percent", value=tx.number(value, 1))
    if unit == "rank":
        return tx("numbers.rank", value=int(value))
    if unit == "US$ million":
        value, unit = value * 1e6, "current US$"
    magnitude = abs(value)
    if magnitude >= 1e6:
        text = tx.compact(value, 2)
    else:
        text = tx.number(value, 0 if value == int(value) else 1)
    return tx("numbers.usd", value=text) if "US$" in unit else text


def unit_label(unit: str, tx: Texts | None = None) -> str:
    """A catalogue unit ('persons per year') in the reader's language."""
    tx = tx or english()
    return tx.get(f"units.{unit}", unit)


def source_line(source: dict, years: str | int | None = None, tx: Texts | None = None) -> str:
    """'Source: UN DESA Population Division, International Migrant Stock 2024 (…) (2024 revision, released
    January 2025), CC BY 3.0 IGO. Year: 2020.' The edition is named in the reader's language where the
    locale files know it ([source_editions]): two editions of one indicator differ in every year."""
    tx = tx or english()
    if not source:
        return tx("sources.not_stated")
    # Publishers and dataset titles are proper names and stay as published; only this dashboard's
    # own derived indicators have a description in their place, which is translated.
    source_id = source.get("id", "")
    text = tx("sources.line", publisher=tx.get(f"source_publishers.{source_id}", source["publisher"]),
              dataset=tx.get(f"source_datasets.{source_id}", source["dataset"]),
              edition=tx.get(f"source_editions.{source_id}", source["edition"]), licence=source["licence"])
    return dated_line(text, years, tx)


def dated_line(line: str, years: str | int | None, tx: Texts) -> str:
    """A source line (source_line without years) followed by 'Year: 2020.' when there are years."""
    return line + " " + tx("sources.line_year", years=years) if years not in (None, "") else line


def short_source(source: dict, years: str | int | None = None, tx: Texts | None = None) -> str:
    """The one-line credit printed inside a chart: 'Source: World Bank WDI · 2024'."""
    tx = tx or english()
    return dated_credit(tx("sources.short", name=source_name(source, tx)), years)


def source_name(source: dict, tx: Texts | None = None) -> str:
    """A source's short name ('World Bank WDI') in the reader's language where [source_names] words it;
    looked up by the row's id, so a row must keep its id."""
    tx = tx or english()
    name = source.get("short") or source.get("publisher", "not stated")
    return tx.get(f"source_names.{source.get('id', '')}", name)


def dated_credit(credit: str, years: str | int | None) -> str:
    """A chart's credit (short_source without years) followed by ' · 2024' when there are years."""
    return credit + (f" · {years}" if years not in (None, "") else "")
