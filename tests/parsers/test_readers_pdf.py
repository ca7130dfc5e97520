"""The .pdf reader: running headers and page numbers dropped, wrapped lines joined back."""
import pytest
from builders import PdfLine, Typesetter, pdf_bytes

from parsers.errors import ReadError
from parsers.readers import read_document
from parsers.readers.hyphens import join_hyphenated

LONG_ORDER = ("2.1. Управлению пресс-службы и информации обеспечить размещение информации о ходе "
              "реализации проекта на официальном сайте администрации и в социальных сетях не реже "
              "одного раза в неделю до 31 декабря 2024 года.")


def read_texts(tmp_path, paragraphs, **layout):
    path = Typesetter(**layout).save(tmp_path / "act.pdf", paragraphs)
    return [block.text for block in read_document(path).blocks]


def test_wrapped_paragraphs_are_joined_and_short_lines_kept_apart(tmp_path):
    paragraphs = ["ПОСТАНОВЛЕНИЕ", "30.06.2023 № 1611-п", "ПОСТАНОВЛЯЮ:", LONG_ORDER,
                  "2.2. Представить отчёт.", "Глава города", "Т.Н. Леонова"]
    assert read_texts(tmp_path, paragraphs) == paragraphs


def test_paragraphs_continue_across_pages_without_page_numbers_or_headers(tmp_path):
    paragraphs = [f"{n}. {LONG_ORDER[5:]}" for n in range(1, 26)]
    layout = {"header": "Постановление администрации города № 1611-п", "page_numbers": True}
    pages = Typesetter(**layout).layout(paragraphs)
    assert len(pages) >= 3  # the test really spans pages
    assert read_texts(tmp_path, paragraphs, **layout) == paragraphs


def test_a_paragraph_split_by_a_page_break_is_one_block(tmp_path):
    filler = [f"Абзац {n}." for n in range(36)]
    texts = read_texts(tmp_path, [*filler, LONG_ORDER])
    assert texts[-1] == LONG_ORDER


def test_footer_page_numbers_in_their_usual_spellings_are_dropped(tmp_path):
    pages = []
    bodies = ["Постановляю:", "Обеспечить исполнение.", "Контроль оставляю за собой."]  # short lines
    for body, footer in zip(bodies, ["- 1 -", "Страница 2 из 3", "3"], strict=True):
        pages.append([PdfLine(85, 80, body), PdfLine(280, 810, footer, 10)])
    path = tmp_path / "act.pdf"
    path.write_bytes(pdf_bytes(pages))
    assert [b.text for b in read_document(path).blocks] == bodies


def test_numbers_inside_the_body_are_kept(tmp_path):
    pages = [[PdfLine(85, 80, "Количество публикаций:"), PdfLine(85, 98, "3"), PdfLine(85, 116, "Итого.")]]
    path = tmp_path / "act.pdf"
    path.write_bytes(pdf_bytes(pages))
    assert [b.text for b in read_document(path).blocks] == ["Количество публикаций:", "3", "Итого."]


def test_an_item_number_starts_a_paragraph_even_after_a_full_line(tmp_path):
    full = "Обеспечить размещение материалов на официальных страницах и в сетевых"
    lines = (full, "до 1 марта;")
    texts = read_texts(tmp_path, [lines, ("2-1. Утвердить план.",), ("а) подготовить доклад;",),
                                  ("б) направить его.",)], indent=0)
    assert texts == [f"{full} до 1 марта;", "2-1. Утвердить план.", "а) подготовить доклад;", "б) направить его."]


def test_a_first_line_indent_starts_a_paragraph(tmp_path):
    setter = Typesetter()
    # The first paragraph ends with a full line, so only the indent of the next line tells them apart.
    lines = [*setter.justified(121, 80, "Обеспечить размещение материалов на страницах"),
             *setter.justified(85, 98, "в сетевых изданиях и на сайте администрации города."),
             PdfLine(121, 116, "Настоящее постановление вступает в силу.")]
    path = tmp_path / "act.pdf"
    path.write_bytes(pdf_bytes([lines]))
    assert [b.text for b in read_document(path).blocks] == [
        "Обеспечить размещение материалов на страницах в сетевых изданиях и на сайте администрации города.",
        "Настоящее постановление вступает в силу.",
    ]


def test_letterhead_cells_on_one_line_and_a_wrapped_cell_read_as_one_row(tmp_path):
    lines = [PdfLine(85, 80, "Распоряжение от 03 февраля 2004"), PdfLine(400, 80, "№ 42-Р"),
             PdfLine(85, 98, "года"),
             PdfLine(85, 130, "О создании областной комиссии")]
    path = tmp_path / "act.pdf"
    path.write_bytes(pdf_bytes([lines]))
    assert [b.text for b in read_document(path).blocks] == ["Распоряжение от 03 февраля 2004 года № 42-Р",
                                                           "О создании областной комиссии"]


