"""Input records for groups, their contacts and interactions, with whole-record validation.

The GUI, the importers and the CLI all build these plain dataclasses and pass them through the
validate_* functions, so every entry path stores the same normalised text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date

import jaconv

from kyodo_desktop.domain.fields import (
    ACTIVITY_FIELDS,
    InteractionKind,
    OrgStatus,
    legal_form_from_name,
    normalize_legal_form,
)
from kyodo_desktop.domain.handover_dates import parse_month_day
from kyodo_desktop.domain.municipalities import (
    CHIBA_MUNICIPALITIES,
    municipality_code,
    municipality_from_address,
    municipality_name,
)
from kyodo_desktop.domain.text import (
    CharMap,
    duplicate_key,
    fold_variants,
    nfkc,
    normalize_nfkc,
    search_fold_parts,
)
from kyodo_desktop.domain.validation import (
    ValidationError,
    ValidationErrors,
    normalize_corporate_number,
    normalize_email,
    normalize_phone,
    normalize_postal,
    normalize_url,
    unsafe_character_errors,
)

__all__ = [
    "ContactInput",
    "InteractionInput",
    "OrganizationInput",
    "clean_katakana",
    "derived_columns",
    "nfkc_multiline",
    "raise_if_any",
    "search_blob",
    "validate_contact",
    "validate_interaction",
    "validate_organization",
]


@dataclasses.dataclass(slots=True)
class OrganizationInput:
    """A group (団体) as entered or imported; text fields are free text until validated."""

    name: str = ""
    kana: str = ""
    legal_form: str = ""
    corporate_number: str = ""
    municipality_code: str = ""
    municipality_name: str = ""
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    representative: str = ""
    representative_kana: str = ""
    purpose: str = ""
    status: str = OrgStatus.ACTIVE.value
    tags: str = ""
    notes: str = ""
    established_on: date | None = None
    certified_on: date | None = None
    member_count: int | None = None
    fields: list[int] = dataclasses.field(default_factory=list)
    #: an NPO's 事業年度終了日 as "MM-DD" ("" unknown): its 事業報告書 is due three months after
    business_year_end: str = ""
    #: 認定満了日 of a 認定NPO法人 (renewal is applied for six to three months before)
    nintei_expires_on: date | None = None


@dataclasses.dataclass
class ContactInput:
    """A contact person (担当者) at a group."""

    name: str = ""
    kana: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    is_primary: bool = False


@dataclasses.dataclass
class InteractionInput:
    """One contact between an officer and a group (面談, 電話, 会議 …) with an optional follow-up date."""

    occurred_on: date
    kind: str
    summary: str
    officer: str = ""
    next_action_on: date | None = None
    #: the 担当者 spoken with: the id of one of the organization's contacts, or None
    contact_id: str | None = None


def nfkc_multiline(text: str | None) -> str:
    """NFKC for free-text paragraphs: like nfkc() per line, but line breaks are kept.

    nfkc() collapses newlines, which would flatten 活動目的 and 備考 into one line.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # One NFKC for all lines: it neither makes nor removes a line feed, and nothing composes
    # across one, so this is nfkc() of each line.
    text = normalize_nfkc(text)
    if _SPACE_BUT_NEWLINE.search(text) is None:
        return text.strip("\n")  # nothing to collapse (the usual 目的 text)
    return "\n".join([" ".join(line.split()) for line in text.split("\n")]).strip("\n")


# Whitespace other than the line feed (the same set str.split() splits on).
_SPACE_BUT_NEWLINE = re.compile(r"[^\S\n]")


def clean_katakana(text: str | None) -> str:
    """Readings (フリガナ) are stored in full-width katakana whatever the user typed."""
    # NFKC first turns half-width ｶﾅ into full-width カナ, so only hiragana is left to convert.
    text = nfkc(text)
    return _HIRA2KATA(text)


# jaconv.hira2kata, a per-character table over the hiragana block (most readings arrive in
# katakana already, and then nothing is translated)
_HIRA2KATA = CharMap.probed(lambda c: str(jaconv.hira2kata(c)), 0x3040, 0x309F)


# Tags are typed as a comma list in either script: "子育て、食育, 防災".
_TAG_SEPARATORS = re.compile(r"[,、]")


def _normalize_tags(text: str) -> str:
    """Split a tag list on , or 、, drop blanks and repeats, and join with ", "."""
    tags: list[str] = []
    for part in _TAG_SEPARATORS.split(nfkc(text)):
        tag = part.strip()
        if tag and tag not in tags:
            tags.append(tag)
    return ", ".join(tags)


_Normalizer = Callable[[str, str], str]


def _attempt(errors: list[ValidationError], field: str, normalize: _Normalizer, value: str) -> str:
    """Run one field normaliser; on error record it and keep the raw value so checking goes on."""
    try:
        return normalize(value, field)
    except ValidationError as error:
        errors.append(error)
        return value


