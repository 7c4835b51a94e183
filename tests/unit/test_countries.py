import csv

import pytest

from components.countries import country_name, normalise_name, resolve_country
from components.country_names import PYCOUNTRY_LANGUAGES, localized_name, reviewed_table
from components.dataset import load_dataset
from components.i18n import LANGUAGES
from tests.conftest import DATA
from tests.fixtures.cases import mini_data_dir


@pytest.mark.parametrize("text, iso3", [
    ("SRB", "SRB"), ("rs", "SRB"), ("Serbia", "SRB"), ("Srbija", "SRB"), ("Србија", "SRB"),
    ("Crna Gora", "MNE"), ("Severna Makedonija", "MKD"), ("Северна Македонија", "MKD"),
    ("Former Yugoslav Republic of Macedonia", "MKD"), ("Republica Moldova", "MDA"),
    ("Moldova, Republic of", "MDA"), ("България", "BGR"), ("Kosova", "XKX"), ("Kosovo*", "XKX"),
    ("XK", "XKX"), ("KOS", "XKX"), ("  bosnia & herzegovina ", "BIH"), ("St. Lucia", "LCA"),
    ("Türkiye", "TUR"), ("Serbia and Montenegro", "SCG"),
])
def test_names_and_codes_resolve_to_one_key(text, iso3):
    assert resolve_country(text) == iso3


@pytest.mark.parametrize("text", ["Atlantis", "", "Europe", "Total", None])
def test_non_countries_do_not_resolve(text):
    assert resolve_country(text) is None


def test_display_names_follow_the_region_conventions():
    assert country_name("MKD") == "North Macedonia"
    assert country_name("XKX") == "Kosovo*"
    assert country_name("MDA") == "Moldova"
    assert country_name("SCG").startswith("Serbia and Montenegro")


def test_normalise_folds_accents_and_abbreviations():
    assert normalise_name("Côte d’Ivoire") == normalise_name("Cote d'Ivoire")
    assert normalise_name("St. Helena") == "saint helena"


# --- Names of partner countries in the region's languages ---------------------------------------


def _countries_in_the_shipped_data() -> list[str]:
    found: set[str] = set()
    for path in sorted((DATA / "observations").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                found.update(code for code in (row.get("partner"), row.get("country")) if code)
    return sorted(found)


SHIPPED = _countries_in_the_shipped_data()


def test_the_shipped_data_has_partner_countries_to_check():
    assert len(SHIPPED) > 200 and {"AUT", "AUS", "TUR", "DEU", "MDA"} <= set(SHIPPED)
    assert set(PYCOUNTRY_LANGUAGES) | {"en"} == set(LANGUAGES)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_country_in_the_shipped_data_is_accepted_under_the_name_the_dashboard_shows(language):
    """A staff member types the name they read on a chart, in their language and script."""
    wrong = {iso3: (localized_name(iso3, language), resolve_country(localized_name(iso3, language)))
             for iso3 in SHIPPED if resolve_country(localized_name(iso3, language)) != iso3}
    assert wrong == {}


@pytest.mark.parametrize("text, iso3", [
    # Macedonian (Cyrillic): Turkey is North Macedonia's largest destination.
    ("Австрија", "AUT"), ("Австралија", "AUS"), ("Турција", "TUR"), ("Германија", "DEU"),
    ("Republika Moldova", "MDA"), ("Република Молдова", "MDA"),
    # Albanian, definite and indefinite forms.
    ("Bullgaria", "BGR"), ("Kroacia", "HRV"), ("Rumania", "ROU"), ("Moldavia", "MDA"),
    ("Bosnja dhe Hercegovina", "BIH"), ("Turqia", "TUR"), ("Gjermania", "DEU"), ("Spanja", "ESP"),
    ("Spanjë", "ESP"), ("Polonia", "POL"), ("Britania e Madhe", "GBR"),
    # Bulgarian, Serbian (both scripts), Romanian.
    ("Австрия", "AUT"), ("Турция", "TUR"), ("Съединените щати", "USA"), ("Аустрија", "AUT"),
    ("Turska", "TUR"), ("Nemačka", "DEU"), ("Švajcarska", "CHE"), ("Austria", "AUT"),
    ("Germania", "DEU"), ("Marea Britanie", "GBR"), ("Italia", "ITA"),
])
def test_common_destinations_in_the_regions_languages_resolve(text, iso3):
    assert resolve_country(text) == iso3


def test_a_staff_file_naming_partners_in_macedonian_and_albanian_loads(tmp_path):
    data = mini_data_dir(tmp_path)
    (data / "observations" / "partners.csv").write_text(
        "indicator,country,partner,year,value\n"
        "emigrant_stock,Северна Македонија,Турција,2020,1\n"
        "emigrant_stock,Северна Македонија,Австрија,2020,2\n"
        "emigrant_stock,Shqipëria,Bullgaria,2020,3\n"
        "emigrant_stock,Republika Moldova,Rumania,2020,4\n", encoding="utf-8")
    dataset = load_dataset(data)
    report = next(r for r in dataset.reports if r.file == "partners.csv")
    assert report.problems == [] and report.rows_loaded == 4
    rows = dataset.observations[dataset.observations["file"] == "partners.csv"]
    assert list(zip(rows["country"], rows["partner"])) == [("MKD", "TUR"), ("MKD", "AUT"), ("ALB", "BGR"),
                                                           ("MDA", "ROU")]


def _common_destinations(top: int = 15) -> set[str]:
    """Each region country's largest destinations in UN DESA's latest emigrant stock."""
    rows = []
    with (DATA / "observations" / "un_desa_ims2024_migrant_stock.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["indicator"] == "emigrant_stock" and r["partner"]]
    latest = max(int(r["year"]) for r in rows)
    found: set[str] = set()
    for country in {r["country"] for r in rows}:
        mine = sorted((r for r in rows if r["country"] == country and int(r["year"]) == latest),
                      key=lambda r: -float(r["value"]))
        found.update(r["partner"] for r in mine[:top])
    return found


def test_albanian_names_common_destinations_in_their_definite_form():
    """Albanian names a country on its own in the definite form (Gjermania, Spanja); pycountry gives
    the indefinite (Gjermani, Spanjë), so the names table holds every common destination."""
    destinations = _common_destinations()
    assert len(destinations) >= 25 and {"ESP", "CAN", "DEU", "TUR"} <= destinations
    indefinite = sorted(iso3 for iso3 in destinations if (iso3, "sq") not in reviewed_table())
    assert indefinite == []
