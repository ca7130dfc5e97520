"""`--user` may stand anywhere on the command line; what follows `--` is left alone."""
from __future__ import annotations

import pytest

from cli.login import take_user


@pytest.mark.parametrize("args, user, rest", [
    (["-u", "ivanova", "orders"], "ivanova", ["orders"]),
    (["orders", "--overdue", "--user", "ivanova"], "ivanova", ["orders", "--overdue"]),
    (["users", "passwd", "petrov", "--user=admin"], "admin", ["users", "passwd", "petrov"]),
    (["comment", "4316a064", "--", "--user", "x"], None, ["comment", "4316a064", "--", "--user", "x"]),
    (["orders"], None, ["orders"]),
])
def test_the_user_is_taken_from_wherever_it_was_typed(args, user, rest):
    assert take_user(args) == (user, rest)
