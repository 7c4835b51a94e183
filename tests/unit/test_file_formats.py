"""Files as staff really make them: every fixture gets its exact outcome, and the report says what was detected."""

from __future__ import annotations

import io
import time
import tracemalloc

import openpyxl
import pandas as pd
import pytest

from components import contract, numbers
from components.dataset import load_dataset
from components.catalogue import INDICATOR_COLUMNS, read_catalogue
from components.file_formats import decode, normalise_header, sniff_delimiter
from components.observations import read_observations
from components.validation_report import detected_text
from tests.conftest import DATA, REPO
from tests.fixtures.cases import BAD, BAD_FILES, GOOD, GOOD_FILES, Case, mini_data_dir, place


INDICATORS, _ = read_catalogue(DATA / "catalogue" / "indicators.csv", INDICATOR_COLUMNS)


def _outcome(data, name):
    dataset = load_dataset(data)
    report = next(r for r in dataset.reports if r.file == name)
    rows = dataset.observations[dataset.observations["file"] == name]
    return dataset, report, rows


def _assert_case(case: Case, dataset, report, rows):
    assert report.status == case.status, [p.message for p in report.problems]
    assert (report.rows_loaded, report.rows_rejected) == case.rows
    checks = {p.check for p in report.problems}
    assert set(case.checks) <= checks, checks
    if case.status == "loaded":
        assert not report.problems, [p.message for p in report.problems]
    for problem in report.problems:
        assert problem.file == case.file and problem.message.startswith(case.file)
        assert problem.fix and problem.expected
    text = detected_text(report)
    for words in case.detected:
        assert words in text, text
    for (indicator, country, partner, year), value in case.values.items():
        match = rows[(rows["indicator"] == indicator) & (rows["country"] == country)
                     & (rows["partner"] == partner) & (rows["year"] == year)]
        assert match["value"].tolist() == [pytest.approx(value)]
    # A file that is not used contributes nothing.
    if report.rejected:
        assert rows.empty and report.file.split(".")[0] not in dataset.boundaries


@pytest.mark.parametrize("case", GOOD + BAD, ids=lambda case: case.file)
def test_every_fixture_gets_its_exact_outcome(tmp_path, case):
    source = (GOOD_FILES if case in GOOD else BAD_FILES) / case.file
    data = mini_data_dir(tmp_path)
    place(data, source)
    _assert_case(case, *_outcome(data, case.file))


def test_there_are_at_least_25_fixture_files_each_with_a_case():
    files = {p.name for p in GOOD_FILES.iterdir()} | {p.name for p in BAD_FILES.iterdir()}
    cased = {case.file for case in GOOD + BAD}
    assert len(cased) >= 25 and cased <= files


# --- Excel workbooks, made with openpyxl as Excel would save them ---------------------------

