"""Actors and initiatives: read and check data/actors/actors.csv, place its entries, filter them.

The file's values (kinds, topics, country codes) are English codes; what the page shows of them is
said in the reader's language (`tx`). An entry's own words (name, description, quote) are shown as written.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from components import contract as c
from components.countries import REGION, country_name, normalise_name, resolve_country
from components.i18n import Phrase, Texts, english
# The observation reader's CSV parsing and problem collector, so that both files report alike.
from components.observations import Collector, parse_csv

ACTOR_COLUMNS = ("name", "kind", "country", "place", "latitude", "longitude", "period",
                 "description", "topics", "link", "source", "source_quote")
REQUIRED_ACTOR_COLUMNS = ("name", "kind", "country")
KINDS = ("organisation", "local migration profile", "diaspora guide", "returnee programme",
         "pilot project", "dialogue platform", "research", "event")
TOPICS = ("return", "diaspora", "seasonal work", "data", "local development")
TOPIC_SEPARATOR = ";"

# The map's frame: the ten countries and their borders, the same box the boundaries are clipped to.
REGION_LON = (12.5, 31.5)
REGION_LAT = (38.5, 49.5)

PLACE_COLUMNS = ("name", "ascii_name", "country", "latitude", "longitude", "geonameid")

# How an entry is placed on the map.
AT_PLACE, AT_COORDINATES, AT_COUNTRY, NOT_PLACED = "place", "coordinates", "country", "none"

# The loaded table: the file's columns (country as ISO3, coordinates as numbers) plus these.
LOADED_COLUMNS = ["id", *ACTOR_COLUMNS, "country_name", "located", "geonameid", "row"]

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def load_places(source: Path | bytes | None) -> pd.DataFrame:
    """The curated GeoNames places (see curation/places.py); empty if the file is missing."""
    try:
        raw = source.read_bytes() if isinstance(source, Path) else source
        if not raw:
            raise pd.errors.EmptyDataError
        places = pd.read_csv(io.BytesIO(raw), dtype={"name": str, "ascii_name": str, "country": str},
                             keep_default_na=False, encoding="utf-8")
    except (OSError, pd.errors.EmptyDataError, pd.errors.ParserError):
        return pd.DataFrame(columns=list(PLACE_COLUMNS))
    return places


def place_key(text: str) -> str:
    """Case-, accent- and Đ/Dj-insensitive form of a place name."""
    return normalise_name(str(text).replace("Đ", "Dj").replace("đ", "dj"))


def _place_index(places: pd.DataFrame) -> dict[tuple[str, str], list[dict]]:
    index: dict[tuple[str, str], list[dict]] = {}
    for place in places.to_dict("records"):
        keys = {place_key(place["name"]), place_key(place.get("ascii_name") or place["name"])}
        for key in keys:
            index.setdefault((place["country"], key), []).append(place)
    return index


def resolve_place(name: str, country: str, places: pd.DataFrame) -> list[dict]:
    """Every place of that name in that country (ISO3): none, one, or several namesakes."""
    return _place_index(places).get((country, place_key(name)), [])


def read_actors_file(path: Path, places: pd.DataFrame,
                     name: str | None = None) -> tuple[pd.DataFrame, c.FileReport]:
    """Return (valid entries, report). Never raises on bad content; bad rows are listed and left out."""
    name = name or path.name
    try:
        raw = path.read_bytes()
    except OSError as error:
        report = c.FileReport(file=name, kind="actors")
        Collector(report).add("unreadable", c.ERROR, _say("readable_file"),
                              _say("check_file", reason=error.strerror))
        return pd.DataFrame(columns=LOADED_COLUMNS), report
    return read_actors_bytes(raw, name, places)


def read_actors_bytes(raw: bytes, name: str, places: pd.DataFrame) -> tuple[pd.DataFrame, c.FileReport]:
    """The same checks on a file's bytes, as the Dataset loader reads every file from one snapshot."""
    report = c.FileReport(file=name, kind="actors")
    problems = Collector(report)
    empty = pd.DataFrame(columns=LOADED_COLUMNS)
    frame = parse_csv(raw, problems)
    if frame is None:
        return empty, report
    frame.columns = [str(column).strip().lower() for column in frame.columns]
    missing = [column for column in REQUIRED_ACTOR_COLUMNS if column not in frame.columns]
    if missing:
        problems.add("missing-column", c.ERROR, _say("the_columns", columns=", ".join(ACTOR_COLUMNS)),
                     _say("add_header", names="', '".join(missing), page=Phrase("nav.actors")),
                     row=1, column=", ".join(missing))
        return empty, report
    for extra in [column for column in frame.columns if column not in ACTOR_COLUMNS]:
        problems.add("unknown-column", c.WARNING, _say("only_columns", columns=", ".join(ACTOR_COLUMNS)),
                     _say("column_ignored"), row=1, column=extra)
    if frame.empty:
        problems.add("header-only", c.ERROR, _say("an_entry"), _say("add_entries"), row=2)
        return empty, report
    for column in ACTOR_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
        frame[column] = frame[column].fillna("").astype(str).str.strip()
    index = _place_index(places)
    entries, seen = [], set()
    for position, record in frame.iterrows():
        entry = _check_entry(record, int(position) + 2, index, problems)
        if entry is None:
            continue
        key = (normalise_name(entry["name"]), entry["country"], place_key(entry["place"]))
        if key in seen:
            problems.add("duplicate-entry", c.ROW, _say("each_entry_once"), _say("repeated_entry"),
                         row=entry["row"], column="name", value=entry["name"])
            continue
        seen.add(key)
        entries.append(entry)
    problems.summarise()
    report.rows_loaded = len(entries)
    report.rows_rejected = len(frame) - len(entries)
    if not entries:
        problems.add("no-valid-rows", c.ERROR, _say("a_good_entry"), _say("fix_listed"))
        return empty, report
    return pd.DataFrame(entries, columns=LOADED_COLUMNS), report


