"""The .docx reader: Word's automatic numbering rebuilt, tables in order, headers left out."""
import pytest
from builders import (
    DocxBuilder,
    abstract_num,
    lvl,
    multilevel,
    num,
    numbering_xml,
    paragraph_style,
)

from parsers.readers import read_document
from parsers.readers.numbering import format_number


def texts(path):
    return [block.text for block in read_document(path).blocks]


def test_multilevel_numbers_are_prepended_and_lower_levels_restart(tmp_path):
    doc = DocxBuilder(numbering=numbering_xml(multilevel(1), num(7, 1)))
    doc.paragraph("ПОСТАНОВЛЯЮ:")
    doc.paragraph("Утвердить положение.", num_id=7, ilvl=0)
    doc.paragraph("Управлению образования:", num_id=7, ilvl=0)
    doc.paragraph("обеспечить размещение;", num_id=7, ilvl=1)
    doc.paragraph("представить отчёт;", num_id=7, ilvl=1)
    doc.paragraph("в том числе по школам.", num_id=7, ilvl=2)
    doc.paragraph("Контроль оставляю за собой.", num_id=7)  # ilvl missing means level 0
    doc.paragraph("Подготовить предложения.", num_id=7, ilvl=1)
    assert texts(doc.save(tmp_path / "a.docx")) == [
        "ПОСТАНОВЛЯЮ:",
        "1. Утвердить положение.",
        "2. Управлению образования:",
        "2.1. обеспечить размещение;",
        "2.2. представить отчёт;",
        "2.2.1. в том числе по школам.",
        "3. Контроль оставляю за собой.",
        "3.1. Подготовить предложения.",
    ]


def test_label_holds_the_number_alone_and_level_the_depth(tmp_path):
    doc = DocxBuilder(numbering=numbering_xml(multilevel(1), num(1, 1)))
    doc.paragraph("Первый.", num_id=1, ilvl=0).paragraph("Подпункт.", num_id=1, ilvl=1)
    blocks = read_document(doc.save(tmp_path / "a.docx")).blocks
    assert [(b.label, b.level) for b in blocks] == [("1.", 0), ("1.1.", 1)]
    assert blocks[1].text == "1.1. Подпункт."


def test_russian_letter_sub_items(tmp_path):
    numbering = numbering_xml(abstract_num(1, lvl(0, text="%1."), lvl(1, "russianLower", "%2)")), num(1, 1))
    doc = DocxBuilder(numbering=numbering)
    doc.paragraph("Министерству:", num_id=1, ilvl=0)
    for text in ("разработать;", "утвердить;", "опубликовать."):
        doc.paragraph(text, num_id=1, ilvl=1)
    doc.paragraph("Администрации:", num_id=1, ilvl=0)
    doc.paragraph("обеспечить.", num_id=1, ilvl=1)
    assert texts(doc.save(tmp_path / "a.docx")) == [
        "1. Министерству:", "а) разработать;", "б) утвердить;", "в) опубликовать.", "2. Администрации:", "а) обеспечить.",
    ]


@pytest.mark.parametrize(
    ("number", "fmt", "shown"),
    [
        (1, "russianLower", "а"), (9, "russianLower", "и"), (10, "russianLower", "к"),  # й is skipped
        (28, "russianLower", "я"), (29, "russianLower", "аа"), (3, "russianUpper", "В"),
        (4, "lowerRoman", "iv"), (14, "upperRoman", "XIV"), (27, "lowerLetter", "aa"),
        (2, "upperLetter", "B"), (7, "decimalZero", "07"), (12, "decimal", "12"), (5, "ordinalText", "5"),
    ],
)
def test_number_formats(number, fmt, shown):
    assert format_number(number, fmt) == shown


def test_start_values_literal_text_and_bullets(tmp_path):
    numbering = numbering_xml(
        abstract_num(1, lvl(0, "upperRoman", "Раздел %1.", start=3)),
        abstract_num(2, lvl(0, "bullet", "\u2022")),
        num(1, 1), num(2, 2),
    )
    doc = DocxBuilder(numbering=numbering)
    doc.paragraph("Общие положения", num_id=1, ilvl=0)
    doc.paragraph("пункт списка", num_id=2, ilvl=0)
    doc.paragraph("Порядок", num_id=1, ilvl=0)
    blocks = read_document(doc.save(tmp_path / "a.docx")).blocks
    assert [b.text for b in blocks] == ["Раздел III. Общие положения", "пункт списка", "Раздел IV. Порядок"]
    assert blocks[1].label is None


