"""Demo evaluations (評価シート) of the demo projects' past 年度, made with ``kyodo demo --projects``.

Of the past-年度 projects that reached 評価 or later, the 協働 ones are mostly evaluated and the
支援 and 外部委託 ones now and then (:data:`EVALUATED_SHARE`; the forms are written for 協働事業):
a 最終 round (and, for a year-long project now and then, a 中間 one) on one of the
built-in forms — mostly the six 協働のポイント on 5段階, some 浦安市's 3段階 with a 総合評価, some
the weighted points form with a 第三者 evaluator. 行政 and 団体 evaluate; in about a third of the
rounds their scores differ by the form's gap threshold on an item or two (discussion points).
Results are written beside the targets, near the target, some short of it.

The conclusion follows the stage the project generator gave (the stage a conclusion leads to,
:data:`~kyodo_desktop.domain.evaluation_terms.DIRECTION_STAGE`): a project at 見直し・改善 gets
拡大 / 改善して継続 / 現状のまま継続, one at 終了 予定どおり終了 or 中止・廃止, dated the day of that
stage change, whose note becomes 「評価の結論: …」 as a recorded conclusion writes it; a project
still at 評価 has its evaluations (the partner's sometimes still a draft) and no conclusion yet.
Improvement actions have an owner and a due date; their state follows the date.

Rows go in with plain ``executemany`` inserts inside the projects' transaction, like
:mod:`kyodo_desktop.services.demo_projects` (which calls :func:`add_evaluations`).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.evaluation import Template, gap_threshold, parse_quantity
from kyodo_desktop.domain.evaluation_terms import DIRECTION_STAGE, Direction, ScaleKind
from kyodo_desktop.domain.project_terms import Stage
from kyodo_desktop.persistence.bulk import RowShape
from kyodo_desktop.persistence.models import new_id, table_of
from kyodo_desktop.persistence.models_evaluations import (
    Evaluation,
    EvaluationRound,
    EvaluationScore,
    EvaluationTemplate,
    ImprovementAction,
    TargetResult,
)
from kyodo_desktop.services.evaluations_templates import domain_template

__all__ = ["EVALUATED_SHARE", "DemoProject", "add_evaluations"]

#: The share of past-年度 projects at 評価 or later that have evaluations, by relationship kind.
EVALUATED_SHARE = {"協働": 0.6, "支援": 0.2, "外部委託": 0.1}
_TEMPLATES = (("points-5", 70), ("urayasu-3", 15), ("weighted-points", 15))
_THIRD_PARTY = ("協働推進委員会 佐藤委員", "協働推進委員会 鈴木委員")
_DIRECTIONS = {
    Stage.REVIEW: ((Direction.IMPROVE, 60), (Direction.CONTINUE, 30), (Direction.EXPAND, 10)),
    Stage.FINISHED: ((Direction.END, 85), (Direction.ABOLISH, 15)),
}
_ADMIN_COMMENTS = (
    "定例会で進捗を共有でき、課題への対応が早かった",
    "団体の専門性により、行政だけでは届かない層に届いた",
    "役割分担の確認が年度の途中で曖昧になった",
    "参加者の声を次回の企画に生かせた",
)
_PARTNER_COMMENTS = (
    "行政の手続きに時間がかかり、準備期間が短くなった",
    "担当者と気軽に相談でき、進めやすかった",
    "広報の協力で参加者が増えた",
    "事業の目的を年度当初に改めて確認したい",
)
_OVERALL = (
    "概ね計画どおりに実施できた。次年度は目標の設定方法を見直したい。",
    "双方の強みを生かせた。参加者の満足度も高かった。",
    "成果は出たが、役割分担と情報共有に改善の余地がある。",
)
_CONCLUSIONS = {
    Direction.EXPAND: "成果が大きいため、対象地域を広げて実施する。",
    Direction.IMPROVE: "論点となった項目を双方で見直し、改善して継続する。",
    Direction.CONTINUE: "目標を達成しており、現在の方法で継続する。",
    Direction.ABOLISH: "ニーズの変化を踏まえ、今年度で事業を廃止する。",
    Direction.END: "予定の期間を終えたため、事業を終了する。成果は報告書で公表する。",
}
_ACTIONS = (
    "定例会の議題を事前に共有する",
    "参加者アンケートの項目を見直す",
    "役割分担表を年度当初に双方で確認する",
    "広報の時期を早め、募集期間を長くする",
    "成果を市のウェブサイトで公表する",
)


@dataclass
class DemoProject:
    """What the evaluations need of one generated project."""

    id: str
    fiscal_year: int
    stage: Stage
    section: str
    partner: str
    officer: str
    period_start: date
    period_end: date
    #: (stage, day) of each dated stage change, and where it is in the stage rows
    stage_days: dict[Stage, tuple[date, int]]
    targets: list[tuple[int, str, str]]  # (position, what, amount)
    kind: str  # 支援 / 協働 / 外部委託


@dataclass
class _Rows:
    rounds: list[tuple[Any, ...]] = field(default_factory=list)
    evaluations: list[tuple[Any, ...]] = field(default_factory=list)
    scores: list[tuple[Any, ...]] = field(default_factory=list)
    results: list[tuple[Any, ...]] = field(default_factory=list)
    actions: list[tuple[Any, ...]] = field(default_factory=list)
    audit: list[tuple[Any, ...]] = field(default_factory=list)


_ROUND_COLUMNS = (
    "id",
    "project_id",
    "fiscal_year",
    "phase",
    "template_id",
    "blind",
    "third_party_planned",
    "direction",
    "conclusion",
    "decided_on",
    "version",
    "created_at",
    "updated_at",
)
_EVALUATION_COLUMNS = (
    "id",
    "round_id",
    "side",
    "evaluator_name",
    "overall_comment",
    "overall_grade",
    "evaluated_on",
    "submitted_at",
    "source_form_id",
    "import_id",
    "version",
    "created_at",
    "updated_at",
)
_SCORE_COLUMNS = ("evaluation_id", "item_key", "score", "comment")
_RESULT_COLUMNS = ("round_id", "position", "what", "amount", "result")
_ACTION_COLUMNS = ("round_id", "position", "text", "owner", "due_on", "status")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_AUDIT_COLUMNS = ("occurred_at", "officer", "entity", "record_id", "action", "changes", "context")


class _Generator:
    """Builds the evaluation rows of the projects given (see the module)."""

    def __init__(
        self, rng: random.Random, templates: dict[str, tuple[str, Template]], now: str, audit: tuple[str, str]
    ) -> None:
        self.rng = rng
        self.templates = templates
        self.now = now
        self.who, self.context = audit
        self.today = date.today()
        self.rows = _Rows()
        self.notes: dict[int, str] = {}  # stage row index → the conclusion's note
        self._shapes: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {}  # key → item keys, maxima

    def _keys(self, template: Template) -> tuple[str, ...]:
        return self._shape(template)[0]

    def _maxima(self, template: Template) -> tuple[int, ...]:
        return self._shape(template)[1]

    def _shape(self, template: Template) -> tuple[tuple[str, ...], tuple[int, ...]]:
        found = self._shapes.get(template.key)
        if found is None:
            keys = tuple(item.key for item in template.items)
            found = self._shapes[template.key] = (
                keys,
                tuple(template.item_maximum(i) for i in template.items),
            )
        return found

    def project(self, p: DemoProject) -> None:
        rng = self.rng
        evaluated = p.stage_days.get(Stage.EVALUATION)
        if evaluated is None or rng.random() >= EVALUATED_SHARE.get(p.kind, 0.0):
            return
        key = rng.choices([k for k, _ in _TEMPLATES], [w for _, w in _TEMPLATES])[0]
        template_id, template = self.templates[key]
        weighted = bool(template.weights)
        if (p.period_end - p.period_start).days > 240 and rng.random() < 0.2:
            midterm = date(p.fiscal_year, 10, 20) + timedelta(days=rng.randint(0, 20))
            if midterm <= self.today:
                self._round(p, "中間", template_id, template, midterm, weighted, conclude=False)
        on = evaluated[0] + timedelta(days=rng.randint(0, 14))
        if on > self.today:
            return
        self._round(p, "最終", template_id, template, on, weighted, conclude=p.stage in _DIRECTIONS)

    def _round(
        self,
        p: DemoProject,
        phase: str,
        template_id: str,
        template: Template,
        on: date,
        third_party: bool,
        *,
        conclude: bool,
    ) -> None:
        rng = self.rng
        round_id = new_id()
        direction, comment, decided = "", "", None
        if conclude:
            choice = rng.choices([d for d, _ in _DIRECTIONS[p.stage]], [w for _, w in _DIRECTIONS[p.stage]])[
                0
            ]
            assert DIRECTION_STAGE[choice] is p.stage
            decided, index = p.stage_days[p.stage]
            direction, comment = choice.value, _CONCLUSIONS[choice]
            self.notes[index] = f"評価の結論: {choice.value}"
            for n in range(rng.randint(1, 2)):
                due = decided + timedelta(days=rng.randint(60, 200))
                status = (
                    "完了"
                    if due < self.today and rng.random() < 0.6
                    else "対応中"
                    if due < self.today
                    else "未着手"
                )
                owner = p.section if rng.random() < 0.5 else p.partner
                self.rows.actions.append(
                    (round_id, n, _ACTIONS[rng.randrange(len(_ACTIONS))], owner, due.isoformat(), status)
                )
        blind = rng.random() < 0.2
        self.rows.rounds.append(
            (
                round_id,
                p.id,
                p.fiscal_year,
                phase,
                template_id,
                int(blind),
                int(third_party),
                direction,
                comment,
                decided.isoformat() if decided else None,
                1,
                self.now,
                self.now,
            )
        )
        changes = {"project_id": [None, p.id], "fiscal_year": [None, p.fiscal_year], "phase": [None, phase]}
        self._audit(round_id, "evaluation_round", changes)
        admin = self._scores(template)
        partner = self._partner_scores(template, admin)
        # a round still at 評価: the partner's evaluation is sometimes still a draft
        partner_done = conclude or phase == "中間" or rng.random() < 0.7
        sides: list[tuple[str, str, list[int], Sequence[str], bool]] = [
            ("行政", p.officer, admin, _ADMIN_COMMENTS, True),
            ("団体", p.partner, partner, _PARTNER_COMMENTS, partner_done),
        ]
        if third_party:
            sides.append(("第三者", rng.choice(_THIRD_PARTY), self._scores(template), (), True))
        for side, name, scores, comments, submitted in sides:
            self._evaluation(round_id, template, side, name, scores, comments, on, submitted)
        if phase == "最終":
            for position, what, amount in p.targets:
                self.rows.results.append((round_id, position, what, amount, self._result(amount)))

    def _evaluation(
        self,
        round_id: str,
        template: Template,
        side: str,
        name: str,
        scores: list[int],
        comments: Sequence[str],
        on: date,
        submitted: bool,
    ) -> None:
        rng = self.rng
        evaluation_id = new_id()
        day = on + timedelta(days=rng.randint(0, 5))
        day = min(day, self.today)
        grade = ""
        if template.overall_choices:
            ratio = sum(scores) / template.maximum
            grade = template.overall_choices[0 if ratio >= 0.85 else 1 if ratio >= 0.6 else 2]
        self.rows.evaluations.append(
            (
                evaluation_id,
                round_id,
                side,
                name,
                rng.choice(_OVERALL) if submitted and rng.random() < 0.7 else "",
                grade,
                day.isoformat(),
                f"{day.isoformat()}T01:00:00+00:00" if submitted else None,
                None,
                None,
                1,
                self.now,
                self.now,
            )
        )
        keys = self._keys(template)
        rows = [(evaluation_id, key, score, "") for key, score in zip(keys, scores, strict=True)]
        if comments:  # a comment on an item or two, now and then
            for n in rng.sample(range(len(rows)), k=rng.choice((0, 0, 1, 1, 2))):
                rows[n] = (evaluation_id, keys[n], scores[n], rng.choice(comments))
        self.rows.scores.extend(rows)
        self._audit(evaluation_id, "evaluation", {"side": [None, side], "evaluator_name": [None, name]})

    def _scores(self, template: Template) -> list[int]:
        """One evaluator's scores: a level of its own, each item a step around it."""
        rng = self.rng
        scale = template.scale
        deltas: tuple[int, ...]
        if scale.kind is ScaleKind.THREE:
            base, deltas = rng.choice((2, 3, 3)), (0, 0, 0, 0, 0, 0, -1, 1)
        elif scale.kind is ScaleKind.FIVE:
            base, deltas = rng.choice((3, 4, 4, 4, 5)), (-1, 0, 0, 1)
        else:
            base, deltas = rng.randint(5, 9), (-1, 0, 0, 1)
        steps = rng.choices(deltas, k=len(template.items))
        low = scale.minimum
        return [
            max(low, min(high, base + step)) for high, step in zip(self._maxima(template), steps, strict=True)
        ]

    def _partner_scores(self, template: Template, admin: list[int]) -> list[int]:
        """Near the administration's; in about a third of rounds one or two items a gap apart."""
        rng = self.rng
        low = template.scale.minimum
        if template.scale.kind is ScaleKind.THREE:
            partner = list(admin)
        else:
            steps = rng.choices((-1, 0, 0, 0, 1), k=len(admin))
            partner = [
                max(low, min(high, v + step))
                for high, v, step in zip(self._maxima(template), admin, steps, strict=True)
            ]
        if rng.random() < 0.35:
            for n in rng.sample(range(len(admin)), k=rng.randint(1, 2)):
                item = template.items[n]
                step = gap_threshold(template, item)
                high = template.item_maximum(item)
                partner[n] = admin[n] - step if admin[n] - step >= low else min(high, admin[n] + step)
        return partner

    def _result(self, amount: str) -> str:
        """Near the target (70–120 %), in its unit: 「延べ1,200人」 → 「延べ1,034人」."""
        goal = parse_quantity(amount)
        match = _NUMBER.search(amount)
        if goal is None or match is None:
            return "実施した"
        value = goal * self.rng.uniform(0.7, 1.2)
        if "%" in amount:
            value = min(value, 100.0)
        unit = amount[match.end() :].replace("以上", "")
        return f"{amount[: match.start()]}{round(value):,}{unit}"

    def _audit(self, record_id: str, entity: str, changes: dict[str, Any]) -> None:
        self.rows.audit.append(
            (
                self.now,
                self.who,
                entity,
                record_id,
                "create",
                json.dumps(changes, ensure_ascii=False),
                self.context,
            )
        )


