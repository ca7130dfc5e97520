"""Rules written against the rules-half texts of batches u, v and w (corpus/real/rules/docs/u0*,
v0*, w0*: acts about events, safety and elections on new sites), each with REAL snippets copied
verbatim (the source on each row), and counter-cases.

- Several event days are a window, not one date, like «16 и 17 марта»: ranges of days («26-27
  сентября 2015 года … и 03-04 октября 2015 года») and whole dates in a row with their hours
  («19 декабря 2018 года в 14.00, 20 декабря 2018 года в 11.00 и в 14.00, …»).
- A preamble set off by a blank line runs into the items however its lines are wrapped, and one
  run into the title on a single line is found after «В соответствии» too: a page showing the
  site's card and title above it still shows an act (the metamorphic variants of w001).
"""
import pytest
from act_text import extract_text

from parsers.rules import header
from parsers.rules.deadlines import find_deadline

MOSOBL_315 = "https://mosoblpravo.ru/rasporyazhenie/2018/09/14/n-315-rg"
NOVGOROD_271 = "https://novgorod-gov.ru/doc/59366"
MEGION_1363 = "http://admmegion.ru/gov/laws/index.php?ELEMENT_ID=345430"


@pytest.mark.parametrize("item, window", [
    # source: MOSOBL_315, item 1
    ("Провести праздничные мероприятия «Губернаторская новогодняя елка» для детей с вручением подарков (далее - "
     "праздничные мероприятия) в Доме Правительства Московской области 19 декабря 2018 года в 14.00, 20 декабря "
     "2018 года в 11.00 и в 14.00, 21 декабря 2018 года в 11.00 и в 14.00.",
     "19 декабря 2018 года в 14.00, 20 декабря 2018 года в 11.00 и в 14.00, 21 декабря 2018 года в 11.00 и в 14.00"),
    # source: NOVGOROD_271, item 1 (the page's line breaks and glued words kept)
    ("Провести в Великом Новгороде 26-27сентября 2015 года на\nтерритории, прилегающей к сельскохозяйственному "
     "рынку«Западный», и\n03-04 октября 2015 года на территории, прилегающей к", "26-27сентября 2015 года"),
])
def test_several_event_days_are_a_window_not_one_date(item, window):
    term = find_deadline(item, verb_span=(0, 8))
    assert term is not None and term.date is None and term.relative == window


@pytest.mark.parametrize("item, day", [
    # written counter-cases: one event day is still a date; a term given twice keeps its first date
    ("Провести субботник 25 апреля 2015 года.", "2015-04-25"),
    ("Представить отчет до 1 марта 2025 года и 1 сентября 2025 года.", "2025-03-01"),
])
def test_one_event_day_or_a_term_is_still_a_date(item, day):
    term = find_deadline(item, verb_span=(0, len(item.split()[0])))
    assert term is not None and str(term.date) == day


MEGION_CARD = (  # source: MEGION_1363 (the site's card and title above the preamble)
    "О выделении помещений для проведения встреч с избирателями\n\nНомер 1363\nДата 10.07.2019\n"
    "Тип документа Постановление\nОрган издания Администрация города\n\nО выделении помещений для\n"
    "проведения встреч с избирателями\n\n")
PREAMBLE = ("В соответствии со статьёй 53 Федерального закона от 12.06.2002 №67-ФЗ «Об основных гарантиях "
            "избирательных прав и права на участие в референдуме граждан Российской Федерации»:")


@pytest.mark.parametrize("head", [
    MEGION_CARD + PREAMBLE + "\n\n",
    # hard-wrapped at 60 columns, a blank line above the preamble
    MEGION_CARD + "В соответствии со статьёй 53 Федерального закона от\n12.06.2002 №67-ФЗ «Об основных гарантиях "
    "избирательных прав\nи права на участие в референдуме граждан Российской\nФедерации»:\n\n",
    # the whole page on one line
    " ".join((MEGION_CARD + PREAMBLE).split()) + " ",
])
def test_a_preamble_runs_into_the_items_however_its_lines_are_laid_out(head):
    assert header.runs_into_items(head)


def test_a_title_with_no_preamble_does_not_run_into_items():
    # written counter-case: news that lists things after its title
    assert not header.runs_into_items("Новости района\n\nВ субботу прошли мероприятия.\n\nПрограмма:\n")


def test_the_page_with_the_card_gives_its_impersonal_order():
    act = MEGION_CARD + PREAMBLE + (
        "\n\n2.Помещения предоставлять на безвозмездной основе по заявке зарегистрированных кандидатов с "
        "избирателями, в том числе доверенных лиц, политических партий, \n")
    assert [o.number for o in extract_text(act).orders] == ["2"]
