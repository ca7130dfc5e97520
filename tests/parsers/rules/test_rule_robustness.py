"""Robustness: any text gives a result (never an exception), and every span points into the text."""
from act_text import extract_text
from hypothesis import given, settings
from hypothesis import strategies as st

PIECES = ["ПОСТАНОВЛЕНИЕ\n", "от 12.03.2026 № 5\n", "ПОСТАНОВЛЯЮ:\n", "1. ", "1.1. ", "2. ", "2-1. ", "а) ", "1) ",
          "I. ", "«3. ", "».\n", "\"", "Управлению образования (А.А. Котова) ", "Рекомендовать главам ",
          "обеспечить ", "провести ", "Утвердить ", "в срок до 1 июня 2026 года", "Срок: ", "постоянно",
          "ежеквартально ", "в течение 3 рабочих дней", "Контроль за исполнением возложить на ", "Иванова И.И.",
          "совместно с отделом ", "(по согласованию) ", ":\n", ";\n", ".\n", ", ", " и ", "\n", "вноябре 2026 года"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_any_text_gives_a_result_with_spans_inside_it(pieces):
    text = "".join(pieces)
    result = extract_text(text)
    assert not any("внутренней ошибкой" in warning for warning in result.warnings)
    for order in result.orders:
        start, end = order.span
        assert 0 <= start <= end <= len(result.text)
        if order.deadline is not None and order.deadline.span is not None:
            assert 0 <= order.deadline.span[0] <= order.deadline.span[1] <= len(result.text)
        for party in order.responsible:
            assert party.as_written
