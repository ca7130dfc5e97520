"""Rules written against the rules-half texts of batches i and j (corpus/real/rules/docs/i0*, j0*:
municipal acts, приказы of regional departments and institutions), each with REAL snippets copied
verbatim from the public pages (the source on each row).

- A page that flattened Word's automatic numbering shows lists restarting at 1 between the items
  that kept their numbers («1.В период …», «1. Произвести …», «2. Руководителям …», «4.Владельцам …»,
  «1. …», «1. …», «7 Контроль …»): where the kept numbers are the items' places, every item takes
  its place's number.
- A draft's letterhead «_____________ с. Михайловка № __________» has no number and no date; a
  date on the page's review line is none of the act's.
- «ПРИКАЗ 12-ОР 31.08.2020»: the kind, its number and its date without «№» and «от»; the number the
  kind names («Распоряжение №83») outranks a number in the letterhead's name («(учебный корпус №1)»).
- Executors: the body's name goes on in the genitive after its official's parenthesis («Отделу
  дошкольного образования (М.В. Плескевич) управления развития …»); a colon ends the name
  («Классным руководителям: -обеспечить …»); an official's name closes one addressee before a
  comma («Заместителю префекта Тимошенко В.Е., управе района Кузьминки»); «им. А.С. Пучкова» is
  part of a name; «Ответственному за пожарную безопасность» is a post; «Назначить ответственного
  за … Люлькину И.А. учителя начальных классов» names the official appointed.
"""
from datetime import date

from act_text import extract_text

from parsers.rules import executors

VERKHNYAYA_HILA = "нов.шилкинский.рф (постановление СП «Верхнехилинское» от 01.04.2022 № 7а)"
MIKHAILOVKA = "https://mikhprim.ru/index.php/normativno-pravovye-akty-administratsii/proekty-npa/proekty-npa-2014-god/2898-"
ZERNOVAYA = "http://shkola.spez-vizit.ru/index.php?option=com_content&view=article&id=365"
MOSKVA_DZ_1175 = "http://moskva-gov.ru/doc/2707"
DETSAD_348 = "https://detsad-348.ru/index.php/dokumenty/9-2011-08-02-05-54-45/697-o-rezhime-pozharnoj-bezopasnosti"
PERVOMAISKAYA = "https://pervsosh.68edu.ru/ (распоряжение №83, 2020)"
PREFEKTURA_479 = "http://moskva-gov.ru/doc/6951"
YAROSLAVL_1578 = "http://yaroslavl-gov.ru/doc/26246"


def orders_of(text: str) -> dict:
    return {o.number: o for o in extract_text(text).orders}


def test_lists_restarting_at_1_between_kept_numbers_take_their_places():
    found = orders_of(  # source: VERKHNYAYA_HILA
        "ПОСТАНОВЛЕНИЕ\n01 апреля 2022 № 7а\nО месячнике по санитарной очистке сел\n"
        "В целях улучшения очистки улиц администрация сельского поселения «Верхнехилинское» постановляет\n"
        "1.В период с 01 апреля по 30 апреля 2022 года провести в сельском поселении Верхнехилинское месячник "
        "весенней санитарной очистки, благоустройства и озеленения.\n"
        "  1. Произвести закрепление территории за организациями учреждениями согласно приложению № 1.\n"
        "  2. Руководителям организаций учреждений начать уборку закрепленных территорий.\n"
        "4.Владельцам индивидуальных домов очистить от мусора и травы дворы, кюветы, придомовые территории.\n"
        "  1. Ответственным по уборке организовать уборку улиц.\n"
        " Приложение № 2.\n"
        "  1. Директору МКП «Надежда» Мыльникову С.В. организовать вывозку мусора и уборку кладбища.\n"
        "7 Контроль за исполнением постановления о")
    assert {number: [p.as_written for p in o.responsible] for number, o in found.items()} == {
        "1": [], "2": [], "3": ["Руководителям организаций учреждений"],
        "4": ["Владельцам индивидуальных домов"], "5": ["Ответственным по уборке"],
        "6": ["Директору МКП «Надежда»"]}


