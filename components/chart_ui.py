"""How every chart is shown: figure, source line, the numbers behind it, and a CSV of the view."""

from __future__ import annotations

import contextlib
import html

import pandas as pd
import pydeck as pdk
import streamlit as st

from components import alt_text, language_ui, markdown_text, revisions
from components.charts import unit_text
from components.export import to_csv_bytes
from components.i18n import Texts
from components.memo import per_dataset

# A scene's table is built once and shared (components/scenes.py): its CSV and its on-screen
# version need not be made again on every rerun.
_csv = per_dataset(to_csv_bytes)
WIDE_PANELS = 2  # more panels than this side by side scroll sideways on a phone


# Each entry holds a drawn chart's messages (a map's are about 0.3 MB); the scenes they belong
# to are kept up to KEEP per kind (components/memo.py), and a scene no longer kept is never replayed.
@st.cache_resource(max_entries=64, show_spinner=False)
def _replayed(_figure, token: str, key: str, language: str) -> None:
    """Draw once per built scene; later reruns replay the cached element instead of re-serialising
    its geometry (plotly copies a map's GeoJSON twice and writes it out on every rerun).
    The language is part of the key: a scene built for one language is never replayed in another."""
    _draw(_figure, key)


def _draw(figure, key: str) -> None:
    if isinstance(figure, pdk.Deck):
        st.pydeck_chart(figure, height=560, key=f"{key}-chart")
        return
    # Every scene's figure carries its language's number marks (charts.house_layout sets them).
    st.plotly_chart(figure, theme=None, key=f"{key}-chart", config={"displaylogo": False})


def on_screen(table: pd.DataFrame, tx: Texts) -> pd.DataFrame:
    """The table as shown on the page: headings and units in the reader's language.
    The CSV keeps the stable column names (components/export.py), so a script reads any language's file."""
    shown = table.copy()
    if "unit" in shown:
        shown["unit"] = shown["unit"].map(lambda unit: unit_text(unit, tx) if isinstance(unit, str) else unit)
    return shown.rename(columns=lambda column: tx.get(f"chart.columns.{column}", str(column)))


_on_screen = per_dataset(on_screen)


def show_chart(figure, table: pd.DataFrame, *, source_lines: list[str], file_name: str, key: str,
               alt: str = "", token: str | None = None, tx: Texts | None = None,
               catalogue: pd.DataFrame | None = None) -> None:
    """`catalogue` (the indicator catalogue) lets the chart link to what changed between
    editions when its indicator is published in more than one."""
    tx = tx or language_ui.current()
    title = alt_text.chart_title(figure)
    if title:
        # Shown on phones only, where it wraps; the figure's own one-line title is hidden there (theme_ui.CSS).
        st.markdown(f'<p class="chart-title-narrow">{html.escape(title)}</p>', unsafe_allow_html=True)
    # Several panels side by side (Compare's small multiples) cannot share a phone's 360 px: there they
    # keep a readable width and scroll sideways in their own box (theme_ui.CSS, .st-key-wide_chart_*).
    panels = 0 if isinstance(figure, pdk.Deck) else len(list(figure.select_xaxes()))
    with st.container(key=f"wide_chart_{key}") if panels > WIDE_PANELS else contextlib.nullcontext():
        if token:
            _replayed(figure, token, key, tx.code)
        else:
            _draw(figure, key)
    # Captions are Markdown: names and units in them (Kosovo*, two 'US$') must show as written.
    st.caption("  \n".join(markdown_text.inline(line) for line in dict.fromkeys(source_lines)))
    # The text alternative (title and what the chart shows) for anyone who cannot see the chart;
    # the expander holds every number behind it.
    st.caption(markdown_text.inline(alt_text.text_alternative(figure, alt)))
    target = revisions.link_target(catalogue, table) if catalogue is not None else None
    if target:
        st.page_link("pages/data/data_sources.py", label=tx("revisions.link", newer=target["newer"]),
                     query_params={"revisions": target["series"]}, icon=":material/difference:")
    with st.expander(tx("chart.numbers_behind")):
        st.dataframe(_on_screen(table, tx), hide_index=True, width="stretch")
        st.download_button(tx("chart.download_view"), _csv(table), file_name=file_name,
                           mime="text/csv", key=f"{key}-csv", icon=":material/download:")
