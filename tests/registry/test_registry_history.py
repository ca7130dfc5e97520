"""Every change is dated: edits and re-imports leave versions that rebuild the registry as of any day."""
from __future__ import annotations

from datetime import date

import pytest
from registry_fakes import IMPORT_DAY, write_rows

from tracker.errors import ConflictError, ValidationError
from tracker.registry.models import Employee, Network
from tracker.registry.service import RegistryFilter

EDIT_DAY = date(2026, 10, 15)
REIMPORT_DAY = date(2026, 11, 2)


def _record(service, name):
    rows = service.list_records(RegistryFilter(text=name), limit=None).rows
    return next(r for r in rows if r.organisation == name)


def test_editing_the_employee_keeps_the_old_one_as_of_an_earlier_date(loaded, registry):
    item = registry.accepted[3]
    record = _record(loaded, item.name)
    new = Employee("Степанова О.Ю.", "пресс-секретарь", "8 (3852) 99-00-11", "press@obr-prioz.ru")
    edited = loaded.edit_employee(record.id, new, when=EDIT_DAY, reason="приказ о смене ответственного")
    assert edited.employee == Employee("Степанова О.Ю.", "пресс-секретарь", "+7 (3852) 99-00-11",
                                       "press@obr-prioz.ru")
    versions = loaded.history(record.id)
    assert [(v.valid_from, v.valid_to) for v in versions] == [(IMPORT_DAY, EDIT_DAY), (EDIT_DAY, None)]
    assert versions[1].reason == "приказ о смене ответственного" and versions[1].who == "тест"
    assert f"ФИО ответственного: {item.person} → Степанова О.Ю." in [c.describe() for c in versions[1].changes]
    before = {r.id: r for r in loaded.as_of(date(2026, 10, 14))}
    after = {r.id: r for r in loaded.as_of(EDIT_DAY)}
    assert before[record.id].employee.full_name == item.person
    assert after[record.id].employee.full_name == "Степанова О.Ю."
    assert loaded.as_of(date(2026, 9, 30)) == []  # nothing was known before the first import


def test_reimporting_a_changed_spreadsheet_records_the_changes_with_its_date(loaded, registry, tmp_path):
    changed = registry.accepted[10]
    changed.person, changed.vk = "Тихонова Т.Р.", changed.vk.replace("club", "public")
    loaded_count = len(registry.accepted)
    preview = loaded.preview_import(registry.write_csv(tmp_path / "v2.csv"), when=REIMPORT_DAY)
    assert (preview.new_count, preview.changed_count, preview.plan.unchanged) == (0, 1, loaded_count - 1)
    assert {c.label for c in preview.plan.changed[0].changes} == {"ФИО ответственного", "ВКонтакте"}
    loaded.commit_import(preview)
    record = _record(loaded, changed.name)
    assert record.employee.full_name == "Тихонова Т.Р." and record.valid_from == REIMPORT_DAY
    history = loaded.history(record.id)
    assert [v.reason for v in history] == ["импорт registry.csv", "импорт v2.csv"]
    old = next(r for r in loaded.as_of(date(2026, 10, 20)) if r.id == record.id)
    assert old.employee.full_name != "Тихонова Т.Р." and old.pages[Network.VK].startswith("https://vk.com/club")
    assert len(loaded.as_of(REIMPORT_DAY)) == loaded_count


def test_an_edit_then_a_reimport_keep_three_dated_versions(loaded, registry, tmp_path):
    item = registry.accepted[0]
    record = _record(loaded, item.name)
    loaded.edit(record.id, {"gospubliki": True, "state_mark": True}, when=EDIT_DAY)
    item.person = "Ларина Е.Н."
    loaded.commit_import(loaded.preview_import(registry.write_csv(tmp_path / "v3.csv"), when=REIMPORT_DAY))
    versions = loaded.history(record.id)
    assert [v.valid_from for v in versions] == [IMPORT_DAY, EDIT_DAY, REIMPORT_DAY]
    # the file still says what it said, so the edit of the mark is undone by the re-import, as a change
    assert {c.field for c in versions[2].changes} >= {"full_name"}
    states = {day: next(r for r in loaded.as_of(day) if r.id == record.id)
              for day in (IMPORT_DAY, EDIT_DAY, REIMPORT_DAY)}
    assert states[IMPORT_DAY].employee.full_name == states[EDIT_DAY].employee.full_name != "Ларина Е.Н."
    assert states[EDIT_DAY].gospubliki is True
    assert states[REIMPORT_DAY].employee.full_name == "Ларина Е.Н."


