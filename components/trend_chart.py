"""Lines over time that say what they are: estimates, provisional values, breaks, and periods."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts import PALETTE, house_style
from components.countries import REGION, country_name

PERIOD_BASIS = "five-year period ending in the year shown"
FIVE_YEARLY = "mid-year, every five years"
FLAG_MARKERS = {"e": ("circle-open", "estimate"), "p": ("diamond", "provisional"),
                "b": ("line-ns-open", "break in series")}


def colour(country: str) -> str:
    """A country keeps its colour on every chart."""
    order = list(REGION)
    return PALETTE[order.index(country) % len(PALETTE)] if country in order else "#7b8794"


def trend(frame: pd.DataFrame, *, title: str, unit: str, source: str, time_basis: str,
          estimate: bool) -> go.Figure:
    """Annual data as lines; five-yearly points joined by dotted lines; periods as grouped bars."""
    figure = go.Figure()
    if time_basis == PERIOD_BASIS:
        _period_bars(figure, frame, unit)
    else:
        dotted = time_basis == FIVE_YEARLY
        for country, rows in frame.groupby("country", sort=False):
            rows = rows.sort_values("year")
            figure.add_trace(go.Scatter(
                x=rows["year"], y=rows["value"], name=country_name(country), mode="lines+markers",
                line=dict(color=colour(country), width=4, dash="dot" if dotted or estimate else "solid"),
                marker=dict(size=11 if dotted else 6), connectgaps=False,
                hovertemplate=f"{country_name(country)} %{{x}}: %{{y:,.4~g}} {unit}<extra></extra>"))
        _flag_markers(figure, frame)
        figure.update_xaxes(title_text="Year", dtick=5 if dotted else None)
    figure.update_yaxes(title_text=unit, rangemode="tozero" if (frame["value"].dropna() >= 0).all() else None)
    if estimate and "estimate" not in title:
        title += " (modelled estimates)"
    figure = house_style(figure, title, source, height=520)
    # Legend on the right: below the plot it collides with the axis title on small screens.
    figure.update_layout(showlegend=True, legend=dict(x=1.01, y=1, xanchor="left", font=dict(size=16)),
                         margin=dict(r=10), hovermode="x unified" if time_basis != PERIOD_BASIS else "closest")
    return figure


def _period_bars(figure: go.Figure, frame: pd.DataFrame, unit: str) -> None:
    frame = frame.assign(period=frame["year"].map(lambda y: f"{y - 5}–{y}"))
    periods = sorted(frame["period"].unique())
    for country, rows in frame.groupby("country", sort=False):
        figure.add_trace(go.Bar(
            x=rows["period"], y=rows["value"], name=country_name(country), marker_color=colour(country),
            hovertemplate=f"{country_name(country)}, %{{x}}: %{{y:,.0f}} {unit}<extra></extra>"))
    figure.update_layout(barmode="group")
    figure.update_xaxes(title_text="Five-year period", categoryorder="array", categoryarray=periods)


def _flag_markers(figure: go.Figure, frame: pd.DataFrame) -> None:
    for flag, (symbol, meaning) in FLAG_MARKERS.items():
        flagged = frame[frame["flag"] == flag]
        if flagged.empty:
            continue
        figure.add_trace(go.Scatter(
            x=flagged["year"], y=flagged["value"], mode="markers", name=meaning,
            marker=dict(symbol=symbol, size=14, color="#1f2933", line=dict(width=2)),
            hovertemplate=f"%{{x}}: {meaning}<extra></extra>"))
