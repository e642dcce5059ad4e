"""The import wizard on a list with the quirks officers meet (issue 10), the database checked after:
names not overwritten, the rounded 法人番号 kept apart, rows with a bad value imported without it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QTableView, QWizard
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.gui.importing.wizard import PAGE_MAPPING, PAGE_RESULT, PAGE_REVIEW
from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.services.importing import Action
from kyodo_desktop.services.organizations import OrganizationService

from ..quirky_lists import BAD_NUMBER, REGISTERED, ROUNDED, stored, write_list
from .test_import_wizard import _child, _choose_file, _counts, _finish, _next_to, _open_wizard, _tick


def _review_row(table: QTableView, row_number: int) -> int:
    model = table.model()
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == str(row_number))


def test_quirky_list_through_the_wizard(tab: OrganizationsTab, qtbot: QtBot, tmp_path: Path) -> None:
    ws = tab._ws
    registered = OrganizationService(ws).create(
        OrganizationInput(
            name=REGISTERED["name"], municipality_name=REGISTERED["municipality"], phone=REGISTERED["phone"]
        )
    )
    before = stored(ws.data_dir)
    source = write_list(tmp_path / "交付先一覧.xlsx")
    wizard = _open_wizard(tab, qtbot)
    _choose_file(wizard, qtbot, source, "Excel")
    _next_to(wizard, qtbot, PAGE_MAPPING)
    _next_to(wizard, qtbot, PAGE_REVIEW)
    assert "新規 3 件、更新 1 件" in _counts(wizard) and "エラー 3 件" in _counts(wizard)

    table = _child(wizard, QTableView, "reviewTable")
    changes = _child(wizard, QListWidget, "changeList")
    # the rounded number: both rows are 新規, each naming the other
    for row_number, other in ((2, "公益財団法人児童育成協会"), (3, "公益財団法人日本生産性本部")):
        row = _review_row(table, row_number)
        assert table.model().index(row, 1).data() == "新規"
        assert other in table.model().index(row, 4).data()
    # a 新規 row lists the values it creates
    table.selectRow(_review_row(table, 2))
    labels = [changes.item(n).text() for n in range(changes.count())]
    assert "団体名: 公益財団法人日本生産性本部" in labels and f"法人番号: {ROUNDED}" in labels
    # the registered organization: its blank 住所 and e-mail ticked, its phone and name not
    table.selectRow(_review_row(table, 9))
    ticks = {
        changes.item(n).text().split(":")[0]: changes.item(n).checkState() for n in range(changes.count())
    }
    assert ticks == {
        "団体名": Qt.CheckState.Unchecked,
        "住所": Qt.CheckState.Checked,
        "電話番号": Qt.CheckState.Unchecked,
        "メールアドレス": Qt.CheckState.Checked,
    }

    # leave the invalid values out: rows 6 and 7 become 新規, only the nameless row stays an error
    drop = _child(wizard, QCheckBox, "dropInvalidCheck")
    _tick(qtbot, drop)
    qtbot.waitUntil(
        lambda: not wizard.busy and wizard.plan is not None and wizard.plan.drop_invalid, timeout=10_000
    )
    assert drop.isChecked()
    assert "新規 5 件、更新 1 件" in _counts(wizard) and "エラー 1 件" in _counts(wizard)
    problems = _child(wizard, QTableView, "problemList").model()
    reasons = [problems.index(r, 2).data() for r in range(problems.rowCount())]
    assert any(BAD_NUMBER in text and text.endswith("この値を取り込まずに登録します") for text in reasons)
    plan = wizard.plan
    assert plan is not None
    update = next(p for p in plan.rows if p.action is Action.UPDATE)
    assert update.match_id == registered and update.accepted == {"address", "email"}

    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()  # the nameless row
    _tick(qtbot, _child(wizard, QCheckBox, "validOnlyCheck"))
    _finish(wizard, qtbot)
    assert wizard.currentId() == PAGE_RESULT
    assert "新規 5 件、更新 1 件" in _child(wizard, QLabel, "importResult").text()

    after = stored(ws.data_dir)
    assert after["公益財団法人日本生産性本部"][0] == ROUNDED
    assert after["公益財団法人児童育成協会"][0] == ROUNDED
    assert after["公益社団法人千葉県番号違い協会"] == ("", "043-223-1111", "")
    assert after["特定非営利活動法人電話違いの会"][1] == ""
    assert after[REGISTERED["name"]] == ("", REGISTERED["phone"], "info@kodomo.example.jp")
    assert len(after) == len(before) + 5
