"""Field validation and normalisation: phone, postal code, e-mail, URL, 法人番号 and dates.

Each normaliser accepts what officers actually type or paste (全角 digits, IME dashes, 〒, 和暦) and
returns one canonical form, or raises ValidationError with a Japanese message naming the field.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date, datetime
from urllib.parse import urlsplit, urlunsplit

from kyodo_desktop.domain.text import UNSAFE_CHARACTERS, fold_hyphens, nfkc
from kyodo_desktop.domain.wareki import parse_wareki

__all__ = [
    "UnsafeCharacterError",
    "ValidationError",
    "ValidationErrors",
    "corporate_number_check_digit",
    "normalize_corporate_number",
    "normalize_email",
    "normalize_phone",
    "normalize_postal",
    "normalize_url",
    "parse_date",
    "unsafe_character_errors",
]


class ValidationError(ValueError):
    """One invalid field: `field` is the attribute name, `message` the Japanese text shown to the user."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationErrors(ValueError):
    """All problems found in one record, so a form can mark every bad field at once."""

    def __init__(self, errors: Iterable[ValidationError]) -> None:
        self.errors: list[ValidationError] = list(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "; ".join(error.message for error in self.errors)

    def by_field(self) -> dict[str, str]:
        """Messages keyed by field name; several messages for one field are joined with "; "."""
        result: dict[str, str] = {}
        for error in self.errors:
            if error.field in result:
                result[error.field] = f"{result[error.field]}; {error.message}"
            else:
                result[error.field] = error.message
        return result


class UnsafeCharacterError(ValidationError):
    """A field holds a control character or a bidi override (``char``, the first one)."""

    def __init__(self, field: str, message: str, char: str) -> None:
        super().__init__(field, message)
        self.char = char

    @property
    def is_control(self) -> bool:
        """A C0/C1 control or DEL: the file readers report such a cell themselves (with every
        control it holds), so an import leaves this error out; bidi characters they do not."""
        return ord(self.char) < 0xA0


def unsafe_character_errors(values: dict[str, str], labels: dict[str, str]) -> list[ValidationError]:
    """An error for each field (``values``: field → normalised text) holding a control character
    or a bidi override; ``labels`` names the fields in the messages.

    Such characters are invisible or re-order what is shown (``\x1b[31m`` colours a terminal,
    U+202E shows a name backwards), so they are refused with the character's code point rather
    than stored. Line breaks of multi-line fields and tabs are no such characters: the
    normalisation has already made them line feeds and spaces.
    """
    if UNSAFE_CHARACTERS.search("".join(values.values())) is None:  # the usual case: one search
        return []
    errors: list[ValidationError] = []
    for field, value in values.items():
        found = UNSAFE_CHARACTERS.search(value)
        if found is not None:
            char = found.group()
            message = (
                f"{labels.get(field, field)}に使えない制御文字（U+{ord(char):04X}）が含まれています。"
                "見えない文字なので、その部分を消して入力し直してください"
            )
            errors.append(UnsafeCharacterError(field, message, char))
    return errors


_PHONE_SEPARATORS = re.compile(r"[\s\-().]")
_DIGITS = re.compile(r"[0-9]+")

_PHONE_FORMAT_MESSAGE = "電話番号の形式が正しくありません（例: 043-223-1111）"
_PHONE_DIGITS_MESSAGE = "電話番号は0から始まる10桁または11桁の数字で入力してください（例: 043-223-1111）"


def normalize_phone(value: str | None, field: str = "phone") -> str:
    """Normalise a Japanese phone number to the hyphenated national form, e.g. "043-223-1111".

    Blank gives "". Accepts 全角 digits, any dash, spaces, parentheses and a +81 prefix. The hyphen
    positions come from phonenumbers, because Japanese area codes are 1–5 digits long and only the
    numbering plan knows where they end (04-7123-4567 vs 047-512-3456).
    """
    text = fold_hyphens(nfkc(value))
    if not text:
        return ""
    digits = _PHONE_SEPARATORS.sub("", text)
    if digits.startswith("+81"):
        # "+81 (0)3-…" keeps its trunk 0; "+81 3-…" needs it put back.
        rest = digits[3:]
        digits = rest if rest.startswith("0") else "0" + rest
    if not _DIGITS.fullmatch(digits) or not digits.startswith("0") or len(digits) not in (10, 11):
        raise ValidationError(field, _PHONE_DIGITS_MESSAGE)
    import phonenumbers  # 35 ms to import: kept off the GUI's start-up path

    try:
        number = phonenumbers.parse(digits, "JP")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(field, _PHONE_FORMAT_MESSAGE) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(field, _PHONE_FORMAT_MESSAGE)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


_POSTAL_RE = re.compile(r"([0-9]{3})-?([0-9]{4})")


def normalize_postal(value: str | None, field: str = "postal") -> str:
    """Normalise a postal code to "NNN-NNNN"; accepts 〒, 全角 digits, any dash, spaces; blank gives ""."""
    if value and (plain := _POSTAL_RE.fullmatch(value)):  # already clean: nothing to fold
        return f"{plain[1]}-{plain[2]}"
    text = fold_hyphens(nfkc(value))
    if not text:
        return ""
    compact = "".join(text.removeprefix("〒").split())
    match = _POSTAL_RE.fullmatch(compact)
    if match is None:
        raise ValidationError(field, "郵便番号は7桁の数字で入力してください（例: 260-8667）")
    return f"{match[1]}-{match[2]}"


# Deliberately narrower than RFC 5322: quoted local parts and IP-literal domains are legal but in
# practice are typing mistakes in a contact list.
_EMAIL_RE = re.compile(
    r"(?P<local>[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
    r"@(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})"
)


def normalize_email(value: str | None, field: str = "email") -> str:
    """Normalise an e-mail address (全角 → 半角, domain lowercased); blank gives ""."""
    text = nfkc(value)
    if not text:
        return ""
    # Addresses copied from web pages often carry the link scheme.
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :].strip()
    match = _EMAIL_RE.fullmatch(text)
    if match is None:
        raise ValidationError(field, "メールアドレスの形式が正しくありません")
    # Only the domain is case-insensitive by standard; the local part is kept as typed.
    return f"{match['local']}@{match['domain'].lower()}"


