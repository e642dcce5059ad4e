"""Demo projects (事業) over the last five 年度, so the projects tab and the fairness check have
something to show: ``kyodo demo --projects M``.

Projects come in series: the same 担当課 running the same 事業 with the same main partner for
one to five consecutive 年度, as a 課 renews a contract or a subsidy. Some series are long
enough (3+) for the fairness check's run, some are 随意契約 without a recorded reason, some had
one applicant, and in a few (年度, 担当課) one partner takes a large share of the budget. The
form decides the kind (the manual's table, ``kinds_listing_form``), the kind the selection
method and the role table; the stage follows the 年度 (past ones 評価, 見直し・改善 or 終了;
this one 実施 or before), with every stage change dated no later than today.

Everything is written with plain ``executemany`` inserts (:mod:`kyodo_desktop.persistence.bulk`)
in one transaction: an interrupted run leaves no half project.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.project_terms import (
    AGREEMENT_ITEMS,
    COLLABORATION_POINTS,
    DEFAULT_ROLE_TASKS,
    STAGE_ORDER,
    PartnerRole,
    PointStatus,
    ProjectForm,
    RelationshipKind,
    RoleSide,
    SelectionMethod,
    Stage,
)
from kyodo_desktop.domain.relationship_kind import kinds_listing_form
from kyodo_desktop.domain.wareki import fiscal_year, to_wareki
from kyodo_desktop.persistence.bulk import RowShape, bulk_cache, insert_rows
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.models import (
    AuditEntry,
    Organization,
    Project,
    ProjectAgreementItem,
    ProjectPartner,
    ProjectPoint,
    ProjectPurpose,
    ProjectRole,
    ProjectStageChange,
    ProjectTarget,
    new_id,
    table_of,
    utc_now,
)
from kyodo_desktop.services import demo_project_words as words
from kyodo_desktop.services.demo_evaluations import DemoProject, add_evaluations
from kyodo_desktop.services.demo_handover import add_demo_officers, add_handovers
from kyodo_desktop.services.workspace import Workspace

__all__ = ["YEARS", "generate_projects"]

#: how many 年度 the demo spans, this one included
YEARS = 5


def _pick(rng: random.Random, weighted: tuple[tuple[Any, int], ...]) -> Any:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


@dataclass
class _Rows:
    """The rows of every table, in insertion order."""

    projects: list[dict[str, Any]] = field(default_factory=list)
    partners: list[tuple[Any, ...]] = field(default_factory=list)
    stages: list[tuple[Any, ...]] = field(default_factory=list)
    purposes: list[tuple[Any, ...]] = field(default_factory=list)
    targets: list[tuple[Any, ...]] = field(default_factory=list)
    roles: list[tuple[Any, ...]] = field(default_factory=list)
    agreement: list[tuple[Any, ...]] = field(default_factory=list)
    points: list[tuple[Any, ...]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)


#: every column of a project but those a demo project leaves empty
_PROJECT_COLUMNS = tuple(c.key for c in table_of(Project).c if c.key not in ("import_id", "deleted_at"))
_AUDIT_COLUMNS = ("occurred_at", "officer", "entity", "record_id", "action", "changes", "context")


def _audit_row(
    now: str, who: str, record_id: str, entity: str, changes: dict[str, Any], context: str
) -> dict[str, Any]:
    """A ``create`` audit row, as the demo's organizations have."""
    return {
        "occurred_at": now,
        "officer": who,
        "entity": entity,
        "record_id": record_id,
        "action": "create",
        "changes": json.dumps(changes, ensure_ascii=False),
        "context": context,
    }


