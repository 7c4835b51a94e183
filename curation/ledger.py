"""Book-keeping that makes 'no silent drops' checkable: every source row is kept or accounted for."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from components.countries import resolve_country


class CurationError(RuntimeError):
    """A sanity check failed: the curated files are not written."""


@dataclass
class Ledger:
    source_file: str
    rows_in: int = 0
    dropped: list[tuple[str, int]] = field(default_factory=list)
    used: int = 0
    notes: list[str] = field(default_factory=list)

    def drop(self, frame: pd.DataFrame, mask: pd.Series, reason: str) -> pd.DataFrame:
        """Remove rows for a stated reason and remember how many."""
        count = int(mask.sum())
        if count:
            self.dropped.append((reason, count))
        return frame[~mask]

    def close(self, used: int) -> None:
        self.used = used
        accounted = used + sum(count for _, count in self.dropped)
        if accounted != self.rows_in:
            raise CurationError(
                f"{self.source_file}: {self.rows_in} rows read but {accounted} accounted for "
                f"({used} used, {self.dropped}); a row was dropped silently."
            )


def resolve_names(names: pd.Series, source_file: str, not_countries: set[str]) -> pd.Series:
    """Map source labels to ISO3; fail hard on a label that is neither a country nor listed."""
    unique = pd.Series(names.unique())
    resolved = {name: resolve_country(name) for name in unique}
    unknown = sorted(n for n, code in resolved.items() if code is None and n not in not_countries)
    if unknown:
        raise CurationError(f"{source_file}: labels that are neither countries nor known "
                            f"aggregates: {unknown}. Add them to the alias table or the drop list.")
    return names.map(resolved)
