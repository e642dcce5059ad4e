"""The ``kyodo`` command under faults: a full disk, an argument in the wrong encoding, a FIFO.

Each runs the real command in a child process (with a timeout), so what the user sees on stderr
is checked whole: one clear Japanese line, no traceback, no hang.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TIMEOUT_S = 60

# Runs the command with every write to an export's temp file failing once 4 KB are written,
# as on a full disk (the write of the first zip member fails, half-way through the workbook).
_FULL_DISK = textwrap.dedent(
    """
    import errno, io, pathlib, sys

    class FullDisk(io.FileIO):
        written = 0

        def write(self, data):
            if FullDisk.written + len(data) > 4096:
                raise OSError(errno.ENOSPC, "No space left on device")
            FullDisk.written += len(data)
            return super().write(data)

    real_open = pathlib.Path.open

    def full_open(self, mode="r", *args, **kwargs):
        if ".tmp-" in self.name and "x" in mode:
            return io.BufferedWriter(FullDisk(str(self), "x"))
        return real_open(self, mode, *args, **kwargs)

    pathlib.Path.open = full_open
    from kyodo_desktop.cli import main

    sys.exit(main(sys.argv[1:]))
    """
)


def _kyodo(*args: str | bytes, prelude: str | None = None) -> subprocess.CompletedProcess[bytes]:
    launcher: list[str | bytes] = ["-c", prelude] if prelude else ["-m", "kyodo_desktop.cli"]
    return subprocess.run(
        [sys.executable, *launcher, *args], capture_output=True, timeout=TIMEOUT_S, check=False
    )


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "data"
    result = _kyodo("--data-dir", str(folder), "demo", "--orgs", "300")
    assert result.returncode == 0, result.stderr.decode()
    return folder


def test_export_on_a_full_disk_says_so_in_one_line(data_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "団体一覧.xlsx"
    result = _kyodo("--data-dir", str(data_folder), "export-xlsx", str(out), prelude=_FULL_DISK)
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    lines = [line for line in stderr.splitlines() if not line.startswith("書き出し")]  # progress lines
    assert len(lines) == 1, stderr
    assert "空き容量" in lines[0] or "No space left" in lines[0]
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # the temp file is gone too
