"""Fixed vocabularies: the 20 NPO活動分野, 法人格 (legal forms), organisation status and contact kinds."""

from __future__ import annotations

import functools
import re
from enum import StrEnum

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.domain.validation import ValidationError

__all__ = [
    "ACTIVITY_FIELDS",
    "ACTIVITY_FIELD_SHORT",
    "LEGAL_FORMS",
    "InteractionKind",
    "OrgStatus",
    "activity_field_code",
    "legal_form_from_name",
    "normalize_legal_form",
]

# 特定非営利活動促進法 別表, in the order of the NPO portal's columns 活動分野１…２０.
ACTIVITY_FIELDS: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("ActivityField", "保健、医療又は福祉の増進を図る活動"),
    2: QT_TRANSLATE_NOOP("ActivityField", "社会教育の推進を図る活動"),
    3: QT_TRANSLATE_NOOP("ActivityField", "まちづくりの推進を図る活動"),
    4: QT_TRANSLATE_NOOP("ActivityField", "観光の振興を図る活動"),
    5: QT_TRANSLATE_NOOP("ActivityField", "農山漁村又は中山間地域の振興を図る活動"),
    6: QT_TRANSLATE_NOOP("ActivityField", "学術、文化、芸術又はスポーツの振興を図る活動"),
    7: QT_TRANSLATE_NOOP("ActivityField", "環境の保全を図る活動"),
    8: QT_TRANSLATE_NOOP("ActivityField", "災害救援活動"),
    9: QT_TRANSLATE_NOOP("ActivityField", "地域安全活動"),
    10: QT_TRANSLATE_NOOP("ActivityField", "人権の擁護又は平和の推進を図る活動"),
    11: QT_TRANSLATE_NOOP("ActivityField", "国際協力の活動"),
    12: QT_TRANSLATE_NOOP("ActivityField", "男女共同参画社会の形成の促進を図る活動"),
    13: QT_TRANSLATE_NOOP("ActivityField", "子どもの健全育成を図る活動"),
    14: QT_TRANSLATE_NOOP("ActivityField", "情報化社会の発展を図る活動"),
    15: QT_TRANSLATE_NOOP("ActivityField", "科学技術の振興を図る活動"),
    16: QT_TRANSLATE_NOOP("ActivityField", "経済活動の活性化を図る活動"),
    17: QT_TRANSLATE_NOOP("ActivityField", "職業能力の開発又は雇用機会の拡充を支援する活動"),
    18: QT_TRANSLATE_NOOP("ActivityField", "消費者の保護を図る活動"),
    19: QT_TRANSLATE_NOOP(
        "ActivityField", "前各号に掲げる活動を行う団体の運営又は活動に関する連絡、助言又は援助の活動"
    ),
    20: QT_TRANSLATE_NOOP(
        "ActivityField", "前各号に掲げる活動に準ずる活動として都道府県又は指定都市の条例で定める活動"
    ),
}

# The labels officers use in lists and registration forms; the official names are too long for a table.
ACTIVITY_FIELD_SHORT: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("ActivityFieldShort", "保健・医療・福祉"),
    2: QT_TRANSLATE_NOOP("ActivityFieldShort", "社会教育"),
    3: QT_TRANSLATE_NOOP("ActivityFieldShort", "まちづくり"),
    4: QT_TRANSLATE_NOOP("ActivityFieldShort", "観光"),
    5: QT_TRANSLATE_NOOP("ActivityFieldShort", "農山漁村・中山間地域"),
    6: QT_TRANSLATE_NOOP("ActivityFieldShort", "学術・文化・芸術・スポーツ"),
    7: QT_TRANSLATE_NOOP("ActivityFieldShort", "環境の保全"),
    8: QT_TRANSLATE_NOOP("ActivityFieldShort", "災害救援"),
    9: QT_TRANSLATE_NOOP("ActivityFieldShort", "地域安全"),
    10: QT_TRANSLATE_NOOP("ActivityFieldShort", "人権・平和"),
    11: QT_TRANSLATE_NOOP("ActivityFieldShort", "国際協力"),
    12: QT_TRANSLATE_NOOP("ActivityFieldShort", "男女共同参画"),
    13: QT_TRANSLATE_NOOP("ActivityFieldShort", "子どもの健全育成"),
    14: QT_TRANSLATE_NOOP("ActivityFieldShort", "情報化社会"),
    15: QT_TRANSLATE_NOOP("ActivityFieldShort", "科学技術"),
    16: QT_TRANSLATE_NOOP("ActivityFieldShort", "経済活動の活性化"),
    17: QT_TRANSLATE_NOOP("ActivityFieldShort", "職業能力・雇用機会"),
    18: QT_TRANSLATE_NOOP("ActivityFieldShort", "消費者の保護"),
    19: QT_TRANSLATE_NOOP("ActivityFieldShort", "連絡・助言・援助"),
    20: QT_TRANSLATE_NOOP("ActivityFieldShort", "条例で定める活動"),
}

