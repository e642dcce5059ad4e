"""The 年度レポート's scope: the year's bounds, labels and the header text."""

from datetime import date

from kyodo_desktop.services.report_scope import ReportScope


def test_year_bounds_and_labels() -> None:
    scope = ReportScope(2025, "協働推進課")
    assert (scope.start, scope.end) == (date(2025, 4, 1), date(2026, 3, 31))
    assert scope.label == "令和7年度"
    assert scope.header_text == "令和7年度　協働推進課"
    assert scope.previous() == ReportScope(2024, "協働推進課")
    assert scope.contains(date(2026, 3, 31)) and not scope.contains(date(2026, 4, 1))
    assert not scope.contains(None)
    # the 4月1日 transfer is the year's that ends: handed over in March
    assert (scope.transfers_from, scope.transfers_to) == (date(2025, 4, 2), date(2026, 4, 1))


def test_blank_section_means_the_whole_office() -> None:
    scope = ReportScope(2019, "  ")
    assert scope.section is None
    assert scope.header_text == "令和元年度"
