"""The import's loose ends through the window: the history follows new imports, an update with
nothing ticked is no 更新, a portal CSV row without its invalid values, a name cell's address."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from kyodo_desktop.gui.importing.history_dialog import COL_FILE
from kyodo_desktop.gui.importing.wizard import PAGE_MAPPING, PAGE_RESULT, PAGE_REVIEW
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.services.workspace import Workspace

from ..cli.test_cli_import_leftovers import name_and_address_list
from ..leftover_files import BAD_NUMBER, portal_csv
from .test_import_wizard import _child, _choose_file, _counts, _finish, _next_to, _open_wizard, _tick


def _rows(folder: Path, sql: str) -> list[tuple[object, ...]]:
    with Workspace.open(folder, write=False) as ws, ws.engine.connect() as c:
        return [tuple(r) for r in c.execute(text(sql))]


def test_an_open_import_history_lists_an_import_as_soon_as_it_is_written(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    tab = window.organizations_tab
    assert tab is not None
    window.safety_net.import_history_action.trigger()
    history = window.safety_net.import_history
    assert history is not None
    with qtbot.waitSignal(history.imports_loaded, timeout=10_000) as loaded:
        pass
    shown = int(loaded.args[0])
    qtbot.waitUntil(lambda: history.model.rowCount() == shown, timeout=10_000)

    source = tmp_path / "追加名簿.csv"
    source.write_text("団体名,市町村\n履歴確認の会,千葉市\n", encoding="utf-8")
    wizard = _open_wizard(tab, qtbot)
    _choose_file(wizard, qtbot, source, "CSV")
    _next_to(wizard, qtbot, PAGE_MAPPING)
    _next_to(wizard, qtbot, PAGE_REVIEW)
    _finish(wizard, qtbot)
    assert wizard.currentId() == PAGE_RESULT

    # the dialog stayed open and was never triggered again: it read the imports anew
    qtbot.waitUntil(lambda: history.model.rowCount() == shown + 1, timeout=10_000)
    assert history.model.index(0, COL_FILE).data() == "追加名簿.csv"
    assert history.isVisible()
    assert _rows(window.data_dir, "SELECT name FROM organizations WHERE name = '履歴確認の会'") == [
        ("履歴確認の会",)
    ]


def test_a_portal_csv_row_is_imported_without_its_bad_number(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    tab = window.organizations_tab
    assert tab is not None
    source = portal_csv(tmp_path / "000_AdministrativeInputData.csv")
    wizard = _open_wizard(tab, qtbot)
    _choose_file(wizard, qtbot, source, "NPO法人ポータルサイト")
    _next_to(wizard, qtbot, PAGE_REVIEW)
    assert "新規 1 件" in _counts(wizard) and "エラー 1 件" in _counts(wizard)

    _tick(qtbot, _child(wizard, QCheckBox, "dropInvalidCheck"))
    qtbot.waitUntil(
        lambda: not wizard.busy and wizard.plan is not None and wizard.plan.drop_invalid, timeout=10_000
    )
    assert "新規 2 件" in _counts(wizard) and "エラー 0 件" in _counts(wizard)
    problems = _child(wizard, QTableView, "problemList").model()
    remarks = [(problems.index(r, 0).data(), problems.index(r, 2).data()) for r in range(problems.rowCount())]
    assert len(remarks) == 1
    assert remarks[0][0] == "3" and BAD_NUMBER in remarks[0][1]
    _finish(wizard, qtbot)
    assert wizard.currentId() == PAGE_RESULT

    assert _rows(
        window.data_dir,
        "SELECT corporate_number, municipality_name FROM organizations WHERE name = '特定非営利活動法人番号違いの会'",
    ) == [("", "船橋市")]


def test_a_name_cells_other_address_is_told_in_the_review(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    tab = window.organizations_tab
    assert tab is not None
    source = name_and_address_list(tmp_path / "契約一覧.csv")
    wizard = _open_wizard(tab, qtbot)
    _choose_file(wizard, qtbot, source, "CSV")
    _next_to(wizard, qtbot, PAGE_MAPPING)
    _next_to(wizard, qtbot, PAGE_REVIEW)
    problems = _child(wizard, QTableView, "problemList").model()
    remarks = [(problems.index(r, 0).data(), problems.index(r, 2).data()) for r in range(problems.rowCount())]
    assert [row for row, _text in remarks] == ["3"]
    assert "千葉県銚子市2-2" in remarks[0][1]
    _finish(wizard, qtbot)
    assert wizard.currentId() == PAGE_RESULT
    assert _rows(
        window.data_dir,
        "SELECT name, address FROM organizations WHERE name IN ('みどりの会', 'うみの会') ORDER BY name",
    ) == [("うみの会", "千葉県船橋市本町3-3"), ("みどりの会", "千葉県千葉市中央区1-1")]
