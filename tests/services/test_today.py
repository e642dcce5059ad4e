"""The officer's day (services/today.py): each kind of item, the window, the order, the targets."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain.organization import InteractionInput
from kyodo_desktop.services import officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.today import DUE_WITHIN_DAYS, ItemKind, Opens, Target, today_items
from kyodo_desktop.services.workspace import Workspace
from tests.handover_world import make_world

DAY = date(2027, 4, 10)


def test_each_kind_names_the_record_it_opens(ws: Workspace) -> None:
    w = make_world(ws)
    officers.set_assignment(ws, w.sato, transferred_on=date(2027, 4, 1), successor_id=w.suzuki)
    items = today_items(ws, DAY)
    got = [(i.kind, i.on, i.target, i.overdue) for i in items]
    assert got == [
        # the project's period ended 3/31 with no final evaluation submitted: overdue, oldest first
        (ItemKind.EVALUATION, date(2027, 3, 31), Target(Opens.EVALUATION, w.project), True),
        (ItemKind.UNSIGNED, date(2027, 4, 1), Target(Opens.HANDOVER, w.sato), True),
        (ItemKind.PROMISE, date(2027, 4, 10), Target(Opens.ORGANIZATION, w.org), False),
        (ItemKind.FOLLOW_UP, date(2027, 4, 15), Target(Opens.ORGANIZATION, w.org), False),
    ]
    promise = items[2]
    assert (promise.title, promise.detail) == ("みどりの会", "協定書案を送る")
    follow = items[3]
    assert follow.title == "みどりの会" and follow.detail == "2027-02-01 面談: =来年度の協定"
    assert items[0].title == "公園の花壇づくり" and items[0].detail == "最終評価が未提出"


def test_the_window_is_overdue_or_due_within_seven_days(ws: Workspace) -> None:
    make_world(ws)
    assert DUE_WITHIN_DAYS == 7
    # the follow-up is due 4/15, the promise 4/10: neither a week ahead of 3/25
    kinds = {i.kind for i in today_items(ws, date(2027, 3, 25))}
    assert ItemKind.FOLLOW_UP not in kinds and ItemKind.PROMISE not in kinds
    kinds = {i.kind for i in today_items(ws, date(2027, 4, 3))}
    assert ItemKind.PROMISE in kinds and ItemKind.FOLLOW_UP not in kinds
    late = {i.kind: i for i in today_items(ws, date(2027, 5, 1))}  # both overdue: still listed
    assert late[ItemKind.PROMISE].overdue and late[ItemKind.FOLLOW_UP].overdue


def test_a_later_interaction_closes_the_follow_up_and_done_closes_the_promise(ws: Workspace) -> None:
    w = make_world(ws)
    OrganizationService(ws).add_interaction(w.org, InteractionInput(date(2027, 4, 8), "電話", "日程を確認"))
    service = CommitmentService(ws)
    (promise,) = service.open_items_of(organization_id=w.org)
    service.set_status(promise.id, "完了", expected_version=promise.version)
    kinds = {i.kind for i in today_items(ws, DAY)}
    assert ItemKind.FOLLOW_UP not in kinds and ItemKind.PROMISE not in kinds


def test_quiet_partners_and_ending_agreements_follow_the_settings(ws: Workspace) -> None:
    w = make_world(ws)
    items = today_items(ws, date(2027, 2, 15))
    ending = [i for i in items if i.kind is ItemKind.ENDING]
    assert [(i.target, i.on) for i in ending] == [(Target(Opens.PROJECT, w.project), date(2027, 3, 31))]
    assert not any(i.kind is ItemKind.QUIET for i in items)
    quiet = [i for i in today_items(ws, date(2027, 9, 1)) if i.kind is ItemKind.QUIET]
    assert [(i.target, i.on, i.overdue) for i in quiet] == [
        (Target(Opens.ORGANIZATION, w.org), date(2027, 2, 1), True)
    ]


def test_an_empty_registry_has_an_empty_day(ws: Workspace) -> None:
    assert today_items(ws, DAY) == []


def test_the_alert_kinds_are_the_handover_alerts_words() -> None:
    from kyodo_desktop.services import handover_alerts

    assert (ItemKind.QUIET, ItemKind.ENDING, ItemKind.UNSIGNED) == (
        handover_alerts.QUIET,
        handover_alerts.ENDING,
        handover_alerts.UNSIGNED,
    )
