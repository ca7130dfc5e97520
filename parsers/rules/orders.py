"""Orders: which numbered items oblige someone to act, and what each one carries.

An item is an order when it is addressed («Управлению ... обеспечить», «Рекомендовать
главам ...», «Ответственность ... возложить на ...»), or when its main verb is an
infinitive directive even with no addressee («Провести ...»). Impersonal norms (Утвердить,
Создать, Установить, Внести изменения, Признать утратившим силу ...), entry into force and
the control clause are not, unless a duty is coordinated into them («утвердить и
ежеквартально актуализировать»). The most specific level that carries a task is the order:
children of an addressed item inherit its executors and deadline; a «Срок –» or «Ответственный:»
line after the last child, where no sibling has its own, is every child's. The persons of an
«Ответственные:» line belong to the dative addressee and never replace it. Unnumbered duties
after «обеспечить:» that carry different terms become sub-orders (2-1.1, 2-1.2, …).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from parsers import nlp
from parsers.model import Deadline, ExtractedOrder, Party
from parsers.rules import executors, sureness, words
from parsers.rules.deadlines import deadline_from_phrase, find_dates, find_deadline, states_a_term
from parsers.rules.structure import Item
from parsers.rules.text import ABBREVIATED_END, mask_quoted, squash
from parsers.tokenizer import Token

FIRST_WINDOW = 360  # characters of an item tokenized first: the directive verb comes early
ANALYSIS_LIMIT = 1500  # ... and at most, when the lead is long
_CONTROL = re.compile(r"^\W*(?:контрол[ья]\s+(?:за|над|исполнени|выполнени)|(?:персональн\w+\s+)?ответственность\s+за\s+(?:исполнение|выполнение)"
                      r"\s+(?:настоящего\s+)?(?:постановлени|распоряжени|приказ|решени|указ))", re.IGNORECASE)
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


def _depths(doc: list[Token], flat: bool = False) -> list[int]:
    """Nesting depth of each token inside quotes and parentheses. `flat`: a «…» inside a «…» opens
    nothing, for names whose inner quote lost its closing twin («ООО «УК «Жилфонд» Иванову …»)."""
    depth = 0
    straight = False
    guillemet = False  # flat mode: inside a «…»
    out = []
    for token in doc:
        t = token.text
        if flat and t in ("«", "»"):
            if t == "«" and not guillemet:
                guillemet, depth = True, depth + 1
            elif t == "»" and guillemet:
                guillemet, depth = False, depth - 1
                out.append(depth + 1)
                continue
            out.append(max(depth, 1) if guillemet else depth)
            continue
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
    found = _verbs_at(doc, _depths(doc))
    if not found and own.count("«") > own.count("»"):
        found = _verbs_at(doc, _depths(doc, flat=True))  # an inner quote never closed hid the verb
    return found


def _verbs_at(doc: list[Token], depths: list[int]) -> list[tuple[int, int, str, str]]:
    out = []
    seen = set()
    for label, s in nlp.verb_matches(doc):
        token = doc[s]
        if depths[s] or s in seen:
            continue
        parses = nlp.parses(token.text)
        if label == "INFINITIVE" and not (parses and parses[0].tag.POS == "INFN"):
            continue
        seen.add(s)
        lemma = token.text.lower()
        out.append((token.idx, token.idx + len(token.text), lemma, label))
    return out


_TIME_LEAD = re.compile(r"^\W*(?:с|со|до|к|не\s+позднее|в\s+срок\s+до)\s", re.IGNORECASE)


def _after_time_lead(lead: str) -> tuple[str, int] | None:
    """«С 01 апреля 2020 года до улучшения обстановки руководителям органов …, организациям …
    обеспечить»: a lead that opens with a term runs into its addressee without a comma. The
    addressee starts at the first word after the date that can only be a dative (pymorphy3:
    «руководителям», not «администрации», which may be a genitive of the term)."""
    if not _TIME_LEAD.match(lead):
        return None
    dates = find_dates(lead[:60])
    if not dates or dates[0].start > 25:
        return None  # the term must open the lead
    return _first_dative_only(lead, dates[0].end)


def _first_dative_only(lead: str, after: int) -> tuple[str, int] | None:
    """The addressee of a lead whose opening term or condition runs into it with no comma: it
    starts at the first word that can only be a dative (pymorphy3), if a body or post starts there."""
    masked = mask_quoted(lead)  # «О мерах по недопущению …»: a cited act's title names no one
    previous = None
    for word in executors.WORD.finditer(masked, after):
        governed = previous is not None and nlp.first_pos(previous) == "PREP"  # «по недопущению»: no addressee
        previous = word.group(0)
        if not governed and {p.tag.case for p in nlp.parses(word.group(0).lower())} == {"datv"}:
            rest = lead[word.start():]
            return (rest, word.start()) if executors.parties(rest) else None
    return None


def _executor_lead(lead: str) -> tuple[str, int]:
    """The part of a lead that can name the executor: a leading «В целях ...,» is dropped."""
    timed = _after_time_lead(lead)
    if timed is not None:
        return timed
    if _PREPOSITIONAL_LEAD.match(lead) and not re.match(r"^\W*совместно", lead, re.IGNORECASE):
        for cut in re.finditer(r",\s+", lead):  # «В целях ..., ..., Управлению ...»: skip to the addressee
            rest = lead[cut.end():]
            if executors.parties(rest):
                return rest, cut.end()
        dative = _first_dative_only(lead, 0)  # «С наступлением погоды руководителям … провести»
        return dative if dative is not None else ("", len(lead))
    return lead, 0


_RESPONSIBLE_LINE = re.compile(r"(?:^|\n|(?<=[.;] ))\s*(?:Ответственн\w*(?:\s+исполнител\w*)?|Отв\.|Исполнител[ьи])"
                               r"\s*[:–—-]\s*(?P<who>[^\n]+)", re.IGNORECASE)


# «… до 1 мая 2015 года (отв. Иванов И.И.)», «(ответственный - отдел ЖКХ, Сидоров С.С.)»
_RESPONSIBLE_PAREN = re.compile(r"\(\s*(?:ответственн\w*(?:\s+исполнител\w*)?|отв\.|исп\.|исполнител[ьи])\s*[:–—-]?\s*"
                                r"(?P<who>[^()\n]+)\)", re.IGNORECASE)


def read_item(own: str, offset: int, in_table: bool = False) -> Reading:
    """Read an item's own text (without its number and children); offsets are absolute.
    `in_table`: the item is a row of a table (a перечень поручений from Word)."""
    if _CONTROL.match(own):
        return Reading("control")
    line = _RESPONSIBLE_LINE.search(own) or _RESPONSIBLE_PAREN.search(own)
    reading = _read_item(own[: line.start()] if line else own, offset)
    if reading.kind == "addressee" and reading.responsible and states_a_term(own):
        # «Минвостокразвития России (А.А.Козлову) Совместно с … Срок представления … – до 26 декабря
        # 2020 года»: an instruction by item of another act names the task by that item, not by a verb
        reading.kind = "order"
    if line and reading.kind in ("order", "neutral", "addressee"):
        who = re.sub(r"(?<![А-ЯЁ])[.;,\s]+$", "", line.group("who"))  # keep the stop of an initial
        persons = _persons_only(who, offset + line.start("who"))
        if reading.responsible and persons:
            # «Правительству ... обеспечить ... Ответственный: Мишустин М.В.»: the official of the
            # dative addressee, never a replacement for it
            _attach_persons(reading, persons)
        elif not reading.responsible:
            # «Ответственные: Министерство образования (И.И. Иванов), ...»: executors in the nominative;
            # «Ответственный – начальник отдела ЖКХ Петров П.П.»: the post is the addressee, Петров its official
            bodies = _capped(executors.parties(who, offset + line.start("who"), "nomn"), sureness.GOOD)
            posted = bodies and all(p.person for p in bodies) and not any(_person_alone(p) for p in bodies)
            named = bodies if posted else persons or bodies
            if named:
                reading.responsible = named
                if reading.kind == "neutral":
                    reading.kind = "order"
    if reading.kind == "order" and not reading.responsible and reading.verb:
        reading.responsible = _executor_cell(own, offset, reading.verb[1], in_table)
    return reading


def _persons_only(who: str, offset: int) -> list[Party]:
    """The officials of a «Ответственные:» line when it names persons only («Мишустин М.В.,
    Хуснуллин М.Ш.» or «министр финансов Иванов И.И.»), each with its post dropped."""
    out: list[Party] = []
    for m in re.finditer(r"[^,;]+", who):
        piece = m.group(0).strip()
        if not piece:
            continue
        if executors.PERSON_FULL.match(piece):
            person = executors.person_nominative(piece, "nomn")
        else:
            tail = executors.TRAILING_PERSON.search(" " + piece)
            if not tail or not piece[:1].islower():
                return []  # a body («Министерство финансов»): not persons only
            person = executors.person_nominative(tail.group("person"), "nomn")
        at = offset + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        out.append(Party(as_written=person, name=person, person=person, span=(at, at + len(piece)),
                         confidence=sureness.CLEAN))
    return out


def _attach_persons(reading: Reading, persons: list[Party]) -> None:
    """One person per addressee, in order, when the counts agree; else every person is kept as
    named (a person alone), so no name is lost or given to the wrong body."""
    known = {p.person for p in reading.responsible if p.person}
    persons = [p for p in persons if p.person not in known]  # the official already named with the body
    if not persons:
        return
    addressees = [p for p in reading.responsible if p.person is None]
    if len(addressees) == len(persons):
        for party, person in zip(addressees, persons, strict=True):
            party.person = person.person
        return
    reading.responsible.extend(persons)


_CELL_GAP = re.compile(r"(?<=[а-яё.;,»)])[ \t]+(?=[А-ЯЁ])")


def _executor_cell(own: str, offset: int, after: int, in_table: bool) -> list[Party]:
    """The executor column of a row (№ | поручение | ответственный | срок): a capitalized body or
    official in the nominative after the task. As a line of its own after a finished sentence
    (a cell of a long row, or a table flattened by a web page); inside the line only in a table
    row, whose short cells the reader joins with spaces («... школ Министерство образования»)."""
    starts = []
    for m in re.finditer(r"\n[ \t]*(?=[А-ЯЁ])", own):
        if m.start() >= after and (in_table or own[: m.start()].rstrip()[-1:] in ".;)") \
                and not ABBREVIATED_END.search(own[: m.start()]):
            starts.append(m.end())  # «в парке п.⏎Борисоглебский»: a stop that abbreviates ends no sentence
    if in_table:
        masked = mask_quoted(own, also_parens=True)  # a gap inside «…» or (…) is no cell border
        for m in _CELL_GAP.finditer(own, after):
            word = re.search(r"(\w+)\W*$", own[: m.start()])
            if masked[m.end()] == " " or ABBREVIATED_END.search(own[: m.start()]):
                continue
            if word and not any(p.tag.POS in ("PREP", "CONJ", "PRTF", "ADJF") for p in nlp.parses(word.group(1))[:1]) \
                    and not _dependent_of(word.group(1), own[m.end():]):
                starts.append(m.end())
    for at in sorted(set(starts)):
        cell = re.split(r"\n|(?<=[.;])\s+(?=Срок|Ответствен)", own[at:], maxsplit=1)[0]
        if len(cell) > 250 or not executors.opens_with_head(cell, "nomn") or nlp.has_verb(cell):
            continue  # «Администрация района оказывает содействие.»: a sentence, not a name
        found = executors.parties(cell, offset + at, "nomn")
        if found:
            return _capped(found, sureness.GOOD)  # a nominative cell after the task: second-best place
    return []


_TERRITORY = frozenset({"район", "округ", "поселение", "город", "село", "посёлок", "поселок", "деревня", "станица",
                        "область", "край", "республика", "городок"})


def _dependent_of(previous: str, cell: str) -> bool:
    """After a noun («сотрудников», «зданием»), a capitalized name that can be its genitive or
    instrumental («Администрации города», «МАУ …») continues the sentence: no cell starts there.
    «школ Министерство образования»: a nominative cannot depend on «школ», so a cell does."""
    if not any(p.tag.POS == "NOUN" for p in nlp.parses(previous)[:2]):
        return False
    first = executors.WORD.match(cell)
    if nlp.lemmas(previous) & _TERRITORY and first is not None and not nlp.lemmas(first.group(0)) & words.body_heads():
        return True  # «муниципального района Похвистневский», «городского округа Тольятти»: its name
    # («на территории района Администрация района»: a body's name starts a cell after it all the same)
    if first is None or first.group(0).isupper():
        return True  # an abbreviation does not decline: it may be either
    return any(p.tag.case in ("gent", "ablt") for p in nlp.parses(first.group(0)))


_BY_ITEM = re.compile(r"^\W*По\s+(?:под)?пункт\w*\s[^:\n]{0,80}(?:\n[^:\n]{0,80})?:\s*", re.IGNORECASE)


_APPOINTED = re.compile(r"\s+(?:ответственн|уполномоченн)\w+\s+(?:лиц\w*\s+)?(?:за|по)\s", re.IGNORECASE)
_NAMED_PERSON = re.compile(rf"(?<![А-Яа-яЁё])(?:{executors.INITIALS_AND_SURNAME})")


def _post_word(word: str) -> bool:
    """A singular animate noun in the accusative (a post: «руководителя», «учителя»)."""
    return any(p.tag.POS == "NOUN" and p.tag.case == "accs" and p.tag.number == "sing" and p.tag.animacy == "anim"
               for p in nlp.parses(word))


def _appointee(own: str, after: int, offset: int) -> list[Party]:
    """The official appointed to a duty: the person (initials and surname) after the duty, with
    the post written right before it («руководителя хозяйственного блока Н.Ю. Налимову») or
    right after it («Люлькину И.А. учителя начальных классов»). Marked for checking: where the
    duty's words end and the post's begin is read from cases alone."""
    person = _NAMED_PERSON.search(own, after)
    if person is None or re.search(r"[;:]", own[after:person.start()]):
        return []
    begin = person.start()
    words_before = list(re.finditer(r"[А-Яа-яЁё]+", own[after:person.start()]))
    for m in reversed(words_before):
        if re.search(r"[,;:()\"»«.]", own[after + m.end():begin]):
            break
        if _post_word(m.group(0)):
            begin = after + m.start()
    stop = person.end()
    follows = re.match(r"\s+([а-яё]+)((?:\s+[а-яё]+){0,4})", own[stop:])
    if begin == person.start() and follows and _post_word(follows.group(1)):
        stop += follows.end()  # the post after the person, up to the end of its words
    written = squash(own[begin:stop]).rstrip(" .,;")
    return [Party(as_written=written, name=written,
                  person=executors.person_nominative(person.group(0), "accs"),
                  span=(offset + begin, offset + begin + len(written)), confidence=sureness.FALLBACK)]


def _before_role(appointee: str) -> int:
    """Where the accusative of «назначить/определить кого кем» ends: before the instrumental role
    that closes it («Министерство образования … региональным координатором, ответственным за …»)."""
    end = len(appointee.rstrip(" ,\t\n"))
    cut = end
    for m in reversed(list(executors.WORD.finditer(appointee, 0, end))):
        readings = nlp.parses(m.group(0))
        if not any(r.tag.case == "ablt" and r.tag.POS in ("NOUN", "ADJF", "PRTF") for r in readings):
            break
        cut = m.start()
    if cut == end or not any(r.tag.POS == "NOUN" for r in nlp.parses(appointee[cut:end].split()[-1])):
        return end
    governor = list(executors.WORD.finditer(appointee, 0, cut))[-1:]
    if governor and _governs_instrumental(governor[0].group(0), appointee[:governor[0].start()]):
        return end  # «комитета по управлению муниципальным имуществом»: the instrumental is the name's own
    return len(appointee[:cut].rstrip())


_INSTRUMENTAL_PREPOSITIONS = frozenset({"с", "со", "под", "над", "между", "за", "перед"})


def _governs_instrumental(word: str, before: str) -> bool:
    """Does the word before an instrumental govern it inside a name: a preposition («с …»),
    «заведующего (складом)», or a verbal noun («по управлению (имуществом)»; a body's head noun
    such as «Управление» only after «по»)?"""
    lemmas = nlp.lemmas(word)
    if lemmas & _INSTRUMENTAL_PREPOSITIONS or word.lower().startswith("заведующ"):
        return True
    after_po = re.search(r"(?<![а-яё])по\s+$", before, re.IGNORECASE) is not None
    return any(lemma.endswith(("ние", "ство")) and (lemma not in words.body_heads() or after_po) for lemma in lemmas)


def _read_item(own: str, offset: int) -> Reading:
    verbs = _verbs(own)
    if not verbs:
        # «По подпункту «а» пункта 2: Минвостокразвития России (А.А.Козлову) …»: the item of the
        # act being carried out heads the instruction; the addressee follows
        by_item = _BY_ITEM.match(own)
        skip = by_item.end() if by_item else 0
        found = executors.parties(own[skip:], offset + skip)
        if not found:
            return Reading("neutral")
        return Reading("addressee", responsible=found, coexecutors=executors.coexecutors(own[skip:], offset + skip))
    start, end, lemma, label = verbs[0]
    if lemma == "возложить" and _hands_over_an_office(own[end:]):
        return Reading("norm", (start, end), lemma)
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
    named_for = re.search(r"\s(?:ответственн\w+|уполномоченн\w+)\s+(?:за|на)\s", own[end:])
    if lemma in ("определить", "назначить") and named_for:
        # «Определить заместителя главы ... Бульс Ольгу Викторовну ответственным за ...»: the
        # accusative named for a duty is its executor
        found = executors.parties(own[end:end + _before_role(own[end:end + named_for.start()])], offset + end, "accs")
        if found:
            return Reading("order", (start, end), lemma, found)
    appointed = _APPOINTED.match(own, end) if lemma in ("определить", "назначить") else None
    if appointed and (found := _appointee(own, appointed.end(), offset)):
        # «Назначить ответственным за организацию работы по пожарной безопасности … руководителя
        # хозяйственного блока Н.Ю. Налимову»: the person named after the duty, with the post
        return Reading("order", (start, end), lemma, found)
    if lemma in ("определить", "назначить") and re.match(r"\W*(?:ответственн|уполномоченн)\w+\s+(?:за|на)\s", own, re.I):
        # «Ответственным за проведение назначить заместителя главы Иванова И.И.»: the accusative
        # after the verb is the executor
        found = executors.parties(own[end:], offset + end, "accs")
        if found:
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
        if not found and start > 0:  # «Главам поселений рекомендовать провести …»: the addressee before the verb
            lead, shift = _executor_lead(own[:start])
            found = executors.parties(lead, offset + shift, case)
        return Reading("order", (start, end), lemma, found)
    lead, shift = _executor_lead(own[:start])
    together = re.search(r"совместно\s+с", lead, re.IGNORECASE)
    responsible = executors.parties(lead[: together.start()] if together else lead, offset + shift)
    co = executors.coexecutors(lead, offset + shift)
    if not responsible and not together and lemma not in words.nonorder_verbs():
        responsible = _nominative_slip(lead, offset + shift)  # «Учреждение ... упразднить» is its object
    if responsible:
        return Reading("order", (start, end), lemma, responsible, co)
    phrase = " ".join(own[start:start + 60].lower().split())
    if lemma in words.nonorder_verbs() or any(" " in p and phrase.startswith(p) for p in words.nonorder_verbs()) \
            or (lemma in _BOUNDARY_VERBS and _PERIOD_OBJECT.match(own[end:])) \
            or (lemma == "провести" and _NAMED_YEAR.search(own[end:end + 120])) \
            or (lemma == "принять" and _adopts_a_document(own[end:])):
        if _coordinated_duty(own[end:]):
            return Reading("order", (start, end), lemma, [], co)
        if lemma == "установить" and re.match(r"\s*,\s*что\b", own[end:]) and _term_date_in(own[end:]) \
                and not _PERMITS_OR_FORBIDS.search(own[end:]):
            subject = re.match(r"\s*,\s*что\s+(.+?)(?=\s+[а-яё]+(?:ет|ют|ит|ат|ят)\b)", own[end:])
            party = [Party(as_written=squash(subject.group(1)), name=squash(subject.group(1)),
                           confidence=sureness.FALLBACK)] if subject else []
            return Reading("order", (start, end), lemma, party, co)
        if lemma == "установить":
            bearer = _established_duty(own[end:])
            if bearer:
                return Reading("order", (start, end), lemma, [bearer], co)
        return Reading("norm", (start, end), lemma)
    return Reading("order", (start, end), lemma, [], co)


# «Установить, что Комитет ветеринарии города Москвы обеспечивает контроль …»: a body named as
# the subject of an active verb in the present assigns it a standing duty (the contract: an ongoing
# duty is an order); «исполнение бюджета осуществляется …» (no body, a passive) and «председателем
# комиссии является …» (the subject is no body at the clause's head) stay norms
_THAT_SUBJECT = re.compile(r"\s*,\s*что\s+(?P<name>[А-ЯЁ][^,;:.]{2,160}?)\s+(?P<verb>[а-яё]+(?:ет|ит|ют|ят|ут|ат))(?=\s)")


def _established_duty(after_verb: str) -> Party | None:
    m = _THAT_SUBJECT.match(after_verb)
    if m is None:
        return None
    head = executors.WORD.match(m.group("name"))
    if head is None or not (nlp.lemmas(head.group(0)) & words.body_heads()):
        return None
    if not any(r.tag.case == "nomn" for r in nlp.parses(head.group(0))):
        return None
    verb = nlp.parses(m.group("verb"))
    if not verb or verb[0].tag.POS != "VERB" or "pres" not in verb[0].tag or "3per" not in verb[0].tag:
        return None
    name = squash(m.group("name"))
    return Party(as_written=name, name=name, confidence=sureness.FALLBACK)


# «Завершить отопительный период 2023-2024 годов … с 20 мая 2024 года»: a verb that closes a
# period, with the period as its object, fixes the period's end: a norm, as «Установить». One that
# opens it («Начать отопительный сезон с 09 октября») sets work going: an impersonal order.
_BOUNDARY_VERBS = frozenset({"завершить", "закончить", "окончить", "прекратить"})
_PERIOD_OBJECT = re.compile(r"\s+(?:[а-яё]+(?:ый|ий|ой)\s+)?(?:период|сезон)\b", re.IGNORECASE)


# «Провести в 2015 году в Российской Федерации Год литературы»: holding a named Year declares it
_NAMED_YEAR = re.compile(r"(?<![А-ЯЁ])Год(?:а|ом)?(?:\s+|(?!ов)(?=[а-яё]{5}))[а-яё]{3}")  # glued too: «Годлитературы»


def _term_date_in(text: str) -> bool:
    """Does a date stand as a term («до 1 марта», «не позднее 10 числа», «с 1 января») rather than
    as another act's date or a signature's («2 сентября 2002 года» after «В.Путин»)?"""
    return any(re.search(r"(?<![а-яё])(?:до|не\s+позднее|к|по|с|в\s+срок\s+до|срок[:\s–-]*)\s*$", text[:d.start],
                         re.IGNORECASE) for d in find_dates(text))


# «Установить, что с 1 января 2025 г. органам запрещается использовать …»: a prohibition or a
# permission from a date is a norm, not a task with a term
_PERMITS_OR_FORBIDS = re.compile(r"(?<![а-яё])(?:запрещ\w+|не\s+допуска\w+|не\s+вправе|вправе|не\s+могут|не\s+может)(?![а-яё])",
                                 re.IGNORECASE)


def _adopts_a_document(after_verb: str) -> bool:
    """«Принять муниципальный правовой акт …», «Принять Положение …»: adopting a document is a
    decision like «Утвердить», not a task («Принять меры», «принять участие» are tasks). The
    object's head noun (after its adjectives, pymorphy3) names a document: an act of any kind
    (act_kinds.txt) or a document_nouns.txt word."""
    for m in list(executors.WORD.finditer(after_verb))[:4]:
        readings = nlp.parses(m.group(0))
        if not readings:
            return False
        if readings[0].tag.POS in ("ADJF", "PRTF"):
            continue
        kinds = set(words.act_kind_forms().values())
        return readings[0].tag.POS == "NOUN" and bool(nlp.lemmas(m.group(0)) & (kinds | words.word_set("document_nouns.txt")))
    return False


_OFFICE_DUTIES = re.compile(r"\bисполнени[ея]\s+обязанност\w*\s+([А-ЯЁа-яё]+)", re.IGNORECASE)


def _hands_over_an_office(after_verb: str) -> bool:
    """«возложить временное исполнение обязанностей губернатора края на Хлопонина А.Г.»: the
    duties of a post (a genitive after «исполнение обязанностей») handed to an acting official
    are a personnel decision with nothing to execute, no order. «возложить обязанности по
    организации ... на отдел» hands over a task and stays one."""
    m = _OFFICE_DUTIES.search(after_verb[:200])
    if m is None or m.group(1).lower() == "по":
        return False
    return any(p.tag.case == "gent" for p in nlp.parses(m.group(1))[:2])


# … or a task named by its verbal noun («Возложить организацию и проведение смотра-конкурса на директора …»)
_DUTY_FIRST = re.compile(r"\s+(?:персональн\w+\s+|общ\w+\s+)?(?:ответственност\w*|обязанност\w*|функци\w*|полномочи\w*|руководств\w*"
                         r"|организаци\w*|проведени\w*|подготовк\w*|координаци\w*|осуществлени\w*|обеспечени\w*)\s",
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
    return _capped(executors.parties(lead, offset, "nomn"), sureness.FALLBACK)


def _capped(found: list[Party], most: float) -> list[Party]:
    for party in found:
        party.confidence = min(party.confidence, most)
    return found


def _coordinated_duty(after_verb: str) -> bool:
    """«Утвердить и ежеквартально актуализировать»: a duty joined to a norm by «и»."""
    m = re.match(r"\s+и\s+(?:[а-яё]+о\s+)?([а-яё]+)", after_verb, re.IGNORECASE)
    if not m:
        return False
    word = m.group(1).lower()
    return word not in words.nonorder_verbs() and nlp.first_pos(word) == "INFN"


TERM_WEIGHT = 0.1  # what a term adds to an order's confidence (the second look takes it back)


def order_confidence(order: ExtractedOrder, impersonal: bool) -> float:
    score = 0.55 if impersonal else 0.75
    if order.deadline is not None:
        score += TERM_WEIGHT
    if any(p.person for p in order.responsible):
        score += 0.1
    if order.in_quoted_amendment:
        score -= 0.1
    return round(min(score, 0.95), 2)


# the titles of a plan's columns, each on a line of its own above the rows («Наименование
# мероприятий / Срок исполнения / Ответственный исполнитель»): a table a page flattened into lines
_COLUMN_TITLE = re.compile(r"^[ \t]*(?:(?P<term>(?:Срок[а-я]*|Время|Дата)(?:\s+(?:исполнения|выполнения|реализации|проведения))?)"
                           r"|(?P<who>Ответственн[а-я]*(?:\s+(?:исполнител[а-я]*|лиц[оа]?|за\s+исполнение))?|Исполнител[а-я]*))"
                           r"[ \t]*$", re.IGNORECASE | re.MULTILINE)


def column_titles(head: str) -> tuple[str, ...]:
    """The order of a flattened plan's term and executor columns («term», «who»), or () when the
    text above the items names no such pair of columns."""
    found = tuple("term" if m.group("term") else "who" for m in _COLUMN_TITLE.finditer(head))
    return found if sorted(found) == ["term", "who"] else ()


_OFFICIAL_ALONE = re.compile(rf"(?P<name>{executors.INITIALS_AND_SURNAME})(?:\s*\([^()]{{1,40}}\))?[\s,;]*")


def _officials_alone(cell: str, offset: int) -> list[Party]:
    """An executor cell that only names officials («Гладкий И.А. (по согласованию) Мацалышенко В.М.»):
    each official, with a remark in brackets left out; nothing when the cell holds any other word."""
    found: list[Party] = []
    at = 0
    while at < len(cell):
        m = _OFFICIAL_ALONE.match(cell, at)
        if m is None:
            return []
        name = m.group("name")
        found.append(Party(as_written=name, name=name, person=name, span=(offset + m.start("name"), offset + m.end("name")),
                           confidence=sureness.GOOD))
        at = m.end()
    return found


def _row_cells(own: str, offset: int, columns: tuple[str, ...], reference: date | None
               ) -> tuple[list[Party], Deadline | None]:
    """The executor and term of a plan's row flattened into lines: its last lines, one per column
    in the columns' order, each read only if it reads as its column (a term, a body in the
    nominative); a row the page cut before its cells has none."""
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", own) if m.group(0).strip()]
    if len(lines) <= len(columns):
        return [], None
    who: list[Party] = []
    term: Deadline | None = None
    for (at, cell), column in zip(lines[-len(columns):], columns, strict=True):
        cell = cell.strip()
        if len(cell) > 120 or nlp.has_verb(cell):
            return [], None
        cell_at = offset + at + own[at:].find(cell)
        if column == "who" and (officials := _officials_alone(cell, cell_at)):
            who = officials  # «Нерубленко О.М. Перегуда Н.В.»: the officials the row names, each an executor
        elif column == "who" and executors.opens_with_head(cell, "nomn"):
            who = _capped(executors.parties(cell, cell_at, "nomn"), sureness.GOOD)
        elif column == "term":
            found = deadline_from_phrase(cell, cell_at, reference)
            if found.date or found.recurrence or re.search(r"(?:декад|квартал|полугод|месяц|недел|года?\b|\d|график)", cell):
                term = found
                term.confidence = min(term.confidence, sureness.GOOD)
    return who, term


def extract_orders(text: str, items: list[Item], reference: date | None,
                   table: Sequence[tuple[int, int]] = (), columns: tuple[str, ...] = ()) -> list[ExtractedOrder]:
    """Orders among the items of one region (the act's own, or a quoted new wording).
    `table`: spans of the text that are table cells (rows of a перечень поручений); `columns`: the
    order of a flattened plan's term and executor columns (column_titles)."""
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

    cells: dict[int, tuple[list[Party], Deadline | None]] = {}

    def row_cells(item: Item) -> tuple[list[Party], Deadline | None]:
        """A plan row's executor and term cells, read once for the row."""
        if id(item) not in cells:
            cells[id(item)] = _row_cells(text[item.body_start:item.lead_end], item.body_start, columns, reference)
        return cells[id(item)]

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
                if not cache[key] and kind == "neutral" and columns:
                    # a plan's row named by a noun («Уборка территории ярмарок …») is a measure
                    # when its cells read as a term or an executor
                    cache[key] = any(row_cells(item))
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
        persons_only = bool(responsible) and all(_person_alone(p) for p in responsible)
        parent = next(ancestors(item), None)
        if reading.verb_lemma == "возложить" and parent is not None and readings[id(parent)].kind == "addressee" \
                and readings[id(parent)].responsible:
            # «1. Руководителям органов: а) возложить на заместителя руководителя полномочия …»: the
            # addressee assigns the powers; the order is the addressee's
            responsible = []
        for ancestor in ancestors(item):
            above = readings[id(ancestor)].responsible
            if (not responsible or persons_only) and above and not all(_person_alone(p) for p in above):
                # «а) …; б) … Ответственный: Мишустин М.В.» after the sub-items: the official of the
                # parent's addressee, for every sub-item
                inherited = Reading("order", responsible=[_copy(p) for p in above])
                if persons_only:
                    _attach_persons(inherited, responsible)
                responsible, persons_only = inherited.responsible, False
            if not coexec:
                coexec = list(readings[id(ancestor)].coexecutors)
        closing = _closing_persons(text, item, parents) if responsible and not any(p.person for p in responsible) else []
        if closing:
            shared = Reading("order", responsible=[_copy(p) for p in responsible])
            _attach_persons(shared, closing)
            responsible = shared.responsible
        deadline = find_deadline(own, item.body_start, reference, reading.verb)
        if deadline is None:
            for ancestor in ancestors(item):
                lead = text[ancestor.body_start:ancestor.lead_end]
                deadline = find_deadline(lead, ancestor.body_start, reference, readings[id(ancestor)].verb)
                if deadline is not None:
                    break
        if deadline is None:
            deadline = _closing_term(text, item, parents)
        if columns and not item.children:
            cell_who, cell_term = row_cells(item)
            responsible = responsible or cell_who
            deadline = deadline or cell_term
        body = text[item.body_start:item.end].rstrip()
        duties = _duties_with_own_terms(own, item.body_start, reference) if not item.children else []
        if duties:
            # «обеспечить: координацию …; ведение реестра …; ежеквартальное формирование …»,
            # each with a term of its own: each duty is an order (2-1.1, 2-1.2, …)
            for index, (start, end, term) in enumerate(duties, 1):
                order = ExtractedOrder(
                    number=f"{item.number}.{index}", parent=item.number, text=squash(text[start:end]),
                    span=(start, end), responsible=responsible, coexecutors=coexec, deadline=term,
                    in_quoted_amendment=item.quoted)
                # the number «2.1» is ours, not printed: annotators of real acts keep such duties as one order
                order.confidence = min(order_confidence(order, impersonal=not responsible), sureness.UNPRINTED_NUMBER)
                orders.append(order)
            continue
        order = ExtractedOrder(
            number=item.number, parent=item.parent, text=squash(body).rstrip("»\"").strip() if item.quoted else squash(body),
            span=(item.body_start, item.body_start + len(body)), responsible=responsible,
            coexecutors=coexec, deadline=deadline, in_quoted_amendment=item.quoted)
        order.confidence = order_confidence(order, impersonal=not responsible)
        if item.unprinted:
            order.confidence = min(order.confidence, sureness.UNPRINTED_NUMBER)
        orders.append(order)
    return orders


def _person_alone(party: Party) -> bool:
    return bool(party.person) and party.as_written == party.person


def _copy(party: Party) -> Party:
    return Party(as_written=party.as_written, name=party.name, person=party.person, span=party.span,
                 confidence=party.confidence)


_CLOSING_TERM = re.compile(r"\n[ \t]*(?=(?:Срок|Доклад)\w*\s*[:–—-])")


def _closing_persons(text: str, item: Item, parents: dict) -> list[Party]:
    """The «Ответственный: …» line after the last sub-item, where no sibling has one: the
    officials of the parent's addressee, for every sub-item."""
    parent = parents.get(id(item))
    if parent is None or not parent.children or item is parent.children[-1]:
        return []
    siblings = parent.children
    if any(_RESPONSIBLE_LINE.search(text, s.body_start, s.end) for s in siblings[:-1]):
        return []
    line = _RESPONSIBLE_LINE.search(text, siblings[-1].body_start, siblings[-1].end)
    if line is None:
        return []
    who = re.sub(r"(?<![А-ЯЁ])[.;,\s]+$", "", line.group("who"))
    return _persons_only(who, line.start("who"))


def _closing_term(text: str, item: Item, parents: dict) -> Deadline | None:
    """«Правительству …:\nа) …;\nб) …\nСрок – до 1 июля 2021 г.»: a term on its own line after the
    last sub-item, where no sibling has one of its own, is the parent's: every sub-item's."""
    parent = parents.get(id(item))
    if parent is None or not parent.children:
        return None
    siblings = parent.children
    last = siblings[-1]
    closing = list(_CLOSING_TERM.finditer(text, last.body_start, last.end))
    if not closing or any(_CLOSING_TERM.search(text, s.body_start, s.end) for s in siblings[:-1]):
        return None
    at = closing[-1].end()
    return find_deadline(text[at:last.end], at)


_DUTY_SEPARATOR = re.compile(r";[ \t]*\n\s*(?=[а-яё])|;[ \t]+(?:[-–—•·][ \t]*)?(?=[а-яё])|[;,]?[ \t]*\n\s*[-–—•·][ \t]*(?=[а-яё])")


def _duties_with_own_terms(own: str, offset: int, reference: date | None) -> list[tuple[int, int, Deadline | None]]:
    """The unnumbered duties after «…:» of one item, as (start, end, deadline), when at least two
    of them carry terms and those terms differ; else [] and the item stays one order (a term
    written once for the whole list is the list's)."""
    colon = re.search(r":[ \t]*\n?\s*(?:[-–—•·][ \t]*)?(?=[а-яё])", own)  # a dash bullet opens a duty too
    if colon is None:
        return []
    pieces, start = [], colon.end()
    for m in _DUTY_SEPARATOR.finditer(own, start):
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, len(own.rstrip(" .\n»\""))))
    if len(pieces) < 2:
        return []
    if all(_PREPOSITIONAL_LEAD.match(own[s:e]) and not nlp.has_verb(own[s:e]) for s, e in pieces):
        return []  # «Провести …: • в учреждениях культуры …; • на центральной площади …»: places of one task
    out = []
    for s, e in pieces:
        term = find_deadline(own[s:e], offset + s, reference)
        out.append((offset + s, offset + e, term))
    facts = {_fact(term) for _, _, term in out if term is not None}
    if sum(term is not None for _, _, term in out) < 2 or len(facts) < 2:
        return []
    lead = find_deadline(own[: colon.start()], offset, reference)  # a term before the colon is every duty's
    return [(s, e, term or lead) for s, e, term in out]


def _fact(term: Deadline) -> str:
    return str(term.date) if term.date else term.recurrence or ("relative" if term.relative else "")