def test_words_hyphenated_across_lines_are_rejoined(tmp_path):
    lines = ("Управлению пресс-службы обеспечить опубликование инфор-",
             "мации о деятельности пресс-",
             "службы и размещение фото-",
             "и видеоматериалов на сайте администрации (далее -",
             "сайт).")
    texts = read_texts(tmp_path, [lines], indent=0, right=560)
    assert texts == ["Управлению пресс-службы обеспечить опубликование информации о деятельности "
                     "пресс-службы и размещение фото- и видеоматериалов на сайте администрации (далее - сайт)."]


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("опубликование инфор-", "мации", "опубликование информации"),
        ("социально-", "экономического развития", "социально-экономического развития"),
        ("военно-", "патриотического", "военно-патриотического"),
        ("пресс-", "службы", "пресс-службы"),
        ("фото-", "и видеоматериалов", "фото- и видеоматериалов"),
        ("фото-", "или видео", "фото- или видео"),
        ("(далее -", "Министерство)", "(далее - Министерство)"),
        ("Северо-", "Западный округ", "Северо-Западный округ"),
        ("application/vnd.openxmlformats-", "officedocument", "application/vnd.openxmlformats-officedocument"),
        ("COVID-", "19", "COVID-19"),
        ("перено\u00ad", "сится", "переносится"),
        ("обычная", "строка", "обычная строка"),
    ],
)
def test_hyphen_rules(left, right, joined):
    assert join_hyphenated(left, right) == joined


def test_a_scan_without_a_text_layer_asks_for_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes([[], []], image_pages={1, 2}))
    with pytest.raises(ReadError) as error:
        read_document(path)
    assert "скан" in str(error.value) and "распознавание текста" in str(error.value)


def test_a_scanned_page_among_text_pages_is_warned_about(tmp_path):
    path = tmp_path / "mixed.pdf"
    path.write_bytes(pdf_bytes([[PdfLine(85, 80, "Текст первой страницы акта.")], []], image_pages={2}))
    document = read_document(path)
    assert [b.text for b in document.blocks] == ["Текст первой страницы акта."]
    assert any("страницы 2" in warning for warning in document.warnings)


def test_an_encrypted_pdf_is_refused(tmp_path):
    path = tmp_path / "secret.pdf"
    path.write_bytes(pdf_bytes([[PdfLine(85, 80, "Секретный текст")]], encrypt=True))
    with pytest.raises(ReadError, match="паролем"):
        read_document(path)


def test_a_truncated_pdf_is_refused_as_damaged(tmp_path):
    data = pdf_bytes([[PdfLine(85, 80, "Текст акта")]])
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(ReadError, match="повреждён|нет текстового слоя"):
        read_document(path)


def test_fake_bold_text_drawn_twice_is_read_once(tmp_path):
    lines = [PdfLine(85, 80, "ПОСТАНОВЛЕНИЕ"), PdfLine(85.3, 80, "ПОСТАНОВЛЕНИЕ"), PdfLine(85, 110, "Обеспечить.")]
    path = tmp_path / "bold.pdf"
    path.write_bytes(pdf_bytes([lines]))
    assert [b.text for b in read_document(path).blocks] == ["ПОСТАНОВЛЕНИЕ", "Обеспечить."]


def test_a_centred_title_wrapped_over_two_lines_is_one_paragraph(tmp_path):
    first = "Об организации информирования жителей через официальные"  # nearly the full width
    second = "страницы в социальных сетях"
    centre = (85 + 510) / 2
    lines = [PdfLine(centre - len(first) * 3, 80, first), PdfLine(centre - len(second) * 3, 98, second),
             PdfLine(121, 130, "В соответствии с законом постановляю:")]
    path = tmp_path / "act.pdf"
    path.write_bytes(pdf_bytes([lines]))
    assert [b.text for b in read_document(path).blocks] == [f"{first} {second}", "В соответствии с законом постановляю:"]


def test_russian_text_misread_as_latin_1_is_recovered(tmp_path):
    path = tmp_path / "old.pdf"  # its font shows the cp1251 bytes as «Ïîñòàíîâëåíèå ...»
    path.write_bytes(pdf_bytes([[PdfLine(85, 80, "Постановление администрации города")]], cyrillic_font=False))
    document = read_document(path)
    assert document.blocks[0].text == "Постановление администрации города"
    assert any("кодировк" in warning for warning in document.warnings)



def test_a_scan_with_a_stamp_line_of_text_is_still_a_scan(tmp_path):
    stamp = [PdfLine(85, 820, "Документ подписан электронной подписью", 8)]
    path = tmp_path / "stamped.pdf"
    path.write_bytes(pdf_bytes([stamp, stamp], image_pages={1, 2}))
    with pytest.raises(ReadError, match="распознавание текста"):
        read_document(path)


def test_a_scan_with_an_ocr_text_layer_is_read(tmp_path):
    setter = Typesetter(page_numbers=False)
    pages = setter.layout([LONG_ORDER] * 6)
    path = tmp_path / "ocr.pdf"
    path.write_bytes(pdf_bytes(pages, image_pages={1}))
    assert [b.text for b in read_document(path).blocks] == [LONG_ORDER] * 6
