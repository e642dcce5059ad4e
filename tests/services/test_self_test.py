"""The self-test reports what the program runs on and fails when something is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyodo_desktop import resources
from kyodo_desktop.cli import main
from kyodo_desktop.services import self_test


def test_self_test_passes_here_and_names_every_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "self-test"]) == 0
    out = capsys.readouterr().out
    for label in (
        "Python",
        "Qt",
        "SQLite",
        "PRAGMA journal_mode: delete",
        "defusedxml",
        "XML エンティティ展開: 拒否します",
        "データフォルダ",
        "書き込み",
        "ポータブルモード: オフ",
    ):
        assert label in out, label
    assert out.strip().endswith("self-test: ok")


def test_self_test_fails_when_a_resource_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(resources, "REQUIRED", ("icons/missing.png",))
    assert main(["--data-dir", str(tmp_path), "self-test"]) == 1
    assert "NG  リソース" in capsys.readouterr().out


def test_self_test_fails_when_entities_would_expand(monkeypatch: pytest.MonkeyPatch) -> None:
    from xml.etree.ElementTree import iterparse as unsafe_iterparse

    import openpyxl.xml.functions as functions

    monkeypatch.setattr(functions, "iterparse", unsafe_iterparse)  # as without defusedxml
    check = self_test._entity_expansion_refused()
    assert not check.ok


def test_self_test_flags_a_foreign_data_file(tmp_path: Path) -> None:
    (tmp_path / "kyodo.db").write_text("not a database", encoding="utf-8")
    checks = {c.label: c for c in self_test.run(tmp_path, "option")}
    assert not checks["データファイル"].ok
