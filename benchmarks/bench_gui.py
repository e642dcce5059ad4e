"""GUI benchmarks at 100,000 organizations, each measured side by side in one run.

1. start-up: process start until ``orgTable`` holds all rows, vs a bare PySide6 window with an
   empty QTableView, each a whole process launched from here, alternating A B A B …, bytecode
   cached as on a user's PC (see ``_data.child_env``), medians (target ≤ 3.5×);
2. keystroke in ``orgSearchEdit`` until the table's rowCount is updated (target median ≤ 200 ms,
   debounce included);
3. peak memory (max RSS) of the GUI after loading and searching (target ≤ 400 MB), next to the
   bare window's.

Usage: python3 benchmarks/bench_gui.py [--orgs 100000] [--runs 7] [--startup-only]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import child_env, demo_folder, median, spread

STARTUP_TARGET = 3.5
BYTECODE_CACHE = True

BARE = r"""
import os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
win = QMainWindow()
win.setCentralWidget(QTableView())
win.resize(1280, 800)
win.show()
app.processEvents()
print("READY", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)
"""

APP = r"""
import os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTableView
from kyodo_desktop.app import create_main_window
app = QApplication(sys.argv)
win = create_main_window(Path(sys.argv[1]))
win.resize(1280, 800)
win.show()
expected = int(sys.argv[2])
table = win.findChild(QTableView, "orgTable")
def poll():
    if table.model() is not None and table.model().rowCount() == expected:
        print("READY", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)
        win.close()
        app.quit()
timer = QTimer()
timer.timeout.connect(poll)
timer.start(1)
app.exec()
"""

KEYSTROKES = r"""
import json, os, resource, statistics, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView
from kyodo_desktop.app import create_main_window
app = QApplication(sys.argv)
win = create_main_window(Path(sys.argv[1]))
win.show()
expected = int(sys.argv[2])
table = win.findChild(QTableView, "orgTable")
edit = win.findChild(QLineEdit, "orgSearchEdit")
deadline = time.monotonic() + 60
while (table.model() is None or table.model().rowCount() != expected) and time.monotonic() < deadline:
    app.processEvents()
model = table.model()
timings = []
queries = ["みどり", "こども 柏", "ネットワーク", "ﾁﾊﾞ", "まちづくり 船橋", "043", "さくら 会", "ボランティア"]
for query in queries:
    edit.clear()
    loop_wait = time.monotonic() + 0.5
    while time.monotonic() < loop_wait:
        app.processEvents()
    typed = ""
    for ch in query:
        typed += ch
        reset = {"done": False}
        def on_reset():
            reset["done"] = True
        model.modelReset.connect(on_reset)
        t0 = time.perf_counter()
        edit.setFocus()
        if ch.isascii() and ch != " ":
            edit.insert(ch)
        else:
            ev = QInputMethodEvent()
            ev.setCommitString(ch)
            QCoreApplication.sendEvent(edit, ev)
        while not reset["done"] and time.perf_counter() - t0 < 5:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 1)
        timings.append((time.perf_counter() - t0) * 1000)
        model.modelReset.disconnect(on_reset)
print(json.dumps({"ms": timings, "rows": model.rowCount(), "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)
win.close()
"""


def _time_until_ready(code: str, *args: str) -> tuple[float, float]:
    env = child_env(bytecode_cache=BYTECODE_CACHE)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # the offscreen plugin's "propagateSizeHints" notices
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - t0
            rss = float(line.split()[1])
            proc.wait(timeout=60)
            return elapsed, rss
    proc.wait()
    raise RuntimeError(f"child exited with {proc.returncode} before it was ready")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--orgs", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--startup-only", action="store_true", help="measure [1] only")
    ap.add_argument(
        "--compile-each-start",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE (every start compiles kyodo_desktop; not a user's case)",
    )
    a = ap.parse_args()
    global BYTECODE_CACHE
    BYTECODE_CACHE = not a.compile_each_start
    folder = demo_folder(a.orgs)
    live = int(
        subprocess.run(
            [sys.executable, "-m", "kyodo_desktop.cli", "--data-dir", str(folder), "orgs", "search", ""],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.count("\n")
    )
    bare_t, app_t, app_rss, bare_rss = [], [], [], []
    _time_until_ready(BARE)  # warm the file and bytecode caches once for both
    _time_until_ready(APP, str(folder), str(live))
    for run in range(a.runs):  # alternate so both see the same machine state
        t, r = _time_until_ready(BARE)
        bare_t.append(t)
        bare_rss.append(r)
        t, r = _time_until_ready(APP, str(folder), str(live))
        app_t.append(t)
        app_rss.append(r)
        print(f"run {run + 1}: bare {bare_t[-1]:.3f} s, kyodo {app_t[-1]:.3f} s", flush=True)
    ratio = median(app_t) / median(bare_t)
    print(
        f"[1] start-up to {live:,} rows in orgTable: median {spread(app_t)} vs bare window "
        f"{spread(bare_t)} → ratio {ratio:.2f}× (target ≤ {STARTUP_TARGET}×: "
        f"{'met' if ratio <= STARTUP_TARGET else 'NOT MET'})"
    )
    if a.startup_only:
        return 0 if ratio <= STARTUP_TARGET else 1

    env = child_env(bytecode_cache=BYTECODE_CACHE)
    out = subprocess.run(
        [sys.executable, "-c", KEYSTROKES, str(folder), str(live)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    ms = result["ms"]
    print(
        f"[2] keystroke → rowCount updated: median {median(ms):.0f} ms, max {max(ms):.0f} ms "
        f"over {len(ms)} keystrokes (target median ≤ 200 ms)"
    )
    print(
        f"[3] peak memory: GUI with {live:,} rows after loading {median(app_rss):.0f} MB, after searching "
        f"{result['rss_mb']:.0f} MB; bare window {median(bare_rss):.0f} MB (target ≤ 400 MB)"
    )
    return 0 if ratio <= STARTUP_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
