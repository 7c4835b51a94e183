"""What a link's value can be, for property-based tests: real values, digits of other scripts,
control characters, Markdown pointing at another host, 100 kB values, and any text at all."""

from __future__ import annotations

from hypothesis import strategies as st

REAL_VALUES = ["2020", "1990", "2024", "SRB,MNE", "XKX", "all", "Emigration", "Net migration",
               "emigrant_stock", "absolute", "index", "per_population", "1", "12"]
ODD_NUMBERS = ["²", "³", "١٢", "٢٠٢٠", "２０２０", "Ⅻ", "½", "2020\u0000", " 2020 ", "2_020", "+2020", "-1",
               "2020.0", "1e3", "0x7e4", "9" * 5000, "nan", "inf"]
HOSTILE_MARKDOWN = ["x\n\n# Figures withdrawn", "[x](https://evil.example)",
                    "![i](https://evil.example/a.png)", ":red[withdrawn] :material/warning: $x$"]


def link_texts() -> st.SearchStrategy[str]:
    """What a link's value can be: real, odd digits, control characters, Markdown, huge or any text."""
    any_char = st.characters(blacklist_categories=("Cs",))
    return st.one_of(
        st.sampled_from(REAL_VALUES + ODD_NUMBERS + HOSTILE_MARKDOWN),
        st.text(st.characters(whitelist_categories=("Nd", "No", "Nl")), min_size=1, max_size=6),
        st.text(st.characters(whitelist_categories=("Cc", "Cf", "Zs", "Zl", "Zp")), min_size=1, max_size=8),
        st.builds(lambda ch: ch * 100_000, any_char),
        st.text(any_char, max_size=40),
        st.builds("".join, st.lists(st.sampled_from(REAL_VALUES + ODD_NUMBERS + [",", " ", "\n"]), max_size=4)),
    )
