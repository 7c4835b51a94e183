"""Streamlit pieces of the Actors & initiatives page: filters, legend, details, loading."""

from __future__ import annotations

import html
from pathlib import Path

import streamlit as st

from components import actor_map, actors
from components.contract import FileReport
from components.countries import REGION
from components.i18n import Texts

ACTORS_FILE = Path("actors") / "actors.csv"
PLACES_FILE = Path("places") / "places.csv"
# How many of a file's problems the page lists before "… and N more".
LISTED_PROBLEMS = 10
# The section on the actors file in docs/DATA.md: a heading of an English document, named as it is written.
DATA_DOC_SECTION = "Actors and initiatives"


def filters(tx: Texts):
    everyone = list(REGION)
    default = [code for code in st.session_state.get("countries", []) if code in REGION]
    first, second, third, fourth = st.columns([3, 3, 2, 3])
    countries = first.multiselect(tx("actors.filters.country"), everyone, default=default, format_func=tx.country,
                                  placeholder=tx("actors.filters.all_countries"), key="actors_countries")
    kinds = second.multiselect(tx("actors.filters.kind"), list(actors.KINDS),
                               format_func=lambda kind: actors.kind_label(kind, tx),
                               placeholder=tx("actors.filters.all_kinds"), key="actors_kinds")
    topics = third.multiselect(tx("actors.filters.topic"), list(actors.TOPICS),
                               format_func=lambda topic: actors.topic_label(topic, tx),
                               placeholder=tx("actors.filters.all_topics"), key="actors_topics")
    text = fourth.text_input(tx("actors.filters.search"), placeholder=tx("actors.filters.search_placeholder"),
                             key="actors_search")
    without_country = st.checkbox(tx("actors.filters.without_country"), value=True, key="actors_without_country")
    return countries, kinds, topics, text, without_country


def map_legend(kinds, tx: Texts):
    dots = " ".join(
        f"<span style='white-space:nowrap'><span style='color:{colour};font-size:1.2em'>●</span> "
        f"{html.escape(actors.kind_label(kind, tx))}</span>"
        for kind, colour in actor_map.legend() if kind in kinds)
    st.markdown(f"<div style='font-size:0.9rem;line-height:1.7'>{dots}<br/>{html.escape(tx('actors.legend'))}</div>",
                unsafe_allow_html=True)


def show_map(scene, key: str, kinds, tx: Texts) -> None:
    """The actors scene's map, which answers clicks (chart_ui.show_chart draws maps that do not),
    its legend and the entries it cannot place. The clicked marker is read by chosen_entry."""
    st.pydeck_chart(scene.figure, on_select="rerun", selection_mode="single-object", height=actor_map.MAP_HEIGHT,
                    width="stretch", key=key)
    map_legend(kinds, tx)
    for note in scene.notes:
        st.caption(note)


def entry_details(entry: dict, tx: Texts) -> None:
    """One entry: its facts in the reader's language, its own words (description, quote) as written."""
    st.markdown(f"#### {entry['name']}")
    facts = [(tx("actors.details.kind"), actors.kind_label(entry["kind"], tx)),
             (tx("actors.details.where"), actors.where(entry, tx)),
             (tx("actors.details.period"), entry["period"] or tx("actors.details.no_period")),
             (tx("actors.details.topics"), actors.topics_text(entry["topics"], tx) or tx("actors.details.no_topics"))]
    st.markdown("  \n".join(f"**{label}:** {value}" for label, value in facts))
    if entry["description"]:
        st.markdown(entry["description"])
    if entry["link"]:
        st.markdown(f"**{tx('actors.details.link')}:** [{entry['link']}]({entry['link']})")
    st.markdown(f"**{tx('common.source')}:** {entry['source'] or tx('actors.details.no_source')}")
    if entry["source_quote"]:
        st.markdown(f"**{tx('actors.details.quote')}**")
        st.markdown(f"> {entry['source_quote']}")


def add_your_initiative(tx: Texts) -> None:
    st.header(tx("actors.add.header"))
    st.markdown(tx("actors.add.body", section=DATA_DOC_SECTION))
    st.download_button(tx("actors.add.download"), actors.template_csv(tx),
                       file_name="actors_template.csv", mime="text/csv")


def file_problems(report: FileReport, tx: Texts) -> None:
    if not report.problems:
        return
    where = f"data/{ACTORS_FILE.as_posix()}"
    listed = "\n".join(f"- {tx.markdown(problem.message)}" for problem in report.problems[:LISTED_PROBLEMS])
    more = (f"\n- {tx('actors.problems_more', count=len(report.problems) - LISTED_PROBLEMS)}"
            if len(report.problems) > LISTED_PROBLEMS else "")
    if report.rejected:
        lead = tx("actors.file_rejected", file=where)
    else:
        lead = tx("actors.file_problems", file=where, rows=report.rows_rejected, count=len(report.problems))
    st.warning(f"{lead}\n{listed}{more}", icon="⚠️")


def chosen_entry(shown, table_key: str, map_key: str) -> str | None:
    """The id of the entry last clicked, in the table or on the map, if it is still shown.

    Read from the two widgets' state before they are drawn, so the map can already mark it.
    """
    state = st.session_state
    table_rows = state[table_key]["selection"]["rows"] if table_key in state else []
    table_ids = [shown.iloc[row]["id"] for row in table_rows if row < len(shown)]
    objects = state[map_key]["selection"]["objects"] if map_key in state else {}
    map_ids = [item.get("id") for item in objects.get(actor_map.LAYER_ID, [])]
    if table_ids != state.get("actor_table_ids", []):
        state["actor_chosen"] = table_ids[0] if table_ids else None
    elif map_ids != state.get("actor_map_ids", []):
        state["actor_chosen"] = map_ids[0] if map_ids else None
    state["actor_table_ids"], state["actor_map_ids"] = table_ids, map_ids
    chosen = state.get("actor_chosen")
    return chosen if chosen in set(shown["id"]) else None


def load_actors():
    """The actors of the shared Dataset (checked, watched and reported like every data file)."""
    from components import ui

    data = ui.dataset()
    reports = [report for report in data.reports if report.kind == "actors"]
    return data.actors, (reports[0] if reports else FileReport(file="actors/actors.csv", kind="actors"))


def country_entries(country: str):
    """The entries of one country, for its profile page."""
    entries, _ = load_actors()
    return entries[entries["country"] == country]
