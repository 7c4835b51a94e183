"""Zeros in the Eurostat extracts that mean 'not available', not 'nobody'.

Eurostat's processed copies write 0 where a country did not report a citizenship, where the
citizenship did not exist, or where a figure does not apply. Shown as they are, these make a
series drop to 0 and back. Each rule below names one such case; a zero it matches is left out
(missing, never 0) and counted under the first rule that matches it, in the order below.
Non-zero values are always kept as published.
"""

from __future__ import annotations

import pandas as pd

# A zero whose nearest reported values in the same series are all at least this large is not a
# count: a flow or stock of hundreds does not fall to exactly 0 for a year and come back.
LARGE_NEIGHBOUR = 100

# Citizenships of states that did not exist in every year of the extracts: (first, last) year.
EXISTED = {
    "SRB": (2006, None), "MNE": (2006, None), "XKX": (2008, None), "TLS": (2002, None),
    "SSD": (2011, None), "CUW": (2010, None), "SXM": (2010, None), "BES": (2010, None),
    "SCG": (None, 2006), "YUG": (None, 2003), "CSK": (None, 1992), "SUN": (None, 1991), "ANT": (None, 2010),
}
SUCCESSORS = {"SRB", "MNE"}
PREDECESSORS = {"SCG", "YUG"}

# EU membership (first, last year as a member on 31 December): EU citizens need no residence
# permit in another EU or EFTA country, and no one needs one in their own country.
EU_MEMBERS = {
    **{code: (1958, None) for code in ("BEL", "DEU", "FRA", "ITA", "LUX", "NLD")},
    **{code: (1973, None) for code in ("DNK", "IRL")}, "GBR": (1973, 2019), "GRC": (1981, None),
    **{code: (1986, None) for code in ("ESP", "PRT")},
    **{code: (1995, None) for code in ("AUT", "FIN", "SWE")},
    **{code: (2004, None) for code in ("CYP", "CZE", "EST", "HUN", "LTU", "LVA", "MLT", "POL", "SVK", "SVN")},
    **{code: (2007, None) for code in ("BGR", "ROU")}, "HRV": (2013, None),
}

# Rule id -> what it means; ids are stable, the texts go into the ledger and the report.
RULES = {
    "silent_year": "every value of this reporting country and year is 0: not reported",
    "did_not_exist": "citizenship of a state that did not exist that year",
    "counted_in_predecessor": "Serbia or Montenegro at 0 while 'Serbia and Montenegro' or 'Yugoslavia' has people "
                              "that year: counted under the former state",
    "kosovo_not_separate": "Kosovo citizens at 0 before the reporting country first counts them separately",
    "no_permit_needed": "residence permits of EU citizens (Croatian from 2013) or of a country's own citizens: "
                        "they need none, so 0 means not applicable",
    "own_citizens_not_recorded": "own citizens at 0 in a year with other immigrants or residents: not recorded",
    "isolated_zero": f"0 whose nearest reported values in its series are all {LARGE_NEIGHBOUR} or more",
}
PREFIX = "zero read as not available"

# Curated indicators built from the files these rules apply to; the catalogue notes say so.
PERMIT_INDICATORS = ("residence_permits_abroad", "residence_permits_foreigners")
INDICATORS = ("immigration_by_citizenship", "returning_nationals", "population_by_citizenship",
              "citizens_resident_in_eu_efta") + PERMIT_INDICATORS


def _member(codes: pd.Series, years: pd.Series, table: dict, unlisted: bool) -> pd.Series:
    """Whether each code is inside its (first, last) years in the table; `unlisted` if not listed."""
    def inside(code, year):
        if code not in table:
            return unlisted
        first, last = table[code]
        return (first is None or year >= first) and (last is None or year <= last)
    return pd.Series([inside(c, y) for c, y in zip(codes, years)], index=codes.index, dtype=bool)


def _nearest_reported(rows: pd.DataFrame) -> pd.DataFrame:
    """For each row, the nearest non-zero value before and after it in its (geo, partner) series."""
    ordered = rows.sort_values(["geo", "partner", "year"])
    keys = [ordered["geo"], ordered["partner"]]
    reported = ordered["value"].where(ordered["value"] > 0)
    before = reported.groupby(keys).shift(1).groupby(keys).ffill()
    after = reported.groupby(keys).shift(-1).groupby(keys).bfill()
    return pd.DataFrame({"before": before, "after": after}).reindex(rows.index)


def not_available_zeros(rows: pd.DataFrame, permits: bool = False) -> dict[str, pd.Series]:
    """Rule id -> mask of the zeros it reads as not available; each zero under one rule only.

    `rows` has one source row each: geo and partner (citizenship) as ISO3, partner '' for the
    total over citizenships, year and value. `permits` for residence permit files.
    """
    zero = rows["value"] == 0
    geo_year = [rows["geo"], rows["year"]]
    country = rows["partner"] != ""
    kosovo = rows["partner"] == "XKX"
    first_kosovo = rows["year"].where(kosovo & (rows["value"] > 0)).groupby(rows["geo"]).transform("min")
    predecessor_people = rows["value"].where(rows["partner"].isin(PREDECESSORS), 0).groupby(geo_year).transform("sum")
    nearest = _nearest_reported(rows)
    large = nearest.notna().any(axis=1) & (nearest.fillna(LARGE_NEIGHBOUR) >= LARGE_NEIGHBOUR).all(axis=1)
    eu_citizen = _member(rows["partner"], rows["year"], EU_MEMBERS, unlisted=False)
    candidates = {
        "silent_year": rows["value"].groupby(geo_year).transform("sum") == 0,
        "did_not_exist": country & ~_member(rows["partner"], rows["year"], EXISTED, unlisted=True),
        "counted_in_predecessor": rows["partner"].isin(SUCCESSORS) & (predecessor_people > 0),
        "kosovo_not_separate": kosovo & ~(rows["year"] >= first_kosovo),
        "no_permit_needed": pd.Series(permits, index=rows.index) & (eu_citizen | (rows["partner"] == rows["geo"])),
        "own_citizens_not_recorded": rows["partner"] == rows["geo"],
        "isolated_zero": country & large,
    }
    taken = pd.Series(False, index=rows.index)
    masks = {}
    for rule, candidate in candidates.items():
        masks[rule] = zero & candidate & ~taken
        taken |= masks[rule]
    return masks


def ledger_reason(rule: str) -> str:
    return f"{PREFIX} ({rule}): {RULES[rule]}"


def catalogue_note(indicator: str) -> str:
    """The rules in words, for the notes of an indicator in the catalogue (and its translations)."""
    own = ("EU citizens (Croatians from 2013) and own citizens, who need no permit"
           if indicator in PERMIT_INDICATORS else "own citizens in a year with other people")
    return ("Zeros that mean 'not available' are left out (missing, never 0): a reporting country and year "
            "of only zeros; citizens of a state that did not exist that year; Serbia or Montenegro while "
            "'Serbia and Montenegro' or 'Yugoslavia' has people that year; Kosovo citizens before the "
            f"reporting country first counts them; {own}; a 0 whose nearest reported values are all "
            f"{LARGE_NEIGHBOUR} or more. A former state (Yugoslavia, Serbia and Montenegro, ...) is not a "
            "partner of the countries that were part of it.")
