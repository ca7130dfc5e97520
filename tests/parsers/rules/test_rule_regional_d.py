"""Rules written against the regional and federal texts of corpus-d (corpus/real/rules/docs/d0*),
each in a table of REAL snippets copied verbatim from public acts (the address is on each row).

- An acting official named for a post («возложить временное исполнение обязанностей губернатора
  … на Хлопонина А.Г.») is a personnel decision, no order; a task handed over («Ответственность
  за пропуск ледохода … возложить на Комиссию …») stays one.
- A legal portal's note on the act as it stands («Постановление изменено с 24 апреля 2020 г. -
  Постановление … от 24 апреля 2020 г. N 207») is not the act's header.
- A sign the page mis-decoded («в„–» for «№», UTF-8 read as Windows-1251) is read as the sign.
- A page holding nothing but an amending act's quoted new wording of an item («"3. Рекомендовать …
  в срок до 21 ноября 2011 года.";») still sets out an order; quoted wording inside an act's own
  items is read as before.
- A lost space between a verb and an adverb («выделитьдополнительно», a page that lost the spaces
  at its line ends) is put back like any other: the adverb ends the addressee's name.
"""
from datetime import date
from pathlib import Path

import pytest
from act_text import extract_text

from parsers.model import is_sure
from parsers.rules.text import deglue, repair_signs

ROOT = Path(__file__).resolve().parents[3]
RULES_HALF = ROOT / "corpus" / "real" / "rules" / "docs"


def details(text: str):
    doc = extract_text(text).document
    return doc.kind, doc.number, doc.date


# -- an acting official named for a post is no order -------------------------------------------

ACTING = [
    # http://www.kremlin.ru/acts/bank/18643 (corpus/real/rules/docs/d004_…)
    ("     1. Впредь   до   вступления   в   должность  вновь  избранного\n"
     "губернатора  Красноярского  края  возложить  временное   исполнение\n"
     "обязанностей губернатора Красноярского края на Хлопонина Александра\n"
     "Геннадьевича.\n"
     "     2. Настоящий Указ вступает в силу со дня его подписания."),
    # https://murmansk-gov.ru/doc/62449 (corpus/real/rules/docs/d018_…), words glued as on the page
    ("1. На период командировки возложить исполнение обязанностейГубернатора Мурманской области:\n"
     "- с 23 по 26 ноября 2008 года на Акатьева Вячеслава Петровича,заместителя Губернатора Мурманской области;\n"
     "- c 27 по 28 ноября 2008 года на Воробьева Бориса Геннадьевича,первого заместителя Губернатора Мурманской области.\n"
     "2. Настоящее постановление вступает в силу 23 ноября 2008года."),
]


@pytest.mark.parametrize("text", ACTING)
def test_an_acting_official_named_for_a_post_is_no_order(text):
    assert extract_text(text).orders == []


TASKS_HANDED_OVER = [
    # https://base.garant.ru/… (corpus/real/rules/docs/b040_maiminskoe-pavodok.txt), items 1 and 2
    ((RULES_HALF / "b040_maiminskoe-pavodok.txt").read_text(encoding="utf-8").split("\n3. ")[0],
     ["1", "2"]),
]


@pytest.mark.parametrize(("text", "numbers"), TASKS_HANDED_OVER)
def test_a_task_handed_over_by_vozlozhit_stays_an_order(text, numbers):
    assert [o.number for o in extract_text(text).orders] == numbers


# -- a portal's note on the act is not its header ----------------------------------------------

PORTAL_NOTES = [
    # https://base.garant.ru/73746196 (corpus/real/rules/docs/d028_…): the note names the amending act
    ("Постановление изменено с 24 апреля 2020 г. - Постановление Правительства Республики Хакасия от 24 апреля 2020 г. N 207\n"
     "Постановление Правительства Республики Хакасия от 13 марта 2020 г. N 102\n"
     "\"О введении на территории Республики Хакасия режима повышенной готовности и реализации дополнительных мер "
     "по защите населения и территорий от чрезвычайных ситуаций\"\n"
     "18, 27, 30, 31 марта, 1, 4, 10, 16, 24, 30 апреля, 11 мая 2020 г.\n"
     "О принятых актах о профилактических мерах и мероприятиях по недопущению завоза и распространения новой "
     "коронавирусной инфекции, вызванной 2019-nCoV, см. справку\n"
     "В соответствии с Федеральным законом от 21.12.1994 N 68-ФЗ \"О защите населения и территорий от "
     "чрезвычайных ситуаций природного и техногенного характера\" (с последующими изменениями), ",
     ("постановление", "102", date(2020, 3, 13))),
    # https://base.garant.ru/20387174: the repeal note under the title names the repealing act
    ("Постановление Администрации Сокольского муниципального района Вологодской области\n"
     "от 19 октября 2012 г. N 400\n"
     "\"Об утверждении Положения об управлении промышленности и природопользования\"\n"
     "Постановлением Администрации Сокольского муниципального района Вологодской области от 21 апреля 2017 г. "
     "N 509 настоящее постановление признано утратившим силу\n"
     "На основании решения Муниципального Собрания Сокольского муниципального района от 27.09.2012 N 49 "
     "\"О внесении изменений в решение Муниципального Собрания от 08.04.2010 N 131\", в связи с изменением "
     "структуры администрации Сокольского муниципального района, постановляю:\n"
     "1. Утвердить Положение об управлении промышленности и природопользования администрации Сокольского "
     "муниципального района (прилагается).",
     ("постановление", "400", date(2012, 10, 19))),
]


