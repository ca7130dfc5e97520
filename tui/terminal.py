"""The desk ends when its terminal is gone.

A terminal that disappears without a hangup signal (a dropped SSH link, a killed terminal
multiplexer, a desk started under `make` whose shell died) leaves Textual's input thread
reading end-of-file in a loop: the process would burn a processor for ever. When the
terminal hangs up, its descriptor stops being a terminal, so a cheap check every few
seconds notices and ends the desk.

It ends the process at once: a graceful exit would restore the terminal's modes by writing to
a terminal that is gone, and Textual's writer thread, dead of the write error, would block the
exit for ever. Nothing is lost by that: the timer runs on the event loop, between the desk's
actions, and every action was saved by its own transaction when it was made.
"""
from __future__ import annotations

import os
import sys
from typing import IO

from textual.app import App
from textual.timer import Timer

CHECK_EVERY_SECONDS = 2.0
GONE_EXIT_CODE = 129  # as if killed by SIGHUP (128 + 1)


def watch_terminal(app: App[object], stream: IO[str] | None = None,
                   every: float = CHECK_EVERY_SECONDS) -> Timer | None:
    """Check every `every` seconds that the desk's terminal is still there; exit when it is not.

    Nothing is watched when the desk did not start on a terminal (served in a browser, run by
    tests): there the server or the test ends it."""
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
