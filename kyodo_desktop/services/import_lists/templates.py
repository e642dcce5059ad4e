"""Column-mapping templates, kept by name in the data folder's ``settings.json``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kyodo_desktop.domain.column_mapping import ORGANIZATIONS
from kyodo_desktop.domain.import_kind import ImportKind
from kyodo_desktop.domain.importing import ImportFileError
from kyodo_desktop.services.settings import load_settings, save_settings

#: settings.json key of the organization import's saved column-mapping templates:
#: {name: {header: target}} (each import kind names its own key).
TEMPLATES_KEY = ORGANIZATIONS.templates_key


def _stored_templates(settings: Mapping[str, Any], kind: ImportKind) -> dict[str, dict[str, str]]:
    """The usable templates in settings; entries of unknown shape or target are skipped."""
    raw = settings.get(kind.templates_key)
    if not isinstance(raw, dict):
        return {}
    templates: dict[str, dict[str, str]] = {}
    for name, entries in raw.items():
        if isinstance(name, str) and isinstance(entries, dict):
            templates[name] = {
                header: target
                for header, target in entries.items()
                if isinstance(header, str) and isinstance(target, str) and target in kind.labels
            }
    return templates


def template_names(data_dir: Path, *, kind: ImportKind = ORGANIZATIONS) -> list[str]:
    """Names of the saved mapping templates, sorted."""
    return sorted(_stored_templates(load_settings(data_dir), kind))


def save_mapping_template(
    data_dir: Path, name: str, mapping_by_header: Mapping[str, str], *, kind: ImportKind = ORGANIZATIONS
) -> None:
    """Save (or replace) a named template: header text → target, as from ``mapping_by_header``."""
    clean_name = " ".join(name.split())
    if not clean_name:
        raise ImportFileError("テンプレートの名前を入力してください。")
    unknown = sorted({target for target in mapping_by_header.values() if target not in kind.labels})
    if unknown:
        raise ImportFileError(f"取り込み先が正しくありません: {'、'.join(unknown)}")
    settings = load_settings(data_dir)
    raw = settings.get(kind.templates_key)
    templates: dict[str, Any] = dict(raw) if isinstance(raw, dict) else {}
    templates[clean_name] = {str(header): target for header, target in mapping_by_header.items()}
    settings[kind.templates_key] = templates
    save_settings(data_dir, settings)


def load_mapping_template(data_dir: Path, name: str, *, kind: ImportKind = ORGANIZATIONS) -> dict[str, str]:
    """A saved template (header text → target); an unknown name raises :class:`ImportFileError`."""
    templates = _stored_templates(load_settings(data_dir), kind)
    template = templates.get(" ".join(name.split()))
    if template is None:
        known = "、".join(f"「{n}」" for n in sorted(templates)) or "（保存されたテンプレートはありません）"
        raise ImportFileError(f"列の割り当てテンプレート「{name}」はありません。保存されているもの: {known}")
    return dict(template)


def delete_mapping_template(data_dir: Path, name: str, *, kind: ImportKind = ORGANIZATIONS) -> None:
    """Forget a saved template (no error when it does not exist)."""
    settings = load_settings(data_dir)
    raw = settings.get(kind.templates_key)
    if isinstance(raw, dict) and " ".join(name.split()) in raw:
        templates = dict(raw)
        del templates[" ".join(name.split())]
        settings[kind.templates_key] = templates
        save_settings(data_dir, settings)


def apply_template(
    headers: Sequence[str], template: Mapping[str, str], *, kind: ImportKind = ORGANIZATIONS
) -> dict[int, str]:
    """Column index → target for ``headers`` from a saved template (see
    :meth:`kyodo_desktop.domain.import_kind.ImportKind.mapping_from_template`)."""
    return kind.mapping_from_template(headers, template)
