"""The partner round trip through the real storage: export, fill as a partner, import back.

A tampered or stale workbook (wrong project, score out of range, edited protected cell, wrong
template version, unknown template, imported before) is refused with its Japanese line and
nothing is stored (rows counted before and after).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from kyodo_desktop.domain.evaluation_templates import POINTS_FIVE, URAYASU_THREE
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput, TargetInput
from kyodo_desktop.persistence.models import AuditEntry
from kyodo_desktop.persistence.models_evaluations import Evaluation, EvaluationScore, TargetResult
from kyodo_desktop.services.evaluation_form_import import (
    export_partner_form,
    form_file_name,
    import_partner_form,
)
from kyodo_desktop.services.evaluation_form_layout import FORM_SHEET, ID_SHEET, identity_digest
from kyodo_desktop.services.evaluation_form_read import FormRefused
from kyodo_desktop.services.evaluation_records import EvaluationInput
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.import_undo import ImportEditedSinceError, list_imports, undo_import
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from ..evaluation_forms import fill, labelled

FIVE_KEYS = [item.key for item in POINTS_FIVE.items]


def make_project(ws: Workspace, title: str = "公園の花壇づくり") -> str:
    org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"), allow_duplicate=True)
    return ProjectService(ws).create(
        ProjectInput(
            title=title,
            fiscal_year=2025,
            section="市民協働課",
            partners=[PartnerInput(org)],
            targets=[TargetInput("参加者数", "延べ500人"), TargetInput("花壇の数", "10か所")],
        ),
        stage="評価",
        stage_on=date(2026, 3, 1),
    )


def counts(ws: Workspace) -> tuple[int, ...]:
    with ws.session_factory() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Evaluation, EvaluationScore, TargetResult, AuditEntry)
        )


def refused(ws: Workspace, path: Path, *expected: str) -> list[str]:
    before = counts(ws)
    with pytest.raises(FormRefused) as caught:
        import_partner_form(ws, path)
    text = str(caught.value)
    for words in expected:
        assert words in text, text
    assert text.splitlines()[0] == f"{path.name} は評価シートとして取り込めません。"
    assert counts(ws) == before  # nothing stored
    return caught.value.problems


def _filled(ws: Workspace, tmp_path: Path, pid: str, **kwargs: Any) -> Path:
    path = tmp_path / "returned.xlsx"
    export_partner_form(ws, pid, path)
    scores: dict[str, object] = {key: 4 for key in FIVE_KEYS}
    scores.update(kwargs.pop("scores", {}))
    fill(path, POINTS_FIVE, scores=scores, **kwargs)
    return path


def _rewrite_identity(path: Path, **values: str) -> None:
    """Change identification rows and put a matching digest (a forger who knows the layout)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[ID_SHEET]
    rows = [
        (ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value) for r in range(1, ws.max_row + 1)
    ]
    changed = [(k, values.get(k, v)) for k, v in rows[:-1]]
    for r, (_, v) in enumerate(changed, 1):
        ws.cell(row=r, column=2).value = v
    ws.cell(row=len(rows), column=2).value = identity_digest(changed)
    wb.save(path)


def test_the_partner_round_trip_stores_the_submitted_evaluation_and_the_results(
    ws: Workspace, tmp_path: Path
) -> None:
    pid = make_project(ws)
    path = _filled(
        ws,
        tmp_path,
        pid,
        scores={"p1": "5 想定をはるかに上回った", "p2": 2},
        comments={"p1": "役割分担が明確でした", "r2": "参加者が増えました"},
        results=["延べ620人", ""],
        overall="来年度も続けたい",
    )
    done = import_partner_form(ws, path)
    e = done.evaluation
    assert (e.project_id, e.fiscal_year, e.phase, e.side) == (pid, 2025, "最終", "団体")
    assert (e.evaluator_name, e.evaluated_on, e.submitted) == ("佐藤 花子", date(2025, 3, 10), True)
    by_key = {x.item_key: x for x in e.scores}
    assert by_key["p1"].score == 5 and by_key["p2"].score == 2 and by_key["p3"].score == 4
    assert by_key["p1"].comment == "役割分担が明確でした" and by_key["r2"].comment == "参加者が増えました"
    assert e.overall_comment == "来年度も続けたい"
    assert e.import_id == done.import_id and e.source_form_id
    assert done.project_title == "公園の花壇づくり" and Path(done.backup_path).exists()
    svc = EvaluationService(ws)
    assert svc.get_evaluation(e.id) == e
    rows = svc.target_rows(e.round_id)
    assert [(r.what, r.result) for r in rows] == [("参加者数", "延べ620人"), ("花壇の数", "")]
    # one import like the others: in the history with the file's name
    listed = [r for r in list_imports(ws) if r.import_id == done.import_id]
    assert [(r.source_name, r.created, r.undone) for r in listed] == [("returned.xlsx", 1, False)]


