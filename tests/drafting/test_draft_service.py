"""The drafting service over the real registry and control services (in-memory store)."""
from __future__ import annotations

from datetime import date

import pytest
from drafting_docx import body_text, table_rows
from openpyxl import load_workbook

from db import MemoryStore
from tracker import settings
from tracker.drafting.config import SECTION, DraftingSettings
from tracker.drafting.errors import DraftError
from tracker.drafting.service import DraftingService
from tracker.registry.models import Employee
from tracker.registry.service import RegistryService
from tracker.root import assemble


@pytest.fixture
def store():
    return MemoryStore()


@pytest.fixture
def registry(store):
    service = RegistryService(store, today=lambda: date(2026, 11, 5), who="тест")
    july = date(2026, 7, 1)
    school = service.add_record("МБОУ «Школа № 1»", "г. Обнинск", when=july, page_vk="https://vk.com/school1")
    service.edit_employee(school.id, Employee("Иванова Анна Петровна", "методист", "+7 (484) 396-00-01",
                                              "school1@obninsk.ru"), when=july)
    culture = service.add_record("Управление культуры", "г. Обнинск", when=july,
                                 page_telegram="https://t.me/culture")
    service.edit_employee(culture.id, Employee("Петров Пётр Петрович", "специалист"), when=july)
    park = service.add_record("МБУ «Городской парк»", "г. Обнинск", when=july)
    service.edit_employee(park.id, Employee("Кузнецов Олег Игоревич", "специалист"), when=july)
    service.add_record("МБУ «Архив»", "г. Обнинск", when=july)  # nobody responsible
    # this quarter: a new employee at culture, a new institution, the park leaves the registry
    october = date(2026, 10, 15)
    service.edit_employee(culture.id, Employee("Сидорова Мария Ивановна", "специалист"), when=october)
    sport = service.add_record("МАУ «Дворец спорта»", "г. Обнинск", when=october, page_ok="https://ok.ru/sport")
    service.edit_employee(sport.id, Employee("Орлов Антон Андреевич", "пресс-секретарь"), when=october)
    service.remove_record(park.id, when=october)
    return service


def test_quarterly_from_the_registry_with_changes_since_last_quarter(tmp_path, store, registry):
    drafting = DraftingService(store, registry=registry)
    result = drafting.quarterly(tmp_path / "q.docx", as_of=date(2026, 11, 5), today=date(2026, 11, 5))
    docx_path, sheet_path = result.files
    assert sheet_path.name == "q-изменения.xlsx"
    rows = table_rows(docx_path, 2)
    assert [r[2] for r in rows[1:]] == ["Орлов Антон Андреевич", "Иванова Анна Петровна", "Сидорова Мария Ивановна"]
    assert "ВКонтакте: https://vk.com/school1" in rows[2][4]
    assert "Одноклассники: https://ok.ru/sport" in rows[1][4]
    changes = [[c.value for c in row] for row in load_workbook(sheet_path)["Изменения"].iter_rows(min_row=4)]
    assert [(c[0], c[2], c[3]) for c in changes] == [
        ("добавлен", "МАУ «Дворец спорта»", "Орлов Антон Андреевич"),
        ("изменён", "Управление культуры", "Сидорова Мария Ивановна"),
        ("исключён", "МБУ «Городской парк»", "Кузнецов Олег Игоревич"),
    ]
    assert "Лист изменений с 30.09.2026" in result.summary[1]
    assert any("Без ответственного в реестре" in w for w in result.warnings)
    assert any("номер акта-основания — задайте: tracker settings set drafting.base_act_number" in w
               for w in result.warnings)
    # unset settings print as blanks, never as code defaults of some organisation
    text = body_text(docx_path)
    assert "от ________ № ____" in text and "Администрации ________________" in text


def test_next_draft_counts_changes_from_the_previous_one(tmp_path, store, registry):
    drafting = DraftingService(store, registry=registry)
    first = drafting.quarterly(tmp_path / "q1.docx", as_of=date(2026, 11, 5), today=date(2026, 11, 5))
    assert drafting.last_update(date(2027, 2, 1)) is None  # drafting alone stores nothing (worker threads)
    drafting.remember(first)
    assert drafting.last_update(date(2027, 2, 1)) == date(2026, 11, 5)
    result = drafting.quarterly(tmp_path / "q2.docx", as_of=date(2027, 2, 1), today=date(2027, 2, 1))
    assert "Лист изменений с 05.11.2026" in result.summary[1]
    assert "добавлено 0, изменено 0, исключено 0" in result.summary[1]


