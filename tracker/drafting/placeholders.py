"""Check a template's placeholders against the data before anything is generated.

A clerk edits templates in Word; a misspelled «{{ org.nmae }}» must be reported by name,
not rendered as an empty string or a traceback. The check walks jinja2's syntax tree and
resolves every name and attribute chain against the type hints of the data classes
(tracker.drafting.data), so a misspelling inside a loop over an empty list is caught too.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date
from typing import Any

from jinja2 import nodes

ANY: Any = object()  # a value whose attributes we do not check (set by the template itself)
JINJA_GLOBALS = {"range", "dict", "cycler", "joiner", "namespace", "true", "false", "none",
                 "True", "False", "None"}
LOOP_ATTRS = {"index", "index0", "revindex", "revindex0", "first", "last", "length", "cycle",
              "depth", "depth0", "previtem", "nextitem", "changed"}


@dataclass(frozen=True, slots=True)
class Unknown:
    """One placeholder the data does not have: «org.nmae» and the part that is wrong."""

    expression: str
    missing: str
    known: tuple[str, ...]


class _Loop:
    """Type of jinja's `loop` variable."""


def fields_of(tp: Any) -> dict[str, Any]:
    """Attribute name -> type, for a data class (fields and properties)."""
    if not (isinstance(tp, type) and dataclasses.is_dataclass(tp)):
        return {}
    hints = typing.get_type_hints(tp)
    result = {f.name: hints.get(f.name, ANY) for f in dataclasses.fields(tp)}
    for name in dir(tp):
        attr = getattr(tp, name, None)
        if isinstance(attr, property) and not name.startswith("_"):
            result[name] = typing.get_type_hints(attr.fget).get("return", ANY) if attr.fget else ANY
    return result


def _strip_optional(tp: Any) -> Any:
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else ANY
    return tp


def _element(tp: Any) -> Any:
    tp = _strip_optional(tp)
    if typing.get_origin(tp) in (list, tuple, set, frozenset):
        args = typing.get_args(tp)
        return args[0] if args else ANY
    return ANY


def _attribute(tp: Any, name: str) -> tuple[bool, Any]:
    """(exists, type) of `name` on a value of type `tp`; unknown types accept anything."""
    tp = _strip_optional(tp)
    if tp is ANY:
        return True, ANY
    if tp is _Loop:
        return name in LOOP_ATTRS, ANY
    known = fields_of(tp)
    if known:
        return (name in known), known.get(name, ANY)
    if tp in (str, int, float, bool, date) or typing.get_origin(tp) in (list, dict, tuple):
        base = typing.get_origin(tp) or tp
        return hasattr(base, name), ANY
    return True, ANY


def _expr_text(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_expr_text(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_expr_text(node.node)}[{node.arg.value!r}]"
    return "…"


class _Checker:
    def __init__(self, filters: set[str], tests: set[str]) -> None:
        self.filters, self.tests = filters, tests
        self.unknown: list[Unknown] = []
        self.unknown_filters: list[str] = []

    def report(self, expression: str, missing: str, owner: Any) -> None:
        known = tuple(sorted(fields_of(_strip_optional(owner)))) if owner is not None else ()
        item = Unknown(expression, missing, known)
        if item not in self.unknown:
            self.unknown.append(item)

    # expressions: return the value's type
    def expr(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name not in JINJA_GLOBALS:
                self.report(node.name, node.name, scope.get("__root__"))
            return ANY
        if isinstance(node, nodes.Getattr):
            owner = self.expr(node.node, scope)
            exists, tp = _attribute(owner, node.attr)
            if not exists:
                self.report(_expr_text(node), node.attr, owner)
            return tp
        if isinstance(node, nodes.Getitem):
            owner = self.expr(node.node, scope)
            self.expr(node.arg, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                exists, tp = _attribute(owner, node.arg.value)
                if not exists:
                    self.report(_expr_text(node), node.arg.value, owner)
                return tp
            return _element(owner)
        if isinstance(node, nodes.Filter | nodes.Test):
            names = self.filters if isinstance(node, nodes.Filter) else self.tests
            if node.name not in names and node.name not in self.unknown_filters:
                self.unknown_filters.append(node.name)
            if node.node is not None:
                inner = self.expr(node.node, scope)
            else:
                inner = ANY
            self._children(node, scope, skip=("node",))
            return inner if isinstance(node, nodes.Filter) and node.name in ("first", "last") else ANY
        self._children(node, scope)
        return ANY

    def _children(self, node: nodes.Node, scope: dict[str, Any], skip: tuple[str, ...] = ()) -> None:
        for name in node.fields:
            if name in skip:
                continue
            value = getattr(node, name, None)
            items = value if isinstance(value, list) else [value]
            for child in items:
                if isinstance(child, nodes.Node):
                    self.node(child, scope)

    def _bind(self, target: nodes.Node, tp: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = tp
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self._bind(item, ANY, scope)

    # statements
    def node(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            iter_type = self.expr(node.iter, scope)
            inner = dict(scope)
            self._bind(node.target, _element(iter_type), inner)
            inner["loop"] = _Loop
            if node.test is not None:
                self.expr(node.test, inner)
            for child in node.body:
                self.node(child, inner)
            for child in node.else_:
                self.node(child, scope)
        elif isinstance(node, nodes.Assign):
            tp = self.expr(node.node, scope)
            self._bind(node.target, tp, scope)
        elif isinstance(node, nodes.AssignBlock):
            self._bind(node.target, ANY, scope)
            for child in node.body:
                self.node(child, scope)
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            inner = dict(scope)
            for arg in getattr(node, "args", []):
                self._bind(arg, ANY, inner)
            inner.update({"varargs": ANY, "kwargs": ANY, "caller": ANY})
            for child in node.body:
                self.node(child, inner)
            if isinstance(node, nodes.Macro):
                scope[node.name] = ANY
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=False):
                self._bind(target, self.expr(value, scope), inner)
            for child in node.body:
                self.node(child, inner)
        elif isinstance(node, nodes.Expr | nodes.Name | nodes.Getattr | nodes.Getitem | nodes.Filter | nodes.Test):
            self.expr(node, scope)
        else:
            self._children(node, scope)


def find_unknown(tree: nodes.Template, data_type: type, filters: set[str],
                 tests: set[str]) -> tuple[list[Unknown], list[str]]:
    """Placeholders not in `data_type` (by name and attribute chain), and unknown filters."""
    scope: dict[str, Any] = dict(fields_of(data_type))
    scope["__root__"] = data_type
    checker = _Checker(filters, tests)
    checker.node(tree, scope)
    return checker.unknown, checker.unknown_filters
