"""``kyodo imports list|undo``: the imports as lines and JSON, and undoing one from the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from kyodo_desktop.cli import main
from kyodo_desktop.services.workspace import Workspace


def _run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _names(data_dir: Path) -> list[str]:
    with Workspace.open(data_dir, write=False) as ws, ws.engine.connect() as c:
        return list(c.execute(text("SELECT name FROM organizations ORDER BY name")).scalars())


@pytest.fixture
def imported(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A list imported through ``kyodo import``; its import id."""
    path = tmp_path / "名簿.csv"
    path.write_text(
        "団体名,市町村,電話\nあおぞらの会,船橋市,047-222-3333\nほしの会,市川市,\n", encoding="utf-8"
    )
    code, out, _err = _run(capsys, data_dir, "import", str(path))
    assert code == 0, out
    found = re.search(r"取り込みID (\w+)", out)
    assert found is not None
    return found.group(1)


def test_list_prints_one_line_per_import_in_local_time(
    data_dir: Path, imported: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _run(capsys, data_dir, "imports", "list")
    assert code == 0
    [line] = out.splitlines()
    import_id, shown, file, created, updated = line.split("\t")
    assert (import_id, file, created, updated) == (imported, "名簿.csv", "2", "0")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d", shown)


def test_list_json_has_utc_times(data_dir: Path, imported: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, data_dir, "imports", "list", "--json")
    assert code == 0
    [entry] = json.loads(out)
    assert entry["id"] == imported
    assert (entry["file"], entry["created"], entry["updated"], entry["undone"]) == ("名簿.csv", 2, 0, False)
    assert entry["time"].endswith("+00:00")
    assert entry["officer"] == "テスト職員"


def test_undo_removes_what_the_import_added_and_twice_is_refused(
    data_dir: Path, imported: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _names(data_dir) == ["あおぞらの会", "ほしの会"]
    code, out, _err = _run(capsys, data_dir, "imports", "undo", imported)
    assert code == 0
    assert f"取り込み {imported} を取り消しました: 削除 2 件" in out
    assert _names(data_dir) == []
    code, out, _err = _run(capsys, data_dir, "imports", "list")
    assert out.rstrip("\n").split("\t")[-1] == "取り消し済み"
    code, _out, err = _run(capsys, data_dir, "imports", "undo", imported)
    assert code == 1
    assert "既に取り消されています" in err


def test_undo_after_an_edit_names_the_record_and_writes_nothing(
    data_dir: Path, imported: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(data_dir, write=False) as ws, ws.engine.connect() as c:
        hoshi = c.execute(text("SELECT id FROM organizations WHERE name = 'ほしの会'")).scalar_one()
    code, _out, _err = _run(capsys, data_dir, "orgs", "delete", hoshi)
    assert code == 0
    code, _out, err = _run(capsys, data_dir, "imports", "undo", imported)
    assert code == 1
    assert "「ほしの会」" in err and "取り消せません" in err
    assert _names(data_dir) == ["あおぞらの会", "ほしの会"]


def test_undo_of_an_unknown_id_says_so(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, data_dir, "imports", "undo", "nosuchimport")
    assert code == 1
    assert "nosuchimport" in err and "見つかりません" in err


def _every_column(data_dir: Path) -> dict[str, list[dict[str, object]]]:
    with Workspace.open(data_dir, write=False) as ws, ws.engine.connect() as c:
        return {
            table: [dict(r._mapping) for r in c.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
            for table in ("organizations", "contacts", "interactions")
        }


def test_undo_of_an_update_leaves_every_column_as_before_the_import(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Values, version and updated_at of an updated record, and its contacts, exactly as before."""
    from kyodo_desktop.domain.organization import ContactInput, OrganizationInput
    from kyodo_desktop.services.organizations import OrganizationService

    with Workspace.open(data_dir, write=True) as ws:
        svc = OrganizationService(ws)
        midori = svc.create(
            OrganizationInput(name="みどりの会", municipality_name="千葉市", phone="043-111-1111")
        )
        svc.add_contact(midori, ContactInput(name="佐藤花子"))
        stored = svc.get(midori)
        svc.update(midori, stored.data, expected_version=stored.version)  # version 2, not the first
        with ws.engine.begin() as c:
            c.execute(text("UPDATE organizations SET updated_at = '2020-01-02T03:04:05+00:00'"))
    before = _every_column(data_dir)
    path = tmp_path / "名簿.csv"
    path.write_text(
        "団体名,市町村,電話,メールアドレス\nみどりの会,千葉市,043-999-9999,midori@example.jp\nほしの会,市川市,,\n",
        encoding="utf-8",
    )
    code, out, err = _run(capsys, data_dir, "import", str(path), "--overwrite", "電話番号")
    assert code == 0, out + err
    import_id = re.search(r"取り込みID (\w+)", out).group(1)  # type: ignore[union-attr]
    assert "更新 1 件" in out
    assert _every_column(data_dir) != before

    code, out, _err = _run(capsys, data_dir, "imports", "undo", import_id)

    assert code == 0, out
    assert _every_column(data_dir) == before
