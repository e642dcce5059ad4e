"""The words of the demo projects: 担当課 with their themes, demo officers, notes and evidence,
and the plain records a series of demo projects is built from.

Kept apart from :mod:`kyodo_desktop.services.demo_projects` so the generator reads as the rules
it follows (年度, stages, forms and kinds, selection, budgets) rather than as tables of text.
"""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.domain.project_terms import ProjectForm, RelationshipKind, SelectionMethod, Stage


@dataclass(frozen=True)
class Theme:
    """A project a 担当課 runs: its title, the local issue, the common goal and its target."""

    title: str
    issue: str
    goal: str
    target: str
    unit: str
    low: int
    high: int


@dataclass(frozen=True)
class Section:
    """A 担当課: the activity fields its projects are in, its themes, how many projects it has."""

    name: str
    fields: tuple[int, ...]
    themes: tuple[Theme, ...]
    weight: int


@dataclass
class DemoOrg:
    """What a partner needs of an organization."""

    id: str
    name: str
    municipality: str
    fields: frozenset[int]


@dataclass
class Series:
    """One 事業 a 担当課 renews with the same main partner over consecutive 年度."""

    section: Section
    theme: Theme
    partner: DemoOrg
    officer: tuple[str, str]  # (id, name)
    form: ProjectForm
    kind: RelationshipKind
    method: SelectionMethod
    reason: str
    first_year: int
    years: int
    single_applicant: bool = False


SECTIONS: tuple[Section, ...] = (
    Section(
        "県民生活課",
        (19, 3),
        (
            Theme(
                "市民活動フォーラム開催事業",
                "市民活動団体同士のつながりが弱い",
                "団体同士の連携を広げる",
                "参加団体数",
                "団体",
                20,
                80,
            ),
            Theme(
                "NPO活動入門講座",
                "市民活動の担い手が高齢化している",
                "新たな担い手を育てる",
                "受講者数",
                "人",
                30,
                150,
            ),
            Theme(
                "ボランティアフェスタ",
                "ボランティアを始めるきっかけが少ない",
                "ボランティア参加者を増やす",
                "来場者数",
                "人",
                300,
                2000,
            ),
            Theme(
                "消費生活出前講座",
                "高齢者の消費者被害が続いている",
                "消費者被害を未然に防ぐ",
                "開催回数",
                "回",
                10,
                40,
            ),
        ),
        16,
    ),
    Section(
        "子ども家庭課",
        (13,),
        (
            Theme(
                "子ども食堂ネットワーク支援事業",
                "家庭で十分な食事をとれない子どもがいる",
                "子どもの居場所を地域に広げる",
                "参加児童数",
                "人",
                200,
                1500,
            ),
            Theme(
                "子育てひろば運営事業",
                "乳幼児を育てる親が孤立しがちである",
                "親子が気軽に集える場をつくる",
                "利用者数",
                "人",
                500,
                4000,
            ),
            Theme(
                "放課後学習支援事業",
                "学習の機会に家庭環境による差がある",
                "子どもの学ぶ意欲を支える",
                "参加児童数",
                "人",
                40,
                300,
            ),
            Theme(
                "読み聞かせボランティア養成講座",
                "読み聞かせの担い手が足りない",
                "地域の読み聞かせを担う人を育てる",
                "受講者数",
                "人",
                20,
                90,
            ),
        ),
        18,
    ),
    Section(
        "環境政策課",
        (7,),
        (
            Theme(
                "里山保全活動推進事業",
                "手入れされない里山が増えている",
                "里山を地域の手で守り育てる",
                "活動面積",
                "ha",
                5,
                60,
            ),
            Theme(
                "海岸清掃キャンペーン",
                "海岸に漂着ごみが多い",
                "きれいな海辺を次世代に残す",
                "参加者数",
                "人",
                200,
                3000,
            ),
            Theme(
                "環境学習出前講座",
                "子どもが自然に触れる機会が減っている",
                "環境を守る意識を育てる",
                "開催回数",
                "回",
                10,
                60,
            ),
            Theme(
                "竹林整備モデル事業",
                "放置竹林が広がっている",
                "竹林を資源として生かす",
                "整備面積",
                "ha",
                2,
                20,
            ),
        ),
        15,
    ),
    Section(
        "健康福祉課",
        (1,),
        (
            Theme(
                "高齢者見守りネットワーク事業",
                "ひとり暮らしの高齢者が増えている",
                "地域で高齢者を見守る仕組みをつくる",
                "見守り世帯数",
                "世帯",
                50,
                600,
            ),
            Theme(
                "介護予防教室",
                "要介護となる前の予防が十分でない",
                "高齢者の健康寿命を延ばす",
                "参加者数",
                "人",
                100,
                900,
            ),
            Theme(
                "障がい者就労体験事業",
                "障がい者が働く場を体験する機会が少ない",
                "障がい者の就労の幅を広げる",
                "体験者数",
                "人",
                10,
                80,
            ),
            Theme(
                "傾聴ボランティア派遣事業",
                "話し相手のいない高齢者が多い",
                "高齢者の孤立を防ぐ",
                "派遣回数",
                "回",
                50,
                400,
            ),
        ),
        16,
    ),
    Section(
        "観光振興課",
        (4, 3),
        (
            Theme(
                "観光ボランティアガイド育成事業",
                "観光客を案内する人が足りない",
                "地域の魅力を伝える案内役を育てる",
                "ガイド登録者数",
                "人",
                10,
                60,
            ),
            Theme(
                "地域の祭り振興事業",
                "祭りの担い手が減っている",
                "地域の祭りを守り観光につなげる",
                "来場者数",
                "人",
                1000,
                20000,
            ),
            Theme(
                "まち歩きマップ作成事業",
                "観光客が回遊する情報が少ない",
                "まちの魅力を発信する",
                "配布部数",
                "部",
                2000,
                20000,
            ),
        ),
        12,
    ),
    Section(
        "防災危機管理課",
        (8, 9),
        (
            Theme(
                "地域防災訓練支援事業",
                "自主防災組織の訓練が形だけになっている",
                "災害に強い地域をつくる",
                "参加者数",
                "人",
                100,
                1500,
            ),
            Theme(
                "災害ボランティアセンター運営訓練",
                "災害時のボランティア受入れの備えが弱い",
                "災害時に支え合う体制をつくる",
                "参加者数",
                "人",
                50,
                400,
            ),
            Theme(
                "防犯パトロール支援事業",
                "通学路の見守りの担い手が減っている",
                "子どもが安心して通える地域をつくる",
                "活動回数",
                "回",
                50,
                500,
            ),
        ),
        11,
    ),
    Section(
        "男女共同参画課",
        (12, 10),
        (
            Theme(
                "男女共同参画セミナー",
                "固定的な役割分担意識が根強い",
                "誰もが活躍できる地域をつくる",
                "参加者数",
                "人",
                50,
                400,
            ),
            Theme(
                "女性のための相談窓口運営事業",
                "悩みを相談できる場が少ない",
                "安心して相談できる場を保つ",
                "相談件数",
                "件",
                100,
                800,
            ),
        ),
        6,
    ),
    Section(
        "国際交流課",
        (11, 2),
        (
            Theme(
                "日本語教室支援事業",
                "外国人住民が日本語を学ぶ場が足りない",
                "外国人住民の暮らしを支える",
                "受講者数",
                "人",
                30,
                300,
            ),
            Theme(
                "国際交流フェスティバル",
                "外国人住民と地域の交流が少ない",
                "多文化共生の地域をつくる",
                "来場者数",
                "人",
                500,
                5000,
            ),
        ),
        6,
    ),
)

