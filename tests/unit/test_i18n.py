"""Languages: the string files agree with English, numbers and names follow the language."""

from __future__ import annotations

import logging
import pickle
import re
from pathlib import Path

import pytest

from components import i18n
from components.country_names import localized_name, reviewed_table
from components.formatting import format_number, source_line
from components.i18n import Phrase, Texts, texts

REPO = Path(__file__).resolve().parents[2]
ENGLISH, _ = i18n.read_strings("en")
OTHERS = [code for code in i18n.LANGUAGES if code != "en"]
NBSP = "\xa0"


@pytest.mark.parametrize("code", OTHERS)
def test_every_language_file_has_exactly_the_english_keys(code):
    strings, meta = i18n.read_strings(code)
    missing = sorted(set(ENGLISH) - set(strings))
    extra = sorted(set(strings) - set(ENGLISH))
    assert not missing, f"{code}.toml lacks {len(missing)} key(s) that en.toml has: {missing[:20]}"
    assert not extra, f"{code}.toml has {len(extra)} key(s) that en.toml does not: {extra[:20]}"
    assert meta.get("language") == i18n.LANGUAGES[code] and meta.get("reviewed") in (True, False)


def test_adding_a_language_is_adding_one_file(tmp_path, monkeypatch):
    for code in ("en", "ro"):
        (tmp_path / f"{code}.toml").write_bytes((i18n.LOCALES / f"{code}.toml").read_bytes())
    (tmp_path / "hr.toml").write_text('[meta]\nlanguage = "Hrvatski"\nreviewed = false\n\n[nav]\nmap = "Karta"\n',
                                      encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALES", tmp_path)
    assert i18n._discover() == {"en": "English", "ro": i18n.LANGUAGES["ro"], "hr": "Hrvatski"}
    strings, meta = i18n.read_strings("hr")
    croatian = Texts("hr", strings, meta, i18n.english())
    assert croatian("nav.map") == "Karta" and croatian.babel == "hr"
    assert croatian.number(1_250_451) == "1.250.451"


@pytest.mark.parametrize("code", OTHERS)
def test_translations_keep_the_placeholders_the_code_fills_in(code):
    strings, _ = i18n.read_strings(code)
    wrong = {key: (sorted(i18n.placeholders(text)), sorted(i18n.placeholders(ENGLISH[key])))
             for key, text in strings.items() if key in ENGLISH
             and i18n.placeholders(text) != i18n.placeholders(ENGLISH[key])}
    assert not wrong, f"{code}.toml: placeholders differ from English: {wrong}"


@pytest.mark.parametrize("code", OTHERS)
def test_translations_are_not_left_in_english(code):
    # A few words are the same in both languages ("Map" is not, "Total" might be); a whole
    # sentence left in English is a forgotten translation.
    strings, _ = i18n.read_strings(code)
    same = [key for key, text in strings.items() if text == ENGLISH.get(key) and len(text.split()) >= 4
            and not key.startswith("meta")]
    assert not same, f"{code}.toml: sentences identical to English: {same[:15]}"


def test_serbian_cyrillic_and_latin_have_the_same_keys_and_differ_only_in_script():
    latin, _ = i18n.read_strings("sr-Latn")
    cyrillic, _ = i18n.read_strings("sr-Cyrl")
    assert set(latin) == set(cyrillic)
    assert re.search("[А-Яа-яЂђЉљЊњЋћЏџЈј]", cyrillic["nav.map"]) and not re.search("[А-Яа-я]", latin["nav.map"])


_KEY_IN_CODE = re.compile(r"""(?:\btx|Phrase|\bt)\(\s*["']([a-z_]+\.[A-Za-z0-9_.]+)["']""")


def test_every_key_the_code_asks_for_exists_in_english():
    used: dict[str, str] = {}
    for path in [REPO / "app.py", *REPO.glob("pages/**/*.py"), *REPO.glob("components/*.py")]:
        for key in _KEY_IN_CODE.findall(path.read_text(encoding="utf-8")):
            used.setdefault(key, str(path.relative_to(REPO)))
    missing = {key: where for key, where in used.items() if key not in ENGLISH}
    assert len(used) > 50
    assert not missing, f"keys used in code but missing from en.toml: {missing}"


@pytest.mark.parametrize("code, whole, decimal, compact", [
    ("en", "1,250,451", "12.5", "1.25 million"),
    ("sr-Latn", "1.250.451", "12,5", "1,25 miliona"),
    ("sr-Cyrl", "1.250.451", "12,5", "1,25 милиона"),
    ("mk", "1.250.451", "12,5", "1,25 милиони"),
    ("bg", f"1{NBSP}250{NBSP}451", "12,5", "1,25 милиона"),
    ("ro", "1.250.451", "12,5", "1,25 milioane"),
    ("sq", f"1{NBSP}250{NBSP}451", "12,5", "1,25 milion"),
])
def test_numbers_are_written_the_way_each_language_writes_them(code, whole, decimal, compact):
    tx = texts(code)
    assert tx.number(1_250_451) == whole
    assert tx.number(12.5) == decimal
    assert format_number(1_250_451, "persons", tx) == compact
    assert format_number(48_810, "persons", tx) == tx.number(48_810)
    # Plotly is told the same marks, so axis ticks and hover labels agree with the text.
    assert tx.plotly_separators[0] == decimal[2]
    assert tx.plotly_separators[1] == (whole[1])


@pytest.mark.parametrize("code", list(i18n.LANGUAGES))
def test_missing_is_said_in_words_never_as_zero(code):
    tx = texts(code)
    for value in (None, float("nan")):
        shown = format_number(value, "persons", tx)
        assert shown == tx("common.no_data") and "0" not in shown


def test_percent_and_money_follow_the_language():
    assert format_number(33.456, "% of GDP", texts("en")) == "33.5%"
    assert "33,5" in format_number(33.456, "% of GDP", texts("ro"))
    assert format_number(2_540_000_000, "current US$", texts("en")) == "US$ 2.54 billion"
    assert "2,54 milijarde" in format_number(2_540_000_000, "current US$", texts("sr-Latn"))


@pytest.mark.parametrize("locale, code", [
    ("en-US", "en"), ("sr", "sr-Cyrl"), ("sr-RS", "sr-Cyrl"), ("sr-Latn-RS", "sr-Latn"),
    ("sr-Cyrl-ME", "sr-Cyrl"), ("mk-MK", "mk"), ("bg", "bg"), ("ro-MD", "ro"), ("sq-AL", "sq"),
    ("sq_XK", "sq"), ("de-DE", "en"), ("", "en"), (None, "en"), ("hr-HR", "sr-Latn"),
])
def test_the_first_visit_follows_the_browser_locale(locale, code):
    assert i18n.from_locale(locale) == code


@pytest.mark.parametrize("raw, code", [("sr-cyrl", "sr-Cyrl"), ("RO", "ro"), ("xx", None), ("", None), (None, None)])
def test_the_language_in_a_link_is_read_case_insensitively(raw, code):
    assert i18n.language_of(raw) == code


def test_a_missing_key_falls_back_to_english_and_is_logged_once(caplog):
    partial = Texts("xx-test", {"nav.map": "Karta"}, {}, i18n.english())
    with caplog.at_level(logging.WARNING, logger="components.i18n"):
        assert partial("nav.map") == "Karta"
        assert partial("nav.trends") == ENGLISH["nav.trends"]
        assert partial("nav.trends") == ENGLISH["nav.trends"]
    warnings = [r for r in caplog.records if "nav.trends" in r.getMessage()]
    assert len(warnings) == 1 and "xx-test" in warnings[0].getMessage()


def test_a_language_without_a_file_still_works_in_english(caplog):
    assert texts("tlh")("nav.map") == ENGLISH["nav.map"]


def test_a_phrase_is_english_text_that_can_be_said_again_in_another_language():
    phrase = Phrase("filters.unknown_view", value="<script>")
    assert phrase == ENGLISH["filters.unknown_view"].format(value="<script>")
    serbian = texts("sr-Cyrl").say(phrase)
    assert "<script>" in serbian and serbian != str(phrase)
    assert re.search("[а-я]", serbian)
    assert pickle.loads(pickle.dumps(phrase)).key == "filters.unknown_view"


def test_texts_are_cache_keys_by_language():
    assert texts("ro") == texts("ro") and hash(texts("ro")) == hash(texts("ro"))
    assert texts("ro") != texts("bg")


@pytest.mark.parametrize("iso3, code, name", [
    ("MKD", "mk", "Северна Македонија"), ("MKD", "en", "North Macedonia"), ("XKX", "sq", "Kosova*"),
    ("XKX", "sr-Cyrl", "Косово*"), ("SRB", "sr-Latn", "Srbija"), ("MDA", "ro", "Republica Moldova"),
    ("BGR", "bg", "България"), ("DEU", "sr-Cyrl", "Немачка"), ("ITA", "ro", "Italia"), ("ALB", "sq", "Shqipëria"),
])
def test_country_names_are_localized(iso3, code, name):
    assert texts(code).country(iso3) == name


def test_the_reviewed_country_table_covers_the_region_and_kosovo_in_every_language():
    from components.countries import REGION

    table = reviewed_table()
    for iso3 in REGION:
        for code in OTHERS:
            assert (iso3, code) in table, f"{iso3} has no {code} name in country_names.csv"
    assert all(row["reviewed"] in ("yes", "no") for row in table.values())
    assert localized_name("XKX", "bg").endswith("*")


def test_source_lines_keep_proper_names_and_translate_the_frame():
    source = {"publisher": "UN DESA Population Division", "dataset": "International Migrant Stock 2020",
              "edition": "2020 revision", "licence": "CC BY 3.0 IGO"}
    english = source_line(source, 2020, texts("en"))
    romanian = source_line(source, 2020, texts("ro"))
    assert english.startswith("Source: UN DESA Population Division")
    assert "International Migrant Stock 2020" in romanian and not romanian.startswith("Source:")
