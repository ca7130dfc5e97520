"""Letter keys that also work with the Russian keyboard layout switched on.

A clerk typing Russian presses the same physical key for «к» as for «r»: each letter binding
lists both characters, so an action never depends on the active layout.
"""
from __future__ import annotations

_LATIN = "qwertyuiopasdfghjklzxcvbnm"
_CYRILLIC = "йцукенгшщзфывапролдячсмить"
_PAIR = dict(zip(_LATIN, _CYRILLIC, strict=True))


def both(key: str) -> str:
    """«r» -> «r,к»: the binding's key string for both layouts."""
    return f"{key},{_PAIR[key]}" if key in _PAIR else key