#: (氏名, フリガナ, 所属課, 役職): two officers in most 担当課, one in the smaller ones
OFFICERS: tuple[tuple[str, str, str, str], ...] = (
    ("青木 由紀", "アオキ ユキ", "県民生活課", "主査"),
    ("森田 健太", "モリタ ケンタ", "県民生活課", "主任主事"),
    ("岡田 真理", "オカダ マリ", "子ども家庭課", "副主査"),
    ("藤井 亮", "フジイ リョウ", "子ども家庭課", "主事"),
    ("西村 彩", "ニシムラ アヤ", "環境政策課", "主査"),
    ("長谷川 誠司", "ハセガワ セイジ", "健康福祉課", "主任主事"),
    ("村上 美穂", "ムラカミ ミホ", "健康福祉課", "主査"),
    ("石川 大樹", "イシカワ ダイキ", "観光振興課", "主事"),
    ("前田 千尋", "マエダ チヒロ", "防災危機管理課", "副主査"),
    ("小川 恵", "オガワ メグミ", "男女共同参画課", "主査"),
    ("松田 光", "マツダ ヒカル", "国際交流課", "主任主事"),
)

#: series lengths (consecutive 年度) and their weights; the stages a past and this 年度 reach
RUNS = ((1, 40), (2, 22), (3, 16), (4, 12), (5, 10))
PAST_STAGES = ((Stage.FINISHED, 60), (Stage.REVIEW, 20), (Stage.EVALUATION, 20))
CURRENT_STAGES = (
    (Stage.NEEDS, 3),
    (Stage.CONSIDERATION, 5),
    (Stage.SELECTION, 7),
    (Stage.AGREEMENT, 10),
    (Stage.IMPLEMENTATION, 75),
)

