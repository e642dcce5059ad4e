"""「一覧から取り込む…」 of the 事業 tab: the import wizard with 過去の事業一覧 chosen.

The window's one import wizard is used (the registry tab's, which the インポート action opens
too; the window reloads both tabs after an import), so two imports never run side by side. A
tab made without a window (``open_import`` None) opens a wizard of its own and reloads itself.
The wizard's modules are imported on the click: the window starts without them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from kyodo_desktop.domain.import_kind import ImportKind
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.gui.importing.wizard import ImportWizard

#: ``open_import(kind)``: show the window's import wizard with ``kind`` chosen (None: read-only).
OpenImport = Callable[[ImportKind], "ImportWizard | None"]


def import_button(clicked: Callable[[], object]) -> QPushButton:
    """The tab's 「一覧から取り込む…」 button (``importProjectsButton``), calling ``clicked``."""
    button = QPushButton(QCoreApplication.translate("ProjectsTab", "一覧から取り込む…"))
    button.setObjectName("importProjectsButton")
    button.setAutoDefault(False)
    button.setToolTip(
        QCoreApplication.translate(
            "ProjectsTab", "課の補助金・委託契約などの一覧（Excel・CSV）から過去の事業を取り込む"
        )
    )
    button.clicked.connect(lambda: clicked())
    return button


def open_past_project_import(
    parent: QWidget, ws: Workspace, open_import: OpenImport | None, reload: Callable[[], None]
) -> ImportWizard | None:
    """Show the import wizard for a past-project list; ``reload`` runs after an own wizard's import."""
    from kyodo_desktop.domain.project_import import PROJECTS

    if open_import is not None:
        return open_import(PROJECTS)
    from kyodo_desktop.gui.importing.wizard import ImportWizard

    wizard = ImportWizard(ws, parent, kind=PROJECTS)
    wizard.import_finished.connect(lambda _summary: reload())
    wizard.finished.connect(lambda _result: wizard.deleteLater())
    wizard.show()
    return wizard
