"""Remember results computed from one loaded dataset, for the views people come back to.

The Dataset is shared by every session and replaced only when a file changes, so a figure
derived from it (filter choices, headline tables, a map) needs computing once, not per rerun.
Frames and datasets are keyed by identity and forgotten when they are garbage-collected;
every other argument must be hashable (lists are turned into tuples). Arguments may be given by
position or by name: they are bound to the function's signature first.

Each memoised function keeps at most `keep` results and forgets the least recently used one
first: every distinct view (indicator x year x countries x language) is a new key, so without a
bound a server's memory grows with every view anyone ever opened (issue 17; measured by
`python -m bench.views_memory`). A forgotten result costs one rebuild, tens of milliseconds.
"""

from __future__ import annotations

import functools
import inspect
import threading
import weakref
from collections import OrderedDict

# Results per memoised function unless it says otherwise: far more than the views a room of
# people has open at once; the functions that build whole figures keep fewer (components/scenes.py).
KEEP = 128

_LOCK = threading.Lock()


def _by_identity(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return True
    return False


def per_dataset(function=None, *, keep: int = KEEP):
    """`@per_dataset` or `@per_dataset(keep=N)`. The wrapper's `remembered()` says how many results it holds."""
    if function is None:
        return lambda function: per_dataset(function, keep=keep)
    if keep < 1:
        raise ValueError(f"keep must be at least 1, not {keep}")
    results: OrderedDict[tuple, tuple] = OrderedDict()
    signature = inspect.signature(function)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        # Bound to the signature, defaults filled in: f(d, 2020, tx=t), f(d, 2020, t) and
        # f(d, year=2020, tx=t) are one call and one key.
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        args = tuple(tuple(a) if isinstance(a, list) else a for a in bound.args)
        named = tuple(sorted((name, tuple(a) if isinstance(a, list) else a) for name, a in bound.kwargs.items()))
        values = args + tuple(value for _, value in named)
        owners = [a for a in values if _by_identity(a)]
        key = tuple(id(a) if _by_identity(a) else a for a in args) + tuple(
            (name, id(a) if _by_identity(a) else a) for name, a in named)
        hit = results.get(key)
        if hit is not None and all(ref() is owner for ref, owner in zip(hit[0], owners)):
            with _LOCK:
                if results.get(key) is hit:  # not forgotten by another thread meanwhile
                    results.move_to_end(key)
            return hit[1]
        value = function(*args, **dict(named))
        # The callback must not take the lock: the collector may run it while this thread holds it.
        refs = [weakref.ref(owner, lambda _, key=key: results.pop(key, None)) for owner in owners]
        with _LOCK:
            results[key] = (refs, value)
            results.move_to_end(key)
            while len(results) > keep:
                results.popitem(last=False)  # its weak references go with it, and their callbacks
        return value

    wrapper.remembered = lambda: len(results)
    wrapper.keep = keep
    return wrapper
