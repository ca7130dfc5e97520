"""Russian words for Click's and Typer's own texts: help headings, the help option, errors.

Typer (0.29+) carries its own copy of Click (typer._click) with English strings written
in place, while typer.core and a real Click (if loaded) call gettext's `_`. `install()`
rebinds `_` to a small Russian catalogue, overrides the vendored Click's usage prefix, help
option text and error display (messages translated by the patterns below), switches Typer
to the plain formatter (rich would not be translated and costs start-up time), and renames
the usage metavars. Nothing heavy is imported: `tracker --help` stays fast.
"""
from __future__ import annotations

import re
import sys

CATALOGUE: dict[str, str] = {
    "Usage:": "Использование:",
    "Options": "Параметры",
    "Commands": "Команды",
    "Arguments": "Аргументы",
    "Positional arguments": "Аргументы",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "Show the version and exit.": "Показать версию и выйти.",
    "Aborted!": "Прервано.",
    "Error: {message}": "Ошибка: {message}",
    "Try '{command} {option}' for help.": "Справка: «{command} {option}».",
    "Missing command.": "Не указана команда.",
    "No such command {name!r}.": "Нет такой команды: {name!r}.",
    "No such option {name!r}.": "Нет такого параметра: {name!r}.",
    "No such option: {name}": "Нет такого параметра: {name}",
    "Did you mean {possibility}?": "Может быть, {possibility}?",
    "Missing argument": "Не указан аргумент",
    "Missing option": "Не указан параметр",
    "Missing parameter": "Не указано значение",
    "Missing {param_type}": "Не указан {param_type}",
    "Missing parameter: {param_name}": "Не указано значение: {param_name}",
    "Invalid value: {message}": "Неверное значение: {message}",
    "Invalid value for {param_hint}: {message}": "Неверное значение {param_hint}: {message}",
    "Option {name!r} does not take a value.": "Параметр {name!r} не принимает значения.",
    "Option {name!r} requires an argument.": "Параметру {name!r} нужно значение.",
    "Argument {name!r} takes {nargs} values.": "Аргумент {name!r} принимает значений: {nargs}.",
    "Got unexpected extra argument ({args})": "Лишний аргумент ({args})",
    "{value!r} is not a valid {number_type}.": "{value!r} — не {number_type}.",
    "integer": "целое число",
    "float": "число",
    "{value!r} is not a valid boolean.": "{value!r} — не логическое значение.",
    "{value} is not in the range {range}.": "{value} вне диапазона {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} не существует.",
    "{name} {filename!r} is a file.": "{name} {filename!r} — это файл.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} — это папка.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} не читается.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} не записывается.",
    "file": "файл",
    "directory": "папка",
    "path": "путь",
    "Choose from:\n\t{choices}": "Возможны:\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} — не {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} — не одно из {choices}.",
    "default: {default}": "по умолчанию: {default}",
    "env var: {var}": "переменная окружения: {var}",
    "required": "обязательно",
    "(dynamic)": "(вычисляется)",
    "deprecated": "устарело",
    "(Deprecated)": "(устарело)",
    "Do you want to continue?": "Продолжить?",
    "Error: The value you entered was invalid.": "Ошибка: введено неверное значение.",
    "Error: {e.message}": "Ошибка: {e.message}",
    "Repeat for confirmation": "Повторите для подтверждения",
    "Error: The two entered values do not match.": "Ошибка: значения не совпадают.",
    "Error: invalid input": "Ошибка: неверный ввод",
}

PLURALS: dict[str, str] = {
    "Got unexpected extra argument ({args})": "Лишний аргумент ({args})",
    "Got unexpected extra arguments ({args})": "Лишние аргументы ({args})",
    "Missing argument": "Не указан аргумент",
    "Missing arguments": "Не указаны аргументы",
    "Missing option": "Не указан параметр",
    "Missing options": "Не указаны параметры",
    "Missing parameter": "Не указано значение",
    "Missing parameters": "Не указаны значения",
    "Option {name!r} requires an argument.": "Параметру {name!r} нужно значение.",
    "Option {name!r} requires {nargs} arguments.": "Параметру {name!r} нужно значений: {nargs}.",
    "{len_type} values are required, but {len_value} was given.":
        "Нужно значений: {len_type}, получено: {len_value}.",
    "{len_type} values are required, but {len_value} were given.":
        "Нужно значений: {len_type}, получено: {len_value}.",
}

METAVARS = {"[OPTIONS]": "[ПАРАМЕТРЫ]", "COMMAND [ARGS]...": "КОМАНДА [АРГУМЕНТЫ]..."}

