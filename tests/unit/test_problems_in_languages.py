"""Data-file problems and the validation report in the reader's language; English stays the record."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from components import contract, i18n
from components.catalogue import INDICATOR_COLUMNS, read_catalogue
from components.dataset import load_dataset
from components.history import Version
from components.i18n import texts
from components.observations import read_observations
from components.uploads import check_upload
from components.validation_report import (detected_text, file_details, file_table, problems_csv,
                                          problems_table, report_workbook)
from tests.conftest import DATA
from tests.fixtures.cases import BAD, BAD_FILES, GOOD_FILES, mini_data_dir, place

CYRILLIC = re.compile("[А-Яа-яЂђЉљЊњЋћЏџЈј]")
INDICATORS, _ = read_catalogue(DATA / "catalogue" / "indicators.csv", INDICATOR_COLUMNS)
OTHERS = [code for code in i18n.LANGUAGES if code != "en"]


def _problems(content: bytes, name: str = "prijava_2024.csv"):
    _, _, report = read_observations(content, name, INDICATORS)
    return report


def test_a_problem_said_in_serbian_cyrillic_still_names_file_row_column_and_value():
    report = _problems(b"indicator,country,year,value\nemigrant_stock,Atlantis,2020,5\n")
    problem = next(p for p in report.problems if p.check == "unknown-country")
    english = problem.message
    assert english == ("prijava_2024.csv, row 2, column 'country': found 'Atlantis'; expected an ISO 3166 "
                       "code (e.g. SRB or RS), or a country name such as Serbia or Srbija; Kosovo is XKX. "
                       "How to fix: Correct the spelling, or use the three-letter ISO code.")
    cyrillic = problem.message_in(texts("sr-Cyrl"))
    assert cyrillic.startswith("prijava_2024.csv, ред 2, колона 'country': пронађено је 'Atlantis'")
    assert "Како исправити:" in cyrillic and "трословни ISO код" in cyrillic
    assert not re.search(r"\b(expected|found|row|How to fix)\b", cyrillic)
    # The record kept for logs, CSV and tests is still English; the Phrase knows its key.
    assert problem.fix == "Correct the spelling, or use the three-letter ISO code."
    assert problem.fix.key == "problems.unknown-country.fix"


@pytest.mark.parametrize("case", BAD, ids=lambda case: case.file)
def test_every_bad_fixture_is_explained_in_every_language(tmp_path, case):
    data = mini_data_dir(tmp_path)
    place(data, BAD_FILES / case.file)
    report = next(r for r in load_dataset(data).reports if r.file == case.file)
    assert report.problems
    for code in OTHERS:
        tx = texts(code)
        for problem in report.problems:
            said = problem.message_in(tx)
            assert said.startswith(case.file) and said != problem.message, (code, said)
            # No English sentence of the message frame or of the check's own texts is left.
            assert "How to fix" not in said and tx.say(problem.fix) != problem.fix, (code, problem.check)
            if code == "sr-Cyrl":
                assert CYRILLIC.search(tx.say(problem.expected)), problem.check


def test_the_detected_column_names_countries_and_formats_in_the_readers_language(tmp_path):
    data = mini_data_dir(tmp_path)
    place(data, GOOD_FILES / "sr_sezonski_rad_cp1250.csv")
    report = next(r for r in load_dataset(data).reports if r.file == "sr_sezonski_rad_cp1250.csv")
    english = detected_text(report)
    assert "country 'Srbija' read as SRB (Serbia)" in english and "decimal comma" in english
    cyrillic = detected_text(report, texts("sr-Cyrl"))
    # The cell as found stays as it was; the country is named as the reader says it.
    assert "country 'Srbija' прочитано као SRB (Србија)" in cyrillic
    assert "децимални зарез" in cyrillic and "тачка и зарез (;)" in cyrillic
    assert "'2.117,5'" in cyrillic and "реду 5" in cyrillic
    romanian = detected_text(report, texts("ro"))
    assert "țări: country 'Srbija' citit ca SRB (Serbia)" in romanian
    read, _ = file_details(report, tx=texts("bg"))
    assert read[0].startswith("Формат: CSV текст")


def test_the_report_tables_are_headed_and_worded_in_the_readers_language(tmp_path):
    data = mini_data_dir(tmp_path)
    place(data, BAD_FILES / "text_in_value.csv")
    reports = load_dataset(data).reports
    files = file_table(reports, texts("ro")).set_index("Fișier")
    assert files.loc["text_in_value.csv", "Stare"] == "respins"
    assert files.loc["text_in_value.csv", "Versiunea afișată"] == "niciuna"
    problems = problems_table(reports, texts("ro"))
    assert list(problems.columns) == ["Fișier", "Rând", "Coloană", "Valoare", "Verificare", "Gravitate",
                                      "Se aștepta", "Cum se corectează"]
    row = problems[problems["Verificare"] == "not-a-number"].iloc[0]  # the check code is kept
    assert row["Gravitate"] == "rând respins" and row["Rând"] == 2
    assert row["Se aștepta"].startswith("un număr scris ca în restul fișierului")
    # English by default, exactly as before.
    assert list(problems_table(reports).columns) == ["File", "Row", "Column", "Value", "Check", "Severity",
                                                     "Expected", "Fix"]


def test_the_downloads_keep_stable_columns_and_carry_the_readers_language(tmp_path):
    data = mini_data_dir(tmp_path)
    place(data, BAD_FILES / "unknown_country.csv")
    dataset = load_dataset(data)
    csv_bytes = problems_csv(dataset.reports, texts("sr-Cyrl"))
    assert csv_bytes.startswith("\ufeff".encode())  # Excel opens it as UTF-8, Cyrillic intact
    frame = pd.read_csv(io.BytesIO(csv_bytes), encoding="utf-8-sig")
    assert list(frame.columns) == ["File", "Row", "Column", "Value", "Check", "Severity", "Expected", "Fix"]
    row = frame[frame["Check"] == "unknown-country"].iloc[0]
    assert row["Severity"] == "row rejected"  # a code a script can filter on
    assert row["Fix"] == "Исправите назив или користите трословни ISO код."
    book = openpyxl.load_workbook(io.BytesIO(report_workbook(dataset.reports, dataset.conflicts, texts("bg"))))
    assert book.sheetnames == ["Файлове", "Проблеми", "Несъответствия"]
    headings = [cell.value for cell in book["Проблеми"][1]]
    assert headings[0] == "Файл" and headings[-1] == "Как да се поправи"


def test_a_kept_version_is_labelled_with_the_readers_month():
    version = Version(Path("x"), "observations", "a.csv", dt.datetime(2025, 11, 27, 15, 40, 12), "1a2b3c4d5e6f")
    assert version.label == "saved 27 Nov 2025 15:40:12 (#1a2b3c)"
    assert texts("ro").say(version.label) == "salvat la 27 nov. 2025, ora 15:40:12 (#1a2b3c)"
    assert texts("sr-Cyrl").say(version.label) == "сачувано 27. нов 2025. у 15:40:12 (#1a2b3c)"


def test_the_upload_answers_in_the_readers_language():
    check = check_upload(b"\x89PNG\r\n\x1a\n" + bytes(200), "figures.csv", INDICATORS)
    assert not check.accepted and "judged from its content" in check.message
    assert texts("sq").say(check.message).startswith("Ky nuk është skedar CSV")
    good = check_upload((GOOD_FILES / "country_names_every_form.csv").read_bytes(), "names.csv", INDICATORS)
    assert good.accepted and good.message.startswith("The file passed the checks (loaded, ")
    assert texts("mk").say(good.message).startswith("Датотеката ги помина проверките (вчитано, ")


def test_the_flag_texts_name_every_flag_of_the_contract():
    expected = texts("en")("problems.bad-flag.expected")
    for flag, meaning in contract.FLAGS.items():
        assert f"{flag} ({meaning})" in expected
    for code in OTHERS:
        assert all(f"{flag} (" in texts(code)("problems.bad-flag.expected") for flag in contract.FLAGS)


def test_every_status_and_severity_has_a_text_in_every_language():
    for code in i18n.LANGUAGES:
        tx = texts(code)
        for status in contract.STATUS_KEYS:
            assert contract.status_in(status, tx) != contract.STATUS_KEYS[status]
        for severity, key in contract.SEVERITY_KEYS.items():
            assert tx.get(key) and (code != "en" or tx(key) == severity)