def _resolve_municipality(
    data: OrganizationInput, address: str, errors: list[ValidationError]
) -> tuple[str, str]:
    """Settle (municipality_code, municipality_name) from the code, the name, or the address.

    A code must be a 千葉県 code and wins over the name; a 千葉県 name gets its code; any other name
    is kept as free text (groups based outside the prefecture); with neither, the address decides.
    """
    code = nfkc(data.municipality_code)
    name = nfkc(data.municipality_name)
    if code:
        if code not in CHIBA_MUNICIPALITIES:
            errors.append(ValidationError("municipality_code", f"千葉県の市町村コードではありません: {code}"))
            return code, name
        return code, municipality_name(code)
    if name:
        resolved = municipality_code(name)
        return (resolved, municipality_name(resolved)) if resolved else ("", name)
    resolved = municipality_from_address(address)
    return (resolved, municipality_name(resolved)) if resolved else ("", "")


_STATUS_VALUES = frozenset(s.value for s in OrgStatus)
_KIND_VALUES = frozenset(k.value for k in InteractionKind)


def _choices(enum: type[OrgStatus] | type[InteractionKind]) -> str:
    """「a」「b」「c」 — the allowed values as quoted in an error message."""
    return "".join(f"「{member.value}」" for member in enum)


def _field_order(cls: type) -> dict[str, int]:
    """Position of each dataclass attribute, so errors are reported in form order."""
    return {f.name: i for i, f in enumerate(dataclasses.fields(cls))}


def raise_if_any(errors: list[ValidationError], cls: type) -> None:
    """Raise all collected errors at once, sorted by the position of their field on the form."""
    if errors:
        order = _field_order(cls)
        raise ValidationErrors(sorted(errors, key=lambda e: order.get(e.field, len(order))))


# The fields of free text, checked for control characters (phone, e-mail, postal code and 法人番号
# allow digits and a few signs only; their own checks refuse the rest), with their form labels.
_LABELS = {
    "name": "団体名",
    "kana": "フリガナ",
    "legal_form": "法人格",
    "municipality_name": "市町村",
    "address": "住所",
    "website": "ウェブサイト",
    "representative": "代表者",
    "representative_kana": "代表者フリガナ",
    "purpose": "活動目的",
    "status": "状態",
    "tags": "タグ",
    "notes": "備考",
}
_FREE_TEXT = tuple(_LABELS)
_CONTACT_LABELS = {"name": "氏名", "kana": "フリガナ", "role": "役職"}
_INTERACTION_LABELS = {"summary": "内容", "officer": "担当職員"}


def _business_year_end(text: str, errors: list[ValidationError]) -> str:
    """「03/31」「3月31日」「03-31」 → "03-31"; "" stays ""; anything else is an error."""
    if not nfkc(text):
        return ""
    month_day = parse_month_day(text)
    if month_day is None:
        errors.append(
            ValidationError("business_year_end", "事業年度終了日は月/日で入力してください（例: 03/31）")
        )
        return text
    return f"{month_day[0]:02d}-{month_day[1]:02d}"


def validate_organization(data: OrganizationInput) -> OrganizationInput:
    """Return a normalised copy of a group record, or raise ValidationErrors listing every problem."""
    errors: list[ValidationError] = []

    name = nfkc(data.name)
    if not name:
        errors.append(ValidationError("name", "団体名は必須です"))

    try:
        # a blank 法人格 is read from the name (公益財団法人…, NPO法人…), wherever a record is saved
        legal_form = normalize_legal_form(data.legal_form) or legal_form_from_name(name)
    except ValidationError as error:
        errors.append(error)
        legal_form = data.legal_form

    address = nfkc(data.address)
    code, muni_name = _resolve_municipality(data, address, errors)

    fields: list[int] = []
    for value in data.fields:
        # bool is an int subclass; a stray True must not become 活動分野 1.
        if isinstance(value, bool) or not isinstance(value, int) or value not in ACTIVITY_FIELDS:
            errors.append(ValidationError("fields", f"活動分野は1〜20の番号で指定してください: {value}"))
        elif value not in fields:
            fields.append(value)

    if data.member_count is not None and data.member_count < 0:
        errors.append(ValidationError("member_count", "会員数は0以上の数で入力してください"))

    # A blank status comes from imports without that column; a new record is an active group.
    status = nfkc(data.status) or OrgStatus.ACTIVE.value
    if status not in _STATUS_VALUES:
        errors.append(ValidationError("status", f"状態は{_choices(OrgStatus)}のいずれかです"))

    # Every field named (no dataclasses.replace: imports call this 60,000 times in a row);
    # test_every_field_is_carried_over keeps this list complete.
    result = OrganizationInput(
        name=name,
        kana=clean_katakana(data.kana),
        legal_form=legal_form,
        corporate_number=_attempt(
            errors, "corporate_number", normalize_corporate_number, data.corporate_number
        ),
        municipality_code=code,
        municipality_name=muni_name,
        postal_code=_attempt(errors, "postal_code", normalize_postal, data.postal_code),
        address=address,
        phone=_attempt(errors, "phone", normalize_phone, data.phone),
        fax=_attempt(errors, "fax", normalize_phone, data.fax),
        email=_attempt(errors, "email", normalize_email, data.email),
        website=_attempt(errors, "website", normalize_url, data.website),
        representative=nfkc(data.representative),
        representative_kana=clean_katakana(data.representative_kana),
        purpose=nfkc_multiline(data.purpose),
        status=status,
        tags=_normalize_tags(data.tags),
        notes=nfkc_multiline(data.notes),
        established_on=data.established_on,
        certified_on=data.certified_on,
        member_count=data.member_count,
        fields=sorted(fields),
        business_year_end=_business_year_end(data.business_year_end, errors),
        nintei_expires_on=data.nintei_expires_on,
    )
    failed = {error.field for error in errors}  # their raw value is kept: checked already
    errors.extend(
        unsafe_character_errors({f: getattr(result, f) for f in _FREE_TEXT if f not in failed}, _LABELS)
    )
    raise_if_any(errors, OrganizationInput)
    return result


