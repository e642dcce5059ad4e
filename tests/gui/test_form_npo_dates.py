"""The organization form keeps the NPO dates it does not show (事業年度終了日, 認定満了日).

The portal import fills them; a save from the form must not blank them.
"""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.gui.organizations.form_panel import OrganizationFormPanel


def test_the_form_carries_the_npo_dates_through_a_save(qtbot: QtBot) -> None:
    panel = OrganizationFormPanel()
    qtbot.addWidget(panel)
    panel.populate(
        OrganizationInput(name="みどりの会", business_year_end="03-31", nintei_expires_on=date(2027, 9, 30))
    )
    collected = panel.collect()
    assert (collected.name, collected.business_year_end, collected.nintei_expires_on) == (
        "みどりの会",
        "03-31",
        date(2027, 9, 30),
    )
    panel.populate(OrganizationInput(name="うみの会"))
    assert (panel.collect().business_year_end, panel.collect().nintei_expires_on) == ("", None)
