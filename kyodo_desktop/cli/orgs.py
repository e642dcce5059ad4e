"""``kyodo orgs add|search|show|delete|restore``: the registry of groups (団体台帳)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kyodo_desktop.argparse_ja import integer
from kyodo_desktop.cli.common import (
    EXIT_OK,
    CommandParser,
    Commands,
    one_line,
    print_json,
    value_list,
    write_records,
)
from kyodo_desktop.cli.filters import add_filter_options, org_filter_of

GROUP = "orgs"


def register(commands: Commands) -> None:
    """Add the ``orgs`` group and its record commands."""
    commands.group(
        GROUP,
        help="団体台帳（登録・検索・表示・ゴミ箱・重複の統合）",
        example="kyodo orgs search みどり\nkyodo orgs add --name 'NPO法人 みどりの会' --field 7\nkyodo orgs add --help",
    )
    commands.command(
        "add",
        group=GROUP,
        help="団体を登録する（最後の行に新しいIDを出力）",
        example="kyodo orgs add --name 'NPO法人 みどりの会' --legal-form 特定非営利活動法人 --phone 043-223-1111 --field 7 --field 13",
        options=_add_options,
        run=_add,
    )
    commands.command(
        "search",
        group=GROUP,
        help="団体を検索する（空文字で全件）。1行に1件: ID<TAB>団体名",
        example="kyodo orgs search みどり\nkyodo orgs search '' --trash\nkyodo orgs search 子ども --json\nkyodo orgs search --municipality 千葉市 --field 13",
        options=_search_options,
        run=_search,
    )
    commands.command(
        "show",
        group=GROUP,
        help="団体の詳細（担当者・対応記録を含む）",
        example="kyodo orgs show ID\nkyodo orgs show ID --json",
        options=_show_options,
        run=_show,
    )
    commands.command(
        "delete",
        group=GROUP,
        help="ゴミ箱へ移す（kyodo orgs restore で戻せる）",
        example="kyodo orgs delete ID",
        options=_id_option,
        run=_delete,
    )
    commands.command(
        "restore",
        group=GROUP,
        help="ゴミ箱から戻す",
        example="kyodo orgs search '' --trash\nkyodo orgs restore ID",
        options=_id_option,
        run=_restore,
    )


# -- options ---------------------------------------------------------------------------------


def _add_options(p: CommandParser) -> None:
    from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT, LEGAL_FORMS, OrgStatus

    statuses = "、".join(s.value for s in OrgStatus)
    p.add_argument("--name", required=True, help="団体名（必須）")
    p.add_argument("--kana", default="", help="フリガナ")
    p.add_argument(
        "--legal-form",
        default="",
        metavar="FORM",
        help="法人格: 下の一覧のどれか、または NPO法人・一社 などの通称（既定: なし）",
    )
    p.add_argument("--corporate-number", default="", metavar="NUMBER", help="法人番号（13桁）")
    p.add_argument("--municipality", default="", help="市町村名またはコード")
    p.add_argument("--postal", default="", help="郵便番号（例: 260-8667）")
    p.add_argument("--address", default="", help="住所")
    p.add_argument("--phone", default="", help="電話番号")
    p.add_argument("--fax", default="", help="FAX番号")
    p.add_argument("--email", default="", help="メールアドレス")
    p.add_argument("--website", default="", help="ウェブサイトのURL")
    p.add_argument("--representative", default="", help="代表者名")
    p.add_argument(
        "--field",
        type=integer,
        action="append",
        default=[],
        metavar="N",
        help=f"活動分野の番号 1〜{len(ACTIVITY_FIELD_SHORT)}（複数可: --field 7 --field 13。番号は下の一覧）",
    )
    p.add_argument(
        "--status",
        default=OrgStatus.ACTIVE.value,
        metavar="STATUS",
        help=f"{statuses} のどれか（既定: %(default)s）",
    )
    p.add_argument("--tags", default="", help="タグ（「、」または「,」区切り）")
    p.add_argument("--notes", default="", help="備考")
    p.add_argument("--allow-duplicate", action="store_true", help="重複の可能性があっても登録する")
    p.epilog = (
        f"活動分野（--field N）:\n{value_list(f'{n:>2} {label}' for n, label in ACTIVITY_FIELD_SHORT.items())}\n"
        f"法人格（--legal-form）:\n{value_list(LEGAL_FORMS, width=28)}\n"
        f"状態（--status）: {statuses}\n\n{p.epilog}"
    )


def _search_options(p: CommandParser) -> None:
    p.add_argument(
        "text", nargs="?", default="", help="探す文字（名称・フリガナ・住所・電話など。省略で全件）"
    )
    p.add_argument("--trash", action="store_true", help="ゴミ箱の中を検索する")
    add_filter_options(p, search=False)
    p.add_argument("--json", action="store_true", help="JSONで出力する（[{id, name}, …]）")


def _show_options(p: CommandParser) -> None:
    p.add_argument("id", help="団体のID（kyodo orgs search で分かる）")
    p.add_argument("--json", action="store_true", help="JSONで出力する")


def _id_option(p: CommandParser) -> None:
    p.add_argument("id", help="団体のID")


# -- commands --------------------------------------------------------------------------------


def _add(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.domain.municipalities import outside_list_notice
    from kyodo_desktop.domain.organization import OrganizationInput
    from kyodo_desktop.services.organizations import OrganizationService
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=True) as ws:
        municipality = args.municipality.strip()
        code, name = (municipality, "") if municipality.isdigit() else ("", municipality)
        data = OrganizationInput(
            name=args.name,
            kana=args.kana,
            legal_form=args.legal_form,
            corporate_number=args.corporate_number,
            municipality_code=code,
            municipality_name=name,
            postal_code=args.postal,
            address=args.address,
            phone=args.phone,
            fax=args.fax,
            email=args.email,
            website=args.website,
            representative=args.representative,
            status=args.status,
            tags=args.tags,
            notes=args.notes,
            fields=list(args.field),
        )
        svc = OrganizationService(ws)
        org_id = svc.create(data, allow_duplicate=args.allow_duplicate)
        stored = svc.get(org_id).data
        notice = outside_list_notice(stored.municipality_code, stored.municipality_name)
        if notice:  # saved as typed (a group based outside the prefecture); stdout keeps the id alone
            sys.stderr.write(f"kyodo: 警告: {notice}（そのまま登録しました）\n")
        print(org_id)
    return EXIT_OK


def _search(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.organizations import OrganizationService
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        rows = OrganizationService(ws).search(args.text, trash=args.trash, org_filter=org_filter_of(args))
        if args.json:
            print_json([{"id": i, "name": n} for i, n in rows])
        else:
            write_records((i, one_line(n)) for i, n in rows)
    return EXIT_OK


def _show(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.organizations import OrganizationService
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        _print_org(OrganizationService(ws).get(args.id), as_json=args.json)
    return EXIT_OK


def _delete(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.organizations import OrganizationService
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=True) as ws:
        OrganizationService(ws).delete(args.id)
        print(f"{args.id}\tゴミ箱へ移しました")
    return EXIT_OK


def _restore(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.organizations import OrganizationService
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=True) as ws:
        OrganizationService(ws).restore(args.id)
        print(f"{args.id}\tゴミ箱から戻しました")
    return EXIT_OK


def _print_org(rec: Any, *, as_json: bool) -> None:
    from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT

    if as_json:
        print_json(rec, indent=2)
        return
    d = rec.data
    lines = [
        ("ID", rec.id),
        ("団体名", d.name),
        ("フリガナ", d.kana),
        ("法人格", d.legal_form),
        ("法人番号", d.corporate_number),
        ("市町村", d.municipality_name or d.municipality_code),
        ("郵便番号", d.postal_code),
        ("住所", d.address),
        ("電話", d.phone),
        ("FAX", d.fax),
        ("メール", d.email),
        ("ウェブサイト", d.website),
        ("代表者", d.representative),
        ("担当職員", rec.responsible_officer),
        ("活動分野", "、".join(ACTIVITY_FIELD_SHORT[c] for c in d.fields)),
        ("状態", d.status + ("（ゴミ箱）" if rec.deleted_at else "")),
        ("設立日", d.established_on.isoformat() if d.established_on else ""),
        ("認証日", d.certified_on.isoformat() if d.certified_on else ""),
        ("会員数", "" if d.member_count is None else str(d.member_count)),
        ("タグ", d.tags),
        ("備考", d.notes),
        ("登録日", rec.registered_on.isoformat()),
        ("最終接触日", rec.last_contact_on.isoformat() if rec.last_contact_on else ""),
        ("版", str(rec.version)),
    ]
    write_records([(rec.id, one_line(d.name))])
    for label, value in lines[1:]:
        if value:
            print(f"  {label}: {one_line(value)}")
    for c in rec.contacts:
        primary = "（主担当）" if c.data.is_primary else ""
        print(f"  担当者: {one_line(f'{c.data.name}{primary} {c.data.role} {c.data.phone} {c.data.email}')}")
    for i in rec.interactions:
        print(f"  対応: {i.data.occurred_on.isoformat()} {one_line(i.data.kind)} {one_line(i.data.summary)}")
