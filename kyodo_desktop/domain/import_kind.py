"""What an import is made of: its targets (field, label, synonyms, parser) and its row converter.

An :class:`ImportKind` is all the import pipeline (:mod:`kyodo_desktop.services.import_pipeline`)
and the wizard's file, mapping and review pages need to know about what is imported. The
organization import (:data:`kyodo_desktop.domain.column_mapping.ORGANIZATIONS`) is the first; the
imports to come (past projects, partner evaluation forms) name their own targets and converter.

The column-mapping rules are written once here, over a kind's targets: a proposal from the
headers (:meth:`ImportKind.propose_mapping`), a saved template applied to new headers
(:meth:`ImportKind.mapping_from_template`) and why a mapping cannot be used
(:meth:`ImportKind.mapping_problems`). Pure: no file access.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.importing import ImportFileError, ImportRow
from kyodo_desktop.domain.text import nfkc, search_fold

__all__ = [
    "IGNORE",
    "CellParser",
    "ColumnChoiceError",
    "ImportKind",
    "ImportTarget",
    "RowConverter",
    "column_index",
    "column_label",
    "column_letter",
    "header_key",
]

#: The column is not imported (every kind offers it).
IGNORE = "ignore"
#: The label of :data:`IGNORE` in the mapping step.
IGNORE_LABEL = QT_TRANSLATE_NOOP("ImportTarget", "取り込まない")

#: ``parser(text) -> (value, problems)``: a cell's text as the target's value, and what is wrong
#: with it (Japanese, empty when nothing is).
CellParser = Callable[[str], tuple[Any, Sequence[str]]]


class RowConverter(Protocol):
    """Turns one source row into an :class:`ImportRow` through a column mapping (None: blank)."""

    def __call__(
        self,
        mapping: Mapping[int, str],
        cells: Sequence[str],
        row_number: int,
        sheet: str = "",
        *,
        headers: Sequence[str] = (),
    ) -> ImportRow[Any] | None: ...


class ColumnChoiceError(ImportFileError):
    """A column choice (``--column 団体名=B``) naming a target, header or column that is not there."""


_LETTERS_RE = re.compile(r"[A-Z]{1,3}")


def column_index(letters: str) -> int | None:
    """The 0-based index of Excel column letters (A → 0, AA → 26); None when not letters."""
    text = nfkc(letters).strip().upper()
    if not _LETTERS_RE.fullmatch(text):
        return None
    number = 0
    for ch in text:
        number = number * 26 + ord(ch) - ord("A") + 1
    return number - 1


@dataclasses.dataclass(frozen=True, slots=True)
class ImportTarget:
    """One thing a column can be imported as: ``field`` (the key stored in mappings and
    templates), ``label`` (shown in the mapping step), header ``synonyms`` it is recognised by
    (compared by :func:`header_key`, besides the label and the field name) and its ``parser``."""

    field: str
    label: str
    synonyms: tuple[str, ...]
    parser: CellParser
    #: header endings that also name this target when no synonym matches whole (…交付先名,
    #: …商号又は名称): government lists put the subject before them
    suffixes: tuple[str, ...] = ()
    #: words that keep a header out of the ``suffixes`` rule (代表者名 is no 団体名)
    excluded: tuple[str, ...] = ()


# Brackets and list punctuation carry no meaning in a header: 会員数（人）, E-mail, Tel.
_HEADER_NOISE = str.maketrans(dict.fromkeys("()[]{}<>「」『』【】〔〕〈〉《》・-_:.*※'\"", ""))


def header_key(text: str | None) -> str:
    """Comparison key for a header: NFKC, casefold, kana folded, no spaces, brackets or dots."""
    return search_fold(text).translate(_HEADER_NOISE)


def column_letter(index: int) -> str:
    """Excel's column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    number = index + 1
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_label(index: int, headers: Sequence[str]) -> str:
    """How a problem names a column: its source header, or ``C列`` when the header is blank."""
    header = headers[index].strip() if index < len(headers) else ""
    return header or f"{column_letter(index)}列"


