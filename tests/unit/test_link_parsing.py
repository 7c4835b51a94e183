"""Numbers and names read from a link (or a story's view): any text is parsed, none raises.

The texts a link can carry are drawn by hypothesis: digits from other scripts ('²', '٢٠٢٠'),
control characters, 100 kB values and Markdown, beside the values a real link has.
"""

from __future__ import annotations

from functools import cache

from hypothesis import example, given, settings, strategies as st

from components import filters, i18n, stories
from components.dataset import load_dataset
from components.i18n import Phrase
from components.markdown_text import ECHO_LIMIT
from tests.conftest import DATA
from tests.hostile_text import HOSTILE_MARKDOWN, link_texts
from tests.markdown_reading import markup_in

LINK_KEYS = ("countries", "type", "indicator", "year", "from", "to", "view")


@cache
def shipped():
    # Not a fixture: hypothesis prints a failing example's arguments, and a dataset is large.
    return load_dataset(DATA, keep_history=False)


@given(link_texts())
@example("²")
@example("٢٠٢٠")
@example("9" * 5000)
def test_a_whole_number_is_plain_ascii_digits_or_nothing(text):
    number = filters.whole_number(text)
    if number is None:
        assert not (text.strip().isascii() and text.strip().isdigit() and len(text.strip()) <= 9)
    else:
        assert str(number) == text.strip().lstrip("0") or (number == 0 and set(text.strip()) == {"0"})


@given(st.integers(min_value=0, max_value=999_999_999))
def test_every_plain_number_reads_as_itself(number):
    assert filters.whole_number(str(number)) == number
    assert filters.whole_number(f" {number}\n") == number


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(LINK_KEYS + ("since", "zzz")), link_texts(), max_size=len(LINK_KEYS)))
@example({"year": "²"})
@example({"from": "²", "to": "2020"})
@example({"type": "x" * 100_000})
def test_any_link_gives_a_selection_with_real_years_and_short_escaped_notices(params):
    dataset = shipped()
    options = filters.choices(dataset.observations, dataset.indicators)
    selection, notices = filters.parse_query(params, options)
    years = options.years.get(selection.indicator, [])
    assert selection.year is None or selection.year in years
    assert selection.years is None or (selection.years[0] in years and selection.years[1] in years)
    for notice in notices:
        assert isinstance(notice, Phrase)
        assert all(len(value) <= ECHO_LIMIT for value in notice.params.values() if isinstance(value, str)
                   and not isinstance(value, Phrase))
        for code in ("en", "sr-Cyrl"):
            shown = i18n.texts(code).markdown(notice)
            assert len(shown) < 1000
            assert markup_in(shown) == [], shown


def test_a_link_naming_an_indicator_without_its_type_opens_that_indicator():
    # A shortened link (?indicator=remittances_usd, no type=) opens remittances, without a notice;
    # a type that contradicts the indicator still says so.
    dataset = shipped()
    options = filters.choices(dataset.observations, dataset.indicators)
    for indicator in ("remittances_usd", "return_flow_5yr", "immigrant_stock", "emigrant_stock_ims2020"):
        selection, notices = filters.parse_query({"indicator": indicator}, options)
        kind = dataset.indicators.set_index("id").at[indicator, "migration_type"]
        assert (selection.indicator, selection.migration_type, notices) == (indicator, kind, []), indicator
    selection, notices = filters.parse_query({"indicator": "remittances_usd", "type": "Emigration"}, options)
    assert selection.migration_type == "Emigration" and selection.indicator != "remittances_usd"
    assert [n.key for n in notices] == ["filters.unknown_indicator"]
    selection, notices = filters.parse_query({"indicator": "no_such_thing"}, options)
    assert [n.key for n in notices] == ["filters.unknown_indicator"]


def test_a_superscript_year_in_a_link_is_a_notice_not_a_crash():
    dataset = shipped()
    options = filters.choices(dataset.observations, dataset.indicators)
    selection, notices = filters.parse_query({"year": "²", "from": "²", "to": "²"}, options)
    assert selection.year is None and selection.years is None
    assert [n.key for n in notices] == ["filters.bad_year"] * 3


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["year", "from", "to"]), link_texts())
@example("year", "²")
@example("from", "٣")
def test_a_story_slide_with_any_year_plays_or_is_skipped_with_a_problem(key, year):
    page = "map" if key == "year" else "trends"  # the pages that read that parameter
    text = ("slides:\n  - title: A slide\n    message: A message.\n    view:\n"
            f"      page: {page}\n      indicator: emigrant_stock\n"
            f"      {key}: {_yaml_string(year)}\n")
    slides, report = stories.parse_stories(text.encode("utf-8"), "stories/test.yaml", shipped())
    assert len(slides) + len(report.problems) >= 1
    if year.strip() and filters.whole_number(year) is None:
        assert [p.column for p in report.problems if p.check == "slide-skipped"] == [f"view.{key}"]
    for problem in report.problems:
        assert i18n.english().markdown(problem.message)


def _yaml_string(text: str) -> str:
    # A double-quoted YAML scalar holding exactly `text` (JSON strings are valid YAML).
    import json
    return json.dumps(text)


def test_a_link_range_wider_than_the_data_shows_the_years_inside_it_without_a_notice():
    # A colleague's link 1990-2024 for remittances (figures from 1992): the chart shows 1992-2024,
    # as the link meant, and says nothing is wrong. Open ends run to the first or last year.
    dataset = shipped()
    options = filters.choices(dataset.observations, dataset.indicators)
    years = options.years["remittances_usd"]
    cases = [({"from": "1990", "to": "2024"}, (years[0], 2024)), ({"from": "1800", "to": "3000"}, (years[0], years[-1])),
             ({"from": "2001"}, (2001, years[-1])), ({"to": "2001"}, (years[0], 2001)), ({}, None)]
    for params, expected in cases:
        selection, notices = filters.parse_query({"indicator": "remittances_usd", **params}, options)
        assert (selection.years, notices) == (expected, []), params
    assert years[0] > 1990  # so that the first case is a range wider than the data


def test_a_link_range_without_a_year_of_data_or_reversed_falls_back_to_all_years_with_one_notice():
    dataset = shipped()
    options = filters.choices(dataset.observations, dataset.indicators)
    for params, key in [({"from": "1800", "to": "1850"}, "filters.bad_year"), ({"from": "2020", "to": "1995"}, "link_notices.range_incomplete"),
                        ({"from": "abc", "to": "2020"}, "filters.bad_year")]:
        selection, notices = filters.parse_query({"indicator": "remittances_usd", **params}, options)
        assert selection.years is None and [n.key for n in notices] == [key], (params, notices)
