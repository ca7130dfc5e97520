"""Controller and signatory: who controls execution of the act, and who signed it.

The control clause («Контроль за исполнением ... возложить на заместителя ... Г.Е.
Ананьева») is no order: its addressee goes to `document.controller` (accusative as
written, nominative name, the official). «... оставляю за собой» makes the signatory the
controller.
"""
from __future__ import annotations

import re

from parsers.model import Party, Signatory
from parsers.rules import executors
from parsers.rules.text import squash

_CLAUSE = re.compile(
    r"контрол[ья]\s+(?:за|над)\s+[^\n]{0,300}?(?:возложить\s+на|возлагается\s+на|оставляю\s+за\s+собой|"
    r"осуществляет|осуществлять)\s*(?P<who>[^\n]*(?:\n[^\n]*){0,3})", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\.[ \t]*(?:\n|$)|(?<![А-ЯЁ])\.(?=\s)|\n\s*\n")
_NAME_LINE = re.compile(rf"(?:^|\s|(?<=[а-яё]))(?P<person>(?:[А-ЯЁ]\.\s?){{1,2}}\s?(?:{executors.SURNAME})|"
                        rf"(?:{executors.SURNAME})\s+{executors.INITIALS})\s*$")


def find_controller(text: str, signatory: Signatory | None) -> Party | None:
    """The controller named by the control clause, or None."""
    m = _CLAUSE.search(text)
    if m is None:
        return None
    if re.search(r"оставляю\s+за\s+собой", m.group(0), re.IGNORECASE):
        if signatory and signatory.person:
            return Party(as_written="оставляю за собой", name=signatory.position, person=signatory.person)
        return None
    who = m.group("who")
    end = _CLAUSE_END.search(who)
    who = squash(who[: end.start() + 1] if end else who.split("\n")[0])
    if not re.search(r"[А-ЯЁ]\.$", who):
        who = who.rstrip(".")
    if not who:
        return None
    start = m.start("who")
    case = "accs" if re.search(r"\bна\s*$", m.group(0)[: m.start("who") - m.start()], re.IGNORECASE) else "nomn"
    party = executors.party_from(who, start, case)
    if party is None:
        return None
    return Party(as_written=who, name=party.name, person=party.person, span=(start, start + len(who)))


_INLINE_SIGNATURE = re.compile(
    rf"(?P<position>(?:И\.\s?о\.\s?|Временно\s+исполняющ\w+\s+обязанности\s+)?(?:Глава|Губернатор|Мэр|Председатель|"
    rf"Министр|Руководитель|Директор|Начальник|Первый\s+заместитель|Заместитель)\b[^.\n]{{0,150}}?)\s+"
    rf"(?P<person>(?:[А-ЯЁ]\.\s?){{1,2}}\s?(?:{executors.SURNAME}))\s*$")


def find_signatory(text: str, after: int) -> Signatory | None:
    """The signature block after the last item: a position and the person's name. An act
    printed on one line ends with its signature glued to the last item."""
    inline = _INLINE_SIGNATURE.search(text[-300:]) if "\n" not in text[after:].strip() else None
    if inline and not text[after:].strip():
        return Signatory(position=squash(inline.group("position")),
                         person=executors.person_nominative(inline.group("person"), "nomn"))
    tail = text[after:]
    lines = [line.strip() for line in tail.splitlines() if line.strip()]
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].replace("**", "")
        m = _NAME_LINE.search(line)
        if not m:
            continue
        person = executors.person_nominative(m.group("person"), "nomn")
        own = line[: m.start("person")].strip()
        position_lines: list[str] = []
        for previous in reversed(lines[max(0, index - 4):index]):
            if previous.endswith((".", ";", ":")) and not re.search(r"[А-ЯЁ]\.$", previous):
                break
            position_lines.insert(0, previous)
        position = squash(" ".join([*position_lines, own])) or None
        return Signatory(position=position, person=person)
    return None
