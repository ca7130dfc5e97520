"""Rules written against the rules-half texts of batches k, l and n (corpus/real/rules/docs/k0*,
l0*, n0*: a plan of measures flattened from a table, protocols and council decisions, municipal
acts), each with REAL snippets copied verbatim from the public pages (the source on each row).

- A plan a page flattened from its table: the columns' titles stand on lines above the rows
  («Наименование мероприятий / Срок исполнения / Ответственный исполнитель»), and each row's last
  lines are its cells in that order («первая декада марта», «Администрация города»).
- «(утверждён постановлением администрации города от 10.02.2021 № 122)» above a plan gives the
  kind, number and date of the act that approved it.
- «Завершить отопительный период … с 20 мая 2024 года»: a verb that closes a period, with the
  period as its object, fixes the period's end: a norm, not an order; «Начать отопительный
  сезон с 09 октября» sets work going: an impersonal order.
- In a table row, a capital after a participle («подведомственных Администрации …») is governed by
  it: no executor cell starts there; a stop that abbreviates («г.», «п.») ends no sentence.
- «№ 39 -ра»: a series suffix a stray space parted from the number is the number's.
"""
from datetime import date

from act_text import extract_text

from parsers.model import DocumentInfo, ExtractedOrder, ParseResult, Party
from parsers.rules import doubts, orders

TREKHGORNY = "http://admintrg.ru/news/14000-plan-organizacionnyh-sanitarno-protivoepidemicheskih-profilakticheskih-meropriyatiy"
ONONSKOE = "нов.шилкинский.рф (постановление СП «Ононское» от 07.05.2024 № 20)"
VYSOKSK = "visoksk.rkursk.ru (распоряжение Высокского сельсовета от 08.05.2018 № 39 -ра)"
MICHURINSKOE = "http://adm.michurinskoe-sp.ru/postanovleniya/1653-postanovlenie-ot-04-10-2019-187"
POGRANICHNY = "http://pogranichny.ru/ (постановление администрации Пограничного МО № 378 от 22.03.2024)"

PLAN = (  # source: TREKHGORNY
    "admintrg.ru\nТелефоны приемной:\n(35191) 6-20-52\n"
    "» » ПЛАН организационных санитарно-противоэпидемических (профилактических) мероприятий по предупреждению "
    "распространения новой коронавирусной инфекции, вызванной 2019-nСоV, в городе Трехгорном на 2021 год\n\n"
    "Информационный блок\n\n11\nфевраль\n2021\n\n"
    "ПЛАН организационных санитарно-противоэпидемических (профилактических) мероприятий по предупреждению "
    "распространения новой коронавирусной инфекции, вызванной 2019-nСоV, в городе Трехгорном на 2021 год\n\n"
    " (утверждён постановлением администрации города от 10.02.2021 № 122)\n\n"
    "Приоритетные задачи\n\nНаименование мероприятий\n\nСрок исполнения\n\nОтветственный исполнитель\n\n"
    "I. Общие организационные мероприятия\n\n1. Проведение организационных мероприятий\n\n"
    "1.1. Уточнить персональный состав оперативного штаба для контроля эпидемической ситуации и своевременного "
    "проведения противоэпидемических мероприятий\n\nпервая декада марта\n\nАдминистрация города\n\n"
    "1.2. Откорректировать план организационных санитарно-противоэпидемических (профилактических) мероприятий\n")


def test_the_columns_of_a_flattened_plan_are_read_in_their_order():
    assert orders.column_titles("Наименование мероприятий\n\nСрок исполнения\n\nОтветственный исполнитель\n") == (
        "term", "who")
    assert orders.column_titles("Ответственные\nСрок\n") == ("who", "term")
    assert orders.column_titles("Срок исполнения\n") == ()  # one column named: no plan's pair
    found = {o.number: o for o in extract_text(PLAN).orders}
    row = found["1.1"]
    assert [p.as_written for p in row.responsible] == ["Администрация города"]
    assert row.deadline is not None and row.deadline.text == "первая декада марта"
    assert row.responsible[0].confidence < 0.95  # a cell, the second-best place
    assert found["1.2"].responsible == [] and found["1.2"].deadline is None  # a row cut before its cells


