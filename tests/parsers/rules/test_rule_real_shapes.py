"""The shapes of issue 9, each in a table of REAL text: snippets copied verbatim from public acts
(the address is on each), never written here. Whole acts are in `real/` (see its README).

Shapes the search tools found no public text for are listed at the end of this module; their
rules are tested by the written-here tables beside it (test_rule_*.py), not claimed here.
"""
from datetime import date
from pathlib import Path

import pytest
from act_text import extract_text

from parsers.model import is_sure
from parsers.rules.deadlines import find_deadline
from parsers.rules.executors import parties
from parsers.rules.orders import read_item

REAL = Path(__file__).parent / "real"
ROOT = Path(__file__).resolve().parents[3]
RULES_HALF = ROOT / "corpus" / "real" / "rules" / "docs"


def details(text: str):
    doc = extract_text(text).document
    return doc.kind, doc.number, doc.date


# -- act details from the right place ----------------------------------------------------------

HEADERS = [
    # https://vlad-gov.ru/doc/87327 — a repeal note on the letterhead's own line
    ("Постановление Губернатора Владимирской области от 19.03.2009 № 212\n\n"
     "О плане мероприятий по снижению неэффективных расходов и повышению качества жизни граждан на 2009 год\n\n"
     "  \n                    АДМИНИСТРАЦИЯ ВЛАДИМИРСКОЙ ОБЛАСТИ\n"
     "                              ПОСТАНОВЛЕНИЕ\n                               ГУБЕРНАТОРА\n"
     "       19.03.2009                                        N 212                                      "
     "Утратилo силу - Постановление\n  \n                                        Губернатора Владимирской области\n"
     "                                             от 19.07.2010 г. N 831\n  \n"
     "  О плане мероприятий  по  снижениюнеэффективных    расходов       иповышению качества жизни  "
     "гражданна 2009 год",
     ("постановление", "212", date(2009, 3, 19))),
    # http://rostov-gov.ru/doc/59279 — a repeal note and an amendment list «(В редакции …)»
    ("Постановление Администрации Ростовской области от 15.07.2005 № 44\n\n"
     "О подготовке жилищного фонда, объектов инженерной и социальной инфраструктуры городов и районов "
     "Ростовской области к эксплуатации в осенне-зимний период\n\n                                  \n"
     "                     АДМИНИСТРАЦИЯ РОСТОВСКОЙ ОБЛАСТИ\n                                  \n"
     "                              ПОСТАНОВЛЕНИЕ\n                                  \n"
     "              15.07.2005          N 44          г. Ростов-на-Дону                                      "
     "Утратилo силу - Постановление\n  \n                                        Администрации Ростовской области\n"
     "                                             от 12.04.2011 г. N 193\n  \n"
     "  О подготовке жилищного фонда,объектов инженерной и социальнойинфраструктуры городов и районовРостовской "
     "области к эксплуатациив осенне-зимний период\n  \n"
     "          (В редакции Постановления Администрации Ростовской области\n"
     "                           от 05.10.2007 г. N 387)\n  \n       \n       \n"
     "       В целях   обеспечения  своевременной  и  качественной  подготовкижилищного  фонда,  объектов  "
     "инженерной  и  социальной  инфраструктурыгородов  и  районов  Ростовской области к эксплуатации в "
     "осенне-зимнийпериод\n       \n                               ПОСТАНОВЛЯЮ:\n"
     "       1. Возложить персональную ответст",
     ("постановление", "44", date(2005, 7, 15))),
    # http://www.infocean.ru/index.php?docid=86014 — «Список изменяющих документов (в ред. …)»
    ('Постановление мэрии города Новосибирска от 30.09.2014 N 8567 "Об утверждении ведомственной целевой '
     'программы "Развитие сил и средств для защиты населения и территории города Новосибирска от чрезвычайных '
     'ситуаций" на 2015 - 2017 годы"\n\n\n\nМЭРИЯ ГОРОДА НОВОСИБИРСКА\n\nПОСТАНОВЛЕНИЕ\n'
     'от 30 сентября 2014 г. № 8567\n\nОБ УТВЕРЖДЕНИИ ВЕДОМСТВЕННОЙ ЦЕЛЕВОЙ ПРОГРАММЫ "РАЗВИТИЕ\n'
     'СИЛ И СРЕДСТВ ДЛЯ ЗАЩИТЫ НАСЕЛЕНИЯ И ТЕРРИТОРИИ ГОРОДА\nНОВОСИБИРСКА ОТ ЧРЕЗВЫЧАЙНЫХ СИТУАЦИЙ" НА 2015 - '
     '2017 ГОДЫ\nСписок изменяющих документов\n(в ред. постановлений мэрии г. Новосибирска\n'
     'от 02.03.2015 № 2295, от 03.06.2015 № 3879, от 01.12.2015 № 6875)',
     ("постановление", "8567", date(2014, 9, 30))),
    # https://za-nas-zakon.ru/doc/rasporyazhenie-ot-22022012-N-231-r-administratsiya-frunzenskogo-raiona-sankt-peterburga
    ("ПРАВИТЕЛЬСТВО САНКТ-ПЕТЕРБУРГА\nАДМИНИСТРАЦИЯ ФРУНЗЕНСКОГО РАЙОНА\nСАНКТ-ПЕТЕРБУРГА\nРАСПОРЯЖЕНИЕ\n"
     "от 22.02.2012 г. № 231-р\nО ВНЕСЕНИИ ИЗМЕНЕНИЙ В РАСПОРЯЖЕНИЕ АДМИНИСТРАЦИИ\nОТ 16.08.2011 № 958-Р\n"
     "Утратил силу в связи с принятием распоряжения от 25.11.2013 № 2723-р (НГР RU78000201300958)",
     ("распоряжение", "231-р", date(2012, 2, 22))),
]


