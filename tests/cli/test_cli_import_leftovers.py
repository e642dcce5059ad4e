"""``kyodo import``: a portal CSV row without its invalid values, an update with nothing ticked,
and a 名称及び住所 cell next to a mapped 住所 column — each checked in the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from kyodo_desktop.cli import main
from kyodo_desktop.services.workspace import Workspace

from ..leftover_files import BAD_NUMBER, portal_csv


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _orgs(data_dir: Path, *columns: str) -> dict[str, tuple[object, ...]]:
    with Workspace.open(data_dir, write=False) as ws, ws.engine.connect() as c:
        rows = c.execute(text(f"SELECT name, {', '.join(columns)} FROM organizations ORDER BY name"))
        return {r[0]: tuple(r[1:]) for r in rows}


class TestPortalDropInvalid:
    def test_without_it_the_row_is_an_error(
        self, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = portal_csv(tmp_path / "000_AdministrativeInputData.csv")
        code, out, _err = _run(data_dir, capsys, "import", str(source), "--valid-only")
        assert code == 0
        assert "エラー 1" in out
        assert "特定非営利活動法人番号違いの会" not in _orgs(data_dir, "corporate_number")

    def test_the_row_is_imported_without_the_bad_number_listed_with_its_row(
        self, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = portal_csv(tmp_path / "000_AdministrativeInputData.csv")
        code, out, err = _run(data_dir, capsys, "import", str(source), "--drop-invalid")
        assert code == 0, err
        lines = out.splitlines()
        dropped = [line for line in lines if line.startswith("3\t\t法人番号\t")]
        assert len(dropped) == 1 and BAD_NUMBER in dropped[0]
        assert dropped[0].endswith("この値を取り込まずに登録します")
        assert "新規 2" in out and "エラー 0" in out
        orgs = _orgs(data_dir, "corporate_number", "municipality_name", "legal_form")
        assert orgs["特定非営利活動法人番号違いの会"] == ("", "船橋市", "特定非営利活動法人")
        assert orgs["特定非営利活動法人正しい番号の会"][1] == "柏市"
