"""Orders: which items of an act oblige someone to act, with inherited executors and deadlines."""
import pytest
from act_text import extract_text

HEAD = "АДМИНИСТРАЦИЯ ГОРОДА ЛЕСНОГОРСКА\nПОСТАНОВЛЕНИЕ\nот 10.02.2026 № 77\nО мерах\nПОСТАНОВЛЯЮ:\n"


def orders(body: str):
    return extract_text(HEAD + body).orders


@pytest.mark.parametrize(
    ("item", "is_order"),
    [
        ("1. Управлению образования (А.А. Котова) обеспечить участие школ в олимпиаде.", True),
        ("1. Провести 1 апреля 2026 года городской субботник.", True),  # impersonal directive
        ("1. Опубликовать настоящее постановление в газете «Лесногорские вести».", True),
        ("1. Рекомендовать руководителям предприятий города принять участие в субботнике.", True),
        ("1. Поручить отделу экономики подготовить прогноз.", True),
        ("1. Ответственность за организацию субботника возложить на управление ЖКХ (Н.П. Фомин).", True),
        ("1. Утвердить и ежегодно актуализировать перечень объектов благоустройства.", True),
        ("1. Установить, что руководители учреждений представляют отчеты до 1 мая 2026 года.", True),
        ("1. Утвердить Положение о конкурсе (прилагается).", False),
        ("1. Создать рабочую группу по подготовке к празднику.", False),
        ("1. Образовать комиссию по землепользованию.", False),
        ("1. Объявить 2026 год Годом благоустройства.", False),
        ("1. Установить размер платы за услуги согласно приложению.", False),
        ("1. Разрешить проведение ярмарки на площади Победы.", False),
        ("1. Внести в постановление от 12.01.2025 № 3 следующие изменения.", False),
        ("1. Признать утратившим силу постановление от 01.02.2020 № 15.", False),
        ("1. Настоящее постановление вступает в силу со дня его подписания.", False),
        ("1. Контроль за исполнением настоящего постановления оставляю за собой.", False),
        ("1. Контроль за исполнением постановления возложить на заместителя главы Орлова И.И.", False),
        ("1. Принять к сведению информацию начальника отдела культуры.", False),
        ("1. Возложить ответственность за свод отчетов на заместителя начальника отдела И.И. Кравцову.", True),
        ("1. Ввести на территории города режим повышенной готовности.", False),  # a norm, like Установить
        ("1. Муниципальное учреждение «Центр досуга» реорганизовать путем присоединения.", False),  # fronted object
        ("1. Управление образования переименовать в управление образования и науки.", False),
        ("1. Просить Общественную палату осуществлять общественный контроль.", True),
        ("1. Предложить главам поселений провести сходы граждан.", True),
    ],
)
def test_what_is_an_order(item, is_order):
    assert bool(orders(item)) is is_order


def test_the_most_specific_level_carrying_a_task_is_the_order_and_inherits_executor_and_deadline():
    found = orders("1. Управлению культуры (Е.В. Белова) в срок до 1 июня 2026 года:\n"
                   "1.1. провести фестиваль;\n"
                   "1.2. подготовить отчет.\n"
                   "Срок: 15 июня 2026 года.\n"
                   "2. Утвердить программу фестиваля:\n"
                   "2.1. Программа открытия.\n"
                   "2.2. Программа закрытия.")
    assert [(o.number, o.parent) for o in found] == [("1.1", "1"), ("1.2", "1")]
    assert [p.person for p in found[0].responsible] == ["Е.В. Белова"]
    assert str(found[0].deadline.date) == "2026-06-01"  # the parent's deadline
    assert str(found[1].deadline.date) == "2026-06-15"  # its own «Срок:» line


def test_unnumbered_sub_paragraphs_belong_to_the_item_above():
    found = orders("1. Отделу информатизации (Р.Р. Ахметов) обеспечить:\n"
                   "ведение реестра официальных страниц;\n"
                   "ежемесячный мониторинг публикаций.\n"
                   "2. Настоящее постановление вступает в силу со дня подписания.")
    assert [o.number for o in found] == ["1"]
    assert found[0].deadline.recurrence == "ежемесячно"


