"""Checked files kept on disk: a restart gets the same data without checking again, never stale data."""

from __future__ import annotations

import pandas as pd
import pytest

from components import checked_files, dataset
from components.dataset import load_dataset
from tests.fixtures.cases import mini_data_dir

GOOD = "indicator,country,year,value,note\n" + "".join(
    f"net_migration,Crna Gora,{year},{year - 1900},kept\n" for year in range(1950, 1960))
BAD = "indicator,country,year,value\nnet_migration,Atlantis,1950,1\n"


@pytest.fixture
def data(tmp_path):
    folder = mini_data_dir(tmp_path)
    (folder / "observations" / "staff.csv").write_text(GOOD)
    (folder / "observations" / "bad.csv").write_text(BAD)
    return folder


def _restart():
    """What a new server process starts with: nothing remembered in memory."""
    dataset._PARSED.clear()


def _kept(folder):
    return sorted((folder / checked_files.CACHE_DIR).glob("*.pickle"))


def test_a_restart_serves_the_same_rows_and_problems_without_checking_again(data, monkeypatch):
    _restart()
    first = load_dataset(data, keep_history=False)
    assert len(_kept(data)) == len(list((data / "observations").glob("*.csv")))

    _restart()
    checked = []
    original = dataset.read_observations
    monkeypatch.setattr(dataset, "read_observations", lambda *a: checked.append(a[1]) or original(*a))
    again = load_dataset(data, keep_history=False)

    assert checked == []  # every file came back from data/.cache/checked
    pd.testing.assert_frame_equal(first.observations, again.observations)
    assert [(p.file, p.row, p.column, p.check, p.message) for p in first.problems] == \
        [(p.file, p.row, p.column, p.check, p.message) for p in again.problems]
    staff = again.observations[again.observations["file"] == "staff.csv"]
    assert len(staff) == 10 and set(staff["country"]) == {"MNE"}  # "Crna Gora" read as before
    assert any(p.file == "bad.csv" and p.check == "unknown-country" for p in again.problems)


def test_a_changed_file_is_checked_again_and_its_new_values_served(data):
    _restart()
    load_dataset(data, keep_history=False)
    (data / "observations" / "staff.csv").write_text(GOOD.replace("1950,50", "1950,51"))
    _restart()
    reloaded = load_dataset(data, keep_history=False)
    value = reloaded.observations.query("file == 'staff.csv' and year == 1950")["value"]
    assert value.tolist() == [51.0]


def test_new_checking_code_does_not_reuse_old_results(data, monkeypatch):
    _restart()
    load_dataset(data, keep_history=False)
    before = set(_kept(data))
    monkeypatch.setattr(checked_files, "code_version", lambda: "a newer loader")
    _restart()
    load_dataset(data, keep_history=False)
    assert set(_kept(data)) - before  # checked again and kept under new keys


def test_a_damaged_kept_result_is_ignored_and_the_file_checked_again(data):
    _restart()
    first = load_dataset(data, keep_history=False)
    for path in _kept(data):
        path.write_bytes(b"not a pickle")
    _restart()
    again = load_dataset(data, keep_history=False)
    pd.testing.assert_frame_equal(first.observations, again.observations)


def test_a_read_only_data_folder_still_loads(data, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(checked_files.tempfile, "mkstemp", refuse)
    _restart()
    loaded = load_dataset(data, keep_history=False)
    assert len(loaded.observations[loaded.observations["file"] == "staff.csv"]) == 10


def test_the_key_covers_every_module_the_check_imports():
    from pathlib import Path

    names = {path.name for path in checked_files.checking_code(Path(checked_files.__file__).parent)}
    assert {"observations.py", "numbers.py", "file_formats.py", "countries.py", "contract.py",
            "dataset.py", "i18n.py"} <= names


def test_repeated_text_cells_share_one_object_and_keep_their_values():
    frame = pd.DataFrame({"country": ["SRB", "MNE"] * 3, "value": [1.0, None, 3.0, 4.0, 5.0, 6.0]})
    frame["country"] = frame["country"].map(lambda text: "".join(list(text)))  # six separate objects
    shared = checked_files.shared_strings(frame.copy())
    assert shared["country"].tolist() == ["SRB", "MNE"] * 3
    assert shared["country"].iloc[0] is shared["country"].iloc[2]
    assert shared["value"].isna().tolist() == [False, True, False, False, False, False]


def test_files_merge_with_their_own_texts_and_a_blank_source_takes_the_catalogues(data):
    """Each file's rows come compact (categorical text columns, each file with its own texts);
    the merged rows are plain text, and a row with no source names its indicator's source."""
    (data / "observations" / "bad.csv").unlink()
    (data / "observations" / "second.csv").write_text(
        "indicator,country,partner,year,value,source\n"
        "emigrant_stock,Srbija,DEU,2000,5,\n"
        "emigrant_stock,ALB,,2000,6,my_survey\n"
        "net_migration,MNE,,1990,7,\n"
        # 200 more sources: past what an 8-bit code of a categorical column can count
        + "".join(f"emigrant_stock,{('MKD', 'BIH')[i // 100]},,{1900 + i % 100},1,survey_{i:03}\n" for i in range(200)))
    _restart()
    observations = load_dataset(data, keep_history=False).observations
    assert all(observations[column].dtype == object for column in ("indicator", "country", "source", "file"))
    surveys = observations[observations["source"].str.startswith("survey_")]
    assert sorted(surveys["source"]) == [f"survey_{i:03}" for i in range(200)]
    rows = observations[~observations["source"].str.startswith("survey_")].sort_values(["file", "year", "country"])
    assert rows[["file", "indicator", "country", "partner", "source"]].values.tolist() == [
        ["second.csv", "net_migration", "MNE", "", "wb_wdi"],
        ["second.csv", "emigrant_stock", "ALB", "", "my_survey"],
        ["second.csv", "emigrant_stock", "SRB", "DEU", "un_desa_ims2024"],
        *[["staff.csv", "net_migration", "MNE", "", "wb_wdi"]] * 10]


def test_overlapping_loads_leave_the_collector_as_they_found_it():
    # Two loads in threads, the first ending before the second: the collector stays off until
    # both end, then is on again (a plain save-and-restore would leave it off for good).
    import gc

    from components.checked_files import paused_collector

    assert gc.isenabled()
    first, second = paused_collector(), paused_collector()
    first.__enter__()
    second.__enter__()
    assert not gc.isenabled()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()