def test_the_approval_stamp_above_a_plan_gives_its_acts_details():
    doc = extract_text(PLAN).document
    assert (doc.kind, doc.number, doc.date) == ("постановление", "122", date(2021, 2, 10))


def test_closing_a_period_is_a_norm_opening_it_an_order():
    found = {o.number for o in extract_text(  # source: ONONSKOE
        "АДМИНИСТРАЦИЯ СЕЛЬСКОГО ПОСЕЛЕНИЯ «ОНОНСКОЕ»\nПостановление\n07 мая 2024 № 20\nс. Ононское\n"
        "Об окончании отопительного сезона 2023-2024 года\nпостановляет:\n"
        "1.Завершить отопительный период 2023-2024 годов: 1.1. в дошкольных и школьных образовательных и "
        "медицинских учреждениях на территории сельского поселения «Ононское» с 20 мая 2024 года; 1.2. в жилых "
        "домах и других зданиях на территории сельского поселения с 15 мая 2024 года.\n"
        "2. Руководителям учреждений обеспечить консервацию котельных до 1 июня 2024 года.").orders}
    assert found == {"2"}
    opening = {o.number for o in extract_text(  # source: MICHURINSKOE
        "ПОСТАНОВЛЕНИЕ\nот 04.10.2019 № 187\nПОСТАНОВЛЯЕТ:\n"
        "1. Начать отопительный сезон при понижении среднесуточной температуры ниже +8 оС в течение пяти суток "
        "с 09 октября 2019 года.\n2. Контроль за исполнением настоящего постановления оставляю за собой.").orders}
    assert opening == {"1"}


def test_a_capital_after_a_participle_starts_no_cell_of_a_table_row():
    from parsers.rules.orders import read_item

    reading = read_item(  # source: POGRANICHNY (the item as a table row)
        "Обеспечить проведение сплошной дератизации на объектах, подведомственных Администрации Пограничного "
        "муниципального округа, организаций, предпр", 0, in_table=True)
    assert reading.kind == "order" and reading.responsible == []


def test_an_abbreviations_stop_ends_no_item_and_no_sentence():
    # written: «г.» at a line's end, as a page that broke a line there prints it
    found = {o.number: o for o in extract_text(
        "ПОСТАНОВЛЕНИЕ\nот 10.05.2023 № 756\nпостановляет:\n1. Провести ярмарку 20 мая 2023 года.\n"
        "2. Рекомендовать МО МВД России «Муромский» по г.\nМуром обеспечить охрану общественного порядка.\n"
        "3. Контроль оставляю за собой.").orders}
    assert [p.as_written for p in found["2"].responsible] == ["МО МВД России «Муромский» по г. Муром"]


def test_second_look_an_official_inside_a_name_is_in_doubt():
    merged = ExtractedOrder(number="4", parent=None, text="…", span=(0, 1), confidence=0.85, responsible=[
        Party(as_written="Заместителю префекта Тимошенко В.Е., управе района Кузьминки", confidence=0.95)])
    doubts.second_look(ParseResult(source="x.txt", document=DocumentInfo(), orders=[merged]))
    assert merged.responsible[0].confidence < 0.8


def test_a_series_suffix_parted_by_a_space_is_the_numbers():
    doc = extract_text(  # source: VYSOKSK
        "РАСПОРЯЖЕНИЕ\nот 08.05.2018 года № 39 -ра\nОб установлении особого противопожарного режима\n"
        "1. Провести 10 мая 2018 года сход граждан.").document
    assert (doc.number, doc.date) == ("39 -ра", date(2018, 5, 8))
