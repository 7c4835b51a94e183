"""Compare: countries side by side in one year, across indicators, and between two years."""

import pandas as pd
import streamlit as st

from components import chart_ui, charts, filter_ui, ui, views
from components.countries import REGION, country_name
from components.export import view_table
from components.formatting import short_source, source_line

data = ui.dataset()
ui.file_notices(data)
st.title("Compare countries")

with_totals = views.indicators_with_totals(data.observations)
selection = filter_ui.shared_filters(data, year="single", indicator_filter=with_totals.__contains__,
                                     views=["absolute", "per_population"])
meta = data.indicator(selection.indicator)
if not meta or selection.year is None:
    st.info("There is no country-level figure of this migration type. Choose another type.")
    st.stop()
countries = selection.countries or list(REGION)
if not selection.countries:
    st.info("No country is chosen, so all ten are compared.")

source = data.source(meta["source_id"])
frame = views.ranked(data.observations, selection.indicator, countries, selection.year)
unit = meta["unit"]
if selection.view == "per_population" and meta.get("denominator"):
    frame, unit = views.per_population(frame, data.observations, unit, meta["source_id"])
    frame = frame.sort_values("value", ascending=False, na_position="last")

st.header(f"{meta['label']}, {selection.year}")
figure = charts.ranked_bars(frame, title=f"{meta['label']}, {selection.year}", unit=unit,
                            source=short_source(source, selection.year),
                            kosovo_in_serbia=source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES)
present = frame.dropna(subset=["value"])
alt = ("Ranking: " + ", ".join(f"{i + 1}. {country_name(c)}" for i, c in enumerate(present["country"])) + "."
       if len(present) else "No country has a figure for this year.")
chart_ui.show_chart(figure, view_table(frame, indicator=selection.indicator, unit=unit, source=source_line(source)),
                    source_lines=[source_line(source, selection.year), meta["definition"]],
                    file_name=f"compare_{selection.indicator}_{selection.year}.csv", key="ranked", alt=alt)

st.header("Several indicators side by side")
panels = views.comparison_panels(data.observations, data.indicators, countries)
if panels:
    sources = [data.source(p["source_id"]) for p in panels]
    multiples = charts.small_multiples(panels, title="Emigration, immigration and remittances compared",
                                       source="Sources: " + "; ".join(dict.fromkeys(s.get("short", "") for s in sources)))
    table = pd.concat([p["frame"].assign(indicator=p["indicator"], unit=p["unit"]) for p in panels], ignore_index=True)
    chart_ui.show_chart(multiples, table, source_lines=[source_line(s) for s in sources],
                        file_name="compare_indicators.csv", key="multiples",
                        alt="Each panel shows one indicator for the chosen countries, at its latest year.")

st.header("Change between two years")
years = filter_ui.years_of(data, selection.indicator)
earlier = [y for y in years if y < selection.year]
if not earlier:
    st.info(f"There is no year before {selection.year} to compare with.")
else:
    filter_ui.page_option("since", earlier, earlier[0])
    since = st.select_slider("From", earlier, key="since", persist_state="session")
    change = views.difference(data.observations, selection.indicator, countries, since, selection.year)
    figure = charts.dumbbell(change, year_a=since, year_b=selection.year, unit=meta["unit"],
                             title=f"{meta['label']}: {since} and {selection.year}",
                             source=short_source(source, f"{since} and {selection.year}"))
    chart_ui.show_chart(figure, view_table(change, indicator=selection.indicator, unit=meta["unit"], source=source_line(source)),
                        source_lines=[source_line(source, f"{since}, {selection.year}")],
                        file_name=f"change_{selection.indicator}_{since}_{selection.year}.csv", key="change")
if source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES:
    st.caption("UN DESA counts Kosovo inside Serbia.")
ui.kosovo_footnote()
filter_ui.publish(selection, since=st.session_state.get("since"))
