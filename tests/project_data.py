"""Projects over several 年度 for the fairness check and the project sheets.

市民協働課: みどりの会 leads a 委託 in 令和4, 5 and 6年度 (three consecutive 年度) with
1,000,000円 each; in 令和6年度 ひかりネット leads a 随意契約 without a reason (600,000円, 若葉クラブ
as 協力団体) and 若葉クラブ leads a 共催 chosen from one applicant (400,000円). So in 令和6年度
the 課's budget is 2,000,000円: みどりの会 50 %, ひかりネット 30 % (not above 30 %), 若葉クラブ
20 %. 令和4 and 5年度 also hold 海辺の会 (3,000,000円 each), so みどりの会's share there is 25 %.
A draft and a trashed project of 令和6年度 must not count. 花の会 shares みどりの会's field and
municipality (an alternative); 海辺の会 is in another municipality.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import (
    PartnerInput,
    PointCheck,
    ProjectInput,
    RoleRowInput,
    SelectionInput,
    TargetInput,
)
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

SECTION = "市民協働課"
FORMULA_TITLE = '=HYPERLINK("http://example.com","x")'


@dataclass
class Built:
    """The ids of what :func:`build` stored."""

    midori: str
    hikari: str
    wakaba: str
    hana: str
    umibe: str
    main_2024: str  # みどりの会's 令和6年度 委託, with every list filled
    discretionary: str
    single: str
    draft: str
    trashed: str
    formula: str  # 環境保全課's project whose 事業名 starts with =


def _org(svc: OrganizationService, name: str, municipality: str, fields: list[int], number: str = "") -> str:
    return svc.create(
        OrganizationInput(name=name, municipality_name=municipality, fields=fields, corporate_number=number),
        allow_duplicate=True,
    )


def _project(
    title: str,
    fy: int,
    partners: list[tuple[str, str]],
    amount: int,
    *,
    section: str = SECTION,
    form: str = "委託",
    method: str = "公募・企画提案",
    applicants: int | None = 3,
    reason: str = "企画提案の審査による",
) -> ProjectInput:
    return ProjectInput(
        title=title,
        fiscal_year=fy,
        section=section,
        partners=[PartnerInput(org_id, role) for org_id, role in partners],
        relationship_kind="協働",
        form=form,
        fields=[2],
        budget={"行政負担": amount},
        selection=SelectionInput(method=method, applicant_count=applicants, reason=reason),
    )


def build(ws: Workspace) -> Built:
    """Store the organizations and projects of this module's docstring."""
    orgs = OrganizationService(ws)
    midori = _org(orgs, "みどりの会", "千葉市", [2, 13], "7000012050002")
    hikari = _org(orgs, "ひかりネット", "千葉市", [13])
    wakaba = _org(orgs, "若葉クラブ", "千葉市", [1])
    hana = _org(orgs, "花の会", "千葉市", [2])
    umibe = _org(orgs, "海辺の会", "銚子市", [2])
    svc = ProjectService(ws)
    main = "主たるパートナー"
    for fy in (2022, 2023):
        svc.create(_project(f"公園の花壇づくり（{fy}）", fy, [(midori, main)], 1_000_000))
        svc.create(_project(f"海岸清掃（{fy}）", fy, [(umibe, main)], 3_000_000))
    full = _project("公園の花壇づくり", 2024, [(midori, main)], 1_000_000)
    full.budget = {"行政負担": 1_000_000, "団体負担": 200_000, "その他収入": 50_000}
    full.purposes = {
        "地域課題": "公園の花壇が荒れている",
        "行政の目的": "公園を憩いの場にする",
        "団体の目的": "緑を増やす",
        "共通の目的": "地域の人が集う公園づくり",
    }
    full.targets = [TargetInput("花壇の数", "10か所", date(2025, 3, 31))]
    full.period_start = date(2024, 4, 1)
    full.roles = [
        RoleRowInput("企画", "共同", "山田・佐藤", "月1回の打合せ"),
        RoleRowInput("広報", "行政", "山田", "市報に掲載"),
        RoleRowInput("当日運営", "団体", "佐藤", ""),
    ]
    full.points = {"相互理解": PointCheck("確認済", "打合せ3回")}
    main_2024 = svc.create(full)
    discretionary = svc.create(
        _project(
            "子ども食堂の支援",
            2024,
            [(hikari, main), (wakaba, "協力団体")],
            600_000,
            form="補助・助成",
            method="随意契約",
            applicants=None,
            reason="",
        )
    )
    single = svc.create(_project("夏祭り", 2024, [(wakaba, main)], 400_000, form="共催", applicants=1))
    draft = svc.create(_project("下書きの事業", 2024, [(midori, main)], 9_000_000), draft=True)
    trashed = svc.create(_project("取り消した事業", 2024, [(hikari, main)], 9_000_000))
    svc.delete(trashed)
    formula = svc.create(
        _project(FORMULA_TITLE, 2024, [(hana, main)], 100_000, section="環境保全課", applicants=2)
    )
    return Built(
        midori, hikari, wakaba, hana, umibe, main_2024, discretionary, single, draft, trashed, formula
    )
