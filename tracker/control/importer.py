"""Importing acts: parse files, say what an import would do, store the reviewed orders.

ActImporter has this one job. It holds what it needs as objects: the store, the query index
(OrderQueries: which acts are known, labels, the executor directory; told of every stored
record) and the calendar. A folder is parsed by parsers.parse_files, which reads the files in
a helper process while this one loads the rules, then extracts them here and in a second helper
(both cores, each taking the next file as it is free), each file read once by its reader.
"""
from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db.api import Store
from tracker import amendments
from tracker.amendments import ref_key
from tracker.calendar import BUNDLED, ProductionCalendar
from tracker.clock import Clock
from tracker.control import history
from tracker.control.api import (
    DraftOrder,
    ImportOutcome,
    ImportPreview,
    ImportProgress,
    OrderQueries,
    PageProgress,
)
from tracker.control.preview import expand_paths, file_sha256, preview_from_parse
from tracker.control.records import (
    ACTS,
    EXECUTORS,
    HISTORY,
    ORDERS,
    act_from_record,
    act_key,
    act_label,
    act_to_record,
    draft_from_dict,
    draft_to_dict,
    executor_to_record,
    fold,
    order_from_record,
)
from tracker.deadlines import build_deadline, describe
from tracker.errors import NotFoundError
from tracker.models import (
    Act,
    ActVersion,
    Assignment,
    DeadlineKind,
    ExecutorRole,
    HistoryEntry,
    Order,
    Status,
)
from tracker.statuses import OPEN, derive_status, withdraw

if TYPE_CHECKING:
    from parsers.model import ParseResult
    from parsers.readers.ocr import OcrControl

Parse = Callable[[Path], "ParseResult"]


