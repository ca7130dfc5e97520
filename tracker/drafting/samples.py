"""A filled instance of a draft's data, to check a template by rendering it.

`tracker draft check` names unknown placeholders without rendering; an expression that only
fails on data («{{ reg.number + 1 }}», a filter given the wrong kind of value) shows when the
template is filled. A sample fills every field from its type hint (a list with two items, an
optional field set) so each branch a real draft may take is taken once before the clerk needs it.
"""
from __future__ import annotations

import dataclasses
import enum
import types
import typing
from datetime import date, datetime
from typing import Any

_DAY = date(2026, 3, 31)


def sample_of(kind: Any, depth: int = 0) -> Any:
    """A value of the type `kind` with every field filled (dataclasses recursively)."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        chosen = [a for a in args if a is not type(None)]
        return sample_of(chosen[0], depth) if chosen else None
    if origin in (list, set, frozenset, tuple) or kind in (list, tuple):
        item = args[0] if args else str
        items = [sample_of(item, depth + 1) for _ in range(2)] if depth < 6 else []
        return origin(items) if origin in (set, frozenset, tuple) else items
    if origin is dict or kind is dict:
        return {}
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = typing.get_type_hints(kind)
        values = {f.name: sample_of(hints[f.name], depth + 1) for f in dataclasses.fields(kind) if f.init}
        return kind(**values)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return next(iter(kind))
    simple = {bool: True, int: 1, float: 1.0, str: "образец", datetime: datetime(2026, 3, 31, 9, 0), date: _DAY}
    return simple.get(kind, None)
