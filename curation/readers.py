"""One reader per source extract: each returns tidy observation rows and a ledger of its drops."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from components.countries import REGION
from curation.ledger import CurationError, Ledger, resolve_names

COLUMNS = ["indicator", "country", "partner", "year", "value", "flag", "note"]


def _tidy(indicator: str, country, partner, year, value, flag="", note="") -> pd.DataFrame:
    frame = pd.DataFrame({"country": country, "partner": partner, "year": year, "value": value})
    frame.insert(0, "indicator", indicator)
    frame["flag"], frame["note"] = flag, note
    return frame[COLUMNS]


def _read(source_dir: Path, relative: str) -> tuple[pd.DataFrame, Ledger]:
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
    bilateral, ledger = _read(source_dir, "un_desa/ims2020_bilateral_stock.csv")
    # 23 small territories have no ISO3 in the extract; they are mapped by name, never dropped.
    origin = _codes(bilateral, "origin", ledger.source_file)
    destination = _codes(bilateral, "destination", ledger.source_file)
    emigrants = _tidy("emigrant_stock", origin, destination, bilateral["year"], bilateral["migrant_stock"])
    emigrants = emigrants[emigrants["country"].isin(list(REGION))]
    immigrants = _tidy("immigrant_stock", destination, origin, bilateral["year"], bilateral["migrant_stock"])
    immigrants = immigrants[immigrants["country"].isin(list(REGION))]
    # A row whose origin and destination are both in the region feeds both indicators.
    ledger.close(used=len(bilateral))
    ledger.notes.append(f"{len(emigrants)} emigrant and {len(immigrants)} immigrant partner rows.")

    totals, totals_ledger = _read(source_dir, "un_desa/ims2020_totals.csv")
    frames = [emigrants, immigrants,
              _tidy("emigrant_stock", totals["country_iso3"], "", totals["year"], totals["emigrant_stock_total"]),
              _tidy("immigrant_stock", totals["country_iso3"], "", totals["year"], totals["immigrant_stock_total"])]
    totals_ledger.close(used=len(totals))
    return pd.concat(frames, ignore_index=True), [ledger, totals_ledger]


def world_bank(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    population, pop_ledger = _read(source_dir, "world_bank/population_SP.POP.TOTL.csv")
    frames = [_tidy("population", population["Country Code"], "", population["Year"], population["Value"])]
    pop_ledger.close(used=len(population))
    ledgers = [pop_ledger]
    series = {
        "net_migration": "wdi_net_migration_SM.POP.NETM.csv",
        "remittances_pct_gdp": "wdi_remittances_pct_gdp_BX.TRF.PWKR.DT.GD.ZS.csv",
        "remittances_usd": "wdi_remittances_usd_BX.TRF.PWKR.CD.DT.csv",
    }
    for indicator, name in series.items():
        frame, ledger = _read(source_dir, f"world_bank/{name}")
        frame = ledger.drop(frame, frame["value"].isna(), "no value in the source")
        frames.append(_tidy(indicator, frame["geo"].str.upper(), "", frame["time"], frame["value"]))
        ledger.close(used=len(frame))
        ledgers.append(ledger)
    return pd.concat(frames, ignore_index=True), ledgers


def knomad(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    frame, ledger = _read(source_dir, "knomad/remittance_inflows_usd_million_apr2020.csv")
    frame = ledger.drop(frame, frame["remittance_inflows_usd_million"].isna(), "no value in the source")
    flag = frame["flag"].fillna("").map({"": "", "estimate": "e"})
    country = resolve_names(frame["country"], ledger.source_file, set())
    ledger.close(used=len(frame))
    return _tidy("remittances_usd_knomad2020", country, "", frame["year"],
                 frame["remittance_inflows_usd_million"], flag=flag), [ledger]


ABEL_INDICATORS = {
    # flow_type -> (indicator, which end of the corridor is 'country')
    "total": [("emigration_flow_5yr", "origin"), ("immigration_flow_5yr", "destination")],
    "outward": [("native_outflow_5yr", "origin")],
    "return": [("return_flow_5yr", "destination")],
}


def abel_cohen(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    frame, ledger = _read(source_dir, "abel_cohen/bilateral_flows_5yr.csv")
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
            tidy = _tidy(indicator, country[rows], partner[rows], period_end[rows], frame["flow"][rows],
                         flag="e", note=note[rows])
            tidy = tidy[tidy["country"].isin(region)]
            totals = tidy.groupby(["indicator", "country", "year", "flag", "note"], as_index=False)["value"].sum()
            totals["partner"] = ""
            totals["note"] += "; sum over partner countries"
            frames += [tidy, totals[COLUMNS]]
    ledger.close(used=len(frame))
    return pd.concat(frames, ignore_index=True), [ledger]
