"""Turn a file's bytes into a header and rows of text, whatever Excel or a text editor made of it.

Detects, and says what it detected: a workbook (.xlsx) or text; the encoding (UTF-8 with or
without BOM, UTF-16 from Excel's "Unicode Text", Windows-1250 or Windows-1251); the separator
(comma, semicolon or tab); a file cut off in the middle of a row; binary junk named .csv.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from xml.etree import ElementTree

import numpy as np
import pandas as pd
import pyarrow as pa
from pyarrow import csv as pa_csv

from components import contract as c
from components import workbook_limits
from components.contract import joined
from components.i18n import Phrase

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls, also old .doc
DELIMITERS = {",": Phrase("detected.delimiter.comma"), ";": Phrase("detected.delimiter.semicolon"),
              "\t": Phrase("detected.delimiter.tab")}
CSV_TEXT = Phrase("detected.format.csv")
MAX_ROWS = 1_000_000

_LATIN, _CYRILLIC = "Latin", "Cyrillic"


@dataclass
class Table:
    """The header and rows of a file, every cell as text, and what was detected on the way."""

    header: list[str]
    rows: list[list[str]]
    row_numbers: list[int]  # the row number a spreadsheet shows; the header is row 1
    detected: dict[str, str] = field(default_factory=dict)
    delimiter: str | None = None
    # Read by pandas (read_table(fast=True)): the cells as categorical columns, one per header
    # cell, indexed by row number, instead of `rows`.
    frame: pd.DataFrame | None = None


def content_kind(raw: bytes) -> str:
    """'xlsx', 'xls', 'binary' or 'text', from the bytes and never from the name."""
    if raw.startswith(XLSX_MAGIC):
        return "xlsx"
    if raw.startswith(OLE_MAGIC):
        return "xls"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with its byte-order mark: Excel's "Unicode Text"
    head = raw[:65536]
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return "binary" if b"\x00" in head or controls > len(head) // 100 else "text"


def read_table(raw: bytes, problems, known_columns=(), fast: bool = False) -> Table | None:
    """Header and rows of a CSV or workbook; None (with the reason in `problems`) if unreadable.

    With `fast`, a plain CSV file is read by pyarrow into `Table.frame` (one categorical
    column per cell position, `rows` left empty); whatever that parser could read differently
    from Python's csv module (see _fast_table) is read row by row as before."""
    kind = content_kind(raw)
    if kind == "xlsx":
        return _read_xlsx(raw, problems, known_columns)
    if kind == "xls":
        problems.add("old-excel", c.ERROR, Phrase("problems.old-excel.expected"),
                     Phrase("problems.old-excel.fix"), row=1)
        return None
    if kind == "binary":
        problems.add("not-text", c.ERROR, Phrase("problems.not-text.expected"),
                     Phrase("problems.not-text.fix"), row=1, value=_hex(raw[:8]))
        return None
    text, encoding = decode(raw)
    _note(problems, {"format": CSV_TEXT, "encoding": encoding})
    if not text.strip():
        _empty_file(problems)
        return None
    delimiter = sniff_delimiter(text, known_columns)
    _note(problems, {"delimiter": DELIMITERS[delimiter]})
    if fast:
        # The C parser reads UTF-8 bytes: the file's own when they are UTF-8 already.
        table = _fast_table(raw if encoding == "UTF-8" else text.encode("utf-8"), delimiter, known_columns)
        if table is not None:
            table.detected = {"format": CSV_TEXT, "encoding": encoding, "delimiter": DELIMITERS[delimiter]}
            return table
    # newline="": lines end at \n, \r\n or a lone \r (Excel for Mac's "CSV (Macintosh)").
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    table = _rows_to_table(records, problems, cut_off=not text.endswith(("\n", "\r")),
                           known_columns=known_columns)
    if table is not None:
        table.delimiter = delimiter
        table.detected = {"format": CSV_TEXT, "encoding": encoding,
                          "delimiter": DELIMITERS[delimiter], **table.detected}
    return table