def _templates(s: Session) -> dict[str, tuple[str, Template]]:
    """The newest stored version of each built-in form: key → (id, template)."""
    out: dict[str, tuple[str, Template]] = {}
    for row in s.scalars(
        select(EvaluationTemplate)
        .where(EvaluationTemplate.is_builtin.is_(True))
        .order_by(EvaluationTemplate.version)
    ):
        out[row.key] = (row.id, domain_template(row))
    return out


def add_evaluations(
    s: Session,
    projects: Sequence[DemoProject],
    stage_rows: list[tuple[Any, ...]],
    *,
    seed: int,
    now: str,
    audit: tuple[str, str],
) -> int:
    """Insert the evaluations of ``projects``; rewrite the notes of the stage rows they conclude.

    ``stage_rows`` are the projects' stage changes not yet inserted (``(project_id, stage,
    changed_on, note, officer, created_at)``); returns the number of evaluations.
    """
    templates = _templates(s)
    if any(key not in templates for key, _ in _TEMPLATES):
        return 0  # a data file without the built-in forms: nothing to evaluate with
    gen = _Generator(random.Random(f"evaluations-{seed}"), templates, now, audit)
    for p in projects:
        gen.project(p)
    for index, note in gen.notes.items():
        row = stage_rows[index]
        stage_rows[index] = (*row[:3], note, *row[4:])
    rows = gen.rows
    for model, columns, values in (
        (EvaluationRound, _ROUND_COLUMNS, rows.rounds),
        (Evaluation, _EVALUATION_COLUMNS, rows.evaluations),
        (EvaluationScore, _SCORE_COLUMNS, rows.scores),
        (TargetResult, _RESULT_COLUMNS, rows.results),
        (ImprovementAction, _ACTION_COLUMNS, rows.actions),
    ):
        values.sort()  # in key order (the leading columns are unique) the indexes grow at their end
        _insert(s, table_of(model), columns, values)
    from kyodo_desktop.persistence.models import AuditEntry

    _insert(s, table_of(AuditEntry), _AUDIT_COLUMNS, rows.audit)
    return len(rows.evaluations)


def _insert(s: Session, table: Any, columns: Sequence[str], values: list[tuple[Any, ...]]) -> None:
    RowShape(table, columns)  # refuses a list of columns that leaves one out
    if not values:
        return
    marks = ", ".join("?" for _ in columns)
    s.connection().exec_driver_sql(
        f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", values
    )
