"""The mapping page's 「すべての行に同じ値」 for past projects (the CLI's ``--set FIELD=VALUE``).

A 課's list seldom says what it is a list of: a 随意契約 list has no 選定方法 column, a 補助金
list no 形態. The officer gives those once here; the values go through
:func:`~kyodo_desktop.services.project_import.convert_project_list` as a column of their own on
every row (a column mapped to the same field is then not imported), exactly as ``--set``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from kyodo_desktop.domain.project_import import PROJECTS
from kyodo_desktop.domain.project_terms import ProjectForm, RelationshipKind, SelectionMethod, Stage
from kyodo_desktop.gui import styles
from kyodo_desktop.gui.projects.labels import term

#: The fields chosen from their vocabulary, in the order shown.
_CHOICES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("selection_method", tuple(SelectionMethod)),
    ("form", tuple(ProjectForm)),
    ("relationship_kind", tuple(RelationshipKind)),
    ("stage", tuple(Stage)),
)
#: The fields typed as text.
_TEXTS = ("section", "fiscal_year")


class FixedValuesBox(QGroupBox):
    """A combo per vocabulary field (選定方法, 形態, 関係, 段階) and a line per text field
    (担当課, 年度); blank means 「ファイルのまま」.

    Signals: ``changed()`` when a value changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("すべての行に同じ値を入れる"), parent)
        self.setObjectName("fixedValuesBox")
        self.combos: dict[str, QComboBox] = {}
        self.edits: dict[str, QLineEdit] = {}
        grid = QGridLayout(self)
        labels = PROJECTS.labels
        for n, (field, values) in enumerate(_CHOICES):
            combo = QComboBox()
            combo.setObjectName(f"fixedValue_{field}")
            combo.addItem(self.tr("（ファイルのまま）"), "")
            for value in values:
                combo.addItem(term(value), value)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            label = QLabel(QCoreApplication.translate("ImportTarget", labels[field]) + ":")
            label.setBuddy(combo)
            combo.setAccessibleName(label.text())
            grid.addWidget(label, n // 2, (n % 2) * 2)
            grid.addWidget(combo, n // 2, (n % 2) * 2 + 1)
            self.combos[field] = combo
        row = (len(_CHOICES) + 1) // 2
        for n, field in enumerate(_TEXTS):
            edit = QLineEdit()
            edit.setObjectName(f"fixedValue_{field}")
            edit.setPlaceholderText(
                self.tr("例: 市民協働課") if field == "section" else self.tr("例: 令和6年度")
            )
            edit.textChanged.connect(lambda _t: self.changed.emit())
            label = QLabel(QCoreApplication.translate("ImportTarget", labels[field]) + ":")
            label.setBuddy(edit)
            edit.setAccessibleName(label.text())
            grid.addWidget(label, row, n * 2)
            grid.addWidget(edit, row, n * 2 + 1)
            self.edits[field] = edit
        hint = QLabel(
            self.tr(
                "一覧にない項目を全行に入れます（例: 随意契約の一覧なら 選定方法=随意契約）。"
                "同じ項目の列を選んでいても、ここで選んだ値が優先されます。"
            )
        )
        hint.setObjectName("fixedValuesHint")
        hint.setWordWrap(True)
        hint.setStyleSheet(styles.HINT_STYLE)
        grid.addWidget(hint, row + 1, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def values(self) -> list[tuple[str, str]]:
        """``(field, value)`` of every value given, in the order shown."""
        out = [
            (field, str(combo.currentData())) for field, combo in self.combos.items() if combo.currentData()
        ]
        out += [
            (field, text) for field, edit in self.edits.items() if (text := " ".join(edit.text().split()))
        ]
        return out

    def set_value(self, field: str, value: str) -> None:
        """Give ``field`` the value ``value`` ("" : ファイルのまま)."""
        if field in self.combos:
            combo = self.combos[field]
            combo.setCurrentIndex(max(combo.findData(value), 0))
        else:
            self.edits[field].setText(value)
