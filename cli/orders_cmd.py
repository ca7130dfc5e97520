"""Control commands: import, orders, show, report, done, return, extend, withdraw, comment,
export, settings.

Every command takes --db PATH. Dates are typed as ДД.ММ.ГГГГ; orders are named by the
first characters of their id as `tracker orders` shows them. The service, the store and
the parsers are imported inside the commands: `tracker --help` stays light.
$TRACKER_TODAY (ДД.ММ.ГГГГ) fixes «today» for scripts and tests (tracker.clock, for every command).
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli import common
from cli.common import DbOption, fail, friendly_errors, page_read
from russian_errors import os_problem
from tracker.rules import STATUS_RULE

if TYPE_CHECKING:
    from tracker.control.api import ImportPreview, OrderFilter, OrderRow
    from tracker.control.service import ControlService
    from tracker.models import Status

IdArg = Annotated[str, typer.Argument(metavar="КОД", help="Код поручения (первые символы, как в `tracker orders`).",
                                      show_default=False)]
ExecutorOpt = Annotated[str | None, typer.Option("--executor", "-e", show_default=False,
                                                 help="Исполнитель (часть наименования); по умолчанию — все.")]
STATUS_WORDS = {
    "на исполнении": "на исполнении", "исполнение": "на исполнении", "на контроле": "на исполнении",
    "отчёт представлен": "отчёт представлен", "отчет представлен": "отчёт представлен",
    "на приёмке": "отчёт представлен", "на приемке": "отчёт представлен", "отчёт": "отчёт представлен",
    "на доработке": "на доработке", "доработка": "на доработке",
    "исполнено": "исполнено", "исполнен": "исполнено",
    "снято с контроля": "снято с контроля", "снято": "снято с контроля",
}


# -- shared helpers -------------------------------------------------------------------------
def open_cli_service(db: str | Path | None) -> ControlService:
    """The control service of the application on --db (its clock honours $TRACKER_TODAY)."""
    return common.open_app(db).control


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    from tracker.dates import parse_user_date

    return parse_user_date(text)


def _executor_id(service: ControlService, text: str | None) -> str | None:
    if not text:
        return None
    from tracker.errors import NotFoundError, ValidationError

    found = service.find_executors(text)
    if not found:
        raise NotFoundError(f"Исполнитель «{text}» не найден. Список: `tracker orders --json` или экран «Поручения».")
    if len(found) > 1:
        names = "; ".join(f"{e.name} [{e.id}]" for e in found[:5])
        raise ValidationError(f"Под «{text}» подходят несколько исполнителей: {names}. Уточните.")
    return found[0].id


def _order_executor(service: ControlService, order_id: str, text: str | None) -> str | None:
    """An executor of this order named by part of its name or its spelling in the act."""
    if not text:
        return None
    from tracker.errors import ValidationError

    order = service.get_order(order_id)
    low = text.lower().replace("ё", "е")
    def names(part) -> str:  # noqa: ANN001 - an Assignment
        executor = service.directory.get(part.executor_id)
        return f"{part.as_written} {executor.name if executor else ''}".lower().replace("ё", "е")

    matches = [a.executor_id for a in order.assignments if a.executor_id.startswith(low) or low in names(a)]
    if len(set(matches)) != 1:
        listed = "; ".join(a.as_written for a in order.assignments) or "исполнителей нет"
        raise ValidationError(f"У поручения {order.number} исполнитель «{text}» не определён однозначно ({listed}).")
    return matches[0]


def _fmt(day: date | None) -> str:
    return f"{day:%d.%m.%Y}" if day else "—"


def _cut(text: str, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _change_order(db: str | Path | None, order_id: str, message: str,
                  apply: Callable[[ControlService, str], object]) -> None:
    """Open the service, apply one change to the order (its id or prefix), say what became of it."""
    service = open_cli_service(db)
    try:
        full = service.resolve_order_id(order_id)
        apply(service, full)
        order = service.get_order(full)
        typer.echo(f"{message}: поручение {order.id[:8]} (п. {order.number}) — «{order.status}».")
        if order.deadline.kind == "recurring" and message == "Исполнение принято":
            history = service.order_card(full).order.history  # which period each executor's acceptance closed
            if history:
                typer.echo(history[-1].what)
    finally:
        service.close()


# -- import -----------------------------------------------------------------------------------
def _describe_preview(preview: ImportPreview) -> str:
    if preview.error:
        return f"  ошибка: {preview.error}"
    from tracker.control.records import act_label

    label = act_label(preview.kind, preview.number, preview.date) if preview.kind else "акт не распознан"
    kept = [o for o in preview.orders if o.keep]
    state = ("уже загружен" if preview.duplicate_of else "акт уже известен: будет сверен, изменения — новой редакцией"
             if preview.new_version_of else "новый")
    lines = [f"  {label}" + (f" «{_cut(preview.title, 70)}»" if preview.title else "") + f" — {state};"
             f" поручений: {len(kept)}"]
    for draft in kept[:30]:
        who = "; ".join(draft.responsible_names) or "без исполнителя"
        when = _fmt(draft.due) if draft.due else (draft.recurrence or draft.relative or draft.deadline_text or "—")
        lines.append(f"    п. {draft.number}: {_cut(who, 50)} — срок: {_cut(when, 40)}")
    if len(kept) > 30:
        lines.append(f"    … и ещё {len(kept) - 30}")
    lines.extend(f"    {line}" for line in preview.amendment_lines)
    lines.extend(f"    предупреждение: {w}" for w in preview.warnings[:5])
    return "\n".join(lines)


def _confirm(question: str) -> bool:
    answer = typer.prompt(f"{question} [д/н]", default="н", show_default=False)
    return answer.strip().lower() in {"д", "да", "y", "yes"}


def import_files(service: ControlService, paths: list[Path], yes: bool, dry_run: bool,
                 since: date | None = None) -> int:
    """Preview every file, show it, confirm, commit; returns the number of failed files.

    `since`: control points of periodic orders start on this date instead of today (catching up history)."""
    from tracker.control.preview import expand_paths

    files = expand_paths(paths)
    if not files:
        raise fail("не найдено ни одного файла акта (.docx, .pdf, .txt, .rtf, .odt, .doc, сканов .jpg, .png, .tif).")
    previews: list[ImportPreview] = []
    if len(files) > 1:
        # the files are read in a helper process while this one extracts (both cores), each once
        with typer.progressbar(length=len(files), label="Разбор файлов", file=sys.stderr) as bar:
            for progress in service.preview_files(files, on_page=page_read):
                if progress.preview is not None:
                    previews.append(progress.preview)
                bar.update(1)
    else:
        previews.append(service.preview_file(files[0], on_page=page_read))
    for preview in previews:
        typer.echo(preview.source)
        typer.echo(_describe_preview(preview))
    failed = sum(1 for p in previews if p.error)
    todo = [p for p in previews if not p.error and not p.duplicate_of]
    # counted before committing: commit_import marks a file's second copy in this batch as a
    # duplicate too, and its outcome «уже загружен» counts it then (once)
    known_before = len(previews) - failed - len(todo)
    orders = sum(len([o for o in p.orders if o.keep]) for p in todo)
    if dry_run:
        typer.echo(f"Пробный прогон: файлов {len(previews)}, к загрузке {len(todo)}, поручений {orders}, "
                   f"ошибок {failed}. В базу ничего не записано.")
        return failed
    if not todo:
        typer.echo(f"Загружать нечего: файлов {len(previews)}, уже загружено {known_before}, ошибок {failed}.")
        return failed
    if not yes and not _confirm(f"Поставить на контроль поручения ({orders}) из файлов ({len(todo)})?"):
        typer.echo("Отменено: в базу ничего не записано.")
        return failed
    counts: dict[str, int] = {}
    added = 0
    for preview in todo:
        preview.since = since
        outcome = service.commit_import(preview)
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
        added += outcome.added_orders
        stream = sys.stderr if outcome.status == "ошибка" else sys.stdout
        print(outcome.message, file=stream)
        for change in outcome.changes[:20]:
            print(f"    {change}")
    failed += counts.get("ошибка", 0)
    typer.echo(
        f"Итого: файлов {len(previews)}; актов добавлено {counts.get('добавлен', 0)}, новых редакций "
        f"{counts.get('новая редакция', 0)}, уже загружено "
        f"{counts.get('уже загружен', 0) + known_before}, пропущено "
        f"{counts.get('пропущен', 0)}; поручений поставлено на контроль: {added}; ошибок: {failed}."
    )
    return failed


# -- listing ----------------------------------------------------------------------------------
def _statuses(text: str | None) -> tuple[set[Status] | None, bool]:
    """Statuses from Russian words; «просрочено» is a filter, not a status."""
    from tracker.errors import ValidationError
    from tracker.models import Status

    if not text:
        return None, False
    chosen: set[Status] = set()
    overdue = False
    for word in (w.strip().lower() for w in text.split(",")):
        if word in {"просрочено", "просрочен", "просроченные"}:
            overdue = True
        elif word in STATUS_WORDS:
            chosen.add(Status(STATUS_WORDS[word]))
        else:
            raise ValidationError(
                f"Статус «{word}» неизвестен. Возможны: на исполнении, на приёмке, на доработке, исполнено, "
                "снято с контроля, просрочено."
            )
    return (chosen or None), overdue


def _act_id(service: ControlService, text: str | None) -> str | None:
    if not text:
        return None
    from tracker.errors import NotFoundError, ValidationError

    low = text.strip().lower()
    acts = service.acts()
    # the act's number first: a random id may begin with the digits the clerk typed as a number
    found = [a for a in acts if (a.number or "").lower() == low] or [a for a in acts if a.id.startswith(low)]
    if not found:
        raise NotFoundError(f"Акт «{text}» не найден (укажите номер акта или начало его кода).")
    if len(found) > 1:
        raise ValidationError(f"Под «{text}» подходят несколько актов: " + "; ".join(f"{a.id[:8]}" for a in found))
    return found[0].id


def row_json(row: OrderRow) -> dict:
    return {
        "id": row.id, "short_id": row.id[:8], "act": row.act_label, "number": row.number,
        "executors": row.executors, "due": row.due.isoformat() if row.due else None,
        "deadline": row.deadline_text, "days_left": row.days_left, "status": str(row.status),
        "overdue": row.overdue, "overdue_points": row.overdue_points, "text": row.text,
        "needs_date": row.needs_date, "permanent": row.permanent,
        "parts": [{"executor_id": p.executor_id, "name": p.name, "coexecutor": p.coexecutor, "status": str(p.status)}
                  for p in row.parts],
    }


def overdue_points_line(rows: list[OrderRow]) -> str:
    """«Просроченных контрольных точек: 10 (в 8 поручениях) — их и считают сводка и `draft report`»."""
    points = sum(row.overdue_points for row in rows)
    orders = sum(1 for row in rows if row.overdue)
    where = "поручении" if orders % 10 == 1 and orders % 100 != 11 else "поручениях"
    return (f"Просроченных контрольных точек: {points} в {orders} {where} (у периодического поручения каждый "
            f"не принятый период — своя точка, см. tracker show КОД); это число показывают сводка и draft report.")


def print_rows(rows: list[OrderRow]) -> None:
    header = f"{'Код':8}  {'Акт':28}  {'№':6}  {'Исполнитель':32}  {'Срок':22}  {'Дней':>5}  Статус"
    typer.echo(header)
    for row in rows:
        status = "ПРОСРОЧЕНО" if row.overdue else "НУЖНА ДАТА" if row.needs_date else str(row.status)
        if row.overdue_points > 1:
            status += f" (точек: {row.overdue_points})"
        if len(row.parts) > 1 and len({p.status for p in row.parts}) > 1:  # parts differ: say whose is where
            status += " (" + "; ".join(f"{_cut(p.name, 18)}: {p.status}" for p in row.parts) + ")"
        days = "" if row.days_left is None else str(row.days_left)
        typer.echo(f"{row.id[:8]:8}  {_cut(row.act_label, 28):28}  {_cut(row.number, 6):6}  "
                   f"{_cut(row.executors, 32):32}  {_cut(row.deadline_text, 22):22}  {days:>5}  {status}")


def build_filter(service: ControlService, overdue: bool, due_within: int | None, executor: str | None,
                 act: str | None, status: str | None, text: str | None, open_only: bool,
                 needs_date: bool = False, permanent: bool = False) -> OrderFilter:
    from tracker.control.api import OrderFilter, SortKey

    statuses, status_overdue = _statuses(status)
    return OrderFilter(
        text=text, executor_id=_executor_id(service, executor), act_id=_act_id(service, act),
        statuses=statuses, overdue=overdue or status_overdue, due_within_days=due_within,
        include_closed=not open_only, sort=SortKey.DEADLINE, needs_date=needs_date, permanent=permanent,
    )


def show_card(service: ControlService, order_id: str) -> None:
    card = service.order_card(order_id)
    order, act = card.order, card.act
    from tracker.control.records import act_label

    typer.echo(f"Поручение {order.id[:8]} — п. {order.number} {act_label(act.kind, act.number, act.date)}")
    if act.title:
        typer.echo(f"Акт: {act.title}")
    typer.echo(f"Статус: {order.status}" + (" (ПРОСРОЧЕНО)" if card.overdue else "")
               + (f"; причина снятия: {order.withdrawn_reason}" if order.withdrawn_reason else ""))
    from tracker.deadlines import describe

    deadline = describe(order.deadline)
    if order.deadline.text and order.deadline.text not in deadline:
        deadline += f" («{order.deadline.text}»)"
    if card.next_due:
        deadline += f"; ближайшая открытая контрольная точка {_fmt(card.next_due)}"
    if card.needs_date:
        deadline += f"; НУЖНА ДАТА события: `tracker anchor {order.id[:8]} --date ДД.ММ.ГГГГ`"
    if card.days_left is not None:
        deadline += (f"; просрочено дней: {-card.days_left}" if card.days_left < 0
                     else f"; осталось дней: {card.days_left}")
    typer.echo(f"Срок: {deadline}")
    if card.missed_points:
        typer.echo("Не приняты контрольные точки: " + ", ".join(_fmt(p) for p in card.missed_points))
    if order.closed_points:
        typer.echo("Приняты контрольные точки: " + ", ".join(
            f"{_fmt(p.due)} (принято {_fmt(p.done_at)})" for p in order.closed_points[-6:]))
    for ext in order.extensions:
        basis = f", основание: {ext.basis}" if ext.basis else ""
        typer.echo(f"  перенос {_fmt(ext.old)} → {_fmt(ext.new)}: {ext.reason}{basis} ({ext.who}, {ext.at:%d.%m.%Y})")
    typer.echo("Исполнители:")
    if not order.assignments:
        typer.echo("  не указаны")
    for part in order.assignments:
        executor = service.directory.get(part.executor_id)
        role = "" if part.role == "responsible" else " (соисполнитель)"
        order_closed = {p.due for p in order.closed_points}
        own = [p for p in part.closed_points if p.due not in order_closed]  # accepted, the others not yet
        extra = "".join([f"; отчёт {_fmt(part.reported_at)}" if part.reported_at else "",
                         f"; исполнено {_fmt(part.done_at)}" if part.done_at else "",
                         "; принято за контрольные точки: " + ", ".join(
                             f"{_fmt(p.due)} ({_fmt(p.done_at)})" for p in own) if own else ""])
        name = executor.name if executor else part.as_written
        person = f" ({part.person})" if part.person else ""
        typer.echo(f"  {name}{person}{role} — {part.status}{extra}")
    typer.echo("Текст:")
    typer.echo(f"  {order.text}")
    typer.echo("История:")
    for entry in order.history:
        why = f" — {entry.why}" if entry.why and entry.why not in entry.what else ""
        typer.echo(f"  {entry.at:%d.%m.%Y %H:%M} {entry.who}: {entry.what}{why}")


# -- settings -----------------------------------------------------------------------------------
def _settings_sections() -> dict[str, type]:
    from tracker import settings
    from tracker.drafting import config  # noqa: F401 - features register their sections when imported
    from tracker.registry import norms  # noqa: F401

    return settings.SECTIONS


def _convert(value: str, current: object) -> object:
    from tracker.errors import ValidationError

    if isinstance(current, bool):
        if value.lower() in {"да", "yes", "true", "1", "вкл"}:
            return True
        if value.lower() in {"нет", "no", "false", "0", "выкл"}:
            return False
        raise ValidationError(f"Ожидается «да» или «нет», а не «{value}».")
    if isinstance(current, int):
        try:
            return int(value)
        except ValueError:
            raise ValidationError(f"Ожидается целое число, а не «{value}».") from None
    if isinstance(current, float):
        try:
            return float(value.replace(",", "."))
        except ValueError:
            raise ValidationError(f"Ожидается число, а не «{value}».") from None
    return value


# -- commands ---------------------------------------------------------------------------------------
def register(app: typer.Typer) -> None:
    """Add the control commands to the app."""

    @app.command("import")
    @friendly_errors
    def import_cmd(
        paths: Annotated[list[Path], typer.Argument(help="Файлы актов или папки с ними.", show_default=False)],
        yes: Annotated[bool, typer.Option("--yes", "-y", help="Не задавать вопросов: сразу поставить на контроль.")] = False,
        dry_run: Annotated[bool, typer.Option("--dry-run", help="Только показать, что найдено; ничего не записывать.")] = False,
        since: Annotated[str | None, typer.Option(
            "--since", metavar="ДД.ММ.ГГГГ", show_default=False,
            help="Контрольные точки периодических поручений считать с этой даты, а не с сегодняшней "
                 "(чтобы нарочно наверстать историю); периоды до неё не просрочены.")] = None,
        db: DbOption = None,
    ) -> None:
        """Загрузить акты: найти поручения и поставить их на контроль (повторный файл ничего не добавит).

        Периодические поручения контролируются с дня постановки на контроль (или с --since); срок
        «со дня подписания» получает дату сразу; акт об изменениях меняет поручения изменённого акта."""
        service = open_cli_service(db)
        try:
            failed = import_files(service, paths, yes, dry_run, _date(since))
        finally:
            service.close()
        common.work_is_done()
        if failed:
            raise typer.Exit(1)

    @app.command("orders")
    @friendly_errors
    def orders_cmd(
        overdue: Annotated[bool, typer.Option("--overdue", help="Только просроченные.")] = False,
        due_within: Annotated[int | None, typer.Option("--due-within", metavar="N", show_default=False,
                                                       help="Срок наступает в ближайшие N дней.")] = None,
        executor: ExecutorOpt = None,
        act: Annotated[str | None, typer.Option("--act", show_default=False, help="Акт: его номер или код.")] = None,
        status: Annotated[str | None, typer.Option("--status", show_default=False,
                                                   help="Статусы через запятую: на исполнении, на приёмке, "
                                                        "на доработке, исполнено, снято, просрочено.")] = None,
        text: Annotated[str | None, typer.Option("--text", show_default=False, help="Слова из текста, акта или исполнителя.")] = None,
        open_only: Annotated[bool, typer.Option("--open", help="Только не исполненные и не снятые.")] = False,
        limit: Annotated[int, typer.Option("--limit", help="Сколько строк показать (0 — все).")] = 100,
        as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: одна строка на поручение.")] = False,
        needs_date: Annotated[bool, typer.Option(
            "--needs-date", help="«Нужна дата»: относительные сроки, у которых не задана дата события "
                                 "(задать: tracker anchor КОД --date ДД.ММ.ГГГГ).")] = False,
        permanent: Annotated[bool, typer.Option("--permanent", help="Только «постоянно» (никогда не просрочены).")] = False,
        db: DbOption = None,
    ) -> None:
        """Список поручений с отбором по сроку, исполнителю, акту, статусу и тексту.

        Периодическое поручение просрочено, только если не принят отчёт за период, срок которого
        прошёл; «постоянно» и нормы («не менее 3 материалов в неделю») не просрочиваются."""
        service = open_cli_service(db)
        try:
            flt = build_filter(service, overdue, due_within, executor, act, status, text, open_only,
                               needs_date, permanent)
            page = service.list_orders(flt, limit=None if (limit == 0 or as_json or overdue) else limit)
        finally:
            service.close()
        if as_json:
            for row in page.rows:
                sys.stdout.write(json.dumps(row_json(row), ensure_ascii=False) + "\n")
            return
        if not page.rows:
            typer.echo("Поручений по этому отбору нет.")
            return
        shown = page.rows if limit == 0 else page.rows[:limit]
        print_rows(shown)
        if overdue and sum(row.overdue_points for row in page.rows) != page.total:
            typer.echo(overdue_points_line(page.rows))  # the figure the dashboard and the report give
        tail = f" (показано {len(shown)}; все: --limit 0)" if len(shown) < page.total else ""
        typer.echo(f"Всего: {page.total}{tail}")

    @app.command("show")
    @friendly_errors
    def show_cmd(order_id: IdArg, db: DbOption = None) -> None:
        """Карточка поручения: текст, срок и переносы, исполнители, история."""
        service = open_cli_service(db)
        try:
            show_card(service, order_id)
        finally:
            service.close()

    @app.command("report", help="Отметить, что отчёт об исполнении представлен (часть исполнителя — на приёмке).\n\n"
                 "Отчёт исполнителя, чья часть открыта, принимается всегда, даже если другие исполнители "
                 "уже исполнили свои части.\n\n" + STATUS_RULE)
    @friendly_errors
    def report_cmd(
        order_id: IdArg, executor: ExecutorOpt = None,
        text: Annotated[str, typer.Option("--text", "-t", help="Что сообщил исполнитель (кратко).")] = "",
        when: Annotated[str | None, typer.Option("--date", metavar="ДД.ММ.ГГГГ", show_default=False,
                                                 help="Дата отчёта (по умолчанию сегодня).")] = None,
        db: DbOption = None,
    ) -> None:
        """Отметить, что отчёт об исполнении представлен (поручение — на приёмке)."""
        _change_order(db, order_id, "Отчёт отмечен",
                      lambda service, full: service.report_received(full, _order_executor(service, full, executor), text, _date(when)))

    @app.command("done", help="Принять исполнение (после отчёта). С --executor принимается только часть "
                 "этого исполнителя; без него — части всех исполнителей, представивших отчёт.\n\n" + STATUS_RULE)
    @friendly_errors
    def done_cmd(
        order_id: IdArg, executor: ExecutorOpt = None,
        when: Annotated[str | None, typer.Option("--date", metavar="ДД.ММ.ГГГГ", show_default=False,
                                                 help="Дата исполнения (по умолчанию сегодня).")] = None,
        point: Annotated[str | None, typer.Option(
            "--point", metavar="ДД.ММ.ГГГГ", show_default=False,
            help="Периодическое поручение: контрольная точка (период), которую закрывает приёмка; "
                 "по умолчанию — самая ранняя не принятая.")] = None,
        db: DbOption = None,
    ) -> None:
        _change_order(db, order_id, "Исполнение принято",
                      lambda service, full: service.accept(full, _order_executor(service, full, executor),
                                                           _date(when), _date(point)))

    @app.command("anchor")
    @friendly_errors
    def anchor_cmd(
        order_id: IdArg,
        when: Annotated[str, typer.Option("--date", metavar="ДД.ММ.ГГГГ", show_default=False,
                                          help="Дата события, от которого считается срок.")],
        db: DbOption = None,
    ) -> None:
        """Задать дату события для относительного срока («в течение 3 рабочих дней с даты создания»).

        Срок исполнения считается от неё по производственному календарю; пока дата не задана,
        поручение в списке «нужна дата» (tracker orders --needs-date)."""
        from tracker.dates import parse_user_date

        event = parse_user_date(when)
        _change_order(db, order_id, f"Дата события {_fmt(event)} задана",
                      lambda service, full: service.anchor_relative(full, event))

    @app.command("return")
    @friendly_errors
    def return_cmd(
        order_id: IdArg,
        reason: Annotated[str, typer.Option("--reason", "-r", help="Что нужно доработать.", show_default=False)],
        executor: ExecutorOpt = None,
        db: DbOption = None,
    ) -> None:
        """Вернуть отчёт на доработку с указанием причины."""
        _change_order(db, order_id, "Возвращено на доработку",
                      lambda service, full: service.return_for_rework(full, reason, _order_executor(service, full, executor)))

    @app.command("extend")
    @friendly_errors
    def extend_cmd(
        order_id: IdArg,
        to: Annotated[str, typer.Option("--to", metavar="ДД.ММ.ГГГГ", help="Новый срок (позже текущего).",
                                        show_default=False)],
        reason: Annotated[str, typer.Option("--reason", "-r", help="Причина переноса.", show_default=False)],
        basis: Annotated[str | None, typer.Option("--basis", show_default=False,
                                                  help="Документ-основание («письмо от 01.10.2026 № 12-345»).")] = None,
        db: DbOption = None,
    ) -> None:
        """Перенести срок: новый срок, причина, документ-основание."""
        from tracker.dates import parse_user_date

        new_date = parse_user_date(to)
        _change_order(db, order_id, f"Срок перенесён на {_fmt(new_date)}",
                      lambda service, full: service.extend(full, new_date, reason, basis))

    @app.command("withdraw")
    @friendly_errors
    def withdraw_cmd(
        order_id: IdArg,
        reason: Annotated[str, typer.Option("--reason", "-r", help="Причина снятия с контроля.", show_default=False)],
        executor: Annotated[str | None, typer.Option(
            "--executor", "-e", show_default=False,
            help="Снять только часть этого исполнителя (она перестаёт учитываться в статусе поручения).")] = None,
        db: DbOption = None,
    ) -> None:
        """Снять поручение (или часть одного исполнителя) с контроля с указанием причины."""
        _change_order(db, order_id, "Снято с контроля",
                      lambda service, full: service.withdraw(full, reason, _order_executor(service, full, executor)))

    @app.command("comment")
    @friendly_errors
    def comment_cmd(
        order_id: IdArg,
        text: Annotated[str, typer.Argument(help="Текст комментария.", show_default=False)],
        db: DbOption = None,
    ) -> None:
        """Добавить комментарий в историю поручения."""
        _change_order(db, order_id, "Комментарий добавлен",
                      lambda service, full: service.comment(full, text))

    @app.command("export")
    @friendly_errors
    def export_cmd(
        xlsx: Annotated[Path | None, typer.Option("--xlsx", metavar="ФАЙЛ", show_default=False,
                                                  help="Сохранить в Excel (.xlsx).")] = None,
        csv_path: Annotated[Path | None, typer.Option("--csv", metavar="ФАЙЛ", show_default=False,
                                                      help="Сохранить в CSV (UTF-8, «;», открывается в Excel).")] = None,
        overdue: Annotated[bool, typer.Option("--overdue", help="Только просроченные.")] = False,
        executor: ExecutorOpt = None,
        open_only: Annotated[bool, typer.Option("--open", help="Только не исполненные и не снятые.")] = False,
        db: DbOption = None,
    ) -> None:
        """Выгрузить поручения в .xlsx или .csv."""
        if (xlsx is None) == (csv_path is None):
            raise fail("укажите ровно одно: --xlsx ФАЙЛ или --csv ФАЙЛ.")
        from tracker.control import export

        service = open_cli_service(db)
        try:
            flt = build_filter(service, overdue, None, executor, None, None, None, open_only)
            rows = export.orders_for_export(service, flt)
        finally:
            service.close()
        target = xlsx or csv_path or Path()  # exactly one of them is given (checked above)
        try:
            (export.write_xlsx if xlsx else export.write_csv)(target, rows)
        except OSError as error:
            raise fail(f"не удалось записать {target}: {os_problem(error)}. Проверьте путь и права.") from None
        typer.echo(f"Выгружено поручений: {len(rows)} → {target}")

    settings_app = typer.Typer(help="Настройки, хранимые в базе: организация, подписант, нормы.",
                               no_args_is_help=True, rich_markup_mode=None)
    app.add_typer(settings_app, name="settings")

    @settings_app.command("show")
    @friendly_errors
    def settings_show(db: DbOption = None) -> None:
        """Показать все настройки (ключ = значение)."""
        import dataclasses

        from tracker import settings

        opened = common.open_app(db)
        try:
            for section, cls in _settings_sections().items():
                value: object = settings.load(opened.store, section, cls)
                for item in dataclasses.fields(cls):
                    typer.echo(f"{section}.{item.name} = {getattr(value, item.name)}")
        finally:
            opened.close()

    @settings_app.command("set")
    @friendly_errors
    def settings_set(
        key: Annotated[str, typer.Argument(help="Ключ «раздел.поле», см. `tracker settings show`.", show_default=False)],
        value: Annotated[str, typer.Argument(help="Новое значение.", show_default=False)],
        db: DbOption = None,
    ) -> None:
        """Изменить настройку."""
        import dataclasses

        from tracker import settings
        from tracker.errors import ValidationError

        section, _, name = key.partition(".")
        sections = _settings_sections()
        if section not in sections:
            raise ValidationError(f"Раздела настроек «{section}» нет. Есть: {', '.join(sections)}.")
        cls = sections[section]
        names = [f.name for f in dataclasses.fields(cls)]
        if name not in names:
            raise ValidationError(f"В разделе «{section}» нет настройки «{name}». Есть: {', '.join(names)}.")
        from tracker.access.models import Action

        opened = common.open_app(db)
        try:
            opened.require(Action.SETTINGS, f"настройка {key}")  # the администратор's (a file's owner's)
            current: object = settings.load(opened.store, section, cls)
            setattr(current, name, _convert(value, getattr(current, name)))
            with opened.store.transaction():
                settings.save(opened.store, section, current)
        finally:
            opened.close()
        typer.echo(f"{key} = {getattr(current, name)}")
