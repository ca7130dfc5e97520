"""Shortening texts for drafts: the one place a draft cuts a text (at a word, with «…»)."""
from __future__ import annotations

import re

ELLIPSIS = "…"
# what may be left dangling before the ellipsis: a comma, a dash, an opening quote or bracket
_TRAILING = " \t\n,;:—–-(«\"'"


def shorten(text: str | None, limit: int = 200) -> str:
    """`text` squeezed to one line, at most `limit` characters; a longer one is cut at the
    last word boundary that fits and ends with «…» (the ellipsis counts within the limit).

    A single word longer than the limit is cut inside it: there is no boundary to cut at."""
    flat = re.sub(r"\s+", " ", text or "").strip()
    if len(flat) <= limit:
        return flat
    room = max(limit - len(ELLIPSIS), 1)
    head = flat[:room + 1]  # one more: a space just after the room means the word ends there
    cut = head.rfind(" ")
    head = head[:cut] if cut > 0 else flat[:room]
    return head.rstrip(_TRAILING) + ELLIPSIS
