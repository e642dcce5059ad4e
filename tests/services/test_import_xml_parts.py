"""Every XML part of an .xlsx is guarded like the sheets: a DOCTYPE (entity) anywhere is refused.

openpyxl parses the workbook, shared strings, styles, content types, relationships and document
properties with a parser that expands entities; the reader must refuse a DTD in any of them as
dangerous, quickly, with the same Japanese message as in a sheet.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from kyodo_desktop.domain.importing import ImportFileError
from kyodo_desktop.services.import_lists import limits, list_sheets, read_table

ENTITY_MESSAGE = "には危険なXML（エンティティの展開）が含まれているため、読み込みを中止しました。"
SHARED_STRINGS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
    + "<si><t>共有の会</t></si>".encode()
    + b"</sst>"
)
PARTS = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/app.xml",
    "docProps/core.xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/theme/theme1.xml",
    "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml",
)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info.filename) for info in archive.infolist()}


def _write_parts(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """A one-sheet workbook whose third row comes from ``xl/sharedStrings.xml``."""
    path = tmp_path / "list.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "名簿"
    ws.append(["団体名"])
    ws.append(["一の会"])
    wb.save(path)
    parts = _parts(path)
    parts["xl/sharedStrings.xml"] = SHARED_STRINGS
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml" Id="rId9"/></Relationships>',
    )
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", b'<row r="3"><c r="A3" t="s"><v>0</v></c></row></sheetData>'
    )
    return _write_parts(path, parts)


def _with_doctype(data: bytes, internal: str = '<!ENTITY lol1 "LOL">') -> bytes:
    """``data`` with a DOCTYPE declaring ``internal`` before its root element."""
    doctype = f"<!DOCTYPE root [{internal}]>".encode()
    if data.startswith(b"<?xml"):
        declaration, rest = data.split(b"?>", 1)
        return declaration + b"?>" + doctype + rest
    return doctype + data


def _refused_as_dangerous(call: Callable[[], object]) -> None:
    start = time.monotonic()
    with pytest.raises(ImportFileError) as raised:
        call()
    assert time.monotonic() - start < 2.0
    assert ENTITY_MESSAGE in str(raised.value)


def test_the_test_workbook_reads_every_part(workbook: Path) -> None:
    assert sorted(_parts(workbook)) == sorted(PARTS)
    table = read_table(workbook)
    assert [cells[0] for _number, cells in table.rows] == ["一の会", "共有の会"]


@pytest.mark.parametrize("part", PARTS)
def test_a_doctype_in_any_part_is_refused_as_dangerous(workbook: Path, part: str) -> None:
    parts = _parts(workbook)
    parts[part] = _with_doctype(parts[part])
    path = _write_parts(workbook, parts)
    _refused_as_dangerous(lambda: read_table(path))
    _refused_as_dangerous(lambda: list_sheets(path))


def test_an_entity_in_the_workbook_is_not_a_sheet_name(workbook: Path) -> None:
    parts = _parts(workbook)
    parts["xl/workbook.xml"] = _with_doctype(parts["xl/workbook.xml"]).replace(
        'name="名簿"'.encode(), b'name="&lol1;"'
    )
    path = _write_parts(workbook, parts)
    _refused_as_dangerous(lambda: list_sheets(path))
    _refused_as_dangerous(lambda: read_table(path, sheet="LOL"))


def test_a_large_expansion_in_the_workbook_is_dangerous_not_broken(workbook: Path) -> None:
    laughs = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{(f"&lol{n - 1};" if n > 1 else "&lol;") * 10}">' for n in range(1, 10)
    )
    parts = _parts(workbook)
    parts["xl/workbook.xml"] = _with_doctype(parts["xl/workbook.xml"], laughs).replace(
        'name="名簿"'.encode(), b'name="&lol9;"'
    )
    path = _write_parts(workbook, parts)
    _refused_as_dangerous(lambda: list_sheets(path))


def test_a_doctype_behind_an_encoding_the_parser_lacks_is_still_found(workbook: Path) -> None:
    parts = _parts(workbook)
    parts["docProps/core.xml"] = b'<?xml version="1.0" encoding="Shift_JIS"?>' + _with_doctype(
        parts["docProps/core.xml"]
    )
    path = _write_parts(workbook, parts)
    _refused_as_dangerous(lambda: read_table(path))


def test_a_doctype_in_an_xml_part_with_another_name_is_refused(workbook: Path) -> None:
    parts = _parts(workbook)
    parts["customXml/item1.dat"] = _with_doctype(b"<root>&lol1;</root>")
    path = _write_parts(workbook, parts)
    _refused_as_dangerous(lambda: read_table(path))


def test_pictures_and_other_binary_parts_are_not_parsed(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = _parts(workbook)
    parts["xl/media/image1.png"] = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    path = _write_parts(workbook, parts)
    assert [cells[0] for _number, cells in read_table(path).rows] == ["一の会", "共有の会"]


def test_a_doctype_past_the_sniffed_head_in_a_part_expat_cannot_read_is_still_refused(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "XML_HEAD_BYTES", 64)
    parts = _parts(workbook)
    padding = b"<!--" + b"x" * 200 + b"-->"
    parts["docProps/app.xml"] = (
        b'<?xml version="1.0" encoding="Shift_JIS"?>' + padding + _with_doctype(parts["docProps/app.xml"])
    )
    path = _write_parts(workbook, parts)
    with pytest.raises(ImportFileError, match="読め"):  # refused unread, as a broken file
        read_table(path)
