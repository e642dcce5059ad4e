"""The page shown instead of the tabs when the data file cannot be opened.

A damaged file offers its newest verified backup (with the date it was taken) and a button to
restore it; a foreign, non-SQLite or newer file only explains why it was left untouched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kyodo_desktop.domain.local_time import local_text
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui.styles import ERROR_COLORS, ERROR_STYLE, HINT_STYLE, panel_style
from kyodo_desktop.persistence.errors import (
    BackupInfo,
    CorruptDatabaseError,
    ForeignDatabaseError,
    KnownError,
    LockedError,
    NewerVersionError,
    NotSQLiteError,
)


def backup_date_text(info: BackupInfo) -> str:
    """``2026-11-29 08:47（令和8年11月29日）`` — when a backup was taken."""
    return f"{local_text(info.taken_at, seconds=False)}（{to_wareki(info.taken_at.date())}）"


class RecoveryPage(QWidget):
    """Explains why the data folder could not be opened and, for a damaged file, offers a restore.

    Signals: ``restore_requested(object)`` with the :class:`Path` of the backup to restore.
    """

    restore_requested = Signal(object)

    def __init__(self, error: KnownError, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryPage")
        self.error = error
        self.backup: BackupInfo | None = None
        if isinstance(error, CorruptDatabaseError) and error.backups:
            self.backup = error.backups[0]

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QFrame()
        box.setObjectName("recoveryBox")
        box.setStyleSheet(panel_style("recoveryBox", *ERROR_COLORS))
        # A fixed width lets the word-wrapped labels compute their height (no clipped lines).
        box.setFixedWidth(760)
        layout = QVBoxLayout(box)
        layout.setSpacing(10)

        title = QLabel(self._title())
        title.setObjectName("problemTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)

        self.problem_label = QLabel(self._explanation(data_dir))
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setWordWrap(True)
        layout.addWidget(self.problem_label)

        self.details_label = QLabel(self._detail())
        self.details_label.setObjectName("problemDetails")
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)  # SQLite's text is not markup
        self.details_label.setStyleSheet(HINT_STYLE)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # SQLite's findings of a damaged file (English, several lines) are for whoever repairs
        # it: folded away behind a button, so the page leads with what to do
        self.details_button = QPushButton(self.tr("詳細を表示"))
        self.details_button.setObjectName("detailsButton")
        self.details_button.setCheckable(True)
        self.details_button.setFlat(True)
        self.details_button.toggled.connect(self._show_details)
        if isinstance(error, CorruptDatabaseError):
            self.details_label.hide()
            if error.details:
                layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            self.details_button.hide()
        layout.addWidget(self.details_label)

        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupLabel")
        self.backup_label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("このバックアップから復元"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self._on_restore_clicked)
        if isinstance(error, CorruptDatabaseError):
            layout.addWidget(self.backup_label)
            if self.backup is not None:
                self.backup_label.setText(
                    self.tr(
                        "最新の正常なバックアップ: {date}\n{path}\n"
                        "復元すると、このバックアップの時点の内容に戻ります。"
                        "破損したファイルは消さずに「{name}.damaged-日時」として残します。"
                    ).format(date=backup_date_text(self.backup), path=self.backup.path, name=error.path.name)
                )
                layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
            else:
                self.backup_label.setText(
                    self.tr(
                        "正常なバックアップが見つかりません。"
                        "データフォルダの「backups」フォルダや、共有フォルダの以前のバージョンを"
                        "システム担当に確認してください。"
                    )
                )

        self.restore_error = QLabel()
        self.restore_error.setObjectName("restoreError")
        self.restore_error.setWordWrap(True)
        self.restore_error.setStyleSheet(ERROR_STYLE)
        self.restore_error.hide()
        layout.addWidget(self.restore_error)

        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _detail(self) -> str:
        if isinstance(self.error, CorruptDatabaseError):
            # the message names the backup and the CLI command; the page shows both better
            return self.tr("SQLite の整合性検査の結果:") + "\n" + "\n".join(self.error.details)
        return self.tr("詳細: {message}").format(message=str(self.error))

    def _show_details(self, shown: bool) -> None:
        self.details_label.setVisible(shown)
        self.details_button.setText(self.tr("詳細を隠す") if shown else self.tr("詳細を表示"))

    def _title(self) -> str:
        if isinstance(self.error, CorruptDatabaseError):
            return self.tr("データファイルが破損しています")
        if isinstance(self.error, NotSQLiteError | ForeignDatabaseError):
            return self.tr("協働デスクのデータファイルではありません")
        if isinstance(self.error, NewerVersionError):
            return self.tr("新しいバージョンで作成されたデータファイルです")
        return self.tr("データフォルダを開けません")

    def _explanation(self, data_dir: Path) -> str:
        if isinstance(self.error, CorruptDatabaseError):
            return self.tr(
                "データファイル {path} の整合性検査に失敗しました。このままでは開けません。"
            ).format(path=self.error.path)
        if isinstance(self.error, NotSQLiteError | ForeignDatabaseError | NewerVersionError):
            return self.tr(
                "データフォルダ {folder} のファイルは開きませんでした。ファイルには一切触れていません。"
            ).format(folder=data_dir)
        if isinstance(self.error, LockedError):
            return self.tr("他の職員がこのデータフォルダを使用中のため、閲覧用にも開けませんでした。")
        return self.tr("データフォルダ {folder} を開けませんでした。").format(folder=data_dir)

    def show_restore_error(self, message: str) -> None:
        """Show why a restore attempt failed."""
        self.restore_error.setText(message)
        self.restore_error.show()

    def _on_restore_clicked(self) -> None:
        if self.backup is not None:
            self.restore_error.hide()
            self.restore_requested.emit(self.backup.path)
