"""The control service: lists and filters, the dashboard, short ids, changes with history."""
from datetime import date, datetime, timedelta

import pytest
from domain_factories import MINOBR, MINOBR_DAT, MINZDRAV, MINZDRAV_DAT, TODAY, act, import_act, order, party

from tracker.control.api import OrderFilter, SortKey
from tracker.errors import InvalidTransitionError, NotFoundError, ValidationError
from tracker.models import DeadlineKind, Recurrence, Status


@pytest.fixture
def loaded(service, parser, tmp_path):
    """Five orders of one act: overdue, due soon, later, recurring, relative."""
    import_act(service, parser, tmp_path, "a.txt", act(
        "a.txt",
        order("1", "Обеспечить размещение сведений", party(MINOBR_DAT, MINOBR), due=TODAY - timedelta(days=10)),
        order("2", "Провести совещание с главами", party(MINZDRAV_DAT, MINZDRAV), due=TODAY + timedelta(days=3)),
        order("3", "Подготовить доклад", party(MINOBR_DAT, MINOBR), party(MINZDRAV_DAT, MINZDRAV),
              due=TODAY + timedelta(days=40)),
        order("4", "Представлять сведения", party(MINZDRAV_DAT, MINZDRAV), recurrence="ежеквартально"),
        order("5", "Сообщать о создании", party(MINOBR_DAT, MINOBR), relative="в течение 3 рабочих дней с даты создания"),
    ))
    return {r.number: r.id for r in service.list_orders(OrderFilter(), limit=None, today=TODAY).rows}


def numbers(service, **filters) -> list[str]:
    return [r.number for r in service.list_orders(OrderFilter(**filters), limit=None, today=TODAY).rows]


def minobr_id(service) -> str:
    return next(e.id for e in service.executors() if e.name == MINOBR)


def test_rows_are_sorted_by_deadline_with_undated_last(service, loaded):
    assert numbers(service) == ["1", "2", "4", "3", "5"]  # 4: next quarter end 31.03.2024 (Sunday) -> 01.04


def test_filters_overdue_due_within_executor_text_and_status(service, loaded):
    assert numbers(service, overdue=True) == ["1"]
    assert numbers(service, due_within_days=7) == ["2"]
    assert numbers(service, executor_id=minobr_id(service)) == ["1", "3", "5"]
    assert numbers(service, text="СОВЕЩАНИЕ") == ["2"]
    assert numbers(service, text="минздрав доклад") == []  # every word must match...
    assert numbers(service, text="здравоохранения доклад") == ["3"]
    assert numbers(service, statuses={Status.REPORTED}) == []
    assert numbers(service, due_from=TODAY, due_to=TODAY + timedelta(days=31)) == ["2", "4"]


def test_rows_say_days_left_and_overdue(service, loaded):
    rows = {r.number: r for r in service.list_orders(OrderFilter(), today=TODAY).rows}
    assert rows["1"].overdue and rows["1"].days_left == -10
    assert not rows["2"].overdue and rows["2"].days_left == 3
    assert rows["4"].deadline_text == "ежеквартально"
    assert rows["3"].executors == f"{MINOBR}; {MINZDRAV}"
    assert rows["1"].act_label == "Постановление № 100-п от 15.01.2024"


def test_paging_keeps_the_total(service, loaded):
    page = service.list_orders(OrderFilter(sort=SortKey.NUMBER), offset=1, limit=2, today=TODAY)
    assert page.total == 5 and [r.number for r in page.rows] == ["2", "3"]


def test_urgency_puts_closed_orders_last(service, loaded):
    service.report_received(loaded["1"])
    service.accept(loaded["1"])
    assert numbers(service, sort=SortKey.URGENCY)[-1] == "1"
    assert numbers(service, include_closed=False) == ["2", "4", "3", "5"]


def test_the_dashboard_counts(service, loaded):
    board = service.dashboard(today=TODAY)
    assert (board.on_control, board.overdue, board.due_within_7) == (5, 1, 1)
    assert [(c.name, c.count) for c in board.overdue_by_executor] == [(MINOBR, 1)]
    assert [r.number for r in board.next_deadlines] == ["2", "4", "3"]
    service.report_received(loaded["2"])
    service.accept(loaded["2"])
    assert service.dashboard(today=TODAY).done_this_month == 1


def test_short_ids_resolve_by_unambiguous_prefix(service, loaded):
    full = loaded["2"]
    assert service.resolve_order_id(full[:8]) == full
    assert service.resolve_order_id(full.upper()) == full
    with pytest.raises(NotFoundError, match="не найдено"):
        service.resolve_order_id("zzzzzzzz")
    with pytest.raises(ValidationError, match="3 первых"):
        service.resolve_order_id("a")


