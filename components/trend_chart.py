"""Lines over time that say what they are: estimates, provisional values, breaks, and periods."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts import PALETTE, axis_title, figure_from, house_layout, merged, unit_text
from components.circular_charts import period_label
from components.countries import REGION
from components.i18n import Texts, english

PERIOD_BASIS = "five-year period ending in the year shown"
FIVE_YEARLY = "mid-year, every five years"
# Data flag -> (marker symbol, key of its name in the legend)
FLAG_MARKERS = {"e": ("circle-open", "trends.flags.estimate"), "p": ("diamond", "trends.flags.provisional"),
                "b": ("line-ns-open", "trends.flags.break")}
# Okabe-Ito is safe for colour-blind readers, but five of its colours are about equally light, so
# in grayscale (a black-and-white print, a washed-out projector) they look the same, and ten
# countries share eight colours. Each country therefore also has its own marker symbol on lines and
# its own hatching on bars (tests/unit/test_palettes.py). The flags' symbols are not among them.
# Shapes that stay apart at 9 px (a hexagon or pentagon that small reads as a circle).
COUNTRY_SYMBOLS = ("circle", "square", "triangle-up", "x", "star", "triangle-down", "hexagram", "cross",
                   "triangle-right", "hourglass")
# Plotly has eight hatchings for ten countries: the two shared ones go to colours far apart in lightness.
COUNTRY_PATTERNS = ("", "/", ".", "x", "-", "\\", "+", "|", "+", "|")


def colour(country: str) -> str:
    """A country keeps its colour on every chart."""
    order = list(REGION)
    return PALETTE[order.index(country) % len(PALETTE)] if country in order else "#7b8794"


def symbol(country: str) -> str:
    """A country's marker symbol: tells lines apart where colours do not (grayscale, colour blindness)."""
    order = list(REGION)
    return COUNTRY_SYMBOLS[order.index(country)] if country in order else "circle"


def pattern(country: str) -> str:
    """A country's bar hatching, for the same reason as its symbol."""
    order = list(REGION)
    return COUNTRY_PATTERNS[order.index(country)] if country in order else ""


def time_basis_text(time_basis: str, tx: Texts | None = None) -> str:
    """The catalogue's time basis ('calendar year') in the reader's language."""
    tx = tx or english()
    return tx.get(f"trends.time_basis.{time_basis}", time_basis)


def trend(frame: pd.DataFrame, *, title: str, unit: str, source: str, time_basis: str,
          estimate: bool, tx: Texts | None = None, title_width: int = 64, unit_label: str | None = None) -> go.Figure:
    """Annual data as lines; five-yearly points joined by dotted lines; periods as grouped bars.

    `unit_label` is the unit in the reader's words when the caller has it (IndicatorFacts.unit_text)."""
    tx = tx or english()
    unit_label = unit_label or unit_text(unit, tx)
    if time_basis == PERIOD_BASIS:
        traces, x_axis, layout = _period_bars(frame, unit_label, tx)
    else:
        dotted = time_basis == FIVE_YEARLY
        traces, layout = [], {}
        for country, rows in frame.groupby("country", sort=False):
            rows = rows.sort_values("year")
            name = tx.country(country)
            traces.append(dict(
                type="scatter", x=rows["year"], y=rows["value"], name=name, mode="lines+markers",
                line=dict(color=colour(country), width=4, dash="dot" if dotted or estimate else "solid"),
                marker=dict(size=11 if dotted else 9, symbol=symbol(country), line=dict(width=1, color="#1f2933")),
                connectgaps=False,
                hovertemplate=f"{name} %{{x}}: %{{y:,.4~g}} {unit_label}<extra></extra>"))
        traces += _flag_markers(frame, tx)
        x_axis = dict(title=dict(text=tx("trends.axis_year")))
        if dotted:
            x_axis["dtick"] = 5
    y_axis = dict(title=dict(text=axis_title(unit_label)))
    if (frame["value"].dropna() >= 0).all():
        y_axis["rangemode"] = "tozero"
    # An indicator whose name already says it is an estimate is not told so twice.
    if estimate and tx("trends.estimate_stem").lower() not in title.lower():
        title = tx("trends.modelled_title", title=title)
    house = house_layout(title, source, height=520, tx=tx, title_width=title_width, showlegend=len(traces) > 1)
    # The legend runs in rows above the plot: on the right it took 160 of a phone's 360 px, and
    # below the plot it collides with the axis title and the source line. Its rows wrap with the
    # width, and plotly makes room for them above the plot.
    layout = merged(house, layout, dict(xaxis=x_axis, yaxis=y_axis),
                    dict(showlegend=True, legend=dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom",
                                                      font=dict(size=16)),
                         hovermode="x unified" if time_basis != PERIOD_BASIS else "closest"))
    return figure_from(traces, layout)


def _period_bars(frame: pd.DataFrame, unit_label: str, tx: Texts) -> tuple[list[dict], dict, dict]:
    frame = frame.assign(period=frame["year"].map(lambda y: f"{y - 5}–{y}"))
    periods = sorted(frame["period"].unique())
    traces = []
    for country, rows in frame.groupby("country", sort=False):
        name = tx.country(country)
        traces.append(dict(
            type="bar", x=rows["period"], y=rows["value"], name=name,
            marker=dict(color=colour(country), line=dict(width=1, color="#1f2933"),
                        pattern=dict(shape=pattern(country), fillmode="overlay", fgcolor="#ffffff", solidity=0.3)),
            hovertemplate=f"{name}, %{{x}}: %{{y:,.0f}} {unit_label}<extra></extra>"))
    x_axis = dict(title=dict(text=tx("trends.axis_period")), categoryorder="array", categoryarray=periods)
    return traces, x_axis, dict(barmode="group")


def _flag_markers(frame: pd.DataFrame, tx: Texts) -> list[dict]:
    traces = []
    for flag, (symbol, key) in FLAG_MARKERS.items():
        flagged = frame[frame["flag"] == flag]
        if flagged.empty:
            continue
        meaning = tx(key)
        traces.append(dict(
            type="scatter", x=flagged["year"], y=flagged["value"], mode="markers", name=meaning,
            marker=dict(symbol=symbol, size=14, color="#1f2933", line=dict(width=2)),
            hovertemplate=f"%{{x}}: {meaning}<extra></extra>"))
    return traces


def year_span(years: pd.Series, time_basis: str = "") -> str:
    """'1990–2024', or '2024' when the figures are of one year: what a chart's credit and source line say.
    Five-year flows are filed under each period's last year, so theirs is '2010–2015 … 2015–2020', as
    the chart's axis and the circular page word them, not '2015–2020'."""
    low, high = int(years.min()), int(years.max())
    if time_basis == PERIOD_BASIS:
        return period_label(low) if low == high else f"{period_label(low)} … {period_label(high)}"
    return str(low) if low == high else f"{low}–{high}"
