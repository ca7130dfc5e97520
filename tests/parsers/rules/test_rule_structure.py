"""Structure: an act's own numbering -> items with their numbers and parents."""
import pytest
from act_text import document

from parsers.rules.structure import segment


def numbers(text: str):
    main, quoted = segment(document(text).text)
    return [(item.number, item.parent) for item in main], [(item.number, item.parent) for item in quoted]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ПОСТАНОВЛЯЮ:\n1. Утвердить порядок.\n2. Отделу кадров обеспечить.\n3. Контроль оставляю за собой.",
         [("1", None), ("2", None), ("3", None)]),
        ("1.Утвердить положение.\n2.Комитету финансов обеспечить.",  # numbers glued to the text
         [("1", None), ("2", None)]),
        ("1. Министерству спорта (А.А. Орлов):\n1.1. Провести турнир.\n1.2. Подготовить отчет.\n2. Опубликовать.",
         [("1", None), ("1.1", "1"), ("1.2", "1"), ("2", None)]),
        ("1. Внести изменения:\n1.5. Пункт 2 изложить\n1.5.3. В пункте 3 слово заменить.",  # 1.5 cannot follow 1
         [("1", None)]),
        ("1. Внести изменения:\n1.1. Пункт 2 изложить\n1.1.1. В пункте 3 слово заменить.\n1.1.2. Пункт 4 исключить.",
         [("1", None), ("1.1", "1"), ("1.1.1", "1.1"), ("1.1.2", "1.1"), ]),
        ("1. Управлению ЖКХ:\nа) провести обследование;\nб) представить отчет.\n2. Опубликовать.",
         [("1", None), ("1.а", "1"), ("1.б", "1"), ("2", None)]),
        ("ПОСТАНОВЛЯЕТ:\n1) утвердить порядок;\n2) отделу образования провести собрания.",
         [("1", None), ("2", None)]),  # an act numbered «1)» at the top level
        ("1. Отделу образования:\n1) подготовить списки;\n2) провести собрания.",
         [("1", None), ("1.1", "1"), ("1.2", "1")]),
        ("1) Внести в постановление от 17.06.2014 N 489 изменения:\n1.1. Пункт 4 изложить в редакции.\n"
         "1.2. В разделе 1 приложения:\n1.2.1. Пункт 6 изложить в редакции.\n1.2.2. Пункт 10 исключить.",
         [("1", None), ("1.1", "1"), ("1.2", "1"), ("1.2.1", "1.2"), ("1.2.2", "1.2")]),  # «N)» over «N.M.K.» (d012)
        ("1. Отделу связи:\n1.1) провести проверку;\n1.2) подготовить отчет.",  # «1.1)» closed by a parenthesis
         [("1", None), ("1.1", "1"), ("1.2", "1")]),
        ("1. Дополнить пунктом 2-1.\n2. Утвердить.\n2-1. Отделу связи обеспечить.\n3. Опубликовать.",
         [("1", None), ("2", None), ("2-1", None), ("3", None)]),
        ("1. Обеспечить выполнение работ в соответствии с пунктом\n2.3 Правил благоустройства.\n2. Опубликовать.",
         [("1", None), ("2", None)]),  # a wrapped line starting with a number is no item
        ("Постановление № 5 ПОСТАНОВЛЯЮ: 1. Утвердить порядок. 2. Отделу кадров (И.И. Ким) ознакомить. "
         "3. Настоящее постановление вступает в силу.",  # a whole act on one line
         [("1", None), ("2", None), ("3", None)]),
        ("ПОСТАНОВЛЯЮ:1.Отделу кадров (И.И. Ким) до 1 мая 2026 г.разработать план.2.Рекомендовать главам "
         "поселений информировать ЕДДС.3.Опубликовать постановление.",  # a web page that lost its spaces
         [("1", None), ("2", None), ("3", None)]),
        ("№ Поручение Ответственный Срок\n1 Провести рейды. Комиссия по делам несовершеннолетних ежемесячно.\n"
         "2\nПодготовить информацию о трудоустройстве.\nЦентр занятости населения\nдо 20.12.2026",
         [("1", None), ("2", None)]),  # a flattened table: a bare row number, or the number alone on its line
        ("1. Управлению образования провести совещание с руководителями\n2\nОбщеобразовательных организаций.\n"
         "2. Опубликовать.", [("1", None), ("2", None)]),  # a page number inside a running sentence is no item
        ("1. Провести месячник с 1 по 30 октября\n2026 года.\n2. Отделу образования до\n5 ноября\n"
         "2026 года представить информацию.",  # wrapped dates at line starts are no row numbers
         [("1", None), ("2", None)]),
    ],
)
def test_items_follow_the_acts_own_numbering(text, expected):
    assert numbers(text)[0] == expected


