"""The handover note (引継書) as a PDF, drawn with Qt: A4, Japanese font, header and page numbers.

The content is the workbook's (:func:`kyodo_desktop.services.handover_export.load_document`):
this module turns it into HTML for a :class:`QTextDocument`, lays that out on A4 pages of a
:class:`QPdfWriter` and paints each page with the note's title and 年度 at the top and
「N / M ページ」 at the bottom. Each organization and project starts a new page. The command
line has no Qt, so the PDF is offered here only (:func:`export_pdf`, the 引継 tab's action).
"""

from __future__ import annotations

import contextlib
import html
import os
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QWidget

from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services.handover_content import Fields, HandoverDocument, Part, Table, Text
from kyodo_desktop.services.workspace import Workspace

__all__ = ["document_html", "export_pdf", "write_pdf"]

#: Japanese fonts in the order tried: Windows' 游ゴシック and メイリオ, then what Linux has.
FONT_FAMILIES = (
    "Yu Gothic",
    "游ゴシック",
    "Meiryo",
    "メイリオ",
    "Noto Sans CJK JP",
    "IPAexGothic",
    "IPAGothic",
)
_FONT_POINTS = 9.5
_MARGIN_MM = 15.0
_RESOLUTION = 300
_EMPTY_TABLE = "なし"
_EMPTY_TEXT = "（記入なし）"


def japanese_font() -> QFont:
    """The first installed Japanese font of :data:`FONT_FAMILIES` (Qt's fallback otherwise)."""
    installed = set(QFontDatabase.families())
    families = [f for f in FONT_FAMILIES if f in installed] or list(FONT_FAMILIES)
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(_FONT_POINTS)
    return font


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")


def _part_html(part: Part, first: bool) -> str:
    style = "" if first else ' style="page-break-before: always"'
    out = [f"<h2{style}>{_e(part.title)}</h2>"]
    for block in part.blocks:
        if isinstance(block, Fields):
            rows = "".join(
                f'<tr><th width="22%" bgcolor="#DDEBF7" align="left">{_e(label)}</th><td>{_e(value)}</td></tr>'
                for label, value in block.rows
            )
            out.append(f'<table width="100%" border="1" cellspacing="0" cellpadding="3">{rows}</table>')
        elif isinstance(block, Table):
            total = sum(block.weights)
            head = "".join(
                f'<th bgcolor="#DDEBF7" width="{round(100 * w / total)}%">{_e(c)}</th>'
                for c, w in zip(block.columns, block.weights, strict=True)
            )
            if block.rows:
                body = "".join(
                    "<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in block.rows
                )
            else:
                body = f'<tr><td colspan="{len(block.columns)}">{_EMPTY_TABLE}</td></tr>'
            out.append(f"<h3>{_e(block.title)}</h3>")
            out.append(
                f'<table width="100%" border="1" cellspacing="0" cellpadding="3">'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            )
        elif isinstance(block, Text):
            out.append(f"<h3>{_e(block.title)}</h3>")
            out.append(f"<p>{_e(block.body) if block.body else _EMPTY_TEXT}</p>")
    return "".join(out)


def document_html(document: HandoverDocument) -> str:
    """The note as HTML of Qt's rich-text subset (tables, headings, page breaks)."""
    parts = "".join(_part_html(p, n == 0) for n, p in enumerate(document.parts))
    return f"<html><body>{parts}</body></html>"


def write_pdf(path: Path, document: HandoverDocument) -> int:
    """Write ``document`` as an A4 PDF to ``path`` (atomically); the number of pages."""
    path = Path(path)
    if not path.parent.is_dir():
        raise KnownError(f"書き出し先のフォルダがありません: {path.parent}")
    tmp = path.with_name(f".{path.stem}-{uuid.uuid4().hex[:8]}.pdf")
    try:
        pages = _draw(tmp, document)
        os.replace(tmp, path)
    except OSError as exc:
        raise KnownError(f"PDFファイルを書き出せません（{exc.strerror or exc}）: {path}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return pages


def _draw(path: Path, document: HandoverDocument) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(_RESOLUTION)
    writer.setTitle(document.title)
    writer.setCreator("Kyodo Desktop")
    margins = QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            margins,
            QPageLayout.Unit.Millimeter,
        )
    )
    font = japanese_font()
    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)  # lay out in the PDF's points, not the screen's
    text.setDefaultFont(font)
    text.setHtml(document_html(document))
    area = writer.pageLayout().paintRectPixels(_RESOLUTION)
    small = QFont(font)
    small.setPointSizeF(_FONT_POINTS * 0.85)
    band = _RESOLUTION * 0.3  # the header's and footer's height: 0.3 inch each
    page_height = area.height() - 2 * band
    text.setPageSize(QSizeF(area.width(), page_height))
    pages = text.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot open {path}")
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.setFont(small)
            top = QRectF(0, 0, area.width(), band * 0.8)
            painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), document.title)
            painter.drawText(
                top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), document.dated
            )
            bottom = QRectF(0, area.height() - band * 0.8, area.width(), band * 0.8)
            painter.drawText(
                bottom,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                f"{page + 1} / {pages} ページ",
            )
            painter.save()
            painter.translate(QPointF(0, band - page * page_height))
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, page * page_height, area.width(), page_height)
            painter.setClipRect(context.clip)
            text.documentLayout().draw(painter, context)
            painter.restore()
    finally:
        painter.end()
    return pages


def export_pdf(parent: QWidget | None, workspace: Workspace, note_id: str) -> Path | None:
    """Ask where to save and write the note's PDF there; the path, or None when cancelled or failed."""
    from kyodo_desktop.gui import dialogs, errors
    from kyodo_desktop.services.handover_export import load_document

    title = QCoreApplication.translate("HandoverPdf", "引継書をPDFに書き出す")
    try:
        document = load_document(workspace, note_id)
    except Exception as exc:  # told to the officer; a bug is logged
        errors.show_error(parent, title, exc, what="handover pdf")
        return None
    name = QCoreApplication.translate("HandoverPdf", "引継書")
    default = str(Path.home() / f"{name}_{note_id[:8]}.pdf")
    chosen = dialogs.get_save_file_name(
        parent, title, default, QCoreApplication.translate("HandoverPdf", "PDFファイル (*.pdf)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        write_pdf(path, document)
    except Exception as exc:  # told to the officer; a bug is logged
        errors.show_error(parent, title, exc, what="handover pdf")
        return None
    return path
