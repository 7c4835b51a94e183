"""Outside text shown in Markdown: read back by a CommonMark parser, it is plain text, never markup."""

from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from components import markdown_text
from components.i18n import Phrase, english, texts
from components.markdown_text import ECHO_LIMIT, clipped, escaped, literal
from tests.markdown_reading import markup_in, read, shown_text

# Each of these is markup when filled into a sentence unescaped (checked below).
HOSTILE = [
    "x\n\n# Figures withdrawn",
    "[x](https://evil.example)",
    "![i](https://evil.example/a.png)",
    "<img src=https://evil.example/a.png>",
    "https://evil.example/a and www.evil.example and mail@evil.example",
    "<https://evil.example>",
    "$\\frac{1}{0}$ and $$x$$",
    ":red[Figures withdrawn] :material/warning: :smile: :streamlit:",
    "line one\n\n# Heading on its own line\n===\n> quote\n- item\n1. item",
    "**bold** _it_ `code` ~~gone~~",
    "&lt;script&gt; &amp; &#x3C;",
    "\\# already escaped \\",
]
HARMLESS_LOOKING = ["# Figures withdrawn | a | b |", "2020\u202e0202 right-to-left override", "²", ""]


def in_a_sentence(value: str) -> str:
    # How templates use a value: inside a sentence, after other words (never at a line's start).
    return f"The link's year '{value}' is not available."


def test_unescaped_each_attack_is_markup_or_not_its_own_characters():
    # So that the checks below can see an attack: without escaping, each one fails them.
    for attack in HOSTILE:
        sentence = in_a_sentence(attack)
        assert markup_in(sentence) or shown_text(sentence) != sentence, attack


def test_each_attack_is_shown_as_its_characters_and_nothing_else():
    for attack in HOSTILE + HARMLESS_LOOKING:
        sentence = in_a_sentence(escaped(attack))
        assert markup_in(sentence) == [], (attack, sentence)
        assert read(sentence) == in_a_sentence(markdown_text.one_line(attack)), attack


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_text_escaped_reads_back_as_the_same_characters_on_one_line(text):
    sentence = in_a_sentence(escaped(text))
    assert markup_in(sentence) == []
    assert "\n" not in sentence and "\r" not in sentence
    shown = read(sentence)
    # CommonMark turns NUL into U+FFFD; one_line already made every control character a space.
    assert shown == in_a_sentence(markdown_text.one_line(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60).map(str.lstrip))
@example("\x08   ")  # found by CI: a backspace and three spaces became an indented code block
@example("\x00\x01\x02\x03x")
def test_any_text_opening_a_list_item_reads_back_as_itself(text):
    # A problem message starts with its file's name, and presenter notices are list items.
    item = f"- {escaped(text)}: the file is left out."
    found = [kind for kind in markup_in(item) if kind not in ("bullet_list_open", "bullet_list_close",
                                                              "list_item_open", "list_item_close")]
    assert found == [], item
    # Leading control characters show as spaces, as they do inside a sentence.
    assert read(item) == markdown_text.one_line(text) + ": the file is left out."


def test_names_and_paths_read_as_they_are_in_the_source_too():
    for name in ("text_in_value.csv", "data/stories/default.yaml", "Srbija 2024 (final).csv", "'../secrets'"):
        assert escaped(name) == name


@given(st.text(max_size=300), st.integers(min_value=2, max_value=120))
def test_clipping_keeps_short_text_and_cuts_long_text_with_an_ellipsis(text, limit):
    cut = clipped(text, limit)
    assert len(cut) <= limit
    if len(text) <= limit:
        assert cut == text
    else:
        assert cut.endswith("…") and text.startswith(cut[:-1])


def test_a_100_kb_value_is_echoed_as_80_characters():
    shown = literal("#" * 100_000)
    assert shown.count("#") == ECHO_LIMIT - 1 and shown.endswith("…")


def test_a_phrase_fills_in_escaped_values_and_keeps_its_own_markdown():
    notice = Phrase("notices.fix_first", message=Phrase("filters.bad_year", value="[x](https://evil.example)",
                                                         default=Phrase("link_notices.latest_year")))
    for code in ("en", "sr-Cyrl"):
        said = texts(code).markdown(notice)
        assert "**" in said  # the template's own bold stays bold
        assert [kind for kind in markup_in(said) if not kind.startswith(("strong", "em"))] == []
        assert "[x](https://evil.example)" in read(said)
    assert english().markdown(Phrase("present.bad_slide", slide="²", count=12)).count("12") == 1  # numbers as they are


# A chart's own captions: its title and summary, its source lines (components/chart_ui.py).
CHART_LINES = [
    "Personal remittances received, US$ — Albania from US$ 0.15 billion (1992) to US$ 1.9 billion (2024)",
    "Emigrants with tertiary education — Kosovo*: 9.1%; Serbia: 12.0%",
    "Source: World Bank, World Development Indicators (WDI 2025-07), CC BY 4.0. Year: 1992–2024.",
    "net_migration ~ about 1,000 <b>people</b> & [more] `here` \\",
]


def test_a_chart_caption_shows_its_dollars_stars_and_underscores_as_written():
    for line in CHART_LINES:
        shown = markdown_text.inline(line)
        assert markup_in(shown) == [], (line, shown)
        assert read(shown) == line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab 1.,;()—%$*_~[]<>&`\\", max_size=80))
def test_any_line_of_names_units_and_marks_reads_back_as_written(text):
    shown = markdown_text.inline(f"Title — {text}")
    assert markup_in(shown) == []
    assert read(shown) == f"Title — {text}".strip()
