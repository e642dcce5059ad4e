"""Damaging a data file the way a failing disk does: whole pages of one b-tree overwritten.

``dbstat`` names the b-tree each page belongs to, so a test can hit the pages the table paints
(the ``organizations`` table) and leave the listing index readable, or the other way round.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path


def page_size(db: Path) -> int:
    """The page size of ``db``."""
    with sqlite3.connect(db) as conn:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])


def btree_pages(db: Path, name: str, *, leaves_only: bool = True) -> list[int]:
    """The page numbers (1-based) of the b-tree ``name`` (a table or an index)."""
    sql = "SELECT pageno FROM dbstat WHERE name = ?" + (" AND pagetype = 'leaf'" if leaves_only else "")
    conn = sqlite3.connect(db)
    try:
        return [int(r[0]) for r in conn.execute(sql, (name,))]
    finally:
        conn.close()


def overwrite_pages(db: Path, pages: list[int], rng: random.Random) -> None:
    """Fill each of ``pages`` with random bytes."""
    size = page_size(db)
    with db.open("r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * size)
            fh.write(rng.randbytes(size))


def damage_random_pages(db: Path, name: str, count: int, rng: random.Random) -> list[int]:
    """Overwrite ``count`` random leaf pages of the b-tree ``name``; returns their numbers."""
    pages = rng.sample(btree_pages(db, name), count)
    overwrite_pages(db, pages, rng)
    return sorted(pages)
