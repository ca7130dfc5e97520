"""The service boundary: storage errors become the domain's own errors, with the same Russian message.

Front ends (the desk, the CLI) catch TrackerError only; a db.StoreError never crosses a service.
`@translates_store_errors` on a service class wraps its public methods (generators included).
"""
from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from db import errors as store_errors
from tracker import errors

C = TypeVar("C", bound=type)

_TRANSLATION: tuple[tuple[type[store_errors.StoreError], type[errors.StorageError]], ...] = (
    (store_errors.ConflictError, errors.ConflictError),
    (store_errors.LockedError, errors.LockedError),
    (store_errors.CorruptStoreError, errors.DamagedStoreError),
    (store_errors.SchemaTooNewError, errors.SchemaTooNewError),
    (store_errors.StoreError, errors.StorageError),
)


def translated(error: store_errors.StoreError) -> errors.StorageError:
    """The domain error for a storage error (same message; the original kept as its cause)."""
    for source, target in _TRANSLATION:
        if isinstance(error, source):
            result = target(str(error))
            result.__cause__ = error
            return result
    raise AssertionError("StoreError is the last entry of the table")  # pragma: no cover


@contextmanager
def store_errors_translated() -> Iterator[None]:
    try:
        yield
    except store_errors.StoreError as error:
        raise translated(error) from error


def _wrap(method: Callable[..., Any]) -> Callable[..., Any]:
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def generator(*args: Any, **kwargs: Any) -> Any:
            with store_errors_translated():
                yield from method(*args, **kwargs)
        return generator

    @functools.wraps(method)
    def plain(*args: Any, **kwargs: Any) -> Any:
        with store_errors_translated():
            return method(*args, **kwargs)
    return plain


def translates_store_errors(cls: C) -> C:
    """Class decorator: every public method raises tracker errors only, never db ones."""
    for name, member in list(vars(cls).items()):
        if name.startswith("_") or not inspect.isfunction(member):
            continue
        setattr(cls, name, _wrap(member))
    return cls
