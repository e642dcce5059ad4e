"""Deterministic, realistic demo data (Chiba groups, fields, legal forms, contacts, log).

Written with bulk ``insert()`` in batches, each its own transaction: a killed run leaves a sound
file holding the finished batches (``session.add_all`` was measured 28× slower here). The window
asks for one transaction instead (``atomic=True``): Cancel there leaves the registry untouched.
"""

from __future__ import annotations

import contextlib
import json
import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.text import duplicate_key
from kyodo_desktop.domain.validation import (
    ValidationError,
    corporate_number_check_digit,
    normalize_phone,
)
from kyodo_desktop.persistence.listing import listing_clause
from kyodo_desktop.persistence.models import (
    AuditEntry,
    Contact,
    Interaction,
    Organization,
    new_id,
    table_of,
    utc_now,
)
from kyodo_desktop.services.organizations import org_column_values
from kyodo_desktop.services.workspace import Workspace

BATCH = 5_000
#: Rows per progress report in one transaction (the window's dialog moves, Cancel answers soon).
ATOMIC_BATCH = 100


class DemoCancelled(Exception):
    """An atomic run was cancelled through its progress callback; nothing was written."""


# (漢字, カナ, 市町村コード, 市町村名, 市外局番)
PLACES: tuple[tuple[str, str, str, str, str], ...] = (
    ("千葉", "チバ", "12100", "千葉市", "043"),
    ("稲毛", "イナゲ", "12100", "千葉市", "043"),
    ("幕張", "マクハリ", "12100", "千葉市", "043"),
    ("若葉", "ワカバ", "12100", "千葉市", "043"),
    ("銚子", "チョウシ", "12202", "銚子市", "0479"),
    ("市川", "イチカワ", "12203", "市川市", "047"),
    ("行徳", "ギョウトク", "12203", "市川市", "047"),
    ("船橋", "フナバシ", "12204", "船橋市", "047"),
    ("館山", "タテヤマ", "12205", "館山市", "0470"),
    ("木更津", "キサラヅ", "12206", "木更津市", "0438"),
    ("松戸", "マツド", "12207", "松戸市", "047"),
    ("野田", "ノダ", "12208", "野田市", "04"),
    ("茂原", "モバラ", "12210", "茂原市", "0475"),
    ("成田", "ナリタ", "12211", "成田市", "0476"),
    ("佐倉", "サクラ", "12212", "佐倉市", "043"),
    ("東金", "トウガネ", "12213", "東金市", "0475"),
    ("旭", "アサヒ", "12215", "旭市", "0479"),
    ("習志野", "ナラシノ", "12216", "習志野市", "047"),
    ("柏", "カシワ", "12217", "柏市", "04"),
    ("勝浦", "カツウラ", "12218", "勝浦市", "0470"),
    ("市原", "イチハラ", "12219", "市原市", "0436"),
    ("流山", "ナガレヤマ", "12220", "流山市", "04"),
    ("八千代", "ヤチヨ", "12221", "八千代市", "047"),
    ("我孫子", "アビコ", "12222", "我孫子市", "04"),
    ("鴨川", "カモガワ", "12223", "鴨川市", "04"),
    ("鎌ケ谷", "カマガヤ", "12224", "鎌ケ谷市", "047"),
    ("君津", "キミツ", "12225", "君津市", "0439"),
    ("富津", "フッツ", "12226", "富津市", "0439"),
    ("浦安", "ウラヤス", "12227", "浦安市", "047"),
    ("四街道", "ヨツカイドウ", "12228", "四街道市", "043"),
    ("袖ケ浦", "ソデガウラ", "12229", "袖ケ浦市", "0438"),
    ("八街", "ヤチマタ", "12230", "八街市", "043"),
    ("印西", "インザイ", "12231", "印西市", "0476"),
    ("白井", "シロイ", "12232", "白井市", "047"),
    ("富里", "トミサト", "12233", "富里市", "0476"),
    ("南房総", "ミナミボウソウ", "12234", "南房総市", "0470"),
    ("香取", "カトリ", "12236", "香取市", "0478"),
    ("いすみ", "イスミ", "12238", "いすみ市", "0470"),
    ("酒々井", "シスイ", "12322", "酒々井町", "043"),
    ("九十九里", "クジュウクリ", "12403", "九十九里町", "0475"),
    ("一宮", "イチノミヤ", "12421", "一宮町", "0475"),
    ("大多喜", "オオタキ", "12441", "大多喜町", "0470"),
)
# (漢字, カナ, 活動分野コード)
THEMES: tuple[tuple[str, str, tuple[int, ...]], ...] = (
    ("こども食堂", "コドモショクドウ", (13, 1)),
    ("子育て支援", "コソダテシエン", (13,)),
    ("里山保全", "サトヤマホゼン", (7, 5)),
    ("海辺の清掃", "ウミベノセイソウ", (7,)),
    ("見守り", "ミマモリ", (1, 9)),
    ("防犯パトロール", "ボウハンパトロール", (9,)),
    ("防災", "ボウサイ", (8, 9)),
    ("災害ボランティア", "サイガイボランティア", (8,)),
    ("国際交流", "コクサイコウリュウ", (11,)),
    ("日本語教室", "ニホンゴキョウシツ", (11, 2)),
    ("まちづくり", "マチヅクリ", (3,)),
    ("観光ガイド", "カンコウガイド", (4, 3)),
    ("農業体験", "ノウギョウタイケン", (5,)),
    ("音楽", "オンガク", (6,)),
    ("演劇", "エンゲキ", (6,)),
    ("スポーツ", "スポーツ", (6, 13)),
    ("読み聞かせ", "ヨミキカセ", (2, 13)),
    ("生涯学習", "ショウガイガクシュウ", (2,)),
    ("障がい者支援", "ショウガイシャシエン", (1,)),
    ("介護予防", "カイゴヨボウ", (1,)),
    ("傾聴", "ケイチョウ", (1,)),
    ("男女共同参画", "ダンジョキョウドウサンカク", (12,)),
    ("人権", "ジンケン", (10,)),
    ("平和", "ヘイワ", (10,)),
    ("IT支援", "アイティーシエン", (14,)),
    ("科学教室", "カガクキョウシツ", (15, 13)),
    ("商店街", "ショウテンガイ", (16, 3)),
    ("就労支援", "シュウロウシエン", (17,)),
    ("消費生活", "ショウヒセイカツ", (18,)),
    ("市民活動サポート", "シミンカツドウサポート", (19,)),
    ("フードバンク", "フードバンク", (1, 18)),
    ("環境学習", "カンキョウガクシュウ", (7, 2)),
    ("歴史研究", "レキシケンキュウ", (6, 2)),
    ("子ども会", "コドモカイ", (13,)),
    ("自然観察", "シゼンカンサツ", (7,)),
    ("花いっぱい", "ハナイッパイ", (3, 7)),
    ("手話", "シュワ", (1, 10)),
    ("不登校支援", "フトウコウシエン", (13, 2)),
    ("高齢者サロン", "コウレイシャサロン", (1,)),
    ("竹林整備", "チクリンセイビ", (7, 5)),
)
SUFFIXES: tuple[tuple[str, str], ...] = (
    ("の会", "ノカイ"),
    ("ネットワーク", "ネットワーク"),
    ("クラブ", "クラブ"),
    ("協議会", "キョウギカイ"),
    ("センター", "センター"),
    ("応援団", "オウエンダン"),
    ("サークル", "サークル"),
    ("プロジェクト", "プロジェクト"),
    ("の集い", "ノツドイ"),
    ("倶楽部", "クラブ"),
    ("研究会", "ケンキュウカイ"),
    ("実行委員会", "ジッコウイインカイ"),
    ("ボランティア", "ボランティア"),
    ("の広場", "ノヒロバ"),
    ("ラボ", "ラボ"),
)
PREFIXES: tuple[tuple[str, str], ...] = (
    ("", ""),
    ("みんなの", "ミンナノ"),
    ("ちば", "チバ"),
    ("ひまわり", "ヒマワリ"),
    ("あおぞら", "アオゾラ"),
    ("さくら", "サクラ"),
)
LEGAL_FORMS = (
    ("特定非営利活動法人", 45),
    ("任意団体", 35),
    ("一般社団法人", 8),
    ("認定特定非営利活動法人", 3),
    ("社会福祉法人", 2),
    ("一般財団法人", 2),
    ("公益社団法人", 1),
    ("認可地縁団体", 2),
    ("協同組合", 1),
    ("株式会社等", 1),
)
FAMILY = (
    ("佐藤", "サトウ"),
    ("鈴木", "スズキ"),
    ("高橋", "タカハシ"),
    ("田中", "タナカ"),
    ("伊藤", "イトウ"),
    ("渡辺", "ワタナベ"),
    ("山本", "ヤマモト"),
    ("中村", "ナカムラ"),
    ("小林", "コバヤシ"),
    ("加藤", "カトウ"),
    ("吉田", "ヨシダ"),
    ("山田", "ヤマダ"),
    ("佐々木", "ササキ"),
    ("石井", "イシイ"),
    ("斎藤", "サイトウ"),
    ("松本", "マツモト"),
    ("井上", "イノウエ"),
    ("木村", "キムラ"),
    ("林", "ハヤシ"),
    ("清水", "シミズ"),
)
GIVEN = (
    ("花子", "ハナコ"),
    ("太郎", "タロウ"),
    ("美咲", "ミサキ"),
    ("健一", "ケンイチ"),
    ("陽子", "ヨウコ"),
    ("誠", "マコト"),
    ("由美", "ユミ"),
    ("大輔", "ダイスケ"),
    ("恵子", "ケイコ"),
    ("翔", "ショウ"),
    ("直子", "ナオコ"),
    ("浩", "ヒロシ"),
    ("明美", "アケミ"),
    ("隆", "タカシ"),
    ("智子", "トモコ"),
)
TOWNS = ("本町", "中央", "栄町", "緑町", "旭町", "東町", "西町", "南町", "北町", "新町", "若松町", "桜木")
ROLES = ("代表", "事務局長", "会計", "理事", "広報担当", "コーディネーター")
SUMMARIES = (
    "事業計画について意見交換",
    "補助金の申請方法について相談",
    "イベントの共催について打合せ",
    "活動報告を受領",
    "会場確保について調整",
    "次年度の協働事業について協議",
    "広報誌への掲載依頼",
)
KINDS = ("面談", "電話", "メール", "会議", "イベント", "情報交換")


