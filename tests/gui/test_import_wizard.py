"""The import wizard driven like an officer: file → (mapping) → review → 取り込む, then the database."""

from __future__ import annotations

import csv
import hashlib
import io
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
    QWizard,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.importing import ImportRow, RowProblem
from kyodo_desktop.domain.npo_portal import CURRENT_HEADERS
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.gui import dialogs
from kyodo_desktop.gui.importing.review_model import ProblemTableModel, ReviewTableModel
from kyodo_desktop.gui.importing.wizard import PAGE_FILE, PAGE_MAPPING, PAGE_RESULT, PAGE_REVIEW, ImportWizard
from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.gui.tasks import BackgroundTask
from kyodo_desktop.services.importing import Action, ImportPlan, PlannedRow
from kyodo_desktop.services.organizations import OrganizationService

from .conftest import TOTAL, type_text, wait_for_rows

CANCELLED = "取り込みを中止しました。データは取り込み前のままです。"


@pytest.fixture(autouse=True)
def open_dialog(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """「参照…」 never opens a real file dialog here: it answers ``open_dialog["answer"]``."""
    state: dict[str, Any] = {"answer": "", "calls": 0}

    def fake(*_args: Any) -> str:
        state["calls"] += 1
        return str(state["answer"])

    monkeypatch.setattr(dialogs, "get_open_file_name", fake)
    return state


# -- files built by the tests ------------------------------------------------------------------


def _portal_csv(path: Path) -> Path:
    """A cp932 NPO portal CSV: two good Chiba rows, one bad 郵便番号, one Tokyo row."""

    def rec(name: str, kana: str, authority: str, address: str, postal: str) -> list[str]:
        values = {0: name, 1: kana, 2: authority, 4: address, 5: postal}
        return [values.get(i, "") for i in range(len(CURRENT_HEADERS))]

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CURRENT_HEADERS)
    writer.writerow(
        rec("特定非営利活動法人取込テストの森", "トリコミテストノモリ", "千葉県", "柏市柏1-1-1", "277-0005")
    )
    writer.writerow(
        rec(
            "特定非営利活動法人取込テストの海",
            "トリコミテストノウミ",
            "千葉市",
            "千葉市中央区市場町1-1",
            "260-8667",
        )
    )
    writer.writerow(
        rec(
            "特定非営利活動法人取込テストの誤り",
            "トリコミテストノアヤマリ",
            "千葉県",
            "船橋市本町1-1",
            "12345",
        )
    )
    writer.writerow(
        rec(
            "特定非営利活動法人取込テストの都",
            "トリコミテストノミヤコ",
            "東京都",
            "新宿区西新宿2-8-1",
            "163-8001",
        )
    )
    path.write_bytes(buf.getvalue().encode("cp932"))
    return path


def _list_xlsx(path: Path) -> Path:
    """団体名/電話/メール; row 3 has a phone number that is not one."""
    import openpyxl

    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "名簿"
    sheet.append(["団体名", "電話", "メール"])
    sheet.append(["名簿試験の会", "043-223-1111", "meibo@example.jp"])
    sheet.append(["名簿試験の誤り", "でんわ", "ayamari@example.jp"])
    sheet.append(["名簿試験クラブ", "047-431-2222", ""])
    sheet.append(["名簿試験ネット", "", "net@example.jp"])
    wb.save(path)
    return path


# -- driving the wizard ------------------------------------------------------------------------


def _child(parent: QWidget, kind: type[Any], name: str) -> Any:
    widget = parent.findChild(kind, name)
    assert widget is not None, name
    return widget


def _open_wizard(tab: OrganizationsTab, qtbot: QtBot, *, via_action: bool = False) -> ImportWizard:
    if via_action:
        _child(tab, QAction, "importAction").trigger()
    else:
        qtbot.mouseClick(_child(tab, QToolButton, "importButton"), Qt.MouseButton.LeftButton)
    wizard = tab.findChild(ImportWizard, "importWizard")
    assert wizard is not None and wizard.isVisible() and not wizard.isModal()
    return wizard


