"""Shapes of issue 9 for which no public text was found (see test_rule_real_shapes.py): these
snippets were WRITTEN HERE in the manner the issue describes, so they test the rules, and prove
nothing about unseen acts."""
from datetime import date

from act_text import extract_text

from parsers.rules.deadlines import find_deadline, recurrence_in


def orders_of(text: str) -> dict:
    return {o.number: o for o in extract_text(text).orders}


def test_a_presidential_perechen_item_from_3_with_srok_dash_and_otvetstvennye():
    found = orders_of(
        "3. Правительству Российской Федерации совместно с органами исполнительной власти субъектов Российской "
        "Федерации обеспечить проведение мероприятий.\nСрок – 1 марта 2025 г., далее – один раз в полгода.\n"
        "Ответственные: Мишустин М.В., Хуснуллин М.Ш.")
    order = found["3"]
    assert order.responsible[0].as_written == "Правительству Российской Федерации"  # never replaced
    persons = [p.person for p in order.responsible if p.person]
    assert persons == ["Мишустин М.В.", "Хуснуллин М.Ш."]  # no name lost, shifted, or left with a comma
    assert (order.deadline.date, order.deadline.recurrence) == (date(2025, 3, 1), "раз в полгода")
    assert extract_text("3. Правительству Российской Федерации обеспечить проведение мероприятий.\n"
                        "Срок – 1 марта 2025 г.\nОтветственный: Мишустин М.В.").document.kind == "перечень поручений"


def test_one_person_on_the_otvetstvennyi_line_is_the_addressees_official():
    found = orders_of("ПЕРЕЧЕНЬ ПОРУЧЕНИЙ\n1. Министерству финансов области обеспечить финансирование.\n"
                      "Срок: 1 июля 2025 г.\nОтветственный: министр финансов Иванов И.И.")
    assert [(p.as_written, p.person) for p in found["1"].responsible] == [("Министерству финансов области", "Иванов И.И.")]


def test_a_protocol_with_reshili_and_porucheno_sections_numbered_by_section():
    found = orders_of("ПРОТОКОЛ\nзаседания комиссии\nот 12.03.2024 № 5\nI. О подготовке к паводку\nРЕШИЛИ:\n"
                      "1.1. Информацию принять к сведению.\n1.2. Главам муниципальных образований обеспечить "
                      "готовность сил и средств.\nСрок: до 1 апреля 2024 года.\nII. О пожарах\nПОРУЧЕНО:\n"
                      "2.1. Управлению ГО и ЧС (Смирнов С.С.):\nа) уточнить план;\nб) провести учения до 20 апреля "
                      "2024 года.\n")
    assert set(found) == {"1.2", "2.1.а", "2.1.б"}
    assert found["2.1.б"].responsible[0].person == "Смирнов С.С."


def test_an_act_whose_first_item_is_1_1_and_an_order_to_a_person_alone():
    found = orders_of("РАСПОРЯЖЕНИЕ\nот 01.02.2025 № 7-р\n1.1. Отделу кадров подготовить приказ.\n"
                      "1.2. Сидоровой А.П. обеспечить сбор сведений до 1 марта 2025 года.")
    assert set(found) == {"1.1", "1.2"}
    assert [(p.as_written, p.person) for p in found["1.2"].responsible] == [("Сидоровой А.П.", "Сидорова А.П.")]


def test_a_recurrence_adjective_inside_a_circumstance_is_no_recurrence():
    assert recurrence_in("обеспечить проведение проверок с учётом ежегодных планов работы") is None
    assert recurrence_in("обеспечить ежеквартальное формирование сводной информации")[0] == "ежеквартально"


def test_duties_with_different_terms_become_sub_orders_each_with_its_own_term():
    found = orders_of("ПОСТАНОВЛЕНИЕ\nот 12.03.2024 № 5\nПОСТАНОВЛЯЮ:\n2-1. Центру управления регионом обеспечить:\n"
                      "координацию работы до 1 апреля 2024 года;\nведение реестра аккаунтов;\n"
                      "ежеквартальное формирование сводной информации.\n")
    assert set(found) == {"2-1.1", "2-1.2", "2-1.3"}
    assert found["2-1.1"].deadline.date == date(2024, 4, 1)
    assert found["2-1.2"].deadline is None
    assert found["2-1.3"].deadline.recurrence == "ежеквартально"
    one_term = orders_of("ПОСТАНОВЛЕНИЕ\nот 12.03.2024 № 5\nПОСТАНОВЛЯЮ:\n2. Отделу обеспечить:\nведение реестра;\n"
                         "ежеквартальное формирование сводной информации.\n")
    assert set(one_term) == {"2"}  # one term only: the item stays one order (the dev gold of act 004)


def test_srok_dash_reads_like_srok_colon():
    assert find_deadline("Срок – до 3 августа 2015 года.").date == date(2015, 8, 3)


def test_srok_and_otvetstvennyi_after_lettered_sub_items_belong_to_all_of_them():
    found = orders_of("1. Правительству Российской Федерации:\nа) обеспечить разработку программы;\n"
                      "б) представить предложения.\nСрок – до 1 июля 2021 г.\nОтветственный: Мишустин М.В.\n"
                      "2. Минфину России обеспечить финансирование.\nСрок – 1 марта 2022 г.\n")
    for number in ("1.а", "1.б"):
        order = found[number]
        assert [(p.as_written, p.person) for p in order.responsible] == [
            ("Правительству Российской Федерации", "Мишустин М.В.")]
        assert order.deadline.date == date(2021, 7, 1)


def test_an_official_named_responsible_for_a_duty_either_way_round():
    from parsers.rules.orders import read_item

    for own in ("Ответственным за проведение мероприятия назначить заместителя главы администрации Иванова И.И.",
                "Определить заместителя главы администрации Иванова И.И. ответственным за проведение мероприятия"):
        reading = read_item(own, 0)
        assert reading.kind == "order"
        assert [(p.as_written, p.person) for p in reading.responsible] == [("заместителя главы администрации",
                                                                            "Иванов И.И.")]
