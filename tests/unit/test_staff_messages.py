"""What staff read when a file is not as the contract wants it: title rows, conflicts, file sizes."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from components import contract
from components.catalogue import INDICATOR_COLUMNS, read_catalogue
from components.dataset import CONFLICT_COLUMNS, load_dataset
from components.i18n import LANGUAGES, texts
from components.uploads import check_upload
from components.validation_report import conflicts_table
from tests.conftest import DATA
from tests.fixtures.cases import mini_data_dir

INDICATORS, _ = read_catalogue(DATA / "catalogue" / "indicators.csv", INDICATOR_COLUMNS)
COLUMNS = "indicator, country, year, value"


def _report(data, name):
    dataset = load_dataset(data)
    return dataset, next(r for r in dataset.reports if r.file == name)


def _titled_workbook() -> bytes:
    """As a statistical office publishes a table: a title, a source line, a blank row, then the table."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Emigrant stock by country of birth, 2020"])
    sheet.append(["Source: national statistical office"])
    sheet.append([])
    sheet.append(["indicator", "country", "year", "value", "flag", "note"])
    sheet.append(["emigrant_stock", "Serbia", 2020, 963000, None, None])
    sheet.append(["emigrant_stock", "Albania", 2020, 1250000, "e", "rounded"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


TITLED = {
    "titled.xlsx": (_titled_workbook(), 4, "Emigrant stock by country of birth, 2020"),
    "titled.csv": (b"Emigrant stock by country of birth, 2020\n\nindicator,country,year,value\n"
                   b"emigrant_stock,Serbia,2020,963000\n", 3, "Emigrant stock by country of birth, 2020"),
    "titled_semicolons.csv": ("Emigranti po zemlji rođenja; 2020\nindicator;country;year;value\n"
                              "emigrant_stock;Srbija;2020;963000,5\n".encode(), 2, "Emigranti po zemlji rođenja, 2020"),
}


@pytest.mark.parametrize("name", sorted(TITLED))
def test_a_file_with_a_title_above_the_table_says_row_1_must_hold_the_column_names(tmp_path, name):
    raw, header_row, title = TITLED[name]
    data = mini_data_dir(tmp_path)
    (data / "observations" / name).write_bytes(raw)
    _, report = _report(data, name)
    assert report.status == "rejected"
    assert [p.check for p in report.problems] == ["title-rows"]
    problem = report.problems[0]
    assert problem.row == 1 and problem.value == title
    assert f"expected row 1 to hold the column names ({COLUMNS})" in problem.message
    assert f"Delete the title rows above the column names (everything above row {header_row})" in problem.message
    assert "cells on every row" not in problem.message and "separator" not in problem.message


def test_the_title_row_message_is_said_in_the_readers_language(tmp_path):
    data = mini_data_dir(tmp_path)
    (data / "observations" / "titled.xlsx").write_bytes(TITLED["titled.xlsx"][0])
    _, report = _report(data, "titled.xlsx")
    serbian = report.problems[0].message_in(texts("sr-Latn"))
    assert f"da red 1 sadrži nazive kolona ({COLUMNS})" in serbian and "iznad reda 4" in serbian


def test_the_upload_page_gives_the_same_title_row_message():
    check = check_upload(TITLED["titled.xlsx"][0], "titled.xlsx", INDICATORS)
    assert not check.accepted
    assert "row 1 to hold the column names" in str(check.report.problems[0].message)


def test_blank_lines_above_the_column_names_are_no_title_and_the_file_loads(tmp_path):
    data = mini_data_dir(tmp_path)
    (data / "observations" / "blank_top.csv").write_text(
        "\n\nindicator,country,year,value\nnet_migration,Serbia,1990,5\n", encoding="utf-8")
    dataset, report = _report(data, "blank_top.csv")
    assert report.status == "loaded" and report.rows_loaded == 1


def test_a_table_with_a_column_per_year_is_told_to_put_one_figure_per_row(tmp_path):
    """The layout statistical offices publish (years across) gets a fix that says so, not 'add a
    header cell named year, value' to a header that already has 2019, 2020 and 2021."""
    book = openpyxl.Workbook()
    for row in (["indicator", "country", 2019, 2020, 2021, 2022], ["emigrant_stock", "Srbija", 1, 2, 3, 4]):
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    data = mini_data_dir(tmp_path)
    (data / "observations" / "wide.xlsx").write_bytes(out.getvalue())
    _, report = _report(data, "wide.xlsx")
    [problem] = report.problems
    assert (problem.check, problem.severity, problem.row, problem.column) == (
        "missing-column", "error", 1, "year, value")
    assert problem.fix.startswith("The years run across the columns (2019, 2020, 2021, …): put each figure on its own row")


def test_a_catalogue_saved_again_by_serbian_excel_keeps_loading_with_its_new_row(tmp_path):
    """Staff add an indicator's row to indicators.csv in Excel: saved in a Serbian setting it comes
    back with ';' between cells, a BOM and CRLF. It was rejected ('Restore the file from the
    repository (Error tokenizing data. C error: ...)') and took every indicator with it."""
    import csv

    data = mini_data_dir(tmp_path)
    catalogue = data / "catalogue" / "indicators.csv"
    rows = list(csv.reader(io.StringIO(catalogue.read_text(encoding="utf-8"))))
    rows.append(["seasonal_permits", "Sezonske radne dozvole", "Izdate sezonske radne dozvole", "permits",
                 "Seasonal work", "flow", "Ministarstvo rada", "no", "calendar year", "0", "", "", "", "", "",
                 "", "", "", "", ""])
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    catalogue.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    (data / "observations" / "sezonski.csv").write_text(
        "indicator;country;year;value\nseasonal_permits;Srbija;2024;1.250\nemigrant_stock;Srbija;2024;-5\n",
        encoding="utf-8")
    dataset, report = _report(data, "catalogue/indicators.csv")
    assert report.status == "loaded", [p.message for p in report.problems]
    assert len(dataset.indicators) == len(rows) - 1
    assert dataset.indicators.set_index("id").at["seasonal_permits", "label"] == "Sezonske radne dozvole"
    rows = dataset.observations[dataset.observations["file"] == "sezonski.csv"]
    assert rows[["indicator", "value"]].values.tolist() == [["seasonal_permits", 1250.0]]
    # The catalogue's limits still apply: emigrants are not negative.
    staff = next(r for r in dataset.reports if r.file == "sezonski.csv")
    assert [p.check for p in staff.problems] == ["negative-value"]


def test_a_conflict_between_two_files_names_both_files_rows(tmp_path):
    data = mini_data_dir(tmp_path)
    (data / "observations" / "a_first.csv").write_text(
        "indicator,country,year,value\nnet_migration,ALB,1990,5\nnet_migration,ALB,1991,6\n\n"
        "net_migration,ALB,1992,7\n", encoding="utf-8")
    (data / "observations" / "b_second.csv").write_text(
        "indicator,country,year,value\nnet_migration,ALB,1970,1\nnet_migration,ALB,1992,8\n", encoding="utf-8")
    dataset, report = _report(data, "b_second.csv")
    conflict = next(p for p in report.problems if p.check == "conflict-between-files")
    # The kept value is in row 5 of a_first.csv (a blank line above it still counts), the one left out in row 3.
    assert conflict.row == 3
    assert conflict.message.startswith("b_second.csv, row 3, column 'value'")
    assert "the same value as a_first.csv, row 5 (7)" in conflict.message
    table = dataset.conflicts
    assert table[["kept_file", "kept_row", "left_out_file", "left_out_row"]].values.tolist() == [
        ["a_first.csv", 5, "b_second.csv", 3]]


def test_a_conflict_between_two_large_figures_shows_every_digit_of_both(tmp_path):
    """1,250,451 against 1,250,452: both once read '1.25045e+06', and the clerk saw no difference."""
    data = mini_data_dir(tmp_path)
    (data / "observations" / "a_first.csv").write_text(
        "indicator,country,year,value\nemigrant_stock,SRB,2024,1250451\n", encoding="utf-8")
    (data / "observations" / "b_second.csv").write_text(
        "indicator,country,year,value\nemigrant_stock,SRB,2024,1250452\n", encoding="utf-8")
    _, report = _report(data, "b_second.csv")
    conflict = next(p for p in report.problems if p.check == "conflict-between-files")
    assert conflict.value == "emigrant_stock SRB 2024: 1250452"
    assert "the same value as a_first.csv, row 2 (1250451)" in conflict.message


def test_the_conflicts_table_heads_the_row_columns_in_every_language():
    empty = pd.DataFrame(columns=CONFLICT_COLUMNS)
    for code in LANGUAGES:
        headings = list(conflicts_table(empty, texts(code)).columns)
        assert len(set(headings)) == len(headings) and "kept_row" not in headings, code
        assert not set(headings) & set(CONFLICT_COLUMNS), code  # every column headed in words, 'age' too


def test_sizes_are_counted_as_file_managers_count_them(tmp_path):
    # 31,600,000 bytes: a file manager shows 31.6 MB (30.1 would be MiB).
    data = mini_data_dir(tmp_path)
    with (data / "observations" / "whole_export.csv").open("wb") as handle:
        handle.truncate(31_600_000)  # sparse: the loader rejects it by its size, unread
    _, report = _report(data, "whole_export.csv")
    problem = report.problems[0]
    assert problem.check == "too-large"
    assert "'31.6 MB'" in problem.message and f"at most {contract.MAX_FILE_MB} MB" in problem.message
    assert contract.MAX_FILE_BYTES == contract.MAX_FILE_MB * 1_000_000


def test_the_upload_size_message_counts_the_same_way():
    check = check_upload(b"x" * 26_000_000, "big.csv", INDICATORS)
    assert not check.accepted
    assert "The file is 26.0 MB; files up to 25 MB are accepted." in str(check.message)
