"""OECD DIOC 2015/16: the education of people born in the region who live in OECD countries.

The extract (File A_2) gives people born in each country and living in any OECD country, by sex,
age group, education and citizenship of the country of residence. The dashboard shows those aged
25-64 (the code book's working-age group for educational attainment), summed over citizenship.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from components.countries import REGION
from curation.ledger import CurationError, Ledger
from curation.readers import COLUMNS

SOURCE_FILE = "oecd_dioc/dioc_2015_16_emigrants_in_oecd_by_education.csv"
DIOC = "oecd_dioc_2015_16"
# The census round 2015/16 is one point in time; the dashboard files it under 2015.
YEAR = 2015
AGE = "25-64"
ALL_EDUCATION = "oecd_emigrants_25_64"
TERTIARY_SHARE = "oecd_emigrants_tertiary_share"
EDUCATION = {"low (ISCED 0-2)": "low", "medium (ISCED 3-4)": "medium", "high (ISCED 5-8)": "high",
             "unknown": "unknown"}
SEXES = ("female", "male")
# Born in former Yugoslavia, republic not stated: these people belong to no single country today.
FORMER_YUGOSLAVIA_UNSTATED = "FYUG"
# DIOC writes Kosovo as FYUG-XXK; the dashboard keys it XKX.
BIRTH_CODE_ERRORS = {"XXK": "XKX"}
SERBIA_NOTE = "Excludes Kosovo, which DIOC counts separately (UN DESA counts Kosovo inside Serbia)."


def education_indicator(level: str) -> str:
    return f"{ALL_EDUCATION}_{level}_education"


def _country_of_birth(frame: pd.DataFrame, source_file: str) -> pd.Series:
    """ISO3 from the source's own birth code (FYUG-SRB, USSR-MDA, ALB), cross-checked with its ISO column."""
    country = frame["birth_code_in_source"].str.split("-").str[-1].replace(BIRTH_CODE_ERRORS)
    disagree = country != frame["country_of_birth"].replace(BIRTH_CODE_ERRORS)
    if disagree.any():
        pairs = frame.loc[disagree, ["birth_code_in_source", "country_of_birth"]].drop_duplicates().values.tolist()
        raise CurationError(f"{source_file}: birth code and country of birth disagree for {pairs}")
    return country


def _rows(indicator: str, values: pd.DataFrame) -> pd.DataFrame:
    """Tidy rows from a frame with country, sex and value; Serbia's rows say Kosovo is not in them."""
    frame = values.assign(indicator=indicator, partner="", age="", year=YEAR, flag="", source=DIOC)
    frame["note"] = frame["country"].map({"SRB": SERBIA_NOTE}).fillna("")
    return frame[COLUMNS]


def dioc(source_dir: Path) -> tuple[pd.DataFrame, list[Ledger]]:
    frame = pd.read_csv(source_dir / SOURCE_FILE, keep_default_na=False, na_values=[""])
    ledger = Ledger(SOURCE_FILE, rows_in=len(frame))
    unexpected = {
        "residence": set(frame["residence"]) - {"all OECD countries"},
        "sex": set(frame["sex"]) - set(SEXES),
        "education": set(frame["education"]) - set(EDUCATION),
    }
    unexpected = {column: values for column, values in unexpected.items() if values}
    if unexpected or frame["persons"].isna().any():
        raise CurationError(f"{SOURCE_FILE}: unexpected values {unexpected} or a row without persons")

    unstated = frame["birth_code_in_source"] == FORMER_YUGOSLAVIA_UNSTATED
    unstated_working_age = int(frame.loc[unstated & (frame["age"] == AGE), "persons"].sum())
    frame = ledger.drop(frame, unstated, "born in former Yugoslavia, republic not stated (FYUG; "
                        f"{unstated_working_age:,} persons aged 25-64): not attributable to one of today's countries")
    frame = ledger.drop(frame, frame["age"] != AGE, "age group other than 25-64 (0-14, 15-24, 65+, unknown): "
                        "the education indicators cover ages 25-64")
    frame = frame.assign(country=_country_of_birth(frame, SOURCE_FILE), level=frame["education"].map(EDUCATION))
    if not frame["country"].isin(list(REGION)).all():
        raise CurationError(f"{SOURCE_FILE}: a country of birth outside the region")
    ledger.close(used=len(frame))

    # Summed over citizenship of the country of residence (foreigner, national, unknown).
    by_sex = frame.groupby(["country", "sex", "level"], as_index=False)["persons"].sum()
    totals = by_sex.groupby(["country", "level"], as_index=False)["persons"].sum().assign(sex="")
    cells = pd.concat([by_sex, totals], ignore_index=True).rename(columns={"persons": "value"})
    table = cells.pivot_table(index=["country", "sex"], columns="level", values="value", aggfunc="sum")
    if table.isna().any().any():
        raise CurationError(f"{SOURCE_FILE}: a country, sex and education level without a figure")

    frames = [_rows(ALL_EDUCATION, table.sum(axis=1).rename("value").reset_index())]
    for level in EDUCATION.values():
        frames.append(_rows(education_indicator(level), table[level].rename("value").reset_index()))
    # Tertiary share among those whose education is known: the unknowns are left out of the base.
    known = table[["low", "medium", "high"]].sum(axis=1)
    frames.append(_rows(TERTIARY_SHARE, (table["high"] / known * 100).round(3).rename("value").reset_index()))
    return pd.concat(frames, ignore_index=True), [ledger]
