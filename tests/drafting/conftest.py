"""Data the drafting tests render: built here, never read from outside the repository."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from drafting_samples import ACCEPTED, BASE_TITLE, SAMPLES, SUBJECT, WITHDRAWN, make_row, run

from tracker.drafting.data import (
    ActRef,
    DisciplineLine,
    Letterhead,
    OverdueLine,
    QuarterlyListRow,
    Registration,
    ReminderData,
    ReminderLetter,
    ReminderLine,
    ReportData,
    ReportTotals,
)
from tracker.drafting.quarterly import build_quarterly


@pytest.fixture
def org() -> Letterhead:
    return Letterhead(
        name="Администрация города Обнинска", name_genitive="Администрации города Обнинска",
        region="Калужская область", city="г. Обнинск", signatory_position="Глава Администрации города",
        signatory_person="Т.Н. Леонова",
        controller="заместителя главы Администрации города по вопросам управления делами Г.Е. Ананьева",
        executor_line="Исп. Иванова А.А., (484) 396-00-00",
    )


@pytest.fixture
def base_act() -> ActRef:
    return ActRef(number="1611-п", date=date(2023, 6, 30), title=BASE_TITLE,
                  issuer_genitive="Администрации города Обнинска", item="2.5")


@pytest.fixture
def current_rows() -> list[QuarterlyListRow]:
    return [
        make_row("МБОУ «Средняя школа № 1» & филиал <Обнинск>", "Иванова Анна Петровна"),
        make_row("Управление культуры и молодёжной политики", "Петров Пётр Петрович", phone="+7 (484) 396-22-22"),
        make_row("МАУ «Дворец спорта»", "Сидорова Мария Ивановна"),
    ]


@pytest.fixture
def previous_rows() -> list[QuarterlyListRow]:
    return [
        make_row("МБОУ «Средняя школа № 1» & филиал <Обнинск>", "Иванова Анна Петровна"),
        make_row("Управление культуры и молодёжной политики", "Петров Пётр Петрович", phone="+7 (484) 396-11-11"),
        make_row("МБУ «Городской парк»", "Кузнецов Олег Игоревич"),
    ]


@pytest.fixture
def quarterly_data(org, base_act, current_rows, previous_rows):
    previous = ActRef(number="2101-п", date=date(2026, 8, 1), title=f"Об актуализации списка {SUBJECT}",
                      issuer_genitive=org.name_genitive)
    return build_quarterly(org, base_act, SUBJECT, current_rows, date(2026, 11, 5), previous_rows=previous_rows,
                           since=date(2026, 8, 1), previous_update=previous)


@pytest.fixture
def report_data(org) -> ReportData:
    return ReportData(
        org=org, reg=Registration(),
        start=date(2026, 10, 1), end=date(2026, 12, 31), today=date(2026, 11, 5),
        totals=ReportTotals(orders=9, on_control=4, done=4, done_on_time=3, done_late=1, overdue=2, withdrawn=1),
        discipline=[DisciplineLine("Управление образования", 4, 3, 1, 0, 0.75),
                    DisciplineLine("Комитет ЖКХ", 2, 0, 0, 2, 0.0),
                    DisciplineLine("Отдел спорта", 0, 0, 0, 0, None)],
        overdue=[OverdueLine("2.2", "Постановление № 1611-п от 30.06.2023", "Комитет ЖКХ", date(2026, 10, 31), 5,
                             "организовать работу по размещению не менее 3 (трех) информационных материалов"),
                 OverdueLine("2.4", "Постановление № 1611-п от 30.06.2023", "Комитет ЖКХ", date(2026, 11, 2), 3,
                             "организовать работу по размещению активных ссылок")],
    )


@pytest.fixture
def reminder_data(org) -> ReminderData:
    act = "Постановление № 1611-п от 30.06.2023"
    return ReminderData(org=org, today=date(2026, 11, 5), within_days=7, letters=[
        ReminderLetter("Комитет ЖКХ", "С.С. Смирнов", orders=[
            ReminderLine("2.2", act, "организовать работу по размещению материалов", date(2026, 10, 31), -5),
            ReminderLine("2.5", act, "ежеквартально готовить проект постановления", date(2026, 11, 10), 5)]),
        ReminderLetter("Управление образования", orders=[
            ReminderLine("2.1", act, "довести информацию до сотрудников", date(2026, 11, 5), 0)]),
    ])


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo database (what `make demo` imports); on 04.12.2026 one overdue order is accepted
    and one withdrawn."""
    from tracker.control.api import OrderFilter
    from tracker.root import compose

    today = date(2026, 12, 4)
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    run("import", "--yes", "--db", str(db), str(SAMPLES / "acts"))
    run("registry", "import", "--yes", "--db", str(db), str(SAMPLES / "registry" / "registry-sample.csv"))
    app = compose(db, clock=lambda: datetime(2026, 12, 4, 11, 30))
    service = app.control
    try:
        def find(text: str) -> str:
            rows = service.list_orders(OrderFilter(text=text), limit=None, today=today).rows
            assert len(rows) == 1, text
            return rows[0].id

        accepted = find(ACCEPTED)
        service.report_received(accepted, text="Рекомендации направлены письмом", when=today)
        service.accept(accepted, when=today)
        service.withdraw(find(WITHDRAWN), "Работы переданы подрядчику по контракту")
    finally:
        app.close()
    return db
