"""One consistent, in-memory copy of every data file: read once, hashed from the same bytes.

A load parses the bytes of the snapshot and never goes back to the disk, so a file replaced
while the app is loading cannot mix two versions, and the fingerprint that keys the cache is
computed from exactly the bytes that were parsed.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from components import contract as c

# A file whose size, times and inode are unchanged is taken from memory instead of being read
# again, but never for longer than this: after it the bytes are re-read and the hash decides.
TRUST_STAT_SECONDS = 30.0
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class FileBytes:
    folder: str  # observations | boundaries | catalogue
    name: str
    size: int
    digest: str  # sha256 of the content
    data: bytes | None  # None when the file is over the size limit: it is never held in memory

    @property
    def key(self) -> str:
        return f"{self.folder}/{self.name}"


@dataclass(frozen=True)
class Snapshot:
    root: Path
    files: tuple[FileBytes, ...]
    fingerprint: str

    def in_folder(self, folder: str) -> list[FileBytes]:
        return [entry for entry in self.files if entry.folder == folder]

    def get(self, folder: str, name: str) -> FileBytes | None:
        return next((e for e in self.files if e.folder == folder and e.name == name), None)


_cache: dict[str, tuple[tuple, float, FileBytes]] = {}
_lock = threading.Lock()


def read_snapshot(data_dir: Path, folders) -> Snapshot:
    """Every file's bytes in these folders, read once; the fingerprint is the hash of those bytes."""
    entries, seen = [], set()
    for folder in folders:
        base = Path(data_dir) / folder
        try:
            listing = sorted(os.scandir(base), key=lambda item: item.name)
        except (FileNotFoundError, NotADirectoryError):
            continue
        for item in listing:
            if item.name.startswith(".") or not item.is_file():
                continue  # hidden: .history, half-written temporary files, editor lock files
            seen.add(item.path)
            entry = _read(folder, Path(item.path))
            if entry is not None:
                entries.append(entry)
    _forget_removed(data_dir, folders, seen)
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(f"{entry.key}\0{entry.digest}\0".encode())
    return Snapshot(Path(data_dir), tuple(entries), digest.hexdigest())


def _forget_removed(data_dir: Path, folders, seen: set[str]) -> None:
    """Drop the remembered bytes of files that are gone, so memory follows what is on disk."""
    prefixes = tuple(os.path.join(str(data_dir), folder, "") for folder in folders)
    with _lock:
        for key in [k for k in _cache if k.startswith(prefixes) and k not in seen]:
            del _cache[key]


def _read(folder: str, path: Path) -> FileBytes | None:
    try:
        stat = path.stat()
    except OSError:
        return None  # removed between the listing and now
    # ctime changes on every write and cannot be set back by a copy program, unlike mtime.
    signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    key = str(path)
    now = time.monotonic()
    with _lock:
        cached = _cache.get(key)
    if cached and cached[0] == signature and now - cached[1] < TRUST_STAT_SECONDS:
        return cached[2]
    try:
        entry = _read_bytes(folder, path, stat.st_size)
    except OSError:
        return None
    with _lock:
        _cache[key] = (signature, now, entry)
    return entry


def _read_bytes(folder: str, path: Path, size: int) -> FileBytes:
    if size > c.MAX_FILE_BYTES:
        # Hash it in chunks so the fingerprint still follows its content, but never hold it.
        digest, total = hashlib.sha256(), 0
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                total += len(chunk)
        return FileBytes(folder, path.name, total, digest.hexdigest(), None)
    with path.open("rb") as handle:
        # One read of the size we saw, +1 to notice a file that grew meanwhile (read(n)
        # reserves n bytes up front, so n is never the limit itself for a small file).
        data = handle.read(size + 1)
        if len(data) > size:
            data += handle.read(c.MAX_FILE_BYTES + 1 - len(data))
    if len(data) > c.MAX_FILE_BYTES:
        return _read_bytes(folder, path, len(data))
    return FileBytes(folder, path.name, len(data), hashlib.sha256(data).hexdigest(), data)
