"""The validation report as tables: one row per file, one row per problem, one row per conflict."""

from __future__ import annotations

import io

import pandas as pd

from components.contract import FileReport

# The order in which things are said about a file in the "Detected" column.
DETECTED_ORDER = ("format", "encoding", "delimiter", "numbers", "header", "countries", "features")


def detected_text(report: FileReport) -> str:
    keys = [k for k in DETECTED_ORDER if k in report.detected]
    keys += [k for k in report.detected if k not in DETECTED_ORDER]
    return "; ".join(f"{key}: {report.detected[key]}" for key in keys)


def worth_a_look(report: FileReport) -> bool:
    """A file with problems, or one that was not read as a plain comma-separated UTF-8 CSV."""
    plain = {"encoding": "UTF-8", "delimiter": "comma (,)"}
    unusual = any(report.detected.get(key, value) != value for key, value in plain.items())
    unusual = unusual or report.detected.get("format", "CSV text") not in ("CSV text", "GeoJSON")
    return bool(report.problems) or unusual or bool({"header", "countries"} & set(report.detected))


def file_details(report: FileReport, limit: int = 8) -> tuple[list[str], list[str]]:
    """(how the file was read, what to fix), as sentences for a person rather than a table."""
    read = [f"{key.capitalize()}: {report.detected[key]}" for key in DETECTED_ORDER
            if key in report.detected]
    if report.last_good:
        read.append(f"Shown instead: the last good version, {report.last_good}.")
    fixes = [problem.message for problem in report.problems[:limit]]
    if len(report.problems) > limit:
        fixes.append(f"… and {len(report.problems) - limit} more in the problems table above.")
    return read, fixes


def file_table(reports: list[FileReport]) -> pd.DataFrame:
    return pd.DataFrame([{
        "File": report.file, "Kind": report.kind, "Status": report.status,
        "Rows loaded": report.rows_loaded, "Rows rejected": report.rows_rejected,
        "Problems": len(report.problems),
        "Served version": report.last_good or ("none" if report.rejected else "this file"),
        "Detected": detected_text(report),
    } for report in reports])


def problems_table(reports: list[FileReport]) -> pd.DataFrame:
    records = [problem.as_record() for report in reports for problem in report.problems]
    columns = ["file", "row", "column", "value", "check", "severity", "expected", "fix"]
    frame = pd.DataFrame(records, columns=columns)
    frame["row"] = frame["row"].astype("Int64")
    return frame.rename(columns=str.capitalize)


def conflicts_table(conflicts: pd.DataFrame) -> pd.DataFrame:
    return conflicts.rename(columns=lambda name: name.replace("_", " ").capitalize())


def problems_csv(reports: list[FileReport]) -> bytes:
    # utf-8-sig: Excel on Windows opens a CSV as UTF-8 (Cyrillic intact) only with the BOM.
    return problems_table(reports).to_csv(index=False).encode("utf-8-sig")


def report_workbook(reports: list[FileReport], conflicts: pd.DataFrame) -> bytes:
    """The whole report as one Excel workbook: Files, Problems and Conflicts sheets."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        file_table(reports).to_excel(writer, sheet_name="Files", index=False)
        problems_table(reports).to_excel(writer, sheet_name="Problems", index=False)
        conflicts_table(conflicts).to_excel(writer, sheet_name="Conflicts", index=False)
    return buffer.getvalue()
