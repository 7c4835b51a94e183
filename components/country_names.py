"""Country names in the interface language.

Three sources, most trusted first:
1. components/reference/country_names.csv: a small table kept in the repo for the region's own
   countries, Kosovo* (which ISO and pycountry do not cover) and the short names people use
   ("Russia", not "Russian Federation"). Each row says whether a native speaker reviewed it.
2. pycountry's translations of ISO 3166 (Debian iso-codes), for the rest of the world.
3. The English display name (components/countries.country_name).
"""

from __future__ import annotations

import csv
import gettext
from functools import lru_cache
from pathlib import Path

import pycountry

from components.countries import country_name

NAMES_FILE = Path(__file__).with_name("reference") / "country_names.csv"

# Our language codes → the iso-codes catalogue that pycountry ships for them.
PYCOUNTRY_LANGUAGES = {"sr-Latn": "sr@latin", "sr-Cyrl": "sr", "mk": "mk", "bg": "bg", "ro": "ro", "sq": "sq"}


@lru_cache(maxsize=1)
def reviewed_table() -> dict[tuple[str, str], dict]:
    """(iso3, language) → the table's row: name, reviewed ('yes'/'no'), note."""
    with NAMES_FILE.open(encoding="utf-8", newline="") as handle:
        return {(row["iso3"], row["language"]): row for row in csv.DictReader(handle)}


@lru_cache(maxsize=16)  # one per interface language
def _catalogue(language: str):
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


@lru_cache(maxsize=4096)  # about 250 countries in each of the seven languages
def localized_name(iso3: str, language: str) -> str:
    row = reviewed_table().get((iso3, language))
    if row is not None:
        return row["name"]
    english = country_name(iso3)
    catalogue = PYCOUNTRY_LANGUAGES.get(language)
    if catalogue is None:
        return english
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return english
    translate = _catalogue(catalogue).gettext
    for attr in ("common_name", "name"):
        text = getattr(country, attr, None)
        if text and translate(text) != text:
            return translate(text)
    return english


def names_in_every_language() -> list[tuple[str, str]]:
    """(name, iso3) for every country in every interface language: the table's names, then
    pycountry's translations of each ISO name, official name and common name.

    Staff files name partner countries in their own language ("Австрија", "Turqia", "Bullgaria"),
    so the country resolver accepts every name the dashboard itself would show, and more.
    """
    names = [(row["name"], iso3) for (iso3, _), row in reviewed_table().items()]
    for catalogue in PYCOUNTRY_LANGUAGES.values():
        translate = _catalogue(catalogue).gettext
        for country in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                text = getattr(country, attr, None)
                if text and translate(text) != text:
                    names.append((translate(text), country.alpha_3))
    return names


def unreviewed_names() -> list[dict]:
    """The table's rows that no native speaker has confirmed yet (listed on Data & sources and in docs/DEVELOPING.md)."""
    return [row for row in reviewed_table().values() if row["reviewed"].strip().lower() != "yes"]
