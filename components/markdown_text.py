"""Outside text (a link's value, a cell or name from a data file) made safe to show inside Markdown.

Streamlit renders every notice, caption and expander label as Markdown (GitHub-flavoured, plus
LaTeX `$...$`, directives like `:red[...]`, `:material/...:` icons and emoji shortcodes). A value
from a link or a file must show as the characters it is, never as a heading, a link, an image
fetched from another host, or a 100 kB wall of text.
"""

from __future__ import annotations

import re
import unicodedata

# How much of an echoed value a notice shows: enough to recognise it, short enough to read.
ECHO_LIMIT = 80
ELLIPSIS = "…"

# CommonMark: an ASCII punctuation character after a backslash is always literal text. These
# are the ones that make markup anywhere in a line: code, emphasis, links and images, HTML and
# entities, GFM tables and strikethrough, LaTeX ($), headings (#, when a file name starts a list
# item) and Streamlit's ':red[...]' directives.
_ALWAYS = {ord(mark): "\\" + mark for mark in "\\`*[]<>&$~|#:@!"}
# The rest of the punctuation is left alone so that names read as they are ('text_in_value.csv',
# 'data/stories/default.yaml'), except a '_' that could start or end emphasis and a list marker
# opening the value.
_LONE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_LIST_MARKER = re.compile(r"^(\s*[0-9]*)([-+.)])(?=\s|$)")
# Some markup is found after escapes are undone, in the text itself: GitHub's bare links
# ('https://', 'www.', 'name@host.org'), ':smile:' emoji, ':material/...:' icons, the ':streamlit:'
# logo. An invisible word joiner around every ':', before '@' and after 'www' breaks each pattern
# and changes nothing a reader sees.
WORD_JOINER = "\u2060"
_TEXT_MARKUP = re.compile(r"\\:|\\@|(?i:www)(?=\.)")
# Line breaks, tabs, other control characters and invisible format characters (right-to-left
# overrides, zero-width spaces) would start a new Markdown block or reorder what is read.
_INVISIBLE = ("Cc", "Cf", "Cs", "Zl", "Zp")


def clipped(text, limit: int = ECHO_LIMIT) -> str:
    """The text, cut to `limit` characters with an ellipsis when it is longer."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def one_line(text: str) -> str:
    """Every control or invisible format character (line breaks included) as a plain space."""
    return "".join(" " if unicodedata.category(ch) in _INVISIBLE else ch for ch in text)


def escaped(text) -> str:
    """Text that Streamlit's Markdown shows character for character, on one line."""
    text = _LONE_UNDERSCORE.sub(r"\\_", one_line(str(text)).translate(_ALWAYS))
    # Four leading spaces after a list marker ('- ' + a name starting with control characters)
    # open an indented code block; a word joiner first keeps the spaces as text.
    if text.startswith(" "):
        text = WORD_JOINER + text
    text = _LIST_MARKER.sub(r"\1\\\2", text, count=1)
    return _TEXT_MARKUP.sub(_joined, text)


def _joined(match: re.Match) -> str:
    found = match.group(0)
    if found == "\\:":
        return WORD_JOINER + found + WORD_JOINER
    return WORD_JOINER + found if found == "\\@" else found + WORD_JOINER


# Inside a line this dashboard writes itself (a chart's text alternative, its source lines), only
# these marks make markup: '$' pairs open LaTeX ('US$ … US$' became italic math), '*', '_' and '~'
# emphasis, '[' links, '<' HTML, '`' code, '&' entities. Colons and '#' are left as written: such a
# line starts with a title or 'Source', never with a name from a file.
_INLINE = {ord(mark): "\\" + mark for mark in "\\`*[]<>&$~"}


def inline(text) -> str:
    """One line of the dashboard's own words with names and units in it, shown as written."""
    return _LONE_UNDERSCORE.sub(r"\\_", str(text).translate(_INLINE))


def literal(text, limit: int = ECHO_LIMIT) -> str:
    """An outside value as a notice should echo it: clipped to `limit`, then escaped."""
    return escaped(clipped(text, limit))

