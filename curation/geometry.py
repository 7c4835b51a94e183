"""Turn the Natural Earth / GISCO extracts in sources/geo into small, deterministic display GeoJSON."""

# Source notes (checked against the extracts in /work/shared/sources/geo):
# - world: no feature has a missing or "-99" iso3 (the extract already falls back to ADM0_A3), so none is
#   dropped. Non-ISO keys kept as they come: ESB, WSB, USG, BRT, PGA, SCR. Spain and Japan are
#   GeometryCollections with stray lines (only polygons are kept), and Bir Tawil (BRT) overlaps Sudan by a
#   sliver, so the coverage is cleaned (overlap goes to the larger polygon) before simplifying.
# - admin1: iso_3166_2 is wrong for some units, so a few codes are corrected by Natural Earth's stable
#   adm1_code (see _ADMIN1_CODE_FIXES). "Repuplika Srpska" only occurs in the `region` property.
import json
import pathlib

import geopandas as gpd
import shapely

REGION = ("SRB", "MNE", "MKD", "MDA", "BGR", "ALB", "BIH", "XKX", "HRV", "ROU")
NUTS_COUNTRY = {"RS": "SRB", "ME": "MNE", "MK": "MKD", "AL": "ALB", "BG": "BGR", "RO": "ROU",
                "HR": "HRV", "BA": "BIH", "XK": "XKX", "EL": "GRC", "HU": "HUN", "SI": "SVN"}
NAME_FIXES = {"Repuplika Srpska": "Republika Srpska"}

_ADMIN1_CODE_FIXES = {
    # Both Croatian HR-12 units: this one is Požega-Slavonia (name_en, location), ISO HR-11.
    "HRV-1604": "HR-11",
    # Coded MK-85 (City of Skopje) and named Skopje, but the polygon lies at Petrovec, its GeoNames name is
    # Petrovec, and MK-59 (Petrovec) is otherwise missing; Skopje's ten municipalities are all present.
    "MKD-2901": "MK-59",
    # Coded MD-RE (Rezina), but lies east of the Dniester between Camenca and Transnistria (i.e. Rîbnița):
    # it belongs to the left-bank unit MD-SN, with which it is dissolved.
    "MDA-1645": "MD-SN",
    # The ten Federation cantons all carry the entity code BA-BIH (Posavina even BA-SRP, which is Republika
    # Srpska): give them their ISO 3166-2 canton codes BA-01..BA-10 (removed from ISO in recent editions).
    "BIH-2225": "BA-01", "BIH-3153": "BA-02", "BIH-2887": "BA-03", "BIH-2889": "BA-04", "BIH-2891": "BA-05",
    "BIH-2226": "BA-06", "BIH-2228": "BA-07", "BIH-2227": "BA-08", "BIH-2890": "BA-09", "BIH-2224": "BA-10",
}
# HRV-1604's GeoNames name is Brod-Posavina's (same gn_id as HRV-1602); write its own in the same style.
_ADMIN1_NAME_FIXES = {"HRV-1604": "Pozesko-Slavonska Zupanija"}

# Per output file: (coverage_simplify tolerance in degrees, rounding decimals, smallest kept island in
# square degrees, size limit in bytes). The region sources are already simplified (countries at 0.005°),
# so region_countries is only rounded; NUTS is only rounded, as its four levels overlap by design.
SETTINGS = {
    "world_countries.geojson": (0.2, 2, 0.02, 400_000),
    "region_countries.geojson": (0.0, 3, 0.0, 300_000),
    "region_admin1.geojson": (0.004, 4, 0.0, 700_000),
    "region_nuts.geojson": (0.0, 4, 0.0, 400_000),
}


