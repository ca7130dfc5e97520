"""Database addresses: which ones name a server, and how to show one without its password."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

SCHEMES = ("postgresql://", "postgres://")


def is_server_url(location: object) -> bool:
    """True for a PostgreSQL address (postgresql://user@host:port/name), False for a file path."""
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


def redact(url: str) -> str:
    """The address as it may be printed: the password replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, parts.fragment))
