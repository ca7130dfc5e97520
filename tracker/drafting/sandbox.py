"""Rendering limits for clerk-edited templates: a template cannot hang, exhaust memory or read files.

jinja2's SandboxedEnvironment already stops attribute tricks (no code runs, no file is read);
these limits stop the rest, each with a Russian message naming the expression:

- loops: `range()` of at most MAX_RANGE numbers, and at most MAX_LOOP_STEPS loop iterations
  in one draft (every `{% for %}` is counted, nested loops too);
- sizes: no string or list longer than MAX_TEXT characters/items is made (`*` and `%` and
  method/filter calls are checked *before* they run, `+`/`~` and results after), no number
  with more than MAX_NUMBER_BITS bits, and the whole document at most MAX_OUTPUT characters;
- no `{% include %}`, `{% import %}`, `{% extends %}`: the environment has no loader at all;
- no list or dict is changed in place (`.append`, `.update`: the immutable sandbox), and at most
  MAX_MADE characters are made in one draft by all expressions together, so a loop that keeps
  making megabyte strings (each under MAX_TEXT) and keeps them in a list stops early;
- jinja2's `lipsum` (random text of any length) is no global of a draft.

The counting is compiled into the template: before code generation every loop's iterable,
every `~` concatenation and every piece of output is wrapped in a guard call (the syntax tree
is transformed in `_generate`, so the placeholder check still sees the template as written).
`static_problems` finds at check time what rendering would refuse whatever the data.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from jinja2 import BaseLoader, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

MAX_RANGE = 10_000
MAX_LOOP_STEPS = 200_000
MAX_TEXT = 2_000_000
MAX_OUTPUT = 50_000_000
MAX_MADE = 50_000_000
MAX_NUMBER_BITS = 256
MAX_ARGUMENT = MAX_TEXT  # no width, count or repeat in a document needs a bigger number
_WIDE_FORMAT = re.compile(r"\d{7,}")  # «%3000000000s», «{:>3000000000}»
_FORMAT_FIELD = re.compile(r"(%|\{[^{}]*:)[^%{}\s]{0,8}\d{7,}")  # the same inside a constant
# what the immutable sandbox refuses to call: methods that change a list, dict or set in place
MODIFYING = frozenset({"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "update",
                       "setdefault", "popitem", "add", "discard", "difference_update", "intersection_update",
                       "symmetric_difference_update", "appendleft", "extendleft", "popleft", "rotate"})
LOOP_GUARD, TEXT_GUARD, OUT_GUARD = "__draft_loop", "__draft_text", "__draft_out"


class TemplateLimit(SecurityError):
    """A template asked for more than a draft may take; str() is one Russian clause."""


class _NoLoader(BaseLoader):
    def get_source(self, environment: Any, template: str) -> Any:
        raise TemplateLimit(f"вставка другого файла («{template}») через include, import или extends "
                            "в шаблонах запрещена")


class LimitedEnvironment(ImmutableSandboxedEnvironment):
    """SandboxedEnvironment with the limits above; one per render (the counters are per draft)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(loader=_NoLoader(), **options)
        self.loop_steps = 0
        self.output_chars = 0
        self.made_chars = 0
        self.globals["range"] = self._range
        self.globals.pop("lipsum", None)
        self.globals.update({LOOP_GUARD: self._loop, TEXT_GUARD: self._text, OUT_GUARD: self._out})
        for name, function in list(self.filters.items()):
            self.filters[name] = _guarded_filter(name, function, self)

    # -- compiled-in guards -------------------------------------------------------------------
    def _range(self, *args: int) -> range:
        numbers = range(*args)  # lazy: its length is known without making the numbers
        if len(numbers) > MAX_RANGE:
            raise TemplateLimit(f"цикл «range({', '.join(map(str, args))})» длиннее допустимого "
                                f"(не больше {MAX_RANGE} шагов)")
        return numbers

    def _loop(self, iterable: Iterable[Any], what: str) -> Iterator[Any]:
        for item in iterable:
            self.loop_steps += 1
            if self.loop_steps > MAX_LOOP_STEPS:
                raise TemplateLimit(f"циклы шаблона сделали больше {MAX_LOOP_STEPS} шагов "
                                    f"(«{{% for {what} %}}»)")
            yield item

    def _text(self, value: Any, what: str) -> Any:
        self.made(value, what)
        return value

    def made(self, value: Any, what: str) -> None:
        """Check a value an expression made, and count its characters against the draft's budget."""
        _check_size(value, what)
        if isinstance(value, str):
            self.made_chars += len(value)
            if self.made_chars > MAX_MADE:
                raise TemplateLimit(f"выражения шаблона создали больше {MAX_MADE // 1_000_000} млн знаков "
                                    f"(последнее — «{what}»)")

    def _out(self, value: Any) -> Any:
        self.output_chars += len(value) if isinstance(value, str) else 0
        if self.output_chars > MAX_OUTPUT:
            raise TemplateLimit(f"документ получается больше {MAX_OUTPUT // 1_000_000} млн знаков")
        return value

    # -- sandbox hooks ------------------------------------------------------------------------
    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        what = f"{_short(left)} {operator} {_short(right)}"
        if operator == "*":
            for sized, count in ((left, right), (right, left)):
                if _is_sized(sized) and isinstance(count, int) and len(sized) * count > MAX_TEXT:
                    raise TemplateLimit(f"выражение «{what}» даёт слишком длинную строку "
                                        f"(больше {MAX_TEXT} знаков)")
            if _is_int(left) and _is_int(right) and left.bit_length() + right.bit_length() > MAX_NUMBER_BITS:
                raise TemplateLimit(f"выражение «{what}» даёт слишком большое число")
        elif operator == "**":
            if _is_number(right) and abs(right) > 64 and _is_number(left) and abs(left) > 1:
                raise TemplateLimit(f"выражение «{what}» даёт слишком большое число")
        elif operator == "%" and isinstance(left, str):
            _check_format(left, right, what)
        result = super().call_binop(context, operator, left, right)
        self.made(result, what)
        return result

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        what = f"{getattr(__obj, '__name__', 'вызов')}(…)"
        if getattr(__obj, "__func__", None) is not LimitedEnvironment._range:  # range() has its own message
            for value in (*args, *kwargs.values()):
                _check_number(value, what)
        name = getattr(__obj, "__name__", "")
        if name in ("format", "format_map") and isinstance(getattr(__obj, "__self__", None), str):
            _check_format(__obj.__self__, (*args, *kwargs.values()), what)
        if name == "replace" and isinstance(getattr(__obj, "__self__", None), str) and len(args) >= 2:
            _check_replace(__obj.__self__, args[0], args[1], what)
        result = super().call(__context, __obj, *args, **kwargs)
        __self.made(result, what)
        return result

    # -- the syntax tree, before code generation ---------------------------------------------
    def _generate(self, source: nodes.Template, name: str | None, filename: str | None,
                  defer_init: bool = False) -> str:
        return super()._generate(_with_guards(source), name, filename, defer_init=defer_init)


