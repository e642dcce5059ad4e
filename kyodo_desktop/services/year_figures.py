"""The figures of one 年度 (and optionally one 課): what 概要 and the home tab's headlines show.

Every figure reads its records through :class:`~kyodo_desktop.services.report_scope.ReportScope`
and is counted by the database (SQL aggregates), so a year of 100,000 organizations and 20,000
projects costs a few table scans, not a walk over records:

* **Organizations** (registry-wide, whatever the 課: see ReportScope). *Registered at the year's
  end*: created (``created_at``, read in the computer's time zone) on or before the year's last
  day and not moved to the trash by then. Moving to the trash and merging into another record
  both set ``deleted_at``, so an organization trashed or merged away **after** the year's end
  still counts for that year (it was on the registry then), and one trashed or merged on or
  before the year's end does not; for the running year that is simply "not in the trash".
  *New in the year*: those of them created in the year. Both by 法人格 (the registry's words,
  in :data:`~kyodo_desktop.domain.fields.LEGAL_FORMS` order, other words after them, a blank
  one as 「（未記入）」).
* **Projects**: the year's projects (``fiscal_year``, the 課 when narrowed), drafts and the
  trash excluded, every stage counted (a project cancelled in the year was still the year's);
  by kind (支援/協働/外部委託) and by form, and the administration's amount (行政負担) by form.
* **Evaluations done**: submitted evaluations (each side's sheet counts) in rounds of the year,
  of live projects (of the 課 when narrowed). **Due**: the year's projects that
  :func:`~kyodo_desktop.services.evaluation_due.due_projects` finds due, as of today for the
  running year and as of the day after the year's end for a past year (what was left to do when
  the year closed, less what has been submitted since).
* **Handovers pending**: the officers :func:`~kyodo_desktop.services.handover_alerts.pending`
  lists who transfer in the year (:class:`ReportScope`'s rule: a 4月1日 transfer is the year's
  that ends; and whose 所属課 is the 課 when narrowed), and
  the organizations and projects they have not handed over.

:func:`year_breakdown` (by activity field and by municipality) is in
:mod:`kyodo_desktop.services.year_breakdown`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, case, func, or_, select

from kyodo_desktop.domain.fields import LEGAL_FORMS
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.project_terms import ProjectForm, RelationshipKind
from kyodo_desktop.persistence.models import Organization, Project
from kyodo_desktop.persistence.models_evaluations import Evaluation, EvaluationRound
from kyodo_desktop.services.evaluation_due import due_projects
from kyodo_desktop.services.handover_alerts import pending
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace

__all__ = [
    "BLANK",
    "Counts",
    "Headline",
    "YearFigures",
    "headlines_of",
    "ordered_counts",
    "utc_bound",
    "year_figures",
    "year_projects",
]

# The label of a blank word (法人格, kind, form) in the tables.
BLANK = "（未記入）"

# (word, number) pairs in the order the sheet shows them.
Counts = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class YearFigures:
    """The figures of one scope (see the module for what each counts); plain values only."""

    scope: ReportScope
    organizations: int
    organizations_by_form: Counts
    new_organizations: int
    new_by_form: Counts
    projects: int
    projects_by_kind: Counts
    projects_by_form: Counts
    budget: int
    budget_by_form: Counts
    evaluations_done: int
    evaluations_due: int
    handovers_pending: int
    handover_records_pending: int


@dataclass(frozen=True)
class Headline:
    """One headline figure of the home tab: its label, this year's and last year's value, unit."""

    label: str
    value: int
    previous: int
    unit: str


def utc_bound(day: date) -> str:
    """The stored (UTC ISO) form of the first moment of ``day`` in the computer's time zone."""
    local = datetime.combine(day, time.min).astimezone()
    return local.astimezone(UTC).isoformat(timespec="seconds")


def ordered_counts(found: Iterable[tuple[str | None, int | None]], order: Sequence[str]) -> Counts:
    """``found`` (word, number) in ``order``'s order, other words after them by name, blank last.

    Every word of ``order`` is present (0 when nothing has it), so two years' tables line up.
    """
    numbers: dict[str, int] = {}
    for word, number in found:
        key = (word or "").strip() or BLANK
        numbers[key] = numbers.get(key, 0) + int(number or 0)
    known = [(w, numbers.pop(w, 0)) for w in order]
    blank = numbers.pop(BLANK, None)
    rest = sorted(numbers.items())
    return tuple(known + rest + ([(BLANK, blank)] if blank is not None else []))


