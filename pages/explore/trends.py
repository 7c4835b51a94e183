"""Trends: the chosen indicator over time for the chosen countries."""

import streamlit as st

from components import chart_ui, filter_ui, series_scenes, ui, views

tx, data = ui.page_start()
st.title(tx("trends.title"))

with_totals = views.indicators_with_totals(data.observations)
selection = filter_ui.shared_filters(data, year="range", indicator_filter=with_totals.__contains__,
                                     views=["absolute", "per_population", "index"])
meta = data.indicator(selection.indicator)
if not selection.countries:
    st.info(tx("trends.choose_countries"))
    st.stop()
if not meta or selection.years is None:
    st.info(tx("trends.too_few_years"))
    st.stop()

base = None
if selection.view == "index":
    years = series_scenes.trend_years(data, selection.indicator, tuple(selection.countries), selection.years)
    if years:
        filter_ui.page_option("base", years, years[0])
        base = st.sidebar.select_slider(tx("trends.base_year"), years, key="base", persist_state="session")

scene = series_scenes.trends_scene(data, selection.indicator, tuple(selection.countries), selection.years,
                                   selection.view, base, None, tx)
for note in scene.notes:
    st.info(note)
if scene.figure is not None:
    span = f"{selection.years[0]}–{selection.years[1]}"
    chart_ui.show_chart(scene.figure, scene.table, source_lines=scene.source_lines,
                        file_name=f"trend_{selection.indicator}_{span}.csv", key="trend", alt=scene.alt,
                        token=scene.token, tx=tx, catalogue=data.indicators)
if scene.facts.source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES:
    st.caption(tx("trends.kosovo_in_serbia"))
ui.kosovo_footnote()
filter_ui.publish(selection, base=base)
