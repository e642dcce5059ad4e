"""A project with two evaluated rounds, for the evaluation sheet and the 評価サマリー tests.

令和6年度 最終 on the 5-level form: 行政 and 団体 submitted, two gaps (相互理解 5 vs 2, 成果 1 vs
4), a comment that looks like a formula, targets with results, the conclusion 改善して継続 with
two improvement actions (the project moves to 見直し・改善). 令和7年度 中間 on the weighted form
with 第三者: all three submitted, no conclusion.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain.evaluation import ItemScore
from kyodo_desktop.domain.evaluation_templates import POINTS_FIVE, WEIGHTED_POINTS
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput, TargetInput
from kyodo_desktop.services.evaluation_records import EvaluationInput, ImprovementActionInput
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

TITLE = "公園の花壇づくり協働事業"
PARTNER = "みどりの会"
SECTION = "みどり公園課"
FORMULA_COMMENT = "=1+1"
#: 行政 and 団体 on POINTS_FIVE's 11 items (p1..p6, r1..r5)
ADMIN = (5, 4, 4, 4, 3, 4, 4, 4, 4, 3, 1)
PARTNER_SCORES = (2, 4, 3, 4, 4, 4, 4, 3, 4, 3, 4)
WEIGHTED = {"行政": (7,) * 10, "団体": (8,) * 10, "第三者": (6,) * 9 + (2,)}


@dataclass(frozen=True)
class Evaluated:
    """What :func:`build` made."""

    project_id: str
    final_round: str
    midterm_round: str


def _scores(
    template_keys: tuple[str, ...], values: tuple[int, ...], comments: dict[str, str]
) -> list[ItemScore]:
    return [ItemScore(k, v, comments.get(k, "")) for k, v in zip(template_keys, values, strict=True)]


def build(ws: Workspace) -> Evaluated:
    """The project and its two rounds (see the module)."""
    org = OrganizationService(ws).create(OrganizationInput(name=PARTNER))
    pid = ProjectService(ws).create(
        ProjectInput(
            title=TITLE,
            fiscal_year=2024,
            section=SECTION,
            period_start=date(2024, 4, 1),
            period_end=date(2025, 3, 31),
            partners=[PartnerInput(org)],
            targets=[TargetInput("参加者数", "延べ500人"), TargetInput("花壇の数", "10か所")],
        ),
        stage="評価",
        stage_on=date(2025, 4, 10),
    )
    svc = EvaluationService(ws)
    keys = tuple(i.key for i in POINTS_FIVE.items)
    final = svc.round_for(pid, 2024, "最終")
    svc.save_evaluation(
        EvaluationInput(
            pid,
            2024,
            "最終",
            "行政",
            "花田 一郎",
            _scores(keys, ADMIN, {"p1": "月1回の定例会で率直に話せた", "r5": FORMULA_COMMENT}),
            overall_comment="来年度は役割分担を見直したい",
            evaluated_on=date(2025, 4, 20),
            submit=True,
        )
    )
    svc.save_evaluation(
        EvaluationInput(
            pid,
            2024,
            "最終",
            "団体",
            PARTNER,
            _scores(keys, PARTNER_SCORES, {"p1": "行政の事情が見えにくかった"}),
            evaluated_on=date(2025, 4, 22),
            submit=True,
        )
    )
    rows = svc.target_rows(final.id)
    final = svc.save_target_results(final.id, {rows[0].target_id: "延べ420人", rows[1].target_id: "12か所"})  # type: ignore[dict-item]
    svc.record_conclusion(
        final.id,
        "改善して継続",
        "定例会の内容を双方で決める",
        date(2025, 5, 15),
        [
            ImprovementActionInput("定例会の議題を事前に共有する", "みどり公園課", date(2025, 6, 30)),
            ImprovementActionInput("参加者アンケートを年2回にする", PARTNER, date(2025, 9, 30), "対応中"),
        ],
        final.version,
    )
    weighted = next(t for t in svc.latest_templates() if t.key == WEIGHTED_POINTS.key)
    mid = svc.round_for(pid, 2025, "中間", template_id=weighted.id, third_party_planned=True)
    wkeys = tuple(i.key for i in WEIGHTED_POINTS.items)
    for side, values in WEIGHTED.items():
        svc.save_evaluation(
            EvaluationInput(pid, 2025, "中間", side, "", _scores(wkeys, values, {}), submit=True)
        )
    return Evaluated(pid, final.id, mid.id)