def _fast_table(utf8: bytes, delimiter: str, known_columns=()) -> Table | None:
    """The table _rows_to_table would make of this text (`utf8`: its UTF-8 bytes), read by pyarrow's parser (or pandas'
    C parser when pyarrow refuses it); None when the text is one these parsers might read
    differently from Python's csv module, or that has a problem to report.

    Both parsers follow the csv module on quotes, doubled quotes and quoted line breaks, but they
    drop a leading byte-order mark, read a lone carriage return and a NUL their own way, and
    cannot say how many cells a short last line had (a cut-off file). A file with any of those,
    a line wider than the first, or cells past the header is read row by row, which reports them
    exactly as before. Cells come back categorical: each distinct text is one Python string,
    however many rows repeat it.
    """
    # Looked for in the UTF-8 bytes (the text, encoded): these characters are single bytes
    # there, and bytes are searched several times faster than text with letters beyond Latin-1.
    if (utf8.startswith("\ufeff".encode()) or not utf8.endswith(b"\n") or b"\x00" in utf8
            or (b"\r" in utf8 and utf8.count(b"\r") != utf8.count(b"\r\n"))):
        return None
    columns = _arrow_columns(delimiter, utf8)
    if columns is None:
        columns = _pandas_columns(delimiter, utf8)
    if columns is None:
        return None
    blank = np.ones(len(columns[0][0]), dtype=bool)
    for codes, distinct in columns:
        blank &= _blank(distinct)[codes]
    filled = np.flatnonzero(~blank)
    if not len(filled) or filled[0] != 0:
        return None  # an empty file, or blank lines above the header: as before
    header = [str(distinct[codes[0]]) for codes, distinct in columns]
    if known_columns and not _names_columns(header, known_columns):
        return None  # a title above the column names, or no column names: said row by row
    while header and not header[-1].strip():
        header.pop()
    width = len(header)
    body = filled[1:]  # data rows, blank lines left out; position + 1 is the spreadsheet row
    for codes, distinct in columns[width:]:
        if (~_blank(distinct)[codes[body]]).any():
            return None  # cells past the header: "not-csv", said row by row
    # Only the texts of these rows (not the header's) are categories: checks made once per
    # category must see the same set of texts as checks made over the rows.
    frame = pd.DataFrame({position: _used_only(codes[body], distinct)
                          for position, (codes, distinct) in enumerate(columns[:width])},
                         index=body + 1)
    return Table(header, [], list(body + 1), delimiter=delimiter, frame=frame)


_ARROW_TEXT = pa.dictionary(pa.int32(), pa.string())


def _arrow_columns(delimiter: str, utf8: bytes) -> list[tuple[np.ndarray, np.ndarray]] | None:
    """(codes, distinct texts) for each cell position, read by pyarrow, every cell
    as text (never a number: the checks need the text as typed); None when pyarrow refuses the
    file, e.g. a line with fewer cells than the first (pandas pads those, as the csv module does)."""
    first_line = utf8[:utf8.find(b"\n")]
    # Every column named, so that none is read as numbers; a quoted separator only adds a name.
    types = {f"f{position}": _ARROW_TEXT for position in range(first_line.count(delimiter.encode()) + 1)}
    try:
        table = pa_csv.read_csv(
            pa.BufferReader(utf8),
            # One thread: the loader reads several files at once (dataset.load_dataset), and
            # pyarrow's own threads cost half as much again in time when others use the cores.
            read_options=pa_csv.ReadOptions(autogenerate_column_names=True, use_threads=False),
            # Quoted line breaks only when a quote is there: without them the blocks are split in parallel.
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, quote_char='"', double_quote=True,
                                              escape_char=False, newlines_in_values=b'"' in utf8,
                                              ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(column_types=types, null_values=[], strings_can_be_null=False,
                                                  quoted_strings_can_be_null=False))
    except (pa.ArrowException, ValueError):
        return None
    if not table.num_columns or any(column.type != _ARROW_TEXT for column in table.columns):
        return None
    table = table.unify_dictionaries()
    columns = []
    for column in table.columns:
        if column.null_count or not column.num_chunks:
            return None
        codes = np.concatenate([chunk.indices.to_numpy() for chunk in column.chunks])
        columns.append((codes, column.chunk(0).dictionary.to_numpy(zero_copy_only=False)))
    return columns


def _pandas_columns(delimiter: str, utf8: bytes) -> list[tuple[np.ndarray, np.ndarray]] | None:
    try:
        cells = pd.read_csv(io.BytesIO(utf8), sep=delimiter, header=None, dtype="category", encoding="utf-8",
                            na_filter=False, keep_default_na=False, skip_blank_lines=False,
                            engine="c", quotechar='"', doublequote=True, index_col=False)
    except Exception:  # pandas refuses what the csv module may still read (or report)
        return None
    return [_categorical_text(cells[position]) for position in cells.columns]


