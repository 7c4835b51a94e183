"""Indicator roles are catalogue data: which indicator opens first for its migration type, the
Overview's headline figures, the Compare page's panels, a profile's facts and its trend charts (also a profile slide's).

Adding an indicator that takes a role is a change to data/catalogue/indicators.csv (and its
figures and translations), not to code.
"""

from __future__ import annotations

import csv
import io

from components import catalogue, filters, metrics, profile, views
from components.catalogue import INDICATOR_COLUMNS, in_role_order, read_catalogue_bytes
from components.dataset import load_dataset
from components.i18n import english
from tests.conftest import REPO

NEW = "net_migration_copy"


def _rows(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_a_new_indicator_takes_its_roles_from_the_catalogue_without_code(data_copy):
    # The new indicator is the World Bank's net migration under another id: real figures, new roles.
    indicators = _rows(data_copy / "catalogue" / "indicators.csv")
    original = next(row for row in indicators if row["id"] == "net_migration")
    original["default_for_type"] = ""
    indicators.append(dict(original, id=NEW, default_for_type="yes", headline_order="6", compare_order="9",
                           profile_fact="", profile_chart_order="5"))
    _write(data_copy / "catalogue" / "indicators.csv", indicators)
    figures = [dict(row, indicator=NEW) for row in _rows(data_copy / "observations" / "world_bank_wdi.csv")
               if row["indicator"] == "net_migration"]
    _write(data_copy / "observations" / "net_migration_copy.csv", figures)

    data = load_dataset(data_copy)
    assert not [p for r in data.reports for p in r.problems if p.severity == "error"]
    assert filters.choices(data.observations, data.indicators).default_indicator("Net migration") == NEW
    headline = list(dict.fromkeys(metrics.headline_figures(data.observations, data.indicators)["indicator"]))
    assert headline == ["emigrant_stock", "share_of_native_born_abroad", "population", "net_migration",
                        "remittances_pct_gdp", NEW]
    panels = views.comparison_panels(data.observations, data.indicators, ("SRB", "MDA", "ALB"))
    assert panels[-1]["indicator"] == NEW and panels[-1]["frame"]["value"].notna().all()
    assert in_role_order(data.indicators, "profile_chart_order")[-1] == NEW
    country = profile.build_profile(data.observations, data.indicators, "MDA")
    charts = profile.figures(country, data.observations, data.indicators, data.sources)
    assert [chart["table"]["indicator"].iloc[0] for chart in charts[:5]][-1] == NEW


def test_the_shipped_catalogue_gives_each_role_to_the_indicators_the_pages_show():
    frame, report = catalogue.read_catalogue(REPO / "data" / "catalogue" / "indicators.csv", INDICATOR_COLUMNS)
    assert not report.problems
    assert catalogue.default_indicators(frame) == {
        "Emigration": "emigrant_stock", "Immigration": "immigrant_stock", "Return": "return_flow_5yr",
        "Remittances": "remittances_pct_gdp", "Net migration": "net_migration"}
    assert in_role_order(frame, "profile_chart_order") == (
        "emigrant_stock", "remittances_pct_gdp", "return_flow_5yr", "net_migration")
    assert in_role_order(frame, "compare_order")[:2] == ("share_of_native_born_abroad", "emigrants_share_of_population")
    facts = catalogue.profile_facts(frame)
    assert facts["share_abroad"] == "share_of_native_born_abroad" and len(facts) == len(catalogue.PROFILE_FACTS)
    # Only the newest edition of a series has roles: an older one is never opened by default.
    older = frame[frame["edition"].eq("2020")]
    assert len(older) and (older[list(catalogue.ROLE_COLUMNS)] == "").all().all()


def test_a_profile_reads_its_facts_from_the_catalogue():
    data = load_dataset(REPO / "data")
    renamed = data.indicators.copy()
    renamed.loc[renamed["id"] == "returning_nationals", "profile_fact"] = ""
    assert "returning_nationals" in profile.build_profile(data.observations, data.indicators, "MDA").facts
    assert "returning_nationals" not in profile.build_profile(data.observations, renamed, "MDA").facts


def test_a_bad_role_is_reported_with_file_row_column_and_fix_and_the_rest_still_works():
    text = (REPO / "data" / "catalogue" / "indicators.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    rows[0]["headline_order"] = "first"  # emigrant_stock, spreadsheet row 2
    rows[2]["profile_fact"] = "emigrants abroad"  # immigrant_stock, row 4
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    frame, report = read_catalogue_bytes(out.getvalue().encode(), "catalogue/indicators.csv", INDICATOR_COLUMNS)
    found = {(p.row, p.column): english().say(p.message) for p in report.problems}
    assert set(found) == {(2, "headline_order"), (4, "profile_fact")}
    assert found[(2, "headline_order")].startswith("catalogue/indicators.csv")
    assert "'first'" in found[(2, "headline_order")] and "1, 2, 3" in found[(2, "headline_order")]
    assert "share_abroad" in found[(4, "profile_fact")] and "How to fix:" in found[(4, "profile_fact")]
    # The bad cell loses its role; the indicator and every other role stay.
    assert "emigrant_stock" not in in_role_order(frame, "headline_order")
    assert in_role_order(frame, "headline_order")[0] == "share_of_native_born_abroad"
    assert len(frame) == len(rows) and "immigrants" not in catalogue.profile_facts(frame)
