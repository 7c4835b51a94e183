"""Actors & initiatives: who is doing what on migration in the region, on a map and in a table."""

import hashlib

import streamlit as st

from components import actor_map, actors, ui
from components.actors_ui import (add_your_initiative, chosen_entry, entry_details, file_problems, filters,
                                  load_actors, show_map)

tx, data = ui.page_start()
entries, report = load_actors()

st.title(tx("nav.actors"))
st.markdown(tx("actors.intro"))
file_problems(report, tx)
if entries.empty and not report.problems:
    st.info(tx("actors.no_file"))

countries, kinds, topics, text, without_country = filters(tx)
shown = actors.filter_actors(entries, countries, kinds, topics, text, without_country)
# A new filter gives a new table and map, so a selection never points at a row that moved.
suffix = hashlib.sha1(repr((countries, kinds, topics, text, without_country)).encode()).hexdigest()[:10]
table_key, map_key = f"actors_table_{suffix}", f"actors_map_{suffix}"
chosen = chosen_entry(shown, table_key, map_key)
scene = actor_map.actors_scene(data, shown, chosen, tx)

listing, geography = st.columns([3, 2], gap="medium")
with listing:
    st.markdown(scene.alt)
    st.dataframe(scene.table, hide_index=True, width="stretch", height=420,
                 on_select="rerun", selection_mode="single-row", key=table_key,
                 column_config={tx("actors.table.name"): st.column_config.TextColumn(width=235),
                                tx("actors.table.kind"): st.column_config.TextColumn(width=135),
                                tx("actors.table.where"): st.column_config.TextColumn(width=160)})
with geography:
    show_map(scene, map_key, shown["kind"].unique(), tx)

st.header(tx("actors.details.header"))
if chosen is None:
    st.info(tx("actors.details.hint"))
else:
    with st.container(border=True, key="actor_details"):
        entry_details(shown[shown["id"] == chosen].iloc[0].to_dict(), tx)

add_your_initiative(tx)
ui.kosovo_footnote()
