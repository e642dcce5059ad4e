"""A :class:`~kyodo_desktop.domain.evaluation.Template` as JSON and back (the stored definition).

The data file keeps a template's key, version and name in columns and the rest (scale, items,
weights, 総合評価 choices, description) as one JSON text: a form is read and written whole,
never searched by its items. Kept in the domain so the migration that stores the built-ins and
the service read and write the same shape.
"""

from __future__ import annotations

import json
from typing import Any

from kyodo_desktop.domain.evaluation import Scale, Template, TemplateItem
from kyodo_desktop.domain.evaluation_terms import ScaleKind

__all__ = ["definition_json", "template_from_json"]


def definition_json(template: Template) -> str:
    """The template's definition (everything but key, version and name) as JSON text."""
    scale = template.scale
    items = []
    for item in template.items:
        row: dict[str, Any] = {"key": item.key, "group": item.group, "text": item.text}
        if item.point:
            row["point"] = item.point
        if item.maximum is not None:
            row["maximum"] = item.maximum
        if item.level_labels:
            row["level_labels"] = list(item.level_labels)
        items.append(row)
    body = {
        "scale": {
            "kind": scale.kind.value,
            "levels": [[value, label] for value, label in scale.levels],
            "maximum": scale.maximum,
        },
        "items": items,
        "weights": dict(template.weights),
        "overall_choices": list(template.overall_choices),
        "description": template.description,
    }
    return json.dumps(body, ensure_ascii=False)


def template_from_json(key: str, version: int, name: str, definition: str) -> Template:
    """The template a stored row describes."""
    body = json.loads(definition)
    scale = body["scale"]
    return Template(
        key=key,
        name=name,
        version=version,
        scale=Scale(
            ScaleKind(scale["kind"]),
            tuple((int(value), str(label)) for value, label in scale.get("levels", [])),
            int(scale.get("maximum", 0)),
        ),
        items=tuple(
            TemplateItem(
                key=row["key"],
                group=row.get("group", ""),
                text=row["text"],
                point=row.get("point", ""),
                maximum=row.get("maximum"),
                level_labels=tuple(row.get("level_labels", ())),
            )
            for row in body["items"]
        ),
        weights={str(side): int(weight) for side, weight in body.get("weights", {}).items()},
        overall_choices=tuple(body.get("overall_choices", ())),
        description=body.get("description", ""),
    )