_UNSAFE = re.compile(r"access to attribute '(.+?)' of '(.+?)' object is unsafe")


def security_in_russian(error: SecurityError) -> str:
    """The sandbox's own refusals are English: in Russian, naming the attribute."""
    if isinstance(error, TemplateLimit):
        return str(error)
    found = _UNSAFE.search(str(error))
    if found and found.group(1) in MODIFYING:
        return f"изменять списки и словари в шаблоне нельзя («.{found.group(1)}»)"
    if found:
        return f"обращение к «{found.group(1)}» запрещено (значение типа {found.group(2)})"
    return "выражение запрещено в шаблонах"


def _guarded_filter(name: str, function: Any, env: LimitedEnvironment) -> Any:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        what = f"|{name}"
        for value in (*args, *kwargs.values()):
            _check_number(value, what)
        strings = [a for a in args if isinstance(a, str)]
        if name == "format" and strings:
            _check_format(strings[0], args, what)
        if name == "replace" and len(strings) >= 3:
            _check_replace(strings[-3], strings[-2], strings[-1], what)
        result = function(*args, **kwargs)
        env.made(result, what)
        return result

    for attribute in ("jinja_pass_arg", "__name__", "__doc__"):
        if hasattr(function, attribute):
            setattr(guarded, attribute, getattr(function, attribute))
    return guarded


