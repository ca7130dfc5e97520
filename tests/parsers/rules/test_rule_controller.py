"""Controller and signatory: the control clause is no order; its addressee is the act's controller."""
import pytest
from act_text import extract_text

HEAD = "ПОСТАНОВЛЕНИЕ\nот 10.02.2026 № 77\nПОСТАНОВЛЯЮ:\n1. Отделу связи (А.А. Белов) обеспечить работу.\n"


@pytest.mark.parametrize(
    ("clause", "as_written", "person"),
    [
        ("2. Контроль за исполнением настоящего постановления возложить на заместителя главы администрации "
         "района по социальным вопросам Л.В. Морозову.",
         "заместителя главы администрации района по социальным вопросам Л.В. Морозову", "Л.В. Морозова"),
        ("2. Контроль за выполнением постановления возложить на первого заместителя\nГлавы города Кузнецова П.А.",
         "первого заместителя Главы города Кузнецова П.А.", "Кузнецов П.А."),
        ("2. Контроль за целевым использованием средств возложить на начальника финансового управления Рыбину Е.С.",
         "начальника финансового управления Рыбину Е.С.", "Рыбина Е.С."),
    ],
)
def test_control_clause_goes_to_the_controller(clause, as_written, person):
    result = extract_text(HEAD + clause + "\nГлава района\nС.С. Петров")
    assert [o.number for o in result.orders] == ["1"]
    assert (result.document.controller.as_written, result.document.controller.person) == (as_written, person)


def test_control_kept_by_the_signatory():
    result = extract_text(HEAD + "2. Контроль за исполнением настоящего постановления оставляю за собой.\n"
                                 "Глава района\nС.С. Петров")
    assert result.document.controller.person == "С.С. Петров"
    assert (result.document.signatory.position, result.document.signatory.person) == ("Глава района", "С.С. Петров")


def test_signature_glued_to_a_one_line_act():
    result = extract_text("Постановление от 10.02.2026 № 77 ПОСТАНОВЛЯЮ: 1. Отделу связи обеспечить работу. "
                          "2. Постановление вступает в силу со дня подписания. Глава администрации района А.Б.Вербицкий")
    assert result.document.signatory.person == "А.Б. Вербицкий"
