"""The dossier compiler: exactly the open items and the right next dates, from plain records."""

from __future__ import annotations

import random
from datetime import date

import pytest

from kyodo_desktop.domain.handover import (
    CommitmentFact,
    ContactFact,
    ContactLine,
    DateKind,
    DossierInput,
    EvaluationFact,
    ImprovementFact,
    InteractionFact,
    ItemKind,
    NextDate,
    ProjectFact,
    StageFact,
    TimelineEntry,
    compile_dossier,
    date_key,
)
from kyodo_desktop.domain.wareki import to_wareki

TODAY = date(2026, 12, 1)


def dossier(**kw: object):  # type: ignore[no-untyped-def]
    options: dict[str, object] = {"subject": "みどりの会", "today": TODAY, **kw}
    return compile_dossier(DossierInput(**options))  # type: ignore[arg-type]


def keys(d) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.key for i in d.open_items]


def dates(d) -> list[tuple[date, str, str]]:  # type: ignore[no-untyped-def]
    return [(n.on, n.kind, n.subject) for n in d.next_dates]


# -- commitments ----------------------------------------------------------------------------------


def test_open_commitments_are_exactly_those_not_done_or_withdrawn() -> None:
    d = dossier(
        commitments=[
            CommitmentFact("c1", "会場の予約", "未着手", "佐藤", date(2026, 12, 20)),
            CommitmentFact("c2", "報告書の確認", "対応中", "佐藤", date(2026, 11, 1)),
            CommitmentFact(
                "c3", "チラシ配布", "完了", "佐藤", date(2026, 12, 5), closed_on=date(2026, 11, 20)
            ),
            CommitmentFact(
                "c4", "助成金の申請", "取り下げ", "", date(2027, 1, 10), closed_on=date(2026, 11, 25)
            ),
            CommitmentFact("c5", "名簿の更新", "未着手"),
        ]
    )
    assert keys(d) == ["commitment:c2", "commitment:c1", "commitment:c5"]  # soonest due, undated last
    by_key = {i.key: i for i in d.open_items}
    assert by_key["commitment:c2"].overdue and by_key["commitment:c2"].status == "対応中"
    assert not by_key["commitment:c1"].overdue and by_key["commitment:c1"].owner == "佐藤"
    assert all(i.kind is ItemKind.COMMITMENT for i in d.open_items)
    # only the open, not yet passed due date is a next date
    assert dates(d) == [(date(2026, 12, 20), DateKind.COMMITMENT_DUE, "みどりの会")]
    assert d.next_dates[0].note == "会場の予約"


def test_closed_commitments_are_on_the_timeline_on_the_day_they_closed() -> None:
    d = dossier(
        commitments=[
            CommitmentFact("c3", "チラシ配布", "完了", closed_on=date(2026, 11, 20)),
            CommitmentFact("c4", "助成金の申請", "取り下げ", closed_on=date(2026, 11, 25)),
            CommitmentFact("c1", "会場の予約", "未着手"),
        ]
    )
    assert d.timeline == (
        TimelineEntry(date(2026, 11, 25), "約束・宿題", "助成金の申請（取り下げ）"),
        TimelineEntry(date(2026, 11, 20), "約束・宿題", "チラシ配布（完了）"),
    )


# -- improvement actions --------------------------------------------------------------------------


def test_improvement_actions_not_done_are_open() -> None:
    evaluation = EvaluationFact(
        "e1",
        "p1",
        2025,
        "最終",
        "改善して継続",
        date(2026, 5, 20),
        actions=(
            ImprovementFact("広報の時期を早める", "団体", date(2026, 9, 30), "対応中"),
            ImprovementFact("参加者アンケート", "行政", date(2027, 2, 1), "未着手"),
            ImprovementFact("会場の変更", "行政", date(2026, 8, 1), "完了"),
        ),
    )
    d = dossier(evaluations=[evaluation])
    assert keys(d) == ["action:e1:0", "action:e1:1"]
    first, second = d.open_items
    assert (first.kind, first.text, first.owner, first.overdue) == (
        ItemKind.IMPROVEMENT,
        "広報の時期を早める",
        "団体",
        True,
    )
    assert (second.status, second.overdue) == ("未着手", False)
    assert dates(d) == [(date(2027, 2, 1), DateKind.IMPROVEMENT_DUE, "みどりの会")]
    assert d.timeline == (
        TimelineEntry(date(2026, 5, 20), "評価", "みどりの会: 2025年度 最終評価 今後の方向性: 改善して継続"),
    )