def _workbook(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


HEADER = ["Indicator", "Indicator label", "Unit", "Migration type", "Country", "Year", "Value"]
ROWS = [["work_permits_staff", "Work permits", "permits", "Labour", "Srbija", 2024, 1250451],
        ["work_permits_staff", "Work permits", "permits", "Labour", "Северна Македонија", 2024, 12.5]]


@pytest.mark.parametrize("name, sheets, detected", [
    ("first_sheet.xlsx", {"Sheet1": [HEADER, *ROWS]}, "the first sheet, 'Sheet1'"),
    ("named_data_sheet.xlsx", {"Notes": [["Sent by the statistics office"]], "Data": [HEADER, *ROWS]},
     "the sheet named 'Data' of 2"),
    # A statistical office's workbook: notes first, the table on a sheet in the local language.
    ("notes_first.xlsx", {"Napomene": [["Izvor: Republički zavod za statistiku"], ["Podaci za 2024. su privremeni"]],
                          "Podaci": [HEADER, *ROWS]},
     "the sheet 'Podaci' of 2, the first with the column names"),
    # Saved from Excel with a .csv name: the content decides, not the name.
    ("workbook_named.csv", {"Sheet1": [HEADER, *ROWS]}, "Excel workbook"),
    # Numbers typed as text in a Serbian Excel, with a title row above the header left empty.
    ("text_cells.xlsx", {"List1": [[], HEADER, [*ROWS[0][:6], "1.250.451"], [*ROWS[1][:6], "12,5"]]},
     "decimal comma"),
])
def test_workbooks_are_read_from_the_right_sheet(tmp_path, name, sheets, detected):
    data = mini_data_dir(tmp_path)
    (data / "observations" / name).write_bytes(_workbook(sheets))
    dataset, report, rows = _outcome(data, name)
    assert report.status == "loaded", [p.message for p in report.problems]
    assert detected in detected_text(report) and "'Indicator label' read as 'indicator_label'" in detected_text(report)
    assert sorted(rows["value"]) == [12.5, 1250451.0]
    assert set(rows["country"]) == {"SRB", "MKD"} and set(rows["year"]) == {2024}


def test_a_damaged_workbook_is_rejected_with_a_fix(tmp_path):
    data = mini_data_dir(tmp_path)
    whole = _workbook({"Sheet1": [HEADER, *ROWS]})
    (data / "observations" / "cut.xlsx").write_bytes(whole[: len(whole) // 2])
    _, report, rows = _outcome(data, "cut.xlsx")
    assert report.status == "rejected" and rows.empty
    assert report.problems[0].check == "bad-workbook" and "save it again" in report.problems[0].fix


def test_a_workbook_cell_right_of_the_named_columns_is_explained_in_workbook_terms(tmp_path):
    """A remark typed beside the table has no separator or quotes to check: the fix says where it is."""
    data = mini_data_dir(tmp_path)
    remark = [*ROWS[1], "provisional, see note 3"]
    (data / "observations" / "remark.xlsx").write_bytes(_workbook({"Sheet1": [HEADER, ROWS[0], remark]}))
    _, report, rows = _outcome(data, "remark.xlsx")
    assert report.status == "rejected" and rows.empty
    [problem] = report.problems
    assert (problem.check, problem.row) == ("not-csv", 3)
    assert "cells to the right of the last column named in row 1" in problem.fix
    assert "separator" not in problem.fix and "quotes" not in problem.fix


def test_numbers_excel_shows_as_percentages_are_read_as_shown(tmp_path):
    """A share typed as 52.3% in Excel is stored as 0.523; the catalogue's shares are percentages,
    so reading the stored number would put a hundredth of the figure on every chart, unnoticed."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "data"
    sheet.append(["indicator", "country", "year", "value"])
    for country, value, number_format in [
            ("Србија", 0.523, "0.0%"),  # shown as 52.3%
            ("Crna Gora", 0.51, "0%"),  # shown as 51%
            ("Kosova", 12.5, '0.0"%"'),  # a % in quotes is only a label: shown as 12.5%
            ("Republika Moldova", 55.52, "0.00")]:
        sheet.append(["emigrants_female_share", country, 2024, value])
        sheet.cell(sheet.max_row, 4).number_format = number_format
    sheet.append(["emigrant_stock", "Albania", 2024, 1250451])
    sheet.cell(sheet.max_row, 4).number_format = "#,##0"
    buffer = io.BytesIO()
    book.save(buffer)
    data = mini_data_dir(tmp_path)
    (data / "observations" / "shares.xlsx").write_bytes(buffer.getvalue())
    _, report, rows = _outcome(data, "shares.xlsx")
    assert report.status == "loaded", [p.message for p in report.problems]
    assert dict(zip(rows["country"], rows["value"])) == {
        "SRB": 52.3, "MNE": 51.0, "XKX": 12.5, "MDA": 55.52, "ALB": 1250451.0}
    assert "percentages read as shown, e.g. 0.523 as 52.3 in row 2" in detected_text(report)


# --- the size limit -------------------------------------------------------------------------

def test_a_50_mb_file_is_rejected_quickly_without_being_read_into_memory(tmp_path):
    data = mini_data_dir(tmp_path)
    row = b"emigrant_stock,ALB,2020,1250451,padding padding padding padding\n"
    with (data / "observations" / "whole_database_export.csv").open("wb") as handle:
        handle.write(b"indicator,country,year,value,note\n")
        for _ in range(50 * 2**20 // (len(row) * 1000) + 1):
            handle.write(row * 1000)
    assert (data / "observations" / "whole_database_export.csv").stat().st_size > 50 * 2**20
    tracemalloc.start()
    started = time.perf_counter()
    _, report, rows = _outcome(data, "whole_database_export.csv")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert report.status == "rejected" and rows.empty
    problem = report.problems[0]
    assert problem.check == "too-large" and f"at most {contract.MAX_FILE_MB} MB" in problem.message
    assert problem.value.endswith("MB") and float(problem.value.split()[0]) >= 50
    assert elapsed < 10, elapsed
    assert peak < 20 * 2**20, f"peak {peak / 2**20:.1f} MB: the big file was read into memory"


def test_the_size_limit_is_documented_and_the_same_for_uploads():
    guide = (REPO / "docs" / "DATA.md").read_text(encoding="utf-8")
    assert f"{contract.MAX_FILE_MB} MB" in guide.split("## Adding or updating data", 1)[1]
    config = (REPO / ".streamlit" / "config.toml").read_text()
    assert f"maxUploadSize = {contract.MAX_FILE_MB}" in config


# --- the detectors on their own ------------------------------------------------------------

@pytest.mark.parametrize("text, encoding, expected", [
    ("Srbija;Čačak;Užice;Niš;Kragujevac;Šabac", "cp1250", "Windows-1250"),
    ("Crna Gora;Nikšić;Pljevlja;Žabljak", "cp1250", "Windows-1250"),
    ("România;Timişoara;Braşov;Constanţa;Iaşi", "cp1250", "Windows-1250"),
    ("Hrvatska;Đakovo;Požega;Čakovec", "cp1250", "Windows-1250"),
    ("Србија;Ниш;Крагујевац;Чачак", "cp1251", "Windows-1251"),
    ("Северна Македонија;Скопје;Битола;Охрид;Ѓевгелија", "cp1251", "Windows-1251"),
    ("България;Пловдив;Варна;Стара Загора", "cp1251", "Windows-1251"),
    ("Молдова;Кишинэу;Бэлць", "cp1251", "Windows-1251"),
    ("Srbija;Čačak", "utf-8", "UTF-8"),
    ("Србија;Ниш", "utf-8-sig", "UTF-8 with BOM"),
])
def test_encodings_of_the_region_are_told_apart(text, encoding, expected):
    raw = f"indicator;country;note\nx;SRB;{text}\n".encode(encoding)
    decoded, label = decode(raw)
    assert label.startswith(expected)
    assert text in decoded


@pytest.mark.parametrize("text, delimiter", [
    ("indicator,country,year,value\nx,SRB,2020,\"1,5\"\n", ","),
    ("indicator;country;year;value\nx;SRB;2020;1,5\n", ";"),
    ("Indicator\tCountry\tYear\tValue\nx\tSRB\t2020\t1,5\n", "\t"),
    ("note;indicator,country,year,value\n", ","),  # the known column names decide
])
def test_the_separator_is_the_one_that_makes_sense_of_the_header(text, delimiter):
    assert sniff_delimiter(text, contract.ALL_COLUMNS) == delimiter


@pytest.mark.parametrize("cells, delimiter, decimal, values", [
    (["1.250.451", "12,5"], ";", ",", [1250451, 12.5]),
    (["1,250,451", "12.5"], ",", ".", [1250451, 12.5]),
    (["1 250 451", "7"], ";", ",", [1250451, 7]),
    (["1\u00a0250\u00a0451", "0,25"], ",", ",", [1250451, 0.25]),
    (["1,250"], ";", ",", [1.25]),  # a Serbian Excel file: the ';' says the comma is decimal
    (["1,250"], ",", ".", [1250]),
    (["1.250"], ";", ",", [1250]),
    (["−5", "-3,5"], ";", ",", [-5, -3.5]),
])
def test_each_file_gets_one_number_format_decided_unambiguously(cells, delimiter, decimal, values):
    number_format = numbers.detect(enumerate(cells, 2), delimiter)
    assert number_format.decimal == decimal
    assert numbers.parse(pd.Series(cells), number_format).tolist() == pytest.approx(values)


@pytest.mark.parametrize("vectorised", [True, False])
def test_a_value_an_assumed_decimal_mark_reads_with_three_decimals_is_named_in_a_warning(vectorised):
    """Serbian Excel's 'Unicode Text' (tab-separated) writes 250.451 for 250,451 people; with no value
    showing the decimal mark, the tab gives no hint and the '.' is read as a decimal point. The
    figure is loaded as the contract says, but never silently: each such value is named."""
    text = ("indicator\tcountry\tyear\tvalue\r\nemigrant_stock\tSRB\t2023\t250.451\r\n"
            "emigrant_stock\tMNE\t2023\t145678\r\nemigrant_stock\tALB\t2023\t1,250\r\n")
    raw = b"\xff\xfe" + text.encode("utf-16-le")
    rows, _, report = read_observations(raw, "iseljenici.txt.csv", INDICATORS, vectorised=vectorised)
    assert report.status == "loaded with warnings"
    assert dict(zip(rows["country"], rows["value"])) == {"SRB": 250.451, "MNE": 145678.0, "ALB": 1250.0}
    [warning] = report.problems
    assert (warning.check, warning.severity, warning.row, warning.column, warning.value) == (
        "decimal-mark-assumed", "warning", 2, "value", "250.451")
    assert "If '.' groups thousands here, write the numbers of this file without it" in warning.message


def test_a_value_whose_decimal_mark_the_file_shows_gets_no_warning():
    raw = "indicator,country,year,value\nemigrants_female_share,SRB,2023,52.5\nemigrant_stock,SRB,2023,250.451\n"
    rows, _, report = read_observations(raw.encode(), "shares.csv", INDICATORS)
    assert report.status == "loaded" and not report.problems
    assert sorted(rows["value"]) == [52.5, 250.451]


@pytest.mark.parametrize("cell", ["about a million", "12%", "1.2.3,4,5", "inf", "nan", "1,25,0", ""])
def test_what_is_not_a_number_stays_not_a_number(cell):
    for decimal in (".", ","):
        assert numbers.parse(pd.Series([cell]), numbers.NumberFormat(decimal, "test")).isna().all()


def test_header_cells_are_read_whatever_their_case_and_spacing():
    assert [normalise_header(cell) for cell in ["Country ", "YEAR", " Indicator label", "\ufeffvalue"]] \
        == ["country", "year", "indicator_label", "value"]


@pytest.mark.parametrize("name, iso3", [
    ("Srbija", "SRB"), ("Србија", "SRB"), ("Сърбия", "SRB"), ("Crna Gora", "MNE"), ("Черна гора", "MNE"),
    ("Severna Makedonija", "MKD"), ("Северна Македонија", "MKD"), ("Macedonia de Nord", "MKD"),
    ("Former Yugoslav Republic of Macedonia", "MKD"), ("Moldova", "MDA"), ("Republica Moldova", "MDA"),
    ("България", "BGR"), ("Бугарија", "BGR"), ("Kosova", "XKX"), ("Kosovo", "XKX"), ("Kosovë", "XKX"),
    ("România", "ROU"), ("Румъния", "ROU"), ("Nemačka", "DEU"), ("Германија", "DEU"), ("Italija", "ITA"),
    # Kosovo as Eurostat's and the UN's tables and Serbia's statistical office name it.
    ("Kosovo (under UNSCR 1244/99)", "XKX"), ("Kosovo (under United Nations Security Council Resolution 1244/99)", "XKX"),
    ("Kosovo i Metohija", "XKX"), ("Косово и Метохија", "XKX"), ("Bosnia-Herzegovina", "BIH"),
])
def test_country_names_in_the_regions_languages_and_scripts_map_to_one_key(tmp_path, name, iso3):
    data = mini_data_dir(tmp_path)
    (data / "observations" / "names.csv").write_text(
        f"indicator,country,year,value\nnet_migration,{name},1950,1\n", encoding="utf-8")
    _, report, rows = _outcome(data, "names.csv")
    assert rows["country"].tolist() == [iso3]
    assert f"country '{name}' read as {iso3}" in report.detected.get("countries", f"'{name}' read as {iso3}")


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"], ids=["CR (Excel for Mac)", "CRLF", "LF"])
def test_every_line_ending_is_read_the_same(ending):
    """Excel for Mac's "CSV (Macintosh)" ends lines with a lone CR; it was refused as an
    unexpected error to send to the maintainer."""
    lines = ["indicator;country;year;value", "net_migration;Srbija;2019;1234,5",
             'net_migration;ALB;2020;"-98"', ""]
    rows, _, report = read_observations(ending.join(lines).encode("cp1250"), "mac.csv", INDICATORS)
    assert report.status == "loaded", [p.message for p in report.problems]
    assert rows[["country", "year", "value"]].values.tolist() == [["SRB", 2019, 1234.5], ["ALB", 2020, -98.0]]