_PHONE_SHAPES: dict[tuple[str, str], tuple[int, ...] | None] = {}


def _phone(rng: random.Random, area: str) -> str:
    """A landline number for the area code, hyphenated the way manual entry stores it.

    Validity and hyphenation depend only on the leading digits, so phonenumbers is asked once per
    six-digit prefix and the shape reused (asking it for every number was half the run time).
    """
    while True:  # not every local exchange exists; draw again until phonenumbers accepts it
        first = "7" if area == "04" else str(rng.randint(2, 9))  # 04-7xxx: 柏・我孫子・流山・野田・鴨川
        digits = area + first + "".join(str(rng.randint(0, 9)) for _ in range(9 - len(area)))
        prefix = (area, digits[:6])
        if prefix not in _PHONE_SHAPES:
            try:
                groups = normalize_phone(digits).split("-")
            except ValidationError:
                groups = []
            # keep only numbers that stay in the place's own area code (0479-…, not 047-99…)
            _PHONE_SHAPES[prefix] = tuple(len(g) for g in groups) if groups and groups[0] == area else None
        shape = _PHONE_SHAPES[prefix]
        if shape is None:
            continue
        parts, pos = [], 0
        for n in shape:
            parts.append(digits[pos : pos + n])
            pos += n
        return "-".join(parts)


