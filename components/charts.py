"""Figure builders: tidy data in, plotly Figure out. Every figure carries its title and source.

Builders take the reader's language as `tx` (English when None): titles, axis titles, country
names, hover text and the figure's decimal and thousands marks all follow it.
"""

from __future__ import annotations

import copy
import textwrap
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from components.formatting import format_number
from components.i18n import Texts, english
from components.value_ticks import localize_value_axes

# Okabe-Ito: distinguishable for colour-blind readers and on washed-out projectors.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
HIGHLIGHT, MUTED, REFERENCE = "#0072B2", "#9BB7D4", "#D55E00"
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=16, color="#1f2933")
X_AXIS = dict(gridcolor="#e4e7eb", zerolinecolor="#9aa5b1")
Y_AXIS = dict(X_AXIS, automargin=True)
# Tick labels that plotly tilts on a narrow plot (five-year periods on a phone) may overhang its
# ends: the side margins grow for them. Not the bottom, where the source line has its fixed place.
X_AXIS["automargin"] = "left+right"
AXIS_TITLE_WIDTH = 30
LOCALE_KEY = "_locale"


def house_layout(title: str, source: str, height: int = 460, tx: Texts | None = None,
                 title_width: int = 64, *, showlegend: bool = False, annotations: tuple = ()) -> dict:
    """The house style as a plain layout dict, for builders that make their figure in one step.

    Title on top, source line underneath, large type that survives a projector.
    Plotly cuts a long title off at the edge instead of wrapping it, and titles grow by a third
    in some languages ("Удео особа рођених у свакој земљи које живе у иностранству"), so the
    title is wrapped at `title_width` characters (about half for a chart in a half-width column).
    `annotations` go before the source line, which stays last (components/projector.py finds it there).
    """
    tx = tx or english()
    lines = textwrap.wrap(title, title_width) or [title]
    return dict(
        # Pinned to the top, so that a legend above the plot (trend_chart) has the rest of the margin.
        title=dict(text="<br>".join(lines), x=0, xanchor="left", y=1, yref="container", yanchor="top",
                   pad=dict(t=16), font=dict(size=22)),
        font=dict(FONT), height=height + 28 * (len(lines) - 1), plot_bgcolor="white", paper_bgcolor="white",
        margin=dict(l=20, r=30, t=90 + 28 * (len(lines) - 1), b=135), showlegend=showlegend,
        separators=tx.plotly_separators,
        # Not a plotly property: figure_from takes it out and writes large value ticks in this language.
        **{LOCALE_KEY: tx.babel},
        # Anchored bottom-right so that long axis labels on the left never push it off the canvas.
        annotations=[*annotations, dict(text=wrap(source, credit_width(title_width)), xref="paper", yref="paper", x=1, y=0, yshift=-92,
                                        showarrow=False, xanchor="right", yanchor="top", align="right",
                                        font=dict(size=13, color="#52606d"))],
        xaxis=dict(X_AXIS), yaxis=dict(Y_AXIS))


def house_style(figure: go.Figure, title: str, source: str, height: int = 460,
                tx: Texts | None = None, title_width: int = 64) -> go.Figure:
    """The house style (house_layout) applied to a figure that is already built."""
    layout = house_layout(title, source, height, tx, title_width, showlegend=len(figure.data) > 1)
    source_note, x_axis, y_axis = layout.pop("annotations")[-1], layout.pop("xaxis"), layout.pop("yaxis")
    ticks: dict = {}
    localize_value_axes([trace.to_plotly_json() for trace in figure.data], ticks, layout.pop(LOCALE_KEY))
    figure.update_layout(layout, **ticks)
    figure.add_annotation(source_note)
    figure.update_xaxes(x_axis)
    figure.update_yaxes(y_axis)
    return figure


def merged(base: dict, *updates: dict) -> dict:
    """`base` updated in depth, as plotly's update_layout would: nested dicts merge, anything else replaces."""
    for update in updates:
        for key, value in update.items():
            if isinstance(value, dict) and isinstance(base.get(key), dict):
                base[key] = merged(dict(base[key]), value)
            else:
                base[key] = value
    return base


def figure_from(data: list[dict], layout: dict) -> go.Figure:
    """One validated Figure from plain traces and layout, its large value ticks in the layout's
    language (components/value_ticks.py; house_layout names the language).

    Each add_trace/update_layout/add_annotation on a graph object re-walks plotly's property tree;
    building a chart that way cost 15-40 ms, the same chart from dicts in one step about 2 ms.
    """
    locale = layout.pop(LOCALE_KEY, None)
    if locale:
        localize_value_axes(data, layout, locale)
    return go.Figure(data=data, layout=layout)


