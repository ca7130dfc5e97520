"""What each role may do (the services check it; the desk only hides what is refused)."""
from __future__ import annotations

import pytest

from tracker.access import Action, Principal, Role, check, may
from tracker.access.policy import AccessDeniedError, visible_to

ADMIN = Principal("admin", Role.ADMIN)
CONTROLLER = Principal("ivanova", Role.CONTROLLER)
MINFIN = Principal("minfin", Role.EXECUTOR, executor_id="e-minfin")
OBSERVER = Principal("governor-office", Role.OBSERVER)
FILE_OWNER = Principal.file_owner("clerk")

MINFIN_ORDER = ["e-minfin", "e-minzdrav"]
OTHER_ORDER = ["e-minzdrav"]

RULES = [
    # who, action, executors of the order (None: not about one order), allowed
    (ADMIN, Action.USERS, None, True),
    (ADMIN, Action.CONTROL, OTHER_ORDER, True),
    (CONTROLLER, Action.CONTROL, OTHER_ORDER, True),
    (CONTROLLER, Action.IMPORT, None, True),
    (CONTROLLER, Action.USERS, None, False),
    (CONTROLLER, Action.SETTINGS, None, False),
    (MINFIN, Action.READ, MINFIN_ORDER, True),
    (MINFIN, Action.REPORT, MINFIN_ORDER, True),
    (MINFIN, Action.COMMENT, MINFIN_ORDER, True),
    (MINFIN, Action.READ, OTHER_ORDER, False),
    (MINFIN, Action.REPORT, OTHER_ORDER, False),
    (MINFIN, Action.CONTROL, MINFIN_ORDER, False),  # never accepts, least of all its own report
    (MINFIN, Action.IMPORT, None, False),
    (OBSERVER, Action.READ, OTHER_ORDER, True),
    (OBSERVER, Action.REPORT, OTHER_ORDER, False),
    (OBSERVER, Action.COMMENT, OTHER_ORDER, False),
    (FILE_OWNER, Action.USERS, None, True),
    (FILE_OWNER, Action.CONTROL, OTHER_ORDER, True),
]


@pytest.mark.parametrize("who, action, executors, allowed", RULES)
def test_each_role_may_do_what_its_rules_say(who, action, executors, allowed):
    assert may(who, action, executors) is allowed


def test_a_refusal_names_the_user_the_role_and_what_was_refused():
    with pytest.raises(AccessDeniedError, match="наблюдатель.*отчёт об исполнении"):
        check(OBSERVER, Action.REPORT, OTHER_ORDER)
    with pytest.raises(AccessDeniedError, match="только с поручениями своей организации"):
        check(MINFIN, Action.READ, OTHER_ORDER, "поручение 1.1")


def test_an_executor_sees_only_its_organisation_and_the_others_see_all():
    assert visible_to(MINFIN) == "e-minfin"
    assert visible_to(CONTROLLER) is None and visible_to(OBSERVER) is None
