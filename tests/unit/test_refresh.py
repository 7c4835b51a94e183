"""Live refresh: freshness from content, one version per load, last good data kept, roll-back."""

from __future__ import annotations

import os
import threading
import time

import pytest

from components import contract, history
from components.dataset import load_dataset, read_data_snapshot
from tests.fixtures.cases import BAD_FILES, mini_data_dir

GOOD = "indicator,country,year,value,note\n" + "".join(
    f"net_migration,MNE,{year},{year - 1900},version 1\n" for year in range(1950, 1960))


def _rows(dataset, name):
    return dataset.observations[dataset.observations["file"] == name]


def _report(dataset, name):
    return next(r for r in dataset.reports if r.file == name)


@pytest.fixture
def data(tmp_path):
    folder = mini_data_dir(tmp_path)
    (folder / "observations" / "staff.csv").write_text(GOOD)
    return folder


def test_freshness_is_decided_by_content_not_by_the_clock(data):
    before = read_data_snapshot(data).fingerprint
    path = data / "observations" / "staff.csv"
    # Saved again unchanged (Excel does this), with a new modification time: nothing changed.
    path.write_text(GOOD)
    os.utime(path, (time.time() + 60, time.time() + 60))
    assert read_data_snapshot(data).fingerprint == before
    # The same size and modification time, but one digit different: that is a change.
    stat = path.stat()
    path.write_text(GOOD.replace("1950,50", "1950,51"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert read_data_snapshot(data).fingerprint != before


def test_adding_and_removing_a_file_changes_what_is_served(data):
    first = load_dataset(data)
    (data / "observations" / "more.csv").write_text("indicator,country,year,value\nnet_migration,ALB,1950,7\n")
    added = load_dataset(data)
    assert added.fingerprint != first.fingerprint and len(_rows(added, "more.csv")) == 1
    (data / "observations" / "more.csv").unlink()
    removed = load_dataset(data)
    assert removed.fingerprint == first.fingerprint and _rows(removed, "more.csv").empty


def test_a_load_parses_exactly_the_bytes_its_fingerprint_describes(data):
    snapshot = read_data_snapshot(data)
    (data / "observations" / "staff.csv").write_text(GOOD.replace("version 1", "version 2"))
    dataset = load_dataset(snapshot)  # the file changed on disk after the snapshot was taken
    assert dataset.fingerprint == snapshot.fingerprint
    assert set(_rows(dataset, "staff.csv")["note"]) == {"version 1"}


@pytest.mark.parametrize("broken", ["truncated.csv", "binary_junk.csv", "text_in_value.csv",
                                    "header_only.csv", "empty.csv"])
def test_a_broken_replacement_keeps_the_last_good_version_on_screen(data, broken):
    good = load_dataset(data)
    assert _report(good, "staff.csv").status == "loaded"
    (data / "observations" / "staff.csv").write_bytes((BAD_FILES / broken).read_bytes())
    served = load_dataset(data)
    report = _report(served, "staff.csv")
    assert report.status == contract.LAST_GOOD and report.broken and not report.rejected
    assert report.last_good.startswith("saved ")
    assert report.problems and all(p.fix for p in report.problems)  # what to fix in the new file
    assert _rows(served, "staff.csv")[["year", "value", "note"]].equals(
        _rows(good, "staff.csv")[["year", "value", "note"]])
    # Fixed: the new version is served again.
    (data / "observations" / "staff.csv").write_text(GOOD.replace("version 1", "version 3"))
    fixed = load_dataset(data)
    assert _report(fixed, "staff.csv").status == "loaded"
    assert set(_rows(fixed, "staff.csv")["note"]) == {"version 3"}


def test_a_new_file_that_never_loaded_has_no_last_good_version(data):
    (data / "observations" / "new.csv").write_bytes((BAD_FILES / "truncated.csv").read_bytes())
    report = _report(load_dataset(data), "new.csv")
    assert report.status == "rejected" and report.last_good is None


def test_the_last_few_good_versions_are_kept_and_one_can_be_put_back(data):
    path = data / "observations" / "staff.csv"
    for version in range(1, 9):
        path.write_text(GOOD.replace("version 1", f"version {version}"))
        load_dataset(data)
        time.sleep(0.01)
    kept = history.versions(data, "observations", "staff.csv")
    assert len(kept) == contract.HISTORY_KEEP
    assert [v.saved for v in kept] == sorted((v.saved for v in kept), reverse=True)
    assert "version 8" in kept[0].path.read_text() and "version 4" in kept[-1].path.read_text()
    assert all(v.path.parent == data / ".history" / "observations" / "staff.csv" for v in kept)
    # The hidden history is never read as data.
    assert {entry.name for entry in read_data_snapshot(data).files} >= {"staff.csv"}
    assert all(".history" not in r.file for r in load_dataset(data).reports)

    replaced = []
    real_replace = os.replace
    os.replace = lambda a, b: (replaced.append((a, b)), real_replace(a, b))[1]
    try:
        history.restore(data, kept[-1])
    finally:
        os.replace = real_replace
    assert replaced and replaced[0][1] == path  # one atomic rename onto the data file
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".tmp")]
    assert set(_rows(load_dataset(data), "staff.csv")["note"]) == {"version 4"}


