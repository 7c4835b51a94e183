"""Circular migration and corridor cards: the return ratio on hand-checked numbers, the ranking,
the sentences, the cards' editions kept apart, and the profile's offline page carrying the cards."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from components import circular, circular_scenes, corridor_card, scenes
from components.countries import REGION
from components.dataset import load_dataset
from components.i18n import LANGUAGES, texts
from tests.conftest import DATA


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA, keep_history=False)


def rows(*records) -> pd.DataFrame:
    """Observations in the loaded shape: (indicator, country, partner, year, value)."""
    frame = pd.DataFrame(records, columns=["indicator", "country", "partner", "year", "value"])
    for column in ("region", "sex", "age", "note", "file"):
        frame[column] = ""
    frame["flag"], frame["source"] = "e", "abel_cohen_2019"
    return frame


# Read by hand from data/observations/abel_cohen_flow_estimates.csv:
#   native_outflow_5yr,MDA,,2020,283178,e,period 2015–2020; sum over partner countries
#   return_flow_5yr,MDA,,2020,85037,e,period 2015–2020; sum over partner countries
# 85,037 / 283,178 = 0.3003; 283,178 / 85,037 = 3.330.
def test_moldovas_return_ratio_2015_2020_is_the_hand_checked_one(data):
    moldova = circular.ratio_in(data.observations, "MDA", 2020)
    assert (moldova["outflow"], moldova["returns"]) == (283_178, 85_037)
    assert moldova["start"] == 2015 and moldova["year"] == 2020
    assert round(moldova["ratio"], 3) == 0.300
    assert round(moldova["departures_per_return"], 1) == 3.3
    assert circular.ratio_sentence(moldova) == (
        "Between 2015 and 2020, an estimated 283,178 people left Moldova and 85,037 came back: "
        "about one return for every 3.3 departures.")


def test_the_ratio_is_returns_over_departures_of_the_same_country_and_period():
    observations = rows(("native_outflow_5yr", "AAA", "", 2015, 200.0), ("return_flow_5yr", "AAA", "", 2015, 50.0),
                        ("native_outflow_5yr", "AAA", "", 2020, 100.0), ("return_flow_5yr", "AAA", "", 2020, 150.0),
                        ("native_outflow_5yr", "BBB", "", 2020, 80.0),  # no returns: no ratio, not zero
                        ("return_flow_5yr", "CCC", "", 2020, 10.0),  # no departures: no ratio
                        ("native_outflow_5yr", "AAA", "DEU", 2020, 999.0))  # a partner row is not the total
    ratios = circular.return_ratios(observations, ["AAA", "BBB", "CCC"])
    assert ratios[["country", "year", "ratio"]].values.tolist() == [["AAA", 2015, 0.25], ["AAA", 2020, 1.5]]
    # More returns than departures is said the other way round, never as "one return for every 0.7".
    sentence = circular.ratio_sentence(ratios.iloc[1].to_dict(), texts("en"))
    assert "about 1.5 returns for every departure" in sentence
    ranked = circular.ranking(observations, 2020, ["AAA", "BBB", "CCC"])
    assert ranked["country"].tolist() == ["AAA", "BBB", "CCC"]
    assert ranked["rank"].tolist()[0] == 1 and ranked["rank"].isna().tolist() == [False, True, True]
    assert ranked["ratio"].isna().tolist() == [False, True, True]


def test_the_regions_ranking_2015_2020(data):
    ranked = circular.ranking(data.observations, 2020)
    present = ranked.dropna(subset=["ratio"])
    assert present["country"].tolist() == ["MKD", "ALB", "MNE", "SRB", "BGR", "BIH", "HRV", "ROU", "MDA"]
    assert [round(r, 2) for r in present["ratio"]] == [0.71, 0.66, 0.58, 0.55, 0.48, 0.47, 0.42, 0.36, 0.30]
    # Abel & Cohen have no Kosovo rows (their model counts it inside Serbia): no ratio, no rank.
    kosovo = ranked[ranked["country"] == "XKX"].iloc[0]
    assert math.isnan(kosovo["ratio"]) and pd.isna(kosovo["rank"])


def test_serbia_and_montenegro_start_with_their_own_rows(data):
    # Before 2010 the estimates are for Serbia and Montenegro together (SCG), which is not merged into either.
    for country in ("SRB", "MNE"):
        assert circular.return_ratios(data.observations, [country])["year"].tolist() == [2015, 2020]
    assert "SCG" not in set(circular.return_ratios(data.observations)["country"])


def test_sentences_say_only_what_the_data_holds_and_whether_it_is_an_estimate(data):
    said = circular.sentences(data.observations, "MDA", 2020, texts("en"))
    kinds = {item["indicator"]: item["kind"] for item in said}
    assert kinds == {"return_flow_5yr": "estimate", "returning_nationals": "observed",
                     "residence_permits_abroad": "observed", "remittances_usd": "observed",
                     "oecd_emigrants_tertiary_share": "observed"}
    text = " ".join(item["text"] for item in said)
    assert "Moldova ranks 9 of the 9" in text and "North Macedonia (0.71)" in text
    # Kosovo has no estimates and reports no returning nationals: neither is said, the gap is.
    kosovo = circular.sentences(data.observations, "XKX", None, texts("en"))
    assert kosovo[0]["text"].startswith("Kosovo*: Abel & Cohen give no estimates")
    assert "returning_nationals" not in {item["indicator"] for item in kosovo}
    # Every figure on the page names its source and edition.
    for item in circular_scenes.page_sentences(data, "MDA", 2020, texts("en")):
        assert re.match(r"(estimate|observed) · .+ · .+", item["provenance"]), item


def test_a_figures_provenance_names_the_edition_in_the_readers_language(data):
    # The corridor card's first fact in Macedonian ended "(набљудуван податок · UN DESA, International
    # Migrant Stock 2024 · 2024 revision (released January 2025))": the edition the source lines translate.
    source = data.source("un_desa_ims2024")
    assert circular.provenance("observed", source, texts("mk")).endswith("ревизија 2024, објавена во јануари 2025")
    assert circular.provenance("observed", source, texts("en")).endswith("2024 revision, released January 2025")
    assert circular.provenance("estimate", data.source("abel_cohen_2019"), texts("mk")).endswith(
        data.source("abel_cohen_2019")["edition"])  # not translated by the locale: as published


def test_permits_by_destination_ranks_the_latest_year(data):
    permits = circular.permits_by_destination(data.observations, "MDA")
    assert list(dict.fromkeys(permits["partner"]))[0] == "ITA"
    assert permits["partner"].nunique() == 5 and permits["value"].notna().all()


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_page_and_card_scenes_build_in_every_language(data, code):
    tx = texts(code)
    flows = circular_scenes.flows_scene(data, "MDA", tx)
    assert tx.number(0.3, 2) in str(flows.figure.layout.xaxis.ticktext or flows.figure.data[0].x)
    built = circular_scenes.card_scenes(data, "SRB", "DEU", tx)
    assert built["stock"] and built["flows"] and built["permits"]
    assert tx.number(303_740) in " ".join(item["text"] for item in built["sentences"])


def test_a_card_keeps_each_edition_apart_and_ranks_the_corridor(data):
    card = corridor_card.build_card(data.observations, data.indicators, "SRB", "DEU")
    assert set(card.stock["edition"]) == {"2024", "2020"}
    by_edition = card.stock.pivot(index="year", columns="edition", values="value")
    assert by_edition.loc[2020, "2024"] == 227_380 and by_edition.loc[2020, "2020"] == 199_691
    figure = circular_scenes.card_scenes(data, "SRB", "DEU", texts("en"))["stock"].figure
    # One line per edition, never joined: two traces, each with only its own edition's years.
    assert [trace.name for trace in figure.data] == ["UN DESA, 2024 edition", "UN DESA, 2020 edition"]
    assert list(figure.data[0].x)[-1] == 2024 and list(figure.data[1].x)[-1] == 2020
    assert card.standing["rank"] == 1 and round(card.standing["share"], 1) == 31.5
    flows = card.flows.set_index(["indicator", "year"])["value"]
    assert flows[("native_outflow_5yr", 2020)] == 63_534 and flows[("return_flow_5yr", 2020)] == 11_374
    table = corridor_card.card_table(card, data.indicators)
    assert set(table["kind"]) == {"observed", "estimate"}
    assert set(table.loc[table["kind"] == "estimate", "indicator"]) == {"native_outflow_5yr", "return_flow_5yr"}
    assert (table["origin"] == "SRB").all() and (table["destination"] == "DEU").all()


def test_every_core_countrys_ten_largest_corridors_have_a_card(data):
    for origin in ("SRB", "MNE", "MKD", "MDA", "BGR"):
        largest = corridor_card.largest_corridors(data.observations, data.indicators, origin)
        assert len(largest) == 10, origin
        for destination in largest:
            card = corridor_card.build_card(data.observations, data.indicators, origin, destination)
            assert card.standing and not card.stock.empty, (origin, destination)


def test_the_profiles_offline_page_carries_the_three_largest_corridors(data):
    _, _, _, offline_page = scenes.profile_scene(data, "SRB", texts("en"))
    page = offline_page()
    assert page.count("<section class='corridor-card'>") == 3
    for destination in ("Germany", "Austria", "France"):
        assert f"Serbia → {destination}" in page
    # Offline: plotly.js is inlined once (ahead of the cards), and no card asks another host for anything.
    assert page.count("window.PlotlyConfig") == 1
    card = circular_scenes.card_html(data, "SRB", "DEU", texts("en"))
    assert "<script src" not in card and not re.search(r"(src|href)=['\"]?https?:", card)
    assert "International Migrant Stock 2020" in page  # the older edition's credit is listed too


def test_every_region_country_has_a_page(data):
    for country in REGION:
        said = circular_scenes.page_sentences(data, country, 2020, texts("en"))
        assert said and all(item["text"] for item in said), country
