"""Which relationship a project is: 支援, 協働 or 外部委託, from four questions of the manual's table.

The Chiba manual (chapter 1, 「協働」と「支援」「外部委託」の違いを理解しよう) sorts the
administration's work with a group into three kinds by who designs the work and whose purpose it
serves. The wizard asks the four questions of :data:`QUESTIONS` (data, so it can show them; labels
marked for translation in the context ``RelationshipQuestion``), :func:`recommend` answers with a
:class:`~kyodo_desktop.domain.project_terms.RelationshipKind` and the manual's own sentences as
the reason, and :func:`validate_choice` lets the officer choose otherwise when a reason is given.

The form alone does not decide the kind: the manual lists 補助金 under 支援 and 協働 and 委託
under 協働 and 外部委託 (:data:`FORM_EXAMPLES`, :func:`kinds_listing_form`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.project_terms import ProjectForm, RelationshipKind, SelectionMethod
from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.domain.validation import ValidationError

__all__ = [
    "FORM_EXAMPLES",
    "MANUAL_QUOTES",
    "QUESTIONS",
    "Answer",
    "Answers",
    "Choice",
    "Question",
    "Recommendation",
    "RelationshipChoice",
    "Setter",
    "answers_from_choices",
    "kinds_listing_form",
    "recommend",
    "selection_methods_for",
    "validate_choice",
]


class Setter(StrEnum):
    """Who sets the purpose and the content of the project."""

    ADMINISTRATION = "administration"
    GROUP = "group"
    BOTH = "both"


class Answer(StrEnum):
    """A yes/no question's answer; わからない is allowed and makes the recommendation tentative."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Choice:
    """One answer the wizard offers: its stored id and its Japanese label."""

    id: str
    label: str


@dataclass(frozen=True)
class Question:
    """One question of the helper: id (the :class:`Answers` attribute), text, hint, choices."""

    id: str
    text: str
    hint: str
    choices: tuple[Choice, ...]


_YES_NO: tuple[Choice, ...] = (
    Choice(Answer.YES, QT_TRANSLATE_NOOP("RelationshipQuestion", "はい")),
    Choice(Answer.NO, QT_TRANSLATE_NOOP("RelationshipQuestion", "いいえ")),
    Choice(Answer.UNKNOWN, QT_TRANSLATE_NOOP("RelationshipQuestion", "わからない")),
)

#: The four questions, in the order the wizard asks them.
QUESTIONS: tuple[Question, ...] = (
    Question(
        "setter",
        QT_TRANSLATE_NOOP("RelationshipQuestion", "事業の目的と内容を決めるのは誰ですか"),
        QT_TRANSLATE_NOOP("RelationshipQuestion", "仕様を行政が決めて依頼するのか、一緒に企画するのか"),
        (
            Choice(Setter.ADMINISTRATION, QT_TRANSLATE_NOOP("RelationshipQuestion", "行政")),
            Choice(Setter.GROUP, QT_TRANSLATE_NOOP("RelationshipQuestion", "団体")),
            Choice(Setter.BOTH, QT_TRANSLATE_NOOP("RelationshipQuestion", "双方で")),
        ),
    ),
    Question(
        "own_purpose",
        QT_TRANSLATE_NOOP("RelationshipQuestion", "団体はこの事業で団体独自の目的を実現しようとしていますか"),
        QT_TRANSLATE_NOOP("RelationshipQuestion", "協働では、団体に独自の目的があることが前提です"),
        _YES_NO,
    ),
    Question(
        "support_aim",
        QT_TRANSLATE_NOOP(
            "RelationshipQuestion", "団体の自立促進や更なる発展など、団体を支援すること自体が目的ですか"
        ),
        QT_TRANSLATE_NOOP("RelationshipQuestion", "補助金・広報支援・助言などで団体の活動を応援する場合です"),
        _YES_NO,
    ),
    Question(
        "joint_planning",
        QT_TRANSLATE_NOOP("RelationshipQuestion", "役割分担をして、計画の策定や実施を双方で行いますか"),
        QT_TRANSLATE_NOOP("RelationshipQuestion", "お互いに力を持ち寄り、一緒に事業を企画・運営するか"),
        _YES_NO,
    ),
)


