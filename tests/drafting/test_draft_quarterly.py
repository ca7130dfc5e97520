"""The quarterly update постановление (1611-п items 1 and 2.5): text, appendix table, layout."""
from __future__ import annotations

from datetime import date

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from drafting_docx import body_text, paragraphs, table_rows
from drafting_samples import SUBJECT, make_row
from openpyxl import load_workbook

from tracker.drafting.data import Registration
from tracker.drafting.engine import render_docx, template_path
from tracker.drafting.quarterly import group_rows, list_changes, write_change_sheet


def render(data, tmp_path, name="q.docx"):
    return render_docx(template_path("quarterly.docx"), data, tmp_path / name)


def test_draft_has_letterhead_blanks_title_preamble_items_and_signature(tmp_path, quarterly_data):
    text = body_text(render(quarterly_data, tmp_path))
    for expected in (
        "Калужская область", "АДМИНИСТРАЦИЯ ГОРОДА ОБНИНСКА", "ПОСТАНОВЛЕНИЕ", "от ________", "№ ____",
        "г. Обнинск", f"Об актуализации списка {SUBJECT}",
        "В соответствии с пунктом 2.5 постановления Администрации города Обнинска от 30.06.2023 № 1611-п "
        "«Об организации информирования жителей МО «Город Обнинск»",
        "ПОСТАНОВЛЯЮ:",
        f"1. Утвердить актуализированный список {SUBJECT} по состоянию на 5 ноября 2026 г. (приложение № 1).",
        "2. Признать утратившим силу постановление Администрации города Обнинска от 01.08.2026 № 2101-п "
        "«Об актуализации списка",
        "3. Настоящее постановление вступает в силу с момента официального опубликования.",
        "4. Контроль за исполнением настоящего постановления возложить на заместителя главы Администрации "
        "города по вопросам управления делами Г.Е. Ананьева.",
        "Глава Администрации города", "Т.Н. Леонова",
    ):
        assert expected in text, expected
    assert "{{" not in text and "{%" not in text


def test_items_are_renumbered_when_there_is_no_previous_update(tmp_path, quarterly_data):
    quarterly_data.previous_update = None
    quarterly_data.org.controller = ""
    items = [p for p in paragraphs(render(quarterly_data, tmp_path)) if p[:2] in ("1.", "2.", "3.", "4.")]
    assert [p[:2] for p in items] == ["1.", "2.", "3."]
    assert "утратившим силу" not in " ".join(items)
    assert items[-1].endswith("оставляю за собой.")


def test_registered_draft_prints_its_date_and_number(tmp_path, quarterly_data):
    quarterly_data.reg = Registration(date(2026, 11, 10), "2450-п")
    text = body_text(render(quarterly_data, tmp_path))
    assert "от 10.11.2026" in text and "№ 2450-п" in text
    assert "к постановлению Администрации города Обнинска\nот 10.11.2026 № 2450-п" in text


def test_appendix_is_marked_at_top_right_and_holds_the_list(tmp_path, quarterly_data):
    path = render(quarterly_data, tmp_path)
    document = Document(str(path))
    mark = next(p for p in document.paragraphs if p.text == "Приложение № 1")
    assert mark.paragraph_format.left_indent >= Cm(8)  # the right half of the page
    breaks = document.element.body.findall(f".//{qn('w:br')}[@{qn('w:type')}='page']")
    assert len(breaks) == 1  # the appendix starts on its own page
    rows = table_rows(path, 2)  # tables: date/number, signature, the list
    assert rows[0][0] == "№ п/п"
    assert [r[0] for r in rows[1:]] == ["1", "2", "3"]
    first = rows[1]
    assert first[1] == "МАУ «Дворец спорта»"  # sorted by organisation
    school = next(r for r in rows if "Средняя школа" in r[1])
    assert school[1] == "МБОУ «Средняя школа № 1» & филиал <Обнинск>"  # autoescape keeps & and <…>
    assert school[2] == "Иванова Анна Петровна"
    assert "+7 (484) 396-00-01" in school[3] and "@obninsk.ru" in school[3]
    assert "ВКонтакте: https://vk.com/club" in school[4] and "Телеграм: https://t.me/club" in school[4]
    header_row = document.tables[2].rows[0]._tr
    assert header_row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None  # repeats on every page


