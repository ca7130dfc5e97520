"""What a record may hold: plain JSON (str, int, float, bool, None, lists, dicts with str keys).

Both stores check values the same way, so code tested on MemoryStore behaves the same on
the file store: dates, datetimes and dataclasses are refused rather than silently turned
into strings (a date read back as a string would break comparisons). Enums are stored as
their values.
"""
from __future__ import annotations

from typing import Any

from db.errors import StoreError


def _orjson():  # noqa: ANN202 - imported on first use: `import db` stays light
    import orjson

    return orjson


def dumps(value: Any, what: str) -> bytes:
    """The JSON bytes of `value`, or a StoreError saying what cannot be stored."""
    orjson = _orjson()
    try:
        return orjson.dumps(value, option=orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS)
    except TypeError as error:
        raise StoreError(
            f"Нельзя сохранить {what}: значение не переводится в JSON ({error}). "
            "Даты храните строкой ГГГГ-ММ-ДД, объекты — словарями."
        ) from None


def json_copy(value: Any, what: str) -> Any:
    """A deep copy of `value` as the file store will give it back."""
    return _orjson().loads(dumps(value, what))
