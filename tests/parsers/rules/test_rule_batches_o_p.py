"""Rules written against the rules-half texts of batches o and p (corpus/real/rules/docs/o0*, p0*:
municipal and regional acts, plans flattened by their pages, a council's решение), each with REAL
snippets copied verbatim (the source on each row).

- A dash list whose page lost the numbers: under «- Утвердить:» the dash lines that only name
  objects, with no verb of their own, are that item's sub-paragraphs, whatever stop ends them.
- «Установить, что Комитет … обеспечивает контроль …»: a body as the subject of an active verb in
  the present is given a standing duty: an order (the contract's ongoing duty).
- «Назначить Министерство … региональным координатором, ответственным за …»: the instrumental role
  after the appointee is no part of its name.
- «доложить на очередном заседании Думы»: the next session is a term (relative).
- «См. Постановление … от … N 224»: a reference system's pointer to another act is no part of
  the act; the stamp of the annex after the signature («УТВЕРЖДЁН / распоряжением … / от … N
  203-р») gives a page that starts at the preamble its act's details; the annex's heading
  «Приложение 2 / к постановлению …» gives the kind.
- A table a page flattened one cell a line («N |» / «Мероприятия |» / «Время проведения |» / …):
  its rows are orders, the term and executor columns their terms and executors; a cell naming
  officials alone names each of them.
- Deglue: «срокдо 30 марта», «Кузьминуразобраться», «субъектами владельцам» (the glued variants
  of the metamorphic tests).
"""
import pytest
from act_text import extract_text

from parsers.rules.flat_tables import unpipe_cell_lines
from parsers.rules.text import deglue

MUROM = "http://murom.info/2019/02/ (постановление администрации округа Муром от 26.02.2019 №148)"
LAWMIX_631 = "https://lawmix.ru/zakonodatelstvo/2703034"
GARANT_203 = "https://base.garant.ru/45512066"
MEGION_154 = "http://dumamegion.ru/laws/resheniya/detail.php?ID=3327"
GARANT_956 = "https://base.garant.ru/45552220/f7ee959fd36b5699076b35abf4f52c5c/"
GARANT_146 = "https://base.garant.ru/45466974/3e22e51c74db8e0b182fad67b502e640"

MASLENICA = (  # source: MUROM
    "Постановление администрации округа Муром от 26.02.2019 №148 О проведении народного гулянья «Масленица»\n"
    "п о с т а н о в л я ю:\n- Утвердить:\n"
    "- Состав оргкомитета по подготовке и проведению народного гулянья «Масленица» согласно приложению №1.\n"
    "- План подготовки и проведения народного гулянья «Масленица» согласно приложению №2.\n"
    "- Программу народного гулянья «Масленица» согласно приложению №3.\n"
    "- МАУ ТРК «Муромский меридиан» (Ю.П.Иринчук) через средства массовой информации своевременно информировать "
    "население о программе народного гулянья «Масленица».\n"
    "- Рекомендовать начальнику межмуниципального отдела МВД РФ «Муромский» А.В. Руденко:\n"
    "3.1. организовать расстановку сил и средств для поддержания охраны общественного порядка;\n")


def test_dash_lines_that_only_name_the_objects_of_a_colon_stay_in_its_item():
    found = {o.number: o for o in extract_text(MASLENICA).orders}
    assert sorted(found) == ["2", "3.1"]
    assert found["2"].responsible[0].as_written == "МАУ ТРК «Муромский меридиан»"
    assert found["3.1"].responsible[0].person == "А.В. Руденко"


@pytest.mark.parametrize("item, executor", [
    # source: LAWMIX_631 (the page's spacing kept)
    ("     3. Установить,   что   Комитет   ветеринарии   города   Москвы\nобеспечивает  контроль  за  соблюдением  "
     "карантина  и   выполнением\nмероприятий по л", "Комитет ветеринарии города Москвы"),
    # written: a passive with no body stays a norm (the shape of o009, «исполнение … осуществляется»)
    ("1. Установить, что исполнение городского бюджета осуществляется в соответствии со сводной бюджетной росписью.",
     None),
])
def test_a_body_given_a_standing_duty_by_установить_что_has_an_order(item, executor):
    found = extract_text("МЭР МОСКВЫ\nРАСПОРЯЖЕНИЕ\nот 5 сентября 2017 года № 631-РМ\n" + item + "\n").orders
    if executor is None:
        assert found == []
    else:
        assert [o.responsible[0].as_written for o in found] == [executor]