# Labels from before the 2012 amendment (6 lacked 学術) and loose spellings seen in older lists.
_ACTIVITY_FIELD_ALIASES: dict[str, int] = {
    "文化、芸術又はスポーツの振興を図る活動": 6,
    "文化・芸術・スポーツ": 6,
    "環境保全": 7,
    "子ども": 13,
    "子どもの健全な育成": 13,
    "男女共同参画社会": 12,
    "団体の運営又は活動に関する連絡、助言又は援助の活動": 19,
    "中間支援": 19,
}

# Officials write the same label with 、 or ・ or nothing between items, so compare without them.
_LABEL_PUNCTUATION = str.maketrans(dict.fromkeys("、・,，･ ", ""))


def _label_key(label: str) -> str:
    """Comparison key for an activity-field label: NFKC, no whitespace or list punctuation."""
    return nfkc(label).translate(_LABEL_PUNCTUATION)


_ACTIVITY_FIELD_BY_KEY: dict[str, int] = {
    **{_label_key(name): code for name, code in _ACTIVITY_FIELD_ALIASES.items()},
    **{_label_key(name): code for code, name in ACTIVITY_FIELD_SHORT.items()},
    **{_label_key(name): code for code, name in ACTIVITY_FIELDS.items()},
}

# "7", "第7号", "7号" — the 別表 item number as written in 定款.
_NUMBER_RE = re.compile(r"第?([0-9]{1,2})号?")


def activity_field_code(label: str) -> int | None:
    """The 別表 number (1–20) for an official name, short label or number text; None if unknown."""
    key = _label_key(label)
    if not key:
        return None
    match = _NUMBER_RE.fullmatch(key)
    if match is not None:
        number = int(match[1])
        return number if number in ACTIVITY_FIELDS else None
    return _ACTIVITY_FIELD_BY_KEY.get(key)


# 法人格 choices for the organisation form, in display order.
LEGAL_FORMS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("LegalForm", "特定非営利活動法人"),
    QT_TRANSLATE_NOOP("LegalForm", "認定特定非営利活動法人"),
    QT_TRANSLATE_NOOP("LegalForm", "特例認定特定非営利活動法人"),
    QT_TRANSLATE_NOOP("LegalForm", "一般社団法人"),
    QT_TRANSLATE_NOOP("LegalForm", "一般財団法人"),
    QT_TRANSLATE_NOOP("LegalForm", "公益社団法人"),
    QT_TRANSLATE_NOOP("LegalForm", "公益財団法人"),
    QT_TRANSLATE_NOOP("LegalForm", "社会福祉法人"),
    QT_TRANSLATE_NOOP("LegalForm", "認可地縁団体"),
    QT_TRANSLATE_NOOP("LegalForm", "協同組合"),
    QT_TRANSLATE_NOOP("LegalForm", "株式会社等"),
    QT_TRANSLATE_NOOP("LegalForm", "任意団体"),
)

# Everyday and abbreviated names for the forms above. Keys are compared after NFKC, whitespace
# removal and casefold, so ＮＰＯ法人 / npo法人 / （特非） need no entries of their own.
_LEGAL_FORM_ALIASES: dict[str, str] = {
    "NPO法人": "特定非営利活動法人",
    "NPO": "特定非営利活動法人",
    "特非": "特定非営利活動法人",
    "(特非)": "特定非営利活動法人",
    "特活": "特定非営利活動法人",
    "(特活)": "特定非営利活動法人",
    "認定NPO法人": "認定特定非営利活動法人",
    "認定NPO": "認定特定非営利活動法人",
    "特例認定NPO法人": "特例認定特定非営利活動法人",
    # 特例認定 was called 仮認定 until the 2016 amendment; old records still say so.
    "仮認定NPO法人": "特例認定特定非営利活動法人",
    "仮認定特定非営利活動法人": "特例認定特定非営利活動法人",
    "一社": "一般社団法人",
    "(一社)": "一般社団法人",
    "一財": "一般財団法人",
    "(一財)": "一般財団法人",
    "(公社)": "公益社団法人",
    "(公財)": "公益財団法人",
    "社福": "社会福祉法人",
    "(福)": "社会福祉法人",
    "地縁団体": "認可地縁団体",
    "協同組合等": "協同組合",
    "生活協同組合": "協同組合",
    "生協": "協同組合",
    "農業協同組合": "協同組合",
    "事業協同組合": "協同組合",
    "株式会社": "株式会社等",
    "(株)": "株式会社等",
    "有限会社": "株式会社等",
    "(有)": "株式会社等",
    "合同会社": "株式会社等",
    "(同)": "株式会社等",
    "合資会社": "株式会社等",
    "合名会社": "株式会社等",
    "企業": "株式会社等",
    "ボランティア団体": "任意団体",
    "市民活動団体": "任意団体",
    "自治会": "任意団体",
    "町内会": "任意団体",
    "自治会・町内会": "任意団体",
    "実行委員会": "任意団体",
    "法人格なし": "任意団体",
    "なし": "任意団体",
}