def test_a_removed_file_can_be_put_back_from_its_history(data):
    load_dataset(data)
    (data / "observations" / "staff.csv").unlink()
    assert _rows(load_dataset(data), "staff.csv").empty
    version = next(v for v in history.all_versions(data) if v.name == "staff.csv")
    history.restore(data, version)
    assert len(_rows(load_dataset(data), "staff.csv")) == 10


def test_a_file_replaced_again_and_again_while_others_load_never_mixes_two_versions(data):
    """Writers replace the file 200 times, atomically and in place; every load sees one version."""
    path = data / "observations" / "staff.csv"

    def version(number: int) -> str:
        # Every row carries the version: a load that mixed two versions would show two numbers.
        return "indicator,country,year,value,note\n" + "".join(
            f"net_migration,MNE,{year},{number},v{number}\n" for year in range(1900, 2000))

    path.write_text(version(0))
    load_dataset(data)  # version 0 is the first good version
    stop = threading.Event()
    seen, failures = [], []

    def writer():
        for number in range(1, 201):
            text = version(number)
            if number % 2:
                temporary = path.with_name(f".tmp-{number}")
                temporary.write_text(text)
                os.replace(temporary, path)  # how history.restore and uploads write
            else:
                path.write_text(text)  # how a copy program overwrites in place
        stop.set()

    def loader():
        while not stop.is_set():
            try:
                snapshot = read_data_snapshot(data)
                dataset = load_dataset(snapshot)
            except Exception as error:  # the loader must never raise
                failures.append(repr(error))
                return
            rows = _rows(dataset, "staff.csv")
            versions = set(rows["note"])
            report = _report(dataset, "staff.csv")
            if len(versions) != 1:
                failures.append(f"mixed versions {sorted(versions)[:3]} ({report.status})")
            elif report.status == "loaded":
                # Served from the file itself: it must be the version the snapshot holds.
                entry = snapshot.get("observations", "staff.csv")
                if f"v{rows['value'].iloc[0]:.0f}\n".encode() not in entry.data:
                    failures.append("fingerprint and data from different versions")
            seen.append((report.status, len(rows), versions.pop() if versions else None))

    threads = [threading.Thread(target=writer)] + [threading.Thread(target=loader) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures[:5]
    assert len(seen) >= 3
    # A stand-in is always a whole earlier version. (A file caught while being overwritten in
    # place may be read up to a line end: still one version, and the next load has all of it.)
    assert all(count == 100 for status, count, _ in seen if status == contract.LAST_GOOD), seen[:5]
    assert all(0 < count <= 100 for _, count, _ in seen)
    assert {status for status, _, _ in seen} <= {"loaded", contract.LAST_GOOD}
    final = load_dataset(data)
    assert set(_rows(final, "staff.csv")["note"]) == {"v200"}
