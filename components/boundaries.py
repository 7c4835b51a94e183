"""Read one boundary file (GeoJSON) and check it against the contract."""

from __future__ import annotations

import json
from pathlib import Path

from components import contract as c
from components.i18n import Phrase

GEOMETRY_TYPES = {"Polygon", "MultiPolygon", "Point", "MultiPoint", "LineString", "MultiLineString"}


def read_boundary_file(path: Path, name: str | None = None) -> tuple[dict | None, c.FileReport]:
    """Return (FeatureCollection, report); the collection is None when the file is rejected."""
    name = name or path.name
    report = c.FileReport(file=name, kind="boundaries")

    def problem(check, severity=c.ERROR, detail=None, **where):
        # Each check's texts are keyed by its name (components/locales, [problems.<check>]).
        fix = Phrase(f"problems.{check}.fix", **({"detail": detail} if detail is not None else {}))
        report.problems.append(c.Problem(name, check, severity, Phrase(f"problems.{check}.expected"),
                                         fix, **where))

    try:
        collection = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        problem("not-json", detail=str(error))
        return None, report
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        found = collection.get("type") if isinstance(collection, dict) else type(collection).__name__
        problem("not-feature-collection", value=str(found))
        return None, report
    features = collection.get("features") or []
    if not features:
        problem("no-features")
        return None, report
    seen: set[str] = set()
    for number, feature in enumerate(features, start=1):
        properties = (feature or {}).get("properties") or {}
        code = properties.get(c.BOUNDARY_CODE_PROPERTY)
        where = {"row": number, "column": f"features[{number}].properties.code"}
        if code in (None, ""):
            problem("missing-code", value=str(sorted(properties)[:5]), **where)
            continue
        if str(code) in seen:
            problem("duplicate-code", severity=c.WARNING, value=str(code), **where)
        seen.add(str(code))
        geometry = (feature or {}).get("geometry") or {}
        if geometry.get("type") not in GEOMETRY_TYPES:
            problem("bad-geometry", value=str(geometry.get("type")), **where)
        elif not _in_lon_lat(geometry.get("coordinates")):
            problem("not-wgs84", value=str(code), **where)
        if sum(p.severity == c.ERROR for p in report.problems) >= c.MAX_LISTED_PER_CHECK:
            break
    report.rows_loaded = 0 if report.rejected else len(features)
    report.rows_rejected = len(features) if report.rejected else 0
    return (None if report.rejected else collection), report


def _in_lon_lat(coordinates) -> bool:
    """True when every position is a plausible (longitude, latitude) pair."""
    stack = [coordinates]
    while stack:
        item = stack.pop()
        if not isinstance(item, list) or not item:
            return False
        if isinstance(item[0], (int, float)):
            if len(item) < 2 or not (-180 <= item[0] <= 180 and -90 <= item[1] <= 90):
                return False
        else:
            stack.extend(item)
    return True
