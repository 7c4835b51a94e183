"""Presenter slides in the reader's language: chart text from the data, the author's own wording, problems."""

from __future__ import annotations

import re

import pytest

from components import stories
from components.i18n import texts
from tests.conftest import DATA

CYRILLIC = re.compile("[А-Яа-яЂђЉљЊњЋћЏџЈј]")
COMPARE_2020 = ("slides:\n  - title: How many people from each country live abroad\n    message: m\n"
                "    view: {page: compare, indicator: emigrant_stock, year: 2020, countries: all}\n")



def _parse(dataset, text: str):
    return stories.parse_stories(text.encode("utf-8"), "stories/test.yaml", dataset)


def test_a_slide_built_in_serbian_cyrillic_has_cyrillic_titles_names_and_serbian_numbers(dataset):
    [slide], _ = _parse(dataset, COMPARE_2020)
    figure, _, lines = stories.slide_figure(slide, dataset, tx=texts("sr-Cyrl"))
    title = figure.layout.title.text
    assert CYRILLIC.search(title) and title.endswith(", 2020") and "Emigrants" not in title
    bars = figure.data[0]
    assert "Црна Гора" in bars.y and "Северна Македонија" in bars.y and "Montenegro" not in bars.y
    # Montenegro's 94,731 emigrants in 2020 (UN DESA 2024 edition), written with Serbian thousands marks.
    assert "94.731" in bars.text
    assert figure.layout.separators == ",."
    assert lines[0].startswith("Извор:") and "Година: 2020." in lines[0]
    assert "Извор:" in figure.layout.annotations[-1].text


def test_the_english_slide_is_unchanged_and_each_language_is_built_separately(dataset):
    [slide], _ = _parse(dataset, COMPARE_2020)
    english = stories.slide_figure(slide, dataset)[0]
    cyrillic = stories.slide_figure(slide, dataset, tx=texts("sr-Cyrl"))[0]
    romanian = stories.slide_figure(slide, dataset, tx=texts("ro"))[0]
    assert english.layout.title.text.startswith("Emigrants") and "94,731" in english.data[0].text
    assert len({english.layout.title.text, cyrillic.layout.title.text, romanian.layout.title.text}) == 3
    # Built once per dataset and language: asking again gives the same figure, not the other language's.
    assert stories.slide_figure(slide, dataset, tx=texts("sr-Cyrl"))[0] is cyrillic
    assert stories.slide_figure(slide, dataset)[0] is english


def test_every_default_slide_can_be_shown_in_every_language(dataset):
    slides, _ = stories.read_stories(DATA / "stories" / "default.yaml", dataset)
    for code in ("sr-Cyrl", "mk", "bg"):
        for slide in slides:
            figure, table, lines = stories.slide_figure(slide, dataset, tx=texts(code))
            assert len(table) and CYRILLIC.search(lines[0]), (code, slide.number)
            title = getattr(getattr(figure, "layout", None), "title", None)
            if title is not None:  # plotly figures; the corridor decks carry no title
                assert CYRILLIC.search(title.text), (code, slide.number, title.text)


def test_countries_without_figures_are_named_in_the_language(dataset):
    text = ("slides:\n  - title: T\n    message: m\n    view: {page: trends, indicator: returning_nationals, "
            "countries: 'MDA,SRB,ALB', from: 2010, to: 2023}\n")
    [slide], _ = _parse(dataset, text)
    lines = stories.slide_figure(slide, dataset, tx=texts("ro"))[2]
    assert lines[-1] == "Nu există date pentru: Serbia, Albania."
    assert stories.slide_figure(slide, dataset)[2][-1] == "No figures for: Serbia, Albania."


def test_a_slide_may_carry_its_own_wording_per_language(dataset):
    text = """
slides:
  - title: {en: Money sent home, sr-Cyrl: Дознаке из иностранства, ro: Bani trimiși acasă}
    message: Remittances were worth a sixth of GDP in Kosovo*.
    message_sr-Latn: Doznake su činile šestinu BDP-a Kosova*.
    note_mk: Белешка за презентерот.
    view: {page: compare, indicator: remittances_pct_gdp, year: 2024, countries: all}
"""
    [slide], report = _parse(dataset, text)
    assert report.problems == [], [p.message for p in report.problems]
    assert slide.title == "Money sent home" and slide.message.startswith("Remittances")
    assert slide.text("title", texts("sr-Cyrl")) == "Дознаке из иностранства"
    assert slide.text("title", "ro") == "Bani trimiși acasă"
    assert slide.text("title", "bg") == "Money sent home", "a language without its own wording shows the authored text"
    assert slide.text("message", "sr-Latn").startswith("Doznake") and slide.text("message", "sr-Cyrl") == slide.message
    # A note written for one language only is the slide's note in every language.
    assert slide.text("note", "mk") == slide.text("note", "en") == "Белешка за презентерот."


def test_a_slide_written_only_in_another_language_uses_it_as_its_text(dataset):
    text = ("slides:\n  - title: {sr-Cyrl: Дознаке}\n    message: {sr-Cyrl: Порука.}\n"
            "    view: {page: compare, indicator: remittances_pct_gdp, year: 2024}\n")
    [slide], report = _parse(dataset, text)
    assert slide.title == "Дознаке" and slide.message == "Порука." and not report.problems


def test_an_unknown_language_is_a_warning_and_the_slide_still_plays(dataset):
    text = ("slides:\n  - title: {en: T, de: Titel}\n    message: m\n    title_xx: wrong\n"
            "    view: {page: compare, indicator: emigrant_stock, year: 2020}\n")
    [slide], report = _parse(dataset, text)
    assert slide.title == "T"
    assert {(p.column, p.value) for p in report.problems} == {("title", "de"), ("title_xx", "title_xx")}
    assert {p.severity for p in report.problems} == {"warning"}
    assert "sr-Cyrl" in report.problems[0].expected


def test_a_skipped_slide_is_explained_in_the_readers_language(dataset):
    text = "slides:\n  - title: Broken\n    message: m\n    view: {page: pie_chart}\n"
    _, report = _parse(dataset, text)
    [problem] = [p for p in report.problems if p.check == "slide-skipped"]
    english = problem.message
    assert "Slide 1 (line 2)" in english and "Use one of these page names." in english
    serbian = problem.message_in(texts("sr-Cyrl"))
    assert "Слајд 1 (ред 2)" in serbian and "Користите један од ових назива страница." in serbian
    assert "'pie_chart'" in serbian and "Use one of" not in serbian
    assert problem.message == english, "the stored problem stays English for logs and exports"
