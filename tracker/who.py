"""Who makes a change: the OS user by default (history records «кто»)."""
from __future__ import annotations

import getpass


def current_user() -> str:
    """The login name; a placeholder where the system has none (containers, services)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name and no USER/LOGNAME variables
        return "неизвестный пользователь"
