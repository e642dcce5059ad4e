"""Update the English translation of 協働デスク: extract, carry over, release.

    python3 tools/update_translations.py            # update resources/i18n/kyodo_en.ts and .qm
    python3 tools/update_translations.py --check    # exit 1 if anything is missing or stale
    python3 tools/update_translations.py --apply new.json   # also fill {"日本語": "English"}

1. ``lupdate`` extracts every ``tr()``, ``translate()`` and ``QT_TRANSLATE_NOOP()`` of
   ``kyodo_desktop/`` into ``resources/i18n/kyodo_en.ts`` (no source locations, so moving
   code does not churn the file).
2. A message is identified by its context (the class) and its Japanese source. When code moves
   to another class, lupdate sees a new, unfinished message and an obsolete one; every
   unfinished message whose exact source text has a finished translation anywhere in the file
   (another context, or an obsolete entry) takes that translation. ``--apply`` fills more from
   a JSON object ``{source: translation}``. Then obsolete entries are dropped.
3. ``lrelease`` builds ``resources/i18n/kyodo_en.qm`` (committed; a test checks it is current).

Messages still unfinished are listed on stderr and the exit status is 1: translate them (Qt
Linguist, a text editor — remove ``type="unfinished"`` — or ``--apply``) and run again.
``--check`` changes nothing; it fails when the .ts or .qm differ from what this script would
write, or when a message is unfinished.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("kyodo_desktop",)
TS = ROOT / "resources" / "i18n" / "kyodo_en.ts"
QM = TS.with_suffix(".qm")


def qt_tool(name: str) -> str:
    """``lupdate``/``lrelease``: the one shipped inside PySide6, else ``pyside6-NAME`` on PATH."""
    try:
        import PySide6

        for candidate in (name, f"{name}.exe"):
            path = Path(PySide6.__file__).parent / candidate
            if path.is_file() and os.access(path, os.X_OK):
                return str(path)
    except ImportError:
        pass
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name})")
    return found


def _run(args: list[str]) -> None:
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"{Path(args[0]).name} failed with status {done.returncode}")


def lupdate(ts: Path) -> None:
    """Merge the messages of the sources into ``ts`` (created when missing)."""
    _run(
        [
            qt_tool("lupdate"),
            "-silent",
            "-extensions",
            "py",
            "-locations",
            "none",
            # module-level helpers spelled _tr("…") (gui/dialogs.py, review_model.py)
            "-tr-function-alias",
            "tr+=_tr",
            "-source-language",
            "ja",
            "-target-language",
            "en",
            *[str(ROOT / s) for s in SOURCES],
            "-ts",
            str(ts),
        ]
    )


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``."""
    _run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)])


def _is_obsolete(translation: ET.Element) -> bool:
    return translation.get("type") in ("obsolete", "vanished")


def _finished(translation: ET.Element) -> bool:
    return translation.get("type") is None and bool((translation.text or "").strip())


def carry_over(ts: Path, extra: dict[str, str]) -> list[str]:
    """Fill unfinished messages from finished ones with the same source (and ``extra``), drop
    obsolete messages, and return ``context: source`` of those still unfinished."""
    tree = ET.parse(ts)
    known: dict[str, str] = {}
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if (
            translation is not None
            and source is not None
            and translation.get("type") != "unfinished"
            and (translation.text or "").strip()
        ):
            known.setdefault(source, translation.text or "")
    known = {**known, **extra}
    missing: list[str] = []
    for context in tree.getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            if translation is None:
                continue
            if _is_obsolete(translation):
                context.remove(message)
            elif not _finished(translation):
                if source in known:
                    translation.text = known[source]
                    translation.attrib.pop("type", None)
                else:
                    missing.append(f"{name}: {source}")
        if context.find("message") is None:
            tree.getroot().remove(context)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    return missing


def update(ts: Path, qm: Path, extra: dict[str, str]) -> list[str]:
    """The whole update on ``ts``/``qm``; returns the unfinished messages."""
    lupdate(ts)
    missing = carry_over(ts, extra)
    lupdate(ts)  # back to lupdate's own layout, so a later run changes nothing
    lrelease(ts, qm)
    return missing


def check() -> list[str]:
    """What is wrong with the committed files (empty: all good); changes nothing."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        ts, qm = Path(tmp) / TS.name, Path(tmp) / QM.name
        if TS.is_file():
            shutil.copyfile(TS, ts)
        missing = update(ts, qm, {})
        problems += [f"not translated: {m}" for m in missing]
        if not TS.is_file() or ts.read_bytes() != TS.read_bytes():
            problems.append(f"{TS.relative_to(ROOT)} is out of date (run tools/update_translations.py)")
        if not QM.is_file() or qm.read_bytes() != QM.read_bytes():
            problems.append(f"{QM.relative_to(ROOT)} is out of date (run tools/update_translations.py)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if not up to date")
    parser.add_argument("--apply", type=Path, help='JSON object {"source": "translation"} to fill in')
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            sys.stderr.write(problem + "\n")
        return 1 if problems else 0
    extra = json.loads(args.apply.read_text(encoding="utf-8")) if args.apply else {}
    TS.parent.mkdir(parents=True, exist_ok=True)
    missing = update(TS, QM, extra)
    for message in missing:
        sys.stderr.write(f"not translated: {message}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