def test_a_recipient_of_money_is_no_executor():
    found = orders("1. Выделить администрации Северного поселения 3,5 млн рублей на ремонт дорог.")
    assert [o.number for o in found] == ["1"] and found[0].responsible == []


def test_dates_of_a_norm_do_not_leak_into_the_next_order():
    found = orders("1. Установить начало отопительного сезона с 1 октября 2026 года.\n"
                   "2. Отделу ЖКХ (С.С. Лебедев) опубликовать настоящее постановление.")
    assert [o.number for o in found] == ["2"] and found[0].deadline is None


def test_orders_in_quoted_new_wording_are_flagged():
    result = extract_text(HEAD.replace("О мерах", "О внесении изменений") +
                          "1. Внести в постановление от 01.02.2024 № 12 следующие изменения:\n"
                          "1.1. Пункт 3 изложить в следующей редакции:\n"
                          "«3. Отделу связи (П.П. Зуев) ежеквартально представлять отчет.».\n"
                          "2. Контроль оставляю за собой.")
    assert [(o.number, o.in_quoted_amendment) for o in result.orders] == [("3", True)]
    assert result.orders[0].deadline.recurrence == "ежеквартально"


def test_a_text_that_is_no_act_has_no_orders():
    result = extract_text("Новости\nВ районе прошел субботник. 1. Жители убрали парк. 2. Школьники посадили деревья.")
    assert result.document.kind is None and result.orders == []


def test_slides_with_imperative_bullets_are_no_act():
    result = extract_text("Что нужно сделать?\n1. Направить в ЦУР реестр учреждений.\n2. Получить госметку.")
    assert result.orders == []


def test_an_act_whose_kind_is_not_printed_still_gives_its_orders():
    result = extract_text("О подготовке к зиме\n1. Управлению ЖКХ (А.А. Соколов) подготовить котельные.\n"
                          "2. Отделу образования (Б.Б. Лис) утеплить школы до 1 октября 2026 года.")
    assert [o.number for o in result.orders] == ["1", "2"]


def test_responsible_line_names_executors_in_the_nominative():
    found = orders("1. Обеспечить подключение учреждений к системе «Госпаблики».\n"
                   "Ответственные: министерство культуры области (Ю.С. Медведева), министерство спорта области.\n"
                   "Срок: IV квартал 2026 года.")
    assert [(p.as_written, p.person) for p in found[0].responsible] == [
        ("министерство культуры области", "Ю.С. Медведева"), ("министерство спорта области", None)]
    assert str(found[0].deadline.date) == "2026-12-31"


def test_executor_named_by_an_abbreviation():
    found = orders("1. МКУ «Управление благоустройства» (Г.Г. Сомов) организовать вывоз снега.")
    assert [(p.as_written, p.person) for p in found[0].responsible] == [("МКУ «Управление благоустройства»", "Г.Г. Сомов")]


def test_a_norm_verb_under_an_addressed_item_is_that_addressees_task():
    found = orders("1. Рекомендовать главам муниципальных районов:\n1.1. утвердить планы мероприятий;\n"
                   "1.2. создать рабочие группы.\n2. Утвердить состав комиссии:\n2.1. Председатель комиссии.")
    assert [o.number for o in found] == ["1.1", "1.2"]
    assert [p.as_written for p in found[0].responsible] == ["главам муниципальных районов"]


def test_duties_laid_on_a_body():
    found = orders("1. Возложить на отдел муниципального контроля (Р.А. Юсупов) обязанности по ведению реестра.")
    assert [(p.as_written, p.name, p.person) for p in found[0].responsible] == [
        ("отдел муниципального контроля", "отдел муниципального контроля", "Р.А. Юсупов")]


