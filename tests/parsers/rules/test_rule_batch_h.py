"""Rules written against the rules-half texts of batch h (corpus/real/rules/docs/h0*), each with
REAL snippets copied verbatim from the public pages (the source on each row), and the second look
(parsers/rules/doubts.py) that lowers a confidence when the fields set side by side disagree.

- kremlin.ru lists the President's instructions item by item: «Пр-77, п.3 д) Исполнение к 1 ноября
  2021 года», the task «д) обеспечить …», the card row «| Ответственный | Мишустин Михаил
  Владимирович |». Each label is an order (3.д) with its term; the row names its official.
- The Prime Minister's instructions by item of a указ name no verb: «1. По подпункту «а» пункта 2:
  Минвостокразвития России (А.А.Козлову) Совместно с … Срок представления … – до 26 декабря 2020
  года». An addressee with a term of its own is an order; the item it carries out is no addressee.
"""
from datetime import date

from act_text import extract_text

from parsers.model import Deadline, DocumentInfo, ExtractedOrder, ParseResult, Party
from parsers.rules import doubts
from parsers.rules.flat_tables import unpipe_card_rows

KREMLIN_PR77 = "http://www.kremlin.ru/acts/assignments/items/topic/10/desc/page/7 (перечень Пр-77)"
GOVNEWS_645 = "https://gov-news.ru/news/1163369 (указания Председателя Правительства по Указу N 645)"

LISTING = (  # source: KREMLIN_PR77
    "Пр-77, п.3 д) Исполнение к 1 ноября 2021 года\n"
    "д) обеспечить внесение в законодательство Российской Федерации изменений, предусматривающих "
    "совершенствование законодательного регулирования;\n"
    "| Ответственный | Мишустин Михаил Владимирович |\n"
    "| Тематика | Культура |\n"
    "Пр-77, п.3 ж) Исполнение к 1 ноября 2021 года\n"
    "ж) подготовить \n")


def _facts(result) -> list[tuple]:
    return [(o.number, [p.as_written for p in o.responsible], [p.person for p in o.responsible],
             o.deadline.date if o.deadline else None) for o in result.orders]


def test_each_label_of_a_listing_is_an_order_with_its_term_and_the_card_row_its_official():
    result = extract_text(LISTING)
    assert _facts(result) == [
        ("3.д", ["Мишустин Михаил Владимирович"], ["М.В. Мишустин"], date(2021, 11, 1)),
        ("3.ж", [], [], date(2021, 11, 1)),
    ]
    assert result.orders[0].text.startswith("обеспечить внесение")
    # the page is a listing, not the перечень itself: its kind and number are to be checked
    assert (result.document.kind, result.document.number) == ("перечень поручений", "Пр-77")
    assert result.document.confidence["kind"] < 0.8 and result.document.confidence["number"] < 0.8


def test_a_listing_flattened_onto_one_line_gives_the_same_orders():
    assert _facts(extract_text(" ".join(LISTING.split()))) == _facts(extract_text(LISTING))


def test_a_card_row_reads_as_a_line_of_the_same_length():
    row = "| Ответственный | Мишустин Михаил Владимирович |\n| Тематика | Культура |"
    read = unpipe_card_rows(row)
    assert len(read) == len(row)
    assert read.splitlines()[0].strip() == "Ответственный: Мишустин Михаил Владимирович"
    assert "| Тематика | Культура |" in read  # a row of no order's field is left as it is