@dataclass(frozen=True)
class Answers:
    """The officer's answers to :data:`QUESTIONS`."""

    setter: Setter
    own_purpose: Answer
    support_aim: Answer
    joint_planning: Answer


def answers_from_choices(choices: Mapping[str, str]) -> Answers:
    """:class:`Answers` from the wizard's ``{question id: choice id}``; every question must be answered."""
    values: dict[str, str] = {}
    for question in QUESTIONS:
        value = choices.get(question.id, "")
        if value not in {choice.id for choice in question.choices}:
            raise ValidationError(question.id, f"「{question.text}」に答えてください")
        values[question.id] = value
    return Answers(
        setter=Setter(values["setter"]),
        own_purpose=Answer(values["own_purpose"]),
        support_aim=Answer(values["support_aim"]),
        joint_planning=Answer(values["joint_planning"]),
    )


# The manual's sentences, word for word (a test finds each in the manual's text).
_SUPPORT_CONTENT = QT_TRANSLATE_NOOP(
    "RelationshipQuestion",
    "行政が市民活動団体の自立促進や更なる発展など、相手を支援すること自体を目的として行う",
)
_SUPPORT_RELATION = QT_TRANSLATE_NOOP("RelationshipQuestion", "「NPOのやりたいこと」を行政が応援する")
_COLLABORATION_CONTENT = QT_TRANSLATE_NOOP(
    "RelationshipQuestion",
    "対等な二つ以上の担い手が共通する目的をもって関係を結び、役割分担をした上で、計画の策定や実施などを行う",
)
_COLLABORATION_RELATION = QT_TRANSLATE_NOOP(
    "RelationshipQuestion", "「NPOの目的」と「行政の目的」を一つの事業で実現する"
)
_OWN_PURPOSE_PREMISE = QT_TRANSLATE_NOOP(
    "RelationshipQuestion",
    "協働事業として実施する場合は、パートナーとなる市民活動団体には団体独自の目的があるということが前提です。",
)
_OUTSOURCING_CONTENT = QT_TRANSLATE_NOOP(
    "RelationshipQuestion",
    "行政が事業内容や期待する成果を設計して、それが適切に効率よく実施できる団体に委託を行う",
)
_OUTSOURCING_RELATION = QT_TRANSLATE_NOOP("RelationshipQuestion", "「行政のやりたいこと」をNPOが実現する")
_PARK_AGREEMENT = QT_TRANSLATE_NOOP(
    "RelationshipQuestion",
    "提案された内容に基づいて協議を行い、行政の目的と団体の目的・特性を反映させた仕様書を作成し、合意の上で契約",
)
_SAME_FORM = QT_TRANSLATE_NOOP(
    "RelationshipQuestion",
    "「支援」や「外部委託」と重なる形態もありますので、同じ形態で行う事業でも「協働事業」との区別が必要です。",
)

#: Every sentence a recommendation may quote.
MANUAL_QUOTES: tuple[str, ...] = (
    _SUPPORT_CONTENT,
    _SUPPORT_RELATION,
    _COLLABORATION_CONTENT,
    _COLLABORATION_RELATION,
    _OWN_PURPOSE_PREMISE,
    _OUTSOURCING_CONTENT,
    _OUTSOURCING_RELATION,
    _PARK_AGREEMENT,
    _SAME_FORM,
)

