"""The partner's evaluation form between the data file and the workbook: export, then import.

:func:`export_partner_form` makes (or finds) the round of the project's 年度 and phase, and
writes the form with the round's template (its id and version) and a new uuid form id. The
issued form ids are not stored: the workbook's identification (digest-protected) carries the
project, the round's 年度 and phase, the template id and version, and on import those are
checked against the data file instead.

:func:`import_partner_form` is one import of the house's kind: the file is read through the
import pipeline's hostile-file guards and every check of
:func:`~kyodo_desktop.services.evaluation_form_read.read_partner_form`, then checked against the
data file — the project is here and not in the trash, its round of that 年度 and phase exists,
the round's template is the form's (an edit of the template that moved the round to a new
version refuses the older form), the side's evaluation by that evaluator is not there yet and
the form was not imported before, every 実績 has its target. Every problem is reported together
(a form refused for its cells still gets the data file's lines, when its identification holds)
(:class:`~kyodo_desktop.services.evaluation_form_read.FormRefused`, one Japanese line each) and
nothing is stored. Otherwise, after a ``pre-import`` backup, the submitted evaluation and the
target results are stored in ONE transaction whose audit rows carry ``import ID FILE``: the
import is listed in 取り込みの履歴 / ``kyodo imports list`` and can be undone
(:mod:`kyodo_desktop.services.import_undo` removes the evaluation).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from pathlib import Path

from kyodo_desktop.domain.evaluation import Template
from kyodo_desktop.domain.evaluation_terms import Phase
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.domain.wareki import fiscal_year_label
from kyodo_desktop.persistence import backup
from kyodo_desktop.persistence.errors import KnownError, NotFoundError
from kyodo_desktop.services.evaluation_form import write_partner_form
from kyodo_desktop.services.evaluation_form_layout import PARTNER_SIDES
from kyodo_desktop.services.evaluation_form_read import FormRefused, PartnerFormResult, read_partner_form
from kyodo_desktop.services.evaluation_records import EvaluationInput, EvaluationRecord, RoundRecord
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.project_records import ProjectRecord
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

__all__ = ["FormImport", "export_partner_form", "form_file_name", "import_partner_form"]


@dataclasses.dataclass(frozen=True)
class FormImport:
    """What an accepted form stored: the evaluation, under which import, for which project."""

    import_id: str
    evaluation: EvaluationRecord
    project_title: str
    backup_path: str


def form_file_name(title: str, fiscal_year: int, side: str = "団体") -> str:
    """The default file name of a form: ``評価シート_事業名_令和7年度.xlsx`` (第三者用 marked)."""
    safe = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in title).strip() or "事業"
    marked = "" if side == "団体" else f"_{side}用"
    return f"評価シート_{safe[:60]}_{fiscal_year_label(fiscal_year)}{marked}.xlsx"


def _live_project(ws: Workspace, project_id: str) -> ProjectRecord:
    rec = ProjectService(ws).get(project_id)
    if rec.deleted_at is not None:
        raise KnownError(f"事業「{rec.data.title}」はゴミ箱にあります。評価するには元に戻してください。")
    return rec


def export_partner_form(
    ws: Workspace,
    project_id: str,
    out_path: Path,
    *,
    side: str = "団体",
    fiscal_year: int | None = None,
    phase: str = "最終",
    template_id: str | None = None,
) -> str:
    """Write the partner's form of ``project_id`` to ``out_path``; returns the form id.

    ``fiscal_year`` defaults to the project's 年度. The round of (project, 年度, phase) is made
    when there is none yet (with ``template_id``, else the default form); the form is written
    with the round's template. Raises KnownError (Japanese) for a side, phase, project or
    年度 a form cannot be made for.
    """
    ws.require_write()  # the round may be made
    if side not in PARTNER_SIDES:
        raise KnownError(f"評価シートは団体か第三者に渡すものです（{side}は選べません）。")
    if phase not in {p.value for p in Phase}:
        raise KnownError(f"評価の時期は中間か最終です: {phase}")
    project = _live_project(ws, project_id)
    year = fiscal_year if fiscal_year is not None else project.data.fiscal_year
    if year is None:
        raise KnownError(f"事業「{project.data.title}」には年度がありません。評価の年度を指定してください。")
    svc = EvaluationService(ws)
    found = svc.round_for(project_id, year, phase, template_id=template_id)
    template = svc.template(found.template_id)
    form_id = str(uuid.uuid4())
    write_partner_form(
        Path(out_path),
        project=project,
        template=template.template,
        template_id=template.id,
        side=side,
        fiscal_year=year,
        phase=phase,
        form_id=form_id,
    )
    return form_id


def _lookup(svc: EvaluationService, template_id: str) -> Template | None:
    try:
        return svc.template(template_id).template
    except NotFoundError:
        return None


@dataclasses.dataclass(frozen=True)
class _Keys:
    """What the form's identification says it is for (from a read result or a refusal)."""

    form_id: str
    project_id: str
    template_id: str
    template_version: int
    fiscal_year: int
    phase: str

    @classmethod
    def of(cls, identity: Mapping[str, str]) -> _Keys:
        return cls(
            identity["form_id"],
            identity["project_id"],
            identity["template_id"],
            int(identity["template_version"]),
            int(identity["fiscal_year"]),
            identity["phase"],
        )


