"""A dropped file whose name and cells are Markdown: every page names it, and shows it as text."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.test_hostile_links import assert_shown_safely, shown_markdown
from tests.conftest import REPO

# Markdown in the file's name (a name cannot hold '/') and in its cells.
FILE_NAME = "# Figures withdrawn ![i](https:evil.example) [x](https:evil.example).csv"
CELLS = ("indicator,country,year,value\n"
         '"emigrant_stock","x\n\n# Figures withdrawn","2020","5"\n'
         '"emigrant_stock","ALB","2020","![i](https://evil.example/a.png) [x](https://evil.example)"\n'
         '"emigrant_stock","ALB","2021",":red[withdrawn] :material/warning: $x$ <img src=https://evil.example/b.png>"\n')


def open_page(page: str | None, data_dir, monkeypatch) -> AppTest:
    monkeypatch.setenv("MOBILITY_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    app.run()
    if page:
        app.switch_page(page).run()
    return app


def test_a_file_with_markdown_in_its_name_and_cells_is_named_and_shown_as_text(data_copy, monkeypatch):
    (data_copy / "observations" / FILE_NAME).write_text(CELLS, encoding="utf-8")
    for page in (None, "pages/data/data_sources.py", "pages/explore/trends.py", "pages/present/present.py"):
        app = open_page(page, data_copy, monkeypatch)
        assert_shown_safely(app)
        # Named, and its problems explained: the notice is there, only without the markup.
        shown = " ".join(shown_markdown(app))
        assert "Figures withdrawn" in shown, page
    # On Data & sources, the file's details (cells included) are listed under its name.
    app = open_page("pages/data/data_sources.py", data_copy, monkeypatch)
    [details] = [e for e in app.get("expander") if "Figures withdrawn" in e.label]
    listed = " ".join(m.value for m in details.markdown)
    assert "evil.example" in listed and "Figures withdrawn" in listed
