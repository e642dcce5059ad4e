"""``kyodo orgs not-duplicate ID_A ID_B [--undo]``: a pair judged different is no candidate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kyodo_desktop.cli import main


def _kyodo(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_not_duplicate_hides_the_pair_is_audited_and_undone(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    ids = []
    for phone in ("043-223-1111", "043-223-2222"):
        code, out, err = _kyodo(
            capsys, data_dir, "orgs", "add", "--name", "ひまわりの会", "--phone", phone, "--allow-duplicate"
        )
        assert code == 0, err
        ids.append(out.strip().splitlines()[-1])
    a, b = ids
    code, out, _ = _kyodo(capsys, data_dir, "orgs", "duplicates", "--json")
    (pair,) = json.loads(out)
    assert {pair["first_id"], pair["second_id"]} == {a, b} and pair["score"] > 0
    assert {pair["first"]["phone"], pair["second"]["phone"]} == {"043-223-1111", "043-223-2222"}

    code, out, _ = _kyodo(capsys, data_dir, "orgs", "not-duplicate", a, b)
    assert code == 0 and "重複ではない" in out and f"not-duplicate {a} {b} --undo" in out
    assert _kyodo(capsys, data_dir, "orgs", "duplicates")[1] == ""
    assert "既に" in _kyodo(capsys, data_dir, "orgs", "not-duplicate", b, a)[1]
    actions = [
        line.split("\t")[3] for line in _kyodo(capsys, data_dir, "audit", "--record", b)[1].splitlines()
    ]
    assert actions[-1] == "not_duplicate"

    code, out, _ = _kyodo(capsys, data_dir, "orgs", "not-duplicate", a, b, "--undo")
    assert code == 0 and "取り消しました" in out
    first, second, *_ = _kyodo(capsys, data_dir, "orgs", "duplicates")[1].split("\t")
    assert {first, second} == {a, b}
    code, _, err = _kyodo(capsys, data_dir, "orgs", "not-duplicate", a, b, "--undo")
    assert code == 1 and "記録されていません" in err
