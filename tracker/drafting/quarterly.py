"""The quarterly update of the list of responsible employees (1611-п items 1 and 2.5).

From the registry as of a date: the list grouped by district and numbered, the changes since
the previous update (added, removed, changed) for the clerk's change sheet, and the draft.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from tracker.drafting.data import (
    ActRef,
    ChangeRow,
    Letterhead,
    ListGroup,
    QuarterlyData,
    QuarterlyListRow,
    Registration,
)
from tracker.drafting.dates import dmy

ADDED, REMOVED, CHANGED = "добавлен", "исключён", "изменён"
COMPARED = (("person", "Ф.И.О."), ("position", "должность"), ("phone", "телефон"), ("email", "e-mail"),
            ("pages_text", "страницы"))


def _key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").replace("«", "").replace("»", "").replace('"', "").split())


def group_rows(rows: Iterable[QuarterlyListRow]) -> list[ListGroup]:
    """Sorted by district and organisation, numbered through; one unnamed group for one district."""
    ordered = sorted(rows, key=lambda r: (_key(r.district), _key(r.organisation), _key(r.person)))
    districts = {r.district for r in ordered}
    groups: list[ListGroup] = []
    for number, row in enumerate(ordered, start=1):
        row.number = number
        name = row.district if len(districts) > 1 else ""
        if not groups or groups[-1].name != name:
            groups.append(ListGroup(name=name))
        groups[-1].rows.append(row)
    return groups


def list_changes(previous: Iterable[QuarterlyListRow], current: Iterable[QuarterlyListRow]) -> list[ChangeRow]:
    """Who was added, removed or changed, by organisation; a new person in the same organisation
    is a change of «Ф.И.О.», not a removal plus an addition."""
    def index(rows: Iterable[QuarterlyListRow]) -> dict[tuple[str, str], list[QuarterlyListRow]]:
        result: dict[tuple[str, str], list[QuarterlyListRow]] = {}
        for row in rows:
            result.setdefault((_key(row.district), _key(row.organisation)), []).append(row)
        return result

    old, new = index(previous), index(current)
    changes: list[ChangeRow] = []
    for key in sorted(old.keys() | new.keys()):
        before, after = list(old.get(key, [])), list(new.get(key, []))
        # pair the same people first, then whoever is left one to one
        pairs = []
        for row in list(after):
            match = next((b for b in before if _key(b.person) == _key(row.person)), None)
            if match is not None:
                pairs.append((match, row))
                before.remove(match)
                after.remove(row)
        while before and after:
            pairs.append((before.pop(0), after.pop(0)))
        for was, now in pairs:
            details = [f"{label}: {getattr(was, name) or '—'} → {getattr(now, name) or '—'}"
                       for name, label in COMPARED if getattr(was, name) != getattr(now, name)]
            if details:
                changes.append(ChangeRow(CHANGED, now.organisation, now.person, now.district, "; ".join(details)))
        changes += [ChangeRow(REMOVED, r.organisation, r.person, r.district) for r in before]
        changes += [ChangeRow(ADDED, r.organisation, r.person, r.district) for r in after]
    order = {ADDED: 0, CHANGED: 1, REMOVED: 2}
    return sorted(changes, key=lambda c: (order[c.change], _key(c.district), _key(c.organisation)))


def build_quarterly(org: Letterhead, base_act: ActRef, list_subject: str, rows: list[QuarterlyListRow],
                    as_of: date, previous_rows: list[QuarterlyListRow] | None = None,
                    since: date | None = None, previous_update: ActRef | None = None,
                    reg: Registration | None = None) -> QuarterlyData:
    changes = list_changes(previous_rows or [], rows) if previous_rows is not None else []
    return QuarterlyData(org=org, reg=reg or Registration(), as_of=as_of, base_act=base_act,
                         list_subject=list_subject, groups=group_rows(rows), previous_update=previous_update,
                         changes=changes, since=since)


def write_change_sheet(data: QuarterlyData, out: Path, without_employee: list[str] | None = None) -> Path:
    """The clerk's .xlsx: changes since the last update, the whole list, institutions with nobody."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from tracker.drafting.engine import save_atomically
    from tracker.drafting.xlsx import autosize, header
    from tracker.spreadsheet_safety import append_row

    book = Workbook()
    sheet = book.active
    sheet.title = "Изменения"
    period = f"с {dmy(data.since)} " if data.since else ""
    append_row(sheet, [f"Изменения в списке ответственных {period}по {data.as_of_text}"])
    sheet["A1"].font = Font(bold=True, size=12)
    append_row(sheet, [f"В списке {data.row_count}; изменения: {len(data.changes)}"])
    header(sheet, ["Изменение", "Муниципальное образование", "Организация", "Ф.И.О.", "Что изменилось"])
    for change in data.changes:
        append_row(sheet, [change.change, change.district, change.organisation, change.person, change.details])
    if not data.changes:
        append_row(sheet, ["Изменений нет" if data.since else "Предыдущий список не найден: сравнивать не с чем"])
    autosize(sheet)

    listing = book.create_sheet("Список")
    header(listing, ["№ п/п", "Муниципальное образование", "Организация", "Ф.И.О.", "Должность", "Телефон",
                     "E-mail", "Страницы"])
    for group in data.groups:
        for row in group.rows:
            append_row(listing, [row.number, row.district, row.organisation, row.person, row.position, row.phone,
                            row.email, "\n".join(f"{p.network}: {p.url}" for p in row.pages)])
    autosize(listing)
    for cells in listing.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    if without_employee:
        missing = book.create_sheet("Без ответственного")
        header(missing, ["Организация (нет ответственного в реестре — в список не вошла)"])
        for name in without_employee:
            append_row(missing, [name])
        autosize(missing)
    save_atomically(out, book.save)
    return out
