import pytest

from components.countries import country_name, normalise_name, resolve_country


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
