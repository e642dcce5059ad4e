"""Which records the registry lists, and which its search matches: each rule written once.

**The lists.** The registry shows the live records; the trash (ゴミ箱) shows the trashed ones. A
merge tombstone (``merged_into`` set, and ``deleted_at`` too) is in neither: it comes back with
"unmerge", never with "restore". The rule is the table :data:`_LISTED` (column → must it be
NULL), rendered for each kind of reader:

- :func:`listing_sql` — SQL text, for the raw ``sqlite3`` readers (the window's rows, the export),
  which must not import SQLAlchemy;
- :func:`listing_clause` — a SQLAlchemy condition on an entity or a table's columns (services);
- :func:`is_listed` — a record already in hand (an ORM object or a row).

**The search.** A query is split on spaces and each term folded (``domain.text.search_terms``);
a record matches when *every* term is a substring of its pre-folded ``search_text``. There is no
full-text index: substring tests over 100,000 pre-folded strings take milliseconds and behave
the same for one-character and long terms. :func:`search_clause` says it in SQL (``kyodo orgs
search``), :func:`matching_positions` in Python over a loaded column (the registry table), and a
test checks that the two agree.

**The filters.** The search and the four choosers of the window (市町村, 活動分野, 法人格, 状態)
are an :class:`OrgFilter`; :func:`filter_positions` is the one rule that applies it, to the
window's loaded columns, to the export's rows and to ``kyodo orgs search``'s.

This module imports nothing at load time beyond the standard library: the window's start-up
path reads the rows before SQLAlchemy is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

#: For each list (False: the registry, True: the trash), the columns and whether each must be NULL.
_LISTED: dict[bool, tuple[tuple[str, bool], ...]] = {
    False: (("deleted_at", True),),  # a tombstone carries deleted_at too, so it is out
    True: (("deleted_at", False), ("merged_into", True)),
}


def listing_sql(*, trash: bool = False) -> str:
    """The WHERE condition of the registry (or the trash) as SQL text on ``organizations``."""
    return " AND ".join(f"{column} IS {'' if null else 'NOT '}NULL" for column, null in _LISTED[trash])


def listing_clause(columns: Any, *, trash: bool = False) -> ColumnElement[bool]:
    """The same condition on ``columns`` (``Organization`` or ``table.c``) for SQLAlchemy."""
    from sqlalchemy import and_

    return and_(
        *(
            getattr(columns, column).is_(None) if null else getattr(columns, column).is_not(None)
            for column, null in _LISTED[trash]
        )
    )


def is_listed(record: Any, *, trash: bool = False) -> bool:
    """Whether ``record`` belongs in the registry (or the trash).

    A row that does not carry a column (the window's rows have no ``merged_into``) counts it as
    NULL.
    """
    return all((getattr(record, column, None) is None) == null for column, null in _LISTED[trash])


def search_clause(column: Any, terms: Sequence[str]) -> ColumnElement[bool]:
    """The search rule in SQL: every (folded) term is a substring of ``column``."""
    from sqlalchemy import and_, func, true

    return and_(true(), *(func.instr(column, term) > 0 for term in terms))


def matching_positions(terms: Sequence[str], texts: Sequence[str], positions: list[int]) -> list[int]:
    """The search rule in Python: the ``positions`` whose ``texts`` entry holds every term.

    Each term narrows the list left by the one before (one pass per term, no call per row: this
    runs on every keystroke over the whole registry).
    """
    for term in terms:
        positions = [p for p in positions if term in texts[p]]
    return positions


#: The row columns the filters read, in the order :func:`filter_positions` expects them.
FILTER_COLUMNS: tuple[str, ...] = (
    "search_text",
    "municipality_code",
    "activity_fields",
    "legal_form",
    "status",
)


@dataclass(frozen=True)
class OrgFilter:
    """What the registry list is narrowed to: search text and the four choosers (None: all)."""

    query: str = ""
    municipality_code: str | None = None
    field_code: int | None = None
    legal_form: str | None = None
    status: str | None = None

    @property
    def is_set(self) -> bool:
        """Whether any search term or filter value is set."""
        from kyodo_desktop.domain.text import search_terms

        return bool(search_terms(self.query)) or any(
            (self.municipality_code, self.field_code, self.legal_form, self.status)
        )


def wrapped_fields(activity_fields: Sequence[str | None]) -> list[str]:
    """The 活動分野 column with commas around each value, so ``",7,"`` finds field 7 only."""
    return [f",{f or ''}," for f in activity_fields]


def filter_positions(
    org_filter: OrgFilter,
    column: Callable[[str], Sequence[Any]],
    positions: list[int],
    *,
    fields: Callable[[], Sequence[str]] | None = None,
) -> list[int]:
    """The filter rule (window, export and ``kyodo orgs search``): the ``positions`` whose row
    matches every search term and every set chooser.

    ``column(name)`` gives one of :data:`FILTER_COLUMNS` for all rows; ``fields`` may give a
    cached :func:`wrapped_fields` of the 活動分野 column (the window keeps one).
    """
    from kyodo_desktop.domain.text import search_terms

    terms = search_terms(org_filter.query)
    if terms:
        positions = matching_positions(terms, column("search_text"), positions)
    if org_filter.municipality_code:
        codes, code = column("municipality_code"), org_filter.municipality_code
        positions = [p for p in positions if codes[p] == code]
    if org_filter.field_code:
        wrapped = fields() if fields is not None else wrapped_fields(column("activity_fields"))
        needle = f",{org_filter.field_code},"
        positions = [p for p in positions if needle in wrapped[p]]
    if org_filter.legal_form:
        forms, form = column("legal_form"), org_filter.legal_form
        positions = [p for p in positions if forms[p] == form]
    if org_filter.status:
        statuses, status = column("status"), org_filter.status
        positions = [p for p in positions if statuses[p] == status]
    return positions


def filter_rows(org_filter: OrgFilter, rows: Sequence[Sequence[Any]], first: int) -> list[int]:
    """:func:`filter_positions` over fetched rows carrying :data:`FILTER_COLUMNS` from index
    ``first`` on (the export's and ``kyodo orgs search``'s reads); NULL counts as blank."""
    columns = {name: [r[n] or "" for r in rows] for n, name in enumerate(FILTER_COLUMNS, first)}
    return filter_positions(org_filter, columns.__getitem__, list(range(len(rows))))
