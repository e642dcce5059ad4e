"""A synthetic past-project list (委託・補助の一覧) with every quirk the ministries' public lists have.

A title row, a two-row header (契約の相手方 over 商号又は名称 and 法人番号), several 法人番号 numbered
①② with a 共同提案体's names and addresses on the following lines, ``－`` for nothing, 和暦 text
dates with a note, full-width digits, amounts as a number, as text with commas and 円 and as no
amount at all (``＠21,600円ほか``), a 年度 only from the date, and the same partner under slightly
different names across years.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

#: The partner registered before the import (matched by its 法人番号, then by name).
REGISTERED = ("特定非営利活動法人みどりの森", "4011405001520")
HEADER_TOP = [
    "年度",
    "事業名",
    "契約の相手方",
    "",
    "契約締結日",
    "契約金額",
    "随意契約によることとした理由",
    "担当課",
    "備考",
]
HEADER_BELOW = ["", "", "商号又は名称", "法人番号", "", "", "", "", ""]
ROWS: list[list[object]] = [
    [
        "令和2年度",
        "子育て支援講座",
        "①特定非営利活動法人みどりの森\n千葉市中央区中央1-1\n②一般社団法人あおぞら\n船橋市本町2-2",
        "①4011405001520\n②8040005004621",
        "令和2年4月1日\n（4～6月分）",
        "1,200,000円",
        "地域の子育て団体で唯一実績があるため",
        "市民協働課",
        "－",
    ],
    [
        "令和３年度",
        "子育て支援講座",
        "NPO法人 みどりの森\n千葉市中央区中央1-1",
        "－",
        "令和３年４月１日",
        "１，３００，０００円",
        "－",
        "市民協働課",
        "",
    ],
    [
        "－",
        "環境美化事業",
        "公益財団法人ちば環境財団\n千葉市美浜区3-3",
        7123456789012,
        date(2022, 5, 10),
        500000,
        "－",
        "環境政策課",
        "",
    ],
    [
        "令和4年度",
        "啓発冊子の印刷",
        "株式会社さくら印刷",
        "－",
        "令和4年6月1日",
        "＠21,600円ほか",
        "－",
        "市民協働課",
        "単価契約",
    ],
]
#: Excel's row number of each of ROWS (title, blank, two header rows above).
FIRST_ROW = 5


def write_list(path: Path, rows: list[list[object]] | None = None) -> Path:
    """Write the list (``rows`` default :data:`ROWS`) to ``path``."""
    wb = Workbook()
    ws = wb.active
    ws.title = "委託契約"
    ws.append(["令和2年度〜令和4年度 随意契約の一覧（市民協働課）"])
    ws.append([])
    ws.append(HEADER_TOP)
    ws.append(HEADER_BELOW)
    for row in ROWS if rows is None else rows:
        ws.append(row)
    wb.save(path)
    return path
