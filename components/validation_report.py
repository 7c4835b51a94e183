"""The validation report as tables: one row per file, one row per problem, one row per conflict.

Problems and detection notes are kept as English Phrases (components/i18n.py); every function
here takes the reader's `tx` and says them in that language (English when none is given).
"""

from __future__ import annotations

import io

import pandas as pd

from components.contract import FileReport, status_in
from components.export import neutralised, to_csv_bytes
from components.i18n import Phrase, Texts, english
from components.observations import COUNTRY_READ_AS

# The order in which things are said about a file in the "Detected" column.
DETECTED_ORDER = ("format", "encoding", "delimiter", "numbers", "percent", "header", "countries", "features")
PROBLEM_COLUMNS = ["file", "row", "column", "value", "check", "severity", "expected", "fix"]
CONFLICT_HEADINGS = ("indicator", "country", "partner", "region", "sex", "year", "kept_value",
                     "kept_file", "left_out_value", "left_out_file")


def say(value, tx: Texts | None = None, *, markdown: bool = False):
    """A Phrase (however deeply nested) in the reader's language; anything else unchanged.

    Like tx.say, but a country read from a file is named as the reader's language names it.
    With markdown=True, for st.markdown and notices: every value is escaped as tx.markdown does.
    """
    tx = tx or english()
    if not isinstance(value, Phrase):
        return tx.markdown(value) if markdown else value
    params = {name: say(inner, tx, markdown=markdown) for name, inner in value.params.items()}
    if value.key == COUNTRY_READ_AS:
        params["name"] = say(tx.country(value.params["iso3"]), tx, markdown=markdown)
    return tx(value.key, **params)


def _heading(tx: Texts, table: str, name: str) -> str:
    return tx.get(f"status.{table}.{name}", name)


def detected_text(report: FileReport, tx: Texts | None = None, *, markdown: bool = False) -> str:
    """How the file was read, in one line; markdown=True escapes what came from the file."""
    tx = tx or english()
    keys = [k for k in DETECTED_ORDER if k in report.detected]
    keys += [k for k in report.detected if k not in DETECTED_ORDER]
    return "; ".join(f"{tx.get(f'detected.labels.{key}', key)}: {say(report.detected[key], tx, markdown=markdown)}"
                     for key in keys)


def worth_a_look(report: FileReport) -> bool:
    """A file with problems, or one that was not read as a plain comma-separated UTF-8 CSV."""
    plain = {"encoding": "UTF-8", "delimiter": "comma (,)"}
    unusual = any(report.detected.get(key, value) != value for key, value in plain.items())
    unusual = unusual or report.detected.get("format", "CSV text") not in ("CSV text", "GeoJSON")
    return bool(report.problems) or unusual or bool({"header", "countries"} & set(report.detected))


def file_details(report: FileReport, limit: int = 8, tx: Texts | None = None) -> tuple[list[str], list[str]]:
    """(how the file was read, what to fix), as Markdown sentences for a person rather than a table.

    What came from the file (cells, names) is escaped: it shows as text, never as Markdown.
    """
    tx = tx or english()
    read = [f"{_capitalized(tx.get(f'detected.labels.{key}', key))}: "
            f"{say(report.detected[key], tx, markdown=True)}"
            for key in DETECTED_ORDER if key in report.detected]
    if report.last_good:
        read.append(tx("status.details.shown_instead", version=say(report.last_good, tx, markdown=True)))
    fixes = [say(problem.message, tx, markdown=True) for problem in report.problems[:limit]]
    if len(report.problems) > limit:
        fixes.append(tx("status.details.more", count=len(report.problems) - limit))
    return read, fixes


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def served_version(report: FileReport, tx: Texts | None = None) -> str:
    tx = tx or english()
    if report.last_good:
        return say(report.last_good, tx)
    return tx("status.served.none") if report.rejected else tx("status.served.this_file")


def file_table(reports: list[FileReport], tx: Texts | None = None) -> pd.DataFrame:
    tx = tx or english()
    rows = [{
        "file": report.file, "kind": tx.get(f"status.kinds.{report.kind}", report.kind),
        "status": status_in(report.status, tx),
        "rows_loaded": report.rows_loaded, "rows_rejected": report.rows_rejected,
        "problems": len(report.problems), "served_version": served_version(report, tx),
        "detected": detected_text(report, tx),
    } for report in reports]
    columns = ["file", "kind", "status", "rows_loaded", "rows_rejected", "problems",
               "served_version", "detected"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.rename(columns=lambda name: _heading(tx, "file_columns", name))


def problem_records(reports: list[FileReport], tx: Texts | None = None) -> pd.DataFrame:
    """One row per problem, the columns named as in the contract; texts in the reader's language,
    the check and severity codes as they are (they are what a script or a filter looks for)."""
    tx = tx or english()
    records = [{**problem.as_record(), "value": say(problem.value, tx),
                "expected": say(problem.expected, tx), "fix": say(problem.fix, tx)}
               for report in reports for problem in report.problems]
    frame = pd.DataFrame(records, columns=PROBLEM_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    return frame


def problems_table(reports: list[FileReport], tx: Texts | None = None) -> pd.DataFrame:
    """The problems as shown on screen: headings and severities in the reader's language."""
    tx = tx or english()
    frame = problem_records(reports, tx)
    severities = {p.severity: p.severity_in(tx) for report in reports for p in report.problems}
    frame["severity"] = frame["severity"].map(severities)
    return frame.rename(columns=lambda name: _heading(tx, "problem_columns", name))


def conflicts_table(conflicts: pd.DataFrame, tx: Texts | None = None) -> pd.DataFrame:
    tx = tx or english()
    return conflicts.rename(columns=lambda name: _heading(tx, "conflict_columns", name))


def problems_csv(reports: list[FileReport], tx: Texts | None = None) -> bytes:
    """The problems as CSV: the same column names in every language (File, Row, ... Fix), so a
    script reading it never breaks; the value, expected and fix texts in the reader's language."""
    frame = problem_records(reports, tx).rename(columns=str.capitalize)
    # Cells from dropped files are neutralised (a '=HYPERLINK(...)' is text, not a formula), and
    # utf-8-sig: Excel on Windows opens a CSV as UTF-8 (Cyrillic intact) only with the BOM.
    return to_csv_bytes(frame)


def report_workbook(reports: list[FileReport], conflicts: pd.DataFrame, tx: Texts | None = None) -> bytes:
    """The whole report as one Excel workbook, for reading: Files, Problems and Conflicts sheets,
    headed and worded in the reader's language."""
    tx = tx or english()
    buffer = io.BytesIO()
    # Every text cell neutralised: openpyxl writes a text starting with '=' as a live formula.
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralised(file_table(reports, tx)).to_excel(writer, sheet_name=_sheet(tx, "files"), index=False)
        neutralised(problems_table(reports, tx)).to_excel(writer, sheet_name=_sheet(tx, "problems"), index=False)
        neutralised(conflicts_table(conflicts, tx)).to_excel(writer, sheet_name=_sheet(tx, "conflicts"),
                                                             index=False)
    return buffer.getvalue()


def _sheet(tx: Texts, name: str) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a sheet name.
    text = tx(f"status.sheets.{name}")
    return "".join(ch for ch in text if ch not in "[]:*?/\\")[:31]
