"""What a project's detail view shows: small read-only lists of texts, each with a key, and how
the relationship kind was judged (the questionnaire's answers and the recommendation)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.kind_account import KindAccount
from kyodo_desktop.gui.projects.labels import term
from kyodo_desktop.gui.table_base import ModelIndex, RowsTableModel

#: The key of a row (a partner's organization id, a project id …).
KeyRole = Qt.ItemDataRole.UserRole


class TextRowsModel(RowsTableModel[tuple[str, ...]]):
    """Rows of already translated texts under ``headers``; :meth:`key` gives a row's key."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._keys: list[str] = []

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        texts = self.row_at(index.row())
        if texts is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return texts[index.column()]
        if role == KeyRole:
            return self._keys[index.row()]
        return None

    def set_rows(self, rows: Iterable[Sequence[str]], keys: Sequence[str] | None = None) -> None:
        """Show ``rows`` (each as many texts as headers); ``keys`` default to the row numbers."""
        texts = [tuple(r) for r in rows]
        self._keys = list(keys) if keys is not None else [str(n) for n in range(len(texts))]
        super().set_rows(texts)

    def key(self, row: int) -> str:
        """The key of ``row``."""
        return self._keys[row]

    def texts(self, column: int) -> list[str]:
        """Every row's text in ``column`` (what the list shows, for checks and tests)."""
        return [r[column] for r in self._rows]


_NO_KIND = QT_TRANSLATE_NOOP("ProjectKindAccount", "関係の種類はまだ決まっていません。")
_RECOMMENDED = QT_TRANSLATE_NOOP("ProjectKindAccount", "推奨: {kind}")
_NOTE = QT_TRANSLATE_NOOP("ProjectKindAccount", "注意: ")
_CHOSEN = QT_TRANSLATE_NOOP("ProjectKindAccount", "選んだ種類: {kind}")
_DIFFERS = QT_TRANSLATE_NOOP("ProjectKindAccount", "（推奨と異なる）")
_REASON_DIFFERS = QT_TRANSLATE_NOOP("ProjectKindAccount", "推奨と異なる理由: ")
_REASON = QT_TRANSLATE_NOOP("ProjectKindAccount", "理由: ")
_ANSWERS = QT_TRANSLATE_NOOP("ProjectKindAccount", "問いへの答え")
_NO_ANSWERS = QT_TRANSLATE_NOOP("ProjectKindAccount", "（問いへの答えは記録されていません）")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectKindAccount", text)


def _question(text: str) -> str:
    return html.escape(QCoreApplication.translate("RelationshipQuestion", text))


def kind_account_html(account: KindAccount | None) -> str:
    """The 関係の種類 tab's text: answers, recommendation with the manual's words, choice, reason."""
    if account is None:
        return html.escape(_tr(_NO_KIND))
    parts: list[str] = []
    rec = account.recommendation
    if rec is not None:
        parts.append("<b>" + html.escape(_tr(_RECOMMENDED).format(kind=term(rec.kind.value))) + "</b>")
        parts.extend(f"「{_question(q)}」" for q in rec.quotes)
        if rec.tentative:
            parts.append("<i>" + html.escape(_tr(_NOTE)) + _question(rec.note) + "</i>")
    chosen = html.escape(_tr(_CHOSEN).format(kind=term(account.chosen) or "—"))
    if account.differs:
        chosen += html.escape(_tr(_DIFFERS))
    parts.append("<b>" + chosen + "</b>")
    if account.reason:
        label = _tr(_REASON_DIFFERS) if account.differs else _tr(_REASON)
        parts.append(html.escape(label) + html.escape(account.reason).replace("\n", "<br>"))
    parts.append("<br><b>" + html.escape(_tr(_ANSWERS)) + "</b>")
    if account.answers:
        parts.extend(f"・{_question(q)} — <b>{_question(a)}</b>" for q, a in account.answers)
    else:
        parts.append(html.escape(_tr(_NO_ANSWERS)))
    return "<br>".join(parts)


def scrolled_label(name: str) -> tuple[QLabel, QScrollArea]:
    """A word-wrapped rich-text label named ``name`` in a frameless scroll area (a detail tab)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setContentsMargins(6, 6, 6, 6)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(label)
    return label, area