def _polygonal(geom):
    """Keep only the polygon parts (Natural Earth has a few GeometryCollections with lines)."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _drop_specks(geoms, min_area):
    """Drop island parts below min_area: thousands of them dominate the world file yet are invisible at
    world scale. A country's largest part and parts touching another country (shared islands) stay."""
    tree, out = shapely.STRtree(geoms), []
    for i, geom in enumerate(geoms):
        parts, areas = shapely.get_parts(geom), shapely.area(shapely.get_parts(geom))
        keep = [p for j, p in enumerate(parts) if j == areas.argmax() or areas[j] >= min_area
                or any(k != i for k in tree.query(p, predicate="intersects"))]
        out.append(keep[0] if len(keep) == 1 else shapely.MultiPolygon(keep))  # [] -> empty
    return out


def _snap(geom, decimals):
    """Round to a grid; set_precision drops rings that collapse. Tiny states would vanish entirely, so
    those alone use a finer grid (only the Vatican, which then lies on Italy, whose hole collapsed)."""
    for d in range(decimals, decimals + 3):
        snapped = shapely.set_precision(geom, 10.0 ** -d)
        if not snapped.is_empty:
            return snapped, d
    return snapped, decimals


def _round(coords, d):
    # `+ 0.0` turns -0.0 into 0.0 so the text never depends on the sign of a rounded zero.
    if isinstance(coords[0], (int, float)):
        return [round(c, d) + 0.0 for c in coords]
    return [_round(c, d) for c in coords]


def _finish(frame, tolerance, decimals, min_area, coverage=True):
    """Clean and simplify as one coverage (shared borders stay gap-free), snap, orient (RFC 7946)."""
    geoms = frame.geometry.apply(_polygonal).values
    if coverage:
        if not shapely.coverage_is_valid(geoms):
            geoms = shapely.coverage_clean(geoms, merge_strategy="max_area")
        if min_area:
            geoms = _drop_specks(geoms, min_area)
        if tolerance:
            geoms = shapely.coverage_simplify(geoms, tolerance)
    return [(shapely.orient_polygons(g), d) for g, d in (_snap(geom, decimals) for geom in geoms)]


def _write(name, frame, props, out_dir):
    """Validate and write features sorted by code with fixed JSON formatting; return the summary dict."""
    tolerance, decimals, min_area, limit = SETTINGS[name]
    codes = [str(c).strip() if c is not None else "" for c in frame["code"]]
    if any(c in ("", "nan", "-99") for c in codes) or frame["name"].isna().any():
        raise ValueError(f"{name}: a feature has no code or no name")
    if len(set(codes)) != len(codes):
        dupes = sorted({c for c in codes if codes.count(c) > 1})
        raise ValueError(f"{name}: duplicate codes after dissolving: {dupes}")
    features, coverage = [], name != "region_nuts.geojson"
    for (_, row), (geom, d) in zip(frame.iterrows(), _finish(frame, tolerance, decimals, min_area, coverage)):
        if geom.is_empty or not geom.is_valid:
            raise ValueError(f"{name}: geometry of {row['code']} is empty or invalid after simplifying")
        mapped = shapely.geometry.mapping(geom)
        geometry = {"type": mapped["type"], "coordinates": _round(mapped["coordinates"], d)}
        properties = {k: row[k].item() if hasattr(row[k], "item") else row[k] for k in props}  # numpy -> json
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    features.sort(key=lambda f: f["properties"]["code"])
    text = json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    data = (text + "\n").encode("utf-8")
    if len(data) > limit:
        raise ValueError(f"{name}: {len(data)} bytes exceeds the {limit} byte limit")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / name).write_bytes(data)
    return {"file": name, "features": len(features), "bytes": len(data)}


def _fix_name(value):
    for wrong, right in NAME_FIXES.items():
        value = value.replace(wrong, right)
    return value.strip()


