"""Steps of the import wizard: ファイル, 列の対応 and 結果 (the 確認 step is in ``review_page``).

A page's ``validatePage`` starts its slow work (reading the file, matching the rows, writing)
through :meth:`ImportWizard.run_task` and answers False; when the work succeeds the result is
stored on the wizard and the wizard moves on, so ``validatePage`` — asked again — answers True.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kyodo_desktop.domain.column_mapping import (
    IGNORE,
    TARGETS,
    column_letter,
    mapping_by_header,
    mapping_problems,
    propose_mapping,
)
from kyodo_desktop.domain.importing import ImportFileError, SourceFormat
from kyodo_desktop.gui import dialogs, styles
from kyodo_desktop.gui.importing.wizard import PAGE_MAPPING, PAGE_REVIEW, ReadSource
from kyodo_desktop.gui.tasks import BackgroundTask
from kyodo_desktop.persistence.errors import KnownError, known_database_error
from kyodo_desktop.services import import_lists
from kyodo_desktop.services.import_npo_portal import NpoPortalRead, looks_like_npo_portal, read_npo_portal
from kyodo_desktop.services.importing import ImportPlan, plan_import
from kyodo_desktop.services.settings import home_prefecture

if TYPE_CHECKING:
    from kyodo_desktop.gui.importing.wizard import ImportWizard

log = logging.getLogger(__name__)

#: Path-typing pause before the file is looked at (format, sheets).
DETECT_DELAY_MS = 200
_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_CSV_SUFFIXES = (".csv", ".txt", ".tsv")


def _failure_text(page: QWidget, exc: Exception, what: str) -> str:
    """A Japanese message for a failed step: the error's own text when it is a known one."""
    if isinstance(exc, ImportFileError | KnownError):
        return str(exc)
    known = known_database_error(exc)
    if known is not None:
        return str(known)
    if isinstance(exc, OSError):
        return page.tr("ファイルを読めません: {error}").format(error=exc.strerror or exc)
    log.error("%s failed", what, exc_info=exc)
    return page.tr("{what}に失敗しました（{kind}）。詳細はログを確認してください。").format(
        what=what, kind=type(exc).__name__
    )


def message_label(name: str) -> QLabel:
    """A hidden, wrapping, selectable label for an inline message (see :func:`show_message`)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(styles.ERROR_STYLE)
    label.hide()
    return label


def show_message(label: QLabel, text: str, style: str = styles.ERROR_STYLE) -> None:
    """Show ``text`` in ``label`` in ``style``; an empty text hides the label."""
    label.setStyleSheet(style)
    label.setText(text)
    label.setVisible(bool(text))


class _SubmitLineEdit(QLineEdit):
    """A line edit whose Enter acts on its own row (``submitted``) instead of the wizard's Next."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


# -- 1. the file ---------------------------------------------------------------------------------


