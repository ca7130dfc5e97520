"""Amendments: what an amending act does to the orders of the act it amends.

An amending act («О внесении изменений в постановление … от 14.02.2020 № 66») gives items in
quoted new wording (the parser marks those orders `in_quoted_amendment`) and may repeal items
(«пункт 5 признать утратившим силу», «пункт 6 исключить»). For the amended act on control:

- a quoted item whose number the amended act has -> a new edition of that order (text,
  executors, terms), the amending act as its basis;
- a quoted item the amended act lacks -> a new order of the amended act («дополнить пунктом 2-1»);
- a repealed item -> that order withdrawn, with the amending act as the basis.

The acts are matched by kind, number and date (issuers are spelled too variously to count).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Step(StrEnum):
    REWORD = "новая редакция"
    ADD = "новый пункт"
    REPEAL = "утратил силу"


@dataclass(frozen=True, slots=True)
class AmendedAct:
    """The act an amending act names: kind, number, date as written there."""

    kind: str | None
    number: str | None
    date: date | None

    def key(self) -> str | None:
        return ref_key(self.kind, self.number, self.date)


@dataclass(frozen=True, slots=True)
class Change:
    number: str  # the item of the amended act
    step: Step


def ref_key(kind: str | None, number: str | None, when: date | None) -> str | None:
    """The key an amending act and the amended act meet on: «постановление|66|2020-02-14»."""
    if not number or when is None:
        return None
    folded = re.sub(r"\s+", "", number.lower().replace("№", ""))
    return f"{(kind or '').lower().strip()}|{folded}|{when.isoformat()}"


_ITEMS = r"((?:\d+(?:[.\-–]\d+)*)(?:\s*(?:,|и)\s*\d+(?:[.\-–]\d+)*)*)"
# «пункт 4 [постановления … от 14.02.2020 № 66] признать утратившим силу»; never across a quotation
_OF_ACT = r"(?:\s+(?:постановлени|распоряжени|приказ|решени|указ)[^«»;:]{0,200}?)?"
_REPEAL = re.compile(r"пункт(?:ы|ов)?\s+" + _ITEMS + _OF_ACT + r"\s+(?:признать\s+утратившими?\s+силу|исключить)")


def repealed(text: str) -> list[str]:
    """Items an amending act repeals: «пункты 5, 6 признать утратившими силу» -> ["5", "6"].

    Only whole items of the act («в пункте 3 слова … исключить» changes words, not the item)."""
    low = " ".join((text or "").lower().replace("ё", "е").split())
    found: list[str] = []
    for match in _REPEAL.finditer(low):
        before = low[max(0, match.start() - 3): match.start()]
        if before.endswith("в "):  # «в пункте 3 … исключить»: words inside an item
            continue
        for number in re.split(r"\s*(?:,|и)\s*", match.group(1)):
            number = number.replace("–", "-").strip()
            if number and number not in found:
                found.append(number)
    return found


def plan(amended_numbers: set[str], quoted_numbers: list[str], repealed_numbers: list[str]) -> list[Change]:
    """What the amendment does to an act whose orders have these numbers."""
    changes: list[Change] = []
    for number in quoted_numbers:
        changes.append(Change(number, Step.REWORD if number in amended_numbers else Step.ADD))
    for number in repealed_numbers:
        if number in amended_numbers and number not in quoted_numbers:
            changes.append(Change(number, Step.REPEAL))
    return changes


def describe(label: str, changes: list[Change]) -> list[str]:
    """The review screen's lines: «изменяет акт Постановление № 66 от 14.02.2020: пункт 2 — новая редакция»."""
    return [f"изменяет акт {label}: пункт {c.number} — {c.step}" for c in changes]
