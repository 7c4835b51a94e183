"""Map: the chosen indicator for every country of the region in one year."""

import streamlit as st

from components import chart_ui, filter_ui, scenes, ui, views

data = ui.dataset()
ui.file_notices(data)
st.title("Map of the region")

mappable = views.indicators_with_totals(data.observations)
selection = filter_ui.shared_filters(data, year="single", indicator_filter=mappable.__contains__,
                                     views=["absolute", "per_population"])
meta = data.indicator(selection.indicator)
if not meta or selection.year is None:
    st.info("There is no country-level figure of this migration type to map. Choose another type.")
    st.stop()
if not selection.countries:
    st.info("No country is chosen, so all ten are shown.")

scene = scenes.map_scene(data, selection.indicator, selection.year, tuple(selection.countries), selection.view)
for note in scene.notes:
    st.info(note)
chart_ui.show_chart(scene.figure, scene.table, source_lines=scene.source_lines, alt=scene.alt, token=scene.token,
                    file_name=f"map_{selection.indicator}_{selection.year}.csv", key="map")
if meta["source_id"] in views.KOSOVO_IN_SERBIA_SOURCES:
    st.caption("UN DESA counts Kosovo inside Serbia, so Kosovo* shows no figure of its own here.")
ui.kosovo_footnote()
filter_ui.publish(selection)