def test_the_state_mark_date_is_set_when_the_mark_appears(loaded, registry):
    item = next(i for i in registry.accepted if i.mark == "нет")
    record = _record(loaded, item.name)
    assert record.state_mark is False and record.state_mark_since is None
    marked = loaded.edit(record.id, {"state_mark": True}, when=EDIT_DAY)
    assert marked.state_mark_since == EDIT_DAY


def test_an_edit_dated_before_the_last_change_is_refused(loaded, registry):
    record = _record(loaded, registry.accepted[1].name)
    with pytest.raises(ValidationError, match="Укажите дату не раньше"):
        loaded.edit_employee(record.id, Employee("Орлова И.В."), when=date(2026, 9, 1))


def test_a_stale_edit_is_a_conflict(loaded, registry):
    record = _record(loaded, registry.accepted[2].name)
    loaded.edit(record.id, {"position": "методист"}, when=EDIT_DAY, expected_rev=record.rev)
    with pytest.raises(ConflictError):
        loaded.edit(record.id, {"position": "пресс-секретарь"}, when=EDIT_DAY, expected_rev=record.rev)


def test_edits_are_validated_like_the_import(loaded, registry):
    record = _record(loaded, registry.accepted[2].name)
    with pytest.raises(ValidationError, match="нет знака @"):
        loaded.edit(record.id, {"email": "press.obr.ru"})
    with pytest.raises(ValidationError, match="повторным импортом"):
        loaded.edit(record.id, {"organisation": "Другое"})


def test_export_as_of_a_date_round_trips_through_the_import(loaded, registry, service, tmp_path):
    record = _record(loaded, registry.accepted[5].name)
    loaded.edit_employee(record.id, Employee("Уварова К.М.", "методист"), when=EDIT_DAY)
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"as-of.{suffix}"
        assert loaded.export(out, as_of=IMPORT_DAY) == len(registry.accepted)
        fresh = type(service)(type(service.store)(), working_days=lambda d, n: d, today=lambda: IMPORT_DAY)
        preview = fresh.preview_import(out)
        assert preview.errors == [] and preview.accepted == len(registry.accepted)
        fresh.commit_import(preview)
        again = _record(fresh, registry.accepted[5].name)
        assert again.employee.full_name == registry.accepted[5].person
        assert again.pages == record.pages


def test_records_added_and_removed_by_hand_are_dated(loaded):
    added = loaded.add_record("МБУ «Молодёжный центр»", "Заречный район", when=EDIT_DAY,
                              page_vk="vk.com/youth", full_name="Жукова А.А.")
    assert added.pages == {Network.VK: "https://vk.com/youth"}
    loaded.remove_record(added.id, when=REIMPORT_DAY, reason="учреждение ликвидировано")
    assert any(r.id == added.id for r in loaded.as_of(EDIT_DAY))
    assert all(r.id != added.id for r in loaded.as_of(REIMPORT_DAY))
    assert loaded.list_records(RegistryFilter(text="Молодёжный")).total == 0
    assert loaded.list_records(RegistryFilter(text="Молодёжный", include_removed=True)).total == 1


def test_filters_for_the_registry_screen(service, tmp_path):
    rows = [["Муниципальное образование", "Наименование учреждения", "ВКонтакте", "Telegram", "Госметка",
             "Подключено к «Госпаблики»", "ФИО ответственного"],
            ["Каменский район", "Школа № 1", "vk.com/s1", "", "да", "да", "Орлова И.В."],
            ["Каменский район", "Школа № 2", "", "t.me/s2", "нет", "нет", ""],
            ["Озёрный район", "Школа № 3", "", "", "нет", "да", "Панова О.Ю."]]
    service.commit_import(service.preview_import(write_rows(tmp_path / "f.csv", rows)))

    def names(**kwargs):
        return [r.organisation for r in service.list_records(RegistryFilter(**kwargs)).rows]

    assert names(district="Каменский район") == ["Школа № 1", "Школа № 2"]
    assert names(network=Network.TELEGRAM) == ["Школа № 2"]
    assert names(no_page=True) == ["Школа № 3"]
    assert names(no_responsible=True) == ["Школа № 2"]
    assert names(gospubliki=False) == ["Школа № 2"]
    assert names(state_mark=True) == ["Школа № 1"]
    assert names(text="панова") == ["Школа № 3"]
    assert service.districts() == ["Каменский район", "Озёрный район"]
    page = service.list_records(offset=1, limit=1)
    assert page.total == 3 and [r.organisation for r in page.rows] == ["Школа № 2"]
