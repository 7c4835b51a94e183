"""The Actors & initiatives page through AppTest: filters, search, details, template and file notices."""

from __future__ import annotations

import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

TIMEOUT = 60
PAGE = "pages/explore/actors.py"


def open_page(monkeypatch=None, data_dir=None, state: dict | None = None) -> AppTest:
    if data_dir is not None:
        monkeypatch.setenv("MOBILITY_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    for key, value in (state or {}).items():
        app.session_state[key] = value
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def table(app: AppTest) -> pd.DataFrame:
    return app.dataframe[0].value


def names(app: AppTest) -> list[str]:
    return list(table(app)["Name"])


def test_page_lists_every_entry_with_a_map_and_the_template():
    app = open_page()
    assert app.title[0].value == "Actors & initiatives"
    assert list(table(app).columns) == ["Name", "Kind", "Where", "Period"]
    assert len(table(app)) == 14
    assert {"Returning Point", "Local migration profile of Kikinda", "Diaspora guides of Veliko Gradište"} <= set(names(app))
    assert len(app.get("deck_gl_json_chart")) == 1
    assert app.info[0].value.startswith("Click a row in the table or a marker")
    assert any("14 of 14 entries" in m.value for m in app.markdown)
    assert any("Actors and initiatives" in m.value and "docs/DATA.md" in m.value for m in app.markdown)
    assert not app.warning


def test_country_filter_and_the_no_country_switch():
    app = open_page()
    app.multiselect(key="actors_countries").set_value(["MNE"]).run()
    assert "“Smart city” pilot project (Montenegro)" in names(app)
    assert "Local migration profile of Kikinda" not in names(app)
    assert "GIZ" in names(app)  # international partners have no country and stay listed
    app.checkbox(key="actors_without_country").uncheck().run()
    assert names(app) == ["“Smart city” pilot project (Montenegro)"]


def test_kind_topic_and_search_narrow_the_table():
    app = open_page()
    app.multiselect(key="actors_kinds").set_value(["local migration profile"]).run()
    assert sorted(table(app)["Where"]) == ["Kikinda, Serbia", "Zvezdara, Serbia"]
    app.multiselect(key="actors_kinds").set_value([]).run()
    app.multiselect(key="actors_topics").set_value(["return"]).run()
    assert set(names(app)) == {"Regional brainstorming sessions on circular migration",
                               "Engaging returnees in local development (Moldova)",
                               "Bulgarian municipalities including returnees in local processes"}
    app.multiselect(key="actors_topics").set_value([]).run()
    app.text_input(key="actors_search").input("veliko gradiste").run()
    assert names(app) == ["Diaspora guides of Veliko Gradište"]
    app.text_input(key="actors_search").input("nothing like this").run()
    assert table(app).empty and any("0 of 14 entries" in m.value for m in app.markdown)


def test_the_shared_country_filter_is_the_default():
    app = open_page(state={"countries": ["BGR"]})
    assert app.multiselect(key="actors_countries").value == ["BGR"]
    assert "Bulgarian municipalities including returnees in local processes" in names(app)
    assert "Engaging returnees in local development (Moldova)" not in names(app)


def test_a_selected_row_shows_its_details_and_source_sentence():
    app = open_page()
    key = app.dataframe[0].key
    row = names(app).index("Local migration profile of Kikinda")
    app.session_state[key] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    app.run()
    body = "\n".join(m.value for m in app.markdown)
    assert "#### Local migration profile of Kikinda" in body
    assert "**Where:** Kikinda, Serbia" in body
    assert "**Period:** not given in the source" in body
    assert "> Participants highlighted several examples" in body
    assert "Returning Point, 'Regional Dialogue on Circular Migration Held in Belgrade'" in body


def test_template_download_has_the_columns():
    app = open_page()
    buttons = app.get("download_button")
    assert len(buttons) == 1 and "template" in buttons[0].proto.label.lower()


def test_a_bad_row_is_named_in_a_warning_and_the_rest_still_shows(data_copy, monkeypatch):
    path = data_copy / "actors" / "actors.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append("My initiative,think tank,SRB,,,,,,,,,")
    lines.append("Another,organisation,SRB,Zvezdarra,,,,,,,,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    app = open_page(monkeypatch, data_copy)
    warning = app.warning[0].value
    assert "data/actors/actors.csv" in warning
    assert "row 16, column 'kind': found 'think tank'" in warning
    assert "row 17, column 'place': found 'Zvezdarra'" in warning
    assert len(table(app)) == 14


def test_a_missing_actors_file_leaves_the_page_working(data_copy, monkeypatch):
    (data_copy / "actors" / "actors.csv").unlink()
    app = open_page(monkeypatch, data_copy)
    assert any("No actors file" in info.value for info in app.info)
    assert table(app).empty
