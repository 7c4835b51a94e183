"""Markdown read back as Streamlit's front end would read it, to show what a viewer would see.

markdown-it-py follows the same CommonMark spec as the micromark parser in Streamlit's front end,
with GitHub's bare-link detection (linkify) and $...$ LaTeX (dollarmath) switched on as Streamlit
does. Streamlit's own additions (`:material/...:` icons, `:red[...]` directives, emoji, the logo)
and GitHub's bare links (remark-gfm finds them in the text, after escapes are undone) are matched
by the patterns its front end uses (Streamlit 1.67, static/js/StreamlitMarkdown.*.js).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from components.markdown_text import WORD_JOINER

PARSER = (MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "table", "strikethrough"])
          .use(dollarmath_plugin))
# In Streamlit (remark-gfm) bare links are found in the text after escapes are undone, as are
# emoji, icons and the logo: those patterns are matched against the text as shown. linkify-it
# would also link any 'name.com', which GitHub does not: its fuzzy links are off.
PARSER.linkify.set({"fuzzy_link": False, "fuzzy_email": False})
SOURCE_PATTERNS = (re.compile(r":material/"), re.compile(r":[a-z][a-z0-9-]*\["))
TEXT_PATTERNS = (re.compile(r"(?i)(https?://|www(?=\.))[-.\w]+"), re.compile(r"[-.\w+]+@[-\w]+(\.[-\w]+)+"),
                 re.compile(r":[\w+-]+:"), re.compile(r":material_\w+:"))
PLAIN = {"paragraph_open", "paragraph_close", "inline", "text"}


def tokens(markdown: str) -> list:
    """Every token markdown-it makes of the text, inline ones included."""
    found = []
    for token in PARSER.parse(markdown):
        found.append(token)
        found.extend(token.children or [])
    return found


def markup_in(markdown: str) -> list[str]:
    """The kinds of markup in a text: anything but paragraphs of plain text."""
    found = [t.type for t in tokens(markdown) if t.type not in PLAIN]
    found += [p.pattern for p in SOURCE_PATTERNS if p.search(markdown)]
    return found + [p.pattern for p in TEXT_PATTERNS if p.search(shown_text(markdown))]


def shown_text(markdown: str) -> str:
    """The text a reader sees (the word joiners are invisible; they are kept here)."""
    return "".join(t.content for t in tokens(markdown) if t.type == "text")


def read(markdown: str) -> str:
    """The text a reader sees, without the invisible word joiners."""
    return shown_text(markdown).replace(WORD_JOINER, "")


def outside_addresses(markdown: str) -> list[str]:
    """Where the text's links and images point (href, src), e.g. to another host."""
    return [t.attrs.get("href") or t.attrs.get("src") for t in tokens(markdown)
            if t.type in ("link_open", "image")]


def headings(markdown: str) -> list[str]:
    """The text of every heading the Markdown makes."""
    found, inside = [], False
    for token in tokens(markdown):
        if token.type == "heading_open":
            inside = True
        elif token.type == "heading_close":
            inside = False
        elif inside and token.type == "inline":
            found.append(token.content)
    return found