# final error messages of the vendored Click -> Russian (first match wins)
MESSAGE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Missing option (.+)\.$"), r"Не указан параметр \1."),
    (re.compile(r"^Missing argument (.+)\.$"), r"Не указан аргумент \1."),
    (re.compile(r"^Missing parameter (.+)\.$"), r"Не указано значение \1."),
    (re.compile(r"^Missing (\w+)\.$"), r"Не указано: \1."),
    (re.compile(r"^No such option: (\S+)(?: Did you mean (.+)\?)?$"), r"Нет такого параметра: \1."),
    (re.compile(r"^No such option: (.+)$"), r"Нет такого параметра: \1"),
    (re.compile(r"^No such command (.+)\.$"), r"Нет такой команды: \1."),
    (re.compile(r"^Missing command\.$"), "Не указана команда."),
    (re.compile(r"^Got unexpected extra arguments? \((.*)\)$"), r"Лишние аргументы: \1"),
    (re.compile(r"^Option (.+) requires an argument\.$"), r"Параметру \1 нужно значение."),
    (re.compile(r"^Option (.+) requires (\d+) arguments\.$"), r"Параметру \1 нужно значений: \2."),
    (re.compile(r"^Option (.+) does not take a value\.$"), r"Параметр \1 не принимает значения."),
    (re.compile(r"^Invalid value for (.+?): (.*)$", re.S), r"Неверное значение \1: \2"),
    (re.compile(r"^Invalid value: (.*)$", re.S), r"Неверное значение: \1"),
]
VALUE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(.+) is not a valid integer\.?"), r"\1 — не целое число."),
    (re.compile(r"(.+) is not a valid float\.?"), r"\1 — не число."),
    (re.compile(r"(.+) is not a valid boolean\.?"), r"\1 — не «да/нет»."),
    (re.compile(r"(.+) is not one of (.+)\.?"), r"\1 — не одно из: \2."),
    (re.compile(r"(.+) is not in the range (.+)\.?"), r"\1 вне диапазона \2."),
    (re.compile(r"(?:File|Path|Directory) (.+) does not exist\.?"), r"\1 не существует."),
    (re.compile(r"Did you mean (.+)\?"), r"Может быть, \1?"),
    (re.compile(r"\(Possible options: (.+)\)"), r"(возможны: \1)"),
    (re.compile(r"Input should be a valid integer.*"), "нужно целое число"),
    (re.compile(r"Input should be a valid number.*"), "нужно число"),
    (re.compile(r"Input should be a valid boolean.*"), "нужно «да» или «нет»"),
    (re.compile(r"Input should be a valid date.*"), "нужна дата"),
    (re.compile(r"Input should be (.*)"), r"нужно: \1"),
]
# Typer's own metavars in the help's left column
HELP_METAVARS = {"<str>": "<текст>", "<path>": "<путь>", "<int>": "<число>", "<float>": "<число>",
                 "<integer>": "<число>", "<bool>": "<да/нет>"}


def translate_message(message: str) -> str:
    """An English message of Click/Typer in Russian (unchanged if it is not known)."""
    text = message.strip()
    for pattern, replacement in MESSAGE_PATTERNS:
        if pattern.match(text):
            text = pattern.sub(replacement, text)
            break
    for pattern, replacement in VALUE_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


HELP_TEXT = "Показать эту справку и выйти."
USAGE_PREFIX = "Использование: "

MODULES = ("click.core", "click.formatting", "click.exceptions", "click.decorators", "click.types",
           "click.parser", "click.termui", "click.utils", "typer.core")


def translate(message: str) -> str:
    return CATALOGUE.get(message, message)


def ntranslate(singular: str, plural: str, count: int) -> str:
    chosen = singular if count == 1 else plural
    return PLURALS.get(chosen, CATALOGUE.get(chosen, chosen))


def install() -> None:
    """Make Click and Typer speak Russian (idempotent)."""
    import typer.core
    import typer.main

    for name in MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = translate
        if hasattr(module, "ngettext"):
            module.ngettext = ntranslate
    typer.core.HAS_RICH = False  # Click's plain formatter, translated above
    typer.main.HAS_RICH = False
    targets = [sys.modules["click.core"]] if "click.core" in sys.modules else []  # a real Click, if loaded
    try:
        from typer._click import core as vendored_core  # Typer 0.29+ carries its own Click
    except ImportError:
        vendored_core = None
    else:
        targets.append(vendored_core)
        _patch_vendored()
    for core in targets:
        _patch_usage(core.Command)
    _patch_usage(typer.core.TyperGroup)
    _patch_usage(typer.core.TyperCommand)


def _patch_usage(command_cls: type) -> None:
    if getattr(command_cls.__dict__.get("collect_usage_pieces"), "_russian", False):
        return
    original = command_cls.collect_usage_pieces

    def collect_usage_pieces(self, ctx):  # noqa: ANN001, ANN202 - Click's own signature
        return [METAVARS.get(piece, piece) for piece in original(self, ctx)]

    collect_usage_pieces._russian = True
    command_cls.collect_usage_pieces = collect_usage_pieces

    original_help = command_cls.get_help_option

    def get_help_option(self, ctx):  # noqa: ANN001, ANN202
        option = original_help(self, ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    command_cls.get_help_option = get_help_option


def _patch_vendored() -> None:
    from typer._click import exceptions, formatting
    from typer._click.utils import echo

    formatter = formatting.HelpFormatter
    if getattr(formatter.write_usage, "_russian", False):
        return
    original_usage = formatter.write_usage

    def write_usage(self, prog, args="", prefix=None):  # noqa: ANN001, ANN202
        return original_usage(self, prog, args, USAGE_PREFIX if prefix is None else prefix)

    write_usage._russian = True
    formatter.write_usage = write_usage
    original_dl = formatter.write_dl

    def write_dl(self, rows, *args, **kwargs):  # noqa: ANN001, ANN202
        def russian(term: str) -> str:
            for english, native in HELP_METAVARS.items():
                term = term.replace(english, native)
            return term

        return original_dl(self, [(russian(term), text) for term, text in rows], *args, **kwargs)

    formatter.write_dl = write_dl

    def show_exception(self, file=None):  # noqa: ANN001, ANN202
        echo(f"Ошибка: {translate_message(self.format_message())}", file=file or sys.stderr)

    def show_usage_error(self, file=None):  # noqa: ANN001, ANN202
        file = file or sys.stderr
        if self.ctx is not None:
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = f"Справка: {self.ctx.command_path} {self.ctx.help_option_names[0]}\n"
            echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=self.ctx.color)
        echo(f"Ошибка: {translate_message(self.format_message())}", file=file)

    exceptions.ClickException.show = show_exception
    exceptions.UsageError.show = show_usage_error