# What the helper adds when the answers do not all point one way (its own words, not the manual's).
_NOTE_SUPPORT_BUT_JOINT = QT_TRANSLATE_NOOP(
    "RelationshipQuestion",
    "支援すること自体が目的なので支援としました。一緒に企画・運営し双方の目的を実現するなら協働です",
)
_NOTE_ADMIN_DESIGNS_OWN_PURPOSE = QT_TRANSLATE_NOOP(
    "RelationshipQuestion",
    "団体に独自の目的がありますが、行政が内容を決めて依頼するので外部委託としました。"
    "協議して双方の目的を仕様に反映させれば協働になります",
)
_NOTE_NO_OWN_PURPOSE = QT_TRANSLATE_NOOP(
    "RelationshipQuestion",
    "団体に独自の目的がないので協働にはなりません。行政の目的を団体が実現するものとして外部委託としました",
)
_NOTE_ADMIN_DESIGNS_JOINTLY = QT_TRANSLATE_NOOP(
    "RelationshipQuestion",
    "目的と内容を行政だけで決めると外部委託に近くなります。協議して双方の目的を仕様に反映させてください",
)
_NOTE_OWN_PURPOSE_UNKNOWN = QT_TRANSLATE_NOOP(
    "RelationshipQuestion", "団体独自の目的があるかを確かめてください。なければ協働ではありません"
)
_NOTE_GROUP_WITHOUT_SUPPORT_AIM = QT_TRANSLATE_NOOP(
    "RelationshipQuestion",
    "団体のやりたいことを応援する関係なので支援としました。行政にも目的があるなら、役割分担をして一緒に企画すれば協働です",
)
_NOTE_UNDECIDED = QT_TRANSLATE_NOOP(
    "RelationshipQuestion",
    "答えから関係を決めきれません。役割分担をして計画の策定や実施を一緒に行うかを確かめてください",
)


@dataclass(frozen=True)
class Recommendation:
    """The helper's answer: the kind, the manual's sentences behind it, and the helper's note.

    ``tentative`` is true when the answers do not all point to the kind (``note`` says which
    answer to reconsider); the officer should look again before accepting it.
    """

    kind: RelationshipKind
    quotes: tuple[str, ...]
    note: str = ""

    @property
    def tentative(self) -> bool:
        """Whether some answer points elsewhere (then ``note`` is set)."""
        return bool(self.note)


_SUPPORT = (_SUPPORT_CONTENT, _SUPPORT_RELATION)
_COLLABORATION = (_COLLABORATION_CONTENT, _COLLABORATION_RELATION, _OWN_PURPOSE_PREMISE)
_OUTSOURCING = (_OUTSOURCING_CONTENT, _OUTSOURCING_RELATION)


def recommend(answers: Answers) -> Recommendation:
    """The kind the manual's table gives for ``answers`` (rules in the order they are tried):

    1. Supporting the group is the aim itself → 支援 (tentative when both sides also plan together).
    2. The group has no purpose of its own → 外部委託: 協働 presupposes one (tentative unless the
       administration also designed the work).
    3. The administration designs the work and the two do not plan together → 外部委託
       (tentative when the group has a purpose of its own: 協議 would make it 協働).
    4. Both plan together and the group has a purpose of its own → 協働 (tentative when the
       administration alone set purpose and content, or the group's purpose is not known).
    5. The group sets the work and does not plan it with the administration → 支援
       (「NPOのやりたいこと」を行政が応援する).
    6. Otherwise (both set the purpose, planning together unknown) → 協働, tentative.
    """
    setter, own, aim, joint = answers.setter, answers.own_purpose, answers.support_aim, answers.joint_planning
    if aim is Answer.YES:
        note = _NOTE_SUPPORT_BUT_JOINT if joint is Answer.YES and own is not Answer.NO else ""
        return Recommendation(RelationshipKind.SUPPORT, _SUPPORT, note)
    if own is Answer.NO:
        note = "" if setter is Setter.ADMINISTRATION and joint is not Answer.YES else _NOTE_NO_OWN_PURPOSE
        return Recommendation(RelationshipKind.OUTSOURCING, (*_OUTSOURCING, _OWN_PURPOSE_PREMISE), note)
    if setter is Setter.ADMINISTRATION and joint is not Answer.YES:
        note = _NOTE_ADMIN_DESIGNS_OWN_PURPOSE if own is Answer.YES else ""
        quotes = (*_OUTSOURCING, _PARK_AGREEMENT) if note else _OUTSOURCING
        return Recommendation(RelationshipKind.OUTSOURCING, quotes, note)
    if joint is Answer.YES:
        if setter is Setter.ADMINISTRATION:
            return Recommendation(
                RelationshipKind.COLLABORATION,
                (*_COLLABORATION, _PARK_AGREEMENT),
                _NOTE_ADMIN_DESIGNS_JOINTLY,
            )
        note = _NOTE_OWN_PURPOSE_UNKNOWN if own is Answer.UNKNOWN else ""
        return Recommendation(RelationshipKind.COLLABORATION, _COLLABORATION, note)
    if setter is Setter.GROUP:
        note = _NOTE_GROUP_WITHOUT_SUPPORT_AIM if aim is Answer.NO else ""
        return Recommendation(RelationshipKind.SUPPORT, (_SUPPORT_RELATION,), note)
    return Recommendation(RelationshipKind.COLLABORATION, _COLLABORATION, _NOTE_UNDECIDED)


