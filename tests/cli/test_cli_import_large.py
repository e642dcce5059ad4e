"""Large imports: 10,000-row workbook with bad rows, and a kill in the middle of the write."""

from __future__ import annotations

import csv
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from kyodo_desktop.cli import main

BAD_KINDS = {
    0: ("電話番号", "12-34"),
    1: ("メール", "not-an-address"),
    2: ("郵便番号", "123"),
    3: ("法人番号", "1234567890123"),
    4: ("団体名", ""),
}


def _good(n: int) -> list[str]:
    return [
        f"大量取込の会{n:05d}",
        f"タイリョウトリコミノカイ{n:05d}",
        f"043-{200 + n // 10000:03d}-{n % 10000:04d}",
        "",
        "",
        "",
        "柏市",
    ]


def test_ten_thousand_rows_with_bad_ones(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headers = ["団体名", "フリガナ", "電話番号", "メール", "郵便番号", "法人番号", "市町村"]
    wb = openpyxl.Workbook(write_only=True)
    sheet = wb.create_sheet("名簿")
    sheet.append(headers)
    bad_rows: dict[int, str] = {}
    for n in range(10_000):
        cells = _good(n)
        if n % 97 == 5:  # 104 bad rows of five kinds
            column, value = BAD_KINDS[(n // 97) % 5]
            cells[headers.index(column)] = value
            bad_rows[n + 2] = column  # header is row 1
        sheet.append(cells)
    path = tmp_path / "名簿.xlsx"
    wb.save(path)
    assert len(bad_rows) > 100
    args = ["--data-dir", str(data_dir)]
    assert main([*args, "orgs", "add", "--name", "既存の会"]) == 0
    capsys.readouterr()

    assert main([*args, "import", str(path)]) == 1
    out, err = capsys.readouterr()
    reported = {
        int(line.split("\t")[0]): line.split("\t")[2] for line in out.splitlines() if line[:1].isdigit()
    }
    assert reported == bad_rows  # every bad row, with its own row number and column
    assert "エラーのある行が 104 行" in err
    assert main([*args, "orgs", "search", ""]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1  # nothing was written

    assert main([*args, "import", str(path), "--valid-only"]) == 0
    assert f"新規 {10_000 - len(bad_rows):,} 件" in capsys.readouterr().out
    assert main([*args, "orgs", "search", "大量取込"]) == 0
    names = {line.split("\t")[1] for line in capsys.readouterr().out.splitlines()}
    assert names == {f"大量取込の会{n - 2:05d}" for n in range(2, 10_002) if n not in bad_rows}


def test_killing_a_large_import_leaves_all_or_nothing(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["団体名", "フリガナ", "電話番号", "メール", "郵便番号", "法人番号", "市町村"])
        for n in range(40_000):
            writer.writerow(_good(n))
    cli = [sys.executable, "-m", "kyodo_desktop.cli", "--data-dir", str(data_dir)]
    subprocess.run([*cli, "orgs", "add", "--name", "既存の会"], check=True, capture_output=True)
    proc = subprocess.Popen([*cli, "import", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    journal = data_dir / "kyodo.db-journal"
    while time.monotonic() < deadline and proc.poll() is None:
        if list((data_dir / "backups").glob("*-pre-import.db")) and journal.exists():
            break  # the write transaction is under way
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    check = subprocess.run([*cli, "check"], capture_output=True, text=True, timeout=60)
    assert check.stdout.strip() == "ok", check.stdout + check.stderr
    with sqlite3.connect(data_dir / "kyodo.db") as conn:
        count = conn.execute("SELECT count(*) FROM organizations").fetchone()[0]
        audits = conn.execute("SELECT count(*) FROM audit_log WHERE context LIKE 'import%'").fetchone()[0]
    assert count in (1, 40_001)
    assert audits == count - 1
