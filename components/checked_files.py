"""Observation files already checked, kept on disk by content so a restart does not check them again.

Checking a file (parsing every cell, resolving country names, detecting the number format) is the
slow part of a load, even column by column (components/checked_columns.py). Its result depends
only on the file's bytes, the indicator catalogue, the current year and this code, so it is kept under
data/.cache/checked/<hash of all four>.pickle. After a restart, or when one file of many
changes, the others come back from there in milliseconds instead of being checked again.
A changed byte, catalogue row or line of code gives another hash, so an old result is never used
for new input. The folder is hidden (the loader never reads it as data) and is the app's own, like
data/.history: anything in it may be deleted at any time and is rebuilt on the next load.
"""

from __future__ import annotations

import ast
import gc
import hashlib
import logging
import os
import pickle
import tempfile
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pandas as pd

# numpy's switch behind its NUMPY_MADVISE_HUGEPAGE setting (not public API: where it is missing,
# loads run with numpy's default pages, only slower on some machines).
try:  # numpy 2
    from numpy._core.multiarray import _set_madvise_hugepage
except ImportError:
    try:  # numpy 1
        from numpy.core.multiarray import _set_madvise_hugepage
    except ImportError:
        _set_madvise_hugepage = None

CACHE_DIR = Path(".cache") / "checked"
# Results no longer asked for by a load are deleted after this many newer ones are written.
KEEP = 512

log = logging.getLogger(__name__)


# The modules whose code decides what a check returns; with everything they import from
# components/ (found by reading their imports), they make the code part of the key.
CHECKING_MODULES = ("observations", "dataset", "checked_files")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the checking code and the reference tables it reads: new code, new keys."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*checking_code(here), *(here / "reference").glob("*")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def checking_code(package: Path) -> set[Path]:
    """The checking modules and every components module they import, directly or not."""
    found, waiting = set(), [package / f"{name}.py" for name in CHECKING_MODULES]
    while waiting:
        path = waiting.pop()
        if path in found or not path.exists():
            continue
        found.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "components":
                waiting += [package / f"{alias.name}.py" for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("components."):
                waiting.append(package / f"{node.module.split('.', 1)[1]}.py")
    return found


def cache_key(parts: tuple) -> str:
    return hashlib.sha256(repr((code_version(), *parts)).encode()).hexdigest()


def recall(data_dir: Path, key: str):
    """The kept result for this key, or None when there is none (or it cannot be read)."""
    path = Path(data_dir) / CACHE_DIR / f"{key}.pickle"
    try:
        with path.open("rb") as stream, paused_collector():
            result = pickle.load(stream)
        os.utime(path)  # recently used: kept when old results are pruned
        return result
    except FileNotFoundError:
        return None
    except Exception as error:  # a half-written or foreign file is only a missed shortcut
        log.warning("Ignoring the kept check result %s (%s); checking the file again.", path.name, error)
        return None


def keep(data_dir: Path, key: str, result) -> None:
    folder = Path(data_dir) / CACHE_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / f"{key}.pickle")
        _prune(folder)
    except OSError as error:  # a read-only data folder still serves data, only more slowly
        log.info("Could not keep a check result in %s: %s", folder, error)


def _prune(folder: Path) -> None:
    kept = sorted(folder.glob("*.pickle"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in kept[KEEP:]:
        old.unlink(missing_ok=True)


def without_huge_pages() -> None:
    """Let numpy's new arrays use ordinary 4 kB pages, unless NUMPY_MADVISE_HUGEPAGE says otherwise.

    numpy asks the kernel for 2 MB pages for every array of 4 MB or more. In the virtual
    machines this runs on, memory first touched in 2 MB pages costs 10 to 36 ms a MB (the host
    backs it page by page, and more so when others use the machine), against under 1 ms in 4 kB
    pages: at 100x the shipped data the merged rows alone (0.9 GB of new arrays) took 7 to 32 s
    to build instead of 1 to 2 s. An operator who measured otherwise sets NUMPY_MADVISE_HUGEPAGE=1.
    """
    if os.environ.get("NUMPY_MADVISE_HUGEPAGE") is None and _set_madvise_hugepage is not None:
        _set_madvise_hugepage(False)


@contextmanager
def paused_collector():
    """Python's cycle collector off while millions of cells are built.

    Each full collection walks every live container, and a large file creates millions of them
    (one list per row), so collections during a load grow with the square of its size: about a
    quarter of the load time at 10x the shipped data. Reference counting still frees memory.
    """
    # Loads of different sessions or folders may overlap in threads: the collector comes back on
    # when the last paused section ends, and only if it was on when the first began.
    global _pauses, _resume
    with _pause_lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


_pause_lock = threading.Lock()
_pauses, _resume = 0, False


def shared_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """The same frame, with every repeated text cell one shared object instead of many copies.

    At 100x the shipped data the text columns (indicator, country, source, ...) hold tens of
    millions of cells but only a few thousand distinct values; sharing them cuts memory
    several-fold without changing a single value or dtype.
    """
    for column in frame.columns:
        if frame[column].dtype == object:
            codes, distinct = pd.factorize(frame[column], use_na_sentinel=False)
            frame[column] = pd.Series(distinct.take(codes), index=frame.index, dtype=object)
    return frame
