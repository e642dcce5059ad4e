"""Evaluations: templates by version, evaluations saved once and edited with their version,
blind mutual view, the conclusion moving the project's stage in one transaction, audit rows."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from kyodo_desktop.domain.evaluation import ItemScore
from kyodo_desktop.domain.evaluation_templates import BUILTIN_TEMPLATES, POINTS_FIVE
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput, TargetInput
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError, StaleEditError
from kyodo_desktop.services.evaluation_records import EvaluationInput, ImprovementActionInput
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.evaluations_mutual import NOT_SUBMITTED, WAITING_BLIND
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace


def _project(ws: Workspace, *, stage: str = "評価") -> str:
    org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"))
    return ProjectService(ws).create(
        ProjectInput(
            title="公園の花壇づくり",
            section="市民協働課",
            fiscal_year=2025,
            partners=[PartnerInput(org)],
            targets=[TargetInput("参加者数", "延べ500人"), TargetInput("花壇の数", "10か所")],
        ),
        stage=stage,
        stage_on=date(2026, 3, 1),
    )


def _scores(*values: int | None, keys: tuple[str, ...] = ()) -> list[ItemScore]:
    keys = keys or tuple(item.key for item in POINTS_FIVE.items)
    return [ItemScore(k, v, "") for k, v in zip(keys, values, strict=False)]


def _input(pid: str, side: str = "行政", *values: int | None, **kw: object) -> EvaluationInput:
    data = EvaluationInput(pid, 2025, "最終", side, scores=_scores(*(values or (3,) * 11)))
    return dataclasses.replace(data, **kw)  # type: ignore[arg-type]


def _audit(ws: Workspace, record_id: str) -> list[tuple[str, str, dict[str, object]]]:
    with ws.session_factory() as s:
        return [(r.entity, r.action, json.loads(r.changes)) for r in audit.history(s, record_id)]


def test_a_new_file_has_the_three_builtin_templates(ws: Workspace) -> None:
    svc = EvaluationService(ws)
    latest = svc.latest_templates()
    assert [r.template for r in latest] == list(BUILTIN_TEMPLATES)
    assert all(r.is_builtin and r.version == 1 and not r.in_use for r in latest)
    assert svc.template(latest[2].id).template.weights == {"団体": 20, "行政": 20, "第三者": 60}


def test_old_evaluations_keep_their_template_after_the_template_is_edited(ws: Workspace) -> None:
    svc = EvaluationService(ws)
    pid = _project(ws)
    builtin = svc.latest_templates()[0]
    with pytest.raises(KnownError, match="組み込みの評価シート"):
        svc.save_template(builtin.id, builtin.template, builtin.version)
    copy = svc.copy_template(builtin.id, "花壇の評価")
    assert copy.key != builtin.key and copy.key.startswith("custom-") and copy.version == 1
    # not used yet: edited in place, its version still grows
    shorter = dataclasses.replace(copy.template, items=copy.template.items[:10])
    edited = svc.save_template(copy.id, shorter, copy.version)
    assert (edited.id, edited.version, len(edited.template.items)) == (copy.id, 2, 10)
    with pytest.raises(StaleEditError, match="版1"):
        svc.save_template(copy.id, shorter, 1)

    svc.round_for(pid, 2025, "最終", template_id=edited.id)
    old = svc.save_evaluation(_input(pid, "行政", *(4,) * 10, submit=True))
    assert old.template_id == edited.id and old.total.points == 40 and old.total.maximum == 50
    waiting = svc.round_for(pid, 2025, "中間", template_id=edited.id)  # no evaluation yet
    assert svc.template(edited.id).in_use

    fewer = dataclasses.replace(edited.template, name="花壇の評価（改）", items=edited.template.items[:5])
    new = svc.save_template(edited.id, fewer, edited.version)
    assert new.id != edited.id and (new.key, new.version) == (copy.key, 3)
    kept = svc.get_evaluation(old.id)
    assert kept.template_id == edited.id and kept.total.maximum == 50 and len(kept.scores) == 10
    assert len(svc.template(edited.id).template.items) == 10  # the old row is as it was
    assert svc.get_round(waiting.id).template_id == new.id  # an unevaluated round takes the new one
    assert [r.version for r in svc.templates() if r.key == copy.key] == [2, 3]
    assert [r.id for r in svc.latest_templates() if r.key == copy.key] == [new.id]
    with pytest.raises(StaleEditError):  # an edit of the old version is stale, not a second v3
        svc.save_template(edited.id, fewer, edited.version)
    actions = [a for _, a, _ in _audit(ws, new.id)]
    assert actions == ["new_version"]


def test_two_forms_cannot_share_a_name(ws: Workspace) -> None:
    svc = EvaluationService(ws)
    builtin = svc.latest_templates()[0]
    first = svc.copy_template(builtin.id, "花壇の評価")
    with pytest.raises(KnownError, match="同じ名前の評価シートがあります"):
        svc.copy_template(builtin.id, "花壇の評価")
    with pytest.raises(KnownError, match="同じ名前"):  # a built-in form's name is taken too
        svc.copy_template(builtin.id, builtin.template.name)
    svc.copy_template(builtin.id, "NPO評価")
    with pytest.raises(KnownError, match="同じ名前"):  # names compare folded (全角・半角)
        svc.copy_template(builtin.id, "ＮＰＯ評価")
    second = svc.copy_template(builtin.id, "公園の評価")
    with pytest.raises(KnownError, match="同じ名前"):
        svc.save_template(second.id, dataclasses.replace(second.template, name="花壇の評価"), second.version)
    # a form keeps its own name through its versions
    kept = svc.save_template(first.id, dataclasses.replace(first.template, items=first.template.items[:5]), 1)
    assert kept.template.name == "花壇の評価" and kept.version == 2
    assert sorted(r.template.name for r in svc.latest_templates() if not r.is_builtin) == [
        "NPO評価",
        "公園の評価",
        "花壇の評価",
    ]


def test_evaluations_are_stored_once_and_edited_with_their_version(ws: Workspace) -> None:
    svc = EvaluationService(ws)
    pid = _project(ws)
    first = svc.save_evaluation(_input(pid, "行政", 5, 4, 3, evaluator_name="山田"))
    assert first.version == 1 and not first.submitted and first.total.points == 12
    assert [s.item_key for s in first.scores] == ["p1", "p2", "p3"]
    with pytest.raises(KnownError, match="既に入力されています"):
        svc.save_evaluation(_input(pid, "行政", 1, evaluator_name="山田"))
    other = svc.save_evaluation(_input(pid, "行政", 1, evaluator_name="佐藤"))  # another evaluator
    assert other.id != first.id
    second = svc.save_evaluation(
        _input(pid, "行政", 5, 5, evaluator_name="山田", submit=True), expected_version=1
    )
    assert second.id == first.id and second.version == 2 and second.submitted
    assert second.evaluated_on == date.today()  # a submitted evaluation is dated
    with pytest.raises(StaleEditError, match="版1"):
        svc.save_evaluation(_input(pid, "行政", 1, evaluator_name="山田"), expected_version=1)
    with pytest.raises(KnownError, match="提出済み"):
        svc.save_evaluation(_input(pid, "行政", 1, evaluator_name="山田"), expected_version=2)
    reopened = svc.reopen_evaluation(first.id, 2)
    assert not reopened.submitted and reopened.version == 3
    third = svc.save_evaluation(_input(pid, "行政", 2, evaluator_name="山田"), expected_version=3)
    assert third.total.points == 2
    with pytest.raises(NotFoundError):
        svc.save_evaluation(_input(pid, "団体", 2), expected_version=1)
    actions = [a for e, a, _ in _audit(ws, first.id)]
    assert actions == ["create", "update", "reopen", "update"]
    _, _, created = _audit(ws, first.id)[0]
    assert created["scores"] == [None, {"p1": [5, ""], "p2": [4, ""], "p3": [3, ""]}]
    assert [e.evaluator_name for e in svc.evaluations_of_project(pid)] == ["佐藤", "山田"]


def test_scores_and_grades_are_checked_in_japanese_and_nothing_is_stored(ws: Workspace) -> None:
    svc = EvaluationService(ws)
    pid = _project(ws)
    with pytest.raises(ValidationErrors) as err:
        svc.save_evaluation(
            dataclasses.replace(
                _input(pid, "行政", 6),
                scores=[ItemScore("p1", 6), ItemScore("zz", 1)],
                overall_grade="優良",
            )
        )
    text = str(err.value)
    assert "1〜5で入力してください: 6" in text and "評価シートにない項目です: zz" in text
    assert "総合評価は" in text
    with pytest.raises(ValidationErrors, match="評価者区分"):
        svc.save_evaluation(_input(pid, "市民", 3))
    with pytest.raises(ValidationErrors, match="時期"):
        svc.save_evaluation(_input(pid, "行政", 3, phase="前期"))
    assert svc.evaluations_of_project(pid) == [] and svc.rounds_of_project(pid) == []


def test_the_same_workbook_is_imported_once(ws: Workspace) -> None:
    svc = EvaluationService(ws)
    pid = _project(ws)
    assert not svc.form_already_imported("form-1")
    stored = svc.save_evaluation(
        _input(pid, "団体", 4, source_form_id="form-1", import_id="imp-1", submit=True)
    )
    assert stored.source_form_id == "form-1" and stored.import_id == "imp-1"
    assert svc.form_already_imported("form-1")
    with pytest.raises(KnownError, match="既に取り込まれています"):
        svc.save_evaluation(_input(pid, "団体", 4, evaluator_name="別人", source_form_id="form-1"))
    assert len(svc.evaluations_of_project(pid)) == 1


def test_blind_mutual_view_hides_a_side_until_the_other_has_submitted(ws: Workspace) -> None:
    svc = EvaluationService(ws)
    pid = _project(ws)
    rnd = svc.round_for(pid, 2025, "最終", blind=True)
    assert rnd.blind and rnd.template_id == svc.latest_templates()[0].id
    svc.save_evaluation(_input(pid, "行政", 5, 5, 3, 3, submit=True))
    draft = svc.save_evaluation(_input(pid, "団体", 2, 4, 3, 1))
    view = svc.mutual_view(rnd.id)
    assert view.visible_sides == () and view.submitted_sides == ("行政",)
    assert view.hidden == {"行政": WAITING_BLIND, "団体": NOT_SUBMITTED}
    assert view.totals == {} and all(row.scores == {} for row in view.rows)
    own = svc.mutual_view(rnd.id, viewer_side="行政")
    assert own.visible_sides == ("行政",) and own.totals["行政"].points == 16
    assert svc.mutual_view(rnd.id, viewer_side="団体").visible_sides == ()  # a draft is not shown

    svc.save_evaluation(_input(pid, "団体", 2, 4, 3, 1, submit=True), expected_version=draft.version)
    view = svc.mutual_view(rnd.id)
    assert view.visible_sides == ("行政", "団体") and view.hidden == {}
    assert [row.item.key for row in view.gaps] == ["p1", "p4"]
    assert view.rows[0].scores == {"行政": 5, "団体": 2} and view.rows[0].largest_difference == 3
    assert (view.totals["行政"].points, view.totals["団体"].points) == (16, 10)
    assert view.weighted_total is None  # the form has no weights


def test_several_evaluators_of_a_side_are_averaged_rounding_half_up(ws: Workspace) -> None:
    svc = EvaluationService(ws)
    pid = _project(ws)
    weighted = next(r for r in svc.latest_templates() if r.key == "weighted-points")
    keys = tuple(item.key for item in weighted.template.items)
    rnd = svc.round_for(pid, 2025, "最終", template_id=weighted.id, third_party_planned=True)
    assert rnd.expected_sides == ("行政", "団体", "第三者")
    for side, name, values in (
        ("行政", "", (10,) * 10),
        ("団体", "", (5,) * 10),
        ("第三者", "委員A", (3, 2, 2, None) + (10,) * 6),
        ("第三者", "委員B", (4, 2, 3, None) + (10,) * 6),
    ):
        data = dataclasses.replace(
            _input(pid, side, evaluator_name=name, submit=True), scores=_scores(*values, keys=keys)
        )
        svc.save_evaluation(data)
    view = svc.mutual_view(rnd.id)
    third = view.scores_by_side["第三者"]
    assert (third["w1"], third["w2"], third["w3"], third["w4"]) == (4, 2, 3, None)  # 3.5→4, 2.5→3
    assert view.evaluator_counts == {"行政": 1, "団体": 1, "第三者": 2}
    assert view.totals["第三者"].points == 69 and not view.totals["第三者"].complete
    # 100/100×20 + 50/100×20 + 69/100×60
    assert view.weighted_total == 71.4


def test_the_final_conclusion_moves_the_project_in_the_same_transaction(ws: Workspace) -> None:
    svc = EvaluationService(ws)
    projects = ProjectService(ws)
    pid = _project(ws)
    mid = svc.round_for(pid, 2025, "中間")
    svc.record_conclusion(mid.id, "改善して継続", "広報を増やす", date(2026, 3, 2), [], mid.version)
    assert projects.get(pid).stage == "評価"  # a 中間 conclusion does not move the stage

    final = svc.round_for(pid, 2025, "最終")
    actions = [ImprovementActionInput("広報の見直し", "市民協働課", date(2026, 6, 30))]
    with pytest.raises(ValidationErrors, match="前回の変更日"):  # dated before the last stage change
        svc.record_conclusion(final.id, "改善して継続", "継続する", date(2026, 2, 1), actions, final.version)
    assert svc.get_round(final.id).direction == "" and svc.get_round(final.id).actions == []
    assert projects.get(pid).stage == "評価"  # both or neither

    with pytest.raises(StaleEditError):
        svc.record_conclusion(final.id, "改善して継続", "", date(2026, 3, 10), actions, final.version + 1)
    done = svc.record_conclusion(
        final.id, "改善して継続", "継続する", date(2026, 3, 10), actions, final.version
    )
    assert (done.direction, done.conclusion, done.decided_on) == (
        "改善して継続",
        "継続する",
        date(2026, 3, 10),
    )
    assert done.actions == [ImprovementActionInput("広報の見直し", "市民協働課", date(2026, 6, 30), "未着手")]
    record = projects.get(pid)
    assert record.stage == "見直し・改善"
    last = record.stage_changes[-1]
    assert (last.stage, last.changed_on, last.note) == (
        "見直し・改善",
        date(2026, 3, 10),
        "評価の結論: 改善して継続",
    )
    assert [a for _, a, _ in _audit(ws, final.id)] == ["create", "conclusion"]
    assert [a for _, a, _ in _audit(ws, pid)][-1] == "stage"

    ended = svc.record_conclusion(final.id, "予定どおり終了", "", date(2026, 3, 20), [], done.version)
    assert projects.get(pid).stage == "終了" and ended.direction == "予定どおり終了"
    with pytest.raises(ValidationErrors) as err:
        svc.record_conclusion(final.id, "続ける", "", None, [ImprovementActionInput("")], ended.version)
    assert {"direction", "decided_on", "actions"} <= set(err.value.by_field())


def test_a_round_keeps_its_template_once_evaluated(ws: Workspace) -> None:
    svc = EvaluationService(ws)
    pid = _project(ws)
    three = next(r for r in svc.latest_templates() if r.key == "urayasu-3")
    rnd = svc.round_for(pid, 2025, "最終")
    changed = svc.update_round(rnd.id, template_id=three.id, blind=True, expected_version=rnd.version)
    assert changed.template_id == three.id and changed.blind and changed.version == rnd.version + 1
    with pytest.raises(StaleEditError):
        svc.update_round(rnd.id, blind=False, expected_version=rnd.version)
    data = dataclasses.replace(
        _input(pid, "行政"), scores=[ItemScore("u1", 3, "的確")], overall_grade="優良", submit=True
    )
    assert svc.save_evaluation(data).overall_grade == "優良"
    with pytest.raises(KnownError, match="評価シートを変えられません"):
        svc.update_round(rnd.id, template_id=rnd.template_id, expected_version=changed.version)
    assert svc.round_for(pid, 2025, "最終").id == rnd.id  # get, not a second round
    assert [a for _, a, _ in _audit(ws, rnd.id)] == ["create", "update"]


def test_target_results_sit_beside_the_targets(ws: Workspace) -> None:
    svc = EvaluationService(ws)
    projects = ProjectService(ws)
    pid = _project(ws)
    rnd = svc.round_for(pid, 2025, "最終")
    rows = svc.target_rows(rnd.id)
    assert [(r.what, r.amount, r.result) for r in rows] == [
        ("参加者数", "延べ500人", ""),
        ("花壇の数", "10か所", ""),
    ]
    saved = svc.save_target_results(rnd.id, {rows[0].target_id: "延べ620人"})  # type: ignore[dict-item]
    assert [(t.what, t.result) for t in saved.target_results] == [("参加者数", "延べ620人"), ("花壇の数", "")]
    with pytest.raises(NotFoundError):
        svc.save_target_results(rnd.id, {999_999: "x"})
    # saving the project replaces its target rows: the results stay with their targets
    record = projects.get(pid)
    record.data.targets.append(TargetInput("講座", "3回"))
    projects.update(pid, record.data, expected_version=record.version)
    assert [(r.what, r.result) for r in svc.target_rows(rnd.id)] == [
        ("参加者数", "延べ620人"),
        ("花壇の数", ""),
        ("講座", ""),
    ]


def test_the_list_gives_one_row_per_evaluation_with_its_total(ws: Workspace) -> None:
    svc = EvaluationService(ws)
    pid = _project(ws)
    a = svc.save_evaluation(_input(pid, "団体", *(4,) * 11))
    b = svc.save_evaluation(_input(pid, "行政", *(4,) * 10, None))
    c = svc.save_evaluation(dataclasses.replace(_input(pid, "行政", 1), fiscal_year=2024, phase="中間"))
    rows = svc.evaluation_list()
    assert [(r.id, r.fiscal_year, r.phase, r.side, r.total) for r in rows] == [
        (b.id, 2025, "最終", "行政", "40/55"),
        (a.id, 2025, "最終", "団体", "44/55"),
        (c.id, 2024, "中間", "行政", "1/55"),
    ]
    assert [r.id for r in svc.evaluation_list(2024)] == [c.id]
    ProjectService(ws).delete(pid)
    assert svc.evaluation_list() == []


def test_a_duplicate_the_checks_missed_is_refused_by_the_file_in_japanese(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kyodo_desktop.services import evaluations_rows

    svc = EvaluationService(ws)
    pid = _project(ws)
    svc.save_evaluation(_input(pid, "団体", 4, source_form_id="form-1"))
    # as when another window stored the same workbook between the check and the write
    monkeypatch.setattr(evaluations_rows, "form_exists", lambda *a, **k: False)
    with pytest.raises(KnownError, match="同時に別の操作で保存されました"):
        svc.save_evaluation(_input(pid, "団体", 4, evaluator_name="別人", source_form_id="form-1"))
    assert len(svc.evaluations_of_project(pid)) == 1
