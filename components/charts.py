"""Figure builders: tidy data in, plotly Figure out. Every figure carries its title and source."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from components.countries import country_name
from components.formatting import format_number

# Okabe-Ito: distinguishable for colour-blind readers and on washed-out projectors.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
HIGHLIGHT, MUTED, REFERENCE = "#0072B2", "#9BB7D4", "#D55E00"
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=16, color="#1f2933")


def house_style(figure: go.Figure, title: str, source: str, height: int = 460) -> go.Figure:
    """Title on top, source line underneath, large type that survives a projector."""
    figure.update_layout(
        title=dict(text=title, x=0, xanchor="left", font=dict(size=22)),
        font=FONT, height=height, plot_bgcolor="white", paper_bgcolor="white",
        margin=dict(l=20, r=30, t=90, b=135), showlegend=len(figure.data) > 1,
    )
    # Anchored bottom-right so that long axis labels on the left never push it off the canvas.
    figure.add_annotation(text=wrap(source), xref="paper", yref="paper", x=1, y=0, yshift=-92,
                          showarrow=False, xanchor="right", yanchor="top", align="right",
                          font=dict(size=13, color="#52606d"))
    figure.update_xaxes(gridcolor="#e4e7eb", zerolinecolor="#9aa5b1")
    figure.update_yaxes(gridcolor="#e4e7eb", zerolinecolor="#9aa5b1", automargin=True)
    return figure


def wrap(text: str, width: int = 90) -> str:
    """Plotly annotations do not wrap by themselves."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def ranked_bars(frame: pd.DataFrame, *, title: str, unit: str, source: str,
                reference: float | None = None, reference_label: str = "",
                highlight: tuple[str, ...] = (), kosovo_in_serbia: bool = False) -> go.Figure:
    """Horizontal bars by country, largest on top; countries without a figure are named, not drawn."""
    present = frame.dropna(subset=["value"]).sort_values("value")
    missing = [country_name(c) for c in frame.loc[frame["value"].isna(), "country"]]
    names = [country_name(code) + (" (incl. Kosovo*)" if code == "SRB" and kosovo_in_serbia else "")
             for code in present["country"]]
    colours = [HIGHLIGHT if not highlight or code in highlight else MUTED for code in present["country"]]
    percent = unit.startswith("%")
    figure = go.Figure(go.Bar(
        x=present["value"], y=names, orientation="h", marker_color=colours, customdata=present["country"],
        text=[format_number(v, unit) for v in present["value"]], textposition="outside",
        hovertemplate="%{y}: %{x:,.4~g} " + unit + "<extra></extra>"))
    if reference is not None:
        figure.add_vline(x=reference, line=dict(color=REFERENCE, width=3, dash="dash"))
        figure.add_annotation(x=reference, y=1, yref="paper", yanchor="bottom", text=reference_label,
                              showarrow=False, font=dict(color=REFERENCE, size=15), xanchor="center")
    top = max(present["value"].max() if len(present) else 0, reference or 0)
    low = min(present["value"].min() if len(present) else 0, 0)
    figure.update_xaxes(title_text=unit, ticksuffix="%" if percent else "",
                        range=[low * 1.2, top * 1.18 if top > 0 else 1])
    if missing:
        source = f"No data: {', '.join(missing)}. " + source
    return house_style(figure, title, source, height=140 + 42 * max(len(present), 3))


def share_abroad_bars(by_country: pd.DataFrame, year: int, reference: float | None,
                      reference_label: str, source: str, highlight: tuple[str, ...] = (),
                      kosovo_in_serbia: bool = True) -> go.Figure:
    frame = by_country.rename(columns={"share": "value"})
    return ranked_bars(frame, title=f"Share of people born in each country who live abroad, {year}",
                       unit="% of people born in the country", source=source, reference=reference,
                       reference_label=reference_label, highlight=highlight,
                       kosovo_in_serbia=kosovo_in_serbia)


def dumbbell(frame: pd.DataFrame, *, year_a: int, year_b: int, title: str, unit: str, source: str) -> go.Figure:
    """Each country's value in two years, joined by a line: the change at a glance."""
    present = frame.dropna(subset=["from", "to"], how="all").iloc[::-1]
    names = [country_name(c) for c in present["country"]]
    figure = go.Figure()
    for name, start, end in zip(names, present["from"], present["to"]):
        figure.add_trace(go.Scatter(x=[start, end], y=[name, name], mode="lines",
                                    line=dict(color="#9aa5b1", width=4), showlegend=False, hoverinfo="skip"))
    for column, year, colour in (("from", year_a, MUTED), ("to", year_b, HIGHLIGHT)):
        figure.add_trace(go.Scatter(x=present[column], y=names, mode="markers", name=str(year),
                                    marker=dict(size=18, color=colour, line=dict(color="#1f2933", width=1)),
                                    hovertemplate="%{y} " + str(year) + ": %{x:,.4~g} " + unit + "<extra></extra>"))
    figure.update_xaxes(title_text=unit)
    figure = house_style(figure, title, source, height=160 + 44 * max(len(present), 3))
    figure.update_layout(showlegend=True, legend=dict(orientation="h", y=1.02, x=1, xanchor="right", yanchor="bottom"))
    return figure


def small_multiples(panels: list[dict], *, title: str, source: str, columns: int = 3) -> go.Figure:
    """One small bar chart per indicator, each with its own unit and year, countries in the same order."""
    from plotly.subplots import make_subplots

    rows = -(-len(panels) // columns)
    # Shared y: country names once per row, so the panels can sit close together.
    figure = make_subplots(rows=rows, cols=columns, subplot_titles=[p["title"] for p in panels],
                           shared_yaxes=True, horizontal_spacing=0.05, vertical_spacing=0.2)
    for index, panel in enumerate(panels):
        data = panel["frame"]
        figure.add_trace(go.Bar(
            x=data["value"], y=[country_name(c) for c in data["country"]], orientation="h",
            marker_color=[HIGHLIGHT if pd.notna(v) else MUTED for v in data["value"]], showlegend=False,
            hovertemplate="%{y}: %{x:,.4~g} " + panel["unit"] + "<extra></extra>"),
            row=index // columns + 1, col=index % columns + 1)
        figure.update_yaxes(autorange="reversed", row=index // columns + 1, col=index % columns + 1)
    figure = house_style(figure, title, source, height=330 * rows + 120)
    figure.update_annotations(font_size=15, selector=dict(yref="y domain"))
    return figure
