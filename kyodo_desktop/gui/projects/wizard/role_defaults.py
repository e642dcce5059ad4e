"""The rows the 役割分担表 starts with, per form: the tasks of DEFAULT_ROLE_TASKS and a likely side.

A starting point the officer edits, not a rule: under 委託 the group carries out and the
administration pays; under 補助・助成 the group runs its own project; 共催 and 実行委員会 share
the work; 後援 lends the administration's name and publicity. Forms that are not about running
an event (情報交換, 企画立案への参画) start with fewer rows.
"""

from __future__ import annotations

from kyodo_desktop.domain.project import RoleRowInput
from kyodo_desktop.domain.project_terms import DEFAULT_ROLE_TASKS, ProjectForm, RoleSide

__all__ = ["default_roles"]

_A, _G, _J = RoleSide.ADMINISTRATION, RoleSide.ORGANIZATION, RoleSide.JOINT
_TASKS = DEFAULT_ROLE_TASKS  # 企画, 広報, 会場確保, 参加者募集, 当日運営, 経費負担, 報告書作成, 評価

# For each form: the side of each task of _TASKS, None where the task is left out.
_SIDES: dict[ProjectForm, tuple[RoleSide | None, ...]] = {
    ProjectForm.COMMISSION: (_J, _G, _G, _G, _G, _A, _G, _J),
    ProjectForm.SUBSIDY: (_G, _G, _G, _G, _G, _J, _G, _J),
    ProjectForm.CO_HOSTING: (_J, _J, _A, _J, _J, _J, _J, _J),
    ProjectForm.PATRONAGE: (_G, _A, _G, _G, _G, _G, _G, None),
    ProjectForm.COMMITTEE: (_J, _J, _J, _J, _J, _J, _J, _J),
    ProjectForm.COOPERATION: (_J, _J, _J, _J, _J, _J, _J, _J),
    ProjectForm.PLANNING: (_J, None, None, None, None, None, _A, _J),
    ProjectForm.INFORMATION: (None, _J, None, None, None, None, None, _J),
    ProjectForm.MATERIAL: (_G, _G, _A, _G, _G, _J, _G, _J),
    ProjectForm.PERSONNEL: (_G, _G, _G, _G, _J, _G, _G, _J),
    ProjectForm.DESIGNATED_MANAGER: (_G, _G, _G, _G, _G, _A, _G, _A),
}


def default_roles(form: str) -> list[RoleRowInput]:
    """The starting rows for ``form`` (every task, 共同, for その他 or a form not chosen)."""
    try:
        sides = _SIDES.get(ProjectForm(form), (_J,) * len(_TASKS))
    except ValueError:
        sides = (_J,) * len(_TASKS)
    return [
        RoleRowInput(task=task, side=side.value) for task, side in zip(_TASKS, sides, strict=True) if side
    ]
