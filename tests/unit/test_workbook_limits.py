"""A small workbook that unpacks to millions of parts is refused from its zip, at once, in every language."""

from __future__ import annotations

import io
import resource
import time
import zipfile

import openpyxl
import pytest

from components import i18n, workbook_limits
from components.catalogue import INDICATOR_COLUMNS, read_catalogue
from components.i18n import texts
from components.observations import read_observations
from tests.conftest import DATA
from tests.fixtures.hostile_workbooks import SHEET, workbook

INDICATORS, _ = read_catalogue(DATA / "catalogue" / "indicators.csv", INDICATOR_COLUMNS)


def _check(raw: bytes, name: str = "prijava.xlsx"):
    _, _, report = read_observations(raw, name, INDICATORS)
    return report


def test_a_tiny_workbook_with_11_million_shared_strings_is_refused_at_once():
    raw = workbook(11_000_000)
    assert len(raw) < 0.5 * 2**20  # 0.45 MB, as in the attack: it passes every size limit
    memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    report = _check(raw)
    took = time.perf_counter() - started
    grew_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - memory) / 1024
    # Before: accepted for checking, 71 s and +1 GB while openpyxl read 11 million strings.
    assert took < 5, f"{took:.1f} s"
    assert grew_mb < 100, f"+{grew_mb:.0f} MB"
    assert report.rejected
    problem = report.problems[0]
    assert problem.check == "workbook-too-big"
    # File, what and how to fix, in one message for staff.
    assert problem.message.startswith("prijava.xlsx, row 1")
    assert "a workbook that unpacks to at most" in problem.message
    assert "CSV UTF-8" in problem.fix


def test_shared_strings_over_the_limit_are_refused_even_when_small_unpacked():
    raw = workbook(workbook_limits.MAX_SHARED_STRINGS + 100_000)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        assert sum(p.file_size for p in archive.infolist()) < workbook_limits.MAX_UNPACKED_BYTES
    problem = _check(raw).problems[0]
    assert problem.check == "workbook-too-big"
    assert "200,000 different texts (shared strings)" in problem.message
    assert "found 'more than 200,000 different texts" in problem.message


def _workbook_with_cells(count: int, prefix: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook(0))) as source, zipfile.ZipFile(out, "w") as target:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "xl/worksheets/sheet1.xml":
                cell = f'<{prefix}c r="A1"><{prefix}v>1</{prefix}v></{prefix}c>'.encode()
                data = data.replace(b"<sheetData>", b"<sheetData><row>" + cell * count + b"</row>")
            target.writestr(part, data)
    return out.getvalue()


@pytest.mark.parametrize("prefix", ["", "x:"])
def test_cells_over_the_limit_are_refused_with_or_without_a_namespace_prefix(monkeypatch, prefix):
    monkeypatch.setattr(workbook_limits, "MAX_CELLS", 1_000)
    assert workbook_limits.excess(zipfile.ZipFile(io.BytesIO(_workbook_with_cells(990, prefix)))) is None
    too_many = workbook_limits.excess(zipfile.ZipFile(io.BytesIO(_workbook_with_cells(1_000, prefix))))
    assert too_many.what == workbook_limits.CELLS and too_many.found > 1_000


def test_counting_is_not_fooled_by_a_tag_cut_between_two_chunks(monkeypatch):
    monkeypatch.setattr(workbook_limits, "_CHUNK", 7)  # every tag falls across a chunk boundary
    monkeypatch.setattr(workbook_limits, "MAX_CELLS", 10**9)
    raw = _workbook_with_cells(1_234)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        part = archive.getinfo("xl/worksheets/sheet1.xml")
        assert workbook_limits._count(archive, part, workbook_limits._CELL, 10**9) == 1_234 + 1
    assert SHEET.count(b"<c ") == 1


def test_too_many_parts_or_a_huge_style_part_are_refused(monkeypatch):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/styles.xml", b" " * (workbook_limits.MAX_OTHER_PART_BYTES + 1))
    report = _check(out.getvalue())
    assert report.problems[0].check == "workbook-too-big" and "MB" in report.problems[0].message
    monkeypatch.setattr(workbook_limits, "MAX_PARTS", 1)
    assert workbook_limits.excess(zipfile.ZipFile(io.BytesIO(out.getvalue()))).what == workbook_limits.PARTS


def test_a_real_workbook_is_still_read():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "country", "year", "value"])
    for year in range(1990, 2020):
        sheet.append(["net_migration", "Crna Gora", year, year - 1900])
    raw = io.BytesIO()
    book.save(raw)
    report = _check(raw.getvalue())
    assert not report.rejected and report.rows_loaded == 30


@pytest.mark.parametrize("code", [code for code in i18n.LANGUAGES if code != "en"])
def test_the_limit_is_explained_in_every_language(code):
    problem = _check(workbook(workbook_limits.MAX_SHARED_STRINGS + 100_000)).problems[0]
    said = problem.message_in(texts(code))
    english = problem.message
    assert "prijava.xlsx" in said and "200,000" in said and "CSV UTF-8" in said
    assert said != english and "different texts" not in said and "unpacks to" not in said


def test_the_same_workbook_dropped_into_data_is_left_out_at_once_and_the_rest_served(tmp_path):
    """Dropped into data/ it stalled a viewer's page for 68 s; now the load is not held up."""
    from components.dataset import load_dataset
    from tests.fixtures.cases import mini_data_dir

    data = mini_data_dir(tmp_path)
    (data / "observations" / "figures.csv").write_text("indicator,country,year,value\nnet_migration,MNE,2019,5\n")
    (data / "observations" / "hostile.xlsx").write_bytes(workbook(11_000_000))
    started = time.perf_counter()
    dataset = load_dataset(data, keep_history=False)
    assert time.perf_counter() - started < 5
    report = next(r for r in dataset.reports if r.file == "hostile.xlsx")
    assert report.rejected and report.problems[0].check == "workbook-too-big"
    assert len(dataset.observations[dataset.observations["file"] == "figures.csv"]) == 1
