"""Pairs marked 「重複ではない」: kept across restarts, edits and merges, audited, undoable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.models import AuditEntry, NotDuplicate
from kyodo_desktop.services import duplicates, not_duplicates
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


def _pairs(ws: Workspace) -> set[frozenset[str]]:
    return {frozenset((p.first_id, p.second_id)) for p in duplicates.find_candidates(ws)}


def _same_name(svc: OrganizationService, n: int, name: str) -> list[str]:
    return [svc.create(OrganizationInput(name=name), allow_duplicate=True) for _ in range(n)]


def test_a_dismissed_pair_stays_dismissed_across_restarts_edits_and_other_merges(data_dir: Path) -> None:
    with Workspace.open(data_dir) as ws:
        svc = OrganizationService(ws)
        a, b = _same_name(svc, 2, "ひまわりの会")
        c, d = _same_name(svc, 2, "あさがおの会")
        assert _pairs(ws) == {frozenset((a, b)), frozenset((c, d))}
        assert not_duplicates.mark(ws, b, a) is True
        assert not_duplicates.mark(ws, a, b) is False  # once is enough
        assert _pairs(ws) == {frozenset((c, d))}
    with Workspace.open(data_dir) as ws:  # a restart
        svc = OrganizationService(ws)
        assert _pairs(ws) == {frozenset((c, d))}
        current = svc.get(a)
        svc.update(
            a, OrganizationInput(name="ひまわりの会", phone="043-223-1111"), expected_version=current.version
        )
        duplicates.merge(ws, c, d)  # a merge of another pair
        assert _pairs(ws) == set()
    with Workspace.open(data_dir, write=False) as ws:
        assert _pairs(ws) == set() and not_duplicates.is_marked(ws, a, b)


def test_the_judgement_follows_a_record_merged_into_a_third_and_comes_back_on_unmerge(
    ws: Workspace, svc: OrganizationService
) -> None:
    a, b, c = _same_name(svc, 3, "ひまわりの会")
    not_duplicates.mark(ws, a, b)
    assert _pairs(ws) == {frozenset((a, c)), frozenset((b, c))}
    duplicates.merge(ws, c, b)  # b is c: a is no duplicate of c either
    assert _pairs(ws) == set()
    duplicates.unmerge(ws, b)
    assert _pairs(ws) == {frozenset((a, c)), frozenset((b, c))}


def test_marking_is_audited_on_both_records_and_undone(ws: Workspace, svc: OrganizationService) -> None:
    a, b = _same_name(svc, 2, "ひまわりの会")
    not_duplicates.mark(ws, a, b)
    not_duplicates.undo(ws, a, b)
    assert _pairs(ws) == {frozenset((a, b))}
    with ws.session_factory() as s:
        assert s.scalars(select(NotDuplicate)).all() == []
        rows = s.execute(
            select(AuditEntry.record_id, AuditEntry.action, AuditEntry.changes, AuditEntry.officer)
            .where(AuditEntry.action.like("not_duplicate%"))
            .order_by(AuditEntry.id)
        ).all()
    first, second = sorted((a, b))
    assert [(r.record_id, r.action, json.loads(r.changes)) for r in rows] == [
        (first, "not_duplicate", {"not_duplicate_of": [None, second]}),
        (second, "not_duplicate", {"not_duplicate_of": [None, first]}),
        (first, "not_duplicate_undone", {"not_duplicate_of": [second, None]}),
        (second, "not_duplicate_undone", {"not_duplicate_of": [first, None]}),
    ]
    assert {r.officer for r in rows} == {ws.officer.name}


def test_marking_refuses_unknown_or_identical_records(ws: Workspace, svc: OrganizationService) -> None:
    (a,) = _same_name(svc, 1, "ひまわりの会")
    with pytest.raises(KnownError, match="同じ団体"):
        not_duplicates.mark(ws, a, a)
    with pytest.raises(KnownError, match="見つかりません"):
        not_duplicates.mark(ws, a, "no-such-id")
    with pytest.raises(KnownError, match="記録されていません"):
        not_duplicates.undo(ws, a, svc.create(OrganizationInput(name="別の会")))


def test_saving_a_record_does_not_warn_of_a_record_judged_different(
    ws: Workspace, svc: OrganizationService
) -> None:
    a, b = _same_name(svc, 2, "ひまわりの会")
    not_duplicates.mark(ws, a, b)
    current = svc.get(a)
    svc.update(
        a, OrganizationInput(name="ひまわりの会", phone="043-223-1111"), expected_version=current.version
    )
    assert svc.get(a).data.phone == "043-223-1111"
