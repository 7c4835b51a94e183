"""Diaspora corridors: where a country's emigrants live (or its immigrants come from), and change."""

import streamlit as st

from components import chart_ui, filter_ui, indicator_facts, language_ui, scenes, story_export_ui, ui, views
from components.corridors import legend_html, percent
from components.countries import REGION
from components.formatting import format_number, source_name

tx, data = ui.page_start()
st.title(tx("corridors.page_title"))

bilateral = views.indicators_with_partners(data.observations)
selection = filter_ui.shared_filters(data, year="single", indicator_filter=bilateral.__contains__)
meta = data.indicator(selection.indicator)
if not meta or selection.year is None:
    st.info(tx("corridors.no_partner_indicator", emigration=tx.migration_type("Emigration"),
               immigration=tx.migration_type("Immigration")))
    st.stop()

default_origin = selection.countries[0] if selection.countries else "MDA"
filter_ui.page_option("origin", list(REGION), default_origin)
origin = st.sidebar.selectbox(tx("corridors.origin"), list(REGION), format_func=tx.country,
                              key="origin", persist_state="session")
years = filter_ui.years_of(data, selection.indicator)
filter_ui.page_option("since", years, years[0])
since = st.sidebar.select_slider(tx("corridors.since"), years, key="since", persist_state="session")

# The indicator's words, unit and source, read once for the page (the scene reads them for its chart).
facts = indicator_facts.resolve(data, selection.indicator, tx)
outward = facts.migration_type == "Emigration"
partners = views.partners(data.observations, selection.indicator, origin, selection.year)
source, unit, label = facts.source, facts.unit, facts.label
direction = tx("corridors.outward" if outward else "corridors.inward", country=tx.country(origin))
st.header(tx("corridors.subheader", indicator=label, direction=direction, year=selection.year))
if partners.empty:
    st.info(tx("corridors.no_partners", source=source_name(source, tx) if source else tx("corridors.the_source"),
               country=tx.country(origin), year=selection.year)
            + (" " + tx("corridors.kosovo_in_serbia") if origin == "XKX" else ""))
else:
    total = views.country_totals(data.observations, selection.indicator, [origin], (selection.year,) * 2)
    if len(total):
        st.metric(tx("corridors.total", year=selection.year), format_number(total["value"].iloc[0], unit, tx))
    scene = scenes.corridor_scene(data, selection.indicator, origin, selection.year, tx)
    st.markdown(legend_html(partners, unit, tx), unsafe_allow_html=True)
    chart_ui.show_chart(scene.figure, scene.table, source_lines=scene.source_lines, alt=scene.alt, token=scene.token,
                        file_name=f"corridors_{origin}_{selection.indicator}_{selection.year}.csv", key="corridors",
                        tx=tx, catalogue=data.indicators)
    story_export_ui.map_png_button(scene.figure, partners, unit, title=tx("corridors.subheader", indicator=label,
                                                                          direction=direction, year=selection.year),
                                   source=scene.source_lines[0], tx=tx,
                                   file_name=f"corridors_{origin}_{selection.indicator}_{selection.year}.png")
    top = partners.head(10)
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader(tx("corridors.largest"))
        ranked = top.assign(country=top["partner"].map(tx.country),
                            people=top["value"].map(lambda v: format_number(v, unit, tx)),
                            share=top["share"].map(lambda s: percent(s, tx)))
        ranked = ranked.set_index("rank")[["country", "people", "share"]]
        st.table(ranked.rename_axis(tx("corridors.columns.rank"))
                 .rename(columns=lambda column: tx(f"corridors.columns.{column}")))
        if outward:
            # A card per partner: pydeck cannot send a click on the map back, so the table's partners link.
            st.markdown(f"**{tx('corridor_card.links_heading')}**")
            st.caption(tx("corridor_card.links_help"))
            with st.container(horizontal=True, gap="small", key="corridor_card_links"):
                for partner in top["partner"]:
                    st.page_link("pages/explore/corridor.py", label=tx.country(partner),
                                 icon=":material/arrow_forward:",
                                 query_params=language_ui.query_with_language({"origin": origin,
                                                                               "destination": partner}))
    with right:
        st.subheader(tx("corridors.change_title", since=since, year=selection.year))
        change = views.change_between(data.observations, selection.indicator, origin, since, selection.year).head(10)
        shown = change.assign(country=change["partner"].map(tx.country))
        # "Since" may be the year shown (a link's ?since=, or the slider): then it is one column.
        years_shown = list(dict.fromkeys((str(since), str(selection.year))))
        for column in (*years_shown, "change"):
            shown[column] = shown[column].map(lambda v: format_number(v, unit, tx))
        shown["change_pct"] = change["change_pct"].map(
            lambda v: tx("corridors.no_figure") if v != v
            else tx("numbers.percent", value=("+" if v > 0 else "") + tx.number(v, 0)))
        shown = shown.set_index("country")[[*years_shown, "change", "change_pct"]]
        st.table(shown.rename_axis(tx("corridors.columns.country"))
                 .rename(columns={"change": tx("corridors.columns.change"),
                                  "change_pct": tx("corridors.columns.change_pct")}))
if facts.estimate:
    st.caption(tx("corridors.estimates"))
if source.get("id") in views.KOSOVO_IN_SERBIA_SOURCES:
    st.caption(tx("corridors.kosovo_in_serbia"))
ui.kosovo_footnote()
filter_ui.publish(selection, origin=origin, since=since)
