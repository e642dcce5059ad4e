"""What the home tab's headline strip shows: this 年度's headline figures and its projects by kind.

One read of :func:`~kyodo_desktop.services.year_figures.year_figures` for this 年度 and one for
last year (the whole office: ``ReportScope(fiscal_year(today))``) give both the cards
(:func:`~kyodo_desktop.services.year_figures.headlines_of`) and the small chart's rows, so the strip costs two reads, not four.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain.wareki import fiscal_year
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace
from kyodo_desktop.services.year_figures import Headline, headlines_of, year_figures

__all__ = ["HomeHeadline", "home_headline"]


@dataclass(frozen=True)
class HomeHeadline:
    """The strip's content: the scope, the cards' figures, and projects by kind per year.

    ``by_kind`` is ``(kind, this year, last year)`` for every kind either year has (the three
    kinds always, in their order; other words, a blank one, after them).
    """

    scope: ReportScope
    figures: list[Headline]
    by_kind: tuple[tuple[str, int, int], ...]

    @property
    def has_projects(self) -> bool:
        """Whether either year has a project (the chart is hidden otherwise)."""
        return any(now or before for _, now, before in self.by_kind)


def home_headline(ws: Workspace, today: date | None = None) -> HomeHeadline:
    """The strip's content as of ``today`` (the 年度 ``today`` falls in, the whole office)."""
    today = today or date.today()
    scope = ReportScope(fiscal_year(today))
    now, before = year_figures(ws, scope, today), year_figures(ws, scope.previous(), today)
    previous = dict(before.projects_by_kind)
    kinds = [kind for kind, _ in now.projects_by_kind]
    kinds += [kind for kind in previous if kind not in kinds]
    current = dict(now.projects_by_kind)
    rows = tuple((kind, current.get(kind, 0), previous.get(kind, 0)) for kind in kinds)
    return HomeHeadline(scope, headlines_of(now, before), rows)
