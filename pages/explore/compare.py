"""Compare: countries side by side in one year, across indicators, and between two years."""

import streamlit as st

from components import alt_text, chart_ui, charts, filter_ui, language_ui, scenes, ui, views
from components.countries import REGION
from components.export import view_table
from components.formatting import short_source, source_line

tx = language_ui.current()
data = ui.dataset()
ui.file_notices(data)
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

source = data.source(meta["source_id"])
label = tx.indicator(selection.indicator, meta["label"])
definition = tx.definition(selection.indicator, meta["definition"])
frame = views.ranked(data.observations, selection.indicator, countries, selection.year)
unit = meta["unit"]
if selection.view == "per_population" and meta.get("denominator"):
    frame, unit = views.per_population(frame, data.observations, unit, meta["source_id"])
    frame = frame.sort_values("value", ascending=False, na_position="last")

title = tx("compare.ranked_title", indicator=label, year=selection.year)
st.header(title)
figure = charts.ranked_bars(frame, title=title, unit=unit, source=short_source(source, selection.year, tx),
                            kosovo_in_serbia=source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES, tx=tx)
present = frame.dropna(subset=["value"])
ranking = ", ".join(f"{i + 1}. {tx.country(c)}" for i, c in enumerate(present["country"]))
alt = tx("compare.ranking", ranking=ranking) if len(present) else tx("compare.no_country_has_data")
chart_ui.show_chart(figure, view_table(frame, indicator=selection.indicator, unit=unit,
                                       source=source_line(source, tx=tx), tx=tx),
                    source_lines=[source_line(source, selection.year, tx), definition],
                    file_name=f"compare_{selection.indicator}_{selection.year}.csv", key="ranked", alt=alt, tx=tx, catalogue=data.indicators)

st.header(tx("compare.multiples_header"))
# The memo takes its arguments by position only; the language is one of them.
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
    change = views.difference(data.observations, selection.indicator, countries, since, selection.year)
    both_years = tx("compare.two_years", first=since, second=selection.year)
    figure = charts.dumbbell(change, year_a=since, year_b=selection.year, unit=meta["unit"],
                             title=tx("compare.change_title", indicator=label, years=both_years),
                             source=short_source(source, both_years, tx), tx=tx)
    chart_ui.show_chart(figure, view_table(change, indicator=selection.indicator, unit=meta["unit"],
                                           source=source_line(source, tx=tx), tx=tx),
                        source_lines=[source_line(source, f"{since}, {selection.year}", tx)],
                        file_name=f"change_{selection.indicator}_{since}_{selection.year}.csv", key="change",
                        alt=alt_text.change_summary(change, since, selection.year, meta["unit"], tx), tx=tx,
                        catalogue=data.indicators)
if source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES:
    st.caption(tx("compare.kosovo_in_serbia"))
ui.kosovo_footnote()
filter_ui.publish(selection, since=st.session_state.get("since"))