class _Generator:
    """Builds the rows of ``count`` projects from the organizations and officers given."""

    def __init__(
        self,
        rng: random.Random,
        orgs: list[words.DemoOrg],
        officers: dict[str, list[tuple[str, str]]],
        audit: tuple[str, str],
    ) -> None:
        self.rng = rng
        self.who, self.context = audit
        self.orgs = orgs
        self.officers = officers
        self.today = date.today()
        self.this_year = fiscal_year(self.today)
        self.rows = _Rows()
        self.now = utc_now()
        self.past: list[DemoProject] = []  # past-年度 projects, for the demo evaluations
        self._pools: dict[str, list[words.DemoOrg]] = {}
        for section in words.SECTIONS:
            wanted = set(section.fields)
            pool = [o for o in orgs if o.fields & wanted]
            self._pools[section.name] = pool if len(pool) >= 3 else orgs

    # -- series ----------------------------------------------------------------------------
    def series(self, n: int, remaining: int) -> words.Series:
        """The ``n``-th series; the first ones are fixed so every demo has each flag to find."""
        rng = self.rng
        section = words.SECTIONS[n % len(words.SECTIONS)] if n < 3 else self._section()
        years = min(remaining, _pick(rng, words.RUNS))
        form = _pick(rng, words.FORM_WEIGHTS)
        if n == 0:  # a 4-year 委託 by 随意契約 without a recorded reason
            years, form = min(remaining, 4), ProjectForm.COMMISSION
        elif n in (1, 2):  # 3-year runs, one of them with a single applicant
            years, form = min(remaining, 3), ProjectForm.SUBSIDY if n == 1 else ProjectForm.CO_HOSTING
        kinds = kinds_listing_form(form) or (words.FORM_KIND_FALLBACK[form],)
        kind = rng.choice(kinds)
        if n == 0:
            kind, method = RelationshipKind.OUTSOURCING, SelectionMethod.DISCRETIONARY
        elif n == 1:
            kind, method = RelationshipKind.SUPPORT, SelectionMethod.PROPOSAL
        else:
            method = _pick(rng, words.METHODS[kind])
        reason = ""
        if method is SelectionMethod.DISCRETIONARY and n != 0 and rng.random() < 0.75:
            reason = rng.choice(words.DISCRETIONARY_REASONS)
        first = rng.randint(self.this_year - YEARS + 1, self.this_year - years + 1)
        return words.Series(
            section=section,
            theme=rng.choice(section.themes),
            partner=rng.choice(self._pools[section.name]),
            officer=rng.choice(self.officers[section.name]),
            form=form,
            kind=kind,
            method=method,
            reason=reason,
            first_year=first,
            years=years,
            single_applicant=n == 1 or rng.random() < 0.08,
        )

    def _section(self) -> words.Section:
        return self.rng.choices(words.SECTIONS, [s.weight for s in words.SECTIONS])[0]

    # -- one project ---------------------------------------------------------------------------
    def project(self, series: words.Series, fy: int) -> None:
        """Add the rows of the series' project in 年度 ``fy``."""
        rng, theme, org = self.rng, series.theme, series.partner
        project_id = new_id()
        start = date(fy, 4, 1) + timedelta(days=rng.choice((0, 0, 0, 14, 30, 60, 90)))
        end = date(fy + 1, 3, 31) if rng.random() < 0.75 else start + timedelta(days=rng.randint(60, 240))
        stages = self._stages(fy, start, end)
        stage = stages[-1][0]
        low, high = words.ADMIN_BUDGET[series.form]
        admin = rng.randint(low, high) * 1000
        own = 0 if series.kind is RelationshipKind.OUTSOURCING else rng.randint(0, admin // 3000) * 1000
        other = (
            rng.choice((0, 0, 0, 50_000, 100_000, 200_000))
            if series.form is not ProjectForm.COMMISSION
            else 0
        )
        title = f"{org.municipality}{theme.title}"  # as 課 name them: 君津市介護予防教室
        selection = self._selection(series, start)
        co = [
            o for o in rng.sample(self._pools[series.section.name], k=min(2, len(self.orgs))) if o is not org
        ]
        co = co[: rng.choices((0, 1, 2), (75, 20, 5))[0]]
        self.rows.projects.append(
            {
                "id": project_id,
                "title": title,
                "fiscal_year": fy,
                "section": series.section.name,
                "lead_officer_id": series.officer[0],
                "relationship_kind": series.kind.value,
                "kind_reason": "",
                "kind_answers": "",  # a demo project was not entered through the questionnaire
                "form": series.form.value,
                "activity_fields": ",".join(map(str, sorted(series.section.fields))),
                "stage": stage.value,
                "period_start": start,
                "period_end": end,
                "review_on": stages[-1][1] + timedelta(days=180) if stage is Stage.REVIEW else None,
                "budget_administration": admin,
                "budget_organization": own,
                "budget_other": other,
                **selection,
                "notes": "",
                "is_draft": False,
                "draft_step": 0,
                "version": 1,
                "created_at": self.now,
                "updated_at": self.now,
            }
        )
        self.rows.partners.append((project_id, org.id, PartnerRole.MAIN.value, 0))
        for n, o in enumerate(co, start=1):
            self.rows.partners.append((project_id, o.id, PartnerRole.COOPERATING.value, n))
        days: dict[Stage, tuple[date, int]] = {}
        for s, on in stages:
            days[s] = (on, len(self.rows.stages))
            self.rows.stages.append(
                (project_id, s.value, on.isoformat(), words.STAGE_NOTES[s], series.officer[1], self.now)
            )
        purposes = {
            "地域課題": f"{org.municipality or '地域'}では{theme.issue}。",
            "行政の目的": f"{series.section.name}として、{theme.goal}施策を進める。",
            "団体の目的": f"{org.name}の活動の経験を生かし、{theme.issue.rstrip('。')}という課題に取り組む。",
            "共通の目的": f"{theme.goal}。",
        }
        self.rows.purposes.extend((project_id, k, v) for k, v in purposes.items())
        due = end.isoformat()
        self.rows.targets.append(
            (project_id, 0, theme.target, f"{rng.randint(theme.low, theme.high):,}{theme.unit}", due)
        )
        if rng.random() < 0.4:
            self.rows.targets.append(
                (project_id, 1, "参加者の満足度", f"{rng.choice((70, 80, 90))}%以上", due)
            )
        if fy < self.this_year:
            targets = [t[1:4] for t in self.rows.targets[-2:] if t[0] == project_id]
            names = (series.section.name, org.name, series.officer[1])
            self.past.append(
                DemoProject(project_id, fy, stage, *names, start, end, days, targets, series.kind.value)
            )
        for n, (task, side) in enumerate(self._roles(series)):
            who = (
                series.officer[1]
                if side is RoleSide.ADMINISTRATION
                else org.name
                if side is RoleSide.ORGANIZATION
                else ""
            )
            self.rows.roles.append((project_id, n, task, side.value, who, ""))
        if series.form in words.AGREED_FORMS:
            span = {"goal": theme.goal, "start": to_wareki(start), "end": to_wareki(end)}
            for item in AGREEMENT_ITEMS:
                self.rows.agreement.append((project_id, item, words.AGREEMENT_TEXT[item].format(**span)))
        for point in COLLABORATION_POINTS:
            status = self._point_status(stage, point, series)
            evidence = "" if status is PointStatus.NOT_YET else words.POINT_EVIDENCE[point]
            self.rows.points.append((project_id, point, status.value, evidence))
        changes = {"title": [None, title], "fiscal_year": [None, fy], "section": [None, series.section.name]}
        changes["stage"] = [None, stage.value]
        self.rows.audit.append(_audit_row(self.now, self.who, project_id, "project", changes, self.context))

    def _stages(self, fy: int, start: date, end: date) -> list[tuple[Stage, date]]:
        """The dated stage changes up to the stage the 年度 has reached (none dated after today)."""
        rng = self.rng
        target = _pick(rng, words.PAST_STAGES if fy < self.this_year else words.CURRENT_STAGES)
        walk: list[Stage] = list(STAGE_ORDER[: STAGE_ORDER.index(Stage.EVALUATION) + 1])
        if target is Stage.REVIEW or (target is Stage.FINISHED and rng.random() < 0.5):
            walk.append(Stage.REVIEW)
        if target is Stage.FINISHED:
            walk.append(Stage.FINISHED)
        elif target in STAGE_ORDER:
            walk = walk[: walk.index(target) + 1]
        on = start - timedelta(days=rng.randint(150, 200))
        out: list[tuple[Stage, date]] = []
        for stage in walk:
            if out:
                if stage is Stage.IMPLEMENTATION:
                    on = max(on, start)
                elif stage is Stage.EVALUATION:
                    on = max(on, end + timedelta(days=rng.randint(10, 40)))
                else:
                    on = on + timedelta(days=rng.randint(7, 40))
            if on > self.today:
                break
            out.append((stage, on))
        return out or [(Stage.NEEDS, min(on, self.today))]

    def _selection(self, series: words.Series, start: date) -> dict[str, Any]:
        rng, method = self.rng, series.method
        applicants: int | None = None
        if method in (SelectionMethod.PROPOSAL, SelectionMethod.OPEN_TENDER, SelectionMethod.NOMINATED):
            applicants = 1 if series.single_applicant else rng.randint(2, 6)
        candidates = ""
        if method is SelectionMethod.NOMINATED:
            others = rng.sample(self._pools[series.section.name], k=min(2, len(self.orgs)))
            candidates = "、".join(o.name for o in others if o is not series.partner)
        published = None
        if method in (SelectionMethod.PROPOSAL, SelectionMethod.OPEN_TENDER) and rng.random() < 0.8:
            published = start - timedelta(days=rng.randint(20, 60))
        bodies = words.REVIEW_BODIES.get(method)
        return {
            "selection_method": method.value,
            "selection_candidates": candidates,
            "applicant_count": applicants,
            "selection_reason": series.reason,
            "review_body": rng.choice(bodies) if bodies else "",
            "published_on": published,
            "is_published": published is not None,
        }

    def _roles(self, series: words.Series) -> list[tuple[str, RoleSide]]:
        a, o, j = RoleSide.ADMINISTRATION, RoleSide.ORGANIZATION, RoleSide.JOINT
        sides = {
            RelationshipKind.OUTSOURCING: (a, o, o, o, o, a, o, a),
            RelationshipKind.SUPPORT: (o, o, o, o, o, a, o, a),
            RelationshipKind.COLLABORATION: (
                j,
                self.rng.choice((j, a)),
                self.rng.choice((a, o)),
                o,
                j,
                j,
                o,
                j,
            ),
        }[series.kind]
        return list(zip(DEFAULT_ROLE_TASKS, sides, strict=True))

    def _point_status(self, stage: Stage, point: str, series: words.Series) -> PointStatus:
        if point == "公平性の確保" and series.method is SelectionMethod.DISCRETIONARY and not series.reason:
            return PointStatus.NOT_YET
        late = stage in (Stage.EVALUATION, Stage.REVIEW, Stage.FINISHED)
        weights = (80, 15, 5) if late else (35, 35, 30)
        return self.rng.choices((PointStatus.CONFIRMED, PointStatus.PARTIAL, PointStatus.NOT_YET), weights)[0]

    # -- large shares ------------------------------------------------------------------------
    def large_shares(self, how_many: int) -> None:
        """Raise one 委託 or 指定管理 in ``how_many`` (年度, 担当課) to 35–50 % of its budget."""
        groups: dict[tuple[int, str], list[dict[str, Any]]] = {}
        for p in self.rows.projects:
            groups.setdefault((p["fiscal_year"], p["section"]), []).append(p)
        eligible = [
            key
            for key, ps in sorted(groups.items())
            if len(ps) > 1
            and any(p["form"] in (ProjectForm.COMMISSION, ProjectForm.DESIGNATED_MANAGER) for p in ps)
        ]
        for key in self.rng.sample(eligible, k=min(how_many, len(eligible))):
            ps = groups[key]
            big = self.rng.choice(
                [p for p in ps if p["form"] in (ProjectForm.COMMISSION, ProjectForm.DESIGNATED_MANAGER)]
            )
            rest = sum(p["budget_administration"] for p in ps if p is not big)
            share = self.rng.uniform(0.35, 0.5)
            big["budget_administration"] = max(
                big["budget_administration"], -(-int(rest * share / (1 - share)) // 1000) * 1000
            )


def _load_orgs(s: Session) -> list[words.DemoOrg]:
    rows = s.execute(
        select(
            Organization.id, Organization.name, Organization.municipality_name, Organization.activity_fields
        )
        .where(
            Organization.deleted_at.is_(None),
            Organization.merged_into.is_(None),
            Organization.status == "活動中",
        )
        .order_by(Organization.dup_key, Organization.name, Organization.id)
    )
    parsed: dict[str, frozenset[int]] = {}  # a few hundred distinct field lists among 100,000 groups
    out = []
    for i, name, muni, fields in rows:
        codes = parsed.get(fields)
        if codes is None:
            codes = parsed[fields] = frozenset(int(c) for c in fields.split(",") if c.strip())
        out.append(words.DemoOrg(i, name, muni, codes))
    return out


def generate_projects(
    ws: Workspace,
    count: int,
    *,
    seed: int = 1,
    progress: Callable[[int, int], bool] | None = None,
) -> tuple[int, int]:
    """Add ``count`` demo projects among the registered organizations, in one transaction.

    Returns ``(projects written, officers added)``. Raises KnownError when there is no active
    organization to be a partner. ``progress(done, total)`` is told as the rows are built
    (its answer is not asked: the write is one transaction).
    """
    ws.require_write()
    if count <= 0:
        return 0, 0
    rng = random.Random(f"projects-{seed}")
    who, context = ws.officer.name, f"demo seed={seed}"
    with ws.session_factory.begin() as s, bulk_cache(s):
        orgs = _load_orgs(s)
        if not orgs:
            raise KnownError(
                "デモ事業のパートナーになる活動中の団体がありません。--orgs で団体も作成してください。"
            )
        officers, added = add_demo_officers(s, who, context)
        gen = _Generator(rng, orgs, officers, (who, context))
        n = 0
        while len(gen.rows.projects) < count:
            series = gen.series(n, count - len(gen.rows.projects))
            for fy in range(series.first_year, series.first_year + series.years):
                gen.project(series, fy)
            n += 1
            if progress is not None and n % 500 == 0:
                progress(len(gen.rows.projects), count)
        gen.large_shares(3 + count // 2000)
        rows = gen.rows
        project_shape = RowShape(table_of(Project), _PROJECT_COLUMNS)
        insert_rows(s, project_shape, [project_shape.row(p) for p in rows.projects])
        # after the projects they refer to, before the stage rows whose notes they may rewrite
        add_evaluations(s, gen.past, rows.stages, seed=seed, now=gen.now, audit=(who, context))
        for model, columns, values in (
            (ProjectPartner, ("project_id", "organization_id", "role", "position"), rows.partners),
            (
                ProjectStageChange,
                ("project_id", "stage", "changed_on", "note", "officer", "created_at"),
                rows.stages,
            ),
            (ProjectPurpose, ("project_id", "kind", "text"), rows.purposes),
            (ProjectTarget, ("project_id", "position", "what", "amount", "due_on"), rows.targets),
            (ProjectRole, ("project_id", "position", "task", "side", "responsible", "note"), rows.roles),
            (ProjectAgreementItem, ("project_id", "item", "text"), rows.agreement),
            (ProjectPoint, ("project_id", "point", "status", "evidence"), rows.points),
        ):
            RowShape(table_of(model), columns)  # refuses a list of columns that leaves one out
            # the tuples are already in column order with ISO dates: no per-row mapping needed
            marks = ", ".join("?" for _ in columns)
            sql = f"INSERT INTO {table_of(model).name} ({', '.join(columns)}) VALUES ({marks})"
            if values:
                s.connection().exec_driver_sql(sql, values)
        audit_shape = RowShape(table_of(AuditEntry), _AUDIT_COLUMNS)
        insert_rows(s, audit_shape, [audit_shape.row(r) for r in rows.audit])
    if progress is not None:
        progress(len(rows.projects), count)
    # the officers' transfers, responsibilities, commitments and a few signed notes (引継)
    add_handovers(ws, seed=seed)
    return len(rows.projects), added
