"""Texts shortened for drafts: at a word, with «…», never over the limit."""
from __future__ import annotations

import pytest

from tracker.drafting.texts import shorten

LONG = ("Обеспечить мониторинг активности официальных страниц исполнительных органов Томской области "
        "и представлять сводную информацию Губернатору Томской области.")


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("Провести совещание.", 200, "Провести совещание."),
    ("  Провести\n совещание  ", 200, "Провести совещание"),
    (LONG, 60, "Обеспечить мониторинг активности официальных страниц…"),
    (LONG, 40, "Обеспечить мониторинг активности…"),
    ("обеспечить: ведение реестра, формирование сводной информации", 35, "обеспечить: ведение реестра…"),
    ("Представить (в министерство) отчёт", 15, "Представить (в…"),
    ("Представить (в министерство) отчёт", 13, "Представить…"),
    ("Сверхдлинноесловобезпробелов", 10, "Сверхдлин…"),
    ("", 10, ""),
    (None, 10, ""),
])
def test_shorten_cuts_at_a_word_with_an_ellipsis(text, limit, expected):
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_a_text_that_fits_exactly_is_not_cut():
    assert shorten(LONG, len(LONG)) == LONG
