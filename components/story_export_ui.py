"""The 'slides to take home' download (presenter mode, Data & sources) and the corridor map's PNG button."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import deck_picture, stories, story_export
from components.corridors import legend_keys
from components.dataset import Dataset
from components.i18n import Texts
from components.settings import data_dir


def story_download(slides: list[stories.Slide], data: Dataset, story: str, tx: Texts, *, key: str) -> None:
    """A checkbox for the speaker notes and the download button. The file (plotly.js, every figure,
    the maps as pictures: about 6 MB) is written only when the button is clicked."""
    notes = st.checkbox(tx("story_export.include_notes"), key=f"{key}-notes")
    st.download_button(tx("story_export.download"),
                       lambda: story_export.story_html(slides, data, tx, story=story, notes=notes).encode("utf-8"),
                       file_name=story_export.file_name(story, tx.code), mime="text/html", key=f"{key}-download",
                       icon=":material/download:", on_click="ignore")


def story_names() -> list[str]:
    """The stories in data/stories/, the default one first."""
    folder = data_dir() / stories.STORIES_DIR
    names = sorted(path.stem for path in folder.glob("*.yaml")) if folder.is_dir() else []
    return sorted(names, key=lambda name: name != stories.DEFAULT_STORY)


def take_home_section(data: Dataset, tx: Texts) -> None:
    """Data & sources: choose a story and download its slides."""
    st.header(tx("story_export.header"))
    st.markdown(tx("story_export.intro"))
    names = story_names()
    if not names:
        return
    story = st.selectbox(tx("story_export.story"), names, key="take_home_story")
    slides, _ = stories.read_stories(stories.story_path(data_dir(), story), data)
    if slides:
        story_download(slides, data, story, tx, key="take_home")


def map_png_button(deck, partners: pd.DataFrame, unit: str, *, title: str, source: str, file_name: str,
                   tx: Texts) -> None:
    """'Save map as PNG' under a corridor map: deck.gl's canvas cannot be read back, so the picture
    is drawn on the server (components/deck_picture.py), when the button is clicked."""
    legend = [(colour, label) for colour, label, _ in legend_keys(partners, unit, tx)]
    st.download_button(tx("story_export.save_map_png"),
                       lambda: deck_picture.corridor_png(deck, title=title, legend=legend, source=source),
                       file_name=file_name, mime="image/png", key="corridors-png", icon=":material/image:",
                       help=tx("story_export.save_map_help"), on_click="ignore")
