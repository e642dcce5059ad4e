"""``kyodo audit``: the change history (変更履歴), newest last."""

from __future__ import annotations

import argparse
from pathlib import Path

from kyodo_desktop.cli.common import EXIT_OK, CommandParser, Commands, print_json, write_records


def register(commands: Commands) -> None:
    """Add ``kyodo audit``."""
    commands.command(
        "audit",
        help="変更履歴。1行に1件: 番号<TAB>日時（この端末の時刻と時差）<TAB>職員<TAB>操作<TAB>種類<TAB>ID<TAB>変わった項目",
        example="kyodo audit\nkyodo audit --record ID\nkyodo audit --json",
        options=_options,
        run=_audit,
    )


def _options(p: CommandParser) -> None:
    p.add_argument("--record", metavar="ID", help="この記録（団体などのID）の履歴だけ")
    p.add_argument("--json", action="store_true", help="JSONで出力する（変更内容を含む。時刻はUTC）")


def _audit(args: argparse.Namespace, data_dir: Path) -> int:
    import json

    from kyodo_desktop.domain.local_time import utc_iso_to_local_text
    from kyodo_desktop.persistence import audit
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws, ws.session_factory() as s:
        rows = audit.history(s, args.record)
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "time": r.occurred_at,
                    "officer": r.officer,
                    "entity": r.entity,
                    "record": r.record_id,
                    "action": r.action,
                    "changes": json.loads(r.changes),
                    "context": r.context,
                }
                for r in rows
            ]
        )
        return EXIT_OK
    lines = []
    for r in rows:
        changes = json.loads(r.changes)
        fields = (
            ",".join(k for k in changes if not k.endswith("_id") and not k.startswith("_"))
            if isinstance(changes, dict)
            else ""
        )
        lines.append(
            (r.id, utc_iso_to_local_text(r.occurred_at), r.officer, r.action, r.entity, r.record_id, fields)
        )
    write_records(lines)
    return EXIT_OK
