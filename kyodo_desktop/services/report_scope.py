"""What a 年度レポート covers: one 年度 (4月1日 – 3月31日) and, optionally, one 課.

Every sheet of the report and the home tab's headline figures read their records through this
one definition, so the figures on 概要 and the rows of the lists always agree:

* **年度** ``fiscal_year`` is the 西暦 year it begins in (2025 = 令和7年度); ``start`` and
  ``end`` are its first and last day. A project belongs to the year when its ``fiscal_year`` is
  that year (the column the 事業 tab filters on); an evaluation when its round's 年度 is; an
  organization was registered in the year when its ``created_at`` (UTC, shown local) falls in it;
  a transfer (異動) when the officer's last day in post (the day before ``transferred_on``) does:
  the usual 4月1日 transfer is handed over in March and belongs to the year that ends, which is
  where a manager looks for it (``transfers_from`` / ``transfers_to``).
* **課** ``section`` (None = the whole office) narrows projects to those whose 担当課 is the
  section, evaluations to those projects', and transfers to officers of that 所属課. The
  registry's own figures (organizations, by 法人格) stay registry-wide: the registry is the
  office's, not a 課's, and the sheet says so.

``header_text`` is the right part of every page header (「令和7年度　協働推進課」).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kyodo_desktop.domain.wareki import fiscal_year_label

__all__ = ["ReportScope"]


@dataclass(frozen=True)
class ReportScope:
    """One 年度 and optionally one 課 (see the module's docstring for what each narrows)."""

    fiscal_year: int
    section: str | None = None

    def __post_init__(self) -> None:
        if self.section is not None and not self.section.strip():
            object.__setattr__(self, "section", None)

    @property
    def start(self) -> date:
        """4月1日 of the year."""
        return date(self.fiscal_year, 4, 1)

    @property
    def end(self) -> date:
        """3月31日 of the next calendar year: the year's last day."""
        return date(self.fiscal_year + 1, 3, 31)

    @property
    def transfers_from(self) -> date:
        """The first 異動日 of the year's transfers: 4月2日 (last day in post 4月1日)."""
        return self.start + timedelta(days=1)

    @property
    def transfers_to(self) -> date:
        """The last 異動日 of the year's transfers: the next 4月1日 (last day in post 3月31日)."""
        return self.end + timedelta(days=1)

    @property
    def label(self) -> str:
        """「令和7年度」."""
        return fiscal_year_label(self.fiscal_year)

    @property
    def header_text(self) -> str:
        """The page header's right part: the 年度 and, when narrowed, the 課."""
        return f"{self.label}　{self.section}" if self.section else self.label

    def previous(self) -> ReportScope:
        """The same 課 one year earlier (概要 shows each figure beside last year's)."""
        return ReportScope(self.fiscal_year - 1, self.section)

    def contains(self, day: date | None) -> bool:
        """Whether ``day`` falls in the year."""
        return day is not None and self.start <= day <= self.end
