"""A chart drawn from several sources or editions names, for each, the years of the figures it
took from that source: the 2020 edition of UN DESA's stock ends in 2020, whatever the card's span."""

from __future__ import annotations

import pytest

from components import circular_scenes, scenes
from components.countries import REGION
from components.i18n import texts
from components.trend_chart import PERIOD_BASIS


def years_of(frame, column: str, value: str) -> str:
    years = frame.loc[frame[column] == value, "year"].astype(int)
    return str(years.min()) if years.min() == years.max() else f"{years.min()}–{years.max()}"


def test_the_corridor_cards_source_lines_name_each_editions_own_years(dataset):
    built = circular_scenes.card_scenes(dataset, "SRB", "DEU", texts("en"))
    stock = built["card"].stock
    # UN DESA, Serbia -> Germany: the 2024 edition 1990–2024, the 2020 edition 1990–2020.
    assert years_of(stock, "indicator", "emigrant_stock") == "1990–2024"
    assert years_of(stock, "indicator", "emigrant_stock_ims2020") == "1990–2020"
    lines = built["stock"].source_lines
    ims2024 = next(line for line in lines if "International Migrant Stock 2024" in line)
    ims2020 = next(line for line in lines if "International Migrant Stock 2020" in line)
    assert ims2024.endswith("Year: 1990–2024.")
    assert ims2020.endswith("Year: 1990–2020."), ims2020
    credit = built["stock"].figure.layout.annotations[-1].text.replace("<br>", " ")
    assert "International Migrant Stock 2024 · 1990–2024" in credit
    assert "International Migrant Stock 2020 · 1990–2020" in credit, credit


@pytest.mark.parametrize("code", ["en", "sr-Cyrl"])
def test_every_cards_source_lines_end_at_their_own_editions_last_year(dataset, code):
    tx = texts(code)
    from components import corridor_card

    for origin in REGION:
        for destination in corridor_card.largest_corridors(dataset.observations, dataset.indicators, origin, count=3):
            built = circular_scenes.card_scenes(dataset, origin, destination, tx)
            stock, scene = built["card"].stock, built["stock"]
            for indicator in dict.fromkeys(stock["indicator"]):
                source = dataset.source(dataset.indicator(indicator)["source_id"])
                line = next(line for line in scene.source_lines if tx.get(f"source_editions.{source['id']}",
                                                                        source["edition"]) in line)
                assert line.endswith(tx("sources.line_year", years=years_of(stock, "indicator", indicator))), \
                    (origin, destination, line)


def test_the_corridor_cards_table_gives_each_row_its_own_editions_source_line(dataset):
    # The card's CSV download: a 2020-edition row must not carry the 2024 edition's source line.
    table = circular_scenes.card_scenes(dataset, "SRB", "DEU", texts("en"))["stock"].table
    lines = table.drop_duplicates("source_id").set_index("source_id")["source"]
    assert "International Migrant Stock 2024" in lines["un_desa_ims2024"]
    assert "International Migrant Stock 2020" in lines["un_desa_ims2020"], lines["un_desa_ims2020"]


@pytest.mark.parametrize("country", ["SRB", "MDA"])
def test_every_profile_charts_source_line_names_the_years_it_shows(dataset, country):
    # The caption under each profile chart (and a profile slide's) is its source line: it says the years too.
    tx = texts("en")
    for chart in scenes.profile_scene(dataset, country, tx)[2]:
        years = chart["table"]["year"].astype(int)
        basis = dataset.indicator(chart["table"]["indicator"].iloc[0]).get("time_basis")
        if chart.get("kind") == "education":
            shown = chart["period"]  # a census round: 2015/16
        elif basis == PERIOD_BASIS:
            # Abel & Cohen's flows are filed under the period's last year: 2015 is 2010–2015, as the axis says.
            shown = f"{years.min() - 5}–{years.min()} … {years.max() - 5}–{years.max()}"
        elif chart.get("kind") == "pyramid" or years.min() == years.max():
            shown = str(years.max())
        else:
            shown = f"{years.min()}–{years.max()}"
        assert chart["source_line"].endswith(tx("sources.line_year", years=shown)), (chart.get("kind"), chart["source_line"])


def test_compares_small_multiples_name_each_sources_years_once(dataset):
    # Each panel is at its own latest year; a source's line names the years of its panels.
    from components import views

    tx = texts("en")
    panels = views.comparison_panels(dataset.observations, dataset.indicators, tuple(REGION))
    scene = scenes.multiples_scene(dataset, tuple(REGION), tx)
    assert len(scene.source_lines) == len({p["source_id"] for p in panels}), "one line per source"
    for panel in panels:
        dataset_title = dataset.source(panel["source_id"])["dataset"]
        line = next(line for line in scene.source_lines if dataset_title in line)
        assert panel["period"] in line.rsplit("Year: ", 1)[-1], (panel["indicator"], line)