def _check_entry(record: pd.Series, row: int, index, problems: Collector) -> dict | None:
    """One entry with its country, coordinates and topics resolved, or None if the row is left out."""

    def reject(check, column, expected, fix, **params):
        problems.add(check, c.ROW, _say(expected, **params), _say(fix, **params), row=row, column=column,
                     value=record[column])

    def warn(check, column, expected, fix, **params):
        problems.add(check, c.WARNING, _say(expected, **params), _say(fix, **params), row=row, column=column,
                     value=record[column])

    if record["name"].startswith("<") and record["name"].endswith(">"):
        return reject("template-placeholder", "name", "a_real_entry", "replace_placeholder")
    if not record["name"]:
        return reject("missing-name", "name", "a_name", "fill_name")
    kind = " ".join(record["kind"].lower().split())
    if kind not in KINDS:
        return reject("unknown-kind" if kind else "missing-kind", "kind", "one_kind", "use_kind",
                      kinds=", ".join(KINDS))

    country = ""
    if record["country"]:
        country = resolve_country(record["country"]) or ""
        if not country:
            return reject("unknown-country", "country", "a_country_code", "correct_country")
        if country not in REGION:
            return reject("country-outside-region", "country", "region_country", "country_of_region",
                          codes=", ".join(REGION))

    latitude, longitude = record["latitude"], record["longitude"]
    if bool(latitude) != bool(longitude):
        column = "longitude" if latitude else "latitude"
        return reject("half-coordinates", column, "both_coordinates", "missing_coordinate")
    if latitude:
        numbers = pd.to_numeric(pd.Series([latitude, longitude]), errors="coerce")
        if numbers.isna().any():
            column = "latitude" if pd.isna(numbers[0]) else "longitude"
            return reject("bad-coordinate", column, "decimal_degrees", "coordinate_as_number")
        latitude, longitude = float(numbers[0]), float(numbers[1])
        if not (REGION_LAT[0] <= latitude <= REGION_LAT[1] and REGION_LON[0] <= longitude <= REGION_LON[1]):
            swapped = REGION_LAT[0] <= longitude <= REGION_LAT[1] and REGION_LON[0] <= latitude <= REGION_LON[1]
            problems.add("coordinates-outside-region", c.ROW,
                         _say("in_region", south=REGION_LAT[0], north=REGION_LAT[1], west=REGION_LON[0],
                              east=REGION_LON[1]),
                         _say("swap_coordinates" if swapped else "check_coordinates"),
                         row=row, column="latitude, longitude", value=f"{record['latitude']}, {record['longitude']}")
            return None
        located, geonameid = AT_COORDINATES, ""
    elif record["place"]:
        if not country:
            return reject("place-without-country", "place", "country_for_place", "fill_country")
        matches = index.get((country, place_key(record["place"])), [])
        if not matches:
            # Named in English with its code: a Phrase says its template again, not its values.
            return reject("unknown-place", "place", "known_place", "check_place",
                          country=f"{country_name(country)} ({country})")
        if len(matches) > 1:
            candidates = "; ".join(f"GeoNames {m['geonameid']} ({m['latitude']}, {m['longitude']})"
                                   for m in matches)
            return reject("ambiguous-place", "place", "unique_place", "which_place", count=len(matches),
                          candidates=candidates)
        latitude, longitude = float(matches[0]["latitude"]), float(matches[0]["longitude"])
        located, geonameid = AT_PLACE, str(matches[0]["geonameid"])
    else:
        latitude = longitude = float("nan")
        located, geonameid = (AT_COUNTRY if country else NOT_PLACED), ""

    topics = [" ".join(topic.lower().split()) for topic in record["topics"].split(TOPIC_SEPARATOR)]
    unknown = [topic for topic in topics if topic and topic not in TOPICS]
    if unknown:
        warn("unknown-topic", "topics", "known_topics", "topic_left_out", topics="; ".join(TOPICS),
             unknown="; ".join(unknown))
    link = record["link"]
    if link and not link.lower().startswith(("http://", "https://")):
        warn("bad-link", "link", "web_address", "link_left_out")
        link = ""
    if not record["source"]:
        warn("missing-source", "source", "a_source", "name_source")
    if record["period"] and not _YEAR.search(record["period"]):
        warn("bad-period", "period", "a_period", "write_period")
    return {
        "id": f"row-{row}", "name": record["name"], "kind": kind, "country": country,
        "place": record["place"], "latitude": latitude, "longitude": longitude,
        "period": record["period"], "description": record["description"],
        "topics": "; ".join(topic for topic in dict.fromkeys(topics) if topic in TOPICS),
        "link": link, "source": record["source"], "source_quote": record["source_quote"],
        "country_name": country_name(country) if country else "", "located": located,
        "geonameid": geonameid, "row": row,
    }


