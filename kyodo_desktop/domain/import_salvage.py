"""A row imported without its invalid values (``kyodo import --drop-invalid``, the review's choice).

Government lists carry values that fail validation — a 法人番号 Excel rounded (its check digit
wrong), a phone cell holding a name — on rows whose organization is real. Rather than losing the
organization, the row is imported without those values; each value left out is listed with its
row. Only a row whose 団体名 is missing or invalid, or whose problem is not one value's (a cell the
reader refused), stays an error.
"""

from __future__ import annotations

import dataclasses

from kyodo_desktop.domain.column_mapping import TARGETS
from kyodo_desktop.domain.importing import ImportRow, RowProblem
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.domain.validation import ValidationErrors

__all__ = ["DROPPED_SUFFIX", "drop_invalid_values"]

#: Appended to the problem text of each value left out.
DROPPED_SUFFIX = "この値を取り込まずに登録します"

_FIELDS = frozenset(f.name for f in dataclasses.fields(OrganizationInput))
_BLANK = OrganizationInput()
#: our own record id (an exported 団体一覧 re-imported): an unreadable one is simply not used
_RECORD_ID = "record_id"


def _dropped(problem: RowProblem, draft: OrganizationInput) -> RowProblem:
    message = problem.message.rstrip("。")
    value = getattr(draft, problem.field, "") if problem.field in _FIELDS else ""
    if isinstance(value, str) and value.strip() and value not in message:
        message = f"{message}: {' '.join(value.split())}"
    return dataclasses.replace(problem, message=f"{message}。{DROPPED_SUFFIX}")


def drop_invalid_values(row: ImportRow) -> tuple[ImportRow, list[RowProblem]] | None:
    """The row without the values that failed, and one notice per value left out; None when
    the row cannot be saved that way (its 団体名, or a problem that is no one value's)."""
    draft = row.draft
    if draft is None or not row.problems:
        return None
    blanked: set[str] = set()
    for problem in row.problems:
        if problem.field == _RECORD_ID:
            continue
        if problem.field == "name" or problem.field not in _FIELDS:
            return None
        blanked.add(problem.field)
    notices = [_dropped(p, draft) for p in row.problems]
    # validation may name fields the conversion did not (市町村 settled from the address): drop
    # those too, a few rounds at most, never the name
    for _round in range(3):
        values = {f: getattr(_BLANK, f) for f in blanked}
        candidate = dataclasses.replace(draft, **values)
        try:
            clean = validate_organization(candidate)
        except ValidationErrors as errors:
            new = {e.field for e in errors.errors} - blanked
            if not new or "name" in new or not new <= _FIELDS:
                return None
            blanked |= new
            notices.extend(
                _dropped(
                    RowProblem(
                        row.row_number, TARGETS.get(e.field, e.field), e.message, row.sheet, field=e.field
                    ),
                    draft,
                )
                for e in errors.errors
                if e.field in new
            )
            continue
        provided = row.provided_fields - blanked if row.provided_fields else row.provided_fields
        salvaged = dataclasses.replace(row, data=clean, problems=[], provided_fields=provided)
        return salvaged, notices
    return None
