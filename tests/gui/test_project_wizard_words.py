"""The project wizard's words: the manual's lines it quotes, and the role rows it starts with."""

from __future__ import annotations

import re
from pathlib import Path

from kyodo_desktop.domain.project_terms import COLLABORATION_POINTS, DEFAULT_ROLE_TASKS, ProjectForm, RoleSide
from kyodo_desktop.gui.projects.wizard.manual import POINT_QUOTES, STEP_QUOTES
from kyodo_desktop.gui.projects.wizard.role_defaults import default_roles
from kyodo_desktop.gui.projects.wizard.state import PAGE_NEEDS, PAGE_SUMMARY

# The Chiba manual (千葉県協働推進マニュアル) as text, copied verbatim.
MANUAL = (Path(__file__).parent / "data" / "chiba_manual.txt").read_text(encoding="utf-8")


def _plain(text: str) -> str:
    return "".join(re.sub(r"<[^>]+>", "", text).split())


def test_every_step_quotes_the_manual() -> None:
    manual = _plain(MANUAL)
    assert sorted(STEP_QUOTES) == list(range(PAGE_NEEDS, PAGE_SUMMARY + 1))
    for quote in STEP_QUOTES.values():
        assert _plain(quote) in manual, quote


def test_every_point_has_the_manuals_advice() -> None:
    manual = _plain(MANUAL)
    assert set(POINT_QUOTES) == set(COLLABORATION_POINTS)
    for quote in POINT_QUOTES.values():
        assert _plain(quote) in manual, quote


def test_default_roles_per_form() -> None:
    commission = default_roles(ProjectForm.COMMISSION.value)
    assert [r.task for r in commission] == list(DEFAULT_ROLE_TASKS)
    sides = {r.task: r.side for r in commission}
    assert (
        sides["経費負担"] == RoleSide.ADMINISTRATION.value
        and sides["当日運営"] == RoleSide.ORGANIZATION.value
    )
    assert {r.side for r in default_roles(ProjectForm.COMMITTEE.value)} == {RoleSide.JOINT.value}
    assert [r.task for r in default_roles(ProjectForm.INFORMATION.value)] == ["広報", "評価"]
    for form in ("", "その他", "not a form"):
        rows = default_roles(form)
        assert [r.task for r in rows] == list(DEFAULT_ROLE_TASKS)
        assert {r.side for r in rows} == {RoleSide.JOINT.value}
    for form in ProjectForm:
        assert default_roles(form.value), form