def test_the_role_an_appointee_is_named_to_is_no_part_of_its_name():
    found = extract_text(  # source: GARANT_203
        "РАСПОРЯЖЕНИЕ\n1. Назначить Министерство образования и науки Республики Северная Осетия-Алания региональным "
        "координатором, ответственным за создание и функционирование центров цифрового образования детей \"IT-куб\".\n"
    ).orders
    assert found[0].responsible[0].as_written == "Министерство образования и науки Республики Северная Осетия-Алания"


@pytest.mark.parametrize("appointee, name", [
    ("председателя комитета по управлению муниципальным имуществом", "председателя комитета по управлению "
                                                                      "муниципальным имуществом"),
    ("заведующего складом", "заведующего складом"),
])
def test_an_instrumental_the_name_governs_stays_in_it(appointee, name):
    from parsers.rules.orders import _before_role

    assert appointee[:_before_role(appointee + " ")] == name


def test_the_next_session_of_a_council_is_a_term():
    found = extract_text(  # source: MEGION_154
        "ДУМА ГОРОДА МЕГИОНА\nРЕШЕНИЕ\n28.03.2006\n№ 154\nР Е Ш И Л А :\n"
        "2. Рекомендовать главе города Мегиона А.А. Кузьмину разобраться по вопросу не выполнения программы , "
        "указанной в пункте 1 настоящего решения и о результатах доложить на очередном заседании Думы города "
        "Мегиона.\n").orders
    assert found[0].deadline is not None and found[0].deadline.relative == "на очередном заседании"


PREAMBLE_AND_STAMP = (  # source: GARANT_203
    "В целях реализации в Республике Северная Осетия-Алания мероприятий по созданию центров цифрового образования "
    "детей \"IT-куб\" в рамках федерального проекта \"Цифровая образовательная среда\" национального проекта "
    "\"Образование\":\n"
    "См. Постановление Правительства Республики Северная Осетия-Алания от 25 июня 2019 г. N 224 \"Об утверждении "
    "государственной программы Республики Северная Осетия-Алания \"Развитие образования Республики Северная "
    "Осетия-Алания\" на 2020 - 2024 годы\"\n"
    "1. Назначить Министерство образования и науки Республики Северная Осетия-Алания региональным координатором, "
    "ответственным за создание и функционирование центров цифрового образования детей \"IT-куб\".\n"
    "Председатель Правительства Республики Северная Осетия-Алания |\nТ. Тускаев |\nУТВЕРЖДЁН\n"
    "распоряжением Правительства\nРеспублики Северная Осетия-Алания\nот 25 июня 2019 года N 203-р\n")


def test_a_pointer_to_another_act_is_no_part_of_the_act_and_the_annex_stamp_gives_its_details():
    document = extract_text(PREAMBLE_AND_STAMP).document
    assert (document.kind, document.number, str(document.date)) == ("распоряжение", "203-р", "2019-06-25")


YARMARKI = (  # source: GARANT_956
    "Приложение 2\nк постановлению администрации\nПетропавловск-Камчатского городского округа\n"
    "от 17 июня 2016 г. N 956\nПлан\nмероприятий по организации ярмарок и продажи товаров на них\n"
    "N |\nМероприятия |\nВремя проведения |\nОтветственные исполнители |\n1 |\n2 |\n3 |\n4 |\n"
    "1 |\nУборка территории ярмарок и вывоз мусора |\nс 18.06.2016 по 01.10.2016 |\n"
    "Муниципальное казенное учреждение \"Управление благоустройства г. Петропавловска-Камчатского\" |\n"
    "2 |\nРаспространение в средствах массой информации информационных сообщений о проведении ярмарок (с "
    "периодичностью 1 раз неделю) |\nс 17.06.2016 по 01.10.2016 |\n"
    "Управление делами администрации Петропавловск-Камчатского городского округа |\n")

