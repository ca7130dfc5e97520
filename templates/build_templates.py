"""Build the .docx templates of tracker's drafts, reproducibly: `python templates/build_templates.py`.

Layout by ГОСТ Р 7.0.97-2025: Liberation Serif 14 pt, margins 30/10/20/20 mm, first-line
indent 1.25 cm, page numbers from page 2 centred in the top margin (a different first-page
header and a PAGE field), date and number as blanks until registered, the signatory's name
at the right, the appendix mark at the top right. Placeholders are docxtpl/jinja2 tags over
the dataclasses in tracker/drafting/data.py. The generated files are committed; a clerk may
then edit them in Word: tracker checks their placeholders before every draft.
"""
from __future__ import annotations

import copy
import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Liberation Serif"
SIZE = 14
TEXT_WIDTH_MM = 210 - 30 - 10

LEFT, CENTER, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER,
                                WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)


# -- document and styles ------------------------------------------------------------------

def _set_fonts(rpr, name: str) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), name)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "ru-RU")
    lang.set(qn("w:eastAsia"), "ru-RU")


def new_document() -> Document:
    """A4, ГОСТ margins, Liberation Serif 14, page numbers from page 2."""
    doc = Document()
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    _set_fonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), FONT)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE)
    _set_fonts(normal.element.get_or_add_rPr(), FONT)
    fmt = normal.paragraph_format
    fmt.first_line_indent = Cm(1.25)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.alignment = JUSTIFY
    fmt.widow_control = True

    plain = doc.styles.add_style("Без отступа", 1)  # WD_STYLE_TYPE.PARAGRAPH
    plain.base_style = normal
    plain.paragraph_format.first_line_indent = Cm(0)
    plain.paragraph_format.alignment = LEFT
    cell = doc.styles.add_style("Текст таблицы", 1)
    cell.base_style = plain
    cell.font.size = Pt(11)
    cell.paragraph_format.alignment = LEFT

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(10)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = True
    header_par = section.header.paragraphs[0]
    header_par.style = plain
    header_par.alignment = CENTER
    add_page_field(header_par)
    section.first_page_header.paragraphs[0].style = plain
    return doc


def add_page_field(paragraph) -> None:
    """A PAGE field (complex field: Word and LibreOffice both update it)."""
    def run_with(child):
        run = paragraph.add_run()
        run._r.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run("2")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def par(container, text: str = "", *, style: str | None = None, align=None, bold: bool = False,
        size: int | None = None, left_cm: float | None = None, right_cm: float | None = None,
        spacing: int | None = None, keep_next: bool = False, caps_space: bool = False):
    """One paragraph; `container` is the document or a table cell."""
    paragraph = container.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if caps_space:  # letter-spaced «П О С Т А Н О В Л Е Н И Е» look; w:spacing goes before w:sz
            spacing_el = OxmlElement("w:spacing")
            spacing_el.set(qn("w:val"), "40")
            rpr = run._r.get_or_add_rPr()
            size_el = rpr.find(qn("w:sz"))
            if size_el is not None:
                size_el.addprevious(spacing_el)
            else:
                rpr.append(spacing_el)
    if align is not None:
        paragraph.alignment = align
    if left_cm is not None:
        paragraph.paragraph_format.left_indent = Cm(left_cm)
    if right_cm is not None:
        paragraph.paragraph_format.right_indent = Cm(right_cm)
    if spacing is not None:
        paragraph.paragraph_format.space_after = Pt(spacing)
    if keep_next:
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def tag(doc, text: str):
    """A paragraph holding only a docxtpl {%p ... %} tag: removed when rendered."""
    return par(doc, text, style="Без отступа")


def first_cell_paragraph(cell, text: str, *, align=LEFT, bold: bool = False, size: int | None = None,
                         style: str = "Без отступа"):
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    paragraph.alignment = align
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
    return paragraph


