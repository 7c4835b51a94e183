"""One reader per source extract: each returns tidy observation rows and a ledger of its drops."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from components.countries import REGION
from curation.ledger import CurationError, Ledger, resolve_names

# `source` names the source and edition of every row (the catalogue's source id), so a figure
# never travels without it; sex and age are left empty for totals over all sexes and ages.
COLUMNS = ["indicator", "country", "partner", "sex", "age", "year", "value", "flag", "note", "source"]


def tidy(indicator: str, country, partner, year, value, flag="", note="", sex="", age="",
          source="") -> pd.DataFrame:
    """One indicator's rows in the observations layout (COLUMNS), from columns or single values."""
    frame = pd.DataFrame({"country": country, "partner": partner, "year": year, "value": value})
    frame.insert(0, "indicator", indicator)
    frame["flag"], frame["note"], frame["sex"], frame["age"], frame["source"] = flag, note, sex, age, source
    return frame[COLUMNS]


def read_source(source_dir: Path, relative: str) -> tuple[pd.DataFrame, Ledger]:
    """A source extract (path relative to shared/sources) and its ledger, which counts its rows."""
    frame = pd.read_csv(source_dir / relative, keep_default_na=False, na_values=[""])
    return frame, Ledger(relative, rows_in=len(frame))


# The visualisation repo behind two extracts writes these non-ISO codes; names are authoritative.
SOURCE_CODE_ERRORS = {"CHI": "CHL", "SUD": "SDN"}


def _codes(frame: pd.DataFrame, end: str, source_file: str) -> pd.Series:
    """ISO3 for one end of a corridor, resolved by name and cross-checked with the source's code."""
    resolved = resolve_names(frame[end], source_file, set())
    given = frame[f"{end}_iso3"].replace(SOURCE_CODE_ERRORS)
    disagree = given.notna() & (given != resolved)
    if disagree.any():
        pairs = frame.loc[disagree, [end, f"{end}_iso3"]].drop_duplicates().values.tolist()
        raise CurationError(f"{source_file}: name and code disagree for {pairs}")
    return resolved