def test_a_row_number_alone_in_its_table_cell_opens_the_row():
    text = "1 Провести рейды Комиссия ежемесячно\n2\nПодготовить информацию\nЦентр занятости населения"
    main, _ = segment(text, table=[(0, len(text))])
    assert [(i.number, text[i.body_start:i.body_start + 11]) for i in main] == [
        ("1", "Провести ре"), ("2", "Подготовить")]


def test_quoted_new_wording_is_numbered_as_in_the_amended_act():
    text = ("1. Внести в постановление следующие изменения:\n"
            "1.1. Пункт 4 изложить в следующей редакции:\n"
            "«4. Управлению культуры обеспечить:\n"
            "проведение фестиваля;\n"
            "4.1. Отделу спорта провести турнир.».\n"
            "1.2. Дополнить пунктом 4-1 следующего содержания:\n"
            "«4-1. Отделу связи организовать трансляцию.».\n"
            "2. Контроль оставляю за собой.")
    main, quoted = numbers(text)
    assert main == [("1", None), ("1.1", "1"), ("1.2", "1"), ("2", None)]
    assert quoted == [("4", None), ("4.1", "4"), ("4-1", None)]


def test_the_last_item_stops_before_the_signature():
    text = "1. Отделу связи обеспечить работу.\nСрок: 1 июня 2026 года.\nГлава района\nИ.И. Иванов"
    doc = document(text)
    main, _ = segment(doc.text)
    assert doc.text[main[0].body_start:main[0].end].strip() == "Отделу связи обеспечить работу.\nСрок: 1 июня 2026 года."


def test_hard_wrapped_lines_stay_in_their_item():
    text = ("1. Управлению образования администрации\nрайона (О.Н.\nСеменова) провести\nсовещание.\n"
            "2. Отделу культуры провести концерт.")
    doc = document(text)
    main, _ = segment(doc.text)
    assert [i.number for i in main] == ["1", "2"]
    assert "Семенова) провести" in doc.text[main[0].body_start:main[0].end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I. О подготовке к зиме\n1. Отделу ЖКХ провести.\n2. Отделу ГО провести.\nII. О паводке\n"
         "1. Отделу ЖКХ обследовать.",  # sections restart the numbering: the section is part of the number
         [("I", None), ("I.1", "I"), ("I.2", "I"), ("II", None), ("II.1", "II")]),
        ("I. О подготовке к зиме\n1. Отделу ЖКХ провести.\nII. О паводке\n2. Отделу ЖКХ обследовать.",
         [("I", None), ("1", None), ("II", None), ("2", None)]),  # numbering carried on across sections
        ("ПРОТОКОЛ № 3\n1. О пожароопасном периоде\nСЛУШАЛИ: Лебедева К.Е.\nРЕШИЛИ:\n1.1. Принять к сведению.\n"
         "1.2. Провести опашку.\n2. О санитарной очистке\nРЕШИЛИ:\n2.1. Провести субботник.",  # «1. О ...» questions
         [("1", None), ("1.1", "1"), ("1.2", "1"), ("2", None), ("2.1", "2")]),
    ],
)
def test_roman_sections_of_a_protocol(text, expected):
    assert numbers(text)[0] == expected


def test_an_annex_after_the_act_is_not_part_of_its_items():
    text = ("ПОСТАНОВЛЯЮ:\n1. Утвердить положение (приложение).\n2. Отделу кадров ознакомить.\n"
            "Глава района И.И. Иванов\nПриложение\nк постановлению от 01.02.2026 № 4\nПОЛОЖЕНИЕ\n"
            "1. Общие положения\n2. Порядок работы\n3. Комиссии провести заседание.")
    assert numbers(text)[0] == [("1", None), ("2", None)]
