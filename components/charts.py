"""Figure builders: tidy data in, plotly Figure out. Every figure carries its title and source."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from components.countries import country_name

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


def share_abroad_bars(by_country: pd.DataFrame, year: int, reference: float | None,
                      reference_label: str, source: str, highlight: tuple[str, ...] = (),
                      kosovo_in_serbia: bool = True) -> go.Figure:
    """Horizontal bars of a percentage by country, largest on top, with an optional reference line."""
    ordered = by_country.sort_values("share")
    names = [country_name(code) + (" (incl. Kosovo*)" if code == "SRB" and kosovo_in_serbia else "")
             for code in ordered["country"]]
    colours = [HIGHLIGHT if not highlight or code in highlight else MUTED for code in ordered["country"]]
    figure = go.Figure(go.Bar(
        x=ordered["share"], y=names, orientation="h", marker_color=colours,
        text=[f"{value:.1f}%" for value in ordered["share"]], textposition="outside",
        customdata=ordered["country"],
        hovertemplate="%{y}: %{x:.1f}% in " + str(year) + "<extra></extra>",
    ))
    if reference is not None:
        figure.add_vline(x=reference, line=dict(color=REFERENCE, width=3, dash="dash"))
        figure.add_annotation(x=reference, y=1, yref="paper", yanchor="bottom", text=reference_label,
                              showarrow=False, font=dict(color=REFERENCE, size=15), xanchor="center")
    figure.update_xaxes(title_text="% of people born in the country", ticksuffix="%",
                        range=[0, max(ordered["share"].max() * 1.18, (reference or 0) * 1.2)])
    title = f"Share of people born in each country who live abroad, {year}"
    return house_style(figure, title, source, height=120 + 42 * len(ordered))
