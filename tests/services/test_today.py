"""The officer's day (services/today.py): each kind of item, the window, the order, the targets."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from kyodo_desktop.domain.organization import InteractionInput, OrganizationInput
from kyodo_desktop.domain.project import OfficerInput, PartnerInput, ProjectInput
from kyodo_desktop.services import evaluation_due, handover_alerts, home_settings, officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.settings import set_officer
from kyodo_desktop.services.today import (
    DUE_WITHIN_DAYS,
    ItemKind,
    Opens,
    Target,
    TodayItem,
    evaluation_years,
    officer_record_id,
    read_day,
    today_items,
)
from kyodo_desktop.services.workspace import Workspace
from tests.handover_world import World, make_world

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
    assert (
        follow.title == "みどりの会" and follow.detail == "令和9年2月1日 面談: =来年度の協定"
    )  # 和暦, as a person reads it
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


def _second_officer_world(ws: Workspace) -> tuple[World, str, str]:
    """The world plus 鈴木's own organization (a follow-up) and project (at the stage 評価)."""
    w = make_world(ws)
    orgs = OrganizationService(ws)
    sky = orgs.create(OrganizationInput(name="あおぞらネット"), responsible_officer_id=w.suzuki)
    orgs.add_interaction(
        sky, InteractionInput(date(2027, 4, 1), "電話", "会場の相談", next_action_on=date(2027, 4, 12))
    )
    theirs = ProjectService(ws).create(
        ProjectInput(
            title="川辺の清掃",
            section="市民協働課",
            fiscal_year=2027,
            lead_officer_id=w.suzuki,
            partners=[PartnerInput(sky)],
            period_start=date(2027, 4, 1),
            period_end=date(2028, 3, 31),
        ),
        stage="評価",
        stage_on=date(2027, 4, 1),
    )
    promises = CommitmentService(ws)
    # 鈴木 owns a promise on 佐藤's organization: it is on both officers' days
    promises.add("資料を届ける", organization_id=w.org, owner_officer_id=w.suzuki, due_on=date(2027, 4, 9))
    promises.add("報告書の確認", project_id=theirs, due_on=date(2027, 4, 11))  # nobody's own: the lead's
    return w, sky, theirs


def _seen(items: list[TodayItem]) -> set[tuple[ItemKind, str, str]]:
    return {(i.kind, i.target.id, i.detail) for i in items}


def test_the_officers_own_day_holds_only_their_records(ws: Workspace) -> None:
    w, sky, theirs = _second_officer_world(ws)
    officers.set_assignment(ws, w.sato, transferred_on=date(2027, 4, 1), successor_id=w.suzuki)
    everyone = _seen(today_items(ws, DAY))
    sato = _seen(today_items(ws, DAY, officer_id=w.sato))
    suzuki = _seen(today_items(ws, DAY, officer_id=w.suzuki))
    assert sato == {
        (ItemKind.EVALUATION, w.project, "最終評価が未提出"),
        (ItemKind.UNSIGNED, w.sato, "未引継の団体・事業 2件"),
        (ItemKind.PROMISE, w.org, "協定書案を送る"),
        (ItemKind.PROMISE, w.org, "資料を届ける"),
        (ItemKind.FOLLOW_UP, w.org, "令和9年2月1日 面談: =来年度の協定"),
    }
    assert suzuki == {
        (ItemKind.EVALUATION, theirs, "段階が評価"),
        (ItemKind.PROMISE, w.org, "資料を届ける"),  # theirs, on 佐藤's organization
        (ItemKind.PROMISE, theirs, "報告書の確認"),
        (ItemKind.FOLLOW_UP, sky, "令和9年4月1日 電話: 会場の相談"),
    }
    assert everyone == sato | suzuki
    nobody = officers.add_officer(ws, OfficerInput("高橋 三郎", section="市民協働課"))
    assert today_items(ws, DAY, officer_id=nobody) == []


