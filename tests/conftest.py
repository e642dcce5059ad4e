"""Shared fixtures: a fresh data folder, an opened workspace and the registry service."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


@pytest.fixture(autouse=True)
def _officer_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs as a known officer and never on the user's real data folder."""
    monkeypatch.setenv("KYODO_OFFICER", "テスト職員")
    monkeypatch.delenv("KYODO_DATA_DIR", raising=False)


def corrupt_pages(path: Path) -> None:
    """Overwrite the middle of every page after the first, so quick_check fails."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        for offset in range(4096, size, 4096):
            fh.seek(offset + 8)
            fh.write(b"\xff" * 64)


@pytest.fixture
def corrupt() -> Callable[[Path], None]:
    """Damage a data file the way a failing disk would (see :func:`corrupt_pages`)."""
    return corrupt_pages


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ws(data_dir: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(data_dir, write=True)
    yield workspace
    workspace.close()


@pytest.fixture
def svc(ws: Workspace) -> OrganizationService:
    return OrganizationService(ws)


@pytest.fixture
def refuse_writes(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """``refuse_writes(folder, code=EROFS)``: ``os.open`` refuses to write in ``folder`` and below.

    Tests run as root, whom ``chmod`` does not stop; this is how a read-only drive or a folder
    without write permission answers.
    """
    real_open = os.open

    def refuse(folder: Path, code: int = errno.EROFS) -> None:
        def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            target = Path(os.fsdecode(path))
            if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and folder in target.parents:
                raise OSError(code, os.strerror(code), str(target))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", fake_open)

    return refuse


@pytest.fixture
def read_only_mount() -> Iterator[Callable[[Path], None]]:
    """``mount(folder)`` lays a read-only bind of ``folder`` over itself; skips where not allowed."""
    mounted: list[Path] = []

    def run(*args: str) -> bool:
        try:
            return subprocess.run(args, capture_output=True, timeout=10, check=False).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            return False

    def mount(folder: Path) -> None:
        if os.name == "nt" or not run("mount", "--bind", str(folder), str(folder)):
            pytest.skip("cannot mount here (not root, or no mount privilege)")
        mounted.append(folder)
        if not run("mount", "-o", "remount,bind,ro", str(folder)):
            pytest.skip("cannot remount read-only here")

    yield mount
    for folder in reversed(mounted):
        run("umount", str(folder))


def write_government_list(path: Path) -> Path:
    """A synthetic government list with every quirk of issue 10's lists (two sheets).

    契約一覧: a title and a note above a two-row header (契約の相手方 merged over 商号又は名称 and 住所,
    the other headings merged over both rows), 法人格 only in the names, 和暦 dates with notes and
    an Excel date cell. 補助金: a title, 補助金交付先名（名称及び住所） cells holding the address after
    a line break or a space, 代表者名 and 担当者名 columns, dates as R2.4.1 and H31.4.1.
    """
    import datetime

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "契約一覧"
    ws.append(["令和6年度 公益法人との契約一覧"])
    ws.append([None, None, None, None, None, "（単位：円）"])
    ws.append(["No.", "契約の相手方", None, "法人番号", "設立年月日", "契約金額"])
    ws.append([None, "商号又は名称", "住所", None, None, None])
    ws.merge_cells("B3:C3")
    for column in "ADEF":
        ws.merge_cells(f"{column}3:{column}4")
    ws.append(
        [1, "公益財団法人みらい育成協会", "東京都千代田区霞が関1-1-1", None, "令和元年５月１０日", 1000000]
    )
    ws.append(
        [2, "NPO法人つばさの会", "千葉県千葉市中央区都町1-2-3", None, "令和2年4月1日\n（4～6月分）", 500000]
    )
    ws.append([3, "（一社）ひかり", "千葉県船橋市本町1-1", None, datetime.datetime(2021, 4, 1), 300000])
    grants = wb.create_sheet("補助金")
    grants.append(["令和6年度 補助金交付先一覧"])
    grants.append(["補助金交付先名（名称及び住所）", "交付決定日", "交付額", "代表者名", "担当者名"])
    grants.append(
        [
            "公益財団法人画像情報教育振興協会 東京都中央区銀座１丁目８番１６号",
            "R2.4.1",
            100,
            "画像 太郎",
            "担当 一",
        ]
    )
    grants.append(["社会福祉法人さくら会\n千葉県柏市柏1-1-1", "H31.4.1", 200, "桜 花子", "担当 二"])
    grants.append(
        ["一般財団法人みなと\n〒260-0001\n千葉市中央区都町2-2", "2020/4/1", 300, "港 次郎", "担当 三"]
    )
    wb.save(path)
    return path


@pytest.fixture
def government_list(tmp_path: Path) -> Path:
    """:func:`write_government_list` saved as ``公益法人一覧.xlsx``."""
    return write_government_list(tmp_path / "公益法人一覧.xlsx")
