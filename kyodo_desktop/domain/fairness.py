"""Fair partner selection (公平性の確保, 固定化の防止): the history, the flags and the report.

The manual asks that partners be chosen transparently and not become fixed. Over plain records —
one :class:`PartnerRecord` per (project, partner) with the 年度, the 担当課, the partner's share of
the budget as recorded, and how it was selected — this module answers:

* :func:`partner_history`: what one organization had with one 担当課 in each of the last five 年度;
* :func:`year_entries`: per 年度, 担当課 and partner, the projects, budget, share and
  consecutive-year run, with each flag (:class:`Reason`, Japanese text and a machine code);
* :func:`fairness_report`: the lines the CLI prints, one per (担当課, partner);
* :func:`alternatives`: other organizations in the same activity field and municipality.

A 担当課's budget in a 年度 is the sum of the shares recorded for its projects that year (what
it gave its partners), so a project with several partners counts each share once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from kyodo_desktop.domain.project_terms import SelectionMethod
from kyodo_desktop.domain.wareki import fiscal_year_label

__all__ = [
    "FairnessLine",
    "FairnessReport",
    "FairnessSettings",
    "OrganizationRecord",
    "PartnerRecord",
    "Reason",
    "ReasonCode",
    "YearEntry",
    "alternatives",
    "consecutive_run",
    "fairness_report",
    "partner_history",
    "year_entries",
    "years_label",
]


@dataclass(frozen=True)
class PartnerRecord:
    """One partner of one project: ``amount`` is its share of the budget in yen, as recorded."""

    project_id: str
    fiscal_year: int
    section: str
    organization_id: str
    amount: int = 0
    selection_method: SelectionMethod | None = None
    selection_reason: str = ""
    applicants: int | None = None


@dataclass(frozen=True)
class OrganizationRecord:
    """What the fairness check needs of a registered organization."""

    id: str
    name: str
    fields: frozenset[int] = frozenset()
    municipality: str = ""
    corporate_number: str = ""


@dataclass(frozen=True)
class FairnessSettings:
    """The levels of the flags: a run of ``consecutive_years`` 年度 or more, a share above
    ``share_limit_percent`` of the 担当課's budget, over ``history_years`` 年度 of history."""

    consecutive_years: int = 3
    share_limit_percent: float = 30.0
    history_years: int = 5

    def __post_init__(self) -> None:
        if self.consecutive_years < 2:
            raise ValueError("連続年度の基準は2以上です")
        if not 0 <= self.share_limit_percent <= 100:
            raise ValueError("予算の割合の基準は0〜100%です")
        if self.history_years < 1:
            raise ValueError("履歴の年度数は1以上です")


class ReasonCode:
    """The machine codes of the flags (stable: scripts read them from ``--json``)."""

    CONSECUTIVE = "consecutive_years"
    DISCRETIONARY_WITHOUT_REASON = "discretionary_without_reason"
    SINGLE_APPLICANT = "single_applicant"
    BUDGET_SHARE = "budget_share"


@dataclass(frozen=True)
class Reason:
    """One flag: its code, its Japanese text, and the 年度 it concerns."""

    code: str
    text: str
    fiscal_year: int

    def as_json(self) -> dict[str, Any]:
        """The flag as a JSON object."""
        return {"code": self.code, "text": self.text, "fiscal_year": self.fiscal_year}


def consecutive_run(years: Iterable[int], ending: int) -> int:
    """How many consecutive 年度 up to and including ``ending`` are in ``years`` (0 if ``ending`` is not)."""
    present = set(years)
    run = 0
    while ending - run in present:
        run += 1
    return run


def years_label(first: int, last: int) -> str:
    """``令和5〜7年度`` for a span within one era, ``平成30年度〜令和2年度`` across two, ``令和7年度`` for one."""
    end = fiscal_year_label(last)
    if first == last:
        return end
    start = fiscal_year_label(first)
    if start[:2] == end[:2] and not start[0].isdigit():
        return f"{start.removesuffix('年度')}〜{end[2:]}"
    return f"{start}〜{end}"


@dataclass(frozen=True)
class YearEntry:
    """One partner with one 担当課 in one 年度: its projects, budget, share, run and flags.

    ``share`` is None when the 担当課 spent nothing that 年度 (no share can be computed).
    """

    fiscal_year: int
    section: str
    organization_id: str
    project_ids: tuple[str, ...]
    budget: int
    section_budget: int
    consecutive_years: int
    reasons: tuple[Reason, ...] = ()

    @property
    def project_count(self) -> int:
        """The number of its projects that 年度."""
        return len(self.project_ids)

    @property
    def share(self) -> Fraction | None:
        """Its share of the 担当課's budget that 年度."""
        return Fraction(self.budget, self.section_budget) if self.section_budget else None


def _percent_text(share: Fraction, limit: Fraction) -> str:
    """A share as a whole percent, or with one decimal where the whole percent would not exceed the limit."""
    percent = share * 100
    whole = int(percent + Fraction(1, 2))
    if whole > limit * 100:
        return f"{whole}%"
    return f"{float(percent):.1f}%"