def year_projects(scope: ReportScope) -> list[ColumnElement[bool]]:
    """The conditions of "the year's projects" (the 課 when narrowed; no drafts, no trash)."""
    conditions: list[ColumnElement[bool]] = [
        Project.fiscal_year == scope.fiscal_year,
        Project.deleted_at.is_(None),
        Project.is_draft.is_(False),
    ]
    if scope.section is not None:
        conditions.append(Project.section == scope.section)
    return conditions


def _as_of(scope: ReportScope, today: date) -> date:
    return min(today, scope.end + timedelta(days=1))


def year_figures(ws: Workspace, scope: ReportScope, today: date | None = None) -> YearFigures:
    """The figures of ``scope`` (ask again with ``scope.previous()`` for last year's)."""
    today = today or date.today()
    after_end = utc_bound(scope.end + timedelta(days=1))
    since = utc_bound(scope.start)
    on_registry = (
        Organization.created_at < after_end,
        or_(Organization.deleted_at.is_(None), Organization.deleted_at >= after_end),
    )
    projects = year_projects(scope)
    with ws.session_factory() as s:
        # one scan of the registry for both figures (the table is wide: a scan costs)
        forms = s.execute(
            select(
                Organization.legal_form,
                func.count(),
                func.sum(case((Organization.created_at >= since, 1), else_=0)),
            )
            .where(*on_registry)
            .group_by(Organization.legal_form)
        ).all()
        by_kind = s.execute(
            select(Project.relationship_kind, func.count())
            .where(*projects)
            .group_by(Project.relationship_kind)
        ).all()
        by_form = s.execute(
            select(Project.form, func.count(), func.sum(Project.budget_administration))
            .where(*projects)
            .group_by(Project.form)
        ).all()
        done_query = (
            select(func.count())
            .select_from(Evaluation)
            .join(EvaluationRound, EvaluationRound.id == Evaluation.round_id)
            .join(Project, Project.id == EvaluationRound.project_id)
            .where(
                Evaluation.submitted_at.is_not(None),
                EvaluationRound.fiscal_year == scope.fiscal_year,
                Project.deleted_at.is_(None),
                Project.is_draft.is_(False),
            )
        )
        if scope.section is not None:
            done_query = done_query.where(Project.section == scope.section)
        done = s.scalar(done_query) or 0
    officers, records = _pending_handovers(ws, scope)
    words = [f.value for f in ProjectForm]
    by_registry = ordered_counts(((form, n) for form, n, _ in forms), LEGAL_FORMS)
    by_new = ordered_counts(((form, n) for form, _, n in forms), LEGAL_FORMS)
    project_forms = ordered_counts(((form, n) for form, n, _ in by_form), words)
    budgets = ordered_counts(((form, amount) for form, _, amount in by_form), words)
    return YearFigures(
        scope=scope,
        organizations=sum(n for _, n in by_registry),
        organizations_by_form=by_registry,
        new_organizations=sum(n for _, n in by_new),
        new_by_form=by_new,
        projects=sum(n for _, n in project_forms),
        projects_by_kind=ordered_counts(((k, n) for k, n in by_kind), [k.value for k in RelationshipKind]),
        projects_by_form=project_forms,
        budget=sum(n for _, n in budgets),
        budget_by_form=budgets,
        evaluations_done=done,
        evaluations_due=len(due_projects(ws, _as_of(scope, today), scope=scope)),
        handovers_pending=officers,
        handover_records_pending=records,
    )


def _pending_handovers(ws: Workspace, scope: ReportScope) -> tuple[int, int]:
    """(officers, organizations and projects) of :func:`pending` transferring in the year."""
    found = pending(ws, scope)
    return len(found), sum(p.count for p in found)


def headlines_of(now: YearFigures, before: YearFigures) -> list[Headline]:
    """The headline figures of ``now`` beside ``before`` (last year's), figures already read."""
    return [
        Headline(QT_TRANSLATE_NOOP("Headline", "事業"), now.projects, before.projects, "件"),
        Headline(QT_TRANSLATE_NOOP("Headline", "行政負担額"), now.budget, before.budget, "円"),
        Headline(
            QT_TRANSLATE_NOOP("Headline", "評価の予定"), now.evaluations_due, before.evaluations_due, "件"
        ),
        Headline(
            QT_TRANSLATE_NOOP("Headline", "引継書のない異動"),
            now.handovers_pending,
            before.handovers_pending,
            "人",
        ),
        Headline(
            QT_TRANSLATE_NOOP("Headline", "新規登録団体"),
            now.new_organizations,
            before.new_organizations,
            "団体",
        ),
    ]