@dataclass(frozen=True)
class RelationshipChoice:
    """The kind the officer chose, the helper's recommendation, and the reason for a different choice."""

    kind: RelationshipKind
    recommended: RelationshipKind
    reason: str = ""

    @property
    def overridden(self) -> bool:
        """Whether the officer chose otherwise than recommended."""
        return self.kind is not self.recommended


def validate_choice(
    recommended: RelationshipKind,
    chosen: RelationshipKind,
    reason: str | None,
    field: str = "relationship_reason",
) -> RelationshipChoice:
    """The officer's choice, checked: a choice other than the recommendation needs a reason.

    The reason is kept (normalised) even when the choice agrees, as a note the officer wrote.
    """
    text = nfkc(reason)
    if chosen is not recommended and not text:
        raise ValidationError(
            field,
            f"推奨（{recommended.value}）と異なる関係の種類（{chosen.value}）を選ぶときは、その理由を入力してください",
        )
    return RelationshipChoice(kind=chosen, recommended=recommended, reason=text)


#: The table's row (参考) 具体的な形態例, in the manual's words.
FORM_EXAMPLES: dict[RelationshipKind, tuple[str, ...]] = {
    RelationshipKind.SUPPORT: ("補助金", "制度創設等の環境整備", "広報支援", "助言"),
    RelationshipKind.COLLABORATION: ("実行委員会", "共催", "補助金", "委託", "事業協力"),
    RelationshipKind.OUTSOURCING: ("委託",),
}

# The examples that are one of our forms; 制度創設等の環境整備, 広報支援 and 助言 are none.
_EXAMPLE_FORMS: dict[str, ProjectForm] = {
    "補助金": ProjectForm.SUBSIDY,
    "委託": ProjectForm.COMMISSION,
    "実行委員会": ProjectForm.COMMITTEE,
    "共催": ProjectForm.CO_HOSTING,
    "事業協力": ProjectForm.COOPERATION,
}


def kinds_listing_form(form: ProjectForm) -> tuple[RelationshipKind, ...]:
    """The kinds whose 具体的な形態例 name ``form``, in the table's order; () when none does.

    More than one kind (補助・助成, 委託) means the form does not settle the kind: ask the questions.
    """
    return tuple(
        kind
        for kind, examples in FORM_EXAMPLES.items()
        if any(_EXAMPLE_FORMS.get(example) is form for example in examples)
    )


def selection_methods_for(kind: RelationshipKind) -> tuple[SelectionMethod, ...]:
    """How the park-management example chooses the partner: 外部委託 by 指名または一般競争入札
    (「より低廉な価格で、仕様書の業務が執行できるかが選考基準」), 協働 by 企画提案方式による公募;
    支援 has no method in the example (empty)."""
    if kind is RelationshipKind.OUTSOURCING:
        return (SelectionMethod.NOMINATED, SelectionMethod.OPEN_TENDER)
    if kind is RelationshipKind.COLLABORATION:
        return (SelectionMethod.PROPOSAL,)
    return ()
