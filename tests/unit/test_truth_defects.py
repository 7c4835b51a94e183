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
    # Own citizens are returning nationals only, never a partner row of immigration by citizenship.
    assert _shipped(data, "immigration_by_citizenship", country, year, partner=country) == []


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


@pytest.mark.parametrize("country, year", [("HRV", 1998), ("ROU", 2019), ("MKD", 2022)])
def test_own_citizens_are_returning_nationals_not_the_first_partner(data, country, year):
    # Croatia 1998: its own citizens were 99.95% of the "partners" of its immigration.
    assert _shipped(data, "immigration_by_citizenship", country, year, country) == []
    ranked = views.partners(data.observations, "immigration_by_citizenship", country, year)
    assert country not in set(ranked["partner"])
    assert len(_shipped(data, "returning_nationals", country, year, "")) == 1


def test_former_states_stay_partners_of_other_countries(data):
    from curation.eurostat import FORMER_STATE_MEMBERS
    assert _shipped(data, "immigration_by_citizenship", "DEU", 2002, "SCG") == [26_420]
    rows = data.observations[data.observations["partner"].isin(list(FORMER_STATE_MEMBERS))]
    inside = [(c, p) for c, p in zip(rows["country"], rows["partner"]) if c in FORMER_STATE_MEMBERS[p]]
    assert inside == []


# ---- 4. Eurostat zeros that mean "not available" -------------------------------------------

def _rows(records, totals=True):
    """Source rows; with `totals`, each reporting country and year also gets a non-zero total."""
    rows = pd.DataFrame(records, columns=["geo", "partner", "year", "value"])
    if totals:
        years = rows[["geo", "year"]].drop_duplicates().assign(partner="", value=10_000)
        rows = pd.concat([rows[rows["partner"] != ""], years[rows.columns]], ignore_index=True)
    return rows


def _left_out(rows, permits=False):
    from curation.eurostat_zeros import not_available_zeros
    masks = not_available_zeros(rows, permits)
    assert sum(mask.astype(int) for mask in masks.values()).max() <= 1, "a zero counted under two rules"
    return {rule: sorted(zip(rows.loc[mask, "partner"], rows.loc[mask, "year"])) for rule, mask in masks.items() if mask.any()}


def test_a_reporting_country_year_of_zeros_is_not_reported():
    rows = _rows([("KGZ", "", 2006, 0), ("KGZ", "ALB", 2006, 0), ("KGZ", "ALB", 2007, 3), ("KGZ", "", 2007, 3)],
                 totals=False)
    assert _left_out(rows) == {"silent_year": [("", 2006), ("ALB", 2006)]}


def test_citizens_of_a_state_that_did_not_exist_that_year():
    rows = _rows([("DEU", "SCG", 2005, 17_514), ("DEU", "SCG", 2014, 0), ("DEU", "SCG", 2015, 0),
                  ("DEU", "SRB", 2004, 0), ("DEU", "SRB", 2006, 9_000), ("DEU", "SSD", 2010, 0), ("DEU", "SSD", 2012, 0),
                  ("DEU", "SUN", 1998, 0), ("DEU", "SCG", 2016, 151_129)])
    # South Sudan's 2012 zero is an ordinary count; the 2016 'Serbia and Montenegro' figure is published, so kept.
    assert _left_out(rows) == {"did_not_exist": [("SCG", 2014), ("SCG", 2015), ("SRB", 2004), ("SSD", 2010), ("SUN", 1998)]}


def test_serbia_or_montenegro_at_zero_while_the_former_state_has_people():
    rows = _rows([("CHE", "SCG", 2008, 5_107), ("CHE", "SRB", 2008, 0), ("CHE", "MNE", 2008, 0),
                  ("CHE", "SCG", 2010, 0), ("CHE", "MNE", 2010, 0), ("CHE", "MNE", 2011, 3)])
    left = _left_out(rows)
    assert left["counted_in_predecessor"] == [("MNE", 2008), ("SRB", 2008)]
    assert ("MNE", 2010) not in sum(left.values(), [])  # no former-state figure that year: an ordinary zero


def test_kosovo_citizens_before_the_reporting_country_counts_them():
    rows = _rows([("CHE", "XKX", year, value) for year, value in
                  [(2009, 0), (2010, 0), (2011, 0), (2012, 0), (2013, 2_280), (2014, 0), (2015, 2_335)]]
                 + [("ESP", "XKX", 2016, 0), ("ESP", "XKX", 2017, 0)])
    left = _left_out(rows)
    assert left["kosovo_not_separate"] == [("XKX", 2009), ("XKX", 2010), ("XKX", 2011), ("XKX", 2012),
                                           ("XKX", 2016), ("XKX", 2017)]
    assert left["isolated_zero"] == [("XKX", 2014)]  # after Kosovo is counted, a lone 0 among thousands


