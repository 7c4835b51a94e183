"""Corridor card: one origin → destination pair — stock by edition, flows and returns, permits, rank."""

import streamlit as st

from components import chart_ui, circular_scenes, corridor_card, language_ui, link_ui, ui
from components.countries import KOSOVO, REGION
from components.export import to_csv_bytes
from components.formatting import format_number

CIRCULAR_PAGE = "pages/explore/circular.py"
CORRIDORS_PAGE = "pages/explore/corridors.py"

tx, data = ui.page_start()

origins = list(REGION)
link_ui.linked_option("origin", "card_origin", origins, "SRB", country=True)
origin = st.sidebar.selectbox(tx("corridor_card.origin"), origins, format_func=tx.country, key="card_origin", persist_state="session")
choices = corridor_card.destinations(data.observations, data.indicators, origin)
if not choices:
    st.title(tx("corridor_card.nav_title"))
    st.info(tx("corridor_card.sentences.no_stock", origin=tx.country(origin), destination="…"))
    st.stop()
link_ui.linked_option("destination", "card_destination", choices, choices[0], country=True)
destination = st.sidebar.selectbox(tx("corridor_card.destination"), choices, format_func=tx.country,
                                   key="card_destination", persist_state="session")

names = dict(origin=tx.country(origin), destination=tx.country(destination))
st.title(tx("corridor_card.title", **names))
built = circular_scenes.card_scenes(data, origin, destination, tx)
standing = built["card"].standing
if standing:
    stock, share, rank = st.columns(3)
    stock.metric(tx("corridor_card.stock_metric", year=standing["year"]),
                 format_number(standing["value"], "persons", tx))
    share.metric(tx("corridor_card.share_metric", year=standing["year"]),
                 tx("numbers.percent", value=tx.number(standing["share"], 1)))
    rank.metric(tx("corridor_card.rank_metric", year=standing["year"]),
                tx("corridor_card.rank_value", rank=standing["rank"], count=standing["count"]))
for item in built["sentences"]:
    st.markdown(f"- {item['text']}".replace("*", "\\*")
                + (f" <small>({item['provenance']})</small>" if item["provenance"] else ""), unsafe_allow_html=True)

for name, missing in (("stock", None), ("flows", "corridor_card.no_flows"), ("permits", "corridor_card.no_permits")):
    scene = built[name]
    if scene is None:
        if missing:
            st.info(tx(missing))
        continue
    chart_ui.show_chart(scene.figure, scene.table, source_lines=scene.source_lines, alt=scene.alt, token=scene.token,
                        file_name=f"corridor_{origin}_{destination}_{name}.csv", key=f"card-{name}", tx=tx)
    for note in scene.notes:
        st.caption(note)

st.download_button(tx("corridor_card.download"), to_csv_bytes(built["table"]),
                   file_name=f"corridor_{origin}_{destination}.csv", mime="text/csv", icon=":material/download:",
                   key="card-download")
with st.container(horizontal=True, gap="small"):
    st.page_link(CIRCULAR_PAGE, label=tx("corridor_card.circular_link", country=tx.country(origin)),
                 icon=":material/autorenew:", query_params=language_ui.query_with_language({"country": origin}))
    st.page_link(CORRIDORS_PAGE, label=tx("nav.corridors"), icon=":material/flight_takeoff:",
                 query_params=language_ui.query_with_language({}))
if origin in ("SRB", KOSOVO) or destination in ("SRB", KOSOVO):
    st.caption(tx("corridor_card.kosovo_note"))
ui.kosovo_footnote()
link_ui.publish({"origin": ("card_origin", origin), "destination": ("card_destination", destination)})
