"""Russian words for Typer's and Click's own help and error texts."""
from __future__ import annotations

import typer.rich_utils as ru


def install() -> None:
    ru.ARGUMENTS_PANEL_TITLE = "Аргументы"
    ru.OPTIONS_PANEL_TITLE = "Параметры"
    ru.COMMANDS_PANEL_TITLE = "Команды"
    ru.ERRORS_PANEL_TITLE = "Ошибка"
    ru.ABORTED_TEXT = "Прервано."
    ru.DEFAULT_STRING = "[по умолчанию: {}]"
    ru.ENVVAR_STRING = "[переменная окружения: {}]"
    ru.REQUIRED_LONG_STRING = "[обязательно]"
    ru.RICH_HELP = "Справка: '{command_path} {help_option}'."
