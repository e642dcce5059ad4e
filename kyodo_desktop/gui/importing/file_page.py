"""Step 1 of the import wizard: the file, its detected format, and the options of that format.

The format comes from the import pipeline (:func:`~kyodo_desktop.services.import_pipeline.detect_format`,
one list of accepted suffixes); 次へ reads the file once (:func:`~kyodo_desktop.services.import_pipeline.read_source`)
in a worker, and for the NPO portal CSV also plans it, since it needs no column mapping.

At the top the officer chooses what the file holds (:class:`KindChooser`): a 団体名簿 (the
organization import) or a 過去の事業一覧 (one row per project, as ``kyodo projects import``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kyodo_desktop.domain.column_mapping import ORGANIZATIONS
from kyodo_desktop.domain.import_kind import ImportKind
from kyodo_desktop.domain.importing import ImportFileError, SourceFormat
from kyodo_desktop.domain.project_import import PROJECTS
from kyodo_desktop.gui import dialogs, errors, styles
from kyodo_desktop.gui.importing.state import PAGE_MAPPING, PAGE_REVIEW, ImportState
from kyodo_desktop.gui.importing.widgets import message_label, show_message
from kyodo_desktop.gui.tasks import BackgroundTask
from kyodo_desktop.services import import_lists
from kyodo_desktop.services.import_pipeline import (
    ImportSource,
    check_source_file,
    detect_format,
    file_patterns,
    plan,
    read_source,
)
from kyodo_desktop.services.importing import ImportPlan
from kyodo_desktop.services.settings import home_prefecture

#: Path-typing pause before the file is looked at (format, sheets).
DETECT_DELAY_MS = 200


class KindChooser(QGroupBox):
    """What the file holds: 団体名簿 or 過去の事業一覧 (signal ``kind_changed(ImportKind)``)."""

    kind_changed = Signal(object)

    def __init__(self, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("取り込むもの"), parent)
        self.setObjectName("importKindBox")
        row = QHBoxLayout(self)
        self.organizations_radio = QRadioButton(self.tr("団体名簿(&O)"))
        self.organizations_radio.setObjectName("importKindOrganizations")
        self.organizations_radio.setToolTip(self.tr("1 行が 1 団体の一覧。団体台帳に登録・更新します"))
        self.projects_radio = QRadioButton(self.tr("過去の事業一覧(&J)"))
        self.projects_radio.setObjectName("importKindProjects")
        self.projects_radio.setToolTip(
            self.tr("補助金・委託契約の一覧など、1 行が 1 事業の一覧。相手方は台帳の団体と照合します")
        )
        (self.projects_radio if kind is PROJECTS else self.organizations_radio).setChecked(True)
        row.addWidget(self.organizations_radio)
        row.addWidget(self.projects_radio)
        row.addStretch(1)
        self.projects_radio.toggled.connect(lambda _on: self.kind_changed.emit(self.kind()))

    def kind(self) -> ImportKind:
        """The kind chosen now."""
        return PROJECTS if self.projects_radio.isChecked() else ORGANIZATIONS

    def set_kind(self, kind: ImportKind) -> None:
        """Choose ``kind`` (as if the officer had)."""
        (self.projects_radio if kind is PROJECTS else self.organizations_radio).setChecked(True)


class FilePage(QWizardPage):
    """Step 1: what is imported, the file, its detected format, and the options of that format."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.setObjectName("importFilePage")
        self.setTitle(self.tr("取り込むファイルを選ぶ"))
        self.setAcceptDrops(True)
        self._format: SourceFormat | None = None
        self._detected_text: str | None = None
        self._read_done = False
        self._sheets_for = ""

        self._detect_timer = QTimer(self)
        self._detect_timer.setSingleShot(True)
        self._detect_timer.setInterval(DETECT_DELAY_MS)
        self._detect_timer.timeout.connect(self._detect)

        layout = QVBoxLayout(self)
        self.kind_chooser = KindChooser(state.kind)
        self.kind_chooser.kind_changed.connect(self._on_kind_changed)
        layout.addWidget(self.kind_chooser)
        self._form = QFormLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importFileEdit")
        self.path_edit.setPlaceholderText(
            self.tr("ファイルの場所（貼り付け・ドラッグ＆ドロップ・「参照…」で指定）")
        )
        self.path_edit.setClearButtonEnabled(True)
        self.path_edit.textChanged.connect(self._on_path_text_changed)
        self.browse_button = QPushButton(self.tr("参照(&B)…"))
        self.browse_button.setObjectName("browseButton")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        path_label = QLabel(self.tr("ファイル(&F):"))
        path_label.setBuddy(self.path_edit)
        self._form.addRow(path_label, path_row)

        self.format_label = QLabel()
        self.format_label.setObjectName("formatLabel")
        self._form.addRow(self.tr("形式:"), self.format_label)

        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheetCombo")
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_combo.setMinimumContentsLength(16)
        self.sheet_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sheet_label = QLabel(self.tr("シート(&S):"))
        sheet_label.setBuddy(self.sheet_combo)
        self._form.addRow(sheet_label, self.sheet_combo)
        layout.addLayout(self._form)

        self.npo_box = QGroupBox(self.tr("NPOポータルCSVの取り込み方"))
        self.npo_box.setObjectName("npoOptions")
        npo_form = QFormLayout(self.npo_box)
        self.prefecture_edit = QLineEdit(home_prefecture(state.ws.data_dir))
        self.prefecture_edit.setObjectName("prefectureEdit")
        self.prefecture_edit.setPlaceholderText(self.tr("全国"))
        self.prefecture_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("国" * 12))
        prefecture_label = QLabel(self.tr("都道府県(&P):"))
        prefecture_label.setBuddy(self.prefecture_edit)
        prefecture_hint = QLabel(self.tr("この都道府県の法人だけを取り込みます（空欄: 全国）"))
        prefecture_hint.setStyleSheet(styles.HINT_STYLE)
        prefecture_row = QHBoxLayout()
        prefecture_row.addWidget(self.prefecture_edit)
        prefecture_row.addWidget(prefecture_hint, 1)
        npo_form.addRow(prefecture_label, prefecture_row)
        self.skip_dissolved_check = QCheckBox(self.tr("解散した法人は取り込まない(&D)"))
        self.skip_dissolved_check.setObjectName("skipDissolvedCheck")
        npo_form.addRow("", self.skip_dissolved_check)
        layout.addWidget(self.npo_box)

        self.error_label = message_label("fileError")
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.hint = QLabel()
        self.hint.setObjectName("fileHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(styles.HINT_STYLE)
        layout.addWidget(self.hint)

        self.registerField("path*", self.path_edit)
        self._show_format(None, "")
        self._show_kind()

    # -- the kind -----------------------------------------------------------------------------
    def set_kind(self, kind: ImportKind) -> None:
        """Choose what is imported (the 事業 tab opens the wizard with 過去の事業一覧)."""
        self.kind_chooser.set_kind(kind)

    def _on_kind_changed(self, kind: ImportKind) -> None:
        self.state.set_kind(kind)
        self._show_kind()
        self._show_format(self._format, self.format_label.text())

    def _show_kind(self) -> None:
        if self.state.projects:
            self.setSubTitle(
                self.tr(
                    "過去の事業の一覧（補助金・委託契約などのExcel・CSV。1 行が 1 事業）を選んでください。"
                    "内容を確かめて「取り込む」を押すまで、何も保存しません。"
                )
            )
            self.hint.setText(
                self.tr(
                    "取り込めるファイル:\n"
                    "・課の補助金・委託契約などの一覧のExcelブック（.xlsx）やCSV — 見出し（事業名、契約の相手方、"
                    "法人番号、契約金額、契約締結日 など）がある表。表題の行や 2 行の見出しがあっても構いません\n"
                    "・相手方は法人番号、次に団体名で台帳の団体と照合し、台帳にない団体はこの取り込みで登録します"
                )
            )
        else:
            self.setSubTitle(
                self.tr(
                    "NPO法人ポータルサイトの「行政入力情報」CSV、または団体の一覧（Excel・CSV）を選んでください。"
                    "内容を確かめて「取り込む」を押すまで、何も保存しません。"
                )
            )
            self.hint.setText(
                self.tr(
                    "取り込めるファイル:\n"
                    "・NPO法人ポータルサイトからダウンロードした「行政入力情報」のCSV（そのままの形で）\n"
                    "・団体の一覧のExcelブック（.xlsx）やCSV — 1 行目に見出し（団体名、電話、メール など）がある表\n"
                    "・この画面の「Excelに書き出す」で保存した団体一覧（編集した内容が登録済みの団体に反映されます）"
                )
            )
        wizard = self.wizard()
        if wizard is not None:
            wizard.setWindowTitle(self._window_title())

    def _window_title(self) -> str:
        return self.tr("過去の事業の取り込み") if self.state.projects else self.tr("団体の取り込み")

    # -- the path -----------------------------------------------------------------------------
    def initializePage(self) -> None:
        self._show_kind()
        self.path_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def path_text(self) -> str:
        """The typed path without surrounding blanks or the quotes of 「パスのコピー」."""
        text = self.path_edit.text().strip()
        if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
            text = text[1:-1].strip()
        return text

    def set_path(self, path: str) -> None:
        """Put ``path`` in the field and look at the file at once."""
        self.path_edit.setText(path)
        self._detect()

    def _on_path_text_changed(self, _text: str) -> None:
        show_message(self.error_label, "")
        self._detect_timer.start()

    def _on_browse_clicked(self) -> None:
        current = self.path_text()
        if current and Path(current).parent.is_dir():
            start = str(Path(current).parent)
        else:
            start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation) or str(
                Path.home()
            )
        chosen = dialogs.get_open_file_name(
            self,
            self.tr("取り込むファイルを選ぶ"),
            start,
            self.tr(
                "取り込めるファイル ({patterns});;"
                "NPOポータルCSV (*.csv);;Excel ブック (*.xlsx *.xlsm);;すべてのファイル (*)"
            ).format(patterns=file_patterns()),
        )
        if chosen:
            self.set_path(chosen)
            self.path_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.set_path(urls[0].toLocalFile())
            event.acceptProposedAction()

    # -- the format ---------------------------------------------------------------------------
    @property
    def detected_format(self) -> SourceFormat | None:
        """What the file looks like (None: not a file, or a kind the readers will refuse)."""
        return self._format

    def _detect(self) -> None:
        """Look at the file: its format from the suffix and (CSV) the header; an .xlsx's sheets."""
        self._detect_timer.stop()
        text = self.path_text()
        self._detected_text = text
        if not text:
            self._show_format(None, "")
            return
        path = Path(text)
        if not path.is_file():
            if path.is_dir():
                note = self.tr("フォルダではなくファイルを選んでください")
            elif path.exists():
                note = self.tr("通常のファイルではありません（名前付きパイプ、デバイスなど）")
            else:
                note = self.tr("ファイルが見つかりません")
            self._show_format(None, note)
            return
        try:
            fmt = detect_format(path)
        except ImportFileError:
            # The reader says why (an old .xls, a PDF …) when the officer presses Next.
            self._show_format(
                None, self.tr("取り込めない種類のファイルのようです（.csv か .xlsx を選んでください）")
            )
            return
        if fmt is SourceFormat.XLSX:
            self._show_format(SourceFormat.XLSX, self.tr("Excel ブック"))
            self._load_sheets(path)
        elif fmt is SourceFormat.NPO_PORTAL:
            self._show_format(SourceFormat.NPO_PORTAL, self.tr("NPO法人ポータルサイトのCSV（行政入力情報）"))
        else:
            self._show_format(SourceFormat.CSV, self.tr("CSV（団体の一覧）"))

    def _show_format(self, fmt: SourceFormat | None, text: str) -> None:
        self._format = fmt
        self.format_label.setText(text)
        self.format_label.setStyleSheet("" if fmt is not None else styles.HINT_STYLE)
        self._form.setRowVisible(self.sheet_combo, fmt is SourceFormat.XLSX)
        self.npo_box.setVisible(fmt is SourceFormat.NPO_PORTAL and not self.state.projects)
        if fmt is not SourceFormat.XLSX:
            self._sheets_for = ""
            self.sheet_combo.clear()

    def _load_sheets(self, path: Path) -> None:
        if self._sheets_for == str(path):
            return
        self._sheets_for = str(path)
        self.sheet_combo.clear()
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.setPlaceholderText(self.tr("シートを確認しています…"))

        def loaded(names: list[str]) -> None:
            if self._sheets_for != str(path):
                return  # another file was chosen meanwhile
            self.sheet_combo.setPlaceholderText("")
            for name in names:
                self.sheet_combo.addItem(name, name)
            self.sheet_combo.setEnabled(len(names) > 1)

        def failed(exc: Exception) -> None:
            if self._sheets_for == str(path):
                self.sheet_combo.setPlaceholderText("")
                show_message(self.error_label, self._failure_text(exc, self.tr("シートの確認")))

        self.state.host.start_quiet_task(lambda _task: import_lists.list_sheets(path), loaded, failed)

    # -- reading ------------------------------------------------------------------------------
    def _key(self) -> tuple[Any, ...]:
        fmt = self._format
        if fmt is SourceFormat.NPO_PORTAL:
            return (
                self.state.kind.name,
                self.path_text(),
                fmt,
                self.prefecture_edit.text().strip(),
                self.skip_dissolved_check.isChecked(),
            )
        return (self.state.kind.name, self.path_text(), fmt, self.sheet_combo.currentData())

    def nextId(self) -> int:
        return PAGE_REVIEW if self._format is SourceFormat.NPO_PORTAL else PAGE_MAPPING

    def validatePage(self) -> bool:
        if self._read_done:  # the read just finished and moves the wizard on
            self._read_done = False
            return True
        if self._detect_timer.isActive() or self._detected_text != self.path_text():
            self._detect()
        state = self.state
        key = self._key()
        source = state.source
        if (
            source is not None
            and state.source_key == key
            and (source.format is not SourceFormat.NPO_PORTAL or state.plan is not None)
        ):
            return True
        if state.busy:
            return False
        path = Path(self.path_text())
        try:
            check_source_file(path)  # a named pipe or a device would keep the reader waiting for ever
        except ImportFileError as exc:
            show_message(self.error_label, str(exc))
            return False
        if not path.is_file():
            show_message(self.error_label, self.tr("ファイルが見つかりません: {path}").format(path=path))
            return False
        show_message(self.error_label, "")
        fmt = self._format
        ws, kind = state.ws, state.kind
        if fmt is SourceFormat.NPO_PORTAL:
            prefecture = self.prefecture_edit.text().strip() or None
            skip_dissolved = self.skip_dissolved_check.isChecked()

            def read_portal(task: BackgroundTask) -> tuple[ImportSource, ImportPlan]:
                source = read_source(
                    path,
                    format=SourceFormat.NPO_PORTAL,
                    kind=kind,
                    prefecture=prefecture,
                    skip_dissolved=skip_dissolved,
                    progress=task.report,
                )
                return source, plan(ws, source, progress=task.report)

            state.host.run_task(
                read_portal,
                title=self.tr("ファイルの読み込み"),
                label=self.tr("{name} を読み込み、登録済みの団体と照合しています…").format(name=path.name),
                on_success=lambda result: self._on_portal_read(key, result),
                on_failure=self._on_read_failed,
            )
        else:
            sheet = self.sheet_combo.currentData()
            state.host.run_task(
                lambda task: read_source(path, format=fmt, kind=kind, sheet=sheet, progress=task.report),
                title=self.tr("ファイルの読み込み"),
                label=self.tr("{name} を読み込んでいます…").format(name=path.name),
                on_success=lambda source: self._on_table_read(key, source),
                on_failure=self._on_read_failed,
            )
        return False

    def _on_portal_read(self, key: tuple[Any, ...], result: tuple[ImportSource, ImportPlan]) -> None:
        source, planned = result
        self.state.set_source(source, key)
        self.state.set_plan(planned, key)
        self._move_on()

    def _on_table_read(self, key: tuple[Any, ...], source: ImportSource) -> None:
        if source.format is SourceFormat.XLSX and source.table is not None:
            # the sheet read, by name: the sheet list may arrive only after the read started
            key = (*key[:-1], source.table.sheet)
        self.state.set_source(source, key)
        self._move_on()

    def _move_on(self) -> None:
        self._read_done = True
        self.state.host.next()
        self._read_done = False

    def _failure_text(self, exc: Exception, what: str) -> str:
        bug = self.tr("{what}に失敗しました（{kind}）。詳細はログを確認してください。")
        return errors.error_text(
            exc,
            what="reading the import file",
            file=self.tr("ファイルを読めません: {reason}"),
            bug=bug.replace("{what}", what),
        )

    def _on_read_failed(self, exc: Exception) -> None:
        show_message(self.error_label, self._failure_text(exc, self.tr("読み込み")))
        self.path_edit.setFocus(Qt.FocusReason.OtherFocusReason)
