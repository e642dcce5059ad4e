"""Projects and officers: validation, create/update/stage/delete audited, stale edits refused."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import (
    OfficerInput,
    PartnerInput,
    PointCheck,
    ProjectInput,
    RoleRowInput,
    SelectionInput,
    TargetInput,
    validate_project,
)
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import StaleEditError
from kyodo_desktop.services import officers, settings
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace


def _project(org_id: str) -> ProjectInput:
    return ProjectInput(
        title="子ども食堂の運営",
        fiscal_year=2025,
        section="県民生活課",
        partners=[PartnerInput(org_id, "主たるパートナー")],
        relationship_kind="協働",
        form="委託",
        fields=[13, 1],
        purposes={"共通の目的": "子どもの居場所づくり"},
        targets=[TargetInput("参加者数", "延べ500人", date(2026, 3, 31))],
        budget={"行政負担": 1_200_000, "団体負担": 100_000},
        selection=SelectionInput(method="随意契約", applicant_count=1, reason="唯一の実施団体"),
        roles=[RoleRowInput("広報", "行政", "山田", "市報")],
        agreement={"目的": "居場所づくり"},
        points={"相互理解": PointCheck("確認済", "打合せ3回")},
    )


def test_validation_says_every_problem_in_japanese() -> None:
    with pytest.raises(ValidationErrors) as err:
        validate_project(ProjectInput(fiscal_year=None, form="委任", budget={"行政負担": -1}))
    fields = err.value.by_field()
    assert fields["title"] == "事業名は必須です"
    assert fields["fiscal_year"] == "年度は必須です"
    assert "形態は「委託」" in fields["form"]
    assert "0以上" in fields["budget"]
    draft = validate_project(ProjectInput(), draft=True)  # a draft may be blank
    assert draft.fiscal_year is None and draft.period_end is None


def test_period_end_defaults_to_march_31_and_year_follows_the_start() -> None:
    clean = validate_project(ProjectInput(title="x", section="市民協働課", period_start=date(2026, 2, 1)))
    assert clean.fiscal_year == 2025 and clean.period_end == date(2026, 3, 31)
    with pytest.raises(ValidationErrors, match="期間の終わり"):
        validate_project(
            ProjectInput(
                title="x",
                fiscal_year=2025,
                section="市民協働課",
                period_start=date(2025, 5, 1),
                period_end=date(2025, 4, 1),
            )
        )


def test_create_update_stage_delete_are_audited_and_stale_edits_refused(ws: Workspace) -> None:
    org_id = OrganizationService(ws).create(OrganizationInput(name="みどりの会", corporate_number=""))
    svc = ProjectService(ws)
    pid = svc.create(_project(org_id), stage_on=date(2025, 4, 1))
    rec = svc.get(pid)
    assert rec.stage == "課題・ニーズの把握" and rec.version == 1
    assert rec.data.period_end == date(2026, 3, 31)
    assert rec.data.budget == {"行政負担": 1_200_000, "団体負担": 100_000}
    assert rec.partners[0].name == "みどりの会" and rec.partners[0].role == "主たるパートナー"
    assert rec.data.roles == [RoleRowInput("広報", "行政", "山田", "市報")]
    assert rec.data.points == {"相互理解": PointCheck("確認済", "打合せ3回")}
    assert rec.data.lead_officer_id  # the current officer's record was made on first use

    edited = rec.data  # an edit starts from the stored project
    edited.title = "子ども食堂の運営支援"
    v2 = svc.update(pid, edited, expected_version=1)
    assert v2 == 2
    with pytest.raises(StaleEditError, match="版1、現在: 版2"):
        svc.update(pid, _project(org_id), expected_version=1)
    v3 = svc.change_stage(
        pid, "協働の検討", changed_on=date(2025, 5, 1), note="課内で検討", expected_version=2
    )
    with pytest.raises(ValidationErrors, match="前回の変更日"):
        svc.change_stage(pid, "実施", changed_on=date(2025, 4, 2), expected_version=v3)
    with pytest.raises(StaleEditError):
        svc.change_stage(pid, "実施", changed_on=date(2025, 6, 1), expected_version=2)
    assert [c.stage for c in svc.get(pid).stage_changes] == ["課題・ニーズの把握", "協働の検討"]
    svc.add_log(pid, date(2025, 5, 2), "団体と打合せ")
    assert [s.id for s in svc.list_projects(fiscal_year=2025)] == [pid]
    assert [p.id for p in svc.projects_of_organization(org_id)] == [pid]
    svc.delete(pid)
    assert svc.list_projects() == [] and [s.id for s in svc.list_projects(trash=True)] == [pid]

    with ws.session_factory() as s:
        rows = [(r.action, json.loads(r.changes)) for r in audit.history(s, pid)]
    assert [a for a, _ in rows] == ["create", "update", "stage", "log", "delete"]
    assert rows[0][1]["budget"] == [None, {"団体負担": 100_000, "行政負担": 1_200_000}]
    assert rows[1][1] == {"title": ["子ども食堂の運営", "子ども食堂の運営支援"]}
    assert rows[2][1]["stage"] == ["課題・ニーズの把握", "協働の検討"]


def test_a_draft_is_out_of_the_lists_until_finished(ws: Workspace) -> None:
    svc = ProjectService(ws)
    pid = svc.create(ProjectInput(title="下書きの事業"), draft=True, draft_step=3)
    assert svc.list_projects() == [] and [s.id for s in svc.list_projects(drafts=True)] == [pid]
    with pytest.raises(ValidationErrors, match="年度は必須です"):
        svc.update(pid, ProjectInput(title="下書きの事業"), expected_version=1, draft=False)
    svc.update(
        pid,
        ProjectInput(title="下書きの事業", fiscal_year=2026, section="市民協働課"),
        expected_version=1,
        draft=False,
    )
    assert [s.id for s in svc.list_projects(fiscal_year=2026)] == [pid]


def test_settings_officer_becomes_a_record_found_by_name_and_section(ws: Workspace) -> None:
    settings.set_officer(ws.data_dir, "千葉 花子", "県民生活課")  # settings as before: no id
    ws.reload_officer()
    existing = officers.add_officer(
        ws, OfficerInput(name="千葉 花子", section="県民生活課", kana="ちば はなこ")
    )
    pid = ProjectService(ws).create(ProjectInput(title="x", fiscal_year=2025, section="県民生活課"))
    assert ProjectService(ws).get(pid).data.lead_officer_id == existing
    assert settings.current_officer(ws.data_dir).officer_id == existing  # remembered
    assert [(o.data.name, o.data.kana) for o in officers.list_officers(ws)] == [("千葉 花子", "チバ ハナコ")]