def test_a_drafts_blank_number_and_date_are_no_details():
    doc = extract_text(  # source: MIKHAILOVKA
        "Проект постановления \"О проведении районного фестиваля - конкурса народного творчества «Играй, гармонь! "
        "Звени, частушка!»\"\n"
        "(дата начала приёма заключений по результатам независимой экспертизы - 02 июля 2014 года)\n"
        "(дата окончания приёма заключений по результатам независимой экспертизы - 12 июля 2014 года)\n"
        "Проект\nАДМИНИСТРАЦИЯ МИХАЙЛОВСКОГО МУНИЦИПАЛЬНОГО\nРАЙОНА ПРИМОРСКОГО КРАЯ\nП О С Т А Н О В Л Е Н И Е\n"
        "_____________ с. Михайловка № __________\nО проведении районного фестиваля - конкурса\n"
        "народного творчества «Играй, гармонь! Звени, частушка!»\n"
        "В целях реализации долгосрочной целевой программы администрация Михайловского муниципального района\n"
        "ПОСТАНОВЛЯЕТ:\n1. Провести 26 июля 2014 года районный фестиваль - конкурс.").document
    assert (doc.kind, doc.number, doc.date) == ("постановление", None, None)


def test_kind_number_and_date_without_signs():
    doc = extract_text(  # source: DETSAD_348
        "Частное некоммерческое дошкольное образовательное учреждение\n«Центр развития ребёнка - Детский сад № 348»\n"
        "ПРИКАЗ 12-ОР 31.08.2020\nО режиме пожарной безопасности ЧНДОУ \"Центр развития\n"
        "ребенка - детский сад №348\" в 2020-2021 учебном году\n"
        "В целях обеспечения пожарной безопасности п р и к а з ы в а ю:\n"
        "1. Назначить ответственным за организацию работы по пожарной безопасности и соблюдение "
        "противопожарного режима в ЧНДОУ \"Центр развития ребенка - детский сад №348\"(далее - ЧНДОУ) "
        "руководителя хозяйственного блока Н.Ю. Налимову.").document
    assert (doc.kind, doc.number, doc.date) == ("приказ", "12-ОР", date(2020, 8, 31))


def test_the_number_the_kind_names_outranks_a_number_in_the_letterhead():
    doc = extract_text(  # source: PERVOMAISKAYA
        "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ «ПЕРВОМАЙСКАЯ СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА»\n"
        "ПЕРВОМАЙСКОГО РАЙОНА ТАМБОВСКОЙ ОБЛАСТИ (учебный корпус №1)\n12 2.202 г Распоряжение №83\n"
        "О мерах, направленных на недопущение распространения коронавирусной инфекции, гриппа и ОРВИ\n"
        "В целях обеспечения санитарно-эпидемиологического благополучия учащихся:\n"
        "1. Классным руководителям: -обеспечить выполнение утвержденных планов по проведению профилактических "
        "и противоэпидемических мероприятий;").document
    assert doc.number == "83"


def test_a_colon_ends_the_addressee():
    found = orders_of(  # source: PERVOMAISKAYA
        "Распоряжение №83\nВ целях обеспечения санитарно-эпидемиологического благополучия учащихся:\n"
        "1.Классным руководителям:\n"
        "-обеспечить выполнение утвержденных планов по проведению профилактических и противоэпидемических "
        "мероприятий;\n-организовать проведение комплексной профилактики гриппа и ОРВИ,повышающих устойчивость "
        "организма;\n— обеспечить соблюдение оптимального теплового режима и режима проветривания;\n")
    assert [p.as_written for p in found["1"].responsible] == ["Классным руководителям"]
    parties = executors.parties("Классным руководителям: -обеспечить выполнение утвержденных планов")
    assert [p.as_written for p in parties] == ["Классным руководителям"]  # one line: the colon ends it too