def fixed_table(doc, rows: int, widths_mm: list[float], *, borders: bool):
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    if borders:
        table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        grid_col.set(qn("w:w"), str(int(Mm(width).twips)))
    return table


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def cant_split(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def blank_line(doc):
    return par(doc, style="Без отступа")


# -- blocks shared by the templates ---------------------------------------------------------

def letterhead_resolution(doc, kind_upper: str) -> None:
    """Бланк постановления: region, organisation, document kind, date and number, place."""
    tag(doc, "{%p if org.region %}")
    par(doc, "{{ org.region }}", style="Без отступа", align=CENTER)
    tag(doc, "{%p endif %}")
    par(doc, "{{ org.name|upper }}", style="Без отступа", align=CENTER, bold=True, size=16)
    blank_line(doc)
    par(doc, kind_upper, style="Без отступа", align=CENTER, bold=True, size=18, caps_space=True)
    blank_line(doc)
    table = fixed_table(doc, 1, [TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2], borders=False)
    first_cell_paragraph(table.cell(0, 0), "от {{ reg.date_text }}")
    first_cell_paragraph(table.cell(0, 1), "№ {{ reg.number_text }}", align=RIGHT)
    tag(doc, "{%p if org.city %}")
    par(doc, "{{ org.city }}", style="Без отступа", align=CENTER, size=12)
    tag(doc, "{%p endif %}")
    blank_line(doc)


def signature_block(doc, position: str = "{{ org.signatory_position }}",
                    person: str = "{{ org.signatory_person }}") -> None:
    """Position at the left, the name (initials first) at the right, on the last line."""
    blank_line(doc)
    blank_line(doc)
    table = fixed_table(doc, 1, [110, TEXT_WIDTH_MM - 110], borders=False)
    first_cell_paragraph(table.cell(0, 0), position)
    right = table.cell(0, 1)
    right.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    first_cell_paragraph(right, person, align=RIGHT)
    cant_split(table.rows[0])


def page_break(doc) -> None:
    paragraph = par(doc, style="Без отступа")
    paragraph.add_run().add_break(WD_BREAK.PAGE)


def header_row(table, titles: list[str], size: int | None = None) -> None:
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        first_cell_paragraph(cell, title, align=CENTER, bold=True, style="Текст таблицы", size=size)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    repeat_header(table.rows[0])


def tag_row(table, row_index: int, text: str) -> None:
    first_cell_paragraph(table.cell(row_index, 0), text, style="Текст таблицы")


def data_row(table, row_index: int, cells: list[str], aligns: list | None = None) -> None:
    for col, text in enumerate(cells):
        align = aligns[col] if aligns else LEFT
        first_cell_paragraph(table.cell(row_index, col), text, align=align, style="Текст таблицы")


# -- the templates --------------------------------------------------------------------------

def build_quarterly() -> Document:
    """Постановление об актуализации списка ответственных, список — приложение № 1."""
    doc = new_document()
    letterhead_resolution(doc, "ПОСТАНОВЛЕНИЕ")
    par(doc, "Об актуализации списка {{ list_subject }}", style="Без отступа", bold=True, right_cm=6.5)
    blank_line(doc)
    par(doc, "В соответствии с {{ base_act.basis }}")
    blank_line(doc)
    par(doc, "ПОСТАНОВЛЯЮ:", style="Без отступа")
    blank_line(doc)
    par(doc, "1. Утвердить актуализированный список {{ list_subject }} по состоянию на "
             "{{ as_of_long }} (приложение № 1).")
    tag(doc, "{%p if previous_update %}")
    par(doc, "2. Признать утратившим силу {{ previous_update.reference_nominative }}.")
    tag(doc, "{%p endif %}")
    par(doc, "{{ 3 if previous_update else 2 }}. Настоящее постановление вступает в силу "
             "с момента официального опубликования.")
    par(doc, "{{ 4 if previous_update else 3 }}. Контроль за исполнением настоящего постановления "
             "{% if org.controller %}возложить на {{ org.controller }}{% else %}оставляю за собой{% endif %}.")
    signature_block(doc)

    page_break(doc)
    for line in ("Приложение № 1", "к постановлению {{ org.name_genitive }}", "{{ reg.line }}"):
        par(doc, line, style="Без отступа", left_cm=9.0)
    blank_line(doc)
    par(doc, "СПИСОК", style="Без отступа", align=CENTER, bold=True, keep_next=True)
    par(doc, "{{ list_subject }}", style="Без отступа", align=CENTER, keep_next=True)
    par(doc, "(по состоянию на {{ as_of_long }})", style="Без отступа", align=CENTER, keep_next=True)
    blank_line(doc)
    widths = [10, 42, 32, 44, 42]
    table = fixed_table(doc, 9, widths, borders=True)
    header_row(table, ["№ п/п", "Наименование организации (подразделения)", "Ф.И.О. ответственного",
                       "Должность, контакты", "Официальные страницы"])
    tag_row(table, 1, "{%tr for group in groups %}")
    tag_row(table, 2, "{%tr if group.name %}")
    district = table.rows[3].cells[0].merge(table.rows[3].cells[-1])
    first_cell_paragraph(district, "{{ group.name }}", align=CENTER, bold=True, style="Текст таблицы")
    tag_row(table, 4, "{%tr endif %}")
    tag_row(table, 5, "{%tr for row in group.rows %}")
    data_row(table, 6, ["{{ row.number }}", "{{ row.organisation }}", "{{ row.person }}",
                        "{{ row.position }}", ""], [CENTER, LEFT, LEFT, LEFT, LEFT])
    contacts = table.cell(6, 3)
    for field in ("phone", "email"):
        par(contacts, f"{{%p if row.{field} %}}", style="Текст таблицы")
        par(contacts, f"{{{{ row.{field} }}}}", style="Текст таблицы")
        par(contacts, "{%p endif %}", style="Текст таблицы")
    pages = table.cell(6, 4)
    first_cell_paragraph(pages, "{%p for page in row.pages %}", style="Текст таблицы")
    par(pages, "{{ page.network }}: {{ page.url }}", style="Текст таблицы")
    par(pages, "{%p endfor %}", style="Текст таблицы")
    cant_split(table.rows[6])
    tag_row(table, 7, "{%tr endfor %}")
    tag_row(table, 8, "{%tr endfor %}")
    tag(doc, "{%p if not row_count %}")
    par(doc, "Сведений об ответственных в реестре на эту дату нет.", style="Без отступа")
    tag(doc, "{%p endif %}")
    return doc


def build_report() -> Document:
    """Информация о ходе исполнения поручений: counts, Kо per executor, overdue orders."""
    doc = new_document()
    par(doc, "{{ org.name|upper }}", style="Без отступа", align=CENTER, bold=True)
    blank_line(doc)
    par(doc, "ИНФОРМАЦИЯ", style="Без отступа", align=CENTER, bold=True, caps_space=True)
    par(doc, "о ходе исполнения поручений {{ period }}", style="Без отступа", align=CENTER, bold=True)
    tag(doc, "{%p if act %}")
    par(doc, "по акту: {{ act }}", style="Без отступа", align=CENTER)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if executor %}")
    par(doc, "исполнитель: {{ executor }}", style="Без отступа", align=CENTER)
    tag(doc, "{%p endif %}")
    blank_line(doc)
    par(doc, "По состоянию на {{ today_long }} в отчёт включено поручений (контрольных точек "
             "периодических поручений): {{ totals.orders }}, из них:")
    for label, field in (("исполнено", "done"), ("в том числе в срок", "done_on_time"),
                         ("с нарушением срока", "done_late"), ("находятся на исполнении", "on_control"),
                         ("в том числе просрочено", "overdue"), ("на постоянном контроле", "permanent"),
                         ("снято с контроля", "withdrawn")):
        par(doc, f"{label} — {{{{ totals.{field} }}}};")
    blank_line(doc)
    par(doc, "1. Исполнительская дисциплина", style="Без отступа", bold=True, keep_next=True)
    tag(doc, "{%p if ko_note %}")
    par(doc, "{{ ko_note }}", keep_next=True)
    tag(doc, "{%p endif %}")
    blank_line(doc)
    widths = [10, 54, 22, 18, 26, 24, 16]
    table = fixed_table(doc, 7, widths, borders=True)
    header_row(table, ["№ п/п", "Исполнитель", "Срок наступил", "В срок", "С нарушением срока",
                       "Просрочено", "Kо"], size=10)
    tag_row(table, 1, "{%tr for line in discipline %}")
    data_row(table, 2, ["{{ loop.index }}", "{{ line.executor }}", "{{ line.due }}", "{{ line.done_on_time }}",
                        "{{ line.done_late }}", "{{ line.overdue_now }}", "{{ line.ko_text }}"],
             [CENTER, LEFT, CENTER, CENTER, CENTER, CENTER, CENTER])
    tag_row(table, 3, "{%tr endfor %}")
    tag_row(table, 4, "{%tr if discipline_total %}")
    data_row(table, 5, ["", "{{ discipline_total.executor }}", "{{ discipline_total.due }}",
                        "{{ discipline_total.done_on_time }}", "{{ discipline_total.done_late }}",
                        "{{ discipline_total.overdue_now }}", "{{ discipline_total.ko_text }}"],
             [CENTER, LEFT, CENTER, CENTER, CENTER, CENTER, CENTER])
    tag_row(table, 6, "{%tr endif %}")
    tag(doc, "{%p if not discipline %}")
    par(doc, "Поручений, срок исполнения которых наступил в отчётном периоде, нет.")
    tag(doc, "{%p endif %}")
    par(doc, "{{ ko_formula }}", size=11)
    blank_line(doc)
    par(doc, "2. Просроченные поручения", style="Без отступа", bold=True, keep_next=True)
    blank_line(doc)
    widths = [10, 34, 54, 32, 22, 18]
    table = fixed_table(doc, 4, widths, borders=True)
    header_row(table, ["№ п/п", "Акт, пункт", "Поручение", "Исполнитель", "Срок", "Просрочка, дн."], size=10)
    tag_row(table, 1, "{%tr for line in overdue %}")
    data_row(table, 2, ["{{ loop.index }}", "{{ line.act }}, п. {{ line.number }}", "{{ line.text }}",
                        "{{ line.executors }}", "{{ line.due_text }}", "{{ line.days_overdue }}"],
             [CENTER, LEFT, LEFT, LEFT, CENTER, CENTER])
    tag_row(table, 3, "{%tr endfor %}")
    tag(doc, "{%p if not overdue %}")
    par(doc, "Просроченных поручений нет.")
    tag(doc, "{%p endif %}")
    blank_line(doc)
    par(doc, "3. Поручения на постоянном контроле", style="Без отступа", bold=True, keep_next=True)
    blank_line(doc)
    widths = [10, 44, 80, 36]
    table = fixed_table(doc, 4, widths, borders=True)
    header_row(table, ["№ п/п", "Акт, пункт", "Поручение", "Исполнитель"], size=10)
    tag_row(table, 1, "{%tr for line in permanent %}")
    data_row(table, 2, ["{{ loop.index }}", "{{ line.act }}, п. {{ line.number }}", "{{ line.text }}",
                        "{{ line.executors }}"], [CENTER, LEFT, LEFT, LEFT])
    tag_row(table, 3, "{%tr endfor %}")
    tag(doc, "{%p if not permanent %}")
    par(doc, "Поручений на постоянном контроле нет.")
    tag(doc, "{%p endif %}")
    signature_block(doc)
    tag(doc, "{%p if org.executor_line %}")
    blank_line(doc)
    par(doc, "{{ org.executor_line }}", style="Без отступа", size=10)
    tag(doc, "{%p endif %}")
    return doc


