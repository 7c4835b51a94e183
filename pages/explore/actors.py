"""Actors & initiatives: who is doing what on migration in the region, on a map and in a table."""

import hashlib

import streamlit as st

from components import actor_map, actors, ui
from components.actors_ui import (add_your_initiative, chosen_entry, entry_details, file_problems, filters,
                                  load_actors, map_legend)
from components.countries import KOSOVO_FOOTNOTE

data = ui.dataset()
ui.file_notices(data)
entries, report = load_actors()

st.title("Actors & initiatives")
st.markdown(
    "Who is working on migration in the region, and examples of good local practice. The first "
    "entries are the organisations and examples named at the regional meeting on circular "
    "migration in Belgrade on 27 November 2025; each one quotes the sentence of the source it "
    "rests on. Staff can add more (see **Add your initiative** below)."
)
file_problems(report)
if entries.empty and not report.problems:
    st.info("No actors file in data/actors/ yet: download the template below, fill it in and drop it there.")

countries, kinds, topics, text, without_country = filters()
shown = actors.filter_actors(entries, countries, kinds, topics, text, without_country)
# A new filter gives a new table and map, so a selection never points at a row that moved.
suffix = hashlib.sha1(repr((countries, kinds, topics, text, without_country)).encode()).hexdigest()[:10]
table_key, map_key = f"actors_table_{suffix}", f"actors_map_{suffix}"
chosen = chosen_entry(shown, table_key, map_key)

listing, geography = st.columns([3, 2], gap="medium")
with listing:
    st.markdown(f"**{len(shown)} of {len(entries)} entries** · click a row for its details")
    st.dataframe(actors.table_view(shown), hide_index=True, width="stretch", height=420,
                 on_select="rerun", selection_mode="single-row", key=table_key,
                 column_config={"Name": st.column_config.TextColumn(width=235),
                                "Kind": st.column_config.TextColumn(width=135),
                                "Where": st.column_config.TextColumn(width=160)})
boundaries = data.boundaries.get("region_countries", {"features": []})
with geography:
    st.pydeck_chart(actor_map.actors_map(shown, boundaries, highlight=chosen),
                    on_select="rerun", selection_mode="single-object", height=actor_map.MAP_HEIGHT,
                    width="stretch", key=map_key)
    map_legend(shown["kind"].unique())
    missing = actor_map.unmapped(shown, boundaries)
    if len(missing):
        st.caption("In the table but not on the map, because the source names no country: "
                   + ", ".join(missing["name"]) + ".")

st.subheader("Details")
if chosen is None:
    st.info("Click a row in the table or a marker on the map to see the entry's details and the "
            "sentence of the source it rests on.")
else:
    with st.container(border=True, key="actor_details"):
        entry_details(shown[shown["id"] == chosen].iloc[0].to_dict())

add_your_initiative()
st.caption(KOSOVO_FOOTNOTE)
