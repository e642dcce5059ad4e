"""Files the tests of the import's loose ends share (the CLI's and the wizard's)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kyodo_desktop.domain.npo_portal import CURRENT_HEADERS

#: A 法人番号 whose check digit is wrong (4011010000000 is a right one).
BAD_NUMBER = "5011010000000"


def portal_csv(path: Path) -> Path:
    """A portal CSV: row 2 good, row 3 with a 法人番号 that fails its check digit."""

    def rec(name: str, kana: str, address: str, number: str) -> list[str]:
        values = {
            CURRENT_HEADERS[0]: name,
            CURRENT_HEADERS[1]: kana,
            CURRENT_HEADERS[2]: "千葉県",
            CURRENT_HEADERS[4]: address,
            "法人番号": number,
        }
        return [values.get(h, "") for h in CURRENT_HEADERS]

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CURRENT_HEADERS)
    writer.writerow(rec("特定非営利活動法人正しい番号の会", "タダシイバンゴウノカイ", "柏市柏1-1-1", ""))
    writer.writerow(
        rec("特定非営利活動法人番号違いの会", "バンゴウチガイノカイ", "船橋市本町1-1", BAD_NUMBER)
    )
    path.write_bytes(buf.getvalue().encode("cp932"))
    return path
