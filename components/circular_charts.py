"""Figures of the circular-migration page and the corridor cards: tidy frames in, plotly figures out."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts import HIGHLIGHT, MUTED, PALETTE, figure_from, house_layout, merged, unit_text
from components.formatting import format_number
from components.i18n import Texts, english

LEAVING, RETURNING = "#D55E00", "#0072B2"  # Okabe-Ito vermilion and blue: apart in grayscale too
DASHES = ("solid", "dash", "dot", "dashdot", "longdash")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x")


def _room_for_legend(layout: dict) -> dict:
    """The legend sits in a row between the title and the plot: the top margin grows by that row."""
    layout["margin"] = dict(layout["margin"], t=layout["margin"]["t"] + 34)
    return layout


def period_label(year: int) -> str:
    return f"{int(year) - 5}–{int(year)}"


def leaving_and_returning(frame: pd.DataFrame, *, title: str, source: str, leaving: str, returning: str,
                          ratio_label: str | None = None, tx: Texts | None = None, height: int = 460,
                          title_width: int = 64) -> go.Figure:
    """Grouped bars per five-year period: people leaving and people coming back (`frame` has year,
    outflow, returns and, if `ratio_label` is given, ratio, written under each period)."""
    tx = tx or english()
    frame = frame.sort_values("year")
    ticks = [period_label(y) for y in frame["year"]]
    if ratio_label is not None and "ratio" in frame:
        ticks = [f"{t}<br>{tx(ratio_label, ratio=tx.number(r, 2))}" if r == r else t
                 for t, r in zip(ticks, frame["ratio"])]
    unit = unit_text("persons per five years", tx)
    traces = []
    for column, name, colour, pattern in (("outflow", leaving, LEAVING, "/"), ("returns", returning, RETURNING, "")):
        traces.append(dict(type="bar", x=ticks, y=frame[column], name=name,
                           marker=dict(color=colour, line=dict(width=1, color="#1f2933"),
                                       pattern=dict(shape=pattern, fillmode="overlay", fgcolor="#ffffff",
                                                    solidity=0.3)),
                           text=[format_number(v, "persons", tx) for v in frame[column]], textposition="outside",
                           cliponaxis=False,
                           hovertemplate=f"{name}, %{{x}}: %{{y:,.0f}} {unit}<extra></extra>"))
    layout = _room_for_legend(house_layout(title, source, height=height, tx=tx, title_width=title_width,
                                           showlegend=True))
    # The periods under the bars say what the axis is; an axis title would collide with the source line.
    return figure_from(traces, merged(layout, dict(
        barmode="group", xaxis=dict(type="category"),
        yaxis=dict(title=dict(text=unit), rangemode="tozero"),
        legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom", font=dict(size=16)))))


def ratio_bars(ranked: pd.DataFrame, *, title: str, source: str, highlight: str = "", tx: Texts | None = None,
               title_width: int = 64) -> go.Figure:
    """The region's return ratios in one period as horizontal bars, most circular on top."""
    tx = tx or english()
    present = ranked.dropna(subset=["ratio"]).sort_values("ratio")
    missing = [tx.country(c) for c in ranked.loc[ranked["ratio"].isna(), "country"]]
    names = [tx.country(c) for c in present["country"]]
    colours = [HIGHLIGHT if not highlight or c == highlight else MUTED for c in present["country"]]
    bar = dict(type="bar", x=present["ratio"], y=names, orientation="h", marker=dict(color=colours),
               text=[tx.number(v, 2) for v in present["ratio"]], textposition="outside", cliponaxis=False,
               hovertemplate="%{y}: %{x:.2f}<extra></extra>")
    if missing:
        source = tx("charts.no_data_for", countries=", ".join(missing)) + " " + source
    layout = house_layout(title, source, height=140 + 42 * max(len(present), 3), tx=tx, title_width=title_width)
    top = present["ratio"].max() if len(present) else 1
    return figure_from([bar], merged(layout, dict(
        xaxis=dict(title=dict(text=tx("circular.ratio_axis")), range=[0, top * 1.18]),
        yaxis=dict(automargin=True))))


def lines(frame: pd.DataFrame, *, series: str, names: dict, title: str, source: str, unit: str,
          tx: Texts | None = None, height: int = 420, title_width: int = 64, styles: dict | None = None) -> go.Figure:
    """One line per value of `series` (a destination, an edition...), never joined to another;
    `names` labels each series in the legend. Each line has its own colour, dash and marker."""
    tx = tx or english()
    unit_label = unit_text(unit, tx)
    traces = []
    for index, (key, rows) in enumerate(frame.groupby(series, sort=False)):
        rows = rows.sort_values("year")
        style = (styles or {}).get(key, {})
        name = names.get(key, str(key))
        traces.append(dict(
            type="scatter", x=rows["year"], y=rows["value"], name=name, mode="lines+markers", connectgaps=False,
            line=dict(color=style.get("colour", PALETTE[index % len(PALETTE)]), width=4,
                      dash=style.get("dash", DASHES[index % len(DASHES)])),
            marker=dict(size=10, symbol=style.get("symbol", SYMBOLS[index % len(SYMBOLS)]),
                        line=dict(width=1, color="#1f2933")),
            hovertemplate=f"{name} %{{x}}: %{{y:,.0f}} {unit_label}<extra></extra>"))
    layout = _room_for_legend(house_layout(title, source, height=height, tx=tx, title_width=title_width,
                                           showlegend=True))
    return figure_from(traces, merged(layout, dict(
        xaxis=dict(title=dict(text=tx("trends.axis_year"))),
        yaxis=dict(title=dict(text=unit_label), rangemode="tozero"),
        legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom", font=dict(size=15)))))


def level_bars(frame: pd.DataFrame, *, labels: dict, title: str, source: str, unit: str,
               tx: Texts | None = None, height: int = 360, title_width: int = 64) -> go.Figure:
    """Horizontal bars, one per row of `frame` (indicator, value), labelled from `labels`, in the frame's order."""
    tx = tx or english()
    ordered = frame.iloc[::-1]
    bar = dict(type="bar", x=ordered["value"], y=[labels.get(i, i) for i in ordered["indicator"]], orientation="h",
               marker=dict(color=HIGHLIGHT), text=[format_number(v, unit, tx) for v in ordered["value"]],
               textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{x:,.0f}<extra></extra>")
    layout = house_layout(title, source, height=height, tx=tx, title_width=title_width)
    top = ordered["value"].max() if len(ordered) else 1
    return figure_from([bar], merged(layout, dict(
        xaxis=dict(title=dict(text=unit_text(unit, tx)), range=[0, top * 1.2]), yaxis=dict(automargin=True))))