@pytest.mark.parametrize(("text", "expected"), PORTAL_NOTES)
def test_a_portals_note_on_the_act_is_not_its_header(text, expected):
    assert details(text) == expected
    doc = extract_text(text).document
    assert is_sure(doc.confidence["number"]) and is_sure(doc.confidence["date"])


# -- a mis-decoded sign is read as the sign -----------------------------------------------------

SIGNS = [
    # http://pilgames.ru/index.php?docid=122218 (corpus/real/rules/docs/d007_…)
    ("от 18 мая 2023 г. в„– 351", "от 18 мая 2023 г. №   351"),
    ("Указом Губернатора Владимирской области от 17.10.2022 в„– 164",
     "Указом Губернатора Владимирской области от 17.10.2022 №   164"),
    # the same page: words after «в» are left alone
    ("В соответствии с Законом Владимирской области от 04.10.2022 в„– 77-ОЗ \"О Правительстве Владимирской области\"",
     "В соответствии с Законом Владимирской области от 04.10.2022 №   77-ОЗ \"О Правительстве Владимирской области\""),
    # https://base.garant.ru/15748183 (corpus/real/rules/docs/d023_…): correct text is not touched
    ("представить его на рассмотрение Правительства Удмуртской Республики в срок до 18 ноября 2011 года.",
     "представить его на рассмотрение Правительства Удмуртской Республики в срок до 18 ноября 2011 года."),
]


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_a_mis_decoded_sign_is_read_as_the_sign_keeping_every_offset(text, expected):
    assert repair_signs(text) == expected and len(repair_signs(text)) == len(text)


def test_the_act_number_after_a_mis_decoded_sign():
    # http://pilgames.ru/index.php?docid=122218 (corpus/real/rules/docs/d007_…)
    text = (RULES_HALF / "d007_vladimir-pp-351-culture-ministry.txt").read_text(encoding="utf-8")
    assert details(text) == ("постановление", "351", date(2023, 5, 18))
    assert extract_text(text).orders == []  # Утвердить, the control clause, entry into force


# -- an amending act's quoted wording alone ----------------------------------------------------

QUOTED_ALONE = [
    # http://court-info.ru/d/a_kamchatskiy-kray/c_pravitelstvom-kamchatskogo-kraya/18857973/… (corpus/real/rules/docs/d032_…)
    ("\"3. Рекомендовать органам местного самоуправления муниципальных образований в Камчатском крае утвердить "
     "долгосрочные целевые программы по комплексному благоустройству населенных пунктов Камчатского края на "
     "2012-2016 годы в срок до 21 ноября 2011 года.\";",
     "3", "органам местного самоуправления муниципальных образований в Камчатском крае", date(2011, 11, 21)),
]


@pytest.mark.parametrize(("text", "number", "addressee", "due"), QUOTED_ALONE)
def test_an_amending_acts_quoted_item_alone_is_an_order(text, number, addressee, due):
    (order,) = extract_text(text).orders
    assert (order.number, order.responsible[0].as_written, order.deadline.date) == (number, addressee, due)
    assert not is_sure(order.confidence)  # no act around it: the clerk checks it


def test_quoted_wording_inside_an_acts_own_items_is_read_as_before():
    # https://base.garant.ru/404521328 (corpus/real/rules/docs/d012_…): items 1, 1.1 … are the act's own;
    # the quoted «4-1. Осуществить реализацию мероприятий …» is the one order
    text = (RULES_HALF / "d012_spb-pp-amend-security-programme.txt").read_text(encoding="utf-8")
    assert [o.number for o in extract_text(text).orders] == ["4-1"]


# -- a verb glued to an adverb -----------------------------------------------------------------

GLUED_ADVERBS = [
    # http://stavropol-gov.ru/doc/21100 (corpus/real/rules/docs/d034_…) with its line ends glued, as
    # tests/parsers/reflow.glued_at_line_ends does to every real act
    ("1.Министерству финансов Ставропольского края выделитьдополнительно в 2006 году министерству "
     "здравоохраненияСтавропольского края",
     "выделить дополнительно в 2006 году",
     "Министерству финансов Ставропольского края"),
]


@pytest.mark.parametrize(("glued", "spaced", "addressee"), GLUED_ADVERBS)
def test_a_verb_glued_to_an_adverb_is_split(glued, spaced, addressee):
    assert spaced in deglue(glued).text
    (order,) = extract_text("Распоряжение от 15.05.2006 г № 156-РП\n\n" + glued + " 1283,0 тыс. рублей.").orders
    assert [p.as_written for p in order.responsible] == [addressee]