# -- follow-ups -----------------------------------------------------------------------------------


def test_a_follow_up_is_open_until_a_later_interaction_follows() -> None:
    d = dossier(
        interactions=[
            InteractionFact("i1", date(2026, 10, 1), "面談", "総会の相談", next_action_on=date(2026, 10, 20)),
            InteractionFact("i2", date(2026, 10, 22), "電話", "総会の日程を確認"),
            InteractionFact(
                "i3", date(2026, 11, 15), "会議", "次年度の計画", next_action_on=date(2026, 12, 10)
            ),
        ]
    )
    assert keys(d) == ["followup:i3"]  # i1 was followed by i2 (and i3)
    (item,) = d.open_items
    assert (item.kind, item.due_on, item.overdue) == (ItemKind.FOLLOW_UP, date(2026, 12, 10), False)
    assert item.text == "令和8年11月15日 会議: 次年度の計画"
    assert dates(d) == [(date(2026, 12, 10), DateKind.FOLLOW_UP, "みどりの会")]


def test_a_missed_follow_up_stays_open_overdue_and_is_no_next_date() -> None:
    d = dossier(
        interactions=[
            InteractionFact("i1", date(2026, 9, 1), "電話", "会報の件", next_action_on=date(2026, 9, 15)),
        ]
    )
    assert keys(d) == ["followup:i1"]
    assert d.open_items[0].overdue
    assert d.next_dates == ()


def test_follow_ups_on_the_latest_day_are_all_open_and_a_day_without_one_closes_them() -> None:
    same_day = [
        InteractionFact("a", date(2026, 11, 30), "面談", "会計", next_action_on=date(2026, 12, 3)),
        InteractionFact("b", date(2026, 11, 30), "電話", "会場", next_action_on=date(2026, 12, 2)),
    ]
    assert keys(dossier(interactions=same_day)) == ["followup:b", "followup:a"]
    later = [*same_day, InteractionFact("c", date(2026, 12, 1), "訪問", "両方とも確認済み")]
    assert keys(dossier(interactions=later)) == []
    assert dossier(interactions=[]).open_items == ()


# -- projects: agreement end, evaluation due, review date -----------------------------------------


def _project(**kw: object) -> ProjectFact:
    options: dict[str, object] = {
        "id": "p1",
        "title": "公園の花壇づくり",
        "stage": "実施",
        "fiscal_year": 2026,
        "period_start": date(2026, 4, 1),
        "period_end": date(2027, 3, 31),
        **kw,
    }
    return ProjectFact(**options)  # type: ignore[arg-type]


def test_a_running_project_has_its_agreement_end_evaluation_due_and_review_date() -> None:
    d = dossier(projects=[_project(review_on=date(2027, 2, 15))])
    assert dates(d) == [
        (date(2027, 2, 15), DateKind.REVIEW, "公園の花壇づくり"),
        (date(2027, 3, 31), DateKind.AGREEMENT_END, "公園の花壇づくり"),
        (date(2027, 3, 31), DateKind.EVALUATION_DUE, "公園の花壇づくり"),
    ]
    assert [n.note for n in d.next_dates if n.kind == DateKind.EVALUATION_DUE] == ["2026年度の最終評価"]
    assert d.open_items == ()


def test_the_agreement_end_date_wins_over_the_period_end() -> None:
    d = dossier(projects=[_project(agreement_end=date(2027, 1, 31))])
    assert (date(2027, 1, 31), DateKind.AGREEMENT_END, "公園の花壇づくり") in dates(d)
    assert (date(2027, 3, 31), DateKind.AGREEMENT_END, "公園の花壇づくり") not in dates(d)


