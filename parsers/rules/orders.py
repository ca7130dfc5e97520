"""Orders: which numbered items oblige someone to act, and what each one carries.

An item is an order when it is addressed («Управлению ... обеспечить», «Рекомендовать
главам ...», «Ответственность ... возложить на ...»), or when its main verb is an
infinitive directive even with no addressee («Провести ...»). Impersonal norms (Утвердить,
Создать, Установить, Внести изменения, Признать утратившим силу ...), entry into force and
the control clause are not, unless a duty is coordinated into them («утвердить и
ежеквартально актуализировать»). The most specific level that carries a task is the order:
children of an addressed item inherit its executors and deadline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from parsers import nlp
from parsers.model import ExtractedOrder, Party
from parsers.rules import executors, words
from parsers.rules.deadlines import find_dates, find_deadline
from parsers.rules.structure import Item
from parsers.rules.text import squash

FIRST_WINDOW = 360  # characters of an item tokenized first: the directive verb comes early
ANALYSIS_LIMIT = 1500  # ... and at most, when the lead is long
_CONTROL = re.compile(r"^\W*контрол[ья]\s+(?:за|над)\b", re.IGNORECASE)
_RESPONSIBILITY = re.compile(r"^\W*(?:персональн\w+\s+)?(?:ответственность|обязанност\w+|функци\w+)\b", re.IGNORECASE)
_PREPOSITIONAL_LEAD = re.compile(r"^\W*(?:в|во|для|на|по|с|со|при|согласно|во\s+исполнение)\s", re.IGNORECASE)


@dataclass(slots=True)
class Reading:
    """What one item says on its own: its kind and, where written, its executors."""

    kind: str  # order | norm | control | addressee | neutral
    verb: tuple[int, int] | None = None  # in the item's own text
    verb_lemma: str | None = None
    responsible: list[Party] = field(default_factory=list)
    coexecutors: list[Party] = field(default_factory=list)


def _depths(doc) -> list[int]:
    """Nesting depth of each token inside quotes and parentheses."""
    depth = 0
    straight = False
    out = []
    for token in doc:
        t = token.text
        if t in "«“(":
            depth += 1
            out.append(depth)
            continue
        if t in "»”)" and depth:
            out.append(depth)
            depth -= 1
            continue
        if t == '"':
            straight = not straight
            out.append(depth + 1)
            continue
        out.append(depth + int(straight))
    return out


def _verbs(own: str) -> list[tuple[int, int, str, str]]:
    """Infinitives standing outside quotes and parentheses: (start, end, lemma, label).
    Only the start of an item is tokenized unless no verb stands there."""
    if len(own) > FIRST_WINDOW:
        cut = own.rfind(" ", 0, FIRST_WINDOW)
        found = _verbs_in(own[: cut if cut > 0 else FIRST_WINDOW])
        if found:
            return found
    return _verbs_in(own[:ANALYSIS_LIMIT])


def _verbs_in(own: str) -> list[tuple[int, int, str, str]]:
    doc = nlp.tokens(own)
    depths = _depths(doc)
    out = []
    matcher = nlp.matcher_for("verbs")
    seen = set()
    for match_id, s, _ in sorted(matcher(doc), key=lambda m: m[1]):
        token = doc[s]
        if depths[s] or s in seen:
            continue
        label = doc.vocab.strings[match_id]
        parses = nlp.parses(token.text)
        if label == "INFINITIVE" and not (parses and parses[0].tag.POS == "INFN"):
            continue
        seen.add(s)
        lemma = token.text.lower()
        out.append((token.idx, token.idx + len(token.text), lemma, label))
    return out


def _executor_lead(lead: str) -> tuple[str, int]:
    """The part of a lead that can name the executor: a leading «В целях ...,» is dropped."""
    if _PREPOSITIONAL_LEAD.match(lead) and not re.match(r"^\W*совместно", lead, re.IGNORECASE):
        for cut in re.finditer(r",\s+", lead):  # «В целях ..., ..., Управлению ...»: skip to the addressee
            rest = lead[cut.end():]
            if executors.parties(rest):
                return rest, cut.end()
        return "", len(lead)
    return lead, 0


_RESPONSIBLE_LINE = re.compile(r"(?:^|\n)\s*(?:Ответственн\w*(?:\s+исполнител\w*)?|Исполнител[ьи])\s*[:–—-]\s*"
                               r"(?P<who>[^\n]+)", re.IGNORECASE)


def read_item(own: str, offset: int) -> Reading:
    """Read an item's own text (without its number and children); offsets are absolute."""
    if _CONTROL.match(own):
        return Reading("control")
    reading = _read_item(own, offset)
    line = _RESPONSIBLE_LINE.search(own)
    if line and reading.kind in ("order", "neutral", "addressee"):
        # «Ответственные: Министерство образования (И.И. Иванов), ...»: executors in the nominative
        who = line.group("who").rstrip(" .;")
        named = executors.parties(who, offset + line.start("who"), "nomn")
        if named:
            reading.responsible = named
            if reading.kind == "neutral":
                reading.kind = "order"
    return reading


