"""Shared fixtures: a private copy of data/ that a test may break without touching the real one."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest
from streamlit.components.v2 import manifest_scanner

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
BAD_FILES = REPO / "tests" / "fixtures" / "bad_files"
SHARED_SOURCES = REPO.parent / "shared" / "sources"

# Every new AppTest scans all installed packages for Streamlit components before its first run
# (Streamlit 1.67: 0.3-0.4 s of reading package metadata, about a third of a short page test).
# The installed packages do not change while the tests run: scan once per test process.
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def drop_in(data_dir: Path, bad_file: str) -> Path:
    """Put a fixture file where staff would drop it."""
    folder = "boundaries" if bad_file.endswith(".geojson") else "observations"
    target = data_dir / folder / bad_file
    shutil.copyfile(BAD_FILES / bad_file, target)
    return target