def filter_actors(actors: pd.DataFrame, countries=(), kinds=(), topics=(), text: str = "",
                  include_without_country: bool = True) -> pd.DataFrame:
    """The entries matching every given filter; an empty filter matches everything.

    countries: ISO3 codes. Entries that name no country (international partners, region-wide
    processes) are kept unless include_without_country is False. topics: an entry matches if it has
    any of them. text: every word must occur in the name, place or description, ignoring case and
    accents.
    """
    keep = pd.Series(True, index=actors.index)
    if countries:
        in_country = actors["country"].isin(list(countries))
        keep &= in_country | ((actors["country"] == "") & include_without_country)
    elif not include_without_country:
        keep &= actors["country"] != ""
    if kinds:
        keep &= actors["kind"].isin(list(kinds))
    if topics:
        wanted = set(topics)
        keep &= actors["topics"].map(lambda cell: bool(wanted & set(topic_list(cell))))
    words = normalise_name(text).split()
    if words:
        haystack = (actors["name"] + " " + actors["place"] + " " + actors["description"]).map(normalise_name)
        for word in words:
            keep &= haystack.str.contains(word, regex=False)
    return actors[keep]


def kind_label(kind: str, tx: Texts | None = None) -> str:
    """A kind ('diaspora guide') as the reader says it; the file keeps the English code."""
    return (tx or english()).get(f"actors.kinds.{kind}", kind)


def topic_label(topic: str, tx: Texts | None = None) -> str:
    return (tx or english()).get(f"actors.topics.{topic}", topic)


def topics_text(cell: str, tx: Texts | None = None) -> str:
    """An entry's topics ('return; diaspora') in the reader's language."""
    return "; ".join(topic_label(topic, tx) for topic in topic_list(cell))


def table_view(actors: pd.DataFrame, tx: Texts | None = None) -> pd.DataFrame:
    """The columns a reader scans first: name, kind, where (place and country) and period."""
    tx = tx or english()
    places = []
    for place, country in zip(actors["place"], actors["country"]):
        name = tx.country(country) if country else ""
        if place:
            places.append(tx("actors.table.place_in", place=place, country=name) if name else place)
        else:
            places.append(tx("actors.table.whole_country", country=name) if name else tx("actors.table.no_country"))
    return pd.DataFrame({tx("actors.table.name"): list(actors["name"]),
                         tx("actors.table.kind"): [kind_label(kind, tx) for kind in actors["kind"]],
                         tx("actors.table.where"): places, tx("actors.table.period"): list(actors["period"])})


def topic_list(cell: str) -> list[str]:
    return [topic.strip() for topic in str(cell).split(TOPIC_SEPARATOR) if topic.strip()]


def where(entry: dict, tx: Texts | None = None) -> str:
    """Where an entry sits, in words: 'Zvezdara, Serbia' or 'Montenegro (country-level entry, ...)'."""
    tx = tx or english()
    country = tx.country(entry["country"]) if entry["country"] else ""
    if entry["located"] in (AT_PLACE, AT_COORDINATES):
        return tx("actors.table.place_in", place=entry["place"], country=country) if entry["place"] and country \
            else entry["place"] or country
    if entry["located"] == AT_COUNTRY:
        return tx("actors.where.country_level", country=country)
    return tx("actors.where.nowhere")


def template_csv(tx: Texts | None = None) -> bytes:
    """The file template staff download: the header and one row of placeholders, no facts.

    The header and the kinds and topics the file accepts are codes, the same in every language;
    the placeholders say in the reader's language what goes in each column.
    """
    tx = tx or english()
    placeholders = {column: "<" + tx(f"actors.template.{column}", kinds="; ".join(KINDS),
                                     topics="; ".join(TOPICS)) + ">" for column in ACTOR_COLUMNS}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACTOR_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerow(placeholders)
    return buffer.getvalue().encode("utf-8")


def _say(key: str, **params) -> Phrase:
    """A problem's text (actors.problems.<key>), kept as a Phrase to be said in the reader's language."""
    return Phrase(f"actors.problems.{key}", **params)
