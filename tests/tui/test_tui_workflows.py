"""The clerk's main workflows, end to end, on the real service over a real database file.

import → review with corrections → on control; filter to overdue; report and accept (done);
extend with a reason. After each, the service (reopened from disk) holds the result.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import Input
from tui_helpers import (
    CLICK_GAP,
    SIZE,
    TODAY,
    column_values,
    extend_on_card,
    mark_import_folder,
    put_all_on_control,
    report_and_accept,
    settle,
    type_text,
)

import tracker
from tracker.control.api import OrderFilter
from tracker.models import Status
from tracker.root import compose
from tui.app import make_app
from tui.dialogs.draft_order import DraftOrderDialog
from tui.dialogs.file_picker import FilePickerDialog
from tui.screens.card import CardScreen
from tui.screens.review import ReviewScreen
from tui.widgets.orders_table import OrdersTable

FIXED_NOW = datetime(2026, 11, 2, 10, 0)

ACT_ONE = """ПРАВИТЕЛЬСТВО ИРКУТСКОЙ ОБЛАСТИ
ПОСТАНОВЛЕНИЕ
от 30 июня 2026 года № 611-пп

Об официальных страницах исполнительных органов государственной власти Иркутской области

В целях обеспечения открытости деятельности исполнительных органов Правительство Иркутской области ПОСТАНОВЛЯЕТ:

1. Минобру Иркутской области обеспечить создание официальных страниц в социальных сетях в срок до 1 октября 2026 года.
2. Министерству здравоохранения Иркутской области подключить подведомственные учреждения к системе «Госпаблики» в срок до 15 ноября 2026 года.
3. Министерству культуры Иркутской области представить сведения об официальных страницах в срок до 1 сентября 2026 года.
4. Контроль за исполнением настоящего постановления возложить на заместителя Председателя Правительства Иркутской области.

Губернатор Иркутской области И.И. Иванов
"""

ACT_TWO = """ПРАВИТЕЛЬСТВО ИРКУТСКОЙ ОБЛАСТИ
РАСПОРЯЖЕНИЕ
от 1 октября 2026 года № 845-рп

О подготовке к отопительному сезону

1. Минобру Иркутской области представить план подготовки школ в срок до 1 декабря 2026 года.
2. Контроль за исполнением настоящего распоряжения оставляю за собой.

Губернатор Иркутской области И.И. Иванов
"""

CORRECTED = "Министерство образования Иркутской области"


def open_real(path: Path):
    return compose(path, user="делопроизводитель", clock=lambda: FIXED_NOW).control


@pytest.fixture
def acts_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "acts"
    folder.mkdir()
    (folder / "611-пп.txt").write_text(ACT_ONE, encoding="utf-8")
    return folder


@pytest.fixture(params=["file", "postgresql"])
def db_path(request, tmp_path: Path) -> Path | str:
    """Each workflow runs on a database file and on the region's PostgreSQL server alike."""
    if request.param == "postgresql":
        return request.getfixturevalue("pg_url")
    return tmp_path / "data" / "desk.db"


async def import_through_the_desk(app, pilot) -> ReviewScreen:
    """F7, mark the folder in the file browser, load: the review screen opens when parsing ends."""
    chosen = await mark_import_folder(pilot)  # the cursor starts on the folder itself
    assert isinstance(app.screen, FilePickerDialog)
    assert [p.name for p in chosen] == ["611-пп.txt"]
    await pilot.press("ctrl+s")
    await settle(pilot)
    await settle(pilot)
    assert isinstance(app.screen, ReviewScreen), type(app.screen)
    return app.screen


async def test_import_review_with_corrections_then_on_control(db_path: Path, acts_dir: Path, tmp_path: Path):
    service = open_real(db_path)
    app = make_app(service, today=TODAY, import_dir=acts_dir)
    async with app.run_test(size=SIZE) as pilot:
        review = await import_through_the_desk(app, pilot)
        drafts = review.preview.orders
        assert [d.number for d in drafts] == ["1", "2", "3"]
        assert drafts[0].responsible == ["Минобру Иркутской области"]

        # correct the executor of item 1 in its dialog
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, DraftOrderDialog)
        app.screen.query_one("#executors", Input).value = CORRECTED
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert review.preview.orders[0].responsible_names == [CORRECTED]

        # drop item 3 as a false order
        await pilot.press("down", "down", "d")
        await pilot.pause()
        assert review.preview.orders[2].keep is False

        # add a missed order
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DraftOrderDialog)
        dialog.query_one("#number", Input).value = "5"
        dialog.query_one("#executors", Input).value = "Министерство культуры Иркутской области"
        dialog.query_one("#due", Input).value = "20.12.2026"
        dialog.query_one("#text").text = "Провести проверку официальных страниц учреждений культуры."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [d.number for d in review.preview.orders] == ["1", "2", "3", "5"]

        await pilot.press("ctrl+s")  # put on control
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)
    service.close()

    stored = open_real(db_path)
    rows = stored.list_orders(OrderFilter(), limit=None, today=TODAY).rows
    by_number = {row.number: row for row in rows}
    assert sorted(by_number) == ["1", "2", "5"]
    assert by_number["1"].executors == CORRECTED
    assert by_number["5"].due == date(2026, 12, 20)
    # the directory learned the correction: the next act's «Минобру» is the ministry by name
    second = tmp_path / "845-рп.txt"
    second.write_text(ACT_TWO, encoding="utf-8")
    preview = stored.preview_file(second)
    assert preview.orders[0].responsible_names == [CORRECTED]
    stored.close()


