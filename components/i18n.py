"""The dashboard in the region's languages: one string file per language, numbers by Babel.

Every piece of interface text has a key ("map.title") and lives in components/locales/<code>.toml,
one file per language. English is complete by definition; a key missing from another language
falls back to English and is logged once, so a half-translated file never breaks a page.
Adding a language means adding one file (and a line to LANGUAGES below).

Pure modules take a `Texts` (`tx`) argument and never look up the current language themselves:
the language is part of what they build, so it must be part of every cache key too.
"""

from __future__ import annotations

import re

import logging
import math
import string
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.numbers import format_compact_decimal, format_decimal

from components import markdown_text

LOCALES = Path(__file__).with_name("locales")
DEFAULT = "en"

# The order of the picker: the languages of the regional process first; a new file goes after them.
PREFERRED_ORDER = ("en", "sr-Latn", "sr-Cyrl", "mk", "bg", "ro", "sq")

log = logging.getLogger(__name__)

# The most of one value a Markdown text shows. Values echoed from a link are cut shorter where
# they are read (markdown_text.ECHO_LIMIT); this bounds everything else, e.g. a list of columns.
LONGEST_VALUE = 300


def _discover() -> dict[str, str]:
    """Code (the file's name, as in the URL: ?lang=sr-Cyrl) → the language's name in itself.

    Adding a language is adding a file: components/locales/<code>.toml with a [meta] language name.
    """
    found = {}
    for path in LOCALES.glob("*.toml"):
        with path.open("rb") as handle:
            found[path.stem] = tomllib.load(handle).get("meta", {}).get("language", path.stem)
    rank = {code: index for index, code in enumerate(PREFERRED_ORDER)}
    return dict(sorted(found.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))


LANGUAGES: dict[str, str] = _discover()


def read_strings(code: str) -> tuple[dict[str, str], dict]:
    """The flat key → text table of one language file, and its [meta] table."""
    path = LOCALES / f"{code}.toml"
    if not path.exists():
        log.warning("No language file %s; every text falls back to English.", path.name)
        return {}, {}
    with path.open("rb") as handle:
        tree = tomllib.load(handle)
    meta = tree.pop("meta", {})
    return _flatten(tree), meta


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


def placeholders(text: str) -> set[str]:
    """The {names} a text expects: a translation must use the same ones as English."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class Phrase(str):
    """An English text that remembers its key and values, so it can be said again in any language.

    Data-file problems are found once per file version, long before anyone looks at them, and
    are read by people in different languages; they are kept as Phrases and rendered on display.
    A Phrase *is* the English string, so logs, CSV exports and tests see plain English.
    """

    key: str
    params: dict

    def __new__(cls, key: str, /, **params):
        text = english()(key, **params)
        phrase = super().__new__(cls, text)
        phrase.key, phrase.params = key, params
        return phrase

    def __reduce__(self):  # survives pickling (Streamlit's caches) as a Phrase
        return (_phrase, (self.key, self.params))


def _phrase(key: str, params: dict) -> Phrase:
    return Phrase(key, **params)


@dataclass(frozen=True, eq=False)
class Texts:
    """The interface text of one language: `tx("nav.map")`, numbers, names."""

    code: str
    strings: dict[str, str] = field(repr=False)
    meta: dict = field(repr=False, default_factory=dict)
    fallback: "Texts | None" = field(repr=False, default=None)

    # Hashable by language, so that cached builders taking `tx` are keyed on the language.
    def __hash__(self) -> int:
        return hash(("Texts", self.code))

    def __eq__(self, other) -> bool:
        return isinstance(other, Texts) and other.code == self.code

    def __call__(self, key: str, /, **params) -> str:
        template = self.strings.get(key)
        if template is None:
            if self.fallback is None:
                log.error("No text for key %r in %s.toml", key, self.code)
                return key
            _missing(self.code, key)
            return self.fallback(key, **params)
        if not params:
            return template
        return template.format(**{name: self.say(value) for name, value in params.items()})

    def get(self, key: str, default: str | None = None, /, **params) -> str | None:
        """The text for a key that may not exist (an indicator staff added in a data file)."""
        if key in self.strings or (self.fallback is not None and key in self.fallback.strings):
            return self(key, **params)
        return default

    def say(self, value):
        """A Phrase in this language; anything else unchanged."""
        if isinstance(value, Phrase):
            return self(value.key, **value.params)
        return value

    def markdown(self, value):
        """A Phrase in this language as Markdown that shows its values as the characters they are.

        A Phrase's values come from links and data files: each text value is escaped (and clipped
        to LONGEST_VALUE) before it is filled in, so a link cannot put a heading, a link or an
        image on the page. The templates, ours, keep their own Markdown. A plain text is escaped
        whole; numbers are unchanged.
        """
        if isinstance(value, Phrase):
            return self(value.key, **{name: self.markdown(inner) for name, inner in value.params.items()})
        if isinstance(value, str):
            return markdown_text.literal(value, LONGEST_VALUE)
        return value

    @property
    def babel(self) -> str:
        """The Babel locale ('sr-Latn' → 'sr_Latn'), unless the file's [meta] names another."""
        return _babel_locale(self.meta.get("babel_locale") or self.code.replace("-", "_"))

    @property
    def reviewed(self) -> bool:
        """Has a native speaker reviewed this file? (English is the source text.)"""
        return self.code == DEFAULT or bool(self.meta.get("reviewed", False))

    @property
    def plotly_separators(self) -> str:
        """Plotly's layout.separators: decimal mark then thousands mark, as this language writes them."""
        decimal_mark = format_decimal(1.5, locale=self.babel)[1]
        thousands_mark = format_decimal(1234567, locale=self.babel)[1]
        return decimal_mark + thousands_mark

    def number(self, value: float | None, decimals: int | None = None) -> str:
        """1,250,451 in English, 1.250.451 in Serbian, 1 250 451 in Bulgarian; missing is 'no data'."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return self("common.no_data")
        if decimals is None:
            decimals = 0 if float(value) == int(value) else 1
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=pattern, locale=self.babel)

    def compact(self, value: float, decimals: int = 2) -> str:
        """'1.25 million' / '1,25 miliona' / '2,34 милијарде', with the language's own plural."""
        return format_compact_decimal(value, format_type="long", locale=self.babel,
                                      fraction_digits=decimals)

    # The indicator catalogue's words. A catalogue entry that staff added in a data file has no
    # translation yet: its own (English) text is shown, without a warning for every rerun.
    def indicator(self, code: str, default: str | None = None) -> str:
        return self.get(f"indicators.{_series(code)}.label", default or code)

    def definition(self, code: str, default: str = "") -> str:
        return self.get(f"indicators.{_series(code)}.definition", default)

    def migration_type(self, name: str) -> str:
        return self.get(f"migration_types.{name}", name)

    def unit(self, unit: str) -> str:
        return self.get(f"units.{unit}", unit)

    def country(self, iso3: str) -> str:
        from components.country_names import localized_name

        return localized_name(iso3, self.code)


