"""What a workbook may unpack to, checked in its zip before openpyxl reads a single cell.

An .xlsx is a zip of XML parts, and XML packs very small: a 0.45 MB workbook held 11 million
shared strings (the workbook's table of distinct texts). openpyxl reads that whole table when it
opens a workbook, so checking it took 71 s and 1 GB of memory, during which the page waited.
Here the parts are counted as they unpack, and counting stops as soon as a limit is passed, so a
hostile workbook costs a fraction of a second. The limits are far above a real data file: the
shipped data (all files together) would be about 300,000 cells.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from components import contract as c

MAX_PARTS = 1_000  # files inside the zip; Excel writes about a dozen
MAX_UNPACKED_BYTES = 4 * c.MAX_FILE_BYTES  # all parts together, unpacked
MAX_SHARED_STRINGS = 200_000  # distinct texts
MAX_CELLS = 2_000_000  # in all sheets together: 250,000 rows of 8 columns
# Every other part (styles, workbook, relationships) is read whole by openpyxl, so each is kept small.
MAX_OTHER_PART_BYTES = 10 * c.BYTES_PER_MB

SHARED_STRINGS = "shared_strings"
CELLS = "cells"
UNPACKED = "unpacked"
PARTS = "parts"
OTHER_PART = "other_part"

# A string item or a cell element, with or without a namespace prefix: <si>, <x:si ...>, <c r="A1">.
_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_CHUNK = 1 << 20
_TAG_ROOM = 4096


@dataclass(frozen=True)
class Excess:
    """A limit a workbook passes: what, the limit, and how much was found (at least)."""

    what: str
    limit: int
    found: int
    part: str = ""


def excess(archive: zipfile.ZipFile) -> Excess | None:
    """The first limit this workbook passes, or None when it may be opened."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        return Excess(PARTS, MAX_PARTS, len(parts))
    # zipfile never unpacks a part past the size its directory gives, so these sizes hold.
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        return Excess(UNPACKED, MAX_UNPACKED_BYTES, unpacked)
    cells = 0
    for part in parts:
        name = part.filename.lower()
        if name.endswith("sharedstrings.xml"):
            found = _count(archive, part, _SHARED_STRING, MAX_SHARED_STRINGS)
            if found > MAX_SHARED_STRINGS:
                return Excess(SHARED_STRINGS, MAX_SHARED_STRINGS, found)
        elif name.startswith("xl/worksheets/") and name.endswith(".xml"):
            cells += _count(archive, part, _CELL, MAX_CELLS - cells)
            if cells > MAX_CELLS:
                return Excess(CELLS, MAX_CELLS, cells)
        elif part.file_size > MAX_OTHER_PART_BYTES:
            return Excess(OTHER_PART, MAX_OTHER_PART_BYTES, part.file_size, part.filename)
    return None


def _count(archive: zipfile.ZipFile, part: zipfile.ZipInfo, pattern: re.Pattern, limit: int) -> int:
    """How many times the pattern occurs in the unpacked part, stopping just past `limit`."""
    found, carry = 0, b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            text = carry + chunk
            # A tag never contains "<", so cutting before the last one never splits a match;
            # one that began long before the end is whole already (tag names are short).
            cut = text.rfind(b"<")
            text, carry = (text, b"") if cut < 0 or len(text) - cut > _TAG_ROOM else (text[:cut], text[cut:])
            found += sum(1 for _ in pattern.finditer(text))
            if found > limit:
                return found
    return found + sum(1 for _ in pattern.finditer(carry))