def _countries(path):
    """Dissolve by iso3 (not unique); the name comes from the largest part (France, not Clipperton)."""
    src = gpd.read_file(path)
    bad = src["iso3"].isna() | src["iso3"].isin(["-99", ""])
    src.loc[bad, "iso3"] = src.loc[bad, "ADM0_A3"]  # key by ADM0_A3 when iso3 is unusable
    src = src[src["iso3"].notna() & ~src["iso3"].isin(["-99", ""])].copy()  # unkeyable: dropped
    src["geometry"] = src.geometry.apply(_polygonal)
    src["_area"] = shapely.area(src.geometry.values)
    src = src.sort_values(["iso3", "_area", "NAME_EN"], ascending=[True, False, True])
    out = src.dissolve("iso3", aggfunc="first", sort=True).reset_index()
    out["code"] = out["iso3"]
    out["name"] = out["NAME_EN"].map(_fix_name)
    # Natural Earth's label point of the largest part: where corridor arcs start and end.
    out["label_lon"] = out["LABEL_X"].astype(float).round(2)
    out["label_lat"] = out["LABEL_Y"].astype(float).round(2)
    return out


def _admin1(path):
    src = gpd.read_file(path)
    src["code"] = [_ADMIN1_CODE_FIXES.get(a, c) for a, c in zip(src["adm1_code"], src["iso_3166_2"])]
    # gn_name, not `name`: Serbian `name` lacks diacritics and RS-19 is wrong there.
    src["name"] = [_ADMIN1_NAME_FIXES.get(a) or (g if isinstance(g, str) and g.strip() else e)
                   for a, g, e in zip(src["adm1_code"], src["gn_name"], src["name_en"])]
    src["name"] = src["name"].map(_fix_name)
    src["country"] = src["iso3"]  # iso3 is XKX for Kosovo (adm0_a3 says KOS)
    # Dissolving duplicated codes (MD-SN, MD-RE pieces): take the name of the piece with a GeoNames name.
    src["_has_gn"] = src["gn_name"].notna()
    src = src.sort_values(["code", "_has_gn", "adm1_code"], ascending=[True, False, True])
    return src.dissolve("code", aggfunc="first", sort=True).reset_index()


def _nuts(path):
    src = gpd.read_file(path)
    src["code"] = src["NUTS_ID"]
    # Eurostat writes "Kosovo*" (a footnote marker) at level 0 only; the other levels say "Kosovo".
    src["name"] = [(n if isinstance(n, str) and n.strip() else m).strip().rstrip("*").strip()
                   for n, m in zip(src["NAME_LATN"], src["NUTS_NAME"])]
    src["level"] = src["LEVL_CODE"].astype(int)
    unknown = sorted(set(src["NUTS_ID"].str[:2]) - set(NUTS_COUNTRY))
    if unknown or (src["NUTS_ID"].str[:2] != src["CNTR_CODE"]).any():
        raise ValueError(f"region_nuts: unknown or inconsistent NUTS country prefixes: {unknown}")
    src["country"] = src["NUTS_ID"].str[:2].map(NUTS_COUNTRY)
    return src.sort_values("code").reset_index(drop=True)


def curate_boundaries(source_dir: pathlib.Path, out_dir: pathlib.Path) -> list[dict]:
    """Write the four display GeoJSON files into out_dir and return one summary dict per file."""
    source_dir, out_dir = pathlib.Path(source_dir), pathlib.Path(out_dir)
    world = _countries(source_dir / "world_countries_ne10m.geojson")
    region = _countries(source_dir / "region_countries_ne10m.geojson")
    admin1 = _admin1(source_dir / "region_admin1_ne10m.geojson")
    nuts = _nuts(source_dir / "region_nuts2024_20m.geojson")
    for name, present in (("world_countries", world["code"]), ("region_countries", region["code"]),
                          ("region_admin1", admin1["country"])):
        if missing := sorted(set(REGION) - set(present)):
            raise ValueError(f"{name}: region countries missing: {missing}")
    return [
        _write("world_countries.geojson", world, ("code", "name", "label_lon", "label_lat"), out_dir),
        _write("region_countries.geojson", region, ("code", "name", "label_lon", "label_lat"), out_dir),
        _write("region_admin1.geojson", admin1, ("code", "name", "country"), out_dir),
        _write("region_nuts.geojson", nuts, ("code", "name", "level", "country"), out_dir),
    ]
