"""``kyodo import`` of a list with the quirks officers meet (issue 10), the database checked after."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyodo_desktop.cli import main

from ..quirky_lists import BAD_NUMBER, REGISTERED, ROUNDED, SCIENCE, stored, write_list


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def registered(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(data_dir, capsys, "officer", "確認 職員")
    code, _, err = _run(
        data_dir,
        capsys,
        "orgs",
        "add",
        "--name",
        REGISTERED["name"],
        "--municipality",
        REGISTERED["municipality"],
        "--phone",
        REGISTERED["phone"],
    )
    assert code == 0, err


@pytest.mark.usefixtures("registered")
def test_drop_invalid_keeps_apart_the_rounded_number_and_never_overwrites(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_list(tmp_path / "交付先一覧.xlsx")
    code, out, err = _run(data_dir, capsys, "import", str(source), "--drop-invalid", "--valid-only")
    assert code == 0, err
    lines = out.splitlines()
    # the rounded number: reported on both rows, naming the other one
    conflict_2 = next(line for line in lines if line.startswith("2\t交付先\t法人番号\t"))
    conflict_3 = next(line for line in lines if line.startswith("3\t交付先\t法人番号\t"))
    assert "3 行目「公益財団法人児童育成協会」" in conflict_2 and "別の団体" in conflict_2
    assert "2 行目「公益財団法人日本生産性本部」" in conflict_3
    # each dropped value on a line of its own
    assert (
        f"6\t交付先\t法人番号\t法人番号のチェックデジットが一致しません: {BAD_NUMBER}。この値を取り込まずに登録します"
        in lines
    )
    assert any(
        line.startswith("7\t交付先\t電話番号\t") and line.endswith("この値を取り込まずに登録します")
        for line in lines
    )
    assert "4 行目と同じ団体です" in out  # the facility name appended is the same foundation
    assert "新規 5、更新 1、変更なし 0、ファイル内重複 1、エラー 1" in out

    orgs = stored(data_dir)
    assert orgs["公益財団法人日本生産性本部"][0] == ROUNDED
    assert orgs["公益財団法人児童育成協会"][0] == ROUNDED
    assert orgs["公益財団法人 日本科学技術振興財団"][0] == SCIENCE
    assert "公益財団法人日本科学技術振興財団・科学技術館" not in orgs
    assert orgs["公益社団法人千葉県番号違い協会"] == ("", "043-223-1111", "")
    assert orgs["特定非営利活動法人電話違いの会"][1] == ""
    # the registered one: its name and phone kept, its blank e-mail filled
    assert orgs[REGISTERED["name"]] == ("", REGISTERED["phone"], "info@kodomo.example.jp")
    assert len(orgs) == 6


@pytest.mark.usefixtures("registered")
def test_without_drop_invalid_the_bad_values_are_errors(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_list(tmp_path / "交付先一覧.xlsx")
    code, out, _ = _run(data_dir, capsys, "import", str(source), "--dry-run")
    assert code == 1
    assert "新規 3、更新 1、変更なし 0、ファイル内重複 1、エラー 3" in out
    assert "取り込まずに登録します" not in out


@pytest.mark.usefixtures("registered")
def test_overwrite_chooses_which_stored_values_change(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_list(tmp_path / "交付先一覧.xlsx")
    code, _, err = _run(
        data_dir, capsys, "import", str(source), "--drop-invalid", "--valid-only", "--overwrite", "電話番号"
    )
    assert code == 0, err
    assert stored(data_dir)[REGISTERED["name"]] == ("", "043-223-9999", "info@kodomo.example.jp")


@pytest.mark.usefixtures("registered")
def test_overwrite_all_changes_the_name_too(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_list(tmp_path / "交付先一覧.xlsx")
    code, _, err = _run(
        data_dir, capsys, "import", str(source), "--drop-invalid", "--valid-only", "--overwrite-all"
    )
    assert code == 0, err
    orgs = stored(data_dir)
    assert REGISTERED["name"] not in orgs
    assert orgs["NPO法人 ちば子どもネット"][1] == "043-223-9999"


def test_an_unknown_overwrite_field_is_refused(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_list(tmp_path / "交付先一覧.xlsx")
    code, out, err = _run(data_dir, capsys, "import", str(source), "--overwrite", "好きな色")
    assert code != 0 and out == ""
    assert "「好きな色」はありません" in err and "電話番号" in err
    assert stored(data_dir) == {}


@pytest.mark.usefixtures("registered")
def test_the_summary_lists_the_conflicts_and_the_values_left_out(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    source = write_list(tmp_path / "交付先一覧.xlsx")
    out = tmp_path / "確認結果.xlsx"
    code, _, err = _run(
        data_dir, capsys, "import", str(source), "--drop-invalid", "--dry-run", "--summary", str(out)
    )
    assert code == 1, err  # the nameless row is still an error
    details = {
        row[0]: row for row in openpyxl.load_workbook(out)["明細"].iter_rows(min_row=2, values_only=True)
    }
    assert "2 行目「公益財団法人日本生産性本部」" in details[3][6]
    assert BAD_NUMBER in details[6][6] and "この値を取り込まずに登録します" in details[6][6]
    assert stored(data_dir).keys() == {REGISTERED["name"]}