def un_desa(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    """The 2020 edition: indicator ids carry its suffix, because the plain ids are the newest edition's."""
    bilateral, ledger = read_source(source_dir, "un_desa/ims2020_bilateral_stock.csv")
    # 23 small territories have no ISO3 in the extract; they are mapped by name, never dropped.
    origin = _codes(bilateral, "origin", ledger.source_file)
    destination = _codes(bilateral, "destination", ledger.source_file)
    edition = dict(source=IMS2020)
    emigrants = tidy("emigrant_stock" + IMS2020_SUFFIX, origin, destination, bilateral["year"],
                      bilateral["migrant_stock"], **edition)
    emigrants = emigrants[emigrants["country"].isin(list(REGION))]
    immigrants = tidy("immigrant_stock" + IMS2020_SUFFIX, destination, origin, bilateral["year"],
                       bilateral["migrant_stock"], **edition)
    immigrants = immigrants[immigrants["country"].isin(list(REGION))]
    # A row whose origin and destination are both in the region feeds both indicators.
    ledger.close(used=len(bilateral))
    ledger.notes.append(f"{len(emigrants)} emigrant and {len(immigrants)} immigrant partner rows.")

    totals, totals_ledger = read_source(source_dir, "un_desa/ims2020_totals.csv")
    frames = [emigrants, immigrants]
    for indicator, column in (("emigrant_stock", "emigrant_stock_total"),
                              ("immigrant_stock", "immigrant_stock_total")):
        # No country has no emigrants or no immigrants at all: a total of 0 is the edition's
        # placeholder for "no estimate" (Montenegro as a destination before 2010), so it is
        # left out as missing and every figure derived from it is missing too.
        placeholder = totals[column] == 0
        for row in totals[placeholder].itertuples():
            totals_ledger.notes.append(f"{column} of {row.country_iso3} in {row.year} is a placeholder 0: "
                                       "left out as missing.")
        kept = totals[~placeholder]
        frames.append(tidy(indicator + IMS2020_SUFFIX, kept["country_iso3"], "", kept["year"], kept[column],
                            **edition))
    totals_ledger.close(used=len(totals))
    return pd.concat(frames, ignore_index=True), [ledger, totals_ledger]


IMS2020, IMS2024 = "un_desa_ims2020", "un_desa_ims2024"
IMS2020_SUFFIX = "_ims2020"
ALL_ORIGINS, UNKNOWN_ORIGIN = 0, 2003  # UN DESA M49 codes: a destination's total; "other/unknown"
SEXES_2024 = {"total": "", "female": "female", "male": "male"}


def un_desa_2024(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    """The 2024 edition, the newest: emigrants and immigrants, totals and by partner, by sex."""
    frame, ledger = read_source(source_dir, "un_desa/ims2024_bilateral_stock.csv")
    sex = frame["sex"].map(SEXES_2024)
    if sex.isna().any():
        raise CurationError(f"{ledger.source_file}: unknown sex values {sorted(set(frame['sex'][sex.isna()]))}")
    total_rows = frame["origin_m49"] == ALL_ORIGINS
    unknown = frame["origin_m49"] == UNKNOWN_ORIGIN
    destination = frame["destination_iso3"]
    origin = frame["origin_iso3"]
    if origin[~total_rows & ~unknown].isna().any() or destination.isna().any():
        raise CurationError(f"{ledger.source_file}: a country row without an ISO3 code")
    edition = dict(source=IMS2024)
    # Immigrant totals are the published all-origins rows (they include the unknown origins).
    immigrant_totals = frame[total_rows & destination.isin(list(REGION))]
    partner_rows = frame[~total_rows & ~unknown]
    immigrants = partner_rows[partner_rows["destination_iso3"].isin(list(REGION))]
    emigrants = partner_rows[partner_rows["origin_iso3"].isin(list(REGION))]
    # Emigrants of a country: the sum over every destination of the rows where it is the origin
    # (the source's own definition; two tiny destinations did not parse upstream).
    emigrant_totals = emigrants.groupby(["origin_iso3", "year", "sex"], as_index=False)["value"].sum()
    frames = [
        tidy("immigrant_stock", immigrant_totals["destination_iso3"], "", immigrant_totals["year"],
              immigrant_totals["value"], sex=sex[immigrant_totals.index], **edition),
        tidy("immigrant_stock", immigrants["destination_iso3"], immigrants["origin_iso3"], immigrants["year"],
              immigrants["value"], sex=sex[immigrants.index], **edition),
        tidy("emigrant_stock", emigrants["origin_iso3"], emigrants["destination_iso3"], emigrants["year"],
              emigrants["value"], sex=sex[emigrants.index], **edition),
        tidy("emigrant_stock", emigrant_totals["origin_iso3"], "", emigrant_totals["year"],
              emigrant_totals["value"], sex=emigrant_totals["sex"].map(SEXES_2024), **edition),
    ]
    in_region = destination.isin(list(REGION)) | origin.isin(list(REGION))
    if not in_region.all():
        raise CurationError(f"{ledger.source_file}: rows with neither end in the region")
    frame = ledger.drop(frame, unknown, "other/unknown origin (M49 2003): inside the destination's "
                        "total, not a partner country")
    ledger.close(used=len(frame))
    ledger.notes.append(f"{len(emigrants)} emigrant and {len(immigrants)} immigrant partner rows by sex; "
                        f"{len(emigrant_totals)} emigrant totals summed over destinations.")

    ages, age_ledger = read_source(source_dir, "un_desa/ims2024_immigrants_by_age.csv")
    age_sex = ages["sex"].map(SEXES_2024)
    if age_sex.isna().any():
        raise CurationError(f"{age_ledger.source_file}: unknown sex values")
    age = ages["age_from"].astype(int).astype(str) + ages["age_to"].map(
        lambda to: "+" if pd.isna(to) else f"-{int(to)}")
    frames.append(tidy("immigrant_stock", ages["destination_iso3"], "", ages["year"], ages["value"],
                        sex=age_sex, age=age, **edition))
    age_ledger.close(used=len(ages))
    return pd.concat(frames, ignore_index=True), [ledger, age_ledger]


def world_bank(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    population, pop_ledger = read_source(source_dir, "world_bank/population_SP.POP.TOTL.csv")
    frames = [tidy("population", population["Country Code"], "", population["Year"], population["Value"])]
    pop_ledger.close(used=len(population))
    ledgers = [pop_ledger]
    series = {
        "net_migration": "wdi_net_migration_SM.POP.NETM.csv",
        "remittances_pct_gdp": "wdi_remittances_pct_gdp_BX.TRF.PWKR.DT.GD.ZS.csv",
        "remittances_usd": "wdi_remittances_usd_BX.TRF.PWKR.CD.DT.csv",
    }
    for indicator, name in series.items():
        frame, ledger = read_source(source_dir, f"world_bank/{name}")
        frame = ledger.drop(frame, frame["value"].isna(), "no value in the source")
        frames.append(tidy(indicator, frame["geo"].str.upper(), "", frame["time"], frame["value"]))
        ledger.close(used=len(frame))
        ledgers.append(ledger)
    return pd.concat(frames, ignore_index=True), ledgers


def knomad(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    frame, ledger = read_source(source_dir, "knomad/remittance_inflows_usd_million_apr2020.csv")
    frame = ledger.drop(frame, frame["remittance_inflows_usd_million"].isna(), "no value in the source")
    flag = frame["flag"].fillna("").map({"": "", "estimate": "e"})
    country = resolve_names(frame["country"], ledger.source_file, set())
    ledger.close(used=len(frame))
    return tidy("remittances_usd_knomad2020", country, "", frame["year"],
                 frame["remittance_inflows_usd_million"], flag=flag), [ledger]


ABEL_INDICATORS = {
    # flow_type -> (indicator, which end of the corridor is 'country')
    "total": [("emigration_flow_5yr", "origin"), ("immigration_flow_5yr", "destination")],
    "outward": [("native_outflow_5yr", "origin")],
    "return": [("return_flow_5yr", "destination")],
}


def abel_cohen(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    frame, ledger = read_source(source_dir, "abel_cohen/bilateral_flows_5yr.csv")
    frame = ledger.drop(frame, frame["flow_type"] == "transit",
                        "flow_type 'transit' (foreign-born moving on): not yet shown by the dashboard")
    origin = _codes(frame, "origin", ledger.source_file)
    destination = _codes(frame, "destination", ledger.source_file)
    region = list(REGION) + ["SCG"]
    outward_in = (frame["flow_type"] == "outward") & ~origin.isin(region)
    return_out = (frame["flow_type"] == "return") & ~destination.isin(region)
    frame = ledger.drop(frame, outward_in, "flow_type 'outward' with only the destination in the "
                        "region (foreign natives arriving): inside immigration_flow_5yr, not shown apart")
    frame = ledger.drop(frame, return_out.loc[frame.index], "flow_type 'return' with only the origin "
                        "in the region (foreigners going home): inside emigration_flow_5yr, not shown apart")
    origin, destination = origin.loc[frame.index], destination.loc[frame.index]
    period_end = frame["period"].str.slice(5, 9).astype(int)
    note = "period " + frame["period"].str.replace("-", "–")
    frames = []
    for flow_type, targets in ABEL_INDICATORS.items():
        rows = frame["flow_type"] == flow_type
        for indicator, end in targets:
            country, partner = (origin, destination) if end == "origin" else (destination, origin)
            flows = tidy(indicator, country[rows], partner[rows], period_end[rows], frame["flow"][rows],
                         flag="e", note=note[rows])
            flows = flows[flows["country"].isin(region)]
            totals = flows.groupby(["indicator", "country", "year", "flag", "note"], as_index=False)["value"].sum()
            totals["partner"], totals["sex"], totals["age"], totals["source"] = "", "", "", ""
            totals["note"] += "; sum over partner countries"
            frames += [flows, totals[COLUMNS]]
    ledger.close(used=len(frame))
    return pd.concat(frames, ignore_index=True), [ledger]
