"""A corridor map (pydeck deck) as a PNG picture, drawn on the server: works offline and without WebGL.

deck.gl draws on a WebGL canvas that the browser clears after each frame, so a picture of it
cannot simply be read back; and pydeck's own HTML loads deck.gl from a CDN. The deck's shapes,
colours, arcs and view are all in the Deck object, so they are drawn here again with Pillow in
the same Web Mercator view, with the title, legend and source line the page shows around it.
"""

from __future__ import annotations

import io
import math
import textwrap
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

WIDTH = 1600  # pixels of the picture
MAP_HEIGHT = 860
SUPERSAMPLE = 2  # shapes drawn at twice the size, then shrunk: smooth edges
MARGIN = 40
REFERENCE_WIDTH = 1000  # the on-page width for which the deck's zoom was chosen
BACKGROUND = (255, 255, 255)
TEXT, SOFT_TEXT = (31, 41, 51), (82, 96, 109)
# Fonts with Latin and Cyrillic letters (Debian's DejaVu); Pillow's own font if they are missing.
FONT_FILES = {False: ("DejaVuSans.ttf", "LiberationSans-Regular.ttf"),
              True: ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf")}


@lru_cache(maxsize=16)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    for name in FONT_FILES[bold]:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _mercator(lon: float, lat: float, world: float) -> tuple[float, float]:
    lat = max(min(lat, 85.0511), -85.0511)
    x = (lon + 180) / 360 * world
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * world
    return x, y


def _colour(value, default=(200, 200, 200, 255)) -> tuple[int, ...]:
    if isinstance(value, (list, tuple)) and len(value) >= 3:
        return tuple(int(v) for v in value[:4]) + ((255,) if len(value) == 3 else ())
    return default


def _great_circle(start, end, steps: int = 48):
    """Points along the great circle from start to end (lon, lat), as deck.gl's ArcLayer seen from above."""
    (lon1, lat1), (lon2, lat2) = (map(math.radians, point) for point in (start, end))
    a = [math.cos(lat1) * math.cos(lon1), math.cos(lat1) * math.sin(lon1), math.sin(lat1)]
    b = [math.cos(lat2) * math.cos(lon2), math.cos(lat2) * math.sin(lon2), math.sin(lat2)]
    angle = math.acos(max(-1.0, min(1.0, sum(p * q for p, q in zip(a, b)))))
    if angle < 1e-9:
        return [start, end]
    points = []
    for i in range(steps + 1):
        t = i / steps
        wa, wb = math.sin((1 - t) * angle) / math.sin(angle), math.sin(t * angle) / math.sin(angle)
        x, y, z = (wa * p + wb * q for p, q in zip(a, b))
        points.append((math.degrees(math.atan2(y, x)), math.degrees(math.atan2(z, math.hypot(x, y)))))
    return points


def projection(deck, width: int, height: int, scale: float = 1):
    """(lon, lat) -> (x, y) pixels of a width × height picture of the deck's initial view (Web Mercator,
    deck.gl's 512 px tiles), zoomed so the picture shows what a REFERENCE_WIDTH wide chart shows."""
    view = deck.initial_view_state
    zoom = (view.zoom or 0) + math.log2(width / REFERENCE_WIDTH)
    world = 512 * 2 ** zoom * scale
    centre_x, centre_y = _mercator(view.longitude or 0, view.latitude or 0, world)
    offset = (width * scale / 2 - centre_x, height * scale / 2 - centre_y)

    def project(lon, lat):
        x, y = _mercator(lon, lat, world)
        return x + offset[0], y + offset[1]

    return project


def map_image(deck, width: int = WIDTH, height: int = MAP_HEIGHT) -> Image.Image:
    """The deck's country shapes and arcs, in its initial view, scaled to a picture `width` wide."""
    scale = SUPERSAMPLE
    project = projection(deck, width, height, scale)
    picture = Image.new("RGB", (width * scale, height * scale), BACKGROUND)
    draw = ImageDraw.Draw(picture, "RGBA")
    for layer in deck.layers:
        data = layer.data
        if getattr(layer, "type", "") == "GeoJsonLayer" and isinstance(data, dict):
            for feature in data.get("features", []):
                _shape(draw, feature, project, scale)
    for layer in deck.layers:
        if getattr(layer, "type", "") == "ArcLayer":
            _arcs(draw, layer, project, scale)
    return picture.resize((width, height), Image.LANCZOS)


def _shape(draw, feature: dict, project, scale: int) -> None:
    geometry, properties = feature.get("geometry") or {}, feature.get("properties") or {}
    kind = geometry.get("type")
    polygons = geometry.get("coordinates", []) if kind == "MultiPolygon" else [geometry.get("coordinates", [])]
    fill, line = _colour(properties.get("fill")), _colour(properties.get("line"), (255, 255, 255, 255))
    width = max(1, round(float(properties.get("line_width") or 0.6) * scale))
    for polygon in polygons if kind in ("Polygon", "MultiPolygon") else ():
        for index, ring in enumerate(polygon):
            points = [project(point[0], point[1]) for point in ring]
            if len(points) < 3:
                continue
            # Holes (lakes, enclaves) are drawn in the background colour.
            draw.polygon(points, fill=fill if index == 0 else BACKGROUND + (255,))
            draw.line(points + points[:1], fill=line, width=width)


def _arcs(draw, layer, project, scale: int) -> None:
    source_colour = _colour(getattr(layer, "get_source_color", None), (230, 159, 0, 255))
    target_colour = _colour(getattr(layer, "get_target_color", None), (0, 114, 178, 255))
    arcs = layer.data if isinstance(layer.data, list) else []
    for arc in sorted(arcs, key=lambda a: a.get("width", 1), reverse=True):  # thin ones on top
        points = [project(lon, lat) for lon, lat in _great_circle(arc["source"], arc["target"])]
        width = max(1, round(float(arc.get("width", 2)) * scale))
        for i in range(len(points) - 1):
            t = i / max(len(points) - 2, 1)
            colour = tuple(round(s + (e - s) * t) for s, e in zip(source_colour, target_colour))
            draw.line([points[i], points[i + 1]], fill=colour[:3] + (220,), width=width)


def _lines(text: str, size: int, width: int, bold: bool = False) -> list[str]:
    """`text` wrapped to lines no wider than `width` pixels in the given font."""
    face = font(size, bold)
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if line and face.getlength(trial) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + ([line] if line else []) or textwrap.wrap(text, 80)


def corridor_png(deck, *, title: str, legend: list[tuple[str, str]], source: str, width: int = WIDTH) -> bytes:
    """The whole chart as one PNG: title, map, legend (colour, label) and source line."""
    inner = width - 2 * MARGIN
    title_lines = _lines(title, 38, inner, bold=True)
    source_lines = _lines(source, 24, inner)
    legend_rows = _legend_rows(legend, 26, inner)
    height = (MARGIN + 48 * len(title_lines) + 16 + MAP_HEIGHT + 20 + 40 * len(legend_rows) + 12
              + 32 * len(source_lines) + MARGIN)
    picture = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(picture)
    y = MARGIN
    for line in title_lines:
        draw.text((MARGIN, y), line, font=font(38, True), fill=TEXT)
        y += 48
    y += 16
    picture.paste(map_image(deck, width, MAP_HEIGHT), (0, y))
    y += MAP_HEIGHT + 20
    for row in legend_rows:
        x = MARGIN
        for colour, label in row:
            draw.rectangle([x, y + 6, x + 26, y + 32], fill=colour, outline=(123, 135, 148), width=1)
            draw.text((x + 36, y + 2), label, font=font(26), fill=TEXT)
            x += 36 + font(26).getlength(label) + 32
        y += 40
    y += 12
    for line in source_lines:
        draw.text((MARGIN, y), line, font=font(24), fill=SOFT_TEXT)
        y += 32
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def map_png(deck, width: int = WIDTH, height: int = MAP_HEIGHT) -> bytes:
    """Only the map, for a page that writes its title, legend and source as text around it."""
    out = io.BytesIO()
    map_image(deck, width, height).save(out, format="PNG", optimize=True)
    return out.getvalue()


def _legend_rows(legend: list[tuple[str, str]], size: int, width: int) -> list[list[tuple[str, str]]]:
    rows, row, used = [], [], 0
    for colour, label in legend:
        need = 36 + font(size).getlength(label) + 32
        if row and used + need > width:
            rows.append(row)
            row, used = [], 0
        row.append((colour, label))
        used += need
    return rows + ([row] if row else [])
