"""The dossier compiler of a handover note (引継書): what the records say about one subject.

Pure (issue 13): given plain records of one organization or one project — its interactions,
projects and their stages, evaluation conclusions, commitments, key contacts, the NPO's
事業年度終了日 and 認定満了日 — and today's date, :func:`compile_dossier` returns a
:class:`Dossier`: a timeline, the open items, the next dates that matter and the contacts. The
services read the records from the database; the note keeps the officer's narrative beside it.

The rules, decided here once:

- **Timeline**: interactions, stage changes, evaluation conclusions and closed commitments,
  each dated; newest first (ties: the order the kinds are listed in, then the text).
- **Open items**, exactly:
  - commitments (約束・宿題) whose status is neither 完了 nor 取り下げ;
  - improvement actions (改善策) of the evaluation conclusions whose status is not 完了;
  - follow-ups (次回対応): an interaction with a ``next_action_on`` that no later interaction of
    the same subject followed (one with a later ``occurred_on``). Whether the date has passed
    does not close it: a follow-up missed is exactly what a successor must not lose, so it is
    listed, flagged overdue (期限超過); and a date still ahead is open until someone acts;
  - a missing final evaluation (最終評価): a project that is not 中止/終了 whose period has
    ended with no final conclusion for the 年度 the period ended in (before the end it is a
    next date, not an open item).
- **Next dates** (from today up to ``horizon_days`` ahead, soonest first; see
  :func:`~kyodo_desktop.domain.handover_dates.upcoming`): for each project not 中止/終了 the
  agreement's end (the agreement end date, else the period end), the evaluation due (the
  period end, unless that 年度's final conclusion exists) and the review date; the open
  follow-ups' dates; the due dates of open commitments and improvement actions; the NPO's next
  事業報告書 deadline (three months after a 事業年度 end); the 認定 renewal window's opening
  and closing (six and three months before expiry) and the expiry itself.
- **Contacts**: names and roles always; telephone and e-mail only when the officer chose to
  include contact data (``include_contacts``).

Every open item and next date carries a ``key``, stable across compilations of the same
records, which the successor's checklist (確認) refers to.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from kyodo_desktop.domain.handover_dates import (
    NextDate,
    add_months,
    business_year_end_on_or_before,
    nintei_renewal_window,
    npo_report_deadline,
    parse_month_day,
    upcoming,
)
from kyodo_desktop.domain.handover_rules import (
    CLOSED_COMMITMENT_STATUSES,
    COMMITMENT_SOURCES,
    COMMITMENT_STATUSES,
    is_open_follow_up,
)
from kyodo_desktop.domain.wareki import fiscal_year, to_wareki

__all__ = [
    "CLOSED_COMMITMENT_STATUSES",
    "COMMITMENT_SOURCES",
    "COMMITMENT_STATUSES",
    "CommitmentFact",
    "ContactFact",
    "ContactLine",
    "DateKind",
    "Dossier",
    "DossierInput",
    "EvaluationFact",
    "ImprovementFact",
    "InteractionFact",
    "ItemKind",
    "OpenItem",
    "ProjectFact",
    "ProjectLine",
    "StageFact",
    "TimelineEntry",
    "compile_dossier",
    "date_key",
    "is_open_follow_up",
]

#: Stages after which a project has no dates ahead (project_terms.CLOSED_STAGES' values).
_CLOSED_STAGES = frozenset({"中止", "終了"})
_FINAL_PHASE = "最終"
_DONE = "完了"


class ItemKind(StrEnum):
    """The kinds of open item (未了事項) a dossier lists."""

    COMMITMENT = "約束・宿題"
    IMPROVEMENT = "改善策"
    FOLLOW_UP = "次回対応"
    EVALUATION = "評価"


class DateKind(StrEnum):
    """The kinds of next date (今後の期日) a dossier lists."""

    AGREEMENT_END = "協定の終了"
    EVALUATION_DUE = "評価の時期"
    REVIEW = "見直しの予定日"
    FOLLOW_UP = "次回対応"
    COMMITMENT_DUE = "約束・宿題の期限"
    IMPROVEMENT_DUE = "改善策の期限"
    NPO_REPORT = "事業報告書の提出期限"
    NINTEI_WINDOW_OPENS = "認定更新申請の受付開始"
    NINTEI_WINDOW_CLOSES = "認定更新申請の締切"
    NINTEI_EXPIRES = "認定の満了"


# -- input records --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class InteractionFact:
    """One 対応記録 entry."""

    id: str
    occurred_on: date
    kind: str
    summary: str
    next_action_on: date | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class StageFact:
    """One change of a project's stage."""

    stage: str
    changed_on: date
    note: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class ProjectFact:
    """A project of the subject (for an organization: the projects it takes part in)."""

    id: str
    title: str
    stage: str
    fiscal_year: int | None = None
    stage_changes: tuple[StageFact, ...] = ()
    period_start: date | None = None
    period_end: date | None = None
    review_on: date | None = None
    #: when the agreement (協定) ends, if it says another date than the period end
    agreement_end: date | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class ImprovementFact:
    """An improvement action (改善策) an evaluation decided."""

    text: str
    owner: str = ""
    due_on: date | None = None
    status: str = "未着手"


