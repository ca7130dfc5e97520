"""Import: preview stores nothing; the same file twice adds nothing; a new version keeps history."""
from datetime import date

from domain_factories import MINOBR, MINOBR_DAT, MINZDRAV, MINZDRAV_DAT, TODAY, act, import_act, order, party

from tracker.control.api import OrderFilter
from tracker.models import Status


def first_act(number: str = "100-п"):
    return act(
        "a.txt",
        order("1", "Обеспечить размещение сведений", party(MINOBR_DAT, MINOBR), due=date(2024, 2, 1)),
        order("2", "Представлять отчёт", party(MINZDRAV_DAT, MINZDRAV), recurrence="ежеквартально"),
        order("3", "Сообщать о создании аккаунта", party(MINOBR_DAT, MINOBR),
              relative="в течение 3 рабочих дней с даты создания"),
        number=number,
    )


def all_rows(service):
    return service.list_orders(OrderFilter(), limit=None, today=TODAY).rows


def test_preview_parses_but_stores_nothing(service, parser, store, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("акт", encoding="utf-8")
    parser.results["a.txt"] = first_act()
    preview = service.preview_file(path)
    assert [o.number for o in preview.orders] == ["1", "2", "3"]
    assert preview.orders[0].responsible_names == [MINOBR]
    assert len(preview.sha256) == 64
    assert len(store.table("orders")) == 0 and len(store.table("acts")) == 0


def test_importing_the_same_file_twice_adds_nothing(service, parser, tmp_path):
    _, first = import_act(service, parser, tmp_path, "a.txt", first_act())
    assert (first.status, first.added_orders) == ("добавлен", 3)
    preview, again = import_act(service, parser, tmp_path, "a.txt", first_act())
    assert preview.duplicate_of == first.act_id
    assert (again.status, again.added_orders) == ("уже загружен", 0)
    assert len(all_rows(service)) == 3
    assert len(service.acts()) == 1


def test_the_same_act_in_another_file_with_no_changes_adds_nothing(service, parser, tmp_path):
    import_act(service, parser, tmp_path, "a.txt", first_act(), content="docx bytes")
    _, again = import_act(service, parser, tmp_path, "a.pdf", first_act(), content="pdf bytes")
    assert again.status == "уже загружен"
    assert len(all_rows(service)) == 3


def test_a_changed_version_is_recorded_and_orders_keep_their_history(service, parser, tmp_path):
    _, first = import_act(service, parser, tmp_path, "a.txt", first_act(), content="v1")
    kept_id = next(r.id for r in all_rows(service) if r.number == "1")
    service.report_received(kept_id, text="письмо № 5")
    changed = act(
        "a2.txt",
        order("1", "Обеспечить размещение сведений на сайте", party(MINOBR_DAT, MINOBR), due=date(2024, 4, 1)),
        order("2", "Представлять отчёт", party(MINZDRAV_DAT, MINZDRAV), recurrence="ежеквартально"),
        order("4", "Провести совещание", party(MINZDRAV_DAT, MINZDRAV), due=date(2024, 5, 1)),
    )
    preview, outcome = import_act(service, parser, tmp_path, "a2.txt", changed, content="v2")
    assert preview.new_version_of == first.act_id
    assert outcome.status == "новая редакция"
    assert outcome.added_orders == 1
    assert "Пункт 1: изменён текст" in outcome.changes
    assert "Пункт 1: срок «01.02.2024» → «01.04.2024»" in outcome.changes
    assert "Добавлен пункт 4" in outcome.changes and "Исключён пункт 3" in outcome.changes
    acts = service.acts()
    assert len(acts) == 1 and [v.version for v in acts[0].versions] == [1, 2]
    assert acts[0].versions[1].changes == outcome.changes
    card = service.order_card(kept_id, today=TODAY)
    assert card.order.text.endswith("на сайте")
    assert card.order.status == Status.REPORTED  # the report survived the new version
    assert [h.action for h in card.order.history] == ["created", "report", "version"]
    rows = {r.number: r for r in all_rows(service)}
    assert set(rows) == {"1", "2", "3", "4"}
    assert rows["3"].status == Status.WITHDRAWN
    # and the new version's file is known now
    _, again = import_act(service, parser, tmp_path, "a2.txt", changed, content="v2")
    assert again.status == "уже загружен"


def test_corrected_executor_names_feed_the_directory(service, parser, tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("b", encoding="utf-8")
    parser.results["b.txt"] = act("b.txt", order("1", "Обеспечить", party("ЦУРу", "ЦУР")), number="7")
    preview = service.preview_file(path)
    preview.orders[0].responsible_names = ["Центр управления регионом Иркутской области"]
    service.commit_import(preview)
    names = [e.name for e in service.executors()]
    assert names == ["Центр управления регионом Иркутской области"]
    # the next act that writes «ЦУРу» is recognised without a correction
    path2 = tmp_path / "c.txt"
    path2.write_text("c", encoding="utf-8")
    parser.results["c.txt"] = act("c.txt", order("1", "Доложить", party("ЦУРу", "ЦУР")), number="8")
    assert service.preview_file(path2).orders[0].responsible_names == ["Центр управления регионом Иркутской области"]


def test_dropped_orders_are_not_put_on_control(service, parser, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("a", encoding="utf-8")
    parser.results["a.txt"] = first_act()
    preview = service.preview_file(path)
    preview.orders[1].keep = False
    outcome = service.commit_import(preview)
    assert outcome.added_orders == 2
    assert sorted(r.number for r in all_rows(service)) == ["1", "3"]


def test_a_file_that_cannot_be_read_is_an_error_outcome(service, tmp_path):
    preview = service.preview_file(tmp_path / "нет-такого.docx")
    assert preview.error and "не открывается" in preview.error
    outcome = service.commit_import(preview)
    assert outcome.status == "ошибка" and outcome.added_orders == 0


def test_a_text_that_is_no_act_is_skipped(service, parser, tmp_path):
    from parsers.model import ParseResult

    path = tmp_path / "news.txt"
    path.write_text("новости", encoding="utf-8")
    parser.results["news.txt"] = ParseResult(source="news.txt", format="txt", text="новости")
    outcome = service.commit_import(service.preview_file(path))
    assert outcome.status == "пропущен"
    assert service.acts() == []


def test_preview_files_expands_directories_and_reports_progress(service, parser, tmp_path):
    folder = tmp_path / "acts"
    folder.mkdir()
    for index in range(3):
        (folder / f"{index}.txt").write_text(str(index), encoding="utf-8")
        parser.results[f"{index}.txt"] = first_act(number=f"{index}-п")
    (folder / "readme.md").write_text("не акт", encoding="utf-8")
    progress = list(service.preview_files([folder]))
    assert [(p.done, p.total) for p in progress] == [(1, 3), (2, 3), (3, 3)]
    assert all(p.preview and not p.preview.error for p in progress)
