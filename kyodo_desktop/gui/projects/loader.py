"""What the 事業 tab's filters work on: the listing rows and the partner index, read off the UI thread.

The rows of the list shown (projects, drafts or trash) are read once per :meth:`reload` with
plain ``sqlite3`` (``gui.preload.read_projects``); the partner index is read right after them
(a read-ahead, as the registry reads its search column), or when a partner filter needs it
first. The window's start-up read (``gui.preload.StartupRead``) gives the first rows, if no one
wrote to the file since it read them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kyodo_desktop.gui.preload import ProjectsRead, StartupRead, file_stamp, read_projects
from kyodo_desktop.gui.tasks import TaskGroup
from kyodo_desktop.persistence import project_listing
from kyodo_desktop.persistence.project_listing import PartnerIndex, Row


class ProjectListLoader(QObject):
    """The rows and partner index of one list, as last read, and the reads under way.

    Signals: ``ready()`` when what :meth:`request` asked for is held; ``failed(object)`` with the
    exception of a read that failed meanwhile.
    """

    ready = Signal()
    failed = Signal(object)

    def __init__(self, db_path: Path, parent: QObject, preloaded: StartupRead | None = None) -> None:
        super().__init__(parent)
        self._db_path = db_path
        self._tasks = TaskGroup()
        self._epoch = 0  # one per reload; reads of an older one are dropped
        self._mode = (False, False)  # drafts, trash
        self.rows: list[Row] | None = None
        self.partners: PartnerIndex | None = None
        #: the 年度 and 担当課 among the rows (for the filters' choices)
        self.years: set[int] = set()
        self.sections: set[str] = set()
        self._reading: dict[str, int] = {}  # "rows"/"partners" → the epoch being read
        self._waiting: bool | None = None  # a ready is owed (True: partners needed too)
        self._startup: ProjectsRead | None = None
        self._startup_pending = preloaded is not None
        self._startup_stamp = preloaded.stamp if preloaded is not None else ()
        self._preloaded = preloaded
        if preloaded is not None:
            preloaded.projects_read.connect(self._on_startup_read)
            if preloaded.projects_outcome is not None:  # sent before we connected
                self._on_startup_read(preloaded.projects_outcome[0])

    @property
    def waiting(self) -> bool:
        """Whether a ``ready`` is owed."""
        return self._waiting is not None

    def reload(self, *, drafts: bool, trash: bool, partners: bool = False) -> bool:
        """Forget the rows held and read the list again; see :meth:`request`."""
        first = self._epoch == 0
        self._epoch += 1
        self._mode = (drafts, trash)
        self.rows = self.partners = None
        if not first or self._mode != (False, False):
            self._startup, self._startup_pending = None, False  # that read is of another list
        return self.request(partners=partners)

    def request(self, *, partners: bool) -> bool:
        """True when the rows (and with ``partners`` the partner index) are held; else they are
        read, and ``ready`` (or ``failed``) follows."""
        if self.rows is None and self._startup_pending:
            assert self._preloaded is not None
            if self._preloaded.release_projects():  # it reads the day first: read here now
                self._startup_pending = False
            else:
                self._waiting = partners  # the newest filters decide
                return False  # the start-up read is nearly there
        if self.rows is None and self._startup is not None:
            rows, _ = self._startup
            fresh = rows is not None and file_stamp(self._db_path) == self._startup_stamp
            self._startup = None  # used once (or dropped): its memory is not kept
            if fresh and rows is not None:
                self._take_rows(rows)
        need_rows = self.rows is None
        need_partners = partners and self.partners is None
        if not (need_rows or need_partners):
            self._waiting = None
            if self.partners is None:
                self._read(rows=False, partners=True)  # ahead of the first partner filter
            return True
        self._waiting = partners  # the newest filters decide
        self._read(rows=need_rows, partners=need_partners)
        return False

    def _take_rows(self, rows: list[Row]) -> None:
        self.rows = rows
        self.years = {r[project_listing.YEAR] for r in rows if r[project_listing.YEAR] is not None}
        self.sections = {r[project_listing.SECTION] for r in rows}

    def _read(self, *, rows: bool, partners: bool) -> None:
        epoch = self._epoch
        rows = rows and self._reading.get("rows") != epoch
        partners = partners and self._reading.get("partners") != epoch
        if not (rows or partners):
            return  # what is missing is being read already
        for kind, wanted in (("rows", rows), ("partners", partners)):
            if wanted:
                self._reading[kind] = epoch
        drafts, trash = self._mode
        task = read_projects(
            self._db_path, rows=rows, partners=partners, drafts=drafts, trash=trash, parent=self
        )
        task.succeeded.connect(lambda result: self._on_read(epoch, rows, partners, result))
        task.failed.connect(lambda exc: self._on_failed(epoch, rows, partners, exc))
        self._tasks.start(task)

    def _done_reading(self, epoch: int, rows: bool, partners: bool) -> None:
        for kind, read in (("rows", rows), ("partners", partners)):
            if read and self._reading.get(kind) == epoch:
                del self._reading[kind]

    def _on_read(self, epoch: int, rows: bool, partners: bool, result: ProjectsRead) -> None:
        self._done_reading(epoch, rows, partners)
        if epoch != self._epoch:
            return
        listing, index = result
        if listing is not None and self.rows is None:
            self._take_rows(listing)
        if index is not None and self.partners is None:
            self.partners = index
        self._settle()

    def _on_failed(self, epoch: int, rows: bool, partners: bool, exc: Exception) -> None:
        self._done_reading(epoch, rows, partners)
        if epoch == self._epoch and self._waiting is not None:
            self._waiting = None
            self.failed.emit(exc)

    def _on_startup_read(self, result: ProjectsRead | None) -> None:
        if not self._startup_pending:
            return  # dropped meanwhile, or a second delivery
        self._startup_pending = False
        self._startup = result
        if self._waiting is not None:
            self._settle()

    def _settle(self) -> None:
        """Send the ``ready`` owed, if what it waits for is held."""
        if self._waiting is not None and self.request(partners=self._waiting):
            self.ready.emit()

    def stop(self) -> None:
        """Stop the reads under way (before the tab goes away)."""
        self._tasks.stop_all()
