"""Markdown read back as Streamlit's front end would read it, to show what a viewer would see.

markdown-it-py follows the same CommonMark spec as the micromark parser in Streamlit's front end,
with GitHub's bare-link detection (linkify) and $...$ LaTeX (dollarmath) switched on as Streamlit
does. Streamlit's own additions (`:material/...:` icons, `:red[...]` directives, `:streamlit:`)
are matched by the exact patterns its front end uses (Streamlit 1.67,
static/js/StreamlitMarkdown.*.js): icons by the text ':material/', a directive by ':name[', the
logo by ':streamlit:'.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

PARSER = (MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "table", "strikethrough"])
          .use(dollarmath_plugin))
# linkify-it finds 'https://' links; GitHub's bare 'www.' links and e-mail addresses are matched
# below by their own patterns (linkify-it's would also link any 'name.com', which GitHub does not).
PARSER.linkify.set({"fuzzy_link": False, "fuzzy_email": False})
# Streamlit's ':smile:' emoji are not looked for: an escaped ':' still reads as ':' and a shortcode
# can still become its emoji, a character of the font (no request, no link).
MARKUP_PATTERNS = (re.compile(r":material/"), re.compile(r":[a-z][a-z0-9-]*\["), re.compile(r":streamlit:"),
                   re.compile(r"(?i)www\."), re.compile(r"[\w.+-]@[A-Za-z0-9-]+\."))
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
    return found + [p.pattern for p in MARKUP_PATTERNS if p.search(markdown)]


def shown_text(markdown: str) -> str:
    return "".join(t.content for t in tokens(markdown) if t.type == "text")


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
