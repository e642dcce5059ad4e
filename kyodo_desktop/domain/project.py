"""Input records for officers (職員) and projects (事業), with whole-record validation.

Like :mod:`kyodo_desktop.domain.organization`: the wizard, the projects tab, the past-project
import and the CLI build these plain dataclasses and pass them through ``validate_*``, which
return a normalised copy or raise :class:`ValidationErrors` with every problem in Japanese.
The words (kinds, forms, stages …) are those of :mod:`kyodo_desktop.domain.project_terms`.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from kyodo_desktop.domain.fields import ACTIVITY_FIELDS
from kyodo_desktop.domain.organization import clean_katakana, nfkc_multiline, raise_if_any
from kyodo_desktop.domain.project_terms import (
    AGREEMENT_ITEMS,
    COLLABORATION_POINTS,
    PURPOSE_KINDS,
    BudgetSide,
    PartnerRole,
    PointStatus,
    ProjectForm,
    RelationshipKind,
    RoleSide,
    SelectionMethod,
    Stage,
)
from kyodo_desktop.domain.relationship_kind import QUESTIONS
from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors, unsafe_character_errors
from kyodo_desktop.domain.wareki import fiscal_year

__all__ = [
    "OfficerInput",
    "PartnerInput",
    "PointCheck",
    "ProjectInput",
    "RoleRowInput",
    "SelectionInput",
    "TargetInput",
    "default_period_end",
    "validate_officer",
    "validate_project",
    "validate_stage_change",
]

#: 年度 accepted (the first 令和, 平成 and 昭和 records a 課 might list, up to far ahead)
FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR = 1950, 2100


@dataclasses.dataclass
class OfficerInput:
    """An officer (職員): name, フリガナ, 所属課, 役職."""

    name: str = ""
    kana: str = ""
    section: str = ""
    title: str = ""


@dataclasses.dataclass
class PartnerInput:
    """A registered organization in a project, as 主たるパートナー or 協力団体."""

    organization_id: str
    role: str = PartnerRole.MAIN.value


@dataclasses.dataclass
class TargetInput:
    """A target: what (参加者数), how much (100人), by when."""

    what: str = ""
    amount: str = ""
    due_on: date | None = None


@dataclasses.dataclass
class RoleRowInput:
    """A row of the 役割分担表: the task, who carries it (行政 / 団体 / 共同), who in person, a note."""

    task: str = ""
    side: str = RoleSide.JOINT.value
    responsible: str = ""
    note: str = ""


@dataclasses.dataclass
class PointCheck:
    """How far one of the six 協働のポイント is checked (確認済 / 一部 / 未) and the evidence."""

    status: str = PointStatus.NOT_YET.value
    evidence: str = ""


@dataclasses.dataclass
class SelectionInput:
    """How the partner was chosen: method, candidates considered, applicants, reason, 審査機関, 公表."""

    method: str = ""
    candidates: str = ""
    applicant_count: int | None = None
    reason: str = ""
    review_body: str = ""
    published_on: date | None = None
    is_published: bool = False


@dataclasses.dataclass
class ProjectInput:
    """A project (事業) as entered in the wizard or read from a past-project list.

    ``fiscal_year`` is the 西暦 year the 年度 begins in (令和7年度 = 2025). ``budget`` maps
    :class:`BudgetSide` values to whole 円; ``purposes``, ``agreement`` and ``points`` map the
    words of ``PURPOSE_KINDS``, ``AGREEMENT_ITEMS`` and ``COLLABORATION_POINTS``. The stage is
    not here: it changes only by a dated stage change (the service's ``change_stage``).
    """

    title: str = ""
    fiscal_year: int | None = None
    section: str = ""
    lead_officer_id: str | None = None
    partners: list[PartnerInput] = dataclasses.field(default_factory=list)
    relationship_kind: str = ""
    kind_reason: str = ""
    #: the relationship-kind questionnaire's answers, ``{question id: choice id}`` (see
    #: :data:`~kyodo_desktop.domain.relationship_kind.QUESTIONS`); those not answered are left out
    kind_answers: dict[str, str] = dataclasses.field(default_factory=dict)
    form: str = ""
    fields: list[int] = dataclasses.field(default_factory=list)
    purposes: dict[str, str] = dataclasses.field(default_factory=dict)
    targets: list[TargetInput] = dataclasses.field(default_factory=list)
    period_start: date | None = None
    period_end: date | None = None
    review_on: date | None = None
    budget: dict[str, int] = dataclasses.field(default_factory=dict)
    selection: SelectionInput = dataclasses.field(default_factory=SelectionInput)
    roles: list[RoleRowInput] = dataclasses.field(default_factory=list)
    agreement: dict[str, str] = dataclasses.field(default_factory=dict)
    points: dict[str, PointCheck] = dataclasses.field(default_factory=dict)
    notes: str = ""


def default_period_end(fiscal_year: int) -> date:
    """The last day of a 年度: 3月31日 of the next calendar year."""
    return date(fiscal_year + 1, 3, 31)


def _quoted(values: object) -> str:
    return "".join(f"「{v}」" for v in values)  # type: ignore[attr-defined]


def validate_officer(data: OfficerInput) -> OfficerInput:
    """Return a normalised copy of an officer, or raise ValidationErrors."""
    errors: list[ValidationError] = []
    result = OfficerInput(
        name=nfkc(data.name),
        kana=clean_katakana(data.kana),
        section=nfkc(data.section),
        title=nfkc(data.title),
    )
    if not result.name:
        errors.append(ValidationError("name", "職員の氏名は必須です"))
    labels = {"name": "氏名", "kana": "フリガナ", "section": "所属課", "title": "役職"}
    errors.extend(unsafe_character_errors(dataclasses.asdict(result), labels))
    raise_if_any(errors, OfficerInput)
    return result


_KINDS: tuple[str, ...] = tuple(RelationshipKind)
_FORMS: tuple[str, ...] = tuple(ProjectForm)
_METHODS: tuple[str, ...] = tuple(SelectionMethod)
_PARTNER_ROLES: tuple[str, ...] = tuple(PartnerRole)
_SIDES: tuple[str, ...] = tuple(RoleSide)
_STATUSES: tuple[str, ...] = tuple(PointStatus)
_BUDGET_SIDES: tuple[str, ...] = tuple(BudgetSide)

_LABELS = {
    "title": "事業名",
    "section": "担当課",
    "kind_reason": "関係の種類の理由",
    "notes": "備考",
    "selection": "選定",
    "purposes": "目的",
    "targets": "目標",
    "roles": "役割分担",
    "agreement": "協定事項",
    "points": "協働のポイント",
}


def _choice(
    errors: list[ValidationError], field: str, label: str, value: str, allowed: tuple[str, ...]
) -> str:
    """A value of a fixed vocabulary (blank allowed: not decided yet, or not in an old list)."""
    text = nfkc(value)
    if text and text not in allowed:
        errors.append(ValidationError(field, f"{label}は{_quoted(allowed)}のいずれかです: {text}"))
    return text


def _check_keys(errors: list[ValidationError], field: str, keys: object, allowed: tuple[str, ...]) -> None:
    unknown = [k for k in keys if k not in allowed]  # type: ignore[attr-defined]
    if unknown:
        errors.append(
            ValidationError(field, f"{_LABELS[field]}の項目は{_quoted(allowed)}のいずれかです: {unknown[0]}")
        )


def _fiscal_year(errors: list[ValidationError], data: ProjectInput, *, draft: bool) -> int | None:
    """The 年度: as given, else from the period's start (a year is needed unless a draft)."""
    fy = data.fiscal_year
    if fy is None and data.period_start is not None:
        fy = fiscal_year(data.period_start)
    if fy is None:
        if not draft:
            errors.append(ValidationError("fiscal_year", "年度は必須です"))
        return None
    if isinstance(fy, bool) or not isinstance(fy, int) or not FIRST_FISCAL_YEAR <= fy <= LAST_FISCAL_YEAR:
        errors.append(
            ValidationError(
                "fiscal_year", f"年度は{FIRST_FISCAL_YEAR}〜{LAST_FISCAL_YEAR}の西暦で指定してください: {fy}"
            )
        )
        return None
    return fy


def _budget(errors: list[ValidationError], budget: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for side, amount in budget.items():
        if side not in _BUDGET_SIDES:
            errors.append(
                ValidationError("budget", f"予算の区分は{_quoted(BudgetSide)}のいずれかです: {side}")
            )
        elif isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
            errors.append(
                ValidationError("budget", f"{side}は0以上の円単位の整数で入力してください: {amount}")
            )
        else:
            out[side] = amount
    return out


def _selection(errors: list[ValidationError], s: SelectionInput) -> SelectionInput:
    if s.applicant_count is not None and (
        isinstance(s.applicant_count, bool) or not isinstance(s.applicant_count, int) or s.applicant_count < 0
    ):
        errors.append(ValidationError("selection", "応募者数は0以上の数で入力してください"))
    return SelectionInput(
        method=_choice(errors, "selection", "選定方法", s.method, _METHODS),
        candidates=nfkc_multiline(s.candidates),
        applicant_count=s.applicant_count,
        reason=nfkc_multiline(s.reason),
        review_body=nfkc(s.review_body),
        published_on=s.published_on,
        is_published=bool(s.is_published or s.published_on),  # a 公表日 means it was published
    )


def _partners(errors: list[ValidationError], partners: list[PartnerInput]) -> list[PartnerInput]:
    out: list[PartnerInput] = []
    seen: set[str] = set()
    for p in partners:
        role = (
            _choice(errors, "partners", "パートナーの区分", p.role, _PARTNER_ROLES) or PartnerRole.MAIN.value
        )
        if not p.organization_id:
            errors.append(ValidationError("partners", "パートナーの団体を選んでください"))
        elif p.organization_id in seen:
            errors.append(ValidationError("partners", "同じ団体が二度パートナーになっています"))
        else:
            seen.add(p.organization_id)
            out.append(PartnerInput(p.organization_id, role))
    return out


_ANSWER_CHOICES: dict[str, frozenset[str]] = {q.id: frozenset(c.id for c in q.choices) for q in QUESTIONS}


def _kind_answers(errors: list[ValidationError], answers: dict[str, str]) -> dict[str, str]:
    """The questionnaire's answers in the questions' order; an unknown question or choice is an error."""
    for qid, value in answers.items():
        if value not in _ANSWER_CHOICES.get(qid, ()):
            errors.append(
                ValidationError("kind_answers", f"関係の種類の問いの答えが読めません: {qid}={value}")
            )
    return {qid: answers[qid] for qid in _ANSWER_CHOICES if answers.get(qid) in _ANSWER_CHOICES[qid]}


def validate_project(data: ProjectInput, *, draft: bool = False) -> ProjectInput:
    """Return a normalised copy of a project, or raise ValidationErrors listing every problem.

    ``draft=True`` (the wizard's unfinished project) lets required fields stay blank but checks
    every value given. A blank period end becomes 3月31日 of the 年度. A finished project needs
    its 事業名, 年度 and 担当課 (the fairness check counts by 担当課), and a 協働のポイント marked
    確認済 needs its evidence (what was done to confirm it); a draft may still lack them.
    """
    errors: list[ValidationError] = []
    title = nfkc(data.title)
    if not title and not draft:
        errors.append(ValidationError("title", "事業名は必須です"))
    fy = _fiscal_year(errors, data, draft=draft)
    fields: list[int] = []
    for value in data.fields:
        if isinstance(value, bool) or not isinstance(value, int) or value not in ACTIVITY_FIELDS:
            errors.append(ValidationError("fields", f"活動分野は1〜20の番号で指定してください: {value}"))
        elif value not in fields:
            fields.append(value)
    period_end = data.period_end if data.period_end is not None or fy is None else default_period_end(fy)
    if data.period_start and period_end and period_end < data.period_start:
        errors.append(ValidationError("period_end", "期間の終わりは始まり以降の日付にしてください"))
    _check_keys(errors, "purposes", data.purposes, PURPOSE_KINDS)
    _check_keys(errors, "agreement", data.agreement, AGREEMENT_ITEMS)
    _check_keys(errors, "points", data.points, COLLABORATION_POINTS)
    targets = [TargetInput(nfkc(t.what), nfkc(t.amount), t.due_on) for t in data.targets]
    if any(not t.what for t in targets):
        errors.append(ValidationError("targets", "目標ごとに「何を」を入力してください"))
    roles = [
        RoleRowInput(
            task=nfkc(r.task),
            side=_choice(errors, "roles", "役割の担い手", r.side, _SIDES) or RoleSide.JOINT.value,
            responsible=nfkc(r.responsible),
            note=nfkc_multiline(r.note),
        )
        for r in data.roles
    ]
    if any(not r.task for r in roles):
        errors.append(ValidationError("roles", "役割分担の行ごとに作業を入力してください"))
    points = {
        k: PointCheck(
            _choice(errors, "points", k, p.status, _STATUSES) or PointStatus.NOT_YET.value,
            nfkc_multiline(p.evidence),
        )
        for k, p in data.points.items()
    }
    section = nfkc(data.section)
    if not draft:
        if not section:
            errors.append(ValidationError("section", "担当課は必須です"))
        errors.extend(
            ValidationError("points", f"「{k}」を確認済とするときは、根拠を書いてください")
            for k, p in points.items()
            if p.status == PointStatus.CONFIRMED.value and not p.evidence
        )
    result = ProjectInput(
        title=title,
        fiscal_year=fy,
        section=section,
        lead_officer_id=data.lead_officer_id or None,
        partners=_partners(errors, data.partners),
        relationship_kind=_choice(errors, "relationship_kind", "関係の種類", data.relationship_kind, _KINDS),
        kind_reason=nfkc_multiline(data.kind_reason),
        kind_answers=_kind_answers(errors, data.kind_answers),
        form=_choice(errors, "form", "形態", data.form, _FORMS),
        fields=sorted(fields),
        purposes={k: nfkc_multiline(v) for k, v in data.purposes.items() if nfkc_multiline(v)},
        targets=targets,
        period_start=data.period_start,
        period_end=period_end,
        review_on=data.review_on,
        budget=_budget(errors, data.budget),
        selection=_selection(errors, data.selection),
        roles=roles,
        agreement={k: nfkc_multiline(v) for k, v in data.agreement.items() if nfkc_multiline(v)},
        points=points,
        notes=nfkc_multiline(data.notes),
    )
    free = {
        "title": result.title,
        "section": result.section,
        "kind_reason": result.kind_reason,
        "notes": result.notes,
        "selection": " ".join(
            (result.selection.candidates, result.selection.reason, result.selection.review_body)
        ),
        "purposes": " ".join(result.purposes.values()),
        "targets": " ".join(f"{t.what} {t.amount}" for t in targets),
        "roles": " ".join(f"{r.task} {r.responsible} {r.note}" for r in roles),
        "agreement": " ".join(result.agreement.values()),
        "points": " ".join(p.evidence for p in points.values()),
    }
    errors.extend(unsafe_character_errors(free, _LABELS))
    raise_if_any(errors, ProjectInput)
    return result


def validate_stage_change(
    current: str, new: str, changed_on: date | None, last_changed_on: date | None, note: str
) -> tuple[Stage, date, str]:
    """Check a stage change; returns ``(stage, date, note)`` normalised, or raises ValidationErrors.

    Any stage may follow any other (見直し leads back into the cycle; 中止 and 終了 may come at
    any point), but not the same one again, and not dated before the previous change.
    """
    errors: list[ValidationError] = []
    text = nfkc(new)
    stage: Stage | None = None
    try:
        stage = Stage(text)
    except ValueError:
        errors.append(ValidationError("stage", f"段階は{_quoted(Stage)}のいずれかです: {text}"))
    if stage is not None and stage.value == current:
        errors.append(ValidationError("stage", f"既に「{current}」の段階です"))
    if changed_on is None:
        errors.append(ValidationError("changed_on", "段階を変えた日付は必須です"))
    elif last_changed_on is not None and changed_on < last_changed_on:
        errors.append(
            ValidationError(
                "changed_on",
                f"段階を変えた日付は前回の変更日（{last_changed_on.isoformat()}）以降にしてください",
            )
        )
    clean_note = nfkc_multiline(note)
    errors.extend(unsafe_character_errors({"note": clean_note}, {"note": "メモ"}))
    if errors:
        raise ValidationErrors(errors)
    assert stage is not None and changed_on is not None
    return stage, changed_on, clean_note
