"""What the partner's evaluation form and its reader share: sheet names, keys, areas, digests.

The form (:mod:`kyodo_desktop.services.evaluation_form`) is written once and read back
(:mod:`kyodo_desktop.services.evaluation_form_read`) from what it says about itself, kept on a
"very hidden" sheet (:data:`ID_SHEET`, two columns: key and value):

* who it is for: :data:`MARKER` and :data:`FORMAT_VERSION`, the form's id, the project, the
  template (id, key, version), the side, the 年度 and the phase;
* where the answers are: ``input:<name>`` → a cell address of the form sheet, for every cell
  the partner may fill (``score:<item key>``, ``comment:<item key>``, ``target:<n>`` — the n-th
  target of the project, from 0 — and the names in :data:`SINGLE_INPUTS`);
* what must not change: the form is cut into areas (``area:<name>`` → ``sheet!first:last``
  rows, columns A–D); ``digest:<name>`` is the SHA-256 of the texts of the area's cells that are
  not inputs. Every other cell of a sheet falls in its :func:`outside_area` (expected empty).
  ``digest`` at the end is the SHA-256 of every row above it, so the identification itself
  cannot be edited unnoticed either.

Sheet protection is a guard against accidents, not security: anyone can recompute a digest.
It tells an officer that a returned form is the one sent and says which part was changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping, Sequence

from kyodo_desktop.domain.evaluation import Template, TemplateItem
from kyodo_desktop.domain.evaluation_terms import EvaluatorSide, ScaleKind

__all__ = [
    "FORMAT_VERSION",
    "FORM_SHEET",
    "GUIDE_SHEET",
    "IDENTITY_KEYS",
    "ID_SHEET",
    "LAST_COLUMN",
    "MARKER",
    "PARTNER_SIDES",
    "SINGLE_INPUTS",
    "Area",
    "area_of",
    "cells_digest",
    "digests_by_area",
    "identity_digest",
    "outside_area",
    "score_choices",
    "score_hint",
]

FORM_SHEET = "評価シート"
GUIDE_SHEET = "記入のしかた"
ID_SHEET = "kyodo_form_id"
MARKER = "kyodo-desktop/partner-evaluation-form"
FORMAT_VERSION = "1"
#: The sides a partner's form is made for (行政 enters its evaluation in the program).
PARTNER_SIDES: tuple[str, ...] = (EvaluatorSide.ORGANIZATION.value, EvaluatorSide.THIRD_PARTY.value)
#: Identification keys, in the order they are written; every one must be present.
IDENTITY_KEYS: tuple[str, ...] = (
    "marker",
    "format_version",
    "form_id",
    "project_id",
    "template_id",
    "template_key",
    "template_version",
    "side",
    "fiscal_year",
    "phase",
)
#: The inputs a form has once (the 総合評価 only when the template has choices).
SINGLE_INPUTS: tuple[str, ...] = ("overall_grade", "overall_comment", "evaluator_name", "evaluated_on")
#: Areas span columns A to D of their rows; anything further right is outside them.
LAST_COLUMN = 4


@dataclasses.dataclass(frozen=True, slots=True)
class Area:
    """Rows ``first``..``last`` (columns A–D) of ``sheet`` that must read back as written."""

    name: str
    sheet: str
    first: int
    last: int

    @property
    def spec(self) -> str:
        """How the area is written on the identification sheet: ``sheet!first:last``."""
        return f"{self.sheet}!{self.first}:{self.last}"

    @property
    def where(self) -> str:
        """The area as a person finds it: 「評価シート」A3:D10."""
        return f"「{self.sheet}」A{self.first}:D{self.last}"

    @classmethod
    def parse(cls, name: str, spec: str) -> Area:
        """The area written as :attr:`spec` (ValueError when it is not one)."""
        sheet, _, rows = spec.rpartition("!")
        first, _, last = rows.partition(":")
        area = cls(name, sheet, int(first), int(last))
        if not sheet or area.first < 1 or area.last < area.first:
            raise ValueError(spec)
        return area


def outside_area(sheet: str) -> str:
    """The name of the cells of ``sheet`` outside every area (all expected empty)."""
    return f"「{sheet}」の記入欄以外"


def area_of(areas: Sequence[Area], sheet: str, row: int, column: int) -> str:
    """The name of the area holding a cell (:func:`outside_area` when none does)."""
    if column <= LAST_COLUMN:
        for area in areas:
            if area.sheet == sheet and area.first <= row <= area.last:
                return area.name
    return outside_area(sheet)


def cells_digest(cells: Iterable[tuple[int, int, str]]) -> str:
    """SHA-256 over ``(row, column, text)`` cells, whatever their order; blanks are skipped."""
    lines = sorted(f"{row}\t{column}\t{text}" for row, column, text in cells if text != "")
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def identity_digest(rows: Iterable[tuple[str, str]]) -> str:
    """SHA-256 over the identification rows (key, value) in their order."""
    text = "\n".join(f"{key}\t{value}" for key, value in rows)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def score_choices(template: Template, item: TemplateItem) -> tuple[str, ...]:
    """The drop-down entries of a level item, ``"5 想定をはるかに上回った"`` highest first.

    Each entry starts with the score and a space, so the reader takes the number before the
    words; a points item has none (a whole number 0..maximum is typed instead).
    """
    return tuple(f"{value} {word}" for value, word in template.item_labels(item))


def score_hint(template: Template, item: TemplateItem) -> str:
    """What the score cell expects, for the problem lines and the form's header."""
    if template.scale.kind is ScaleKind.POINTS:
        return f"0〜{template.item_maximum(item)}点の整数"
    values = [value for value, _ in template.item_labels(item)]
    return f"{min(values)}〜{max(values)}（一覧から選択）"


def digests_by_area(
    areas: Sequence[Area],
    sheets_cells: Mapping[str, Iterable[tuple[int, int, str]]],
    inputs: set[tuple[str, int, int]],
) -> dict[str, str]:
    """Each area's digest (and each sheet's outside area's) over the cells that are not inputs."""
    grouped: dict[str, list[tuple[int, int, str]]] = {area.name: [] for area in areas}
    for sheet in sheets_cells:
        grouped.setdefault(outside_area(sheet), [])
    for sheet, cells in sheets_cells.items():
        for row, column, text in cells:
            if (sheet, row, column) in inputs or text == "":
                continue
            grouped.setdefault(area_of(areas, sheet, row, column), []).append((row, column, text))
    return {name: cells_digest(cells) for name, cells in grouped.items()}