# An older edition's indicator (emigrant_stock_ims2020) means what its series means: the locale
# files hold the words once, under the series id; the edition is said in the source line.
_OLDER_EDITION = re.compile(r"_ims\d{4}$")


def _series(code: str) -> str:
    return _OLDER_EDITION.sub("", code)


@lru_cache(maxsize=16)  # one per interface language
def _babel_locale(name: str) -> str:
    try:
        Locale.parse(name)
        return name
    except (ValueError, UnknownLocaleError):
        log.warning("Babel does not know the locale %r; numbers are written the English way.", name)
        return "en"


_logged: set[tuple[str, str]] = set()


def _missing(code: str, key: str) -> None:
    if (code, key) not in _logged:
        _logged.add((code, key))
        log.warning("Text %r is missing from %s.toml; showing the English text.", key, code)


def texts(code: str) -> Texts:
    """The Texts of a language (English for an unknown code)."""
    # Unknown codes are turned into the default before the cache, so it holds one entry per language.
    return _texts(code if code in LANGUAGES else DEFAULT)


@lru_cache(maxsize=16)
def _texts(code: str) -> Texts:
    strings, meta = read_strings(code)
    return Texts(code, strings, meta, None if code == DEFAULT else english())


def english() -> Texts:
    return texts(DEFAULT)


def from_locale(locale: str | None) -> str:
    """The supported language closest to a browser locale ('sr-RS' → 'sr-Cyrl', 'ro-MD' → 'ro')."""
    if not locale:
        return DEFAULT
    parts = locale.replace("_", "-").split("-")
    language = parts[0].lower()
    if language == "sr":
        # Serbian browsers say 'sr', 'sr-RS', 'sr-Latn-RS' or 'sr-Cyrl-RS'; Cyrillic is the default script.
        return "sr-Latn" if any(p.lower() == "latn" for p in parts[1:]) else "sr-Cyrl"
    if language in ("sh", "hr", "bs", "cnr"):  # neighbours read Serbian Latin more easily than English
        return "sr-Latn"
    return language if language in LANGUAGES else DEFAULT


def language_of(value: str | None) -> str | None:
    """A supported language code from a URL value, case-insensitively; None if not supported."""
    if not value:
        return None
    for code in LANGUAGES:
        if code.lower() == str(value).strip().lower():
            return code
    return None