def credit_width(title_width: int) -> int:
    """The characters a chart's credit line holds: as wide as its title (22 px type) in 13 px type, at
    most 90. A half-width chart's credit that names its periods ('· 2010–2015 … 2015–2020') ran past
    the chart's left edge when it was wrapped at 90 whatever the chart's width."""
    return min(90, title_width * 5 // 3)


def wrap(text: str, width: int = 90) -> str:
    """Plotly annotations do not wrap by themselves."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def axis_title(text: str) -> str:
    """An axis title in lines of AXIS_TITLE_WIDTH characters: plotly centres it on the plot in one line,
    and on a phone (a plot about 300 px wide) a longer one ran off both edges."""
    return wrap(text, AXIS_TITLE_WIDTH)


def unit_text(unit: str, tx: Texts | None = None) -> str:
    """A unit as the reader says it: the catalogue's units, then the per-population ones."""
    tx = tx or english()
    return tx.get(f"units.{unit}") or tx.get(f"charts.units.{unit}", unit)


def _hover(unit_label: str, point: str = "%{y}") -> str:
    # Plotly writes %{x:,…} with the figure's separators, so hover numbers follow the language too.
    return point + ": %{x:,.4~g} " + unit_label + "<extra></extra>"


def ranked_bars(frame: pd.DataFrame, *, title: str, unit: str, source: str,
                reference: float | None = None, reference_label: str = "",
                highlight: tuple[str, ...] = (), kosovo_in_serbia: bool = False,
                unit_label: str | None = None, tx: Texts | None = None, title_width: int = 64) -> go.Figure:
    """Horizontal bars by country, largest on top; countries without a figure are named, not drawn.

    `unit` is the catalogue unit (it decides how numbers are written); `unit_label` replaces the
    axis title when the chart's unit needs more words than the catalogue's.
    """
    tx = tx or english()
    present = frame.dropna(subset=["value"]).sort_values("value")
    missing = [tx.country(c) for c in frame.loc[frame["value"].isna(), "country"]]
    names = [tx("charts.incl_kosovo", country=tx.country(code), kosovo=tx.country("XKX"))
             if code == "SRB" and kosovo_in_serbia else tx.country(code) for code in present["country"]]
    colours = [HIGHLIGHT if not highlight or code in highlight else MUTED for code in present["country"]]
    percent = unit.startswith("%")
    label = unit_label or unit_text(unit, tx)
    bar = dict(type="bar", x=present["value"], y=names, orientation="h", marker=dict(color=colours),
               customdata=present["country"], text=[format_number(v, unit, tx) for v in present["value"]],
               textposition="outside", hovertemplate=_hover(label),
               # On a phone the plot is narrow and the value beside the longest bar may pass the axis
               # end: drawn in the margin, not cut off ("34.").
               cliponaxis=False)
    shapes, notes = [], []
    if reference is not None:
        shapes.append(dict(type="line", x0=reference, x1=reference, xref="x", y0=0, y1=1, yref="y domain",
                           line=dict(color=REFERENCE, width=3, dash="dash")))
        notes.append(dict(x=reference, y=1, yref="paper", yanchor="bottom", text=reference_label,
                          showarrow=False, font=dict(color=REFERENCE, size=15), xanchor="center"))
    top = max(present["value"].max() if len(present) else 0, reference or 0)
    low = min(present["value"].min() if len(present) else 0, 0)
    if missing:
        source = tx("charts.no_data_for", countries=", ".join(missing)) + " " + source
    layout = house_layout(title, source, height=140 + 42 * max(len(present), 3), tx=tx, title_width=title_width,
                          annotations=tuple(notes))
    # "33,5 %" in some languages: the tick suffix is whatever the language writes after a number.
    layout["xaxis"].update(title=dict(text=axis_title(label)), ticksuffix=tx("numbers.percent", value="") if percent else "",
                           range=[low * 1.2, top * 1.18 if top > 0 else 1])
    if shapes:
        layout["shapes"] = shapes
    return figure_from([bar], layout)


def share_abroad_bars(by_country: pd.DataFrame, year: int, reference: float | None,
                      reference_label: str, source: str, highlight: tuple[str, ...] = (),
                      kosovo_in_serbia: bool = True, tx: Texts | None = None,
                      title_width: int = 64) -> go.Figure:
    tx = tx or english()
    frame = by_country.rename(columns={"share": "value"})
    return ranked_bars(frame, title=tx("charts.share_abroad_title", year=year),
                       unit="% of native-born", unit_label=tx("charts.share_abroad_unit"), source=source,
                       reference=reference, reference_label=reference_label, highlight=highlight,
                       kosovo_in_serbia=kosovo_in_serbia, tx=tx, title_width=title_width)


def dumbbell(frame: pd.DataFrame, *, year_a: int, year_b: int, title: str, unit: str, source: str,
             tx: Texts | None = None, unit_label: str | None = None) -> go.Figure:
    """Each country's value in two years, joined by a line: the change at a glance.
    `unit_label` is the unit in the reader's words when the caller has it (IndicatorFacts.unit_text)."""
    tx = tx or english()
    unit_label = unit_label or unit_text(unit, tx)
    present = frame.dropna(subset=["from", "to"], how="all").iloc[::-1]
    names = [tx.country(c) for c in present["country"]]
    traces = [dict(type="scatter", x=[start, end], y=[name, name], mode="lines",
                   line=dict(color="#9aa5b1", width=4), showlegend=False, hoverinfo="skip")
              for name, start, end in zip(names, present["from"], present["to"])]
    for column, year, colour in (("from", year_a, MUTED), ("to", year_b, HIGHLIGHT)):
        traces.append(dict(type="scatter", x=present[column], y=names, mode="markers", name=str(year),
                           marker=dict(size=18, color=colour, line=dict(color="#1f2933", width=1)),
                           hovertemplate=_hover(unit_label, f"%{{y}} {year}")))
    layout = house_layout(title, source, height=160 + 44 * max(len(present), 3), tx=tx)
    layout["xaxis"]["title"] = dict(text=axis_title(unit_label))
    layout.update(showlegend=True, legend=dict(orientation="h", y=1.02, x=1, xanchor="right", yanchor="bottom"))
    return figure_from(traces, layout)


def panel_title(panel: dict, tx: Texts | None = None, unit_label: str | None = None) -> str:
    """'Emigrants per 100 residents / % of residents, 2020': a short name, then the unit and year.
    `unit_label` is the panel's unit in the reader's words when the caller has it."""
    tx = tx or english()
    name = tx.get(f"charts.panels.{panel['indicator']}")
    if name is None:  # an indicator without a short name here: the title views gave it
        return panel["title"]
    return tx("charts.panel_title", name=name, unit=unit_label or unit_text(panel["unit"], tx),
              year=panel.get("period", panel["year"]))


def small_multiples(panels: list[dict], *, title: str, source: str, columns: int = 3,
                    tx: Texts | None = None) -> go.Figure:
    """One small bar chart per indicator, each with its own unit and year, countries in the same order."""
    tx = tx or english()
    rows = -(-len(panels) // columns)
    units = [unit_text(p["unit"], tx) for p in panels]  # each panel's unit worded once, for title and hover
    grid, axes = _grid(rows, columns, tuple(panel_title(p, tx, unit) for p, unit in zip(panels, units)))
    traces = []
    layout = copy.deepcopy(grid)
    for index, panel in enumerate(panels):
        data = panel["frame"]
        x_axis, y_axis = axes[index]
        traces.append(dict(
            type="bar", x=data["value"], y=[tx.country(c) for c in data["country"]], orientation="h",
            marker=dict(color=[HIGHLIGHT if pd.notna(v) else MUTED for v in data["value"]]), showlegend=False,
            hovertemplate=_hover(units[index]), xaxis=x_axis.replace("axis", ""),
            yaxis=y_axis.replace("axis", "")))
        layout[y_axis]["autorange"] = "reversed"
    house = house_layout(title, source, height=330 * rows + 120, tx=tx, showlegend=len(traces) > 1,
                         annotations=tuple(layout.pop("annotations", ())))
    x_style, y_style = house.pop("xaxis"), house.pop("yaxis")
    for name in layout:
        if name.startswith("xaxis"):
            layout[name].update(x_style)
        elif name.startswith("yaxis"):
            layout[name].update(y_style)
    return figure_from(traces, merged(layout, house))


@lru_cache(maxsize=64)
def _grid(rows: int, columns: int, titles: tuple[str, ...]) -> tuple[dict, tuple]:
    """The subplot layout (axis domains, shared y, titles) and each panel's axes, worked out once:
    make_subplots takes longer than drawing the bars. Callers copy the layout before changing it."""
    from plotly.subplots import make_subplots

    # Shared y: country names once per row, so the panels can sit close together.
    figure = make_subplots(rows=rows, cols=columns, subplot_titles=list(titles),
                           shared_yaxes=True, horizontal_spacing=0.05, vertical_spacing=0.2)
    layout = figure.layout.to_plotly_json()
    layout.pop("template", None)
    axes = tuple(figure._grid_ref[index // columns][index % columns][0].layout_keys
                 for index in range(len(titles)))
    return layout, axes