@pytest.fixture
def loaded_db(db_path: Path, acts_dir: Path) -> Path:
    """The act imported through the service, as `tracker import --yes` would."""
    service = open_real(db_path)
    for progress in service.preview_files([acts_dir]):
        assert progress.preview is not None and progress.preview.error is None
        service.commit_import(progress.preview)
    service.close()
    return db_path


async def open_first_overdue(app, pilot) -> str:
    await pilot.press("f3")
    await pilot.pause()
    await pilot.press("ctrl+o")
    await pilot.pause()
    table = app.screen.query_one(OrdersTable)
    assert column_values(table, 0) == ["! 3", "! 1"]  # 01.09 before 01.10: by deadline
    order_id = table.current_order_id
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, CardScreen)
    return order_id


async def test_filter_to_overdue_then_report_and_accept(loaded_db: Path):
    service = open_real(loaded_db)
    app = make_app(service, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        order_id = await open_first_overdue(app, pilot)
        await report_and_accept(pilot, "письмо 12-345")
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one(OrdersTable)
        assert column_values(table, 0) == ["! 1"]  # done: no longer overdue, no longer open
    service.close()

    stored = open_real(loaded_db)
    order = stored.order_card(order_id, TODAY).order
    assert order.status == Status.DONE
    assert [a.report for a in order.assignments] == ["письмо 12-345"]
    stored.close()


async def test_extend_with_a_reason(loaded_db: Path):
    service = open_real(loaded_db)
    app = make_app(service, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        order_id = await open_first_overdue(app, pilot)
        await extend_on_card(pilot, "15.12.2026", "по просьбе исполнителя", "письмо от 30.10.2026 № 01-77")
        assert isinstance(app.screen, CardScreen)
        assert not app.screen.card.overdue
    service.close()

    stored = open_real(loaded_db)
    order = stored.order_card(order_id, TODAY).order
    extension = order.extensions[-1]
    assert (extension.old, extension.new) == (date(2026, 9, 1), date(2026, 12, 15))
    assert extension.reason == "по просьбе исполнителя"
    assert extension.basis == "письмо от 30.10.2026 № 01-77"
    assert any(entry.why == "по просьбе исполнителя" for entry in order.history)
    stored.close()


SAMPLE_ACTS = Path(tracker.__file__).parent / "samples" / "acts"


async def test_the_bundled_sample_acts_go_on_control_through_the_desk(db_path: Path):
    service = open_real(db_path)
    app = make_app(service, today=TODAY, import_dir=SAMPLE_ACTS)
    async with app.run_test(size=SIZE) as pilot:
        chosen = await mark_import_folder(pilot)
        assert len(chosen) == len(list(SAMPLE_ACTS.glob("*.txt")))
        await pilot.press("ctrl+s")
        await settle(pilot)
        expected = await put_all_on_control(pilot)
        assert expected > 0
        assert app.current_mode == "acts"
        acts_table = app.screen.query_one("#acts-table")
        assert acts_table.row_count == len(service.acts()) > 0
    assert service.list_orders(OrderFilter(), limit=None, today=TODAY).total == expected
    again = [service.commit_import(p.preview) for p in service.preview_files([SAMPLE_ACTS]) if p.preview]
    assert sum(outcome.added_orders for outcome in again) == 0
    service.close()


async def test_a_term_waiting_for_its_event_date_is_counted_listed_and_dated_from_the_card(db_path: Path):
    service = open_real(db_path)
    for progress in service.preview_files([SAMPLE_ACTS / "07-sroki-otnositelnye-i-periodicheskie.txt"]):
        assert progress.preview is not None
        service.commit_import(progress.preview)
    app = make_app(service, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tile = app.screen.query_one("#tile-needs-date")
        assert str(tile.query_one(".value").render()) == "2"  # «при поступлении…», «в течение 2 рабочих дней»
        await pilot.press("d")  # Сводка: «Нужна дата»
        await pilot.pause()
        table = app.screen.query_one(OrdersTable)
        assert sorted(column_values(table, 0)) == ["2.2", "2.3"]
        while table.current_order_id and service.get_order(table.current_order_id).number != "2.3":
            await pilot.press("down")
            await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        await pilot.press("d")  # Карточка: «Дата события»
        await pilot.pause()
        await type_text(pilot, "30.10.2026")
        await pilot.press("enter")
        await pilot.pause(CLICK_GAP)
        assert app.screen.card.order.deadline.due == date(2026, 11, 3)  # 31.10–01.11 weekend, 02.11 a working day
        assert not app.screen.card.needs_date
    service.close()


async def test_a_desk_sees_another_clerks_change_without_a_restart(loaded_db: Path):
    desk_service = open_real(loaded_db)
    other_clerk = open_real(loaded_db)
    app = make_app(desk_service, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        table = app.screen.query_one(OrdersTable)
        assert column_values(table, 0) == ["! 3", "! 1"]
        assert app.pick_up_changes() is False  # nothing changed yet: the screen is left alone

        first_overdue = other_clerk.resolve_order_id(table.current_order_id)
        other_clerk.extend(first_overdue, date(2026, 12, 15), "по просьбе исполнителя")

        assert app.pick_up_changes() is True  # what the desk's 3-second timer calls
        await pilot.pause()
        assert column_values(table, 0) == ["! 1"]  # the extended order is no longer overdue
    desk_service.close()
    other_clerk.close()
