"""The 「重複の候補」 view and the merge dialog driven with qtbot, then the database checked."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.gui.duplicates.merge_dialog import MergeDialog, default_survivor, display_value
from kyodo_desktop.gui.duplicates.model import COL_REASONS, CandidateTableModel, PairRole
from kyodo_desktop.gui.duplicates.view import DuplicatesView
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.persistence import backup
from kyodo_desktop.services.duplicates import CandidatePair
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from .conftest import wait_for_rows

CORPORATE_NUMBER = "7000012050002"


@dataclass(frozen=True)
class Folder:
    """A small data folder with two candidate pairs and one record that matches nothing."""

    path: Path
    keep: str  # NPO法人 みどりの森: the fuller record, so the default survivor
    other: str  # みどりの森（特非）: same 法人番号, holds the contacts and the log
    similar: tuple[str, str]  # 柏こども食堂ネットワーク / …ネットワ一ク (a typo)
    contacts: tuple[str, ...]
    interaction: str


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Folder:
    path = tmp_path_factory.mktemp("dups") / "data"
    with Workspace.open(path, write=True) as ws:
        svc = OrganizationService(ws)
        keep = svc.create(
            OrganizationInput(
                name="NPO法人 みどりの森",
                legal_form="NPO法人",
                corporate_number=CORPORATE_NUMBER,
                address="千葉市中央区市場町1-1",
                phone="043-223-1111",
                email="info@midori.example.jp",
                representative="山田 太郎",
                established_on=date(2010, 4, 1),
                fields=[1, 13],
            )
        )
        other = svc.create(
            OrganizationInput(
                name="みどりの森（特非）",
                corporate_number=CORPORATE_NUMBER,
                phone="043-300-2222",
                fax="043-300-2223",
            ),
            contacts=[ContactInput(name="佐藤 花子", is_primary=True), ContactInput(name="鈴木 一郎")],
            allow_duplicate=True,
        )
        interaction = svc.add_interaction(
            other, InteractionInput(occurred_on=date(2026, 5, 1), kind="面談", summary="顔合わせ")
        )
        similar = (
            svc.create(OrganizationInput(name="柏こども食堂ネットワーク", municipality_code="12217")),
            svc.create(OrganizationInput(name="柏こども食堂ネットワ一ク", municipality_code="12217")),
        )
        svc.create(OrganizationInput(name="まったく別の会"))
        contacts = tuple(c.id for c in svc.get(other).contacts)
    return Folder(path, keep, other, similar, contacts, interaction)


@pytest.fixture
def folder(_template: Folder, tmp_path: Path) -> Folder:
    target = tmp_path / "data"
    shutil.copytree(_template.path, target)
    return Folder(
        target, *(getattr(_template, f) for f in ("keep", "other", "similar", "contacts", "interaction"))
    )


@pytest.fixture
def reader(folder: Folder) -> Iterator[OrganizationService]:
    """A separate read-only workspace on the folder (what ``kyodo orgs search`` would see)."""
    ws = Workspace.open(folder.path, write=False)
    yield OrganizationService(ws)
    ws.close()


def _child(parent: QWidget, cls: type, name: str) -> Any:
    widget = parent.findChild(cls, name)
    assert widget is not None, name
    return widget


def _click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    button = _child(parent, QPushButton, name)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(qtbot: QtBot, combo: QComboBox, value: str) -> None:
    """Pick the item with data ``value`` with the arrow keys, as an officer would."""
    target = combo.findData(value)
    assert target >= 0, value
    combo.setFocus()
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(target - combo.currentIndex())):
        qtbot.keyClick(combo, key)
    assert combo.currentData() == value


def _open_view(window: MainWindow, qtbot: QtBot, pairs: int) -> DuplicatesView:
    action = window.duplicates_action
    assert action.objectName() == "duplicatesAction" and action.isEnabled()
    assert action in window.menuBar().actions()[1].menu().actions()  # 団体(&O)
    action.trigger()
    view = window.duplicates_view
    assert view is not None and view.isVisible() and not view.isModal()
    assert view.objectName() == "duplicatesView"
    qtbot.waitUntil(lambda: not view.searching and view.model.rowCount() == pairs, timeout=10_000)
    assert _child(view, QLabel, "duplicatesCount").text() == f"候補 {pairs} 組"
    return view


def _open_merge(view: DuplicatesView, qtbot: QtBot, first: str, second: str) -> MergeDialog:
    assert view.select_pair(first, second)
    _click(qtbot, view, "mergeButton")
    dialog = view.merge_dialog
    assert dialog is not None and dialog.isVisible() and dialog.objectName() == "mergeDialog"
    return dialog


@pytest.fixture
def window(open_window: Any, folder: Folder, qtbot: QtBot) -> MainWindow:
    win: MainWindow = open_window(folder.path)
    assert win.organizations_tab is not None
    wait_for_rows(qtbot, win.organizations_tab, 5)
    qtbot.waitUntil(lambda: win.workspace is not None and win.workspace.verified, timeout=10_000)
    return win


def test_merge_and_undo_through_the_view(
    window: MainWindow, folder: Folder, qtbot: QtBot, reader: OrganizationService, qtmodeltester: Any
) -> None:
    view = _open_view(window, qtbot, pairs=2)
    qtmodeltester.check(view.model)
    reasons = {frozenset((p.first_id, p.second_id)): p.reasons for p in view.model.pairs()}
    assert reasons[frozenset((folder.keep, folder.other))] == ("法人番号が同じ", "名称が同じ")
    assert reasons[frozenset(folder.similar)] == ("名称がよく似ている",)
    assert not _child(view, QPushButton, "unmergeButton").isEnabled()

    dialog = _open_merge(view, qtbot, folder.keep, folder.other)
    assert dialog.keep_id == folder.keep and dialog.other_id == folder.other  # more filled fields
    pair = view.current_pair()
    assert pair is not None
    radio = "keepFirstRadio" if pair.first_id == folder.keep else "keepSecondRadio"
    assert _child(dialog, QRadioButton, radio).isChecked()
    move = _child(dialog, QLabel, "moveSummary").text()
    assert "担当者 2 名" in move and "対応記録 1 件" in move
    # a blank on the survivor is no choice: the other's FAX comes in anyway
    assert dialog.findChild(QComboBox, "choice_fax") is None
    assert dialog.choice("fax") == "other"
    assert "空欄を補う" in _child(dialog, QLabel, "fixed_fax").text()
    assert dialog.choice("corporate_number") == "keep"  # the same on both sides
    assert _child(dialog, QLabel, "fixed_corporate_number").text() == "同じ値"
    assert dialog.choice("website") is None  # blank on both sides: no row
    phone = _child(dialog, QComboBox, "choice_phone")
    assert phone.isEnabled() and phone.currentData() == "keep"
    _choose(qtbot, phone, "other")
    assert dialog.take_from_other() == ["phone", "fax"]

    tab = window.organizations_tab
    assert tab is not None
    with qtbot.waitSignal(view.merged, timeout=10_000) as merged:
        _click(qtbot, dialog, "confirmMergeButton")
    assert merged.args == [folder.keep, folder.other]
    qtbot.waitUntil(lambda: view.merge_dialog is None)

    survivor = reader.get(folder.keep)
    assert survivor.data.phone == "043-300-2222"  # chosen
    assert survivor.data.fax == "043-300-2223"  # filled a blank
    assert survivor.data.name == "NPO法人 みどりの森"  # kept
    assert survivor.data.email == "info@midori.example.jp"
    assert sorted(c.id for c in survivor.contacts) == sorted(folder.contacts)
    assert [i.id for i in survivor.interactions] == [folder.interaction]
    listed = {i for i, _ in reader.search("")}
    assert folder.other not in listed and folder.keep in listed
    assert reader.get(folder.other).deleted_at is not None
    assert [b.reason for b in backup.list_backups(folder.path / "backups")].count("pre-merge") == 1
    wait_for_rows(qtbot, tab, 4)  # the registry tab was reloaded
    qtbot.waitUntil(lambda: not view.searching, timeout=10_000)
    assert view.model.rowCount() == 1
    message = _child(view, QLabel, "duplicatesMessage")
    assert "統合しました" in message.text()

    with qtbot.waitSignal(view.unmerged, timeout=10_000):
        _click(qtbot, view, "unmergeButton")
    back, again = reader.get(folder.keep), reader.get(folder.other)
    assert back.data.phone == "043-223-1111" and back.data.fax == ""
    assert back.contacts == [] and back.interactions == []
    assert sorted(c.id for c in again.contacts) == sorted(folder.contacts)
    assert again.deleted_at is None and again.data.phone == "043-300-2222"
    assert {folder.keep, folder.other} <= {i for i, _ in reader.search("")}
    assert "取り消しました" in message.text()
    assert not _child(view, QPushButton, "unmergeButton").isEnabled()
    wait_for_rows(qtbot, tab, 5)
    qtbot.waitUntil(lambda: not view.searching and view.model.rowCount() == 2, timeout=10_000)


def test_a_record_trashed_meanwhile_is_refused_inline(
    window: MainWindow, folder: Folder, qtbot: QtBot, reader: OrganizationService, dialog_calls: Any
) -> None:
    view = _open_view(window, qtbot, pairs=2)
    dialog = _open_merge(view, qtbot, folder.keep, folder.other)
    assert window.workspace is not None
    OrganizationService(window.workspace).delete(folder.other)  # someone trashed it meanwhile

    _click(qtbot, dialog, "confirmMergeButton")
    error = _child(dialog, QLabel, "mergeError")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "ゴミ箱" in error.text()
    assert dialog.isVisible() and _child(dialog, QPushButton, "confirmMergeButton").isEnabled()
    assert dialog_calls.calls == []  # inline, no message box

    survivor = reader.get(folder.keep)
    assert survivor.data.phone == "043-223-1111" and survivor.contacts == []
    assert sorted(c.id for c in reader.get(folder.other).contacts) == sorted(folder.contacts)
    assert view.last_merge is None and not _child(view, QPushButton, "unmergeButton").isEnabled()

    _click(qtbot, dialog, "cancelMergeButton")
    assert view.merge_dialog is None
    _click(qtbot, view, "rescanButton")  # a trashed record is no candidate any more
    qtbot.waitUntil(lambda: not view.searching and view.model.rowCount() == 1, timeout=10_000)


def test_keyboard_survivor_switch_and_double_click(window: MainWindow, folder: Folder, qtbot: QtBot) -> None:
    view = _open_view(window, qtbot, pairs=2)
    assert view.select_pair(*folder.similar)
    row = view.table.selectionModel().selectedRows()[0].row()
    rect = view.table.visualRect(view.model.index(row, COL_REASONS))
    # A real double click starts with a press; QAbstractItemView checks for it.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = view.merge_dialog
    assert dialog is not None
    kept = dialog.keep_id
    assert kept in folder.similar
    name = _child(dialog, QComboBox, "choice_name")
    _choose(qtbot, name, "other")
    assert dialog.take_from_other() == ["name"]
    # switching the survivor keeps the chosen value: the same side, now the survivor's own
    other_radio = next(
        r
        for r in (
            _child(dialog, QRadioButton, "keepFirstRadio"),
            _child(dialog, QRadioButton, "keepSecondRadio"),
        )
        if not r.isChecked()
    )
    # on the indicator: a stretched radio button does not react to its empty right part
    qtbot.mouseClick(other_radio, Qt.MouseButton.LeftButton, pos=QPoint(6, other_radio.height() // 2))
    assert dialog.keep_id != kept and dialog.keep_id in folder.similar
    assert name.currentData() == "keep" and dialog.take_from_other() == []
    # Enter in a combo does not merge; Escape closes
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.merge_dialog is None)


def test_read_only_window_offers_no_merge(open_window: Any, window: MainWindow, folder: Folder) -> None:
    second: MainWindow = open_window(folder.path)
    assert second.workspace is not None and not second.workspace.writable
    assert not second.duplicates_action.isEnabled()
    second.duplicates_action.trigger()
    assert second.duplicates_view is None


def _pair(n: int, reasons: tuple[str, ...] = ("名称が同じ",)) -> CandidatePair:
    return CandidatePair(f"a{n}", f"団体{n}の会", f"b{n}", f"団体{n}の会（旧）", reasons)


def test_candidate_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = CandidateTableModel()
    model.set_pairs([_pair(2), _pair(1, ("法人番号が同じ", "名称が同じ")), _pair(3)])
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "団体A"
    assert model.data(model.index(1, COL_REASONS)) == "法人番号が同じ、名称が同じ"
    assert model.data(model.index(0, 0), PairRole) == _pair(2)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [p.first_id for p in model.pairs()] == ["a3", "a2", "a1"]
    assert model.remove_involving("b2") == 1
    assert [p.first_id for p in model.pairs()] == ["a3", "a1"]
    qtmodeltester.check(model)


def test_display_values_and_default_survivor(reader: OrganizationService, folder: Folder) -> None:
    assert display_value("established_on", date(2024, 4, 1)) == "令和6年4月1日"
    assert display_value("fields", [1, 13]) == "保健・医療・福祉、子どもの健全育成"
    assert display_value("member_count", 1200) == "1,200 人"
    assert display_value("municipality_name", ("12217", "柏市")) == "柏市"
    keep, other = reader.get(folder.keep), reader.get(folder.other)
    assert default_survivor(keep, other) == 0 and default_survivor(other, keep) == 1  # fuller
    a, b = (reader.get(i) for i in folder.similar)
    older = dataclasses.replace(b, registered_on=date(2020, 4, 1))
    assert default_survivor(a, older) == 1 and default_survivor(older, a) == 0  # older


def _judged(folder: Folder) -> list[tuple[str, str]]:
    with Workspace.open(folder.path, write=False) as ws, ws.engine.connect() as c:
        return [tuple(r) for r in c.exec_driver_sql("SELECT first_id, second_id FROM not_duplicates")]


def test_not_duplicate_button_records_the_pair_and_it_stays_out_after_a_restart(
    window: MainWindow, folder: Folder, qtbot: QtBot, open_window: Any
) -> None:
    view = _open_view(window, qtbot, pairs=2)
    assert view.select_pair(*folder.similar)
    comparison = view.comparison
    assert {comparison.names[0].text(), comparison.names[1].text()} == {
        "柏こども食堂ネットワーク",
        "柏こども食堂ネットワ一ク",
    }
    assert comparison.values["municipality"][0].text() == "柏市"
    button = _child(view, QPushButton, "notDuplicateButton")
    assert button.text() == "重複ではない(&N)"
    with qtbot.waitSignal(view.dismissed) as dismissed:
        _click(qtbot, view, "notDuplicateButton")
    assert set(dismissed.args) == set(folder.similar)
    assert view.model.rowCount() == 1 and "別の団体と記録しました" in view.message_label.text()
    assert _judged(folder) == [tuple(sorted(folder.similar))]
    with Workspace.open(folder.path, write=False) as ws, ws.engine.connect() as c:
        actions = c.exec_driver_sql(
            "SELECT record_id, action FROM audit_log WHERE action = 'not_duplicate'"
        ).fetchall()
    assert sorted(actions) == sorted((i, "not_duplicate") for i in folder.similar)

    view.rescan()  # searched again: the judged pair is not proposed
    qtbot.waitUntil(lambda: not view.searching, timeout=10_000)
    assert [{p.first_id, p.second_id} for p in view.model.pairs()] == [{folder.keep, folder.other}]
    window.close()
    again: MainWindow = open_window(folder.path)  # a restart
    assert again.organizations_tab is not None
    qtbot.waitUntil(lambda: again.workspace is not None and again.workspace.verified, timeout=10_000)
    view = _open_view(again, qtbot, pairs=1)
    assert [{p.first_id, p.second_id} for p in view.model.pairs()] == [{folder.keep, folder.other}]


def test_delete_on_the_list_marks_the_selected_pair_not_duplicate(
    window: MainWindow, folder: Folder, qtbot: QtBot
) -> None:
    view = _open_view(window, qtbot, pairs=2)
    assert view.select_pair(folder.keep, folder.other)
    view.table.setFocus()
    with qtbot.waitSignal(view.dismissed):
        qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert _judged(folder) == [tuple(sorted((folder.keep, folder.other)))]
    assert view.merge_dialog is None  # Delete is not Enter: nothing was merged
    assert view.model.rowCount() == 1 and view.current_pair() is not None


def test_the_open_view_searches_again_after_an_import(window: MainWindow, qtbot: QtBot) -> None:
    view = _open_view(window, qtbot, pairs=2)
    assert window.workspace is not None and window.organizations_tab is not None
    # what an import adds: a record that pairs up with a stored one
    OrganizationService(window.workspace).create(
        OrganizationInput(name="まったく別の会"), allow_duplicate=True
    )
    with qtbot.waitSignal(view.candidates_loaded, timeout=10_000) as loaded:
        window.organizations_tab.imported.emit()
    assert loaded.args == [3]
