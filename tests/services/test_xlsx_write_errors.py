"""A workbook that cannot be written says why: a full disk is not blamed on Excel."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from kyodo_desktop.domain.importing import ImportRow
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import export_xlsx
from kyodo_desktop.services.export_xlsx import export_organizations
from kyodo_desktop.services.import_summary import write_import_summary
from kyodo_desktop.services.importing import plan_import
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

FULL = "ディスクの空き容量が足りません"
EXCEL = "Excelで開いている場合は閉じてから"


class _WindowsError(OSError):
    """What Windows raises when Excel holds the file: a sharing or lock violation."""

    def __init__(self, winerror: int) -> None:
        super().__init__(errno.EINVAL, "The process cannot access the file")
        self.winerror = winerror


def _fail_rename(monkeypatch: pytest.MonkeyPatch, exc: OSError) -> None:
    def refuse(src: object, dst: object) -> None:
        raise exc

    monkeypatch.setattr(export_xlsx.os, "replace", refuse)


def _export(ws: Workspace, out: Path) -> str:
    OrganizationService(ws).create(OrganizationInput(name="書き出し確認の会"))
    with pytest.raises(KnownError) as err:
        export_organizations(ws, out)
    return str(err.value)


def _summary(ws: Workspace, out: Path) -> str:
    row = ImportRow(2, validate_organization(OrganizationInput(name="取り込み確認の会")), sheet="名簿")
    plan = plan_import(ws, [row], source_name="名簿.xlsx")
    with pytest.raises(KnownError) as err:
        write_import_summary(plan, out)
    return str(err.value)


WRITERS = {"export": _export, "summary": _summary}
FULL_CODES = [errno.ENOSPC, errno.EDQUOT]
HELD_CODES = [errno.EACCES, errno.EPERM, errno.EBUSY]


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("code", FULL_CODES, ids=lambda c: errno.errorcode[c])
def test_a_full_disk_or_quota_says_so_and_does_not_mention_excel(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: str, code: int
) -> None:
    out = tmp_path / "out.xlsx"
    _fail_rename(monkeypatch, OSError(code, os.strerror(code)))
    message = WRITERS[writer](ws, out)
    assert FULL in message and "空きを作ってから" in message
    assert "Excel" not in message.replace("Excelファイル", "")  # only the file's kind, no advice
    assert str(out) in message
    assert not out.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("code", HELD_CODES, ids=lambda c: errno.errorcode[c])
def test_a_refused_or_busy_target_suggests_closing_excel(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: str, code: int
) -> None:
    _fail_rename(monkeypatch, OSError(code, os.strerror(code)))
    message = WRITERS[writer](ws, tmp_path / "out.xlsx")
    assert EXCEL in message and os.strerror(code) in message and FULL not in message


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("winerror", [32, 33])
def test_a_windows_sharing_violation_suggests_closing_excel(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: str, winerror: int
) -> None:
    _fail_rename(monkeypatch, _WindowsError(winerror))
    assert EXCEL in WRITERS[writer](ws, tmp_path / "out.xlsx")


@pytest.mark.parametrize("writer", WRITERS)
def test_another_failure_keeps_the_reason_without_either_advice(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: str
) -> None:
    _fail_rename(monkeypatch, OSError(errno.EIO, os.strerror(errno.EIO)))
    message = WRITERS[writer](ws, tmp_path / "out.xlsx")
    assert os.strerror(errno.EIO) in message and EXCEL not in message and FULL not in message


def test_a_full_disk_while_the_sheet_is_written_says_so(ws: Workspace, tmp_path: Path) -> None:
    def write(fh: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(KnownError) as err:
        export_xlsx.write_xlsx_atomically(
            tmp_path / "out.xlsx", write, place="書き出し先", failure="書き出せません", retry="もう一度"
        )
    assert FULL in str(err.value) and EXCEL not in str(err.value)