class ActImporter:
    """Preview and commit of act files over a Store; keeps the query index current."""

    def __init__(self, store: Store, index: OrderQueries, user: str, clock: Clock,
                 parse: Parse | None = None, calendar: ProductionCalendar = BUNDLED) -> None:
        self.store = store
        self.index = index
        self.calendar = calendar
        self.user = user
        self._now = clock
        self._parse = parse
        self._dirty_executors: set[str] = set()

    # -- preview -------------------------------------------------------------------------
    def preview_file(self, path: Path, on_page: PageProgress | None = None,
                     cancel: threading.Event | None = None) -> ImportPreview:
        """Parse one file and say what importing it would do; nothing is stored.

        Touches no store (only the rows and directory in memory): safe in a worker thread.
        commit_import() checks duplicates and versions again against the fresh database.
        A scan's pages are reported to `on_page`; setting `cancel` stops their recognition.
        """
        path = Path(path)
        sha = file_sha256(path)
        if isinstance(sha, ImportPreview):
            return sha
        return self._review(self._parse_file(path, on_page, cancel), sha)

    def _review(self, result: ParseResult, sha: str) -> ImportPreview:
        """The preview of one parsed file: names as the directory knows them, duplicates and versions."""
        preview = preview_from_parse(result, sha256=sha)
        if preview.error:
            return preview
        directory = self.index.directory
        for draft in preview.orders:  # the directory's names, as the clerk corrected them before
            draft.responsible_names = [
                (found.name if (found := directory.find(written, name)) else name)
                for written, name in zip(draft.responsible, draft.responsible_names, strict=False)
            ]
        self._classify(preview)
        preview.amendment_lines = self.amendment_lines(preview)
        return preview

    def amendment_lines(self, preview: ImportPreview) -> list[str]:
        """What importing this amending act would do to the acts on control (the review screen's lines)."""
        lines: list[str] = []
        quoted = [d.number for d in preview.orders if d.quoted and d.keep]
        for ref in preview.amended_acts:
            key = ref.key()
            label = act_label(ref.kind, ref.number, ref.date)
            target = self.index.act_by_ref(key) if key else None
            if target is None:
                if quoted or preview.repealed:
                    items = ", ".join(quoted + preview.repealed)
                    lines.append(f"изменяет акт {label}, которого нет на контроле: изменения (пункты {items}) "
                                 "применятся, когда он будет загружен")
                continue
            numbers = set(self.index.order_numbers_of_act(target))
            lines.extend(amendments.describe(label, amendments.plan(numbers, quoted, preview.repealed)))
        return lines

    def _parse_file(self, path: Path, on_page: PageProgress | None = None,
                    cancel: threading.Event | None = None) -> ParseResult:
        if self._parse is not None:
            return self._parse(path)
        from parsers import parse_file  # lazy: pymorphy3 and readers load only for an import

        return parse_file(path, source=str(path), ocr=_ocr_control(on_page, cancel))

    def _classify(self, preview: ImportPreview) -> None:
        preview.duplicate_of = self.index.act_by_hash(preview.sha256)
        preview.new_version_of = None
        if preview.duplicate_of is None:
            key = act_key(preview.kind, preview.number, preview.date, preview.issuer, preview.title)
            if key:
                preview.new_version_of = self.index.act_by_key(key)

    def preview_files(self, paths: list[Path], on_page: PageProgress | None = None,
                      cancel: threading.Event | None = None) -> Iterator[ImportProgress]:
        """Parse many files (directories expanded); one progress item per file; nothing stored.
        A scan's pages are reported to `on_page`; setting `cancel` stops the parsing."""
        files = expand_paths(paths)
        if self._parse is not None or len(files) < 2:
            for number, path in enumerate(files, start=1):
                if cancel is not None and cancel.is_set():
                    return
                preview = self.preview_file(path, on_page, cancel)
                yield ImportProgress(done=number, total=len(files), source=str(path), preview=preview)
            return
        from parsers.pipeline import parse_files  # lazy: pymorphy3 and readers load only for an import

        results = parse_files(files, ocr=_ocr_control(on_page, cancel))
        for number, (path, result) in enumerate(zip(files, results, strict=True), start=1):
            sha = file_sha256(path)
            preview = sha if isinstance(sha, ImportPreview) else self._review(result, sha)
            yield ImportProgress(done=number, total=len(files), source=str(path), preview=preview)

    # -- commit --------------------------------------------------------------------------
    def commit_import(self, preview: ImportPreview) -> ImportOutcome:
        """Put the reviewed orders on control (or record a new version of a known act).

        The caller has synced the cache with the store first."""
        if preview.error:
            return ImportOutcome(preview.source, None, 0, "ошибка", preview.error)
        self._classify(preview)
        if preview.duplicate_of:
            label = self.index.act_label(preview.duplicate_of)
            return ImportOutcome(preview.source, preview.duplicate_of, 0, "уже загружен",
                                 f"{preview.source}: этот файл уже загружен ({label}); ничего не добавлено.")
        kept = [d for d in preview.orders if d.keep]
        if not kept and not preview.kind:
            return ImportOutcome(preview.source, None, 0, "пропущен",
                                 f"{preview.source}: в файле не найдено ни реквизитов акта, ни поручений; пропущен.")
        try:
            if preview.new_version_of:
                return self._commit_version(preview, kept)
            return self._commit_new(preview, kept)
        except BaseException:
            self.index.reload()  # the store rolled back: forget executors and rows made in memory
            raise

    def _commit_new(self, preview: ImportPreview, kept: list[DraftOrder]) -> ImportOutcome:
        now = self._now()
        act = Act(
            id=uuid.uuid4().hex[:12], kind=preview.kind, number=preview.number, date=preview.date,
            issuer=preview.issuer, title=preview.title, text=preview.text, format=preview.format,
            controller=preview.controller, signatory=preview.signatory, amends=list(preview.amends),
            versions=[ActVersion(1, preview.source, preview.sha256, now, self.user, [])],
        )
        key = act_key(act.kind, act.number, act.date, act.issuer, act.title)
        own, quoted = _own_and_quoted(preview, kept)
        act_raw = act_to_record(act, key) | {"hashes": [preview.sha256]} | _amendment_fields(preview, quoted)
        label = act_label(act.kind, act.number, act.date)
        changes: list[str] = []
        with self.store.transaction():
            stored_act = self.store.table(ACTS).insert(act_raw)
            self.index.remember_act(stored_act)
            orders = [self.order_from_draft(act, d, now, preview.since) for d in own]
            self.save_executors()
            stored = self.insert_orders(orders, now, f"Поставлено на контроль: {label}")
            added = len(stored)
            for ref in preview.amended_acts:
                target = self.index.act_by_ref(ref.key() or "")
                if target is not None and target != act.id:
                    amended, made, lines = self._amend(act, target, quoted, preview.repealed, now)
                    stored += amended
                    added += made
                    changes += lines
            own_key = ref_key(act.kind, act.number, act.date)
            if own_key:  # amendments imported before this act arrived
                for earlier, drafts, repeals in self._amendments_waiting_for(own_key, act.id):
                    amended, made, lines = self._amend(earlier, act.id, drafts, repeals, now,
                                                       {r["id"]: r for r in stored})
                    stored = [r for r in stored if r["id"] not in {a["id"] for a in amended}] + amended
                    added += made
                    changes += lines
        for raw in stored:
            self.index.put(raw)
        tail = f"; изменений в актах на контроле: {len(changes)}" if changes else ""
        return ImportOutcome(preview.source, act.id, added, "добавлен",
                             f"{preview.source}: {label} — на контроль поставлено поручений: {added}{tail}.",
                             changes)

    def _amendments_waiting_for(self, key: str, act_id: str) -> list[tuple[Act, list[DraftOrder], list[str]]]:
        """Amending acts on record that name the act with this key, oldest first."""
        found = [raw for raw in self.store.table(ACTS).all()
                 if key in (raw.get("amended_keys") or []) and raw["id"] != act_id]
        result = [(act_from_record(raw), [draft_from_dict(d) for d in raw.get("amendment_drafts") or []],
                   list(raw.get("repealed") or [])) for raw in found]
        return sorted(result, key=lambda item: (item[0].date or date.min, item[0].id))

    def _amend(self, amending: Act, target_id: str, drafts: list[DraftOrder], repeals: list[str], now: datetime,
               fresh: dict[str, dict] | None = None) -> tuple[list[dict], int, list[str]]:
        """Apply an amending act to the act `target_id` on control (inside the caller's transaction).

        Returns the stored order records, how many orders were added, and Russian lines."""
        table = self.store.table(ORDERS)
        target = act_from_record(self.store.table(ACTS).get(target_id) or {"id": target_id})
        basis = act_label(amending.kind, amending.number, amending.date)
        target_label = act_label(target.kind, target.number, target.date)
        by_number: dict[str, dict] = {}
        for order_id in self.index.order_ids_of_act(target_id):
            if (raw := table.get(order_id)) is not None:
                by_number[raw["number"]] = raw
        for raw in (fresh or {}).values():
            if raw.get("act_id") == target_id:
                by_number[raw["number"]] = raw
        steps = amendments.plan(set(by_number), [d.number for d in drafts], repeals)
        drafts_by_number = {d.number: d for d in drafts}
        stored: list[dict] = []
        entries: list[dict] = []
        created: list[Order] = []
        lines: list[str] = []
        data = {"basis": amending.id, "basis_label": basis}
        for change in steps:
            if change.step == amendments.Step.ADD:
                created.append(self.order_from_draft(target, drafts_by_number[change.number], now))
                lines.append(f"{target_label}: пункт {change.number} — новый пункт ({basis})")
                continue
            raw = by_number[change.number]
            order = order_from_record(raw)
            if change.step == amendments.Step.REWORD:
                what = self._merge_order(order, target, drafts_by_number[change.number], now)
                entry = HistoryEntry(now, self.user, "version",
                                     f"Новая редакция пункта {order.number}" + (f": {'; '.join(what)}" if what else ""),
                                     f"основание: {basis}", data)
                lines.append(f"{target_label}: пункт {change.number} — новая редакция ({basis})")
            else:
                if order.status not in OPEN:
                    continue
                reason = f"пункт признан утратившим силу: {basis}"
                withdraw(order, reason)
                entry = HistoryEntry(now, self.user, "withdraw", f"Снято с контроля: {reason}", reason, data)
                lines.append(f"{target_label}: пункт {change.number} — утратил силу ({basis})")
            record, written = history.with_entry(self.store, order, raw, entry)
            if written is not None:
                entries.append(written)
            stored.append(table.replace(record, expected_rev=raw["_rev"]))
        if entries:
            self.store.table(HISTORY).insert_many(entries)
        self.save_executors()
        stored += self.insert_orders(created, now, f"Добавлено изменением ({basis}) в {target_label}")
        return stored, len(created), lines

    def insert_orders(self, orders: list[Order], now: datetime, what: str) -> list[dict]:
        """Store new orders with their «created» history entries (inside the caller's transaction)."""
        written = [history.with_entry(self.store, o, None, HistoryEntry(now, self.user, "created",
                                                                        f"{what}, п. {o.number}"))
                   for o in orders]
        stored = self.store.table(ORDERS).insert_many([record for record, _entry in written])
        self.store.table(HISTORY).insert_many([entry for _record, entry in written if entry is not None])
        return stored

    def order_from_draft(self, act: Act, draft: DraftOrder, now: datetime, since: date | None = None) -> Order:
        """A new order of `act` from a reviewed draft; executors resolved (and learned) in the directory.

        Its control points start the day it is put on control, or on `since` when the clerk
        catches up history on purpose; a term counted from the act's signing is dated now."""
        deadline = build_deadline(draft.deadline_text, draft.due, draft.recurrence, draft.relative,
                                  start=since or now.date(), act_date=act.date, calendar=self.calendar,
                                  order_text=draft.text)
        return Order(
            id=uuid.uuid4().hex[:12], act_id=act.id, number=draft.number or "?", text=draft.text,
            parent=draft.parent, span=draft.span, deadline=deadline,
            assignments=self._assignments(draft), confidence=draft.confidence, created=now.date(),
        )

    def _assignments(self, draft: DraftOrder) -> list[Assignment]:
        directory = self.index.directory
        result: list[Assignment] = []
        seen: set[str] = set()
        names = list(draft.responsible_names)
        written = list(draft.responsible) + [None] * max(0, len(names) - len(draft.responsible))
        persons = list(draft.persons) + [None] * max(0, len(names) - len(draft.persons))
        for as_written, name, person in zip(written, names, persons, strict=False):
            if not (name or as_written):
                continue
            resolution = directory.resolve(as_written or name, name, person)
            if resolution.created or resolution.learned:
                self._dirty_executors.add(resolution.executor.id)
            if resolution.executor.id not in seen:
                seen.add(resolution.executor.id)
                result.append(Assignment(resolution.executor.id, as_written or name, person=person))
        co_persons = list(draft.coexecutor_persons) + [None] * max(0, len(draft.coexecutors) - len(draft.coexecutor_persons))
        for name, person in zip(draft.coexecutors, co_persons, strict=False):
            if not name:
                continue
            # the official named beside a co-executor («(Т.Н. Зуева)») is kept as for the responsible
            resolution = directory.resolve(name, name, person)
            if resolution.created or resolution.learned:
                self._dirty_executors.add(resolution.executor.id)
            if resolution.executor.id not in seen:
                seen.add(resolution.executor.id)
                result.append(Assignment(resolution.executor.id, name, role=ExecutorRole.COEXECUTOR, person=person))
        return result

    def save_executors(self) -> None:
        """Write the executors the last import created or taught new spellings."""
        table = self.store.table(EXECUTORS)
        directory = self.index.directory
        for executor_id in sorted(self._dirty_executors):
            executor = directory.get(executor_id)
            if executor is None:
                continue
            record = executor_to_record(executor)
            if table.get(executor_id) is None:
                table.insert(record)
            else:
                table.replace(record)
        self._dirty_executors = set()

    def _commit_version(self, preview: ImportPreview, kept: list[DraftOrder]) -> ImportOutcome:
        now = self._now()
        act_id = preview.new_version_of or ""
        acts = self.store.table(ACTS)
        orders_table = self.store.table(ORDERS)
        # an amending act's quoted items reword another act: they are not its own orders in any of its files
        kept, quoted = _own_and_quoted(preview, kept)
        with self.store.transaction():
            act_raw = acts.get(act_id)
            if act_raw is None:
                raise NotFoundError(f"Акт {act_id} не найден: база изменилась, повторите импорт.")
            act = act_from_record(act_raw)
            changes = _act_changes(act, preview)
            old_orders = {}
            for order_id in self.index.order_ids_of_act(act_id):
                raw = orders_table.get(order_id)
                if raw is not None:
                    old_orders[raw["number"]] = raw
            new_numbers = {d.number for d in kept}
            version = len(act.versions) + 1
            updated: list[dict] = []
            entries: list[dict] = []
            created: list[Order] = []
            for draft in kept:
                raw = old_orders.get(draft.number)
                if raw is None:
                    created.append(self.order_from_draft(act, draft, now, preview.since))
                    changes.append(f"Добавлен пункт {draft.number}")
                    continue
                order = order_from_record(raw)
                lines = self._merge_order(order, act, draft, now)
                entry = None
                if lines:
                    changes.extend(f"Пункт {order.number}: {line}" for line in lines)
                    entry = HistoryEntry(now, self.user, "version", "; ".join(lines), f"редакция {version} акта", {})
                order.span = draft.span
                record, written = history.with_entry(self.store, order, raw, entry)
                if written is not None:
                    entries.append(written)
                updated.append(record | {"_expected": raw["_rev"]})
            for number, raw in old_orders.items():
                if number in new_numbers:
                    continue
                changes.append(f"Исключён пункт {number}")
                order = order_from_record(raw)
                if order.status in OPEN:
                    reason = f"пункт исключён в редакции {version} акта"
                    withdraw(order, reason)
                    record, written = history.with_entry(self.store, order, raw, HistoryEntry(
                        now, self.user, "withdraw", f"Снято с контроля: {reason}", reason, {}))
                    if written is not None:
                        entries.append(written)
                    updated.append(record | {"_expected": raw["_rev"]})
            hashes = list(act_raw.get("hashes") or []) + [preview.sha256]
            if not changes:
                stored_act = acts.update(act_id, {"hashes": hashes}, expected_rev=act_raw["_rev"])
                self.index.remember_act(stored_act)
                return ImportOutcome(preview.source, act_id, 0, "уже загружен",
                                     f"{preview.source}: этот акт уже загружен, изменений нет.")
            act.versions.append(ActVersion(version, preview.source, preview.sha256, now, self.user, changes))
            act.text, act.title, act.issuer = preview.text, preview.title or act.title, preview.issuer or act.issuer
            act.controller = preview.controller or act.controller
            act.signatory = preview.signatory or act.signatory
            kept_amendments = {k: act_raw[k] for k in ("amended_keys", "amendment_drafts", "repealed") if k in act_raw}
            kept_amendments |= _amendment_fields(preview, quoted)
            record = act_to_record(act, act_raw.get("key")) | {"hashes": hashes} | kept_amendments
            stored_act = acts.replace(record, expected_rev=act_raw["_rev"])
            self.index.remember_act(stored_act)
            stored: list[dict] = []
            for record in updated:
                expected = record.pop("_expected")
                stored.append(orders_table.replace(record, expected_rev=expected))
            if entries:
                self.store.table(HISTORY).insert_many(entries)
            self.save_executors()
            label = act_label(act.kind, act.number, act.date)
            stored += self.insert_orders(created, now, f"Поставлено на контроль: {label}, редакция {version}")
        for raw in stored:
            self.index.put(raw)
        return ImportOutcome(
            preview.source, act_id, len(created), "новая редакция",
            f"{preview.source}: новая редакция {version} акта «{label}»; изменений: {len(changes)}, "
            f"новых поручений: {len(created)}.", changes,
        )

    def _merge_order(self, order: Order, act: Act, draft: DraftOrder, now: datetime) -> list[str]:
        """Bring an order in line with the new wording of its act; Russian lines of what changed."""
        lines: list[str] = []
        if fold(" ".join(order.text.split())) != fold(" ".join(draft.text.split())):
            order.text = draft.text
            lines.append("изменён текст")
        old = order.deadline
        new = build_deadline(draft.deadline_text, draft.due, draft.recurrence, draft.relative,
                             start=old.start or order.created or now.date(), act_date=act.date,
                             calendar=self.calendar, order_text=draft.text)
        original_due = order.extensions[0].old if order.extensions else old.due
        if (new.kind, new.recurrence, new.relative) != (old.kind, old.recurrence, old.relative) or (
                new.kind == DeadlineKind.DATE and new.due != original_due):
            lines.append(f"срок «{describe(old)}» → «{describe(new)}»")
            if old.kind == DeadlineKind.RECURRING and new.kind == DeadlineKind.RECURRING:
                new.covered_until = old.covered_until
                if new.point_day is None:  # the words name no day: keep the one the clerk set
                    new.point_day, new.point_offset = old.point_day, old.point_offset
            order.deadline = new
        before = {a.executor_id for a in order.assignments}
        fresh = self._assignments(draft)
        after = {a.executor_id for a in fresh}
        name = self.index.executor_name
        for part in fresh:
            if part.executor_id not in before:
                order.assignments.append(part)
                lines.append(f"добавлен исполнитель «{name(part.executor_id)}»")
        for part in list(order.assignments):
            if part.executor_id not in after:
                order.assignments.remove(part)
                lines.append(f"исключён исполнитель «{name(part.executor_id)}»")
        if order.status != Status.WITHDRAWN:
            order.status = derive_status(order)
        return lines