def test_legal_numbering_shows_all_levels_as_decimals(tmp_path):
    numbering = numbering_xml(
        abstract_num(1, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%1.%2.", extra="<w:isLgl/>")), num(1, 1))
    doc = DocxBuilder(numbering=numbering)
    doc.paragraph("Раздел", num_id=1, ilvl=0).paragraph("Раздел", num_id=1, ilvl=0)
    doc.paragraph("Пункт", num_id=1, ilvl=1)
    assert texts(doc.save(tmp_path / "a.docx")) == ["I. Раздел", "II. Раздел", "2.1. Пункт"]


def test_lvl_restart_zero_keeps_counting_through_higher_levels(tmp_path):
    numbering = numbering_xml(
        abstract_num(1, lvl(0, text="%1."), lvl(1, text="%1.%2.", extra='<w:lvlRestart w:val="0"/>')), num(1, 1))
    doc = DocxBuilder(numbering=numbering)
    doc.paragraph("А", num_id=1, ilvl=0).paragraph("а", num_id=1, ilvl=1)
    doc.paragraph("Б", num_id=1, ilvl=0).paragraph("б", num_id=1, ilvl=1)
    assert texts(doc.save(tmp_path / "a.docx")) == ["1. А", "1.1. а", "2. Б", "2.2. б"]


def test_instances_of_one_list_continue_unless_restarted_by_an_override(tmp_path):
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    start_at_five = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    numbering = numbering_xml(multilevel(1), num(1, 1), num(2, 1), num(3, 1, restart), num(4, 1, start_at_five))
    doc = DocxBuilder(numbering=numbering)
    doc.paragraph("один", num_id=1, ilvl=0).paragraph("два", num_id=1, ilvl=0)
    doc.paragraph("три", num_id=2, ilvl=0)  # same abstract list: continues
    doc.paragraph("снова один", num_id=3, ilvl=0).paragraph("снова два", num_id=3, ilvl=0)
    doc.paragraph("пять", num_id=4, ilvl=0)
    assert texts(doc.save(tmp_path / "a.docx")) == [
        "1. один", "2. два", "3. три", "1. снова один", "2. снова два", "5. пять",
    ]


def test_level_override_replaces_a_level_definition(tmp_path):
    override = '<w:lvlOverride w:ilvl="1">' + lvl(1, "russianLower", "%2)") + "</w:lvlOverride>"
    doc = DocxBuilder(numbering=numbering_xml(multilevel(1), num(1, 1, override)))
    doc.paragraph("Пункт", num_id=1, ilvl=0).paragraph("подпункт", num_id=1, ilvl=1)
    assert texts(doc.save(tmp_path / "a.docx")) == ["1. Пункт", "а) подпункт"]


def test_numbering_inherited_from_styles_and_their_based_on_chain(tmp_path):
    doc = DocxBuilder(
        numbering=numbering_xml(multilevel(1), num(5, 1)),
        styles=[
            paragraph_style("ActItem", num_id=5, ilvl=0),
            paragraph_style("ActSubItem", ilvl=1, based_on="ActItem"),  # numId from the base style
            paragraph_style("Plain"),
        ],
    )
    doc.paragraph("Обеспечить.", style="ActItem")
    doc.paragraph("разработать;", style="ActSubItem")
    doc.paragraph("без номера", style="ActItem", num_id=0)  # numId 0 switches numbering off
    doc.paragraph("Представить.", style="ActItem")
    doc.paragraph("обычный абзац", style="Plain")
    blocks = read_document(doc.save(tmp_path / "a.docx")).blocks
    assert [b.text for b in blocks] == ["1. Обеспечить.", "1.1. разработать;", "без номера", "2. Представить.",
                                        "обычный абзац"]
    assert blocks[0].style == "ActItem"


def test_style_bound_to_a_list_level_takes_that_level(tmp_path):
    abstract = abstract_num(1, lvl(0, text="%1."), lvl(1, text="%1.%2.", extra='<w:pStyle w:val="Sub"/>'))
    doc = DocxBuilder(numbering=numbering_xml(abstract, num(2, 1)),
                      styles=[paragraph_style("Top", num_id=2, ilvl=0), paragraph_style("Sub", num_id=2)])
    doc.paragraph("Пункт", style="Top").paragraph("Подпункт", style="Sub")
    assert texts(doc.save(tmp_path / "a.docx")) == ["1. Пункт", "1.1. Подпункт"]


def test_empty_numbered_paragraphs_count_but_make_no_block(tmp_path):
    doc = DocxBuilder(numbering=numbering_xml(multilevel(1), num(1, 1)))
    doc.paragraph("первый", num_id=1, ilvl=0).paragraph("", num_id=1, ilvl=0).paragraph("третий", num_id=1, ilvl=0)
    assert texts(doc.save(tmp_path / "a.docx")) == ["1. первый", "3. третий"]


def test_letterhead_table_reads_as_one_line_in_document_order(tmp_path):
    doc = DocxBuilder()
    doc.paragraph("ПОСТАНОВЛЕНИЕ")
    doc.table([["30.06.2023", "№ 1611-п"]])
    doc.paragraph("Об организации информирования жителей")
    blocks = read_document(doc.save(tmp_path / "a.docx")).blocks
    assert [b.text for b in blocks] == ["ПОСТАНОВЛЕНИЕ", "30.06.2023 № 1611-п", "Об организации информирования жителей"]
    assert [b.in_table for b in blocks] == [False, True, False]


def test_a_table_with_long_cells_keeps_a_block_per_cell(tmp_path):
    long_text = "Управление пресс-службы и информации Губернатора области и Правительства области " * 2
    doc = DocxBuilder()
    doc.table([["№", "Исполнитель", "Срок"], ["1", long_text.strip(), "до 1 марта 2024 года"]])
    blocks = read_document(doc.save(tmp_path / "a.docx")).blocks
    assert [b.text for b in blocks] == ["№ Исполнитель Срок", "1", long_text.strip(), "до 1 марта 2024 года"]
    assert all(b.in_table for b in blocks)


def test_headers_and_footers_stay_out_of_the_body(tmp_path):
    doc = DocxBuilder(header="Проект. Не для печати", footer="Страница 1")
    doc.paragraph("Текст акта")
    assert texts(doc.save(tmp_path / "a.docx")) == ["Текст акта"]


def test_content_controls_are_walked_into_and_deleted_text_left_out(tmp_path):
    doc = DocxBuilder()
    doc.raw(
        "<w:sdt><w:sdtPr><w:alias w:val='Дата'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>от 01.02.2024 № 5</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t xml:space='preserve'>Обеспечить </w:t></w:r>"
        "<w:del w:id='1' w:author='a'><w:r><w:delText>не </w:delText></w:r></w:del>"
        "<w:ins w:id='2' w:author='a'><w:r><w:t>исполнение</w:t></w:r></w:ins>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t> скрытое</w:t></w:r>"
        "<w:r><w:tab/><w:t>в срок</w:t></w:r></w:p>"
    )
    assert texts(doc.save(tmp_path / "a.docx")) == ["от 01.02.2024 № 5", "Обеспечить исполнение в срок"]


def test_a_docx_holding_no_text_is_refused(tmp_path):
    from parsers.errors import ReadError

    path = DocxBuilder().paragraph("").save(tmp_path / "empty.docx")
    with pytest.raises(ReadError, match="нет текста"):
        read_document(path)


def test_a_list_defined_through_a_numbering_style_link(tmp_path):
    linked = ('<w:abstractNum w:abstractNumId="10"><w:numStyleLink w:val="ActList"/></w:abstractNum>')
    definition = abstract_num(11, lvl(0, text="%1."), lvl(1, "russianLower", "%2)"))
    numbering_style = ('<w:style w:type="numbering" w:styleId="ActList"><w:name w:val="ActList"/>'
                       '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>')
    doc = DocxBuilder(numbering=numbering_xml(linked, definition, num(1, 10), num(2, 11)), styles=[numbering_style])
    doc.paragraph("Пункт", num_id=1, ilvl=0).paragraph("подпункт", num_id=1, ilvl=1)
    assert texts(doc.save(tmp_path / "a.docx")) == ["1. Пункт", "а) подпункт"]


def test_a_macro_enabled_docm_is_read_like_a_docx(tmp_path):
    from builders import as_macro_enabled

    doc = DocxBuilder(numbering=numbering_xml(multilevel(1), num(1, 1)))
    doc.paragraph("Обеспечить.", num_id=1, ilvl=0).table([["01.02.2024", "№ 5"]])
    docm = as_macro_enabled(doc.save(tmp_path / "a.docx"), tmp_path / "a.docm")
    assert texts(docm) == ["1. Обеспечить.", "01.02.2024 № 5"]
