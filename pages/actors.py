"""Actors & initiatives: who is doing what on migration in the region, on a map and in a table."""

import hashlib
from pathlib import Path

import streamlit as st

from components import actor_map, actors, ui
from components.countries import KOSOVO_FOOTNOTE, REGION, country_name
from components.settings import data_dir

ACTORS_FILE = Path("actors") / "actors.csv"
PLACES_FILE = Path("places") / "places.csv"


def main() -> None:
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


@st.cache_data(max_entries=4, show_spinner=False)
def _read(actors_path: str, places_path: str, content_hash: str):
    # Keyed on both files' content, so an edited actors.csv shows without restarting the app.
    places = actors.load_places(Path(places_path))
    return actors.read_actors_file(Path(actors_path), places)


def load_actors():
    folder = data_dir()
    paths = (folder / ACTORS_FILE, folder / PLACES_FILE)
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes() if path.is_file() else b"missing")
    return _read(*(str(path) for path in paths), digest.hexdigest())


main()
