"""What the import wizard's pages share: the import state and the page ids.

The wizard makes one :class:`ImportState` and hands it to every page; the pages import this
module, never the wizard (no import cycle). The state holds what the pipeline
(:mod:`kyodo_desktop.services.import_pipeline`) produced so far — the file read, the column
mapping, the plan, the result — and reaches the wizard only through :class:`WizardHost`.

What is imported is the state's :class:`~kyodo_desktop.domain.import_kind.ImportKind`: the
organization list (団体名簿: :class:`ImportPlan`) or the past-project list (過去の事業一覧:
:class:`~kyodo_desktop.services.project_import.ProjectImportPlan`, whose rows the state keeps to
plan them again with 「誤りのある値を除いて取り込む」). The pages ask :attr:`ImportState.projects`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from kyodo_desktop.domain.column_mapping import ORGANIZATIONS
from kyodo_desktop.domain.import_kind import ImportKind
from kyodo_desktop.domain.importing import ImportRow
from kyodo_desktop.domain.project_import import PROJECTS
from kyodo_desktop.gui.tasks import BackgroundTask
from kyodo_desktop.services.import_pipeline import ImportSource
from kyodo_desktop.services.importing import ImportPlan, ImportSummary
from kyodo_desktop.services.project_import import ProjectImportPlan, ProjectImportSummary
from kyodo_desktop.services.workspace import Workspace

PAGE_FILE = 0
PAGE_MAPPING = 1
PAGE_REVIEW = 2
PAGE_RESULT = 3


class WizardHost(Protocol):
    """What the pages ask of the wizard: background work, moving on, and the end of the import."""

    @property
    def busy(self) -> bool: ...

    def run_task(
        self,
        work: Callable[[BackgroundTask], Any],
        *,
        title: str,
        label: str,
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
        cancellable: bool = True,
    ) -> BackgroundTask: ...

    def start_quiet_task(
        self,
        work: Callable[[BackgroundTask], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
    ) -> BackgroundTask: ...

    def next(self) -> None: ...

    def finish_import(self, summary: ImportSummary | ProjectImportSummary) -> None: ...


class ImportState:
    """One import as the wizard goes through it; each later step is dropped when an earlier one
    changes (a new file drops the plan).

    ``source_key``/``plan_key`` are the choices the source and the plan were made with, so a
    page can tell whether going on again needs new work.
    """

    def __init__(self, ws: Workspace, host: WizardHost, kind: ImportKind = ORGANIZATIONS) -> None:
        self.ws = ws
        self.host = host
        self.kind = kind
        self.source: ImportSource | None = None
        self.source_key: tuple[Any, ...] | None = None
        self.plan: ImportPlan | ProjectImportPlan | None = None
        self.plan_key: tuple[Any, ...] | None = None
        #: the column mapping the plan was made with (lists only)
        self.mapping: dict[int, str] | None = None
        #: past projects: the converted rows the plan was made from (planned again by drop-invalid)
        self.rows: list[ImportRow[Any]] = []
        self.summary: ImportSummary | ProjectImportSummary | None = None

    @property
    def projects(self) -> bool:
        """Whether past projects (事業) are imported, not organizations."""
        return self.kind is PROJECTS

    def set_kind(self, kind: ImportKind) -> None:
        """Another kind was chosen: the file is read again for it (header row, mapping)."""
        if kind is self.kind:
            return
        self.kind = kind
        self.source = None
        self.source_key = None
        self.plan = None
        self.plan_key = None
        self.mapping = None
        self.rows = []

    @property
    def busy(self) -> bool:
        """Whether a read, plan, write or summary is running."""
        return self.host.busy

    def set_source(self, source: ImportSource, key: tuple[Any, ...]) -> None:
        """A file was read: what was planned from an earlier file no longer holds."""
        self.source = source
        self.source_key = key
        self.plan = None
        self.plan_key = None
        self.mapping = None
        self.rows = []

    def set_plan(
        self,
        plan: ImportPlan | ProjectImportPlan,
        key: tuple[Any, ...],
        *,
        mapping: dict[int, str] | None = None,
    ) -> None:
        """The rows were matched against the registry; the review shows ``plan``."""
        self.plan = plan
        self.plan_key = key
        self.mapping = mapping
