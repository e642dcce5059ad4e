"""The registry's organizations and a past-project import's new ones, found by 法人番号 or name.

Used by :mod:`kyodo_desktop.services.project_import` to plan each row's partners: by 法人番号
(with the same-name check of a shared number), then the folded name, then a name
:func:`~kyodo_desktop.domain.org_names.same_name_key` takes for the same among those sharing its
first characters and numbers.
"""

from __future__ import annotations

import bisect
import functools
import re

from rapidfuzz import fuzz, process
from sqlalchemy import select

from kyodo_desktop.domain.org_names import MIN_PREFIX, SAME_NAME_RATIO, same_name_key
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project_cells import PartnerCell
from kyodo_desktop.domain.text import duplicate_key
from kyodo_desktop.persistence.listing import listing_clause
from kyodo_desktop.persistence.models import Organization, table_of
from kyodo_desktop.services.workspace import Workspace

__all__ = ["NEW_PREFIX", "PartnerIndex"]

#: How many first characters of a folded name pick the names compared by similarity.
_PREFIX = 3
#: The key of an organization the import creates: ``new:1``, ``new:2`` …
NEW_PREFIX = "new:"
_DIGITS = re.compile(r"[0-9]+")
#: a list names the same partners row after row, and a new one is folded again when it is added
_key = functools.lru_cache(maxsize=65_536)(duplicate_key)


class _Bucket:
    """The names sharing their first characters and numbers, in the order they were indexed.

    :meth:`first_same` is the first one :func:`same_name_key` takes for the same, found without
    calling it for each: a demo registry has buckets of 16,000 names (千葉市…), and an import
    into a new folder adds thousands to one, so comparing one by one in Python grew with the
    square of the list (seconds for a few thousand new partners).
    """

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.keys: list[str] = []
        self._first: dict[str, int] = {}  # key → its first position
        # (key, position), sorted: the names a key begins; sorted once when first asked (most
        # of a registry's buckets never are), kept sorted after that
        self._ordered: list[tuple[str, int]] | None = None

    def add(self, org_id: str, key: str) -> None:
        position = len(self.ids)
        self.ids.append(org_id)
        self.keys.append(key)
        self._first.setdefault(key, position)
        if self._ordered is not None:
            bisect.insort(self._ordered, (key, position))

    def _sorted(self) -> list[tuple[str, int]]:
        if self._ordered is None:
            self._ordered = sorted(zip(self.keys, range(len(self.keys)), strict=True))
        return self._ordered

    def first_same(self, key: str) -> str:
        """The id of the first name that is the same (equal, one the prefix of the other, or
        alike to the ratio), "" when none is."""
        best = self._first.get(key, len(self.ids))
        # a stored name that begins this one (a facility or branch name appended to it) …
        for end in range(MIN_PREFIX, len(key)):
            position = self._first.get(key[:end])
            if position is not None and position < best:
                best = position
        # … or one this name begins
        if len(key) >= MIN_PREFIX:
            ordered = self._sorted()
            at = bisect.bisect_left(ordered, (key, -1))
            while at < len(ordered) and ordered[at][0].startswith(key):
                best = min(best, ordered[at][1])
                at += 1
        # the first alike to the ratio, before those (rapidfuzz walks the names in C)
        for _name, _score, position in process.extract_iter(
            key, self.keys[:best], scorer=fuzz.ratio, score_cutoff=SAME_NAME_RATIO
        ):
            best = position
            break
        return self.ids[best] if best < len(self.ids) else ""


class PartnerIndex:
    """The registry's organizations and the file's new ones, found by 法人番号 or name."""

    def __init__(self, ws: Workspace) -> None:
        # three columns of the live records (as the organization import's Registry selects
        # them), not whole records: 0.3 s instead of 3 s for 100,000 organizations
        table = table_of(Organization)
        stmt = select(table.c.id, table.c.corporate_number, table.c.dup_key).where(listing_clause(table.c))
        self.by_number: dict[str, list[str]] = {}
        self.keys: dict[str, str] = {}
        self.by_key: dict[str, list[str]] = {}
        self.by_prefix: dict[tuple[str, tuple[str, ...]], _Bucket] = {}
        # names by their first characters, not yet put in their buckets: a list asks for the
        # buckets of a few hundred prefixes, a registry has tens of thousands
        self._pending: dict[str, list[tuple[str, str]]] = {}
        self._bucketed: set[str] = set()
        with ws.engine.connect() as connection:
            rows = connection.execute(stmt).all()
        for org_id, number, key in rows:
            self.keys[org_id] = key
            if number:
                self.by_number.setdefault(number, []).append(org_id)
            self._index(org_id, key)
        self.new: dict[str, tuple[OrganizationInput, str]] = {}

    def _index(self, org_id: str, key: str) -> None:
        if key:
            self.by_key.setdefault(key, []).append(org_id)
            prefix = key[:_PREFIX]
            if prefix in self._bucketed:
                self._bucket_add(org_id, key)
            else:
                self._pending.setdefault(prefix, []).append((org_id, key))

    def _bucket_add(self, org_id: str, key: str) -> None:
        bucket = (key[:_PREFIX], tuple(_DIGITS.findall(key)))
        found = self.by_prefix.get(bucket)
        if found is None:
            found = self.by_prefix[bucket] = _Bucket()
        found.add(org_id, key)

    def _bucket(self, key: str) -> _Bucket | None:
        """The bucket of ``key``'s first characters and numbers (its prefix's names put in
        their buckets now, in the order they were indexed)."""
        prefix = key[:_PREFIX]
        pending = self._pending.pop(prefix, None)
        if pending is not None:
            self._bucketed.add(prefix)
            for org_id, name in pending:
                self._bucket_add(org_id, name)
        return self.by_prefix.get((prefix, tuple(_DIGITS.findall(key))))

    def find(self, cell: PartnerCell) -> tuple[str, str]:
        """``(id or new:N, reason)``; ``("", "")`` when nothing matches."""
        key = _key(cell.name)
        ids = self.by_number.get(cell.corporate_number, []) if cell.corporate_number else []
        if ids:
            same = [i for i in ids if same_name_key(self.keys[i], key)]
            return (same or ids)[0], "法人番号が同じ"
        if key in self.by_key:
            return self.by_key[key][0], "団体名が同じ"
        # 市民団体0001の会 and 市民団体0002の会 are alike to the ratio but two groups: only names
        # with the same numbers in them are compared
        found = self._bucket(key) if key else None
        org_id = found.first_same(key) if found is not None else ""
        return (org_id, "団体名がほぼ同じ") if org_id else ("", "")

    def add(self, data: OrganizationInput) -> str:
        new_key = f"{NEW_PREFIX}{len(self.new) + 1}"
        folded = _key(data.name)
        self.new[new_key] = (data, folded)
        self.keys[new_key] = folded
        if data.corporate_number:
            self.by_number.setdefault(data.corporate_number, []).append(new_key)
        self._index(new_key, folded)
        return new_key