@dataclasses.dataclass(frozen=True, slots=True)
class EvaluationFact:
    """The conclusion of one evaluation of a project (from the evaluations, issue 12)."""

    id: str
    project_id: str
    fiscal_year: int
    phase: str  # 中間 / 最終
    direction: str = ""  # 今後の方向性 ("" for a midterm evaluation)
    decided_on: date | None = None
    actions: tuple[ImprovementFact, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True)
class CommitmentFact:
    """A commitment (約束・宿題)."""

    id: str
    text: str
    status: str = "未着手"
    owner: str = ""
    due_on: date | None = None
    source: str = "手入力"
    closed_on: date | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class ContactFact:
    """A key contact (担当者) of the organization."""

    name: str
    role: str = ""
    phone: str = ""
    email: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class DossierInput:
    """Everything the compiler reads about one subject (an organization or a project)."""

    subject: str  # 団体名 or 事業名, as the dates and items name it
    today: date
    interactions: Sequence[InteractionFact] = ()
    projects: Sequence[ProjectFact] = ()
    evaluations: Sequence[EvaluationFact] = ()
    commitments: Sequence[CommitmentFact] = ()
    contacts: Sequence[ContactFact] = ()
    #: the NPO's 事業年度終了日 ("03-31", "03/31"; "" when unknown or not an NPO)
    business_year_end: str = ""
    nintei_expires_on: date | None = None
    include_contacts: bool = False
    horizon_days: int = 365


# -- output records -------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated line of the timeline (経過)."""

    on: date
    kind: str
    text: str


@dataclasses.dataclass(frozen=True, slots=True)
class OpenItem:
    """Something still to be done (未了事項): what, whose, by when, and the checklist key."""

    key: str
    kind: ItemKind
    text: str
    owner: str = ""
    due_on: date | None = None
    status: str = ""
    overdue: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class ProjectLine:
    """A project as the dossier shows it: its stage and period."""

    id: str
    title: str
    stage: str
    period_start: date | None
    period_end: date | None


@dataclasses.dataclass(frozen=True, slots=True)
class ContactLine:
    """A contact as the note may show it (phone and e-mail blank unless included)."""

    name: str
    role: str
    phone: str = ""
    email: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Dossier:
    """The compiled part of one subject's handover: read-only facts from the records."""

    subject: str
    today: date
    timeline: tuple[TimelineEntry, ...]
    open_items: tuple[OpenItem, ...]
    next_dates: tuple[NextDate, ...]
    projects: tuple[ProjectLine, ...]
    contacts: tuple[ContactLine, ...]

    def checklist_keys(self) -> tuple[str, ...]:
        """The keys the successor acknowledges: every open item, then every next date."""
        return (*(i.key for i in self.open_items), *(date_key(d) for d in self.next_dates))


