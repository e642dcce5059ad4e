"""An evaluation's improvement actions (改善の取り組み) become 約束・宿題: on the project and its main
partner, with the action's text, owner and due date, once only; a conclusion recorded again keeps
an unchanged action's row (and its link) and unlinks a dropped one."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import OfficerInput, PartnerInput, ProjectInput
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError
from kyodo_desktop.services import officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.evaluation_records import ImprovementActionInput, RoundRecord
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace


def _concluded(ws: Workspace) -> tuple[str, str, str, RoundRecord]:
    orgs = OrganizationService(ws)
    helper = orgs.create(OrganizationInput(name="ささえの会"))
    main = orgs.create(OrganizationInput(name="みどりの会"))
    project = ProjectService(ws).create(
        ProjectInput(
            title="公園の花壇づくり",
            section="市民協働課",
            fiscal_year=2026,
            partners=[PartnerInput(helper, "協力団体"), PartnerInput(main)],
        ),
        stage="評価",
        stage_on=date(2027, 3, 1),
    )
    evaluations = EvaluationService(ws)
    middle = evaluations.round_for(project, 2026, "中間")
    actions = [
        ImprovementActionInput("広報を早める", "佐藤 一郎", date(2027, 6, 30)),
        ImprovementActionInput("会計報告の様式を揃える", "団体", None, "対応中"),
        ImprovementActionInput("アンケートを取る", "", date(2027, 9, 1), "完了"),
    ]
    done = evaluations.record_conclusion(
        middle.id, "改善して継続", "継続する", date(2027, 3, 15), actions, middle.version
    )
    return project, main, helper, done


def test_an_action_becomes_a_commitment_once(ws: Workspace) -> None:
    sato = officers.add_officer(ws, OfficerInput("佐藤 一郎", section="市民協働課"))
    project, main, _helper, done = _concluded(ws)
    ids = [a.id for a in done.actions]
    assert all(isinstance(n, int) for n in ids)
    svc = CommitmentService(ws)
    assert svc.tracked_actions(ids) == {}  # type: ignore[arg-type]

    first = svc.add_from_improvement_action(ids[0])  # type: ignore[arg-type]
    record = svc.get(first)
    assert (record.text, record.owner_officer_id, record.due_on, record.source, record.source_id) == (
        "広報を早める",
        sato,
        date(2027, 6, 30),
        "評価",
        str(ids[0]),
    )
    assert (record.project_id, record.organization_id, record.status) == (project, main, "未着手")
    # an owner who is not an officer stays in the text
    second = svc.add_from_improvement_action(ids[1])  # type: ignore[arg-type]
    assert svc.get(second).text == "会計報告の様式を揃える(担当: 団体)"
    assert svc.get(second).owner_officer_id is None
    assert svc.tracked_actions(ids) == {ids[0]: first, ids[1]: second}  # type: ignore[arg-type]
    assert [c.id for c in svc.of(project_id=project)] == [first, second]
    assert [c.id for c in svc.of(organization_id=main)] == [first, second]

    with pytest.raises(KnownError, match="既に約束・宿題になっています"):
        svc.add_from_improvement_action(ids[0])  # type: ignore[arg-type]
    with pytest.raises(KnownError, match="完了しています"):
        svc.add_from_improvement_action(ids[2])  # type: ignore[arg-type]
    with pytest.raises(NotFoundError, match="改善の取り組みが見つかりません"):
        svc.add_from_improvement_action(99_999)
    assert len(svc.of(project_id=project)) == 2
    with ws.session_factory() as s:
        [(action, changes)] = [(r.action, json.loads(r.changes)) for r in audit.history(s, first)]
    assert action == "create" and changes["source"] == [None, "評価"]

    # a deleted one may be made again
    svc.delete(first, 1)
    assert svc.tracked_actions(ids) == {ids[1]: second}  # type: ignore[arg-type]
    again = svc.add_from_improvement_action(ids[0])  # type: ignore[arg-type]
    assert svc.tracked_actions([ids[0]]) == {ids[0]: again}  # type: ignore[list-item]


def test_recording_the_conclusion_again_keeps_unchanged_actions_linked(ws: Workspace) -> None:
    project, _main, _helper, done = _concluded(ws)
    svc = CommitmentService(ws)
    kept_id, dropped_id = done.actions[0].id, done.actions[1].id
    kept = svc.add_from_improvement_action(kept_id)  # type: ignore[arg-type]
    dropped = svc.add_from_improvement_action(dropped_id)  # type: ignore[arg-type]
    again = EvaluationService(ws).record_conclusion(
        done.id,
        "改善して継続",
        "継続する",
        date(2027, 3, 15),
        [
            ImprovementActionInput("新しい取り組み", "市民協働課", None),
            ImprovementActionInput("広報を早める", "佐藤 一郎", date(2027, 7, 31), "対応中"),
        ],
        done.version,
    )
    assert [(a.text, a.due_on, a.status) for a in again.actions] == [
        ("新しい取り組み", None, "未着手"),
        ("広報を早める", date(2027, 7, 31), "対応中"),
    ]
    assert again.actions[1].id == kept_id and again.actions[0].id not in (kept_id, dropped_id)
    assert svc.tracked_actions([a.id for a in again.actions]) == {kept_id: kept}  # type: ignore[misc]
    # the dropped action's commitment stays, now naming the round it came from
    assert svc.get(dropped).source_id == done.id and svc.get(dropped).is_open
    assert svc.tracked_actions([dropped_id]) == {}  # type: ignore[list-item]
    assert len(svc.of(project_id=project)) == 2
