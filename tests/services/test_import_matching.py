"""Matching an import row (issue 10): a 法人番号 shared by clearly different names is no match,
updates tick only the blanks they fill, and invalid values can be left out instead of the row."""

from __future__ import annotations

from kyodo_desktop.domain.column_mapping import row_to_input
from kyodo_desktop.domain.importing import ImportRow
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.services.importing import Action, apply_import, plan_import, replan
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

ROUNDED = "4011010000000"


def _row(n: int, **fields: object) -> ImportRow:
    return ImportRow(n, validate_organization(OrganizationInput(**fields)))  # type: ignore[arg-type]


def test_a_stored_number_with_another_name_is_a_conflict_not_a_match(
    ws: Workspace, svc: OrganizationService
) -> None:
    stored = svc.create(OrganizationInput(name="公益財団法人日本生産性本部", corporate_number=ROUNDED))
    plan = plan_import(
        ws,
        [
            _row(2, name="公益財団法人児童育成協会", corporate_number=ROUNDED),
            _row(3, name="公益財団法人 日本生産性本部", corporate_number=ROUNDED, phone="03-3511-4001"),
        ],
        source_name="x.xlsx",
    )
    other, same = plan.rows
    assert other.action is Action.NEW and other.match_id == ""
    tail = "と同じですが、名称が違うため別の団体として扱います（Excelで丸められた番号かもしれません）"
    assert [w.message for w in other.warnings] == [
        f"法人番号 {ROUNDED} は登録済みの「公益財団法人日本生産性本部」{tail}",
        f"法人番号 {ROUNDED} は 3 行目「公益財団法人 日本生産性本部」{tail}",
    ]
    assert [w.message for w in same.warnings] == [
        f"法人番号 {ROUNDED} は 2 行目「公益財団法人児童育成協会」{tail}"
    ]
    # the same foundation spelled with a space still matches by its number
    assert same.action is Action.UPDATE and same.match_id == stored and same.match_reason == "法人番号が同じ"
    assert same.accepted == {"phone"}
    apply_import(ws, plan)
    names = sorted(n for _, n in svc.search(""))
    assert names == ["公益財団法人児童育成協会", "公益財団法人日本生産性本部"]


def test_a_conflicting_number_is_not_filled_in_by_default(ws: Workspace, svc: OrganizationService) -> None:
    svc.create(OrganizationInput(name="公益財団法人日本生産性本部", corporate_number=ROUNDED))
    target = svc.create(OrganizationInput(name="公益財団法人児童育成協会"))
    plan = plan_import(
        ws, [_row(2, name="公益財団法人児童育成協会", corporate_number=ROUNDED)], source_name="x"
    )
    (planned,) = plan.rows
    assert planned.match_id == target and planned.action is Action.UPDATE
    assert planned.changes == {"corporate_number": ("", ROUNDED)} and planned.accepted == set()


def test_drop_invalid_plans_the_row_without_its_bad_values_and_replan_keeps_the_ticks(
    ws: Workspace, svc: OrganizationService
) -> None:
    org = svc.create(OrganizationInput(name="更新の会", phone="043-223-1111"))
    headers = ["団体名", "法人番号", "電話"]
    mapping = {0: "name", 1: "corporate_number", 2: "phone"}
    rows = [
        row_to_input(mapping, ["番号違いの会", "5011010000000", "043-223-2222"], 2, headers=headers),
        row_to_input(mapping, ["", "", "でんわ"], 3, headers=headers),
        row_to_input(mapping, ["更新の会", "", "047-431-1111"], 4, headers=headers),
    ]
    plan = plan_import(ws, [r for r in rows if r is not None], source_name="x.xlsx")
    assert [p.action for p in plan.rows] == [Action.ERROR, Action.ERROR, Action.UPDATE]
    plan.rows[2].accepted = {"phone"}  # the officer ticked the phone
    again = replan(ws, plan, drop_invalid=True)
    assert again.drop_invalid
    assert [p.action for p in again.rows] == [Action.NEW, Action.ERROR, Action.UPDATE]
    assert [d.describe() for d in again.rows[0].dropped] == [
        "2 行目「法人番号」: 法人番号のチェックデジットが一致しません: 5011010000000。この値を取り込まずに登録します"
    ]
    assert again.rows[2].accepted == {"phone"}
    apply_import(ws, again, valid_only=True)
    found = {n: i for i, n in svc.search("")}
    assert svc.get(found["番号違いの会"]).data.corporate_number == ""
    assert svc.get(found["番号違いの会"]).data.phone == "043-223-2222"
    assert svc.get(org).data.phone == "047-431-1111"
