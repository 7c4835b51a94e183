"""The vectorised checker (components/checked_columns.py) against the row-by-row one it replaces.

For the same bytes, both must give the same rows, the same introduced indicators and the same
report: every problem with its file, row, column, value, expectation and fix, in the same order,
and the same "Detected" notes. A clean file must never reach the row-by-row checks; a bad file
must send only its failing rows there.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components import checked_columns, file_formats, numbers
from components.catalogue import INDICATOR_COLUMNS, read_catalogue_bytes
from components.contract import KEY_COLUMNS
from components.observations import KEY_HASH, read_observations, texts_as_objects
from tests.fixtures.cases import BAD_FILES, GOOD_FILES, REPO

CATALOGUE = read_catalogue_bytes((REPO / "data/catalogue/indicators.csv").read_bytes(),
                                 "catalogue/indicators.csv", INDICATOR_COLUMNS)[0]
SHIPPED = sorted((REPO / "data/observations").glob("*.csv"))
FIXTURES = sorted([*GOOD_FILES.glob("*.csv"), *BAD_FILES.glob("*.csv"), *BAD_FILES.glob("*.xlsx")])


def both_ways(raw: bytes, name: str = "staff.csv", indicators: pd.DataFrame = CATALOGUE):
    """(row by row, vectorised) results for the same bytes."""
    return (read_observations(raw, name, indicators, vectorised=False),
            read_observations(raw, name, indicators, vectorised=True))


def assert_same(one_by_one, vectorised) -> None:
    rows, introduced, report = one_by_one
    fast_rows, fast_introduced, fast_report = vectorised
    assert [p.as_record() for p in fast_report.problems] == [p.as_record() for p in report.problems]
    assert [p.message for p in fast_report.problems] == [p.message for p in report.problems]
    assert list(fast_report.detected.items()) == list(report.detected.items())
    assert (fast_report.status, fast_report.rows_loaded, fast_report.rows_rejected) == \
        (report.status, report.rows_loaded, report.rows_rejected)
    if len(fast_rows):  # the vectorised rows carry the hash of their key, as the dataset computes it
        assert fast_rows[KEY_HASH].tolist() == \
            pd.util.hash_pandas_object(rows[list(KEY_COLUMNS)], index=False).tolist()
    pd.testing.assert_frame_equal(fast_rows.drop(columns=KEY_HASH, errors="ignore"), rows)
    pd.testing.assert_frame_equal(fast_introduced, introduced)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_every_fixture_file_gets_the_same_report_both_ways(path):
    assert_same(*both_ways(path.read_bytes(), path.name))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_every_shipped_file_gets_the_same_rows_both_ways(path):
    assert_same(*both_ways(path.read_bytes(), path.name))


# Cells a clerk might type, good and bad, for each column; small pools so that keys repeat.
CELLS = {
    "indicator": ["emigrant_stock", "remittances_pct_gdp", " net_migration ", "", "made_up_indicator",
                  "new_thing"],
    "country": ["SRB", "Serbia", "Srbija", " MNE", "srb", "Северна Македонија", "Atlantis", ""],
    "partner": ["", "DEU", "Germany", "Narnia", "XKX"],
    "region": ["", "rs11", "RS12"],
    "sex": ["", "F", "female", "m", "Total", "other"],
    "age": ["", "15-19", "15 – 19", "75+", "20-10", "total", "old"],
    "year": ["2000", "2001", " 2002 ", "2000.0", "2000.5", "1899", "3020", "abc", "", "2e3"],
    "value": ["1", "12", "12.5", "1,250", "1.250,5", "1 250", "2.117,5", "", "n/a", "-5", "120",
              "1e3", "\u22123", "0,5"],
    "flag": ["", "e", "P", "x"],
    "note": ["", "see source", 'a "quoted", note'],
    "source": ["", "wdi"],
    "indicator_label": ["", "A new thing"],
    "unit": ["", "persons"],
    "migration_type": ["", "stock"],
}


@st.composite
def staff_files(draw) -> bytes:
    """A CSV file as staff make them: some columns, some good and some bad cells, a separator,
    line ends, quoting, spacing and encoding of their spreadsheet's choosing."""
    optional = draw(st.lists(st.sampled_from(["partner", "region", "sex", "age", "flag", "note", "source",
                                              "indicator_label", "unit", "migration_type"]), unique=True))
    columns = ["indicator", "country", "year", "value", *optional]
    columns = draw(st.permutations(columns))
    rows = draw(st.lists(st.tuples(*[st.sampled_from(CELLS[col]) for col in columns]), min_size=1, max_size=40))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"])),
                        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])))
    header = [draw(st.sampled_from([col, col.upper(), f" {col.title()} "])) for col in columns]
    writer.writerow(header)
    for row in rows:
        if draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans()):
            out.write(draw(st.sampled_from(["\n", delimiter * len(columns) + "\n", "  \n"])))
        writer.writerow(row)
    text = out.getvalue()
    if draw(st.booleans()) and draw(st.booleans()):
        text = text.rstrip("\r\n")  # a file saved without a last line end
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251"]))
    return text.encode(encoding, errors="replace")


