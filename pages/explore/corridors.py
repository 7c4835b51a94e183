"""Diaspora corridors: where a country's emigrants live (or its immigrants come from), and change."""

import streamlit as st

from components import chart_ui, filter_ui, scenes, ui, views
from components.corridors import legend_html
from components.countries import REGION, country_name
from components.formatting import format_number, source_line

data = ui.dataset()
ui.file_notices(data)
st.title("Diaspora corridors")

bilateral = views.indicators_with_partners(data.observations)
selection = filter_ui.shared_filters(data, year="single", indicator_filter=bilateral.__contains__)
meta = data.indicator(selection.indicator)
if not meta or selection.year is None:
    st.info("No indicator of this migration type has partner countries. Choose Emigration or Immigration.")
    st.stop()

default_origin = selection.countries[0] if selection.countries else "MDA"
origin = st.sidebar.selectbox("Country", list(REGION), format_func=country_name, key="origin",
                              index=None if "origin" in st.session_state else list(REGION).index(default_origin),
                              persist_state="session") if False else None
filter_ui.page_option("origin", list(REGION), default_origin)
origin = st.sidebar.selectbox("Country of the corridors", list(REGION), format_func=country_name,
                              key="origin", persist_state="session")
years = filter_ui.years_of(data, selection.indicator)
filter_ui.page_option("since", years, years[0])
since = st.sidebar.select_slider("Compare with", years, key="since", persist_state="session")

outward = meta["migration_type"] == "Emigration"
partners = views.partners(data.observations, selection.indicator, origin, selection.year)
source = data.source(meta["source_id"])
unit = meta["unit"]
arrow = f"{country_name(origin)} → partner countries" if outward else f"partner countries → {country_name(origin)}"
st.subheader(f"{meta['label']}: {arrow}, {selection.year}")
if partners.empty:
    st.info(f"{source.get('short', 'The source')} has no partner-country figures for "
            f"{country_name(origin)} in {selection.year}."
            + (" UN DESA counts Kosovo inside Serbia." if origin == "XKX" else ""))
else:
    total = views.country_totals(data.observations, selection.indicator, [origin], (selection.year,) * 2)
    if len(total):
        st.metric(f"Total, {selection.year}", format_number(total["value"].iloc[0], unit))
    scene = scenes.corridor_scene(data, selection.indicator, origin, selection.year)
    st.markdown(legend_html(partners, unit), unsafe_allow_html=True)
    chart_ui.show_chart(scene.figure, scene.table, source_lines=scene.source_lines, alt=scene.alt, token=scene.token,
                        file_name=f"corridors_{origin}_{selection.indicator}_{selection.year}.csv", key="corridors")
    top = partners.head(10)
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader("Largest partners")
        ranked = top.assign(country=top["partner"].map(country_name),
                            people=top["value"].map(lambda v: format_number(v, unit)),
                            share=top["share"].map(lambda s: f"{s:.1f}%"))
        st.table(ranked.set_index("rank")[["country", "people", "share"]])
    with right:
        st.subheader(f"Change from {since} to {selection.year}")
        change = views.change_between(data.observations, selection.indicator, origin, since, selection.year).head(10)
        shown = change.assign(country=change["partner"].map(country_name))
        for column in (str(since), str(selection.year), "change"):
            shown[column] = shown[column].map(lambda v: format_number(v, unit))
        shown["change %"] = change["change_pct"].map(lambda v: "no figure" if v != v else f"{v:+.0f}%")
        st.table(shown.set_index("country")[[str(since), str(selection.year), "change", "change %"]])
if meta.get("estimate") == "yes":
    st.caption("These are modelled estimates, not counts.")
if source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES:
    st.caption("UN DESA counts Kosovo inside Serbia.")
ui.kosovo_footnote()
filter_ui.publish(selection, origin=origin, since=since)
