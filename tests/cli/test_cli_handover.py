"""``kyodo officers set`` and ``kyodo handover create|pending``: the lines, the ids, the errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import OfficerInput, PartnerInput, ProjectInput
from kyodo_desktop.services import officers
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ids(data_dir: Path) -> dict[str, str]:
    with Workspace.open(data_dir) as ws:
        sato = officers.add_officer(ws, OfficerInput("佐藤 一郎", section="市民協働課"))
        suzuki = officers.add_officer(ws, OfficerInput("鈴木 花子", section="市民協働課"))
        orgs = OrganizationService(ws)
        org = orgs.create(OrganizationInput(name="みどりの会"), responsible_officer_id=sato)
        other = orgs.create(OrganizationInput(name="うみの会"), responsible_officer_id=sato)
        project = ProjectService(ws).create(
            ProjectInput(
                title="花壇づくり",
                section="市民協働課",
                fiscal_year=2026,
                lead_officer_id=sato,
                partners=[PartnerInput(org)],
            ),
            stage="実施",
        )
    return {"sato": sato, "suzuki": suzuki, "org": org, "other": other, "project": project}


def test_officers_set_transfer_date_and_successor(
    data_dir: Path, ids: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        data_dir,
        capsys,
        "officers",
        "set",
        ids["sato"],
        "--assigned-on",
        "令和6年4月1日",
        "--transfer-on",
        "2027/4/1",
        "--successor",
        "鈴木 花子",
    )
    assert (code, out) == (0, f"{ids['sato']}\t佐藤 一郎\t2024-04-01\t2027-04-01\t鈴木 花子\n")
    with Workspace.open(data_dir, write=False) as ws:
        record = officers.get_officer(ws, ids["sato"])
    assert (record.transferred_on, record.successor_id) == (date(2027, 4, 1), ids["suzuki"])
    # by name, and '' clears
    code, out, _ = _run(data_dir, capsys, "officers", "set", "佐藤 一郎", "--successor", "")
    assert (code, out) == (0, f"{ids['sato']}\t佐藤 一郎\t2024-04-01\t2027-04-01\t\n")
    code, _, err = _run(data_dir, capsys, "officers", "set", ids["sato"], "--transfer-on", "いつか")
    assert code == 1 and err.startswith("kyodo: エラー: ") and "日付" in err
    code, _, err = _run(data_dir, capsys, "officers", "set", "山田", "--transfer-on", "2027-04-01")
    assert code == 1 and "職員が見つかりません: 山田" in err


def test_handover_pending_lists_exactly_the_unsigned_scopes(
    data_dir: Path, ids: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data_dir, capsys, "handover", "pending") == (0, "", "")
    assert _run(data_dir, capsys, "officers", "set", ids["sato"], "--transfer-on", "2027-04-01")[0] == 0
    assert _run(data_dir, capsys, "handover", "pending")[:2] == (
        0,
        f"{ids['sato']}\t佐藤 一郎\t2027-04-01\t3\n",
    )
    with Workspace.open(data_dir) as ws:
        service = HandoverService(ws)
        note_id = service.create_note(
            ids["sato"], ids["suzuki"], date(2027, 3, 25), [ids["org"]], [ids["project"]]
        )
        version = service.sign(note_id, "前任", "佐藤 一郎", date(2027, 3, 25), expected_version=1)
        service.sign(note_id, "後任", "鈴木 花子", date(2027, 3, 25), expected_version=version)
    assert _run(data_dir, capsys, "handover", "pending")[:2] == (
        0,
        f"{ids['sato']}\t佐藤 一郎\t2027-04-01\t1\n",
    )


def test_handover_create_prints_the_new_id_last(
    data_dir: Path, ids: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _run(data_dir, capsys, "officers", "set", ids["sato"], "--transfer-on", "2027-04-01")
    code, out, _ = _run(
        data_dir,
        capsys,
        "handover",
        "create",
        "--from",
        "佐藤 一郎",
        "--to",
        ids["suzuki"],
        "--org",
        ids["org"],
        "--project",
        ids["project"],
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == ["団体\tみどりの会\t未了事項 0件", "事業\t花壇づくり\t未了事項 0件"]
    note_id, revision, count = lines[-1].split("\t")
    assert (revision, count) == ("第1版", "2件")
    with Workspace.open(data_dir, write=False) as ws:
        note = HandoverService(ws).get(note_id)
    assert (note.handover_on, note.from_officer_id, note.to_officer_id) == (
        date(2027, 4, 1),
        ids["sato"],
        ids["suzuki"],
    )
    assert [i.subject_id for i in note.items] == [ids["org"], ids["project"]]


def test_handover_create_errors_are_one_japanese_line(
    data_dir: Path, ids: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(data_dir, capsys, "handover", "create", "--from", "佐藤 一郎", "--to", "鈴木 花子")
    assert code == 1 and err == "kyodo: エラー: 引き継ぐ団体か事業を1件以上指定してください\n"
    code, _, err = _run(
        data_dir, capsys, "handover", "create", "--from", "佐藤 一郎", "--to", "鈴木 花子", "--org", "nope"
    )
    assert code == 1 and "団体が見つかりません: nope" in err
    code, _, err = _run(data_dir, capsys, "handover", "create", "--to", "鈴木 花子")
    assert code == 2
