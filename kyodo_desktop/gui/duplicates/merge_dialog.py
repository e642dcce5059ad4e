"""The merge dialog (団体の統合): two records side by side, a value chosen per field, one survivor.

The officer picks which record stays (団体A or 団体B) and, for every field where both records hold
different values, whose value the survivor keeps. A blank on one side is no choice: the service
fills a blank from the other record. Contacts and the interaction log of the merged record move
to the survivor; the merged record stays behind as a tombstone and the merge can be undone from
the duplicates view.

The merge runs in a worker after a backup of the data file (one before every merge, as before
an import). A refusal (the other record trashed meanwhile, the file locked …) is shown in the
dialog, and nothing changes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.column_mapping import TARGETS
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui import errors
from kyodo_desktop.gui.duplicates.merge_fields import (
    CHOSEN_BACKGROUND,
    KEEP,
    LINKED,
    OFFICER_FIELD,
    OTHER,
    PREVIEW_CHARS,
    ROW_FIELDS,
    SIDE_A,
    SIDE_B,
    FieldRow,
    blank,
    default_survivor,
    display_value,  # noqa: F401 (re-exported: the merge rules are read from here too)
    record_display,
    record_value,
)
from kyodo_desktop.gui.keys import enter_presses_only_the_focused_button
from kyodo_desktop.gui.styles import ERROR_COLORS, HINT_STYLE, panel_style
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup
from kyodo_desktop.services import duplicates
from kyodo_desktop.services.organizations import OrganizationRecord
from kyodo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)


class MergeDialog(QDialog):
    """Merges two organizations chosen in the duplicates view.

    Signals: ``merged(str, str)`` with (survivor id, merged id) after the merge was stored; the
    dialog then closes.
    """

    merged = Signal(str, str)

    def __init__(
        self,
        ws: Workspace,
        first: OrganizationRecord,
        second: OrganizationRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("団体の統合"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._ws = ws
        self._records = (first, second)
        self._rows: list[FieldRow] = []
        self._tasks = TaskGroup()
        self._busy = False
        self._build()
        self._set_survivor(default_survivor(first, second))
        self.resize(980, 720)

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        first, second = self._records
        layout = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "二つの団体を一つにまとめます。残す団体と、値が異なる項目ではどちらの値を使うかを選んでください。"
                "空欄の項目には、もう一方の値が入ります。緑の背景の値が、統合後に残る値です。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        survivor_box = QGroupBox(self.tr("残す団体"))
        survivor_layout = QVBoxLayout(survivor_box)
        self.keep_first_radio = QRadioButton()
        self.keep_first_radio.setObjectName("keepFirstRadio")
        self.keep_second_radio = QRadioButton()
        self.keep_second_radio.setObjectName("keepSecondRadio")
        self._survivor_group = QButtonGroup(self)
        for side, (radio, record, letter) in enumerate(
            ((self.keep_first_radio, first, "A"), (self.keep_second_radio, second, "B"))
        ):
            radio.setText(
                self.tr("団体{letter}（{name}）を残す（&{letter}）").format(
                    letter=letter, name=record.data.name
                )
            )
            radio.setToolTip(self._record_summary(record))
            self._survivor_group.addButton(radio, side)
            survivor_layout.addWidget(radio)
        self._survivor_group.idToggled.connect(self._on_survivor_toggled)
        self.move_label = QLabel()
        self.move_label.setObjectName("moveSummary")
        self.move_label.setWordWrap(True)
        survivor_layout.addWidget(self.move_label)
        layout.addWidget(survivor_box)

        layout.addWidget(self._comparison(), 1)

        self.error_label = QLabel()
        self.error_label.setObjectName("mergeError")
        self.error_label.setWordWrap(True)
        self.error_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.error_label.setStyleSheet(
            panel_style("mergeError", *ERROR_COLORS) + " QLabel#mergeError { padding: 6px; }"
        )
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("mergeStatus")
        self.status_label.setStyleSheet(HINT_STYLE)
        buttons.addWidget(self.status_label, 1)
        self.confirm_button = QPushButton(self.tr("統合する(&M)"))
        self.confirm_button.setObjectName("confirmMergeButton")
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.cancel_button = QPushButton(self.tr("キャンセル"))
        self.cancel_button.setObjectName("cancelMergeButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

        if not self._ws.writable:
            self.confirm_button.setEnabled(False)
            self._show_error(self.tr("閲覧専用で開いているため統合できません。"))
        gone = [r.data.name for r in self._records if r.deleted_at is not None]
        if gone:
            self._show_error(
                self.tr(
                    "団体「{name}」はゴミ箱にあるか、既に統合されています。一覧を再検索してください。"
                ).format(name="」「".join(gone))
            )

    def _record_summary(self, record: OrganizationRecord) -> str:
        return self.tr("登録日 {registered}・担当者 {contacts} 名・対応記録 {log} 件").format(
            registered=to_wareki(record.registered_on),
            contacts=len(record.contacts),
            log=len(record.interactions),
        )

    def _comparison(self) -> QScrollArea:
        """The grid: 項目 | 団体A | 団体B | 使う値, one row per field that is filled on either side."""
        first, second = self._records
        grid_widget = QWidget()
        grid_widget.setObjectName("mergeFields")
        grid = QGridLayout(grid_widget)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        heading_style = "font-weight: bold;"
        for column, text in enumerate((self.tr("項目"), "", "", self.tr("使う値"))):
            label = QLabel(text)
            label.setStyleSheet(heading_style)
            grid.addWidget(label, 0, column)
        for column, (record, letter) in enumerate(((first, "A"), (second, "B")), start=1):
            head = QLabel(
                self.tr("団体{letter}\n{summary}").format(letter=letter, summary=self._record_summary(record))
            )
            head.setStyleSheet(heading_style)
            head.setWordWrap(True)
            grid.addWidget(head, 0, column)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        grid.addWidget(line, 1, 0, 1, 4)

        grid_row = 2
        for field in (*ROW_FIELDS, OFFICER_FIELD):
            values = (record_value(first, field), record_value(second, field))
            if blank(values[0]) and blank(values[1]):
                continue
            name = self.tr("担当職員") if field == OFFICER_FIELD else self.tr(TARGETS[field])
            label = QLabel(name)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, grid_row, 0)
            row = FieldRow(field, values)
            for side, record in enumerate((first, second)):
                cell = self._value_label(record_display(record, field))
                cell.setObjectName(f"value{'AB'[side]}_{field}")
                row.cells.append(cell)
                grid.addWidget(cell, grid_row, 1 + side)
            if row.is_choice:
                combo = QComboBox()
                combo.setObjectName(f"choice_{field}")
                combo.addItem(self.tr("団体Aの値"))
                combo.addItem(self.tr("団体Bの値"))
                combo.setAccessibleName(self.tr("{label}に使う値").format(label=name))
                combo.activated.connect(lambda _index, r=row: self._on_choice_activated(r))
                combo.currentIndexChanged.connect(lambda _index, r=row: self._paint(r))
                grid.addWidget(combo, grid_row, 3, Qt.AlignmentFlag.AlignTop)
                row.combo = combo
            else:
                fixed = QLabel()
                fixed.setObjectName(f"fixed_{field}")
                fixed.setStyleSheet(HINT_STYLE)
                fixed.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(fixed, grid_row, 3)
                row.fixed = fixed
            self._rows.append(row)
            grid_row += 1
        grid.setRowStretch(grid_row, 1)

        scroll = QScrollArea()
        scroll.setObjectName("mergeFieldsScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_widget)
        return scroll

    def _value_label(self, text: str) -> QLabel:
        shown = text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"
        label = QLabel(shown if text else self.tr("（空欄）"))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # a fresh policy would drop what setWordWrap set
        label.setSizePolicy(policy)
        label.setMinimumWidth(self.fontMetrics().horizontalAdvance("国" * 12))
        if shown != text:
            label.setToolTip(text)
        return label

    # -- choices ------------------------------------------------------------------------------
    @property
    def survivor_side(self) -> int:
        """:data:`SIDE_A` when 団体A stays, :data:`SIDE_B` when 団体B stays."""
        return SIDE_B if self.keep_second_radio.isChecked() else SIDE_A

    @property
    def keep_id(self) -> str:
        """The id of the record that stays."""
        return self._records[self.survivor_side].id

    @property
    def other_id(self) -> str:
        """The id of the record merged away."""
        return self._records[1 - self.survivor_side].id

    def choice(self, field: str) -> str | None:
        """``"keep"`` or ``"other"``: whose value the survivor gets (None when the field has no row)."""
        keep = self.survivor_side
        for row in self._rows:
            if row.field == field:
                return KEEP if row.side(keep) == keep else OTHER
        return None

    def take_from_other(self) -> list[str]:
        """Fields whose value comes from the record merged away (what ``merge`` is told)."""
        keep = self.survivor_side
        fields: list[str] = []
        for row in self._rows:
            if row.differs and row.side(keep) != keep:
                fields.extend(LINKED.get(row.field, (row.field,)))
        return fields

    def _set_survivor(self, side: int) -> None:
        radio = self.keep_first_radio if side == SIDE_A else self.keep_second_radio
        radio.setChecked(True)  # _on_survivor_toggled updates the rows
        self._update_rows()

    def _on_survivor_toggled(self, _side: int, checked: bool) -> None:
        if checked:
            self._update_rows()

    def _on_choice_activated(self, row: FieldRow) -> None:
        row.touched = True
        self._paint(row)

    def _paint(self, row: FieldRow) -> None:
        """Mark the value the survivor will have (tinted), and the values that differ (bold)."""
        chosen = row.side(self.survivor_side)
        for side, cell in enumerate(row.cells):
            style = ""
            if blank(row.values[side]):
                style += HINT_STYLE
            elif side == chosen:
                style += f"background: {CHOSEN_BACKGROUND};"
            if row.is_choice:
                style += "font-weight: bold;"
            cell.setStyleSheet(style)

    def _update_rows(self) -> None:
        """Label the choices for the current survivor (a combo keeps its side once the officer chose)."""
        keep = self.survivor_side
        letters = ("A", "B")
        for row in self._rows:
            if row.combo is None:
                assert row.fixed is not None
                if not row.differs:
                    text = self.tr("同じ値")
                elif row.side(keep) == keep:
                    text = self.tr("団体{letter}の値（残す団体）").format(letter=letters[keep])
                else:
                    text = self.tr("団体{letter}の値（空欄を補う）").format(letter=letters[1 - keep])
                row.fixed.setText(text)
                self._paint(row)
                continue
            combo = row.combo
            side = row.side(keep) if row.touched else keep
            for item in (SIDE_A, SIDE_B):
                combo.setItemData(item, KEEP if item == keep else OTHER)
                suffix = self.tr("（残す団体）") if item == keep else ""
                combo.setItemText(item, self.tr("団体{letter}の値").format(letter=letters[item]) + suffix)
            combo.setCurrentIndex(side)
            combo.setEnabled(not self._busy)
            self._paint(row)
        other = self._records[1 - keep]
        survivor = self._records[keep]
        names = {
            "other_letter": "AB"[1 - keep],
            "other": other.data.name,
            "keep_letter": "AB"[keep],
            "keep": survivor.data.name,
        }
        if other.contacts or other.interactions:
            moves = self.tr(
                "統合すると、団体{other_letter}「{other}」の担当者 {contacts} 名と対応記録 {log} 件が"
                "団体{keep_letter}「{keep}」に移ります。"
            ).format(contacts=len(other.contacts), log=len(other.interactions), **names)
        else:
            moves = self.tr("団体{other_letter}「{other}」には、移す担当者も対応記録もありません。").format(
                **names
            )
        self.move_label.setText(
            moves
            + self.tr("団体{other_letter}は台帳から外れます（統合はあとで取り消せます）。").format(**names)
        )

    # -- merging ------------------------------------------------------------------------------
    def _on_confirm_clicked(self) -> None:
        if self._busy:
            return
        ws, keep_id, other_id, take = self._ws, self.keep_id, self.other_id, self.take_from_other()

        def work(_task: BackgroundTask) -> None:
            duplicates.merge(ws, keep_id, other_id, take_from_other=take)  # backs up first

        self._set_busy(True)
        self.error_label.hide()
        self.status_label.setText(self.tr("バックアップを作成して統合しています…"))
        task = BackgroundTask(work, self)
        task.succeeded.connect(lambda _result: self._on_merged(keep_id, other_id))
        task.failed.connect(self._on_merge_failed)
        self._tasks.start(task)

    def _on_merged(self, keep_id: str, other_id: str) -> None:
        log.info("merged organization %s into %s", other_id, keep_id)
        self._set_busy(False)
        self.merged.emit(keep_id, other_id)
        self.accept()

    def _on_merge_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.status_label.clear()
        self._show_error(
            errors.error_text(
                exc,
                known=self.tr("統合できませんでした: {reason}"),
                file=self.tr("バックアップを作成できなかったため、統合しませんでした: {reason}"),
                bug=self.tr("統合できませんでした（{kind}）。詳細はログを確認してください。"),
                what="merge",
                logger=log,
            )
        )

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.confirm_button.setEnabled(not busy and self._ws.writable)
        self.cancel_button.setEnabled(not busy)
        self.keep_first_radio.setEnabled(not busy)
        self.keep_second_radio.setEnabled(not busy)
        self._update_rows()

    @property
    def busy(self) -> bool:
        """Whether the merge is running (the dialog cannot be closed then)."""
        return self._busy

    # -- closing ------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        if self._busy:
            return  # the merge is one transaction; it finishes in a moment
        # The worker has sent its result but its thread may still be ending; the dialog deletes
        # itself on close, and a QThread destroyed while running aborts the process.
        self._tasks.stop_all()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter presses the focused button and nothing else: Enter in a combo must not merge.
        if not enter_presses_only_the_focused_button(self, event):
            super().keyPressEvent(event)

    def shutdown(self) -> None:
        """Wait for a running merge (before the window goes away); the dialog may close then."""
        self._tasks.stop_all()
        self._busy = False