class FilePage(QWizardPage):
    """Step 1: the file, its detected format, and the options of that format."""

    def __init__(self, owner: ImportWizard) -> None:
        super().__init__()
        self.owner = owner
        self.setObjectName("importFilePage")
        self.setTitle(self.tr("取り込むファイルを選ぶ"))
        self.setSubTitle(
            self.tr(
                "NPO法人ポータルサイトの「行政入力情報」CSV、または団体の一覧（Excel・CSV）を選んでください。"
                "内容を確かめて「取り込む」を押すまで、何も保存しません。"
            )
        )
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
        self.prefecture_edit = QLineEdit(home_prefecture(owner.ws.data_dir))
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
        hint = QLabel(
            self.tr(
                "取り込めるファイル:\n"
                "・NPO法人ポータルサイトからダウンロードした「行政入力情報」のCSV（そのままの形で）\n"
                "・団体の一覧のExcelブック（.xlsx）やCSV — 1 行目に見出し（団体名、電話、メール など）がある表\n"
                "・この画面の「Excelに書き出す」で保存した団体一覧（編集した内容が登録済みの団体に反映されます）"
            )
        )
        hint.setObjectName("fileHint")
        hint.setWordWrap(True)
        hint.setStyleSheet(styles.HINT_STYLE)
        layout.addWidget(hint)

        self.registerField("path*", self.path_edit)
        self._show_format(None, "")

    # -- the path -----------------------------------------------------------------------------
    def initializePage(self) -> None:
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
                "取り込めるファイル (*.csv *.xlsx *.xlsm *.txt *.tsv);;"
                "NPOポータルCSV (*.csv);;Excel ブック (*.xlsx *.xlsm);;すべてのファイル (*)"
            ),
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
            note = (
                self.tr("フォルダではなくファイルを選んでください")
                if path.is_dir()
                else self.tr("ファイルが見つかりません")
            )
            self._show_format(None, note)
            return
        suffix = path.suffix.lower()
        if suffix in _XLSX_SUFFIXES:
            self._show_format(SourceFormat.XLSX, self.tr("Excel ブック"))
            self._load_sheets(path)
        elif looks_like_npo_portal(path):
            self._show_format(SourceFormat.NPO_PORTAL, self.tr("NPO法人ポータルサイトのCSV（行政入力情報）"))
        elif suffix in _CSV_SUFFIXES:
            self._show_format(SourceFormat.CSV, self.tr("CSV（団体の一覧）"))
        else:
            # The reader says why (an old .xls, a PDF …) when the officer presses Next.
            self._show_format(
                None, self.tr("取り込めない種類のファイルのようです（.csv か .xlsx を選んでください）")
            )

    def _show_format(self, fmt: SourceFormat | None, text: str) -> None:
        self._format = fmt
        self.format_label.setText(text)
        self.format_label.setStyleSheet("" if fmt is not None else styles.HINT_STYLE)
        self._form.setRowVisible(self.sheet_combo, fmt is SourceFormat.XLSX)
        self.npo_box.setVisible(fmt is SourceFormat.NPO_PORTAL)
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
                show_message(self.error_label, _failure_text(self, exc, self.tr("シートの確認")))

        self.owner.start_quiet_task(lambda _task: import_lists.list_sheets(path), loaded, failed)

    # -- reading ------------------------------------------------------------------------------
    def _key(self) -> tuple[Any, ...]:
        fmt = self._format
        if fmt is SourceFormat.NPO_PORTAL:
            return (
                self.path_text(),
                fmt,
                self.prefecture_edit.text().strip(),
                self.skip_dissolved_check.isChecked(),
            )
        return (self.path_text(), fmt, self.sheet_combo.currentData())

    def nextId(self) -> int:
        return PAGE_REVIEW if self._format is SourceFormat.NPO_PORTAL else PAGE_MAPPING

    def validatePage(self) -> bool:
        if self._read_done:  # the read just finished and moves the wizard on
            self._read_done = False
            return True
        if self._detect_timer.isActive() or self._detected_text != self.path_text():
            self._detect()
        owner = self.owner
        key = self._key()
        source = owner.source
        if (
            source is not None
            and source.key == key
            and (source.format is not SourceFormat.NPO_PORTAL or owner.plan is not None)
        ):
            return True
        if owner.busy:
            return False
        path = Path(self.path_text())
        if not path.is_file():
            show_message(self.error_label, self.tr("ファイルが見つかりません: {path}").format(path=path))
            return False
        show_message(self.error_label, "")
        fmt = self._format
        ws = owner.ws
        if fmt is SourceFormat.NPO_PORTAL:
            prefecture = self.prefecture_edit.text().strip() or None
            skip_dissolved = self.skip_dissolved_check.isChecked()

            def read_portal(task: BackgroundTask) -> tuple[NpoPortalRead, ImportPlan]:
                read = read_npo_portal(
                    path, prefecture=prefecture, skip_dissolved=skip_dissolved, progress=task.report
                )
                return read, plan_import(ws, read.rows, source_name=path.name, progress=task.report)

            owner.run_task(
                read_portal,
                title=self.tr("ファイルの読み込み"),
                label=self.tr("{name} を読み込み、登録済みの団体と照合しています…").format(name=path.name),
                on_success=lambda result: self._on_portal_read(key, path, result),
                on_failure=self._on_read_failed,
            )
        else:
            sheet = self.sheet_combo.currentData()
            owner.run_task(
                lambda task: import_lists.read_table(path, sheet=sheet, progress=task.report),
                title=self.tr("ファイルの読み込み"),
                label=self.tr("{name} を読み込んでいます…").format(name=path.name),
                on_success=lambda table: self._on_table_read(key, path, table),
                on_failure=self._on_read_failed,
            )
        return False

    def _on_portal_read(
        self, key: tuple[Any, ...], path: Path, result: tuple[NpoPortalRead, ImportPlan]
    ) -> None:
        read, plan = result
        self.owner.set_source(ReadSource(key, path, SourceFormat.NPO_PORTAL, portal=read))
        self.owner.set_plan(plan, key)
        self._move_on()

    def _on_table_read(self, key: tuple[Any, ...], path: Path, table: import_lists.SourceTable) -> None:
        if table.format is SourceFormat.XLSX:
            # the sheet read, by name: the sheet list may arrive only after the read started
            key = (*key[:-1], table.sheet)
        self.owner.set_source(ReadSource(key, path, table.format, table=table))
        self._move_on()

    def _move_on(self) -> None:
        self._read_done = True
        self.owner.next()
        self._read_done = False

    def _on_read_failed(self, exc: Exception) -> None:
        show_message(self.error_label, _failure_text(self, exc, self.tr("読み込み")))
        self.path_edit.setFocus(Qt.FocusReason.OtherFocusReason)