# 100 files (hypothesis's default): each one is checked twice through the whole reader (~0.2 s);
# 300 made this the slowest unit test (59 s of a 7-minute tier) for little more variety.
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(staff_files())
def test_generated_staff_files_get_the_same_report_both_ways(raw):
    assert_same(*both_ways(raw))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", ",", ";", '"', '""', "\n", "\r\n", "\r", " ", "x y", "\t", "\ufeff"]),
                min_size=1, max_size=60))
def test_the_c_parser_reads_a_table_as_the_csv_module_does_or_leaves_it_to_it(pieces):
    raw = "".join(pieces).encode()
    fast, fast_problems = _read(raw, fast=True)
    slow, slow_problems = _read(raw, fast=False)
    assert fast_problems == slow_problems
    if isinstance(fast, type) or isinstance(slow, type):  # raised: alike both ways
        assert fast == slow
        return
    if fast is None or fast.frame is None:
        return  # unreadable, or read row by row as before
    assert fast.header == slow.header
    assert fast.row_numbers == slow.row_numbers
    assert fast.frame.astype(object).values.tolist() == slow.rows
    assert fast.detected == slow.detected and fast.delimiter == slow.delimiter


class _Problems:
    def __init__(self):
        self.found = []

    def add(self, *args, **kwargs):
        self.found.append((args, kwargs))


def _read(raw: bytes, fast: bool):
    problems = _Problems()
    try:
        return file_formats.read_table(raw, problems, fast=fast), problems.found
    except Exception as error:  # the csv module may raise on a lone carriage return: alike both ways
        return type(error), problems.found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CELLS["value"] + ["1.250", "1,250,451", "7", "²"]), max_size=30),
       st.sampled_from([",", ";", None]))
def test_the_decimal_mark_is_decided_alike_from_distinct_cells(cells, delimiter):
    codes, distinct = pd.factorize(pd.Series(cells, dtype=object))
    rows = np.arange(len(cells)) + 2
    assert numbers.detect_distinct(np.asarray(distinct, dtype=object), codes, rows, delimiter) == \
        numbers.detect(zip(rows.tolist(), cells), delimiter)


def _clean_file(rows: int) -> bytes:
    countries = ["SRB", "MNE", "MKD", "ALB", "BIH", "Hrvatska", "Moldova"]
    lines = ["indicator,country,partner,year,value,flag,source"]
    lines += [f"emigrant_stock,{countries[i % 7]},DEU,{1990 + i // 7 % 30},{i}.5,{'e' if i % 3 else ''},wdi"
              for i in range(rows)]
    # Every (country, year) once: the key repeats nowhere.
    lines = lines[:1] + [line for i, line in enumerate(lines[1:]) if i < 7 * 30]
    return ("\n".join(lines) + "\n").encode()


