"""An indicator's display facts are read once per view and passed down (issue 18, item 4).

Before IndicatorFacts, building one map view wrote its source line twice and asked the language for
the unit's words twice (once in maps, once in charts), each from the indicator's id and the language.
These tests count the reads underneath while a scene is built: one of each per view. A per-population
or index view words its own unit once more (IndicatorFacts.per_unit).
"""

from __future__ import annotations

import functools
from collections import Counter

import pytest

from components import (charts, circular, circular_scenes, formatting, i18n, indicator_facts, scenes, series_scenes,
                        trend_chart)
from components.dataset import Dataset

LOOKUPS = [(Dataset, "indicator"), (Dataset, "source"), (i18n.Texts, "indicator"), (i18n.Texts, "definition")]
# The words built from them, wherever a module holds its own name for the function.
WORDING = {"source_line": (formatting, indicator_facts, scenes, series_scenes, circular_scenes),
           "short_source": (formatting, indicator_facts, scenes),
           "unit_text": (charts, trend_chart, indicator_facts)}


@pytest.fixture
def reads(monkeypatch):
    """How often each catalogue/locale lookup of an indicator and each resolution ran."""
    counts: Counter = Counter()

    def counting(owner, name, label=None):
        original = getattr(owner, name)

        @functools.wraps(original)
        def counted(*args, **kwargs):
            counts[label or f"{owner.__name__.rsplit('.', 1)[-1]}.{name}"] += 1
            return original(*args, **kwargs)
        monkeypatch.setattr(owner, name, counted)

    for owner, name in LOOKUPS:
        counting(owner, name)
    for name, modules in WORDING.items():
        for module in modules:
            if hasattr(module, name):
                counting(module, name, label=name)
    counting(indicator_facts, "resolve")
    return counts


def _built(scene_function, *args):
    """Build the scene itself, not a remembered one (components/memo.py keeps built scenes)."""
    return scene_function.__wrapped__(*args)


ONCE = {"Dataset.indicator": 1, "Dataset.source": 1, "Texts.indicator": 1, "Texts.definition": 1,
        "source_line": 1, "short_source": 1, "unit_text": 1, "indicator_facts.resolve": 1}
IN_ITS_OWN_UNIT = dict(ONCE, unit_text=2)  # per 1,000 residents, or an index: that unit is worded too


@pytest.mark.parametrize("view", ["absolute", "per_population"])
def test_a_map_view_reads_its_indicator_once(dataset, reads, view):
    scene = _built(scenes.map_scene, dataset, "emigrant_stock", 2020, (), view, i18n.texts("sr-Cyrl"))
    assert dict(reads) == (ONCE if view == "absolute" else IN_ITS_OWN_UNIT)
    assert scene.facts.label == i18n.texts("sr-Cyrl").indicator("emigrant_stock")
    assert scene.source_lines[0] == scene.facts.source_line(2020)


@pytest.mark.parametrize("view, base", [("absolute", None), ("per_population", None), ("index", 2000)])
def test_a_trends_view_reads_its_indicator_once(dataset, reads, view, base):
    _built(series_scenes.trends_scene, dataset, "emigrant_stock", ("ALB", "SRB", "MDA"), (1990, 2024), view, base,
           None, i18n.texts("mk"))
    assert dict(reads) == (ONCE if view == "absolute" else IN_ITS_OWN_UNIT)


def test_compare_and_corridor_views_read_their_indicator_once(dataset, reads):
    tx = i18n.texts("bg")
    for build, args, expected in [
            (series_scenes.ranked_scene, ("emigrant_stock", ("ALB", "SRB"), 2020, "absolute", tx), ONCE),
            (series_scenes.ranked_scene, ("emigrant_stock", ("ALB", "SRB"), 2020, "per_population", tx), IN_ITS_OWN_UNIT),
            (series_scenes.change_scene, ("emigrant_stock", ("ALB", "SRB"), 1995, 2020, tx), ONCE),
            (scenes.corridor_scene, ("emigrant_stock", "MKD", 2020, tx), ONCE)]:
        reads.clear()
        _built(build, dataset, *args)
        assert dict(reads) == expected, (build.__name__, args)


def test_a_circular_chart_reads_its_indicator_once(dataset, reads):
    _built(circular_scenes.returning_scene, dataset, "MDA", i18n.texts("ro"))
    assert dict(reads) == ONCE


def test_the_facts_say_what_the_formatting_functions_say(dataset):
    """The dated lines are the same words formatting.source_line and short_source write."""
    for code in ("en", "sr-Cyrl", "sq"):
        tx = i18n.texts(code)
        for indicator in (circular.RETURNS, "emigrant_stock", "remittances_pct_gdp", "no_such_indicator"):
            facts = indicator_facts.resolve(dataset, indicator, tx)
            source = dataset.source(dataset.indicator(indicator).get("source_id", ""))
            for years in (None, "", 2020, "1990–2024"):
                assert facts.source_line(years) == formatting.source_line(source, years, tx)
                assert facts.credit(years) == formatting.short_source(source, years, tx)
            assert facts.number(1_250_000) == formatting.format_number(1_250_000, facts.unit, tx)
    estimate = indicator_facts.resolve(dataset, circular.RETURNS)
    assert estimate.estimate and estimate.estimate_not_in_label is ("estimate" not in estimate.catalogue_label)