def _corporate_number(rng: random.Random) -> str:
    body = "".join(str(rng.randint(0, 9)) for _ in range(12))
    return f"{corporate_number_check_digit(body)}{body}"


def _date_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def generate(
    ws: Workspace,
    count: int,
    *,
    seed: int = 1,
    progress: Callable[[int, int], bool] | None = None,
    atomic: bool = False,
) -> int:
    """Add ``count`` demo organizations; returns how many were written.

    ``progress(done, total)`` is called after each batch; returning False stops early (the
    batches already written stay, each complete). With ``atomic`` everything is one transaction
    and returning False raises :class:`DemoCancelled` with nothing written.
    """
    with contextlib.ExitStack() as stack:
        shared = stack.enter_context(ws.session_factory.begin()) if atomic else None
        return _generate(ws, count, seed, progress, shared)


def _generate(
    ws: Workspace,
    count: int,
    seed: int,
    progress: Callable[[int, int], bool] | None,
    shared: Session | None,
) -> int:
    ws.require_write()
    rng = random.Random(seed)
    combos = len(PLACES) * len(THEMES) * len(SUFFIXES) * len(PREFIXES)
    with contextlib.nullcontext(shared) if shared is not None else ws.session_factory() as s:
        taken = set(s.scalars(select(Organization.dup_key).where(listing_clause(Organization))))
    picks = rng.sample(range(combos), min(combos, count + len(taken)))
    today = date.today()
    officer = ws.officer.name
    written = 0
    batch_orgs: list[dict[str, Any]] = []
    batch_contacts: list[dict[str, Any]] = []
    batch_interactions: list[dict[str, Any]] = []
    batch_audit: list[dict[str, Any]] = []

    batch_size = BATCH if shared is None else ATOMIC_BATCH

    def write(s: Session) -> None:
        # Core executemany on the tables: the ORM bulk path emitted one statement per row here
        s.execute(insert(table_of(Organization)), batch_orgs)
        if batch_contacts:
            s.execute(insert(table_of(Contact)), batch_contacts)
        if batch_interactions:
            s.execute(insert(table_of(Interaction)), batch_interactions)
        s.execute(insert(table_of(AuditEntry)), batch_audit)

    def flush() -> None:
        if shared is not None:
            write(shared)
        else:
            with ws.session_factory.begin() as s:
                write(s)
        for lst in (batch_orgs, batch_contacts, batch_interactions, batch_audit):
            lst.clear()

    for pick in picks:
        if written >= count:
            break
        pick, p_i = divmod(pick, len(PREFIXES))
        pick, s_i = divmod(pick, len(SUFFIXES))
        p_place, t_i = divmod(pick, len(THEMES))
        place = PLACES[p_place]
        theme = THEMES[t_i]
        prefix, suffix = PREFIXES[p_i], SUFFIXES[s_i]
        name = f"{prefix[0]}{place[0]}{theme[0]}{suffix[0]}"
        key = duplicate_key(name)
        if key in taken:
            continue
        taken.add(key)
        legal_form = rng.choices([f for f, _ in LEGAL_FORMS], [w for _, w in LEGAL_FORMS])[0]
        is_npo = "特定非営利活動法人" in legal_form
        family, given = rng.choice(FAMILY), rng.choice(GIVEN)
        established = _date_between(rng, date(1995, 4, 1), today - timedelta(days=200))
        fields = sorted(set(theme[2]) | ({19} if rng.random() < 0.1 else set()))
        town = rng.choice(TOWNS)
        address = f"{place[3]}{town}{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}"
        data = OrganizationInput(
            name=name,
            kana=f"{prefix[1]}{place[1]}{theme[1]}{suffix[1]}",
            legal_form=legal_form,
            corporate_number=_corporate_number(rng) if legal_form != "任意団体" else "",
            municipality_code=place[2],
            municipality_name=place[3],
            postal_code=f"{rng.randint(260, 299)}-{rng.randint(0, 9999):04d}",
            address=address,
            phone=_phone(rng, place[4]),
            email=f"info{written + len(taken)}@example.jp" if rng.random() < 0.6 else "",
            representative=f"{family[0]} {given[0]}",
            representative_kana=f"{family[1]} {given[1]}",
            purpose=f"{place[3]}を中心に{theme[0]}の活動を行い、地域の課題解決に寄与する。",
            status=rng.choices(["活動中", "休止", "解散"], [88, 8, 4])[0],
            tags=rng.choice(["", "", "協働実績あり", "補助金交付", "新規登録"]),
            established_on=established,
            certified_on=established + timedelta(days=rng.randint(30, 200)) if is_npo else None,
            member_count=rng.randint(3, 120),
            fields=fields,
        )
        org_id = new_id()
        n_inter = rng.choices([0, 1, 2, 3], [40, 30, 20, 10])[0]
        dates = sorted(
            (_date_between(rng, today - timedelta(days=900), today) for _ in range(n_inter)), reverse=True
        )
        now = utc_now()
        batch_orgs.append(
            {
                "id": org_id,
                **org_column_values(data),
                "registered_on": _date_between(rng, date(2015, 4, 1), today),
                "last_contact_on": dates[0] if dates else None,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
        )
        for i in range(rng.choice([1, 1, 2])):
            f2, g2 = (family, given) if i == 0 else (rng.choice(FAMILY), rng.choice(GIVEN))
            batch_contacts.append(
                {
                    "id": new_id(),
                    "organization_id": org_id,
                    "name": f"{f2[0]} {g2[0]}",
                    "kana": f"{f2[1]} {g2[1]}",
                    "role": ROLES[0] if i == 0 else rng.choice(ROLES[1:]),
                    "phone": f"090-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                    "email": "",
                    "is_primary": i == 0,
                    "created_at": now,
                }
            )
        for d in dates:
            batch_interactions.append(
                {
                    "id": new_id(),
                    "organization_id": org_id,
                    "occurred_on": d,
                    "kind": rng.choice(KINDS),
                    "officer": officer,
                    "summary": rng.choice(SUMMARIES),
                    "next_action_on": d + timedelta(days=30) if rng.random() < 0.3 else None,
                    "created_at": now,
                }
            )
        batch_audit.append(
            {
                "occurred_at": now,
                "officer": officer,
                "entity": "organization",
                "record_id": org_id,
                "action": "create",
                "changes": json.dumps({"name": [None, name]}, ensure_ascii=False),
                "context": f"demo seed={seed}",
            }
        )
        written += 1
        if len(batch_orgs) >= batch_size:
            flush()
            if progress is not None and progress(written, count) is False:
                if shared is not None:
                    raise DemoCancelled  # leaves the shared transaction, which rolls back
                return written
    if batch_orgs:
        flush()
    if progress is not None:
        progress(written, count)
    return written
