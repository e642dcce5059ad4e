"""Benchmark: ``kyodo import`` of a national-size NPO portal CSV against pandas ``read_csv`` + ``to_sql``.

    pip install pandas          # only for this benchmark; not a dependency of the app
    python3 benchmarks/bench_import.py [--rows 60000] [--runs 5]

Creates once (cached under the temp folder, ``$TMP/kyodo-bench-npo-<rows>-s<seed>.csv``) a
synthetic 内閣府NPO法人ポータル 行政入力情報 CSV in the current 60-column layout, cp932, with
realistic values: names and kana, 所轄庁 across the 47 prefectures and the 政令指定都市 (about 3 %
千葉県/千葉市), addresses mostly without the prefecture as the portal writes them, postal codes,
dates such as 1999/02/23, ○ flags, 認定 dates, some 解散情報, valid 法人番号, multi-line
従たる事務所 and 目的. Then times, alternating, ``--runs`` runs of each, every run a subprocess:

* ``kyodo``  — ``kyodo import FILE --prefecture ""``: every prefecture, so every record is
  read, mapped, validated, matched and written with its audit row, into a fresh data folder
  (creating the data file, the pre-import backup and the fsyncs included);
* ``pandas`` — ``pandas.read_csv(FILE, encoding="cp932", dtype=str).to_sql("npo", ...)`` into a
  fresh SQLite file (``sqlite3``, default settings).

Prints the medians, their ratio (target ≤ 3×) and the peak RSS of each child (``os.wait4``;
target for ``kyodo`` ≤ 500 MB).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from kyodo_desktop.domain.municipalities import CHIBA_CITY_WARDS, CHIBA_MUNICIPALITIES, DISTRICTS
from kyodo_desktop.domain.npo_portal import CURRENT_HEADERS, DESIGNATED_CITIES, PREFECTURES
from kyodo_desktop.domain.validation import corporate_number_check_digit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import median

TARGET_RATIO = 3.0
TARGET_RSS_MB = 500

# -- the synthetic file ---------------------------------------------------------------------------

# A few cities per prefecture besides the 政令指定都市 (whose records mostly name the city itself
# as 所轄庁); the portal's 所在地 usually omits the prefecture.
_CITIES: dict[str, tuple[str, ...]] = {
    "北海道": ("旭川市", "函館市", "釧路市", "帯広市", "虻田郡倶知安町"),
    "青森県": ("青森市", "弘前市", "八戸市"),
    "岩手県": ("盛岡市", "一関市", "奥州市"),
    "宮城県": ("石巻市", "大崎市", "名取市"),
    "秋田県": ("秋田市", "横手市"),
    "山形県": ("山形市", "鶴岡市", "酒田市"),
    "福島県": ("福島市", "郡山市", "いわき市"),
    "茨城県": ("水戸市", "つくば市", "日立市"),
    "栃木県": ("宇都宮市", "小山市", "足利市"),
    "群馬県": ("前橋市", "高崎市", "太田市"),
    "埼玉県": ("川口市", "所沢市", "川越市", "越谷市"),
    "東京都": ("新宿区", "世田谷区", "練馬区", "八王子市", "町田市", "武蔵野市", "東村山市"),
    "神奈川県": ("藤沢市", "横須賀市", "平塚市", "茅ヶ崎市"),
    "新潟県": ("長岡市", "上越市"),
    "富山県": ("富山市", "高岡市"),
    "石川県": ("金沢市", "白山市", "野々市市"),
    "福井県": ("福井市", "坂井市"),
    "山梨県": ("甲府市", "富士吉田市"),
    "長野県": ("長野市", "松本市", "上田市"),
    "岐阜県": ("岐阜市", "大垣市"),
    "静岡県": ("沼津市", "富士市"),
    "愛知県": ("豊田市", "岡崎市", "一宮市", "蒲郡市"),
    "三重県": ("津市", "四日市市", "鈴鹿市"),
    "滋賀県": ("大津市", "草津市"),
    "京都府": ("宇治市", "舞鶴市"),
    "大阪府": ("豊中市", "東大阪市", "枚方市"),
    "兵庫県": ("姫路市", "西宮市", "尼崎市"),
    "奈良県": ("奈良市", "大和郡山市"),
    "和歌山県": ("和歌山市", "田辺市"),
    "鳥取県": ("鳥取市", "米子市"),
    "島根県": ("松江市", "出雲市"),
    "岡山県": ("倉敷市", "津山市"),
    "広島県": ("福山市", "呉市", "廿日市市"),
    "山口県": ("山口市", "下関市"),
    "徳島県": ("徳島市", "阿南市"),
    "香川県": ("高松市", "丸亀市"),
    "愛媛県": ("松山市", "今治市"),
    "高知県": ("高知市", "南国市"),
    "福岡県": ("久留米市", "飯塚市", "小郡市"),
    "佐賀県": ("佐賀市", "唐津市"),
    "長崎県": ("長崎市", "佐世保市", "大村市"),
    "熊本県": ("八代市", "天草市"),
    "大分県": ("大分市", "別府市"),
    "宮崎県": ("宮崎市", "都城市"),
    "鹿児島県": ("鹿児島市", "霧島市"),
    "沖縄県": ("那覇市", "沖縄市", "うるま市"),
}
_CITIES_BY_PREFECTURE = {
    p: (*_CITIES.get(p, ()), *(c for c, cp in DESIGNATED_CITIES.items() if cp == p)) for p in PREFECTURES
}
# Rough weights (NPO法人 per prefecture follow population); 千葉県 is set apart below.
_HEAVY = {"東京都": 9.0, "大阪府": 3.5, "神奈川県": 3.5, "北海道": 2.5, "愛知県": 2.5, "福岡県": 2.2}

_PLACES = (
    ("みどり", "ミドリ"), ("あおぞら", "アオゾラ"), ("ひまわり", "ヒマワリ"), ("さくら", "サクラ"),
    ("こすもす", "コスモス"), ("たんぽぽ", "タンポポ"), ("わかば", "ワカバ"), ("ふれあい", "フレアイ"),
    ("きずな", "キズナ"), ("ささえあい", "ササエアイ"), ("ゆめ", "ユメ"), ("にじいろ", "ニジイロ"),
    ("森の", "モリノ"), ("海辺の", "ウミベノ"), ("里山", "サトヤマ"), ("まちなか", "マチナカ"),
    ("地域", "チイキ"), ("市民", "シミン"), ("ふるさと", "フルサト"), ("みなと", "ミナト"),
    ("北", "キタ"), ("南", "ミナミ"), ("東", "ヒガシ"), ("西", "ニシ"), ("中央", "チュウオウ"),
    ("はばたき", "ハバタキ"), ("えがお", "エガオ"), ("つばさ", "ツバサ"), ("いずみ", "イズミ"),
    ("かがやき", "カガヤキ"),
)  # fmt: skip
_THEMES = (
    ("こども食堂", "コドモショクドウ", (13, 1)), ("子育て支援", "コソダテシエン", (13,)),
    ("里山保全", "サトヤマホゼン", (7, 5)), ("環境保全", "カンキョウホゼン", (7,)),
    ("見守り", "ミマモリ", (1, 9)), ("防犯", "ボウハン", (9,)), ("防災", "ボウサイ", (8, 9)),
    ("災害支援", "サイガイシエン", (8,)), ("国際交流", "コクサイコウリュウ", (11,)),
    ("日本語教育", "ニホンゴキョウイク", (11, 2)), ("まちづくり", "マチヅクリ", (3,)),
    ("観光", "カンコウ", (4, 3)), ("農業", "ノウギョウ", (5,)), ("音楽", "オンガク", (6,)),
    ("演劇", "エンゲキ", (6,)), ("スポーツ", "スポーツ", (6, 13)), ("読書", "ドクショ", (2, 13)),
    ("生涯学習", "ショウガイガクシュウ", (2,)), ("障害者支援", "ショウガイシャシエン", (1,)),
    ("介護", "カイゴ", (1,)), ("福祉", "フクシ", (1,)), ("医療", "イリョウ", (1,)),
    ("男女共同参画", "ダンジョキョウドウサンカク", (12,)), ("人権", "ジンケン", (10,)),
    ("平和", "ヘイワ", (10,)), ("情報化", "ジョウホウカ", (14,)), ("科学教育", "カガクキョウイク", (15, 13)),
    ("商店街", "ショウテンガイ", (16, 3)), ("就労支援", "シュウロウシエン", (17,)),
    ("消費者", "ショウヒシャ", (18,)), ("市民活動", "シミンカツドウ", (19,)),
    ("フードバンク", "フードバンク", (1, 18)), ("環境教育", "カンキョウキョウイク", (7, 2)),
    ("歴史", "レキシ", (6, 2)), ("自然体験", "シゼンタイケン", (7, 13)),
    ("不登校支援", "フトウコウシエン", (13, 2)), ("高齢者", "コウレイシャ", (1,)),
    ("動物愛護", "ドウブツアイゴ", (7,)), ("文化財", "ブンカザイ", (6,)), ("ICT", "アイシーティー", (14, 2)),
)  # fmt: skip
_SUFFIXES = (
    ("の会", "ノカイ"), ("ネットワーク", "ネットワーク"), ("協会", "キョウカイ"), ("センター", "センター"),
    ("クラブ", "クラブ"), ("サポート", "サポート"), ("研究会", "ケンキュウカイ"), ("推進会議", "スイシンカイギ"),
    ("の家", "ノイエ"), ("ステーション", "ステーション"), ("フォーラム", "フォーラム"), ("機構", "キコウ"),
    ("プロジェクト", "プロジェクト"), ("基金", "キキン"), ("ひろば", "ヒロバ"),
)  # fmt: skip
_SURNAMES = (
    ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"),
    ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"),
    ("吉田", "ヨシダ"), ("山田", "ヤマダ"), ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"),
    ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("清水", "シミズ"),
)  # fmt: skip
_GIVEN = (
    ("一郎", "イチロウ"), ("花子", "ハナコ"), ("健太", "ケンタ"), ("美香", "ミカ"), ("浩", "ヒロシ"),
    ("直子", "ナオコ"), ("誠", "マコト"), ("由美", "ユミ"), ("大輔", "ダイスケ"), ("恵子", "ケイコ"),
    ("修", "オサム"), ("陽子", "ヨウコ"), ("隆", "タカシ"), ("真理子", "マリコ"), ("翔", "ショウ"),
)  # fmt: skip
_TOWNS = ("本町", "中央", "栄町", "緑町", "旭町", "幸町", "寿町", "東町", "西町", "南町", "北町", "新町")
_BUILDINGS = ("ビル", "マンション", "会館", "ハイツ", "コーポ")
_TARGETS = ("地域住民", "子ども", "高齢者", "障害のある人", "外国人住民", "子育て家庭", "市民")
_GOALS = ("地域社会の発展", "住みよいまちづくり", "誰もが暮らしやすい社会の実現", "公益の増進")
_WORKS = (
    "調査研究事業",
    "講座・研修会の開催事業",
    "相談事業",
    "情報提供事業",
    "ネットワークづくり事業",
    "人材育成事業",
)
_DISSOLUTIONS = ("社員総会の決議", "目的とする特定非営利活動に係る事業の成功の不能", "合併", "認証の取消し")
_FULL = str.maketrans("0123456789-", "０１２３４５６７８９－")


def _weighted_prefecture(rng: random.Random) -> tuple[str, str]:
    """(所轄庁, prefecture): 千葉県 or 千葉市 for about 3 %, else weighted by size."""
    roll = rng.random()
    if roll < 0.022:
        return "千葉県", "千葉県"
    if roll < 0.030:
        return "千葉市", "千葉県"
    others = [p for p in PREFECTURES if p != "千葉県"]
    prefecture = rng.choices(others, weights=[_HEAVY.get(p, 1.0) for p in others])[0]
    cities = [c for c, cp in DESIGNATED_CITIES.items() if cp == prefecture]
    if cities and rng.random() < 0.45:
        return rng.choice(cities), prefecture
    return prefecture, prefecture


def _street(rng: random.Random) -> str:
    a, b, c = rng.randint(1, 9), rng.randint(1, 30), rng.randint(1, 20)
    style = rng.random()
    if style < 0.45:
        text = f"{rng.choice(_TOWNS)}{a}-{b}-{c}"
    elif style < 0.75:
        text = f"{rng.choice(_TOWNS)}{a}丁目{b}番{c}号"
    else:
        text = f"{rng.choice(_TOWNS)}{a}-{b}-{c}".translate(_FULL)
    if rng.random() < 0.2:
        text += f"　{rng.choice(_PLACES)[0]}{rng.choice(_BUILDINGS)}{rng.randint(1, 9)}階"
    return text


def _address(rng: random.Random, authority: str, prefecture: str) -> tuple[str, str]:
    """(所在地 as the portal writes it, the city) for a record of ``authority``."""
    if prefecture == "千葉県":
        if authority == "千葉市":
            city = "千葉市" + rng.choice(CHIBA_CITY_WARDS)
        else:
            name = rng.choice([n for n in CHIBA_MUNICIPALITIES.values() if n != "千葉市"])
            district = next((d for d, towns in DISTRICTS.items() if name in towns), "")
            city = district + name
            if "ケ" in city and rng.random() < 0.5:
                city = city.replace("ケ", "ヶ")
    elif authority in DESIGNATED_CITIES:
        city = authority + rng.choice(("中央区", "北区", "南区", "東区", "西区"))
    else:
        city = rng.choice(_CITIES_BY_PREFECTURE[prefecture])
    text = city + _street(rng)
    if rng.random() < 0.15:  # some records do carry the prefecture
        text = prefecture + text
    return text, city


def _date(rng: random.Random, start_year: int, end_year: int) -> tuple[int, int, int]:
    return rng.randint(start_year, end_year), rng.randint(1, 12), rng.randint(1, 28)


def _slash(ymd: tuple[int, int, int]) -> str:
    return f"{ymd[0]:04d}/{ymd[1]:02d}/{ymd[2]:02d}"


def synthetic_record(rng: random.Random, n: int, used_names: set[str], used_numbers: set[str]) -> list[str]:
    """One record of the current layout (60 cells), every value valid."""
    cells = dict.fromkeys(CURRENT_HEADERS, "")
    authority, prefecture = _weighted_prefecture(rng)
    address, city = _address(rng, authority, prefecture)
    theme, theme_kana, fields = rng.choice(_THEMES)
    while True:
        place, place_kana = rng.choice(_PLACES)
        suffix, suffix_kana = rng.choice(_SUFFIXES)
        local = re.sub(r"(郡.+|[市区町村].*)$", "", city) if rng.random() < 0.5 else ""
        name = f"{local}{place}{theme}{suffix}"
        if name in used_names:
            name = f"{name}{rng.choice(('21', 'あすなろ', 'プラス', 'ジャパン', 'みらい'))}"
        if name not in used_names:
            break
    used_names.add(name)
    kana = place_kana + theme_kana + suffix_kana
    surname, surname_kana = rng.choice(_SURNAMES)
    given, given_kana = rng.choice(_GIVEN)
    certified = _date(rng, 1999, 2024)
    cells["法人名称"] = f"特定非営利活動法人　{name}" if rng.random() < 0.9 else f"特定非営利活動法人{name}"
    cells["法人名称カナ"] = kana if rng.random() < 0.85 else ""
    cells["所轄庁"] = authority
    cells["主たる事務所の所在地"] = address
    code = rng.randint(260, 299) if prefecture == "千葉県" else rng.randint(1, 999)
    postal = f"{code:03d}{rng.randint(0, 9999):04d}"
    cells["主たる事業所の郵便番号"] = postal if rng.random() < 0.6 else f"{postal[:3]}-{postal[3:]}"
    if rng.random() < 0.06:
        lines = [
            f"{prefecture}{_address(rng, authority, prefecture)[0].removeprefix(prefecture)}"
            for _ in range(rng.randint(2, 3))
        ]
        cells["従たる事務所の所在地"] = "\n".join(lines)
    cells["代表者氏名"] = f"{surname}　{given}"
    cells["団体代表者名（フリガナ）"] = f"{surname_kana}　{given_kana}" if rng.random() < 0.8 else ""
    cells["法人設立認証年月日"] = _slash(certified)
    if rng.random() < 0.9:
        year, month, day = certified
        cells["設立年月日"] = _slash((year + (month == 12), month % 12 + 1, day))
    purpose = (
        f"この法人は、{rng.choice(_TARGETS)}に対して、{theme}に関する事業を行い、"
        f"もって{rng.choice(_GOALS)}に寄与することを目的とする。"
    )
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):  # the portal's 目的 run from one line to many
        other = rng.choice(_THEMES)[0]
        purpose += (
            f"\nまた、{rng.choice(_TARGETS)}と連携し、{other}に関する調査研究、情報の収集及び提供、"
            f"講座の開催その他の普及啓発を行う。"
        )
    cells["定款に記載された目的"] = purpose
    flags = set(fields) | {rng.randint(1, 20) for _ in range(rng.randint(0, 3))}
    for code in flags:
        cells[f"活動分野{str(code).translate(_FULL)}"] = "○"
    roll = rng.random()
    if roll < 0.025:
        cells["認定（認定・特例認定１）"] = "○"
        cells[f"認定（PST基準{str(rng.randint(1, 3)).translate(_FULL)}）"] = "○"
        start = _date(rng, 2012, 2022)
        cells["認定（認定開始日）"] = _slash(start)
        cells["認定（認定満了日）"] = _slash((start[0] + 5, start[1], start[2]))
    elif roll < 0.028:
        cells["認定（認定・特例認定２）"] = "○"
        start = _date(rng, 2013, 2022)
        cells["認定（特例認定年月日）"] = _slash(start)
        cells["認定（特例認定満了日）"] = _slash((start[0] + 3, start[1], start[2]))
    if rng.random() < 0.01:
        cells["監督情報"] = f"{_date(rng, 2005, 2023)[0]}年04月01日 報告徴収"
    dissolved = rng.random() < 0.08
    if dissolved:
        y, m, d = _date(rng, max(certified[0] + 1, 2003), 2025)
        cells["解散情報"] = f"{y}年{m:02d}月{d:02d}日 {rng.choice(_DISSOLUTIONS)}"
    cells["法人情報URL"] = (
        f"https://www.npo-homepage.go.jp/npoportal/detail/{PREFECTURES.index(prefecture) + 1:02d}{n:07d}"
    )
    if rng.random() < 0.95:
        while True:
            body = f"{rng.randint(0, 10**12 - 1):012d}"
            number = f"{corporate_number_check_digit(body)}{body}"
            if number not in used_numbers:
                break
        used_numbers.add(number)
        cells["法人番号"] = number
    if rng.random() < 0.8:
        works = [f"{theme}事業", *(f"{rng.choice(_THEMES)[0]}に関する{w}" for w in rng.sample(_WORKS, 3))]
        cells["特定非営利活動に係る事業"] = "\n".join(
            f"（{str(i).translate(_FULL)}）{w}" for i, w in enumerate(works[: rng.randint(2, 4)], 1)
        )
    cells["その他の事業"] = "" if rng.random() < 0.9 else "物品販売事業"
    if rng.random() < 0.7:
        cells["事業年度開始日"], cells["事業年度終了日"] = "4月1日", "3月31日"
    return list(cells.values())


def portal_csv(rows: int, seed: int = 1) -> Path:
    """``$TMP/kyodo-bench-npo-<rows>-s<seed>.csv`` (created on first use, then reused)."""
    path = Path(tempfile.gettempdir()) / f"kyodo-bench-npo-{rows}-s{seed}.csv"
    if path.exists():
        return path
    print(f"creating {rows:,} synthetic NPO portal records in {path} …", file=sys.stderr, flush=True)
    rng = random.Random(seed)
    # The portal mixes full- and half-width characters in its header cells.
    header = [unicodedata.normalize("NFKC", h) if i % 3 == 0 else h for i, h in enumerate(CURRENT_HEADERS)]
    tmp = path.with_suffix(f".tmp-{os.getpid()}")
    names: set[str] = set()
    numbers: set[str] = set()
    with tmp.open("w", encoding="cp932", errors="strict", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(header)
        for n in range(1, rows + 1):
            writer.writerow(synthetic_record(rng, n, names, numbers))
    os.replace(tmp, path)
    return path


# -- running ---------------------------------------------------------------------------------------

_PANDAS = """
import sqlite3, sys
import pandas
frame = pandas.read_csv(sys.argv[1], encoding="cp932", dtype=str)
connection = sqlite3.connect(sys.argv[2])
frame.to_sql("npo", connection, index=False)
connection.commit()
connection.close()
print(len(frame))
"""


def run_child(cmd: list[str], log: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one child process; its output goes to ``log``."""
    with log.open("wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own rusage, not all children's
        elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return elapsed, peak_mb, child.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=60_000, help="records in the CSV (60000)")
    parser.add_argument(
        "--runs", type=int, default=5, help="runs of each variant (5; the machines are noisy)"
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic file (1)")
    args = parser.parse_args()

    try:
        import pandas  # noqa: F401
    except ImportError:
        print("pandas is needed for the baseline: pip install pandas", file=sys.stderr)
        return 2

    source = portal_csv(args.rows, args.seed)
    print(f"file: {source} ({source.stat().st_size / 2**20:.1f} MB, {args.rows:,} records, cp932)")
    env = {**os.environ, "KYODO_OFFICER": "ベンチマーク職員"}
    env.pop("KYODO_DATA_DIR", None)
    times: dict[str, list[float]] = {"kyodo": [], "pandas": []}
    peaks: dict[str, list[float]] = {"kyodo": [], "pandas": []}
    with tempfile.TemporaryDirectory(prefix="kyodo-bench-import-") as tmp_name:
        tmp = Path(tmp_name)
        for run in range(1, args.runs + 1):
            # Alternate the order so drift (caches, CPU clocks) hits both alike.
            order = ("kyodo", "pandas") if run % 2 else ("pandas", "kyodo")
            for variant in order:
                target = tmp / f"{variant}-{run}"
                log = tmp / f"{variant}-{run}.log"
                if variant == "kyodo":
                    cmd = [sys.executable, "-m", "kyodo_desktop.cli", "--data-dir", str(target)]
                    cmd += ["import", str(source), "--prefecture", ""]
                else:
                    cmd = [sys.executable, "-c", _PANDAS, str(source), str(target.with_suffix(".db"))]
                elapsed, peak, code = run_child(cmd, log, env)
                output = log.read_text(encoding="utf-8", errors="replace")
                if code != 0:
                    print(output[-3000:], file=sys.stderr)
                    raise SystemExit(f"{variant} failed with exit code {code}")
                if variant == "kyodo" and run == 1:
                    print("kyodo says:", *output.strip().splitlines()[-3:], sep="\n  ")
                times[variant].append(elapsed)
                peaks[variant].append(peak)
                shutil.rmtree(target, ignore_errors=True)
                target.with_suffix(".db").unlink(missing_ok=True)
            print(
                f"run {run}: kyodo {times['kyodo'][-1]:.2f} s ({peaks['kyodo'][-1]:.0f} MB), "
                f"pandas {times['pandas'][-1]:.2f} s ({peaks['pandas'][-1]:.0f} MB)",
                flush=True,
            )

    kyodo_s, pandas_s = median(times["kyodo"]), median(times["pandas"])
    ratio = kyodo_s / pandas_s
    peak = max(peaks["kyodo"])
    ratio_ok, rss_ok = ratio <= TARGET_RATIO, peak <= TARGET_RSS_MB
    print(f"median kyodo import {kyodo_s:.2f} s  ({args.rows / kyodo_s:,.0f} records/s)")
    print(f"median pandas       {pandas_s:.2f} s  ({args.rows / pandas_s:,.0f} records/s)")
    print(f"ratio {ratio:.2f}x (target <= {TARGET_RATIO:g}x): {'OK' if ratio_ok else 'OVER TARGET'}")
    print(
        f"peak RSS kyodo {peak:.0f} MB (target <= {TARGET_RSS_MB} MB): {'OK' if rss_ok else 'OVER TARGET'}; "
        f"pandas {max(peaks['pandas']):.0f} MB"
    )
    return 0 if ratio_ok and rss_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
