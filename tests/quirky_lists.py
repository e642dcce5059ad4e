"""Synthetic government-style lists reproducing the import quirks of issue 10 (CLI and wizard tests).

Excel rounded two 法人番号 to one value (4011010000000, check digit passing) shared by two clearly
different organizations; one organization appears twice under a spacing variant and with its
facility appended; a 法人番号 fails its check digit; a phone cell holds no phone; a row has no
name; and registered organizations are listed with other values (the name must not change).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl

ROUNDED = "4011010000000"  # both 日本生産性本部 and 児童育成協会 after Excel's rounding
SCIENCE = "7000012050002"
BAD_NUMBER = "5011010000000"  # its check digit fails

HEADERS = ["団体名", "法人番号", "住所", "電話番号", "メールアドレス"]
ROWS = [
    # row 2, 3: one rounded number, two organizations
    ["公益財団法人日本生産性本部", ROUNDED, "東京都千代田区平河町2-13-12", "03-3511-4001", ""],
    ["公益財団法人児童育成協会", ROUNDED, "東京都渋谷区渋谷1-2-3", "03-3400-1111", ""],
    # row 4, 5: one organization, a space in the name, then its facility appended
    ["公益財団法人 日本科学技術振興財団", SCIENCE, "東京都千代田区北の丸公園2-1", "", ""],
    ["公益財団法人日本科学技術振興財団・科学技術館", SCIENCE, "東京都千代田区北の丸公園2-1", "", ""],
    # row 6: a wrong check digit; row 7: a phone that is not one
    ["公益社団法人千葉県番号違い協会", BAD_NUMBER, "千葉市中央区市場町1-1", "043-223-1111", ""],
    ["特定非営利活動法人電話違いの会", "", "船橋市本町1-1", "担当者に確認", ""],
    # row 8: no name at all
    ["", "", "柏市柏1-1-1", "04-7123-4567", ""],
    # row 9: a registered organization (matched by name and 市町村) listed with other values
    ["NPO法人　ちば子どもネット", "", "千葉市中央区中央1-1", "043-223-9999", "info@kodomo.example.jp"],
]

#: the registered organization row 9 updates: its phone is set, its e-mail blank
REGISTERED = {"name": "特定非営利活動法人ちば子どもネット", "municipality": "千葉市", "phone": "043-111-2222"}


def write_list(path: Path) -> Path:
    """The list above as an .xlsx with one sheet 交付先."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "交付先"
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    wb.save(path)
    return path


def stored(data_dir: Path) -> dict[str, tuple[str, str, str]]:
    """Every live organization: name → (法人番号, 電話番号, メールアドレス); none without a file."""
    if not (data_dir / "kyodo.db").exists():
        return {}
    with sqlite3.connect(data_dir / "kyodo.db") as db:
        rows = db.execute(
            "SELECT name, corporate_number, phone, email FROM organizations"
            " WHERE deleted_at IS NULL AND merged_into IS NULL"
        ).fetchall()
    return {name: (number, phone, email) for name, number, phone, email in rows}
