"""The home tab's 「自分の担当だけ」: the officer's own day by default, everyone's when unticked
(remembered), and without an officer chosen everyone's with a hint; rows checked against the file."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import InteractionInput, OrganizationInput
from kyodo_desktop.gui.home.tab import HomeTab
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.settings import set_officer
from kyodo_desktop.services.today import Opens
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import type_text
from tests.handover_world import World, make_world

DAY = date(2027, 4, 10)


def _world(data_dir: Path) -> tuple[World, str]:
    """The handover world (佐藤's organization and project) and 鈴木's organization with a follow-up."""
    with Workspace.open(data_dir) as ws:
        w = make_world(ws)
        orgs = OrganizationService(ws)
        sky = orgs.create(OrganizationInput(name="あおぞらネット"), responsible_officer_id=w.suzuki)
        orgs.add_interaction(
            sky, InteractionInput(date(2027, 4, 1), "電話", "会場の相談", next_action_on=date(2027, 4, 12))
        )
    return w, sky


def _officer_records(data_dir: Path, officer_id: str) -> set[str]:
    """What the file says the officer looks after: their organizations and lead projects."""
    with sqlite3.connect(data_dir / "kyodo.db") as conn:
        ids = {
            r[0]
            for r in conn.execute(
                "SELECT id FROM organizations WHERE responsible_officer_id = ? AND deleted_at IS NULL "
                "UNION SELECT id FROM projects WHERE lead_officer_id = ? AND deleted_at IS NULL",
                (officer_id, officer_id),
            )
        }
    conn.close()
    return ids


def _open(qtbot: QtBot, open_window: Any, data_dir: Path) -> tuple[MainWindow, HomeTab]:
    window: MainWindow = open_window(data_dir, home=True)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=20_000)
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    home = tabs.widget(0)
    assert isinstance(home, HomeTab)
    qtbot.waitUntil(lambda: home.loaded, timeout=20_000)
    return window, home


def _show_day(qtbot: QtBot, home: HomeTab) -> set[str]:
    with qtbot.waitSignal(home.rows_loaded, timeout=20_000):
        home.reload(DAY)
    return {item.target.id for item in home.model.items}


def test_my_day_and_everyones(qtbot: QtBot, open_window: Any, data_dir: Path) -> None:
    w, sky = _world(data_dir)
    set_officer(data_dir, "佐藤 一郎", "市民協働課", w.sato)
    _window, home = _open(qtbot, open_window, data_dir)
    assert home.mine_only.isEnabled() and home.mine_only.isChecked() and not home.hint.isVisible()
    assert home.mine_only.text() == "自分の担当だけ"

    mine = _show_day(qtbot, home)
    assert mine and mine <= _officer_records(data_dir, w.sato)  # every row is on 佐藤's records
    assert sky not in mine and {w.org, w.project} <= mine

    with qtbot.waitSignal(home.rows_loaded, timeout=20_000):
        qtbot.mouseClick(home.mine_only, Qt.MouseButton.LeftButton)  # everyone's
    assert not home.mine_only.isChecked()
    everyone = _show_day(qtbot, home)
    assert everyone == mine | {sky}
    assert {i.target.opens for i in home.model.items if i.target.id == sky} == {Opens.ORGANIZATION}
    settings = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert settings["home"] == {"mine_only": False}  # remembered for the next start


def test_without_an_officer_everyones_day_and_a_hint(qtbot: QtBot, open_window: Any, data_dir: Path) -> None:
    w, sky = _world(data_dir)
    window, home = _open(qtbot, open_window, data_dir)  # the tests' officer comes from KYODO_OFFICER
    assert home.hint.isVisible() and "職員の設定" in home.hint.text()
    assert not home.mine_only.isEnabled() and not home.mine_only.isChecked()  # everyone's, as shown
    assert _show_day(qtbot, home) >= {w.org, w.project, sky}

    panel = window.officer_panel  # choosing the officer narrows the list
    assert panel is not None
    panel.open_panel()
    type_text(panel.name_edit, "鈴木 花子")
    panel.section_edit.clear()
    type_text(panel.section_edit, "市民協働課")
    panel.save_button.click()
    assert home.mine_only.isEnabled() and home.mine_only.isChecked() and not home.hint.isVisible()
    assert _show_day(qtbot, home) == {sky} == _officer_records(data_dir, w.suzuki)