def _categorical_text(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(codes, distinct texts) of a column pandas read as categorical; a missing cell is ''."""
    distinct = np.asarray(column.cat.categories, dtype=object)
    codes = column.cat.codes.to_numpy()
    if (codes < 0).any():
        empty = np.flatnonzero(distinct == "")
        if not len(empty):
            distinct, empty = np.append(distinct, ""), [len(distinct)]
        codes = np.where(codes < 0, empty[0], codes)
    return codes, distinct


def _used_only(codes: np.ndarray, distinct: np.ndarray) -> pd.Categorical:
    """These cells as a categorical whose categories are only the texts they use."""
    used = np.bincount(codes, minlength=len(distinct)) > 0
    renumbered = np.cumsum(used) - 1
    return pd.Categorical.from_codes(renumbered[codes], distinct[used], validate=False)


def _blank(distinct: np.ndarray) -> np.ndarray:
    return np.array([not str(text).strip() for text in distinct], dtype=bool)


def decode(raw: bytes) -> tuple[str, str]:
    """Text and a label saying which encoding it was read as, and from what."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), Phrase("detected.encoding.utf8_bom")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), Phrase("detected.encoding.utf16")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    cyrillic, latin = _script_votes(raw)
    if cyrillic > latin:
        word = _sample_word(raw.decode("cp1251"), _CYRILLIC)
        return raw.decode("cp1251"), Phrase("detected.encoding.cp1251", word=word)
    text = raw.decode("cp1250", errors="replace")
    word = _sample_word(text, _LATIN)
    if word:
        return text, Phrase("detected.encoding.cp1250", word=word)
    return text, Phrase("detected.encoding.cp1250_assumed")


def _script_votes(raw: bytes) -> tuple[int, int]:
    """Count letters that vote for Windows-1251 (Cyrillic) against Windows-1250 (Latin).

    Both code pages put letters at the same bytes, so one byte cannot tell them apart; a word
    can. Cyrillic words are made only of bytes above 127, while Latin words in Serbian,
    Romanian or Albanian mix a few accented letters (č, ș, ë) into plain a-z. So a word of
    accented bytes only is a Cyrillic vote and a mixed word is a Latin vote, weighted by the
    number of accented letters in it.
    """
    text = raw.decode("cp1251")  # every byte decodes; only the shape of words matters here
    cyrillic = latin = 0
    for word in re.findall(r"[^\W\d_]+", text):
        accented = sum(1 for ch in word if ord(ch) > 127)
        if not accented:
            continue
        if accented == len(word) and len(word) >= 2:
            cyrillic += accented
        elif accented < len(word):
            latin += accented
    return cyrillic, latin


def _sample_word(text: str, script: str) -> str:
    for word in re.findall(r"[^\W\d_]{3,}", text):
        accented = [ch for ch in word if ord(ch) > 127]
        if script == _CYRILLIC and len(accented) == len(word):
            return word
        if script == _LATIN and 0 < len(accented) < len(word):
            return word
    return ""


def sniff_delimiter(text: str, known_columns=()) -> str:
    """The separator that makes the most sense of the header (known column names first),
    then the one that gives the same number of cells on most lines."""
    lines = [line for line in _first_lines(text, 30) if line.strip()]
    known = {normalise_header(col) for col in known_columns}
    best, best_score = ",", (-1, -1, -1)
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        # The header may sit below a title (see _title_rows): the line that names the most columns.
        matches = max((sum(normalise_header(cell) in known for cell in row)
                       for row in csv.reader(lines, delimiter=delimiter)), default=0)
        steady = sum(count == counts[0] for count in counts) if counts and counts[0] > 1 else 0
        score = (matches, steady, counts[0] if counts else 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _first_lines(text: str, count: int) -> list[str]:
    """text.splitlines()[:count], without splitting a whole 20 MB file to look at its top."""
    for size in (1 << 16, 1 << 20):
        lines = text[:size].splitlines()
        if len(lines) > count:  # a later line began, so the first `count` are whole
            return lines[:count]
    return text.splitlines()[:count]


def normalise_header(cell: str) -> str:
    """'Country ', 'YEAR', 'Indicator label' -> 'country', 'year', 'indicator_label'."""
    text = str(cell).replace("\ufeff", "").replace("\u00a0", " ").strip().strip('"').strip()
    return re.sub(r"[\s\-]+", "_", text.lower())


def header_changes(header: list[str]) -> str:
    """How header cells were read, when they were not already in the contract's form."""
    changed = [Phrase("detected.header_read_as", cell=cell, name=normalise_header(cell))
               for cell in header if cell != normalise_header(cell) and normalise_header(cell)]
    return joined(changed, ", ")


def _empty_file(problems) -> None:
    problems.add("empty-file", c.ERROR, Phrase("problems.empty-file.expected"),
                 Phrase("problems.empty-file.fix"), row=1)


def _names_columns(record: list[str], known_columns) -> bool:
    known = {normalise_header(col) for col in known_columns}
    return sum(normalise_header(cell) in known for cell in record) >= 2


def _title_rows(records: list[list[str]], known_columns) -> int:
    """How many rows sit above the column names, as in the tables statistical offices publish
    (a title, a source line, a blank row); 0 if row 1 already names the columns."""
    if not known_columns:
        return 0
    header = next((index for index, record in enumerate(records[:30])
                   if _names_columns(record, known_columns)), 0)
    # Blank lines alone above the header are no title; they are skipped (_rows_to_table).
    return header if any("".join(record).strip() for record in records[:header]) else 0


def _rows_to_table(records: list[list[str]], problems, cut_off: bool, known_columns=(),
                   workbook: bool = False) -> Table | None:
    title = _title_rows(records, known_columns)
    if title:
        problems.add("title-rows", c.ERROR,
                     Phrase("problems.title-rows.expected", columns=", ".join(c.REQUIRED_COLUMNS)),
                     Phrase("problems.title-rows.fix", header=title + 1), row=1,
                     value=", ".join(cell.strip() for cell in records[0] if cell.strip())[:80])
        return None
    skipped = 0  # blank lines above the header still count in the row numbers staff see
    while records and not "".join(records[0]).strip():
        records.pop(0)
        skipped += 1
    if not records:
        _empty_file(problems)
        return None
    header = records[0]
    while header and not header[-1].strip():
        header = header[:-1]  # Excel writes empty cells after the last used column
    width = len(header)
    rows, numbers = [], []
    last_number = len(records) + skipped
    for number, record in enumerate(records[1:], start=2 + skipped):
        if not "".join(record).strip():
            continue  # Excel leaves blank lines at the end of a sheet
        if len(record) > width and any(cell.strip() for cell in record[width:]):
            problems.add("not-csv", c.ERROR, Phrase("problems.not-csv.expected", width=width),
                         # A workbook has no separators to stray: its extra cells were typed there.
                         Phrase("problems.not-csv.fix_workbook" if workbook else "problems.not-csv.fix"), row=number,
                         value=Phrase("problems.values.cells", count=len(record)))
            return None
        if cut_off and number == last_number and len(record) < width:
            problems.add("truncated", c.ERROR, Phrase("problems.truncated.expected"),
                         Phrase("problems.truncated.fix"), row=number,
                         value=Phrase("problems.values.cells_of", count=len(record), width=width))
            return None
        rows.append((record + [""] * width)[:width])
        numbers.append(number)
    return Table(header, rows, numbers)


def _read_xlsx(raw: bytes, problems, known_columns=()) -> Table | None:
    import openpyxl  # only needed for workbooks; keeps text-only loads light

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            too_much = workbook_limits.excess(archive)
        if too_much is not None:
            _too_big(problems, too_much)
            return None
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # a damaged workbook can fail in zipfile, lxml or openpyxl
        first = error.args[0] if error.args else None
        detail = first if isinstance(first, Phrase) else str(error)[:80]
        problems.add("bad-workbook", c.ERROR, Phrase("problems.bad-workbook.expected"),
                     Phrase("problems.bad-workbook.fix", detail=detail), row=1)
        return None
    try:
        names = book.sheetnames
        chosen = next((n for n in names if n.strip().lower() == c.XLSX_SHEET), None)
        which = "named_sheet"
        if chosen is None:
            chosen, which = _sheet_with_columns(book, known_columns)
        _note(problems, {"format": Phrase("detected.format.xlsx")})
        records, percent = [], None
        if _has_percent_styles(raw):
            # Reading each cell's format costs a third more time: only when some style shows percentages.
            for cells in book[chosen].iter_rows():
                records.append([_cell_text(cell.value, cell.number_format) for cell in cells])
                if percent is None:
                    percent = _first_percent(cells, len(records))
                if len(records) > MAX_ROWS:
                    break
        else:
            for values in book[chosen].iter_rows(values_only=True):
                records.append([_cell_text(value) for value in values])
                if len(records) > MAX_ROWS:
                    break
    finally:
        book.close()
    table = _rows_to_table(records, problems, cut_off=False, known_columns=known_columns, workbook=True)
    if table is not None:
        if len(names) > 1:
            text = Phrase(f"detected.format.xlsx_{which}_of", sheet=chosen, count=len(names))
        else:
            text = Phrase(f"detected.format.xlsx_{which}", sheet=chosen)
        table.detected = {"format": text}
        if percent is not None:
            table.detected["percent"] = percent
    return table


def _sheet_with_columns(book, known_columns) -> tuple[str, str]:
    """(sheet, how it was chosen) in a workbook without a sheet named 'data': the first sheet, unless
    only a later one has the column names at its top (a statistical office's notes sheet first)."""
    names = book.sheetnames
    if known_columns and not _top_names_columns(book[names[0]], known_columns):
        for name in names[1:]:
            if _top_names_columns(book[name], known_columns):
                return name, "columns_sheet"
    return names[0], "first_sheet"


def _top_names_columns(sheet, known_columns) -> bool:
    return any(_names_columns([_cell_text(value) for value in values], known_columns)
               for values in sheet.iter_rows(max_row=30, values_only=True))


# Excel's built-in number formats 9 and 10 are 0% and 0.00%.
_BUILTIN_PERCENT_FORMATS = {"9", "10"}


def _has_percent_styles(raw: bytes) -> bool:
    """Whether any cell style of the workbook shows numbers as percentages (cheap: styles.xml only)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            root = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return False
    elements = [(element.tag.rsplit("}", 1)[-1], element) for element in root.iter()]
    percent = _BUILTIN_PERCENT_FORMATS | {element.get("numFmtId") for tag, element in elements
                                          if tag == "numFmt" and _shows_percent(element.get("formatCode"))}
    return any(element.get("numFmtId") in percent for tag, element in elements if tag == "xf")


def _shows_percent(number_format: str | None) -> bool:
    """Whether Excel multiplies a number by 100 to show it: a % outside quotes and not escaped."""
    if not number_format or "%" not in number_format:
        return False
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format)


def _first_percent(cells, row: int):
    """'0.523 as 52.3 (row 2)' for the first number in this row that Excel shows as a percentage."""
    for cell in cells:
        if _is_number(cell.value) and _shows_percent(cell.number_format):
            return Phrase("detected.percent_read_as", stored=_cell_text(cell.value),
                          shown=_cell_text(cell.value, cell.number_format), row=row)
    return None


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _too_big(problems, too_much: workbook_limits.Excess) -> None:
    """Refused before it is opened: what it holds, the limit, and how to make it readable."""
    def amount(count: int):
        if too_much.what in (workbook_limits.UNPACKED, workbook_limits.OTHER_PART):
            return Phrase("problems.values.megabytes", size=f"{count / c.BYTES_PER_MB:,.0f}")
        return Phrase(f"problems.values.workbook_{too_much.what}", count=f"{count:,}")

    found = amount(too_much.found)
    if too_much.what in (workbook_limits.SHARED_STRINGS, workbook_limits.CELLS):
        found = Phrase("problems.values.more_than", amount=amount(too_much.limit))  # counting stopped there
    problems.add("workbook-too-big", c.ERROR,
                 Phrase("problems.workbook-too-big.expected", limit=amount(too_much.limit)),
                 Phrase("problems.workbook-too-big.fix"), row=1, value=found)


def _cell_text(value, number_format: str | None = None) -> str:
    """A cell as text. A number Excel shows as a percentage (52.3%, stored as 0.523) is read as it
    is shown, 52.3: the catalogue's shares are percentages, and 0.523 would be a hundredth of it."""
    if value is None:
        return ""
    if _is_number(value) and _shows_percent(number_format):
        return format(Decimal(repr(value)).scaleb(2).normalize(), "f")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if hasattr(value, "year") and hasattr(value, "month"):
        # A year typed into a cell Excel formatted as a date comes back as 1 January of it.
        if (value.month, value.day) == (1, 1):
            return str(value.year)
        return value.isoformat()[:10]
    return str(value)


def _note(problems, detected: dict[str, str]) -> None:
    """Record what was detected as soon as it is known, so that a file rejected later still says it."""
    report = getattr(problems, "report", None)
    if report is not None:
        report.detected.update(detected)


def _hex(data: bytes) -> str:
    return " ".join(f"{byte:02X}" for byte in data)
