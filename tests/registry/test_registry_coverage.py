"""Coverage by district: connected X of Y, state marks, institutions with no page or no employee."""
from __future__ import annotations

from collections import Counter
from datetime import date

from registry_fakes import IMPORT_DAY, make_registry, write_rows

from tracker.registry import coverage as cov
from tracker.registry.models import Employee
from tracker.registry.service import RegistryFilter


def test_coverage_by_district_matches_the_spreadsheet(loaded, registry):
    report = loaded.coverage()
    accepted = registry.accepted
    expected_total = Counter(i.district for i in accepted)
    expected_connected = Counter(i.district for i in accepted if i.connected == "да")
    assert {d.district: d.obliged for d in report.districts} == dict(expected_total)
    assert {d.district: d.connected for d in report.districts} == {
        name: expected_connected[name] for name in expected_total}
    regional = next(d for d in report.districts if d.district == "Областные учреждения")
    assert regional.line() == (f"Областные учреждения: подключено {expected_connected['Областные учреждения']}"
                               f" из {expected_total['Областные учреждения']}")
    with_page = [i for i in accepted if i.vk or i.ok or i.telegram]
    assert report.total.with_mark == sum(1 for i in with_page if i.mark == "да")
    assert report.total.without_mark == sum(1 for i in with_page if i.mark == "нет")
    assert [g.organisation for g in report.no_page] == [registry.by_number(188).name]
    assert [g.organisation for g in report.no_responsible] == [registry.by_number(150).name]
    assert report.total.institutions == len(accepted)


def test_the_running_coverage_equals_a_recount_after_edits(loaded, registry):
    rows = loaded.list_records(limit=None).rows
    loaded.edit_employee(rows[0].id, Employee(""), when=date(2026, 10, 5))
    loaded.edit(rows[1].id, {"gospubliki": not rows[1].gospubliki, "page_vk": "", "page_ok": "",
                             "page_telegram": ""}, when=date(2026, 10, 5))
    loaded.edit(rows[2].id, {"exempt": True, "exempt_basis": "постановление № 7-п"}, when=date(2026, 10, 5))
    loaded.remove_record(rows[3].id, when=date(2026, 10, 6))
    running = loaded.coverage()
    recount = cov.compute(loaded.store.table("registry_records").all()).report()
    assert running == recount
    assert running.total.institutions == len(registry.accepted) - 1
    assert running.total.exempt == 1
    assert {g.record_id for g in running.no_responsible} >= {rows[0].id}
    assert {g.record_id for g in running.no_page} >= {rows[1].id}


def test_coverage_as_of_an_earlier_date(loaded, registry):
    record = loaded.list_records(RegistryFilter(gospubliki=False)).rows[0]
    loaded.edit(record.id, {"gospubliki": True}, when=date(2026, 10, 20))
    before = loaded.coverage(as_of=IMPORT_DAY)
    now = loaded.coverage()
    assert now.total.connected == before.total.connected + 1
    assert loaded.coverage(as_of=date(2026, 1, 1)).districts == []


def test_exempt_institutions_are_left_out_of_y_and_of_the_no_page_list(service, tmp_path):
    rows = [["Муниципальное образование", "Наименование учреждения", "ВКонтакте", "Подключено к «Госпаблики»",
             "Освобождено", "Основание освобождения", "ФИО ответственного"],
            ["Каменский район", "Школа № 1", "vk.com/s1", "да", "нет", "", "Орлова И.В."],
            ["Каменский район", "Школа № 2", "vk.com/s2", "нет", "нет", "", "Орлова И.В."],
            ["Каменский район", "Архив", "", "нет", "да", "постановление от 18.11.2022 № 2633", "Орлова И.В."]]
    service.commit_import(service.preview_import(write_rows(tmp_path / "ex.csv", rows)))
    district = service.coverage().districts[0]
    assert district.line() == "Каменский район: подключено 1 из 2"
    assert (district.institutions, district.exempt, district.no_page) == (3, 1, 0)


def test_coverage_of_a_large_registry_comes_from_the_running_totals(service, tmp_path):
    big = make_registry(faults=False, districts=[(f"Район {n}", 60) for n in range(20)])
    service.commit_import(service.preview_import(big.write_csv(tmp_path / "big.csv")))
    stored = service.store.table("registry_meta").get("coverage")
    assert sum(d["institutions"] for d in stored["districts"].values()) == 1200
    assert service.coverage().total.institutions == 1200