def test_list_is_split_by_district_when_there_are_several(tmp_path, quarterly_data):
    rows = [make_row("Администрация сельского поселения", "Лебедева Т.И.", district="Амурский район"),
            make_row("КГБУ «Районная больница»", "Волкова А.Г.", district="Амурский район"),
            make_row("Администрация городского поселения", "Петрова М.Д.", district="Бикинский район")]
    quarterly_data.groups = group_rows(rows)
    table = table_rows(render(quarterly_data, tmp_path), 2)
    firsts = [r[0] for r in table]
    assert firsts == ["№ п/п", "Амурский район", "1", "2", "Бикинский район", "3"]
    assert table[1] == ["Амурский район"] * 5  # one merged cell across the row


def test_empty_list_says_so(tmp_path, quarterly_data):
    quarterly_data.groups = []
    text = body_text(render(quarterly_data, tmp_path))
    assert "Сведений об ответственных в реестре на эту дату нет." in text


def test_layout_follows_gost(tmp_path, quarterly_data):
    document = Document(str(render(quarterly_data, tmp_path)))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [round(m.mm) for m in (section.left_margin, section.right_margin, section.top_margin,
                                     section.bottom_margin)]
    assert margins == [30, 10, 20, 20]
    normal = document.styles["Normal"]
    assert normal.font.name == "Liberation Serif"
    assert normal.font.size == Pt(14)
    assert round(normal.paragraph_format.first_line_indent.cm, 2) == 1.25
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {rfonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {"Liberation Serif"}
    preamble = next(p for p in document.paragraphs if p.text.startswith("В соответствии с"))
    assert preamble.style.name == "Normal"  # justified with the 1.25 cm indent
    # page numbers from page 2: a different first page, a PAGE field centred in the header
    assert section.different_first_page_header_footer
    assert not section.first_page_header.paragraphs[0].text.strip()
    header = section.header.paragraphs[0]
    assert header.alignment == 1  # centre
    assert "PAGE" in "".join(t.text for t in header._p.iter(qn("w:instrText")))


def test_changes_name_who_was_added_removed_or_changed(previous_rows, current_rows):
    changes = list_changes(previous_rows, current_rows)
    summary = [(c.change, c.organisation, c.person) for c in changes]
    assert summary == [
        ("добавлен", "МАУ «Дворец спорта»", "Сидорова Мария Ивановна"),
        ("изменён", "Управление культуры и молодёжной политики", "Петров Пётр Петрович"),
        ("исключён", "МБУ «Городской парк»", "Кузнецов Олег Игоревич"),
    ]
    assert changes[1].details == "телефон: +7 (484) 396-11-11 → +7 (484) 396-22-22"


def test_new_person_in_the_same_organisation_is_a_change_of_name():
    old = [make_row("Отдел спорта", "Орлов А.А.")]
    new = [make_row("Отдел спорта", "Соколова Б.Б.")]
    (change,) = list_changes(old, new)
    assert change.change == "изменён"
    assert change.details == "Ф.И.О.: Орлов А.А. → Соколова Б.Б."


def test_change_sheet_lists_changes_the_whole_list_and_gaps(tmp_path, quarterly_data):
    out = write_change_sheet(quarterly_data, tmp_path / "изменения.xlsx", ["МБУ «Архив» (Обнинск)"])
    book = load_workbook(out)
    assert book.sheetnames == ["Изменения", "Список", "Без ответственного"]
    changes = [[c.value for c in row] for row in book["Изменения"].iter_rows(min_row=3)]
    assert changes[0] == ["Изменение", "Муниципальное образование", "Организация", "Ф.И.О.", "Что изменилось"]
    assert [row[0] for row in changes[1:]] == ["добавлен", "изменён", "исключён"]
    assert book["Изменения"]["A1"].value == "Изменения в списке ответственных с 01.08.2026 по 05.11.2026"
    assert book["Изменения"]["A2"].value == "В списке 3; изменения: 3"
    assert book["Список"].max_row == 4
    assert book["Без ответственного"]["A2"].value == "МБУ «Архив» (Обнинск)"