@pytest.mark.parametrize(
    ("evaluations", "due"),
    [
        ([], True),
        ([EvaluationFact("e", "p1", 2026, "中間", decided_on=date(2026, 10, 1))], True),  # midterm only
        ([EvaluationFact("e", "p1", 2025, "最終", "現状のまま継続", date(2026, 5, 1))], True),  # last year's
        ([EvaluationFact("e", "p9", 2026, "最終", "拡大", date(2026, 11, 1))], True),  # another project's
        ([EvaluationFact("e", "p1", 2026, "最終", "拡大", date(2026, 11, 1))], False),
    ],
)
def test_evaluation_is_due_at_period_end_unless_that_fiscal_years_final_exists(
    evaluations: list[EvaluationFact], due: bool
) -> None:
    d = dossier(projects=[_project()], evaluations=evaluations)
    assert ((date(2027, 3, 31), DateKind.EVALUATION_DUE, "公園の花壇づくり") in dates(d)) is due


@pytest.mark.parametrize(
    ("period_end", "final_year"),
    [
        (date(2027, 3, 31), 2026),  # 3月31日 closes the 年度 that began the April before
        (date(2026, 4, 1), 2026),  # 4月1日 is the first day of the new 年度
        (date(2027, 1, 15), 2026),
        (date(2027, 4, 30), 2027),
    ],
)
def test_the_final_evaluation_counted_is_the_one_of_the_fiscal_year_the_period_ends_in(
    period_end: date, final_year: int
) -> None:
    today = date(2026, 3, 1)
    project = _project(period_start=date(2025, 4, 1), period_end=period_end)
    right = EvaluationFact("e", "p1", final_year, "最終", "予定どおり終了", today)
    wrong = EvaluationFact("e", "p1", final_year - 1, "最終", "予定どおり終了", today)
    assert DateKind.EVALUATION_DUE not in [
        n.kind
        for n in dossier(today=today, projects=[project], evaluations=[right], horizon_days=1000).next_dates
    ]
    assert DateKind.EVALUATION_DUE in [
        n.kind
        for n in dossier(today=today, projects=[project], evaluations=[wrong], horizon_days=1000).next_dates
    ]


def test_a_period_ended_without_its_final_evaluation_is_an_open_item() -> None:
    today = date(2027, 4, 10)
    d = dossier(today=today, projects=[_project()])
    assert keys(d) == ["evaluation:p1"]
    (item,) = d.open_items
    assert item.kind is ItemKind.EVALUATION and item.overdue and item.due_on == date(2027, 3, 31)
    assert item.text == "公園の花壇づくり: 最終評価が未実施（事業期間は令和9年3月31日に終了）"
    assert d.next_dates == ()  # the passed dates are no next dates
    done = EvaluationFact("e", "p1", 2026, "最終", "予定どおり終了", date(2027, 4, 5))
    assert dossier(today=today, projects=[_project()], evaluations=[done]).open_items == ()


@pytest.mark.parametrize("stage", ["終了", "中止"])
def test_a_closed_project_has_no_dates_and_no_missing_evaluation(stage: str) -> None:
    project = _project(stage=stage, review_on=date(2027, 1, 1))
    assert dossier(projects=[project]).next_dates == ()
    assert dossier(today=date(2027, 5, 1), projects=[project]).open_items == ()


def test_a_project_without_dates_has_none() -> None:
    d = dossier(projects=[_project(period_start=None, period_end=None)])
    assert d.next_dates == () and d.open_items == ()


def test_stage_changes_are_on_the_timeline_and_projects_listed_by_start() -> None:
    project = _project(
        stage_changes=(
            StageFact("協議・合意", date(2026, 2, 10), "協定書に署名"),
            StageFact("実施", date(2026, 4, 1)),
        )
    )
    older = _project(
        id="p0", title="防災マップ", stage="終了", period_start=date(2024, 4, 1), period_end=date(2025, 3, 31)
    )
    d = dossier(projects=[project, older])
    assert [p.title for p in d.projects] == ["防災マップ", "公園の花壇づくり"]
    assert d.projects[1].stage == "実施"
    assert d.timeline == (
        TimelineEntry(date(2026, 4, 1), "事業の段階", "公園の花壇づくり: 実施"),
        TimelineEntry(date(2026, 2, 10), "事業の段階", "公園の花壇づくり: 協議・合意（協定書に署名）"),
    )


