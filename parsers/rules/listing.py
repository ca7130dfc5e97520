"""A site's listing of instructions, item by item, each under a label with its term.

kremlin.ru lists the President's instructions one item at a time:

    Пр-77, п.3 д) Исполнение к 1 ноября 2021 года
    д) обеспечить внесение в законодательство …;
    | Ответственный | Мишустин Михаил Владимирович |

The label carries the перечень's number («Пр-77»), the item («п.3 д)» is order 3.д) and the
term; the text under it is the task, and the card row (read as an «Ответственный:» line by
`flat_tables.unpipe_card_rows`) its official. The page is a listing, not the act: the kind and the
number come from the labels and are marked for checking.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from parsers.model import ExtractedOrder
from parsers.rules import sureness
from parsers.rules.deadlines import find_deadline
from parsers.rules.orders import order_confidence, read_item
from parsers.rules.text import squash

_TERM_DATE = r"(?:\d{1,2}\s+[а-яё]+\s+\d{4}(?:\s*(?:года|г\.))?|\d{1,2}\.\d{1,2}\.\d{4}(?:\s*г\.)?)"
# at a line's start or after the previous item's end (a page flattened onto one line)
_LABEL = re.compile(r"(?:^|(?<=[\n;.|])|(?<=[;.|]\s))[ \t]*(?:(?P<series>[А-ЯЁ][а-яё]{0,3}-\d+[\w-]*)\s*,\s*)?"
                    r"п\.\s*(?P<item>\d{1,3}(?:\.\d{1,3})*)(?:\s*(?P<letter>[а-яё])\))?\s+Исполнение\s+"
                    rf"(?P<term>(?:к|до|не\s+позднее)\s+{_TERM_DATE})")
_OWN_LETTER = re.compile(r"\s*[а-яё]\)\s*")


@dataclass(slots=True)
class Listing:
    series: str | None = None
    orders: list[ExtractedOrder] = field(default_factory=list)


def read_listing(text: str, reference: date | None = None) -> Listing | None:
    """The orders of a listing page, or None when the text holds no item label."""
    labels = list(_LABEL.finditer(text))
    if not labels:
        return None
    found = Listing()
    series = {m.group("series") for m in labels}
    if len(series) == 1:
        found.series = series.pop()
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        start = label.end()
        if label.group("letter"):
            own_letter = _OWN_LETTER.match(text, start)  # the item repeats its letter: «д) обеспечить …»
            if own_letter and own_letter.group(0).strip().startswith(label.group("letter")):
                start = own_letter.end()
        body = text[start:end].rstrip()
        reading = read_item(body, start)
        number = label.group("item") + (f".{label.group('letter')}" if label.group("letter") else "")
        order = ExtractedOrder(number=number, parent=label.group("item") if label.group("letter") else None,
                               text=squash(body), span=(start, start + len(body)),
                               responsible=reading.responsible, coexecutors=reading.coexecutors,
                               deadline=find_deadline(label.group("term"), label.start("term"), reference))
        order.confidence = order_confidence(order, impersonal=not reading.responsible)
        found.orders.append(order)
    return found


LISTING_KIND = "перечень поручений"
LISTING_SURENESS = sureness.FALLBACK
