"""The ``kyodo`` command: output format, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.persistence.lock import DataFolderLock


class Run:
    """Calls ``kyodo --data-dir DIR ...`` in-process and captures its output."""

    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data_dir = data_dir
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(self.data_dir), *args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def kyodo(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(data_dir, capsys)


def _add(kyodo: Run, *args: str) -> str:
    code, out, err = kyodo("orgs", "add", *args)
    assert code == 0, err
    return out.strip().splitlines()[-1]


def test_add_prints_the_new_id_last_and_search_lists_id_tab_name(kyodo: Run) -> None:
    a = _add(
        kyodo, "--name", "NPO法人 みどりの会", "--phone", "043-223-1111", "--field", "7", "--field", "13"
    )
    b = _add(kyodo, "--name", "ﾐﾄﾞﾘ子ども食堂", "--municipality", "柏市")
    _add(kyodo, "--name", "あおぞら会")
    code, out, err = kyodo("orgs", "search", "みどり")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert sorted(lines) == sorted(
        [f"{a}\tNPO法人 みどりの会", f"{b}\tミドリ子ども食堂"]
    )  # stored NFKC-normalised
    code, out, _ = kyodo("orgs", "search", "")
    assert len(out.splitlines()) == 3
    assert all(line.count("\t") == 1 for line in out.splitlines())
    code, out, _ = kyodo("orgs", "search", "みどり", "--json")
    assert {r["id"] for r in json.loads(out)} == {a, b}


def test_show_prints_the_record_and_json(kyodo: Run) -> None:
    org_id = _add(kyodo, "--name", "さくらの会", "--email", "info@example.jp", "--field", "1")
    code, out, _ = kyodo("orgs", "show", org_id)
    assert code == 0
    assert out.splitlines()[0] == f"{org_id}\tさくらの会"
    assert "保健・医療・福祉" in out and "info@example.jp" in out
    code, out, _ = kyodo("orgs", "show", org_id, "--json")
    payload = json.loads(out)
    assert payload["id"] == org_id and payload["data"]["fields"] == [1] and payload["version"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--phone", "123"], "電話番号"),
        (["--email", "a@@b"], "メールアドレス"),
        (["--postal", "1234"], "郵便番号"),
        (["--corporate-number", "1234567890123"], "法人番号"),
        (["--field", "21"], "活動分野"),
    ],
)
def test_bad_input_exits_1_with_one_line_and_writes_nothing(
    kyodo: Run, args: list[str], message: str
) -> None:
    code, out, err = kyodo("orgs", "add", "--name", "誤り確認の会", *args)
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert "Traceback" not in err
    assert kyodo("orgs", "search", "")[1] == ""
    assert kyodo("audit")[1] == ""


def test_duplicate_needs_allow_duplicate(kyodo: Run) -> None:
    _add(kyodo, "--name", "特定非営利活動法人 ひまわり")
    code, _, err = kyodo("orgs", "add", "--name", "ひまわり（特非）")
    assert code == 1 and "既に登録されている可能性" in err
    _add(kyodo, "--name", "ひまわり（特非）", "--allow-duplicate")
    assert len(kyodo("orgs", "search", "ひまわり")[1].splitlines()) == 2


def test_delete_restore_and_audit(kyodo: Run) -> None:
    org_id = _add(kyodo, "--name", "いちょうの会")
    assert kyodo("orgs", "delete", org_id)[0] == 0
    assert kyodo("orgs", "search", "いちょう")[1] == ""
    assert org_id in kyodo("orgs", "search", "いちょう", "--trash")[1]
    code, _, err = kyodo("orgs", "delete", org_id)
    assert code == 1 and "ゴミ箱" in err
    assert kyodo("orgs", "restore", org_id)[0] == 0
    code, out, _ = kyodo("audit", "--record", org_id)
    rows = [line.split("\t") for line in out.splitlines()]
    assert [r[3] for r in rows] == ["create", "delete", "restore"]
    assert all(r[2] == "テスト職員" and r[1].endswith("+00:00") for r in rows)


def test_reading_a_folder_without_data_is_an_error_and_creates_nothing(kyodo: Run, data_dir: Path) -> None:
    for args in (("orgs", "search", ""), ("audit",), ("export-xlsx", str(data_dir.parent / "x.xlsx"))):
        code, out, err = kyodo(*args)
        assert (code, out) == (1, "") and "データファイルがありません" in err
    assert not (data_dir / "kyodo.db").exists()


def test_unknown_id_is_exit_1(kyodo: Run) -> None:
    _add(kyodo, "--name", "存在する会")
    code, out, err = kyodo("orgs", "show", "nope")
    assert (code, out) == (1, "") and "見つかりません" in err


def test_wrong_usage_is_exit_2(kyodo: Run) -> None:
    assert kyodo("orgs")[0] == 2
    assert kyodo("frobnicate")[0] == 2
    assert kyodo("demo", "--orgs", "many")[0] == 2


def test_backup_check_restore(kyodo: Run, data_dir: Path) -> None:
    _add(kyodo, "--name", "バックアップの会")
    code, out, _ = kyodo("backup")
    backup_path = Path(out.strip().splitlines()[-1])
    assert code == 0 and backup_path.is_file() and backup_path.parent == data_dir / "backups"
    _add(kyodo, "--name", "後から足した会")
    assert kyodo("check")[:2] == (0, "ok\n")
    code, out, _ = kyodo("restore", str(backup_path))
    assert code == 0
    names = [line.split("\t")[1] for line in kyodo("orgs", "search", "")[1].splitlines()]
    assert names == ["バックアップの会"]
    code, _, err = kyodo("restore", str(data_dir / "nope.db"))
    assert code == 1 and "見つかりません" in err


def test_check_fails_on_a_damaged_file(kyodo: Run, data_dir: Path, corrupt: Callable[[Path], None]) -> None:
    kyodo("demo", "--orgs", "300")
    corrupt(data_dir / "kyodo.db")
    code, out, _ = kyodo("check")
    assert code == 1 and out.strip() and out.strip() != "ok"
    code, _, err = kyodo("orgs", "search", "")
    assert code == 1 and "破損" in err


def test_export_xlsx_writes_one_row_per_live_organization(kyodo: Run, tmp_path: Path) -> None:
    kyodo("demo", "--orgs", "50")
    gone = _add(kyodo, "--name", '=HYPERLINK("http://x")の会')
    kyodo("orgs", "delete", gone)
    out = tmp_path / "団体一覧.xlsx"
    code, _, err = kyodo("export-xlsx", str(out))
    assert code == 0, err
    wb = openpyxl.load_workbook(out, read_only=True)
    rows = list(wb["団体一覧"].iter_rows(values_only=True))
    wb.close()  # a read-only workbook keeps its file open until closed
    assert rows[0][0] == "団体名"
    assert len(rows) == 51
    assert gone not in {r[-1] for r in rows}


def test_officer_setting_names_the_audit_rows(kyodo: Run) -> None:
    assert kyodo("officer", "山田 太郎", "--section", "県民生活課")[1].strip() == "山田 太郎（県民生活課）"
    org_id = _add(kyodo, "--name", "職員確認の会")
    assert kyodo("audit", "--record", org_id)[1].split("\t")[2] == "山田 太郎"


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kyodo_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_reads_work_while_another_process_holds_the_lock_but_writes_do_not(
    data_dir: Path, tmp_path: Path
) -> None:
    assert _cli(data_dir, "demo", "--orgs", "20").returncode == 0
    with DataFolderLock(data_dir):
        assert _cli(data_dir, "orgs", "search", "").stdout.count("\n") == 20
        first_id = _cli(data_dir, "orgs", "search", "").stdout.split("\t")[0]
        assert _cli(data_dir, "orgs", "show", first_id).returncode == 0
        assert _cli(data_dir, "audit").returncode == 0
        assert _cli(data_dir, "check").stdout == "ok\n"
        assert _cli(data_dir, "backup").returncode == 0
        assert _cli(data_dir, "export-xlsx", str(tmp_path / "x.xlsx")).returncode == 0
        denied = _cli(data_dir, "orgs", "add", "--name", "書けない会")
        assert denied.returncode == 1
        assert "使用中" in denied.stderr and "Traceback" not in denied.stderr
        assert len(denied.stderr.strip().splitlines()) == 1
    assert _cli(data_dir, "orgs", "add", "--name", "書ける会").returncode == 0


def test_a_busy_data_file_is_a_clear_one_line_error(
    kyodo: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from kyodo_desktop.persistence import sqlite_file

    _add(kyodo, "--name", "混雑の会")
    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(data_dir / "kyodo.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # e.g. a backup on a slow shared drive
    try:
        for args in (("orgs", "add", "--name", "待たされる会"), ("check",)):
            code, _, err = kyodo(*args)
            assert code == 1
            assert "使用中" in err and "破損" not in err and "Traceback" not in err
            assert len(err.strip().splitlines()) == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert kyodo("check")[:2] == (0, "ok\n")


def test_duplicates_merge_and_unmerge(kyodo: Run) -> None:
    a = _add(kyodo, "--name", "NPO法人 ひまわり", "--phone", "043-223-1111")
    b = _add(kyodo, "--name", "ひまわり（特非）", "--email", "h@example.jp", "--allow-duplicate")
    code, out, _ = kyodo("orgs", "duplicates")
    assert code == 0
    first, second, *_names, reasons = out.strip().split("\t")
    assert {first, second} == {a, b} and "名称が同じ" in reasons
    assert kyodo("orgs", "merge", a, b)[0] == 0
    assert kyodo("orgs", "search", "")[1].splitlines() == [f"{a}\tNPO法人 ひまわり"]
    assert "h@example.jp" in kyodo("orgs", "show", a)[1]
    assert [line.split("\t")[3] for line in kyodo("audit", "--record", b)[1].splitlines()][-1] == "merged"
    code, _, err = kyodo("orgs", "merge", a, b)
    assert code == 1 and "統合されています" in err
    assert kyodo("orgs", "unmerge", b)[0] == 0
    assert len(kyodo("orgs", "search", "")[1].splitlines()) == 2
    assert "h@example.jp" not in kyodo("orgs", "show", a)[1]