# -- the NPO's 事業報告書 deadline ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year_end", "today", "deadline", "ended"),
    [
        ("03-31", date(2026, 5, 15), date(2026, 6, 30), date(2026, 3, 31)),  # 3月末 → 6月末
        ("03-31", date(2026, 6, 30), date(2026, 6, 30), date(2026, 3, 31)),  # the deadline day itself
        ("03-31", date(2026, 7, 1), date(2027, 6, 30), date(2027, 3, 31)),  # past it: next year's
        ("12-31", date(2026, 12, 1), date(2027, 3, 31), date(2026, 12, 31)),  # 12月末 → 3月末
        ("12-31", date(2027, 2, 1), date(2027, 3, 31), date(2026, 12, 31)),
        ("09-30", date(2026, 10, 1), date(2026, 12, 31), date(2026, 9, 30)),  # 9月末 → 12月末
        ("06-30", date(2026, 12, 1), date(2027, 9, 30), date(2027, 6, 30)),
        ("02-28", date(2027, 3, 1), date(2027, 5, 31), date(2027, 2, 28)),  # 2月末 → 5月末
        ("02-28", date(2028, 3, 1), date(2028, 5, 28), date(2028, 2, 28)),  # a leap year: 2月29日 follows
        ("03/31", date(2026, 5, 15), date(2026, 6, 30), date(2026, 3, 31)),  # as the portal writes it
    ],
)
def test_npo_report_deadline_is_three_months_after_the_business_year_end(
    year_end: str, today: date, deadline: date, ended: date
) -> None:
    d = dossier(today=today, business_year_end=year_end)
    assert d.next_dates == (
        NextDate(deadline, DateKind.NPO_REPORT, "みどりの会", f"{to_wareki(ended)}に終わる事業年度"),
    )
    if ended == date(2026, 3, 31):
        assert d.next_dates[0].note == "令和8年3月31日に終わる事業年度"  # 和暦, as a person reads it


@pytest.mark.parametrize("year_end", ["", "不明", "13-01"])
def test_no_deadline_without_a_business_year_end(year_end: str) -> None:
    assert dossier(business_year_end=year_end).next_dates == ()


# -- 認定 renewal -----------------------------------------------------------------------------------


def test_nintei_renewal_window_and_expiry() -> None:
    d = dossier(nintei_expires_on=date(2027, 9, 30))
    assert dates(d) == [
        (date(2027, 3, 31), DateKind.NINTEI_WINDOW_OPENS, "みどりの会"),  # six months before
        (date(2027, 6, 30), DateKind.NINTEI_WINDOW_CLOSES, "みどりの会"),  # three months before
        (date(2027, 9, 30), DateKind.NINTEI_EXPIRES, "みどりの会"),
    ]
    inside = dossier(today=date(2027, 5, 1), nintei_expires_on=date(2027, 9, 30))
    assert [n.kind for n in inside.next_dates] == [DateKind.NINTEI_WINDOW_CLOSES, DateKind.NINTEI_EXPIRES]
    far = dossier(nintei_expires_on=date(2030, 3, 31))  # beyond the horizon of a year
    assert far.next_dates == ()
    assert [n.on for n in dossier(nintei_expires_on=date(2030, 3, 31), horizon_days=2000).next_dates] == [
        date(2029, 9, 30),
        date(2029, 12, 31),
        date(2030, 3, 31),
    ]


# -- contacts -------------------------------------------------------------------------------------


def test_contact_data_only_when_included() -> None:
    contacts = [ContactFact("緑 花子", "事務局長", "043-000-0000", "midori@example.jp")]
    assert dossier(contacts=contacts).contacts == (ContactLine("緑 花子", "事務局長"),)
    assert dossier(contacts=contacts, include_contacts=True).contacts == (
        ContactLine("緑 花子", "事務局長", "043-000-0000", "midori@example.jp"),
    )


