"""Rules stated over structure and word classes for acts nobody here has seen (issue 9, second pass).

Two kinds of table, kept apart:
- REAL: snippets and whole acts of the rule-writing side (corpus/real/rules, and
  ../shared/corpus/dev, which the rules were first written against), each with its address;
- WRITTEN: shapes the rule-writing side does not hold, written here in the manner of municipal
  and regional acts to pin the word-class rule down. They test the rule; they prove nothing
  about unseen acts (the measured half of corpus/real does that).
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from act_text import extract_text

from parsers.model import is_sure
from parsers.rules.deadlines import find_deadline
from parsers.rules.executors import nominative, parties
from parsers.rules.header import find_tail_details, tells_of_an_act
from parsers.rules.orders import read_item

ROOT = Path(__file__).resolve().parents[3]
RULES_HALF = ROOT / "corpus" / "real" / "rules" / "docs"
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "docs"


def act(name: str):
    return extract_text((RULES_HALF / name).read_text(encoding="utf-8"))


def orders_of(text: str) -> dict:
    return {o.number: o for o in extract_text(text).orders}


def names(lead: str, case: str = "datv") -> list[tuple[str, str | None]]:
    return [(p.as_written, p.person) for p in parties(lead, case=case)]


# -- REAL: the act's own details where the header is missing -------------------------------------

def test_the_approval_stamp_of_the_annex_names_the_act():
    # https://base.garant.ru/411323467 (b030): no header on the page; under the signature
    # «Утверждена / постановлением администрации / Кирсановского муниципального округа / от 28.12.2024 N 1378»
    doc = act("b030_kirsanov-izm.txt").document
    assert (doc.kind, doc.number, doc.date) == ("постановление", "1378", date(2024, 12, 28))
    assert is_sure(doc.confidence["number"])  # the annex's stamp is the act's own


def test_the_site_title_line_under_the_text_names_the_act():
    # https://base.garant.ru/74412142/ (b002): Garant prints the act's title line after the signature
    doc = act("b002_aleksandrovsk-lager.txt").document
    assert (doc.number, doc.date) == ("448", date(2020, 7, 16))


SELF_REFERENCES = [
    # b030, as the lines stand under the signature
    ("Глава Кирсановского |\nА.И. Редин |\nУтверждена\nпостановлением администрации\n"
     "Кирсановского муниципального округа\nот 28.12.2024 N 1378\nПаспорт", ("1378", date(2024, 12, 28))),
    # a citation in an item or in the instrumental alone is no title line
    ("2. Признать утратившим силу постановление администрации от 17.01.2024 N 39.", (None, None)),
    ("Постановлением администрации от 17.01.2024 N 39 утвержден порядок", (None, None)),
]


@pytest.mark.parametrize(("tail", "expected"), SELF_REFERENCES)
def test_only_a_line_naming_this_act_by_its_kind_gives_details(tail, expected):
    assert find_tail_details(tail) == expected


def test_a_lone_edition_date_on_a_page_without_letterhead_is_not_the_acts():
    # https://base.garant.ru/42840061 (b015): «31 марта 2022 г.» at the top is Garant's edition date
    doc = act("b015_blagoveshchensk-duma.txt").document
    assert (doc.kind, doc.number, doc.date) == ("решение", None, None)


def test_the_site_title_line_in_quotes_ends_before_the_edition_date():
    # https://base.garant.ru/30101116 (b035): «"О принятии … на 2008 год"» then «19 ноября 2008 г.»
    doc = act("b035_vladivostok-duma.txt").document
    assert doc.title.startswith("О принятии муниципального правового акта города Владивостока")
    assert doc.title.endswith('на 2008 год"') and "2008 г." not in doc.title


def test_a_letterhead_that_disagrees_with_the_site_title_line_stays_sure():
    # https://kalug-gov.ru/doc/86215 (a023): the site's title says № 312, the letterhead N 311
    doc = act("a023_kaluga-pg-311-reserve.txt").document
    assert doc.number == "311" and is_sure(doc.confidence["number"])


# -- REAL: what is no order ---------------------------------------------------------------------

def test_adopting_a_document_is_a_decision_not_a_task():
    # https://base.garant.ru/30101116 (b035): «1. Принять муниципальный правовой акт …»
    assert [o.number for o in act("b035_vladivostok-duma.txt").orders] == ["2"]


# -- REAL: where an executor's name ends --------------------------------------------------------

def test_an_adverb_after_the_official_belongs_to_the_task():
    # https://krasnodar-gov.ru/doc/16520 (shared/corpus/dev real-016), item 1
    lead = ("Управлению образования администрации муниципального образования город Краснодар (Китов) "
            "заблаговременно")
    assert names(lead) == [("Управлению образования администрации муниципального образования город Краснодар",
                            "Китов")]


# -- WRITTEN: names end at word classes, not word lists -----------------------------------------

NAME_ENDS = [
    # an adverb (pymorphy3 ADVB) is the verb's
    ("Руководителям предприятий неукоснительно", [("Руководителям предприятий", None)]),
    ("Отделу образования и отделу культуры своевременно",
     [("Отделу образования", None), ("отделу культуры", None)]),
    # … but not before its participle, nor in a compound preposition
    ("Руководителям организаций независимо от форм собственности",
     [("Руководителям организаций независимо от форм собственности", None)]),
    ("Временно исполняющему обязанности главы администрации района Иванову И.И.",
     [("Временно исполняющему обязанности главы администрации района", "Иванов И.И.")]),
    # a stated recurrence
    ("Отделу культуры на постоянной основе", [("Отделу культуры", None)]),
    # a period, a month range, a secondary preposition
    ("Отделу культуры в летний период 2015 года", [("Отделу культуры", None)]),
    ("Отделу культуры в апреле-мае 2015 года", [("Отделу культуры", None)]),
    ("Отделу культуры по итогам года", [("Отделу культуры", None)]),
    # a year range, a manner «в … порядке», a term the deadline rules read
    ("Отделу культуры в 2015-2017 годах", [("Отделу культуры", None)]),
    ("Отделу культуры в оперативном порядке", [("Отделу культуры", None)]),
    ("Отделу культуры до начала купального сезона", [("Отделу культуры", None)]),
]


@pytest.mark.parametrize(("lead", "expected"), NAME_ENDS)
def test_the_name_ends_where_the_circumstance_begins(lead, expected):
    assert names(lead) == expected


LISTS = [
    # a conjunct whose noun can only be a dative, with no «по» before it, is a second addressee
    ("Руководителям предприятий и населению района", [("Руководителям предприятий", None), ("населению района", None)]),
    ("Главам сельских поселений, руководителям учреждений и индивидуальным предпринимателям",
     [("Главам сельских поселений", None), ("руководителям учреждений", None), ("индивидуальным предпринимателям", None)]),
    # … a «по» governs it: one body
    ("Управлению по физической культуре и спорту", [("Управлению по физической культуре и спорту", None)]),
    # an abbreviation after a comma is a list member; after «и» inside a name it is not
    ("Собственникам жилых домов, управляющим компаниям, ТСЖ",
     [("Собственникам жилых домов", None), ("управляющим компаниям", None), ("ТСЖ", None)]),
    ("Отделу по делам ГО и ЧС администрации района", [("Отделу по делам ГО и ЧС администрации района", None)]),
    # a participle or adjective used as a noun heads a post; «И.о.» before a genitive post
    ("Заведующему сектором по делам ГО и ЧС администрации района (Смирнов С.С.), главному специалисту-эксперту "
     "администрации района (Кузнецова Н.Н.)",
     [("Заведующему сектором по делам ГО и ЧС администрации района", "Смирнов С.С."),
      ("главному специалисту-эксперту администрации района", "Кузнецова Н.Н.")]),
    ("И.о. начальника отдела культуры Петрову П.П.", [("И.о. начальника отдела культуры", "Петров П.П.")]),
    # bodies named by a capitalized short name, each with its official: the list goes on past the brackets
    ("Минтруду России (М.А.Топилину), Минфину России (А.Г.Силуанову) с участием заинтересованных органов",
     [("Минтруду России", "М.А. Топилин"), ("Минфину России", "А.Г. Силуанов")]),
    # two posts, each followed by its official
    ("начальнику ОМВД России по району Сидорову С.С., главному врачу ГБУЗ «ЦРБ» Петрову П.П.",
     [("начальнику ОМВД России по району", "Сидоров С.С."), ("главному врачу ГБУЗ «ЦРБ»", "Петров П.П.")]),
    # a post in apposition after the person is the addressee, the person its official
    ("Иванову И.И., начальнику отдела культуры", [("начальнику отдела культуры", "Иванов И.И.")]),
]


PERSON_FORMS = [
    # name, patronymic, surname
    ("Начальнику отдела культуры Ивану Петровичу Иванову", "datv", [("Начальнику отдела культуры", "И.П. Иванов")]),
    # a dash between the post and the official, either way round
    ("Начальнику отдела культуры – Иванову И.И.", "datv", [("Начальнику отдела культуры", "Иванов И.И.")]),
    ("Иванова И.И. – заместителя главы администрации района", "accs",
     [("заместителя главы администрации района", "Иванов И.И.")]),
    # «по согласованию» after the official in the brackets, with no comma
    ("Отделу культуры (Иванова И.И. по согласованию)", "datv", [("Отделу культуры", "Иванова И.И.")]),
]


@pytest.mark.parametrize(("lead", "case", "expected"), PERSON_FORMS)
def test_the_official_in_the_forms_acts_write_him(lead, case, expected):
    assert names(lead, case) == expected


@pytest.mark.parametrize(("lead", "expected"), LISTS)
def test_list_grammar_of_addressees(lead, expected):
    assert names(lead) == expected


def test_substantivized_posts_and_acting_officials_in_the_nominative():
    assert nominative("Заведующему сектором по делам ГО и ЧС") == "Заведующий сектором по делам ГО и ЧС"
    assert nominative("Временно исполняющему обязанности главы района") == \
        "Временно исполняющий обязанности главы района"


def test_the_addressee_of_an_addressing_verb_may_stand_before_it():
    found = read_item("Главам городского и сельских поселений рекомендовать провести субботники.", 0)
    assert [p.as_written for p in found.responsible] == ["Главам городского и сельских поселений"]


@pytest.mark.parametrize(("text", "expected"), [
    ("1. Обеспечить уборку территорий до 1 мая 2015 года (отв. Иванов И.И.).", [("Иванов И.И.", "Иванов И.И.")]),
    ("2. Провести субботник 25 апреля 2015 года. Ответственный – начальник отдела ЖКХ Петров П.П.",
     [("начальник отдела ЖКХ", "Петров П.П.")]),
    ("3. Организовать вывоз мусора (ответственный - отдел ЖКХ, Сидоров С.С.).", [("отдел ЖКХ", "Сидоров С.С.")]),
])
def test_the_responsible_named_after_the_task(text, expected):
    found = orders_of("ПОСТАНОВЛЕНИЕ\nот 12.03.2015 № 45\n" + text)
    assert [(p.as_written, p.person) for p in next(iter(found.values())).responsible] == expected


def test_a_verb_after_a_name_whose_inner_quote_never_closes_is_found():
    found = orders_of("ПОСТАНОВЛЕНИЕ\nот 12.03.2015 № 45\n1. Директору ООО «УК «Жилфонд» Иванову И.И. обеспечить уборку.")
    assert [(p.as_written, p.person) for p in found["1"].responsible] == [("Директору ООО «УК «Жилфонд»", "Иванов И.И.")]


# -- WRITTEN: deadlines -------------------------------------------------------------------------

def test_a_whole_date_after_the_object_is_the_events():
    own = "Провести субботник 25 апреля 2015 года на территории поселения."
    deadline = find_deadline(own, verb_span=(0, 8))
    assert (deadline.date, deadline.text) == (date(2015, 4, 25), "25 апреля 2015 года")  # no «к» from «субботник»


@pytest.mark.parametrize("own", [
    "Опубликовать решение Думы, принятое 25 апреля 2015 года.",  # a participle's date
    "Провести проверку, учитывая письмо 25 апреля 2015 года.",   # after a comma: another clause
])
def test_a_date_that_describes_a_noun_is_no_event(own):
    assert find_deadline(own, verb_span=(0, 11)) is None


@pytest.mark.parametrize(("own", "relative"), [
    ("Отделу культуры в период с 1 по 10 апреля 2015 года провести субботник.", "в период с 1 по 10 апреля 2015 года"),
    ("Отделу культуры в апреле-мае 2015 года провести субботник.", "в апреле-мае 2015 года"),
])
def test_windows_are_relative_terms_read_whole(own, relative):
    deadline = find_deadline(own)
    assert (deadline.date, deadline.relative) == (None, relative)


def test_a_season_that_describes_the_object_is_no_term():
    # the written acts (tests/parsers/written/h20, «обеспечить организацию отдыха детей в летний период»)
    # and b006 of the rule-writing half («мест для массового отдыха людей в период купального сезона»)
    # annotate a season inside the object as no deadline
    assert find_deadline("обеспечить организацию отдыха детей в летний период;") is None


def test_a_window_in_figures_is_a_relative_term():
    deadline = find_deadline("Отделу культуры обеспечить проведение с 01.05.2015 по 31.05.2015.")
    assert (deadline.date, deadline.relative) == (None, "с 01.05.2015 по 31.05.2015")


def test_twice_a_year_is_every_half_year():
    assert find_deadline("Отделу культуры представлять отчет два раза в год.").recurrence == "раз в полгода"


def test_a_term_in_brackets():
    assert find_deadline("Отделу культуры подготовить проект (срок - 01.04.2015).").date == date(2015, 4, 1)


def test_dash_bulleted_duties_with_terms_of_their_own_are_sub_orders():
    found = orders_of("ПОСТАНОВЛЕНИЕ\nот 12.03.2015 № 45\n1. Отделу культуры:\n"
                      "- обеспечить проведение до 20 апреля 2015 года;\n- провести конкурс до 1 мая 2015 года.")
    assert {n: o.deadline.date for n, o in found.items()} == {"1.1": date(2015, 4, 20), "1.2": date(2015, 5, 1)}


# -- WRITTEN: header ----------------------------------------------------------------------------

def test_a_subbotnik_is_no_weekday():
    doc = extract_text("ПОСТАНОВЛЕНИЕ от 12.03.2015 № 45 О субботнике В целях благоустройства ПОСТАНОВЛЯЮ: "
                       "1. Провести субботник 25 апреля 2015 года.").document
    assert (doc.number, doc.date) == ("45", date(2015, 3, 12))


def test_news_that_tells_of_an_act_is_no_act():
    text = ("Новости\n15.03.2015\nВ районе пройдет субботник\nГлава района подписал постановление от 12.03.2015 "
            "№ 45 «О проведении субботника». Документом предусмотрено:\n1. Провести субботник 25 апреля.\n"
            "2. Руководителям предприятий обеспечить участие.")
    result = extract_text(text)
    assert (result.document.number, result.document.date, result.orders) == (None, None, [])
    told = extract_text("Главная / Новости\n15 марта 2015\nГлава района Иван Иванов подписал постановление о "
                        "проведении субботника. Настоящее постановление вступает в силу со дня подписания, сообщает "
                        "пресс-служба.").document
    assert (told.kind, told.date) == (None, None)  # neither «Настоящее постановление» nor the post's date
    assert not tells_of_an_act("АДМИНИСТРАЦИЯ РАЙОНА\nПОСТАНОВЛЕНИЕ\nот 12.03.2015 № 45\n"
                               "В соответствии с постановлением Правительства области")


# -- WRITTEN: confidence that means something ---------------------------------------------------

def test_a_name_holding_a_word_no_dative_name_holds_is_unsure():
    found = read_item("Отделу культуры информацию о ходе выполнения плана представлять ежеквартально.", 0)
    assert not is_sure(found.responsible[0].confidence)
    assert is_sure(read_item("Отделу культуры представлять информацию ежеквартально.", 0).responsible[0].confidence)


def test_a_date_chosen_among_several_is_unsure():
    deadline = find_deadline("Отделу культуры провести проверку до 01 апреля 2015 года, о результатах "
                             "проинформировать главу до 10 апреля 2015 года.")
    assert deadline.date == date(2015, 4, 1) and not is_sure(deadline.confidence)


def test_two_acts_named_in_a_header_without_letterhead_make_its_details_unsure():
    doc = extract_text("Распоряжение администрации от 15.01.2020 № 3\nРаспоряжение от 17.01.2020 № 5\n"
                       "В целях благоустройства:\n1. Отделу культуры провести субботник.").document
    assert doc.number is not None and not is_sure(doc.confidence["number"])


def test_a_kind_the_enacting_formula_contradicts_is_unsure():
    doc = extract_text("РАСПОРЯЖЕНИЕ\nот 15.01.2020 № 3\nадминистрация постановляет:\n"
                       "1. Отделу культуры провести субботник.").document
    assert doc.kind == "распоряжение" and not is_sure(doc.confidence["kind"])


# -- REAL, reflowed: an act on one line ---------------------------------------------------------

def test_the_signature_block_run_into_one_line_gives_the_acts_details():
    # http://www.kremlin.ru/acts/bank/18833 (a004, corpus/real/rules), the whole act on one line, as
    # some pages print it; the details stand only in the signature block «Москва, Кремль / 14 ноября
    # 2002 года / N 1318», followed by the annex «УТВЕРЖДЕНО Указом … от 14 ноября 2002 г. N 1318»
    text = " ".join((RULES_HALF / "a004_ukaz-1318-citizenship.txt").read_text(encoding="utf-8").split())
    doc = extract_text(text).document
    assert (doc.number, doc.date) == ("1318", date(2002, 11, 14))


# -- REAL, reflowed: hard wraps and glued line ends ---------------------------------------------

def test_a_date_broken_by_a_hard_wrap_is_one_date():
    # https://base.garant.ru/27502514 (a034, corpus/real/rules): Garant's title line wrapped inside its date
    text = (RULES_HALF / "a034_orenb-rg-13-virgin-lands.txt").read_text(encoding="utf-8").replace(
        "Оренбургской области от 19 января", "Оренбургской области от 19\nянваря", 1)
    doc = extract_text(text).document
    assert (doc.number, doc.date) == ("13-р", date(2004, 1, 19))


def test_a_place_glued_to_the_number_is_no_part_of_it():
    # https://lawmix.ru/zakonodatelstvo/1334052 (shared/corpus/dev real-003): «06.10.97 N 360 г.Ростов-на-Дону»
    text = (DEV / "real-003.txt").read_text(encoding="utf-8")
    glued = re.sub(r"N 360\s+г\.", "N 360г.", text, count=1)
    assert glued != text and extract_text(glued).document.number == "360"


def test_an_enacting_formula_glued_to_the_word_before_it_names_the_kind():
    # https://base.garant.ru/16158814 (b018, corpus/real/rules): «… в администрации города Перми
    # постановляю:» with the line break lost
    text = (RULES_HALF / "b018_perm-kontrol.txt").read_text(encoding="utf-8")
    assert extract_text(text.replace("Перми постановляю:", "Пермипостановляю:", 1)).document.kind == "постановление"
