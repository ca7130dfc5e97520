"""Status rules: report -> accept or return -> report again; withdraw with a reason; per executor."""
from datetime import date

import pytest

from tracker.errors import InvalidTransitionError, ValidationError
from tracker.models import Assignment, Deadline, DeadlineKind, ExecutorRole, Order, Recurrence, Status
from tracker.rules import STATUS_RULE
from tracker.statuses import apply, derive_status, is_overdue, order_due, withdraw

DAY = date(2024, 3, 1)


def make_order(*executors: str, coexecutor: str | None = None, due: date | None = date(2024, 3, 10)) -> Order:
    parts = [Assignment(e, f"{e} (как в акте)") for e in executors]
    if coexecutor:
        parts.append(Assignment(coexecutor, coexecutor, role=ExecutorRole.COEXECUTOR))
    deadline = Deadline(kind=DeadlineKind.DATE, due=due, text="до 10 марта 2024 года") if due else Deadline()
    return Order(id="o1", act_id="a1", number="1", text="Обеспечить", assignments=parts, deadline=deadline)


def test_the_main_path_report_then_accept_makes_it_done():
    order = make_order("e1")
    apply(order, "report", DAY, text="письмо № 1")
    assert order.status == Status.REPORTED
    assert order.assignments[0].report == "письмо № 1"
    line = apply(order, "accept", date(2024, 3, 2))
    assert order.status == Status.DONE
    assert order.done_at == date(2024, 3, 2)
    assert "исполнено" in line


def test_return_for_rework_then_report_again():
    order = make_order("e1")
    apply(order, "report", DAY)
    apply(order, "return", DAY, text="нет приложения")
    assert order.status == Status.REWORK
    apply(order, "report", DAY)
    assert order.status == Status.REPORTED


def test_accept_without_a_report_is_refused_in_russian():
    order = make_order("e1")
    with pytest.raises(InvalidTransitionError, match="Нельзя принять исполнение"):
        apply(order, "accept", DAY)


def test_return_needs_a_reason():
    order = make_order("e1")
    apply(order, "report", DAY)
    with pytest.raises(ValidationError, match="причину"):
        apply(order, "return", DAY, text="  ")


def test_with_several_executors_each_reports_and_the_order_is_done_when_all_are():
    order = make_order("e1", "e2", coexecutor="e3")
    apply(order, "report", DAY, executor_id="e1")
    assert order.status == Status.ON_CONTROL
    apply(order, "accept", DAY, executor_id="e1")
    assert order.status == Status.ON_CONTROL
    assert order.assignments[0].status == Status.DONE
    apply(order, "report", DAY, executor_id="e2")
    assert order.status == Status.ON_CONTROL  # the co-executor e3 has not reported yet
    apply(order, "accept", date(2024, 3, 5), executor_id="e2")
    assert order.status == Status.ON_CONTROL  # the co-executor's part is still open: so is the order
    apply(order, "report", DAY, executor_id="e3")
    apply(order, "accept", date(2024, 3, 6), executor_id="e3")
    assert order.status == Status.DONE
    assert order.done_at == date(2024, 3, 6)


def test_a_co_executors_report_is_taken_after_the_responsible_one_is_accepted():
    order = make_order("e1", coexecutor="e3")
    apply(order, "report", DAY, executor_id="e1")
    apply(order, "accept", DAY, executor_id="e1")  # `done --executor` closes only e1's part
    assert order.status == Status.ON_CONTROL
    assert [a.status for a in order.assignments] == [Status.DONE, Status.ON_CONTROL]
    apply(order, "report", DAY, executor_id="e3", text="сведения направлены")
    assert order.status == Status.REPORTED


def test_an_open_part_of_an_order_closed_by_the_old_rule_may_still_report():
    order = make_order("e1", coexecutor="e3")
    order.assignments[0].status = Status.DONE
    order.status = Status.DONE  # stored before co-executors counted
    apply(order, "report", DAY, executor_id="e3")
    assert order.status == Status.REPORTED