def _own_and_quoted(preview: ImportPreview, kept: list[DraftOrder]) -> tuple[list[DraftOrder], list[DraftOrder]]:
    """An amending act's items split into its own orders and the quoted wording of the acts it amends."""
    if not preview.amended_acts:
        return kept, []
    return [d for d in kept if not d.quoted], [d for d in kept if d.quoted]


def _amendment_fields(preview: ImportPreview, quoted: list[DraftOrder]) -> dict:
    """What an amending act keeps to apply again to an amended act that arrives later."""
    if not preview.amended_acts:
        return {}
    return {"amended_keys": [k for ref in preview.amended_acts if (k := ref.key())],
            "amendment_drafts": [draft_to_dict(d) for d in quoted], "repealed": list(preview.repealed)}


def _act_changes(act: Act, preview: ImportPreview) -> list[str]:
    changes = []
    for label, old, new in (("Заголовок", act.title, preview.title), ("Подписал", act.signatory, preview.signatory),
                            ("Контроль", act.controller, preview.controller)):
        if new and (old or "") != new:
            changes.append(f"{label}: «{old or '—'}» → «{new}»")
    return changes


def _ocr_control(on_page: PageProgress | None, cancel: threading.Event | None) -> OcrControl:
    """The parsers' OCR control for this import: page progress to `on_page`, stopped by `cancel`."""
    from parsers.readers.ocr import OcrControl

    control = OcrControl(progress=(lambda p: on_page(p.source, p.done, p.total)) if on_page else None)
    if cancel is not None:
        control.cancel = cancel
    return control
