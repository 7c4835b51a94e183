"""Numbers and source lines as people read them."""

from __future__ import annotations

import math


def format_number(value: float | None, unit: str = "") -> str:
    """'1.25 million', '48,810', '33.5%'; a missing value is shown as 'no data', never as 0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "no data"
    if unit.startswith("%"):
        return f"{value:,.1f}%"
    if unit == "rank":
        return f"#{int(value)}"
    if unit == "US$ million":
        value, unit = value * 1e6, "current US$"
    prefix = "US$ " if "US$" in unit else ""
    magnitude = abs(value)
    if magnitude >= 1e9:
        return f"{prefix}{value / 1e9:,.2f} billion"
    if magnitude >= 1e6:
        return f"{prefix}{value / 1e6:,.2f} million"
    if value == int(value):
        return f"{prefix}{int(value):,}"
    return f"{prefix}{value:,.1f}"


def source_line(source: dict, years: str | int | None = None) -> str:
    """'Source: UN DESA Population Division, International Migrant Stock 2020 (2020 revision), CC BY 3.0 IGO. Year: 2020.'"""
    if not source:
        return "Source: not stated in the catalogue."
    text = f"Source: {source['publisher']}, {source['dataset']} ({source['edition']}), {source['licence']}."
    if years not in (None, ""):
        text += f" Year: {years}."
    return text


def short_source(source: dict, years: str | int | None = None) -> str:
    """The one-line credit printed inside a chart: 'Source: World Bank WDI · 2024'."""
    text = f"Source: {source.get('short') or source.get('publisher', 'not stated')}"
    return text + (f" · {years}" if years not in (None, "") else "")