def test_the_name_goes_on_in_the_genitive_after_the_officials_parenthesis():
    parties = executors.parties(  # source: YAROSLAVL_1578
        "Отделу дошкольного образования (М.В. Плескевич) управления развития муниципальной системы образования "
        "департамента образования мэрии города Ярославля, руководителям дошкольных образовательных учреждений")
    assert [(p.as_written, p.person) for p in parties] == [
        ("Отделу дошкольного образования управления развития муниципальной системы образования департамента "
         "образования мэрии города Ярославля", "М.В. Плескевич"),
        ("руководителям дошкольных образовательных учреждений", None)]


def test_an_officials_name_closes_an_addressee_before_a_comma():
    parties = executors.parties("Заместителю префекта Тимошенко В.Е., управе района Кузьминки")  # source: PREFEKTURA_479
    assert [p.as_written for p in parties] == ["Заместителю префекта", "управе района Кузьминки"]
    assert parties[0].person


def test_an_abbreviation_inside_a_name_is_no_sentence_end():
    found = orders_of(  # source: MOSKVA_DZ_1175
        "ПРИКАЗ\nот 26.07.2010 № 1175\nПРИКАЗЫВАЮ:\n1. Главному врачу Тушинской детской городской больницы "
        "(О.Е. Куликова) развернуть койки.\n2.Главному врачу Станции скорой и неотложной медицинской помощи "
        "им. А.С. Пучкова (Н.Ф. Плавунов) учесть настоящий приказ в оперативной работе.")
    party = found["2"].responsible[0]
    assert party.as_written.endswith("им. А.С. Пучкова") and party.person == "Н.Ф. Плавунов"


def test_an_abbreviation_at_a_line_end_starts_no_executor_cell():
    # written: a hard wrap after «п.» («в парке п.⏎Советский.») is no row's executor column
    found = orders_of("ПОСТАНОВЛЕНИЕ\nот 01.03.2021 № 72\nпостановляет:\n"
                      "1. Провести праздник 14 марта 2021 года в парке п.\nСоветский.\n2. Контроль оставляю за собой.")
    assert found["1"].responsible == []


def test_a_post_named_by_its_duty_is_an_addressee():
    found = orders_of(  # source: DETSAD_348
        "ПРИКАЗ 12-ОР 31.08.2020\nп р и к а з ы в а ю:\n"
        "1. Назначить ответственным за организацию работы по пожарной безопасности руководителя "
        "хозяйственного блока Н.Ю. Налимову.\n\n1.1. Ответственному за пожарную безопасность:\n"
        "• осуществлять ежедневный контроль соблюдения противопожарного режима")
    assert [p.as_written for p in found["1.1"].responsible] == ["Ответственному за пожарную безопасность"]


def test_the_official_appointed_to_a_duty_is_its_executor_marked_for_checking():
    found = orders_of(  # source: ZERNOVAYA
        "Приказ №1 от 25.08.2017 г. По Зерновой основной школе «Об организации питания учащихся школы»\n"
        "ПРИКАЗЫВАЮ:\n"
        "1.Назначить ответственного за организацию питания учащихся Люлькину И.А. учителя начальных классов.\n"
        "2.Создать брокеражную комиссию по контролю за качеством приготовления пищи.")
    party = found["1"].responsible[0]
    assert party.as_written == "Люлькину И.А. учителя начальных классов"
    assert party.person and party.person.startswith("Люлькин")
    assert party.confidence < 0.8
    detsad = orders_of(  # source: DETSAD_348
        "ПРИКАЗ 12-ОР 31.08.2020\nп р и к а з ы в а ю:\n"
        "1. Назначить ответственным за организацию работы по пожарной безопасности и соблюдение "
        "противопожарного режима в ЧНДОУ \"Центр развития ребенка - детский сад №348\"(далее - ЧНДОУ) "
        "руководителя хозяйственного блока Н.Ю. Налимову.")
    assert [(p.as_written, p.person) for p in detsad["1"].responsible] == [
        ("руководителя хозяйственного блока Н.Ю. Налимову", "Н.Ю. Налимова")]
