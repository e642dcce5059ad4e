"""The list reader's own parse of sheets and shared strings gives openpyxl's values, cell for cell."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from kyodo_desktop.domain.importing import ImportFileError
from kyodo_desktop.services.import_lists import read_table, xlsx_cells
from kyodo_desktop.services.import_lists.xlsx import _Workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="{PKG}/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PKG}/relationships">
<Relationship Id="rId1" Type="{DOC}/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PKG}/relationships">
<Relationship Id="rId1" Type="{DOC}/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{DOC}/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="{DOC}/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
# styles: 0 general, 1 a date (14), 2 a time (21), 3 a duration ([h]:mm:ss, 46), 4 a custom 和 date
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="{MAIN}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts>
<fills count="1"><fill><patternFill/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
# shared strings as Excel writes them for Japanese text: phonetic guides, rich runs, escapes
SHARED = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{MAIN}" count="9" uniqueCount="9">
<si><t>特定非営利活動法人みどりの森</t></si>
<si><t>千葉市</t><rPh sb="0" eb="3"><t>チバシ</t></rPh><phoneticPr fontId="1"/></si>
<si><r><rPr><b/><sz val="11"/></rPr><t>太字</t></r><r><t xml:space="preserve"> と普通 </t></r></si>
<si><t/></si>
<si><t>a_x005F_x000D_b_x000D_c</t></si>
<si><t xml:space="preserve">  前後に空白  </t></si>
<si><r><t>ルビ</t></r><rPh sb="0" eb="2"><t>ルビ</t></rPh></si>
<si></si>
<si><t>改行
あり</t></si>
</sst>"""
SHEET = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{MAIN}" xmlns:r="{REL}">
<dimension ref="A1:H30"/>
<sheetData>
<row r="1" spans="1:8"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>8</v></c></row>
<row r="2"><c r="A2"><v>42</v></c><c r="B2"><v>3.5</v></c><c r="C2"><v>1E3</v></c><c r="D2" s="1"><v>45383</v></c><c r="E2" s="2"><v>0.75</v></c><c r="F2" s="3"><v>1.5</v></c><c r="G2" s="4"><v>44652.5</v></c><c r="H2" s="1"><v>30</v></c></row>
<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="str"><v>式の結果</v></c><c r="D3" t="e"><v>#N/A</v></c><c r="E3" t="d"><v>2024-04-01T00:00:00</v></c><c r="F3"><v></v></c><c r="G3" s="1"/><c r="H3" t="s"><v>7</v></c></row>
<row r="5"><c r="C5" t="inlineStr"><is><t>インライン</t></is></c><c r="F5" t="inlineStr"><is><r><t>ラン</t></r><r><rPr><i/></rPr><t>二つ</t></r><rPh sb="0" eb="1"><t>ラ</t></rPh></is></c><c r="G5" t="inlineStr"/></row>
<row r="6"><c t="inlineStr"><is><t>参照なし1</t></is></c><c><v>7</v></c><c r="E6"><v>8</v></c><c><v>9</v></c></row>
<row><c r="A7"><v>-0.25</v></c></row>
<row r="9.0"><c r="B9" t="inlineStr"><is><t>小数の行番号</t></is></c></row>
<row r="8"><c r="A8"><v>1</v></c></row>
<row r="9"><c r="A9"><v>2</v></c></row>
<row r="11"/>
<row r="12"><c r="D12" s="0"><v>12345678901234567890</v></c><c r="B12"><v>5</v></c></row>
<row r="13"><c r="A13" t="inlineStr"><is><t>_x0007_制御_x005F_x0007_</t></is></c><c r="B13"><v>0.1</v></c><c r="C13"><v>-7</v></c><c r="D13"><v>1.0</v></c></row>
</sheetData>
<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>
</worksheet>"""


def _workbook(path: Path, *, sheet: str = SHEET, shared: str = SHARED, date1904: bool = False) -> Path:
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}'
        '<sheets><sheet name="一覧" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            ("xl/styles.xml", STYLES),
            ("xl/sharedStrings.xml", shared),
            ("xl/worksheets/sheet1.xml", sheet),
        ):
            archive.writestr(name, text.encode("utf-8"))
    return path


def _openpyxl_rows(path: Path) -> list[Any]:
    book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    try:
        ws = book.worksheets[0]
        ws.reset_dimensions()
        return list(ws.iter_rows(values_only=True))
    finally:
        book.close()


def _our_rows(path: Path) -> tuple[list[str], list[Any]]:
    with _Workbook(path) as wb:
        ws = wb.worksheets[0]
        ws.reset_dimensions()
        return list(ws._shared_strings), list(xlsx_cells.sheet_values(ws))


@pytest.mark.parametrize("date1904", [False, True])
def test_awkward_cells_read_as_openpyxl_reads_them(tmp_path: Path, date1904: bool) -> None:
    path = _workbook(tmp_path / "awkward.xlsx", date1904=date1904)
    shared, ours = _our_rows(path)
    theirs = _openpyxl_rows(path)
    assert ours == theirs
    assert [type(v) for row in ours for v in row] == [type(v) for row in theirs for v in row]
    book = load_workbook(path, read_only=True, data_only=True)
    assert shared == book.worksheets[0]._shared_strings
    book.close()
    # what the comparison covers, spelled out
    assert ours[0][:3] == ("特定非営利活動法人みどりの森", "千葉市", "太字 と普通 ")  # no ルビ text
    assert ours[0][4] == "a_x000D_b_x000D_c"  # openpyxl drops x005F_ from shared strings
    assert ours[3] == [] and ours[10] == ()  # a missing row; a row without cells
    if not date1904:
        assert ours[1][3:] == (
            datetime(2024, 4, 1),
            time(18, 0),
            timedelta(days=1.5),
            datetime(2022, 4, 1, 12, 0),
            datetime(1900, 1, 30),
        )
    assert ours[2][:5] == (True, False, "式の結果", "#N/A", datetime(2024, 4, 1))
    assert ours[5] == ("参照なし1", 7, None, None, 8, 9)


def test_rows_out_of_order_and_repeated_follow_openpyxl(tmp_path: Path) -> None:
    sheet = SHEET.replace('<row r="8">', '<row r="4"><c r="A4"><v>4</v></c></row><row r="8">')
    path = _workbook(tmp_path / "order.xlsx", sheet=sheet)
    assert _our_rows(path)[1] == _openpyxl_rows(path)


def test_a_workbook_openpyxl_wrote_reads_the_same(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.append(["団体名", "設立日", "時刻", "金額", "真偽", None, "備考"])
    ws.append(["みどりの森", date(2020, 4, 1), time(9, 30), 1_200_000, True, None, "=1+1"])
    ws.append([None, datetime(2021, 5, 6, 7, 8, 9), None, 0.5, False])
    ws.append([])
    ws.cell(row=6, column=10, value="遠いセル")
    ws.merge_cells("A7:C7")
    ws["A7"] = "結合"
    path = tmp_path / "written.xlsx"
    book.save(path)
    assert _our_rows(path)[1] == _openpyxl_rows(path)


def test_the_list_reader_gives_the_texts_of_those_values(tmp_path: Path) -> None:
    table = read_table(_workbook(tmp_path / "texts.xlsx"))
    cells = {number: cells for number, cells in table.rows}
    assert cells[2][:4] == ["42", "3.5", "1000", "2024-04-01"]
    assert cells[3][:5] == ["TRUE", "FALSE", "式の結果", "#N/A", "2024-04-01"]
    # Excel's escape of a control character undone; _x005F_ (an escaped "_") is not, as before
    assert cells[13][:4] == ["\x07制御_x005F\x07", "0.1", "-7", "1"]


def test_a_dtd_in_the_shared_strings_is_refused(tmp_path: Path) -> None:
    laughs = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]><sst xmlns="{}"><si><t>&a;</t></si></sst>'
    path = _workbook(tmp_path / "laughs.xlsx", shared=laughs.format(MAIN))
    with pytest.raises(ImportFileError, match="エンティティ"):
        read_table(path)


def test_the_guard_refuses_a_dtd_fed_to_the_cell_parser(tmp_path: Path) -> None:
    from io import BytesIO

    from defusedxml import DTDForbidden

    xml = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><sst xmlns="{MAIN}"><si><t>&a;</t></si></sst>'
    with pytest.raises(DTDForbidden):
        xlsx_cells.read_shared_strings(BytesIO(xml.encode()))


def test_broken_cells_are_a_broken_file(tmp_path: Path) -> None:
    sheet = SHEET.replace("<v>42</v>", "<v>四十二</v>")
    with pytest.raises(ImportFileError, match="壊れている"):
        read_table(_workbook(tmp_path / "broken.xlsx", sheet=sheet))
