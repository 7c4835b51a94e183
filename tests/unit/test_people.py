"""Who the migrants are (sex, age, education) and the 20% claim per edition, on the shipped data.

Expected figures are read by hand from data/observations/*.csv (quoted next to each assertion).
"""

from __future__ import annotations

import pandas as pd
import pytest

from components import metrics, people, profile, scenes, views
from components.i18n import LANGUAGES, texts
from components.observations import age_groups
from tests.conftest import DATA

WESTERN_BALKANS = ["ALB", "BIH", "MKD", "MNE", "SRB"]


def csv_rows(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / "observations" / name, dtype=str, keep_default_na=False)


# -- the claim, per edition ------------------------------------------------------------------

def test_the_claim_is_counted_in_each_edition_on_its_own(dataset):
    newest, older = metrics.western_balkans_claims(dataset.observations, dataset.indicators)
    # 2020 edition: emigrants 4,768,913; emigrants + population (Serbia with Kosovo) - immigrants
    # = 20,658,560 exactly, not back-computed from rounded shares (the old "20.66 million").
    assert (older.edition, older.year, older.sources) == ("2020", 2020, ("un_desa_ims2020", "wb_wdi_population"))
    assert older.emigrants == 4_768_913
    assert older.native_born == 20_658_560
    assert older.region_share == pytest.approx(4_768_913 / 20_658_560 * 100)
    assert round(older.region_share, 2) == 23.08
    # 2024 edition, World Bank population 2024.
    assert (newest.edition, newest.year, newest.sources) == ("2024", 2024, ("un_desa_ims2024", "wb_wdi_population"))
    assert (newest.emigrants, newest.native_born) == (4_413_553, 19_547_461)
    assert round(newest.region_share, 2) == 22.58
    assert newest.verdict.key == older.verdict.key == "metrics.verdict_above"


def test_each_editions_country_shares_match_its_own_derived_indicator(dataset):
    claims = metrics.western_balkans_claims(dataset.observations, dataset.indicators)
    for claim, derived in zip(claims, ("share_of_native_born_abroad", "share_of_native_born_abroad_ims2020")):
        published = views.map_values(dataset.observations, derived, claim.year, WESTERN_BALKANS)
        computed = claim.by_country.set_index("country")["share"]
        for row in published.itertuples():
            assert computed[row.country] == pytest.approx(row.value, abs=0.0005), (claim.edition, row.country)


def test_serbias_native_born_uses_serbia_and_kosovos_population_of_the_same_year(dataset):
    claim = metrics.western_balkans_claim(dataset.observations, "emigrant_stock_ims2020", "immigrant_stock_ims2020",
                                          "2020")
    serbia = claim.by_country.set_index("country").loc["SRB"]
    wdi = csv_rows("world_bank_wdi.csv")
    population = wdi[(wdi["indicator"] == "population") & (wdi["year"] == "2020")].set_index("country")["value"]
    assert serbia["population"] == float(population["SRB"]) + float(population["XKX"])
    assert serbia["native_born"] == 1_003_962 + serbia["population"] - 823_011


def test_the_editions_table_gives_exact_counts_in_the_readers_language(dataset):
    claims = metrics.western_balkans_claims(dataset.observations, dataset.indicators)
    table = metrics.claim_editions_table(claims)
    assert list(table["UN DESA edition"]) == ["2024", "2020"]
    assert list(table["People born in the region"]) == ["19,547,461", "20,658,560"]
    serbian = metrics.claim_editions_table(claims, texts("sr-Cyrl"))
    assert "20.658.560" in serbian.iloc[1].tolist()


# -- women's share ---------------------------------------------------------------------------

def test_womens_share_of_moldovas_emigrants_in_2024(dataset):
    # un_desa_ims2024_migrant_stock.csv: emigrant_stock MDA 2024 female 479,835 of 864,257.
    shares = people.women_shares(dataset.observations, "MDA")
    emigrants = shares[(shares["indicator"] == "emigrants_female_share") & (shares["year"] == 2024)].iloc[0]
    assert emigrants["value"] == pytest.approx(479_835 / 864_257 * 100, abs=0.0005)
    assert emigrants["source"] == "derived"
    figure = people.women_share_chart(shares, title="t", source="s")
    assert [trace.name for trace in figure.data] == ["Emigrants", "Immigrants"]
    assert max(figure.data[0].x) == 2024
    assert people.women_share_summary(shares).startswith("Emigrants: 53.5% women in 1990, 55.5% in 2024")


# -- age pyramid -----------------------------------------------------------------------------

def test_age_groups_are_kept_as_published():
    # Read as "0-4.0" before the fix, which matched no age group.
    assert age_groups(pd.Series(["0-4", "15 – 19", "75+", "", "19-15"])).tolist()[:4] == ["0-4", "15-19", "75+", ""]


def test_the_loaded_ages_are_the_five_year_groups(dataset):
    ages = set(dataset.observations.loc[dataset.observations["age"] != "", "age"])
    assert ages == set(people.AGE_GROUPS)


