"""Presenter mode: a story of slides from data/stories/, full screen, readable from the back row."""

import streamlit as st

from components import presenter_ui, ui

data = ui.dataset()
ui.watch_data(data)
presenter_ui.projector_screen()

name, path = presenter_ui.chosen_story()
slides, report = presenter_ui.load_story(path, data)
if not slides:
    presenter_ui.no_slides(report)
    st.stop()
index = presenter_ui.current_index(slides, name)
presenter_ui.slide(slides, index, data, report)