def date_key(d: NextDate) -> str:
    """The checklist key of a next date (kind, day and subject: stable across compilations)."""
    return f"date:{d.kind}:{d.on.isoformat()}:{d.subject}"


# -- the rules ------------------------------------------------------------------------------------

_TIMELINE_ORDER = {"対応記録": 0, "事業": 1, "評価": 2, "約束・宿題": 3}


def _timeline(data: DossierInput) -> tuple[TimelineEntry, ...]:
    entries: list[tuple[date, int, TimelineEntry]] = []

    def add(on: date, group: str, kind: str, text: str) -> None:
        entries.append((on, _TIMELINE_ORDER[group], TimelineEntry(on, kind, text)))

    for i in data.interactions:
        add(i.occurred_on, "対応記録", i.kind, i.summary)
    titles = {p.id: p.title for p in data.projects}
    for p in data.projects:
        for change in p.stage_changes:
            note = f"（{change.note}）" if change.note else ""
            add(change.changed_on, "事業", "事業の段階", f"{p.title}: {change.stage}{note}")
    for e in data.evaluations:
        if e.decided_on is None:
            continue
        title = titles.get(e.project_id, data.subject)
        direction = f" 今後の方向性: {e.direction}" if e.direction else ""
        add(e.decided_on, "評価", "評価", f"{title}: {e.fiscal_year}年度 {e.phase}評価{direction}")
    for c in data.commitments:
        if c.status in CLOSED_COMMITMENT_STATUSES and c.closed_on is not None:
            add(c.closed_on, "約束・宿題", "約束・宿題", f"{c.text}（{c.status}）")
    # newest first; on one day by group, then text, so the order never depends on input order
    entries.sort(key=lambda e: (-e[0].toordinal(), e[1], e[2].kind, e[2].text))
    return tuple(e[2] for e in entries)


def _open_follow_ups(interactions: Sequence[InteractionFact]) -> list[InteractionFact]:
    """Interactions naming a next action that no later interaction followed."""
    if not interactions:
        return []
    latest = max(i.occurred_on for i in interactions)
    return [i for i in interactions if is_open_follow_up(i.occurred_on, i.next_action_on, latest)]


def _final_done(project: ProjectFact, evaluations: Sequence[EvaluationFact]) -> bool:
    """Whether the final evaluation of the 年度 the project's period ends in is concluded."""
    assert project.period_end is not None
    year = fiscal_year(project.period_end)
    return any(
        e.project_id == project.id and e.phase == _FINAL_PHASE and e.fiscal_year == year for e in evaluations
    )


def _open_items(data: DossierInput) -> tuple[OpenItem, ...]:
    today = data.today
    items: list[OpenItem] = []
    for c in data.commitments:
        if c.status not in CLOSED_COMMITMENT_STATUSES:
            overdue = c.due_on is not None and c.due_on < today
            items.append(
                OpenItem(
                    f"commitment:{c.id}", ItemKind.COMMITMENT, c.text, c.owner, c.due_on, c.status, overdue
                )
            )
    for e in data.evaluations:
        for n, a in enumerate(e.actions):
            if a.status != _DONE:
                overdue = a.due_on is not None and a.due_on < today
                items.append(
                    OpenItem(
                        f"action:{e.id}:{n}",
                        ItemKind.IMPROVEMENT,
                        a.text,
                        a.owner,
                        a.due_on,
                        a.status,
                        overdue,
                    )
                )
    for i in _open_follow_ups(data.interactions):
        assert i.next_action_on is not None
        items.append(
            OpenItem(
                f"followup:{i.id}",
                ItemKind.FOLLOW_UP,
                f"{to_wareki(i.occurred_on)} {i.kind}: {i.summary}",
                due_on=i.next_action_on,
                overdue=i.next_action_on < today,
            )
        )
    for p in data.projects:
        if p.stage in _CLOSED_STAGES or p.period_end is None or p.period_end >= today:
            continue
        if not _final_done(p, data.evaluations):
            text = f"{p.title}: 最終評価が未実施（事業期間は{to_wareki(p.period_end)}に終了）"
            items.append(
                OpenItem(f"evaluation:{p.id}", ItemKind.EVALUATION, text, due_on=p.period_end, overdue=True)
            )
    # soonest due first (undated last), then kind and text, independent of input order
    kinds = list(ItemKind)
    items.sort(key=lambda i: (i.due_on is None, i.due_on or today, kinds.index(i.kind), i.text))
    return tuple(items)