def test_overdue_follow_ups_stop_after_the_quiet_months(ws: Workspace) -> None:
    w = make_world(ws)
    due = date(2027, 4, 15)  # the follow-up's 次回対応日; the default is 6 months

    def follow_ups(day: date) -> list[date | None]:
        return [i.on for i in today_items(ws, day, officer_id=w.sato) if i.kind is ItemKind.FOLLOW_UP]

    assert follow_ups(date(2027, 10, 15)) == [due]  # overdue by exactly 6 months: still listed
    quiet = today_items(ws, date(2027, 10, 16))
    assert not any(i.kind is ItemKind.FOLLOW_UP for i in quiet)
    # the organization left that long is listed as quiet instead
    assert [i.target.id for i in quiet if i.kind is ItemKind.QUIET] == [w.org]
    handover_alerts.set_alert_levels(ws.data_dir, 12, 60)
    assert follow_ups(date(2027, 10, 16)) == [due]
    assert follow_ups(date(2028, 4, 15)) == [due] and follow_ups(date(2028, 4, 16)) == []


def test_evaluations_of_this_and_the_last_year_only(ws: Workspace) -> None:
    w = make_world(ws)  # its project: 令和8年度 (2026), final evaluation not submitted
    assert evaluation_years(date(2027, 4, 10)) == (2026, 2027)
    assert evaluation_years(date(2027, 3, 31)) == (2025, 2026)

    def evaluations(day: date) -> list[str]:
        return [i.target.id for i in today_items(ws, day) if i.kind is ItemKind.EVALUATION]

    assert evaluations(date(2028, 3, 31)) == [w.project]  # 令和9年度: the one before still counts
    assert evaluations(date(2028, 4, 1)) == []  # 令和10年度: two years back, left out
    # the evaluations tab still lists it (no bound there)
    assert [d.project_id for d in evaluation_due.due_projects(ws, date(2028, 4, 1))] == [w.project]
    assert [d.project_id for d in evaluation_due.due_projects(ws, date(2028, 4, 1), years=(2026,))] == [
        w.project
    ]


def test_the_officer_record_of_the_settings(ws: Workspace) -> None:
    w = make_world(ws)
    assert ws.officer.source == "env" and officer_record_id(ws) is None  # none chosen
    set_officer(ws.data_dir, "佐藤 一郎", "市民協働課")  # by name and 所属課
    ws.reload_officer()
    assert officer_record_id(ws) == w.sato
    set_officer(ws.data_dir, "鈴木 花子", "別の課", officer_id=w.suzuki)  # by the id kept
    ws.reload_officer()
    assert officer_record_id(ws) == w.suzuki
    set_officer(ws.data_dir, "新任 職員", "市民協働課")  # no record yet: nobody's records
    ws.reload_officer()
    assert officer_record_id(ws) == ""
    assert officers.list_officers(ws)[-1].data.name != "新任 職員"  # nothing was created


def test_the_start_up_read_is_the_day_the_tab_would_read(ws: Workspace) -> None:
    """read_day (the start-up worker's, before any workspace): everyone's day without an officer
    chosen, the officer's own day with one and 「自分の担当だけ」 on, everyone's with it off."""
    w, _sky, _theirs = _second_officer_world(ws)
    first = read_day(ws.data_dir, DAY)
    assert (first.day, first.narrowed) == (DAY, False) and first.items == today_items(ws, DAY)
    set_officer(ws.data_dir, "佐藤 一郎", "市民協働課")
    mine = read_day(ws.data_dir, DAY)
    assert mine.narrowed and mine.items == today_items(ws, DAY, officer_id=w.sato)
    assert mine.items != first.items
    assert mine.matches(DAY, ws.reload_officer(), True)
    assert not mine.matches(DAY, ws.officer, False) and not mine.matches(date(2027, 4, 11), ws.officer, True)
    home_settings.set_mine_only(ws.data_dir, False)
    assert read_day(ws.data_dir, DAY).items == first.items


def test_the_day_is_read_without_the_orm(ws: Workspace) -> None:
    """The day's reads are plain sqlite3: a process reading it never imports SQLAlchemy, nor the
    handover dossier's record types (the start-up worker reads it while the window is built)."""
    make_world(ws)
    code = (
        "import sys\nfrom datetime import date\nfrom pathlib import Path\n"
        "from kyodo_desktop.services.today import read_day\n"
        f"read = read_day(Path({str(ws.data_dir)!r}), date(2027, 4, 10))\n"
        "print(len(read.items), 'sqlalchemy' in sys.modules, 'kyodo_desktop.domain.handover' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [str(len(today_items(ws, DAY))), "False", "False"]
