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

This module imports nothing at load time beyond the standard library: the window's start-up
path reads the rows before SQLAlchemy is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
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