def test_every_change_appends_history_with_who_when_what_why(service, loaded, clock):
    clock.now = datetime(2024, 3, 2, 11, 0)
    service.report_received(loaded["1"], text="письмо от 01.03.2024 № 5")
    service.return_for_rework(loaded["1"], "нет приложения")
    service.report_received(loaded["1"])
    service.accept(loaded["1"], when=date(2024, 3, 4))
    service.comment(loaded["1"], "звонили исполнителю")
    card = service.order_card(loaded["1"], today=TODAY)
    history = card.order.history
    assert [h.action for h in history] == ["created", "report", "return", "report", "accept", "comment"]
    assert all(h.who == "иванова" for h in history)
    assert history[1].at == datetime(2024, 3, 2, 11, 0)
    assert history[2].why == "нет приложения"
    assert card.order.status == Status.DONE and card.order.done_at == date(2024, 3, 4)
    assert not card.overdue


def test_invalid_transitions_are_refused_and_nothing_is_written(service, loaded):
    with pytest.raises(InvalidTransitionError):
        service.accept(loaded["1"])
    assert [h.action for h in service.order_card(loaded["1"]).order.history] == ["created"]


def test_per_executor_reports_through_the_service(service, loaded):
    zdrav = next(e.id for e in service.executors() if e.name == MINZDRAV)
    service.report_received(loaded["3"], executor_id=minobr_id(service))
    service.accept(loaded["3"], executor_id=minobr_id(service))
    assert service.order_card(loaded["3"]).order.status == Status.ON_CONTROL
    service.report_received(loaded["3"], executor_id=zdrav)
    service.accept(loaded["3"], executor_id=zdrav)
    assert service.order_card(loaded["3"]).order.status == Status.DONE


def test_extend_moves_the_deadline_and_the_order_is_no_longer_overdue(service, loaded):
    new = TODAY + timedelta(days=20)
    assert numbers(service) == ["1", "2", "4", "3", "5"]  # the sorted list is cached now...
    service.extend(loaded["1"], new, "запрос исполнителя", "письмо от 28.02.2024 № 12-345")
    assert numbers(service) == ["2", "1", "4", "3", "5"]  # ...and kept sorted after the change
    card = service.order_card(loaded["1"], today=TODAY)
    assert card.order.deadline.due == new and not card.overdue
    assert card.order.extensions[0].old == TODAY - timedelta(days=10)
    assert card.order.extensions[0].basis == "письмо от 28.02.2024 № 12-345"
    assert "Срок перенесён" in card.order.history[-1].what
    assert numbers(service, overdue=True) == []
    with pytest.raises(ValidationError, match="позже"):
        service.extend(loaded["1"], new, "ещё раз")


def test_withdraw_with_a_reason(service, loaded):
    service.withdraw(loaded["2"], "утратило актуальность")
    card = service.order_card(loaded["2"])
    assert card.order.status == Status.WITHDRAWN and card.order.withdrawn_reason == "утратило актуальность"
    assert numbers(service, statuses={Status.WITHDRAWN}) == ["2"]


def test_anchor_a_relative_term_on_the_event_date(service, loaded):
    service.anchor_relative(loaded["5"], date(2024, 4, 26))
    assert service.order_card(loaded["5"], today=TODAY).order.deadline.due == date(2024, 5, 3)
    assert numbers(service, due_from=date(2024, 5, 3), due_to=date(2024, 5, 3)) == ["5"]


def test_recurring_orders_move_to_the_next_point_when_accepted(service, loaded):
    card = service.order_card(loaded["4"], today=TODAY)
    assert card.next_due == date(2024, 4, 1)  # 31.03.2024 is a Sunday
    service.report_received(loaded["4"])
    service.accept(loaded["4"], when=date(2024, 3, 28))
    card = service.order_card(loaded["4"], today=TODAY)
    assert card.order.status == Status.ON_CONTROL and card.next_due == date(2024, 7, 1)  # 30.06 Sunday
    service.set_recurrence(loaded["4"], Recurrence.QUARTERLY, point_day=5)
    assert service.order_card(loaded["4"], today=TODAY).next_due == date(2024, 7, 5)


def test_permanent_control_with_a_review_period(service, loaded):
    service.set_recurrence(loaded["2"], Recurrence.PERMANENT, review_every_days=30, start=date(2024, 3, 1))
    card = service.order_card(loaded["2"], today=TODAY)
    assert card.order.deadline.kind == DeadlineKind.RECURRING and card.next_due == date(2024, 4, 1)  # 31.03 Sunday


def test_create_order_by_hand_and_rename_an_executor(service):
    made = service.create_order(None, "ЦУР-1", "Сообщить в ЦУР о новой странице", ["Минобразования"],
                                due=date(2024, 3, 6))
    assert made.deadline.due == date(2024, 3, 6)
    executor = service.executors()[0]
    service.rename_executor(executor.id, MINOBR)
    row = service.list_orders(OrderFilter(), today=TODAY).rows[0]
    assert row.executors == MINOBR and row.act_label == "Поручения вручную"


def test_an_organisation_added_before_its_orders_is_the_executor_they_resolve_to(service):
    added = service.add_executor(MINOBR)
    assert service.add_executor("Минобразования").id == added.id  # the same body, one entry
    made = service.create_order(None, "ЦУР-1", "Сообщить в ЦУР о новой странице", [MINOBR_DAT],
                                due=date(2024, 3, 6))
    assert [a.executor_id for a in made.assignments] == [added.id]
    assert len(service.executors()) == 1


