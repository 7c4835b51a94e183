"""The circular-migration page and the corridor cards through AppTest: every region country, the ten
largest corridors of each core country, links that open a card directly, and the links to cards."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components import corridor_card
from components.countries import CORE, REGION
from components.dataset import load_dataset
from components.i18n import english
from tests.conftest import DATA, REPO

CIRCULAR, CARD = "pages/explore/circular.py", "pages/explore/corridor.py"
ENGLISH = english()
DATASET = load_dataset(DATA, keep_history=False)
CORRIDORS = [(origin, destination) for origin in CORE
             for destination in corridor_card.largest_corridors(DATASET.observations, DATASET.indicators, origin)]


def open_page(page: str, **params) -> AppTest:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    app.query_params.update(params)
    app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def said(app: AppTest) -> str:
    return "\n".join(str(e.value) for e in [*app.markdown, *app.caption, *app.info, *app.header])


def test_the_sweep_covers_ten_corridors_of_each_core_country():
    assert len(CORRIDORS) == 50 and ("SRB", "DEU") in CORRIDORS and ("MDA", "ITA") in CORRIDORS


@pytest.mark.parametrize("country", list(REGION))
def test_the_circular_page_renders_real_figures_for_every_country(country):
    app = open_page(CIRCULAR, country=country)
    assert app.title[0].value.endswith(ENGLISH.country(country))
    assert app.sidebar.selectbox[1].value == country
    assert len(app.get("plotly_chart")) >= 3  # permits, remittances, education at least
    text = said(app)
    assert "Return ratio = people born in the country who moved back" in text, "the definition is on screen"
    ratio = app.metric[0]
    if country == "XKX":
        assert ratio.value == "no estimate" and "Abel & Cohen give no estimates" in text
    else:
        assert ratio.value.startswith("0.") and "an estimated" in text and "(estimate · Abel & Cohen" in text


def test_moldovas_page_says_the_hand_checked_ratio():
    app = open_page(CIRCULAR, country="MDA", period="2020")
    assert app.metric[0].label == "Return ratio, 2015–2020" and app.metric[0].value == "0.30"
    assert ("Between 2015 and 2020, an estimated 283,178 people left Moldova and 85,037 came back: about one "
            "return for every 3.3 departures.") in said(app)
    assert app.query_params["country"] == "MDA" and app.query_params["period"] == "2020", "a copied link reopens it"


@pytest.mark.parametrize("origin, destination", CORRIDORS, ids=lambda v: v)
def test_the_card_of_each_large_corridor_renders_from_its_link(origin, destination):
    app = open_page(CARD, origin=origin, destination=destination)
    assert app.title[0].value == f"{ENGLISH.country(origin)} → {ENGLISH.country(destination)}"
    assert app.sidebar.selectbox[2].value == destination  # opened directly on that card
    assert app.get("plotly_chart"), "at least the stock by edition"
    assert [m.label.split(",")[0] for m in app.metric] == ["Emigrants living there", "Share of all emigrants",
                                                           "Rank among destinations"]
    assert app.get("download_button"), "the card's numbers download as CSV"


def test_the_serbia_germany_card_shows_every_part_in_serbian_cyrillic():
    app = open_page(CARD, origin="SRB", destination="DEU", lang="sr-Cyrl")
    assert app.title[0].value == "Србија → Немачка"
    assert len(app.get("plotly_chart")) == 3  # stock by edition, flows and returns, permits
    assert [m.value for m in app.metric] == ["303.740", "31,5%", "1. од 44"]
    assert "63.534" in said(app) and "11.374" in said(app)


def test_a_card_link_with_an_unknown_destination_says_so_and_shows_the_largest():
    app = open_page(CARD, origin="MDA", destination="Atlantis")
    assert any("Atlantis" in info.value for info in app.info)
    assert app.title[0].value == "Moldova → Italy"


def test_the_corridors_page_and_the_profile_link_to_cards():
    corridors = open_page("pages/explore/corridors.py", countries="SRB", origin="SRB", indicator="emigrant_stock")
    links = [link for link in corridors.get("page_link") if link.proto.page == "corridor"]
    assert len(links) == 10 and links[0].proto.label == "Germany"
    assert "origin=SRB" in links[0].proto.query_string and "destination=DEU" in links[0].proto.query_string
    profile = open_page("pages/explore/profile.py", country="MDA")
    cards = [link for link in profile.get("page_link") if link.proto.page == "corridor"]
    assert [link.proto.label for link in cards][:1] == ["Moldova → Italy"]
    assert any(link.proto.page == "circular" for link in profile.get("page_link"))
