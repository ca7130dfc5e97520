"""A new or deleted page puts «сообщить в ЦУР» on control, due in 3 working days."""
from __future__ import annotations

from datetime import date

from registry_fakes import IMPORT_DAY, RecordingSink, weekdays_only, write_rows

from db import MemoryStore
from tracker import settings
from tracker.registry.models import Employee
from tracker.registry.norms import NormSettings
from tracker.registry.service import RegistryFilter, RegistryService

FRIDAY = date(2026, 10, 9)


def _one(service, name):
    return next(r for r in service.list_records(RegistryFilter(text=name), limit=None).rows
                if r.organisation == name)


def test_the_first_import_is_a_baseline_and_makes_no_obligations(loaded, sink):
    assert loaded.obligations() == [] and sink.calls == []


def test_a_changed_page_address_is_a_deleted_and_a_created_page(loaded, registry, sink, tmp_path):
    item = registry.accepted[4]
    old_vk = item.vk
    item.vk = old_vk.replace("club", "public")
    outcome = loaded.commit_import(loaded.preview_import(registry.write_csv(tmp_path / "v2.csv"), when=FRIDAY))
    assert (outcome.obligations, outcome.handed_over) == (1, 1)
    [call] = sink.calls
    assert call["due"] == date(2026, 10, 14)  # Friday + 3 working days: Mon, Tue, Wed
    assert call["responsible"] == [item.name]
    assert f"ВКонтакте {old_vk} (удалена)" in call["text"] and f"ВКонтакте {item.vk} (создана)" in call["text"]
    assert call["text"].startswith("Сообщить в ЦУР")
    assert "в течение 3 рабочих дней" in call["deadline_text"] and "№ 171" in call["deadline_text"]
    [obligation] = loaded.obligations()
    assert obligation.order_id == "order-1" and obligation.state == "на контроле"
    assert obligation.event_date == FRIDAY and obligation.due == date(2026, 10, 14)


def test_a_new_institution_after_the_baseline_and_a_removed_one_both_make_obligations(loaded, sink, tmp_path):
    added = loaded.add_record("МБУ «Центр молодёжи»", "Берёзовский район", when=FRIDAY,
                              page_vk="https://vk.com/youth_b", page_telegram="@youth_b")
    assert "ВКонтакте https://vk.com/youth_b (создана); Telegram https://t.me/youth_b (создана)" in sink.calls[0]["text"]
    loaded.remove_record(added.id, when=date(2026, 10, 12))
    assert "(удалена)" in sink.calls[1]["text"] and sink.calls[1]["due"] == date(2026, 10, 15)
    assert [o.number for o in loaded.obligations()] == ["ЦУР-1", "ЦУР-2"]


def test_a_new_employee_alone_makes_no_obligation(loaded, sink):
    record = loaded.list_records().rows[0]
    loaded.edit_employee(record.id, Employee("Никитина В.С."), when=FRIDAY)
    assert sink.calls == [] and loaded.obligations() == []


def test_without_a_control_service_obligations_wait_and_are_handed_over_later(registry, tmp_path):
    service = RegistryService(MemoryStore(), working_days=weekdays_only, today=lambda: IMPORT_DAY)
    service.commit_import(service.preview_import(registry.write_csv(tmp_path / "r.csv")))
    record = service.list_records().rows[0]
    service.edit(record.id, {"page_telegram": "t.me/new_channel"}, when=FRIDAY)
    [waiting] = service.obligations(pending_only=True)
    assert waiting.state == "ожидает передачи в контроль" and waiting.order_id is None
    sink = RecordingSink()
    assert service.hand_over_obligations(sink) == 1
    assert service.obligations(pending_only=True) == [] and len(sink.calls) == 1


def test_the_term_comes_from_the_norms_settings(loaded, sink):
    settings.save(loaded.store, "norms", NormSettings(report_working_days=5, report_basis="приказ № 1"))
    loaded.edit(loaded.list_records().rows[0].id, {"page_ok": "ok.ru/group/77"}, when=FRIDAY)
    assert sink.calls[0]["due"] == date(2026, 10, 16)
    assert sink.calls[0]["deadline_text"] == "в течение 5 рабочих дней с даты создания либо удаления (приказ № 1)"


def test_the_real_production_calendar_skips_the_4th_of_november(tmp_path):
    sink = RecordingSink()
    service = RegistryService(MemoryStore(), order_sink=sink, today=lambda: date(2026, 11, 2))
    rows = [["Муниципальное образование", "Наименование учреждения", "ВКонтакте"],
            ["Каменский район", "Школа № 1", "vk.com/s1"]]
    service.commit_import(service.preview_import(write_rows(tmp_path / "a.csv", rows)))
    rows.append(["Каменский район", "Школа № 2", "vk.com/s2"])
    service.commit_import(service.preview_import(write_rows(tmp_path / "b.csv", rows)))
    # Monday 02.11.2026 + 3 working days; Wednesday 04.11 is the Day of National Unity
    assert [call["due"] for call in sink.calls] == [date(2026, 11, 6)]