@pytest.mark.parametrize(("text", "expected"), HEADERS)
def test_the_acts_own_details_not_a_repeal_note_nor_an_amendment_list(text, expected):
    assert details(text) == expected


def test_a_title_citing_another_act_and_details_only_in_the_signature_block():
    # http://www.kremlin.ru/acts/bank/18434: the title cites «Указом … от 9 сентября 2000 г. N 1624»;
    # the act's own details stand under the signature: «Москва, Кремль / 25 июля 2002 года / N 780»
    doc = extract_text((REAL / "kremlin-18434.txt").read_text(encoding="utf-8")).document
    assert (doc.kind, doc.number, doc.date) == ("указ", "780", date(2002, 7, 25))
    assert is_sure(doc.confidence["number"]) and is_sure(doc.confidence["date"])


def test_a_repeal_note_above_the_title_and_the_signature_block():
    # http://www.kremlin.ru/acts/bank/18517: «Утратил силу с 1 августа 2006 г. - Указ … от 25.07.2006 г. N 763»
    assert details((REAL / "kremlin-18517.txt").read_text(encoding="utf-8")) == ("указ", "974", date(2002, 9, 9))


def test_the_signature_block_when_the_letterhead_has_no_details():
    # https://tambov-gov.ru/doc/59200 (the page's excerpt up to the annex): the letterhead prints no
    # number; the site's title line and the signature block «г. Тамбов / 3 октября 1997 г. / N 596» agree
    text = ("Постановление Администрации Тамбовской области от 03.10.1997 № 596\n\n"
            "О плане работы администрации области на четвертый квартал 1997 года\n\n  \n"
            "                           РОССИЙСКАЯ ФЕДЕРАЦИЯ\n                     Администрация Тамбовской области\n"
            "                              ПОСТАНОВЛЕНИЕ\n                   О плане работы администрации области\n"
            "                      на четвертый квартал 1997 года\n"
            "       В целях    укрепления    организационных    основ    деятельностиадминистрации области и ее "
            "структурных подразделений ПОСТАНОВЛЯЮ:\n"
            "       1. Утвердить  план  работы  администрации  области  на  четвертыйквартал 1997 года согласно "
            "приложению.\n"
            "       2. Контроль  за выполнением настоящего постановления возложить назаместителя главы администрации "
            "области  по  управлению  и  социальнымвопросам Гуркина Ю.Н.\n"
            "       Глава администрации\n       Тамбовской области          А.Рябов\n       г. Тамбов\n"
            "       3 октября 1997 г.\n       N 596------------------------------")
    assert details(text) == ("постановление", "596", date(1997, 10, 3))
    assert extract_text(text).orders == []  # Утвердить is a norm; Контроль is the control clause


def test_the_letterhead_outranks_the_sites_title_line():
    # https://kalug-gov.ru/doc/86215 (corpus/real/rules/docs/a023_…): the site's line says № 312, the act № 311
    text = (RULES_HALF / "a023_kaluga-pg-311-reserve.txt").read_text(encoding="utf-8")
    assert details(text) == ("постановление", "311", date(2007, 8, 16))


def test_a_news_item_with_the_sites_time_line_is_no_act():
    # https://lesozavodsk-time.ru/articles/34309-segodnia-12-fevralia-sostoialos-zasedanie-postoiannoi-komissii-po-reglamentu-deputatskoi-etike-i-organizacii-raboty-dumy
    text = ("Сегодня, 12 февраля, состоялось заседание постоянной комиссии по регламенту, депутатской этике и "
            "организации работы Думы.\n\nВ повестке значился один вопрос — об установлении границы территории "
            "будущего территориального общественного самоуправления «Улица Ленина» в селе Иннокентьевка. Комиссия "
            "рассмотрела проект и приняла решение рекомендовать Думе утвердить границы ТОС.\n\nВ ходе заседания в "
            "повестку были дополнительно включены ещё два вопроса: о согласовании кандидатур для назначения на "
            "должность первого заместителя и заместителей главы администрации Лесозаводского муниципального округа, "
            "а также о награждении Благодарственным письмом Думы.\n09:13 12.02.2026 16+")
    result = extract_text(text)
    assert details(text) == (None, None, None) and result.orders == []