def _legal_key(value: str) -> str:
    """Comparison key for a legal-form label: NFKC, casefolded, without whitespace."""
    return "".join(nfkc(value).casefold().split())


_LEGAL_FORM_BY_KEY: dict[str, str] = {
    **{_legal_key(alias): form for alias, form in _LEGAL_FORM_ALIASES.items()},
    **{_legal_key(form): form for form in LEGAL_FORMS},
}


@functools.lru_cache(maxsize=256)  # a handful of labels, looked up for every imported row
def normalize_legal_form(value: str | None) -> str:
    """Map a legal form or one of its everyday names to an entry of LEGAL_FORMS; blank gives ""."""
    text = nfkc(value)
    if not text:
        return ""
    form = _LEGAL_FORM_BY_KEY.get(_legal_key(text))
    if form is None:
        raise ValidationError("legal_form", f"法人格が一覧にありません: {text}")
    return form


# The forms a name starts with (公益財団法人画像情報教育振興協会, NPO法人みどりの森, (一社)つばさ),
# longest first so 認定特定非営利活動法人 is not read as 特定非営利活動法人. Companies put their
# form before or after the name (株式会社みどり, みどり株式会社).
_NAME_PREFIXES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        (
            (_legal_key(word), form)
            for word, form in (
                *((form, form) for form in LEGAL_FORMS if form not in ("株式会社等", "任意団体", "協同組合")),
                ("NPO法人", "特定非営利活動法人"),
                ("認定NPO法人", "認定特定非営利活動法人"),
                ("特例認定NPO法人", "特例認定特定非営利活動法人"),
                *((alias, form) for alias, form in _LEGAL_FORM_ALIASES.items() if alias.startswith("(")),
                ("株式会社", "株式会社等"),
                ("有限会社", "株式会社等"),
                ("合同会社", "株式会社等"),
                ("社会福祉法人", "社会福祉法人"),
            )
        ),
        key=lambda entry: -len(entry[0]),
    )
)
_NAME_SUFFIXES: tuple[tuple[str, str], ...] = tuple(
    (_legal_key(word), "株式会社等") for word in ("株式会社", "有限会社", "合同会社", "(株)", "(有)")
)


@functools.lru_cache(maxsize=4096)
def legal_form_from_name(name: str | None) -> str:
    """The entry of LEGAL_FORMS a name carries (公益財団法人…, NPO法人…, （一社）…); "" when none."""
    key = _legal_key(name or "")
    for prefix, form in _NAME_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return form
    for suffix, form in _NAME_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return form
    return ""


class OrgStatus(StrEnum):
    """Whether a group is still active; dissolved groups stay on record for history."""

    ACTIVE = QT_TRANSLATE_NOOP("OrgStatus", "活動中")
    DORMANT = QT_TRANSLATE_NOOP("OrgStatus", "休止")
    DISSOLVED = QT_TRANSLATE_NOOP("OrgStatus", "解散")


class InteractionKind(StrEnum):
    """How an officer was in contact with a group (the 協働 record's 種別)."""

    MEETING = QT_TRANSLATE_NOOP("InteractionKind", "面談")
    PHONE = QT_TRANSLATE_NOOP("InteractionKind", "電話")
    EMAIL = QT_TRANSLATE_NOOP("InteractionKind", "メール")
    CONFERENCE = QT_TRANSLATE_NOOP("InteractionKind", "会議")
    EVENT = QT_TRANSLATE_NOOP("InteractionKind", "イベント")
    INFO_EXCHANGE = QT_TRANSLATE_NOOP("InteractionKind", "情報交換")
