"""Moving selected records to the trash (ゴミ箱) and back, after the officer confirms.

All selected records move in one transaction, or none; the trash keeps them restorable (merge
tombstones are never in it: a merge is undone from the duplicates view). The texts are in the
translation context "trash", each a literal in ``QCoreApplication.translate`` so that
``pyside6-lupdate`` finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kyodo_desktop.gui import dialogs, errors

if TYPE_CHECKING:
    from kyodo_desktop.services.organizations import OrganizationService


def confirm_and_move(
    owner: QWidget,
    service: Callable[[], OrganizationService],
    ids: list[str],
    first_name: str,
    *,
    restore: bool,
) -> bool:
    """Ask, then move ``ids`` to the trash (or back when ``restore``); True when they moved.

    ``first_name`` names the first record in the question. A known failure (a locked file …) is
    shown in a message box and nothing moves.
    """
    label = f"「{first_name}」"
    if len(ids) > 1:
        label += QCoreApplication.translate("trash", " ほか {n} 件").format(n=f"{len(ids) - 1:,}")
    if restore:
        title, text, ok = (
            QCoreApplication.translate("trash", "ゴミ箱から戻す"),
            QCoreApplication.translate("trash", "{label}を元に戻しますか？").format(label=label),
            QCoreApplication.translate("trash", "元に戻す"),
        )
    else:
        title, text, ok = (
            QCoreApplication.translate("trash", "ゴミ箱へ移す"),
            QCoreApplication.translate(
                "trash", "{label}をゴミ箱へ移しますか？（ゴミ箱から元に戻せます）"
            ).format(label=label),
            QCoreApplication.translate("trash", "ゴミ箱へ移す"),
        )
    if not dialogs.confirm(owner, title, text, ok_text=ok):
        return False
    records = service()
    try:  # one transaction: all selected records move, or none
        if restore:
            records.restore_many(ids)
        else:
            records.delete_many(ids)
    except Exception as exc:
        message = errors.known_text(exc)
        if message is None:
            raise
        dialogs.error(owner, title, message)
        return False
    return True