def test_the_same_workbook_twice_is_refused_and_nothing_changes(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    path = _filled(ws, tmp_path, pid)
    import_partner_form(ws, path)
    assert refused(ws, path, "既に取り込まれています") == [
        "この評価シート（Excel）は既に取り込まれています。同じファイルは二度取り込めません。"
    ]


def test_the_data_files_problems_come_with_the_workbooks(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    path = _filled(ws, tmp_path, pid)
    import_partner_form(ws, path)
    wb = openpyxl.load_workbook(path)
    sheet = wb[FORM_SHEET]
    labelled(sheet, "記入者名").value = None
    wb.save(path)
    ProjectService(ws).delete(pid)
    assert refused(ws, path) == [
        "事業「公園の花壇づくり」はゴミ箱にあります。取り込むには先に事業を元に戻してください。",
        f"{labelled(sheet, '記入者名').coordinate}: 記入者名を入力してください。",
    ]
    ProjectService(ws).restore(pid)
    assert refused(ws, path)[0] == (
        "この評価シート（Excel）は既に取り込まれています。同じファイルは二度取り込めません。"
    )


def test_a_third_party_form_with_an_overall_grade(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    three = next(t for t in EvaluationService(ws).latest_templates() if t.key == URAYASU_THREE.key)
    path = tmp_path / "third.xlsx"
    export_partner_form(ws, pid, path, side="第三者", phase="中間", template_id=three.id)
    scores = {item.key: 3 for item in URAYASU_THREE.items}
    fill(path, URAYASU_THREE, scores=scores, name="山田 一郎", grade="良好", results=["", "8か所"])
    e = import_partner_form(ws, path).evaluation
    assert (e.side, e.phase, e.evaluator_name, e.overall_grade) == ("第三者", "中間", "山田 一郎", "良好")
    assert e.template_id == three.id and all(x.score == 3 for x in e.scores)
    assert [r.result for r in EvaluationService(ws).target_rows(e.round_id)] == ["", "8か所"]


def test_a_form_of_a_project_in_the_trash(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    path = _filled(ws, tmp_path, pid)
    ProjectService(ws).delete(pid)
    refused(ws, path, "事業「公園の花壇づくり」はゴミ箱にあります")


def test_a_form_of_another_data_folders_project(ws: Workspace, tmp_path: Path) -> None:
    other = Workspace.open(tmp_path / "other", write=True)
    try:
        path = _filled(other, tmp_path, make_project(other))
    finally:
        other.close()
    make_project(ws)
    refused(ws, path, "このデータにありません", "別のデータフォルダー")


def test_the_project_id_changed_in_the_identification(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    other = make_project(ws, "別の事業")
    path = _filled(ws, tmp_path, pid)
    wb = openpyxl.load_workbook(path)
    ident = wb[ID_SHEET]
    row = next(r for r in range(1, ident.max_row + 1) if ident.cell(row=r, column=1).value == "project_id")
    ident.cell(row=row, column=2).value = other
    wb.save(path)
    refused(ws, path, "識別情報（非表示のシート）が書き換えられている")
    # a forger who recomputes the digest names a project this file has no round of
    _rewrite_identity(path, project_id=other)
    refused(ws, path, "事業「別の事業」の令和7年度最終評価がありません")


def test_a_score_out_of_range_and_no_name(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    path = _filled(ws, tmp_path, pid, scores={"p2": 7}, name="")
    problems = refused(ws, path)
    assert len(problems) == 2
    assert "の評価は" in problems[0] and problems[0].endswith(": 7")
    assert "記入者名を入力してください" in problems[1]


def test_an_edited_protected_cell(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    path = _filled(ws, tmp_path, pid)
    wb = openpyxl.load_workbook(path)
    sheet = wb[FORM_SHEET]
    title = next(
        sheet.cell(row=r, column=2)
        for r in range(1, sheet.max_row + 1)
        if sheet.cell(row=r, column=1).value == "事業名"
    )
    title.value = "書き換えた事業名"
    wb.save(path)
    refused(ws, path, "（事業の概要）が書き換えられています")


def _custom(ws: Workspace, pid: str, tmp_path: Path) -> tuple[Any, Path]:
    svc = EvaluationService(ws)
    builtin = next(t for t in svc.latest_templates() if t.key == POINTS_FIVE.key)
    copy = svc.copy_template(builtin.id, "花壇の評価")
    path = tmp_path / "custom.xlsx"
    export_partner_form(ws, pid, path, template_id=copy.id)
    fill(path, copy.template, scores={key: 4 for key in FIVE_KEYS})
    return copy, path


def test_a_template_edited_in_place_after_the_export(ws: Workspace, tmp_path: Path) -> None:
    """A form nobody used yet is edited in place: its version grows and the old form is refused."""
    pid = make_project(ws)
    copy, path = _custom(ws, pid, tmp_path)
    renamed = dataclasses.replace(copy.template, name="花壇の評価 改訂")
    EvaluationService(ws).save_template(copy.id, renamed, copy.version)
    assert len(refused(ws, path, "様式の版が違います", "第1版", "第2版")) == 1


def test_a_template_given_a_new_version_after_the_export(ws: Workspace, tmp_path: Path) -> None:
    """A form in use gets a new version and the round not evaluated yet moves to it: the
    workbook of the older version is refused (its own version still reads, but the round's
    form is now another), and a new export of the round imports."""
    pid = make_project(ws)
    copy, path = _custom(ws, pid, tmp_path)
    svc = EvaluationService(ws)
    used = make_project(ws, "別の事業")
    svc.round_for(used, 2025, "最終", template_id=copy.id)
    svc.save_evaluation(EvaluationInput(used, 2025, "最終", "行政", submit=True))
    svc.save_template(copy.id, dataclasses.replace(copy.template, name="花壇の評価 改訂"), copy.version)
    refused(ws, path, "様式の版が違います", "今は「花壇の評価 改訂」第2版")
    fresh = tmp_path / "fresh.xlsx"
    export_partner_form(ws, pid, fresh)
    fill(fresh, POINTS_FIVE, scores={key: 4 for key in FIVE_KEYS})
    assert import_partner_form(ws, fresh).evaluation.template_id != copy.id


def test_a_form_whose_template_id_is_unknown(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    path = _filled(ws, tmp_path, pid)
    _rewrite_identity(path, template_id="0000-not-here")
    problems = refused(ws, path, "様式（points-5 第1版）は登録されていません")
    assert len(problems) == 1  # told once (the round's own template is not named again)


def test_the_side_already_entered_by_that_evaluator(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    path = _filled(ws, tmp_path, pid)
    EvaluationService(ws).save_evaluation(EvaluationInput(pid, 2025, "最終", "団体", "佐藤 花子"))
    refused(ws, path, "令和7年度最終評価の団体の評価（佐藤 花子）は既に入力されています")


def test_a_result_for_a_target_removed_since_the_export(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    path = _filled(ws, tmp_path, pid, results=["", "9か所"])
    projects = ProjectService(ws)
    rec = projects.get(pid)
    projects.update(
        pid, dataclasses.replace(rec.data, targets=rec.data.targets[:1]), expected_version=rec.version
    )
    refused(ws, path, "目標2の実績を書く目標が事業にありません")


def test_undoing_the_import_removes_the_evaluation_and_its_results(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    svc = EvaluationService(ws)
    round_id = svc.round_for(pid, 2025, "最終").id
    svc.save_target_results(round_id, {svc.target_rows(round_id)[0].target_id or 0: "行政の記録"})
    path = _filled(ws, tmp_path, pid, results=["延べ620人", "12か所"])
    before = counts(ws)[:3]
    done = import_partner_form(ws, path)
    assert [r.result for r in svc.target_rows(round_id)] == ["延べ620人", "12か所"]
    summary = undo_import(ws, done.import_id)
    assert summary.deleted == 1
    assert counts(ws)[:3] == before
    assert svc.evaluations_of_project(pid) == []
    assert [r.result for r in svc.target_rows(round_id)] == ["行政の記録", ""]
    assert [r.undone for r in list_imports(ws) if r.import_id == done.import_id] == [True]
    # the file may be imported again after its import was undone
    assert import_partner_form(ws, path).evaluation.side == "団体"


def test_an_undo_is_refused_once_the_evaluation_was_changed(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    done = import_partner_form(ws, _filled(ws, tmp_path, pid))
    svc = EvaluationService(ws)
    svc.reopen_evaluation(done.evaluation.id, done.evaluation.version)
    with pytest.raises(ImportEditedSinceError) as caught:
        undo_import(ws, done.import_id)
    assert caught.value.names == ["令和7年度最終評価（団体 佐藤 花子）"]
    assert "取り込みの後に変更された記録があるため、この取り込みは取り消せません" in str(caught.value)
    assert len(svc.evaluations_of_project(pid)) == 1


def test_export_refusals_and_the_file_name(ws: Workspace, tmp_path: Path) -> None:
    pid = make_project(ws)
    from kyodo_desktop.persistence.errors import KnownError

    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: export_partner_form(ws, pid, tmp_path / "a.xlsx", side="行政"), "団体か第三者"),
        (lambda: export_partner_form(ws, pid, tmp_path / "a.xlsx", phase="年度末"), "中間か最終"),
        (lambda: export_partner_form(ws, "no-such", tmp_path / "a.xlsx"), "事業が見つかりません"),
    ]
    for call, words in cases:
        with pytest.raises(KnownError, match=words):
            call()
    assert not (tmp_path / "a.xlsx").exists()
    assert form_file_name("公園/花壇", 2025) == "評価シート_公園_花壇_令和7年度.xlsx"
    assert form_file_name("花壇", 2025, "第三者") == "評価シート_花壇_令和7年度_第三者用.xlsx"
