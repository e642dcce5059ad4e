"""Commitments (約束・宿題): added to an organization or a project, status changes audited, stale
changes refused, the open ones listed."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kyodo_desktop.domain.organization import InteractionInput, OrganizationInput
from kyodo_desktop.domain.project import OfficerInput, PartnerInput, ProjectInput
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import NotFoundError, StaleEditError
from kyodo_desktop.services import officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace


def test_add_and_list_open_items_of_an_organization_and_a_project(ws: Workspace) -> None:
    owner = officers.add_officer(ws, OfficerInput("佐藤 一郎", section="市民協働課"))
    org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"))
    project = ProjectService(ws).create(
        ProjectInput(title="花壇", section="市民協働課", fiscal_year=2026, partners=[PartnerInput(org)])
    )
    svc = CommitmentService(ws)
    late = svc.add(
        "会計報告の確認", organization_id=org, due_on=date(2027, 1, 31), source="対応記録", source_id="i1"
    )
    soon = svc.add(
        "  会場を\u3000予約する ", organization_id=org, owner_officer_id=owner, due_on=date(2026, 12, 10)
    )
    undated = svc.add("名簿の更新", organization_id=org)
    on_project = svc.add("報告書の様式を送る", project_id=project, source="評価")
    record = svc.get(soon)
    assert (record.text, record.status, record.source, record.owner) == (
        "会場を 予約する",
        "未着手",
        "手入力",
        "佐藤 一郎（市民協働課）",
    )
    assert [c.id for c in svc.open_items_of(organization_id=org)] == [soon, late, undated]
    assert [c.id for c in svc.open_items_of(project_id=project)] == [on_project]
    assert svc.get(late).source_id == "i1"
    with ws.session_factory() as s:
        (created,) = [json.loads(r.changes) for r in audit.history(s, late)]
    assert created["text"] == [None, "会計報告の確認"] and created["source"] == [None, "対応記録"]


def test_status_changes_are_audited_close_the_item_and_stale_ones_are_refused(ws: Workspace) -> None:
    org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"))
    svc = CommitmentService(ws)
    cid = svc.add("チラシ配布", organization_id=org)
    v2 = svc.set_status(cid, "対応中", expected_version=1)
    assert svc.get(cid).closed_on is None and svc.get(cid).is_open
    v3 = svc.set_status(cid, "完了", expected_version=v2, on=date(2026, 11, 30))
    done = svc.get(cid)
    assert (done.status, done.closed_on, done.version, done.is_open) == (
        "完了",
        date(2026, 11, 30),
        v3,
        False,
    )
    assert svc.open_items_of(organization_id=org) == []
    assert [c.id for c in svc.of(organization_id=org)] == [cid]
    with pytest.raises(StaleEditError, match="版2"):
        svc.set_status(cid, "未着手", expected_version=v2)
    svc.set_status(cid, "取り下げ", expected_version=v3, on=date(2026, 12, 1))
    assert svc.get(cid).closed_on == date(2026, 12, 1)
    with ws.session_factory() as s:
        statuses = [
            json.loads(r.changes).get("status") for r in audit.history(s, cid) if r.action == "update"
        ]
    assert statuses == [["未着手", "対応中"], ["対応中", "完了"], ["完了", "取り下げ"]]


def test_validation_in_japanese(ws: Workspace) -> None:
    org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"))
    svc = CommitmentService(ws)
    with pytest.raises(ValidationErrors) as err:
        svc.add(" ", organization_id=org, source="電話")
    assert err.value.by_field() == {
        "text": "約束・宿題の内容を入力してください",
        "source": "出どころは対応記録・評価・引継・手入力のいずれかです",
    }
    with pytest.raises(ValidationErrors, match="団体か事業を指定してください"):
        svc.add("宿題")
    with pytest.raises(NotFoundError):
        svc.add("宿題", organization_id="no-such-org")
    cid = svc.add("宿題", organization_id=org)
    with pytest.raises(
        ValidationErrors, match="状態は「未着手」「対応中」「完了」「取り下げ」のいずれかです"
    ):
        svc.set_status(cid, "済み", expected_version=1)


def test_a_commitment_from_an_interaction(ws: Workspace) -> None:
    orgs = OrganizationService(ws)
    org = orgs.create(OrganizationInput(name="みどりの会"))
    entry = orgs.add_interaction(
        org,
        InteractionInput(date(2026, 11, 20), "面談", "会計資料を届ける", next_action_on=date(2026, 12, 5)),
    )
    svc = CommitmentService(ws)
    c = svc.get(svc.add_from_interaction(entry))
    assert (c.organization_id, c.text, c.due_on, c.source, c.source_id) == (
        org,
        "会計資料を届ける",
        date(2026, 12, 5),
        "対応記録",
        entry,
    )
    other = svc.get(svc.add_from_interaction(entry, "名簿を受け取る", due_on=date(2027, 1, 10)))
    assert (other.text, other.due_on) == ("名簿を受け取る", date(2027, 1, 10))
    with pytest.raises(NotFoundError, match="対応記録が見つかりません"):
        svc.add_from_interaction("nope")