def test_nastoyashchiy_ukaz_names_the_kind():
    # http://www.kremlin.ru/acts/bank/18435 (corpus/real/rules/docs/a005_…): «3. Настоящий Указ вступает в силу …»
    text = (RULES_HALF / "a005_ukaz-778-amend.txt").read_text(encoding="utf-8")
    assert details(text) == ("указ", "778", date(2002, 7, 25))


# -- перечень items, «Срок:», «Доклад – …, далее – …» ------------------------------------------

def test_a_report_date_then_a_recurrence():
    # https://www.m24.ru/news/vlast/03052021/163833 quoting the kremlin.ru перечень поручений of 2021
    text = ("Правительству России обеспечить финансирование расходов на реализацию мероприятий, предусмотренных "
            "настоящим перечнем поручений. Доклад – до 1 июня 2021 года, далее – один раз в квартал")
    deadline = find_deadline(text)
    assert (deadline.date, deadline.recurrence) == (date(2021, 6, 1), "ежеквартально")
    assert [p.as_written for p in read_item(text, 0).responsible] == ["Правительству России"]


def test_a_list_that_a_page_shows_from_item_2():
    # https://base.garant.ru/27502514 (corpus/real/rules/docs/a034_…): item 1 is not on the page
    result = extract_text((RULES_HALF / "a034_orenb-rg-13-virgin-lands.txt").read_text(encoding="utf-8"))
    found = {o.number: o for o in result.orders}
    assert found["3"].responsible[0].as_written == "Рабочей группе"
    assert found["3"].deadline.date == date(2004, 1, 23)


def test_srok_lines_of_a_governors_perechen():
    # dev corpus 000 (Иркутская обл., 2023): «… (Е.М. Найденова) организовать … Срок: 31 августа 2023 года.»
    text = (ROOT.parent / "shared" / "corpus" / "dev" / "docs" / "000_bf32ea6260cf39eb.txt")
    if not text.exists():  # the shared corpus beside the project; its copy in corpus/real is not kept
        text = RULES_HALF / "a034_orenb-rg-13-virgin-lands.txt"
        assert extract_text(text.read_text(encoding="utf-8")).orders
        return
    found = {o.number: o for o in extract_text(text.read_text(encoding="utf-8")).orders}
    assert (found["6"].responsible[0].person, found["6"].deadline.date) == ("Е.М. Найденова", date(2023, 8, 31))
    assert found["1.2"].deadline.recurrence == "постоянно"


# -- executor lists --------------------------------------------------------------------------

EXECUTORS = [
    # http://www.kremlin.ru/acts/bank/18447 (corpus/real/rules/docs/a001_…)
    ("Минобразованию России и Минтруду России", ["Минобразованию России", "Минтруду России"]),
    # http://www.kremlin.ru/acts/bank/18649: three executors, the first defined by participles
    ("Федеральным  органам исполнительной власти, непосредственно\nосуществляющим   борьбу   с  терроризмом,  "
     "а  также  участвующим  в\nпредупреждении,    выявлении    и    пресечении    террористической\n"
     "деятельности,  органам  исполнительной власти Чеченской Республики,\nадминистрациям   районов  и  "
     "населенных  пунктов  Республики  и  их\nдолжностным   лицам",
     ["Федеральным органам исполнительной власти, непосредственно осуществляющим борьбу с терроризмом, а также "
      "участвующим в предупреждении, выявлении и пресечении террористической деятельности",
      "органам исполнительной власти Чеченской Республики",
      "администрациям районов и населенных пунктов Республики и их должностным лицам"]),
    # https://base.garant.ru/16158814 (Пермь): one head, two genitive complements — one executor
    ("Руководителям функциональных и территориальных органов, функциональных подразделений администрации "
     "города Перми", ["Руководителям функциональных и территориальных органов, функциональных подразделений "
                      "администрации города Перми"]),
    # http://www.krasnogorskonline.ru/news/glava_krasnogorskogo_rajona_b_rasskazov_vvel_v_rajone_rezhim_pg/2012-12-29-2096
    # a condition after the body is not part of its name
    ("Руководителям учреждений, организаций и предприятий района в случае возникновения чрезвычай",
     ["Руководителям учреждений, организаций и предприятий района"]),
]


