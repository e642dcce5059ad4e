"""Cell values of the export's sheets: the formula guard, text cells, dates, one function per row.

:func:`cell_makers` gives the small functions every exported sheet writes its values through
(the 団体一覧 and the extra sheets of contacts and 対応記録), and :func:`organization_converter`
turns one row of :func:`~kyodo_desktop.persistence.export_rows.export_rows` into the 団体一覧's
cells with them.

Ordinary text goes out as a plain ``str`` (cheapest for openpyxl); only cells that need a style
or a forced type become cells: text Excel could take for a formula or an error code (written as
text with ``quotePrefix``, see :mod:`kyodo_desktop.services.sheets`), numbers with leading zeros
(text with number format ``@``), and long text that wraps. Dates go out as plain ``date``
values, which openpyxl formats ``yyyy-mm-dd`` by itself (a test checks it). Dates, 和暦 and 活動分野
labels are cached by their stored text, since a registry has far fewer distinct values than rows.
What :mod:`kyodo_desktop.services.xlsx_rows` accepts is exactly what these functions return.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any
from unicodedata import east_asian_width

from kyodo_desktop.domain.cell_text import LEFT_OUT, SHORT_ENOUGH, cell_copy
from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT
from kyodo_desktop.domain.municipalities import municipality_name
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.services.sheets import ERROR_CODES, FORMULA_STARTS, TEXT_FORMAT

__all__ = [
    "LINE_HEIGHT",
    "CellMakers",
    "cell_makers",
    "organization_converter",
    "picked_converter",
    "wrapped_height",
]

#: Points per line of 11-point 游ゴシック in a row of wrapped text (Excel's own row is 18.75).
LINE_HEIGHT = 18.0
# Width of a kanji in column units: about 1.9 in Excel's 游ゴシック, 1.6 in LibreOffice's Noto.
_WIDE = 1.8
_WIDE_TENTHS = round(_WIDE * 10)  # the same in tenths of a unit, for exact sums


class CellMakers:
    """The value functions of one sheet (each returns what the row writer takes, or None).

    ``plain(text)`` a text cell, guarded; ``text(text)`` the same with number format ``@`` (phone,
    postal code, 法人番号); ``wrapped(text)`` a guarded text cell that wraps (a long 内容, a long
    活動分野); ``day(iso)`` a ``(date, 和暦)`` pair of a stored ISO date (or its text when it is not one);
    ``top(values)`` the row's text cells aligned to the top, for a row of several lines.
    """

    def __init__(
        self,
        plain: Callable[[str | None], Any],
        text: Callable[[str | None], Any],
        wrapped: Callable[[str | None], Any],
        day: Callable[[str | None], tuple[Any, str | None]],
        top: Callable[[list[Any]], list[Any]],
    ) -> None:
        self.plain = plain
        self.text = text
        self.wrapped = wrapped
        self.day = day
        self.top = top


def cell_makers(ws: Any) -> CellMakers:
    """The value functions for write-only sheet ``ws`` (style arrays built once, not per cell)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Alignment
    from openpyxl.styles.cell_style import StyleArray

    # Style arrays built once and copied into each text cell: no per-cell style lookups.
    text_template = WriteOnlyCell(ws)
    text_template.number_format = TEXT_FORMAT
    quoted_template = WriteOnlyCell(ws)
    quoted_template.number_format = TEXT_FORMAT
    quoted_template.quotePrefix = True
    # bottom-aligned like every other cell, so a row's cells share their first line's baseline
    wrap_template = WriteOnlyCell(ws)
    wrap_template.alignment = Alignment(wrap_text=True)
    wrap_quoted_template = WriteOnlyCell(ws)
    wrap_quoted_template.alignment = Alignment(wrap_text=True)
    wrap_quoted_template.quotePrefix = True
    # a row of several lines shows every cell from its top (Excel and LibreOffice put text at
    # the bottom by default, which leaves the one-line cells level with a wrapped cell's end)
    wb = ws.parent
    top_id = wb._alignments.add(Alignment(vertical="top"))
    wrap_top_id = wb._alignments.add(Alignment(wrap_text=True, vertical="top"))
    wrap_id = wrap_template._style.alignmentId
    top_styles: dict[tuple[int, ...], Any] = {}
    text_style = text_template._style
    quoted_style = quoted_template._style
    wrap_style = wrap_template._style
    wrap_quoted_style = wrap_quoted_template._style

    # what a cell does not carry, and text too long for one: domain.cell_text decides both
    left_out = LEFT_OUT.search
    short_enough = SHORT_ENOUGH
    formula_starts = FORMULA_STARTS
    error_codes = ERROR_CODES
    days: dict[str, tuple[date, str]] = {}

    new_cell = Cell.__new__

    def text_cell(value: str, style: Any) -> Any:
        if left_out(value) or len(value) > short_enough:  # not the makers' text: openpyxl checks it
            cell = Cell(ws, row=1, column=1, value=value, style_array=style)
            cell.data_type = "s"  # openpyxl made "=…" a formula
            return cell
        # The makers' text is clean and short already (domain.cell_text): the same cell as
        # Cell(ws, value=value, style_array=style) without its type checks and string scan,
        # which cost more than writing the cell (a 団体一覧 of the 一覧 layout makes 5 a row).
        cell = new_cell(Cell)
        cell.parent = ws
        cell._style = StyleArray(style)
        cell.row = cell.column = 1
        cell._value = value
        cell.data_type = "s"
        cell._hyperlink = cell._comment = None
        return cell

    def plain(value: str | None) -> Any:
        if not value:
            return None
        if left_out(value) or len(value) > short_enough:
            value = cell_copy(value)
            if not value:
                return None
        first = value[0]
        if first in formula_starts or (first == "#" and value in error_codes):
            return text_cell(value, quoted_style)
        return value

    def text(value: str | None) -> Any:
        if not value:
            return None
        if left_out(value) or len(value) > short_enough:
            value = cell_copy(value)
            if not value:
                return None
        style = quoted_style if value[0] in formula_starts else text_style
        return text_cell(value, style)

    def wrapped(value: str | None) -> Any:
        if not value:
            return None
        if left_out(value) or len(value) > short_enough:
            value = cell_copy(value)
            if not value:
                return None
        first = value[0]
        guarded = first in formula_starts or (first == "#" and value in error_codes)
        return text_cell(value, wrap_quoted_style if guarded else wrap_style)

    def day(value: str | None) -> tuple[Any, str | None]:
        if not value:
            return None, None
        hit = days.get(value)
        if hit is None:
            try:
                parsed = date.fromisoformat(value)
            except (TypeError, ValueError):
                return plain(value), None  # not a date: keep what is stored, as text
            hit = days[value] = (parsed, to_wareki(parsed))
        return hit

    def top(values: list[Any]) -> list[Any]:
        for n, value in enumerate(values):
            kind = type(value)
            if kind is not str and not (kind is Cell and value.data_type == "s"):
                continue  # numbers and dates keep their place
            key = tuple(value._style) if kind is Cell else ()
            style = top_styles.get(key)
            if style is None:
                style = StyleArray(key) if key else StyleArray()
                style.alignmentId = wrap_top_id if style.alignmentId == wrap_id else top_id
                top_styles[key] = style
            values[n] = text_cell(value if kind is str else value._value, style)
        return values

    return CellMakers(plain, text, wrapped, day, top)


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` wide (about: fonts differ).

    Each line is filled as the spreadsheet fills it: a character that does not fit starts the
    next line (a character is never split, so a line can end short of the width). The sum is
    kept in whole tenths of a unit: adding 1.8 as a float drifts above an exact fit (ten kanji
    made 18.000000000000004, one line more than they take).
    """
    per_line = max(width - 1.0, 1.0)  # the cell's padding
    if "\n" not in text and len(text) * _WIDE <= per_line:
        return 1  # most cells: no need to measure
    room = max(round(per_line * 10), _WIDE_TENTHS)  # a line holds at least one character
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0
        for c in part:
            size = _WIDE_TENTHS if east_asian_width(c) in "WF" else 10
            if used + size > room:
                lines += 1
                used = size
            else:
                used += size
        total += lines
    return total


def wrapped_height(values: list[Any], wrap_at: Sequence[tuple[int, float]]) -> float | None:
    """The row height (points) the wrapped cells at ``wrap_at`` (position, width) need, or None
    when each fits on one line (the sheet's default height)."""
    lines = 1
    for n, width in wrap_at:
        cell = values[n]
        if cell is not None:
            lines = max(lines, _lines(cell.value if type(cell) is not str else cell, width))
    return lines * LINE_HEIGHT if lines > 1 else None


def _field_labels(plain: Callable[[str | None], Any]) -> Callable[[str | None], Any]:
    """活動分野 codes (「1,13」) as their short labels (「保健・医療、まちづくり」), cached by text."""
    field_labels: dict[str, str] = {}

    def fields(value: str | None) -> Any:
        if not value:
            return None
        label = field_labels.get(value)
        if label is None:
            parts = [part.strip() for part in value.split(",")]
            label = field_labels[value] = "、".join(
                ACTIVITY_FIELD_SHORT.get(int(part), part) if part.isdecimal() else part
                for part in parts
                if part
            )
        return plain(label)

    return fields


def organization_converter(ws: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
    """A function turning one ``export_rows`` tuple into the cells of one 団体一覧 row (every column)."""
    makers = cell_makers(ws)
    plain, text, day = makers.plain, makers.text, makers.day
    fields = _field_labels(plain)

    def convert(row: tuple[Any, ...]) -> list[Any]:
        (
            name,
            kana,
            legal_form,
            corporate_number,
            muni_name,
            muni_code,
            postal_code,
            address,
            phone,
            fax,
            email,
            website,
            representative,
            representative_kana,
            activity_fields,
            status,
            established_on,
            certified_on,
            member_count,
            registered_on,
            last_contact_on,
            tags,
            notes,
            responsible_officer,
            org_id,
        ) = row
        established, established_wareki = day(established_on)
        registered, registered_wareki = day(registered_on)
        if member_count is not None and type(member_count) is not int:
            member_count = plain(str(member_count))
        return [
            plain(name),
            plain(kana),
            plain(legal_form),
            text(corporate_number),
            plain(muni_name or (municipality_name(muni_code) if muni_code else None)),
            text(postal_code),
            plain(address),
            text(phone),
            text(fax),
            plain(email),
            plain(website),
            plain(representative),
            plain(representative_kana),
            fields(activity_fields),
            plain(status),
            established,
            established_wareki,
            day(certified_on)[0],
            member_count,
            registered,
            registered_wareki,
            day(last_contact_on)[0],
            plain(tags),
            plain(notes),
            plain(responsible_officer),
            plain(org_id),
        ]

    return convert


def picked_converter(ws: Any, picked: Sequence[int]) -> Callable[[tuple[Any, ...]], list[Any]]:
    """Like :func:`organization_converter`, but making only the cells of the columns ``picked``
    (positions in its row, in that order): the 一覧 layout's 8 columns of 26 cost a third."""
    makers = cell_makers(ws)
    plain, text, day = makers.plain, makers.text, makers.day
    fields = _field_labels(plain)

    def member(value: Any) -> Any:
        return plain(str(value)) if value is not None and type(value) is not int else value

    # one function per cell of organization_converter's row, from the export_rows tuple
    cells: tuple[Callable[[tuple[Any, ...]], Any], ...] = (
        lambda r: plain(r[0]),
        lambda r: plain(r[1]),
        lambda r: plain(r[2]),
        lambda r: text(r[3]),
        lambda r: plain(r[4] or (municipality_name(r[5]) if r[5] else None)),
        lambda r: text(r[6]),
        lambda r: plain(r[7]),
        lambda r: text(r[8]),
        lambda r: text(r[9]),
        lambda r: plain(r[10]),
        lambda r: plain(r[11]),
        lambda r: plain(r[12]),
        lambda r: plain(r[13]),
        lambda r: fields(r[14]),
        lambda r: plain(r[15]),
        lambda r: day(r[16])[0],
        lambda r: day(r[16])[1],
        lambda r: day(r[17])[0],
        lambda r: member(r[18]),
        lambda r: day(r[19])[0],
        lambda r: day(r[19])[1],
        lambda r: day(r[20])[0],
        lambda r: plain(r[21]),
        lambda r: plain(r[22]),
        lambda r: plain(r[23]),
        lambda r: plain(r[24]),
    )
    chosen = [cells[n] for n in picked]
    return lambda row: [cell(row) for cell in chosen]
