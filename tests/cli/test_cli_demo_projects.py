"""``kyodo demo --projects M``: projects over five 年度 beside (or after) the demo organizations."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyodo_desktop.cli import main


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_projects_after_organizations_and_on_their_own(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(data_dir, capsys, "demo", "--orgs", "120", "--projects", "60")
    assert code == 0, err
    assert out.splitlines() == [
        "デモ団体を 120 件作成しました。",
        "デモ事業を 60 件作成しました（職員の追加 11 人）。",
    ]
    code, out, _ = _run(data_dir, capsys, "demo", "--projects", "15", "--seed", "2")
    assert code == 0 and out == "デモ事業を 15 件作成しました（職員の追加 0 人）。\n"
    code, out, _ = _run(data_dir, capsys, "projects", "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 75
    assert len({line.split("\t")[1] for line in lines}) == 5  # five 年度
    code, out, _ = _run(data_dir, capsys, "officers", "list")
    assert len(out.splitlines()) == 11 and "\t子ども家庭課" in out


def test_demo_needs_a_count_and_projects_need_organizations(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(data_dir, capsys, "demo")
    assert code == 2 and "--orgs か --projects" in err
    assert _run(data_dir, capsys, "demo", "--projects", "-1")[0] == 2
    code, _, err = _run(data_dir, capsys, "demo", "--projects", "5")
    assert code == 1 and "活動中の団体がありません" in err


def test_demo_organizations_alone_add_officers_and_handovers(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(data_dir, capsys, "demo", "--orgs", "80", "--seed", "3")
    assert code == 0, err
    assert out.splitlines() == [
        "デモ団体を 80 件作成しました。",
        "デモの職員と引継ぎを作成しました（職員の追加 11 人、署名済みの引継書 2 件）。",
    ]
    code, out, _ = _run(data_dir, capsys, "officers", "list")
    assert code == 0 and len(out.splitlines()) == 11
    code, out, _ = _run(data_dir, capsys, "handover", "pending")
    pending = out.splitlines()
    assert code == 0 and pending and all(len(line.split("\t")) == 4 for line in pending)
