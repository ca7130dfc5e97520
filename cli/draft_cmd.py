"""`tracker draft quarterly|report|reminders|check`: .docx drafts to sign, from templates.

Defaults make `tracker draft quarterly --out FILE` work on a database holding only an imported
registry: the list as of today; the base act, organisation and signatory from the act on control
that demands the update (1611-п, item 2.5), the settings where it is silent; each blank left is
named on stderr. docxtpl, openpyxl and the store load inside the commands.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli import common
from cli.common import DbOption, fail, friendly_errors, resolve_db

if TYPE_CHECKING:
    from tracker.root import Application

OutOption = Annotated[Path | None, typer.Option("--out", "-o", help="Файл проекта (.docx).", show_default=False)]
TemplateOption = Annotated[
    Path | None,
    typer.Option("--template", help="Свой шаблон .docx вместо встроенного (например, правленный в Word).",
                 show_default=False),
]
TodayOption = Annotated[
    str | None,
    typer.Option("--today", help="Считать сегодняшней эту дату ДД.ММ.ГГГГ (для проверки).", show_default=False),
]


def open_drafting(db: str | Path | None) -> Application:
    """The application over an existing database: its drafting service, with registry and control."""
    path = resolve_db(db)
    if isinstance(path, Path) and not path.exists():
        raise fail(f"База {path} не найдена. Укажите её в --db или загрузите данные: "
                   "tracker registry import ФАЙЛ, tracker import АКТЫ.")
    return common.open_app(path)


def parse_day(text: str | None, option: str) -> date | None:
    if not text:
        return None
    from tracker.dates import parse_user_date
    from tracker.errors import ValidationError

    try:
        return parse_user_date(text)
    except ValidationError as error:
        raise fail(f"{option}: {error}") from None


def default_out(stem: str, day: date) -> Path:
    return Path.cwd() / f"{stem}-{day:%Y-%m-%d}.docx"


def show(result) -> None:  # noqa: ANN001 - DraftResult, imported lazily
    for line in result.summary:
        typer.echo(line)
    for line in result.warnings:
        typer.echo(f"Внимание: {line}", err=True)


def register(app: typer.Typer) -> None:
    """Add the `draft` group to the app."""
    group = typer.Typer(
        name="draft", help="Проекты документов (.docx) по шаблонам: постановление, отчёт, напоминания.",
        no_args_is_help=True, rich_markup_mode=None,
    )
    app.add_typer(group, name="draft")

    @group.command("quarterly")
    @friendly_errors
    def quarterly(
        out: OutOption = None,
        as_of: Annotated[str | None, typer.Option("--as-of", help="Список по состоянию на дату ДД.ММ.ГГГГ "
                                                  "(по умолчанию сегодня).", show_default=False)] = None,
        since: Annotated[str | None, typer.Option("--since", help="Изменения считать от списка на эту дату "
                                                  "(по умолчанию от прошлого проекта или конца прошлого квартала).",
                                                  show_default=False)] = None,
        changes: Annotated[Path | None, typer.Option("--changes", help="Лист изменений (.xlsx); по умолчанию "
                                                     "рядом с проектом.", show_default=False)] = None,
        template: TemplateOption = None,
        today: TodayOption = None,
        db: DbOption = None,
    ) -> None:
        """Проект постановления об актуализации списка ответственных за официальные страницы и лист изменений.

        Организация, подписывающий и акт-основание берутся из загруженного акта, который требует
        актуализацию (например, п. 2.5 постановления № 1611-п), а чего в нём нет — из настроек;
        о каждом оставшемся пропуске команда сообщает.
        """
        app = open_drafting(db)
        service = app.drafting
        day = parse_day(today, "--today") or app.clock().date()
        list_day = parse_day(as_of, "--as-of") or day
        result = service.quarterly(out or default_out("проект-актуализация-списка", list_day), as_of=list_day,
                                   since=parse_day(since, "--since"), changes_out=changes, today=day,
                                   template=template)
        service.remember(result)
        show(result)

    @group.command("report")
    @friendly_errors
    def report(
        out: OutOption = None,
        start: Annotated[str | None, typer.Option("--from", help="Начало периода ДД.ММ.ГГГГ (по умолчанию начало "
                                                  "квартала).", show_default=False)] = None,
        end: Annotated[str | None, typer.Option("--to", help="Конец периода ДД.ММ.ГГГГ (по умолчанию сегодня).",
                                                show_default=False)] = None,
        act: Annotated[str | None, typer.Option("--act", help="Только по акту (id из `tracker orders`).",
                                                show_default=False)] = None,
        executor: Annotated[str | None, typer.Option("--executor", help="Только по исполнителю (id).",
                                                     show_default=False)] = None,
        xlsx: Annotated[Path | None, typer.Option("--xlsx", help="Таблица .xlsx; по умолчанию рядом с .docx.",
                                                  show_default=False)] = None,
        template: TemplateOption = None,
        today: TodayOption = None,
        db: DbOption = None,
    ) -> None:
        """Информация о ходе исполнения поручений за период: итоги, Kо по исполнителям, просроченные (.docx и .xlsx)."""
        from tracker.drafting.dates import quarter_start

        app = open_drafting(db)
        service = app.drafting
        day = parse_day(today, "--today") or app.clock().date()
        end_day = parse_day(end, "--to") or day
        start_day = parse_day(start, "--from") or quarter_start(end_day)
        result = service.report(out or default_out("информация-об-исполнении", end_day), start_day, end_day,
                                today=day, act_id=act, executor_id=executor, xlsx_out=xlsx, template=template)
        show(result)

    @group.command("reminders")
    @friendly_errors
    def reminders(
        out: OutOption = None,
        days: Annotated[int, typer.Option("--days", help="Срок истекает в ближайшие N дней (и просроченные).")] = 7,
        executor: Annotated[str | None, typer.Option("--executor", help="Только этому исполнителю (id).",
                                                     show_default=False)] = None,
        template: TemplateOption = None,
        today: TodayOption = None,
        db: DbOption = None,
    ) -> None:
        """Напоминания исполнителям: одно письмо на исполнителя, каждое с новой страницы, в одном .docx."""
        app = open_drafting(db)
        service = app.drafting
        day = parse_day(today, "--today") or app.clock().date()
        result = service.reminders(out or default_out("напоминания", day), within_days=days, today=day,
                                   executor_id=executor, template=template)
        show(result)

    @group.command("check")
    @friendly_errors
    def check(
        kind: Annotated[str, typer.Argument(help="quarterly, report или reminders.", show_default=False)],
        template: Annotated[Path | None, typer.Argument(help="Файл шаблона .docx (по умолчанию встроенный).",
                                                        show_default=False)] = None,
    ) -> None:
        """Проверить шаблон (например, после правки в Word): все ли поля в нём известны."""
        from db import MemoryStore
        from tracker.drafting.service import DraftingService

        path = DraftingService(MemoryStore()).check(kind, template)
        typer.echo(f"Шаблон {path} в порядке.")
