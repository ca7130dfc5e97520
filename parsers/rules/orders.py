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
from collections.abc import Sequence
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
        if len(t) > 1 and not any(ch.isalnum() for ch in t) and any(ch in "«“(»”)" for ch in t):
            # «):», «»),»: punctuation the tokenizer left glued still opens and closes
            depth += sum(ch in "«“(" for ch in t)
            out.append(max(depth, 1))
            depth = max(0, depth - sum(ch in "»”)" for ch in t))
            continue
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


_RESPONSIBLE_LINE = re.compile(r"(?:^|\n)\s*(?:Ответственн\w*(?:\s+исполнител\w*)?|Отв\.|Исполнител[ьи])\s*[:–—-]\s*"
                               r"(?P<who>[^\n]+)", re.IGNORECASE)


def read_item(own: str, offset: int, in_table: bool = False) -> Reading:
    """Read an item's own text (without its number and children); offsets are absolute.
    `in_table`: the item is a row of a table (a перечень поручений from Word)."""
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
    if reading.kind == "order" and not reading.responsible and reading.verb:
        reading.responsible = _executor_cell(own, offset, reading.verb[1], in_table)
    return reading


_CELL_GAP = re.compile(r"(?<=[а-яё.;,»)])[ \t]+(?=[А-ЯЁ])")


def _has_verb(phrase: str) -> bool:
    return any((nlp.parses(w.group(0).lower())[:1] or [None])[0] is not None
               and nlp.parses(w.group(0).lower())[0].tag.POS in ("VERB", "INFN")
               for w in executors.WORD.finditer(phrase) if len(w.group(0)) > 2)


def _executor_cell(own: str, offset: int, after: int, in_table: bool) -> list[Party]:
    """The executor column of a row (№ | поручение | ответственный | срок): a capitalized body or
    official in the nominative after the task. As a line of its own after a finished sentence
    (a cell of a long row, or a table flattened by a web page); inside the line only in a table
    row, whose short cells the reader joins with spaces («... школ Министерство образования»)."""
    starts = []
    for m in re.finditer(r"\n[ \t]*(?=[А-ЯЁ])", own):
        if m.start() >= after and (in_table or own[: m.start()].rstrip()[-1:] in ".;)"):
            starts.append(m.end())
    if in_table:
        for m in _CELL_GAP.finditer(own, after):
            word = re.search(r"(\w+)\W*$", own[: m.start()])
            if word and not any(p.tag.POS in ("PREP", "CONJ") for p in nlp.parses(word.group(1))[:1]):
                starts.append(m.end())
    for at in sorted(set(starts)):
        cell = own[at:].split("\n", 1)[0]
        if len(cell) > 250 or not executors.opens_with_head(cell, "nomn") or _has_verb(cell):
            continue  # «Администрация района оказывает содействие.»: a sentence, not a name
        found = executors.parties(cell, offset + at, "nomn")
        if found:
            return found
    return []


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
    if lemma == "возложить" and _DUTY_FIRST.match(own[end:]):
        # «Возложить ответственность за свод отчетов на заместителя ... И.И. Кравцову»
        return Reading("order", (start, end), lemma, _duty_bearer(own, end, offset))
    if lemma == "возложить" and (on := re.match(r"\s+на\s+", own[end:])):
        # «Возложить на отдел ... (А.А. Петров) обязанности по ...»: the accusative is the executor
        rest = own[end + on.end():]
        duty = re.search(r"\s(?:обязанност|функци|ответственност|полномочи|персональную)", rest)
        found = executors.parties(rest[: duty.start()] if duty else rest, offset + end + on.end(), "accs")
        return Reading("order", (start, end), lemma, found)
    if label == "ADDRESSING" or lemma in words.addressing_verbs():
        stop = next((v[0] for v in verbs[1:]), len(own))
        colon = own.find(":", end)
        begin = end
        if 0 <= colon < stop and not own[end:colon].strip():
            begin = colon + 1  # «Рекомендовать: руководителям ...»: the addressees follow the colon
        elif 0 <= colon < stop:
            stop = colon
        case = "accs" if lemma in ("обязать", "просить") else "datv"
        found = executors.parties(own[begin:stop], offset + begin, case)
        return Reading("order", (start, end), lemma, found)
    lead, shift = _executor_lead(own[:start])
    together = re.search(r"совместно\s+с", lead, re.IGNORECASE)
    responsible = executors.parties(lead[: together.start()] if together else lead, offset + shift)
    co = executors.coexecutors(lead, offset + shift)
    if not responsible and not together and lemma not in words.nonorder_verbs():
        responsible = _nominative_slip(lead, offset + shift)  # «Учреждение ... упразднить» is its object
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


_DUTY_FIRST = re.compile(r"\s+(?:персональн\w+\s+)?(?:ответственност\w*|обязанност\w*|функци\w*|полномочи\w*)\s",
                         re.IGNORECASE)


def _duty_bearer(own: str, verb_end: int, offset: int) -> list[Party]:
    """The accusative after the last «на» that names a body or an official: the duty itself
    may hold «на» too («за выдачу разрешений на строительство»)."""
    for on in reversed(list(re.finditer(r"\sна\s+", own[verb_end:]))):
        at = verb_end + on.end()
        if executors.opens_with_head(own[at:], "accs"):
            return executors.parties(own[at:], offset + at, "accs")
    return []


def _nominative_slip(lead: str, offset: int) -> list[Party]:
    """«Отдел информатизации (Р.Р. Пахомов) обеспечить»: a drafting slip leaves the addressee
    in the nominative. Taken only when the whole lead is a capitalized body or official."""
    lead = lead.strip()
    if not lead[:1].isupper() or not executors.opens_with_head(lead, "nomn"):
        return []
    return executors.parties(lead, offset, "nomn")


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


def extract_orders(text: str, items: list[Item], reference: date | None,
                   table: Sequence[tuple[int, int]] = ()) -> list[ExtractedOrder]:
    """Orders among the items of one region (the act's own, or a quoted new wording).
    `table`: spans of the text that are table cells (rows of a перечень поручений)."""
    readings: dict[int, Reading] = {}
    parents: dict[int, Item | None] = {}
    for item in items:
        for child in item.children:
            parents[id(child)] = item
    for item in items:
        own = text[item.body_start:item.lead_end]
        in_table = any(s <= item.body_start < e for s, e in table)
        readings[id(item)] = read_item(own, item.body_start, in_table)

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

