"""Actors and initiatives: read and check data/actors/actors.csv, place its entries, filter them."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from components import contract as c
from components.countries import REGION, country_name, normalise_name, resolve_country
# The observation reader's CSV parsing and problem collector, so that both files report alike.
from components.observations import _Collector as Collector
from components.observations import _parse_csv as parse_csv

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
        Collector(report).add("unreadable", c.ERROR, "a readable file", "Check the file exists, is not "
                              f"open in another program, and save it again ({error.strerror}).")
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
        problems.add("missing-column", c.ERROR, "the columns " + ", ".join(ACTOR_COLUMNS),
                     "Add a header cell named '" + "', '".join(missing) + "' to row 1 (download the "
                     "template on the Actors & initiatives page).", row=1, column=", ".join(missing))
        return empty, report
    for extra in [column for column in frame.columns if column not in ACTOR_COLUMNS]:
        problems.add("unknown-column", c.WARNING, "only the columns " + ", ".join(ACTOR_COLUMNS),
                     "This column is ignored. Rename it to one of those, or delete it.",
                     row=1, column=extra)
    if frame.empty:
        problems.add("header-only", c.ERROR, "at least one entry below the header",
                     "Add the entries below the header, or remove the file.", row=2)
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
            problems.add("duplicate-entry", c.ROW, "each entry once", "This row repeats an earlier "
                         "entry with the same name, country and place; it is left out. Delete it, or "
                         "merge the two rows.", row=entry["row"], column="name", value=entry["name"])
            continue
        seen.add(key)
        entries.append(entry)
    problems.summarise()
    report.rows_loaded = len(entries)
    report.rows_rejected = len(frame) - len(entries)
    if not entries:
        problems.add("no-valid-rows", c.ERROR, "at least one entry that passes the checks",
                     "Fix the problems listed for this file; until then no entry is shown.")
        return empty, report
    return pd.DataFrame(entries, columns=LOADED_COLUMNS), report


def _check_entry(record: pd.Series, row: int, index, problems: Collector) -> dict | None:
    """One entry with its country, coordinates and topics resolved, or None if the row is left out."""

    def reject(check, column, expected, fix):
        problems.add(check, c.ROW, expected, fix, row=row, column=column, value=record[column])

    def warn(check, column, expected, fix):
        problems.add(check, c.WARNING, expected, fix, row=row, column=column, value=record[column])

    if record["name"].startswith("<") and record["name"].endswith(">"):
        return reject("template-placeholder", "name", "a real entry, not the template's example row",
                      "Replace the text in angle brackets with the entry's details, or delete the row.")
    if not record["name"]:
        return reject("missing-name", "name", "the name of the organisation or initiative",
                      "Fill in the name column.")
    kind = " ".join(record["kind"].lower().split())
    if kind not in KINDS:
        return reject("unknown-kind" if kind else "missing-kind", "kind", "one of: " + ", ".join(KINDS),
                      "Use one of these kinds, spelt as here.")

    country = ""
    if record["country"]:
        country = resolve_country(record["country"]) or ""
        if not country:
            return reject("unknown-country", "country",
                          "an ISO 3166 code (e.g. SRB or RS), or a country name such as Serbia or "
                          "Srbija; Kosovo is XKX", "Correct the spelling, or use the three-letter ISO code.")
        if country not in REGION:
            return reject("country-outside-region", "country",
                          "one of the ten countries of the region: " + ", ".join(REGION),
                          "The map covers the region only; give the country of the region where the "
                          "initiative works.")

    latitude, longitude = record["latitude"], record["longitude"]
    if bool(latitude) != bool(longitude):
        column = "longitude" if latitude else "latitude"
        return reject("half-coordinates", column, "both latitude and longitude, or neither",
                      "Fill in the missing one, or clear both and give the place name instead.")
    if latitude:
        numbers = pd.to_numeric(pd.Series([latitude, longitude]), errors="coerce")
        if numbers.isna().any():
            column = "latitude" if pd.isna(numbers[0]) else "longitude"
            return reject("bad-coordinate", column, "decimal degrees such as 44.77 (a dot for decimals)",
                          "Write the coordinate as a number, without ° or letters.")
        latitude, longitude = float(numbers[0]), float(numbers[1])
        if not (REGION_LAT[0] <= latitude <= REGION_LAT[1] and REGION_LON[0] <= longitude <= REGION_LON[1]):
            swapped = REGION_LAT[0] <= longitude <= REGION_LAT[1] and REGION_LON[0] <= latitude <= REGION_LON[1]
            problems.add("coordinates-outside-region", c.ROW,
                         f"a latitude from {REGION_LAT[0]} to {REGION_LAT[1]} and a longitude from "
                         f"{REGION_LON[0]} to {REGION_LON[1]} (the region)",
                         "Latitude and longitude look swapped: exchange the two cells." if swapped else
                         "Check the coordinates (decimal degrees, north and east), or clear them and "
                         "give the place name instead.",
                         row=row, column="latitude, longitude", value=f"{record['latitude']}, {record['longitude']}")
            return None
        located, geonameid = AT_COORDINATES, ""
    elif record["place"]:
        if not country:
            return reject("place-without-country", "place", "a country for the place",
                          "Fill in the country column, so that the place can be found on the map.")
        matches = index.get((country, place_key(record["place"])), [])
        if not matches:
            return reject("unknown-place", "place",
                          f"a town or municipality of {country_name(country)} listed in "
                          "data/places/places.csv (GeoNames)",
                          "Check the spelling of the place, or give its latitude and "
                          "longitude, or leave the place empty for an entry about the whole country.")
        if len(matches) > 1:
            candidates = "; ".join(f"GeoNames {m['geonameid']} at {m['latitude']}, {m['longitude']}"
                                   for m in matches)
            return reject("ambiguous-place", "place", "a place name that occurs once in the country",
                          f"{len(matches)} places have this name ({candidates}): give the latitude and "
                          "longitude of the right one.")
        latitude, longitude = float(matches[0]["latitude"]), float(matches[0]["longitude"])
        located, geonameid = AT_PLACE, str(matches[0]["geonameid"])
    else:
        latitude = longitude = float("nan")
        located, geonameid = (AT_COUNTRY if country else NOT_PLACED), ""

    topics = [" ".join(topic.lower().split()) for topic in record["topics"].split(TOPIC_SEPARATOR)]
    unknown = [topic for topic in topics if topic and topic not in TOPICS]
    if unknown:
        warn("unknown-topic", "topics", "topics from: " + "; ".join(TOPICS) + " (separated by ;)",
             f"'{'; '.join(unknown)}' is left out of the entry's topics; use the listed topics only.")
    link = record["link"]
    if link and not link.lower().startswith(("http://", "https://")):
        warn("bad-link", "link", "a web address starting with http:// or https://",
             "The link is left out; write the full address, e.g. starting with https://.")
        link = ""
    if not record["source"]:
        warn("missing-source", "source", "the document the entry comes from",
             "Name the document (publisher, title, date) so that readers can check the entry.")
    if record["period"] and not _YEAR.search(record["period"]):
        warn("bad-period", "period", "a year such as 2024 or a period such as 2021–2025",
             "Write the year or years the initiative ran, or leave the cell empty.")
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


def table_view(actors: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader scans first: name, kind, where (place and country) and period."""
    places = []
    for place, country in zip(actors["place"], actors["country_name"]):
        if place:
            places.append(f"{place}, {country}" if country else place)
        else:
            places.append(f"{country} (whole country)" if country else "no country given")
    return pd.DataFrame({"Name": list(actors["name"]), "Kind": list(actors["kind"]),
                         "Where": places, "Period": list(actors["period"])})