MASLENICA_PLAN = (  # source: GARANT_146
    "Приложение N 3\nУтвержден\nместной администрации\nгородского округа Прохладный КБР\n"
    "от 9 февраля 2018 г. N 146\nПлан\nпроведения мероприятий, посвященных празднованию Широкой Масленицы\n"
    "N |\nНаименования мероприятия |\nСроки проведения |\nМесто проведения |\nОтветственный |\n"
    "1. |\nПроведение заседания антитеррористической комиссии |\nПо отдельному графику |\n"
    "Здание местной администрации |\nМацалышенко В.М. |\n2. |\nПерекрытие дороги на участках дороги по ул. Гагарина "
    "от пересечения ул. Гагарина/ул. Свободы до пересечения ул. Гагарина/ ул. Ленина |\n"
    "18.02.2018 г. с 09-00 до 16-00 |\nЦентральная площадь |\nГладкий И.А. (по согласованию) Мацалышенко В.М. |\n"
    "3. |\nПраздничный концерт коллективов ДШИ |\n17.02.2018 г. с 12-00 до 13-00 |\nПарк культуры и отдыха |\n"
    "Нерубленко О.М. Перегуда Н.В. |\n")


def test_the_annex_heading_gives_the_kind_of_its_act():
    document = extract_text(YARMARKI).document
    assert (document.kind, document.number) == ("постановление", "956")


def test_a_table_flattened_one_cell_a_line_gives_an_order_per_row():
    found = {o.number: o for o in extract_text(YARMARKI).orders}
    assert sorted(found) == ["1", "2"]
    assert found["1"].responsible[0].as_written.startswith("Муниципальное казенное учреждение")
    assert found["1"].deadline is not None and found["1"].deadline.relative == "с 18.06.2016 по 01.10.2016"
    assert found["2"].responsible[0].as_written == (
        "Управление делами администрации Петропавловск-Камчатского городского округа")


def test_an_executor_cell_of_officials_alone_names_each_and_a_place_column_is_no_executor():
    found = {o.number: o for o in extract_text(MASLENICA_PLAN).orders}
    assert [p.person for p in found["2"].responsible] == ["Гладкий И.А.", "Мацалышенко В.М."]
    assert [p.person for p in found["3"].responsible] == ["Нерубленко О.М.", "Перегуда Н.В."]
    assert str(found["3"].deadline.date) == "2018-02-17"
    assert found["1"].deadline is not None and found["1"].deadline.relative == "По отдельному графику"


def test_unpiping_keeps_every_offset_and_wraps_a_cut_cell_into_one_line():
    wrapped = MASLENICA_PLAN.replace("Гагарина/ул. Свободы ", "Гагарина/ул. Свободы\n")
    read = unpipe_cell_lines(wrapped)
    assert len(read) == len(wrapped)
    assert "ул. Гагарина/ул. Свободы до пересечения" in read
    assert "Центральная площадь" not in read  # the place column is blanked
    assert unpipe_cell_lines("Итого |\n12 |\n") == "Итого |\n12 |\n"  # no number column: left as it is


@pytest.mark.parametrize("glued, read", [
    ("в срокдо 30 марта 2016 года", "в срок до 30 марта 2016 года"),
    ("главе города Мегиона А.А. Кузьминуразобраться по вопросу", "главе города Мегиона А.А. Кузьмину разобраться "
                                                                   "по вопросу"),
    ("органам местного самоуправления Сахалинской области, хозяйствующим субъектами владельцам животных",
     "органам местного самоуправления Сахалинской области, хозяйствующим субъектам и владельцам животных"),
    ("хозяйствующими субъектами владельцам", "хозяйствующими субъектами владельцам"),  # agrees: nothing glued
])
def test_words_a_page_glued_at_its_line_ends_split_by_grammar(glued, read):
    # the glued variants of real lines (base.garant.ru/26973378, MEGION_154, base.garant.ru Sakhalin)
    assert deglue(glued).text == read


