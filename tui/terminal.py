"""The desk ends when its terminal is gone, or, served in a browser, when its server is gone.

A terminal that disappears without a hangup signal (a dropped SSH link, a killed terminal
multiplexer, a desk started under `make` whose shell died) leaves Textual's input thread
reading end-of-file in a loop: the process would burn a processor for ever. When the
terminal hangs up, its descriptor stops being a terminal, so a cheap check every few
seconds notices and ends the desk.

It ends the process at once: a graceful exit would restore the terminal's modes by writing to
a terminal that is gone, and Textual's writer thread, dead of the write error, would block the
exit for ever. Nothing is lost by that: the timer runs on the event loop, between the desk's
actions, and every action was saved by its own transaction when it was made.

A desk served in a browser has no terminal: its input and output are pipes to `tracker serve`,
which ends it when its tab closes or idles. If the server itself dies without that (killed,
out of memory), the desk would live on with nobody to talk to, holding its memory and database
connection: it checks that the server (named by SERVER_PID_VARIABLE, else its parent at start) is
still its parent, and ends otherwise; an orphan is adopted by another process.
"""
from __future__ import annotations

import os
import sys
from typing import IO

from textual.app import App
from textual.timer import Timer

CHECK_EVERY_SECONDS = 2.0
GONE_EXIT_CODE = 129  # as if killed by SIGHUP (128 + 1)
SERVER_PID_VARIABLE = "TRACKER_SERVER_PID"  # set by `tracker serve` for the desks it starts


def watch_terminal(app: App[object], stream: IO[str] | None = None,
                   every: float = CHECK_EVERY_SECONDS) -> Timer | None:
    """Check every `every` seconds that the desk's terminal is still there; exit when it is not.

    A desk served in a browser watches its server instead (`watch_server`); nothing is watched
    when the desk runs neither on a terminal nor served (tests): there the test ends it."""
    if app.is_web:
        return watch_server(app, every)
    stream = stream if stream is not None else sys.__stdin__
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):
        return None
    if fd < 0 or not os.isatty(fd):
        return None

    def check() -> None:
        if not os.isatty(fd):
            os._exit(GONE_EXIT_CODE)

    return app.set_interval(every, check, name="terminal-watch")


def watch_server(app: App[object], every: float = CHECK_EVERY_SECONDS) -> Timer:
    """Served desk: exit when the server that started it is no longer its parent (it died, even
    before the desk was up: the server names itself, so no start-up race)."""
    named = os.environ.get(SERVER_PID_VARIABLE, "")
    server = int(named) if named.isdigit() else os.getppid()

    def check() -> None:
        if os.getppid() != server:
            os._exit(GONE_EXIT_CODE)

    return app.set_interval(every, check, name="server-watch")