@dataclasses.dataclass(frozen=True)
class ImportKind:
    """One kind of import: what its columns can feed and how a row becomes an :class:`ImportRow`.

    ``name`` identifies it (logs); ``title`` names what is imported (団体); ``required`` are the
    fields a mapping must have a column for; ``templates_key`` is the ``settings.json`` key of its
    saved mapping templates; ``reads_npo_portal`` says whether the NPO portal CSV (a fixed layout,
    no mapping) is one of its sources.
    """

    name: str
    title: str
    targets: tuple[ImportTarget, ...]
    convert_row: RowConverter
    required: tuple[str, ...]
    templates_key: str
    reads_npo_portal: bool = False
    #: field → label, :data:`IGNORE` last (built from ``targets``)
    labels: dict[str, str] = dataclasses.field(init=False, repr=False, compare=False)
    #: field → parser (built from ``targets``; :data:`IGNORE` has none)
    parsers: dict[str, CellParser] = dataclasses.field(init=False, repr=False, compare=False)
    _by_key: dict[str, str] = dataclasses.field(init=False, repr=False, compare=False)
    #: (header-key suffix, header-key words that exclude it, field), longest suffix first
    _by_suffix: tuple[tuple[str, tuple[str, ...], str], ...] = dataclasses.field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        labels = {target.field: target.label for target in self.targets}
        labels[IGNORE] = IGNORE_LABEL
        by_key: dict[str, str] = {}
        for target in self.targets:
            for word in (target.field, target.label, *target.synonyms):
                # First writer wins; a test checks that no key is claimed by two targets.
                by_key.setdefault(header_key(word), target.field)
        object.__setattr__(self, "labels", labels)
        object.__setattr__(self, "parsers", {target.field: target.parser for target in self.targets})
        object.__setattr__(self, "_by_key", by_key)
        by_suffix = [
            (header_key(suffix), tuple(header_key(word) for word in target.excluded), target.field)
            for target in self.targets
            for suffix in target.suffixes
        ]
        by_suffix.sort(key=lambda entry: -len(entry[0]))
        object.__setattr__(self, "_by_suffix", tuple(by_suffix))

    def _recognise(self, key: str) -> str:
        """The field of a header key: a whole synonym, else the longest matching ending."""
        found = self._by_key.get(key)
        if found is not None:
            return found
        for suffix, excluded, field in self._by_suffix:
            if key.endswith(suffix) and not any(word in key for word in excluded):
                return field
        return IGNORE

    def target_for(self, header: str) -> str:
        """The field a header is recognised as, or :data:`IGNORE`."""
        return self._recognise(header_key(header))

    def propose_mapping(self, headers: Sequence[str]) -> dict[int, str]:
        """A target for every column, guessed from its header; each target at most once (first wins)."""
        mapping: dict[int, str] = {}
        used: set[str] = set()
        for index, header in enumerate(headers):
            target = self._recognise(header_key(header))
            if target != IGNORE and target in used:
                target = IGNORE
            used.add(target)
            mapping[index] = target
        return mapping

    def mapping_from_template(self, headers: Sequence[str], template: Mapping[str, str]) -> dict[int, str]:
        """Apply a saved template: its entries by header text (exact, then by :func:`header_key`);
        columns it does not know get the synonym proposal for targets still free."""
        by_key: dict[str, str] = {}
        for header, target in template.items():
            by_key.setdefault(header_key(header), target)
        mapping: dict[int, str] = {}
        used: set[str] = set()
        unknown: list[int] = []
        for index, header in enumerate(headers):
            text = header.strip()
            chosen = template.get(text)
            if chosen is None:
                chosen = by_key.get(header_key(text))
            if chosen is None:
                unknown.append(index)
                continue
            target = chosen
            if target not in self.labels or (target != IGNORE and target in used):
                target = IGNORE
            used.add(target)
            mapping[index] = target
        for index in unknown:
            target = self.target_for(headers[index])
            if target != IGNORE and target in used:
                target = IGNORE
            used.add(target)
            mapping[index] = target
        return dict(sorted(mapping.items()))

    def mapping_problems(self, mapping: Mapping[int, str], headers: Sequence[str]) -> list[str]:
        """Why a mapping cannot be used (in Japanese); empty when it can."""
        problems: list[str] = []
        columns_by_target: dict[str, list[int]] = {}
        for index, target in sorted(mapping.items()):
            if target not in self.labels:
                problems.append(f"{column_label(index, headers)}: 取り込み先「{target}」はありません")
            elif target != IGNORE:
                columns_by_target.setdefault(target, []).append(index)
        for target, columns in columns_by_target.items():
            if len(columns) > 1:
                names = "、".join(f"「{column_label(i, headers)}」" for i in columns)
                problems.append(f"「{self.labels[target]}」に複数の列が割り当てられています: {names}")
        for field in self.required:
            if field not in columns_by_target:
                problems.append(f"「{self.labels[field]}」に割り当てた列がありません")
        return problems

    def field_named(self, text: str) -> str:
        """The target a person names by its label in the mapping step (団体名) or its field name."""
        key = header_key(text)
        for target in self.targets:
            if key in (header_key(target.label), header_key(target.field)):
                return target.field
        if key in (header_key(IGNORE_LABEL), IGNORE):
            return IGNORE
        known = "、".join(target.label for target in self.targets)
        raise ColumnChoiceError(f"取り込み先「{text}」はありません。使えるもの: {known}")

    def column_named(self, text: str, headers: Sequence[str]) -> int:
        """The column a person names by its header text (exact, then by :func:`header_key`) or
        by its letter (B, AA)."""
        wanted = text.strip()
        for index, header in enumerate(headers):
            if header.strip() == wanted:
                return index
        key = header_key(wanted)
        for index, header in enumerate(headers):
            if key and header_key(header) == key:
                return index
        letter_index = column_index(wanted)
        if letter_index is not None:
            if letter_index < len(headers):
                return letter_index
            last = column_letter(len(headers) - 1) if headers else "A"
            raise ColumnChoiceError(f"{nfkc(wanted).upper()}列はありません（この表はA列〜{last}列です）。")
        shown = "、".join(f"「{h}」" for h in headers if h.strip()) or "（見出しなし）"
        raise ColumnChoiceError(f"見出し「{text}」の列はありません。見出し: {shown}")

    def with_columns(
        self, mapping: Mapping[int, str], headers: Sequence[str], choices: Sequence[tuple[str, str]]
    ) -> dict[int, str]:
        """``mapping`` with the columns a person chose (target label, header or letter) put in:
        a chosen target leaves any other column it was proposed for."""
        result = {index: mapping.get(index, IGNORE) for index in range(len(headers))}
        for field_text, column_text in choices:
            field = self.field_named(field_text)
            index = self.column_named(column_text, headers)
            if field != IGNORE:
                for other, target in result.items():
                    if target == field:
                        result[other] = IGNORE
            result[index] = field
        return result