def _with_guards(tree: nodes.Template) -> nodes.Template:
    """Wrap loops, concatenations and output in the guard calls (in place; returns the tree)."""
    for loop in list(tree.find_all(nodes.For)):
        what = nodes.Const(f"{describe(loop.target)} in {describe(loop.iter)}")
        loop.iter = _guard(LOOP_GUARD, loop.iter, what)
    for concat in list(tree.find_all(nodes.Concat)):
        concat.nodes = [_guard(TEXT_GUARD, nodes.Concat(concat.nodes), nodes.Const(describe(concat)))]
    for output in list(tree.find_all(nodes.Output)):
        output.nodes = [nodes.MarkSafe(_guard(OUT_GUARD, nodes.Const(child.data)))
                        if isinstance(child, nodes.TemplateData) else _guard(OUT_GUARD, child)
                        for child in output.nodes]
    return tree


def _guard(name: str, node: nodes.Node, *extra: nodes.Expr) -> nodes.Call:
    call = nodes.Call(nodes.Name(name, "load"), [node, *extra], [], None, None)
    call.set_lineno(node.lineno or 1)
    return call


# -- checks -----------------------------------------------------------------------------------
def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_sized(value: Any) -> bool:
    return isinstance(value, str | bytes | list | tuple)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 30 else text[:27] + "…"


def _check_number(value: Any, what: str) -> None:
    if _is_number(value) and abs(value) > MAX_ARGUMENT:
        raise TemplateLimit(f"в «{what}» слишком большое число {value} (не больше {MAX_ARGUMENT})")


def _check_size(value: Any, what: str) -> None:
    if _is_sized(value) and len(value) > MAX_TEXT:
        raise TemplateLimit(f"выражение «{what}» даёт слишком длинную строку (больше {MAX_TEXT} знаков)")
    if _is_int(value) and value.bit_length() > MAX_NUMBER_BITS:
        raise TemplateLimit(f"выражение «{what}» даёт слишком большое число")


def _check_format(pattern: str, args: Any, what: str) -> None:
    if _WIDE_FORMAT.search(pattern):
        raise TemplateLimit(f"в «{what}» слишком широкое поле формата")
    for value in args if isinstance(args, tuple | list) else (args,):
        _check_number(value, what)


def _check_replace(text: str, old: str, new: str, what: str) -> None:
    grows = len(new) - len(old)
    if grows > 0 and len(text) + (text.count(old) if old else len(text) + 1) * grows > MAX_TEXT:
        raise TemplateLimit(f"замена «{what}» даёт слишком длинную строку (больше {MAX_TEXT} знаков)")


