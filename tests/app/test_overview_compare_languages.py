"""The overview and compare pages opened with ?lang=: text, names, numbers and charts in that language."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

TIMEOUT = 90


def open_page(page: str | None, lang: str, **params) -> AppTest:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    app.query_params["lang"] = lang
    app.query_params.update(params)
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def specs(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def test_overview_in_romanian():
    app = open_page(None, "ro")
    assert app.title[0].value == "Mobilitatea în Europa de Sud-Est"
    assert app.header[0].value == "Trăiește în străinătate una din cinci persoane din Balcanii de Vest?"
    metric = app.metric[0]
    assert metric.label == "Balcanii de Vest, 2024"  # the newest edition's latest year
    assert "," in metric.value and "." not in metric.value  # 27,3% with a decimal comma
    claim = next(m.value for m in app.markdown if "Belgrad" in m.value)
    assert "International Migrant Stock 2024" in claim and any(v in claim for v in ("aproape de", "peste", "sub afirmație"))
    table = app.table[-1].value
    assert table.loc["Albania"].iloc[0] == "1,22 milioane"  # 1,216,628 in 2024
    assert table.loc["Kosovo*"].iloc[0] == "inclus în cifra Serbiei"
    assert "Macedonia de Nord" in table.index
    chart = specs(app)[0]
    assert chart["layout"]["title"]["text"].startswith("Ponderea persoanelor născute")
    assert chart["layout"]["separators"] == ",."
    assert "Serbia (incl. Kosovo*)" in chart["data"][0]["y"]


def test_overview_in_serbian_cyrillic():
    app = open_page(None, "sr-Cyrl")
    assert app.title[0].value == "Мобилност у Југоисточној Европи"
    assert app.metric[0].label == "Западни Балкан, 2024"
    table = app.table[-1].value
    assert {"Србија", "Северна Македонија", "Косово*"} <= set(table.index)
    assert table.loc["Црна Гора"].iloc[0] == "90.678"  # 2024, UN DESA 2024 edition
    chart = specs(app)[0]
    assert "Србија (укљ. Косово*)" in chart["data"][0]["y"]
    assert chart["layout"]["xaxis"]["title"]["text"] == "% особа рођених у земљи"


def test_compare_in_serbian_cyrillic():
    app = open_page("pages/explore/compare.py", "sr-Cyrl", countries="MKD,SRB,MNE,ALB,BIH",
                    indicator="emigrants_share_of_population", year="2020", since="1990")
    assert app.title[0].value == "Поређење земаља"
    headers = [h.value for h in app.header]
    assert "Више показатеља упоредо" in headers and "Промена између две године" in headers
    ranked, multiples, _education, change = specs(app)
    assert "Северна Македонија" in ranked["data"][0]["y"]
    assert all(chart["layout"]["separators"] == ",." for chart in (ranked, multiples, change))
    assert multiples["layout"]["title"]["text"] == "Поређење емиграције, имиграције и дознака"
    assert change["layout"]["title"]["text"].endswith(": 1990 и 2020")
    assert any(" — Редослед: 1. " in c.value for c in app.caption)  # "<chart title> — <summary>"
    assert app.select_slider(key="since").label == "Од"


def test_compare_in_romanian_without_countries_compares_the_whole_region():
    app = open_page("pages/explore/compare.py", "ro", countries="")
    assert app.title[0].value == "Compararea țărilor"
    assert any(i.value.startswith("Nu este aleasă nicio țară") for i in app.info)
    assert any("Republica Moldova" in chart["data"][0]["y"] for chart in specs(app)[:1])
