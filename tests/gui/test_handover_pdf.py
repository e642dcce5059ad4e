"""The handover note as a PDF (Qt, offscreen): A4 pages, the compiled items, page numbers, and
contact data only when the officer chose it; the save dialog of the 引継 tab's export."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.handover_pdf import export_pdf, write_pdf
from kyodo_desktop.services.handover_export import load_document
from kyodo_desktop.services.workspace import Workspace

from ..handover_world import CONTACT, EMAIL, PHONE, make_note, make_world
from .conftest import DialogRecorder

A4_POINTS = (595.0, 842.0)


def _media_boxes(data: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


def _text(path: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext is not installed")
    out = subprocess.run([exe, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    # the embedded CJK font maps some kanji to their Kangxi radical forms (⼀ for 一): NFKC folds them
    return unicodedata.normalize("NFKC", out)


def test_the_pdf_is_a4_with_the_compiled_items_and_no_contact_data(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    world = make_world(ws)
    out = tmp_path / "引継書.pdf"
    pages = write_pdf(out, load_document(ws, make_note(world)))
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and pages >= 3  # the summary, then one page or more per subject
    boxes = _media_boxes(data)
    assert len(boxes) == pages
    assert all(abs(w - A4_POINTS[0]) < 1 and abs(h - A4_POINTS[1]) < 1 for w, h in boxes)
    text = _text(out)
    for expected in (
        "引継書の概要",
        "佐藤 一郎",
        "鈴木 花子",
        "みどりの会",
        "協定書案を送る",
        "広報を早める",
        "事業報告書の提出期限",
        "平成20年から協働",
        "令和9年3月25日",  # the 引継日 as 和暦
        "令和9年4月10日",  # the commitment's due date as 和暦
        f"1 / {pages} ページ",
    ):
        assert expected in text
    assert PHONE not in text and EMAIL not in text and CONTACT not in text
    assert list(tmp_path.glob("*.pdf")) == [out]  # no temp file left


def test_the_pdf_has_the_contacts_when_chosen(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    world = make_world(ws)
    out = tmp_path / "with.pdf"
    write_pdf(out, load_document(ws, make_note(world, include_contacts=True)))
    text = _text(out)
    assert PHONE in text and EMAIL in text and CONTACT in text


def test_export_pdf_asks_where_and_writes_there(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, dialog_calls: DialogRecorder
) -> None:
    note_id = make_note(make_world(ws))
    dialog_calls.save_path = str(tmp_path / "引継書")
    assert export_pdf(None, ws, note_id) == tmp_path / "引継書.pdf"
    assert (tmp_path / "引継書.pdf").read_bytes().startswith(b"%PDF")
    dialog_calls.save_path = ""
    assert export_pdf(None, ws, note_id) is None  # cancelled
    assert export_pdf(None, ws, "nope") is None
    assert any("引継書が見つかりません" in t for t in dialog_calls.texts("error"))