def test_a_clean_file_never_reaches_the_row_by_row_checks(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a clean file reached the row-by-row checks")

    monkeypatch.setattr(checked_columns, "rows_checked_one_by_one", refuse)
    monkeypatch.setattr(file_formats, "_rows_to_table", refuse)  # and was read by pandas, not row by row
    for raw in [_clean_file(210), *[path.read_bytes() for path in SHIPPED]]:
        rows, _, report = read_observations(raw, "clean.csv", CATALOGUE)
        assert report.status == "loaded" and len(rows) > 0


def rows_sent_one_by_one(monkeypatch) -> list[list[int]]:
    """The spreadsheet rows of each call to the row-by-row checks, filled in as reads happen."""
    seen = []
    one_by_one = checked_columns.rows_checked_one_by_one

    def record(frame, *args, **kwargs):
        seen.append(list(frame.index + 2))
        return one_by_one(frame, *args, **kwargs)

    monkeypatch.setattr(checked_columns, "rows_checked_one_by_one", record)
    return seen


def test_only_the_failing_rows_are_checked_row_by_row(monkeypatch):
    lines = _clean_file(210).decode().splitlines()
    lines[10] = lines[10].replace("emigrant_stock", "made_up_indicator")  # row 11
    lines[50] = lines[50].replace(",DEU,", ",Narnia,")  # row 51
    lines[100] = lines[100] + "junk"  # row 101: the source gets junk, which is fine; the next one:
    lines[150] = lines[150].replace(".5,", ".5.5,")  # row 151: not a number
    raw = ("\n".join(lines) + "\n").encode()
    seen = rows_sent_one_by_one(monkeypatch)
    rows, _, report = read_observations(raw, "some_bad_rows.csv", CATALOGUE)
    assert seen == [[11, 51, 151]]
    assert [(p.check, p.row, p.column) for p in report.problems] == [
        ("unknown-indicator", 11, "indicator"), ("unknown-partner", 51, "partner"),
        ("not-a-number", 151, "value")]
    assert (report.rows_loaded, report.rows_rejected) == (207, 3)
    monkeypatch.undo()
    assert_same(*both_ways(raw, "some_bad_rows.csv"))


def test_rows_repeating_a_key_are_worded_row_by_row_with_every_row_of_their_key(monkeypatch):
    raw = (b"indicator,country,year,value\n"
           b"emigrant_stock,SRB,2000,1\nemigrant_stock,MNE,2000,2\n"
           b"emigrant_stock,Srbija,2000,1\nemigrant_stock,ALB,2000,3\nemigrant_stock,Serbia,2000,4\n")
    seen = rows_sent_one_by_one(monkeypatch)
    _, _, report = read_observations(raw, "repeats.csv", CATALOGUE)
    assert seen == [[2, 4, 6]]  # SRB, Srbija and Serbia are one key; MNE and ALB stay out
    assert {(p.check, p.row) for p in report.problems} == {("duplicate-conflict", 2), ("duplicate-conflict", 4),
                                                          ("duplicate-conflict", 6)}
    monkeypatch.undo()
    assert_same(*both_ways(raw, "repeats.csv"))


def test_many_bad_rows_are_summarised_alike():
    lines = ["indicator,country,year,value"] + [f"emigrant_stock,Atlantis,{1950 + i},{i}" for i in range(60)]
    lines += [f"emigrant_stock,SRB,{1950 + i},x{i}" for i in range(40)]
    assert_same(*both_ways(("\n".join(lines) + "\n").encode(), "many_bad_rows.csv"))


def test_a_bad_file_in_a_workbook_gets_the_same_report(tmp_path: Path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "data"
    for row in [["Indicator", "Country", "Year", "Value"], ["emigrant_stock", "Srbija", 2000, 12.5],
                ["emigrant_stock", "Atlantis", 2001, 3], ["emigrant_stock", "MNE", "20x1", 4], [None, None, None, None],
                ["emigrant_stock", " MNE ", 2002, "1.250,5"]]:
        sheet.append(row)
    path = tmp_path / "staff.xlsx"
    book.save(path)
    assert_same(*both_ways(path.read_bytes(), "staff.xlsx"))


# The fast reader is pyarrow, with pandas' C parser for what pyarrow refuses (a short line):
# each one alone must read a table as the csv module does, or leave it to the csv module.
ARROW_ONLY = {"_pandas_columns": lambda *args: None}
PANDAS_ONLY = {"_arrow_columns": lambda *args: None}


@pytest.mark.parametrize("only", [ARROW_ONLY, PANDAS_ONLY], ids=["pyarrow", "pandas"])
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(["a", "b", ",", ";", '"', '""', "\n", "\r\n", "\r", " ", "x y", "\t", "\ufeff",
                                        "é", "Србија", ",,", "\n\n"]), min_size=1, max_size=60))
