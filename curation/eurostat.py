"""Readers for the Eurostat extracts: immigration, residence permits, population, asylum."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from components.countries import REGION
from curation.eurostat_zeros import ledger_reason, not_available_zeros
from curation.ledger import CurationError, Ledger, resolve_names
from curation.readers import COLUMNS, read_source, tidy

TOTAL = "Total"
REPORTING_COUNTRY = "Reporting country"
VALUE_COLUMNS = ["Migrants number", "number of citizens in country"]
# Labels that name groups of countries or legal categories, not a country; dropped by name.
NOT_COUNTRIES_EXACT = {
    "Africa", "America", "Asia", "Europe", "Oceania", "Caribbean", "Melanesia", "Polynesia",
    "Micronesia", "Australia and New Zealand", "British overseas countries and territories",
    "Foreign country and stateless", "Others", "Recognised non-citizens",
    "Stateless", "Unknown", "European Free Trade Association", "South America",
}
NOT_COUNTRIES_PATTERN = re.compile(
    r"^(Central|Eastern|Northern|Southern|Western|South-Eastern) (Africa|America|Asia)$"
    r"|^Other .* countries|^Candidate countries|^EU\d\d countries|^European Union - "
    r"|^European Free Trade Association except|^Non-EU\d\d countries|developed countries|"
    r"^Countries other than"
)


def _not_countries(labels: pd.Series) -> set[str]:
    return {label for label in labels.unique()
            if label in NOT_COUNTRIES_EXACT or NOT_COUNTRIES_PATTERN.search(label)}


def own_citizens_from_reporting_country(frame: pd.DataFrame, ledger: Ledger, citizenship: str) -> pd.DataFrame:
    """Read 'Reporting country' as the reporting country's own citizens where no row names them.

    Eurostat gives some years' own citizens only under that label (Romania's returning nationals
    in 2019 and 2020, Bulgaria's population by citizenship 2015-2022, ...). Where both rows exist
    they must agree, and the label's row is a duplicate.
    """
    reporting = frame[citizenship] == REPORTING_COUNTRY
    own = frame[citizenship] == frame["geo"]
    own_keys = set(zip(frame.loc[own, "geo"], frame.loc[own, "year"]))
    duplicate = reporting & pd.Series([key in own_keys for key in zip(frame["geo"], frame["year"])], index=frame.index)
    value = next(col for col in VALUE_COLUMNS if col in frame.columns)
    both = frame[duplicate].merge(frame[own], on=["geo", "year"], suffixes=("", "_own"))
    disagree = both[both[value] != both[f"{value}_own"]]
    if len(disagree):
        raise CurationError(f"{ledger.source_file}: 'Reporting country' and own citizenship disagree: "
                            f"{disagree[['geo', 'year', value, f'{value}_own']].head(4).to_dict('records')}")
    frame = ledger.drop(frame, duplicate, "'Reporting country' repeats the row of the country's own citizens")
    substitute = frame[citizenship] == REPORTING_COUNTRY
    if substitute.any():
        ledger.notes.append(f"{int(substitute.sum())} rows of own citizens published only as 'Reporting country'.")
    frame = frame.copy()
    frame.loc[substitute, citizenship] = frame.loc[substitute, "geo"]
    return frame


# Former states that Eurostat still lists as a citizenship, and the countries that were part of
# them. Reported by one of its own successors, such a label is a group that can hold the reporting
# country's own citizens (Croatia 1998: 'Yugoslavia' 51,781 of 51,784 immigrants, 51,760 of them
# Croatian), so it is not a partner country there.
FORMER_STATE_MEMBERS = {
    "YUG": {"SVN", "HRV", "BIH", "SRB", "MNE", "MKD", "XKX"},
    "SCG": {"SRB", "MNE", "XKX"},
    "CSK": {"CZE", "SVK"},
    "SUN": {"ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU", "LVA", "MDA", "RUS", "TJK", "TKM",
            "UKR", "UZB"},
}


def group_containing_reporting_country(geo: pd.Series, citizens: pd.Series) -> pd.Series:
    """True where the citizenship is a former state that the reporting country was part of."""
    return pd.Series([country in FORMER_STATE_MEMBERS.get(partner, ()) for country, partner in zip(geo, citizens)],
                     index=geo.index, dtype=bool)


def _resolve_pair(frame: pd.DataFrame, ledger: Ledger, citizenship: str,
                  permits: bool = False) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Drop aggregate labels (keeping 'Total'), map reporting country and citizenship to ISO3, and
    leave out former states among their successors and zeros that mean 'not available'."""
    frame = own_citizens_from_reporting_country(frame, ledger, citizenship)
    aggregates = _not_countries(frame[citizenship]) | _not_countries(frame["geo"])
    frame = ledger.drop(frame, frame[citizenship].isin(aggregates) | frame["geo"].isin(aggregates),
                        "citizenship or reporting label is a group of countries or a legal "
                        "category, not a country: " + "; ".join(sorted(aggregates)))
    geo = resolve_names(frame["geo"], ledger.source_file, set())
    # 'Total'' is all citizenships together: it becomes the empty partner, as the contract says.
    is_total = frame[citizenship] == TOTAL
    citizens = resolve_names(frame.loc[~is_total, citizenship], ledger.source_file, set())
    citizens = citizens.reindex(frame.index).fillna("")
    frame = ledger.drop(frame, group_containing_reporting_country(geo, citizens),
                        "citizenship is a former state that the reporting country was part of "
                        "(Yugoslavia, Serbia and Montenegro, ...): a group that can include the "
                        "country's own citizens, not a partner country")
    geo, citizens = geo.loc[frame.index], citizens.loc[frame.index]
    rows = pd.DataFrame({"geo": geo, "partner": citizens, "year": frame["year"],
                         "value": frame[next(col for col in VALUE_COLUMNS if col in frame.columns)]})
    for rule, zeros in not_available_zeros(rows, permits).items():
        frame = ledger.drop(frame, zeros.loc[frame.index], ledger_reason(rule))
    return frame, geo.loc[frame.index], citizens.loc[frame.index]


