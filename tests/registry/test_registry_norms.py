"""Weekly activity against the norms of the acts: ≥ 3 publications a week, reposts ≤ 25 %."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from registry_fakes import make_activity, write_rows

from tracker import settings
from tracker.errors import ImportFailure
from tracker.registry.norms import NormSettings

HEADER = ["Страница", "Неделя с", "Публикаций", "Из них репостов"]


def test_short_weeks_and_too_many_reposts_are_named_with_the_basis_act(loaded, registry, tmp_path):
    page_a, page_b = registry.accepted[0], registry.accepted[1]
    rows = [HEADER,
            [page_a.vk, "05.10.2026", "5", "1"],
            [page_a.vk, "12.10.2026", "2", "0"],
            [page_a.vk, "19.10.2026", "4", "2"],
            [page_a.vk, "26.10.2026", "4", "1"],  # exactly 25 %: within the norm
            [page_b.vk.replace("https://", ""), "05.10.2026", "0", "0"],
            ["https://vk.com/not_in_registry", "05.10.2026", "1", "0"]]
    report = loaded.check_norms(write_rows(tmp_path / "act.csv", rows))
    found = [(v.organisation, v.activity.week, v.norm) for v in report.violations]
    assert found == [
        (page_a.name, date(2026, 10, 12), "мало публикаций"),
        (page_a.name, date(2026, 10, 19), "много репостов"),
        (page_b.name, date(2026, 10, 5), "мало публикаций"),
        ("", date(2026, 10, 5), "мало публикаций"),
    ]
    first = report.violations[0]
    assert first.message == "неделя с 12.10.2026: публикаций 2 при норме не менее 3"
    assert "1611-п" in first.basis and first.responsible == page_a.person and first.district == page_a.district
    assert report.violations[1].message == "неделя с 19.10.2026: репостов 2 из 4 (50%) при норме не более 25%"
    assert "№ 171" in report.violations[1].basis
    assert report.unknown_pages == ["https://vk.com/not_in_registry"]
    assert (report.rows, report.pages, report.pages_failing) == (6, 3, 3)


def test_the_norms_are_settings_tied_to_their_acts(loaded, registry, tmp_path):
    settings.save(loaded.store, "norms", NormSettings(min_posts_per_week=2, min_posts_basis="распоряжение № 5-р",
                                                      max_repost_share=0.5))
    rows = [HEADER, [registry.accepted[0].vk, "05.10.2026", "2", "1"], [registry.accepted[0].vk, "12.10.2026", "1", "0"]]
    report = loaded.check_norms(write_rows(tmp_path / "act.csv", rows))
    assert [(v.norm, v.basis) for v in report.violations] == [("мало публикаций", "распоряжение № 5-р")]
    assert "norms" in settings.SECTIONS


def test_a_generated_month_of_activity_counts_every_violation(loaded, registry, tmp_path):
    weeks = [date(2026, 10, 5) + timedelta(weeks=k) for k in range(4)]
    rows = make_activity(registry, weeks, pages=80)
    report = loaded.check_norms(write_rows(tmp_path / "month.csv", rows))
    figures = [(int(p), int(r)) for _page, _week, p, r in rows[1:]]
    assert report.rows == len(figures)
    assert sum(v.norm == "мало публикаций" for v in report.violations) == sum(p < 3 for p, _ in figures)
    assert sum(v.norm == "много репостов" for v in report.violations) == sum(p and r / p > 0.25 for p, r in figures)
    assert report.unknown_pages == [] and all(v.organisation for v in report.violations)


def test_activity_from_xlsx_and_bad_rows(loaded, registry, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in [HEADER, [registry.accepted[0].vk, date(2026, 10, 5), 2, 0], ["страница школы", "05.10.2026", 3, 0],
                [registry.accepted[0].vk, "12.10.2026", "много", 0], [registry.accepted[0].vk, "19.10.2026", 2, 3]]:
        sheet.append(row)
    book.save(tmp_path / "act.xlsx")
    report = loaded.check_norms(tmp_path / "act.xlsx")
    assert [v.activity.week for v in report.violations] == [date(2026, 10, 5)]
    assert [issue.text() for issue in report.issues] == [
        "Строка 3: «страница школы» — не адрес страницы ВКонтакте, Одноклассников или Telegram",
        "Строка 4: число публикаций «много» — не число",
        "Строка 5: репостов (3) больше, чем публикаций (2)",
    ]


def test_a_file_without_the_activity_columns_is_refused(loaded, tmp_path):
    with pytest.raises(ImportFailure, match="не найдены столбцы «Страница», «Неделя с», «Публикаций»"):
        loaded.check_norms(write_rows(tmp_path / "x.csv", [["Фамилия", "Имя"], ["Иванов", "Иван"]]))


def test_activity_is_kept_per_page_and_week_without_duplicates(loaded, registry, tmp_path):
    rows = [HEADER, [registry.accepted[0].vk, "05.10.2026", "4", "0"]]
    path = write_rows(tmp_path / "act.csv", rows)
    loaded.check_norms(path)
    loaded.check_norms(path)
    assert len(loaded.store.table("registry_activity")) == 1
