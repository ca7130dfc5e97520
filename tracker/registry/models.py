"""Registry records: an institution, its pages per network, state mark, «Госпаблики», the employee.

Records are plain typed dataclasses; `to_dict`/`from_dict` map them to the store's JSON.
Dates are ISO strings in the store and `date` objects here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any


class Network(StrEnum):
    VK = "vk"
    OK = "ok"
    TELEGRAM = "telegram"

    @property
    def label(self) -> str:
        return NETWORK_LABELS[self]


NETWORK_LABELS = {Network.VK: "ВКонтакте", Network.OK: "Одноклассники", Network.TELEGRAM: "Telegram"}


class OrgKind(StrEnum):
    AUTHORITY = "орган власти"
    SUBORDINATE = "подведомственное учреждение"
    MUNICIPAL = "ОМСУ"


@dataclass(slots=True, frozen=True)
class Employee:
    """The employee responsible for the institution's pages."""

    full_name: str = ""
    position: str = ""
    phone: str = ""  # normalised «+7 (4212) 74-93-44»
    email: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.full_name.strip()


@dataclass(slots=True, frozen=True)
class RegistryRecord:
    """One institution as the registry knows it on some date."""

    id: str
    organisation: str
    district: str
    kind: OrgKind | None = None
    pages: dict[Network, str] = field(default_factory=dict)
    state_mark: bool | None = None  # «госметка» on its VK community
    state_mark_since: date | None = None
    gospubliki: bool | None = None  # connected to «Госпаблики»
    exempt: bool = False
    exempt_basis: str = ""  # the act that exempts it from keeping pages
    employee: Employee = field(default_factory=Employee)
    removed: bool = False
    valid_from: date | None = None  # the date this state of the record holds from
    rev: int | None = None

    @property
    def executor_key(self) -> str:
        """Name key that links the institution to the executor directory."""
        return executor_key(self.organisation)

    @property
    def has_page(self) -> bool:
        return any(self.pages.values())


def executor_key(name: str) -> str:
    """Lower case, quotes and punctuation dropped, spaces collapsed: «МБОУ "СОШ № 5"» -> «мбоу сош № 5»."""
    text = re.sub(r"[«»\"'„“”.,]", " ", name.lower().replace("ё", "е"))
    return re.sub(r"\s+", " ", text).strip()


def record_id(district: str, organisation: str) -> str:
    """Stable id from the natural key, so a re-import finds the record without a scan."""
    import hashlib

    key = f"{executor_key(district)}|{executor_key(organisation)}"
    return "reg-" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


# Fields compared between versions, in the order a person reads them, with Russian labels.
FIELD_LABELS: dict[str, str] = {
    "organisation": "наименование",
    "district": "муниципальное образование",
    "kind": "тип",
    "page_vk": "ВКонтакте",
    "page_ok": "Одноклассники",
    "page_telegram": "Telegram",
    "state_mark": "госметка",
    "state_mark_since": "госметка с",
    "gospubliki": "подключено к «Госпаблики»",
    "exempt": "освобождено",
    "exempt_basis": "основание освобождения",
    "full_name": "ФИО ответственного",
    "position": "должность",
    "phone": "телефон",
    "email": "e-mail",
    "removed": "исключено из реестра",
}


def to_dict(record: RegistryRecord) -> dict[str, Any]:
    """Flat JSON-able dict (one level: cheap to copy and compare)."""
    return {
        "id": record.id,
        "organisation": record.organisation,
        "district": record.district,
        "kind": record.kind.value if record.kind else None,
        "page_vk": record.pages.get(Network.VK, ""),
        "page_ok": record.pages.get(Network.OK, ""),
        "page_telegram": record.pages.get(Network.TELEGRAM, ""),
        "state_mark": record.state_mark,
        "state_mark_since": record.state_mark_since.isoformat() if record.state_mark_since else None,
        "gospubliki": record.gospubliki,
        "exempt": record.exempt,
        "exempt_basis": record.exempt_basis,
        "full_name": record.employee.full_name,
        "position": record.employee.position,
        "phone": record.employee.phone,
        "email": record.employee.email,
        "removed": record.removed,
        "valid_from": record.valid_from.isoformat() if record.valid_from else None,
        "executor_key": record.executor_key,
    }


def from_dict(data: dict[str, Any]) -> RegistryRecord:
    pages = {net: data.get(f"page_{net.value}") or "" for net in Network}
    since = data.get("state_mark_since")
    valid_from = data.get("valid_from")
    return RegistryRecord(
        id=data["id"],
        organisation=data.get("organisation", ""),
        district=data.get("district", ""),
        kind=OrgKind(data["kind"]) if data.get("kind") else None,
        pages={net: url for net, url in pages.items() if url},
        state_mark=data.get("state_mark"),
        state_mark_since=date.fromisoformat(since) if since else None,
        gospubliki=data.get("gospubliki"),
        exempt=bool(data.get("exempt")),
        exempt_basis=data.get("exempt_basis") or "",
        employee=Employee(
            full_name=data.get("full_name") or "",
            position=data.get("position") or "",
            phone=data.get("phone") or "",
            email=data.get("email") or "",
        ),
        removed=bool(data.get("removed")),
        valid_from=date.fromisoformat(valid_from) if valid_from else None,
        rev=data.get("_rev"),
    )


def with_employee(record: RegistryRecord, employee: Employee) -> RegistryRecord:
    return replace(record, employee=employee)


def compared_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The part of a stored dict that makes a change (no bookkeeping fields)."""
    return {name: data.get(name) for name in FIELD_LABELS}


@dataclass(slots=True, frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)

    def describe(self) -> str:
        return f"{self.label}: {show_value(self.old)} → {show_value(self.new)}"


def diff(old: dict[str, Any] | None, new: dict[str, Any]) -> list[FieldChange]:
    """Field changes from one stored state to the next (old None: everything is new)."""
    before = compared_fields(old) if old else {}
    after = compared_fields(new)
    return [
        FieldChange(name, before.get(name), after[name])
        for name in FIELD_LABELS
        if (before.get(name) or None) != (after[name] or None)
    ]


def show_value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if value is True:
        return "да"
    if value is False:
        return "нет"
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value).strftime("%d.%m.%Y")
    return str(value)


@dataclass(slots=True, frozen=True)
class RecordVersion:
    """One dated state of a record: it holds from valid_from until valid_to (exclusive)."""

    record_id: str
    number: int
    valid_from: date
    valid_to: date | None
    record: RegistryRecord
    changes: tuple[FieldChange, ...]
    reason: str  # «импорт registry.csv», «правка: смена ответственного»
    who: str
    at: str  # ISO timestamp when it was written

