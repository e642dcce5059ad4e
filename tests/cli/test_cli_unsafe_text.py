"""Control characters and bidi overrides: refused by ``orgs add``, never printed raw (issue 9).

Records stored before entry refused them may still hold them, so every line the CLI prints shows
them escaped (``\\x1b``, ``<U+202E>``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.cli.common import one_line, print_json, visible, write_records
from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.domain.text import UNSAFE_CHARACTERS
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

# What the terminal must never receive (ESC, DEL, C1, bidi), whatever a record holds.
_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
HOSTILE = "赤\x1b[31m字\x1b[0mの会\x7f\u202e逆\u2066\u2069\x9b\u200e"


def _kyodo(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hostile_record(ws: Workspace, svc: OrganizationService) -> str:
    org_id = svc.create(OrganizationInput(name="仮の会", notes="仮"))
    svc.add_contact(org_id, ContactInput(name="担当者"))
    svc.create(OrganizationInput(name="仮の会", phone="043-223-1111"), allow_duplicate=True)
    with sqlite_file.connection(ws.db_path) as conn:  # as an older version could have stored it
        conn.execute("UPDATE organizations SET name = ?, notes = ?", (HOSTILE, HOSTILE))
        conn.execute("UPDATE contacts SET name = ?, role = ?", (HOSTILE, "\x1b]0;title\x07"))
        conn.commit()
    return org_id


def test_search_and_show_print_them_escaped(
    capsys: pytest.CaptureFixture[str], data_dir: Path, ws: Workspace, hostile_record: str
) -> None:
    ws.close()
    code, out, err = _kyodo(capsys, data_dir, "orgs", "search", "")
    assert code == 0 and err == ""
    shown = "赤\\x1b[31m字\\x1b[0mの会\\x7f<U+202E>逆<U+2066><U+2069>\\x9b<U+200E>"
    assert f"{hostile_record}\t{shown}\n" in out and len(out.splitlines()) == 2
    code, out, _ = _kyodo(capsys, data_dir, "orgs", "show", hostile_record)
    assert code == 0 and _RAW.search(out) is None
    assert "\\x1b]0;title\\x07" in out
    code, out, _ = _kyodo(capsys, data_dir, "orgs", "show", hostile_record, "--json")
    assert code == 0 and _RAW.search(out) is None
    assert json.loads(out)["data"]["notes"] == HOSTILE
    code, out, _ = _kyodo(capsys, data_dir, "orgs", "search", "", "--json")
    assert code == 0 and _RAW.search(out) is None
    assert {"id": hostile_record, "name": HOSTILE} in json.loads(out)  # the value itself intact
    code, out, _ = _kyodo(capsys, data_dir, "orgs", "duplicates")
    assert code == 0 and _RAW.search(out) is None
    assert out.count(shown) == 2


def test_add_refuses_them_with_a_message(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, err = _kyodo(capsys, data_dir, "orgs", "add", "--name", "逆\u202e向きの会")
    assert code != 0 and out == ""
    assert "U+202E" in err and "制御文字" in err
    assert _RAW.search(err) is None
    assert _kyodo(capsys, data_dir, "orgs", "search", "")[1] == ""


def test_the_cli_escapes_at_least_what_entry_refuses() -> None:
    for code in range(0x3000):
        char = chr(code)
        if UNSAFE_CHARACTERS.match(char):
            assert visible(char) != char, hex(code)
    assert one_line("a\x1b\nb\u202e") == "a\\x1b b<U+202E>"
    assert visible("タブ\tと改行\n") == "タブ\\x09と改行\\x0a"


def test_write_records_and_json_never_write_them_raw(capsys: pytest.CaptureFixture[str]) -> None:
    write_records([("id", HOSTILE, "a\tb")])
    print_json({"name": HOSTILE, "interaction": InteractionInput.__name__})
    out = capsys.readouterr().out
    assert _RAW.search(out) is None
    first, second = out.splitlines()
    assert first.count("\t") == 2  # a tab inside a field does not make a column
    assert json.loads(second)["name"] == HOSTILE
