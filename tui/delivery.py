"""Files the desk makes for the clerk: a download in a browser, a file in the drafts folder in a terminal.

A desk served in a browser (`tracker serve`) runs on the server: a file written there is out of
the clerk's reach, so it is offered to the browser with Textual's `deliver_binary` (textual-serve
turns it into a download). In a terminal the clerk and the file are on the same machine: the file
is saved in the drafts folder and its path shown. Textual's own terminal delivery (the user's
Downloads folder) is not used: the desk keeps its files beside the database, where the CLI puts them.
"""
from __future__ import annotations

import io
from pathlib import Path

from textual.app import App


def served(app: App[object]) -> bool:
    """True when the desk runs in a browser (textual-serve's web driver), not in a terminal."""
    return app.is_web


def offer_file(app: App[object], path: Path) -> bool:
    """Offer a file already written (a draft) to the browser; in a terminal it stays where it is.
    True when it was offered."""
    if not served(app):
        return False
    app.deliver_binary(path, save_filename=path.name, name=path.name)
    return True


def offer_bytes(app: App[object], data: bytes, name: str, folder: Path | None) -> Path | None:
    """Offer `data` as the file `name`: to the browser when served (nothing is left on the server;
    returns None), else saved in `folder` (the current folder when None) under a name not taken yet
    (returns the path written)."""
    if served(app):
        app.deliver_binary(io.BytesIO(data), save_filename=name, name=name)
        return None
    target = free_path((folder or Path.cwd()) / name)
    target.write_bytes(data)
    return target


def free_path(wanted: Path) -> Path:
    """`wanted`, or «name-2.ext», «name-3.ext», … when a file of that name is there already."""
    candidate, number = wanted, 1
    while candidate.exists():
        number += 1
        candidate = wanted.with_name(f"{wanted.stem}-{number}{wanted.suffix}")
    return candidate
