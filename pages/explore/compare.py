"""Compare: countries side by side in one year, across indicators, and between two years."""

import streamlit as st

from components import chart_ui, filter_ui, scenes, series_scenes, ui, views
from components.countries import REGION

tx, data = ui.page_start()
st.title(tx("compare.title"))

with_totals = views.indicators_with_totals(data.observations)
selection = filter_ui.shared_filters(data, year="single", indicator_filter=with_totals.__contains__,
                                     views=["absolute", "per_population"])
meta = data.indicator(selection.indicator)
if not meta or selection.year is None:
    st.info(tx("compare.no_indicator"))
    st.stop()
countries = selection.countries or list(REGION)
if not selection.countries:
    st.info(tx("compare.all_countries", count=len(REGION)))

ranked = series_scenes.ranked_scene(data, selection.indicator, tuple(countries), selection.year, selection.view, tx)
st.header(tx("compare.ranked_title", indicator=ranked.facts.label, year=selection.year))
chart_ui.show_chart(ranked.figure, ranked.table, source_lines=ranked.source_lines,
                    file_name=f"compare_{selection.indicator}_{selection.year}.csv", key="ranked", alt=ranked.alt,
                    token=ranked.token, tx=tx, catalogue=data.indicators)

st.header(tx("compare.multiples_header"))
multiples = scenes.multiples_scene(data, tuple(countries), tx)
if multiples:
    chart_ui.show_chart(multiples.figure, multiples.table, source_lines=multiples.source_lines,
                        file_name="compare_indicators.csv", key="multiples", alt=multiples.alt,
                        token=multiples.token, tx=tx, catalogue=data.indicators)

st.header(tx("people.education_header"))
education = scenes.education_scene(data, tuple(countries), tx)
if education is None:
    st.info(tx("compare.no_country_has_data"))
else:
    st.markdown(tx("people.education_coverage", period=education.table["period"].iloc[0]))
    chart_ui.show_chart(education.figure, education.table, source_lines=education.source_lines + education.notes,
                        file_name="compare_education_of_emigrants.csv", key="education", alt=education.alt,
                        token=education.token, tx=tx)
    if {"SRB", "XKX"} & set(countries):
        st.caption(tx("people.kosovo_in_dioc"))

st.header(tx("compare.change_header"))
years = filter_ui.years_of(data, selection.indicator)
earlier = [y for y in years if y < selection.year]
if not earlier:
    st.info(tx("compare.no_earlier_year", year=selection.year))
else:
    filter_ui.page_option("since", earlier, earlier[0])
    since = st.select_slider(tx("compare.since"), earlier, key="since", persist_state="session")
    change = series_scenes.change_scene(data, selection.indicator, tuple(countries), since, selection.year, tx)
    chart_ui.show_chart(change.figure, change.table, source_lines=change.source_lines,
                        file_name=f"change_{selection.indicator}_{since}_{selection.year}.csv", key="change",
                        alt=change.alt, token=change.token, tx=tx, catalogue=data.indicators)
if ranked.facts.source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES:
    st.caption(tx("compare.kosovo_in_serbia"))
ui.kosovo_footnote()
filter_ui.publish(selection, since=st.session_state.get("since"))
