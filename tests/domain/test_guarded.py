"""Roles checked in the service layer: GuardedControl over the real service, on every store."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.access.guarded import GuardedControl
from tracker.access.models import Principal, Role
from tracker.access.policy import AccessDeniedError
from tracker.control.api import OrderFilter
from tracker.errors import NotFoundError
from tracker.models import Status


@pytest.fixture
def two_orders(service):
    ours = service.create_order(None, "1", "Провести совещание", ["Министерство образования"])
    theirs = service.create_order(None, "2", "Подготовить план", ["Министерство здравоохранения"])
    return ours, theirs


def executor_of(order) -> Principal:
    return Principal("minobr", Role.EXECUTOR, executor_id=order.assignments[0].executor_id)


def test_an_executor_lists_and_opens_only_its_own_organisations_orders(service, two_orders):
    ours, theirs = two_orders
    guarded = GuardedControl(service, executor_of(ours))
    page = guarded.list_orders(OrderFilter(), limit=None)
    assert [row.id for row in page.rows] == [ours.id]
    assert guarded.order_card(ours.id).order.id == ours.id
    with pytest.raises(NotFoundError):  # another organisation's order looks missing
        guarded.order_card(theirs.id)


def test_an_executor_reports_on_its_own_order_but_cannot_accept_it(service, two_orders):
    ours, _ = two_orders
    guarded = GuardedControl(service, executor_of(ours))
    guarded.report_received(ours.id, text="письмо 1")
    with pytest.raises(AccessDeniedError, match="не даёт права"):
        guarded.accept(ours.id)
    assert service.order_card(ours.id).order.status is not Status.DONE


def test_an_executor_cannot_touch_another_organisations_order(service, two_orders):
    ours, theirs = two_orders
    guarded = GuardedControl(service, executor_of(ours))
    for attempt in (lambda: guarded.report_received(theirs.id, text="чужое"),
                    lambda: guarded.comment(theirs.id, "чужое")):
        with pytest.raises(NotFoundError):
            attempt()
    for attempt in (lambda: guarded.extend(ours.id, date(2030, 1, 1), "просьба"),
                    lambda: guarded.withdraw(ours.id, "не нужно"),
                    lambda: guarded.create_order(None, "3", "Новое", ["Министерство образования"])):
        with pytest.raises(AccessDeniedError):
            attempt()


def test_an_observer_reads_and_changes_nothing(service, two_orders):
    ours, _ = two_orders
    guarded = GuardedControl(service, Principal("viewer", Role.OBSERVER))
    assert guarded.list_orders(OrderFilter(), limit=None).total == 2
    with pytest.raises(AccessDeniedError):
        guarded.comment(ours.id, "замечание")


def test_a_controller_and_the_file_owner_may_do_everything(service, two_orders):
    ours, theirs = two_orders
    GuardedControl(service, Principal("ctl", Role.CONTROLLER)).report_received(ours.id, text="письмо")
    GuardedControl(service, Principal("ctl", Role.CONTROLLER)).accept(ours.id)
    GuardedControl(service, Principal.file_owner("clerk")).withdraw(theirs.id, "отменено")


def test_an_unknown_service_attribute_needs_the_control_right_and_the_store_is_never_handed_out(service):
    viewer = GuardedControl(service, Principal("viewer", Role.OBSERVER))
    with pytest.raises(AccessDeniedError):
        viewer.commands.comment  # noqa: B018 - the attribute access is what is refused
    with pytest.raises(AttributeError):
        GuardedControl(service, Principal.file_owner("clerk")).store  # noqa: B018


def test_every_public_method_of_the_service_is_checked_by_name_not_by_fallback():
    from tracker.control.service import ControlService

    inner_only = {"store", "calendar", "user", "index", "records", "importer", "commands"}
    public = {name for name in dir(ControlService) if not name.startswith("_")} - inner_only
    assert public <= set(GuardedControl.__dict__)


def test_an_executor_is_scoped_whatever_the_read_model_returns(service, two_orders):
    ours, theirs = two_orders
    guarded = GuardedControl(service, executor_of(ours))
    assert guarded.list_orders(OrderFilter(executor_id=theirs.assignments[0].executor_id)).total == 0
    assert guarded.order_texts([ours.id, theirs.id]).keys() == {ours.id}
    with pytest.raises(NotFoundError):
        guarded.get_order(theirs.id)
    with pytest.raises(AccessDeniedError):
        guarded.dashboard()
    assert [e.id for e in guarded.executors()] == [ours.assignments[0].executor_id]


def test_an_observer_cannot_set_dates_or_recurrence(service, two_orders):
    ours, _ = two_orders
    viewer = GuardedControl(service, Principal("viewer", Role.OBSERVER))
    with pytest.raises(AccessDeniedError):
        viewer.anchor_relative(ours.id, date(2030, 1, 1))


class ReadModelIgnoringExecutors:
    """A read side that does not (yet) narrow by executor: the guard must not rely on it."""

    def __init__(self, service) -> None:
        self._service = service

    def list_orders(self, flt, offset=0, limit=200, today=None):
        from dataclasses import replace

        return self._service.list_orders(replace(flt, executor_id=None), offset, limit, today)

    def __getattr__(self, name):
        return getattr(self._service, name)


def test_an_executor_never_sees_another_organisations_row_even_from_a_lax_read_model(service, two_orders):
    ours, _ = two_orders
    guarded = GuardedControl(ReadModelIgnoringExecutors(service), executor_of(ours))
    page = guarded.list_orders(OrderFilter(), limit=None)
    assert [row.id for row in page.rows] == [ours.id] and page.total == 1
