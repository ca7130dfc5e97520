"""Amendments: the acts this act amends and cancels."""
from datetime import date

from act_text import extract_text


def test_amended_act_from_the_title():
    result = extract_text("ПОСТАНОВЛЕНИЕ\nот 01.04.2026 № 90\nО внесении изменений в постановление администрации "
                          "района от 15.03.2024 № 212 «Об утверждении муниципальной программы»\nПОСТАНОВЛЯЮ:\n"
                          "1. Внести изменения.")
    refs = [(r.kind, r.number, r.date) for r in result.document.amends]
    assert refs == [("постановление", "212", date(2024, 3, 15))]


def test_cancelled_acts_but_not_those_named_inside_their_titles():
    result = extract_text("ПОСТАНОВЛЕНИЕ\nот 01.04.2026 № 91\nПОСТАНОВЛЯЮ:\n"
                          "1. Признать утратившими силу:\nпостановление администрации района от 10.01.2022 № 5 "
                          "«О внесении изменений в постановление от 01.01.2020 № 1»;\n"
                          "распоряжение администрации района от 11.02.2023 № 17-р.\n"
                          "2. Постановление вступает в силу со дня подписания.")
    refs = [(r.kind, r.number, r.date) for r in result.document.cancels]
    assert refs == [("постановление", "5", date(2022, 1, 10)), ("распоряжение", "17-р", date(2023, 2, 11))]
    assert result.document.amends == []
