"""Sanity checks that fail hard: before writing (the frames) and after (through the app's loader)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from components.countries import REGION
from components.dataset import load_dataset
from curation.ledger import CurationError

KEY = ["indicator", "country", "partner", "sex", "age", "year"]

# indicator -> region countries it must cover, because the source has them.
EXPECTED_COUNTRIES = {
    "emigrant_stock": set(REGION) - {"XKX"},  # UN DESA counts Kosovo inside Serbia
    "immigrant_stock": set(REGION) - {"XKX"},
    "emigrant_stock_ims2020": set(REGION) - {"XKX"},
    "immigrant_stock_ims2020": set(REGION) - {"XKX"},
    "emigrants_female_share": set(REGION) - {"XKX"},
    "immigrants_female_share": set(REGION) - {"XKX"},
    "population": set(REGION),
    "net_migration": set(REGION),
    "remittances_usd": set(REGION),
    "remittances_pct_gdp": set(REGION),
    "remittances_usd_knomad2020": set(REGION),
    "emigration_flow_5yr": set(REGION) - {"XKX"},
    "return_flow_5yr": set(REGION) - {"XKX"},
    "immigration_by_citizenship": {"BGR", "HRV", "ROU", "MKD", "MNE", "MDA", "BIH"},
    "residence_permits_abroad": set(REGION) - {"BGR", "ROU"},  # EU citizens need no permit
    "citizens_resident_in_eu_efta": set(REGION),
    "emigrants_share_of_population": set(REGION) - {"XKX"},
    "share_of_native_born_abroad": set(REGION) - {"XKX"},
    # OECD DIOC 2015/16 has all ten, Kosovo with its own figure.
    **{indicator: set(REGION) for indicator in (
        "oecd_emigrants_25_64", "oecd_emigrants_25_64_low_education", "oecd_emigrants_25_64_medium_education",
        "oecd_emigrants_25_64_high_education", "oecd_emigrants_25_64_unknown_education",
        "oecd_emigrants_tertiary_share")},
}

# Share with tertiary education among emigrants aged 25-64 whose education is known, as checked
# against the DIOC extract (../shared/sources/README.md), to one decimal.
DIOC_TERTIARY_SHARES = {"MDA": 33.0, "BGR": 28.6, "SRB": 23.1, "ALB": 13.8, "XKX": 9.1}


def check_outputs(files: dict[str, pd.DataFrame], indicators: list[dict], sources: Path) -> None:
    catalogue = {item["id"]: item for item in indicators}
    everything = pd.concat(files.values(), ignore_index=True)
    for name, frame in files.items():
        duplicated = frame[frame.duplicated(KEY, keep=False)]
        if len(duplicated):
            raise CurationError(f"{name}: duplicate keys, e.g. {duplicated.head(4).to_dict('records')}")
        if frame["value"].isna().any():
            raise CurationError(f"{name}: {int(frame['value'].isna().sum())} rows without a value")
        unknown = set(frame["indicator"]) - set(catalogue)
        if unknown:
            raise CurationError(f"{name}: indicators missing from the catalogue: {sorted(unknown)}")
    for indicator, spec in catalogue.items():
        rows = everything[everything["indicator"] == indicator]
        if rows.empty:
            raise CurationError(f"catalogue indicator {indicator} has no curated rows")
        low, high = spec.get("min_value", ""), spec.get("max_value", "")
        if low != "" and (rows["value"] < float(low)).any():
            raise CurationError(f"{indicator}: values below {low}: {rows[rows['value'] < float(low)].head(3).to_dict('records')}")
        if high != "" and (rows["value"] > float(high)).any():
            raise CurationError(f"{indicator}: values above {high}: {rows[rows['value'] > float(high)].head(3).to_dict('records')}")
        missing = EXPECTED_COUNTRIES.get(indicator, set()) - set(rows["country"])
        if missing:
            raise CurationError(f"{indicator}: countries in the source but not curated: {sorted(missing)}")
    _check_published_totals(everything)
    _check_dioc_tertiary_shares(everything)


def _check_published_totals(everything: pd.DataFrame) -> None:
    """Figures verified against the published UN DESA editions (see shared/sources/README.md)."""
    published = {("emigrant_stock_ims2020", "ALB", 2020): 1_250_451, ("immigrant_stock_ims2020", "ALB", 2020): 48_810,
                 ("immigrant_stock_ims2020", "SRB", 2020): 823_011, ("immigrant_stock_ims2020", "SRB", 1990): 99_269,
                 ("emigrant_stock", "ALB", 2020): 1_103_849, ("immigrant_stock", "SRB", 1990): 1_064_614,
                 ("immigrant_stock", "SRB", 2024): 712_550}
    plain = (everything["partner"] == "") & (everything["sex"].fillna("") == "") & (everything["age"].fillna("") == "")
    totals = everything[plain].set_index(["indicator", "country", "year"])["value"]
    for key, expected in published.items():
        if totals.get(key) != expected:
            raise CurationError(f"{key}: curated {totals.get(key)} but the published figure is {expected}")


def _check_dioc_tertiary_shares(everything: pd.DataFrame) -> None:
    rows = everything[(everything["indicator"] == "oecd_emigrants_tertiary_share") & (everything["sex"].fillna("") == "")]
    shares = rows.set_index("country")["value"]
    for country, expected in DIOC_TERTIARY_SHARES.items():
        if round(shares.get(country, float("nan")), 1) != expected:
            raise CurationError(f"oecd_emigrants_tertiary_share {country}: curated {shares.get(country)} "
                                f"but the checked share is {expected}%")


def verify_with_loader(staging: Path) -> None:
    """The shipped data follows the same contract as staff files: load it exactly as the app does."""
    dataset = load_dataset(staging)
    problems = [p.message for p in dataset.problems]
    if problems:
        raise CurationError("curated files fail the data-file contract:\n" + "\n".join(problems[:20]))