# -- everything together --------------------------------------------------------------------------


def _everything() -> dict[str, object]:
    return {
        "interactions": [
            InteractionFact("i1", date(2026, 6, 1), "面談", "総会の報告", next_action_on=date(2026, 6, 20)),
            InteractionFact(
                "i2", date(2026, 11, 20), "電話", "来年度の協定", next_action_on=date(2027, 1, 15)
            ),
        ],
        "projects": [
            _project(review_on=date(2027, 2, 1), stage_changes=(StageFact("実施", date(2026, 4, 1)),)),
            _project(
                id="p2", title="子ども食堂", period_end=date(2026, 9, 30), period_start=date(2026, 4, 1)
            ),
            _project(id="p3", title="旧事業", stage="終了", period_end=date(2026, 3, 31)),
        ],
        "evaluations": [
            EvaluationFact(
                "e1",
                "p3",
                2025,
                "最終",
                "予定どおり終了",
                date(2026, 4, 20),
                actions=(ImprovementFact("引継ぎ資料の整理", "行政", date(2026, 12, 25), "未着手"),),
            ),
        ],
        "commitments": [
            CommitmentFact("c1", "協定書案を送る", "対応中", "佐藤", date(2026, 12, 15), "対応記録"),
            CommitmentFact(
                "c2", "会場の下見", "完了", "佐藤", date(2026, 11, 1), closed_on=date(2026, 10, 30)
            ),
        ],
        "contacts": [ContactFact("緑 花子", "代表", "043-000-0000")],
        "business_year_end": "03-31",
        "nintei_expires_on": date(2027, 6, 30),
    }


def test_the_whole_dossier_lists_exactly_the_open_items_and_the_right_next_dates() -> None:
    d = dossier(**_everything())
    assert [(i.key, i.due_on, i.overdue) for i in d.open_items] == [
        ("evaluation:p2", date(2026, 9, 30), True),  # 子ども食堂 ended without its final evaluation
        ("commitment:c1", date(2026, 12, 15), False),
        ("action:e1:0", date(2026, 12, 25), False),
        ("followup:i2", date(2027, 1, 15), False),  # i1 was followed by i2
    ]
    assert dates(d) == [
        (date(2026, 12, 15), DateKind.COMMITMENT_DUE, "みどりの会"),
        (date(2026, 12, 25), DateKind.IMPROVEMENT_DUE, "みどりの会"),
        (date(2026, 12, 31), DateKind.NINTEI_WINDOW_OPENS, "みどりの会"),
        (date(2027, 1, 15), DateKind.FOLLOW_UP, "みどりの会"),
        (date(2027, 2, 1), DateKind.REVIEW, "公園の花壇づくり"),
        (date(2027, 3, 31), DateKind.AGREEMENT_END, "公園の花壇づくり"),
        (date(2027, 3, 31), DateKind.EVALUATION_DUE, "公園の花壇づくり"),
        (date(2027, 3, 31), DateKind.NINTEI_WINDOW_CLOSES, "みどりの会"),
        (date(2027, 6, 30), DateKind.NPO_REPORT, "みどりの会"),  # on one day: by the kind's text
        (date(2027, 6, 30), DateKind.NINTEI_EXPIRES, "みどりの会"),
    ]
    assert [e.on for e in d.timeline] == sorted((e.on for e in d.timeline), reverse=True)
    assert [e.kind for e in d.timeline] == ["電話", "約束・宿題", "面談", "評価", "事業の段階"]
    keys_ = d.checklist_keys()
    assert len(keys_) == len(set(keys_)) == len(d.open_items) + len(d.next_dates)
    assert keys_[0] == "evaluation:p2" and date_key(d.next_dates[0]) in keys_


def test_the_dossier_does_not_depend_on_the_order_of_the_records() -> None:
    base = _everything()
    expected = dossier(**base)
    rng = random.Random(13)
    for _ in range(5):
        shuffled = {k: (rng.sample(v, len(v)) if isinstance(v, list) else v) for k, v in base.items()}
        assert dossier(**shuffled) == expected
