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


def test_an_unknown_service_method_needs_the_control_right(service):
    with pytest.raises(AccessDeniedError):
        GuardedControl(service, Principal("viewer", Role.OBSERVER)).anchor_relative("00000000", date(2030, 1, 1))
