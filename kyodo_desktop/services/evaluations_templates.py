"""The evaluation forms' use cases (templates): list, copy, edit — versioned once in use.

Part of :class:`kyodo_desktop.services.evaluations.EvaluationService` (its base class), kept
apart to stay readable. A template row an evaluation was made with is never changed: saving an
edit of it inserts the next version under the same key, and rounds that have no evaluation yet
move to the new version, while every evaluation made keeps its form. A form nobody used yet is
edited in place (its version still grows, so a stale edit is caught the same way).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.evaluation import Template, validate_template
from kyodo_desktop.domain.evaluation_codec import definition_json, template_from_json
from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError, StaleEditError
from kyodo_desktop.persistence.models import new_id, utc_now
from kyodo_desktop.persistence.models_evaluations import Evaluation, EvaluationRound, EvaluationTemplate
from kyodo_desktop.services.evaluation_records import TemplateRecord
from kyodo_desktop.services.workspace import Workspace

TEMPLATE_ENTITY = "evaluation_template"
#: The form a round gets when none is chosen: the six 協働のポイント and 成果, 5段階.
DEFAULT_TEMPLATE_KEY = "points-5"


class EvaluationTemplates:
    """The template half of the evaluation use cases (see the module)."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # -- reading ---------------------------------------------------------------------------
    def templates(self) -> list[TemplateRecord]:
        """Every stored version of every form: built-ins first, then by name, key and version."""
        with self.ws.session_factory() as s:
            rows = s.scalars(select(EvaluationTemplate)).all()
            used = _used_ids(s)
        records = [_record(row, row.id in used) for row in rows]
        records.sort(key=lambda r: (not r.is_builtin, r.template.name, r.key, r.version))
        return records

    def template(self, template_id: str) -> TemplateRecord:
        """One stored version of a form."""
        with self.ws.session_factory() as s:
            row = load_template(s, template_id)
            return _record(row, row.id in _used_ids(s))

    def latest_templates(self) -> list[TemplateRecord]:
        """The newest version of each form (what the template chooser offers)."""
        newest: dict[str, TemplateRecord] = {}
        for record in self.templates():
            if record.key not in newest or newest[record.key].version < record.version:
                newest[record.key] = record
        return list(newest.values())

    # -- writing ---------------------------------------------------------------------------
    def copy_template(self, template_id: str, new_name: str) -> TemplateRecord:
        """A new form (its own key, version 1) with the items, scale and weights of another."""
        self.ws.require_write()
        name = nfkc(new_name)
        with self.ws.session_factory.begin() as s:
            source = load_template(s, template_id)
            template = template_from_json(source.key, 1, name, source.definition)
            validate_template(template)
            _check_name_free(s, name, None)
            key = f"custom-{new_id()[:8]}"
            row = EvaluationTemplate(
                key=key, version=1, name=name, definition=source.definition, is_builtin=False
            )
            s.add(row)
            s.flush()
            self._audit_template(
                s,
                row.id,
                "copy",
                {"key": [None, key], "name": [None, name], "copied_from": [None, source.id]},
            )
            return _record(row, False)

    def save_template(self, template_id: str, template: Template, expected_version: int) -> TemplateRecord:
        """Save an edited form; a new version row when an evaluation uses it (see the module)."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            row = load_template(s, template_id)
            if row.is_builtin:
                raise KnownError(
                    f"組み込みの評価シート「{row.name}」は編集できません。複製してから編集してください。"
                )
            newest = s.scalar(
                select(func.max(EvaluationTemplate.version)).where(EvaluationTemplate.key == row.key)
            )
            if row.version != expected_version or newest != row.version:
                raise StaleEditError(
                    f"評価シート「{row.name}」は、開いた後に更新されています"
                    f"（開いた時: 版{expected_version}、現在: 版{newest}）。"
                    "最新の版を開き直してから保存してください。"
                )
            clean = validate_template(
                Template(
                    key=row.key,
                    name=nfkc(template.name),
                    scale=template.scale,
                    items=template.items,
                    version=row.version + 1,
                    weights=dict(template.weights),
                    overall_choices=template.overall_choices,
                    description=template.description,
                )
            )
            _check_name_free(s, clean.name, row.key)
            before = {"name": row.name, "definition": row.definition}
            after = {"name": clean.name, "definition": definition_json(clean)}
            if before == after:
                return _record(row, row.id in _used_ids(s))
            if row.id in _used_ids(s):
                target = EvaluationTemplate(
                    key=row.key,
                    version=clean.version,
                    name=clean.name,
                    definition=after["definition"],
                    is_builtin=False,
                )
                s.add(target)
                s.flush()
                # rounds not evaluated yet take the new version; evaluated ones keep theirs
                unevaluated = s.scalars(
                    select(EvaluationRound).where(
                        EvaluationRound.template_id == row.id,
                        ~exists().where(Evaluation.round_id == EvaluationRound.id),
                    )
                ).all()
                for r in unevaluated:
                    r.template_id = target.id
                    r.updated_at = utc_now()
                action = "new_version"
            else:
                target = row
                row.version, row.name, row.definition = clean.version, clean.name, after["definition"]
                row.updated_at = utc_now()
                action = "update"
            s.flush()
            changes = {**audit.diff(before, after), "version": [expected_version, clean.version]}
            self._audit_template(s, target.id, action, changes)
            return _record(target, False)

    # -- helpers ---------------------------------------------------------------------------
    def _who(self) -> str:
        return self.ws.officer.name

    def _audit_template(self, s: Session, record_id: str, action: str, changes: dict[str, Any]) -> None:
        audit.record(
            s,
            officer=self._who(),
            entity=TEMPLATE_ENTITY,
            record_id=record_id,
            action=action,
            changes=changes,
        )


def _check_name_free(s: Session, name: str, key: str | None) -> None:
    """Refuse a name another form (any other key, any version) already has: the chooser, the
    sheets and the history tell forms apart by name, so two forms of one name would be confused."""
    taken = s.scalars(select(EvaluationTemplate.name).where(EvaluationTemplate.key != (key or ""))).all()
    if nfkc(name) in {nfkc(n) for n in taken}:
        raise KnownError(f"同じ名前の評価シートがあります: {name}。別の名前にしてください。")


def load_template(s: Session, template_id: str) -> EvaluationTemplate:
    """The template row, or NotFoundError in Japanese."""
    row = s.get(EvaluationTemplate, template_id)
    if row is None:
        raise NotFoundError(f"評価シートが見つかりません: {template_id}")
    return row


def domain_template(row: EvaluationTemplate) -> Template:
    """The domain form a stored row describes."""
    return template_from_json(row.key, row.version, row.name, row.definition)


def default_template_id(s: Session) -> str:
    """The newest version of the default form (:data:`DEFAULT_TEMPLATE_KEY`)."""
    found = s.scalar(
        select(EvaluationTemplate.id)
        .where(EvaluationTemplate.key == DEFAULT_TEMPLATE_KEY)
        .order_by(EvaluationTemplate.version.desc())
        .limit(1)
    )
    if found is None:
        raise ValidationErrors(
            [ValidationError("template_id", "既定の評価シートがありません。評価シートを選んでください")]
        )
    return found


def _used_ids(s: Session) -> set[str]:
    return set(
        s.scalars(
            select(EvaluationRound.template_id)
            .where(exists().where(Evaluation.round_id == EvaluationRound.id))
            .distinct()
        )
    )


def _record(row: EvaluationTemplate, in_use: bool) -> TemplateRecord:
    return TemplateRecord(row.id, row.key, row.version, domain_template(row), row.is_builtin, in_use)
