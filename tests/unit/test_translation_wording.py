"""Wording errors found by reading each translation against English (issue 15), and their patterns.

Each test looks for the pattern over every key of a language, not only the key where it was found.
These corrections are not a native speaker's review: the files stay marked unreviewed.
"""

from __future__ import annotations

import re

import pytest

from components import i18n
from components.countries import REGION
from components.country_names import localized_name

ENGLISH, _ = i18n.read_strings("en")
OTHERS = [code for code in i18n.LANGUAGES if code != "en"]
STRINGS = {code: i18n.read_strings(code)[0] for code in OTHERS}
CYRILLIC = ("mk", "bg", "sr-Cyrl")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_latin(ch: str) -> bool:
    return ch.isalpha() and ch < "\u0250"


@pytest.mark.parametrize("code", OTHERS)
def test_no_word_mixes_latin_and_cyrillic_letters(code):
    """mk typed "Сè" with a Latin è; it looks right and is not (search, sorting, screen readers)."""
    mixed = {key: word for key, text in STRINGS[code].items() for word in _words(text)
             if any(map(_is_cyrillic, word)) and any(map(_is_latin, word))}
    assert mixed == {}


@pytest.mark.parametrize("code", OTHERS)
def test_the_world_bank_is_named_in_the_language_of_the_page(code):
    english_left = {key: text for key, text in STRINGS[code].items() if "World Bank" in text}
    assert english_left == {}


@pytest.mark.parametrize("code, forbidden", [
    ("sq", r"\b[Mm]igracion\w*|\b[EeIi]m?igracion\w*"),  # "migrim" throughout
    ("bg", r"наличност"),  # stock = "запас" throughout
    ("mk", r"\b[Дд]ржав(?!ј)\w*"),  # country = "земја" throughout (citizens, "државјани", stay)
    ("sr-Latn", r"\b[Kk]art(a|e|i|u|om)\b"),  # "mapa" throughout, as the page is called
    ("sr-Cyrl", r"\b[Кк]арт(а|е|и|у|ом)\b"),
    ("bg", r"прекъсване на реда"),  # reads as "line break"
])
def test_one_term_for_one_thing(code, forbidden):
    found = {key: re.findall(forbidden, text) for key, text in STRINGS[code].items() if re.search(forbidden, text)}
    assert found == {}


def test_albanian_presenter_buttons_say_next_and_previous():
    # "Para" means "before" and "Mbrapa" "back".
    assert STRINGS["sq"]["present.next"] == "Tjetri"
    assert STRINGS["sq"]["present.previous"] == "I mëparshmi"


def test_albanian_genitive_of_bosnia_and_herzegovina():
    assert STRINGS["sq"]["profile.country_of.BIH"] == "të Bosnjës dhe Hercegovinës"


# The country's name arrives in its dictionary form; after these words Albanian and Serbian need
# another case ("bashki e Serbia", "za Srbija"), so a template must not put it right after them.
CASE_GOVERNING = {
    "sq": r"(?:\be|\btë|\bpër|\bnë|\bnga|\bsi)",
    "sr-Latn": r"(?:\bza|\bu|\biz|\bod|\bsa|\bdo|\bo)",
    "sr-Cyrl": r"(?:\bза|\bу|\bиз|\bод|\bса|\bдо|\bо)",
}


@pytest.mark.parametrize("code", sorted(CASE_GOVERNING))
def test_a_country_name_never_follows_a_word_that_would_decline_it(code):
    pattern = CASE_GOVERNING[code] + r" \{(country|origin|partner|destination)\}"
    found = {key: text for key, text in STRINGS[code].items() if re.search(pattern, text)}
    assert found == {}


@pytest.mark.parametrize("code, key", [("sq", "actors.problems.known_place"), ("sq", "stories.problems.figures_for"),
                                       ("sr-Latn", "stories.problems.figures_for"),
                                       ("sr-Cyrl", "stories.problems.figures_for")])
def test_the_reported_templates_read_for_every_country(code, key):
    for iso3 in REGION:
        name = localized_name(iso3, code)
        text = STRINGS[code][key].format(country=name)
        assert name in text
    assert "bashki e " not in STRINGS[code][key] and "za {country}" not in STRINGS[code][key]


@pytest.mark.parametrize("code", ["sr-Latn", "sr-Cyrl"])
def test_serbian_upload_page_is_not_called_like_the_loading_notice(code):
    assert STRINGS[code]["nav.upload"] != STRINGS[code]["notices.loading"].rstrip("…")
    assert STRINGS[code]["nav.upload"] in ("Otpremanje podataka", "Отпремање података")


@pytest.mark.parametrize("code", OTHERS)
def test_the_kosovo_footnote_writes_the_court_out(code):
    """"MSP" / "МСП" read as "small and medium enterprises" in Serbian and Macedonian."""
    footnote = STRINGS[code]["countries.kosovo_footnote"]
    assert not re.search(r"\b(MSP|МСП|ICJ|CIJ|GJND|МС|SB|СБ|RCSONU)\b", footnote), footnote
    assert "1244/1999" in footnote


# Romanian says "25 de rânduri" from 20 on and "5 rânduri" below; one template cannot do both, so
# a count stands where no noun follows it ("rânduri: 25").
COUNTS = ("count", "width", "keep", "total", "shown", "limit", "native_born", "emigrants")
UNITS = ("MB", "din", "de", "și", "în", "a", "sau")


def test_romanian_counts_are_not_followed_by_a_noun():
    pattern = r"\{(" + "|".join(COUNTS) + r")\}\s+(?!(?:" + "|".join(UNITS) + r")\b)[a-zăâîșț]"
    found = {key: text for key, text in STRINGS["ro"].items() if re.search(pattern, text)}
    assert found == {}
    assert "{limit} de " not in " ".join(STRINGS["ro"].values())  # wrong under 20
    for count in (3, 25, 101):
        assert f"{count} rânduri" not in STRINGS["ro"]["problems.more_rows.fix"].format(count=count)


def test_romanian_provisional_flag_says_provisional_data():
    assert STRINGS["ro"]["trends.flags.provisional"] == "date provizorii"
    assert "p (date provizorii)" in STRINGS["ro"]["problems.bad-flag.expected"]


@pytest.mark.parametrize("code", OTHERS)
def test_the_files_stay_marked_unreviewed(code):
    _, meta = i18n.read_strings(code)
    assert meta["reviewed"] is False


def test_macedonian_plural_verb_agrees_with_plural_figures():
    # "податоци ... што може да се прикажат": the verb must be plural, "можат".
    wrong = {key: text for key, text in STRINGS["mk"].items() if "може да се прикажат" in text}
    assert wrong == {}
    assert "можат да се прикажат" in STRINGS["mk"]["map.nothing_to_map"]
