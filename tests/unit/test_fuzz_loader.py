"""Hypothesis mutates valid files: the loader never raises, every problem names its file, and the
data served for a file changes only when the new version can be used."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components import contract
from components.dataset import load_dataset
from tests.fixtures.cases import GOOD_FILES, mini_data_dir

SEEDS = {
    "observations/staff.csv": (GOOD_FILES / "sr_sezonski_rad_cp1250.csv").read_bytes(),
    "observations/povratnici.csv": (GOOD_FILES / "mk_povratnici_cp1251.csv").read_bytes(),
    "observations/plain.csv": b"indicator,country,year,value,flag\r\nnet_migration,MNE,1950,5,e\r\n"
                              b"net_migration,Crna Gora,1951,\"1,250\",\r\n",
    "boundaries/shapes.geojson": (
        b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"SRB"},'
        b'"geometry":{"type":"Polygon","coordinates":[[[20,44],[21,44],[21,45],[20,44]]]}}]}'),
}
# Bytes that matter to the parsers: separators, quotes, line ends, decimal marks, BOMs, NUL,
# Windows-1250/1251 letters, the start of a zip (an .xlsx) and of JSON.
SPECIAL = [b",", b";", b"\t", b'"', b"\r\n", b"\n", b".", b",5", b" ", b"\xef\xbb\xbf", b"\x00",
           b"\xe8", b"\xd1\xf0\xe1", b"PK\x03\x04", b"{", b"]", b"-", b"9999", b"\xff\xfe"]

_cut = st.tuples(st.just("cut"), st.integers(0, 400))
_insert = st.tuples(st.just("insert"), st.integers(0, 400), st.sampled_from(SPECIAL) | st.binary(max_size=6))
_delete = st.tuples(st.just("delete"), st.integers(0, 400), st.integers(1, 20))
_flip = st.tuples(st.just("flip"), st.integers(0, 400), st.integers(0, 255))
MUTATIONS = st.lists(st.one_of(_cut, _insert, _delete, _flip), min_size=1, max_size=4)


def mutate(data: bytes, mutations) -> bytes:
    for kind, position, *rest in mutations:
        position = position % (len(data) + 1)
        if kind == "cut":
            data = data[:position]
        elif kind == "insert":
            data = data[:position] + rest[0] + data[position:]
        elif kind == "delete":
            data = data[:position] + data[position + rest[0]:]
        elif data:
            index = position % len(data)
            data = data[:index] + bytes([rest[0]]) + data[index + 1:]
    return data


def _served(dataset, key):
    folder, name = key.split("/")
    if folder == "boundaries":
        return dataset.boundaries.get(Path(name).stem)
    rows = dataset.observations[dataset.observations["file"] == name]
    return rows.drop(columns="file").reset_index(drop=True)


_BASE = Path(tempfile.mkdtemp(prefix="fuzz-"))
_DATA = mini_data_dir(_BASE)
for _key, _seed in SEEDS.items():
    (_DATA / _key).write_bytes(_seed)
_GOOD = load_dataset(_DATA)  # every seed loads, and so becomes each file's last good version
# A mutation that is still a valid file (cut at a line end, say) becomes the newest good version;
# each example starts again from the seeds' history so that the seed is the one to fall back to.
_PRISTINE_HISTORY = _BASE / "pristine-history"
shutil.copytree(_DATA / contract.HISTORY_DIR, _PRISTINE_HISTORY)


def test_every_seed_is_valid():
    assert all(r.status == "loaded" for r in _GOOD.reports), [
        p.message for r in _GOOD.reports for p in r.problems]


@settings(max_examples=120, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(sorted(SEEDS)), mutations=MUTATIONS)
def test_mutated_files_never_break_the_loader_or_leak_into_the_data(key, mutations):
    path = _DATA / key
    shutil.rmtree(_DATA / contract.HISTORY_DIR)
    shutil.copytree(_PRISTINE_HISTORY, _DATA / contract.HISTORY_DIR)
    path.write_bytes(mutate(SEEDS[key], mutations))
    try:
        dataset = load_dataset(_DATA)  # must not raise, whatever the bytes
    finally:
        path.write_bytes(SEEDS[key])
    name = key.split("/")[1]
    for report in dataset.reports:
        for problem in report.problems:
            assert problem.file == report.file and problem.message.startswith(report.file)
            assert problem.expected and problem.fix
    # The other files are untouched by one file's trouble.
    for other in SEEDS:
        if other != key:
            assert _equal(_served(dataset, other), _served(_GOOD, other))
    report = next(r for r in dataset.reports if r.file == name)
    if report.broken:
        # Not usable: exactly the last good version is served, never a part of the broken one.
        assert report.status == contract.LAST_GOOD
        assert _equal(_served(dataset, key), _served(_GOOD, key))


def _equal(left, right) -> bool:
    if left is None or right is None or isinstance(left, dict):
        return left == right
    return left.equals(right)


def teardown_module():
    shutil.rmtree(_BASE, ignore_errors=True)
