"""Rules written against the rules-half texts of batches s and t (corpus/real/rules/docs/s0*, t0*:
municipal acts and news on new sites), each with REAL snippets copied verbatim (the source on
each row), and counter-cases from the corpora the rules were already written against.

- A page that flattened Word's numbered list may print each item's dash alone on its line, the
  item's text on the next: the dash still opens an item (numbered by its place).
- A line that ends with an abbreviation («р.п.», «г.») goes on below: no new paragraph ends a
  dash list there (the one-line-per-sentence variant of the metamorphic tests splits there).
- Bare nouns joined to a last noun with a genitive share it: «предприятиям, учреждениям и
  организациям города Тобольска» is one addressee.
- A circumstance set off by a comma is no part of a name: «…, независимо от формы
  собственности», «…, по подведомственным структурным подразделениям»; a department's name may
  hold a comma before «по делам …».
- A next sentence glued to the stop after a name («района.Ответственность за …») ends the name.
"""
import pytest
from act_text import extract_text

from parsers.rules import executors

SHIMSK_466 = "http://xn--h1aadcj4a9b.xn--p1ai/?p=52853"
TOBOLSK_483 = "https://tyumen-gov.ru/doc/63577"
ALATYR = "../shared/corpus/dev/docs/real-013.txt (Алатырь)"

LONE_DASHES = (  # source: SHIMSK_466
    "Администрация Шимского\nмуниципального района\nПОСТАНОВЛЕНИЕ\nот 15.04.2024 № 466\nр.п. Шимск\n"
    "О проведении месячника по благоустройству и санитарной очистке территории\n"
    "р.п. Шимск и населённых пунктов Шимского городского поселения в 2024 году\n"
    "В соответствии со статьей 14 Федерального закона от 06 октября 2003 года № 131-ФЗ «Об общих принципах "
    "организации местного самоуправления в Российской Федерации», Уставом Шимского городского поселения и "
    "Правилами благоустройства территории Шимского городского поселения, утверждёнными решением Совета депутатов "
    "Шимского городского поселения от 13.05.2022 № 63, Администрация Шимского муниципального района ПОСТАНОВЛЯЕТ:\n"
    "-\n"
    "Провести с 15 апреля по 12 мая 2024 года месячник по благоустройству территории р.п. Шимск и населенных "
    "пунктов Шимского городского поселения.\n"
    "-\n"
    "Провести субботники по уборке территории городс\n")


def test_a_dash_alone_on_its_line_opens_the_item_written_below_it():
    orders = extract_text(LONE_DASHES).orders
    assert [o.number for o in orders] == ["1", "2"]
    assert orders[0].deadline is not None and orders[0].deadline.relative == "с 15 апреля по 12 мая 2024 года"
    assert orders[1].text.startswith("Провести субботники")


def test_a_line_ending_with_an_abbreviation_goes_on_below_and_keeps_the_dash_list():
    # the same act one sentence a line: «р.п.» ends a line, «Шимск …» goes on below it
    split = LONE_DASHES.replace("территории р.п. Шимск и населенных", "территории р.п.\nШимск и населенных")
    assert [o.number for o in extract_text(split).orders] == ["1", "2"]


@pytest.mark.parametrize("phrase, names", [
    # source: TOBOLSK_483, item 3
    ("предприятиям, учреждениям и организациям города Тобольска, независимо от формы собственности",
     ["предприятиям, учреждениям и организациям города Тобольска"]),
    # counter-case, the shape of corpus/real c022: a bare noun before a noun with no genitive stays its own
    ("организациям, индивидуальным предпринимателям", ["организациям", "индивидуальным предпринимателям"]),
    # counter-case, the shape of corpus/real n003: a list that opens with a whole name is not merged
    ("руководителям предприятий всех форм собственности, предпринимателям и владельцам частных домовладений",
     ["руководителям предприятий всех форм собственности", "предпринимателям", "владельцам частных домовладений"]),
])
def test_bare_nouns_joined_to_a_noun_with_a_genitive_share_it(phrase, names):
    assert [p.as_written for p in executors.parties(phrase)] == names


def test_the_shared_addressee_names_each_of_its_nouns_in_the_nominative():
    # source: TOBOLSK_483, item 3 (the desk lists the executor by this name)
    found = executors.parties("предприятиям, учреждениям и организациям города Тобольска, независимо от формы собственности")
    assert [p.name for p in found] == ["предприятия, учреждения и организации города Тобольска"]


@pytest.mark.parametrize("phrase, case, name", [
    # source: TOBOLSK_483, item 4 («возложить на …»)
    ("заместителей Главы города, по подведомственным структурным подразделениям, учреждениям и организациям",
     "accs", "заместителей Главы города"),
    # counter-case, source: ALATYR: «по делам …» after a comma still names the department
    ("Начальнику отдела культуры, по делам национальностей, информационной политики и архивного дела "
     "администрации города Алатыря", "datv",
     "Начальнику отдела культуры, по делам национальностей, информационной политики и архивного дела "
     "администрации города Алатыря"),
])
def test_a_circumstance_set_off_by_a_comma_is_no_part_of_the_name(phrase, case, name):
    assert [p.as_written for p in executors.parties(phrase, case=case)] == [name]


def test_a_sentence_glued_to_the_stop_after_a_name_ends_it():
    # written, in the shape of the glued metamorphic variant: the text is cut in the next sentence
    act = ("ПОСТАНОВЛЕНИЕ\n"
           "3. Организацию работы по подготовке соревнований возложить на отдел образования администрации "
           "района.Контроль за исполнени\n")
    orders = extract_text(act).orders
    assert [p.as_written for o in orders for p in o.responsible] == ["отдел образования администрации района"]
