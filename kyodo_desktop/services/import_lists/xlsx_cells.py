"""A worksheet's values and the shared strings of an .xlsx, as openpyxl's read-only mode gives them.

openpyxl builds a ``Text`` object (and a cell dictionary) for every string and every cell it
reads; for a list of 10,000 rows that was most of the import's reading time. These functions
parse the same XML (:func:`elements`: expat building the elements in C, each part's prolog
checked by defusedxml as it is fed, on top of
:func:`~kyodo_desktop.services.import_lists.xlsx._refuse_dtds` having checked every part) and
give the same values as ``ReadOnlyWorksheet.iter_rows(values_only=True)`` after ``reset_dimensions()``
(compared value for value in ``tests/services/test_xlsx_cells.py``):

* a row is a tuple as wide as its last cell's column, ``None`` where no cell is; rows missing
  between two rows are empty (``[]``), a row whose number is not above the last one's is
  skipped; cells without a reference follow the one before;
* ``n`` numbers are int unless they have ``.`` or an exponent, dates where the cell's style is
  a date (or duration) format (openpyxl's ``from_excel`` with the workbook's epoch); ``s``
  shared strings, ``b`` booleans, ``str`` formula results, ``d`` ISO dates (``from_ISO8601``),
  an error (``e``) as its text; an inline string's text is its plain text and its runs' text
  (phonetic guides left out, as openpyxl's ``Text.content``), a shared string's the same with
  ``x005F_`` removed, as openpyxl does.

Where a string element has attributes (which Excel never writes) openpyxl's own ``Text`` reads
it, so what it refuses is refused the same way. The formatting of a run is not parsed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _INLINE = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}v", f"{_MAIN}is"
_STRING, _TEXT, _RUN = f"{_MAIN}si", f"{_MAIN}t", f"{_MAIN}r"


def _local(tag: Any) -> str:
    """The tag without its namespace (openpyxl's ``localname``; a comment is "comment")."""
    if callable(tag):
        return "comment"
    return str(tag).rpartition("}")[2]


def string_content(node: Any) -> str:
    """The text of an ``<si>`` or ``<is>`` element as openpyxl's ``Text.from_tree(node).content``."""
    if len(node) == 1 and node[0].tag == _TEXT and not node.attrib:
        return node[0].text or ""  # the usual shape: one <t>
    if node.attrib:
        from openpyxl.cell.text import Text

        return str(Text.from_tree(node).content)
    plain: str | None = None
    runs: list[str] = []
    for child in node:
        name = _local(child.tag)
        if name == "t":
            plain = child.text  # openpyxl keeps the last one
        elif name == "r":
            text: str | None = None
            for part in child:
                if _local(part.tag) == "t":
                    text = part.text
            if text is not None:
                runs.append(text)
    return "".join([plain, *runs] if plain is not None else runs)


#: Bytes fed to the parsers at a time
_CHUNK = 1 << 16


class _RootSeen:
    """The target of the guarding parser: notes the root element's start."""

    seen = False

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.seen = True

    def close(self) -> None:
        return None


def elements(source: IO[bytes]) -> Iterator[Any]:
    """Every element of an XML part at its end, as ``iterparse`` gives them.

    The elements are built by the C parser of :mod:`xml.etree.ElementTree` (defusedxml's
    ``iterparse`` calls back into Python for each element, a third of the read). It expands the
    entities a DTD declares, so every chunk goes first through defusedxml's parser with DTDs
    forbidden, until that has seen the root element's start: a DTD can only come before it,
    and the C parser is given no byte the guard has not accepted. (The whole file was also
    checked before openpyxl opened it.)
    """
    from xml.etree.ElementTree import XMLPullParser

    from defusedxml.ElementTree import DefusedXMLParser

    root = _RootSeen()
    guard: Any = DefusedXMLParser(target=root, forbid_dtd=True)
    parser: Any = XMLPullParser(events=("end",))
    while True:
        chunk = source.read(_CHUNK)
        if not chunk:
            break
        if guard is not None:
            guard.feed(chunk)
            if root.seen:
                guard = None
        parser.feed(chunk)
        for _, element in parser.read_events():
            yield element
    parser.close()
    for _, element in parser.read_events():
        yield element


def read_shared_strings(source: IO[bytes]) -> list[str]:
    """The shared strings table (``xl/sharedStrings.xml``), as openpyxl's ``read_string_table``."""
    strings: list[str] = []
    for node in elements(source):
        if node.tag == _STRING:
            strings.append(string_content(node).replace("x005F_", ""))
            node.clear()
    return strings


class _Cells:
    """Turns ``<c>`` elements into values, with the workbook's strings, epoch and date styles."""

    def __init__(self, shared: list[str], epoch: Any, date_styles: set[int], duration_styles: set[int]):
        self.shared = shared
        self.epoch = epoch
        self.date_styles = date_styles
        self.duration_styles = duration_styles

    def value(self, cell: Any) -> Any:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(_INLINE)
            return None if inline is None else string_content(inline)
        text = cell.findtext(_VALUE, None) or None
        if text is None:
            return None
        if kind == "n":
            number: Any = float(text) if "." in text or "E" in text or "e" in text else int(text)
            given = cell.get("s", 0)
            style = int(given) if given else given  # openpyxl's test, for s="" too
            if style in self.date_styles:
                return self._date(number, style, cell.get("r"))
            return number
        if kind == "s":
            return self.shared[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            return from_ISO8601(text)
        return text  # "str" (a formula's text), "e" (an error such as #N/A), any other

    def _date(self, number: Any, style: Any, coordinate: str | None) -> Any:
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(number, self.epoch, timedelta=style in self.duration_styles)
        except (OverflowError, ValueError):
            import warnings

            # openpyxl's words and value: the cell is read as an error
            warnings.warn(
                f"Cell {coordinate} is marked as a date but the serial value {number} is outside "
                "the limits for dates. The cell will be treated as an error.",
                stacklevel=2,
            )
            return "#VALUE!"


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if number.is_integer():
            return int(number)
        raise ValueError(f"{text} is not a valid row number") from None


def iter_values(
    source: IO[bytes],
    shared: list[str],
    *,
    epoch: Any,
    date_styles: set[int],
    duration_styles: set[int],
) -> Iterator[tuple[Any, ...] | list[Any]]:
    """Every row of a worksheet part as openpyxl's ``iter_rows(values_only=True)`` gives it
    without dimensions (see the module docstring)."""
    from openpyxl.utils import coordinate_to_tuple

    cells = _Cells(shared, epoch, date_styles, duration_styles)
    value = cells.value
    number = 0  # the last row's number, as openpyxl counts
    expected = 1  # the next row to hand out
    for element in elements(source):
        if element.tag != _ROW:
            continue
        given = element.get("r")
        number = _row_number(given) if given is not None else number + 1
        column = 0
        found: list[tuple[int, Any]] = []
        for cell in element:
            reference = cell.get("r")
            if reference:
                column = coordinate_to_tuple(reference)[1]
            else:
                column += 1
            found.append((column, value(cell)))
        element.clear()
        while expected < number:
            expected += 1
            yield []
        if expected > number:
            continue  # a row number not above the last: openpyxl skips it
        expected += 1
        if not found:
            yield ()
            continue
        width = found[-1][0]
        row: list[Any] = [None] * width
        for at, cell_value in found:
            if 1 <= at <= width:
                row[at - 1] = cell_value
        yield tuple(row)


def load_workbook(fh: IO[bytes]) -> Any:
    """openpyxl's read-only, values-only workbook, its shared strings read by
    :func:`read_shared_strings` (openpyxl's own reader builds a ``Text`` object for each)."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    class _Reader(ExcelReader):  # type: ignore[misc]
        """openpyxl's reader but for the shared strings (its ``read_strings``, the parse ours)."""

        def read_strings(self) -> None:
            found = self.package.find(SHARED_STRINGS)
            if found is not None:
                with self.archive.open(found.PartName[1:]) as src:
                    self.shared_strings = read_shared_strings(src)

    reader = _Reader(fh, read_only=True, keep_vba=False, data_only=True, keep_links=False)
    reader.read()
    return reader.wb


def sheet_values(ws: Any) -> Iterator[tuple[Any, ...] | list[Any]]:
    """The rows of a read-only worksheet of :func:`load_workbook` by :func:`iter_values`."""
    book = ws.parent
    with ws._get_source() as source:
        yield from iter_values(
            source,
            ws._shared_strings,
            epoch=book.epoch,
            date_styles=book._date_formats,
            duration_styles=book._timedelta_formats,
        )
