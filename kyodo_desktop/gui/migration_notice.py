"""The first start after an upgrade: the data file's format is updated behind a notice.

Updating a large file takes a while (11–15 s at 100,000 organizations); done in the UI thread
before the window showed, the program looked as if it had not started. Here the update runs in
a worker — the same ``Workspace.open`` a writer does, opened and closed again — while a small
dialog says 「データ形式を更新しています…」. Whatever goes wrong there (the folder locked by another
program, a damaged file) is left to the window's ordinary opening, which reports it as always.

The window calls it before it adopts the early read of the rows (``gui.preload``): adopted, that
read's ``finished`` would delete it inside the notice's event loop, before the tab takes it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from kyodo_desktop.gui.tasks import BackgroundTask
from kyodo_desktop.persistence import health, sqlite_file
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)

#: A quick update shows nothing; the notice appears once it has taken this long.
NOTICE_DELAY_MS = 300


def _needs_update(data_dir: Path) -> bool:
    path = data_dir / sqlite_file.DB_FILE_NAME
    try:
        return path.is_file() and health.needs_migration(path)
    except (KnownError, OSError):  # foreign, newer or unreadable: the window's opening says so
        return False


def _update(data_dir: Path) -> None:
    Workspace.open(data_dir, write=True, daily_backup=False, check=False).close()


def update_data_format(data_dir: Path) -> bool:
    """Bring the data file of ``data_dir`` to this program's format, showing a notice meanwhile.

    Returns whether an update was attempted (False: nothing to do). Errors are only logged.
    """
    if not _needs_update(data_dir):
        return False
    log.info("data file format is older; updating it before the window opens")
    task = BackgroundTask(lambda _task: _update(data_dir))
    dialog = QProgressDialog(
        QCoreApplication.translate(
            "migration",
            "データ形式を更新しています…\n大きな台帳では十数秒かかることがあります。終わるまでお待ちください。",
        ),
        "",
        0,
        0,
    )
    dialog.setObjectName("migrationNotice")
    dialog.setWindowTitle(QCoreApplication.translate("migration", "協働デスク"))
    dialog.setCancelButton(None)  # a half-done update is rolled back, but stopping it helps no one
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(NOTICE_DELAY_MS)
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    task.failed.connect(lambda exc: log.warning("data format update failed: %s", type(exc).__name__))
    QTimer.singleShot(NOTICE_DELAY_MS, dialog, lambda: dialog.show() if task.isRunning() else None)
    task.start()
    if not task.isFinished():
        loop.exec()
    task.wait()
    dialog.close()
    dialog.deleteLater()
    task.deleteLater()
    return True