def _click(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose_file(wizard: ImportWizard, qtbot: QtBot, path: Path, expected_format: str) -> None:
    type_text(_child(wizard, QLineEdit, "importFileEdit"), str(path))
    qtbot.waitUntil(lambda: expected_format in _child(wizard, QLabel, "formatLabel").text(), timeout=3_000)


def _tick(qtbot: QtBot, check: QCheckBox) -> None:
    """Click the box itself (the widget is as wide as the page; its middle is empty space)."""
    assert check.isVisible()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def _next_to(wizard: ImportWizard, qtbot: QtBot, page: int) -> None:
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentId() == page and not wizard.busy, timeout=10_000)


def _counts(wizard: ImportWizard) -> str:
    return str(_child(wizard, QLabel, "reviewCounts").text())


def _finish(wizard: ImportWizard, qtbot: QtBot) -> None:
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.busy, timeout=10_000)


def _digest(db_path: Path) -> str:
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT * FROM organizations ORDER BY id").fetchall()
        audits = conn.execute("SELECT count(*) FROM audit_log").fetchone()
    return hashlib.sha256(repr((rows, audits)).encode()).hexdigest()


# -- tests -------------------------------------------------------------------------------------


def test_npo_portal_csv_from_file_to_database(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService, tmp_path: Path
) -> None:
    path = _portal_csv(tmp_path / "000_AdministrativeInputData.csv")
    wizard = _open_wizard(tab, qtbot)
    assert wizard.currentId() == PAGE_FILE
    _choose_file(wizard, qtbot, path, "NPO法人ポータルサイト")
    assert _child(wizard, QWidget, "npoOptions").isVisible()
    assert _child(wizard, QLineEdit, "prefectureEdit").text() == "千葉県"
    assert not _child(wizard, QComboBox, "sheetCombo").isVisible()

    _next_to(wizard, qtbot, PAGE_REVIEW)  # the portal needs no column mapping
    assert "新規 2 件" in _counts(wizard) and "エラー 1 件" in _counts(wizard)
    assert "他の都道府県 1 件" in _child(wizard, QLabel, "sourceNote").text()
    problems = _child(wizard, QTableView, "problemList").model()
    assert problems.rowCount() == 1
    assert problems.index(0, 0).data() == "4" and "郵便番号" in problems.index(0, 1).data()
    review = _child(wizard, QTableView, "reviewTable").model()
    assert [review.index(r, 1).data() for r in range(review.rowCount())] == ["新規", "新規", "エラー"]

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and not finish.isEnabled()  # errors: valid-only must be chosen
    hint = _child(wizard, QLabel, "validOnlyHint")
    assert hint.isVisible() and "エラーのある行が 1 行" in hint.text()
    assert reader.search("取込テスト") == []  # nothing written before 取り込む

    finished: list[Any] = []
    wizard.import_finished.connect(finished.append)
    _tick(qtbot, _child(wizard, QCheckBox, "validOnlyCheck"))
    assert finish.isEnabled()
    _finish(wizard, qtbot)

    assert wizard.currentId() == PAGE_RESULT
    result = _child(wizard, QLabel, "importResult").text()
    assert "新規 2 件、更新 0 件" in result and "バックアップ" in result
    assert len(finished) == 1 and finished[0].created == 2 and Path(finished[0].backup_path).is_file()
    names = {name for _id, name in reader.search("取込テスト")}
    assert names == {"特定非営利活動法人取込テストの森", "特定非営利活動法人取込テストの海"}
    wait_for_rows(qtbot, tab, TOTAL + 2)  # the tab reloaded

    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)  # 閉じる
    qtbot.waitUntil(lambda: tab.findChild(ImportWizard, "importWizard") is None, timeout=3_000)