def _reasons(
    records: Sequence[PartnerRecord],
    fiscal_year: int,
    run: int,
    budget: int,
    section_budget: int,
    settings: FairnessSettings,
) -> tuple[Reason, ...]:
    """The flags of one (年度, 担当課, partner)."""
    reasons: list[Reason] = []
    label = fiscal_year_label(fiscal_year)
    if run >= settings.consecutive_years:
        span = years_label(fiscal_year - run + 1, fiscal_year)
        reasons.append(Reason(ReasonCode.CONSECUTIVE, f"{run}年度連続（{span}）", fiscal_year))
    unexplained = sum(
        1
        for record in records
        if record.selection_method is SelectionMethod.DISCRETIONARY and not record.selection_reason.strip()
    )
    if unexplained:
        count = f"、{unexplained}件" if unexplained > 1 else ""
        reasons.append(
            Reason(
                ReasonCode.DISCRETIONARY_WITHOUT_REASON,
                f"随意契約の理由が未記録（{label}{count}）",
                fiscal_year,
            )
        )
    single = sum(1 for record in records if record.applicants == 1)
    if single:
        count = f"、{single}件" if single > 1 else ""
        reasons.append(Reason(ReasonCode.SINGLE_APPLICANT, f"応募1者（{label}{count}）", fiscal_year))
    limit = Fraction(str(settings.share_limit_percent)) / 100
    if section_budget > 0 and Fraction(budget, section_budget) > limit:
        percent = _percent_text(Fraction(budget, section_budget), limit)
        reasons.append(Reason(ReasonCode.BUDGET_SHARE, f"予算の{percent}（{label}）", fiscal_year))
    return tuple(reasons)


def year_entries(
    records: Iterable[PartnerRecord],
    settings: FairnessSettings | None = None,
    fiscal_year: int | None = None,
) -> list[YearEntry]:
    """Every (年度, 担当課, partner) of ``records`` with its figures and flags, sorted by 年度,
    担当課 and organization id (only those of ``fiscal_year`` when given: the other years' flags
    are not worked out). A run counts back through all of ``records``; a 年度 without a project
    breaks it."""
    settings = settings or FairnessSettings()
    groups: dict[tuple[int, str, str], list[PartnerRecord]] = defaultdict(list)
    section_budgets: dict[tuple[int, str], int] = defaultdict(int)
    years: dict[tuple[str, str], set[int]] = defaultdict(set)
    for record in records:
        groups[record.fiscal_year, record.section, record.organization_id].append(record)
        section_budgets[record.fiscal_year, record.section] += record.amount
        years[record.section, record.organization_id].add(record.fiscal_year)
    entries: list[YearEntry] = []
    for (fy, section, org_id), group in sorted(groups.items()):
        if fiscal_year is not None and fy != fiscal_year:
            continue
        budget = sum(record.amount for record in group)
        section_budget = section_budgets[fy, section]
        run = consecutive_run(years[section, org_id], fy)
        entries.append(
            YearEntry(
                fiscal_year=fy,
                section=section,
                organization_id=org_id,
                project_ids=tuple(dict.fromkeys(record.project_id for record in group)),
                budget=budget,
                section_budget=section_budget,
                consecutive_years=run,
                reasons=_reasons(group, fy, run, budget, section_budget, settings),
            )
        )
    return entries


def partner_history(
    records: Iterable[PartnerRecord],
    organization_id: str,
    section: str,
    until: int,
    settings: FairnessSettings | None = None,
) -> list[YearEntry]:
    """What ``organization_id`` had with ``section`` in each of the ``history_years`` 年度 up to
    ``until`` (oldest first); a 年度 without a project is an entry with no projects and budget 0.

    The wizard passes the new project's 年度 as ``until`` with the candidate's record among
    ``records``, so the flags are those the choice would bring.
    """
    settings = settings or FairnessSettings()
    first = until - settings.history_years + 1
    relevant = [record for record in records if record.section == section and record.fiscal_year <= until]
    by_year = {
        entry.fiscal_year: entry
        for entry in year_entries(relevant, settings)
        if entry.organization_id == organization_id and entry.fiscal_year >= first
    }
    section_budgets: dict[int, int] = defaultdict(int)
    for record in relevant:
        section_budgets[record.fiscal_year] += record.amount
    return [
        by_year.get(fy)
        or YearEntry(fy, section, organization_id, (), 0, section_budgets[fy], consecutive_years=0)
        for fy in range(first, until + 1)
    ]


