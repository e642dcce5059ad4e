"""The window's package answers PySide6's "does this module use PySide6?" from the file's bytes
(kyodo_desktop.gui), with the same answers as PySide6's own check."""

from __future__ import annotations

import json
import sys
import textwrap

import kyodo_desktop.gui  # installs the check
import kyodo_desktop.gui.table_base
import kyodo_desktop.services.today


def test_the_quick_check_is_installed_and_answers_as_pyside_does() -> None:
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    assert getattr(quick, "kyodo_quick", False)
    original = quick.__closure__[0].cell_contents  # PySide6's own check, kept for the rest
    assert not getattr(original, "kyodo_quick", False)
    for module in (kyodo_desktop.gui.table_base, kyodo_desktop.services.today, json, textwrap, sys):
        assert quick(module) == original(module), module.__name__
    assert quick(kyodo_desktop.gui.table_base) is True  # imports PySide6
    assert quick(kyodo_desktop.services.today) is False  # plain Python
    assert quick(sys) is False  # built in: no file


def test_a_module_imported_later_is_classified() -> None:
    import kyodo_desktop.gui.charts.bars as bars  # a module that uses PySide6

    feature = sys.modules["shibokensupport.feature"]
    assert feature.pyside_feature_dict[bars.__name__] == 0  # "uses PySide6, no feature"
