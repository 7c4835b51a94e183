"""The last few good versions of every data file, kept in data/.history/ for fallback and roll-back.

Layout: data/.history/<folder>/<file name>/<YYYYmmdd-HHMMSS.ffffff>-<hash>.<ext> (microseconds,
so that versions saved within one second still sort in the order they were saved). The folder is hidden,
so the loader never reads it as data. Every write goes to a hidden temporary file first and is
then renamed into place (os.replace), so a reader sees a whole version or none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from components import contract as c
from components import snapshot
from components.i18n import Phrase

log = logging.getLogger(__name__)
TEMPORARY_PREFIX = ".tmp-"

HASH_CHARS = 12
STAMP = "%Y%m%d-%H%M%S.%f"


@dataclass(frozen=True)
class Version:
    path: Path
    folder: str
    name: str  # the data file's name
    saved: dt.datetime
    digest: str  # the first HASH_CHARS of its sha256

    @property
    def label(self) -> str:
        """'saved 27 Nov 2025 15:40:12 (#1a2b3c)', a Phrase: the month is said in the reader's language."""
        return Phrase("status.saved_version", day=f"{self.saved:%d}",
                      month=Phrase(f"status.months.m{self.saved.month:02d}"), year=self.saved.year,
                      time=f"{self.saved:%H:%M:%S}", digest=self.digest[:6])


def history_root(data_dir: Path) -> Path:
    return Path(data_dir) / c.HISTORY_DIR


def remember(data_dir: Path, folder: str, name: str, data: bytes, digest: str) -> None:
    """Keep this good version, unless it is already kept; then drop all but the newest few."""
    if not _safe(name):
        return
    target_dir = history_root(data_dir) / folder / name
    short = digest[:HASH_CHARS]
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        if any(version.digest == short for version in versions(data_dir, folder, name)):
            return
        stamp = dt.datetime.now().strftime(STAMP)
        write_atomically(target_dir / f"{stamp}-{short}{Path(name).suffix}", data)
        for old in versions(data_dir, folder, name)[c.HISTORY_KEEP:]:
            old.path.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only data folder still serves data; it only loses the fallback


def versions(data_dir: Path, folder: str, name: str) -> list[Version]:
    """The kept versions of one file, newest first."""
    base = history_root(data_dir) / folder / name
    found = []
    try:
        paths = list(base.iterdir())
    except OSError:
        return []
    for path in paths:
        if path.name.startswith("."):
            continue
        parts = path.stem.split("-")
        try:
            saved = dt.datetime.strptime("-".join(parts[:2]), STAMP)
        except ValueError:
            continue
        found.append(Version(path, folder, name, saved, parts[2] if len(parts) > 2 else ""))
    return sorted(found, key=lambda v: (v.saved, v.path.name), reverse=True)


def all_versions(data_dir: Path) -> list[Version]:
    """Every kept version of every file, including files that have since been removed."""
    root = history_root(data_dir)
    result = []
    for folder in sorted(p for p in root.glob("*") if p.is_dir()):
        for file_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
            result += versions(data_dir, folder.name, file_dir.name)
    return result


def newest(data_dir: Path, folder: str, name: str) -> bytes | None:
    """The bytes of the newest kept version of a file, or None."""
    for version in versions(data_dir, folder, name):
        try:
            return version.path.read_bytes()
        except OSError:
            continue
    return None


def restore(data_dir: Path, version: Version) -> Path:
    """Put a kept version back in place of the data file, in one atomic rename."""
    if not _safe(version.name) or not _safe(version.folder):
        raise ValueError(f"not a data file name: {version.name!r}")
    target = Path(data_dir) / version.folder / version.name
    data = version.path.read_bytes()
    write_atomically(target, data)
    # Renamed into place whole: the loader need not wait for it to settle.
    snapshot.written_whole(target, hashlib.sha256(data).hexdigest())
    return target


def write_atomically(target: Path, data: bytes) -> None:
    """Replace target with data in one rename, keeping the permissions the file had (mkstemp
    makes its files private, 600: a rolled-back file would no longer be readable by a web server
    or colleague that could read it before)."""
    target = Path(target)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()  # a new file: what any program would have created
    # The temporary file is hidden (leading dot) so a loader running meanwhile skips it.
    handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(data_dir: Path, older_than: float = 60.0) -> list[Path]:
    """Delete the hidden temporary files that a write cut short (power cut, kill -9) left behind in
    data/, its history and its cache. Only files untouched for `older_than` seconds: a younger one
    may belong to a write in progress."""
    removed = []
    cutoff = time.time() - older_than
    for path in Path(data_dir).rglob(f"{TEMPORARY_PREFIX}*"):
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError as error:
            log.warning("Could not remove the stale temporary file %s: %s", path, error)
    if removed:
        log.info("Removed %d stale temporary file(s) from %s", len(removed), data_dir)
    return removed


def _umask() -> int:
    # os.umask can only be read by setting it, which races with other threads; Linux says it here.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _safe(name: str) -> bool:
    return bool(name) and "/" not in name and "\\" not in name and name not in (".", "..") \
        and not name.startswith(".")
