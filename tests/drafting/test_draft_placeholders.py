"""A template a clerk edited in Word: unknown placeholders are named before anything is made."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document

from tracker.drafting.data import QuarterlyData, ReminderData, ReportData
from tracker.drafting.engine import check_template, render_docx, template_path
from tracker.drafting.errors import TemplateProblem
from tracker.drafting.service import DraftingService


def edited_copy(source: Path, target: Path, old: str, new: str) -> Path:
    """The template as a clerk would leave it after retyping one placeholder in Word."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text
                data = text.replace(old, new, 1).encode("utf-8")
            dst.writestr(item, data)
    return target


def one_paragraph_template(tmp_path: Path, *lines: str) -> Path:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "own.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize(("name", "data_type"), [
    ("quarterly.docx", QuarterlyData), ("report.docx", ReportData), ("reminders.docx", ReminderData)])
def test_shipped_templates_use_only_known_placeholders(name, data_type):
    check_template(template_path(name), data_type)  # raises on any unknown placeholder
    assert template_path(name).stat().st_size > 0


def test_misspelled_placeholder_is_named_and_no_file_is_written(tmp_path, quarterly_data):
    template = edited_copy(template_path("quarterly.docx"), tmp_path / "quarterly.docx",
                           "{{ org.name_genitive }}", "{{ org.name_genetive }}")
    out = tmp_path / "draft.docx"
    with pytest.raises(TemplateProblem) as caught:
        render_docx(template, quarterly_data, out)
    message = str(caught.value)
    assert "org.name_genetive" in message
    assert "name_genitive" in message  # the known fields are suggested
    assert "документ не создан" in message
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [template]  # no temporary file left either


def test_unknown_top_level_name_is_named(tmp_path, quarterly_data):
    template = one_paragraph_template(tmp_path, "Дата: {{ reg.date_text }}", "Подпись: {{ signatory }}")
    with pytest.raises(TemplateProblem, match="«{{ signatory }}»"):
        render_docx(template, quarterly_data, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_misspelling_inside_a_loop_is_found_even_when_the_list_is_empty(tmp_path, reminder_data):
    reminder_data.letters = []
    template = one_paragraph_template(
        tmp_path, "{% for letter in letters %}{{ letter.executer }}{% endfor %}")
    with pytest.raises(TemplateProblem, match="letter.executer"):
        check_template(template, ReminderData)


def test_loop_variables_and_attributes_of_list_items_are_known(tmp_path):
    template = one_paragraph_template(
        tmp_path,
        "{% for letter in letters %}{{ loop.index }}. {{ letter.executor }} "
        "{% for line in letter.orders %}{{ line.due_text }} {{ line.state }}{% endfor %}{% endfor %}",
        "{{ org.name|upper }} {{ today|ru_date }} {{ today_text }}")
    check_template(template, ReminderData)
    assert template.exists()


def test_unknown_filter_is_named(tmp_path):
    template = one_paragraph_template(tmp_path, "{{ as_of|russian_date }}")
    with pytest.raises(TemplateProblem, match="russian_date"):
        check_template(template, QuarterlyData)


def test_broken_tag_is_reported_in_russian(tmp_path):
    template = one_paragraph_template(tmp_path, "{% for row in groups %}{{ row.name }")
    with pytest.raises(TemplateProblem, match="ошибка в разметке"):
        check_template(template, QuarterlyData)


def test_templates_render_in_a_sandbox(tmp_path, quarterly_data):
    # range() is jinja's own, so the names check passes; the check refuses the attribute, as the sandbox would
    template = one_paragraph_template(tmp_path, "{% for k in range(1) %}{{ k.__class__.__mro__ }}{% endfor %}")
    with pytest.raises(TemplateProblem, match="обращение к «__class__» запрещено"):
        check_template(template, QuarterlyData)
    with pytest.raises(TemplateProblem, match="документ не создан"):
        render_docx(template, quarterly_data, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_not_a_docx_template_is_reported(tmp_path):
    fake = tmp_path / "шаблон.docx"
    fake.write_bytes(b"plain text, not a zip")
    with pytest.raises(TemplateProblem, match="не открывается как .docx"):
        check_template(fake, QuarterlyData)


def test_check_command_of_the_service_names_the_kind(tmp_path):
    with pytest.raises(Exception, match="Нет проекта «letter»"):
        DraftingService(store=None).check("letter")
    assert DraftingService(store=None).check("quarterly") == template_path("quarterly.docx")


def test_placeholder_split_across_runs_by_word_still_renders(tmp_path, quarterly_data):
    """Word often splits «{{ org.name }}» into several runs after an edit; it must keep working."""
    document = Document()
    paragraph = document.add_paragraph()
    for piece in ("Бланк: {{ org.", "name", " }} на ", "{{ as_of_", "long }}"):
        paragraph.add_run(piece).bold = piece == "name"
    template = tmp_path / "edited.docx"
    document.save(str(template))
    out = render_docx(template, quarterly_data, tmp_path / "out.docx")
    assert Document(str(out)).paragraphs[0].text == "Бланк: Администрация города Обнинска на 5 ноября 2026 г."


def test_the_check_fills_the_template_with_a_sample_and_names_an_expression_that_fails_on_data(tmp_path):
    # every name is known, so only filling the template shows the mistake
    template = one_paragraph_template(tmp_path, "№ {{ reg.number + 1 }} от {{ reg.date_text }}")
    check_template(template, QuarterlyData)
    with pytest.raises(TemplateProblem, match="выражение в шаблоне не вычисляется"):
        DraftingService(store=None).check("quarterly", template)
    assert list(tmp_path.iterdir()) == [template]  # nothing is written


@pytest.mark.parametrize("kind", ["quarterly", "report", "reminders"])
def test_the_shipped_templates_fill_with_a_sample_of_their_data(kind):
    assert DraftingService(store=None).check(kind).exists()


def test_a_sample_fills_every_field_and_lists_two_items():
    from tracker.drafting.samples import sample_of

    data = sample_of(ReminderData)
    assert len(data.letters) == 2 and all(len(letter.orders) == 2 for letter in data.letters)
    assert data.org.name and data.today
