"""Trends and country profile pages opened with ?lang=: the reader sees their own language throughout."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from components.i18n import texts
from tests.conftest import REPO


def open_page(page: str, lang: str, **params) -> AppTest:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    app.query_params.update({"lang": lang, **params})
    app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def specs(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def captions(app: AppTest) -> str:
    return "\n".join(str(c.value) for c in app.caption)


def test_trends_in_romanian():
    app = open_page("pages/explore/trends.py", "ro", countries="ALB,MDA", type="Remittances",
                    indicator="remittances_usd")
    assert app.title[0].value == "Evoluții în timp"
    spec = specs(app)[0]
    assert spec["layout"]["xaxis"]["title"]["text"] == "Anul"
    assert spec["layout"]["separators"] == ",."
    assert {trace["name"] for trace in spec["data"]} >= {"Albania", "Republica Moldova"}
    assert "Referința temporală: an calendaristic." in captions(app)
    assert "Evoluția indicatorului" in captions(app)


def test_trends_in_serbian_cyrillic_index_and_empty_choice():
    app = open_page("pages/explore/trends.py", "sr-Cyrl", countries="MDA,ALB", type="Remittances",
                    indicator="remittances_usd", view="index", base="2005")
    assert app.title[0].value == "Кретања кроз време"
    layout, traces = specs(app)[0]["layout"], specs(app)[0]["data"]
    assert layout["yaxis"]["title"]["text"] == "индекс, 2005 = 100" and layout["xaxis"]["title"]["text"] == "Година"
    assert "Молдавија" in {trace["name"] for trace in traces}
    assert "Албанија од" in captions(app), "the text alternative names countries in Serbian"
    empty = open_page("pages/explore/trends.py", "sr-Cyrl", countries="")
    assert any("Изаберите једну или више земаља" in i.value for i in empty.info)


def test_profile_in_serbian_cyrillic():
    app = open_page("pages/explore/profile.py", "sr-Cyrl", country="MDA")
    assert app.title[0].value == "Миграциони профил: Молдавија"
    said = [m.value for m in app.markdown]
    assert any("864.257 лица рођених у Молдавији" in s for s in said)  # 2024, UN DESA 2024 edition
    assert any(metric.label == "Емигранти (2024)" for metric in app.metric)
    labels = [button.proto.label for button in app.get("download_button")]
    assert "Преузмите овај профил (HTML, отвара се и без интернета)" in labels
    assert "Актери и иницијативе: Молдавија" in [h.value for h in app.header]
    assert "Назив" == app.table[-1].value.index.name and "Врста" in app.table[-1].value.columns


def test_profile_in_romanian():
    app = open_page("pages/explore/profile.py", "ro", country="ALB")
    assert app.title[0].value == "Profil migrațional: Albania"
    said = "\n".join(m.value for m in app.markdown)
    assert "născute în Albania care trăiau în străinătate era de 1,22 milioane" in said  # 2024 edition
    assert "Italia (542.638), Grecia (474.441) și Macedonia de Nord (68.356)" in said
    titles = [spec["layout"]["title"]["text"] for spec in specs(app)]
    assert "Unde trăiesc emigranții din Albania, 2024" in titles
