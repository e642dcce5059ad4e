"""Fair partner selection: history, runs, the four flags, the report and alternatives."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from kyodo_desktop.domain.fairness import (
    FairnessLine,
    FairnessSettings,
    OrganizationRecord,
    PartnerRecord,
    ReasonCode,
    YearEntry,
    alternatives,
    consecutive_run,
    fairness_report,
    partner_history,
    year_entries,
    years_label,
)
from kyodo_desktop.domain.project_terms import SelectionMethod

SECTION = "市民協働課"
OTHER_SECTION = "環境政策課"
DISCRETIONARY = SelectionMethod.DISCRETIONARY
PROPOSAL = SelectionMethod.PROPOSAL


def _record(
    project: int,
    fy: int,
    org: int,
    amount: int = 100,
    section: str = SECTION,
    selection_method: SelectionMethod | None = None,
    selection_reason: str = "",
    applicants: int | None = None,
) -> PartnerRecord:
    return PartnerRecord(project, fy, section, org, amount, selection_method, selection_reason, applicants)


def _codes(item: YearEntry | FairnessLine) -> list[str]:
    return [reason.code for reason in item.reasons]


def _entry(
    records: list[PartnerRecord], fy: int, org: int, settings: FairnessSettings | None = None
) -> YearEntry:
    return next(
        e for e in year_entries(records, settings) if e.fiscal_year == fy and e.organization_id == org
    )


@pytest.mark.parametrize(
    ("years", "ending", "run"),
    [
        ({2023, 2024, 2025}, 2025, 3),
        ({2021, 2023, 2024, 2025}, 2025, 3),
        ({2023, 2025}, 2025, 1),
        ({2024}, 2025, 0),
    ],
)
def test_consecutive_run_counts_back_and_a_gap_breaks_it(years: set[int], ending: int, run: int) -> None:
    assert consecutive_run(years, ending) == run


def test_years_labels() -> None:
    assert years_label(2023, 2025) == "令和5〜7年度"
    assert years_label(2019, 2021) == "令和元〜3年度"
    assert years_label(2018, 2020) == "平成30年度〜令和2年度"
    assert years_label(2025, 2025) == "令和7年度"


def test_three_consecutive_years_are_flagged_with_their_span() -> None:
    records = [_record(i, fy, 1) for i, fy in enumerate((2023, 2024, 2025))] + [_record(9, 2025, 2, 1000)]
    entry = _entry(records, 2025, 1)
    assert entry.consecutive_years == 3
    assert [r.text for r in entry.reasons if r.code == ReasonCode.CONSECUTIVE] == [
        "3年度連続（令和5〜7年度）"
    ]
    assert ReasonCode.CONSECUTIVE not in _codes(_entry(records, 2024, 1))  # two years: not yet


def test_a_gap_year_breaks_the_run() -> None:
    records = [_record(i, fy, 1) for i, fy in enumerate((2021, 2022, 2024, 2025))] + [
        _record(9, 2025, 2, 1000)
    ]
    entry = _entry(records, 2025, 1)
    assert entry.consecutive_years == 2
    assert ReasonCode.CONSECUTIVE not in _codes(entry)


def test_the_run_length_is_a_setting() -> None:
    records = [_record(1, 2024, 1), _record(2, 2025, 1), _record(3, 2025, 2, 1000)]
    assert ReasonCode.CONSECUTIVE in _codes(_entry(records, 2025, 1, FairnessSettings(consecutive_years=2)))
    assert ReasonCode.CONSECUTIVE not in _codes(_entry(records, 2025, 1))
    with pytest.raises(ValueError):
        FairnessSettings(consecutive_years=1)


def test_a_run_with_another_section_does_not_count() -> None:
    records = [_record(1, 2023, 1, section=OTHER_SECTION), _record(2, 2024, 1), _record(3, 2025, 1)]
    assert _entry(records, 2025, 1).consecutive_years == 2


def test_a_discretionary_contract_without_a_reason_is_flagged() -> None:
    records = [
        _record(1, 2025, 1, selection_method=DISCRETIONARY, selection_reason=" 　"),
        _record(2, 2025, 2, selection_method=DISCRETIONARY, selection_reason="唯一の専門団体のため"),
        _record(3, 2025, 3, selection_method=PROPOSAL),
        _record(4, 2025, 4, selection_method=DISCRETIONARY),
        _record(5, 2025, 4, selection_method=DISCRETIONARY),
    ]
    first = _entry(records, 2025, 1)
    assert [r.text for r in first.reasons] == ["随意契約の理由が未記録（令和7年度）"]
    assert _codes(_entry(records, 2025, 2)) == []
    assert _codes(_entry(records, 2025, 3)) == []
    assert _entry(records, 2025, 4).reasons[0].text == "随意契約の理由が未記録（令和7年度、2件）"


def test_a_selection_with_one_applicant_is_flagged() -> None:
    records = [
        _record(1, 2025, 1, applicants=1),
        _record(2, 2025, 2, applicants=3),
        _record(3, 2025, 3, applicants=None),
        _record(4, 2025, 4, applicants=0),
    ]
    assert [r.text for r in _entry(records, 2025, 1).reasons] == ["応募1者（令和7年度）"]
    for org in (2, 3, 4):
        assert _codes(_entry(records, 2025, org)) == []


def test_a_share_above_the_level_is_flagged() -> None:
    records = [_record(1, 2025, 1, 420), _record(2, 2025, 2, 300), _record(3, 2025, 3, 280)]
    entry = _entry(records, 2025, 1)
    assert entry.section_budget == 1000 and entry.share == Fraction(42, 100)
    assert [r.text for r in entry.reasons] == ["予算の42%（令和7年度）"]
    assert _codes(_entry(records, 2025, 2)) == []  # exactly 30 %: not above
    assert ReasonCode.BUDGET_SHARE in _codes(
        _entry(records, 2025, 3, FairnessSettings(share_limit_percent=25))
    )


def test_a_share_just_above_the_level_shows_a_decimal() -> None:
    records = [_record(1, 2025, 1, 3004), _record(2, 2025, 2, 6996)]
    assert [r.text for r in _entry(records, 2025, 1).reasons] == ["予算の30.0%（令和7年度）"]


def test_a_project_with_several_partners_splits_its_budget_as_recorded() -> None:
    # project 1 gives 600 to org 1 and 400 to org 2; project 2 gives 1000 to org 3
    records = [_record(1, 2025, 1, 600), _record(1, 2025, 2, 400), _record(2, 2025, 3, 1000)]
    one, two, three = (_entry(records, 2025, org) for org in (1, 2, 3))
    assert one.section_budget == two.section_budget == 2000
    assert (one.share, two.share, three.share) == (Fraction(3, 10), Fraction(1, 5), Fraction(1, 2))
    assert one.project_count == two.project_count == 1
    assert _codes(three) == [ReasonCode.BUDGET_SHARE]


def test_a_budget_of_zero_gives_no_share_and_no_flag() -> None:
    records = [_record(1, 2025, 1, 0), _record(2, 2025, 2, 0)]
    entry = _entry(records, 2025, 1)
    assert entry.section_budget == 0 and entry.share is None and _codes(entry) == []
    records.append(_record(3, 2025, 3, 500))
    assert _entry(records, 2025, 1).share == 0


def test_partner_history_covers_the_last_five_years_including_empty_ones() -> None:
    records = [
        _record(1, 2020, 1, 100),
        _record(2, 2021, 1, 200),
        _record(3, 2023, 1, 300),
        _record(4, 2023, 1, 50),
        _record(5, 2023, 2, 650),
        _record(6, 2024, 1, 100, section=OTHER_SECTION),
        _record(7, 2025, 1, 100, selection_method=DISCRETIONARY),
        _record(8, 2025, 2, 100),
    ]
    history = partner_history(records, 1, SECTION, until=2025)
    assert [h.fiscal_year for h in history] == [2021, 2022, 2023, 2024, 2025]
    assert [h.project_count for h in history] == [1, 0, 2, 0, 1]
    assert [h.budget for h in history] == [200, 0, 350, 0, 100]
    assert history[2].section_budget == 1000 and history[2].share == Fraction(35, 100)
    assert history[3].project_count == 0  # the other section's project is not this one's
    assert history[0].consecutive_years == 2  # 2020 counts although it is before the window
    assert _codes(history[4]) == [ReasonCode.DISCRETIONARY_WITHOUT_REASON, ReasonCode.BUDGET_SHARE]
    assert len(partner_history(records, 1, SECTION, 2025, FairnessSettings(history_years=3))) == 3


def _organizations() -> dict[int, OrganizationRecord]:
    return {
        1: OrganizationRecord(1, "NPO法人みどりの森", frozenset({3, 7}), "千葉市", "4011405001520"),
        2: OrganizationRecord(2, "つばさの会", frozenset({3}), "千葉市"),
    }


def test_the_report_gives_one_line_per_section_and_partner() -> None:
    records = [
        _record(i, fy, 1, 500, selection_method=DISCRETIONARY)
        for i, fy in enumerate((2021, 2022, 2023, 2024, 2025))
    ]
    records += [
        _record(10 + i, fy, 2, 500, applicants=3) for i, fy in enumerate((2021, 2022, 2023, 2024, 2025))
    ]
    records.append(_record(20, 2025, 2, 0, section=OTHER_SECTION))
    report = fairness_report(records, _organizations())
    assert [(line.section, line.organization.id) for line in report.lines] == [
        (SECTION, 1),
        (SECTION, 2),
        (OTHER_SECTION, 2),
    ]  # by 担当課 (code point order), then organization id
    line = report.lines[0]
    assert line.fiscal_years == [2021, 2022, 2023, 2024, 2025]
    assert line.consecutive_years == 5 and line.project_count == 5 and line.budget_share == Fraction(1, 2)
    consecutive = [r.text for r in line.reasons if r.code == ReasonCode.CONSECUTIVE]
    assert consecutive == ["5年度連続（令和3〜7年度）"]  # one flag for the run, not one per year
    assert sum(r.code == ReasonCode.DISCRETIONARY_WITHOUT_REASON for r in line.reasons) == 5
    assert line.tsv().split("\t")[:3] == ["1", SECTION, "NPO法人みどりの森"]
    assert line.tsv().split("\t")[3].startswith("随意契約の理由が未記録（令和3年度）、")
    data = json.loads(json.dumps(line.as_json(), ensure_ascii=False))
    assert {k: data[k] for k in ("section", "organization_id", "name", "corporate_number")} == {
        "section": SECTION,
        "organization_id": 1,
        "name": "NPO法人みどりの森",
        "corporate_number": "4011405001520",
    }
    assert data["fiscal_years"] == [2021, 2022, 2023, 2024, 2025]
    assert (data["consecutive_years"], data["project_count"], data["budget_share"]) == (5, 5, 0.5)
    assert {"code": "consecutive_years", "text": "5年度連続（令和3〜7年度）", "fiscal_year": 2025} in data[
        "reasons"
    ]
    assert len(data["by_year"]) == 5 and data["by_year"][0]["budget_share"] == 0.5
    other = report.lines[2]
    assert not other.flagged and other.budget_share is None and other.as_json()["budget_share"] is None
    assert [line.organization.id for line in report.flagged_lines] == [1, 2]


def test_the_report_for_one_year_counts_the_run_from_earlier_years() -> None:
    records = [_record(i, fy, 1, 100) for i, fy in enumerate((2023, 2024, 2025))]
    records.append(_record(9, 2025, 2, 900))
    records.append(_record(10, 2026, 1, 900))  # a later year is not part of the 2025 report
    report = fairness_report(records, _organizations(), fiscal_year=2025)
    assert {entry.fiscal_year for entry in report.entries} == {2025}
    line = next(line for line in report.lines if line.organization.id == 1)
    assert line.fiscal_years == [2025] and line.consecutive_years == 3
    assert [r.text for r in line.reasons] == ["3年度連続（令和5〜7年度）"]
    assert line.budget_share == Fraction(1, 10)


def test_a_deleted_organization_is_reported_by_id() -> None:
    report = fairness_report([_record(1, 2025, 99, applicants=1)], {})
    assert report.lines[0].organization.id == 99 and report.lines[0].tsv().split("\t")[2] == ""


def test_a_tab_or_line_break_in_a_name_does_not_break_the_line() -> None:
    orgs = {1: OrganizationRecord(1, "みどり\tの\n森")}
    line = fairness_report([_record(1, 2025, 1, applicants=1)], orgs).lines[0]
    assert line.tsv().count("\t") == 3 and "\n" not in line.tsv()


def test_alternatives_share_a_field_and_the_municipality() -> None:
    orgs = [
        OrganizationRecord(1, "みどりの森", frozenset({3, 7}), "千葉市"),
        OrganizationRecord(2, "あおぞら", frozenset({3}), "千葉市"),
        OrganizationRecord(3, "いずみ", frozenset({3, 7}), "千葉市"),
        OrganizationRecord(4, "うみ", frozenset({3, 7}), "市川市"),
        OrganizationRecord(5, "えがお", frozenset({1}), "千葉市"),
        OrganizationRecord(6, "かぜ", frozenset({7}), "千葉市"),
    ]
    found = alternatives(orgs, fields={3, 7}, municipality="千葉市", exclude=[1])
    assert [org.id for org in found] == [3, 2, 6]
    assert [org.id for org in alternatives(orgs, {3, 7}, "千葉市", exclude=[1], limit=1)] == [3]
    assert alternatives(orgs, set(), "千葉市") == []
    assert alternatives(orgs, {3}, "") == []
