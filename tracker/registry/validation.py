"""Cell validators: page URLs per network, Russian phones, emails, да/нет, dates, kinds.

Each returns the normalised value or raises CellError with a Russian reason; the importer
turns that into a row-level error naming the spreadsheet row.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from tracker.registry.models import Network, OrgKind


class CellError(ValueError):
    """A cell's value is not acceptable; str() is the Russian reason."""


_HOSTS: dict[Network, tuple[str, ...]] = {
    Network.VK: ("vk.com", "m.vk.com", "vk.ru", "m.vk.ru", "vkontakte.ru", "www.vk.com"),
    Network.OK: ("ok.ru", "m.ok.ru", "www.ok.ru", "odnoklassniki.ru", "www.odnoklassniki.ru"),
    Network.TELEGRAM: ("t.me", "telegram.me", "www.t.me"),
}
_CANONICAL_HOST = {Network.VK: "vk.com", Network.OK: "ok.ru", Network.TELEGRAM: "t.me"}
_EXAMPLE = {Network.VK: "https://vk.com/club123", Network.OK: "https://ok.ru/group/123",
            Network.TELEGRAM: "https://t.me/channel"}
_URL = re.compile(r"^(?:https?://)?([^/?#\s]+)(/[^?#\s]*)?(?:[?#]\S*)?$", re.IGNORECASE)
_PAGE_PATH = re.compile(r"^[A-Za-z0-9_.\-/+]+$")


def normalise_url(value: str, network: Network) -> str:
    """«vk.com/club1» -> «https://vk.com/club1»; a VK address must name a page after vk.com/."""
    text = value.strip()
    if network is Network.TELEGRAM and text.startswith("@") and len(text) > 1:
        text = "t.me/" + text[1:]
    match = _URL.match(text)
    label = network.label
    if not match:
        raise CellError(f"адрес {label} «{value}» не похож на ссылку (пример: {_EXAMPLE[network]})")
    host = match.group(1).lower()
    if host not in _HOSTS[network]:
        raise CellError(
            f"адрес {label} «{value}» ведёт не на {_CANONICAL_HOST[network]} (пример: {_EXAMPLE[network]})"
        )
    path = (match.group(2) or "").strip("/")
    if not path or not _PAGE_PATH.match(path):
        raise CellError(
            f"в адресе {label} «{value}» нет страницы после {_CANONICAL_HOST[network]}/ "
            f"(пример: {_EXAMPLE[network]})"
        )
    return f"https://{_CANONICAL_HOST[network]}/{path}"


def page_key(url: str) -> str:
    """Key for matching a page across files: host and path, lower case, no scheme or slash."""
    text = re.sub(r"^https?://", "", url.strip().lower()).rstrip("/")
    text = re.sub(r"^(www\.|m\.)", "", text)
    return text.replace("vk.ru/", "vk.com/").replace("vkontakte.ru/", "vk.com/")


def detect_network(url: str) -> Network | None:
    host = page_key(url).split("/", 1)[0]
    for network, hosts in _HOSTS.items():
        if host in hosts or f"www.{host}" in hosts or f"m.{host}" in hosts:
            return network
    return None


_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-zА-Яа-я]{2,}$")


def normalise_email(value: str) -> str:
    text = value.strip().removeprefix("mailto:").strip()
    if "@" not in text:
        raise CellError(f"в e-mail «{value}» нет знака @")
    if not _EMAIL.match(text):
        raise CellError(f"e-mail «{value}» записан неверно (пример: name@example.ru)")
    return text.lower()


_EXTENSION = re.compile(r"\s*(?:доб\.?|добавочный|вн\.?|ext\.?)\s*(\d{1,6})\s*$", re.IGNORECASE)


def normalise_phone(value: str) -> str:
    """Russian numbers to «+7 (4212) 74-93-44» (area code as written in brackets, else 3 digits)."""
    text = value.strip()
    extension = ""
    ext_match = _EXTENSION.search(text)
    if ext_match:
        extension = f", доб. {ext_match.group(1)}"
        text = text[: ext_match.start()]
    if re.search(r"[^\d\s()+\-.]", text):
        raise CellError(f"телефон «{value}» содержит лишние знаки (пример: +7 (4212) 74-93-44)")
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    if len(digits) < 10:
        raise CellError(
            f"телефон «{value}» слишком короткий: нужно 10 цифр после +7 с кодом города "
            "(пример: +7 (4212) 74-93-44)"
        )
    if len(digits) > 10:
        raise CellError(f"телефон «{value}» слишком длинный для российского номера")
    code_len = 3
    bracket = re.search(r"\((\d{3,5})\)", text)
    if bracket and digits.startswith(bracket.group(1)):
        code_len = len(bracket.group(1))
    code, rest = digits[:code_len], digits[code_len:]
    groups = {7: (3, 2, 2), 6: (2, 2, 2), 5: (1, 2, 2)}[len(rest)]
    parts, start = [], 0
    for size in groups:
        parts.append(rest[start : start + size])
        start += size
    return f"+7 ({code}) {'-'.join(parts)}{extension}"


_YES = {"да", "д", "yes", "y", "1", "+", "true", "истина", "есть", "имеется", "подключено", "подключен"}
_NO = {"нет", "н", "no", "n", "0", "-", "—", "false", "ложь", "отсутствует", "не подключено", "не подключен"}


def parse_yes_no(value: str) -> bool | None:
    """да/нет and their usual spellings; empty is «не указано» (None)."""
    text = value.strip().lower().rstrip(".")
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(f"значение «{value}» — ни «да», ни «нет»")


def parse_date(value: str) -> date | None:
    text = value.strip()
    if not text:
        return None
    for fmt in ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CellError(f"дата «{value}» не в формате ДД.ММ.ГГГГ")


_KINDS: dict[str, OrgKind] = {
    "орган власти": OrgKind.AUTHORITY,
    "орган государственной власти": OrgKind.AUTHORITY,
    "исполнительный орган": OrgKind.AUTHORITY,
    "оив": OrgKind.AUTHORITY,
    "огв": OrgKind.AUTHORITY,
    "подведомственное учреждение": OrgKind.SUBORDINATE,
    "подведомственная организация": OrgKind.SUBORDINATE,
    "учреждение": OrgKind.SUBORDINATE,
    "подведомственное": OrgKind.SUBORDINATE,
    "омсу": OrgKind.MUNICIPAL,
    "орган местного самоуправления": OrgKind.MUNICIPAL,
    "местное самоуправление": OrgKind.MUNICIPAL,
}


def parse_kind(value: str) -> OrgKind | None:
    text = re.sub(r"\s+", " ", value.strip().lower().replace("ё", "е"))
    if not text:
        return None
    if text in _KINDS:
        return _KINDS[text]
    raise CellError(
        f"тип «{value}» не распознан (допустимо: орган власти, подведомственное учреждение, ОМСУ)"
    )


def clean_text(value: str) -> str:
    return re.sub(r"\s+", " ", value.replace("\u00a0", " ")).strip()
