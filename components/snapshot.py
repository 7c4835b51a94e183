"""One consistent, in-memory copy of every data file: read once, hashed from the same bytes.

A load parses the bytes of the snapshot and never goes back to the disk, so a file replaced
while the app is loading cannot mix two versions, and the fingerprint that keys the cache is
computed from exactly the bytes that were parsed.

A file that is still being written is not taken (settle > 0, as the running app asks). A copy over
a network share writes a file in pieces, and a piece can end anywhere: cut in the middle of
"1234576", the last row still parses, as 123. So a file is taken only once it has settled: its
size, times and content were the same at two checks, and nothing wrote to it for `settle` seconds
(by its change time, which a copy program cannot set back, and by this process's own clock once it
has seen the file change). Until then the last settled bytes of that file are served (or, at
start-up, what `fallback` gives: its last good version), so the page keeps showing whole data.
The price: a dropped file shows up `settle` seconds later, and a copy that stalls for longer than
`settle` is taken as it stands (then checked like any file: a row cut short is refused).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

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
    # The file on disk is still changing: these are its last settled bytes, not what is there now
    # (or, provisional, the bytes as they stand at start-up, when there is nothing else to show).
    # Either way they are not kept as a last good version.
    settling: bool = False
    provisional: bool = False

    @property
    def key(self) -> str:
        return f"{self.folder}/{self.name}"


@dataclass(frozen=True)
class Snapshot:
    root: Path
    files: tuple[FileBytes, ...]
    fingerprint: str
    # Keys (folder/name) of files still being written; each is served from older bytes or left out.
    settling: tuple[str, ...] = ()

    def in_folder(self, folder: str) -> list[FileBytes]:
        return [entry for entry in self.files if entry.folder == folder]

    def get(self, folder: str, name: str) -> FileBytes | None:
        return next((e for e in self.files if e.folder == folder and e.name == name), None)


class Clock:
    """Wall time (to compare with file times) and monotonic time (to measure waits); tests move it."""

    wall = staticmethod(time.time)
    mono = staticmethod(time.monotonic)


@dataclass(frozen=True)
class _Seen:
    signature: tuple  # (inode, size, mtime, ctime) when the bytes were read
    read_at: float  # monotonic
    entry: FileBytes
    # Monotonic time this process first saw these bytes after seeing other bytes at the same path;
    # None while it has only ever seen this version (then only the file's own times say how old).
    changed_at: float | None
    steady: bool  # the file's times and size were the same after reading it as before


_cache: dict[str, _Seen] = {}
# The last settled (or, at start-up, provisional) bytes of every path, served while it changes.
_settled: dict[str, FileBytes] = {}
_written_whole: dict[str, str] = {}  # path -> digest of a file this app itself renamed into place
_scanned: set[str] = set()  # data folders this process has listed at least once
_lock = threading.Lock()

Fallback = Callable[[str, str], "bytes | None"]


def read_snapshot(data_dir: Path, folders, settle: float = 0.0, fallback: Fallback | None = None,
                  clock: Clock = Clock) -> Snapshot:
    """Every file's bytes in these folders, read once; the fingerprint is the hash of those bytes.

    With settle > 0, a file written to within the last `settle` seconds is not taken yet (see
    the module's docstring); with 0 (a one-off load of a folder nobody writes to) every file is.
    """
    entries, seen, settling = [], set(), []
    first_scan = str(data_dir) not in _scanned
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
            entry, settled = _read(folder, Path(item.path), settle, first_scan, clock)
            if entry is not None and not settled:
                settling.append(f"{folder}/{item.name}")
                stand_in = _stand_in(folder, item.name, item.path, fallback)
                # At start-up, a changing file with no earlier version is shown as it stands
                # (a page with no catalogue would show nothing at all), but not kept as good;
                # a file that appears later is left out until it settles.
                if stand_in is None and first_scan:
                    stand_in = replace(entry, settling=True, provisional=True)
                    with _lock:
                        _settled[item.path] = stand_in  # the stand-in while it keeps changing
                entry = stand_in
            if entry is not None:
                entries.append(entry)
    _scanned.add(str(data_dir))
    _forget_removed(data_dir, folders, seen)
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(f"{entry.key}\0{entry.digest}\0".encode())
    return Snapshot(Path(data_dir), tuple(entries), digest.hexdigest(), tuple(settling))


def written_whole(path: Path, digest: str) -> None:
    """This app renamed these bytes into place in one step: they are whole, no need to wait."""
    with _lock:
        _written_whole[str(path)] = digest


def _stand_in(folder: str, name: str, path: str, fallback: Fallback | None) -> FileBytes | None:
    """What to serve for a file still being written: its last settled bytes, else its last good version."""
    with _lock:
        kept = _settled.get(path)
    if kept is not None:
        return replace(kept, settling=True)
    data = fallback(folder, name) if fallback else None
    if data is None:
        return None  # a new file: left out until it settles
    return FileBytes(folder, name, len(data), hashlib.sha256(data).hexdigest(), data, settling=True)


def _forget_removed(data_dir: Path, folders, seen: set[str]) -> None:
    """Drop the remembered bytes of files that are gone, so memory follows what is on disk."""
    prefixes = tuple(os.path.join(str(data_dir), folder, "") for folder in folders)
    with _lock:
        for memory in (_cache, _settled, _written_whole):
            for key in [k for k in memory if k.startswith(prefixes) and k not in seen]:
                del memory[key]


def _read(folder: str, path: Path, settle: float, first_scan: bool,
          clock: Clock) -> tuple[FileBytes | None, bool]:
    """(the file's bytes, whether it has settled: always with settle 0); (None, False) if it
    cannot be read (removed meanwhile)."""
    try:
        stat = path.stat()
    except OSError:
        return None, False  # removed between the listing and now
    # ctime changes on every write and cannot be set back by a copy program, unlike mtime.
    signature = _signature(stat)
    key = str(path)
    now = clock.mono()
    with _lock:
        cached = _cache.get(key)
    if cached and cached.signature == signature and now - cached.read_at < TRUST_STAT_SECONDS:
        seen = cached
    else:
        try:
            entry, after = _read_bytes(folder, path, stat.st_size)
        except OSError:
            return None, False
        same = cached is not None and cached.entry.digest == entry.digest and cached.signature == signature
        if same:
            changed_at = cached.changed_at
        elif cached is not None or not first_scan:
            changed_at = now  # changed (or appeared) while this process watched: time it ourselves
        else:
            changed_at = None
        seen = _Seen(signature, now, entry, changed_at, steady=after == signature)
        with _lock:
            _cache[key] = seen
    if not _has_settled(key, seen, stat, settle, clock):
        return seen.entry, False
    with _lock:
        _settled[key] = seen.entry
    return seen.entry, True


def _has_settled(key: str, seen: _Seen, stat: os.stat_result, settle: float, clock: Clock) -> bool:
    if settle <= 0:
        return True
    with _lock:
        if _written_whole.get(key) == seen.entry.digest:
            return True
    if not seen.steady:
        return False  # written to while it was being read
    quiet_for = clock.wall() - max(stat.st_mtime_ns, stat.st_ctime_ns) / 1e9
    watched_for = float("inf") if seen.changed_at is None else clock.mono() - seen.changed_at
    return quiet_for >= settle and watched_for >= settle


def _signature(stat: os.stat_result) -> tuple:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def _read_bytes(folder: str, path: Path, size: int) -> tuple[FileBytes, tuple]:
    """The file's bytes and its signature once they were read (to tell whether it moved meanwhile)."""
    if size > c.MAX_FILE_BYTES:
        # Hash it in chunks so the fingerprint still follows its content, but never hold it.
        digest, total = hashlib.sha256(), 0
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                total += len(chunk)
            after = _signature(os.fstat(handle.fileno()))
        return FileBytes(folder, path.name, total, digest.hexdigest(), None), after
    with path.open("rb") as handle:
        # One read of the size we saw, +1 to notice a file that grew meanwhile (read(n)
        # reserves n bytes up front, so n is never the limit itself for a small file).
        data = handle.read(size + 1)
        if len(data) > size:
            data += handle.read(c.MAX_FILE_BYTES + 1 - len(data))
        after = _signature(os.fstat(handle.fileno()))
    if len(data) > c.MAX_FILE_BYTES:
        return _read_bytes(folder, path, len(data))
    return FileBytes(folder, path.name, len(data), hashlib.sha256(data).hexdigest(), data), after
