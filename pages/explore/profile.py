"""Country profile: everything the data says about one country, in words and charts, downloadable."""

import re

import streamlit as st

from components import actors, chart_ui, filter_ui, language_ui, scenes, ui
from components.actors_ui import country_entries
from components.countries import REGION
from components.formatting import format_number, source_line

tx = language_ui.current()
data = ui.dataset()
ui.file_notices(data)
selection = filter_ui.shared_filters(data, year=None, indicator=False)
default = selection.countries[0] if selection.countries else "SRB"
filter_ui.page_option("country", list(REGION), default)
country = st.sidebar.selectbox(tx("profile.country_picker"), list(REGION), format_func=tx.country,
                               key="country", persist_state="session")

st.title(tx("profile.title", country=tx.country(country)))
facts, said, figures, offline_page = scenes.profile_scene(data, country, tx)
for sentence in said:
    # "2020. godine …": a number and a full stop at the start would make Markdown start a numbered list.
    st.markdown("- " + re.sub(r"^(\d+)\.", r"\1\\.", sentence))

shown = [(key, facts.facts[key]) for key in
         ("emigrants", "share_abroad", "immigrants", "net_migration", "remittances_gdp", "returns")
         if key in facts.facts]
for index, (key, fact) in enumerate(shown):
    if index % 3 == 0:
        row = st.columns(3)
    row[index % 3].metric(tx("profile.metric", label=tx(f"profile.facts.{key}"), year=fact["year"]),
                          format_number(fact["value"], fact["unit"], tx),
                          help=source_line(data.source(fact["source_id"]), fact["year"], tx))

for index, chart in enumerate(figures):
    if index % 2 == 0:
        pair = st.columns(2, gap="large")
    with pair[index % 2]:
        chart_ui.show_chart(chart["figure"], chart["table"], source_lines=[chart["source_line"]],
                            file_name=f"profile_{country}_{index + 1}.csv", key=f"profile-{index}",
                            alt=chart["alt"], token=chart["token"], tx=tx)

if len(facts.destinations):
    # The largest destinations open their corridor cards.
    st.subheader(tx("circular.corridor_links"))
    with st.container(horizontal=True, gap="small", key="profile_corridor_links"):
        for destination in facts.destinations["partner"].head(5):
            st.page_link("pages/explore/corridor.py", icon=":material/arrow_forward:",
                         label=tx("corridor_card.title", origin=tx.country(country), destination=tx.country(destination)),
                         query_params=language_ui.query_with_language({"origin": country, "destination": destination}))
    st.page_link("pages/explore/circular.py", label=tx("corridor_card.circular_link", country=tx.country(country)),
                 icon=":material/autorenew:", query_params=language_ui.query_with_language({"country": country}))

st.header(tx("profile.actors.heading", country=tx.country(country)))
local = country_entries(country)
if local.empty:
    st.markdown(tx("profile.actors.none", page=tx("nav.actors")))
else:
    table = local.assign(place=local["place"].replace("", tx("profile.actors.whole_country")),
                         kind=[actors.kind_label(kind, tx) for kind in local["kind"]])
    table = table.set_index("name")[["kind", "place", "period"]]
    table.index.name = tx("profile.actors.name")
    st.table(table.rename(columns={"kind": tx("profile.actors.kind"), "place": tx("profile.actors.place"),
                                   "period": tx("profile.actors.period")}))
    st.page_link("pages/explore/actors.py", label=tx("profile.actors.all"), icon=":material/diversity_3:")

if country in ("SRB", "XKX"):
    st.caption(tx("profile.kosovo_in_serbia"))
# The page is written only when the button is clicked (a new profile is drawn 40% faster).
st.download_button(tx("profile.download"), lambda: offline_page().encode("utf-8"),
                   file_name=f"migration_profile_{country}.html", mime="text/html", icon=":material/download:")
ui.kosovo_footnote()
filter_ui.publish(selection, country=country)
