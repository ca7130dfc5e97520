"""The two read sides of orders give the same answers on the same data.

The file database answers lists and figures from the in-memory index (tracker.control.index);
the server answers them in SQL (tracker.control.sql_queries). One varied set of orders is
written to a database file, moved to PostgreSQL as `tracker db migrate` moves it (the server
builds its rows on opening), and then changed the same way through both services (the server
writes rows inside each change's transaction): every page of every filter and sort, the
dashboard, the overdue list and the discipline figures must then be equal, row for row.
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from itertools import product

import pytest

from db.transfer import copy_store
from tracker.control import records as mapping
from tracker.control.api import OrderFilter, SortKey
from tracker.control.index import OrderIndex
from tracker.control.sql_queries import SqlOrderQueries
from tracker.models import (
    Assignment,
    ClosedPoint,
    Deadline,
    DeadlineKind,
    Executor,
    ExecutorRole,
    Order,
    Recurrence,
    Status,
)
from tracker.recurrence import control_points
from tracker.root import compose, open_store_at

TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 10, 0)
NAMES = ["Министерство образования", "Министерство здравоохранения", "Минкультуры", "Администрация Ёлкино",
         "Служба 100%_надзора", "Управление делами", "Комитет по туризму"]
NUMBERS = ["1", "1.1", "1.9", "1.10", "2", "2а", "10", "3", "3.1", "?"]
WORDS = ("провести совещание обеспечить размещение сведений ёлка представить отчёт официальных страницах "
         "100%_выполнения организовать").split()
ORDERS = 260


def _deadline(rng: random.Random) -> tuple[Deadline, list[ClosedPoint]]:
    kind = rng.choice(["date", "date", "date", "none", "relative", "relative-dated", "monthly", "quarterly",
                       "permanent"])
    if kind == "date":
        due = TODAY + timedelta(days=rng.randint(-120, 90))
        return Deadline(DeadlineKind.DATE, text=f"до {due:%d.%m.%Y}", due=due), []
    if kind == "none":
        return Deadline(DeadlineKind.NONE, text=rng.choice([None, "по мере необходимости"])), []
    if kind.startswith("relative"):
        due = TODAY + timedelta(days=rng.randint(-20, 20)) if kind == "relative-dated" else None
        return Deadline(DeadlineKind.RELATIVE, text="в течение 3 рабочих дней", due=due,
                        relative="в течение 3 рабочих дней с даты создания", relative_days=3,
                        relative_working=True, anchor=due and due - timedelta(days=4)), []
    if kind == "permanent":
        return Deadline(DeadlineKind.RECURRING, text="постоянно", recurrence=Recurrence.PERMANENT,
                        start=date(2026, 1, 1)), []
    recurrence = Recurrence.MONTHLY if kind == "monthly" else Recurrence.QUARTERLY
    return Deadline(DeadlineKind.RECURRING, text=str(recurrence), recurrence=recurrence,
                    start=date(2026, rng.randint(1, 9), 1), point_day=rng.choice([None, 5, 10])), []


def seed(store) -> None:
    """Acts, executors and ORDERS orders of every kind of deadline and state, written straight."""
    rng = random.Random(11)
    executors = [Executor(id=f"e{i:02}", name=name) for i, name in enumerate(NAMES)]
    acts = [("постановление", "611-пп", "2026-06-30"), ("распоряжение", "845-рп", "2026-10-01"),
            ("постановление", "12", "2026-02-14"), ("перечень поручений", None, "2026-03-03"),
            ("постановление", "611-пп", "2026-06-30")]  # the same label twice: sorting by number ties
    with store.transaction():
        store.table("executors").insert_many([mapping.executor_to_record(e) for e in executors])
        for n, (kind, number, when) in enumerate(acts):
            store.table("acts").insert({"id": f"act{n}", "kind": kind, "number": number, "date": when,
                                        "title": "Об организации", "text": f"Текст акта {n}. " * 200, "versions": [],
                                        "key": f"{kind}|{number}|{when}|{n}", "hashes": [f"sha{n}"]})
        records = []
        for n in range(ORDERS):
            deadline, _ = _deadline(rng)
            closed: list[ClosedPoint] = []
            if deadline.kind == DeadlineKind.RECURRING and deadline.recurrence != Recurrence.PERMANENT:
                for point in control_points(deadline):
                    if point > TODAY or rng.random() < 0.4:
                        break
                    closed.append(ClosedPoint(due=point, done_at=point + timedelta(days=rng.randint(-3, 10))))
            parts = []
            for position, executor in enumerate(rng.sample(executors, rng.randint(0 if n % 37 == 0 else 1, 3))):
                status = rng.choice([Status.ON_CONTROL] * 4 + list(Status))
                parts.append(Assignment(
                    executor.id, rng.choice([executor.name, "Минобру", "министерству образования"]),
                    role=ExecutorRole.RESPONSIBLE if position == 0 or rng.random() < 0.5 else ExecutorRole.COEXECUTOR,
                    status=status, done_at=TODAY - timedelta(days=rng.randint(0, 60)) if status == Status.DONE else None))
            status = rng.choice(list(Status))
            order = Order(
                id=f"{n * 7919 % 1000:03}{rng.getrandbits(36):09x}", act_id=f"act{n % len(acts)}",
                number=rng.choice(NUMBERS), text=" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 40))),
                deadline=deadline, assignments=parts, status=status,
                done_at=TODAY - timedelta(days=rng.randint(0, 45)) if status == Status.DONE else None,
                closed_points=closed, created=date(2026, 1, 10),
            )
            records.append(mapping.order_to_record(order))
        store.table("orders").insert_many(records)


@pytest.fixture
def both(tmp_path, pg_url):
    """(file service, server service) over the same data."""
    path = tmp_path / "desk.db"
    source = open_store_at(path)
    seed(source)
    target = open_store_at(pg_url)
    copy_store(source, target)
    source.close()
    target.close()
    file_app = compose(path, user="делопроизводитель", clock=lambda: NOW)
    server_app = compose(pg_url, user="делопроизводитель", clock=lambda: NOW)
    assert isinstance(file_app.control.index, OrderIndex)
    assert isinstance(server_app.control.index, SqlOrderQueries)
    assert server_app.control.index.built == ORDERS  # the rows were built on opening
    yield file_app.control, server_app.control
    file_app.close()
    server_app.close()


FILTERS = [
    OrderFilter(),
    OrderFilter(overdue=True),
    OrderFilter(include_closed=False),
    OrderFilter(due_within_days=14),
    OrderFilter(due_from=date(2026, 10, 1), due_to=date(2026, 12, 31)),
    OrderFilter(due_to=date(2026, 9, 30)),
    OrderFilter(statuses={Status.REPORTED, Status.REWORK}),
    OrderFilter(statuses={Status.DONE}),
    OrderFilter(needs_date=True),
    OrderFilter(permanent=True),
    OrderFilter(act_id="act0"),
    OrderFilter(executor_id="e01"),
    OrderFilter(executor_id="e04", include_closed=False),
    OrderFilter(text="совещ"),
    OrderFilter(text="Ёлка  ОТЧЁТ"),
    OrderFilter(text="100%_"),
    OrderFilter(text="минобру"),  # as written
    OrderFilter(text="постановление 611"),  # the act's label
    OrderFilter(text="туризм", overdue=True),
    OrderFilter(text="нет такого слова"),
]
PAGES = [(0, 200), (0, None), (0, 25), (25, 25), (250, 25)]


def assert_same_answers(file_service, server_service) -> None:
    for flt, sort in product(FILTERS, SortKey):
        flt.sort = sort
        for offset, limit in PAGES:
            expected = file_service.list_orders(flt, offset=offset, limit=limit, today=TODAY)
            found = server_service.list_orders(flt, offset=offset, limit=limit, today=TODAY)
            assert found.total == expected.total, (flt, offset, limit)
            assert found.rows == expected.rows, (flt, offset, limit)
    for day in (TODAY, date(2026, 12, 3), date(2026, 7, 1)):
        assert server_service.dashboard(today=day) == file_service.dashboard(today=day)
    for start, end in ((date(2026, 1, 1), date(2026, 12, 31)), (date(2026, 10, 1), date(2026, 12, 31)),
                       (date(2026, 11, 1), date(2026, 11, 30))):
        assert server_service.discipline(start, end, today=TODAY) == file_service.discipline(start, end, today=TODAY)
    assert server_service.act_orders_count() == file_service.act_orders_count()
    for act_id in ("act0", "act3", "manual"):
        # the item numbers an amendment is planned against (an id per number where numbers repeat)
        assert set(server_service.index.order_numbers_of_act(act_id)) == \
            set(file_service.index.order_numbers_of_act(act_id))
        assert sorted(server_service.index.order_ids_of_act(act_id)) == \
            sorted(file_service.index.order_ids_of_act(act_id))


def test_every_list_page_the_dashboard_and_discipline_agree_after_moving_a_file_to_the_server(both):
    file_service, server_service = both
    page = file_service.list_orders(OrderFilter(), limit=None, today=TODAY)
    assert page.total == ORDERS
    assert {r.needs_date for r in page.rows} == {True, False} and any(r.permanent for r in page.rows)
    assert server_service.dashboard(today=TODAY).overdue > 0
    assert_same_answers(file_service, server_service)


def test_they_still_agree_after_the_same_changes_through_both_services(both):
    file_service, server_service = both
    fresh = [r.id for r in file_service.list_orders(OrderFilter(statuses={Status.ON_CONTROL}), limit=None,
                                                    today=TODAY).rows
             if r.parts and all(p.status == Status.ON_CONTROL for p in r.parts)
             and r.due is not None and r.deadline_text == f"{r.due:%d.%m.%Y}"]  # a plain date: it can be moved
    for service in (file_service, server_service):
        service.report_received(fresh[0], text="отчёт", when=TODAY)
        service.accept(fresh[0], when=TODAY)
        service.report_received(fresh[1], text="отчёт", when=TODAY)
        service.return_for_rework(fresh[1], "не полностью")
        service.extend(fresh[2], date(2027, 1, 15), "по письму")
        service.withdraw(fresh[3], "утратило силу")
        service.comment(fresh[4], "на контроле губернатора")
        service.rename_executor("e02", "Министерство культуры и архивов")
    assert server_service.list_orders(OrderFilter(text="архивов"), limit=None, today=TODAY).total > 0
    assert_same_answers(file_service, server_service)


def test_short_ids_and_acts_are_found_alike(both):
    file_service, server_service = both
    some = file_service.list_orders(OrderFilter(), limit=5, today=TODAY).rows
    for row in some:
        for ref in (row.id, row.id[:8], row.id.upper()):
            assert server_service.resolve_order_id(ref) == file_service.resolve_order_id(ref) == row.id
    for index in (file_service.index, server_service.index):
        assert index.act_by_hash("sha2") == "act2"
        assert index.act_by_key("распоряжение|845-рп|2026-10-01|1") == "act1"
        assert index.has_act("act3") and not index.has_act("act9")
        assert index.act_label("act1") == "Распоряжение № 845-рп от 01.10.2026"
    assert server_service.index.act_by_ref("постановление|12|2026-02-14") == \
        file_service.index.act_by_ref("постановление|12|2026-02-14") == "act2"


def test_the_acts_list_on_the_server_reads_an_acts_text_only_when_it_is_asked_for(both, monkeypatch):
    file_service, server_service = both
    read: list[str] = []
    load = server_service.index.act_text
    monkeypatch.setattr(server_service.index, "act_text", lambda act_id: read.append(act_id) or load(act_id))
    on_file, on_server = file_service.acts(), server_service.acts()
    assert [(a.id, a.kind, a.number, a.date, a.title, a.versions) for a in on_server] == \
        [(a.id, a.kind, a.number, a.date, a.title, a.versions) for a in on_file]
    assert read == []  # the list came without texts
    assert on_server[0].text == on_file[0].text and on_server[0].text.startswith("Текст акта")
    assert read == [on_server[0].id]


def test_any_combination_of_filters_sort_and_page_agrees(both):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    file_service, server_service = both
    days = st.dates(min_value=date(2026, 6, 1), max_value=date(2027, 3, 1))
    filters = st.builds(
        OrderFilter,
        text=st.none() | st.sampled_from(["совещ", "ёлка", "отчет", "100%", "_", "о", "минобр", "1.1", "ё л"]),
        executor_id=st.none() | st.sampled_from(["e00", "e03", "e06", "e99"]),
        act_id=st.none() | st.sampled_from(["act1", "act4", "manual"]),
        statuses=st.none() | st.sets(st.sampled_from(list(Status)), min_size=1),
        overdue=st.booleans(), due_within_days=st.none() | st.integers(0, 60),
        due_from=st.none() | days, due_to=st.none() | days, include_closed=st.booleans(),
        sort=st.sampled_from(list(SortKey)), needs_date=st.booleans(), permanent=st.booleans(),
    )

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(flt=filters, offset=st.integers(0, 120), limit=st.none() | st.integers(0, 50), today=days)
    def agree(flt, offset, limit, today):
        expected = file_service.list_orders(flt, offset=offset, limit=limit, today=today)
        assert server_service.list_orders(flt, offset=offset, limit=limit, today=today) == expected

    agree()
