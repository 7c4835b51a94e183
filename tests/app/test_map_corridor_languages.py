"""The map and corridors pages opened in Romanian and Serbian Cyrillic, and switched between languages."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from components.corridors import percent
from components.i18n import texts
from tests.conftest import REPO


def open_page(page: str, language: str, **params) -> AppTest:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    app.query_params.update({"lang": language, **params})
    app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def legend(app: AppTest) -> list[str]:
    return [trace["name"] for trace in json.loads(app.get("plotly_chart")[0].proto.spec)["data"]]


def captions(app: AppTest) -> str:
    return "\n".join(str(e.value) for e in [*app.caption, *app.info, *app.markdown])


def test_the_map_in_romanian():
    app = open_page("pages/explore/map.py", "ro", countries="SRB,XKX,ALB", indicator="emigrant_stock", year="2000")
    assert app.title[0].value == "Harta regiunii"
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["separators"] == ",."
    assert "Fără date" in legend(app)
    albania = next(row for trace in spec["data"] if "customdata" in trace for row in trace["customdata"]
                   if row[0] == texts("ro").country("ALB"))
    assert albania[1] == "629.192"  # 2000, UN DESA 2024 edition; Romanian thousands point
    assert "UN DESA include Kosovo în Serbia" in captions(app)
    assert app.expander[0].label == "Datele pe care se bazează graficul"
    assert {"Țara", "Anul", "Valoarea"} <= set(app.dataframe[0].value.columns)
    assert app.get("download_button")[0].proto.label == "Descărcați această vizualizare (CSV)"


def test_the_corridors_in_serbian_cyrillic():
    tx = texts("sr-Cyrl")
    app = open_page("pages/explore/corridors.py", "sr-Cyrl", origin="MDA", since="2000", year="2020",
                    indicator="emigrant_stock")
    assert app.title[0].value == "Коридори дијаспоре"
    # UN DESA 2024 edition, 2020: 812,653 Moldova-born abroad, 200,676 of them in Italy.
    assert app.metric[0].label == "Укупно, 2020" and app.metric[0].value == "812.653"
    largest, change = app.table[0].value, app.table[1].value
    assert list(largest.columns) == ["земља", "број особа", "удео"]
    assert largest.iloc[0]["земља"] == tx.country("ITA")
    assert largest.iloc[0]["удео"] == percent(200_676 / 812_653 * 100, tx)
    assert largest.iloc[0]["број особа"] == "200.676"
    assert {"2000", "2020", "промена", "промена %"} <= set(change.columns) and tx.country("ITA") in change.index
    deck = json.loads(app.get("deck_gl_json_chart")[0].proto.json)
    shapes = {f["properties"]["name"]: f["properties"]["label"]
              for layer in deck["layers"] if layer["@@type"] == "GeoJsonLayer" for f in layer["data"]["features"]}
    assert shapes[tx.country("MDA")] == "изабрана земља" and shapes[tx.country("RUS")] == "198.728 (2020)"
    arcs = next(layer["data"] for layer in deck["layers"] if layer["@@type"] == "ArcLayer")
    assert arcs[0]["label"] == f"200.676 ({percent(200_676 / 812_653 * 100, tx)} укупног броја)"
    assert "изабрана земља" in captions(app)  # the legend above the map
    assert any(s.label == "Земља за коју се приказују коридори" for s in app.selectbox)


def test_switching_the_language_redraws_the_map_in_the_new_language():
    app = open_page("pages/explore/map.py", "en", countries="SRB,XKX,ALB", indicator="emigrant_stock", year="2020")
    assert "No data" in legend(app)
    app.selectbox(key="lang").select("ro").run()
    assert not app.exception, [e.message for e in app.exception]
    assert "Fără date" in legend(app) and "No data" not in legend(app)
    assert app.title[0].value == "Harta regiunii"
