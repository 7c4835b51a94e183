"""Metrics and figure builders on the shipped data: assert on numbers and figure data, not pixels."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components import charts, metrics
from components.formatting import format_number, short_source, source_line
from tests.conftest import DATA



def test_western_balkans_claim_pools_emigrants_and_native_born(dataset):
    claim = metrics.western_balkans_claim(dataset.observations)
    assert claim.year == 2024  # the newest edition's latest year (UN DESA International Migrant Stock 2024)
    shares = claim.by_country.set_index("country")["share"]
    assert set(shares.index) == {"ALB", "BIH", "MNE", "MKD", "SRB"}
    assert min(shares) < claim.region_share < max(shares)
    assert claim.region_share == pytest.approx(claim.emigrants / claim.native_born * 100)
    assert 15 < claim.region_share < 35
    assert claim.verdict in {"close to the claim", "above the claim", "below the claim"}


def test_headline_figures_show_gaps_as_gaps(dataset):
    headlines = metrics.headline_figures(dataset.observations, dataset.indicators)
    kosovo_emigrants = headlines[(headlines.country == "XKX") & (headlines.indicator == "emigrant_stock")].iloc[0]
    assert kosovo_emigrants["year"] is None or math.isnan(kosovo_emigrants["year"])
    albania = headlines[(headlines.country == "ALB") & (headlines.indicator == "emigrant_stock")].iloc[0]
    assert (albania["year"], albania["value"], albania["source_id"]) == (2024, 1_216_628, "un_desa_ims2024")
    table, sources = metrics.headline_table(headlines)
    assert table.loc["Kosovo*"].iloc[0] == "in Serbia's figure"
    assert table.loc["Albania"].iloc[0] == "1.22 million"
    assert all(source_id in set(dataset.sources["id"]) for source_id, _ in sources.values())
    net = next(label for label in table.columns if label.startswith("Net migration"))
    assert "estimate" in net


def test_coverage_matrix_lists_years_and_leaves_gaps_empty(dataset):
    matrix = metrics.coverage_matrix(dataset.observations, dataset.indicators)
    stock = matrix.loc[next(i for i in matrix.index if i.endswith("[emigrant_stock]"))]
    assert stock["ALB"] == "1990–2024 (8)"  # the 2024 edition adds 2024
    assert stock["XKX"] == ""
    older = matrix.loc[next(i for i in matrix.index if i.endswith("[emigrant_stock_ims2020]"))]
    assert older["ALB"] == "1990–2020 (7)"


def test_share_chart_carries_title_source_and_reference(dataset):
    claim = metrics.western_balkans_claim(dataset.observations)
    frame = pd.DataFrame({"country": ["ALB", "SRB"], "share": [33.5, 11.3]})
    figure = charts.share_abroad_bars(frame, 2020, 20, "Meeting's figure", "Source: X · 2020")
    bar = figure.data[0]
    assert list(bar.y) == ["Serbia (incl. Kosovo*)", "Albania"]
    assert list(bar.x) == [11.3, 33.5]
    assert "2020" in figure.layout.title.text
    texts = [a.text for a in figure.layout.annotations]
    assert "Source: X · 2020" in texts and "Meeting's figure" in texts
    assert figure.layout.shapes[0].x0 == 20
    assert claim.year == 2024


@pytest.mark.parametrize("value, unit, text", [
    (1_250_451, "persons", "1.25 million"), (48_810, "persons", "48,810"), (33.456, "% of GDP", "33.5%"),
    (None, "persons", "no data"), (float("nan"), "persons", "no data"), (-8132, "persons per year", "-8,132"),
    (2_540_000_000, "current US$", "US$ 2.54 billion"), (151.8, "US$ million", "US$ 151.8 million"),
    (0, "persons", "0"),
])
def test_format_number(value, unit, text):
    assert format_number(value, unit) == text


def test_source_lines(dataset):
    source = dataset.source("un_desa_ims2020")
    assert source_line(source, 2020) == ("Source: UN DESA Population Division, International Migrant Stock 2020 "
                                         "(by destination and origin; totals) (2020 revision), CC BY 3.0 IGO. Year: 2020.")
    assert short_source(source, 2020) == "Source: UN DESA, International Migrant Stock 2020 · 2020"
    assert source_line({}) == "Source: not stated in the catalogue."
