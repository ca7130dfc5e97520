"""Settings kept in the database (they travel with it): organisation, signatory, norms...

Each feature declares its own defaults as a dataclass and reads them with `load(store, Section)`;
keys are "section.field". Settings are never code: the clerk changes them with
`tracker settings set KEY VALUE` or in the UI.
"""
from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from db.api import Store

TABLE = "settings"
T = TypeVar("T")


@dataclasses.dataclass(slots=True)
class Organisation:
    """Who the apparatus is: used on letterheads and in drafts."""

    name: str = "Администрация ________________"  # nominative, as on the letterhead
    name_genitive: str = "Администрации ________________"  # «постановление Администрации города»
    region: str = ""  # the line above the name on a letterhead («Калужская область»)
    city: str = ""  # place of issue («г. Обнинск»)
    signatory_position: str = "Глава ________________"
    signatory_person: str = "И.О. Фамилия"
    controller: str = ""  # «заместителя главы Администрации города по вопросам управления делами Г.Е. Ананьева»
    executor_line: str = ""  # «Исп. Иванова А.А., (484) 000-00-00» at the foot of letters


SECTIONS: dict[str, type] = {"organisation": Organisation}


def register_section(name: str, cls: type) -> None:
    """Features register their settings dataclass so `tracker settings` can list and set it."""
    SECTIONS[name] = cls


def load(store: Store, section: str, cls: type[T]) -> T:
    """The section's values from the store, defaults for anything not set."""
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"settings section {section}: {cls!r} is not a dataclass")
    record = store.table(TABLE).get(section) or {}
    values = {f.name: record[f.name] for f in dataclasses.fields(cls) if f.name in record}
    return cls(**values)


def save(store: Store, section: str, value: Any) -> None:
    table = store.table(TABLE)
    data = {"id": section, **dataclasses.asdict(value)}
    if table.get(section) is None:
        table.insert(data)
    else:
        table.replace(data)
