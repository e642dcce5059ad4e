"""A compiled dossier as the plain text the note editor shows beside the narrative fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from kyodo_desktop.domain.handover import Dossier
from kyodo_desktop.domain.wareki import to_wareki


def _day(d: date | None) -> str:
    return to_wareki(d) if d else "—"


def dossier_text(dossier: Dossier | None) -> str:
    """Sections 今後の期日, 未了事項, 事業, 主な連絡先 and 経過, one line per entry."""
    if dossier is None:
        return QCoreApplication.translate("HandoverDossier", "（記録から作成した資料はありません）")
    lines = [
        QCoreApplication.translate("HandoverDossier", "記録から作成（{day}時点）").format(
            day=to_wareki(dossier.today)
        ),
        "",
    ]
    lines.append("■ " + QCoreApplication.translate("HandoverDossier", "今後の期日"))
    lines += [f"  {to_wareki(d.on)}  {d.kind}  {d.note}".rstrip() for d in dossier.next_dates] or [
        "  " + QCoreApplication.translate("HandoverDossier", "なし")
    ]
    lines += ["", "■ " + QCoreApplication.translate("HandoverDossier", "未了事項")]
    for item in dossier.open_items:
        overdue = QCoreApplication.translate("HandoverDossier", "（期限超過）") if item.overdue else ""
        owner = f"  [{item.owner}]" if item.owner else ""
        lines.append(
            f"  {item.kind.value}: {item.text}  {QCoreApplication.translate('HandoverDossier', '期限')} {_day(item.due_on)}{overdue}{owner}"
        )
    if not dossier.open_items:
        lines.append("  " + QCoreApplication.translate("HandoverDossier", "なし"))
    if dossier.projects:
        lines += ["", "■ " + QCoreApplication.translate("HandoverDossier", "事業")]
        lines += [
            f"  {p.title}（{p.stage}）{_day(p.period_start)}〜{_day(p.period_end)}" for p in dossier.projects
        ]
    if dossier.contacts:
        lines += ["", "■ " + QCoreApplication.translate("HandoverDossier", "主な連絡先")]
        for c in dossier.contacts:
            extra = "  ".join(x for x in (c.phone, c.email) if x)
            lines.append(
                f"  {c.name}（{c.role}）  {extra}".rstrip() if c.role else f"  {c.name}  {extra}".rstrip()
            )
    lines += ["", "■ " + QCoreApplication.translate("HandoverDossier", "経過")]
    lines += [f"  {to_wareki(e.on)}  {e.kind}  {e.text}" for e in dossier.timeline] or [
        "  " + QCoreApplication.translate("HandoverDossier", "なし")
    ]
    return "\n".join(lines)