def describe(node: nodes.Node) -> str:
    """Template source for an expression, rebuilt from the tree, for messages: «range(100000000)»."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Const):
        return repr(node.value) if not isinstance(node.value, str) or len(node.value) < 30 else "'…'"
    if isinstance(node, nodes.Getattr):
        return f"{describe(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{describe(node.node)}[{describe(node.arg)}]"
    if isinstance(node, nodes.Call):
        parts = [describe(a) for a in node.args] + [f"{k.key}={describe(k.value)}" for k in node.kwargs]
        return f"{describe(node.node)}({', '.join(parts)})"
    if isinstance(node, nodes.Filter | nodes.Test):
        base = describe(node.node) if node.node is not None else ""
        shown = f"({', '.join(describe(a) for a in node.args)})" if node.args else ""
        return f"{base}|{node.name}{shown}"
    if isinstance(node, nodes.BinExpr):
        return f"{describe(node.left)} {node.operator} {describe(node.right)}"
    if isinstance(node, nodes.Concat):
        return " ~ ".join(describe(n) for n in node.nodes)
    if isinstance(node, nodes.Tuple | nodes.List):
        return ", ".join(describe(n) for n in node.items)
    return "…"


def static_problems(tree: nodes.Template) -> list[str]:
    """What rendering would refuse whatever the data: file inclusion, and limits broken by
    constants in the template itself (`range(100000000)`, `'a' * 3000000000`, `|center(10**9)`)."""
    problems = []
    tags = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from … import",
            nodes.Extends: "extends"}
    for node in tree.find_all(tuple(tags)):
        included = describe(getattr(node, "template", node))
        problems.append(f"«{{% {tags[type(node)]} {included} %}}»: вставка других файлов в шаблонах запрещена")
    for call in tree.find_all(nodes.Call):
        bounds = [a.value for a in call.args if isinstance(a, nodes.Const) and _is_int(a.value)]
        if isinstance(call.node, nodes.Name) and call.node.name == "range" and bounds \
                and len(bounds) == len(call.args):
            try:
                length = len(range(*bounds))
            except (ValueError, OverflowError):
                length = MAX_RANGE + 1
            if length > MAX_RANGE:
                problems.append(f"цикл «{describe(call)}» длиннее допустимого (не больше {MAX_RANGE} шагов)")
    for const in tree.find_all(nodes.Const):
        if _is_number(const.value) and abs(const.value) > MAX_ARGUMENT:
            problems.append(f"слишком большое число {const.value} (не больше {MAX_ARGUMENT})")
        elif isinstance(const.value, str) and _FORMAT_FIELD.search(const.value):
            problems.append(f"слишком широкое поле формата в «{const.value[:40]}»")
    for expr in tree.find_all(nodes.Pow):
        if isinstance(expr.right, nodes.Const) and _is_number(expr.right.value) and abs(expr.right.value) > 64:
            problems.append(f"выражение «{describe(expr)}» даёт слишком большое число")
    for product in tree.find_all((nodes.Mul, nodes.Pow)):
        if _const_bits(product) > MAX_NUMBER_BITS:
            problems.append(f"выражение «{describe(product)}» даёт слишком большое число")
        elif _const_length(product) > MAX_TEXT:
            problems.append(f"выражение «{describe(product)}» даёт слишком длинную строку (больше {MAX_TEXT} знаков)")
    for attribute in tree.find_all(nodes.Getattr):
        if attribute.attr.startswith("_"):
            problems.append(f"обращение к «{attribute.attr}» запрещено")
        elif attribute.attr in MODIFYING:
            problems.append(f"изменять списки и словари в шаблоне нельзя («{describe(attribute)}»)")
    for loop in tree.find_all(nodes.For):
        if (_const_range(loop.iter) or 0) > MAX_RANGE:
            continue  # the range itself is named above
        if _const_steps(loop) > MAX_LOOP_STEPS:
            problems.append(f"вложенные циклы («{{% for {describe(loop.target)} in {describe(loop.iter)} %}}» "
                            f"и внутри) делают больше {MAX_LOOP_STEPS} шагов")
    return list(dict.fromkeys(problems))


def _const_range(node: nodes.Node) -> int | None:
    """The length of `range(constants)`, else None."""
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "range" \
            and node.args and all(isinstance(a, nodes.Const) and _is_int(a.value) for a in node.args):
        try:
            return len(range(*(a.value for a in node.args)))  # type: ignore[attr-defined]
        except (ValueError, OverflowError):
            return MAX_RANGE + 1
    return None


def _const_steps(loop: nodes.For) -> int:
    """Steps of a loop over a constant range times those of the longest such loop inside it."""
    length = _const_range(loop.iter)
    if length is None:
        return 0
    inner = max((_const_steps(child) for child in loop.find_all(nodes.For)), default=0)
    return length * max(inner, 1)


def _const_bits(node: nodes.Node) -> int:
    """An upper bound on the bits of a number built from constants by * and ** (0 if not constant)."""
    if isinstance(node, nodes.Const):
        return node.value.bit_length() if _is_int(node.value) else 0
    if isinstance(node, nodes.Mul):
        return _const_bits(node.left) + _const_bits(node.right)
    if isinstance(node, nodes.Pow) and isinstance(node.right, nodes.Const) and _is_int(node.right.value):
        return _const_bits(node.left) * max(node.right.value, 0)
    return 0


def _const_length(node: nodes.Node) -> int:
    """The length of a string built from constants by * and ~ (0 if not constant)."""
    if isinstance(node, nodes.Const):
        return len(node.value) if isinstance(node.value, str) else 0
    if isinstance(node, nodes.Mul):
        for text, count in ((node.left, node.right), (node.right, node.left)):
            length = _const_length(text)
            if length and isinstance(count, nodes.Const) and _is_int(count.value):
                return length * max(count.value, 0)
    if isinstance(node, nodes.Concat):
        return sum(_const_length(child) for child in node.nodes)
    return 0
