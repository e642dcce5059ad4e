"""The fairness check over stored projects: records, budget split, history, alternatives, report."""

from __future__ import annotations

from fractions import Fraction

import pytest

from kyodo_desktop.domain.fairness import PartnerRecord, ReasonCode
from kyodo_desktop.domain.project import PartnerInput
from kyodo_desktop.persistence.errors import NotFoundError
from kyodo_desktop.services import project_fairness, settings
from kyodo_desktop.services.project_fairness import PartnerShare, split_budget
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from ..project_data import SECTION, Built, build


@pytest.fixture
def built(ws: Workspace) -> Built:
    return build(ws)


def test_the_budget_goes_to_the_main_partners_evenly_and_adds_up() -> None:
    main, coop = "主たるパートナー", "協力団体"
    assert split_budget(600_000, [PartnerShare("a", main), PartnerShare("b", coop)]) == {"a": 600_000, "b": 0}
    # two main partners (a 共同提案体): evenly, the yen left over to the first
    assert split_budget(
        1_001, [PartnerShare("a", main), PartnerShare("b", main), PartnerShare("c", coop)]
    ) == {
        "a": 501,
        "b": 500,
        "c": 0,
    }
    # no main partner: evenly among all
    assert split_budget(900, [PartnerShare("a", coop), PartnerShare("b", coop)]) == {"a": 450, "b": 450}
    assert split_budget(100, []) == {}


def test_records_leave_out_drafts_and_trashed_projects(ws: Workspace, built: Built) -> None:
    records = project_fairness.load_records(ws)
    project_ids = {r.project_id for r in records}
    assert built.draft not in project_ids and built.trashed not in project_ids
    assert built.main_2024 in project_ids
    by_project = {(r.project_id, r.organization_id): r for r in records}
    coop = by_project[built.discretionary, built.wakaba]
    assert coop.amount == 0 and by_project[built.discretionary, built.hikari].amount == 600_000
    assert coop.selection_method is not None and coop.selection_method.value == "随意契約"
    # only 行政負担 counts (団体負担 and その他収入 of the full project are not the 課's money)
    assert by_project[built.main_2024, built.midori].amount == 1_000_000


def test_partner_history_gives_five_years_with_the_flags(ws: Workspace, built: Built) -> None:
    history = project_fairness.partner_history(ws, built.midori, SECTION, 2024)
    assert [e.fiscal_year for e in history] == [2020, 2021, 2022, 2023, 2024]
    assert [e.project_count for e in history] == [0, 0, 1, 1, 1]
    assert [e.budget for e in history] == [0, 0, 1_000_000, 1_000_000, 1_000_000]
    last = history[-1]
    assert last.consecutive_years == 3 and last.share == Fraction(1, 2)
    assert {r.code for r in last.reasons} == {ReasonCode.CONSECUTIVE, ReasonCode.BUDGET_SHARE}
    assert history[2].share == Fraction(1, 4) and not history[2].reasons


def test_partner_history_with_a_candidate_shows_what_the_choice_would_bring(
    ws: Workspace, built: Built
) -> None:
    candidate = PartnerRecord("new", 2025, SECTION, built.midori, amount=500_000)
    history = project_fairness.partner_history(ws, built.midori, SECTION, 2025, candidate=[candidate])
    assert history[-1].consecutive_years == 4 and history[-1].project_count == 1
    # editing the stored 令和6年度 project: it does not count twice
    again = PartnerRecord(built.main_2024, 2024, SECTION, built.midori, amount=1_000_000)
    history = project_fairness.partner_history(
        ws, built.midori, SECTION, 2024, candidate=[again], exclude_project=built.main_2024
    )
    assert history[-1].project_count == 1 and history[-1].budget == 1_000_000


def test_settings_change_the_levels(ws: Workspace, built: Built) -> None:
    assert settings.fairness_levels(ws.data_dir) == (3, 30.0)
    settings.set_fairness_levels(ws.data_dir, 4, 60)
    last = project_fairness.partner_history(ws, built.midori, SECTION, 2024)[-1]
    assert last.reasons == ()  # a run of 3 < 4, a share of 50 % < 60 %
    raw = settings.load_settings(ws.data_dir)
    raw["fairness"] = {"consecutive_years": "x", "share_limit_percent": 500}
    settings.save_settings(ws.data_dir, raw)
    assert settings.fairness_levels(ws.data_dir) == (3, 30.0)  # a broken value: the default


def test_alternatives_share_field_and_municipality(ws: Workspace, built: Built) -> None:
    found = project_fairness.alternatives(ws, built.midori)
    # 花の会 (千葉市, field 2) and ひかりネット (千葉市, field 13); 海辺の会 is in 銚子市,
    # 若葉クラブ shares no field
    assert [o.name for o in found] == ["ひかりネット", "花の会"]
    assert [o.name for o in project_fairness.alternatives(ws, built.midori, fields=[2])] == ["花の会"]
    assert project_fairness.alternatives(ws, built.midori, limit=1)[0].name == "ひかりネット"
    with pytest.raises(NotFoundError):
        project_fairness.alternatives(ws, "no-such-id")


def test_report_of_one_year_flags_each_rule(ws: Workspace, built: Built) -> None:
    rep = project_fairness.report(ws, 2024)
    flagged = {(line.section, line.organization.name): line for line in rep.flagged_lines}
    codes = {key: [r.code for r in line.reasons] for key, line in flagged.items()}
    assert codes[SECTION, "みどりの会"] == [ReasonCode.CONSECUTIVE, ReasonCode.BUDGET_SHARE]
    assert codes[SECTION, "ひかりネット"] == [ReasonCode.DISCRETIONARY_WITHOUT_REASON]
    assert codes[SECTION, "若葉クラブ"] == [
        ReasonCode.DISCRETIONARY_WITHOUT_REASON,
        ReasonCode.SINGLE_APPLICANT,
    ]
    assert flagged[SECTION, "みどりの会"].tsv() == (
        f"{built.midori}\t{SECTION}\tみどりの会\t3年度連続（令和4〜6年度）、予算の50%（令和6年度）"
    )
    assert flagged[SECTION, "みどりの会"].organization.corporate_number == "7000012050002"
    wakaba = next(line for line in rep.lines if line.organization.id == built.wakaba)
    assert wakaba.project_count == 2 and wakaba.budget == 400_000


def test_a_merged_partner_counts_as_the_record_kept(ws: Workspace, built: Built) -> None:
    from kyodo_desktop.services import duplicates

    duplicates.merge(ws, built.midori, built.hana)
    records = project_fairness.load_records(ws)
    assert {r.organization_id for r in records if r.project_id == built.formula} == {built.midori}


def test_a_project_edited_back_counts_again(ws: Workspace, built: Built) -> None:
    svc = ProjectService(ws)
    rec = svc.get(built.single)
    data = rec.data
    data.partners = [PartnerInput(built.hana, "主たるパートナー")]
    svc.update(built.single, data, expected_version=rec.version)
    rep = project_fairness.report(ws, 2024)
    assert any(line.organization.id == built.hana and line.section == SECTION for line in rep.lines)
