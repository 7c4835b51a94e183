"""Country keys: the ten countries of the region, and one resolver from codes and names to ISO3.

Every country in the dashboard is keyed by ISO 3166 alpha-3. Kosovo has no ISO code; like the
EU and the World Bank we key it as XKX. Former states that still appear in statistics (Serbia and
Montenegro until 2006, Yugoslavia, ...) keep their ISO 3166-3 codes, so they are never merged
silently into a successor.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pycountry

# The order is the one the regional process uses: the five core countries first, then neighbours.
REGION: dict[str, str] = {
    "SRB": "Serbia",
    "MNE": "Montenegro",
    "MKD": "North Macedonia",
    "MDA": "Moldova",
    "BGR": "Bulgaria",
    "ALB": "Albania",
    "BIH": "Bosnia and Herzegovina",
    "XKX": "Kosovo*",
    "HRV": "Croatia",
    "ROU": "Romania",
}
CORE = ("SRB", "MNE", "MKD", "MDA", "BGR")

# Western Balkans in the sense of the regional meeting's "around 20%" claim.
WESTERN_BALKANS = ("ALB", "BIH", "XKX", "MNE", "MKD", "SRB")

KOSOVO = "XKX"
# The footnote the EU attaches to every mention of Kosovo.
KOSOVO_FOOTNOTE = (
    "*This designation is without prejudice to positions on status, and is in line with "
    "UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence."
)
NORTH_MACEDONIA_NOTE = (
    "North Macedonia is named so for all years, including those before the 2019 name change."
)

HISTORICAL: dict[str, str] = {
    "SCG": "Serbia and Montenegro (until 2006)",
    "YUG": "Yugoslavia (former)",
    "CSK": "Czechoslovakia (former)",
    "SUN": "Soviet Union (former)",
    "ANT": "Netherlands Antilles (former)",
}

# ISO's official short names are long ("Russian Federation"); people read these instead.
DISPLAY_NAMES = {
    "RUS": "Russia", "USA": "United States", "GBR": "United Kingdom", "KOR": "South Korea",
    "PRK": "North Korea", "IRN": "Iran", "SYR": "Syria", "VNM": "Vietnam", "TZA": "Tanzania",
    "VEN": "Venezuela", "BOL": "Bolivia", "LAO": "Laos", "CZE": "Czechia", "TUR": "Türkiye",
    "COD": "DR Congo", "PSE": "Palestine", "FSM": "Micronesia", "BRN": "Brunei",
}

_ALIASES_FILE = Path(__file__).with_name("reference") / "country_aliases.csv"


def normalise_name(text: str) -> str:
    """Fold case, accents, '&', 'St.' and punctuation so that spelling variants meet."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("&", " and ").replace("’", "'")
    text = re.sub(r"\bst\.?\s", "saint ", text)
    text = re.sub(r"[*.,()'\"]", " ", text)
    return " ".join(text.split())


def _names_in_the_interface_languages() -> dict[str, str]:
    """Normalised name → ISO3 for the names in the region's languages (country_names.py); a name
    that two countries share in different languages is left out rather than guessed."""
    from components.country_names import names_in_every_language  # it imports this module

    found: dict[str, set[str]] = {}
    for name, iso3 in names_in_every_language():
        found.setdefault(normalise_name(name), set()).add(iso3)
    return {key: codes.pop() for key, codes in found.items() if len(codes) == 1}


@lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    # Least sure first: later sources overwrite. The hand-kept aliases file has the last word.
    table: dict[str, str] = _names_in_the_interface_languages()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if hasattr(country, attr):
                table[normalise_name(getattr(country, attr))] = country.alpha_3
        table[normalise_name(country.alpha_2)] = country.alpha_3
        table[normalise_name(country.alpha_3)] = country.alpha_3
    for code, name in HISTORICAL.items():
        table[normalise_name(code)] = code
        table[normalise_name(name)] = code
    for code, name in DISPLAY_NAMES.items():
        table[normalise_name(name)] = code
    for code, name in REGION.items():
        table[normalise_name(name)] = code
    table.update({"xk": KOSOVO, "xkx": KOSOVO, "kos": KOSOVO})
    with _ALIASES_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            table[normalise_name(row["alias"])] = row["iso3"]
    return table


# What a table's total row says in its country column, in the region's languages (normalised).
TOTAL_WORDS = frozenset(normalise_name(word) for word in (
    "total", "totals", "grand total", "total general", "totalul", "totali", "all countries", "world",
    "ukupno", "sveukupno", "svega", "sve zemlje", "svet", "svijet", "lume", "bota", "gjithsej",
    "укупно", "свеукупно", "свега", "вкупно", "севкупно", "общо", "всичко", "свет", "свијет", "свят"))


def is_total(text: object) -> bool:
    """Whether a country cell holds a total row's label ('Ukupno', 'Вкупно', 'Total')."""
    return normalise_name(str(text)) in TOTAL_WORDS


def resolve_country(text: object) -> str | None:
    """ISO3 key for a code or name in English or a language of the region; None if unknown."""
    if text is None:
        return None
    key = normalise_name(str(text))
    if not key:
        return None
    return _lookup().get(key)


@lru_cache(maxsize=1024)  # about 250 ISO codes, and a few historical ones
def country_name(iso3: str) -> str:
    """Short English display name; the region's own names take precedence over ISO's long forms."""
    if iso3 in REGION:
        return REGION[iso3]
    if iso3 in HISTORICAL:
        return HISTORICAL[iso3]
    if iso3 in DISPLAY_NAMES:
        return DISPLAY_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    return getattr(country, "common_name", None) or country.name


def is_known_code(iso3: str) -> bool:
    return iso3 in REGION or iso3 in HISTORICAL or pycountry.countries.get(alpha_3=iso3) is not None


def population_with_kosovo_in_serbia(population: pd.Series) -> pd.Series:
    """Population by (country, year) where Serbia's figure also counts Kosovo's people.

    UN DESA (and the UN population data behind Abel & Cohen's flows) counts Kosovo inside Serbia, so
    a rate on those figures needs Serbia + Kosovo as Serbia's denominator; curation/derived.py and
    views.population both use this one function. A year with Serbia but no Kosovo figure has no such
    denominator, so Serbia has none that year (missing, never Serbia alone). Without any Kosovo rows
    the population is returned as it is.
    """
    if KOSOVO not in population.index.get_level_values("country"):
        return population
    kosovo = population.xs(KOSOVO, level="country")
    serbia = population.xs("SRB", level="country")
    combined = (serbia + kosovo).dropna()
    others = population.drop("SRB", level="country")
    return pd.concat([others, pd.Series(combined.values, index=pd.MultiIndex.from_product(
        [["SRB"], combined.index], names=["country", "year"]))]).sort_index()
