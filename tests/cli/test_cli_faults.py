"""The ``kyodo`` command under faults: a full disk, an argument in the wrong encoding, a FIFO.

Each runs the real command in a child process (with a timeout), so what the user sees on stderr
is checked whole: one clear Japanese line, no traceback, no hang.
"""

from __future__ import annotations

import os
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


@pytest.mark.parametrize(
    "args",
    [
        [b"orgs", b"search", "みどり".encode("cp932")],
        [b"--data-dir", "/tmp/協働".encode("cp932"), b"check"],
        [b"orgs", b"search", b"\x93\x8c"],
    ],
    ids=["search-term", "data-dir", "lone-bytes"],
)
def test_an_argument_that_is_not_utf8_is_named_as_such(data_folder: Path, args: list[bytes]) -> None:
    cmd: list[str | bytes] = ["-m", "kyodo_desktop.cli"]
    if args[0] != b"--data-dir":
        cmd += ["--data-dir", str(data_folder)]
    result = subprocess.run(
        [sys.executable, *cmd, *args], capture_output=True, timeout=TIMEOUT_S, check=False
    )
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert stderr.startswith("kyodo: 引数の文字コードが正しくありません（UTF-8 ではありません）: ")
    assert len(stderr.splitlines()) == 1
    assert "\\x" in stderr  # the bad bytes are shown, escaped
    assert "予期しないエラー" not in stderr and "Traceback" not in stderr


def test_the_window_program_names_a_non_utf8_argument_too(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/" + "協働".encode("cp932")
    cmd: list[str | bytes] = [
        sys.executable,
        "-m",
        "kyodo_desktop",
        "--data-dir",
        folder,
        "--exit-when-ready",
    ]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, env=env, check=False)
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert stderr.startswith("kyodo-desktop: 引数の文字コードが正しくありません（UTF-8 ではありません）")
    assert len(stderr.splitlines()) == 1
    assert not any(tmp_path.iterdir())  # no folder made under the garbled name


def _special_file(kind: str, tmp_path: Path) -> Path:
    if kind == "fifo":
        path = tmp_path / "団体一覧.csv"
        os.mkfifo(path)
        return path
    if kind == "folder":
        path = tmp_path / "団体一覧.xlsx"
        path.mkdir()
        return path
    return Path("/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_import_of_what_is_not_a_regular_file_is_refused_before_the_lock(
    data_folder: Path, tmp_path: Path, kind: str
) -> None:
    from kyodo_desktop.persistence.lock import DataFolderLock

    path = _special_file(kind, tmp_path)
    # another writer holds the lock: the refusal must come first, without waiting for it
    with DataFolderLock(data_folder):
        result = _kyodo("--data-dir", str(data_folder), "import", str(path))
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert len(stderr.splitlines()) == 1, stderr
    expected = "はフォルダです" if kind == "folder" else "は通常のファイルではありません"
    assert expected in stderr
    # and with the lock free, the dry run says the same and leaves no lock behind
    result = _kyodo("--data-dir", str(data_folder), "import", str(path), "--dry-run")
    assert result.returncode == 1 and expected in result.stderr.decode()
    with DataFolderLock(data_folder):
        pass