# -- 2. the column mapping -------------------------------------------------------------------


class MappingPage(QWizardPage):
    """Step 2 (Excel and CSV lists): which column feeds which field, proposed from the headers;
    templates save and re-apply a mapping."""

    def __init__(self, owner: ImportWizard) -> None:
        super().__init__()
        self.owner = owner
        self.setObjectName("importMappingPage")
        self.setTitle(self.tr("列の対応を確かめる"))
        self.setSubTitle(
            self.tr(
                "ファイルの列ごとに、どの項目として取り込むかを選んでください。見出しから自動で選んであります。"
            )
        )
        self._table: import_lists.SourceTable | None = None
        self._combos: list[QComboBox] = []
        self._planned = False

        layout = QVBoxLayout(self)
        templates = QHBoxLayout()
        template_label = QLabel(self.tr("テンプレート(&T):"))
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("templateCombo")
        self.template_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.template_combo.setMinimumContentsLength(12)
        self.template_combo.activated.connect(self._on_template_activated)
        template_label.setBuddy(self.template_combo)
        templates.addWidget(template_label)
        templates.addWidget(self.template_combo)
        templates.addStretch(1)
        name_label = QLabel(self.tr("名前(&N):"))
        self.template_name_edit = _SubmitLineEdit()
        self.template_name_edit.setObjectName("templateNameEdit")
        self.template_name_edit.setPlaceholderText(self.tr("例: 市民活動団体名簿"))
        self.template_name_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("国" * 14))
        self.template_name_edit.submitted.connect(self._on_save_template)
        name_label.setBuddy(self.template_name_edit)
        self.save_template_button = QPushButton(self.tr("テンプレートとして保存"))
        self.save_template_button.setObjectName("saveTemplateButton")
        self.save_template_button.setAutoDefault(False)
        self.save_template_button.clicked.connect(self._on_save_template)
        templates.addWidget(name_label)
        templates.addWidget(self.template_name_edit)
        templates.addWidget(self.save_template_button)
        layout.addLayout(templates)
        self.template_status = message_label("templateStatus")
        layout.addWidget(self.template_status)

        self.mapping_area = QScrollArea()
        self.mapping_area.setObjectName("mappingArea")
        self.mapping_area.setWidgetResizable(True)
        layout.addWidget(self.mapping_area, 1)
        self.error_label = message_label("mappingError")
        layout.addWidget(self.error_label)

    # -- building -----------------------------------------------------------------------------
    def initializePage(self) -> None:
        source = self.owner.source
        table = source.table if source is not None else None
        if table is not None and table is not self._table:
            self._build(table)
        self._refresh_templates()
        show_message(self.template_status, "")
        self._update_problems()
        if self._combos:
            self._combos[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _build(self, table: import_lists.SourceTable) -> None:
        self._table = table
        self._combos = []
        host = QWidget()
        grid = QGridLayout(host)
        for column, text in enumerate(
            (self.tr("列"), self.tr("ファイルの見出し"), self.tr("例"), self.tr("取り込み先"))
        ):
            heading = QLabel(f"<b>{text}</b>")
            grid.addWidget(heading, 0, column)
        proposed = propose_mapping(table.headers)
        for index, header in enumerate(table.headers):
            row = index + 1
            letter = QLabel(column_letter(index))
            letter.setStyleSheet(styles.HINT_STYLE)
            header_label = QLabel(header.strip() or self.tr("（見出しなし）"))
            sample = QLabel(self._sample(table, index))
            sample.setStyleSheet(styles.HINT_STYLE)
            sample.setTextFormat(Qt.TextFormat.PlainText)
            combo = QComboBox()
            combo.setObjectName(f"mapCombo{index}")
            combo.setAccessibleName(
                self.tr("「{header}」の取り込み先").format(header=header.strip() or column_letter(index))
            )
            combo.setMaxVisibleItems(len(TARGETS))
            combo.addItem(self.tr(TARGETS[IGNORE]), IGNORE)
            for target, label in TARGETS.items():
                if target != IGNORE:
                    combo.addItem(self.tr(label), target)
            combo.setCurrentIndex(max(combo.findData(proposed.get(index, IGNORE)), 0))
            combo.currentIndexChanged.connect(self._on_combo_changed)
            header_label.setBuddy(combo)
            grid.addWidget(letter, row, 0)
            grid.addWidget(header_label, row, 1)
            grid.addWidget(sample, row, 2)
            grid.addWidget(combo, row, 3)
            self._combos.append(combo)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(table.headers) + 1, 1)
        self.mapping_area.setWidget(host)  # the previous host is deleted with its combos
        previous = None
        for combo in self._combos:
            if previous is not None:
                QWidget.setTabOrder(previous, combo)
            previous = combo

    @staticmethod
    def _sample(table: import_lists.SourceTable, index: int) -> str:
        """Up to two different values of the column, to tell columns apart."""
        seen: list[str] = []
        for _number, cells in table.rows[:200]:
            value = " ".join(cells[index].split()) if index < len(cells) else ""
            if value and value not in seen:
                seen.append(value if len(value) <= 24 else value[:23] + "…")
                if len(seen) == 2:
                    break
        return "、".join(seen)

    # -- the mapping --------------------------------------------------------------------------
    def mapping(self) -> dict[int, str]:
        """Column index → target, as chosen now."""
        return {index: str(combo.currentData()) for index, combo in enumerate(self._combos)}

    def set_mapping(self, mapping: dict[int, str]) -> None:
        """Choose ``mapping`` in the combos (columns not in it: 取り込まない)."""
        for index, combo in enumerate(self._combos):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(mapping.get(index, IGNORE)), 0))
            combo.blockSignals(False)
        self._on_mapping_changed()

    def _headers(self) -> list[str]:
        return self._table.headers if self._table is not None else []

    def _problems(self) -> list[str]:
        return mapping_problems(self.mapping(), self._headers()) if self._table is not None else []

    def _on_combo_changed(self, _index: int) -> None:
        # The officer changed a column: the mapping is no longer the template's.
        self.template_combo.setCurrentIndex(0)
        self._on_mapping_changed()

    def _on_mapping_changed(self) -> None:
        self._update_problems()
        self.completeChanged.emit()

    def _update_problems(self) -> None:
        problems = self._problems()
        show_message(self.error_label, "\n".join(problems))

    def isComplete(self) -> bool:
        return self._table is not None and not self._problems()

    # -- templates ----------------------------------------------------------------------------
    def _refresh_templates(self, select: str = "") -> None:
        names = import_lists.template_names(self.owner.ws.data_dir)
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        self.template_combo.addItem(
            self.tr("（テンプレートを選ぶ）") if names else self.tr("（保存したテンプレートはありません）"),
            "",
        )
        for name in names:
            self.template_combo.addItem(name, name)
        self.template_combo.setCurrentIndex(max(self.template_combo.findData(select), 0))
        self.template_combo.setEnabled(bool(names))
        self.template_combo.blockSignals(False)

    def _on_template_activated(self, index: int) -> None:
        name = self.template_combo.itemData(index)
        if not name or self._table is None:
            return
        try:
            template = import_lists.load_mapping_template(self.owner.ws.data_dir, name)
        except (ImportFileError, KnownError) as exc:
            show_message(self.template_status, str(exc))
            return
        self.set_mapping(import_lists.apply_template(self._table.headers, template))
        show_message(
            self.template_status,
            self.tr("テンプレート「{name}」の対応を選びました。").format(name=name),
            styles.SUCCESS_STYLE,
        )

    def _on_save_template(self) -> None:
        if self._table is None:
            return
        name = " ".join(self.template_name_edit.text().split())
        if not name:
            show_message(self.template_status, self.tr("テンプレートの名前を入力してください。"))
            self.template_name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        data_dir = self.owner.ws.data_dir
        if name in import_lists.template_names(data_dir) and not dialogs.confirm(
            self,
            self.tr("テンプレートとして保存"),
            self.tr("テンプレート「{name}」は既にあります。今の列の対応で置き換えますか？").format(name=name),
            ok_text=self.tr("置き換える"),
        ):
            return
        try:
            import_lists.save_mapping_template(
                data_dir, name, mapping_by_header(self._table.headers, self.mapping())
            )
        except (ImportFileError, KnownError) as exc:
            show_message(self.template_status, str(exc))
            return
        self._refresh_templates(select=name)
        show_message(
            self.template_status,
            self.tr("テンプレート「{name}」を保存しました。次回から「テンプレート」で選べます。").format(
                name=name
            ),
            styles.SUCCESS_STYLE,
        )

    # -- matching -----------------------------------------------------------------------------
    def validatePage(self) -> bool:
        owner = self.owner
        source = owner.source
        if self._planned:  # the match just finished and moves the wizard on
            self._planned = False
            return True
        if source is None or source.table is None:
            return False
        mapping = self.mapping()
        key = (source.key, tuple(sorted(mapping.items())))
        if owner.plan is not None and owner.plan_key == key:
            return True
        if owner.busy or not self.isComplete():
            return False
        show_message(self.error_label, "")
        table, ws, name = source.table, owner.ws, source.path.name

        def work(task: BackgroundTask) -> ImportPlan:
            rows = import_lists.convert_table(table, mapping, progress=task.report)
            return plan_import(ws, rows, source_name=name, progress=task.report)

        owner.run_task(
            work,
            title=self.tr("取り込む内容の確認"),
            label=self.tr("{count} 行を確かめ、登録済みの団体と照合しています…").format(
                count=f"{len(table.rows):,}"
            ),
            on_success=lambda plan: self._on_planned(key, plan),
            on_failure=self._on_plan_failed,
        )
        return False

    def _on_planned(self, key: tuple[Any, ...], plan: ImportPlan) -> None:
        self.owner.set_plan(plan, key, mapping=dict(key[1]))
        self._planned = True
        self.owner.next()
        self._planned = False

    def _on_plan_failed(self, exc: Exception) -> None:
        show_message(self.error_label, _failure_text(self, exc, self.tr("照合")))


# -- 4. the result ---------------------------------------------------------------------------


class ResultPage(QWizardPage):
    """Step 4: what was written, and where the backup taken before it is."""

    def __init__(self, owner: ImportWizard) -> None:
        super().__init__()
        self.owner = owner
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
        summary = self.owner.summary
        if summary is None:
            return
        self.owner.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.result_label.setText(
            "\n".join(
                [
                    self.tr("新規 {created} 件、更新 {updated} 件を取り込みました。").format(
                        created=f"{summary.created:,}", updated=f"{summary.updated:,}"
                    ),
                    self.tr("取り込まなかった行: 変更なし・重複など {skipped} 件、エラー {errors} 件").format(
                        skipped=f"{summary.skipped:,}", errors=f"{summary.errors:,}"
                    ),
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
        self.owner.save_summary(self.summary_status)
