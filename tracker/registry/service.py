"""RegistryService: the registry's API for the CLI and the UI (the «Реестр» screen).

Reading: list/filter records, one record, its dated history, the registry as of a date,
coverage. Changes: edit a record or its employee (a dated version each time), import a
spreadsheet (preview, then commit), activity norms. Every method raises TrackerError (or
db.StoreError, e.g. ConflictError for a stale expected_rev) with a Russian message.
Built with the control service as its order sink by tracker.root.compose().
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from db.api import Store
from tracker.boundary import translates_store_errors
from tracker.errors import NotFoundError, ValidationError
from tracker.registry import coverage as cov
from tracker.registry import export as exporting
from tracker.registry import history, norms, obligations
from tracker.registry.columns import REGISTRY_FIELDS
from tracker.registry.history import Write
from tracker.registry.importer import (
    ImportPlan,
    ParsedRegistry,
    RowIssue,
    Severity,
    parse_registry,
    plan_import,
)
from tracker.registry.models import (
    FIELD_LABELS,
    Employee,
    Network,
    OrgKind,
    RecordVersion,
    RegistryRecord,
    compared_fields,
    diff,
    executor_key,
    from_dict,
    record_id,
)
from tracker.registry.obligations import OrderSink
from tracker.registry.reading import read_rows
from tracker.registry.validation import (
    CellError,
    clean_text,
    normalise_email,
    normalise_phone,
    normalise_url,
)
from tracker.who import current_user

META = "registry_meta"
IMPORTS = "registry_imports"
_PAGE_INDEXES = ("page_vk", "page_ok", "page_telegram")


@dataclass(slots=True)
class RegistryFilter:
    text: str | None = None  # in organisation, district, employee, page (case-insensitive)
    district: str | None = None
    kind: OrgKind | None = None
    network: Network | None = None  # has a page in this network
    no_page: bool = False
    no_responsible: bool = False
    gospubliki: bool | None = None
    state_mark: bool | None = None
    include_removed: bool = False


@dataclass(slots=True)
class RecordsPage:
    rows: list[RegistryRecord]
    total: int  # matching the filter, before offset/limit


@dataclass(slots=True)
class RegistryImportPreview:
    """What an import would do, before anything is stored."""

    source: str
    when: date
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    mapping: list[str]  # «"Заголовок" → поле»
    missing_columns: list[str]  # useful columns the file lacks
    data_rows: int
    accepted: int
    errors: list[RowIssue]
    warnings: list[RowIssue]
    plan: ImportPlan
    baseline: bool  # the registry was empty: no «сообщить в ЦУР» obligations
    notes: list[str] = field(default_factory=list)
    parsed: ParsedRegistry | None = field(default=None, repr=False)
    generation: int = 0

    @property
    def new_count(self) -> int:
        return len(self.plan.new)

    @property
    def changed_count(self) -> int:
        return len(self.plan.changed)


@dataclass(slots=True)
class RegistryImportOutcome:
    source: str
    added: int
    changed: int
    unchanged: int
    rejected: int
    obligations: int
    handed_over: int
    message: str


@dataclass(slots=True, frozen=True)
class Obligation:
    id: str
    number: str
    record_id: str
    organisation: str
    text: str
    event_date: date
    due: date
    deadline_text: str
    order_id: str | None
    state: str


_EDITABLE = set(FIELD_LABELS) - {"organisation", "district", "removed"}


@translates_store_errors
class RegistryService:
    def __init__(self, store: Store, order_sink: obligations.OrderSink | None = None,
                 working_days: obligations.WorkingDays | None = None,
                 today: Callable[[], date] | None = None, who: str | None = None) -> None:
        self.store = store
        self.order_sink = order_sink
        self._working_days = working_days
        self._today = today or date.today
        self.who = who or current_user()
        records = store.table(history.RECORDS)
        for name in ("district", *_PAGE_INDEXES):
            records.ensure_index(name)

    # -- reading ----------------------------------------------------------------
    def today(self) -> date:
        return self._today()

    def list_records(self, flt: RegistryFilter | None = None, offset: int = 0,
                     limit: int | None = 200) -> RecordsPage:
        flt = flt or RegistryFilter()
        table = self.store.table(history.RECORDS)
        match = _predicate(flt)
        keys: list[tuple[str, str, str]] = []

        def collect(r: dict[str, Any]) -> bool:
            # sees the stored rows; collects sort keys only, so no record is copied but the page's
            if match(r):
                keys.append((r.get("district") or "", r.get("organisation") or "", r["id"]))
            return False

        if flt.district is not None:
            for r in table.find_by("district", flt.district):
                collect(r)
        else:
            table.filter(collect)
        keys.sort()
        end = None if limit is None else offset + limit
        rows = [table.get(rid) for _d, _o, rid in keys[offset:end]]
        return RecordsPage([from_dict(r) for r in rows if r is not None], len(keys))

    def districts(self) -> list[str]:
        state = self._aggregate().districts
        return sorted(state)

    def get(self, rid: str) -> RegistryRecord:
        return from_dict(self._raw(rid))

    def history(self, rid: str) -> list[RecordVersion]:
        return history.record_versions(self.store, self._raw(rid))

    def as_of(self, day: date) -> list[RegistryRecord]:
        rows = history.as_of(self.store, day)
        rows.sort(key=lambda r: (r.get("district") or "", r.get("organisation") or ""))
        return [from_dict(r) for r in rows]

    def coverage(self, as_of: date | None = None) -> cov.CoverageReport:
        if as_of is not None:
            return cov.compute(history.as_of(self.store, as_of)).report()
        return self._aggregate().report()

    def obligations(self, pending_only: bool = False) -> list[Obligation]:
        rows = self.store.table(obligations.TABLE).all()
        items = [_obligation(r) for r in rows if not pending_only or not r.get("order_id")]
        return sorted(items, key=lambda o: (o.due, o.organisation))

    def norm_settings(self) -> norms.NormSettings:
        return norms.load_norms(self.store)

    # -- changes ----------------------------------------------------------------
    def edit(self, rid: str, changes: dict[str, Any], when: date | None = None, reason: str = "",
             expected_rev: int | None = None) -> RegistryRecord:
        """Change fields of one record; a dated version is kept. Keys are models.FIELD_LABELS names."""
        unknown = set(changes) - _EDITABLE
        if unknown:
            names = ", ".join(sorted(FIELD_LABELS.get(n, n) for n in unknown))
            raise ValidationError(
                f"Поля «{names}» так не меняются: наименование и район меняются повторным импортом."
            )
        when = when or self.today()
        with self.store.transaction():
            old = self._raw(rid)
            data = {**compared_fields(old), **_clean_changes(changes), "id": rid,
                    "executor_key": old.get("executor_key")}
            if "state_mark" in changes and "state_mark_since" not in changes:
                data["state_mark_since"] = _mark_since(old, bool(data["state_mark"]), when)
            self._write([history.Write(old, data, diff(old, data), expected_rev)], when,
                        reason or "правка записи", baseline=False)
        self._hand_over()
        return self.get(rid)

    def edit_employee(self, rid: str, employee: Employee, when: date | None = None, reason: str = "",
                      expected_rev: int | None = None) -> RegistryRecord:
        """A new responsible employee (or new contacts): a dated change in the record's history."""
        changes = {"full_name": employee.full_name, "position": employee.position,
                   "phone": employee.phone, "email": employee.email}
        return self.edit(rid, changes, when, reason or "смена ответственного сотрудника", expected_rev)

    def add_record(self, organisation: str, district: str, when: date | None = None, reason: str = "",
                   **fields: Any) -> RegistryRecord:
        organisation, district = clean_text(organisation), clean_text(district)
        if not organisation:
            raise ValidationError("Укажите наименование учреждения.")
        rid = record_id(district, organisation)
        old = self.store.table(history.RECORDS).get(rid)
        if old is not None and not old.get("removed"):
            raise ValidationError(f"«{organisation}» ({district}) уже есть в реестре.")
        when = when or self.today()
        data = {**dict.fromkeys(FIELD_LABELS), "organisation": organisation, "district": district,
                "exempt": False, "removed": False, **_clean_changes(fields), "id": rid,
                "executor_key": executor_key(organisation)}
        with self.store.transaction():
            self._write([history.Write(old, data, diff(old, data))], when, reason or "добавлено вручную",
                        baseline=False)
        self._hand_over()
        return self.get(rid)

    def remove_record(self, rid: str, when: date | None = None, reason: str = "") -> None:
        """Exclude an institution from the registry (its pages count as deleted)."""
        when = when or self.today()
        with self.store.transaction():
            old = self._raw(rid)
            data = {**compared_fields(old), "removed": True, "id": rid, "executor_key": old.get("executor_key")}
            self._write([history.Write(old, data, diff(old, data))], when, reason or "исключено из реестра",
                        baseline=False)
        self._hand_over()

    # -- import / export ----------------------------------------------------------
    def preview_import(self, path: Path | str, when: date | None = None) -> RegistryImportPreview:
        when = when or self.today()
        sheet = read_rows(Path(path))
        parsed = parse_registry(sheet)
        table = self.store.table(history.RECORDS)
        plan = plan_import(parsed, table.get, when)
        wanted = ("district", "page_vk", "full_name", "phone", "email", "gospubliki", "state_mark")
        missing = [REGISTRY_FIELDS[n][0] for n in wanted if n not in parsed.mapping.fields]
        return RegistryImportPreview(
            source=str(path), when=when, encoding=sheet.encoding, delimiter=sheet.delimiter,
            sheet=sheet.sheet, mapping=parsed.mapping.lines(REGISTRY_FIELDS), missing_columns=missing,
            data_rows=parsed.data_rows, accepted=len(parsed.rows),
            errors=[i for i in parsed.issues if i.severity is Severity.ERROR],
            warnings=[i for i in parsed.issues if i.severity is Severity.WARNING],
            plan=plan, baseline=len(table) == 0, notes=list(sheet.notes), parsed=parsed,
            generation=self._aggregate_record().get("generation", 0),
        )

    def commit_import(self, preview: RegistryImportPreview) -> RegistryImportOutcome:
        if preview.parsed is None:
            raise ValidationError("Предпросмотр импорта пуст: загрузите файл заново.")
        at = datetime.now().isoformat(timespec="seconds")
        name = Path(preview.source).name
        with self.store.transaction():
            table = self.store.table(history.RECORDS)
            plan = preview.plan
            baseline = preview.baseline
            if self._aggregate_record().get("generation", 0) != preview.generation:
                plan = plan_import(preview.parsed, table.get, preview.when)  # someone wrote meanwhile
                baseline = len(table) == 0
            writes = [history.Write(None, {**c.data, "id": c.record_id}, c.changes) for c in plan.new]
            writes += [history.Write(table.get(c.record_id), {**c.data, "id": c.record_id}, c.changes)
                       for c in plan.changed]
            made = self._write(writes, preview.when, f"импорт {name}", baseline=baseline, at=at)
            self.store.table(IMPORTS).insert({
                "source": preview.source, "when": preview.when.isoformat(), "at": at, "who": self.who,
                "added": len(plan.new), "changed": len(plan.changed), "unchanged": plan.unchanged,
                "rejected": len(preview.errors),
            })
        handed = self._hand_over()
        message = (f"Реестр из {name}: добавлено {len(plan.new)}, изменено {len(plan.changed)}, "
                   f"без изменений {plan.unchanged}, строк с ошибками {len(preview.errors)}")
        if made:
            message += f"; контрольных точек «сообщить в ЦУР»: {made}"
        return RegistryImportOutcome(preview.source, len(plan.new), len(plan.changed), plan.unchanged,
                                     len(preview.errors), made, handed, message)

    def export(self, path: Path | str, as_of: date | None = None) -> int:
        if as_of is None:
            rows = self.store.table(history.RECORDS).filter(lambda r: not r.get("removed"))
        else:
            rows = history.as_of(self.store, as_of)
        return exporting.write(Path(path), rows)

    def check_norms(self, path: Path | str, keep: bool = True) -> norms.NormsReport:
        """Weekly activity from a file against the norms; `keep` stores the figures per page and week."""
        activity, issues = norms.read_activity(Path(path))
        settings = self.norm_settings()
        violations, unknown = norms.check(activity, settings, self._record_by_page)
        if keep and activity:
            self._keep_activity(activity)
        by_page: dict[str, list[norms.Violation]] = {}
        for v in violations:
            by_page.setdefault(v.activity.page, []).append(v)
        return norms.NormsReport(
            source=str(path), rows=len(activity), pages=len({a.page for a in activity}),
            weeks=sorted({a.week for a in activity}), violations=violations, issues=issues,
            unknown_pages=unknown, norms=settings, pages_failing=len(by_page), by_page=by_page,
        )

    def hand_over_obligations(self, sink: OrderSink | None = None) -> int:
        """Put pending «сообщить в ЦУР» obligations on control through `sink` (or the service's)."""
        if sink is not None:
            self.order_sink = sink
        return self._hand_over()

    # -- internals ----------------------------------------------------------------
    def _raw(self, rid: str) -> dict[str, Any]:
        row = self.store.table(history.RECORDS).get(rid)
        if row is None:
            raise NotFoundError(f"Запись реестра {rid} не найдена. Обновите список.")
        return row

    def _aggregate_record(self) -> dict[str, Any]:
        return self.store.table(META).get("coverage") or {}

    def _aggregate(self) -> cov.Aggregate:
        state = self._aggregate_record()
        if not state and len(self.store.table(history.RECORDS)):
            return cov.compute(self.store.table(history.RECORDS).all())
        return cov.Aggregate(state)

    def _write(self, writes: list[Write], when: date, reason: str, baseline: bool,
               at: str | None = None) -> int:
        """Store versions, adjust coverage, record obligations; returns obligations made."""
        at = at or datetime.now().isoformat(timespec="seconds")
        history.write_versions(self.store, writes, when, reason, self.who, at)
        meta = self.store.table(META)
        state = self._aggregate_record()
        aggregate = cov.Aggregate(state)
        for write in writes:
            aggregate.replace(write.old, write.data)
        record = {"id": "coverage", **aggregate.state(), "generation": state.get("generation", 0) + 1}
        if state:
            meta.replace(record)
        else:
            meta.insert(record)
        if baseline:
            return 0
        settings = self.norm_settings()
        items = []
        table = self.store.table(obligations.TABLE)
        count = len(table)
        for write in writes:
            events = obligations.page_events(write.old, write.data)
            if not events:
                continue
            count += 1
            due = self.working_days(when, settings.report_working_days)
            items.append(obligations.obligation_record(
                write.data, events, when, due, settings.report_working_days, settings.report_basis,
                f"ЦУР-{count}"))
        if items:
            table.insert_many(items)
        return len(items)

    def working_days(self, start: date, days: int) -> date:
        if self._working_days is None:
            self._working_days = obligations.default_working_days()
        return self._working_days(start, days)

    def _hand_over(self) -> int:
        if self.order_sink is None:
            return 0
        pending = [r for r in self.store.table(obligations.TABLE).all() if not r.get("order_id")]
        return obligations.hand_over(self.store, self.order_sink, pending) if pending else 0

    def _record_by_page(self, key: str) -> dict[str, Any] | None:
        table = self.store.table(history.RECORDS)
        url = f"https://{key}"
        for name in _PAGE_INDEXES:
            for row in table.find_by(name, url):
                if not row.get("removed"):
                    return row
        return None

    def _keep_activity(self, activity: list[norms.WeekActivity]) -> None:
        table = self.store.table("registry_activity")
        with self.store.transaction():
            fresh = []
            for week in activity:
                item: dict[str, Any] = {"id": f"{week.page}|{week.week.isoformat()}", "page": week.page,
                        "week": week.week.isoformat(), "publications": week.publications,
                        "reposts": week.reposts}
                if table.get(item["id"]) is None:
                    fresh.append(item)
                else:
                    table.replace(item)
            table.insert_many(fresh)


