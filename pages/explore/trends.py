"""Trends: the chosen indicator over time for the chosen countries."""

import streamlit as st

from components import chart_ui, filter_ui, language_ui, ui, views
from components.export import view_table
from components.formatting import format_number, short_source, source_line
from components.trend_chart import time_basis_text, trend

tx = language_ui.current()
data = ui.dataset()
ui.file_notices(data)
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

label = tx.indicator(selection.indicator, meta["label"])
frame = views.country_totals(data.observations, selection.indicator, selection.countries, selection.years)
unit = meta["unit"]
base = None
if selection.view == "per_population":
    if meta.get("denominator"):
        frame, unit = views.per_population(frame, data.observations, unit, meta["source_id"])
    else:
        st.info(tx("trends.no_denominator", indicator=label))
elif selection.view == "index":
    years = sorted(frame["year"].unique().tolist())
    if years:
        filter_ui.page_option("base", years, years[0])
        base = st.sidebar.select_slider(tx("trends.base_year"), years, key="base", persist_state="session")
        frame, dropped = views.indexed(frame, base)
        unit = tx("trends.index_unit", base=base)
        if dropped:
            st.info(tx("trends.no_base_figure", countries=", ".join(map(tx.country, dropped))))

source = data.source(meta["source_id"])
missing = sorted(set(selection.countries) - set(frame["country"]))
if frame.empty:
    st.info(tx("trends.no_figures", source=source.get("short") or tx("trends.the_source")))
else:
    span = f"{selection.years[0]}–{selection.years[1]}"
    figure = trend(frame, title=tx("trends.chart_title", indicator=label, span=span), unit=unit,
                   source=short_source(source, span, tx), time_basis=meta["time_basis"],
                   estimate=meta["estimate"] == "yes", tx=tx)
    first, last = frame.sort_values("year").groupby("country").first(), frame.sort_values("year").groupby("country").last()
    series = "; ".join(tx("trends.alt_series", country=tx.country(c),
                          first=format_number(first.at[c, "value"], unit, tx), first_year=first.at[c, "year"],
                          last=format_number(last.at[c, "value"], unit, tx), last_year=last.at[c, "year"])
                       for c in first.index)
    alt = tx("trends.alt", indicator=label[:1].lower() + label[1:], series=series)
    notes = [source_line(source, span, tx),
             tx("trends.definition_note", definition=tx.definition(selection.indicator, meta["definition"]),
                time_basis=time_basis_text(meta["time_basis"], tx))]
    if missing:
        notes.append(tx("trends.no_figures_for", countries=", ".join(map(tx.country, missing))))
    chart_ui.show_chart(figure, view_table(frame, indicator=selection.indicator, unit=unit,
                                           source=source_line(source, tx=tx), tx=tx),
                        source_lines=notes, file_name=f"trend_{selection.indicator}_{span}.csv", key="trend",
                        alt=alt, tx=tx, catalogue=data.indicators)
if source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES:
    st.caption(tx("trends.kosovo_in_serbia"))
ui.kosovo_footnote()
filter_ui.publish(selection, base=base)
