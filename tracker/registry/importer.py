"""Registry spreadsheets to validated rows, row-level errors in Russian, and a plan of changes.

`parse_registry` validates each row (errors reject the row, warnings keep it);
`plan_import` compares the accepted rows with what the registry holds, so the same file
twice changes nothing and a changed file is recorded as changes.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import partial
from typing import Any

from tracker.errors import ImportFailure
from tracker.registry.columns import REGISTRY_FIELDS, ColumnMapping, map_columns
from tracker.registry.models import FIELD_LABELS, FieldChange, Network, diff, executor_key, record_id
from tracker.registry.reading import SheetRows
from tracker.registry.validation import (
    CellError,
    clean_text,
    normalise_email,
    normalise_phone,
    normalise_url,
    parse_date,
    parse_kind,
    parse_yes_no,
)


class Severity(StrEnum):
    ERROR = "ошибка"  # the row is not taken
    WARNING = "предупреждение"  # the row is taken; the clerk should look at it


@dataclass(slots=True, frozen=True)
class RowIssue:
    row: int  # as the spreadsheet shows it (header included)
    number: str  # the row's «№ п/п», when the file has one
    message: str
    severity: Severity = Severity.ERROR

    def text(self) -> str:
        where = f"Строка {self.row}" + (f" (№ п/п {self.number})" if self.number else "")
        tail = "" if self.severity is Severity.ERROR else " (строка принята)"
        return f"{where}: {self.message}{tail}"


@dataclass(slots=True)
class ParsedRow:
    row: int
    number: str
    record_id: str
    data: dict[str, Any]  # flat fields as in models.to_dict (no id/valid_from)


@dataclass(slots=True)
class ParsedRegistry:
    mapping: ColumnMapping
    rows: list[ParsedRow]
    issues: list[RowIssue]
    data_rows: int  # non-blank rows below the header
    has_since_column: bool


_PAGE_FIELDS = {"page_vk": Network.VK, "page_ok": Network.OK, "page_telegram": Network.TELEGRAM}
_YES_NO_FIELDS = ("state_mark", "gospubliki", "exempt")


def parse_registry(sheet: SheetRows) -> ParsedRegistry:
    mapping = map_columns(sheet.rows, REGISTRY_FIELDS)
    name = sheet.source.rsplit("/", 1)[-1]
    if mapping is None or "organisation" not in mapping.fields:
        found = ", ".join(f"«{h}»" for h in (sheet.rows[0][1] if sheet.rows else []) if h) or "нет"
        raise ImportFailure(
            f"Файл {name}: не найден столбец с наименованием учреждения. Заголовки первой строки: {found}. "
            "Назовите столбцы как в образце: «Муниципальное образование», «Наименование учреждения», "
            "«ВКонтакте», «ФИО ответственного», «Телефон», «E-mail»."
        )
    columns = mapping.fields
    rows: list[ParsedRow] = []
    issues: list[RowIssue] = []
    seen: dict[str, ParsedRow] = {}
    section = ""
    data_rows = 0
    for row_number, cells in sheet.rows:
        if row_number <= mapping.header_row:
            continue
        values = {name: (cells[col] if col < len(cells) else "") for name, col in columns.items()}
        filled = [c for c in cells if c.strip()]
        if not filled:
            continue
        if len(filled) == 1 and not values["organisation"].strip():
            section = clean_text(filled[0])  # a section title row such as «Амурский район»
            continue
        data_rows += 1
        number = clean_text(values.get("number", ""))
        parsed, row_issues = _parse_row(row_number, number, values, section)
        issues.extend(row_issues)
        if parsed is None:
            continue
        first = seen.get(parsed.record_id)
        if first is not None:
            tag = f" (№ п/п {first.number})" if first.number else ""
            if first.data == parsed.data:
                message = f"повторяет строку {first.row}{tag}; повтор пропущен"
            else:
                message = (f"учреждение «{parsed.data['organisation']}» уже есть в строке {first.row}{tag}; "
                           "строка пропущена — сведите данные в одну строку")
            issues.append(RowIssue(row_number, number, message))
            continue
        seen[parsed.record_id] = parsed
        rows.append(parsed)
    return ParsedRegistry(mapping, rows, issues, data_rows, "state_mark_since" in columns)


def _parse_row(row: int, number: str, values: dict[str, str],
               section: str) -> tuple[ParsedRow | None, list[RowIssue]]:
    errors: list[str] = []
    warnings: list[str] = []
    organisation = clean_text(values.get("organisation", ""))
    district = clean_text(values.get("district", "")) or section
    if not organisation:
        errors.append("не указано наименование учреждения")
    data: dict[str, Any] = {"organisation": organisation, "district": district}

    def check(fn: Callable[[str], Any], raw: str, label: str = "") -> Any:
        try:
            return fn(raw)
        except CellError as error:
            errors.append(f"{label}: {error}" if label else str(error))
            return None

    data["kind"] = k.value if (k := check(parse_kind, values.get("kind", ""))) else None
    for name, network in _PAGE_FIELDS.items():
        raw = values.get(name, "").strip()
        data[name] = (check(partial(normalise_url, network=network), raw) or "") if raw else ""
    for name in _YES_NO_FIELDS:
        data[name] = check(parse_yes_no, values.get(name, ""), FIELD_LABELS[name])
    since = check(parse_date, values.get("state_mark_since", ""), FIELD_LABELS["state_mark_since"])
    data["state_mark_since"] = since.isoformat() if since else None
    data["exempt"] = bool(data["exempt"])
    data["exempt_basis"] = clean_text(values.get("exempt_basis", ""))
    data["full_name"] = clean_text(values.get("full_name", ""))
    data["position"] = clean_text(values.get("position", ""))
    phone = values.get("phone", "").strip()
    data["phone"] = (check(normalise_phone, phone) or "") if phone else ""
    email = values.get("email", "").strip()
    data["email"] = (check(normalise_email, email) or "") if email else ""
    data["removed"] = False
    if not errors:
        if not data["full_name"]:
            warnings.append("не указан ответственный сотрудник (ФИО)")
        if not any(data[name] for name in _PAGE_FIELDS) and not data["exempt"]:
            warnings.append("нет ни одной страницы (ВКонтакте, Одноклассники, Telegram)")
        if data["exempt"] and not data["exempt_basis"]:
            warnings.append("учреждение освобождено, но не указан акт-основание")
    issues = [RowIssue(row, number, message) for message in errors]
    issues += [RowIssue(row, number, message, Severity.WARNING) for message in warnings]
    if errors:
        return None, issues
    data["executor_key"] = executor_key(organisation)
    return ParsedRow(row, number, record_id(district, organisation), data), issues


@dataclass(slots=True)
class PlannedChange:
    record_id: str
    row: int
    organisation: str
    district: str
    changes: list[FieldChange]  # empty for a new record
    new: bool
    data: dict[str, Any] = field(repr=False, default_factory=dict)


@dataclass(slots=True)
class ImportPlan:
    new: list[PlannedChange]
    changed: list[PlannedChange]
    unchanged: int


def plan_import(parsed: ParsedRegistry, existing: Callable[[str], dict[str, Any] | None],
                when: date) -> ImportPlan:
    """Compare each accepted row with the stored record; fill «госметка с» when the mark appears."""
    new: list[PlannedChange] = []
    changed: list[PlannedChange] = []
    unchanged = 0
    for row in parsed.rows:
        old = existing(row.record_id)
        data = dict(row.data)
        if old is not None and old.get("removed"):
            data["removed"] = False
        if not parsed.has_since_column:
            data["state_mark_since"] = _since(old, data, when)
        changes = diff(old, data) if old is not None else []
        if old is None:
            new.append(PlannedChange(row.record_id, row.row, data["organisation"], data["district"],
                                     [], True, data))
        elif changes:
            changed.append(PlannedChange(row.record_id, row.row, data["organisation"], data["district"],
                                         changes, False, data))
        else:
            unchanged += 1
    return ImportPlan(new, changed, unchanged)


def _since(old: dict[str, Any] | None, data: dict[str, Any], when: date) -> str | None:
    if not data.get("state_mark"):
        return None
    if old is None:
        return None  # first seen with the mark: since when is not known
    if old.get("state_mark"):
        return old.get("state_mark_since")
    return when.isoformat()
