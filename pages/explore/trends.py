"""Trends: the chosen indicator over time for the chosen countries."""

import streamlit as st

from components import chart_ui, filter_ui, ui, views
from components.countries import country_name
from components.export import view_table
from components.formatting import format_number, short_source, source_line
from components.trend_chart import trend

data = ui.dataset()
ui.file_notices(data)
st.title("Trends over time")

with_totals = views.indicators_with_totals(data.observations)
selection = filter_ui.shared_filters(data, year="range", indicator_filter=with_totals.__contains__,
                                     views=["absolute", "per_population", "index"])
meta = data.indicator(selection.indicator)
if not selection.countries:
    st.info("Choose one or more countries in the sidebar to draw their trends.")
    st.stop()
if not meta or selection.years is None:
    st.info("This migration type has too few years of data to show a trend. Choose another type.")
    st.stop()

frame = views.country_totals(data.observations, selection.indicator, selection.countries, selection.years)
unit = meta["unit"]
base = None
if selection.view == "per_population":
    if meta.get("denominator"):
        frame, unit = views.per_population(frame, data.observations, unit, meta["source_id"])
    else:
        st.info(f"'{meta['label']}' has no population denominator; showing absolute numbers.")
elif selection.view == "index":
    years = sorted(frame["year"].unique().tolist())
    if years:
        filter_ui.page_option("base", years, years[0])
        base = st.sidebar.select_slider("Base year (= 100)", years, key="base", persist_state="session")
        frame, dropped = views.indexed(frame, base)
        unit = f"index, {base} = 100"
        if dropped:
            st.info("No figure in the base year, so left out: " + ", ".join(map(country_name, dropped)) + ".")

source = data.source(meta["source_id"])
missing = sorted(set(selection.countries) - set(frame["country"]))
if frame.empty:
    st.info(f"{source.get('short', 'The source')} has no figures for the chosen countries in these years.")
else:
    span = f"{selection.years[0]}–{selection.years[1]}"
    figure = trend(frame, title=f"{meta['label']}, {span}", unit=unit, source=short_source(source, span),
                   time_basis=meta["time_basis"], estimate=meta["estimate"] == "yes")
    first, last = frame.sort_values("year").groupby("country").first(), frame.sort_values("year").groupby("country").last()
    alt = "Trend of " + meta["label"].lower() + ": " + "; ".join(
        f"{country_name(c)} from {format_number(first.at[c, 'value'], unit)} ({first.at[c, 'year']}) "
        f"to {format_number(last.at[c, 'value'], unit)} ({last.at[c, 'year']})"
        for c in first.index) + "."
    notes = [source_line(source, span), f"{meta['definition']} Time basis: {meta['time_basis']}."]
    if missing:
        notes.append("No figures for: " + ", ".join(map(country_name, missing)) + ".")
    chart_ui.show_chart(figure, view_table(frame, indicator=selection.indicator, unit=unit, source=source_line(source)),
                        source_lines=notes, file_name=f"trend_{selection.indicator}_{span}.csv", key="trend", alt=alt)
if source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES:
    st.caption("UN DESA counts Kosovo inside Serbia.")
ui.kosovo_footnote()
filter_ui.publish(selection, base=base)