def build_reminders() -> Document:
    """One letter per executor, each in its own section: numbering restarts, page 1 unnumbered."""
    doc = new_document()
    body_sect_pr = doc.sections[0]._sectPr
    pg_num = OxmlElement("w:pgNumType")
    pg_num.set(qn("w:start"), "1")
    body_sect_pr.append(pg_num)

    tag(doc, "{%p for letter in letters %}")
    table = fixed_table(doc, 1, [85, TEXT_WIDTH_MM - 85], borders=False)
    left = table.cell(0, 0)
    first_cell_paragraph(left, "{{ org.name|upper }}", align=CENTER, bold=True, size=12)
    par(left, "{%p if org.city %}", style="Без отступа")
    par(left, "{{ org.city }}", style="Без отступа", align=CENTER, size=12)
    par(left, "{%p endif %}", style="Без отступа")
    par(left, style="Без отступа")
    par(left, "{{ letter.reg.line }}", style="Без отступа", align=CENTER, size=12)
    right = table.cell(0, 1)
    # ГОСТ Р 7.0.97-2025: the body in the nominative, or the post and the name in the dative
    first_cell_paragraph(right, "{%p for line in letter.addressee %}")
    par(right, "{{ line }}", style="Без отступа")
    par(right, "{%p endfor %}", style="Без отступа")
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.left_indent = Cm(0.5 if cell is right else 0)
    blank_line(doc)
    par(doc, "О сроках исполнения поручений", style="Без отступа", bold=True)
    blank_line(doc)
    par(doc, "{{ org.name }} напоминает, что по состоянию на {{ today_text }} на контроле находятся "
             "поручения, срок исполнения которых истекает в ближайшие {{ within_days }} дн. "
             "или уже истёк:")
    blank_line(doc)
    widths = [10, 40, 72, 22, 26]
    table = fixed_table(doc, 4, widths, borders=True)
    header_row(table, ["№ п/п", "Акт, пункт", "Поручение", "Срок", "Состояние"])
    tag_row(table, 1, "{%tr for line in letter.orders %}")
    data_row(table, 2, ["{{ loop.index }}", "{{ line.act }}, п. {{ line.number }}", "{{ line.text }}",
                        "{{ line.due_text }}", "{{ line.state }}"], [CENTER, LEFT, LEFT, CENTER, LEFT])
    tag_row(table, 3, "{%tr endfor %}")
    blank_line(doc)
    par(doc, "Просим обеспечить исполнение поручений в установленные сроки и представить информацию "
             "об исполнении{% if letter.overdue_count %}, по просроченным поручениям — незамедлительно{% endif %}.")
    signature_block(doc)
    tag(doc, "{%p if org.executor_line %}")
    blank_line(doc)
    par(doc, "{{ org.executor_line }}", style="Без отступа", size=10)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if not loop.last %}")
    # a section break: the next letter starts on a new page, its numbering from 1
    breaker = par(doc, style="Без отступа")
    breaker._p.get_or_add_pPr().append(copy.deepcopy(body_sect_pr))
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    return doc


TEMPLATES = {
    "quarterly.docx": build_quarterly,
    "report.docx": build_report,
    "reminders.docx": build_reminders,
}


def build_all(target: Path = HERE) -> list[Path]:
    written = []
    for name, build in TEMPLATES.items():
        doc = build()
        core = doc.core_properties
        core.author, core.title, core.comments = "tracker", name, "Шаблон tracker (docxtpl)"
        core.created = core.modified = datetime(2026, 1, 1)  # fixed: rebuilding changes nothing
        core.last_modified_by, core.revision = "tracker", 1
        path = target / name
        doc.save(str(path))
        written.append(path)
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for path in build_all(out):
        print(path)
