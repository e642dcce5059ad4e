"""``kyodo import`` on a government list: two-row header, 名称及び住所, 和暦 dates, --column, templates."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.settings import load_settings
from kyodo_desktop.services.workspace import Workspace


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _stored(data_dir: Path) -> dict[str, OrganizationInput]:
    with Workspace.open(data_dir, write=False) as ws:
        service = OrganizationService(ws)
        return {name: service.get(org_id).data for org_id, name in service.search("")}


def test_the_contract_sheet_imports_by_itself(
    data_dir: Path, government_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(data_dir, capsys, "import", str(government_list))
    assert code == 0, err
    assert "契約の相手方 商号又は名称→name" in out and "契約の相手方 住所→address" in out
    assert "取り込みました: 新規 3 件" in out
    stored = _stored(data_dir)
    assert set(stored) == {"公益財団法人みらい育成協会", "NPO法人つばさの会", "(一社)ひかり"}
    mirai = stored["公益財団法人みらい育成協会"]
    assert (mirai.address, mirai.legal_form, mirai.established_on) == (
        "東京都千代田区霞が関1-1-1",
        "公益財団法人",
        datetime.date(2019, 5, 10),
    )
    tsubasa = stored["NPO法人つばさの会"]
    assert (tsubasa.legal_form, tsubasa.established_on, tsubasa.municipality_name) == (
        "特定非営利活動法人",
        datetime.date(2020, 4, 1),
        "千葉市",
    )
    hikari = stored["(一社)ひかり"]
    assert (hikari.legal_form, hikari.established_on) == ("一般社団法人", datetime.date(2021, 4, 1))


def test_the_grant_sheet_with_columns_chosen_and_saved_as_a_template(
    data_dir: Path, government_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(
        data_dir,
        capsys,
        "import",
        str(government_list),
        "--sheet",
        "補助金",
        "--header-row",
        "2",
        "--column",
        "設立日=B",
        "--column",
        "代表者=代表者名",
        "--save-mapping",
        "補助金一覧",
    )
    assert code == 0, err
    assert "取り込みました: 新規 3 件" in out
    assert "列の対応をテンプレート「補助金一覧」に保存しました" in out
    stored = _stored(data_dir)
    assert set(stored) == {"公益財団法人画像情報教育振興協会", "社会福祉法人さくら会", "一般財団法人みなと"}
    gazo = stored["公益財団法人画像情報教育振興協会"]
    assert (gazo.address, gazo.legal_form, gazo.established_on, gazo.representative) == (
        "東京都中央区銀座1丁目8番16号",
        "公益財団法人",
        datetime.date(2020, 4, 1),
        "画像 太郎",
    )
    sakura = stored["社会福祉法人さくら会"]
    assert (sakura.address, sakura.legal_form, sakura.established_on) == (
        "千葉県柏市柏1-1-1",
        "社会福祉法人",
        datetime.date(2019, 4, 1),
    )
    assert stored["一般財団法人みなと"].address.endswith("千葉市中央区都町2-2")
    template = load_settings(data_dir)["import_mappings"]["補助金一覧"]
    assert template["補助金交付先名（名称及び住所）"] == "name"
    assert template["交付決定日"] == "established_on"
    assert template["担当者名"] == "ignore"

    # the template alone maps the same list again: nothing new, nothing changed
    code, out, err = _run(
        data_dir, capsys, "import", str(government_list), "--sheet", "補助金", "--mapping", "補助金一覧"
    )
    assert code == 0, err
    assert "交付決定日→established_on" in out and "新規 0" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--column", "団体番号=A"], "取り込み先「団体番号」はありません"),
        (["--column", "団体名=見出しにない列"], "見出し「見出しにない列」の列はありません"),
        (["--column", "団体名=ZZ"], "ZZ列はありません（この表はA列〜F列です）"),
        (["--column", "団体名"], "--column は 取り込み先=見出し"),
        (["--header-row", "0"], "--header-row は1以上"),
    ],
)
def test_a_wrong_column_choice_is_a_usage_error_in_japanese(
    data_dir: Path, government_list: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    _run(data_dir, capsys, "orgs", "add", "--name", "既存の会")
    code, out, err = _run(data_dir, capsys, "import", str(government_list), "--dry-run", *args)
    assert code == 2, (out, err)
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_column_letter_moves_a_target_and_dry_run_writes_nothing(
    data_dir: Path, government_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(data_dir, capsys, "orgs", "add", "--name", "既存の会")
    # 団体名 put on the address column: the proposed 商号又は名称 column is no longer imported
    code, out, _ = _run(data_dir, capsys, "import", str(government_list), "--dry-run", "--column", "団体名=C")
    assert "契約の相手方 住所→name" in out and "商号又は名称→name" not in out
    assert code == 0
    assert [row["name"] for row in json.loads(_run(data_dir, capsys, "orgs", "search", "", "--json")[1])] == [
        "既存の会"
    ]
