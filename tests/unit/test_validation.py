"""Each bad file a member of staff might drop in gets its own, specific, actionable message."""

from __future__ import annotations

import pytest

from components.dataset import load_dataset
from tests.conftest import drop_in

# file -> (check, words the message must contain, the column it must name)
BAD_FILES = {
    "empty.csv": ("empty-file", "The file is empty", None),
    "header_only.csv": ("header-only", "at least one data row", None),
    "missing_value_column.csv": ("missing-column", "Add a header cell named 'value'", "value"),
    "text_in_value.csv": ("not-a-number", "found 'about a million'", "value"),
    "duplicate_conflict.csv": ("duplicate-conflict", "give different values for the same key", "value"),
    "unknown_country.csv": ("unknown-country", "found 'Atlantis'", "country"),
    "year_3020.csv": ("year-out-of-range", "found '3020'", "year"),
    "negative_stock.csv": ("negative-value", "found '-5'", "value"),
    "unknown_indicator.csv": ("unknown-indicator", "found 'seasonal_workers'", "indicator"),
    "bad_flag.csv": ("bad-flag", "Use e, p or b", "flag"),
    "ragged_rows.csv": ("not-csv", "found '6 cells'", None),
    "text_in_year.csv": ("bad-year", "found 'twenty twenty'", "year"),
    "share_over_100.csv": ("value-out-of-range", "found '140'", "value"),
    "unknown_partner.csv": ("unknown-partner", "found 'Narnia'", "partner"),
    "no_code.geojson": ("missing-code", "add a field named 'code'", "features[1].properties.code"),
    "projected_metres.geojson": ("not-wgs84", "Reproject the layer to EPSG:4326", "features[1].properties.code"),
    "truncated.geojson": ("not-json", "Export the layer again as GeoJSON", None),
    "notes.txt": ("wrong-file-type", "Save the data as CSV", None),
    "truncated.csv": ("truncated", "stops in the middle of this row", None),
    "binary_junk.csv": ("not-text", "This file is not text", None),
    "old_workbook_renamed.xlsx": ("old-excel", "Excel 97-2003 workbook", None),
    "invalid_geometry.geojson": ("invalid-geometry", "Fix geometries", "features[1].geometry"),
}


@pytest.mark.parametrize("bad_file", sorted(BAD_FILES))
def test_bad_file_is_left_out_with_a_message_naming_it(data_copy, bad_file):
    check, words, column = BAD_FILES[bad_file]
    drop_in(data_copy, bad_file) if bad_file != "notes.txt" else (
        (data_copy / "observations" / bad_file).write_text("Please add the 2024 figures.\n"))
    dataset = load_dataset(data_copy)
    report = next(r for r in dataset.reports if r.file == bad_file)
    assert report.status == "rejected"
    problem = next(p for p in report.problems if p.check == check)
    assert problem.message.startswith(bad_file)
    assert words in problem.message
    assert "How to fix:" in problem.message
    if column:
        assert problem.column == column
        assert problem.row is not None
    # Everything else is still served: the good files all loaded.
    others = [r for r in dataset.reports if r.file != bad_file]
    assert all(r.status == "loaded" for r in others)
    assert dataset.observations["file"].ne(bad_file).all()
    assert len(dataset.observations) > 60_000


def test_row_errors_reject_only_those_rows(data_copy):
    (data_copy / "observations" / "staff_update.csv").write_text(
        "indicator,country,year,value\n"
        "net_migration,Crna Gora,1950,5\n"
        "net_migration,Crna Gora,1951,oops\n"
        "net_migration,Crna Gora,1952,7\n"
    )
    dataset = load_dataset(data_copy)
    report = next(r for r in dataset.reports if r.file == "staff_update.csv")
    assert report.status == "loaded with warnings"
    assert (report.rows_loaded, report.rows_rejected) == (2, 1)
    bad = next(p for p in report.problems if p.check == "not-a-number")
    assert (bad.row, bad.column, bad.value) == (3, "value", "oops")
    loaded = dataset.observations[dataset.observations["file"] == "staff_update.csv"]
    assert loaded["year"].tolist() == [1950, 1952]


@pytest.mark.parametrize("name, wins", [("a_correction.csv", True), ("z_late.csv", False)])
def test_conflict_between_files_follows_the_documented_rule(data_copy, name, wins):
    (data_copy / "observations" / name).write_text(
        "indicator,country,year,value\nemigrant_stock,Srbija,2020,100\n")
    dataset = load_dataset(data_copy)
    totals = dataset.observations
    serbia = totals[(totals["indicator"] == "emigrant_stock") & (totals["country"] == "SRB")
                    & (totals["partner"] == "") & (totals["sex"] == "") & (totals["year"] == 2020)]
    assert len(serbia) == 1
    assert bool(serbia.iloc[0]["value"] == 100) is wins
    loser = "un_desa_ims2024_migrant_stock.csv" if wins else name
    report = next(r for r in dataset.reports if r.file == loser)
    conflict = next(p for p in report.problems if p.check == "conflict-between-files")
    assert "emigrant_stock SRB 2020" in conflict.message


def test_blank_value_is_skipped_not_zero(data_copy):
    (data_copy / "observations" / "gaps.csv").write_text(
        "indicator,country,year,value\nnet_migration,MNE,1950,\nnet_migration,MNE,1951,12\n")
    dataset = load_dataset(data_copy)
    rows = dataset.observations[dataset.observations["file"] == "gaps.csv"]
    assert rows["year"].tolist() == [1951]
    report = next(r for r in dataset.reports if r.file == "gaps.csv")
    assert [p.check for p in report.problems] == ["missing-value"]


