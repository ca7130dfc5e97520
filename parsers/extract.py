"""Extraction: a read document -> ParseResult (the act's details and its orders).

The rules run in a fixed order: structure (items), header (everything before the first
item), orders with executors and deadlines, then the control clause, signatory and the acts
amended or cancelled. Uncertainty becomes warnings on the result, never exceptions.
"""
from __future__ import annotations

import re
from datetime import date

from parsers.model import DocumentInfo, ParseResult, ReadDocument
from parsers.rules import (
    amendments,
    controller,
    deadlines,
    doubts,
    header,
    listing,
    orders,
    structure,
    sureness,
)
from parsers.rules.flat_tables import unpipe_card_rows, unpipe_cell_lines
from parsers.rules.text import Deglued, blank_editorial_notes, deglue, repair_signs, squash


def extract(document: ReadDocument, source: str | None = None) -> ParseResult:
    """Extract the act's details and every order from a document's text.

    A rule that trips over an unforeseen text must not cost the clerk the whole file: the
    result then carries what was found so far and a warning to check the act by hand."""
    result = ParseResult(source=source or "", format=document.format, text=document.text,
                         warnings=list(document.warnings))
    try:
        # the rules read the text with the spaces a web page lost put back; spans are mapped
        # back to the document's own text
        glued = deglue(repair_signs(document.text))  # same length: a repaired sign keeps every offset
        # same length again: notes blanked, a card's «| Ответственный | X |» rows read as lines
        # and a table flattened one cell a line read as a line-bound plan
        glued = Deglued(unpipe_cell_lines(unpipe_card_rows(blank_editorial_notes(glued.text))), glued.cuts)
        table = [(glued.new(b.start), glued.new(b.start + len(b.text))) for b in document.blocks if b.in_table]
        _extract_into(result, glued.text, table)
        if glued.cuts:
            _map_spans(result, glued)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as error:
        result.warnings.append(f"Разбор акта прерван внутренней ошибкой ({type(error).__name__}): "
                               "проверьте поручения вручную и сообщите разработчикам.")
    return result


def _extract_into(result: ParseResult, text: str, table: list[tuple[int, int]]) -> None:
    main, quoted = structure.segment(text, table)
    if not main and not quoted and (listed_page := listing.read_listing(text)) is not None:
        _take_listing(result, listed_page, text)
        return
    body_at = structure.body_start(text)
    first_item = main[0].start if main else (quoted[0].start if quoted else 0)
    head_end = min(p for p in (body_at, first_item) if p > 0) if (body_at > 0 or first_item > 0) else 0
    # a page that starts at an item («2. Управлению ...») has no header: its items' references
    # («согласно приложению N 2») and dates are no details of the act
    head = header.Header() if main and not text[:first_item].strip() else header.find_header(text, head_end)
    info = DocumentInfo(kind=head.kind, number=head.number, date=head.date, issuer=head.issuer, title=head.title,
                        confidence=dict(head.confidence))
    if info.kind is None and (stamp := header.approval_stamp(text[:head_end] or text[:1000], across_lines=True))[0] \
            and (info.number == stamp[1] or info.number is None and head_end > 0):
        # a page showing a plan «(утверждён постановлением … от 10.02.2021 № 122)»: that act's details
        # (its number and date may have been read from the stamp already, its kind not)
        _take_stamp(info, stamp)
    if info.kind is None and info.number is None and main \
            and (stamp := header.approval_stamp(text[main[-1].start:], across_lines=True))[0]:
        # a page that starts at the preamble, with the annex's stamp after the signature
        # («УТВЕРЖДЁН / распоряжением Правительства … / от 25 июня 2019 года N 203-р»): this act's details
        _take_stamp(info, stamp)
    result.document = info
    reference = info.date
    found = orders.extract_orders(text, main, reference, table, orders.column_titles(text[:first_item]))
    found += orders.extract_orders(text, quoted, reference)
    if info.kind is None and _reads_as_list_of_orders(text, main, found):
        info.kind = "перечень поручений"  # a page showing items of a перечень without its heading
        info.confidence["kind"] = sureness.FALLBACK
    listed = len(main) >= 2 and any(o.responsible for o in found)
    if info.kind is None and head.number is None and not _only_quoted_wording(text, main, quoted) \
            and (not (listed or header.runs_into_items(text[:head_end])) or header.tells_of_an_act(text[:head_end])):
        if found:  # news, slides: a numbered list in a text that is no act holds no orders
            result.warnings.append("Текст не похож на акт: поручения не извлекались.")
        return
    found.sort(key=lambda order: order.span[0])
    if found and _cut_inside_its_addressee(text, found[-1]):
        found.pop()  # the contract: an item the page cut inside its addressee is no order
    result.orders = found
    tail_from = main[-1].start if main else 0
    info.signatory = controller.find_signatory(text, main[-1].end if main else tail_from)
    if info.confidence.get("number", 0) < sureness.CLEAN or info.confidence.get("date", 0) < sureness.CLEAN:
        # the signature block («Москва, Кремль / 12 мая 2008 года / № 724») outranks a weak guess
        number, day = header.find_tail_details(text[main[-1].end:] if main else text[body_at:])
        if number is None and day is None and main:  # an act on one line: the block runs into its neighbours
            number, day = header.find_inline_tail(text[main[-1].end:main[-1].end + 600])
            if number is None and day is None:
                number, day = header.find_inline_tail(text[main[-1].start:main[-1].end], in_item=True)
        for name, value in (("number", number), ("date", day)):
            if value is not None and info.confidence.get(name, 0) < sureness.GOOD:
                setattr(info, name, value)
                info.confidence[name] = sureness.GOOD
    info.controller = controller.find_controller(_unquoted(text, quoted), info.signatory)
    info.amends = amendments.find_amends(info.title, text)
    info.cancels = amendments.find_cancels(text[body_at:] if body_at else text)
    if info.issuer is None and info.signatory and info.signatory.position:
        info.issuer = info.signatory.position
        info.confidence["issuer"] = sureness.GUESS
    doubts.second_look(result, text)
    _warn(result)


