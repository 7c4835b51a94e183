"""Curation: exact figures against the extracts, and a re-run that changes nothing."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pandas as pd
import pytest

from curation.__main__ import curate
from tests.conftest import DATA, SHARED_SOURCES

pytestmark = pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="needs ../shared/sources beside the checkout")


@pytest.fixture(scope="module")
def curated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("curated") / "data"
    out.mkdir()
    curate(SHARED_SOURCES, out)
    return out


def _observations(folder: Path) -> pd.DataFrame:
    frames = [pd.read_csv(path, keep_default_na=False, dtype={"sex": str, "age": str})
              for path in sorted((folder / "observations").glob("*.csv"))]
    return pd.concat(frames, ignore_index=True).fillna({"sex": "", "age": ""})


def _value(frame, indicator, country, year, partner="", sex="", age=""):
    rows = frame[(frame["indicator"] == indicator) & (frame["country"] == country)
                 & (frame["year"] == year) & (frame["partner"] == partner)
                 & (frame["sex"] == sex) & (frame["age"] == age)]
    assert len(rows) == 1, rows
    return float(rows.iloc[0]["value"])


def test_published_un_desa_totals(curated):
    frame = _observations(curated)
    # The 2020 edition, kept beside the newer one under its own indicator ids.
    assert _value(frame, "emigrant_stock_ims2020", "ALB", 2020) == 1_250_451
    assert _value(frame, "immigrant_stock_ims2020", "ALB", 2020) == 48_810
    assert _value(frame, "immigrant_stock_ims2020", "SRB", 2020) == 823_011
    assert _value(frame, "immigrant_stock_ims2020", "SRB", 1990) == 99_269
    assert _value(frame, "emigrant_stock_ims2020", "SRB", 2020, "DEU") == 199_691


def test_the_2024_edition_is_the_plain_series_with_published_values(curated):
    frame = _observations(curated)
    assert _value(frame, "emigrant_stock", "ALB", 2024, "ITA") == 542_638
    assert _value(frame, "emigrant_stock", "SRB", 2024, "DEU") == 303_740
    assert _value(frame, "emigrant_stock", "MDA", 2024, "RUS") == 166_187
    assert _value(frame, "emigrant_stock", "MDA", 2024, "ITA") == 218_594
    assert _value(frame, "immigrant_stock", "SRB", 2024) == 712_550
    assert _value(frame, "immigrant_stock", "SRB", 1990) == 1_064_614
    assert _value(frame, "emigrant_stock", "ALB", 2020) == 1_103_849
    assert _value(frame, "emigrant_stock", "SRB", 2020, "DEU") == 227_380


def test_every_un_desa_row_names_its_edition(curated):
    frame = _observations(curated)
    un_desa = frame[frame["indicator"].str.contains("migrant_stock|emigrant_|immigrants_|native_born")]
    assert len(un_desa) > 20_000
    expected = un_desa["indicator"].str.endswith("_ims2020").map(
        {True: {"un_desa_ims2020", "derived_ims2020"}, False: {"un_desa_ims2024", "derived"}})
    assert all(source in allowed for source, allowed in zip(un_desa["source"], expected))
    assert (frame["source"] != "").all()


def test_2024_edition_by_sex_and_age_adds_up_to_the_total(curated):
    frame = _observations(curated)
    for indicator, country, partner in (("emigrant_stock", "MDA", ""), ("emigrant_stock", "SRB", "DEU"),
                                        ("immigrant_stock", "BGR", "")):
        total = _value(frame, indicator, country, 2024, partner)
        women = _value(frame, indicator, country, 2024, partner, sex="female")
        men = _value(frame, indicator, country, 2024, partner, sex="male")
        assert women + men == total
    ages = frame[(frame["indicator"] == "immigrant_stock") & (frame["country"] == "BGR") & (frame["year"] == 2024)
                 & (frame["age"] != "") & (frame["sex"] == "")]
    assert len(ages) == 16 and ages["value"].sum() == _value(frame, "immigrant_stock", "BGR", 2024)
    assert {"0-4", "75+"} <= set(ages["age"])
    share = _value(frame, "emigrants_female_share", "MDA", 2024)
    assert share == pytest.approx(_value(frame, "emigrant_stock", "MDA", 2024, sex="female")
                                  / _value(frame, "emigrant_stock", "MDA", 2024) * 100, abs=1e-3)


def test_montenegro_placeholder_zeros_are_missing_not_zero(curated):
    frame = _observations(curated)
    montenegro = frame[(frame["indicator"] == "immigrant_stock_ims2020") & (frame["country"] == "MNE")
                       & (frame["partner"] == "")]
    assert sorted(montenegro["year"]) == [2010, 2015, 2020]
    assert (montenegro["value"] > 0).all()
    derived = frame[frame["indicator"].isin(["share_of_native_born_abroad_ims2020",
                                             "immigrants_share_of_population_ims2020"])
                    & (frame["country"] == "MNE")]
    assert derived["year"].min() == 2010


def test_values_match_the_extracts_row_for_row(curated):
    frame = _observations(curated)
    bilateral = pd.read_csv(SHARED_SOURCES / "un_desa/ims2020_bilateral_stock.csv")
    moldova_italy = bilateral[(bilateral.origin_iso3 == "MDA") & (bilateral.destination_iso3 == "ITA") & (bilateral.year == 2020)]
    assert _value(frame, "emigrant_stock_ims2020", "MDA", 2020, "ITA") == moldova_italy.migrant_stock.item()
    romania = pd.read_csv(SHARED_SOURCES / "world_bank/wdi_net_migration_SM.POP.NETM.csv")
    for row in romania[romania.geo == "rou"].itertuples():
        assert _value(frame, "net_migration", "ROU", row.time) == row.value
    kosovo = pd.read_csv(SHARED_SOURCES / "world_bank/population_SP.POP.TOTL.csv")
    kosovo_2024 = kosovo[(kosovo["Country Code"] == "XKX") & (kosovo.Year == 2024)].Value.item()
    assert _value(frame, "population", "XKX", 2024) == kosovo_2024
    remittances = pd.read_csv(SHARED_SOURCES / "world_bank/wdi_remittances_pct_gdp_BX.TRF.PWKR.DT.GD.ZS.csv")
    pct = remittances[(remittances.geo == "mda") & (remittances.time == 2024)].value.item()
    assert _value(frame, "remittances_pct_gdp", "MDA", 2024) == pytest.approx(pct)


def test_flows_are_estimates_and_returns_are_present(curated):
    frame = _observations(curated)
    flows = frame[frame["indicator"].str.endswith("_5yr")]
    assert set(flows["flag"]) == {"e"}
    returns = flows[(flows["indicator"] == "return_flow_5yr") & (flows["partner"] == "")]
    assert {"ALB", "BGR", "MDA", "MKD", "ROU", "SRB", "MNE"} <= set(returns["country"])
    abel = pd.read_csv(SHARED_SOURCES / "abel_cohen/bilateral_flows_5yr.csv")
    serbia_from_germany = abel[(abel.flow_type == "return") & (abel.origin_iso3 == "DEU")
                               & (abel.destination_iso3 == "SRB") & (abel.period == "2015-2020")]
    assert _value(frame, "return_flow_5yr", "SRB", 2020, "DEU") == serbia_from_germany.flow.item()


def test_returning_nationals_and_kosovo_key(curated):
    frame = _observations(curated)
    imm = pd.read_csv(SHARED_SOURCES / "eurostat/immigration_by_citizenship.csv")
    own = imm[(imm.geo == "Romania") & (imm["Country of citizenship"] == "Romania") & (imm.year == 2023)]
    assert _value(frame, "returning_nationals", "ROU", 2023) == own["Migrants number"].item()
    assert "XKX" in set(frame[frame["indicator"] == "citizens_resident_in_eu_efta"]["country"])
    assert not frame["country"].isin(["KOS", "XK"]).any()


@pytest.mark.parametrize("edition", ["", "_ims2020"])
def test_derived_share_definition(curated, edition):
    # Each edition's derived figures come from that edition's stocks only.
    frame = _observations(curated)
    emigrants = _value(frame, "emigrant_stock" + edition, "MKD", 2020)
    immigrants = _value(frame, "immigrant_stock" + edition, "MKD", 2020)
    population = _value(frame, "population", "MKD", 2020)
    expected = emigrants / (emigrants + population - immigrants) * 100
    assert _value(frame, "share_of_native_born_abroad" + edition, "MKD", 2020) == pytest.approx(expected, abs=1e-3)
    serbia_population = _value(frame, "population", "SRB", 2020) + _value(frame, "population", "XKX", 2020)
    assert _value(frame, "emigrants_share_of_population" + edition, "SRB", 2020) == pytest.approx(
        _value(frame, "emigrant_stock" + edition, "SRB", 2020) / serbia_population * 100, abs=1e-3)


def test_rerun_reproduces_the_committed_data_byte_for_byte(curated):
    for folder in ("observations", "catalogue", "boundaries", "places"):
        names = sorted(p.name for p in (curated / folder).iterdir())
        match, mismatch, errors = filecmp.cmpfiles(curated / folder, DATA / folder, names, shallow=False)
        assert mismatch == [] and errors == [], f"{folder}: re-run differs from committed: {mismatch + errors}"
    assert (curated / "CURATION_REPORT.md").read_bytes() == (DATA / "CURATION_REPORT.md").read_bytes()


def test_every_source_row_is_accounted_for(curated):
    report = (curated / "CURATION_REPORT.md").read_text()
    assert "| abel_cohen/bilateral_flows_5yr.csv | 25,272 | 13,760 | 11,512 |" in report
    assert "| un_desa/ims2020_bilateral_stock.csv | 6,075 | 6,075 | 0 | - |" in report
    assert "| un_desa/ims2024_bilateral_stock.csv | 18,735 | 18,519 | 216 |" in report


def test_geometry_sizes(curated):
    assert (curated / "boundaries" / "world_countries.geojson").stat().st_size <= 400_000
    assert (curated / "boundaries" / "region_countries.geojson").stat().st_size <= 300_000


DIOC_EXTRACT = "oecd_dioc/dioc_2015_16_emigrants_in_oecd_by_education.csv"
DIOC_LEVELS = {"low (ISCED 0-2)": "low", "medium (ISCED 3-4)": "medium", "high (ISCED 5-8)": "high", "unknown": "unknown"}


def test_dioc_education_of_emigrants_matches_the_extract_row_for_row(curated):
    frame = _observations(curated)
    extract = pd.read_csv(SHARED_SOURCES / DIOC_EXTRACT)
    working_age = extract[(extract.age == "25-64") & (extract.birth_code_in_source != "FYUG")]
    # Summed over citizenship of the country of residence (foreigner, national, unknown).
    by_sex = working_age.groupby(["country_of_birth", "sex", "education"])["persons"].sum()
    for (country, sex, education), persons in by_sex.items():
        indicator = f"oecd_emigrants_25_64_{DIOC_LEVELS[education]}_education"
        assert _value(frame, indicator, country, 2015, sex=sex) == persons
    for country, persons in working_age.groupby("country_of_birth")["persons"].sum().items():
        assert _value(frame, "oecd_emigrants_25_64", country, 2015) == persons
    dioc = frame[frame["indicator"].str.startswith("oecd_")]
    assert len(dioc) == 6 * 10 * 3 and set(dioc["source"]) == {"oecd_dioc_2015_16"}
    assert _value(frame, "oecd_emigrants_25_64", "SRB", 2015) == 494_473
    assert _value(frame, "oecd_emigrants_25_64", "XKX", 2015) == 272_766
    assert _value(frame, "oecd_emigrants_25_64_high_education", "MDA", 2015, sex="female") == (
        _value(frame, "oecd_emigrants_25_64_high_education", "MDA", 2015)
        - _value(frame, "oecd_emigrants_25_64_high_education", "MDA", 2015, sex="male"))
    # DIOC counts Kosovo apart from Serbia, unlike UN DESA, and Serbia's rows say so.
    serbia = dioc[dioc["country"] == "SRB"]
    assert serbia["note"].str.contains("Excludes Kosovo").all()


def test_dioc_tertiary_shares_are_the_checked_ones(curated):
    frame = _observations(curated)
    shares = {country: _value(frame, "oecd_emigrants_tertiary_share", country, 2015)
              for country in ("MDA", "BGR", "SRB", "ALB", "XKX")}
    assert {country: round(share, 1) for country, share in shares.items()} == {
        "MDA": 33.0, "BGR": 28.6, "SRB": 23.1, "ALB": 13.8, "XKX": 9.1}
    # Among those whose education is known: the unknowns are not in the base.
    high, low, medium = (_value(frame, f"oecd_emigrants_25_64_{level}_education", "ALB", 2015, sex="female")
                         for level in ("high", "low", "medium"))
    assert _value(frame, "oecd_emigrants_tertiary_share", "ALB", 2015, sex="female") == pytest.approx(
        high / (low + medium + high) * 100, abs=1e-3)


def test_dioc_former_yugoslavia_republic_unstated_is_left_out_and_counted(curated):
    frame = _observations(curated)
    extract = pd.read_csv(SHARED_SOURCES / DIOC_EXTRACT)
    unstated = extract[extract.birth_code_in_source == "FYUG"]
    assert len(unstated) == 81
    assert not frame["country"].isin(["YUG", "FYUG"]).any()
    report = (curated / "CURATION_REPORT.md").read_text()
    assert (f"| {DIOC_EXTRACT} | 939 | 240 | 699 | 81: born in former Yugoslavia, republic not stated "
            "(FYUG; 139,136 persons aged 25-64)") in report
    assert unstated[unstated.age == "25-64"]["persons"].sum() == 139_136
