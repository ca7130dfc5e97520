"""A second look: checks across fields that lower a confidence the finding rule set too high.

Each rule marks a field sure from what it saw in its own slot; some doubts only show when the
field is set beside the others (issue 9: of the fields marked sure on acts nobody here had
read, one deadline in two and one addressee in six were wrong). Each check here is a reason a
clerk would give for looking twice, stated over the act's structure, never over one act's words:

- a term before the act's own date: no order falls due before it is given, so the date is a
  cited event or an editor's note («Подпункт изменен с 13 июня 2024 г.»);
- a start date («с 1 января 2025 г.»): the day a duty starts, or the day a wording takes effect;
- a term inside an amending act's quoted new wording: the amended act's term, whose reading
  depends on where the quotation ends;
- an addressee whose name ends in an adjective or a participle («органам, включенным в
  перечень, определенный»): the page or a rule cut the name before its noun;
- an addressee holding a colon, or an official's name with more words after it: a note, a list
  or a second addressee ran into the name; one followed by its official with no brackets
  («Повару школы Смеловой Н.И.»): whether the name as written holds the official, annotators of
  real acts read either way;
- an order numbered with a letter under a letter («2.в.а»), or one set out by an amending act's
  quoted new wording: whether it is an order of this act at all is in doubt, and so is all it
  holds (its addressees and term).

The second look only ever lowers a confidence, to `sureness.FALLBACK` (a term, an addressee) or
to just below SURE (an order); it changes no value.
"""
from __future__ import annotations

import re

from parsers import nlp
from parsers.model import SURE, ExtractedOrder, ParseResult, Party
from parsers.rules import sureness
from parsers.rules.orders import TERM_WEIGHT

_DOUBTED_ORDER = round(SURE - 0.05, 2)
_START = re.compile(r"^\s*(?:с|со)\s", re.IGNORECASE)
_LETTER_UNDER_LETTER = re.compile(r"(?:^|\.)[а-яё]\.[а-яё](?:\.|$)")


def second_look(result: ParseResult, text: str | None = None) -> None:
    """Lower the confidence of every field that a check across fields puts in doubt. `text`: the
    text the rules read, in whose offsets the spans still are (the document's own by default)."""
    text = result.text if text is None else text
    act_day = result.document.date
    for order in result.orders:
        if order.deadline is not None and order.deadline.confidence >= SURE and _doubtful_term(order, act_day):
            order.deadline.confidence = sureness.FALLBACK
            if order.confidence >= SURE:
                order.confidence = round(order.confidence - TERM_WEIGHT, 2)  # its term no longer vouches for it
        for party in order.responsible + order.coexecutors:
            if party.confidence >= SURE and (_doubtful_name(party) or _bare_official_after(text, party)):
                party.confidence = sureness.FALLBACK
        if order.in_quoted_amendment or _LETTER_UNDER_LETTER.search(order.number):
            # whether this is an order of the act at all is in doubt, and so is all it holds
            order.confidence = min(order.confidence, _DOUBTED_ORDER)
            for party in order.responsible + order.coexecutors:
                party.confidence = min(party.confidence, sureness.FALLBACK)
            if order.deadline is not None:
                order.deadline.confidence = min(order.deadline.confidence, sureness.FALLBACK)


def _doubtful_term(order: ExtractedOrder, act_day) -> bool:
    term = order.deadline
    assert term is not None
    if term.date is not None and act_day is not None and term.date < act_day:
        return True
    if term.date is not None and _START.match(term.text or ""):
        return True
    return False


# an official's initials and surname with more words after them: two addressees run together or
# an official inside a name («Заместителю префекта Тимошенко В.Е., управе района Кузьминки»)
_OFFICIAL = r"(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)"  # both dots written
_OFFICIAL_INSIDE = re.compile(rf"(?<![А-Яа-яЁё]){_OFFICIAL}[,;]?\s+[а-яё]")
_BARE_OFFICIAL = re.compile(rf"[ \t]*[–—-]?[ \t]*{_OFFICIAL}")


def _bare_official_after(text: str, party: Party) -> bool:
    """Is the official written right after the post with no brackets («Повару школы Смеловой Н.И.»)?
    Whether the name as written holds the official is then a matter of reading (annotators of
    real acts split on it), so the name's spelling is marked for checking; the official is not."""
    if party.span is None or party.person is None or party.as_written == party.person:
        return False
    return bool(_BARE_OFFICIAL.match(text, party.span[1]))


def _doubtful_name(party: Party) -> bool:
    written = party.as_written.strip()
    if ":" in written or _OFFICIAL_INSIDE.search(written):
        return True
    if written.endswith((")", "»", "\"")):
        return False  # a closing bracket or quote ends a name as written
    words = re.findall(r"[А-Яа-яЁё]+", written)
    if len(words) < 2 or not words[-1].islower():
        return False
    readings = nlp.parses(words[-1])
    return bool(readings) and all(r.tag.POS in ("ADJF", "PRTF") for r in readings)
