"""Rules written against the rules-half texts of batch m (corpus/real/rules/docs/m0*: Presidential
указы quoted on other sites), each with REAL snippets copied verbatim (the source on each row).

- «Полный текст Указа: … постановляю:»: a указ uses the formula of a постановление; a text that
  names the act a указ («Текст Указа», «подписал Указ», «Указ Президента») is one.
- «Провести в 2015 году в Российской Федерации Год литературы» declares a Year: a norm, as
  «Объявить» is; «Принять предложение Правительства … о праздновании …» decides on a proposal.
"""
from act_text import extract_text

BIBLIOM = "http://bibliom.ru/2015-god-literatury/ukaz-o-provedenii-goda-literatury/"
RULAWS_111 = "https://rulaws.ru/president/Ukaz-Prezidenta-RF-ot-14.02.2006-N-111"

GOD_LITERATURY = (  # source: BIBLIOM
    "Владимир Путин подписал Указ «О проведении в Российской Федерации Года литературы».\n\n \n\n"
    "Полный текст Указа:\n\n"
    "В целях привлечения внимания общества к литературе и чтению постановляю:\n\n"
    "1. Провести в 2015 году в Российской Федерации Год литературы.\n\n"
    "2. Правительству Российской Федерации:\n")


def test_a_text_that_names_itself_a_ukaz_is_one_whatever_its_formula():
    assert extract_text(GOD_LITERATURY).document.kind == "указ"


def test_declaring_a_year_is_no_order():
    assert "1" not in {o.number for o in extract_text(GOD_LITERATURY).orders}


def test_accepting_a_proposal_is_no_order():
    found = {o.number: o for o in extract_text(  # source: RULAWS_111
        "УКАЗ\nПРЕЗИДЕНТА РОССИЙСКОЙ ФЕДЕРАЦИИ\nО ПРАЗДНОВАНИИ 150-ЛЕТИЯ СО ДНЯ РОЖДЕНИЯ А.П. ЧЕХОВА\n"
        "1. Принять предложение Правительства Российской Федерации о праздновании в 2010 году 150-летия со дня "
        "рождения А.П. Чехова.\n2. Правительству Российской Федерации:\n"
        "образовать организационный комитет по подготовке и проведению празднования 150-летия со дня рождения "
        "А.П. Чехова;\n").orders}
    assert "1" not in found
    assert found and all(o.responsible[0].as_written == "Правительству Российской Федерации" for o in found.values())


def test_a_short_noun_glued_to_its_infinitive_splits():
    from parsers.rules.text import deglue

    # written: the glued variant of «в месячный срок обеспечить» (mosk.cap.ru, Год памяти и славы)
    assert deglue("Правительству Российской Федерации в месячный срокобеспечить разработку").text == (
        "Правительству Российской Федерации в месячный срок обеспечить разработку")


def test_an_item_the_page_cut_inside_its_addressee_is_no_order():
    # written in the manner of a social-network post cut by its page: the contract leaves such an item out
    found = {o.number for o in extract_text(
        "УКАЗ\nПРЕЗИДЕНТА РОССИЙСКОЙ ФЕДЕРАЦИИ\nпостановляю:\n1. Правительству Российской Федерации образовать "
        "организационный комитет.\n2. Рекомендовать органам государс\n").orders}
    assert found == {"1"}
