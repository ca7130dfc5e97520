"""`tracker draft ...` on a database holding only an imported registry, and on one with orders."""
from __future__ import annotations

import os
import stat
from datetime import date

from drafting_docx import body_text, table_rows
from typer.testing import CliRunner

from cli.main import build_app

REGISTRY_CSV = (
    "№ п/п;Муниципальное образование;Наименование учреждения;Тип;ВКонтакте;Одноклассники;Telegram;Госметка;"
    "Подключено к «Госпаблики»;ФИО ответственного;Должность;Телефон;E-mail\n"
    "1;Амурский район;МБУК «Дом культуры № 1»;подведомственное учреждение;https://vk.com/club803281612;"
    "https://ok.ru/group/22500762064502;;да;да;Иванова Е.В.;специалист по связям с общественностью;"
    "+7 (4212) 74-93-44;smm1@edu27.ru\n"
    "2;Бикинский район;МБДОУ детский сад № 2;подведомственное учреждение;https://vk.com/club157008303;;"
    "https://t.me/sad2;да;да;Лебедева М.Д.;методист;+7 (4212) 81-85-24;smm2@edu27.ru\n"
)


def run(*args: str):
    return CliRunner().invoke(build_app(), list(args))


def imported_registry(tmp_path):
    csv = tmp_path / "реестр.csv"
    csv.write_text(REGISTRY_CSV, encoding="utf-8")
    db = tmp_path / "t.db"
    result = run("registry", "import", "--yes", "--db", str(db), str(csv))
    assert result.exit_code == 0, result.output
    return db


def test_quarterly_works_on_a_database_with_only_a_registry(tmp_path):
    db = imported_registry(tmp_path)
    out = tmp_path / "проект.docx"
    result = run("draft", "quarterly", "--db", str(db), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"Проект постановления: {out} (в списке 2, по состоянию на {date.today():%d.%m.%Y})" in result.output
    assert (tmp_path / "проект-изменения.xlsx").exists()
    rows = table_rows(out, 2)
    assert [r[0] for r in rows] == ["№ п/п", "Амурский район", "1", "Бикинский район", "2"]
    assert "Телеграм: https://t.me/sad2" in rows[4][4]


def test_bad_date_and_missing_database_give_one_russian_line(tmp_path):
    db = imported_registry(tmp_path)
    result = run("draft", "quarterly", "--db", str(db), "--as-of", "31.02.2026", "--out", str(tmp_path / "q.docx"))
    assert result.exit_code == 1
    assert "--as-of: «31.02.2026» — такой даты нет" in result.output
    result = run("draft", "quarterly", "--db", str(tmp_path / "нет.db"), "--out", str(tmp_path / "q.docx"))
    assert result.exit_code == 1
    assert "не найдена" in result.output
    assert not (tmp_path / "q.docx").exists()
    result = run("draft", "quarterly", "--db", str(db), "--out", str(tmp_path / "нет-папки" / "q.docx"))
    assert result.exit_code == 1 and "Папки" in result.output


def test_a_draft_is_never_renamed_over_a_device_or_a_pipe(tmp_path):
    """As root, a rename over /dev/full would replace the device: anything but a plain file is refused."""
    db = imported_registry(tmp_path)
    pipe = tmp_path / "канал.docx"
    os.mkfifo(pipe)
    result = run("draft", "quarterly", "--db", str(db), "--out", str(pipe))
    assert result.exit_code == 1
    assert "не обычный файл" in result.output and "Traceback" not in result.output
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_report_and_reminders_from_the_command_line(tmp_path):
    db = imported_registry(tmp_path)
    from tracker.root import compose

    control = compose(db).control
    control.create_order(None, "1", "Представить отчёт о публикациях", ["Комитет ЖКХ"], due=date(2026, 11, 1))
    control.close()
    out = tmp_path / "отчёт.docx"
    result = run("draft", "report", "--db", str(db), "--from", "01.10.2026", "--to", "31.12.2026",
                 "--today", "05.11.2026", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "отчёт.xlsx").exists()
    assert "о ходе исполнения поручений с 01.10.2026 по 31.12.2026" in body_text(out)
    letters = tmp_path / "напоминания.docx"
    result = run("draft", "reminders", "--db", str(db), "--days", "7", "--today", "05.11.2026", "--out", str(letters))
    assert result.exit_code == 0, result.output
    assert "Комитет ЖКХ: поручений 1, просрочено 1" in result.output
    assert "просрочено на 4 дн." in body_text(letters)


def _own_template(tmp_path, line: str):
    from docx import Document

    template = tmp_path / "мой.docx"
    document = Document()
    document.add_paragraph(line)
    document.save(str(template))
    return template


def test_check_names_the_misspelled_placeholder(tmp_path):
    template = _own_template(tmp_path, "{{ org.nmae }}")
    result = run("draft", "check", "quarterly", str(template))
    assert result.exit_code == 1
    assert "«{{ org.nmae }}»" in result.output
    assert run("draft", "check", "reminders").exit_code == 0


def test_second_quarterly_counts_changes_from_the_first(tmp_path):
    db = imported_registry(tmp_path)
    today = date.today()
    assert run("draft", "quarterly", "--db", str(db), "--out", str(tmp_path / "q1.docx")).exit_code == 0
    later = date.fromordinal(today.toordinal() + 1)
    result = run("draft", "quarterly", "--db", str(db), "--as-of", f"{later:%d.%m.%Y}", "--out",
                 str(tmp_path / "q2.docx"))
    assert result.exit_code == 0, result.output
    assert f"Лист изменений с {today:%d.%m.%Y}" in result.output
    assert "добавлено 0, изменено 0, исключено 0" in result.output


def test_check_fills_the_template_and_names_an_expression_that_fails_on_data(tmp_path):
    template = _own_template(tmp_path, "Исполнителей: {{ letters|length * 'два' }} {{ today_text + 1 }}")
    result = run("draft", "check", "reminders", str(template))
    assert result.exit_code == 1
    assert "мой.docx" in result.output and "выражение в шаблоне не вычисляется" in result.output
    assert "Traceback" not in result.output
