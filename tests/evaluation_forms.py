"""A project, the partner's forms of it, and a partner filling one in with openpyxl.

The partner fills only what a person would: the cells beside the labels they read (an item's
text, 記入者名, 記入日 …), each checked to be unlocked before it is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from kyodo_desktop.domain.evaluation import Template
from kyodo_desktop.domain.evaluation_templates import BUILTIN_TEMPLATES
from kyodo_desktop.domain.project import ProjectInput, TargetInput
from kyodo_desktop.services.evaluation_form import write_partner_form
from kyodo_desktop.services.evaluation_form_layout import FORM_SHEET
from kyodo_desktop.services.project_records import PartnerRecord, ProjectRecord

PROJECT_ID = "3f0c6a4e-1111-4222-8333-444455556666"
TITLE = "公園の花壇づくり"
TEMPLATES = {f"tpl-{t.key}": t for t in BUILTIN_TEMPLATES}


def project(title: str = TITLE, targets: int = 2) -> ProjectRecord:
    """A 令和6年度 project of 市民協働課 with みどりの会 as its partner and ``targets`` targets."""
    data = ProjectInput(
        title=title,
        fiscal_year=2024,
        section="市民協働課",
        targets=[
            TargetInput("花壇の数", "10か所", date(2025, 3, 31)),
            TargetInput("参加者数", "延べ200人"),
        ][:targets],
        period_start=date(2024, 4, 1),
        period_end=date(2025, 3, 31),
    )
    partner = PartnerRecord("org-1", "みどりの会", "7000012050002", "主たるパートナー")
    return ProjectRecord(PROJECT_ID, 1, data, "評価", [partner], [], [], False, 0, None, "", "", None)


def template_id(template: Template) -> str:
    return f"tpl-{template.key}"


def export(
    path: Path, template: Template, *, side: str = "団体", rec: ProjectRecord | None = None, **kwargs: Any
) -> str:
    """Write the form of ``template`` to ``path``; returns its form id."""
    form_id = str(uuid.uuid4())
    write_partner_form(
        path,
        project=rec or project(),
        template=template,
        template_id=template_id(template),
        side=side,
        fiscal_year=2024,
        phase="最終",
        form_id=form_id,
        **kwargs,
    )
    return form_id


def _unlocked(cell: Any) -> Any:
    assert cell.protection.locked is False, f"{cell.coordinate} is locked"
    return cell


def item_row(ws: Any, text: str) -> int:
    """The row whose item text (column B) starts with ``text``."""
    for row in range(1, ws.max_row + 1):
        value = ws.cell(row=row, column=2).value
        if isinstance(value, str) and value.startswith(text):
            return row
    raise AssertionError(f"no item {text}")


def labelled(ws: Any, label: str) -> Any:
    """The input cell beside ``label`` (column A) — the row whose B cell is unlocked."""
    for row in range(1, ws.max_row + 1):
        if (
            ws.cell(row=row, column=1).value == label
            and ws.cell(row=row, column=2).protection.locked is False
        ):
            return ws.cell(row=row, column=2)
    raise AssertionError(f"no input {label}")


def fill(
    path: Path,
    template: Template,
    *,
    scores: dict[str, object],
    comments: dict[str, str] | None = None,
    results: Sequence[str] = (),
    name: object = "佐藤 花子",
    on: object = "令和7年3月10日",
    grade: str | None = None,
    overall: str = "",
) -> None:
    """Fill the form at ``path`` as a partner would and save it."""
    wb = openpyxl.load_workbook(path)
    ws = wb[FORM_SHEET]
    for key, value in scores.items():
        row = item_row(ws, template.item(key).text)
        _unlocked(ws.cell(row=row, column=3)).value = value
    for key, text in (comments or {}).items():
        row = item_row(ws, template.item(key).text)
        _unlocked(ws.cell(row=row, column=4)).value = text
    for n, text in enumerate(results):
        target = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == n + 1)
        _unlocked(ws.cell(row=target, column=3)).value = text
    labelled(ws, "記入者名").value = name
    labelled(ws, "記入日").value = on
    if grade is not None:
        labelled(ws, "総合評価").value = grade
    if overall:
        labelled(ws, "総合的なコメント").value = overall
    wb.save(path)
