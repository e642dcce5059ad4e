"""A past-project import killed (SIGKILL) in the middle of its transaction leaves the data as it was.

The child imports a list of 1,200 projects with new partners; its progress callback stops it
inside the transaction (the new organizations already inserted, the journal on disk), says
``midway`` and waits; the parent kills it there. The next writer's start rolls the hot journal
back: no project, no organization, no audit row of the import, and the file passes its checks.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import func, select

from kyodo_desktop.persistence.models import AuditEntry, Organization, Project
from kyodo_desktop.services.workspace import Workspace

from ..past_project_list import write_list

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kyodo_desktop.services.project_import import apply_project_import, prepare_project_import
    from kyodo_desktop.services.workspace import Workspace

    def progress(done, total):
        if done >= 500:
            print("midway", flush=True)
            time.sleep(600)
        return True

    with Workspace.open(Path(sys.argv[1])) as ws:
        prepared = prepare_project_import(ws, Path(sys.argv[2]))
        print("planned", len(prepared.plan.rows), flush=True)
        apply_project_import(ws, prepared.plan, progress=progress)
    print("done", flush=True)
    """
)


def _rows(count: int) -> list[list[object]]:
    return [
        [
            2024,
            f"地域活動講座 第{n}回",
            f"市民団体{n:04d}の会\\n千葉市中央区{n}-1",
            "－",
            "令和6年4月1日",
            f"{n * 1000:,}円",
            "－",
            "市民協働課",
            "",
        ]
        for n in range(1, count + 1)
    ]


def _counts(data_dir: Path) -> tuple[int, int, int]:
    with Workspace.open(data_dir) as ws, ws.session_factory() as s:  # a writer: rolls a hot journal back
        return (
            s.scalar(select(func.count()).select_from(Project)) or 0,
            s.scalar(select(func.count()).select_from(Organization)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


def test_killed_project_import_leaves_the_file_as_it_was(data_dir: Path, tmp_path: Path) -> None:
    listed = write_list(tmp_path / "list.xlsx", _rows(1200))
    before = _counts(data_dir)
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(data_dir), str(listed)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    try:
        assert proc.stdout.readline().startswith("planned 1200")
        assert proc.stdout.readline().strip() == "midway"
        journal = data_dir / "kyodo.db-journal"
        assert journal.exists()  # the transaction has written: a kill now must be rolled back
    finally:
        proc.kill()
        proc.wait(timeout=60)
        proc.stdout.close()
    assert _counts(data_dir) == before
    with Workspace.open(data_dir) as ws, ws.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
