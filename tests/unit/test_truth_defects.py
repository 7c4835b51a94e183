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


# ---- 1. own citizens published only as "Reporting country" ---------------------------------

def _ledger(rows):
    from curation.ledger import Ledger
    return Ledger("eurostat/test.csv", rows_in=rows)


def test_reporting_country_row_stands_in_for_missing_own_citizens():
    from curation.eurostat import own_citizens_from_reporting_country
    frame = pd.DataFrame({
        "Country of citizenship": ["Reporting country", "Romania", "Reporting country", "Total", "Reporting country"],
        "geo": ["Romania", "Romania", "Romania", "Romania", "Bulgaria"],
        "year": [2019, 2021, 2021, 2019, 2019],
        "Migrants number": [161_286.0, 149_513.0, 149_513.0, 200_000.0, 23_555.0],
    })
    ledger = _ledger(len(frame))
    result = own_citizens_from_reporting_country(frame, ledger, "Country of citizenship")
    own = result[result["Country of citizenship"] == result["geo"]].set_index(["geo", "year"])["Migrants number"]
    assert own.to_dict() == {("Romania", 2019): 161_286.0, ("Romania", 2021): 149_513.0, ("Bulgaria", 2019): 23_555.0}
    assert (result["Country of citizenship"] == "Reporting country").sum() == 0
    assert ledger.dropped == [("'Reporting country' repeats the row of the country's own citizens", 1)]


def test_reporting_country_row_that_disagrees_with_own_citizens_stops_curation():
    from curation.eurostat import own_citizens_from_reporting_country
    from curation.ledger import CurationError
    frame = pd.DataFrame({"citizen": ["Reporting country", "Croatia"], "geo": ["Croatia", "Croatia"],
                          "year": [2022, 2022], "number of citizens in country": [3_826_213, 3_000_000]})
    with pytest.raises(CurationError, match="disagree"):
        own_citizens_from_reporting_country(frame, _ledger(2), "citizen")


@pytest.mark.parametrize("country, year, expected", [
    ("ROU", 2019, 161_286), ("ROU", 2020, 114_469), ("MNE", 2022, 567), ("MNE", 2023, 1_132), ("MKD", 2022, 371),
])
def test_returning_nationals_published_as_reporting_country_are_shipped(data, country, year, expected):
    assert _shipped(data, "returning_nationals", country, year) == [expected]
    assert _shipped(data, "immigration_by_citizenship", country, year, partner=country) == [expected]


def test_population_of_own_citizens_published_as_reporting_country_is_shipped(data):
    bulgarians = {year: _shipped(data, "population_by_citizenship", "BGR", year, "BGR") for year in range(2015, 2025)}
    assert bulgarians[2015] == [6_963_308] and bulgarians[2022] == [6_417_071] and bulgarians[2024] == [6_322_795]
    assert all(len(values) == 1 for values in bulgarians.values())
    croats = {year: _shipped(data, "population_by_citizenship", "HRV", year, "HRV") for year in range(2015, 2025)}
    assert croats[2015] == [4_155_133] and croats[2021] == [3_866_581] and croats[2023] == [3_780_514]
    assert croats[2024] == [3_746_587] and croats[2022] == [3_826_213]


# ---- 3. former states published as partner countries ---------------------------------------

def test_former_state_is_a_group_only_for_its_own_successors():
    from curation.eurostat import group_containing_reporting_country
    geo = pd.Series(["HRV", "MKD", "MNE", "DEU", "ROU", "MDA", "HRV"])
    citizens = pd.Series(["YUG", "YUG", "SCG", "SCG", "YUG", "SUN", "SRB"])
    assert group_containing_reporting_country(geo, citizens).tolist() == [True, True, True, False, False, True, False]


@pytest.mark.parametrize("country, year", [("HRV", 1998), ("HRV", 1999), ("HRV", 2001), ("MKD", 2001)])
def test_yugoslavia_is_not_a_partner_of_its_former_republics(data, country, year):
    assert _shipped(data, "immigration_by_citizenship", country, year, "YUG") == []
    ranked = views.partners(data.observations, "immigration_by_citizenship", country, year)
    assert "YUG" not in set(ranked["partner"])


def test_former_states_stay_partners_of_other_countries(data):
    from curation.eurostat import FORMER_STATE_MEMBERS
    assert _shipped(data, "immigration_by_citizenship", "DEU", 2002, "SCG") == [26_420]
    rows = data.observations[data.observations["partner"].isin(list(FORMER_STATE_MEMBERS))]
    inside = [(c, p) for c, p in zip(rows["country"], rows["partner"]) if c in FORMER_STATE_MEMBERS[p]]
    assert inside == []