def test_a_withdrawn_part_no_longer_holds_the_order_open():
    order = make_order("e1", coexecutor="e3")
    withdraw(order, "соисполнитель упразднён", executor_id="e3")
    assert order.assignments[1].status == Status.WITHDRAWN and order.status == Status.ON_CONTROL
    apply(order, "report", DAY)
    apply(order, "accept", DAY)
    assert order.status == Status.DONE


def test_the_status_rule_is_written_once():
    assert "соисполнителя" in STATUS_RULE and "исполнено" in STATUS_RULE


def test_without_an_executor_named_a_change_applies_to_every_executor_it_fits():
    order = make_order("e1", "e2")
    apply(order, "report", DAY, executor_id="e1")
    apply(order, "report", DAY)  # only e2 could still report
    assert {a.status for a in order.assignments} == {Status.REPORTED}
    apply(order, "accept", DAY)
    assert order.status == Status.DONE


def test_rework_of_one_executor_shows_on_the_order():
    order = make_order("e1", "e2")
    apply(order, "report", DAY)
    apply(order, "return", DAY, executor_id="e2", text="переделать")
    assert order.status == Status.REWORK
    assert derive_status(order) == Status.REWORK


def test_an_unknown_executor_is_refused():
    order = make_order("e1")
    with pytest.raises(ValidationError, match="нет такого исполнителя"):
        apply(order, "report", DAY, executor_id="zzz")


def test_an_order_without_executors_carries_its_own_status():
    order = make_order()
    apply(order, "report", DAY)
    apply(order, "accept", DAY)
    assert order.status == Status.DONE


def test_withdraw_needs_a_reason_and_is_final():
    order = make_order("e1")
    with pytest.raises(ValidationError, match="причину"):
        withdraw(order, "")
    withdraw(order, "утратило актуальность")
    assert order.status == Status.WITHDRAWN
    assert order.withdrawn_reason == "утратило актуальность"
    with pytest.raises(InvalidTransitionError, match="снято с контроля"):
        apply(order, "report", DAY)


def test_done_orders_cannot_be_reported_again():
    order = make_order("e1")
    apply(order, "report", DAY)
    apply(order, "accept", DAY)
    with pytest.raises(InvalidTransitionError):
        apply(order, "report", DAY)


def test_overdue_is_derived_from_the_deadline_and_today_never_stored():
    order = make_order("e1", due=date(2024, 3, 10))
    assert not is_overdue(order, date(2024, 3, 10))
    assert is_overdue(order, date(2024, 3, 11))
    assert "просроч" not in {str(s) for s in Status}
    apply(order, "report", DAY)
    apply(order, "accept", DAY)
    assert not is_overdue(order, date(2024, 4, 1))


def test_accepting_a_recurring_order_closes_the_control_point_and_keeps_it_on_control():
    order = make_order("e1", due=None)
    order.deadline = Deadline(kind=DeadlineKind.RECURRING, recurrence=Recurrence.QUARTERLY, start=date(2024, 1, 15))
    apply(order, "report", date(2024, 3, 28), text="отчёт за I квартал")
    line = apply(order, "accept", date(2024, 3, 28))
    assert order.status == Status.ON_CONTROL
    assert order.closed_points[0].due == date(2024, 4, 1)  # 31.03.2024 is a Sunday: the next working day
    assert order.closed_points[0].report == "отчёт за I квартал"
    assert "ближайшая открытая 01.07.2024" in line
    assert order.assignments[0].status == Status.ON_CONTROL


def test_each_period_is_accepted_on_its_own_and_a_missed_one_stays_overdue():
    order = make_order("e1", due=None)
    order.deadline = Deadline(kind=DeadlineKind.RECURRING, recurrence=Recurrence.QUARTERLY, start=date(2024, 1, 15))
    apply(order, "report", date(2024, 7, 1))
    apply(order, "accept", date(2024, 7, 1), point=date(2024, 7, 1))  # the second quarter, not the first
    assert order_due(order) == date(2024, 4, 1)
    assert is_overdue(order, date(2024, 7, 2))
    with pytest.raises(ValidationError, match="уже закрыта"):
        apply(order, "report", date(2024, 7, 2))
        apply(order, "accept", date(2024, 7, 2), point=date(2024, 7, 1))




