"""The relationship-kind helper against the Chiba manual's table and its park-management example."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from kyodo_desktop.domain.project_terms import ProjectForm, RelationshipKind, SelectionMethod
from kyodo_desktop.domain.relationship_kind import (
    FORM_EXAMPLES,
    MANUAL_QUOTES,
    QUESTIONS,
    Answer,
    Answers,
    Setter,
    answers_from_choices,
    kinds_listing_form,
    recommend,
    selection_methods_for,
    validate_choice,
)
from kyodo_desktop.domain.validation import ValidationError

SUPPORT, COLLABORATION, OUTSOURCING = (
    RelationshipKind.SUPPORT,
    RelationshipKind.COLLABORATION,
    RelationshipKind.OUTSOURCING,
)
YES, NO, UNKNOWN = Answer.YES, Answer.NO, Answer.UNKNOWN
ADMIN, GROUP, BOTH = Setter.ADMINISTRATION, Setter.GROUP, Setter.BOTH

# The manual's section, copied verbatim (its table came out of the PDF with HTML markup).
MANUAL = (Path(__file__).parent / "data" / "chiba_manual_kinds.txt").read_text(encoding="utf-8")


def _plain(text: str) -> str:
    return "".join(re.sub(r"<[^>]+>", "", text).split())


def test_every_quote_is_the_manuals_own_words() -> None:
    manual = _plain(MANUAL)
    for quote in MANUAL_QUOTES:
        assert _plain(quote) in manual, quote


def test_every_recommendation_quotes_the_manual() -> None:
    for setter, own, aim, joint in itertools.product(Setter, Answer, Answer, Answer):
        result = recommend(Answers(setter, own, aim, joint))
        assert result.quotes, (setter, own, aim, joint)
        assert set(result.quotes) <= set(MANUAL_QUOTES)


def test_park_management_as_outsourcing() -> None:
    # 外部委託の場合: 行政の代わりに管理運営を行ってもらう; the 仕様書 rests on the administration's
    # purpose; 指名または一般競争入札; 落札決定後、募集時の仕様書により契約 — the group only carries it out.
    result = recommend(Answers(setter=ADMIN, own_purpose=NO, support_aim=NO, joint_planning=NO))
    assert result.kind is OUTSOURCING
    assert not result.tentative
    assert (
        "行政が事業内容や期待する成果を設計して、それが適切に効率よく実施できる団体に委託を行う"
        in result.quotes
    )
    assert selection_methods_for(result.kind) == (SelectionMethod.NOMINATED, SelectionMethod.OPEN_TENDER)


def test_park_management_as_collaboration() -> None:
    # 協働の場合: a group working for 子どもの健全育成 (its own purpose) proposes; 企画提案方式による公募;
    # 協議を行い、行政の目的と団体の目的・特性を反映させた仕様書を作成し、合意の上で契約.
    result = recommend(Answers(setter=BOTH, own_purpose=YES, support_aim=NO, joint_planning=YES))
    assert result.kind is COLLABORATION
    assert not result.tentative
    assert result.quotes[0].startswith("対等な二つ以上の担い手が共通する目的")
    assert any("団体独自の目的があるということが前提" in quote for quote in result.quotes)
    assert selection_methods_for(result.kind) == (SelectionMethod.PROPOSAL,)


def test_park_management_given_to_a_group_with_its_own_purpose_but_by_specification() -> None:
    # The same contract form (委託) with the child-welfare group, but the administration writes the
    # 仕様書 alone and does not plan with it: still 外部委託, and the note says how it becomes 協働.
    result = recommend(Answers(setter=ADMIN, own_purpose=YES, support_aim=NO, joint_planning=NO))
    assert result.kind is OUTSOURCING
    assert result.tentative and "協議して" in result.note
    assert any(quote.startswith("提案された内容に基づいて協議を行い") for quote in result.quotes)


@pytest.mark.parametrize(
    ("example", "answers", "kind"),
    [
        # 支援: 補助金／制度創設等の環境整備／広報支援／助言
        ("団体の自立を促す補助金", Answers(GROUP, YES, YES, NO), SUPPORT),
        ("制度創設等の環境整備", Answers(ADMIN, UNKNOWN, YES, NO), SUPPORT),
        ("団体の催しの広報支援", Answers(GROUP, YES, UNKNOWN, NO), SUPPORT),
        ("団体への助言", Answers(GROUP, YES, YES, UNKNOWN), SUPPORT),
        # 協働: 実行委員会／共催／補助金／委託／事業協力
        ("実行委員会", Answers(BOTH, YES, NO, YES), COLLABORATION),
        ("共催", Answers(BOTH, YES, NO, YES), COLLABORATION),
        ("協働事業への補助金", Answers(BOTH, YES, NO, YES), COLLABORATION),
        ("提案型の委託", Answers(BOTH, YES, NO, YES), COLLABORATION),
        ("事業協力", Answers(BOTH, YES, UNKNOWN, YES), COLLABORATION),
        # 外部委託: 委託
        ("仕様書による委託", Answers(ADMIN, NO, NO, NO), OUTSOURCING),
        ("仕様書による委託（団体の目的は問わない）", Answers(ADMIN, UNKNOWN, NO, NO), OUTSOURCING),
    ],
)
def test_the_tables_form_examples(example: str, answers: Answers, kind: RelationshipKind) -> None:
    result = recommend(answers)
    assert result.kind is kind, example
    assert not result.tentative, example


def test_form_examples_are_the_tables_row() -> None:
    assert FORM_EXAMPLES[SUPPORT] == ("補助金", "制度創設等の環境整備", "広報支援", "助言")
    assert FORM_EXAMPLES[COLLABORATION] == ("実行委員会", "共催", "補助金", "委託", "事業協力")
    assert FORM_EXAMPLES[OUTSOURCING] == ("委託",)
    manual = _plain(MANUAL)
    assert "補助金／制度創設等の環境整備／広報支援／助言など" in manual
    assert "実行委員会／共催／補助金／委託／事業協力など" in manual


def test_a_form_listed_under_two_kinds_does_not_settle_the_kind() -> None:
    assert kinds_listing_form(ProjectForm.SUBSIDY) == (SUPPORT, COLLABORATION)
    assert kinds_listing_form(ProjectForm.COMMISSION) == (COLLABORATION, OUTSOURCING)
    assert kinds_listing_form(ProjectForm.CO_HOSTING) == (COLLABORATION,)
    assert kinds_listing_form(ProjectForm.COMMITTEE) == (COLLABORATION,)
    assert kinds_listing_form(ProjectForm.COOPERATION) == (COLLABORATION,)
    assert kinds_listing_form(ProjectForm.PATRONAGE) == ()
    assert selection_methods_for(SUPPORT) == ()


@pytest.mark.parametrize(
    ("answers", "kind", "note_contains"),
    [
        # Support is the aim, yet both plan together: the table's 内容 of 支援 decides (支援すること自体を目的).
        (Answers(BOTH, YES, YES, YES), SUPPORT, "協働です"),
        # No purpose of its own but planned together: 協働 is ruled out by its premise.
        (Answers(BOTH, NO, NO, YES), OUTSOURCING, "協働にはなりません"),
        (Answers(GROUP, NO, NO, NO), OUTSOURCING, "協働にはなりません"),
        # The administration alone sets purpose and content, yet plans with the group: 協働, with a warning.
        (Answers(ADMIN, YES, NO, YES), COLLABORATION, "外部委託に近く"),
        # Planned together, the group's purpose not known: 協働 if the premise holds.
        (Answers(BOTH, UNKNOWN, NO, YES), COLLABORATION, "確かめて"),
        # The group's own project, no support aim and no joint planning: 「NPOのやりたいこと」を応援する.
        (Answers(GROUP, YES, NO, NO), SUPPORT, "応援する"),
        # Both set the purpose, whether they plan together is unknown: tentatively 協働.
        (Answers(BOTH, UNKNOWN, UNKNOWN, UNKNOWN), COLLABORATION, "決めきれません"),
        (Answers(BOTH, YES, NO, NO), COLLABORATION, "決めきれません"),
    ],
)
def test_ambiguous_answers_give_a_tentative_recommendation(
    answers: Answers, kind: RelationshipKind, note_contains: str
) -> None:
    result = recommend(answers)
    assert result.kind is kind
    assert result.tentative
    assert note_contains in result.note


def test_an_unknown_everything_under_the_administration_is_outsourcing() -> None:
    result = recommend(Answers(ADMIN, UNKNOWN, UNKNOWN, UNKNOWN))
    assert result.kind is OUTSOURCING
    assert not result.tentative


def test_questions_are_data_for_the_wizard() -> None:
    assert [q.id for q in QUESTIONS] == ["setter", "own_purpose", "support_aim", "joint_planning"]
    assert [c.label for c in QUESTIONS[0].choices] == ["行政", "団体", "双方で"]
    assert [c.label for c in QUESTIONS[1].choices] == ["はい", "いいえ", "わからない"]
    for question in QUESTIONS:
        assert question.text and question.hint


def test_answers_from_the_wizards_choices() -> None:
    answers = answers_from_choices(
        {"setter": "both", "own_purpose": "yes", "support_aim": "no", "joint_planning": "yes"}
    )
    assert answers == Answers(BOTH, YES, NO, YES)
    with pytest.raises(ValidationError) as caught:
        answers_from_choices({"setter": "both", "own_purpose": "yes", "support_aim": "no"})
    assert caught.value.field == "joint_planning"
    assert "計画の策定や実施" in caught.value.message and "答えてください" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        answers_from_choices(
            {"setter": "mayor", "own_purpose": "yes", "support_aim": "no", "joint_planning": "yes"}
        )
    assert caught.value.field == "setter"


def test_choosing_otherwise_needs_a_reason() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_choice(COLLABORATION, OUTSOURCING, "  　")
    assert caught.value.field == "relationship_reason"
    assert caught.value.message == (
        "推奨（協働）と異なる関係の種類（外部委託）を選ぶときは、その理由を入力してください"
    )
    choice = validate_choice(COLLABORATION, OUTSOURCING, " 仕様は行政が決め、団体は実施のみ ")
    assert choice.kind is OUTSOURCING and choice.recommended is COLLABORATION
    assert choice.overridden and choice.reason == "仕様は行政が決め、団体は実施のみ"


def test_agreeing_needs_no_reason() -> None:
    choice = validate_choice(SUPPORT, SUPPORT, None)
    assert not choice.overridden and choice.reason == ""
    assert validate_choice(SUPPORT, SUPPORT, "団体の自立促進").reason == "団体の自立促進"
