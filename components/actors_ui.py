"""Streamlit pieces of the Actors & initiatives page: filters, legend, details, loading."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import actor_map, actors
from components.countries import REGION, country_name
from components.contract import FileReport

ACTORS_FILE = Path("actors") / "actors.csv"
PLACES_FILE = Path("places") / "places.csv"


def filters():
    everyone = list(REGION)
    default = [code for code in st.session_state.get("countries", []) if code in REGION]
    first, second, third, fourth = st.columns([3, 3, 2, 3])
    countries = first.multiselect("Country", everyone, default=default, format_func=country_name,
                                  placeholder="All countries", key="actors_countries")
    kinds = second.multiselect("Kind", list(actors.KINDS), placeholder="All kinds", key="actors_kinds")
    topics = third.multiselect("Topic", list(actors.TOPICS), placeholder="All topics", key="actors_topics")
    text = fourth.text_input("Search", placeholder="Name, place or description", key="actors_search")
    without_country = st.checkbox(
        "Include entries with no country (international partners, region-wide processes)",
        value=True, key="actors_without_country")
    return countries, kinds, topics, text, without_country


def map_legend(kinds):
    dots = " ".join(
        f"<span style='white-space:nowrap'><span style='color:{colour};font-size:1.2em'>●</span> {kind}</span>"
        for kind, colour in actor_map.legend() if kind in kinds)
    st.markdown(
        f"<div style='font-size:0.9rem;line-height:1.7'>{dots}<br/>"
        "Larger dot with a dark ring: a municipality with a local migration profile. "
        "Ring with a pale centre: country-level entry, no exact place (drawn at the country's "
        "centre).</div>", unsafe_allow_html=True)


def entry_details(entry: dict) -> None:
    st.markdown(f"#### {entry['name']}")
    facts = [("Kind", entry["kind"]), ("Where", actors.where(entry)),
             ("Period", entry["period"] or "not given in the source"),
             ("Topics", entry["topics"] or "none named in the source")]
    st.markdown("  \n".join(f"**{label}:** {value}" for label, value in facts))
    if entry["description"]:
        st.markdown(entry["description"])
    if entry["link"]:
        st.markdown(f"**Link:** [{entry['link']}]({entry['link']})")
    st.markdown(f"**Source:** {entry['source'] or 'not given'}")
    if entry["source_quote"]:
        st.markdown("**The sentence it rests on:**")
        st.markdown(f"> {entry['source_quote']}")


def add_your_initiative() -> None:
    st.header("Add your initiative")
    st.markdown(
        "The list lives in `data/actors/actors.csv`, a file staff can edit in a spreadsheet. Download "
        "the template, fill in one row per organisation or initiative (replace every text in angle "
        "brackets), and add the rows to that file: the page shows them at once. Name the document "
        "each entry comes from and quote its sentence. The README section **Actors and initiatives** "
        "explains every column, kind and topic."
    )
    st.download_button("Download the template (CSV)", actors.template_csv(),
                       file_name="actors_template.csv", mime="text/csv")


def file_problems(report) -> None:
    if not report.problems:
        return
    where = f"data/{ACTORS_FILE.as_posix()}"
    listed = "\n".join(f"- {problem.message}" for problem in report.problems[:10])
    more = f"\n- … and {len(report.problems) - 10} more" if len(report.problems) > 10 else ""
    if report.rejected:
        lead = f"**{where}** could not be used, so no entries are shown:"
    else:
        lead = (f"**{where}**: {report.rows_rejected} row(s) left out, "
                f"{len(report.problems)} problem(s) to look at:")
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
