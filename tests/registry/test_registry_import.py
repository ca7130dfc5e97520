"""Importing a regional registry: column mapping, row errors by spreadsheet row, no duplicates."""
from __future__ import annotations

from pathlib import Path

import pytest
from registry_fakes import DUPLICATE_OF, ERROR_FAULTS, FAULTS, IMPORT_DAY, make_registry, write_rows

from tracker.errors import ImportFailure
from tracker.registry.models import Network, OrgKind
from tracker.registry.service import RegistryFilter


def test_the_preview_maps_the_usual_russian_headers(service, registry, tmp_path):
    preview = service.preview_import(registry.write_csv(tmp_path / "r.csv"))
    assert preview.encoding == "utf-8" and preview.delimiter == ";"
    assert "«Наименование учреждения» → наименование учреждения" in preview.mapping
    assert "«Подключено к «Госпаблики»» → подключено к «Госпаблики»" in preview.mapping
    assert "«E-mail» → e-mail" in preview.mapping
    assert preview.missing_columns == []


def test_each_faulty_row_is_named_by_its_spreadsheet_row_and_the_rest_is_taken(service, registry, tmp_path):
    preview = service.preview_import(registry.write_csv(tmp_path / "r.csv"))
    errors = {issue.row: issue for issue in preview.errors}
    # data row № N sits on spreadsheet row N + 1 (the header is row 1)
    expected_rows = {n + 1 for n, fault in FAULTS.items() if fault in ERROR_FAULTS}
    expected_rows.add(registry.duplicate_number + 1)
    assert set(errors) == expected_rows
    assert "нет страницы после vk.com/" in errors[8].message
    assert "ведёт не на ok.ru" in errors[24].message
    assert "нет знака @" in errors[42].message
    assert "слишком короткий" in errors[78].message
    assert errors[121].message == "госметка: значение «частично» — ни «да», ни «нет»"
    assert errors[registry.duplicate_number + 1].message.startswith(
        f"повторяет строку {DUPLICATE_OF + 1} (№ п/п {DUPLICATE_OF})")
    assert errors[8].text().startswith("Строка 8 (№ п/п 7): ")
    warnings = {issue.row: issue.message for issue in preview.warnings}
    assert warnings == {151: "не указан ответственный сотрудник (ФИО)",
                        189: "нет ни одной страницы (ВКонтакте, Одноклассники, Telegram)"}
    assert preview.accepted == len(registry.accepted) == preview.new_count
    assert preview.data_rows == len(registry.institutions)


def test_committed_records_hold_normalised_values(loaded, registry):
    first = registry.accepted[0]
    assert loaded.list_records(limit=None).total == len(registry.accepted)
    record = loaded.list_records(RegistryFilter(text=first.name, district=first.district)).rows[0]
    assert record.pages[Network.VK] == first.vk
    assert record.employee.full_name == first.person
    assert record.employee.phone == first.phone
    assert record.kind is OrgKind(first.kind)
    assert record.valid_from == IMPORT_DAY
    assert record.executor_key == "мбук библиотека № 1"  # the name key linking it to the executor directory


def test_the_same_file_again_adds_nothing(loaded, registry, tmp_path):
    path = registry.write_csv(tmp_path / "again.csv")
    preview = loaded.preview_import(path)
    assert (preview.new_count, preview.changed_count, preview.plan.unchanged) == (0, 0, len(registry.accepted))
    outcome = loaded.commit_import(preview)
    assert outcome.added == 0 and outcome.changed == 0
    assert loaded.list_records(limit=None).total == len(registry.accepted)
    assert all(len(loaded.history(r.id)) == 1 for r in loaded.list_records(limit=5).rows)


def test_xlsx_with_a_title_above_the_header_reads_like_the_csv(service, registry, tmp_path):
    path = registry.write_xlsx(tmp_path / "r.xlsx", title_rows=2)
    preview = service.preview_import(path)
    assert preview.sheet == "Реестр"
    assert preview.accepted == len(registry.accepted)
    # the header is row 3, so data row № 7 is spreadsheet row 10
    assert any(issue.row == 10 and issue.number == "7" for issue in preview.errors)


def test_windows_1251_with_commas_is_detected(service, tmp_path):
    registry = make_registry(districts=[("Озёрный район", 12)], faults=False)
    path = registry.write_csv(tmp_path / "cp.csv", encoding="cp1251", delimiter=",")
    preview = service.preview_import(path)
    assert preview.encoding == "cp1251" and preview.delimiter == ","
    assert preview.errors == [] and preview.accepted == 12
    assert {c.district for c in preview.plan.new} == {"Озёрный район"}


def test_other_header_spellings_and_section_rows_map_too(service, tmp_path):
    rows = [
        ["№", "Учреждение", "Ссылка на страницу ВКонтакте", "Ответственное лицо", "Контактный телефон",
         "Электронная почта", "Госпаблики", "Примечание"],
        ["Берёзовский район"],
        ["1", "МБОУ «Школа № 1»", "vk.com/school1", "Орлова И.В.", "83852123456", "a@b.ru", "да", "—"],
        ["2", "МБОУ «Школа № 2»", "vk.com/school2", "Панова О.Ю.", "83852123457", "b@b.ru", "нет", ""],
    ]
    preview = service.preview_import(write_rows(tmp_path / "alt.csv", rows))
    assert "«Примечание» → не используется" in preview.mapping
    assert "муниципальное образование" in preview.missing_columns
    assert preview.errors == []
    service.commit_import(preview)
    records = service.list_records().rows
    assert {r.district for r in records} == {"Берёзовский район"}
    assert records[0].employee.phone == "+7 (385) 212-34-56"


def test_a_name_repeated_with_other_data_is_an_error_naming_the_first_row(service, tmp_path):
    header = ["Муниципальное образование", "Наименование учреждения", "ВКонтакте", "ФИО ответственного"]
    rows = [header, ["Заречный район", "МБУК «Музей»", "vk.com/m1", "Рябова Т.Р."],
            ["Заречный район", "МБУК «Музей»", "vk.com/m2", "Рябова Т.Р."]]
    preview = service.preview_import(write_rows(tmp_path / "dup.csv", rows))
    assert [issue.text() for issue in preview.errors] == [
        "Строка 3: учреждение «МБУК «Музей»» уже есть в строке 2; строка пропущена — сведите данные в одну строку"]


def test_exempt_institutions_keep_their_basis(service, tmp_path):
    registry = make_registry(faults=False, with_exempt=True)
    service.commit_import(service.preview_import(registry.write_csv(tmp_path / "ex.csv")))
    exempt = [r for r in service.list_records(limit=None).rows if r.exempt]
    assert len(exempt) == sum(1 for i in registry.institutions if i.exempt) == 6
    assert exempt and all(r.exempt_basis.startswith("постановление администрации области") for r in exempt)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.csv", None, "не найден"),
    ("empty.csv", b"", "пуст"),
    ("old.xls", b"\xd0\xcf\x11\xe0 old excel", "старом формате .xls"),
    ("broken.xlsx", b"PK\x03\x04 not really a zip", "не открывается как таблица Excel"),
    ("notes.pdf", b"%PDF-1.4", "не поддерживается"),
    ("headers.csv", "Фамилия;Имя\nИванов;Иван\n".encode(), "не найден столбец с наименованием учреждения"),
])
def test_unreadable_files_get_one_russian_message(service, tmp_path, name, content, message):
    path = Path(tmp_path / name)
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ImportFailure, match=message):
        service.preview_import(path)
