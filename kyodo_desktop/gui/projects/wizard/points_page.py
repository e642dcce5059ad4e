"""The step 六つのポイント: each of the six 協働のポイント 確認済 / 一部 / 未, with the evidence.

Each point shows the manual's first advice on it; 確認済 asks for the evidence (what was done).
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QGroupBox, QHBoxLayout, QLineEdit, QRadioButton, QVBoxLayout

from kyodo_desktop.domain.project import PointCheck, ProjectInput
from kyodo_desktop.domain.project_terms import COLLABORATION_POINTS, PointStatus
from kyodo_desktop.domain.validation import ValidationError
from kyodo_desktop.gui.projects.wizard.manual import point_hint, why_line
from kyodo_desktop.gui.projects.wizard.state import PAGE_POINTS, ProjectPage, WizardState
from kyodo_desktop.gui.projects.wizard.widgets import hint_label, named, term

__all__ = ["PointsPage"]


class PointsPage(ProjectPage):
    """六つのポイント: a status and an evidence note per point (object names ``point{n}…``)."""

    FIELDS = frozenset({"points"})

    def __init__(self, state: WizardState) -> None:
        super().__init__(state, self.tr("六つのポイント"), why_line(PAGE_POINTS))
        self.setSubTitle(self.tr("協働のポイントごとに、確かめたかどうかとその根拠を記録します。"))
        self.groups: dict[str, QButtonGroup] = {}
        self.radios: dict[tuple[str, str], QRadioButton] = {}
        self.evidence_edits: dict[str, QLineEdit] = {}
        for n, point in enumerate(COLLABORATION_POINTS):
            box = QGroupBox(f"{n + 1}. {term(point)}")
            layout = QVBoxLayout(box)
            layout.addWidget(hint_label(point_hint(point)))
            line = QHBoxLayout()
            group = QButtonGroup(self)
            for status in PointStatus:
                radio = named(QRadioButton(term(status.value)), f"point{n}_{status.name.lower()}")
                group.addButton(radio)
                self.radios[point, status.value] = radio
                line.addWidget(radio)
            self.groups[point] = group
            edit = named(QLineEdit(), f"point{n}Evidence")
            edit.setPlaceholderText(self.tr("根拠（例: 5月の意見交換会で双方の目的を確認）"))
            self.evidence_edits[point] = edit
            line.addWidget(edit, 1)
            layout.addLayout(line)
            self.body_layout.addWidget(box)
        self.body_layout.addStretch(1)

    def populate(self, data: ProjectInput) -> None:
        for point in COLLABORATION_POINTS:
            check = data.points.get(point, PointCheck())
            self.radios[point, check.status].setChecked(True)
            self.evidence_edits[point].setText(check.evidence)

    def status_of(self, point: str) -> str:
        """The status chosen for ``point``."""
        return next(s for (p, s), r in self.radios.items() if p == point and r.isChecked())

    def collect(self, data: ProjectInput, found: list[ValidationError]) -> None:
        data.points = {
            point: PointCheck(self.status_of(point), self.evidence_edits[point].text())
            for point in COLLABORATION_POINTS
        }

    def extra_errors(self, data: ProjectInput) -> list[ValidationError]:
        """確認済 means something was done to confirm it: say what."""
        return [
            ValidationError(
                "points",
                self.tr("「{point}」を確認済とするときは、根拠を書いてください").format(point=term(point)),
            )
            for point, check in data.points.items()
            if check.status == PointStatus.CONFIRMED.value and not check.evidence.strip()
        ]
