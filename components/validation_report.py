"""The validation report as tables: one row per file, one row per problem."""

from __future__ import annotations

import pandas as pd

from components.contract import FileReport


def file_table(reports: list[FileReport]) -> pd.DataFrame:
    return pd.DataFrame([{
        "File": report.file, "Kind": report.kind, "Status": report.status,
        "Rows loaded": report.rows_loaded, "Rows rejected": report.rows_rejected,
        "Problems": len(report.problems),
    } for report in reports])


def problems_table(reports: list[FileReport]) -> pd.DataFrame:
    records = [problem.as_record() for report in reports for problem in report.problems]
    columns = ["file", "row", "column", "value", "check", "severity", "expected", "fix"]
    frame = pd.DataFrame(records, columns=columns)
    frame["row"] = frame["row"].astype("Int64")
    return frame.rename(columns=str.capitalize)


def problems_csv(reports: list[FileReport]) -> bytes:
    return problems_table(reports).to_csv(index=False).encode("utf-8")
