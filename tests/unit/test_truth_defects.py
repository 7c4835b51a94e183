"""Issue 13, truth defects: each fix is checked on small frames and on the shipped data."""

from __future__ import annotations

import pandas as pd
import pytest

from components import views
from components.dataset import load_dataset
from tests.conftest import DATA


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA, keep_history=False)


def _shipped(data, indicator, country, year, partner=""):
    rows = data.observations
    rows = rows[(rows["indicator"] == indicator) & (rows["country"] == country) & (rows["year"] == year)
                & (rows["partner"] == partner) & (rows["region"] == "") & (rows["sex"] == "")]
    return rows["value"].tolist()


# ---- 5. per-population flows for Serbia ----------------------------------------------------

def test_serbia_flow_per_population_uses_serbia_and_kosovo(data):
    """Abel & Cohen have no Kosovo rows: Serbia's flows include Kosovo, so must its population."""
    frame = views.map_values(data.observations, "emigration_flow_5yr", 2020, ["SRB", "ALB"])
    rates, unit = views.per_population(frame, data.observations, "persons per five years", "abel_cohen_2019")
    assert unit == "per 1,000 residents, over five years"
    people = views.population(data.observations, "wb_wdi").loc
    flows = frame.set_index("country")["value"]
    rate = rates.set_index("country")["value"]
    assert rate["SRB"] == pytest.approx(flows["SRB"] / (people[("SRB", 2020)] + people[("XKX", 2020)]) * 1000)
    assert rate["ALB"] == pytest.approx(flows["ALB"] / people[("ALB", 2020)] * 1000)