def immigration(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    frame, ledger = read_source(source_dir, "eurostat/immigration_by_citizenship.csv")
    frame, geo, citizens = _resolve_pair(frame, ledger, "Country of citizenship")
    value = frame["Migrants number"]
    own = (geo == citizens)
    # A country's own citizens are its returning nationals, not a partner country: listed among
    # the partners they led every ranking of where immigrants come from (Croatia 1998: 99.95%).
    # The all-citizenships total (empty partner) still counts them.
    by_citizenship = tidy("immigration_by_citizenship", geo[~own], citizens[~own], frame["year"][~own], value[~own])
    returning = tidy("returning_nationals", geo[own], "", frame["year"][own], value[own])
    ledger.notes.append(f"{int(own.sum())} rows of own citizens are returning_nationals, not partner rows of "
                        "immigration_by_citizenship.")
    ledger.close(used=len(frame))
    return pd.concat([by_citizenship, returning], ignore_index=True), [ledger]


def residence_permits(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    frame, ledger = read_source(source_dir, "eurostat/valid_permits_by_citizenship.csv")
    frame, geo, citizens = _resolve_pair(frame, ledger, "Country of citizenship", permits=True)
    value, year = frame["Migrants number"], frame["year"]
    abroad = citizens.isin(list(REGION))
    at_home = geo.isin(list(REGION))
    neither = ~abroad & ~at_home
    if neither.any():
        ledger.dropped.append(("neither the citizenship nor the reporting country is in the region",
                               int(neither.sum())))
    frames = [
        tidy("residence_permits_abroad", citizens[abroad], geo[abroad], year[abroad], value[abroad]),
        tidy("residence_permits_foreigners", geo[at_home], citizens[at_home], year[at_home], value[at_home]),
    ]
    ledger.close(used=int((~neither).sum()))
    return pd.concat(frames, ignore_index=True), [ledger]


def population(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    frame, ledger = read_source(source_dir, "eurostat/population_by_citizenship.csv")
    frame, geo, citizens = _resolve_pair(frame, ledger, "citizen")
    value, year = frame["number of citizens in country"], frame["year"]
    abroad = citizens.isin(list(REGION)) & (geo != citizens)
    frames = [
        tidy("population_by_citizenship", geo, citizens, year, value),
        tidy("citizens_resident_in_eu_efta", citizens[abroad], geo[abroad], year[abroad], value[abroad]),
    ]
    ledger.close(used=len(frame))
    return pd.concat(frames, ignore_index=True)[COLUMNS], [ledger]


def asylum(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    frame, ledger = read_source(source_dir, "eurostat/asylum_applicants_total_BG_HR_RO.csv")
    geo = resolve_names(frame["geo"], ledger.source_file, set())
    ledger.close(used=len(frame))
    return tidy("asylum_applicants", geo, "", frame["year"],
                 frame["asylum_applicants_total_all_citizenships"]), [ledger]
