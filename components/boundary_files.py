"""A boundary file read from bytes in memory, with the shapes themselves checked by shapely."""

from __future__ import annotations

import shapely.geometry

from components import contract as c
from components.boundaries import read_boundary_file
from components.i18n import Phrase


class _InMemoryFile:
    """Just enough of a Path for read_boundary_file: the bytes come from the snapshot, not the disk."""

    def __init__(self, name: str, data: bytes):
        self.name, self._data = name, data

    def read_bytes(self) -> bytes:
        return self._data


def read_boundaries(raw: bytes, name: str) -> tuple[dict | None, c.FileReport]:
    """(FeatureCollection or None, report). A shape that cannot be built rejects the file;
    a self-intersecting one is drawn, with a warning."""
    collection, report = read_boundary_file(_InMemoryFile(name, raw), name)
    report.detected["format"] = "GeoJSON"
    if raw.startswith(b"\xef\xbb\xbf"):
        report.detected["encoding"] = Phrase("detected.encoding.utf8_bom")
    if collection is None:
        return None, report
    for number, feature in enumerate(collection.get("features") or [], start=1):
        geometry = (feature or {}).get("geometry") or {}
        code = str(((feature or {}).get("properties") or {}).get(c.BOUNDARY_CODE_PROPERTY, ""))
        where = {"row": number, "column": f"features[{number}].geometry"}
        try:
            shape = shapely.geometry.shape(geometry)
        except Exception as error:  # shapely raises several types for malformed coordinates
            report.problems.append(c.Problem(
                name, "invalid-geometry", c.ERROR, Phrase("problems.invalid-geometry.expected"),
                Phrase("problems.invalid-geometry.fix"), value=f"{code}: {str(error)[:60]}", **where))
            continue
        if not shape.is_valid:
            report.problems.append(c.Problem(
                name, "self-intersecting", c.WARNING, Phrase("problems.self-intersecting.expected"),
                Phrase("problems.self-intersecting.fix"), value=code, **where))
        if sum(p.severity == c.ERROR for p in report.problems) >= c.MAX_LISTED_PER_CHECK:
            break
    report.detected["features"] = Phrase("detected.shapes", count=len(collection.get("features") or []))
    if report.rejected:
        report.rows_rejected, report.rows_loaded = report.rows_loaded, 0
        return None, report
    return collection, report
