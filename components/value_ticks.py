"""Value-axis ticks in the reader's language: '1,5 млрд.' where plotly would write '1.5B'.

Plotly abbreviates large tick values with English letters (k, M, B) whatever the figure's language;
'2B' or '500k' means nothing to a reader of Serbian or Macedonian. For a language other than
English, an axis whose numbers reach 1,000 gets its ticks chosen here (about five round steps from
zero) and written as the language abbreviates them (Unicode CLDR's short forms, through babel).
English keeps plotly's own ticks, which also follow a zoom.
"""

from __future__ import annotations

import math

import pandas as pd
from babel.numbers import format_compact_decimal

# Below this plotly writes plain numbers, with the figure's own decimal and thousands marks.
ABBREVIATED_FROM = 1000
STEPS = (1, 2, 2.5, 5, 10)
TICKS = 5
# Bars and dots leave room past the largest value (ranked bars: 18%); ticks cover it too.
HEADROOM = 1.2


def nice_ticks(low: float, high: float, count: int = TICKS, headroom: float = 1.0) -> list[float]:
    """Round values from the lower to the upper end (zero included), about `count` steps apart
    across the values, continued `headroom` times past them (where a chart leaves room)."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high - low <= 0:
        return []
    raw = (high - low) / count
    if not raw > 0:  # a span too small to divide (a subnormal float)
        return []
    low, high = low * headroom, high * headroom
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in STEPS if s * power >= raw * (1 - 1e-9))
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    digits = max(0, 2 - math.floor(math.log10(step)))  # 0.30000000000000004 -> 0.3
    return [round(k * step, digits) for k in range(first, last + 1)]


def short_number(value: float, locale: str) -> str:
    """'2,5 хиљ.', '1,25 mil.', '2 млрд.': as short as the language writes a round number."""
    return format_compact_decimal(value, format_type="short", locale=locale, fraction_digits=2)


def localize_value_axes(traces: list[dict], layout: dict, locale: str) -> None:
    """Give every value axis whose numbers reach ABBREVIATED_FROM ticks written in `locale`.

    The value axis of a trace is x for horizontal bars and for dots placed against names (a
    dumbbell), y otherwise. An axis that already has its own ticks (the age pyramid), a category
    axis, or one of small numbers (shares, ratios) is left as it is."""
    if locale.split("_")[0] == "en":
        return
    values: dict[str, list[float]] = {}
    for trace in traces:
        axis = _value_axis(trace)
        if axis:
            name, numbers = axis
            values.setdefault(name, []).extend(numbers)
    for name, numbers in values.items():
        axis = layout.setdefault(name, {})
        if axis.get("tickvals") is not None or axis.get("type") == "category" or not numbers:
            continue
        low, high = min(numbers), max(numbers)
        if max(abs(low), abs(high)) < ABBREVIATED_FROM:
            continue
        ticks = nice_ticks(low, high, headroom=HEADROOM)
        axis.update(tickvals=ticks, ticktext=[short_number(tick, locale) for tick in ticks])


def _value_axis(trace: dict) -> tuple[str, list[float]] | None:
    x, y = _numbers(trace.get("x")), _numbers(trace.get("y"))
    horizontal = trace.get("orientation") == "h" or (y is None and x is not None)
    numbers = x if horizontal else y
    if numbers is None:
        return None
    ref = trace.get("xaxis", "x") if horizontal else trace.get("yaxis", "y")
    return f"{ref[0]}axis{ref[1:]}", numbers


def _numbers(values) -> list[float] | None:
    """The finite numbers of a trace's coordinates; None when they are names, not numbers."""
    if values is None:
        return None
    series = pd.Series(list(values), dtype="object")
    if series.empty:
        return []
    numeric = pd.to_numeric(series, errors="coerce")
    if numeric.isna().all() and series.notna().any():
        return None
    return [float(v) for v in numeric.dropna() if math.isfinite(v)]
