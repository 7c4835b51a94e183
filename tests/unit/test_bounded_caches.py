"""Every cache has a size bound: the least recently used result goes first, a result still in use
stays and is reused, and no number of distinct views makes a cache grow past its bound (issue 17)."""

from __future__ import annotations

import ast
import gc
import itertools
from pathlib import Path

import pandas as pd
import pytest

from components import i18n, scenes
from components.countries import REGION
from components.memo import KEEP, per_dataset

REPO = Path(__file__).resolve().parents[2]


def counted(keep: int):
    """A memoised function over a frame and a number, and the list of arguments it really computed."""
    computed = []

    @per_dataset(keep=keep)
    def total_plus(frame: pd.DataFrame, number: int) -> float:
        computed.append(number)
        return float(frame["value"].sum()) + number

    return total_plus, computed


@pytest.fixture
def frame():
    return pd.DataFrame({"value": [1.0, 2.0, 3.0]})


def test_a_remembered_result_is_reused_while_within_the_bound(frame):
    total_plus, computed = counted(keep=3)
    first = total_plus(frame, 1)
    assert first == 7.0
    assert total_plus(frame, 1) == 7.0 and computed == [1]  # a hit: not computed again
    total_plus(frame, 2)
    total_plus(frame, 3)
    assert total_plus(frame, 1) == 7.0 and computed == [1, 2, 3]  # three kept, three asked: all hits


def test_arguments_by_name_or_by_position_are_one_call(frame):
    computed = []

    @per_dataset
    def scaled(frame: pd.DataFrame, factor: int, *, offset: int = 0) -> float:
        computed.append((factor, offset))
        return float(frame["value"].sum()) * factor + offset

    assert scaled(frame, 2) == scaled(frame, factor=2) == scaled(frame=frame, factor=2, offset=0) == 12.0
    assert computed == [(2, 0)]  # one key: bound to the signature, the default filled in
    assert scaled(frame, 2, offset=1) == 13.0 and computed == [(2, 0), (2, 1)]
    assert scaled(frame, [1][0], offset=1) == 7.0 and scaled.remembered() == 3


def test_the_least_recently_used_result_goes_first_and_a_recently_used_one_stays(frame):
    total_plus, computed = counted(keep=3)
    for number in (1, 2, 3):
        total_plus(frame, number)
    total_plus(frame, 1)  # 1 is now the most recently used, 2 the least
    total_plus(frame, 4)  # one over the bound: 2 goes
    assert total_plus.remembered() == 3
    computed.clear()
    total_plus(frame, 1)
    total_plus(frame, 3)
    total_plus(frame, 4)
    assert computed == [], "a recently used result was forgotten"
    total_plus(frame, 2)
    assert computed == [2], "the least recently used result was kept"


def test_the_bound_holds_however_many_distinct_views_are_asked_for(frame):
    total_plus, computed = counted(keep=5)
    for number in range(1000):
        total_plus(frame, number)
        assert total_plus.remembered() <= 5
    assert len(computed) == 1000
    computed.clear()
    for number in range(995, 1000):  # the last five are the ones kept
        total_plus(frame, number)
    assert computed == []


def test_a_result_is_forgotten_when_its_frame_is_gone():
    total_plus, computed = counted(keep=10)
    frames = [pd.DataFrame({"value": [float(n)]}) for n in range(4)]
    for frame in frames:
        total_plus(frame, 0)
    assert total_plus.remembered() == 4
    del frame, frames
    gc.collect()
    assert total_plus.remembered() == 0


def test_a_frame_equal_in_value_but_another_object_is_not_mistaken_for_the_first(frame):
    total_plus, computed = counted(keep=10)
    total_plus(frame, 1)
    other = frame.copy()
    other["value"] = [10.0, 20.0, 30.0]
    assert total_plus(other, 1) == 61.0 and computed == [1, 1]


def test_the_plain_decorator_keeps_the_default_bound_and_a_bound_below_one_is_refused(frame):
    @per_dataset
    def doubled(frame: pd.DataFrame, number: int) -> int:
        return 2 * number

    assert doubled.keep == KEEP
    for number in range(KEEP + 50):
        doubled(frame, number)
    assert doubled.remembered() == KEEP
    with pytest.raises(ValueError):
        per_dataset(keep=0)(lambda frame: frame)


