"""How every chart is shown: figure, source line, the numbers behind it, and a CSV of the view."""

from __future__ import annotations

import pandas as pd
import pydeck as pdk
import streamlit as st

from components.export import to_csv_bytes


@st.cache_resource(max_entries=256, show_spinner=False)
def _replayed(_figure, token: str, key: str) -> None:
    """Draw once per built scene; later reruns replay the cached element instead of re-serialising
    its geometry (plotly copies a map's GeoJSON twice and writes it out on every rerun)."""
    _draw(_figure, key)


def _draw(figure, key: str) -> None:
    if isinstance(figure, pdk.Deck):
        st.pydeck_chart(figure, height=560, key=f"{key}-chart")
    else:
        st.plotly_chart(figure, theme=None, key=f"{key}-chart", config={"displaylogo": False})


def show_chart(figure, table: pd.DataFrame, *, source_lines: list[str], file_name: str, key: str,
               alt: str = "", token: str | None = None) -> None:
    if token:
        _replayed(figure, token, key)
    else:
        _draw(figure, key)
    st.caption("  \n".join(dict.fromkeys(source_lines)))
    if alt:
        st.caption(alt)
    with st.expander("The numbers behind this chart"):
        st.dataframe(table, hide_index=True, width="stretch")
        st.download_button("Download this view (CSV)", to_csv_bytes(table), file_name=file_name,
                           mime="text/csv", key=f"{key}-csv", icon=":material/download:")
