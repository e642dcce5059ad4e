"""Handover notes on a real data folder: dossiers from the records, narrative, partner presence,
sign-off moving responsibility, frozen notes, revisions, the checklist, pending handovers, alerts."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path

import pytest

from kyodo_desktop.domain.handover import DateKind, EvaluationFact, ImprovementFact, ItemKind
from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.domain.project import OfficerInput, PartnerInput, ProjectInput
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, StaleEditError
from kyodo_desktop.persistence.models_handover import HandoverAcknowledgement
from kyodo_desktop.services import handover_alerts, officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.handover_checklist import HandoverChecklistService
from kyodo_desktop.services.handover_records import Narrative
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

TODAY = date(2026, 12, 1)
HANDOVER_ON = date(2027, 3, 25)


@dataclasses.dataclass
class World:
    ws: Workspace
    sato: str  # the transferring officer
    suzuki: str  # the successor
    org: str
    quiet_org: str
    project: str


@pytest.fixture
def world(ws: Workspace) -> World:
    sato = officers.add_officer(ws, OfficerInput("佐藤 一郎", section="市民協働課"))
    suzuki = officers.add_officer(ws, OfficerInput("鈴木 花子", section="市民協働課"))
    orgs = OrganizationService(ws)
    org = orgs.create(
        OrganizationInput(
            name="みどりの会",
            legal_form="認定特定非営利活動法人",
            business_year_end="03-31",
            nintei_expires_on=date(2027, 9, 30),
        ),
        contacts=[ContactInput("緑 花子", role="事務局長", phone="043-000-0000", email="m@example.jp")],
        responsible_officer_id=sato,
    )
    quiet_org = orgs.create(OrganizationInput(name="しずかの会"), responsible_officer_id=sato)
    orgs.add_interaction(
        org, InteractionInput(date(2026, 11, 20), "面談", "来年度の協定", next_action_on=date(2027, 1, 15))
    )
    project = ProjectService(ws).create(
        ProjectInput(
            title="公園の花壇づくり",
            section="市民協働課",
            fiscal_year=2026,
            lead_officer_id=sato,
            partners=[PartnerInput(org)],
            period_start=date(2026, 4, 1),
            period_end=date(2027, 3, 31),
        ),
        stage="実施",
        stage_on=date(2026, 4, 1),
    )
    return World(ws, sato, suzuki, org, quiet_org, project)


def _note(w: World, **kw: object) -> str:
    return HandoverService(w.ws).create_note(
        w.sato, w.suzuki, HANDOVER_ON, [w.org], [w.project], today=TODAY, **kw
    )  # type: ignore[arg-type]


def test_a_note_compiles_each_item_from_the_records(world: World) -> None:
    CommitmentService(world.ws).add(
        "協定書案を送る", organization_id=world.org, owner_officer_id=world.sato, due_on=date(2026, 12, 15)
    )
    note = HandoverService(world.ws).get(_note(world))
    assert (note.status, note.revision, note.from_officer, note.to_officer) == (
        "下書き",
        1,
        "佐藤 一郎",
        "鈴木 花子",
    )
    org_item, project_item = note.items
    assert (org_item.kind, org_item.subject, project_item.kind, project_item.subject) == (
        "団体",
        "みどりの会",
        "事業",
        "公園の花壇づくり",
    )
    assert org_item.dossier is not None and project_item.dossier is not None
    assert [(i.kind, i.text) for i in org_item.dossier.open_items] == [
        (ItemKind.COMMITMENT, "協定書案を送る"),
        (ItemKind.FOLLOW_UP, "令和8年11月20日 面談: 来年度の協定"),
    ]
    org_dates = {(d.kind, d.on) for d in org_item.dossier.next_dates}
    assert {
        (DateKind.NPO_REPORT, date(2027, 6, 30)),
        (DateKind.NINTEI_WINDOW_OPENS, date(2027, 3, 31)),
        (DateKind.AGREEMENT_END, date(2027, 3, 31)),
        (DateKind.EVALUATION_DUE, date(2027, 3, 31)),
        (DateKind.FOLLOW_UP, date(2027, 1, 15)),
        (DateKind.COMMITMENT_DUE, date(2026, 12, 15)),
    } <= org_dates
    assert [e.text for e in project_item.dossier.timeline] == ["公園の花壇づくり: 実施"]
    # contact data only when chosen
    assert [(c.name, c.phone) for c in org_item.dossier.contacts] == [("緑 花子", "")]
    with_contacts = HandoverService(world.ws).get(_note(world, include_contacts=True))
    assert with_contacts.items[0].dossier is not None
    assert [(c.phone, c.email) for c in with_contacts.items[0].dossier.contacts] == [
        ("043-000-0000", "m@example.jp")
    ]


def test_evaluation_conclusions_come_from_the_provider(world: World) -> None:
    asked: list[tuple[str, str]] = []

    def provider(kind: str, subject_id: str) -> list[EvaluationFact]:
        asked.append((kind, subject_id))
        action = ImprovementFact("広報を早める", "団体", date(2027, 2, 1), "未着手")
        # the project's conclusion, for the project and for its partner organization alike
        return [
            EvaluationFact("e1", world.project, 2026, "最終", "改善して継続", date(2026, 11, 30), (action,))
        ]

    service = HandoverService(world.ws, evaluations=provider)
    note = service.get(
        service.create_note(world.sato, world.suzuki, HANDOVER_ON, [], [world.project], today=TODAY)
    )
    dossier = note.items[0].dossier
    assert dossier is not None
    assert ("事業", world.project) in asked
    assert [i.key for i in dossier.open_items] == ["action:e1:0"]
    assert DateKind.EVALUATION_DUE not in [d.kind for d in dossier.next_dates]  # the final is done
    assert dossier.timeline[0].text == "公園の花壇づくり: 2026年度 最終評価 今後の方向性: 改善して継続"
    org_note = service.get(
        service.create_note(world.sato, world.suzuki, HANDOVER_ON, [world.org], today=TODAY)
    )
    org_dossier = org_note.items[0].dossier
    assert org_dossier is not None and ("団体", world.org) in asked
    assert [i.key for i in org_dossier.open_items if i.kind is ItemKind.IMPROVEMENT] == [
        "action:e1:0"
    ]  # once


def test_create_refuses_the_same_officer_and_an_empty_scope(world: World) -> None:
    service = HandoverService(world.ws)
    with pytest.raises(ValidationErrors) as err:
        service.create_note(world.sato, world.sato, HANDOVER_ON)
    assert err.value.by_field() == {
        "to_officer_id": "前任と後任に同じ職員は指定できません",
        "scope": "引き継ぐ団体か事業を1件以上指定してください",
    }


def test_narrative_is_saved_per_item_and_stale_saves_are_refused(world: World) -> None:
    service = HandoverService(world.ws)
    note = service.get(_note(world))
    item = note.items[0]
    version = service.save_narrative(
        note.id,
        item.id,
        Narrative(background="平成20年から", plans="４月に総会"),
        expected_version=note.version,
    )
    stored = service.get(note.id)
    assert stored.version == version == note.version + 1
    assert stored.items[0].narrative == Narrative(background="平成20年から", plans="4月に総会")
    assert stored.items[1].narrative == Narrative()
    with pytest.raises(StaleEditError):
        service.save_narrative(note.id, item.id, Narrative(cautions="x"), expected_version=note.version)


def test_partner_absent_needs_a_reason_and_creates_the_successors_introduction(world: World) -> None:
    service = HandoverService(world.ws)
    note = service.get(_note(world))
    item = note.items[0]
    with pytest.raises(ValidationErrors) as err:
        service.set_partner_presence(note.id, item.id, present=False, expected_version=note.version)
    assert err.value.by_field() == {"absence_reason": "パートナーが同席しなかった理由を入力してください"}
    service.set_partner_presence(
        note.id, item.id, present=False, absence_reason="代表が入院中", expected_version=note.version
    )
    item = service.get(note.id).items[0]
    assert (item.partner_present, item.absence_reason) == (False, "代表が入院中")
    assert item.followup_commitment_id is not None
    task = CommitmentService(world.ws).get(item.followup_commitment_id)
    assert (task.organization_id, task.owner_officer_id, task.source, task.source_id, task.status) == (
        world.org,
        world.suzuki,
        "引継",
        note.id,
        "未着手",
    )
    assert task.due_on == date(2027, 4, 8)  # 14 days after the handover
    assert "鈴木 花子" in task.text and "紹介" in task.text
    assert [c.id for c in CommitmentService(world.ws).open_items_of(organization_id=world.org)] == [task.id]
    # present after all: the meeting is withdrawn
    current = service.get(note.id)
    service.set_partner_presence(
        note.id, item.id, present=True, attendees="緑 花子（事務局長）", expected_version=current.version
    )
    item = service.get(note.id).items[0]
    assert (item.partner_present, item.present_on, item.attendees, item.followup_commitment_id) == (
        True,
        HANDOVER_ON,
        "緑 花子(事務局長)",  # NFKC, as every typed text
        None,
    )
    assert CommitmentService(world.ws).get(task.id).status == "取り下げ"


def test_an_absent_partner_of_a_project_gets_a_dated_meeting_on_the_project(world: World) -> None:
    service = HandoverService(world.ws)
    note = service.get(_note(world))
    service.set_partner_presence(
        note.id,
        note.items[1].id,
        present=False,
        absence_reason="日程が合わず",
        introduction_on=date(2027, 4, 2),
        expected_version=note.version,
    )
    task_id = service.get(note.id).items[1].followup_commitment_id
    assert task_id is not None
    task = CommitmentService(world.ws).get(task_id)
    assert (task.project_id, task.organization_id, task.due_on) == (world.project, None, date(2027, 4, 2))


def _sign_both(service: HandoverService, note_id: str) -> None:
    note = service.get(note_id)
    version = service.sign(note_id, "前任", "佐藤 一郎", date(2027, 3, 25), expected_version=note.version)
    service.sign(note_id, "後任", "鈴木 花子", date(2027, 3, 26), expected_version=version)


def test_signing_by_both_freezes_the_note_and_moves_responsibility(world: World) -> None:
    service = HandoverService(world.ws)
    note_id = _note(world)
    note = service.get(note_id)
    version = service.sign(note_id, "前任", "佐藤 一郎", date(2027, 3, 25), expected_version=note.version)
    half = service.get(note_id)
    assert (half.status, half.signed_by_from_name, half.signed_by_from_on) == (
        "下書き",
        "佐藤 一郎",
        date(2027, 3, 25),
    )
    assert OrganizationService(world.ws).get(world.org).responsible_officer_id == world.sato
    service.sign(note_id, "後任", "鈴木 花子", date(2027, 3, 26), expected_version=version)
    signed = service.get(note_id)
    assert signed.status == "署名済" and signed.frozen
    assert (signed.signed_by_to_name, signed.signed_by_to_on) == ("鈴木 花子", date(2027, 3, 26))
    assert OrganizationService(world.ws).get(world.org).responsible_officer_id == world.suzuki
    assert ProjectService(world.ws).get(world.project).data.lead_officer_id == world.suzuki
    # not in scope: stays
    assert OrganizationService(world.ws).get(world.quiet_org).responsible_officer_id == world.sato
    with world.ws.session_factory() as s:
        moves = [
            (r.entity, json.loads(r.changes), r.context)
            for r in audit.history(s)
            if r.context == f"handover:{note_id}" and r.entity in ("organization", "project")
        ]
    assert moves == [
        ("organization", {"responsible_officer_id": [world.sato, world.suzuki]}, f"handover:{note_id}"),
        ("project", {"lead_officer_id": [world.sato, world.suzuki]}, f"handover:{note_id}"),
    ]
    # frozen: every edit refused with a Japanese message
    item = signed.items[0]
    for edit in (
        lambda: service.save_narrative(
            note_id, item.id, Narrative(background="x"), expected_version=signed.version
        ),
        lambda: service.set_partner_presence(note_id, item.id, present=True, expected_version=signed.version),
        lambda: service.sign(
            note_id, "前任", "佐藤 一郎", date(2027, 3, 27), expected_version=signed.version
        ),
        lambda: service.refresh_dossier(note_id, expected_version=signed.version),
    ):
        with pytest.raises(KnownError, match="署名済のため変更できません"):
            edit()


def test_an_edit_after_one_signature_withdraws_it(world: World) -> None:
    service = HandoverService(world.ws)
    note_id = _note(world)
    note = service.get(note_id)
    version = service.sign(note_id, "前任", "佐藤 一郎", date(2027, 3, 25), expected_version=note.version)
    service.save_narrative(
        note_id, note.items[0].id, Narrative(cautions="会計に注意"), expected_version=version
    )
    again = service.get(note_id)
    assert (again.signed_by_from_on, again.signed_by_from_name, again.status) == (None, "", "下書き")


def test_sign_needs_a_side_and_a_name(world: World) -> None:
    service = HandoverService(world.ws)
    note = service.get(_note(world))
    with pytest.raises(ValidationErrors, match="前任"):
        service.sign(note.id, "課長", "佐藤", TODAY, expected_version=note.version)
    with pytest.raises(ValidationErrors, match="氏名"):
        service.sign(note.id, "前任", " ", TODAY, expected_version=note.version)


def test_a_correction_is_a_new_revision_and_the_old_one_is_kept(world: World) -> None:
    service = HandoverService(world.ws)
    first_id = _note(world)
    first = service.get(first_id)
    service.save_narrative(
        first_id, first.items[0].id, Narrative(background="旧"), expected_version=first.version
    )
    with pytest.raises(KnownError, match="署名済の引継書"):
        service.revise(first_id)  # a draft is edited, not corrected
    _sign_both(service, first_id)
    second_id = service.revise(first_id)
    with pytest.raises(KnownError, match="新しい版"):
        service.revise(first_id)
    second = service.get(second_id)
    assert (second.revision, second.previous_id, second.status) == (2, first_id, "下書き")
    assert second.signed_by_from_on is None and second.items[0].narrative.background == "旧"
    assert second.items[0].dossier == service.get(first_id).items[0].dossier
    service.save_narrative(
        second_id, second.items[0].id, Narrative(background="新"), expected_version=second.version
    )
    assert service.get(first_id).items[0].narrative.background == "旧"  # the old one kept
    assert service.get(first_id).status == "署名済"
    _sign_both(service, second_id)
    assert service.get(first_id).status == "訂正済"
    assert service.get(second_id).status == "署名済"
    assert [(n.revision, n.status) for n in service.revisions(first_id)] == [(1, "訂正済"), (2, "署名済")]
    assert [n.id for n in service.revisions(second_id)] == [first_id, second_id]


def test_the_checklist_and_what_is_still_unacknowledged(world: World) -> None:
    CommitmentService(world.ws).add("協定書案を送る", organization_id=world.org, due_on=date(2026, 12, 15))
    service = HandoverService(world.ws)
    note_id = _note(world)
    note = service.get(note_id)
    service.save_narrative(note_id, note.items[0].id, Narrative(plans="総会"), expected_version=note.version)
    _sign_both(service, note_id)
    checklist = HandoverChecklistService(world.ws)
    entries = checklist.checklist(note_id)
    keys = [e.key for e in entries]
    assert len(keys) == len(set(keys))
    org_key = f"団体:{world.org}/"
    assert [k for k in keys if k.startswith(org_key + "commitment:")] != []
    assert f"{org_key}narrative:plans" in keys and f"{org_key}narrative:background" not in keys
    assert all(e.acknowledged_on is None for e in entries)
    first = keys[0]
    checklist.acknowledge(note_id, first, by=world.suzuki, on=date(2027, 4, 1))
    checklist.acknowledge(note_id, first, by=world.suzuki, on=date(2027, 4, 2))  # again: nothing changes
    left = checklist.unacknowledged(note_id)
    assert [e.key for e in left] == keys[1:]
    assert checklist.checklist(note_id)[0].acknowledged_on == date(2027, 4, 1)
    with pytest.raises(KnownError, match="確認項目ではありません"):
        checklist.acknowledge(note_id, "団体:x/commitment:nope", by=world.suzuki)
    for key in keys[1:]:
        checklist.acknowledge(note_id, key, by=world.suzuki)
    assert checklist.unacknowledged(note_id) == []


def test_checklist_labels_show_wareki_dates_and_keys_keep_iso(world: World) -> None:
    CommitmentService(world.ws).add("協定書案を送る", organization_id=world.org, due_on=date(2026, 12, 15))
    note_id = _note(world)
    entries = HandoverChecklistService(world.ws).checklist(note_id)
    [promise] = [e for e in entries if "協定書案を送る" in e.label]
    assert promise.label.endswith("協定書案を送る（期限 令和8年12月15日）")
    dated = [e for e in entries if "/date:" in e.key]
    assert dated != []
    for e in dated:  # the label reads 和暦; the key (stored acknowledgements) stays ISO
        day = date.fromisoformat(e.key.split("/date:", 1)[1].split(":")[1])
        assert f" {to_wareki(day)}: " in e.label and day.isoformat() not in e.label
    assert not any(re.search(r"\d{4}-\d{2}-\d{2}", e.label) for e in entries)


def test_only_the_successor_acknowledges(world: World) -> None:
    service = HandoverService(world.ws)
    note_id = _note(world)
    _sign_both(service, note_id)
    checklist = HandoverChecklistService(world.ws)
    key = checklist.checklist(note_id)[0].key
    tanaka = officers.add_officer(world.ws, OfficerInput("田中 次郎", section="市民協働課"))
    for someone in (world.sato, tanaka, "nobody"):
        with pytest.raises(KnownError, match="確認できるのは後任の鈴木 花子さんだけです"):
            checklist.acknowledge(note_id, key, by=someone)
    assert len(checklist.unacknowledged(note_id)) == len(checklist.checklist(note_id))
    checklist.acknowledge(note_id, key, by=world.suzuki, on=date(2027, 4, 1))
    with world.ws.session_factory() as s:
        [ack] = s.query(HandoverAcknowledgement).all()
        assert (ack.item_key, ack.officer_id, ack.acknowledged_on) == (key, world.suzuki, date(2027, 4, 1))


def test_pending_lists_exactly_the_transferring_officers_unsigned_scopes(world: World) -> None:
    assert handover_alerts.pending(world.ws) == []  # no transfer date yet
    officers.set_assignment(world.ws, world.sato, transferred_on=date(2027, 4, 1), successor_id=world.suzuki)
    officers.set_assignment(
        world.ws, world.suzuki, transferred_on=date(2028, 4, 1)
    )  # responsible for nothing
    (pending,) = handover_alerts.pending(world.ws)
    assert (pending.officer_id, pending.name, pending.transferred_on, pending.count) == (
        world.sato,
        "佐藤 一郎",
        date(2027, 4, 1),
        3,
    )
    assert set(pending.organization_ids) == {world.org, world.quiet_org}
    assert pending.project_ids == (world.project,)
    service = HandoverService(world.ws)
    note_id = _note(world)
    (still,) = handover_alerts.pending(world.ws)  # a draft hands nothing over
    assert still.count == 3
    _sign_both(service, note_id)
    rest, successor = handover_alerts.pending(world.ws)
    assert (rest.officer_id, rest.organization_ids, rest.project_ids) == (world.sato, (world.quiet_org,), ())
    # the successor now looks after them, and has a transfer date of his own
    assert (successor.officer_id, successor.organization_ids, successor.project_ids) == (
        world.suzuki,
        (world.org,),
        (world.project,),
    )
    quiet_note = service.create_note(world.sato, world.suzuki, HANDOVER_ON, [world.quiet_org], today=TODAY)
    _sign_both(service, quiet_note)
    assert [p.officer_id for p in handover_alerts.pending(world.ws)] == [world.suzuki]
    officers.set_assignment(world.ws, world.suzuki, transferred_on=None)
    assert handover_alerts.pending(world.ws) == []


def test_alerts_quiet_organizations_ending_agreements_and_transfers(world: World, data_dir: Path) -> None:
    assert handover_alerts.alert_levels(data_dir) == (6, 60)
    found = handover_alerts.alerts(world.ws, today=date(2027, 2, 15))
    kinds = [(a.kind, a.subject_id) for a in found]
    # みどりの会 was contacted in 2026-11 (within 6 months); しずかの会 never, registered today
    assert ("対応が途絶えた団体", world.quiet_org) not in kinds
    assert ("協定の終了が近い事業", world.project) in kinds  # 2027-03-31 is 44 days ahead
    later = handover_alerts.alerts(world.ws, today=add_days(date.today(), 200))
    assert ("対応が途絶えた団体", world.quiet_org) in [(a.kind, a.subject_id) for a in later]
    handover_alerts.set_alert_levels(data_dir, 12, 30)
    assert handover_alerts.alert_levels(data_dir) == (12, 30)
    assert ("協定の終了が近い事業", world.project) not in [
        (a.kind, a.subject_id) for a in handover_alerts.alerts(world.ws, today=date(2027, 2, 15))
    ]
    with pytest.raises(KnownError):
        handover_alerts.set_alert_levels(data_dir, 0, 30)
    officers.set_assignment(world.ws, world.sato, transferred_on=date(2027, 4, 1))
    transfers = [
        a for a in handover_alerts.alerts(world.ws, today=date(2027, 2, 15)) if a.kind == "引継書のない異動"
    ]
    assert [(a.subject_id, a.note) for a in transfers] == [(world.sato, "未引継の団体・事業 3件")]


def add_days(d: date, n: int) -> date:
    return date.fromordinal(d.toordinal() + n)


def test_officer_assignment_is_audited_and_checked(world: World) -> None:
    version = officers.set_assignment(
        world.ws,
        world.sato,
        assigned_on=date(2024, 4, 1),
        transferred_on=date(2027, 4, 1),
        successor_id=world.suzuki,
    )
    record = officers.get_officer(world.ws, world.sato)
    assert (record.version, record.assigned_on, record.transferred_on, record.successor_id) == (
        version,
        date(2024, 4, 1),
        date(2027, 4, 1),
        world.suzuki,
    )
    with pytest.raises(KnownError, match="本人"):
        officers.set_assignment(world.ws, world.sato, successor_id=world.sato)
    with pytest.raises(KnownError, match="着任日より前"):
        officers.set_assignment(world.ws, world.sato, transferred_on=date(2023, 4, 1))
    with pytest.raises(StaleEditError):
        officers.set_assignment(world.ws, world.sato, transferred_on=None, expected_version=version - 1)
    officers.set_assignment(world.ws, world.sato, transferred_on=None)
    assert officers.get_officer(world.ws, world.sato).transferred_on is None
    with world.ws.session_factory() as s:
        changes = [json.loads(r.changes) for r in audit.history(s, world.sato) if r.action == "update"]
    assert changes[0] == {
        "assigned_on": [None, "2024-04-01"],
        "successor_id": [None, world.suzuki],
        "transferred_on": [None, "2027-04-01"],
    }
    assert changes[-1] == {"transferred_on": ["2027-04-01", None]}


def test_a_note_stays_readable_and_signable_when_its_organization_goes_to_the_trash(world: World) -> None:
    service = HandoverService(world.ws)
    note_id = _note(world)
    OrganizationService(world.ws).delete(world.org)
    note = service.get(note_id)
    assert note.items[0].subject == "みどりの会"
    _sign_both(service, note_id)
    assert service.get(note_id).status == "署名済"
    assert ProjectService(world.ws).get(world.project).data.lead_officer_id == world.suzuki
