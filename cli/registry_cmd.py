"""`tracker registry import|export|coverage|norms`: the registry of official pages from the CLI.

Commands talk to the registry service of tracker.root.compose() only; openpyxl and the store load
inside the commands, so `tracker --help` stays light.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli import common
from cli.common import DbOption, fail, friendly_errors

if TYPE_CHECKING:
    from tracker.registry.service import RegistryImportPreview

SHOW_CHANGES = 20


def parse_day(text: str | None) -> date | None:
    from tracker.dates import parse_user_date

    return parse_user_date(text) if text else None


def register(app: typer.Typer) -> None:
    """Add the `registry` group to the app."""
    group = typer.Typer(
        name="registry", help="Реестр официальных страниц учреждений и ответственных сотрудников.",
        no_args_is_help=True, rich_markup_mode=None,
    )
    app.add_typer(group, name="registry")

    @group.command("import")
    @friendly_errors
    def import_(
        file: Annotated[Path, typer.Argument(help="Таблица реестра: .xlsx или .csv.", show_default=False)],
        yes: Annotated[bool, typer.Option("--yes", "-y", help="Записать без вопросов.")] = False,
        dry_run: Annotated[bool, typer.Option("--dry-run", help="Только показать, что изменится.")] = False,
        when: Annotated[str | None, typer.Option("--date", help="Дата изменений ДД.ММ.ГГГГ (по умолчанию сегодня).",
                                                 show_default=False)] = None,
        db: DbOption = None,
    ) -> None:
        """Загрузить таблицу реестра: сопоставление столбцов, проверка строк, изменения."""
        day = parse_day(when)
        service = common.open_app(db).registry  # its order sink is control: «сообщить в ЦУР» goes on control
        preview = service.preview_import(file, when=day)
        print("\n".join(preview_lines(preview)))
        if dry_run:
            print("Пробный запуск: в базу ничего не записано.")
            return
        if not preview.new_count and not preview.changed_count:
            print("Изменений нет: реестр уже совпадает с файлом.")
            return
        if not yes:
            if not sys.stdin.isatty():
                raise fail("нужно подтверждение: запустите с --yes, чтобы записать без вопросов")
            if not typer.confirm("Записать изменения в реестр?", default=True):
                print("Ничего не записано.")
                return
        outcome = service.commit_import(preview)
        print(outcome.message + ".")
        if outcome.handed_over:
            print(f"Поставлено на контроль «сообщить в ЦУР»: {outcome.handed_over} (tracker orders).")
        elif outcome.obligations:
            print(f"Контрольные точки «сообщить в ЦУР» ({outcome.obligations}) ждут передачи на контроль.")

    @group.command("export")
    @friendly_errors
    def export(
        out: Annotated[Path, typer.Option("--out", "-o", help="Файл .xlsx или .csv.", show_default=False)],
        as_of: Annotated[str | None, typer.Option("--as-of", help="Реестр на дату ДД.ММ.ГГГГ.",
                                                  show_default=False)] = None,
        db: DbOption = None,
    ) -> None:
        """Выгрузить реестр в .xlsx или .csv (текущий или на дату)."""
        day = parse_day(as_of)
        count = common.open_app(db).registry.export(out, as_of=day)
        when = f" на {day:%d.%m.%Y}" if day else ""
        print(f"Выгружено записей: {count}{when} → {out}")

    @group.command("coverage")
    @friendly_errors
    def coverage(
        as_of: Annotated[str | None, typer.Option("--as-of", help="Охват на дату ДД.ММ.ГГГГ.",
                                                  show_default=False)] = None,
        limit: Annotated[int, typer.Option("--limit", help="Сколько учреждений показать в списках пробелов.")] = 30,
        db: DbOption = None,
    ) -> None:
        """Охват по районам: подключено к «Госпаблики» X из Y, госметки, пробелы."""
        day = parse_day(as_of)
        report = common.open_app(db).registry.coverage(as_of=day)
        print("\n".join(coverage_lines(report, day, limit)))

    @group.command("norms")
    @friendly_errors
    def norms(
        activity_file: Annotated[Path, typer.Argument(help="Активность по неделям: .csv или .xlsx "
                                                      "(страница, неделя, публикаций, репостов).",
                                                      show_default=False)],
        db: DbOption = None,
    ) -> None:
        """Проверить нормы публикаций и репостов по недельной активности страниц."""
        report = common.open_app(db).registry.check_norms(activity_file)
        print("\n".join(norms_lines(report)))


def preview_lines(preview: RegistryImportPreview) -> list[str]:
    how = []
    if preview.encoding:
        how.append(f"кодировка {preview.encoding}")
    if preview.delimiter:
        how.append(f"разделитель «{'Tab' if preview.delimiter == chr(9) else preview.delimiter}»")
    if preview.sheet:
        how.append(f"лист «{preview.sheet}»")
    lines = [f"Файл: {preview.source}" + (f" ({', '.join(how)})" if how else ""),
             f"Дата изменений: {preview.when:%d.%m.%Y}", "Столбцы:"]
    lines += [f"  {line}" for line in preview.mapping]
    if preview.missing_columns:
        lines.append("Нет столбцов: " + ", ".join(preview.missing_columns))
    lines += [f"Примечание: {note}" for note in preview.notes]
    lines.append(f"Строк с данными: {preview.data_rows}; принято: {preview.accepted}; "
                 f"с ошибками: {len(preview.errors)}; с предупреждениями: {len(preview.warnings)}")
    if preview.errors:
        lines.append("Ошибки (эти строки не загружаются, исправьте их в таблице):")
        lines += [f"  {issue.text()}" for issue in preview.errors]
    if preview.warnings:
        lines.append("Предупреждения:")
        lines += [f"  {issue.text()}" for issue in preview.warnings]
    plan = preview.plan
    lines.append(f"Изменения: новых учреждений {len(plan.new)}, изменённых {len(plan.changed)}, "
                 f"без изменений {plan.unchanged}")
    for change in plan.changed[:SHOW_CHANGES]:
        lines.append(f"  строка {change.row}: {change.organisation} ({change.district or 'район не указан'}): "
                     + "; ".join(c.describe() for c in change.changes))
    if len(plan.changed) > SHOW_CHANGES:
        lines.append(f"  … и ещё {len(plan.changed) - SHOW_CHANGES}")
    if preview.baseline and plan.new:
        lines.append("Реестр пуст: это первичная загрузка, контрольные точки «сообщить в ЦУР» не создаются.")
    return lines


def coverage_lines(report, day: date | None, limit: int) -> list[str]:  # noqa: ANN001 - CoverageReport
    lines = [f"Охват реестра {'на ' + format(day, '%d.%m.%Y') if day else 'на сегодня'}:"]
    if not report.districts:
        return lines + ["Реестр пуст. Загрузите таблицу: tracker registry import ФАЙЛ"]
    header = ("Район", "Учрежд.", "Подключено", "С госметкой", "Без госметки", "Без страницы", "Без ответств.")
    table = [header]
    for row in [*report.districts, report.total]:
        table.append((row.district, str(row.institutions), f"{row.connected} из {row.obliged}",
                      str(row.with_mark), str(row.without_mark), str(row.no_page), str(row.no_responsible)))
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for number, row in enumerate(table):
        lines.append("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                               for i, cell in enumerate(row)))
        if number == 0 or number == len(table) - 2:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    lines += [row.line() for row in report.districts]
    exempt = report.total.exempt
    if exempt:
        lines.append(f"Освобождены от ведения страниц: {exempt}")
    for title, gaps in (("Без страницы", report.no_page), ("Без ответственного сотрудника", report.no_responsible)):
        if not gaps:
            continue
        lines.append(f"{title} ({len(gaps)}):")
        lines += [f"  {gap.district}: {gap.organisation}" for gap in gaps[:limit]]
        if len(gaps) > limit:
            lines.append(f"  … и ещё {len(gaps) - limit}")
    return lines


def norms_lines(report) -> list[str]:  # noqa: ANN001 - NormsReport
    n = report.norms
    lines = [
        f"Норма: не менее {n.min_posts_per_week} публикаций в неделю — {n.min_posts_basis}",
        f"Норма: репосты не более {n.max_repost_share:.0%} публикаций недели — {n.max_repost_basis}",
        f"Файл: {report.source}; строк: {report.rows}; страниц: {report.pages}; недель: {len(report.weeks)}",
    ]
    if report.issues:
        lines.append("Ошибки в файле (строки пропущены):")
        lines += [f"  {issue.text()}" for issue in report.issues]
    if not report.violations:
        return lines + ["Нарушений норм нет."]
    short = sum(1 for v in report.violations if v.norm == "мало публикаций")
    lines.append(f"Нарушений: {len(report.violations)} на {report.pages_failing} страницах "
                 f"(мало публикаций: {short}; много репостов: {len(report.violations) - short})")
    for violations in report.by_page.values():
        first = violations[0]
        who = (f"{first.organisation} ({first.district or 'район не указан'}), "
               f"ответственный: {first.responsible or 'не указан'}" if first.record_id
               else "нет в реестре")
        lines.append(f"{first.activity.url} — {who}")
        lines += [f"  {v.message}" for v in violations]
    if report.unknown_pages:
        lines.append(f"Страниц с нарушениями нет в реестре: {len(report.unknown_pages)}")
    return lines
