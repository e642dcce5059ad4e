"""The bar choosing a project's round: 年度, 中間/最終, the form (newest versions), blind mode and
whether a third party is planned. The page reacts to its signals (``EvaluationsPage``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from kyodo_desktop.domain.evaluation_terms import Phase
from kyodo_desktop.gui.evaluations.labels import term
from kyodo_desktop.gui.projects.labels import year_label
from kyodo_desktop.services.evaluation_records import RoundRecord, TemplateRecord


class RoundBar(QWidget):
    """年度 × 時期 and the round's settings.

    ``round_changed()`` when 年度 or 時期 changes; ``settings_changed()`` when the form, blind
    mode or the third-party plan is changed by the officer (not when :meth:`show_round` sets them).
    ``manage_templates()`` when the officer asks for 評価シートの管理.
    """

    round_changed = Signal()
    settings_changed = Signal()
    manage_templates = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.year = QSpinBox()
        self.year.setObjectName("roundYear")
        self.year.setRange(1989, 2100)
        self.year_label = QLabel()
        self.phase = QComboBox()
        self.phase.setObjectName("roundPhase")
        for p in (Phase.FINAL, Phase.MIDTERM):
            self.phase.addItem(term(p.value), p.value)
        self.template = QComboBox()
        self.template.setObjectName("roundTemplate")
        self.blind = QCheckBox(self.tr("ブラインド"))
        self.blind.setObjectName("roundBlind")
        self.blind.setToolTip(self.tr("他の評価者区分が提出するまで、各区分の点数を比較に出さない"))
        self.third_party = QCheckBox(self.tr("第三者評価を予定"))
        self.third_party.setObjectName("roundThirdParty")
        self.state = QLabel()
        self.state.setObjectName("roundState")
        for text, widget in ((self.tr("年度"), self.year), (self.tr("時期"), self.phase)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            layout.addWidget(caption)
            layout.addWidget(widget)
            if widget is self.year:
                layout.addWidget(self.year_label)
        caption = QLabel(self.tr("評価シート"))
        caption.setBuddy(self.template)
        layout.addWidget(caption)
        layout.addWidget(self.template, 1)
        self.manage = QPushButton(self.tr("評価シートの管理…"))
        self.manage.setObjectName("manageTemplates")
        self.manage.setAutoDefault(False)
        self.manage.clicked.connect(self.manage_templates)
        layout.addWidget(self.manage)
        layout.addWidget(self.blind)
        layout.addWidget(self.third_party)
        layout.addWidget(self.state)
        self.year.valueChanged.connect(self._on_round)
        self.phase.currentIndexChanged.connect(self._on_round)
        self.template.currentIndexChanged.connect(self._on_settings)
        self.blind.toggled.connect(self._on_settings)
        self.third_party.toggled.connect(self._on_settings)
        self._quiet = False

    def offer_templates(self, templates: list[TemplateRecord]) -> None:
        """The forms to choose from (the newest version of each)."""
        self._quiet = True
        self.template.clear()
        for t in templates:
            self.template.addItem(
                self.tr("{name}（版{version}）").format(name=t.template.name, version=t.version), t.id
            )
        self._quiet = False

    def set_key(self, fiscal_year: int, phase: str) -> None:
        """Show 年度 and 時期 without signalling."""
        self._quiet = True
        self.year.setValue(fiscal_year)
        self.phase.setCurrentIndex(max(self.phase.findData(phase), 0))
        self.year_label.setText(year_label(fiscal_year))
        self._quiet = False

    def show_round(self, r: RoundRecord | None, *, locked_form: bool) -> None:
        """The round's settings (a new round's defaults when None); the form locked once used."""
        self._quiet = True
        if r is not None:
            found = self.template.findData(r.template_id)
            if found < 0:  # an older version the round keeps: offered as it is
                self.template.addItem(self.tr("（この評価の版）"), r.template_id)
                found = self.template.count() - 1
            self.template.setCurrentIndex(found)
        self.blind.setChecked(r.blind if r else False)
        self.third_party.setChecked(r.third_party_planned if r else False)
        self.template.setEnabled(not locked_form)
        self.state.setText(self.tr("新しい評価") if r is None else "")
        self._quiet = False

    def key(self) -> tuple[int, str]:
        """(年度, 時期) chosen."""
        return self.year.value(), str(self.phase.currentData())

    def template_id(self) -> str | None:
        """The form chosen."""
        data = self.template.currentData()
        return str(data) if data else None

    def _on_round(self) -> None:
        self.year_label.setText(year_label(self.year.value()))
        if not self._quiet:
            self.round_changed.emit()

    def _on_settings(self) -> None:
        if not self._quiet:
            self.settings_changed.emit()
