"""The header texts each organization import target is recognised by (see :mod:`.column_mapping`).

Kept apart from the mapping rules because the lists grow with every new kind of list officers
bring: whole synonyms, endings (government lists put the subject first: 補助金交付先名) and the
words that keep a header out of an ending rule.
"""

from __future__ import annotations

__all__ = ["EXCLUDED", "RECORD_ID", "SUFFIXES", "SYNONYMS"]

#: The column carries our own record id (the ID column of an exported 団体一覧).
RECORD_ID = "record_id"

#: Header texts recognised for each target (besides the label and the attribute name). They are
#: compared by :func:`header_key`, so ＴＥＬ, Tel. and ｔｅｌ need no entries of their own.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "団体名",
        "名称",
        "法人名",
        "団体名称",
        "法人名称",
        "団体の名称",
        "法人の名称",
        "組織名",
        "団体・法人名",
        "相手方",
        "商号又は名称",
        "交付先名",
        "補助金交付先名",
        "法人等の名称",
        "団体等名称",
        "契約の相手方の商号又は名称",
        "契約の相手方の商号又は名称及び住所",
    ),
    "kana": (
        "フリガナ",
        "ふりがな",
        "カナ",
        "よみがな",
        "読み仮名",
        "よみ",
        "団体名フリガナ",
        "団体名カナ",
        "団体名ふりがな",
        "名称フリガナ",
        "名称カナ",
        "法人名フリガナ",
        "法人名カナ",
        "法人名称カナ",
        "法人名称フリガナ",
    ),
    "legal_form": ("法人格", "法人種別", "法人の種類", "団体種別", "組織形態"),
    "corporate_number": ("法人番号", "法人番号13桁"),
    "municipality_code": ("市町村コード", "市区町村コード", "地方公共団体コード"),
    "municipality_name": ("市町村", "市区町村", "市町村名", "市区町村名", "所在市町村"),
    "postal_code": ("郵便番号", "〒", "郵便", "郵便番号所在地", "zip", "zipcode"),
    "address": (
        "住所",
        "所在地",
        "事務所所在地",
        "主たる事務所の所在地",
        "事務所住所",
        "主たる事務所所在地",
    ),
    "phone": ("電話", "TEL", "電話番号", "Tel", "代表電話", "電話番号代表", "連絡先電話番号", "phone"),
    "fax": ("FAX", "ファックス", "ファクス", "FAX番号", "ファックス番号", "ファクス番号"),
    "email": (
        "メール",
        "E-mail",
        "Eメール",
        "メールアドレス",
        "Eメールアドレス",
        "E-mailアドレス",
        "電子メール",
        "電子メールアドレス",
        "mail",
        "mailaddress",
    ),
    "website": (
        "ホームページ",
        "ウェブサイト",
        "URL",
        "HP",
        "ホームページURL",
        "ホームページアドレス",
        "Webサイト",
        "ウェブサイトURL",
        "webpage",
    ),
    "representative": ("代表者", "代表者名", "代表者氏名", "代表", "代表者の氏名", "理事長"),
    "representative_kana": (
        "代表者フリガナ",
        "代表者ふりがな",
        "代表者カナ",
        "代表者よみがな",
        "代表者名フリガナ",
        "代表者名カナ",
        "代表者氏名フリガナ",
        "代表者氏名カナ",
    ),
    "purpose": ("活動目的", "目的", "活動内容", "定款の目的", "主な活動内容", "事業内容", "活動の概要"),
    "status": ("状態", "状況", "活動状況", "ステータス"),
    "tags": ("タグ", "キーワード"),
    "notes": ("備考", "メモ", "特記事項", "摘要"),
    "established_on": ("設立日", "設立年月日", "設立", "設立登記日", "設立年月日西暦"),
    "certified_on": ("認証日", "認証年月日", "設立認証日", "設立認証年月日"),
    "member_count": ("会員数", "会員", "人数", "会員数人", "人数人", "構成員数", "正会員数", "メンバー数"),
    "fields": ("活動分野", "分野", "活動分野名", "主な活動分野", "活動の分野"),
    "business_year_end": ("事業年度終了日", "事業年度末", "決算日", "事業年度の終了日"),
    "nintei_expires_on": ("認定満了日", "認定の満了日", "認定有効期限", "認定（認定満了日）"),
    RECORD_ID: ("ID", "id", "団体ID", "レコードID"),
}


#: Header endings recognised when no synonym matches the whole header: government lists name the
#: partner as 補助金交付先名, 契約の相手方の商号又は名称及び住所, 法人等の名称 … and the address as
#: 契約の相手方 住所. The longest ending wins (名称及び住所 is a name, not an address).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "name": (
        "名称",
        "交付先名",
        "交付先",
        "相手方",
        "相手方名",
        "名称及び住所",
        "名称及び所在地",
        "団体名",
        "法人名",
    ),
    "address": ("住所", "所在地"),
}

#: Words that keep a header out of :data:`SUFFIXES`: a person's name, a project's or a thing's.
EXCLUDED: dict[str, tuple[str, ...]] = {
    "name": (
        "代表",
        "担当",
        "氏名",
        "件名",
        "事業名",
        "事業の名称",
        "施設",
        "物品",
        "役務",
        "フリガナ",
        "ふりがな",
        "カナ",
        "よみ",
    ),
    "address": ("代表", "担当", "メール", "電子"),
}