def _predicate(flt: RegistryFilter) -> Callable[[dict[str, Any]], bool]:
    text = (flt.text or "").strip().lower()

    def match(r: dict[str, Any]) -> bool:
        if r.get("removed") and not flt.include_removed:
            return False
        if flt.district is not None and (r.get("district") or "") != flt.district:
            return False
        if flt.kind is not None and r.get("kind") != flt.kind.value:
            return False
        if flt.network is not None and not r.get(f"page_{flt.network.value}"):
            return False
        if flt.no_page and (r.get("page_vk") or r.get("page_ok") or r.get("page_telegram")):
            return False
        if flt.no_responsible and (r.get("full_name") or "").strip():
            return False
        if flt.gospubliki is not None and bool(r.get("gospubliki")) != flt.gospubliki:
            return False
        if flt.state_mark is not None and bool(r.get("state_mark")) != flt.state_mark:
            return False
        if text:
            hay = " ".join(str(r.get(n) or "") for n in ("organisation", "district", "full_name", "email",
                                                          "page_vk", "page_ok", "page_telegram")).lower()
            return text in hay
        return True

    return match


def _clean_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise edited values the same way the import does."""
    out: dict[str, Any] = {}
    try:
        for name, value in changes.items():
            if name.startswith("page_"):
                network = Network(name.removeprefix("page_"))
                out[name] = normalise_url(value, network) if value else ""
            elif name == "phone":
                out[name] = normalise_phone(value) if value else ""
            elif name == "email":
                out[name] = normalise_email(value) if value else ""
            elif name == "kind":
                out[name] = OrgKind(value).value if value else None
            elif name == "state_mark_since":
                out[name] = value.isoformat() if isinstance(value, date) else value
            elif name in ("full_name", "position", "exempt_basis"):
                out[name] = clean_text(value or "")
            else:
                out[name] = value
    except CellError as error:
        raise ValidationError(str(error)[0].upper() + str(error)[1:] + ".") from None
    except ValueError as error:
        raise ValidationError(f"Недопустимое значение: {error}.") from None
    return out


def _mark_since(old: dict[str, Any], marked: bool, when: date) -> str | None:
    """Keep the date the mark was first seen; a new mark dates from the change; no mark, no date."""
    if not marked:
        return None
    return old.get("state_mark_since") if old.get("state_mark") else when.isoformat()


def _obligation(row: dict[str, Any]) -> Obligation:
    return Obligation(
        id=row["id"], number=row["number"], record_id=row["record_id"], organisation=row["organisation"],
        text=row["text"], event_date=date.fromisoformat(row["event_date"]), due=date.fromisoformat(row["due"]),
        deadline_text=row["deadline_text"], order_id=row.get("order_id"), state=row.get("state", ""),
    )



__all__ = ["RegistryService", "RegistryFilter", "RecordsPage", "RegistryImportPreview",
           "RegistryImportOutcome", "Obligation"]
