"""Every page in every language through AppTest; no English left on the Serbian pages."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from components import i18n, pages_registry
from tests.conftest import REPO

TIMEOUT = 120
# Every page everyone sees (components/pages_registry.py); the home page opens without switching.
PAGES = {page.slug: None if page.default else page.script for page in pages_registry.public()}
# The interface texts checked on the Serbian pages: the shared ones, and each page's own table.
SHARED_TABLES = ("filters.", "language.", "common.no_data")
PAGE_TABLES = {page.slug: (page.texts + ".",) for page in pages_registry.public()}


def open_page(page: str, language: str) -> AppTest:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    app.query_params["lang"] = language
    app.run()
    if PAGES[page]:
        app.switch_page(PAGES[page]).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def shown_text(app: AppTest) -> str:
    """Everything a reader sees as text: prose, labels, options, table headings, chart titles."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [str(element.value) for element in getattr(app, kind)]
    for kind in ("button", "selectbox", "multiselect", "radio", "select_slider", "slider", "checkbox",
                 "toggle", "text_input", "number_input", "metric", "tabs", "expander"):
        for element in getattr(app, kind, []):
            parts.append(str(getattr(element, "label", "")))
            parts += [str(option) for option in getattr(element, "options", [])]
    for element in list(app.dataframe) + list(app.table):
        parts += [str(column) for column in element.value.columns]
    for chart in app.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        layout = spec.get("layout", {})
        parts.append(json.dumps(layout.get("title", ""), ensure_ascii=False))
        parts += [json.dumps(layout.get(axis, {}).get("title", ""), ensure_ascii=False)
                  for axis in ("xaxis", "yaxis")]
    return "\n".join(parts)


def english_phrases(page: str) -> dict[str, str]:
    """The English texts of the page's own keys, cut at placeholders into pieces long enough to be telling."""
    english, _ = i18n.read_strings("en")
    prefixes = SHARED_TABLES + PAGE_TABLES[page]
    phrases = {}
    for key, text in english.items():
        if not key.startswith(prefixes):
            continue
        for piece in re.split(r"\{[^}]*\}|\*\*", text):
            piece = piece.strip(" .,:;()–-*")
            if len(piece) >= 12 and len(piece.split()) >= 2:
                phrases[piece] = key
    return phrases


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_in_every_language(page, language):
    app = open_page(page, language)
    assert app.query_params.get("lang") in (language, [language])
    assert shown_text(app).strip()


@pytest.mark.parametrize("language", ["sr-Latn", "sr-Cyrl"])
@pytest.mark.parametrize("page", list(PAGES))
def test_no_english_interface_text_is_left_on_the_serbian_pages(page, language):
    text = shown_text(open_page(page, language))
    left = {phrase: key for phrase, key in english_phrases(page).items() if phrase in text}
    assert not left, f"English left on the {language} {page} page: {left}"
    if language == "sr-Cyrl":
        assert len(re.findall("[А-Яа-яЂђЉљЊњЋћЏџЈј]", text)) > 50


def test_country_names_and_numbers_follow_the_language_on_the_overview():
    text = shown_text(open_page("overview", "sr-Cyrl"))
    assert "Северна Македонија" in text and "Косово*" in text
    english = shown_text(open_page("overview", "en"))
    assert "North Macedonia" in english