def test_settings_fill_the_base_act_organisation_and_previous_update(tmp_path, store, registry):
    org = settings.Organisation(name="Администрация города Обнинска", name_genitive="Администрации города Обнинска",
                                region="Калужская область", city="г. Обнинск",
                                signatory_position="Глава Администрации города", signatory_person="Т.Н. Леонова")
    settings.save(store, "organisation", org)
    settings.save(store, SECTION, DraftingSettings(
        base_act_number="1611-п", base_act_date="30.06.2023", base_act_item="2.5",
        base_act_title="Об организации информирования жителей", previous_update_number="2101-п",
        previous_update_date="01.08.2026", margins_mm="25/10/20/20", font="PT Serif"))
    result = DraftingService(store, registry=registry).quarterly(tmp_path / "q.docx", as_of=date(2026, 11, 5))
    text = body_text(result.files[0])
    assert ("В соответствии с пунктом 2.5 постановления Администрации города Обнинска от 30.06.2023 № 1611-п "
            "«Об организации информирования жителей»") in text
    assert "2. Признать утратившим силу постановление Администрации города Обнинска от 01.08.2026 № 2101-п" in text
    assert "Т.Н. Леонова" in text
    from docx import Document

    document = Document(str(result.files[0]))
    assert round(document.sections[0].left_margin.mm) == 25
    assert document.styles["Normal"].font.name == "PT Serif"
    assert not any("Реквизиты" in w for w in result.warnings)


def test_margins_below_the_standard_are_refused(tmp_path, store, registry):
    settings.save(store, SECTION, DraftingSettings(margins_mm="15/10/20/20"))
    with pytest.raises(DraftError, match="не менее 20/10/20/20"):
        DraftingService(store, registry=registry).quarterly(tmp_path / "q.docx", as_of=date(2026, 11, 5))
    assert not (tmp_path / "q.docx").exists()


@pytest.fixture
def control(store):
    service = assemble(store, user="тест").control
    act = None
    first = service.create_order(act, "1", "Представить информацию о размещённых материалах",
                                 ["Комитет ЖКХ"], due=date(2026, 10, 20))
    service.create_order(act, "2", "Обеспечить участие сотрудников в обучении", ["Комитет ЖКХ"],
                         due=date(2026, 11, 9))
    done = service.create_order(act, "3", "Разместить ссылки на официальные страницы", ["Отдел спорта"],
                                due=date(2026, 10, 30))
    service.create_order(act, "4", "Подготовить проект постановления", ["Отдел спорта"], due=date(2026, 12, 25))
    service.report_received(done.id, when=date(2026, 10, 28))
    service.accept(done.id, when=date(2026, 10, 29))
    assert first.id
    return service


def test_report_from_the_control_service(tmp_path, store, control):
    drafting = DraftingService(store, control=control)
    result = drafting.report(tmp_path / "r.docx", date(2026, 10, 1), date(2026, 12, 31), today=date(2026, 11, 5))
    docx_path, xlsx_path = result.files
    assert xlsx_path.suffix == ".xlsx" and xlsx_path.exists()
    text = body_text(docx_path)
    assert "периодических поручений): 4" in text
    assert "исполнено — 1;" in text and "просрочено — 1;" in text
    discipline = {row[1]: row for row in table_rows(docx_path, 0)[1:]}
    assert discipline["Отдел спорта"][3] == "1"  # done on time
    overdue = table_rows(docx_path, 1)[1:]
    assert len(overdue) == 1
    assert overdue[0][2] == "Представить информацию о размещённых материалах"
    assert overdue[0][5] == "16"  # 20.10 -> 05.11


def test_reminders_from_the_control_service(tmp_path, store, control):
    drafting = DraftingService(store, control=control)
    result = drafting.reminders(tmp_path / "m.docx", within_days=7, today=date(2026, 11, 5))
    text = body_text(result.files[0])
    assert text.count("О сроках исполнения поручений") == 1  # only Комитет ЖКХ has orders due soon
    assert "Комитет ЖКХ" in text and "Отдел спорта" not in text
    assert "просрочено на 16 дн." in text and "осталось 4 дн." in text
    with pytest.raises(DraftError, match="Напоминать некому"):
        drafting.reminders(tmp_path / "none.docx", within_days=7, today=date(2026, 10, 1))
    assert not (tmp_path / "none.docx").exists()


def test_report_for_one_act_names_it_and_explains_ko(tmp_path, store, control):
    act = control.acts()[0]
    result = DraftingService(store, control=control).report(
        tmp_path / "r.docx", date(2026, 10, 1), date(2026, 12, 31), today=date(2026, 11, 5), act_id=act.id)
    text = body_text(result.files[0])
    assert "по акту: " in text
    assert "Kо — по поручениям этого акта за период." in text
    assert "периодических поручений): 4" in text


def test_report_for_one_executor_keeps_only_their_orders(tmp_path, store, control):
    sport = next(e for e in control.executors() if e.name == "Отдел спорта")
    result = DraftingService(store, control=control).report(
        tmp_path / "r.docx", date(2026, 10, 1), date(2026, 12, 31), today=date(2026, 11, 5), executor_id=sport.id)
    text = body_text(result.files[0])
    assert "исполнитель: Отдел спорта" in text
    assert "периодических поручений): 2" in text and "в том числе в срок — 1;" in text
    assert [row[1] for row in table_rows(result.files[0], 0)[1:]] == ["Отдел спорта", "Итого"]


def test_report_period_the_wrong_way_round_is_refused(tmp_path, store, control):
    with pytest.raises(DraftError, match="Период задан наоборот"):
        DraftingService(store, control=control).report(tmp_path / "r.docx", date(2026, 12, 31), date(2026, 10, 1))
    assert not (tmp_path / "r.docx").exists()
