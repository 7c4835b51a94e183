"""Country profile: everything the data says about one country, in words and charts, downloadable."""

import streamlit as st

from components import chart_ui, filter_ui, scenes, ui
from components.actors_ui import country_entries
from components.countries import REGION, country_name
from components.formatting import format_number, source_line

data = ui.dataset()
ui.file_notices(data)
selection = filter_ui.shared_filters(data, year=None, indicator=False)
default = selection.countries[0] if selection.countries else "SRB"
filter_ui.page_option("country", list(REGION), default)
country = st.sidebar.selectbox("Country of the profile", list(REGION), format_func=country_name,
                               key="country", persist_state="session")

st.title(f"Migration profile: {country_name(country)}")
facts, said, figures, html = scenes.profile_scene(data, country)
for sentence in said:
    st.markdown(f"- {sentence}")

labels = {"emigrants": "Emigrants", "share_abroad": "Born here, living abroad", "immigrants": "Immigrants",
          "net_migration": "Net migration", "remittances_gdp": "Remittances, % of GDP",
          "returns": "Returns over five years (estimate)"}
shown = [(key, facts.facts[key]) for key in labels if key in facts.facts]
for index, (key, fact) in enumerate(shown):
    if index % 3 == 0:
        row = st.columns(3)
    row[index % 3].metric(f"{labels[key]} ({fact['year']})", format_number(fact["value"], fact["unit"]),
                  help=source_line(data.source(fact["source_id"]), fact["year"]))

for index, chart in enumerate(figures):
    if index % 2 == 0:
        pair = st.columns(2, gap="large")
    with pair[index % 2]:
        chart_ui.show_chart(chart["figure"], chart["table"], source_lines=[source_line(data.source(chart["source_id"]))],
                            file_name=f"profile_{country}_{index + 1}.csv", key=f"profile-{index}")

st.subheader(f"Actors and initiatives in {country_name(country)}")
local = country_entries(country)
if local.empty:
    st.markdown("None listed yet. Add one on the **Actors & initiatives** page.")
else:
    st.table(local.assign(place=local["place"].replace("", "whole country"))
             .set_index("name")[["kind", "place", "period"]])
    st.page_link("pages/explore/actors.py", label="All actors and initiatives", icon=":material/diversity_3:")

if country in ("SRB", "XKX"):
    st.caption("UN DESA counts Kosovo inside Serbia: Serbia's emigrant and immigrant figures include Kosovo.")
st.download_button("Download this profile (HTML, opens offline)", html.encode("utf-8"),
                   file_name=f"migration_profile_{country}.html", mime="text/html", icon=":material/download:")
ui.kosovo_footnote()
filter_ui.publish(selection, country=country)
