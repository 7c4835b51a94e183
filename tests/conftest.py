"""Shared fixtures: a private copy of data/ that a test may break without touching the real one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
BAD_FILES = REPO / "tests" / "fixtures" / "bad_files"
SHARED_SOURCES = REPO.parent / "shared" / "sources"


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
