"""Remember results computed from one loaded dataset for as long as that dataset lives.

The Dataset is shared by every session and replaced only when a file changes, so a figure
derived from it (filter choices, headline tables, a map) needs computing once, not per rerun.
Frames and datasets are keyed by identity and forgotten when they are garbage-collected;
every other argument must be hashable (lists are turned into tuples).
"""

from __future__ import annotations

import functools
import threading
import weakref

_LOCK = threading.Lock()


def _by_identity(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return True
    return False


def per_dataset(function):
    results: dict[tuple, tuple] = {}

    @functools.wraps(function)
    def wrapper(*args):
        args = tuple(tuple(a) if isinstance(a, list) else a for a in args)
        owners = [a for a in args if _by_identity(a)]
        key = tuple(id(a) if _by_identity(a) else a for a in args)
        hit = results.get(key)
        if hit is not None and all(ref() is owner for ref, owner in zip(hit[0], owners)):
            return hit[1]
        value = function(*args)
        refs = [weakref.ref(owner, lambda _, key=key: results.pop(key, None)) for owner in owners]
        with _LOCK:
            results[key] = (refs, value)
        return value

    return wrapper
