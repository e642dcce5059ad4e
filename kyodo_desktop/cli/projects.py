"""``kyodo projects list|show|fairness|export``: projects (事業).

年度 is printed as the 西暦 year it begins in (2025 for 令和7年度), the number ``--fiscal-year``
takes: lines stay easy to sort and filter in scripts; the window shows 令和N年度.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kyodo_desktop.argparse_ja import integer
from kyodo_desktop.cli.common import EXIT_OK, CommandParser, Commands, one_line, print_json, write_records

GROUP = "projects"


def register(commands: Commands) -> None:
    """Add the ``projects`` group."""
    commands.group(
        GROUP,
        help="事業（協働事業・委託・補助など）の一覧と詳細",
        example="kyodo projects list --fiscal-year 2025\nkyodo projects show ID --json\n"
        "kyodo projects fairness --fiscal-year 2025\nkyodo projects export ID 事業計画書.xlsx",
    )
    commands.command(
        "list",
        group=GROUP,
        help="事業の一覧。1行に1件: ID<TAB>年度（西暦の開始年）<TAB>事業名<TAB>形態<TAB>段階",
        example="kyodo projects list\nkyodo projects list --fiscal-year 2025 --json",
        options=_list_options,
        run=_list,
    )
    commands.command(
        "show",
        group=GROUP,
        help="事業の詳細（パートナー・役割分担・協働のポイントを含む）",
        example="kyodo projects show ID\nkyodo projects show ID --json",
        options=_show_options,
        run=_show,
    )
    commands.command(
        "fairness",
        help="公平性チェック（固定化の防止）。指摘のある（担当課, 団体）ごとに1行: "
        "ORG_ID<TAB>担当課<TAB>団体名<TAB>指摘（「、」区切り）",
        description="公平性チェック（固定化の防止）。担当課ごとに各パートナーの事業数・金額（行政負担）・"
        "割合・連続年度を集計し、連続年度（既定3年度以上）、理由のない随意契約、応募1者、"
        "担当課の予算に占める割合（既定30%超）を指摘する。基準は settings.json の fairness"
        "（consecutive_years, share_limit_percent）。下書きとゴミ箱の事業は数えない。"
        "行政負担は主たるパートナーに（複数なら均等に）計上する。",
        example="kyodo projects fairness\nkyodo projects fairness --fiscal-year 2025 --json",
        options=_fairness_options,
        run=_fairness,
    )
    commands.command(
        "export",
        help="事業の事業計画書と役割分担表をExcelに書き出す（A4で印刷できる形）",
        example="kyodo projects export ID 事業計画書.xlsx",
        options=_export_options,
        run=_export,
    )


def _list_options(p: CommandParser) -> None:
    p.add_argument(
        "--fiscal-year", type=integer, metavar="Y", help="年度（西暦の開始年。令和7年度なら 2025）で絞り込む"
    )
    p.add_argument("--json", action="store_true", help="JSONで出力する")


def _show_options(p: CommandParser) -> None:
    p.add_argument("id", help="事業のID（kyodo projects list で分かる）")
    p.add_argument("--json", action="store_true", help="JSONで出力する")


def _fairness_options(p: CommandParser) -> None:
    p.add_argument(
        "--fiscal-year",
        type=integer,
        metavar="Y",
        help="この年度（西暦の開始年）だけを見る（連続年度はそれ以前の年度も数える）",
    )
    p.add_argument("--all", action="store_true", help="指摘のない（担当課, 団体）も出力する")
    p.add_argument("--json", action="store_true", help="JSONで出力する")


def _export_options(p: CommandParser) -> None:
    p.add_argument("id", help="事業のID（kyodo projects list で分かる）")
    p.add_argument("out", type=Path, metavar="OUT.xlsx", help="書き出すExcelファイル")


def _fairness(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import project_fairness
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        report = project_fairness.report(ws, args.fiscal_year)
    lines = report.lines if args.all else report.flagged_lines
    if args.json:
        print_json([line.as_json() for line in lines])
    else:
        write_records(
            (
                line.organization.id,
                one_line(line.section),
                one_line(line.organization.name),
                one_line("、".join(reason.text for reason in line.reasons)),
            )
            for line in lines
        )
    return EXIT_OK


def _export(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.project_sheets import export_project
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        title = export_project(ws, args.id, args.out)
    print(f"事業「{one_line(title)}」を書き出しました: {args.out}")
    return EXIT_OK


def _list(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.projects import ProjectService
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        rows = ProjectService(ws).list_projects(fiscal_year=args.fiscal_year)
    if args.json:
        print_json(rows)
    else:
        write_records(
            (r.id, "" if r.fiscal_year is None else r.fiscal_year, one_line(r.title), r.form, r.stage)
            for r in rows
        )
    return EXIT_OK


def _show(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.projects import ProjectService
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        rec = ProjectService(ws).get(args.id)
    if args.json:
        print_json(_as_json(rec), indent=2)
        return EXIT_OK
    _print(rec)
    return EXIT_OK


def _as_json(rec: Any) -> dict[str, Any]:
    """The record with the partners as the organizations (``organization_id``, ``corporate_number``)."""
    from kyodo_desktop.cli.common import jsonable

    out: dict[str, Any] = jsonable(rec)
    out["data"].pop("partners", None)  # the same list, with the organizations' names, is "partners"
    return out


def _print(rec: Any) -> None:
    from kyodo_desktop.domain.wareki import fiscal_year_label

    d = rec.data
    write_records([(rec.id, one_line(d.title))])
    lines = [
        ("年度", fiscal_year_label(d.fiscal_year) if d.fiscal_year else ""),
        ("担当課", d.section),
        ("関係", d.relationship_kind),
        ("形態", d.form),
        (
            "段階",
            rec.stage + ("（下書き）" if rec.is_draft else "") + ("（ゴミ箱）" if rec.deleted_at else ""),
        ),
        ("期間", f"{d.period_start or ''}〜{d.period_end or ''}" if d.period_start or d.period_end else ""),
        ("予算", "、".join(f"{k} {v:,}円" for k, v in d.budget.items())),
        ("選定方法", d.selection.method),
        ("選定理由", d.selection.reason),
        ("版", str(rec.version)),
    ]
    for label, value in lines:
        if value:
            print(f"  {label}: {one_line(value)}")
    for p in rec.partners:
        print(f"  パートナー: {p.organization_id}\t{one_line(p.name)}\t{p.corporate_number}\t{p.role}")
    for kind, text in d.purposes.items():
        print(f"  {kind}: {one_line(text)}")
    for r in d.roles:
        print(f"  役割分担: {one_line(r.task)}\t{r.side}\t{one_line(r.responsible)}\t{one_line(r.note)}")
    for point, check in d.points.items():
        print(f"  {point}: {check.status} {one_line(check.evidence)}")
    for c in rec.stage_changes:
        print(f"  段階の変更: {c.changed_on.isoformat()} {c.stage} {one_line(c.note)}")