def validate_contact(data: ContactInput) -> ContactInput:
    """Return a normalised copy of a contact person, or raise ValidationErrors."""
    errors: list[ValidationError] = []
    name = nfkc(data.name)
    if not name:
        errors.append(ValidationError("name", "氏名は必須です"))
    result = dataclasses.replace(
        data,
        name=name,
        kana=clean_katakana(data.kana),
        role=nfkc(data.role),
        phone=_attempt(errors, "phone", normalize_phone, data.phone),
        email=_attempt(errors, "email", normalize_email, data.email),
        is_primary=bool(data.is_primary),
    )
    errors.extend(
        unsafe_character_errors(
            {"name": result.name, "kana": result.kana, "role": result.role}, _CONTACT_LABELS
        )
    )
    raise_if_any(errors, ContactInput)
    return result


def validate_interaction(data: InteractionInput) -> InteractionInput:
    """Return a normalised copy of an interaction record, or raise ValidationErrors."""
    errors: list[ValidationError] = []
    # The type says date, but GUI and import code may still hand over None for an empty cell.
    if not isinstance(data.occurred_on, date):
        errors.append(ValidationError("occurred_on", "日付は必須です"))
    kind = nfkc(data.kind)
    if kind not in _KIND_VALUES:
        errors.append(ValidationError("kind", f"種別は{_choices(InteractionKind)}のいずれかです"))
    summary = nfkc_multiline(data.summary)
    if not summary:
        errors.append(ValidationError("summary", "内容は必須です"))
    if (
        isinstance(data.occurred_on, date)
        and data.next_action_on is not None
        and data.next_action_on < data.occurred_on
    ):
        errors.append(ValidationError("next_action_on", "次回対応日は対応日以降の日付にしてください"))
    result = dataclasses.replace(
        data, kind=kind, summary=summary, officer=nfkc(data.officer), contact_id=data.contact_id or None
    )
    errors.extend(
        unsafe_character_errors({"summary": summary, "officer": result.officer}, _INTERACTION_LABELS)
    )
    raise_if_any(errors, InteractionInput)
    return result


def search_blob(org: OrganizationInput) -> str:
    """The text a group is found by: folded fields joined by U+001F so a term never spans two fields.

    When the fields hold a 表記ゆれ word (子供, 障がい, 街づくり), the blob is followed by itself
    with those words in their one spelling (:func:`~kyodo_desktop.domain.text.fold_variants`,
    which folds the query's terms as well): a query of any spelling finds the record, and the
    spelling as typed still finds it letter by letter while a term is being typed (子ど).
    """
    muni = org.municipality_name or municipality_name(org.municipality_code)
    parts = (
        org.name,
        org.kana,
        org.address,
        org.representative,
        org.representative_kana,
        org.corporate_number,
        org.tags,
        muni,
    )
    blob = "\x1f".join(search_fold_parts(parts))
    folded = fold_variants(blob)
    return blob if folded == blob else f"{blob}\x1f{folded}"


def derived_columns(org: OrganizationInput, *, dup_key: str | None = None) -> dict[str, str]:
    """The stored columns computed from a group's fields: ``dup_key`` and ``search_text``.

    Every save computes them here, and a migration that changes the folding recomputes them
    here, so stored keys and the current rules never differ. ``dup_key`` may be passed in when
    the caller has folded the name already (the import does, once per row).
    """
    return {
        "dup_key": duplicate_key(org.name) if dup_key is None else dup_key,
        "search_text": search_blob(org),
    }