def test_permits_of_eu_and_own_citizens_are_not_applicable():
    rows = _rows([("AUT", "HRV", 2012, 55_961), ("AUT", "HRV", 2021, 0), ("BGR", "HRV", 2022, 0),
                  ("HRV", "HRV", 2021, 0), ("AUT", "MDA", 2021, 0), ("AUT", "GBR", 2019, 0), ("AUT", "GBR", 2021, 0)])
    assert _left_out(rows, permits=True)["no_permit_needed"] == [("GBR", 2019), ("HRV", 2021), ("HRV", 2021), ("HRV", 2022)]
    assert "no_permit_needed" not in _left_out(rows, permits=False)


def test_own_citizens_at_zero_in_a_year_with_immigrants():
    rows = _rows([("BIH", "BIH", 2007, 0), ("BIH", "HRV", 2007, 711)])
    assert _left_out(rows) == {"own_citizens_not_recorded": [("BIH", 2007)]}


def test_isolated_zeros_inside_large_series_but_not_small_ones():
    britain = [(1998, 0), (1999, 755), (2000, 0), (2001, 0), (2002, 351), (2003, 0), (2004, 247)]
    iceland = [(2001, 0), (2002, 1), (2003, 0), (2004, 0), (2005, 2), (2006, 0)]
    edge = [(2010, 120), (2011, 0), (2012, 40), (2013, 0)]
    rows = _rows([("GBR", "ALB", y, v) for y, v in britain] + [("ISL", "MDA", y, v) for y, v in iceland]
                 + [("FRA", "MDA", y, v) for y, v in edge])
    assert _left_out(rows) == {"isolated_zero": [("ALB", 1998), ("ALB", 2000), ("ALB", 2001), ("ALB", 2003)]}


def test_shipped_series_never_drop_to_zero_where_the_source_means_not_available(data):
    assert [_shipped(data, "immigration_by_citizenship", "GBR", year, "ALB") for year in range(1998, 2005)] == \
        [[], [755], [], [], [351], [], [247]]
    assert [_shipped(data, "immigration_by_citizenship", "CHE", year, "XKX") for year in range(2009, 2014)] == \
        [[], [], [], [], [2_280]]
    permits = data.observations[data.observations["indicator"] == "residence_permits_abroad"]
    croatians = permits[(permits["country"] == "HRV") & (permits["year"] >= 2013)]
    assert len(croatians) and (croatians["value"] > 0).all()
    assert _shipped(data, "residence_permits_abroad", "HRV", 2012, "AUT") == [55_961]
    assert _shipped(data, "returning_nationals", "BIH", 2007) == []
    for indicator in ("immigration_by_citizenship", "population_by_citizenship"):
        rows = data.observations[(data.observations["indicator"] == indicator)
                                 & data.observations["partner"].isin(["SCG", "YUG", "CSK", "SUN", "ANT"])
                                 & (data.observations["year"] > 2010)]
        assert (rows["value"] > 0).all(), rows[rows["value"] == 0].head()


def test_the_report_counts_every_zero_rule_per_file():
    from curation.eurostat_zeros import RULES
    report = (DATA / "CURATION_REPORT.md").read_text(encoding="utf-8")
    section = report.split("## Zeros read as not available", 1)[1].split("\n## ", 1)[0]
    for source in ("immigration_by_citizenship", "valid_permits_by_citizenship", "population_by_citizenship"):
        for rule in RULES:
            assert f"| eurostat/{source}.csv | {rule} |" in section
    assert "| eurostat/immigration_by_citizenship.csv | isolated_zero |" in section


def test_the_data_page_shows_the_rules_in_every_language():
    """The Data & sources page reads notes from the locale files: they must say what the catalogue says."""
    import csv

    from components import i18n
    from curation import eurostat_zeros
    with (DATA / "catalogue" / "indicators.csv").open(encoding="utf-8") as handle:
        notes = {row["id"]: row["notes"] for row in csv.DictReader(handle)}
    english, _ = i18n.read_strings("en")
    for indicator in eurostat_zeros.INDICATORS:
        assert english[f"indicators.{indicator}.notes"] == notes[indicator]
        assert eurostat_zeros.catalogue_note(indicator) in notes[indicator]
    for flow in ("emigration_flow_5yr", "native_outflow_5yr", "immigration_flow_5yr", "return_flow_5yr"):
        assert english[f"indicators.{flow}.notes"] == notes[flow] and "Kosovo" in notes[flow]
    for code in i18n.LANGUAGES:
        strings, _ = i18n.read_strings(code)
        assert "100" in strings["indicators.population_by_citizenship.notes"]
