"""Country profile: everything the data says about one country, in words and charts, downloadable."""

import re

import streamlit as st

from components import chart_ui, filter_ui, language_ui, people, profile, scenes, ui
from components.actors_ui import country_entries
from components.countries import REGION
from components.formatting import format_number, source_line

tx, data = ui.page_start()
selection = filter_ui.shared_filters(data, year=None, indicator=False)
default = selection.countries[0] if selection.countries else "SRB"
filter_ui.page_option("country", list(REGION), default)
country = st.sidebar.selectbox(tx("profile.country_picker"), list(REGION), format_func=tx.country,
                               key="country", persist_state="session")

st.title(tx("profile.title", country=tx.country(country)))
overview = st.container()  # drawn once the scene is built; the section below picks its year first

st.header(tx("people.header"))
people_metrics = st.container()
left, right = st.columns(2, gap="large")
age_years = people.age_years(data.observations, country)
age_year = None
if age_years:
    filter_ui.page_option("age_year", age_years, age_years[-1])
    with left:  # the year picker sits above the pyramid it changes
        age_year = st.select_slider(tx("people.age_year"), age_years, key="age_year")
facts, said, figures, offline_page = scenes.profile_scene(data, country, tx, age_year)
main = [chart for chart in figures if "kind" not in chart]
about_people = {chart["kind"]: chart for chart in figures if "kind" in chart}


def show(chart: dict, index: int) -> None:
    chart_ui.show_chart(chart["figure"], chart["table"], source_lines=[chart["source_line"]],
                        file_name=f"profile_{country}_{index + 1}.csv", key=f"profile-{index}",
                        alt=chart["alt"], token=chart["token"], tx=tx, catalogue=data.indicators)


with overview:
    for sentence in said:
        # "2020. godine …": a number and a full stop at the start would make Markdown start a numbered list.
        st.markdown("- " + re.sub(r"^(\d+)\.", r"\1\\.", sentence))

    shown = [(key, facts.facts[key]) for key in
             ("emigrants", "share_abroad", "immigrants", "net_migration", "remittances_gdp", "returns")
             if key in facts.facts]
    for index, (key, fact) in enumerate(shown):
        if index % 3 == 0:
            row = st.columns(3)
        row[index % 3].metric(tx("profile.metric", label=tx(f"profile.facts.{key}"), year=fact["period"]),
                              format_number(fact["value"], fact["unit"], tx),
                              help=source_line(data.source(fact["source_id"]), fact["period"], tx))

    for index, chart in enumerate(main):
        if index % 2 == 0:
            pair = st.columns(2, gap="large")
        with pair[index % 2]:
            show(chart, index)

people_facts = [(key, facts.facts[key]) for key in ("women_emigrants", "women_immigrants", "tertiary_share")
                if key in facts.facts]
if people_facts:
    with people_metrics:
        for column, (key, fact) in zip(st.columns(3), people_facts):
            column.metric(tx("profile.metric", label=tx(f"profile.facts.{key}"), year=fact["period"]),
                          format_number(fact["value"], fact["unit"], tx),
                          help=source_line(data.source(fact["source_id"]), fact["period"], tx))
with left:
    if "pyramid" in about_people:
        show(about_people["pyramid"], len(main))
    else:
        st.info(tx("people.no_age_data_for", country=tx.country(country)))
with right:
    if "women" in about_people:
        show(about_people["women"], len(main) + 1)
    else:
        st.info(tx("people.no_women_data_for", country=tx.country(country)))
if "education" in about_people:
    left, right = st.columns(2, gap="large")
    with left:
        show(about_people["education"], len(main) + 2)
    with right:
        st.markdown(tx("people.education_coverage", period=about_people["education"]["period"]))
        if country in ("SRB", "XKX"):
            st.caption(tx("people.kosovo_in_dioc"))
else:
    st.info(tx("people.no_education_data_for", country=tx.country(country)))

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
    st.table(profile.actors_table(local, tx))
    st.page_link("pages/explore/actors.py", label=tx("profile.actors.all"), icon=":material/diversity_3:")

if country in ("SRB", "XKX"):
    st.caption(tx("profile.kosovo_in_serbia"))
# The page is written only when the button is clicked (a new profile is drawn 40% faster).
st.download_button(tx("profile.download"), lambda: offline_page().encode("utf-8"),
                   file_name=f"migration_profile_{country}.html", mime="text/html", icon=":material/download:")
ui.kosovo_footnote()
filter_ui.publish(selection, country=country, age_year=age_year)