def test_bulgarias_pyramid_adds_up_to_its_immigrants_in_2024(dataset):
    pyramid = people.pyramid_frame(dataset.observations, "BGR", 2024)
    assert list(pyramid["age"]) == list(people.AGE_GROUPS)
    assert pyramid["male"].sum() + pyramid["female"].sum() == 299_100  # immigrant_stock BGR 2024
    assert pyramid["male"].sum() == 141_530 and pyramid["female"].sum() == 157_570
    assert pyramid.set_index("age").loc["0-4"].tolist()[:2] == [22_354, 22_690]
    figure = people.pyramid_chart(pyramid, title="t", source="s")
    men, women = figure.data
    assert men.name == "Men" and all(x <= 0 for x in men.x) and -22_354 in list(men.x)
    assert women.name == "Women" and all(x >= 0 for x in women.x)
    assert list(figure.layout.yaxis.categoryarray)[0] == "0–4" and list(figure.layout.yaxis.categoryarray)[-1] == "75+"
    assert people.pyramid_summary(pyramid) == ("141,530 men and 157,570 women; "
                                               "the largest age group is 0–4 (45,044).")


def test_only_countries_with_published_ages_get_a_pyramid(dataset):
    for country in ("BGR", "HRV", "MDA", "MKD", "MNE", "ROU", "SRB"):
        assert people.age_years(dataset.observations, country)[-1] == 2024
    for country in ("ALB", "BIH", "XKX"):
        assert people.age_years(dataset.observations, country) == []
        facts = profile.build_profile(dataset.observations, dataset.indicators, country)
        kinds = [c["kind"] for c in profile.people_figures(facts, dataset.observations, dataset.indicators,
                                                           dataset.sources)]
        assert "pyramid" not in kinds


def test_the_profiles_pyramid_shows_the_chosen_year_and_names_the_2024_edition(dataset):
    _, _, charts, _ = scenes.profile_scene(dataset, "MDA", texts("en"), 2000)
    pyramid = next(c for c in charts if c.get("kind") == "pyramid")
    assert pyramid["year"] == 2000 and "2000" in pyramid["figure"].layout.title.text
    assert "International Migrant Stock 2024" in pyramid["source_line"] and "Year: 2000." in pyramid["source_line"]
    assert "International Migrant Stock 2024" in pyramid["figure"].layout.annotations[-1].text


# -- education (DIOC) ------------------------------------------------------------------------

def test_moldovas_emigrants_by_education(dataset):
    education = people.education_levels(dataset.observations, ["MDA"]).iloc[0]
    # oecd_dioc_2015_16_education.csv, MDA, both sexes
    assert education["tertiary_share"] == 32.979
    assert [education[level] for level in people.EDUCATION_LEVELS] == [88_388, 143_208, 113_963, 5_535]
    assert education["total"] == 351_094 == sum(education[level] for level in people.EDUCATION_LEVELS)
    figure = people.education_chart(education, title="t", source="s")
    assert list(figure.data[0].text)[2] == "113,963 (33.0%)"


def test_kosovo_has_its_own_education_figure_in_profile_and_compare(dataset):
    facts = profile.build_profile(dataset.observations, dataset.indicators, "XKX")
    assert facts.facts["tertiary_share"]["value"] == 9.077
    assert facts.facts["tertiary_share"]["period"] == "2015/16"
    said = profile.sentences(facts)
    assert any("2015/16, 9.1% had tertiary education" in s for s in said)
    scene = scenes.education_scene(dataset, ("SRB", "XKX"), texts("en"))
    assert set(scene.table["country"]) == {"SRB", "XKX"}
    assert "2015/16" in scene.figure.layout.title.text
    assert "Kosovo*: 9.1% with tertiary education" in scene.alt


def test_compare_panels_include_womens_shares_and_tertiary_education_with_its_census_round(dataset):
    panels = {p["indicator"]: p for p in views.comparison_panels(dataset.observations, dataset.indicators,
                                                                   ("MDA", "SRB", "XKX"))}
    assert panels["emigrants_female_share"]["year"] == 2024
    tertiary = panels["oecd_emigrants_tertiary_share"]
    assert tertiary["period"] == "2015/16"
    values = tertiary["frame"].set_index("country")["value"]
    assert (values["MDA"], values["SRB"], values["XKX"]) == (32.979, 23.098, 9.077)


def test_the_offline_profile_carries_the_new_charts(dataset):
    _, _, charts, offline_page = scenes.profile_scene(dataset, "MDA", texts("en"))
    kinds = [c.get("kind") for c in charts]
    assert {"women", "pyramid", "education"} <= set(kinds)
    page = offline_page()
    assert "Immigrants in Moldova by age and" in page and "by education" in page
    assert "<li>OECD, DIOC 2015/16. Licence:" in page  # the credits list names the new source


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_womens_share_indicators_have_a_label_and_definition_in_every_language(code):
    tx = texts(code)
    for indicator in ("emigrants_female_share", "immigrants_female_share"):
        assert tx.get(f"indicators.{indicator}.label") and tx.get(f"indicators.{indicator}.definition")