_HOST_LABEL = re.compile(r"(?!-)[\w-]+(?<!-)")


def _valid_host(host: str) -> bool:
    """A dotted host name of word-character labels (IDN hosts like 例え.jp are allowed)."""
    labels = host.split(".")
    return len(labels) >= 2 and all(_HOST_LABEL.fullmatch(label) for label in labels)


def normalize_url(value: str | None, field: str = "website") -> str:
    """Normalise a web address: must be http(s)://host…; "www." alone gets https:// added; blank gives ""."""
    text = nfkc(value)
    if not text:
        return ""
    if text.lower().startswith("www."):
        text = "https://" + text
    error = ValidationError(field, "URLの形式が正しくありません（例: https://example.jp）")
    if any(ch.isspace() for ch in text):
        raise error
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError for a non-numeric or out-of-range port
    except ValueError as exc:
        raise error from exc
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in ("http", "https") or not _valid_host(host) or parts.username or parts.password:
        raise error
    netloc = host if port is None else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment))


_BODY12 = re.compile(r"[0-9]{12}")
_DIGITS13 = re.compile(r"[0-9]{13}")


def corporate_number_check_digit(body12: str) -> int:
    """The check digit (leading digit) of a 法人番号 for its 12-digit body.

    国税庁's rule: with P_n the n-th digit counted from the least significant end and Q_n = 1 for
    odd n, 2 for even n, check = 9 − (Σ P_n × Q_n mod 9).
    """
    if not _BODY12.fullmatch(body12):
        raise ValueError(f"法人番号の本体は12桁の数字です: {body12!r}")
    # Counted from the right, n is odd exactly at the odd indexes of the 12 digits; an ASCII
    # digit's byte is 48 + its value, so six of them sum to their bytes' sum − 288.
    total = sum(body12[1::2].encode()) - 288 + 2 * (sum(body12[0::2].encode()) - 288)
    return 9 - total % 9


def normalize_corporate_number(value: str | None, field: str = "corporate_number") -> str:
    """Normalise a 13-digit 法人番号 (全角 digits, dashes and spaces allowed) and verify its check digit."""
    if value and _DIGITS13.fullmatch(value):  # already clean: nothing to fold
        digits = value
    else:
        text = fold_hyphens(nfkc(value))
        if not text:
            return ""
        digits = "".join(text.replace("-", " ").split())
    if not _DIGITS13.fullmatch(digits):
        raise ValidationError(field, "法人番号は13桁の数字です")
    if int(digits[0]) != corporate_number_check_digit(digits[1:]):
        raise ValidationError(field, "法人番号のチェックデジットが一致しません")
    return digits


_DATE_FORMAT_MESSAGE = "日付の形式が正しくありません（例: 2024-04-01 または 令和6年4月1日）"

# 西暦 in the shapes seen in forms and spreadsheets, optionally followed by a time of day that
# spreadsheet exports append to date cells.
_SEIREKI_RE = re.compile(
    r"(?P<year>[0-9]{4})(?:年|[-/.])(?P<month>[0-9]{1,2})(?:月|[-/.])(?P<day>[0-9]{1,2})日?"
    r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
)
_COMPACT_DATE_RE = re.compile(r"(?P<year>[0-9]{4})(?P<month>[0-9]{2})(?P<day>[0-9]{2})")


def parse_date(value: str | date | None, field: str) -> date | None:
    """Parse a date typed as ISO, 2024/4/1, 2024年4月1日, 20240401 or 和暦 (令和元年5月10日, R2.4.1,
    H31.4.1), a note after it on the next line or in brackets left out; blank gives None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    ok, parsed = _parse_date_text(value)
    if not ok:
        raise ValidationError(field, _DATE_FORMAT_MESSAGE)
    return parsed


@functools.lru_cache(maxsize=8192)
def _parse_date_text(value: str) -> tuple[bool, date | None]:
    """(is a date or blank, the date) for text; cached, as imports repeat a few thousand dates."""
    text = nfkc(value)
    if not text:
        return True, None
    ok, parsed = _parse_date_line(text)
    if ok or ("\n" not in value and "(" not in text):
        return ok, parsed
    # a note after the date, on its own line or in brackets: 令和2年4月1日\n（4～6月分）
    first_line = next((line for line in value.splitlines() if line.strip()), "")
    first = _DATE_NOTE_RE.sub("", nfkc(first_line)).strip()
    if not first:
        return False, None
    return _parse_date_line(first)


# A bracketed note after a date (NFKC has made （） into ()).
_DATE_NOTE_RE = re.compile(r"\s*\([^()]*\)\s*$")


def _parse_date_line(text: str) -> tuple[bool, date | None]:
    match = _SEIREKI_RE.fullmatch(text) or _COMPACT_DATE_RE.fullmatch(text)
    if match is not None:
        try:
            return True, date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            return False, None
    parsed = parse_wareki(text)
    return parsed is not None, parsed