def quarterly(*executors: str, coexecutor: str | None = None) -> Order:
    order = make_order(*executors, coexecutor=coexecutor, due=None)
    order.deadline = Deadline(kind=DeadlineKind.RECURRING, recurrence=Recurrence.QUARTERLY, start=date(2024, 1, 15))
    return order


def test_a_co_executors_acceptance_of_a_recurring_order_closes_its_own_period_only():
    order = quarterly("e1", coexecutor="c1")
    apply(order, "report", date(2024, 7, 2), executor_id="c1", text="за I квартал")
    line = apply(order, "accept", date(2024, 7, 2), executor_id="c1")
    assert [p.due for p in order.assignments[1].closed_points] == [date(2024, 4, 1)]  # its earliest open period
    assert order.closed_points == [] and order_due(order) == date(2024, 4, 1)  # e1 has not delivered it
    assert order.assignments[1].status == Status.ON_CONTROL and "за контрольную точку 01.04.2024" in line
    apply(order, "report", date(2024, 7, 3), executor_id="c1", text="за II квартал")  # the next one at once
    apply(order, "accept", date(2024, 7, 3), executor_id="c1")
    assert [p.due for p in order.assignments[1].closed_points] == [date(2024, 4, 1), date(2024, 7, 1)]
    apply(order, "report", date(2024, 7, 4), executor_id="e1")
    line = apply(order, "accept", date(2024, 7, 4), executor_id="e1", point=date(2024, 7, 1))  # the named one
    assert [(p.due, p.done_at) for p in order.closed_points] == [(date(2024, 7, 1), date(2024, 7, 4))]
    assert "контрольная точка 01.07.2024 закрыта" in line
    assert order_due(order) == date(2024, 4, 1) and is_overdue(order, date(2024, 7, 5))  # the first stays missed


def test_a_period_named_twice_for_one_executor_is_refused():
    order = quarterly("e1", "e2")
    apply(order, "report", date(2024, 7, 2), executor_id="e1")
    apply(order, "accept", date(2024, 7, 2), executor_id="e1", point=date(2024, 4, 1))
    apply(order, "report", date(2024, 7, 3), executor_id="e1")
    with pytest.raises(ValidationError, match="уже закрыта"):
        apply(order, "accept", date(2024, 7, 3), executor_id="e1", point=date(2024, 4, 1))


def test_a_part_that_reported_may_report_again():
    order = make_order("e1")
    apply(order, "report", DAY, text="первый отчёт")
    apply(order, "report", date(2024, 3, 2), text="уточнённый отчёт")
    assert order.assignments[0].report == "уточнённый отчёт" and order.status == Status.REPORTED


def test_withdrawing_the_last_part_behind_a_period_closes_it():
    order = quarterly("e1", "e2")
    apply(order, "report", date(2024, 7, 2), executor_id="e1")
    apply(order, "accept", date(2024, 7, 2), executor_id="e1")
    withdraw(order, "орган упразднён", executor_id="e2")
    assert [p.due for p in order.closed_points] == [date(2024, 4, 1)]


def test_a_part_accepted_under_the_older_rule_counts_for_its_earliest_open_period():
    order = quarterly("e1", "e2")
    order.assignments[0].status, order.assignments[0].done_at = Status.DONE, date(2024, 4, 3)  # as stored before
    apply(order, "report", date(2024, 4, 5), executor_id="e2")
    apply(order, "accept", date(2024, 4, 5), executor_id="e2")
    assert [(p.due, p.done_at) for p in order.closed_points] == [(date(2024, 4, 1), date(2024, 4, 5))]
    assert order.assignments[0].status == Status.ON_CONTROL
