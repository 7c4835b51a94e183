"""Circular migration: who leaves, who comes back and what comes back, for one country, on one screen."""

import re

import streamlit as st

from components import chart_ui, circular, circular_scenes, corridor_card, language_ui, link_ui, ui
from components.countries import KOSOVO, REGION

CARD_PAGE = "pages/explore/corridor.py"

tx, data = ui.page_start()

countries = list(REGION)
country = link_ui.linked_option("country", "circular_country", countries, "MDA", country=True)
country = st.sidebar.selectbox(tx("circular.country_picker"), countries, format_func=tx.country,
                               key="circular_country", persist_state="session")
periods = circular.periods(data.observations)
period = None
if periods:
    link_ui.linked_option("period", "circular_period", periods, periods[-1])
    period = st.sidebar.select_slider(tx("circular.period_picker"), periods, key="circular_period", persist_state="session",
                                      format_func=lambda year: f"{year - 5}–{year}")

st.title(tx("circular.page_title", country=tx.country(country)))
st.caption(tx("circular.intro"))
for item in circular_scenes.page_sentences(data, country, period, tx):
    # "2020. godine …": a number and a full stop at the start would make Markdown start a numbered list.
    text = re.sub(r"^(\d+)\.", r"\1\\.", item["text"]).replace("*", "\\*")
    st.markdown(f"- {text}" + (f" <small>({item['provenance']})</small>" if item["provenance"] else ""),
                unsafe_allow_html=True)


def show(scene, name: str) -> None:
    chart_ui.show_chart(scene.figure, scene.table, source_lines=scene.source_lines, alt=scene.alt,
                        token=scene.token, file_name=f"circular_{country}_{name}.csv", key=f"circular-{name}", tx=tx)
    for note in scene.notes:
        st.caption(note)


st.header(tx("circular.leaving_heading"))
flows = circular_scenes.flows_scene(data, country, tx)
if flows:
    show(flows, "flows")
else:
    st.info(tx("circular.no_flows", country=tx.country(country)))

st.header(tx("circular.ratio_heading"))
chart, beside = st.columns([3, 2], gap="large")
with beside:
    ratio = circular.ratio_in(data.observations, country, period)
    label = tx("circular.ratio_metric", period=f"{period - 5}–{period}" if period else "")
    st.metric(label, tx.number(ratio["ratio"], 2) if ratio else tx("circular.no_ratio_metric"),
              help=tx("circular.ratio_help"))
    # The definition stands beside the figure, not behind a tooltip: a ratio means nothing without it.
    st.markdown(tx("circular.ratio_definition"))
with chart:
    ranking = circular_scenes.ranking_scene(data, period, country, tx) if period else None
    if ranking:
        show(ranking, "ranking")


def section(heading: str, scene, key: str, missing: str) -> None:
    """A heading and its chart, or a sentence saying the data has none for this country."""
    st.header(tx(heading))
    if scene:
        show(scene, key)
    else:
        st.info(tx(missing, country=tx.country(country)))


section("circular.returning_heading", circular_scenes.returning_scene(data, country, tx), "returning_nationals",
        "circular.no_returning_nationals")
section("circular.abroad_heading", circular_scenes.permits_scene(data, country, tx), "permits", "circular.no_permits")

st.header(tx("circular.comes_back_heading"))
money = circular_scenes.remittances_scenes(data, country, tx)
if not money:
    st.info(tx("circular.no_remittances", country=tx.country(country)))
for column, scene in zip(st.columns(2, gap="large"), money):
    with column:
        show(scene, scene.table["indicator"].iloc[0])
education = circular_scenes.education_scene(data, country, tx)
if education:
    show(education, "education")
else:
    st.info(tx("circular.no_education", country=tx.country(country)))

destinations = corridor_card.largest_corridors(data.observations, data.indicators, country, count=5)
if destinations:
    st.header(tx("circular.corridor_links"))
    st.caption(tx("corridor_card.links_help"))
    with st.container(horizontal=True, gap="small"):
        for destination in destinations:
            st.page_link(CARD_PAGE, label=tx("corridor_card.title", origin=tx.country(country),
                                             destination=tx.country(destination)),
                         icon=":material/arrow_forward:",
                         query_params=language_ui.query_with_language({"origin": country, "destination": destination}))

if country in ("SRB", "MNE"):
    st.caption(tx("circular.scg_note"))
if country in ("SRB", KOSOVO):
    st.caption(tx("circular.kosovo_in_serbia"))
ui.kosovo_footnote()
link_ui.publish({"country": ("circular_country", country), "period": ("circular_period", period)})
