"""A template's stored definition reads back as the same template."""

from __future__ import annotations

import json

import pytest

from kyodo_desktop.domain.evaluation import Scale, Template, TemplateItem
from kyodo_desktop.domain.evaluation_codec import definition_json, template_from_json
from kyodo_desktop.domain.evaluation_templates import BUILTIN_TEMPLATES


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: t.key)
def test_the_builtins_read_back_unchanged(template: Template) -> None:
    text = definition_json(template)
    assert template_from_json(template.key, template.version, template.name, text) == template
    assert set(json.loads(text)) == {"scale", "items", "weights", "overall_choices", "description"}


def test_own_maxima_and_words_are_kept() -> None:
    template = Template(
        key="custom-1",
        name="独自の評価",
        scale=Scale.points(10),
        items=(
            TemplateItem("a", "成果", "達成度", point="効果の可視化", maximum=20),
            TemplateItem("b", "", "満足度"),
        ),
        version=4,
        weights={"行政": 50, "団体": 50},
    )
    back = template_from_json("custom-1", 4, "独自の評価", definition_json(template))
    assert back == template and back.maximum == 30 and back.item_maximum(back.items[1]) == 10