#: 形態 and how often it comes up; the kind follows from the form (``kinds_listing_form``)
FORM_WEIGHTS: tuple[tuple[ProjectForm, int], ...] = (
    (ProjectForm.COMMISSION, 22),
    (ProjectForm.SUBSIDY, 25),
    (ProjectForm.CO_HOSTING, 14),
    (ProjectForm.PATRONAGE, 7),
    (ProjectForm.COMMITTEE, 6),
    (ProjectForm.COOPERATION, 10),
    (ProjectForm.INFORMATION, 4),
    (ProjectForm.MATERIAL, 3),
    (ProjectForm.PERSONNEL, 3),
    (ProjectForm.DESIGNATED_MANAGER, 3),
    (ProjectForm.PLANNING, 3),
)
#: the kind of the forms the manual's table does not list under any kind
FORM_KIND_FALLBACK: dict[ProjectForm, RelationshipKind] = {
    ProjectForm.PATRONAGE: RelationshipKind.SUPPORT,
    ProjectForm.MATERIAL: RelationshipKind.SUPPORT,
    ProjectForm.PERSONNEL: RelationshipKind.SUPPORT,
    ProjectForm.INFORMATION: RelationshipKind.COLLABORATION,
    ProjectForm.PLANNING: RelationshipKind.COLLABORATION,
    ProjectForm.DESIGNATED_MANAGER: RelationshipKind.OUTSOURCING,
    ProjectForm.OTHER: RelationshipKind.COLLABORATION,
}
#: 行政負担 in thousands of yen (low, high) by form
ADMIN_BUDGET: dict[ProjectForm, tuple[int, int]] = {
    ProjectForm.COMMISSION: (300, 6_000),
    ProjectForm.SUBSIDY: (100, 1_500),
    ProjectForm.CO_HOSTING: (50, 800),
    ProjectForm.PATRONAGE: (0, 0),
    ProjectForm.COMMITTEE: (200, 3_000),
    ProjectForm.COOPERATION: (0, 300),
    ProjectForm.INFORMATION: (0, 0),
    ProjectForm.MATERIAL: (0, 200),
    ProjectForm.PERSONNEL: (0, 0),
    ProjectForm.DESIGNATED_MANAGER: (10_000, 60_000),
    ProjectForm.PLANNING: (0, 100),
}
#: forms that come with a written agreement (協定書・契約書)
AGREED_FORMS = frozenset(
    {
        ProjectForm.COMMISSION,
        ProjectForm.CO_HOSTING,
        ProjectForm.COMMITTEE,
        ProjectForm.COOPERATION,
        ProjectForm.DESIGNATED_MANAGER,
    }
)
#: selection methods by kind, with weights
METHODS: dict[RelationshipKind, tuple[tuple[SelectionMethod, int], ...]] = {
    RelationshipKind.OUTSOURCING: (
        (SelectionMethod.NOMINATED, 40),
        (SelectionMethod.OPEN_TENDER, 30),
        (SelectionMethod.DISCRETIONARY, 30),
    ),
    RelationshipKind.COLLABORATION: (
        (SelectionMethod.PROPOSAL, 50),
        (SelectionMethod.GROUP_PROPOSAL, 25),
        (SelectionMethod.DISCRETIONARY, 25),
    ),
    RelationshipKind.SUPPORT: ((SelectionMethod.PROPOSAL, 60), (SelectionMethod.GROUP_PROPOSAL, 40)),
}
DISCRETIONARY_REASONS = (
    "地方自治法施行令第167条の2第1項第2号(性質又は目的が競争入札に適さない)による",
    "当該地域で同種の活動実績を持つ唯一の団体であるため",
    "前年度からの継続事業であり、事業の専門性と継続性が必要なため",
)
REVIEW_BODIES = {
    SelectionMethod.PROPOSAL: ("協働事業選定委員会", "補助金審査会", "企画提案審査会"),
    SelectionMethod.OPEN_TENDER: ("入札・契約審査会",),
    SelectionMethod.NOMINATED: ("指名業者選定委員会",),
}
STAGE_NOTES: dict[Stage, str] = {
    Stage.NEEDS: "団体からの相談と前年度の実績から課題を整理",
    Stage.CONSIDERATION: "課内で協働の形態と役割を検討",
    Stage.SELECTION: "選定方法を決め、候補団体を確認",
    Stage.AGREEMENT: "協定書の内容を団体と協議し合意",
    Stage.IMPLEMENTATION: "事業開始",
    Stage.EVALUATION: "実績報告を受け、団体と合同で評価会議を実施",
    Stage.REVIEW: "評価を踏まえ次年度の実施方法を見直し",
    Stage.FINISHED: "事業完了、精算済み",
}
POINT_EVIDENCE: dict[str, str] = {
    "相互理解": "事前の意見交換会で互いの活動と制度を確認",
    "公平性の確保": "選定の方法と理由を記録し公表",
    "対等性の確保": "協定書で双方の役割と責任を対等に規定",
    "役割分担の明確化": "役割分担表を作成し双方で確認",
    "目的の共有": "共通の目的と目標を協議で合意",
    "効果の可視化": "参加者アンケートと実績報告で成果を確認",
}
AGREEMENT_TEXT: dict[str, str] = {
    "目的": "{goal}",
    "期間": "{start}から{end}まで",
    "情報共有の方法と頻度": "月1回の定例打合せと、随時のメール連絡",
    "公開": "事業の内容と結果を県のホームページで公開する",
    "変更・中止": "双方協議のうえ、書面により変更又は中止する",
    "事故・損害の責任と保険": "団体が行事保険に加入し、事故の際は双方で対応を協議する",
    "成果物・著作権の帰属": "成果物の著作権は双方に帰属する",
    "個人情報の取扱い": "参加者の個人情報は事業の目的以外に使わず、終了後に廃棄する",
    "評価の方法と時期": "事業終了後1か月以内に双方で評価会議を開く",
}