def test_map_views_past_the_bound_forget_the_oldest_and_keep_the_recent(dataset):
    """The case issue 17 names: every distinct map view (indicator x year x countries x language)
    used to keep a figure for as long as the dataset lived."""
    keep = scenes.map_scene.keep
    languages = [i18n.texts(code) for code in i18n.LANGUAGES]
    country_sets = [tuple(codes) for size in (1, 2) for codes in itertools.combinations(REGION, size)]
    views = [(year, countries, tx) for year in (2020, 2024) for countries in country_sets for tx in languages]
    assert len(views) > keep + 1
    oldest = scenes.map_scene(dataset, "emigrant_stock", *views[0][:2], "absolute", views[0][2])
    for year, countries, tx in views[1:keep + 1]:
        scenes.map_scene(dataset, "emigrant_stock", year, countries, "absolute", tx)
        assert scenes.map_scene.remembered() <= keep
    assert scenes.map_scene.remembered() == keep
    recent = views[keep]
    again = scenes.map_scene(dataset, "emigrant_stock", *recent[:2], "absolute", recent[2])
    assert scenes.map_scene(dataset, "emigrant_stock", *recent[:2], "absolute", recent[2]) is again
    rebuilt = scenes.map_scene(dataset, "emigrant_stock", *views[0][:2], "absolute", views[0][2])
    assert rebuilt is not oldest and rebuilt.token != oldest.token  # forgotten, so built again
    assert rebuilt.alt == oldest.alt  # ... and built the same


def test_an_unknown_language_code_does_not_add_a_cache_entry():
    # The language comes from the link (?lang=); a made-up code must not keep a copy of the texts each.
    assert all(i18n.texts(f"xx-{n}") is i18n.texts(i18n.DEFAULT) for n in range(50))


def _caches_without_a_bound(path: Path, root: Path = REPO) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            name = ast.unparse(call.func if call else decorator)
            keywords = {k.arg: k.value for k in call.keywords} if call else {}
            unbounded = (
                name in ("functools.cache", "cache")
                or (name.endswith(("cache_data", "cache_resource"))
                    and not (isinstance(keywords.get("max_entries"), ast.Constant)
                             and keywords["max_entries"].value is not None))
                or (name.endswith("lru_cache") and call is not None
                    and isinstance(keywords.get("maxsize", call.args[0] if call.args else None), ast.Constant)
                    and keywords.get("maxsize", call.args[0] if call.args else None).value is None)
            )
            if unbounded:
                found.append(f"{path.relative_to(root)}:{node.lineno} {node.name} ({name})")
    return found


def test_no_cache_in_the_app_is_declared_without_a_size_bound():
    files = [REPO / "app.py", *sorted((REPO / "components").rglob("*.py")), *sorted((REPO / "pages").rglob("*.py"))]
    assert len(files) > 20
    unbounded = [where for path in files for where in _caches_without_a_bound(path)]
    assert unbounded == []


def test_the_check_for_unbounded_caches_finds_each_unbounded_form(tmp_path):
    # The test above must be able to fail: each unbounded form is found, the bounded ones are not.
    source = ("import functools\nimport streamlit as st\nfrom functools import lru_cache\n"
              "@lru_cache(maxsize=None)\ndef a(x): pass\n@functools.cache\ndef b(x): pass\n"
              "@st.cache_data\ndef c(x): pass\n@st.cache_resource(max_entries=None)\ndef d(x): pass\n"
              "@lru_cache(maxsize=8)\ndef e(x): pass\n@st.cache_data(max_entries=4)\ndef f(x): pass\n"
              "@lru_cache\ndef g(x): pass\n")
    path = tmp_path / "sample.py"
    path.write_text(source, encoding="utf-8")
    found = [where.split()[1] for where in _caches_without_a_bound(path, tmp_path)]
    assert found == ["a", "b", "c", "d"]


def test_the_memory_benchmark_opens_only_different_map_views_that_the_map_can_show(dataset):
    from urllib.parse import parse_qs

    from bench.views_memory import MAP_SHOWS, distinct_views
    from components import filters, views

    links = distinct_views(300)
    assert len(set(links)) == 300
    totals = views.split(dataset.observations)[0]
    options = filters.choices(dataset.observations, dataset.indicators)
    seen = set()
    for link in links:
        page, _, query = link.partition("?")
        params = {key: values[0] for key, values in parse_qs(query).items()}
        assert page == "map" and params["view"] in MAP_SHOWS and params["lang"] in i18n.LANGUAGES
        assert params["indicator"] in options.indicators[params["type"]]
        assert int(params["year"]) in set(totals[params["indicator"]]["year"])
        countries = tuple(params["countries"].split(","))
        assert countries and set(countries) <= set(REGION)
        seen.add((params["indicator"], params["year"], countries, params["lang"], params["view"]))
    assert len(seen) == 300  # different as the memo sees them, not only as text
    assert len({key[0] for key in seen}) > 3 and len({key[3] for key in seen}) == len(i18n.LANGUAGES)