def topic_list(cell: str) -> list[str]:
    return [topic.strip() for topic in str(cell).split(TOPIC_SEPARATOR) if topic.strip()]


def where(entry: dict) -> str:
    """Where an entry sits, in words: 'Zvezdara, Serbia' or 'Montenegro (country-level entry, ...)'."""
    if entry["located"] in (AT_PLACE, AT_COORDINATES):
        return ", ".join(part for part in (entry["place"], entry["country_name"]) if part)
    if entry["located"] == AT_COUNTRY:
        return f"{entry['country_name']} (country-level entry, no exact place)"
    return "no country given in the source (not on the map)"


def template_csv() -> bytes:
    """The file template staff download: the header and one row of placeholders, no facts."""
    placeholders = {
        "name": "<name of the organisation or initiative>",
        "kind": "<one of: " + "; ".join(KINDS) + ">",
        "country": "<country: ISO3 code such as SRB, or the country's name>",
        "place": "<municipality or town; leave empty for an entry about the whole country>",
        "latitude": "<optional: latitude in decimal degrees>",
        "longitude": "<optional: longitude in decimal degrees>",
        "period": "<year or period the initiative ran>",
        "description": "<what it does, in one or two sentences>",
        "topics": "<one or more of: " + "; ".join(TOPICS) + ">",
        "link": "<web address starting with https://>",
        "source": "<the document the entry comes from: publisher, title, date>",
        "source_quote": "<the sentence of that document the entry rests on, copied exactly>",
    }
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACTOR_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerow(placeholders)
    return buffer.getvalue().encode("utf-8")
