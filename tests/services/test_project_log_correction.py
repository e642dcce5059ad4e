"""Correcting a progress log entry: audited, refused when stale or blank; the project's history names it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import NotFoundError, StaleEditError
from kyodo_desktop.services.history import HistoryService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace


def test_a_correction_is_audited_and_a_stale_one_refused(ws: Workspace) -> None:
    svc = ProjectService(ws)
    pid = svc.create(
        ProjectInput(title="清掃", fiscal_year=2025, section="環境課"), stage_on=date(2025, 4, 1)
    )
    svc.add_log(pid, date(2025, 5, 1), "打合せ")
    entry = svc.get(pid).log[0]
    version = svc.get(pid).version
    svc.correct_log(pid, entry.id, date(2025, 5, 2), "打合せ（現地）", expected=entry)
    fixed = svc.get(pid).log[0]
    assert (fixed.occurred_on, fixed.text, fixed.officer) == (date(2025, 5, 2), "打合せ(現地)", entry.officer)
    assert svc.get(pid).version == version  # the log is not the project's version
    with ws.session_factory() as s:
        row = audit.history(s, pid)[-1]
    assert row.action == "log_update"
    assert json.loads(row.changes) == {
        "log_id": [entry.id, entry.id],
        "occurred_on": ["2025-05-01", "2025-05-02"],
        "text": ["打合せ", "打合せ(現地)"],
    }
    with pytest.raises(StaleEditError, match="他の操作で修正されています"):
        svc.correct_log(pid, entry.id, date(2025, 5, 3), "別の修正", expected=entry)  # read before
    with pytest.raises(ValidationErrors, match="経過の内容は必須です"):
        svc.correct_log(pid, entry.id, date(2025, 5, 3), "　", expected=fixed)
    with pytest.raises(NotFoundError):
        svc.correct_log(pid, entry.id + 99, date(2025, 5, 3), "x", expected=fixed)
    svc.correct_log(pid, entry.id, fixed.occurred_on, fixed.text, expected=fixed)  # nothing changed
    with ws.session_factory() as s:
        assert [r.action for r in audit.history(s, pid)].count("log_update") == 1


def test_the_history_of_a_project_names_it_its_partners_and_lead(ws: Workspace) -> None:
    org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"))
    pid = ProjectService(ws).create(
        ProjectInput(title="清掃", fiscal_year=2025, section="環境課", partners=[PartnerInput(org)])
    )
    [created] = HistoryService(ws).for_record(pid)
    assert created.record_name == "清掃" and created.action == "create"
    lead = created.changes["lead_officer_id"][1]
    assert created.names[org] == "みどりの会"
    assert created.names[lead].startswith(ws.officer.name)  # 氏名（所属課）, as a 担当職員 is named