@dataclass(frozen=True)
class FairnessLine:
    """One (担当課, partner) over the report's 年度: the CLI's line and JSON object."""

    section: str
    organization: OrganizationRecord
    entries: tuple[YearEntry, ...]
    reasons: tuple[Reason, ...]

    @property
    def fiscal_years(self) -> list[int]:
        """The 年度 in which it had projects with the 担当課."""
        return [entry.fiscal_year for entry in self.entries]

    @property
    def consecutive_years(self) -> int:
        """Its longest run of consecutive 年度 ending within the report."""
        return max((entry.consecutive_years for entry in self.entries), default=0)

    @property
    def project_count(self) -> int:
        """Its projects with the 担当課 in the report's 年度."""
        return sum(entry.project_count for entry in self.entries)

    @property
    def budget(self) -> int:
        """Its budget with the 担当課 in the report's 年度."""
        return sum(entry.budget for entry in self.entries)

    @property
    def budget_share(self) -> Fraction | None:
        """Its budget over the 担当課's budget in the same 年度; None if the 担当課 spent nothing."""
        total = sum(entry.section_budget for entry in self.entries)
        return Fraction(self.budget, total) if total else None

    @property
    def flagged(self) -> bool:
        """Whether it has a flag (the CLI prints only these)."""
        return bool(self.reasons)

    def tsv(self) -> str:
        """``ORG_ID<TAB>担当課<TAB>団体名<TAB>REASONS`` (the reasons joined with 「、」)."""
        cells = (
            str(self.organization.id),
            self.section,
            self.organization.name,
            "、".join(r.text for r in self.reasons),
        )
        return "\t".join(" ".join(cell.split()) for cell in cells)

    def as_json(self) -> dict[str, Any]:
        """The line as a JSON object; ``budget_share`` a fraction of 1 rounded to 4 places (or null)."""
        share = self.budget_share
        return {
            "section": self.section,
            "organization_id": self.organization.id,
            "name": self.organization.name,
            "corporate_number": self.organization.corporate_number,
            "fiscal_years": self.fiscal_years,
            "consecutive_years": self.consecutive_years,
            "project_count": self.project_count,
            "budget": self.budget,
            "budget_share": None if share is None else round(float(share), 4),
            "reasons": [reason.as_json() for reason in self.reasons],
            "by_year": [
                {
                    "fiscal_year": entry.fiscal_year,
                    "project_count": entry.project_count,
                    "budget": entry.budget,
                    "section_budget": entry.section_budget,
                    "budget_share": None if entry.share is None else round(float(entry.share), 4),
                    "consecutive_years": entry.consecutive_years,
                    "reasons": [reason.as_json() for reason in entry.reasons],
                }
                for entry in self.entries
            ],
        }


@dataclass(frozen=True)
class FairnessReport:
    """The fairness report: per 年度 and 担当課 (``entries``) and per (担当課, partner) (``lines``)."""

    entries: tuple[YearEntry, ...]
    lines: tuple[FairnessLine, ...]

    @property
    def flagged_lines(self) -> list[FairnessLine]:
        """The lines with a flag."""
        return [line for line in self.lines if line.flagged]


def _line_reasons(entries: Sequence[YearEntry]) -> tuple[Reason, ...]:
    """The flags of a line: each entry's, but a run only where it ends within the report (a run of
    five 年度 is one flag, not three)."""
    years = {entry.fiscal_year for entry in entries}
    return tuple(
        reason
        for entry in entries
        for reason in entry.reasons
        if reason.code != ReasonCode.CONSECUTIVE or entry.fiscal_year + 1 not in years
    )


def fairness_report(
    records: Iterable[PartnerRecord],
    organizations: Mapping[str, OrganizationRecord],
    fiscal_year: int | None = None,
    settings: FairnessSettings | None = None,
) -> FairnessReport:
    """The report over all ``records``, or over one 年度 (runs still count the years before it).

    An organization missing from ``organizations`` (deleted since) is reported by id with an empty name.
    """
    records = [record for record in records if fiscal_year is None or record.fiscal_year <= fiscal_year]
    entries = year_entries(records, settings, fiscal_year)
    by_pair: dict[tuple[str, str], list[YearEntry]] = defaultdict(list)
    for entry in entries:
        by_pair[entry.section, entry.organization_id].append(entry)
    lines = tuple(
        FairnessLine(
            section=section,
            organization=organizations.get(org_id) or OrganizationRecord(org_id, ""),
            entries=tuple(pair_entries),
            reasons=_line_reasons(pair_entries),
        )
        for (section, org_id), pair_entries in sorted(by_pair.items())
    )
    return FairnessReport(entries=tuple(entries), lines=lines)


def alternatives(
    organizations: Iterable[OrganizationRecord],
    fields: Iterable[int],
    municipality: str,
    exclude: Iterable[str] = (),
    limit: int | None = None,
) -> list[OrganizationRecord]:
    """Other organizations in ``municipality`` sharing an activity field with ``fields``: most
    shared fields first, then by name. None without a municipality or fields to compare."""
    wanted = frozenset(fields)
    excluded = set(exclude)
    if not wanted or not municipality:
        return []
    found = [
        org
        for org in organizations
        if org.id not in excluded and org.municipality == municipality and org.fields & wanted
    ]
    found.sort(key=lambda org: (-len(org.fields & wanted), org.name, org.id))
    return found if limit is None else found[:limit]