def _take_stamp(info: DocumentInfo, stamp: tuple[str | None, str | None, date | None]) -> None:
    """The kind an approval stamp names, and its number and date where the act has no number yet."""
    kind, number, day = stamp
    info.kind = kind
    info.confidence["kind"] = sureness.GOOD
    if info.number is None:
        info.number, info.date = number, day
        info.confidence.update({"number": sureness.GOOD, "date": sureness.GOOD})


def _take_listing(result: ParseResult, page: listing.Listing, text: str) -> None:
    """A site's listing of instructions item by item: the orders under its labels."""
    info = DocumentInfo(kind=listing.LISTING_KIND, number=page.series)
    info.confidence["kind"] = listing.LISTING_SURENESS
    if page.series:
        info.confidence["number"] = listing.LISTING_SURENESS
    result.document = info
    result.orders = page.orders
    doubts.second_look(result, text)
    _warn(result)


def _cut_inside_its_addressee(text: str, order) -> bool:
    """Does the text end inside the last order's addressee («2. Рекомендовать органам государс»):
    its last party runs to the end of the text and ends in a word no dictionary knows?"""
    from parsers import nlp

    if not order.responsible or text[order.span[1]:].strip():
        return False
    last = order.responsible[-1]
    if last.span is None or text[last.span[1]:].strip(" \t\n.,;:»\""):
        return False
    word = re.search(r"([А-Яа-яЁё]+)\W*$", last.as_written)
    if word is None:
        return False
    return word.group(1).islower() and not nlp.is_known(word.group(1))


def _only_quoted_wording(text: str, main: list[structure.Item], quoted: list[structure.Item]) -> bool:
    """A page holding nothing but an amending act's quoted new wording of items («"3. Рекомендовать
    органам местного самоуправления ... в срок до 21 ноября 2011 года.";»): the act's own text is
    cut away, and the quoted items it sets out are orders all the same (the contract's amending acts)."""
    if main or not quoted:
        return False
    outside = text[: quoted[0].start] + text[quoted[-1].end:]
    return not re.search(r"[А-Яа-яЁёA-Za-z0-9]", outside)


_ORDER_LINE = re.compile(r"(?:^|\n|[.;] )\s*(?:Срок|Ответственн\w*)\s*[:–—-]", re.IGNORECASE)


def _reads_as_list_of_orders(text: str, main: list[structure.Item], found: list) -> bool:
    """Items addressed to someone, each followed by its «Срок –» or «Ответственный:» line: the
    shape of a перечень поручений even where the page lost the heading."""
    if not found or not any(order.responsible for order in found):
        return False
    marked = [item for item in main if not item.children and (_ORDER_LINE.search(text, item.body_start, item.end)
                                                              or deadlines.states_a_term(text[item.body_start:item.end]))]
    return len(marked) >= max(1, len(found) // 2)


def _map_spans(result: ParseResult, glued: Deglued) -> None:
    """Spans found in the deglued text, as offsets into the document's own text."""

    def back(span):
        return (glued.old(span[0]), glued.old(span[1])) if span else span

    info = result.document
    if info.controller is not None:
        info.controller.span = back(info.controller.span)
    for order in result.orders:
        order.span = back(order.span)
        written = squash(result.text[order.span[0]:order.span[1]])  # the order's text as written
        order.text = written.rstrip("»\"").strip() if order.in_quoted_amendment else written
        for party in order.responsible + order.coexecutors:
            party.span = back(party.span)
        if order.deadline is not None:
            order.deadline.span = back(order.deadline.span)


def _unquoted(text: str, quoted: list[structure.Item]) -> str:
    """The text with quoted new wordings blanked: their control clause is not this act's."""
    chars = list(text)
    for item in quoted:
        for i in range(item.start, item.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _warn(result: ParseResult) -> None:
    """Warnings a clerk should see before putting the orders on control."""
    info = result.document
    if info.kind is None:
        result.warnings.append("Не удалось определить вид акта.")
    if info.number is None or info.date is None:
        result.warnings.append("Не найдены номер или дата акта в его реквизитах.")
    if info.kind and not result.orders:
        result.warnings.append("В акте не найдено поручений.")
    for order in result.orders:
        if not order.responsible:
            result.warnings.append(f"Пункт {order.number}: исполнитель не назван.")