def test_a_second_process_on_the_same_database_is_seen_after_sync(tmp_path, parser, clock):
    """Two services over two stores opened on one file, as the UI and a CLI import would be."""
    from db import open_store
    from tracker.control.service import ControlService
    from tracker.root import assemble
    from tracker.schema import MIGRATIONS, SCHEMA_VERSION

    def open_one(user: str) -> ControlService:
        store = open_store(tmp_path / "shared.db", schema_version=SCHEMA_VERSION, migrations=MIGRATIONS)
        return assemble(store, user=user, clock=clock, parse=parser).control

    ui, cli = open_one("иванова"), open_one("петрова")
    import_act(cli, parser, tmp_path, "a.txt", act("a.txt", order("1", "Обеспечить", party(MINOBR_DAT, MINOBR),
                                                                   due=TODAY)))
    assert numbers(ui) == ["1"]  # the UI's rows are rebuilt when the file changed
    order_id = ui.list_orders(OrderFilter(), today=TODAY).rows[0].id
    cli.report_received(order_id)
    assert numbers(ui, statuses={Status.REPORTED}) == ["1"]
    assert ui.order_card(order_id).order.history[-1].who == "петрова"
    ui.close()
    cli.close()


def test_typing_a_filter_letter_by_letter_gives_what_a_fresh_search_gives(service, store, loaded, parser, clock):
    from tracker.root import assemble

    for typed in ["с", "со", "сов", "совещ", "совещание с", "совещание с гл", "совещание с главами"]:
        fresh = assemble(store, user="проверка", clock=clock, parse=parser).control  # no cached narrowing
        assert numbers(service, text=typed) == numbers(fresh, text=typed), typed
    assert numbers(service, text="совещание с главами") == ["2"]
    service.comment(loaded["1"], "совещание")  # a change between keystrokes starts afresh
    assert numbers(service, text="совещание с") == ["2"]
    assert numbers(service, text="сведений") == ["1"]


def test_keystrokes_and_filter_changes_in_any_order_give_what_a_fresh_search_gives(service, store, loaded, parser,
                                                                                     clock):
    """The rows kept between keystrokes (other filters, the last text's result) never leak."""
    from tracker.root import assemble

    steps = [
        {"text": "с"}, {"text": "с", "overdue": True}, {"text": "св", "overdue": True}, {"text": "с"},
        {"text": "сведен"}, {"text": "сведен", "executor_id": minobr_id(service)},
        {"text": "сведен сведен"}, {"text": "сведен сведения"}, {"text": "сведен сведения  "},
        {"text": "сов сове"}, {"text": "сов"}, {"text": "сов", "sort": SortKey.NUMBER}, {},
        {"text": "здравоохранения доклад", "statuses": {Status.ON_CONTROL}}, {"text": "здравоохранения"},
    ]
    for filters in steps:
        fresh = assemble(store, user="проверка", clock=clock, parse=parser).control
        assert numbers(service, **filters) == numbers(fresh, **filters), filters
    assert numbers(service, text="сведен сведен") == ["1", "4"]  # a repeated word is still a match
    service.extend(loaded["1"], TODAY + timedelta(days=200), "по просьбе")  # moves in every sorted list
    for filters in ({"text": "сведен"}, {"text": "сведен", "sort": SortKey.NUMBER}, {"text": "сведен", "sort":
                                                                                  SortKey.URGENCY}):
        fresh = assemble(store, user="проверка", clock=clock, parse=parser).control
        assert numbers(service, **filters) == numbers(fresh, **filters), filters
    assert numbers(service, text="сведен") == ["4", "1"]  # 1 now due after the next quarter end


def test_a_second_process_change_between_two_same_keystrokes_is_seen(tmp_path, parser, clock):
    from db import open_store
    from tracker.control.service import ControlService
    from tracker.root import assemble
    from tracker.schema import MIGRATIONS, SCHEMA_VERSION

    def open_one(user: str) -> ControlService:
        store = open_store(tmp_path / "shared.db", schema_version=SCHEMA_VERSION, migrations=MIGRATIONS)
        return assemble(store, user=user, clock=clock, parse=parser).control

    ui, cli = open_one("иванова"), open_one("петрова")
    import_act(cli, parser, tmp_path, "a.txt", act("a.txt", order("1", "Обеспечить", party(MINOBR_DAT, MINOBR),
                                                                   due=TODAY)))
    assert numbers(ui, text="обесп") == ["1"]
    import_act(cli, parser, tmp_path, "b.txt", act("b.txt", order("7", "Обеспечить охват", party(MINOBR_DAT, MINOBR),
                                                                   due=TODAY + timedelta(days=1))))
    assert numbers(ui, text="обесп") == ["1", "7"]
    assert numbers(ui, text="обеспе") == ["1", "7"]
    ui.close()
    cli.close()