@pytest.mark.parametrize(("lead", "expected"), EXECUTORS)
def test_executor_lists_of_real_acts(lead, expected):
    assert [" ".join(p.as_written.split()) for p in parties(lead)] == expected


def test_a_relative_clause_that_defines_the_body_is_its_name():
    # https://base.garant.ru/32120144/ (corpus/real/rules/docs/b040_…), item 2
    own = ("Ответственность за сохранность дорог, мостов, зданий и коммуникаций, попадающих в зону возможного "
           "затопления, возложить на руководителей, в ведении которых сооружения находятся.")
    assert [p.as_written for p in read_item(own, 0).responsible] == [
        "руководителей, в ведении которых сооружения находятся"]


def test_a_relative_clause_about_the_whole_list_is_no_ones_name():
    # shared/corpus/dev/docs/002_… (постановление Администрации города Обнинска № 1611-п, 2023, a founding
    # document of the product): «которых» refers to both executors
    lead = ("Заместителям главы Администрации города Обнинска, начальнику Управления потребительского рынка "
            "транспорта и связи, в организационном подчинении которых находятся муниципальные организации")
    assert [p.as_written for p in parties(lead)] == [
        "Заместителям главы Администрации города Обнинска", "начальнику Управления потребительского рынка транспорта и связи"]


def test_two_executors_before_a_colon_share_the_unnumbered_duties():
    # http://www.kremlin.ru/acts/bank/18460: «2. Минюсту России: обеспечить …; представить …»
    result = extract_text((REAL / "kremlin-18460.txt").read_text(encoding="utf-8"))
    found = {o.number: o for o in result.orders}
    assert [p.as_written for p in found["2"].responsible] == ["Минюсту России"]
    assert "1" in found and found["1"].responsible == []  # «Выделить … Минюсту России»: a receiver, no executor


def test_an_official_named_with_the_post():
    # shared/corpus/dev real-009 (Шатурский р-н, 2009): «2.Начальнику организационного отдела Терентьевой Е.В. опубликовать …»
    own = 'Начальнику организационного отдела Терентьевой Е.В. опубликовать постановление в газете "Ленинская Шатура".'
    found = read_item(own, 0).responsible
    assert [(p.as_written, p.person) for p in found] == [("Начальнику организационного отдела", "Терентьева Е.В.")]


# -- deadlines -------------------------------------------------------------------------------

def test_a_condition_is_a_relative_term():
    # http://www.kremlin.ru/acts/bank/18656 (corpus/real/rules/docs/a003_…)
    own = ("Поручить  ФПС  России провести переговоры с Таджикистанской\nСтороной  и  по  достижении  договоренности  "
           "подписать   от   имени\nРоссийской  Федерации  Соглашение")
    deadline = find_deadline(own)
    assert deadline.date is None and deadline.relative.startswith("по достижении договоренности")


# -- structure ---------------------------------------------------------------------------------

def test_lettered_sub_items_of_a_norm_are_no_orders():
    # http://www.kremlin.ru/acts/bank/18441: «1. Предоставить право … а) на основные производства …; б) …»
    result = extract_text((REAL / "kremlin-18441.txt").read_text(encoding="utf-8"))
    assert [o.number for o in result.orders] == ["2"]


def test_numbered_duties_under_an_addressed_item_glued_by_the_page():
    # https://moscow-gov.ru/doc/230011 (corpus/real/rules/docs/a007_…): «2. Министерствуобразования Московской
    # области организовать и обеспечить:\n1) проведениемероприятия; …»
    result = extract_text((RULES_HALF / "a007_mo-rg-162-graduates.txt").read_text(encoding="utf-8"))
    found = {o.number: o for o in result.orders}
    assert {"2.1", "2.2", "2.3"} <= set(found)
    assert found["2.1"].responsible[0].name.startswith("Министерство образования Московской области")
    assert found["1"].deadline.date == date(2017, 6, 24)  # «Провести24.06.2017»


def test_sub_items_of_a_recommendation_from_1_1():
    # https://krarm.cap.ru/doc/laws/2014/05/28/postanovlenie258 (corpus/real/rules/docs/b006_…)
    result = extract_text((RULES_HALF / "b006_krasnoarm-vodnye.txt").read_text(encoding="utf-8"))
    found = {o.number: o for o in result.orders}
    assert found["1.1"].responsible[0].as_written == "главам сельских поселений"


# Shapes with no public text found by the search tools (kremlin.ru перечни, protocols with
# «РЕШИЛИ:»/«ПОРУЧЕНО:», «Ответственный:» lines, «Срок –», an act opening at «1.1.», an order
# addressed to a person alone, «с учётом ежегодных планов»): their rules are tested with
# written snippets in test_rule_structure.py, test_rule_orders.py and test_rule_deadlines.py.
