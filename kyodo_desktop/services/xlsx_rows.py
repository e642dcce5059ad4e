"""Rows of a write-only openpyxl sheet written as whole ``<row>`` elements (the export's fast path).

openpyxl's ``ws.append`` handles every value through a generic cell: type checks, a
``WriteOnlyCell`` per styled value, a style lookup per styled cell, and three nested ``xf.element``
context managers per cell. For the 団体一覧 export that generic path cost more than everything
else together. Here each row becomes one lxml ``<row>`` element built with ``SubElement`` and
written with a single ``xf.write``; the XML is the same, byte for byte, as openpyxl's own
(``tests/services/test_export_xlsx.py`` compares the two on awkward values).

What the row values may be is what ``export_cells`` produces: ``None`` (no cell),
``str`` (an inline string, no style; never formula-like — those come as cells), ``int``, a finite
``float``, ``date`` (a serial number with openpyxl's ``yyyy-mm-dd`` style), openpyxl cells holding
text with a style (number format ``@``, maybe ``quotePrefix``, or wrapping) and openpyxl cells
holding a finite number with a style (an amount's ``#,##0``, a share's ``0.0%``, an alignment). Anything else is refused with ``TypeError``,
so a new kind of value cannot slip out differently from openpyxl's handling.

Style ids are registered in the workbook at first use, in the order openpyxl would register them,
so ``styles.xml`` comes out the same too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from math import isfinite
from typing import Any

__all__ = ["install_row_writer"]

# openpyxl truncates longer text (``Cell.check_string``); the export's cells never are longer
# (domain.cell_text shortens them with a marker first), this only keeps the XML the same.
_MAX_TEXT = 32767
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _finite_number(value: Any) -> bool:
    kind = type(value)
    return kind is int or (kind is float and isfinite(value))


def install_row_writer(ws: Any) -> Callable[..., None] | None:
    """Return ``write(values, height=None)`` appending one row to write-only sheet ``ws``, or None.

    ``height`` (points) is set on a row whose wrapped text needs more than one line.

    None when openpyxl does not write through lxml, or writes dates as ISO text (then
    ``ws.append`` must be used). Call it after exactly one ``ws.append`` (the header, row 1);
    plain ``ws.append`` must not be mixed in afterwards.
    """
    from openpyxl import LXML

    if not LXML:
        return None
    from lxml.etree import Element, SubElement
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.datetime import to_excel

    wb = ws.parent
    if wb.iso_dates:
        return None
    styles = wb._cell_styles
    epoch = wb.epoch
    letters = [get_column_letter(n) for n in range(1, 16385)]
    date_style: list[int] = []  # registered at the first date, as openpyxl does
    serials: dict[date, str] = {}
    style_ids: dict[tuple[int, ...], int] = {}
    inline = {"t": "inlineStr"}

    def date_style_id() -> int:
        if not date_style:
            probe = WriteOnlyCell(ws, value=date(2000, 1, 1))  # openpyxl picks the format
            date_style.append(styles.add(probe._style))
        return date_style[0]

    def style_id(cell: Any) -> int:
        key = tuple(cell._style)
        found = style_ids.get(key)
        if found is None:
            found = style_ids[key] = styles.add(cell._style)
        return found

    def text(parent: Any, value: str) -> None:
        if len(value) > _MAX_TEXT:
            value = value[:_MAX_TEXT]
        t = SubElement(
            SubElement(parent, "is"), "t", {_XML_SPACE: "preserve"} if value != value.strip() else {}
        )
        t.text = value

    next_row = [2]  # the header is row 1

    def write(values: Sequence[Any], height: float | None = None) -> None:
        number = str(next_row[0])
        next_row[0] += 1
        # a row of wrapped text gets its height: LibreOffice does not fit rows to it when opening
        row = Element(
            "row", {"r": number} if not height else {"r": number, "ht": f"{height:g}", "customHeight": "1"}
        )
        for column, value in enumerate(values):
            if value is None:
                continue
            kind = type(value)
            ref = letters[column] + number
            if kind is str and value:
                text(SubElement(row, "c", {"r": ref, **inline}), value)
            elif kind is int or (kind is float and isfinite(value)):
                SubElement(SubElement(row, "c", {"r": ref, "t": "n"}), "v").text = f"{value:.16g}"
            elif kind is date:
                serial = serials.get(value)
                if serial is None:
                    serial = serials[value] = f"{to_excel(value, epoch):.16g}"
                c = SubElement(row, "c", {"r": ref, "s": str(date_style_id()), "t": "n"})
                SubElement(c, "v").text = serial
            elif kind is Cell and value.data_type == "s" and type(value._value) is str and value._value:
                text(SubElement(row, "c", {"r": ref, "s": str(style_id(value)), **inline}), value._value)
            elif kind is Cell and value.data_type == "n" and _finite_number(value._value):
                # a number with a format or an alignment (an amount, a share, a centred count)
                attrs = (
                    {"r": ref, "s": str(style_id(value)), "t": "n"}
                    if any(value._style)
                    else {"r": ref, "t": "n"}
                )
                SubElement(SubElement(row, "c", attrs), "v").text = f"{value._value:.16g}"
            else:  # '' and the rest: openpyxl writes them in ways not copied here
                raise TypeError(f"not a value of the export: {value!r}")
        ws._rows.send([row])

    # The sheet's row coroutine calls these two per appended row: pass the ready element through.
    ws._values_to_row = lambda values, _row_idx: values
    ws._writer.write_row = lambda xf, values, _row_idx: xf.write(values[0])
    return write
