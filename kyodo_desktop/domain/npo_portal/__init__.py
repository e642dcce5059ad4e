"""The 内閣府NPO法人ポータルサイト 行政入力情報 CSV: its layouts and how one record becomes a group.

Pure domain code in three rooms: :mod:`.layout` (the 60- and 45-column header texts and how a
header row is recognised), :mod:`.addresses` (prefecture from 所轄庁 or address, the 市町村, the
prefecture put in front of an address) and :mod:`.mapping` (filtering, cell checks, 備考 lines
and :func:`map_row`). The reader in ``services/import_npo_portal.py`` does the file work and
hands each record's cells to :func:`map_row`. The names below are the package's public face;
import them from here.
"""

from kyodo_desktop.domain.npo_portal.addresses import (
    DESIGNATED_CITIES,
    PREFECTURES,
    normalize_prefecture,
    prefecture_of,
    row_prefecture,
)
from kyodo_desktop.domain.npo_portal.layout import (
    CURRENT_HEADERS,
    CURRENT_LAYOUT,
    LAYOUTS,
    OLD_HEADERS,
    OLD_LAYOUT,
    NpoLayout,
    header_key,
    identify_layout,
)
from kyodo_desktop.domain.npo_portal.mapping import (
    MAX_CELL_CHARS,
    SkipReason,
    cell_problems,
    has_control_characters,
    map_row,
    portal_notes,
    skip_reason,
)

__all__ = [
    "CURRENT_HEADERS",
    "CURRENT_LAYOUT",
    "DESIGNATED_CITIES",
    "LAYOUTS",
    "MAX_CELL_CHARS",
    "OLD_HEADERS",
    "OLD_LAYOUT",
    "PREFECTURES",
    "NpoLayout",
    "SkipReason",
    "cell_problems",
    "has_control_characters",
    "header_key",
    "identify_layout",
    "map_row",
    "normalize_prefecture",
    "portal_notes",
    "prefecture_of",
    "row_prefecture",
    "skip_reason",
]