def test_excel_list_mapping_templates_and_valid_only(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService, tmp_path: Path
) -> None:
    path = _list_xlsx(tmp_path / "団体名簿.xlsx")
    wizard = _open_wizard(tab, qtbot, via_action=True)
    _choose_file(wizard, qtbot, path, "Excel")
    sheets = _child(wizard, QComboBox, "sheetCombo")
    qtbot.waitUntil(lambda: sheets.count() == 1, timeout=3_000)
    assert sheets.currentText() == "名簿" and not _child(wizard, QWidget, "npoOptions").isVisible()

    _next_to(wizard, qtbot, PAGE_MAPPING)
    combos = [_child(wizard, QComboBox, f"mapCombo{i}") for i in range(3)]
    assert [c.currentData() for c in combos] == ["name", "phone", "email"]  # proposed from the headers
    type_text(_child(wizard, QLineEdit, "templateNameEdit"), "名簿形式")
    qtbot.mouseClick(_child(wizard, QPushButton, "saveTemplateButton"), Qt.MouseButton.LeftButton)
    from kyodo_desktop.services.import_lists import load_mapping_template

    assert load_mapping_template(reader.ws.data_dir, "名簿形式") == {
        "団体名": "name",
        "電話": "phone",
        "メール": "email",
    }

    _next_to(wizard, qtbot, PAGE_REVIEW)
    assert "新規 3 件" in _counts(wizard) and "エラー 1 件" in _counts(wizard)
    problems = _child(wizard, QTableView, "problemList").model()
    assert (problems.index(0, 0).data(), problems.index(0, 1).data()) == ("3", "電話")

    # Back to the mapping: 電話 → 取り込まない, and the review changes.
    _click(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.currentId() == PAGE_MAPPING
    combos[1].setFocus()
    qtbot.keyClick(combos[1], Qt.Key.Key_Home)  # the first choice: 取り込まない
    assert combos[1].currentData() == "ignore"
    _next_to(wizard, qtbot, PAGE_REVIEW)
    assert "新規 4 件" in _counts(wizard) and "エラー 0 件" in _counts(wizard)
    assert not _child(wizard, QCheckBox, "validOnlyCheck").isVisible()

    # Back again, the saved template restores 電話 → 電話番号.
    _click(qtbot, wizard, QWizard.WizardButton.BackButton)
    templates = _child(wizard, QComboBox, "templateCombo")
    templates.setFocus()
    qtbot.keyClick(templates, Qt.Key.Key_Down)  # the only saved template
    assert templates.currentData() == "名簿形式"
    assert combos[1].currentData() == "phone"
    _next_to(wizard, qtbot, PAGE_REVIEW)
    assert "エラー 1 件" in _counts(wizard)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    _tick(qtbot, _child(wizard, QCheckBox, "validOnlyCheck"))
    _finish(wizard, qtbot)

    assert wizard.currentId() == PAGE_RESULT
    assert "新規 3 件" in _child(wizard, QLabel, "importResult").text()
    found = dict((name, org_id) for org_id, name in reader.search("名簿試験"))
    assert set(found) == {"名簿試験の会", "名簿試験クラブ", "名簿試験ネット"}
    assert reader.get(found["名簿試験の会"]).data.phone == "043-223-1111"
    assert reader.get(found["名簿試験ネット"]).data.email == "net@example.jp"


def test_reimported_export_updates_in_place_and_an_unchecked_field_stays(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService, tmp_path: Path
) -> None:
    import openpyxl

    from kyodo_desktop.services.export_xlsx import export_organizations

    out = tmp_path / "団体一覧.xlsx"
    export_organizations(reader.ws, out)
    wb = openpyxl.load_workbook(out)
    sheet = wb.worksheets[0]
    header = [c.value for c in sheet[1]]
    phone_col, rep_col = header.index("電話番号"), header.index("代表者")
    row = next(r for r in sheet.iter_rows(min_row=2) if r[phone_col].value and r[rep_col].value)
    org_id = row[header.index("ID")].value
    before = reader.get(org_id).data
    row[phone_col].value = "0470-99-9999"
    row[rep_col].value = "取込 試験"
    wb.save(out)

    wizard = _open_wizard(tab, qtbot)
    _choose_file(wizard, qtbot, out, "Excel")
    _next_to(wizard, qtbot, PAGE_MAPPING)
    _next_to(wizard, qtbot, PAGE_REVIEW)
    # nothing of the update is ticked yet: it writes nothing, so it counts as 変更なし
    assert "新規 0 件、更新 0 件" in _counts(wizard) and f"変更なし {TOTAL:,} 件" in _counts(wizard)

    # The 更新 row is selected; its two changes are listed, neither ticked (both replace a stored
    # value); すべて取り込む takes both.
    changes = _child(wizard, QListWidget, "changeList")
    labels = [changes.item(n).text() for n in range(changes.count())]
    assert all(changes.item(n).checkState() == Qt.CheckState.Unchecked for n in range(changes.count()))
    qtbot.mouseClick(_child(wizard, QPushButton, "acceptAllButton"), Qt.MouseButton.LeftButton)
    assert all(changes.item(n).checkState() == Qt.CheckState.Checked for n in range(changes.count()))
    assert "新規 0 件、更新 1 件" in _counts(wizard) and f"変更なし {TOTAL - 1:,} 件" in _counts(wizard)
    assert any(text.startswith("電話番号:") and "99-9999" in text for text in labels), labels
    assert any(text.startswith("代表者:") for text in labels), labels
    phone = next(n for n, text in enumerate(labels) if text.startswith("電話番号:"))
    changes.setFocus()
    changes.setCurrentRow(phone)
    qtbot.keyClick(changes, Qt.Key.Key_Space)  # untick 電話番号
    assert changes.item(phone).checkState() == Qt.CheckState.Unchecked
    planned = next(p for p in wizard.plan.rows if p.action is Action.UPDATE)  # type: ignore[union-attr]
    assert planned.accepted == {"representative"}
    table = _child(wizard, QTableView, "reviewTable")
    current = table.currentIndex()
    assert table.model().index(current.row(), 1).data() == "更新"
    assert "2 項目中 1 項目を更新" in table.model().index(current.row(), 4).data()
    _finish(wizard, qtbot)

    assert wizard.currentId() == PAGE_RESULT
    assert "新規 0 件、更新 1 件" in _child(wizard, QLabel, "importResult").text()
    after = reader.get(org_id).data
    assert after.representative == "取込 試験"
    assert after.phone == before.phone  # the unticked field was left alone
    assert len(reader.search("")) == TOTAL


def test_a_file_that_is_not_a_workbook_stays_on_the_first_page(
    tab: OrganizationsTab,
    qtbot: QtBot,
    tmp_path: Path,
    reader: OrganizationService,
    open_dialog: dict[str, Any],
) -> None:
    fake = tmp_path / "団体一覧.xlsx"
    fake.write_text("団体名,電話\nにせの会,043-000-0000\n", encoding="utf-8")
    before = _digest(reader.ws.db_path)
    wizard = _open_wizard(tab, qtbot)
    open_dialog["answer"] = str(fake)
    qtbot.mouseClick(_child(wizard, QPushButton, "browseButton"), Qt.MouseButton.LeftButton)  # 参照…
    assert open_dialog["calls"] == 1
    assert _child(wizard, QLineEdit, "importFileEdit").text() == str(fake)
    assert "Excel" in _child(wizard, QLabel, "formatLabel").text()
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    error = _child(wizard, QLabel, "fileError")
    qtbot.waitUntil(lambda: error.isVisible() and not wizard.busy, timeout=5_000)
    assert "Excelファイル（.xlsx）ではありません" in error.text()
    assert wizard.currentId() == PAGE_FILE
    assert _digest(reader.ws.db_path) == before

    missing = tmp_path / "ない.csv"
    edit = _child(wizard, QLineEdit, "importFileEdit")
    edit.clear()
    type_text(edit, str(missing))
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter is 次へ
    assert error.isVisible() and "見つかりません" in error.text()
    assert wizard.currentId() == PAGE_FILE


def test_cancel_during_the_write_leaves_the_database_as_it_was(
    tab: OrganizationsTab,
    qtbot: QtBot,
    reader: OrganizationService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _portal_csv(tmp_path / "portal.csv")
    wizard = _open_wizard(tab, qtbot)
    _choose_file(wizard, qtbot, path, "NPO法人ポータルサイト")
    _next_to(wizard, qtbot, PAGE_REVIEW)
    _tick(qtbot, _child(wizard, QCheckBox, "validOnlyCheck"))
    before = _digest(reader.ws.db_path)

    # The officer presses キャンセル in the progress dialog: the next progress report says stop.
    monkeypatch.setattr(BackgroundTask, "report", lambda self, done, total: False)
    _finish(wizard, qtbot)
    message = _child(wizard, QLabel, "applyMessage")
    assert message.isVisible() and message.text() == CANCELLED
    assert wizard.isVisible() and wizard.currentId() == PAGE_REVIEW
    assert _digest(reader.ws.db_path) == before
    assert reader.search("取込テスト") == []

    # Trying again without cancelling imports.
    monkeypatch.undo()
    _finish(wizard, qtbot)
    assert wizard.currentId() == PAGE_RESULT
    assert len(reader.search("取込テスト")) == 2


def test_summary_workbook_from_the_review(
    tab: OrganizationsTab, qtbot: QtBot, dialog_calls: Any, tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = _portal_csv(tmp_path / "portal.csv")
    wizard = _open_wizard(tab, qtbot)
    _choose_file(wizard, qtbot, path, "NPO法人ポータルサイト")
    _next_to(wizard, qtbot, PAGE_REVIEW)
    out = tmp_path / "取り込み結果.xlsx"
    dialog_calls.save_path = str(out)
    qtbot.mouseClick(_child(wizard, QPushButton, "saveSummaryButton"), Qt.MouseButton.LeftButton)
    status = _child(wizard, QLabel, "summaryStatus")
    qtbot.waitUntil(lambda: bool(status.text()) and not wizard.busy, timeout=10_000)
    assert "保存しました" in status.text(), status.text()
    wb = openpyxl.load_workbook(out, read_only=True)
    try:
        assert "エラー" in wb.sheetnames
    finally:
        wb.close()  # a read-only workbook keeps its file open until closed


def test_import_action_is_disabled_when_read_only(qtbot: QtBot, reader: OrganizationService) -> None:
    tab = OrganizationsTab(reader.ws)
    qtbot.addWidget(tab)
    action = _child(tab, QAction, "importAction")
    assert action.shortcut().toString() == "Ctrl+I"
    assert not action.isEnabled()
    assert tab.open_import_wizard() is None
    tab.shutdown()


def _plan() -> ImportPlan:
    good = OrganizationInput(name="模型の会", phone="043-223-1111")
    rows = [
        PlannedRow(ImportRow(2, good), Action.NEW),
        PlannedRow(
            ImportRow(3, good, sheet="名簿"),
            Action.UPDATE,
            match_id="x",
            match_name="模型の会（旧）",
            match_reason="名称と市町村が同じ",
            changes={"phone": ("043-000-0000", "043-223-1111"), "fields": ([1], [1, 2])},
            accepted={"phone"},
        ),
        PlannedRow(
            ImportRow(4, good), Action.UNCHANGED, match_id="y", match_name="模型の会", match_reason="IDが同じ"
        ),
        PlannedRow(ImportRow(5, good), Action.DUPLICATE_IN_FILE, duplicate_of_row=2),
        PlannedRow(
            ImportRow(6, None, [RowProblem(6, "電話", "電話番号の形式が正しくありません")]), Action.ERROR
        ),
    ]
    return ImportPlan("model.xlsx", rows)


def test_review_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    plan = _plan()
    review = ReviewTableModel()
    qtmodeltester.check(review)
    review.set_plan(plan)
    qtmodeltester.check(review)
    assert review.index(1, 4).data() == "名称と市町村が同じ・2 項目中 1 項目を更新"
    assert review.index(3, 4).data() == "2 行目と同じ団体（取り込みません）"
    assert "電話番号の形式" in review.index(4, 4).data()
    problems = ProblemTableModel()
    problems.set_problems(plan.problems)
    qtmodeltester.check(problems)
    assert problems.rowCount() == 1 and problems.index(0, 2).data() == "電話番号の形式が正しくありません"


def test_the_same_file_again_writes_nothing_and_says_so(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService, tmp_path: Path
) -> None:
    path = _portal_csv(tmp_path / "000_AdministrativeInputData.csv")
    for attempt in (1, 2):
        wizard = _open_wizard(tab, qtbot)
        _choose_file(wizard, qtbot, path, "NPO法人ポータルサイト")
        _next_to(wizard, qtbot, PAGE_REVIEW)
        if attempt == 2:
            assert "変更なし 2 件" in _counts(wizard) and "新規 0 件" in _counts(wizard)
            db_path = reader.ws.db_path
            before, backups = _digest(db_path), sorted(reader.ws.backups_dir.glob("*.db"))
        _tick(qtbot, _child(wizard, QCheckBox, "validOnlyCheck"))
        _finish(wizard, qtbot)
        assert wizard.currentId() == PAGE_RESULT
        result = _child(wizard, QLabel, "importResult").text()
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)  # 閉じる
        qtbot.waitUntil(lambda: tab.findChild(ImportWizard, "importWizard") is None, timeout=3_000)
    assert "書き込む変更はありませんでした" in result and "新規 0 件、更新 0 件" in result
    assert _digest(db_path) == before
    assert sorted(reader.ws.backups_dir.glob("*.db")) == backups


def _cli_plan(path: Path, ws: Any) -> ImportPlan:
    """The plan ``kyodo import PATH`` makes, by the CLI's own code."""
    from kyodo_desktop.cli import build_parser
    from kyodo_desktop.cli.imports import _read_import_rows

    plan, _notes = _read_import_rows(build_parser().parse_args(["import", str(path)]), ws)
    return plan


def _plan_rows(plan: ImportPlan | None) -> list[tuple[Any, ...]]:
    assert plan is not None
    return [
        (r.row.row_number, r.action, r.row.data, r.row.problems, r.match_id, r.changes, r.duplicate_of_row)
        for r in plan.rows
    ]


@pytest.mark.parametrize("kind", ["xlsx", "portal"])
def test_the_wizard_and_the_cli_make_the_same_plan(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService, tmp_path: Path, kind: str
) -> None:
    wizard = _open_wizard(tab, qtbot)
    if kind == "xlsx":
        path = _list_xlsx(tmp_path / "団体名簿.xlsx")
        _choose_file(wizard, qtbot, path, "Excel")
        qtbot.waitUntil(lambda: _child(wizard, QComboBox, "sheetCombo").count() == 1, timeout=3_000)
        _next_to(wizard, qtbot, PAGE_MAPPING)
    else:
        path = _portal_csv(tmp_path / "portal.csv")
        _choose_file(wizard, qtbot, path, "NPO法人ポータルサイト")
    _next_to(wizard, qtbot, PAGE_REVIEW)

    cli_plan = _cli_plan(path, reader.ws)
    assert _plan_rows(wizard.plan) == _plan_rows(cli_plan)
    assert len(cli_plan.rows) == (4 if kind == "xlsx" else 3)
    assert wizard.plan is not None and wizard.plan.source_name == cli_plan.source_name == path.name


def test_an_unknown_suffix_is_refused_as_the_cli_refuses_it(
    tab: OrganizationsTab, qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kyodo_desktop.cli import main

    path = tmp_path / "団体一覧.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    wizard = _open_wizard(tab, qtbot)
    _choose_file(wizard, qtbot, path, "取り込めない種類")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    error = _child(wizard, QLabel, "fileError")
    qtbot.waitUntil(lambda: error.isVisible() and not wizard.busy, timeout=5_000)
    assert wizard.currentId() == PAGE_FILE

    assert main(["--data-dir", str(tmp_path / "cli-data"), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == f"kyodo: エラー: {error.text()}\n"
    assert "取り込めない種類のファイルです" in error.text()