def _project_dates(data: DossierInput) -> list[NextDate]:
    dates: list[NextDate] = []
    for p in data.projects:
        if p.stage in _CLOSED_STAGES:
            continue
        end = p.agreement_end or p.period_end
        if end is not None:
            dates.append(NextDate(end, DateKind.AGREEMENT_END, p.title))
        if p.period_end is not None and not _final_done(p, data.evaluations):
            note = f"{fiscal_year(p.period_end)}年度の最終評価"
            dates.append(NextDate(p.period_end, DateKind.EVALUATION_DUE, p.title, note))
        if p.review_on is not None:
            dates.append(NextDate(p.review_on, DateKind.REVIEW, p.title))
    return dates


def _report_year_end(month_day: tuple[int, int], today: date) -> date:
    """The 事業年度 end whose 事業報告書 is due next (on or after ``today``)."""
    end = business_year_end_on_or_before(month_day, today)
    if add_months(end, 3) < today:
        # the year's end in the next calendar year (31 December is on or after any end)
        end = business_year_end_on_or_before(month_day, date(end.year + 1, 12, 31))
    return end


def _npo_dates(data: DossierInput) -> list[NextDate]:
    dates: list[NextDate] = []
    month_day = parse_month_day(data.business_year_end.replace("-", "/"))
    if month_day is not None:
        deadline = npo_report_deadline(month_day, data.today)
        year_end = _report_year_end(month_day, data.today)
        assert add_months(year_end, 3) == deadline
        dates.append(
            NextDate(deadline, DateKind.NPO_REPORT, data.subject, f"{to_wareki(year_end)}に終わる事業年度")
        )
    if data.nintei_expires_on is not None:
        opens, closes = nintei_renewal_window(data.nintei_expires_on)
        dates.append(NextDate(opens, DateKind.NINTEI_WINDOW_OPENS, data.subject))
        dates.append(NextDate(closes, DateKind.NINTEI_WINDOW_CLOSES, data.subject))
        dates.append(NextDate(data.nintei_expires_on, DateKind.NINTEI_EXPIRES, data.subject))
    return dates


def _next_dates(data: DossierInput, open_items: Sequence[OpenItem]) -> tuple[NextDate, ...]:
    dates = _project_dates(data)
    for item in open_items:
        if item.due_on is None:
            continue
        if item.kind is ItemKind.FOLLOW_UP:
            dates.append(NextDate(item.due_on, DateKind.FOLLOW_UP, data.subject, item.text))
        elif item.kind is ItemKind.COMMITMENT:
            dates.append(NextDate(item.due_on, DateKind.COMMITMENT_DUE, data.subject, item.text))
        elif item.kind is ItemKind.IMPROVEMENT:
            dates.append(NextDate(item.due_on, DateKind.IMPROVEMENT_DUE, data.subject, item.text))
    dates.extend(_npo_dates(data))
    return tuple(upcoming(dates, data.today, horizon_days=data.horizon_days))


def compile_dossier(data: DossierInput) -> Dossier:
    """The dossier of one subject as of ``data.today`` (see the module's rules)."""
    open_items = _open_items(data)
    projects = tuple(
        ProjectLine(p.id, p.title, p.stage, p.period_start, p.period_end)
        for p in sorted(data.projects, key=lambda p: (p.period_start or date.max, p.title, p.id))
    )
    contacts = tuple(
        ContactLine(c.name, c.role, c.phone, c.email)
        if data.include_contacts
        else ContactLine(c.name, c.role)
        for c in data.contacts
    )
    return Dossier(
        subject=data.subject,
        today=data.today,
        timeline=_timeline(data),
        open_items=open_items,
        next_dates=_next_dates(data, open_items),
        projects=projects,
        contacts=contacts,
    )