# -- batches q and r (corpus/real/rules/docs/q0*, r0*) ------------------------------------------------
CHEBOKSARY_1807 = "https://gcheb.cap.ru/doc/laws/2015/05/27/postanovlenie1807"
ELBRUS_PLAN = "https://base.garant.ru/400391299/"
POKHVISTNEVO_12 = ("https://github.com/pavelyolvev/publisher/blob/1d50b3f5b5bc2749ed52bc702e08c6f53ccf72c7/"
                   "html_extractor.py")


def test_what_is_held_is_held_on_the_one_date_its_sentence_gives():
    found = extract_text(  # source: CHEBOKSARY_1807
        "г. Чебоксары Чувашской Республики\n\nп о с т а н о в л я ю:\n\n"
        "1. Провести мероприятия, посвященные празднику «День детей. Утренняя зарядка дошколят» на Красной площади "
        "1 июня 2015 года.\n\n2. Утвердить план мероприятий.\n").orders
    assert str(found[0].deadline.date) == "2015-06-01"


def test_a_phrase_of_time_after_a_participle_says_when_the_thing_was_done_not_a_term():
    found = extract_text(  # source: ELBRUS_PLAN
        "постановляю:\n2. Руководителям учреждений образования и культуры:\n"
        "- ежеквартально в срок до 3 числа следующего за отчетным кварталом представлять информацию о ходе "
        "реализации мероприятий Плана по устранению недостатков, выявленных в 2020 году в ходе проведения "
        "независимой оценки качества условий оказания образовательных услуг;\n"
        "- своевременно размещать информацию о реализации Плана по устранению недостатков, выявленных в ходе "
        "проведения независимой оценки качества условий оказания образовательных услуг в\n").orders
    assert [(o.number, o.deadline.recurrence) for o in found] == [("2", "ежеквартально")]  # one term: no split


def test_a_capital_after_a_district_is_its_name_not_an_executor_cell():
    from parsers.rules.orders import _executor_cell

    row = ("Настоящее Постановление и информационное сообщение о проведении торгов посредством публичного "
           "предложения разместить на официальном сайте Российской Федерации для размещения информации о проведении "
           "торгов и на сайте Администрации муниципального района Похвистневский Самарской области в сети "
           "«Интернет».")  # source: POKHVISTNEVO_12, item 3 as a table row
    assert _executor_cell(row, 0, 0, in_table=True) == []
    # written: a body's name after the district still starts the executor cell of a row
    found = _executor_cell("Провести субботник на территории района Администрация района", 0, 0, in_table=True)
    assert [p.as_written for p in found] == ["Администрация района"]


def test_a_number_alone_on_its_line_opens_its_item_whether_printed_1_dot_or_1_paren():
    # written in the manner of a municipal act kept as a dataset's lines (the number, then the text)
    for stop in (".", ")"):
        text = (f"Администрация сельсовета ПОСТАНОВЛЯЕТ : \n1{stop} \nНаправить проект бюджета в Думу.\n"
                f"2{stop} \nОбнародовать настоящее постановление путем размещения его на информационном стенде.\n"
                f"3{stop} \nКонтроль оставляю за собой.\n")
        assert [o.number for o in extract_text(text).orders] == ["1", "2"], stop


@pytest.mark.parametrize("glued, read", [
    ("медицинское сопровождение во времяпроведения праздничных мероприятий",
     "медицинское сопровождение во время проведения праздничных мероприятий"),
    ("в течениемесяца со дня", "в течение месяца со дня"),
    # a participle governs the instrumental: «являющимся исполнителями» is whole, nothing glued
    ("подразделениям, являющимся исполнителями мероприятий по подготовке",
     "подразделениям, являющимся исполнителями мероприятий по подготовке"),
])
def test_a_compound_preposition_glued_to_its_word_splits(glued, read):
    # written: the glued shapes of real lines (a compound preposition at a line end)
    assert deglue(glued).text == read
