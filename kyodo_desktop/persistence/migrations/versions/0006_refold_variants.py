"""Refold the derived key columns (dup_key, search_text) for the 表記ゆれ words.

Issue 10 made search and the duplicate key fold the everyday spellings of a few words as one
(子ども・子供・こども, 障害・障がい・障碍, まちづくり・街づくり・町づくり, 高令者: see
``domain.text.WORD_VARIANTS``). Records saved before keep keys folded the old way until they
are saved again, so こども did not find a stored 子供会 and 子供の会 was no duplicate of
こどもの会. This revision refolds every organization with ``persistence.refold`` (the rules of
every save) and writes only the rows whose keys differ; nothing else changes, no audit row is
written, and ``version`` and ``updated_at`` stay as they are.

Revision ID: 0006
Revises: 0004 (the integrator chains it after 0005)
Create Date: 2026-12-02

"""

from collections.abc import Sequence

from alembic import op

from kyodo_desktop.persistence.refold import refold_organizations

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Refold every organization; UPDATE only the rows whose keys changed."""
    refold_organizations(op.get_bind())  # the migration's own transaction


def downgrade() -> None:
    """Nothing to undo: the keys of the older rules are not kept, and the old code refolds on save."""