def test_each_fast_reader_reads_a_table_as_the_csv_module_does_or_leaves_it_to_it(only, pieces):
    raw = "".join(pieces).encode()
    with pytest.MonkeyPatch.context() as patch:
        for name, stand_in in only.items():
            patch.setattr(file_formats, name, stand_in)
        fast, fast_problems = _read(raw, fast=True)
    slow, slow_problems = _read(raw, fast=False)
    assert fast_problems == slow_problems
    if isinstance(fast, type) or isinstance(slow, type):
        assert fast == slow
        return
    if fast is None or fast.frame is None:
        return
    assert (fast.header, fast.row_numbers) == (slow.header, slow.row_numbers)
    assert fast.frame.astype(object).values.tolist() == slow.rows
    assert fast.detected == slow.detected and fast.delimiter == slow.delimiter


@pytest.mark.parametrize("only", [ARROW_ONLY, PANDAS_ONLY], ids=["pyarrow", "pandas"])
@pytest.mark.parametrize("path", [*FIXTURES, *SHIPPED], ids=lambda path: getattr(path, "name", ""))
def test_each_fast_reader_gives_every_file_the_same_report(only, path, monkeypatch):
    for name, stand_in in only.items():
        monkeypatch.setattr(file_formats, name, stand_in)
    assert_same(*both_ways(path.read_bytes(), path.name))


def test_shipped_files_are_read_by_pyarrow(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a shipped file was left to pandas' parser")

    monkeypatch.setattr(file_formats, "_pandas_columns", refuse)
    for raw in [_clean_file(210), *[path.read_bytes() for path in SHIPPED]]:
        _, _, report = read_observations(raw, "clean.csv", CATALOGUE)
        assert report.status == "loaded"


def test_pyarrow_reads_numbers_as_the_text_typed():
    raw = b"indicator,country,year,value\nemigrant_stock,SRB,2000.0,007\nemigrant_stock,MNE,02001,1e3\n"
    table = file_formats.read_table(raw, _Problems(), fast=True)
    assert table.frame.astype(object).values.tolist() == [["emigrant_stock", "SRB", "2000.0", "007"],
                                                         ["emigrant_stock", "MNE", "02001", "1e3"]]


@pytest.mark.parametrize("path", [*FIXTURES, *SHIPPED], ids=lambda path: path.name)
def test_compact_rows_are_the_same_rows(path):
    """The dataset's loader keeps text columns categorical (compact=True): the same values."""
    rows, introduced, report = read_observations(path.read_bytes(), path.name, CATALOGUE)
    compact, compact_introduced, compact_report = read_observations(path.read_bytes(), path.name, CATALOGUE,
                                                                    compact=True)
    assert [p.as_record() for p in compact_report.problems] == [p.as_record() for p in report.problems]
    pd.testing.assert_frame_equal(texts_as_objects(compact.copy()), rows)
    pd.testing.assert_frame_equal(compact_introduced, introduced)
