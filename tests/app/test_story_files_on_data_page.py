"""Data & sources → Data files lists the presenter's stories files and their problems."""

from __future__ import annotations

from tests.app.test_pages import run_page


def test_story_file_problems_are_listed_on_the_data_files_tab(data_copy, monkeypatch):
    (data_copy / "stories" / "talk.yaml").write_text(
        "slides:\n"
        "  - title: Good slide\n"
        "    message: Emigrants by country.\n"
        "    view: {page: map, indicator: emigrant_stock, year: 2020}\n"
        "  - title: Bad slide\n"
        "    message: Nothing here.\n"
        "    view: {page: map, indicator: no_such_indicator}\n", encoding="utf-8")
    (data_copy / "stories" / "broken.yaml").write_text("slides:\n  - title: [unclosed\n", encoding="utf-8")
    app = run_page("pages/data/data_sources.py", data_copy, monkeypatch)
    files = app.dataframe[3].value.set_index("File")
    assert files.loc["stories/default.yaml", "Status"] == "loaded"
    assert files.loc["stories/broken.yaml", "Status"] == "rejected"
    assert files.loc["stories/talk.yaml", "Status"] != "loaded"
    problems = app.dataframe[4].value
    talk = problems[problems["File"] == "stories/talk.yaml"]
    assert len(talk) == 1 and "no_such_indicator" in " ".join(talk.astype(str).values.ravel())
    assert (problems["File"] == "stories/broken.yaml").any()
    assert not app.success  # "Every file passed every check." would be untrue now