def _file_problems(
    ws: Workspace, svc: EvaluationService, keys: _Keys, *, check_template: bool = True
) -> tuple[list[str], ProjectRecord | None, RoundRecord | None]:
    """What the data file says against the form's identification; its project and round.

    ``check_template`` False leaves out the round's template (the reader already refused it).
    """
    try:
        project = ProjectService(ws).get(keys.project_id)
    except NotFoundError:
        return (
            [
                f"この評価シートの事業（ID {keys.project_id}）はこのデータにありません。"
                "別のデータフォルダーで作られた評価シートか、事業が削除されています。"
            ],
            None,
            None,
        )
    title = project.data.title
    if project.deleted_at is not None:
        return (
            [f"事業「{title}」はゴミ箱にあります。取り込むには先に事業を元に戻してください。"],
            project,
            None,
        )
    problems: list[str] = []
    when = f"{fiscal_year_label(keys.fiscal_year)}{keys.phase}評価"
    found = next(
        (
            r
            for r in svc.rounds_of_project(project.id)
            if (r.fiscal_year, r.phase) == (keys.fiscal_year, keys.phase)
        ),
        None,
    )
    if found is None:
        problems.append(
            f"事業「{title}」の{when}がありません（評価シートを書き出した後に取り消された可能性があります）。"
            "新しい評価シートを書き出して記入してもらってください。"
        )
    elif check_template and found.template_id != keys.template_id:
        now = svc.template(found.template_id)
        problems.append(
            f"様式の版が違います: この評価シートは第{keys.template_version}版、"
            f"事業「{title}」の{when}の様式は今は「{now.template.name}」第{now.version}版です。"
            "新しい評価シートを書き出して記入してもらってください。"
        )
    if svc.form_already_imported(keys.form_id):
        problems.append("この評価シート（Excel）は既に取り込まれています。同じファイルは二度取り込めません。")
    return problems, project, found


def _answer_problems(
    svc: EvaluationService, form: PartnerFormResult, project: ProjectRecord, found: RoundRecord
) -> tuple[list[str], dict[int, str]]:
    """The evaluator's evaluation not there yet, every 実績 with its target; results by target id."""
    problems: list[str] = []
    name = form.evaluator_name
    if any(
        e.round_id == found.id and e.side == form.side and e.evaluator_name == name
        for e in svc.evaluations_of_project(project.id)
    ):
        when = f"{fiscal_year_label(form.fiscal_year)}{form.phase}評価"
        problems.append(
            f"{when}の{form.side}の評価（{name}）は既に入力されています。"
            "記入者名を確かめるか、入力済みの評価を開いて修正してください。"
        )
    results: dict[int, str] = {}
    target_ids = [row.target_id for row in svc.target_rows(found.id)]
    for position, text in form.target_results.items():
        if not text:
            continue  # a blank 実績 keeps what is stored
        target_id = target_ids[position] if position < len(target_ids) else None
        if target_id is not None:
            results[target_id] = text
        else:
            problems.append(
                f"目標{position + 1}の実績を書く目標が事業にありません（評価シートを書き出した後に事業の目標が変わっています）。"
            )
    return problems, results


def _read(ws: Workspace, svc: EvaluationService, path: Path) -> PartnerFormResult:
    """The checked form; a refusal of a trusted form also says what the data file finds."""
    try:
        return read_partner_form(path, lookup=lambda template_id: _lookup(svc, template_id))
    except FormRefused as exc:
        if exc.identity is None:
            raise
        keys = _Keys.of(exc.identity)
        own = _lookup(svc, keys.template_id)
        readable = (
            own is not None
            and own.key == exc.identity.get("template_key")
            and own.version == keys.template_version
        )
        more = _file_problems(ws, svc, keys, check_template=readable)[0]
        if not more:
            raise
        raise FormRefused([*more, *exc.problems], path.name, identity=exc.identity) from exc


def import_partner_form(ws: Workspace, path: Path) -> FormImport:
    """Check the returned form at ``path`` and store it (see the module docstring).

    Raises :class:`FormRefused` with every problem, nothing stored.
    """
    ws.require_write()
    path = Path(path)
    svc = EvaluationService(ws)
    form = _read(ws, svc, path)
    keys = _Keys(
        form.form_id, form.project_id, form.template_id, form.template_version, form.fiscal_year, form.phase
    )
    problems, project, found = _file_problems(ws, svc, keys)
    results: dict[int, str] = {}
    # a form imported before is told once, not again as its evaluator's evaluation being there
    if project is not None and found is not None and not svc.form_already_imported(form.form_id):
        more, results = _answer_problems(svc, form, project, found)
        problems += more
    if problems or project is None:
        raise FormRefused(problems, path.name)
    data = EvaluationInput(
        project_id=project.id,
        fiscal_year=form.fiscal_year,
        phase=form.phase,
        side=form.side,
        evaluator_name=form.evaluator_name,
        scores=list(form.scores),
        overall_comment=form.overall_comment,
        overall_grade=form.overall_grade,
        evaluated_on=form.evaluated_on,
        submit=True,
        source_form_id=form.form_id,
    )
    taken = backup.create_backup(ws.db_path, ws.backups_dir, "pre-import")
    import_id = uuid.uuid4().hex[:12]
    data.import_id = import_id
    try:
        stored = svc.save_imported_form(data, results, context=f"import {import_id} {path.name}")
    except ValidationErrors as exc:
        raise FormRefused([error.message for error in exc.errors], path.name) from exc
    except KnownError as exc:  # changed by another window since the checks
        raise FormRefused([str(exc)], path.name) from exc
    return FormImport(import_id, stored, project.data.title, str(taken.path))
