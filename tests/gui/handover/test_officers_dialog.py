"""設定 → 職員の一覧…: a transfer date and a successor set through the dialog are stored (audited)
and the 引継ぎ tab's pending list shows the handover at once; a wrong date is told in the dialog."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import OfficerInput
from kyodo_desktop.gui.handover.tab import HandoverTab
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.officers_dialog import OfficersDialog
from kyodo_desktop.persistence.models import AuditEntry
from kyodo_desktop.services import handover_alerts, officers
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import type_text


def _world(data_dir: Path) -> dict[str, str]:
    with Workspace.open(data_dir, write=True) as ws:
        sato = officers.add_officer(ws, OfficerInput("佐藤 一郎", section="市民協働課", title="主査"))
        suzuki = officers.add_officer(ws, OfficerInput("鈴木 花子", section="市民協働課"))
        officers.set_assignment(ws, sato, assigned_on=date(2024, 4, 1))
        org = OrganizationService(ws).create(
            OrganizationInput(name="みどりの会"), responsible_officer_id=sato
        )
    return {"sato": sato, "suzuki": suzuki, "org": org}


def test_transfer_and_successor_set_in_the_dialog_make_a_pending_handover(
    qtbot: QtBot, open_window: Any, data_dir: Path
) -> None:
    w = _world(data_dir)
    window: MainWindow = open_window(data_dir)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=20_000)
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    tab = window.handover_tab
    assert isinstance(tab, HandoverTab) and tabs.indexOf(tab) == 4  # after ホーム, 団体台帳, 事業, 評価
    tabs.setCurrentWidget(tab)
    page = tab.page
    assert page is not None
    assert [page.pending.item(n).text() for n in range(page.pending.count())] == [
        "異動予定の職員の未引継はありません"
    ]
    assert window.officers_action in window.menuBar().actions()[-2].menu().actions()  # 設定

    window.officers_action.trigger()
    dialog = window.findChild(OfficersDialog, "officersDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.texts(0) == ["佐藤 一郎", "鈴木 花子"]
    assert dialog.model.texts(2) == ["主査", ""]
    assert dialog.model.texts(3) == ["令和6年4月1日", ""]  # 和暦
    dialog.select(w["sato"])
    assert dialog.chosen.text() == "佐藤 一郎（市民協働課）"
    assert dialog.assigned_on.text() == "令和6年4月1日"
    # the successor is chosen from the other officers only
    choices = [dialog.successor.itemData(n) for n in range(dialog.successor.count())]
    assert choices == ["", w["suzuki"]]

    dialog.transferred_on.clear()
    type_text(dialog.transferred_on, "2024年3月1日")  # before the 着任日: refused, nothing stored
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.notice.isVisible() and "異動日が着任日より前" in dialog.notice.text()
    assert officers.get_officer(window.workspace, w["sato"]).transferred_on is None

    dialog.transferred_on.clear()
    type_text(dialog.transferred_on, "令和9年4月1日")
    dialog.successor.setCurrentIndex(dialog.successor.findData(w["suzuki"]))
    with qtbot.waitSignal(dialog.changed, timeout=5_000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [w["sato"]]
    assert not dialog.notice.isVisible()

    stored = officers.get_officer(window.workspace, w["sato"])
    assert (stored.assigned_on, stored.transferred_on, stored.successor_id) == (
        date(2024, 4, 1),
        date(2027, 4, 1),
        w["suzuki"],
    )
    with window.workspace.session_factory() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.record_id == w["sato"]).order_by(AuditEntry.id.desc())
        ).first()
        assert entry is not None and entry.action == "update"
        changes = json.loads(entry.changes)
    assert changes["transferred_on"] == [None, "2027-04-01"] and changes["successor_id"] == [
        None,
        w["suzuki"],
    ]
    assert dialog.model.texts(4) == ["令和9年4月1日", ""]
    assert dialog.model.texts(5) == ["鈴木 花子（市民協働課）", ""]
    assert dialog.transferred_on.text() == "令和9年4月1日"

    # the 引継ぎ tab's pending list followed the change
    assert [p.officer_id for p in handover_alerts.pending(window.workspace)] == [w["sato"]]
    assert page.pending.count() == 1 and "佐藤 一郎" in page.pending.item(0).text()
    assert "1件" in page.pending.item(0).text()

    # clearing the transfer takes the handover off the list again
    dialog.transferred_on.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert officers.get_officer(window.workspace, w["sato"]).transferred_on is None
    assert page.pending.item(0).text() == "異動予定の職員の未引継はありません"
    dialog.close()
