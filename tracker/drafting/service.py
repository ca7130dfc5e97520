"""DraftingService: the drafts a clerk can ask for, for the CLI and the «Проекты документов» screen.

    service = DraftingService(store, registry=registry_service, control=control_service)
    result = service.quarterly(Path("проект.docx"), as_of=date(2026, 11, 5))
    result.files     # the draft and the clerk's change sheet
    result.summary   # Russian lines to show

Each method checks the template first and writes nothing when it is wrong. Organisation,
signatory and the base act come from the act on control that demands the draft
(tracker.drafting.basis), the settings where it is silent; each blank left is named.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.api import Store
from tracker.boundary import translates_store_errors
from tracker.calendar import BUNDLED, ProductionCalendar
from tracker.drafting import basis, config, sources
from tracker.drafting.data import ActRef, Letterhead, QuarterlyData
from tracker.drafting.dates import dmy, quarter_start
from tracker.drafting.engine import render_docx, template_path
from tracker.drafting.errors import DraftError
from tracker.drafting.quarterly import ADDED, CHANGED, REMOVED, build_quarterly, write_change_sheet
from tracker.drafting.report import write_report_xlsx

if TYPE_CHECKING:
    from tracker.control.api import ControlServiceAPI
    from tracker.registry.api import RegistryAsOf

# letterhead settings a first run of the desk asks for when neither the acts nor the settings give them
MISSABLE = {
    "name": "Наименование организации, как на бланке («Администрация города Обнинска»)",
    "name_genitive": "Оно же в родительном падеже («Администрации города Обнинска»); пусто — образуется само",
    "signatory_position": "Должность подписывающего («Глава Администрации города»)",
    "signatory_person": "Инициалы и фамилия подписывающего («Т.Н. Леонова»)",
}


@dataclass(frozen=True, slots=True)
class Question:
    """One missing letterhead setting the desk asks for: its key in «organisation», a Russian label."""

    key: str
    label: str
    value: str = ""  # what is known so far (never a blank default)


LOG = "drafting_log"  # one record per quarterly draft: the date of its list, for the next change sheet


@dataclass(frozen=True, slots=True)
class DraftKind:
    key: str
    title: str
    template: str
    description: str


DRAFT_KINDS = (
    DraftKind("quarterly", "Постановление об актуализации списка ответственных", "quarterly.docx",
              "Проект постановления со списком ответственных за официальные страницы (приложение № 1) "
              "по реестру на дату и лист изменений для делопроизводителя (.xlsx)."),
    DraftKind("report", "Информация о ходе исполнения поручений", "report.docx",
              "Итоги за период, Kо по исполнителям, просроченные поручения (.docx и .xlsx)."),
    DraftKind("reminders", "Напоминания исполнителям", "reminders.docx",
              "Письмо каждому исполнителю с его поручениями, срок которых истекает или истёк "
              "(один .docx, каждое письмо — отдельный раздел с новой страницы)."),
)


@dataclass(slots=True)
class DraftResult:
    files: list[Path]
    summary: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    log_entry: dict[str, Any] | None = None  # saved by DraftingService.remember() on the main thread


def _act_words(act: Any) -> str:
    """«постановления № 1611-п от 30.06.2023»."""
    from tracker.drafting.data import KIND_GENITIVE

    kind = (act.kind or "акта").lower()
    parts = [KIND_GENITIVE.get(kind, kind)]
    if act.number:
        parts.append(f"№ {act.number}")
    if act.date:
        parts.append(f"от {dmy(act.date)}")
    return " ".join(parts)


def _blank_warnings(org: Letterhead | None = None, data: QuarterlyData | None = None) -> list[str]:
    """One Russian line per blank a draft goes out with (stderr in the CLI, the log on the desk)."""
    if data is not None:
        found = basis.blanks(data)
    else:
        found = basis.letterhead_blanks(org) if org is not None else []
    return [f"пропуск в проекте: {blank}" for blank in found]


def companion(out: Path, suffix: str, tail: str) -> Path:
    """«проект.docx» -> «проект-изменения.xlsx» beside it."""
    return out.with_name(f"{out.stem}-{tail}{suffix}")


@translates_store_errors
class DraftingService:
    def __init__(self, store: Store, registry: RegistryAsOf | None = None,
                 control: ControlServiceAPI | None = None, calendar: ProductionCalendar | None = None) -> None:
        self.store = store
        self.registry = registry
        self.control = control
        self.calendar = calendar or BUNDLED  # the database's: the report's control points fall as the desk's

    def kinds(self) -> tuple[DraftKind, ...]:
        return DRAFT_KINDS

    def check(self, kind: str, template: Path | None = None) -> Path:
        """Check a (clerk-edited) template of `kind` against its data, and fill it with a sample of
        that data; raises TemplateProblem."""
        from tracker.drafting.data import QuarterlyData, ReminderData, ReportData
        from tracker.drafting.engine import check_by_filling

        types = {"quarterly": QuarterlyData, "report": ReportData, "reminders": ReminderData}
        if kind not in types:
            raise DraftError(f"Нет проекта «{kind}»; есть: {', '.join(types)}.")
        path = template or template_path(next(k.template for k in DRAFT_KINDS if k.key == kind))
        if not Path(path).exists():
            raise DraftError(f"Файл шаблона {path} не найден.")
        check_by_filling(Path(path), types[kind])
        return Path(path)

    # -- quarterly update ----------------------------------------------------------------
    def last_update(self, before: date) -> date | None:
        """The list date of the last quarterly draft before `before` (the change sheet counts from it)."""
        dates = [date.fromisoformat(r["as_of"]) for r in self.store.table(LOG).all()
                 if r.get("kind") == "quarterly" and r.get("as_of", "9999") < before.isoformat()]
        return max(dates, default=None)

    def quarterly(self, out: Path, as_of: date | None = None, since: date | None = None,
                  changes_out: Path | None = None, today: date | None = None,
                  template: Path | None = None) -> DraftResult:
        if self.registry is None:
            raise DraftError("Реестр официальных страниц недоступен: загрузите его командой "
                             "`tracker registry import ФАЙЛ`.")
        as_of = as_of or today or date.today()
        since = since or self.last_update(as_of) or (quarter_start(as_of) - timedelta(days=1))
        cfg = config.load_drafting(self.store)
        org, base, demand = self.quarterly_basis()
        rows, without_employee = sources.registry_rows(self.registry, as_of)
        previous_rows, _ = sources.registry_rows(self.registry, since) if since < as_of else ([], [])
        data = build_quarterly(org, base, cfg.list_subject, rows, as_of,
                               previous_rows=previous_rows if since < as_of else None, since=since,
                               previous_update=config.previous_update(cfg, org, cfg.list_subject))
        changes_out = changes_out or companion(Path(out), ".xlsx", "изменения")
        render_docx(template or template_path("quarterly.docx"), data, Path(out), config.layout(cfg))
        write_change_sheet(data, changes_out, without_employee)
        entry = {"kind": "quarterly", "as_of": as_of.isoformat(), "made": (today or date.today()).isoformat(),
                 "file": str(out)}
        counts = {kind: sum(1 for c in data.changes if c.change == kind) for kind in (ADDED, CHANGED, REMOVED)}
        summary = [f"Проект постановления: {out} (в списке {data.row_count}, по состоянию на {dmy(as_of)})",
                   f"Лист изменений с {dmy(since)}: {changes_out} (добавлено {counts[ADDED]}, "
                   f"изменено {counts[CHANGED]}, исключено {counts[REMOVED]})"]
        if demand is not None:
            summary.append(f"Основание и реквизиты — из акта на контроле: пункт {demand.item} "
                           f"{_act_words(demand.act)}")
        warnings = []
        if without_employee:
            warnings.append(f"Без ответственного в реестре (в список не вошли): {len(without_employee)}; "
                            "их перечень — на листе «Без ответственного».")
        warnings += _blank_warnings(data=data)
        return DraftResult([Path(out), changes_out], summary, warnings, log_entry=entry)

    def quarterly_basis(self) -> tuple[Letterhead, ActRef, basis.Demand | None]:
        """Organisation, signatory and base act of the quarterly draft: from the act on control that
        demands it (1611-п, item 2.5), the settings where the act is silent. The report and the
        reminders go out on the same letterhead."""
        cfg = config.load_drafting(self.store)
        settings_org = config.load_letterhead(self.store)
        demand = basis.find_demand(self.control)
        org, base = basis.from_act(demand, settings_org, config.base_act(cfg, settings_org))
        return org, base, demand

    def missing(self) -> list[str]:
        """Letterhead settings the quarterly draft would leave blank («organisation.name», …): what a
        first run of the desk asks for."""
        org, _base, _demand = self.quarterly_basis()
        return [key for key in MISSABLE if not basis.known(getattr(org, key))]

    def first_run_questions(self) -> list[Question]:
        """What the desk asks once, on its first run: the letterhead settings still blank. Empty once
        asked (answered or not), and when the acts and settings already give everything."""
        if config.load_drafting(self.store).letterhead_asked:
            return []
        return [Question(key, MISSABLE[key]) for key in self.missing()]

    def answer_first_run(self, values: dict[str, str] | None) -> None:
        """Save the clerk's answers into «organisation» (None: skipped) and never ask again."""
        from tracker import settings
        from tracker.drafting.declension import inflect_head

        answers = {key: " ".join(str(value).split()) for key, value in (values or {}).items()
                   if key in MISSABLE and str(value).strip()}
        with self.store.transaction():
            org = settings.load(self.store, "organisation", settings.Organisation)
            for key, value in answers.items():
                setattr(org, key, value)
            if "name" in answers and "name_genitive" not in answers and not basis.known(org.name_genitive):
                org.name_genitive = inflect_head(answers["name"], "gent")
            settings.save(self.store, "organisation", org)
            cfg = config.load_drafting(self.store)
            cfg.letterhead_asked = True
            settings.save(self.store, config.SECTION, cfg)

    def remember(self, result: DraftResult) -> None:
        """Record a quarterly draft, so the next change sheet counts from its list.

        Separate from quarterly(): the UI drafts in a worker thread and saves on the main thread."""
        if result.log_entry is not None:
            with self.store.transaction():
                self.store.table(LOG).insert(dict(result.log_entry))

    # -- report on execution -------------------------------------------------------------------
    def report(self, out: Path, start: date, end: date, today: date | None = None, act_id: str | None = None,
               executor_id: str | None = None, xlsx_out: Path | None = None,
               template: Path | None = None) -> DraftResult:
        control = self._need_control()
        if end < start:
            raise DraftError(f"Период задан наоборот: {dmy(start)} позже {dmy(end)}.")
        cfg = config.load_drafting(self.store)
        org = self.quarterly_basis()[0]
        data = sources.report_data(control, org, start, end, today or date.today(), act_id, executor_id,
                                   self.calendar)
        xlsx_out = xlsx_out or Path(out).with_suffix(".xlsx")
        render_docx(template or template_path("report.docx"), data, Path(out), config.layout(cfg))
        write_report_xlsx(data, xlsx_out)
        summary = [f"Информация о ходе исполнения {data.period}: {out} и {xlsx_out}",
                   f"Поручений: {data.totals.orders}, исполнено: {data.totals.done}, "
                   f"просрочено: {data.totals.overdue}"]
        return DraftResult([Path(out), xlsx_out], summary, _blank_warnings(org))

    # -- reminders ----------------------------------------------------------------------------
    def reminders(self, out: Path, within_days: int = 7, today: date | None = None,
                  executor_id: str | None = None, template: Path | None = None) -> DraftResult:
        control = self._need_control()
        if within_days < 0:
            raise DraftError("Число дней (--days) не может быть отрицательным.")
        cfg = config.load_drafting(self.store)
        org = self.quarterly_basis()[0]
        data = sources.reminder_data(control, org, today or date.today(), within_days, executor_id)
        if not data.letters:
            raise DraftError(f"Напоминать некому: нет поручений со сроком в ближайшие {within_days} дн. "
                             "или просроченных. Файл не создан.")
        render_docx(template or template_path("reminders.docx"), data, Path(out), config.layout(cfg))
        summary = [f"Напоминания: {out} — писем {len(data.letters)} (каждое с новой страницы)"]
        summary += [f"  {letter.executor}: поручений {len(letter.orders)}, просрочено {letter.overdue_count}"
                    for letter in data.letters]
        return DraftResult([Path(out)], summary, _blank_warnings(org))

    def _need_control(self) -> ControlServiceAPI:
        if self.control is None:
            raise DraftError("Учёт поручений недоступен: сначала загрузите акты командой `tracker import`.")
        return self.control