def test_an_instruction_by_item_of_another_act_is_an_order_without_a_verb():
    result = extract_text(  # source: GOVNEWS_645
        "Михаил\nМишустин дал указания во исполнение поручений, содержащихся\n"
        "в Указе Президента России от 26 октября 2020 года №645\n"
        "«О Стратегии развития Арктической зоны Российской Федерации и обеспечения\n"
        "национальной безопасности на период до 2035 года», а именно:\n"
        "1.  По подпункту\n«а» пункта 2:\n"
        "Минвостокразвития России\n(А.А.Козлову)\n"
        "Совместно с\nзаинтересованными федеральными органами исполнительной власти, органами\n"
        "государственной власти субъектов Российской Федерации, входящих в состав\n"
        "Арктической зоны России, государственными корпорациями и организациями.\n"
        "Срок\nпредставления единого плана мероприятий в Правительство Российской Федерации с\n"
        "проектом доклада Президенту Российской Федерации – до 26 декабря 2020 года.\n"
        "2.  По подпунктам\n«б», «в» и «г» пункта 2:\n"
        "Минвостокразвития России\n(А.А.Козлову)\n")
    assert _facts(result) == [("1", ["Минвостокразвития России"], ["А.А. Козлов"], date(2020, 12, 26))]
    assert [p.as_written for p in result.orders[0].coexecutors][:2] == [
        "заинтересованными федеральными органами исполнительной власти",
        "органами государственной власти субъектов Российской Федерации, входящих в состав Арктической зоны России"]
    assert result.document.kind == "перечень поручений"  # items with addressees and terms, no heading


def _result(act_day: date | None, *orders: ExtractedOrder) -> ParseResult:
    return ParseResult(source="x.txt", document=DocumentInfo(kind="указ", date=act_day), orders=list(orders))


def _order(number="1", term: Deadline | None = None, name="Правительству Российской Федерации",
           quoted=False) -> ExtractedOrder:
    return ExtractedOrder(number=number, parent=None, text="…", span=(0, 1), confidence=0.95,
                          responsible=[Party(as_written=name, confidence=0.95)], deadline=term,
                          in_quoted_amendment=quoted)


def _term(text: str, day: date) -> Deadline:
    return Deadline(text=text, date=day, confidence=0.95)


def test_second_look_a_term_before_the_act_is_given_is_in_doubt():
    early, due = _order(term=_term("до 13 июня 2024 г.", date(2024, 6, 13))), _order(
        "2", term=_term("до 1 июля 2026 г.", date(2026, 7, 1)))
    result = _result(date(2025, 3, 1), early, due)
    doubts.second_look(result)
    assert early.deadline.confidence < 0.8 and early.confidence < 0.95  # its term no longer vouches for it
    assert due.deadline.confidence == 0.95 and due.confidence == 0.95


def test_second_look_a_start_date_is_in_doubt():
    start = _order(term=_term("с 1 января 2025 г.", date(2025, 1, 1)))
    doubts.second_look(_result(None, start))
    assert start.deadline.confidence < 0.8


def test_second_look_a_name_cut_after_its_participle_is_in_doubt():
    cut = _order(name="Органам (организациям), включенным в перечень, определенный")
    whole = _order("2", name="органам государственной власти субъектов Российской Федерации")
    doubts.second_look(_result(None, cut, whole))
    assert cut.responsible[0].confidence < 0.8
    assert whole.responsible[0].confidence == 0.95


def test_second_look_a_quoted_wording_or_a_letter_under_a_letter_puts_the_whole_order_in_doubt():
    quoted = _order("22.а", term=_term("до 1 ноября 2024 г.", date(2024, 11, 1)), quoted=True)
    nested = _order("2.в.а", term=_term("до 1 ноября 2024 г.", date(2024, 11, 1)))
    doubts.second_look(_result(date(2019, 10, 10), quoted, nested))
    for order in (quoted, nested):
        assert order.confidence < 0.8
        assert order.responsible[0].confidence < 0.8
    assert quoted.deadline.confidence < 0.8


def test_second_look_an_official_written_after_the_post_without_brackets_leaves_the_name_in_doubt():
    from act_text import extract_text as extract

    result = extract(  # source: http://shkola.spez-vizit.ru/ (приказ №1 от 25.08.2017, item 4)
        "Приказ №1 от 25.08.2017 г. По Зерновой основной школе «Об организации питания учащихся школы»\n"
        "ПРИКАЗЫВАЮ:\n4.Повару школы Смеловой Н.И. составить меню на основании методических рекомендаций.")
    party = result.orders[0].responsible[0]
    assert party.as_written == "Повару школы" and party.person
    assert party.confidence < 0.8