@pytest.mark.parametrize("vectorised", [True, False])
def test_no_figure_marks_of_statistical_tables_are_skipped_like_a_blank_not_zero(vectorised):
    """World Bank '..', Eurostat ':', a yearbook's '-' or 'n/a': no figure, said as such (the fix
    for text in a number, 'remove text, units...', would leave the clerk guessing)."""
    from components.catalogue import INDICATOR_COLUMNS, read_catalogue
    from components.observations import read_observations
    from tests.conftest import DATA

    indicators, _ = read_catalogue(DATA / "catalogue" / "indicators.csv", INDICATOR_COLUMNS)
    raw = ("indicator;country;year;value\nnet_migration;MNE;1950;..\nnet_migration;MNE;1951;:\n"
           "net_migration;MNE;1952;-\nnet_migration;MNE;1953;N/A\nnet_migration;MNE;1954;-1.234\n").encode()
    rows, _, report = read_observations(raw, "wdi_export.csv", indicators, vectorised=vectorised)
    assert rows[["year", "value"]].values.tolist() == [[1954, -1234.0]]
    assert [(p.check, p.severity, p.row, p.value) for p in report.problems] == [
        ("missing-value", "warning", row, value) for row, value in ((2, ".."), (3, ":"), (4, "-"), (5, "N/A"))]


@pytest.mark.parametrize("vectorised", [True, False])
def test_a_total_row_is_named_as_one_and_not_sent_to_fix_its_spelling(vectorised):
    from components.catalogue import INDICATOR_COLUMNS, read_catalogue
    from components.observations import read_observations
    from tests.conftest import DATA

    indicators, _ = read_catalogue(DATA / "catalogue" / "indicators.csv", INDICATOR_COLUMNS)
    raw = ("indicator;country;year;value\nemigrant_stock;Srbija;2024;1.250.451\nemigrant_stock;Ukupno;2024;1.396.129\n"
           "emigrant_stock;Вкупно;2023;9\nemigrant_stock;TOTAL;2022;9\nemigrant_stock;Atlantis;2024;9\n").encode()
    rows, _, report = read_observations(raw, "iseljenici.csv", indicators, vectorised=vectorised)
    assert rows[["country", "value"]].values.tolist() == [["SRB", 1250451.0]]
    fixes = {p.value: p.fix for p in report.problems if p.check == "unknown-country"}
    assert set(fixes) == {"Ukupno", "Вкупно", "TOTAL", "Atlantis"}
    for total in ("Ukupno", "Вкупно", "TOTAL"):
        assert fixes[total].startswith("This is a total row, not a country: delete the row"), total
    assert fixes["Atlantis"] == "Correct the spelling, or use the three-letter ISO code."


@pytest.mark.parametrize("vectorised", [True, False])
def test_sexes_written_in_the_regions_languages_are_read(vectorised):
    from components.catalogue import INDICATOR_COLUMNS, read_catalogue
    from components.observations import read_observations
    from tests.conftest import DATA

    indicators, _ = read_catalogue(DATA / "catalogue" / "indicators.csv", INDICATOR_COLUMNS)
    written = {"Žene": "female", "Muškarci": "male", "ЖЕНИ": "female", "Мажи": "male", "Femei": "female",
               "Bărbați": "male", "Gra": "female", "Burra": "male", "Ж": "female", "М": "male", "Ukupno": "",
               "Women": "female"}
    lines = [f"emigrant_stock;{country};{sex};2020;1" for country, sex in zip(
        ["SRB", "SRB", "MKD", "MKD", "ROU", "ROU", "ALB", "ALB", "BGR", "BGR", "BIH", "MNE"], written)]
    raw = ("indicator;country;sex;year;value\n" + "\n".join(lines) + "\n").encode()
    rows, _, report = read_observations(raw, "po_polu.csv", indicators, vectorised=vectorised)
    assert not report.problems, [p.message for p in report.problems]
    assert rows["sex"].tolist() == list(written.values())


def test_new_indicator_described_in_extra_columns_is_accepted(data_copy):
    (data_copy / "observations" / "seasonal.csv").write_text(
        "indicator,indicator_label,unit,migration_type,country,year,value,source\n"
        "seasonal_permits,Seasonal work permits,permits,Seasonal work,Severna Makedonija,2022,10,staff\n")
    dataset = load_dataset(data_copy)
    assert dataset.indicator("seasonal_permits")["migration_type"] == "Seasonal work"
    row = dataset.observations[dataset.observations["indicator"] == "seasonal_permits"].iloc[0]
    assert (row["country"], row["year"], row["value"]) == ("MKD", 2022, 10.0)


def test_every_conflict_between_files_is_listed_even_when_there_are_many(data_copy):
    years = range(1960, 1990)
    (data_copy / "observations" / "a_corrections.csv").write_text(
        "indicator,country,year,value\n" + "".join(f"net_migration,ALB,{y},-1\n" for y in years))
    dataset = load_dataset(data_copy)
    conflicts = dataset.conflicts
    assert len(conflicts) == len(years)  # every one, not only the first few
    assert set(conflicts["kept_file"]) == {"a_corrections.csv"}
    assert set(conflicts["left_out_file"]) == {"world_bank_wdi.csv"}
    assert (conflicts["kept_value"] == -1).all()
    report = next(r for r in dataset.reports if r.file == "world_bank_wdi.csv")
    listed = [p for p in report.problems if p.check == "conflict-between-files"]
    assert len(listed) == 25 + 1 and "every conflict is listed" in listed[-1].fix