def _read_item(own: str, offset: int) -> Reading:
    verbs = _verbs(own)
    if not verbs:
        found = executors.parties(own, offset)
        return Reading("addressee", responsible=found) if found else Reading("neutral")
    start, end, lemma, label = verbs[0]
    if lemma == "возложить" and _RESPONSIBILITY.match(own):
        on = re.search(r"\bна\s+", own[end:])
        found = executors.parties(own[end + on.end():], offset + end + on.end(), "accs") if on else []
        return Reading("order", (start, end), lemma, found)
    if lemma == "возложить" and re.match(r"\s+на\s+", own[end:]):
        # «Возложить на отдел ... (А.А. Петров) обязанности по ...»: the accusative is the executor
        on = re.match(r"\s+на\s+", own[end:])
        rest = own[end + on.end():]
        duty = re.search(r"\s(?:обязанност|функци|ответственност|полномочи|персональную)", rest)
        found = executors.parties(rest[: duty.start()] if duty else rest, offset + end + on.end(), "accs")
        return Reading("order", (start, end), lemma, found)
    if label == "ADDRESSING" or lemma in words.addressing_verbs():
        stop = next((v[0] for v in verbs[1:]), len(own))
        colon = own.find(":", end)
        if 0 <= colon < stop:
            stop = colon
        case = "accs" if lemma in ("обязать", "просить") else "datv"
        found = executors.parties(own[end:stop], offset + end, case)
        return Reading("order", (start, end), lemma, found)
    lead, shift = _executor_lead(own[:start])
    together = re.search(r"совместно\s+с", lead, re.IGNORECASE)
    responsible = executors.parties(lead[: together.start()] if together else lead, offset + shift)
    co = executors.coexecutors(lead, offset + shift)
    if responsible:
        return Reading("order", (start, end), lemma, responsible, co)
    phrase = own[start:start + 40].lower()
    if lemma in words.nonorder_verbs() or any(" " in p and phrase.startswith(p) for p in words.nonorder_verbs()):
        if _coordinated_duty(own[end:]):
            return Reading("order", (start, end), lemma, [], co)
        if lemma == "установить" and re.match(r"\s*,\s*что\b", own[end:]) and find_dates(own[end:]):
            subject = re.match(r"\s*,\s*что\s+(.+?)(?=\s+[а-яё]+(?:ет|ют|ит|ат|ят)\b)", own[end:])
            party = [Party(as_written=squash(subject.group(1)), name=squash(subject.group(1)))] if subject else []
            return Reading("order", (start, end), lemma, party, co)
        return Reading("norm", (start, end), lemma)
    return Reading("order", (start, end), lemma, [], co)


def _coordinated_duty(after_verb: str) -> bool:
    """«Утвердить и ежеквартально актуализировать»: a duty joined to a norm by «и»."""
    m = re.match(r"\s+и\s+(?:[а-яё]+о\s+)?([а-яё]+)", after_verb, re.IGNORECASE)
    if not m:
        return False
    word = m.group(1).lower()
    return word not in words.nonorder_verbs() and nlp.is_infinitive(word) and nlp.parses(word)[0].tag.POS == "INFN"


def _confidence(order: ExtractedOrder, impersonal: bool) -> float:
    score = 0.55 if impersonal else 0.75
    if order.deadline is not None:
        score += 0.1
    if any(p.person for p in order.responsible):
        score += 0.1
    if order.in_quoted_amendment:
        score -= 0.1
    return round(min(score, 0.95), 2)


def extract_orders(text: str, items: list[Item], reference: date | None) -> list[ExtractedOrder]:
    """Orders among the items of one region (the act's own, or a quoted new wording)."""
    readings: dict[int, Reading] = {}
    parents: dict[int, Item | None] = {}
    for item in items:
        for child in item.children:
            parents[id(child)] = item
    for item in items:
        own = text[item.body_start:item.lead_end]
        readings[id(item)] = read_item(own, item.body_start)

    def ancestors(item: Item):
        parent = parents.get(id(item))
        while parent is not None:
            yield parent
            parent = parents.get(id(parent))

    cache: dict[int, bool] = {}

    def is_order(item: Item) -> bool:
        """The most specific level carrying a task is the order."""
        key = id(item)
        if key not in cache:
            kind = readings[key].kind
            above = [readings[id(a)].kind for a in ancestors(item)]
            if item.children:
                cache[key] = kind == "order" and not any(is_order(c) for c in item.children)
            elif kind == "order":
                cache[key] = True
            elif kind in ("neutral", "norm"):
                # a task under an addressed item is that addressee's, even «утвердить план»
                cache[key] = any(k in ("order", "addressee") for k in above[:1]) and (
                    kind == "neutral" or bool(readings[id(next(ancestors(item)))].responsible))
            elif kind == "addressee":
                cache[key] = any(k == "order" for k in above[:1])
            else:
                cache[key] = False
        return cache[key]

    orders: list[ExtractedOrder] = []
    for item in items:
        if not is_order(item):
            continue
        reading = readings[id(item)]
        own = text[item.body_start:item.lead_end]
        responsible = list(reading.responsible)
        coexec = list(reading.coexecutors)
        for ancestor in ancestors(item):
            if not responsible:
                responsible = list(readings[id(ancestor)].responsible)
            if not coexec:
                coexec = list(readings[id(ancestor)].coexecutors)
        deadline = find_deadline(own, item.body_start, reference, reading.verb)
        if deadline is None:
            for ancestor in ancestors(item):
                lead = text[ancestor.body_start:ancestor.lead_end]
                deadline = find_deadline(lead, ancestor.body_start, reference, readings[id(ancestor)].verb)
                if deadline is not None:
                    break
        body = text[item.body_start:item.end].rstrip()
        order = ExtractedOrder(
            number=item.number, parent=item.parent, text=squash(body).rstrip("»\"").strip() if item.quoted else squash(body),
            span=(item.body_start, item.body_start + len(body)), responsible=responsible,
            coexecutors=coexec, deadline=deadline, in_quoted_amendment=item.quoted)
        order.confidence = _confidence(order, impersonal=not responsible)
        orders.append(order)
    return orders

