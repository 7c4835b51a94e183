"""Text alternatives for charts: the chart's title and one line saying what it shows, in numbers."""

from __future__ import annotations

import re

import pandas as pd

from components.formatting import format_number
from components.i18n import Texts, english


def chart_title(figure) -> str:
    """A plotly figure's title as plain text ('' for a deck.gl map, which has none of its own)."""
    layout = getattr(figure, "layout", None)
    text = getattr(getattr(layout, "title", None), "text", None) or ""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


def text_alternative(figure, summary: str) -> str:
    """'Title — summary', as one line of plain text (chart_ui escapes it for Markdown)."""
    title = chart_title(figure)
    return f"{title} — {summary}" if title and summary else title or summary


def trend_summary(frame: pd.DataFrame, label: str, unit: str, tx: Texts | None = None) -> str:
    """Each country's first and last figure: 'Trend of emigrants: Serbia from 0.8 million (1990) to …'."""
    tx = tx or english()
    ordered = frame.dropna(subset=["value"]).sort_values("year")
    # Each country's first and last (year, value) in one pass: a groupby cost more than the chart.
    first, last = {}, {}
    for country, year, value in zip(ordered["country"], ordered["year"], ordered["value"]):
        first.setdefault(country, (year, value))
        last[country] = (year, value)
    series = "; ".join(tx("trends.alt_series", country=tx.country(c),
                          first=format_number(first[c][1], unit, tx), first_year=first[c][0],
                          last=format_number(last[c][1], unit, tx), last_year=last[c][0])
                       for c in first)
    return tx("trends.alt", indicator=label[:1].lower() + label[1:], series=series)


def ranking_summary(frame: pd.DataFrame, unit: str, tx: Texts | None = None, *, column: str = "country") -> str:
    """Largest first, with the numbers: 'Ranking: 1. Moldova (25.1%), 2. …'."""
    tx = tx or english()
    present = frame.dropna(subset=["value"]).sort_values("value", ascending=False)
    if present.empty:
        return tx("compare.no_country_has_data")
    ranking = ", ".join(f"{rank}. {tx.country(code)} ({format_number(value, unit, tx)})"
                        for rank, (code, value) in enumerate(zip(present[column], present["value"]), start=1))
    return tx("compare.ranking", ranking=ranking)


def change_summary(change: pd.DataFrame, year_a: int, year_b: int, unit: str, tx: Texts | None = None) -> str:
    """Each country's figure in the two years: 'Serbia from 0.9 million (2000) to 1.0 million (2020); …'."""
    tx = tx or english()
    present = change.dropna(subset=["from", "to"], how="all")
    if present.empty:
        return tx("compare.no_country_has_data")
    return "; ".join(tx("trends.alt_series", country=tx.country(country),
                        first=format_number(start, unit, tx), first_year=year_a,
                        last=format_number(end, unit, tx), last_year=year_b)
                     for country, start, end in zip(present["country"], present["from"], present["to"])) + "."
