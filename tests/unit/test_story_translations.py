"""The default story in every language of the dashboard: each slide's title, message and note translated,
with the English figures written the language's way, and the sr-Cyrl text the sr-Latn text transliterated."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from components import i18n, stories
from components.i18n import texts
from tests.conftest import DATA

STORY = DATA / "stories" / "default.yaml"
TRANSLATIONS = ("sr-Latn", "sr-Cyrl", "mk", "bg", "ro", "sq")
CYRILLIC_LANGUAGES = ("sr-Cyrl", "mk", "bg")
CYRILLIC = re.compile("[\u0400-\u04ff]")
LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
# Names kept in Latin letters in the Cyrillic texts: the source and the model's authors, as the
# chart's source line writes them.
LATIN_IN_CYRILLIC = ("UN DESA", "Abel & Cohen")

SPACES = "[ \u00a0\u202f]"  # a plain, no-break or narrow no-break space between thousands
# (decimal mark, thousands mark as a regex) of each language: 1,250,451.5 / 1.250.451,5 / 1 250 451,5
MARKS = {"en": (".", ","), "sr-Latn": (",", r"\."), "sr-Cyrl": (",", r"\."), "mk": (",", r"\."),
         "ro": (",", r"\."), "bg": (",", SPACES), "sq": (",", SPACES)}




def numbers(text: str, language: str) -> list[float]:
    """Every figure in the text as a float, read with the language's decimal and thousands marks."""
    decimal, thousands = MARKS[language]
    pattern = rf"(?<![\d,.])(?:\d{{1,3}}(?:{thousands}\d{{3}})+|\d+)(?:{re.escape(decimal)}\d+)?"
    found = []
    for match in re.finditer(pattern, text):
        whole, _, fraction = re.sub(SPACES, "", match.group()).partition(decimal)
        found.append(float(re.sub(r"[.,]", "", whole) + "." + (fraction or "0")))
    return sorted(found)


def versions(slide: stories.Slide) -> dict[tuple[str, str], str]:
    return {(field, code): text for field, code, text in slide.translations}


def english_fields(slide: stories.Slide) -> list[str]:
    return [field for field in stories.TEXT_FIELDS if getattr(slide, field)]


def test_the_number_reader_reads_each_languages_marks():
    assert numbers("In 2020, from about 130,000 to 1,250,451.5 and 23.1%", "en") == [23.1, 2020, 130_000, 1_250_451.5]
    assert numbers("2020. godine 130.000 lica, 1.250.451 i 23,1%.", "sr-Latn") == [23.1, 2020, 130_000, 1_250_451]
    assert numbers("През 2020 г. 130\u00a0000 души, 1 250 451 и 23,1%", "bg") == [23.1, 2020, 130_000, 1_250_451]
    assert numbers("2015–2020, 25-те", "mk") == [25, 2015, 2020]
    # The marks above are the ones the dashboard itself writes numbers with.
    for code, (decimal, thousands) in MARKS.items():
        assert numbers(texts(code).number(1_250_451.5, 1), code) == [1_250_451.5], code


def test_the_story_loads_without_problems_and_every_language_is_a_dashboard_language(default_story):
    slides, report = default_story
    assert report.problems == [], [p.message for p in report.problems]
    assert [s.number for s in slides] == list(range(1, 13))
    assert set(i18n.LANGUAGES) == {i18n.DEFAULT, *TRANSLATIONS}


def test_no_slide_gives_the_same_field_twice():
    # YAML lets a repeated key silently replace the first one: a copied translation would hide another.
    root = yaml.compose(STORY.read_text(encoding="utf-8"))
    slides = next(value for key, value in root.value if key.value == "slides")
    for number, slide in enumerate(slides.value, start=1):
        keys = Counter(key.value for key, _ in slide.value)
        assert [k for k, n in keys.items() if n > 1] == [], f"slide {number}"


def test_every_slide_has_all_six_translations_of_each_english_text(default_story):
    slides, _ = default_story
    for slide in slides:
        given = versions(slide)
        fields = english_fields(slide)
        assert {"title", "message"} <= set(fields), slide.number
        # A translation equal to the English text does not count (the loader drops it too).
        missing = [f"{field}_{code}" for field in fields for code in TRANSLATIONS if not given.get((field, code))]
        assert not missing, f"slide {slide.number} lacks {missing}"
        extra = [f"{field}_{code}" for field, code in given if field not in fields]
        assert not extra, f"slide {slide.number} translates a text it has no English for: {extra}"
        for code in TRANSLATIONS:
            assert slide.text("title", code) != slide.title, (slide.number, code)


def test_each_translation_has_the_english_numbers(default_story):
    slides, _ = default_story
    wrong = []
    for slide in slides:
        for field in english_fields(slide):
            english = numbers(getattr(slide, field), "en")
            for code in TRANSLATIONS:
                translated = numbers(slide.text(field, code), code)
                if translated != english:
                    wrong.append((slide.number, f"{field}_{code}", english, translated))
    assert not wrong, wrong


def test_a_kosovo_mentioned_with_its_asterisk_keeps_it_in_every_language(default_story):
    slides, _ = default_story
    for slide in slides:
        for field in english_fields(slide):
            starred = getattr(slide, field).count("Kosovo*")
            for code in TRANSLATIONS:
                text = slide.text(field, code)
                assert len(re.findall(r"(?:Kosov|Косов)\w*\*", text)) == starred, (slide.number, field, code, text)


def test_each_language_is_written_in_its_own_script(default_story):
    slides, _ = default_story
    for slide in slides:
        for field in english_fields(slide):
            for code in TRANSLATIONS:
                text = slide.text(field, code)
                if code in CYRILLIC_LANGUAGES:
                    for name in LATIN_IN_CYRILLIC:
                        text = text.replace(name, "")
                    assert CYRILLIC.search(text) and not LATIN.search(text), (slide.number, field, code, text)
                else:
                    assert not CYRILLIC.search(text), (slide.number, field, code, text)


def test_a_slide_resolved_for_serbian_cyrillic_has_a_cyrillic_title(default_story):
    slides, _ = default_story
    cyrillic = texts("sr-Cyrl")
    for slide in slides:
        title = slide.text("title", cyrillic)
        assert CYRILLIC.search(title) and not LATIN.search(title), (slide.number, title)
        assert slide.text("title", texts("en")) == slide.title, "the English title stays English"


LATIN_TO_CYRILLIC = dict(zip("ABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠabvgdđežzijklmnoprstćufhcčš",
                             "АБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШабвгдђежзијклмнопрстћуфхцчш"))
DIGRAPHS = {"Lj": "Љ", "LJ": "Љ", "lj": "љ", "Nj": "Њ", "NJ": "Њ", "nj": "њ", "Dž": "Џ", "DŽ": "Џ", "dž": "џ"}


def transliterate(text: str) -> str:
    """Serbian Latin to Cyrillic, keeping the names written in Latin in both."""
    parts = re.split("(" + "|".join(map(re.escape, LATIN_IN_CYRILLIC)) + ")", text)
    out = []
    for part in parts:
        if part not in LATIN_IN_CYRILLIC:
            part = re.sub("|".join(DIGRAPHS), lambda m: DIGRAPHS[m.group()], part)
            part = "".join(LATIN_TO_CYRILLIC.get(ch, ch) for ch in part)
        out.append(part)
    return "".join(out)


def test_serbian_cyrillic_is_the_serbian_latin_text_transliterated(default_story):
    slides, _ = default_story
    for slide in slides:
        for field in english_fields(slide):
            assert slide.text(field, "sr-Cyrl") == transliterate(slide.text(field, "sr-Latn")), (slide.number, field)
