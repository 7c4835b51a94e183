"""Deterministic writers: the same inputs always give byte-identical files."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pandas as pd

from curation.catalogues import INDICATORS, SOURCES
from curation.eurostat_zeros import PREFIX as ZERO_PREFIX
from curation.eurostat_zeros import RULES as ZERO_RULES
from curation.eurostat_zeros import ledger_reason
from curation.readers import COLUMNS

SORT_KEYS = ["indicator", "country", "partner", "sex", "age", "year"]
# Breakdown columns are written only by the files that use them.
OPTIONAL = ("sex", "age")


def format_value(value: float) -> str:
    """Whole numbers without a decimal point; other numbers in their shortest exact form."""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def write_observations(frame: pd.DataFrame, path: Path) -> None:
    frame = frame[COLUMNS].copy()
    frame[list(OPTIONAL)] = frame[list(OPTIONAL)].fillna("")
    frame["year"] = frame["year"].astype(int)
    frame = frame.sort_values(SORT_KEYS, kind="mergesort")
    frame["value"] = frame["value"].map(format_value)
    frame = frame.drop(columns=[column for column in OPTIONAL if (frame[column] == "").all()])
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def write_catalogue(records: list[dict], path: Path) -> None:
    columns = list(dict.fromkeys(key for record in records for key in record))
    if records is INDICATORS:
        from components.catalogue import INDICATOR_COLUMNS as columns
    elif records is SOURCES:
        from components.catalogue import SOURCE_COLUMNS as columns
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow({column: record.get(column, "") for column in columns})


def write_report(files: dict[str, pd.DataFrame], ledgers, geometry, path: Path) -> None:
    lines = ["# Curation report", "",
             "Written by `python -m curation`. Every source row is either used or listed here "
             "with the reason it was left out.", "", "## Source rows", "",
             "| source file | rows read | rows used | left out | why |", "|---|---:|---:|---:|---|"]
    for ledger in ledgers:
        reasons = "; ".join(f"{count:,}: {reason}" for reason, count in ledger.dropped) or "-"
        dropped = sum(count for _, count in ledger.dropped)
        lines.append(f"| {ledger.source_file} | {ledger.rows_in:,} | {ledger.used:,} | {dropped:,} | {reasons} |")
    lines += _zero_rules(ledgers)
    lines += ["", "## Curated rows per indicator", "",
              "| file | indicator | rows | countries | years |", "|---|---|---:|---:|---|"]
    for name, frame in files.items():
        for indicator, rows in frame.groupby("indicator", sort=True):
            lines.append(f"| {name} | {indicator} | {len(rows):,} | {rows['country'].nunique()} | "
                         f"{int(rows['year'].min())}–{int(rows['year'].max())} |")
    lines += ["", "## Boundaries", "", "| file | features | bytes |", "|---|---:|---:|"]
    for item in geometry:
        lines.append(f"| {item['file']} | {item['features']} | {item['bytes']:,} |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _zero_rules(ledgers) -> list[str]:
    """How many source rows each rule of curation/eurostat_zeros.py left out, per file."""
    counted = [(ledger.source_file, rule, dict(ledger.dropped).get(ledger_reason(rule), 0))
               for ledger in ledgers for rule in ZERO_RULES
               if any(reason.startswith(ZERO_PREFIX) for reason, _ in ledger.dropped)]
    lines = ["", "## Zeros read as not available", "",
             "Eurostat zeros that mean 'not available' are left out (missing, never 0); each is counted "
             "under the first rule that matches it (curation/eurostat_zeros.py).", "",
             "| source file | rule | what it means | rows left out |", "|---|---|---|---:|"]
    lines += [f"| {name} | {rule} | {ZERO_RULES[rule]} | {count:,} |" for name, rule, count in counted]
    return lines


def publish(staging: Path, out: Path, names: list[str]) -> None:
    """Move each staged file over its old version with an atomic rename; leave other files be."""
    for name in names:
        source = staging / name
        targets = [source] if source.is_file() else sorted(source.rglob("*"))
        for item in targets:
            if item.is_dir():
                continue
            target = out / item.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.tmp")
            shutil.copyfile(item, temporary)
            os.replace(temporary, target)
