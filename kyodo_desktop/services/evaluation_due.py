"""Which projects are due for evaluation (評価の予定), for the evaluations tab's list.

A project counts when it is stored (not a draft, not in the trash), not closed (中止 or 終了),
and one of these holds for the 年度 it is registered in (its ``fiscal_year``; without one, the
年度 its period ends in):

* **段階が評価** — it stands at the stage 評価;
* **最終評価が未提出** — its period has ended (``period_end`` before today) and no evaluation of
  that 年度's 最終 round has been submitted;
* **中間評価の時期** — its period is running and half of it has passed (the middle day
  ``period_start + (period_end − period_start) // 2`` is today or earlier) and no evaluation of
  that 年度's 中間 round has been submitted. A project without both dates has no mid-term due.

With a :class:`~kyodo_desktop.services.report_scope.ReportScope` only that year's projects (their
``fiscal_year``) of its 課 are looked at: the 年度レポート's 「評価の予定」.

A draft evaluation does not count as done: the round is due until someone submits. One row per
project, with every reason that holds (in the order above).

Two narrowings, both done in SQL (the home tab's day uses them): ``officer_id`` keeps the
projects that officer leads (``lead_officer_id``, by its index), ``years`` the projects whose
年度 (as above) is one of those given. A project whose stage is 評価 and whose 年度 cannot be
told counts in the current 年度.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from datetime import date
from typing import NamedTuple

from kyodo_desktop.domain.evaluation_terms import Phase
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.project_terms import PartnerRole, Stage
from kyodo_desktop.domain.wareki import fiscal_year
from kyodo_desktop.persistence import day_reads
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace

__all__ = ["REASON_FINAL", "REASON_MIDTERM", "REASON_STAGE", "DueProject", "due_projects"]

#: The reasons, stored words the tab translates (context ``EvaluationDue``).
REASON_STAGE = QT_TRANSLATE_NOOP("EvaluationDue", "段階が評価")
REASON_FINAL = QT_TRANSLATE_NOOP("EvaluationDue", "最終評価が未提出")
REASON_MIDTERM = QT_TRANSLATE_NOOP("EvaluationDue", "中間評価の時期")

_CLOSED = (Stage.CANCELLED.value, Stage.FINISHED.value)


class DueProject(NamedTuple):  # a named tuple: the day makes thousands, fast
    """A project due for evaluation: its id, title, 年度, why (one or more reasons) and partner."""

    project_id: str
    title: str
    fiscal_year: int
    reasons: tuple[str, ...]
    partner: str
    stage: str
    period_end: date | None

    @property
    def reason(self) -> str:
        """The reasons as one text (「段階が評価・最終評価が未提出」)."""
        return "・".join(self.reasons)


def _year_of(p_year: int | None, end: date | None, start: date | None) -> int | None:
    if p_year is not None:
        return p_year
    for d in (end, start):
        if d is not None:
            return fiscal_year(d)
    return None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def due_projects(
    ws: Workspace,
    today: date | None = None,
    *,
    scope: ReportScope | None = None,
    officer_id: str | None = None,
    years: Collection[int] | None = None,
) -> list[DueProject]:
    """The projects due for evaluation on ``today`` (see the module), 年度 oldest first, by title;
    with ``scope`` only that year's projects of its 課; only ``officer_id``'s (lead) and only of
    ``years`` when given."""
    with ws.reader() as conn:
        return due_projects_in(conn, today, scope=scope, officer_id=officer_id, years=years)


def due_projects_in(
    conn: sqlite3.Connection,
    today: date | None = None,
    *,
    scope: ReportScope | None = None,
    officer_id: str | None = None,
    years: Collection[int] | None = None,
) -> list[DueProject]:
    """:func:`due_projects`, read over ``conn``."""
    today = today or date.today()
    wanted = None if years is None else sorted(years)
    rows = day_reads.unevaluated_candidates(
        conn,
        today.isoformat(),
        closed=_CLOSED,
        evaluation_stage=Stage.EVALUATION.value,
        main_role=PartnerRole.MAIN.value,
        fiscal_year=None if scope is None else scope.fiscal_year,
        section=None if scope is None else scope.section,
        officer_id=officer_id,
        years=wanted,
    )
    done = day_reads.submitted_rounds(
        conn, fiscal_year=None if scope is None else scope.fiscal_year, officer_id=officer_id, years=wanted
    )
    found: list[DueProject] = []
    for pid, title, p_year, stage, start_text, end_text, partner in rows:
        start, end = _day(start_text), _day(end_text)
        year = _year_of(p_year, end, start)
        if year is None:
            if stage == Stage.EVALUATION.value:
                year = fiscal_year(today)
            else:
                continue
        reasons: list[str] = []
        if stage == Stage.EVALUATION.value:
            reasons.append(REASON_STAGE)
        if end is not None and end < today and (pid, year, Phase.FINAL.value) not in done:
            reasons.append(REASON_FINAL)
        if (
            start is not None
            and end is not None
            and start <= end
            and today <= end
            and start + (end - start) // 2 <= today
            and (pid, year, Phase.MIDTERM.value) not in done
        ):
            reasons.append(REASON_MIDTERM)
        if reasons and (years is None or year in years):
            found.append(DueProject(pid, title, year, tuple(reasons), partner, stage, end))
    found.sort(key=lambda d: (d.fiscal_year, d.title, d.project_id))
    return found
