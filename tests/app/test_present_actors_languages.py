"""Presenter mode and Actors & initiatives opened with ?lang=: the interface in that language, the link keeps it."""

from __future__ import annotations

import json
import re

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

TIMEOUT = 60
PRESENT, ACTORS = "pages/present/present.py", "pages/explore/actors.py"
CYRILLIC = re.compile("[А-Яа-яЂђЉљЊњЋћЏџЈј]")


def open_page(page: str, language: str, monkeypatch=None, data_dir=None, **params) -> AppTest:
    if data_dir is not None:
        monkeypatch.setenv("MOBILITY_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    app.query_params.update({"lang": language, **params})
    app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def param(app: AppTest, key: str) -> str:
    value = app.query_params[key]
    return value[0] if isinstance(value, list) else value


def markdown(app: AppTest) -> str:
    return "\n".join(str(m.value) for m in app.markdown)


def chart_titles(app: AppTest) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in app.get("plotly_chart")]


def test_presenter_mode_in_romanian_keeps_the_language_while_moving_through_the_slides():
    app = open_page(PRESENT, "ro", slide="2")
    assert app.button(key="present_next").label == "Înainte" and app.button(key="present_prev").label == "Înapoi"
    assert app.button(key="present_pagedown").label == "Diapozitivul următor"
    [exit_link] = app.get("page_link")
    assert exit_link.proto.label == "Ieșire" and "lang=ro" in exit_link.proto.query_string
    # The compare slide's chart: its title from the catalogue in Romanian, numbers with Romanian marks.
    [title] = chart_titles(app)
    assert title.startswith("Emigranți") and title.endswith(", 2024")
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["separators"] == ",." and "90.678" in spec["data"][0]["text"]
    app.button(key="present_next").click().run()
    assert param(app, "slide") == "3" and param(app, "lang") == "ro"
    assert app.button(key="present_next").label == "Înainte"


def test_presenter_mode_notices_and_the_play_button_follow_the_language():
    app = open_page(PRESENT, "ro", story="../secrets", slide="99")
    text = markdown(app)
    assert "Nu există nicio prezentare '../secrets'" in text and "Diapozitivul '99' din link" in text
    assert app.button(key="present_play").label == "Parcurge anii"
    assert param(app, "story") == "default" and param(app, "lang") == "ro"


def test_a_slide_with_its_own_serbian_wording_shows_it_in_serbian_only(data_copy, monkeypatch):
    story = data_copy / "stories" / "default.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace(
        "  - title: How many people from each country live abroad\n",
        "  - title: How many people from each country live abroad\n"
        "    title_sr-Cyrl: Колико људи из сваке земље живи у иностранству\n"), encoding="utf-8")
    serbian = open_page(PRESENT, "sr-Cyrl", monkeypatch, data_copy, slide="2")
    assert "Колико људи из сваке земље живи у иностранству" in markdown(serbian)
    assert CYRILLIC.search(chart_titles(serbian)[0])
    english = open_page(PRESENT, "en", monkeypatch, data_copy, slide="2")
    assert "How many people from each country live abroad" in markdown(english)


def test_a_broken_story_is_explained_in_the_language(data_copy, monkeypatch):
    (data_copy / "stories" / "default.yaml").write_text("slides:\n  - title: [broken\n", encoding="utf-8")
    app = open_page(PRESENT, "sr-Latn", monkeypatch, data_copy)
    assert "Ova prezentacija još ne može da se prikaže" in markdown(app)
    assert "ispravan YAML" in app.warning[0].value and "red 3, kolona 1" in app.warning[0].value
    assert app.get("page_link")[0].proto.label == "Izađi iz režima prezentacije"


def test_actors_page_in_romanian():
    app = open_page(ACTORS, "ro")
    table = app.dataframe[0].value
    assert list(table.columns) == ["Denumire", "Tip", "Loc", "Perioadă"]
    assert "profil migrațional local" in set(table["Tip"])
    assert any("Înregistrări: 14 din 14" in m.value for m in app.markdown)
    assert app.info[0].value.startswith("Faceți clic pe un rând din tabel")
    assert app.multiselect(key="actors_kinds").label == "Tip"
    assert "proiect-pilot" in app.multiselect(key="actors_kinds").options
    assert app.get("download_button")[0].proto.label == "Descărcați modelul (CSV)"
    assert any("Adăugați inițiativa dumneavoastră" in h.value for h in app.header)
    # The filter still works on the file's codes, whatever the language shows.
    app.multiselect(key="actors_kinds").set_value(["local migration profile"]).run()
    assert sorted(app.dataframe[0].value["Loc"]) == ["Kikinda, Serbia", "Zvezdara, Serbia"]


def test_a_chosen_entry_shows_its_details_in_serbian_cyrillic():
    app = open_page(ACTORS, "sr-Cyrl")
    key = app.dataframe[0].key
    row = list(app.dataframe[0].value["Назив"]).index("Local migration profile of Kikinda")
    app.session_state[key] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    app.run()
    body = markdown(app)
    assert "**Место:** Kikinda, Србија" in body and "**Врста:** локални миграциони профил" in body
    assert "#### Local migration profile of Kikinda" in body, "the entry's own name is shown as written"


def test_a_bad_actors_row_is_explained_in_the_language(data_copy, monkeypatch):
    path = data_copy / "actors" / "actors.csv"
    path.write_text(path.read_text(encoding="utf-8") + "My initiative,think tank,SRB,,,,,,,,,\n", encoding="utf-8")
    app = open_page(ACTORS, "ro", monkeypatch, data_copy)
    warning = app.warning[0].value
    assert "data/actors/actors.csv" in warning and "think tank" in warning
    assert "Folosiți unul dintre aceste tipuri" in warning and "Use one of these kinds" not in warning
