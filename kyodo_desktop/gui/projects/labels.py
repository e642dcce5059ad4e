"""How the projects tab shows stored project words, dates and 年度 (in the window's language)."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain.wareki import fiscal_year_label, to_wareki
from kyodo_desktop.gui.i18n import label


def term(value: str) -> str:
    """A stored project word (kind, form, stage, role …) as shown (``ProjectTerm`` labels)."""
    return label("ProjectTerm", value)


def flag_label(value: str) -> str:
    """An overdue flag as shown (``OverdueFlag`` labels)."""
    return label("OverdueFlag", value)


def year_label(fiscal_year: int | None) -> str:
    """令和7年度 for 2025 ("" for a draft without one)."""
    return "" if fiscal_year is None else fiscal_year_label(fiscal_year)


def day_label(day: date | None) -> str:
    """A date as 和暦 (令和7年4月1日), as the registry's list shows its dates ("" for none)."""
    return "" if day is None else to_wareki(day)
