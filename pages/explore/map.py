"""Map: the chosen indicator for every country of the region in one year."""

import streamlit as st

from components import chart_ui, filter_ui, scenes, ui, views
from components.countries import REGION

tx, data = ui.page_start()
st.title(tx("map.page_title"))

mappable = views.indicators_with_totals(data.observations)
selection = filter_ui.shared_filters(data, year="single", indicator_filter=mappable.__contains__,
                                     views=["absolute", "per_population"])
meta = data.indicator(selection.indicator)
if not meta or selection.year is None:
    st.info(tx("map.nothing_to_map"))
    st.stop()
if not selection.countries:
    st.info(tx("map.all_countries_shown", count=len(REGION)))

scene = scenes.map_scene(data, selection.indicator, selection.year, tuple(selection.countries), selection.view, tx)
for note in scene.notes:
    st.info(note)
chart_ui.show_chart(scene.figure, scene.table, source_lines=scene.source_lines, alt=scene.alt, token=scene.token,
                    file_name=f"map_{selection.indicator}_{selection.year}.csv", key="map", tx=tx, catalogue=data.indicators)
if scene.facts.source_id in views.KOSOVO_IN_SERBIA_SOURCES:
    st.caption(tx("map.kosovo_in_serbia", kosovo=tx.country("XKX")))
ui.kosovo_footnote()
filter_ui.publish(selection)