def test_protocol_sections_before_the_decision_formula():
    result = extract_text("ПРОТОКОЛ № 3\nзаседания комиссии\n22 апреля 2026 года\nI. О правопорядке\nРЕШИЛИ:\n"
                          "1. Информацию принять к сведению.\n2. Рекомендовать ОМВД (Д.Л. Ильин) усилить патрулирование.\n"
                          "II. О мошенничестве\n1. Департаменту информационной политики (О.В. Лебедева) "
                          "организовать публикации.\nСрок: ежемесячно.")
    assert [(o.number, o.parent) for o in result.orders] == [("I.2", "I"), ("II.1", "II")]


@pytest.mark.parametrize(
    ("item", "responsible", "person"),
    [
        ("1. Возложить ответственность за свод отчетов на заместителя начальника отдела И.И. Кравцову.",
         "заместителя начальника отдела", "И.И. Кравцова"),
        ("1. Возложить персональную ответственность за выдачу разрешений на строительство на отдел архитектуры "
         "(А.А. Орлов).", "отдел архитектуры", "А.А. Орлов"),  # «на» inside the duty is not the bearer
        ("1. Рекомендовать: руководителям сельхозпредприятий не допускать выжигания стерни.",
         "руководителям сельхозпредприятий", None),  # a colon right after the verb
        ("1. Отдел информатизации (Р.Р. Пахомов) обеспечить доработку программы.",  # a nominative slip
         "Отдел информатизации", "Р.Р. Пахомов"),
        ("1. Отделу по делам ГО и ЧС (Кирилловой Е.В.) до 1 августа 2026 г.разработать план.",  # glued words
         "Отделу по делам ГО и ЧС", "Кириллова Е.В."),  # declined with the body: nominative
        ("1. Министерству финансов (Попов Д.В.), министерству экономики (Васютин М.Н.):\n"
         "проработать вопрос о налоге;\nпредставить предложения.",  # «):» glued by the tokenizer
         "Министерству финансов", "Попов Д.В."),
    ],
)
def test_executor_of_an_order(item, responsible, person):
    found = orders(item)
    assert [(p.as_written, p.person) for p in found[0].responsible][:1] == [(responsible, person)]


def test_a_sentence_in_the_nominative_after_an_impersonal_task_is_no_executor():
    found = orders("1. Провести проверку готовности школ.\nАдминистрация района оказывает содействие.\n"
                   "2. Опубликовать постановление.")
    assert [o.responsible for o in found] == [[], []]


def test_executor_column_of_a_list_flattened_by_a_web_page():
    found = orders("1. Подготовить информацию о трудоустройстве несовершеннолетних.\n"
                   "Центр занятости населения (Иванова А.А.)\nдо 20.12.2026\n2. Опубликовать постановление.")
    assert [(p.as_written, p.person) for p in found[0].responsible] == [("Центр занятости населения", "Иванова А.А.")]
    assert str(found[0].deadline.date) == "2026-12-20"


def test_executor_cell_of_a_short_table_row_joined_by_the_reader():
    from parsers.extract import extract
    from parsers.model import Block, ReadDocument

    blocks = [Block(text=line) for line in HEAD.splitlines()]
    blocks.append(Block(text="1. Обеспечить ремонт школ Министерство образования области (Козлова Е.В.) "
                             "до 1 июля 2026 г.", in_table=True))
    found = extract(ReadDocument.build("docx", blocks), source="row.docx").orders
    assert [(p.as_written, p.person) for p in found[0].responsible] == [
        ("Министерство образования области", "Козлова Е.В.")]
    as_text = orders("1. Направить отчет в Управление образования области до 1 июля 2026 г.")
    assert as_text[0].responsible == []  # outside a table the same words are the task's object


@pytest.mark.parametrize("label", ["Ответственный:", "Ответственные исполнители:", "Отв.:", "Исполнитель:"])
def test_responsible_line_labels(label):
    found = orders(f"1. Обеспечить завершение ремонта котельных.\nСрок исполнения: до 01.09.2026\n"
                   f"{label} главы муниципальных образований края")
    assert [p.as_written for p in found[0].responsible] == ["главы муниципальных образований края"]
