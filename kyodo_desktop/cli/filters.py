"""The registry's filters on the command line: ``--search --municipality --field --legal-form
--status``, shared by ``kyodo orgs search`` and ``kyodo export-xlsx``.

The values are read as the window's choosers read them (a 市町村 by name or code, a 活動分野 by
number or label, a 法人格 by its everyday name too) and become one
:class:`~kyodo_desktop.persistence.listing.OrgFilter`; which rows match is decided by
:func:`~kyodo_desktop.persistence.listing.filter_positions`, as in the window.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from kyodo_desktop.cli.common import CommandParser, UsageError

if TYPE_CHECKING:  # parsing and --help import nothing below the CLI
    from kyodo_desktop.persistence.listing import OrgFilter


def add_filter_options(p: CommandParser, *, search: bool) -> None:
    """Add the four choosers (and ``--search TEXT`` when ``search``) to ``p``.

    Nothing below the CLI is imported here (parsing stays quick); the values are checked by
    :func:`org_filter_of` (a test keeps the 状態 named in the help equal to ``OrgStatus``).
    """
    if search:
        p.add_argument("--search", default="", metavar="TEXT", help="検索する文字（画面の検索欄と同じ）")
    p.add_argument("--municipality", default="", metavar="M", help="市町村名またはコードで絞り込む")
    p.add_argument("--field", default="", metavar="N", help="活動分野（番号 1〜20 または名称）で絞り込む")
    p.add_argument("--legal-form", default="", metavar="F", help="法人格で絞り込む（NPO法人 などの通称も可）")
    p.add_argument("--status", default="", metavar="S", help="状態で絞り込む（活動中・休止・解散）")


def org_filter_of(args: argparse.Namespace, query: str = "") -> OrgFilter:
    """The :class:`OrgFilter` the options of ``args`` ask for; a value not known is a usage error."""
    from kyodo_desktop.domain.fields import OrgStatus, activity_field_code, normalize_legal_form
    from kyodo_desktop.domain.municipalities import municipality_code
    from kyodo_desktop.domain.validation import ValidationError
    from kyodo_desktop.persistence.listing import OrgFilter

    code = None
    if args.municipality.strip():
        code = municipality_code(args.municipality.strip())
        if code is None:
            raise UsageError(f"--municipality: 千葉県の市町村にありません: {args.municipality}")
    field = None
    if args.field.strip():
        field = activity_field_code(args.field.strip())
        if field is None:
            raise UsageError(f"--field: 活動分野は 1〜20 の番号か名称です: {args.field}")
    form = None
    if args.legal_form.strip():
        try:
            form = normalize_legal_form(args.legal_form)
        except ValidationError as exc:
            raise UsageError(f"--legal-form: {exc}") from exc
    status = None
    if args.status.strip():
        status = args.status.strip()
        if status not in {s.value for s in OrgStatus}:
            raise UsageError(
                f"--status: 状態は {'・'.join(s.value for s in OrgStatus)} のどれかです: {status}"
            )
    return OrgFilter(query, code, field, form, status)
