"""The take-home slides (one offline HTML file) and the corridor map as a PNG picture."""

from __future__ import annotations

import html
import io
import json
import re

import pytest
from PIL import Image

from components import deck_picture, i18n, scenes, story_export, views
from components.corridors import legend_keys


@pytest.fixture(scope="module")
def english_file(dataset, default_story):
    slides, _ = default_story
    return story_export.story_html(slides, dataset, i18n.texts("en"), story="default")


def test_every_slide_is_in_the_file_with_its_chart_and_source(english_file, default_story):
    slides, _ = default_story
    sections = re.findall(r'<section class="slide" id="slide-(\d+)">(.*?)</section>', english_file, re.S)
    assert [int(number) for number, _ in sections] == [slide.number for slide in slides]
    for slide, (_, section) in zip(slides, sections):
        assert f"<h1>{html.escape(slide.title)}</h1>" in section
        assert f'<p class="message">{html.escape(slide.message)}</p>' in section
        assert '<p class="source">Source: ' in section
        chart = re.search(r'data-figure="(figure-\d+)"|<img src="data:image/png;base64,', section)
        assert chart, f"slide {slide.number} has no chart"
        if chart.group(1):  # a plotly figure, as JSON, drawn when the slide is shown
            figure = json.loads(re.search(rf'id="{chart.group(1)}">(.*?)</script>', section, re.S)
                                .group(1).replace("<\\/", "</"))
            assert figure["data"] and figure["layout"]["title"]["text"]
    corridors = [s for s in slides if s.view.page == "corridors"]
    assert corridors and english_file.count('<img src="data:image/png;base64,') == len(corridors)


def test_the_file_needs_no_network(english_file):
    # plotly.js is inlined (no CDN), no stylesheet or font is linked, and no map tiles are asked for.
    assert "<script src" not in english_file and "<link" not in english_file
    assert english_file.count("<script>") >= 3 and "Plotly.newPlot" in english_file
    assert len(english_file) > 4_000_000  # plotly.js itself is about 4.8 MB
    assert '"style":"white-bg"' in english_file.replace(" ", "")  # the tile map style that loads nothing


def test_the_file_is_in_the_chosen_language_with_keyboard_navigation(dataset, default_story):
    slides, _ = default_story
    tx = i18n.texts("sr-Cyrl")
    text = story_export.story_html(slides, dataset, tx, story="default")
    assert '<html lang="sr-Cyrl">' in text
    assert html.escape(slides[0].text("title", tx)) in text and slides[0].text("title", tx) != slides[0].title
    assert tx("present.next") in text and tx("story_export.keys_hint") in text
    for key in ("ArrowRight", "ArrowLeft", "PageDown", "PageUp"):
        assert f"'{key}'" in text


def test_speaker_notes_only_when_asked(dataset, default_story, english_file):
    slides, _ = default_story
    noted = [slide for slide in slides if slide.note]
    assert noted
    assert "Speaker notes" not in english_file.split("<main>", 1)[1]
    with_notes = story_export.story_html(slides, dataset, i18n.texts("en"), story="default", notes=True)
    assert with_notes.count('<details class="notes">') == len(noted)
    assert html.escape(noted[0].note) in with_notes


def _corridor_picture(dataset, language: str) -> tuple[bytes, object]:
    tx = i18n.texts(language)
    scene = scenes.corridor_scene(dataset, "emigrant_stock", "MDA", 2020, tx)
    partners = views.partners(dataset.observations, "emigrant_stock", "MDA", 2020)
    png = deck_picture.corridor_png(scene.figure, title=tx("corridors.page_title"), source=scene.source_lines[0],
                                    legend=[(c, label) for c, label, _ in legend_keys(partners, "persons", tx)])
    return png, scene.figure


@pytest.mark.parametrize("language", ["en", "sr-Cyrl"])
def test_a_corridor_map_becomes_a_png_with_its_shapes_and_arcs(dataset, language):
    png, deck = _corridor_picture(dataset, language)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    assert picture.width == deck_picture.WIDTH and picture.height > deck_picture.MAP_HEIGHT + 150
    colours = set(picture.get_flattened_data())
    # The chosen country's orange, the darkest class's blue and the title's ink are all drawn.
    assert (230, 159, 0) in colours
    assert any(abs(r - 8) < 30 and abs(g - 81) < 30 and abs(b - 156) < 30 for r, g, b in colours)
    assert deck_picture.TEXT in colours


def test_the_map_picture_follows_the_decks_view(dataset):
    _, deck = _corridor_picture(dataset, "en")
    picture = deck_picture.map_image(deck)
    assert picture.size == (deck_picture.WIDTH, deck_picture.MAP_HEIGHT)
    project = deck_picture.projection(deck, *picture.size)
    # Chișinău is inside Moldova, the chosen country (orange); Madrid is in Spain, a partner (a blue class).
    moldova = picture.getpixel(tuple(round(v) for v in project(28.86, 47.01)))
    spain = picture.getpixel(tuple(round(v) for v in project(-3.7, 40.4)))
    assert max(abs(a - b) for a, b in zip(moldova, (230, 159, 0))) < 40, moldova
    assert spain[2] > spain[0] + 60, spain
