"""Step 4 of the import wizard: what was written, and where the backup taken before it is.

For past projects: the projects and the new organizations written (both undone together from
「取り込みの履歴」).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWizard, QWizardPage

from kyodo_desktop.gui.importing.state import ImportState
from kyodo_desktop.gui.importing.summary_save import save_summary
from kyodo_desktop.services.project_import import ProjectImportSummary


class ResultPage(QWizardPage):
    """Step 4: what was written, and where the backup taken before it is."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.setObjectName("importResultPage")
        self.setTitle(self.tr("取り込みました"))
        self.setSubTitle(self.tr("取り込んだ団体は団体台帳に表示されています。"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("閉じる"))
        layout = QVBoxLayout(self)
        self.result_label = QLabel()
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        summary_row = QHBoxLayout()
        self.summary_button = QPushButton(self.tr("結果をExcelに保存…"))
        self.summary_button.setObjectName("resultSummaryButton")
        self.summary_button.setAutoDefault(False)
        self.summary_button.clicked.connect(self._on_save_summary_clicked)
        self.summary_status = QLabel()
        self.summary_status.setObjectName("resultSummaryStatus")
        self.summary_status.setWordWrap(True)
        self.summary_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary_row.addWidget(self.summary_button)
        summary_row.addWidget(self.summary_status, 1)
        layout.addLayout(summary_row)
        layout.addStretch(1)

    def initializePage(self) -> None:
        summary = self.state.summary
        if summary is None:
            return
        wizard = self.wizard()
        if wizard is not None:
            wizard.setOption(QWizard.WizardOption.NoCancelButton, True)
        if isinstance(summary, ProjectImportSummary):
            self.setSubTitle(self.tr("取り込んだ事業は「事業」タブに表示されています。"))
            counts = [
                self.tr("事業 {projects} 件、新しい団体 {organizations} 件を取り込みました。").format(
                    projects=f"{summary.projects:,}", organizations=f"{summary.organizations:,}"
                ),
                self.tr("取り込まなかった行: 登録済み・重複など {skipped} 件、エラー {errors} 件").format(
                    skipped=f"{summary.skipped:,}", errors=f"{summary.errors:,}"
                ),
            ]
        else:
            self.setSubTitle(self.tr("取り込んだ団体は団体台帳に表示されています。"))
            counts = [
                self.tr("新規 {created} 件、更新 {updated} 件を取り込みました。").format(
                    created=f"{summary.created:,}", updated=f"{summary.updated:,}"
                ),
                self.tr("取り込まなかった行: 変更なし・重複など {skipped} 件、エラー {errors} 件").format(
                    skipped=f"{summary.skipped:,}", errors=f"{summary.errors:,}"
                ),
            ]
        self.result_label.setText(
            "\n".join(
                [
                    *counts,
                    "",
                    self.tr("取り込み前のバックアップ: {path}").format(path=summary.backup_path)
                    if summary.backup_path
                    else self.tr("書き込む変更はありませんでした（バックアップも作っていません）。"),
                    self.tr("取り込みID: {id}（変更はすべて操作履歴に記録しました）").format(
                        id=summary.import_id
                    ),
                ]
            )
        )

    def _on_save_summary_clicked(self) -> None:
        save_summary(self, self.state, self.summary_status)
