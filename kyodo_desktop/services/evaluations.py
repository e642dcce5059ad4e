"""Use cases of evaluations (評価シート, issue 12). One public method = one transaction.

Like :mod:`kyodo_desktop.services.projects`: every write validates (Japanese messages), checks
the record's ``version`` where the caller read one (a stale save is refused), and writes its
audit rows (entities ``evaluation``, ``evaluation_round``, ``evaluation_template``) in the same
transaction. The forms' half is :class:`~kyodo_desktop.services.evaluations_templates.EvaluationTemplates`;
the mutual view's arithmetic is :mod:`kyodo_desktop.services.evaluations_mutual`.

The rules kept here:

* A round is one per (project, 年度, 中間/最終); it is made on first use with the form given,
  or the newest version of the default form. Its form is fixed once it has an evaluation.
* An evaluation is one per (round, side, evaluator name). Saving one that exists needs the
  version it was read at; a submitted one is changed only after :meth:`reopen_evaluation`.
  A workbook's ``source_form_id`` is stored once: the same returned workbook is not imported twice.
* Recording the conclusion of a 最終 round moves the project to the stage its direction leads
  to (:data:`~kyodo_desktop.domain.evaluation_terms.DIRECTION_STAGE`), dated the decision day,
  through the projects' one stage change, in the same transaction; a 中間 conclusion does not.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kyodo_desktop.domain.evaluation_terms import DIRECTION_STAGE, Phase
from kyodo_desktop.domain.organization import nfkc_multiline
from kyodo_desktop.domain.validation import ValidationErrors, unsafe_character_errors
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError
from kyodo_desktop.persistence.models import utc_now
from kyodo_desktop.persistence.models_evaluations import (
    Evaluation,
    EvaluationRound,
    EvaluationScore,
    TargetResult,
)
from kyodo_desktop.services import commitments, evaluations_mutual
from kyodo_desktop.services import evaluations_rows as rows
from kyodo_desktop.services.evaluation_records import (
    EvaluationInput,
    EvaluationListRow,
    EvaluationRecord,
    ImprovementActionInput,
    MutualView,
    RoundRecord,
    TargetRow,
)
from kyodo_desktop.services.evaluations_templates import (
    EvaluationTemplates,
    default_template_id,
    domain_template,
    load_template,
)
from kyodo_desktop.services.projects import apply_stage_change

__all__ = ["EVALUATION_ENTITY", "ROUND_ENTITY", "EvaluationService"]

EVALUATION_ENTITY = "evaluation"
ROUND_ENTITY = "evaluation_round"
_SIDE_ORDER, _PHASE_ORDER = rows.SIDE_ORDER, rows.PHASE_ORDER


class EvaluationService(EvaluationTemplates):
    """The evaluation use cases on one workspace (the forms' use cases are inherited)."""

    #: the audit context of the rows being written (an import's ``import ID FILE``; "" otherwise)
    _context = ""

    # -- reading ---------------------------------------------------------------------------
    def get_evaluation(self, evaluation_id: str) -> EvaluationRecord:
        """One evaluation."""
        with self.ws.session_factory() as s:
            return rows.evaluation_record(s, rows.load_evaluation(s, evaluation_id))

    def evaluations_of_project(self, project_id: str) -> list[EvaluationRecord]:
        """A project's evaluations: 年度 oldest first, 中間 before 最終, 行政/団体/第三者, name."""
        with self.ws.session_factory() as s:
            found = s.scalars(
                select(Evaluation)
                .join(EvaluationRound, EvaluationRound.id == Evaluation.round_id)
                .where(EvaluationRound.project_id == project_id)
            ).all()
            records = [rows.evaluation_record(s, e) for e in found]
        records.sort(
            key=lambda r: (r.fiscal_year, _PHASE_ORDER[r.phase], _SIDE_ORDER[r.side], r.evaluator_name)
        )
        return records

    def rounds_of_project(self, project_id: str) -> list[RoundRecord]:
        """A project's rounds, 年度 oldest first, 中間 before 最終."""
        with self.ws.session_factory() as s:
            found = s.scalars(select(EvaluationRound).where(EvaluationRound.project_id == project_id)).all()
            records = [rows.round_record(r) for r in found]
        records.sort(key=lambda r: (r.fiscal_year, _PHASE_ORDER[r.phase]))
        return records

    def get_round(self, round_id: str) -> RoundRecord:
        """One round with its conclusion, actions and target results."""
        with self.ws.session_factory() as s:
            return rows.round_record(rows.load_round(s, round_id))

    def mutual_view(self, round_id: str, *, viewer_side: str | None = None) -> MutualView:
        """The side-by-side comparison of a round (see :mod:`~kyodo_desktop.services.evaluations_mutual`)."""
        with self.ws.session_factory() as s:
            r = rows.load_round(s, round_id)
            template = domain_template(load_template(s, r.template_id))
            evaluations = [
                rows.evaluation_record(s, e)
                for e in s.scalars(select(Evaluation).where(Evaluation.round_id == r.id))
            ]
            record = rows.round_record(r)
        return evaluations_mutual.build(record, template, evaluations, viewer_side)

    def form_already_imported(self, source_form_id: str) -> bool:
        """Whether an evaluation was already stored from the workbook with this id."""
        with self.ws.session_factory() as s:
            return rows.form_exists(s, source_form_id)

    def target_rows(self, round_id: str) -> list[TargetRow]:
        """The project's targets now beside the results stored in the round (目標値 / 実績)."""
        with self.ws.session_factory() as s:
            r = rows.load_round(s, round_id)
            project = rows.load_project(s, r.project_id)
            stored = {(t.what, t.amount): t.result for t in r.target_results}
            found = [
                TargetRow(t.id, t.what, t.amount, t.due_on, stored.pop((t.what, t.amount), ""))
                for t in project.targets
            ]
            found += [
                TargetRow(None, what, amount, None, result) for (what, amount), result in stored.items()
            ]
            return found

    def evaluation_list(self, fiscal_year: int | None = None) -> list[EvaluationListRow]:
        """Every evaluation of a project not in the trash, for ``kyodo evaluations list``."""
        with self.ws.session_factory() as s:
            return rows.evaluation_list(s, fiscal_year)

    # -- rounds ------------------------------------------------------------------------------
    def round_for(
        self,
        project_id: str,
        fiscal_year: int,
        phase: str,
        *,
        template_id: str | None = None,
        blind: bool = False,
        third_party_planned: bool = False,
    ) -> RoundRecord:
        """The round of (project, 年度, phase), made with these settings when there is none yet.

        An existing round is returned as it is (its settings change through :meth:`update_round`).
        """
        with self.ws.session_factory() as s:
            found = rows.find_round(s, project_id, fiscal_year, phase)
            if found is not None:
                return rows.round_record(found)
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            r = self._get_or_create_round(
                s, project_id, fiscal_year, phase, template_id, blind, third_party_planned
            )
            return rows.round_record(r)

    def update_round(
        self,
        round_id: str,
        *,
        template_id: str | None = None,
        blind: bool | None = None,
        third_party_planned: bool | None = None,
        expected_version: int,
    ) -> RoundRecord:
        """Change a round's form, blind mode or third-party plan (None leaves a setting as it is)."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            r = rows.load_round(s, round_id)
            rows.check_round_version(r, expected_version)
            before = rows.round_settings(r)
            if template_id is not None and template_id != r.template_id:
                load_template(s, template_id)
                if s.scalar(select(Evaluation.id).where(Evaluation.round_id == r.id).limit(1)) is not None:
                    raise KnownError(
                        f"{r.fiscal_year}年度{r.phase}の評価は既に入力されているため、評価シートを変えられません。"
                    )
                r.template_id = template_id
            if blind is not None:
                r.blind = blind
            if third_party_planned is not None:
                r.third_party_planned = third_party_planned
            changes = audit.diff(before, rows.round_settings(r))
            if changes:
                r.updated_at = utc_now()
                s.flush()
                self._audit(s, ROUND_ENTITY, r.id, "update", changes)
            return rows.round_record(r)

    def record_conclusion(
        self,
        round_id: str,
        direction: str,
        comment: str,
        decided_on: date | None,
        actions: Sequence[ImprovementActionInput],
        expected_version: int,
    ) -> RoundRecord:
        """Record the joint conclusion (今後の方向性, comment, improvement actions) of a round.

        A 最終 conclusion moves the project to its direction's stage in the same transaction
        (nothing is stored when the stage change is refused); a project already there stays.
        """
        self.ws.require_write()
        clean_direction, clean_comment, clean_actions = rows.validate_conclusion(
            direction, comment, decided_on, actions
        )
        assert decided_on is not None
        with self.ws.session_factory.begin() as s:
            r = rows.load_round(s, round_id)
            rows.check_round_version(r, expected_version)
            before = rows.conclusion_snapshot(r)
            r.direction, r.conclusion, r.decided_on = clean_direction.value, clean_comment, decided_on
            dropped = rows.merge_actions(r, clean_actions)
            r.updated_at = utc_now()
            s.flush()
            commitments.unlink_actions_in(s, self.ws, dropped, r.id)
            self._audit(s, ROUND_ENTITY, r.id, "conclusion", audit.diff(before, rows.conclusion_snapshot(r)))
            if r.phase == Phase.FINAL.value:
                project = rows.load_project(s, r.project_id)
                stage = DIRECTION_STAGE[clean_direction]
                if project.stage != stage.value:
                    apply_stage_change(
                        s,
                        project,
                        stage.value,
                        changed_on=decided_on,
                        note=f"評価の結論: {clean_direction.value}",
                        officer=self._who(),
                    )
            return rows.round_record(r)

    def save_target_results(self, round_id: str, results: Mapping[int, str]) -> RoundRecord:
        """Write the results (実績) of the project's targets, keyed by the target's id.

        The round keeps each current target as it is now beside its result; a target not in
        ``results`` keeps the result stored for it before (matched by what and amount).
        """
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            r = rows.load_round(s, round_id)
            self._store_target_results(s, r, results)
            return rows.round_record(r)

    # -- evaluations -------------------------------------------------------------------------
    def save_evaluation(
        self, data: EvaluationInput, *, expected_version: int | None = None
    ) -> EvaluationRecord:
        """Store an evaluation: a new one (``expected_version`` None) or edits of an existing one."""
        self.ws.require_write()
        with self._saving(), self.ws.session_factory.begin() as s:
            return rows.evaluation_record(s, self._store_evaluation(s, data, expected_version))

    def save_imported_form(
        self, data: EvaluationInput, results: Mapping[int, str], *, context: str
    ) -> EvaluationRecord:
        """Store a returned form's evaluation (new) and its target results in ONE transaction.

        ``results`` are keyed by the target's id as for :meth:`save_target_results`;
        ``context`` is the import's audit context (``import ID FILE``) put on every audit row
        written, so the import is listed with the others and can be undone.
        """
        self.ws.require_write()
        with self._saving(), self.ws.session_factory.begin() as s:
            self._context = context
            try:
                e = self._store_evaluation(s, data, None)
                if results:
                    self._store_target_results(s, rows.load_round(s, e.round_id), results)
                return rows.evaluation_record(s, e)
            finally:
                self._context = ""

    def reopen_evaluation(self, evaluation_id: str, expected_version: int) -> EvaluationRecord:
        """Take back a submission (提出の取り消し) so the evaluation can be edited again."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            e = rows.load_evaluation(s, evaluation_id)
            rows.check_evaluation_version(e, expected_version, "この評価")
            if e.submitted_at is None:
                raise KnownError("この評価はまだ提出されていません。")
            old, e.submitted_at = e.submitted_at, None
            e.updated_at = utc_now()
            s.flush()
            self._audit(s, EVALUATION_ENTITY, e.id, "reopen", {"submitted_at": [old, None]})
            return rows.evaluation_record(s, e)

    # -- helpers -----------------------------------------------------------------------------
    @contextlib.contextmanager
    def _saving(self) -> Iterator[None]:
        try:
            yield
        except IntegrityError as exc:  # two windows saving the same evaluation at once
            raise KnownError(
                "同じ評価（年度・時期・評価者区分・評価者名）か同じ評価シート（Excel）が、"
                "同時に別の操作で保存されました。一覧を開き直してから確かめてください。"
            ) from exc

    def _store_evaluation(
        self, s: Session, data: EvaluationInput, expected_version: int | None
    ) -> Evaluation:
        phase, side, name = rows.validate_keys(data)
        r = self._get_or_create_round(s, data.project_id, data.fiscal_year, phase.value, None, False, False)
        template = domain_template(load_template(s, r.template_id))
        clean = rows.validate_evaluation(data, template)
        e = s.scalar(
            select(Evaluation).where(
                Evaluation.round_id == r.id,
                Evaluation.side == side.value,
                Evaluation.evaluator_name == name,
            )
        )
        label = f"{data.fiscal_year}年度{phase.value}の{side.value}の評価" + (f"（{name}）" if name else "")
        if e is None and expected_version is not None:
            raise NotFoundError(f"{label}が見つかりません（削除されたか、評価者名が変わっています）。")
        if e is not None and expected_version is None:
            raise KnownError(f"{label}は既に入力されています。一覧から開いて修正してください。")
        if data.source_form_id is not None and rows.form_exists(
            s, data.source_form_id, except_id=e.id if e else None
        ):
            raise KnownError(
                "この評価シート（Excel）は既に取り込まれています。同じファイルは二度取り込めません。"
            )
        if e is not None:
            assert expected_version is not None
            rows.check_evaluation_version(e, expected_version, label)
            if e.submitted_at is not None:
                raise KnownError(f"{label}は提出済みです。修正するには、先に提出を取り消してください。")
        before = rows.evaluation_snapshot(e) if e is not None else {}
        if e is None:
            e = Evaluation(round_id=r.id, side=side.value, evaluator_name=name)
            s.add(e)
        e.overall_comment, e.overall_grade, e.evaluated_on = (
            clean["overall_comment"],
            clean["overall_grade"],
            clean["evaluated_on"],
        )
        e.scores = [
            EvaluationScore(item_key=x.item_key, score=x.score, comment=x.comment) for x in clean["scores"]
        ]
        if data.submit:
            e.submitted_at = utc_now()
        if data.source_form_id is not None:
            e.source_form_id = data.source_form_id
        if data.import_id is not None:
            e.import_id = data.import_id
        e.updated_at = utc_now()
        s.flush()
        after = rows.evaluation_snapshot(e)
        self._audit(s, EVALUATION_ENTITY, e.id, "update" if before else "create", audit.diff(before, after))
        return e

    def _store_target_results(self, s: Session, r: EvaluationRound, results: Mapping[int, str]) -> None:
        project = rows.load_project(s, r.project_id)
        known = {t.id for t in project.targets}
        unknown = [t for t in results if t not in known]
        if unknown:
            raise NotFoundError(
                f"事業の目標が見つかりません（事業が更新された可能性があります）: {unknown[0]}"
            )
        clean = {t: nfkc_multiline(text) for t, text in results.items()}
        errors = unsafe_character_errors(
            {f"result{t}": v for t, v in clean.items()}, {f"result{t}": "実績" for t in clean}
        )
        if errors:
            raise ValidationErrors(errors)
        previous = {(t.what, t.amount): t.result for t in r.target_results}
        before = [[t.what, t.amount, t.result] for t in r.target_results]
        r.target_results = [
            TargetResult(
                position=n,
                what=t.what,
                amount=t.amount,
                result=clean.get(t.id, previous.get((t.what, t.amount), "")),
            )
            for n, t in enumerate(project.targets)
        ]
        s.flush()
        after = [[t.what, t.amount, t.result] for t in r.target_results]
        if before != after:
            self._audit(s, ROUND_ENTITY, r.id, "target_results", {"target_results": [before, after]})

    def _audit(self, s: Session, entity: str, record_id: str, action: str, changes: dict[str, Any]) -> None:
        audit.record(
            s,
            officer=self._who(),
            entity=entity,
            record_id=record_id,
            action=action,
            changes=changes,
            context=self._context,
        )

    def _get_or_create_round(
        self,
        s: Session,
        project_id: str,
        fiscal_year: int,
        phase: str,
        template_id: str | None,
        blind: bool,
        third_party_planned: bool,
    ) -> EvaluationRound:
        found = rows.find_round(s, project_id, fiscal_year, phase)
        if found is not None:
            return found
        project = rows.load_project(s, project_id)
        if project.deleted_at is not None:
            raise KnownError(f"事業「{project.title}」はゴミ箱にあります。評価するには元に戻してください。")
        clean_phase = rows.phase_of(phase)
        if template_id is None:
            template_id = default_template_id(s)
        load_template(s, template_id)
        r = EvaluationRound(
            project_id=project_id,
            fiscal_year=fiscal_year,
            phase=clean_phase.value,
            template_id=template_id,
            blind=blind,
            third_party_planned=third_party_planned,
        )
        s.add(r)
        s.flush()
        self._audit(
            s,
            ROUND_ENTITY,
            r.id,
            "create",
            {
                "project_id": [None, project_id],
                "fiscal_year": [None, fiscal_year],
                "phase": [None, clean_phase.value],
                **audit.diff({}, rows.round_settings(r)),
            },
        )
        return r
