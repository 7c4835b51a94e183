"""An indicator's display facts in the reader's language, resolved once per view and passed down.

A scene used to hand an indicator's id and the language to each helper, and each helper looked
the catalogue row, the source row and the locale's words up again (a map view read the label,
the unit's words and the source line five or six times between maps, charts and formatting).
`resolve` reads them once; the scene passes the facts to its chart builders and text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from components.charts import unit_text
from components.dataset import Dataset
from components.formatting import dated_credit, dated_line, format_number, short_source, source_line
from components.i18n import Texts, english
from components.trend_chart import time_basis_text


@dataclass(frozen=True)
class IndicatorFacts:
    id: str
    label: str  # in the reader's language
    catalogue_label: str  # the catalogue's (English) label: whether it already says 'estimate' is read here
    definition: str  # in the reader's language; '' when neither the locale nor the catalogue has one
    unit: str  # the unit numbers are written in: the catalogue's, or a view's own (per_unit)
    unit_text: str  # that unit in the reader's words, for axes, legends and hover text
    estimate: bool  # a modelled estimate (catalogue column `estimate`)
    time_basis: str
    time_basis_text: str
    migration_type: str
    denominator: str  # the indicator a per-population view divides by ('' when there is none)
    source_id: str  # as the catalogue (or the rows) name it
    source: dict  # the source's catalogue row ({} when the catalogue has none by that id)
    source_text: str  # the full source line with its edition and licence, without years
    credit_text: str  # the short credit printed inside a chart, without years
    tx: Texts

    @property
    def estimate_not_in_label(self) -> bool:
        """A modelled estimate whose (English) name does not already say so: titles add it."""
        return self.estimate and "estimate" not in self.catalogue_label

    def source_line(self, years: str | int | None = None) -> str:
        """formatting.source_line for this indicator's source, with 'Year: …' when given."""
        return dated_line(self.source_text, years, self.tx) if self.source else self.source_text

    def credit(self, years: str | int | None = None) -> str:
        """formatting.short_source for this indicator's source, with ' · years' when given."""
        return dated_credit(self.credit_text, years)

    def number(self, value: float | None) -> str:
        """A value in this unit as the reader writes it ('1.25 million', '33,5 %')."""
        return format_number(value, self.unit, self.tx)

    def per_unit(self, unit: str) -> IndicatorFacts:
        """The same indicator shown in another unit (per 1,000 residents, an index)."""
        return replace(self, unit=unit, unit_text=unit_text(unit, self.tx))


def resolve(data: Dataset, indicator: str, tx: Texts | None = None, *, source_id: str | None = None) -> IndicatorFacts:
    """Every display fact of `indicator` in the reader's language, from one read of each row.

    `source_id` names another source than the catalogue's (a row that names its own edition)."""
    meta = data.indicator(indicator)
    source_id = meta.get("source_id", "") if source_id is None else source_id
    return from_rows(indicator, meta, source_id, data.source(source_id), tx)


def from_rows(indicator: str, meta, source_id: str, source: dict, tx: Texts | None = None) -> IndicatorFacts:
    """The facts from a catalogue row (`meta`: a dict or a Series, empty when the catalogue lacks the
    indicator) and a source row already read, for code that holds the catalogues rather than a Dataset."""
    tx = tx or english()
    label = meta.get("label", indicator)
    unit = meta.get("unit", "")
    time_basis = meta.get("time_basis", "")
    return IndicatorFacts(
        id=indicator, label=tx.indicator(indicator, label), catalogue_label=label,
        definition=tx.definition(indicator, meta.get("definition", "")), unit=unit, unit_text=unit_text(unit, tx),
        estimate=meta.get("estimate") == "yes", time_basis=time_basis,
        time_basis_text=time_basis_text(time_basis, tx), migration_type=meta.get("migration_type", ""),
        denominator=meta.get("denominator") or "", source_id=source_id, source=source,
        source_text=source_line(source, tx=tx), credit_text=short_source(source, tx=tx), tx=tx)
