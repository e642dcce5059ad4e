"""The merge dialog's 担当職員 row: shown by name, a choice when both have one, merged as chosen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.project import OfficerInput
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.services import officers
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from .conftest import wait_for_rows
from .test_duplicates_gui import (  # noqa: F401 (fixtures)
    Folder,
    _child,
    _choose,
    _click,
    _open_merge,
    _open_view,
    _template,
    folder,
    reader,
)


@pytest.fixture
def officered(folder: Folder) -> tuple[Folder, str, str]:  # noqa: F811
    with Workspace.open(folder.path, write=True) as ws:
        sato = officers.add_officer(ws, OfficerInput(name="佐藤 一郎", section="市民協働課"))
        suzuki = officers.add_officer(ws, OfficerInput(name="鈴木 花子", section="福祉課"))
        svc = OrganizationService(ws)
        for org_id, officer_id in ((folder.keep, sato), (folder.other, suzuki)):
            svc.set_responsible_officer(org_id, officer_id, expected_version=svc.get(org_id).version)
    return folder, sato, suzuki


def test_the_officer_is_a_choice_and_merged_as_chosen(
    open_window: Any,
    officered: tuple[Folder, str, str],
    qtbot: QtBot,
    reader: OrganizationService,  # noqa: F811
) -> None:
    data, _sato, suzuki = officered
    window: MainWindow = open_window(data.path)
    assert window.organizations_tab is not None
    wait_for_rows(qtbot, window.organizations_tab, 5)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=10_000)
    view = _open_view(window, qtbot, pairs=2)
    dialog = _open_merge(view, qtbot, data.keep, data.other)
    assert dialog.keep_id == data.keep
    shown = {_child(dialog, QLabel, f"value{side}_responsible_officer_id").text() for side in "AB"}
    assert shown == {"佐藤 一郎（市民協働課）", "鈴木 花子（福祉課）"}
    combo = _child(dialog, QComboBox, "choice_responsible_officer_id")
    assert combo.currentData() == "keep"
    _choose(qtbot, combo, "other")
    assert "responsible_officer_id" in dialog.take_from_other()
    with qtbot.waitSignal(view.merged, timeout=10_000):
        _click(qtbot, dialog, "confirmMergeButton")
    assert reader.get(data.keep).responsible_officer_id == suzuki
