"""The clerk's main workflows through the desk on a real database built from the dev corpus:
import the corpus → review with a correction → on control; filter to overdue; report and
accept (done); extend with a reason. The store, reopened from disk, holds the results.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from test_corpus_golden import CORPUS
from textual.widgets import Input
from tui_helpers import (
    SIZE,
    TODAY,
    extend_on_card,
    mark_import_folder,
    put_all_on_control,
    report_and_accept,
    settle,
)

from tracker.control.api import OrderFilter
from tracker.models import Status
from tracker.root import compose
from tui.app import make_app
from tui.dialogs.draft_order import DraftOrderDialog
from tui.screens.card import CardScreen
from tui.screens.review import ReviewScreen
from tui.widgets.orders_table import OrdersTable

NOW = datetime(TODAY.year, TODAY.month, TODAY.day, 10, 0)
CORRECTED = "Министерство образования Иркутской области"


def open_real(path: Path):
    return compose(path, user="делопроизводитель", clock=lambda: NOW).control


async def test_the_dev_corpus_through_the_desk(tmp_path: Path):
    docs = CORPUS / "dev" / "docs"
    assert docs.is_dir(), f"нет корпуса {docs}: задайте TRACKER_CORPUS"
    db_path = tmp_path / "corpus.db"
    service = open_real(db_path)
    app = make_app(service, today=TODAY, import_dir=docs)
    async with app.run_test(size=SIZE) as pilot:
        # import every act of the folder
        assert await mark_import_folder(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        # correct the executor of the first order of the Irkutsk list (its first act, 000_*)
        irkutsk = next(p for p in review.previews if Path(p.source).name.startswith("000_"))
        assert review.preview is irkutsk
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, DraftOrderDialog)
        app.screen.query_one("#executors", Input).value = CORRECTED
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert irkutsk.orders[0].responsible_names == [CORRECTED]
        expected = await put_all_on_control(pilot)
        assert service.list_orders(OrderFilter(), limit=None, today=TODAY).total == expected >= 30

        # overdue orders: every dated deadline of these old acts has passed
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        table = app.screen.query_one(OrdersTable)
        overdue = service.list_orders(OrderFilter(overdue=True), limit=None, today=TODAY)
        assert table.row_count == overdue.total > 0
        done_id = table.current_order_id

        # report received, then accepted: done
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        await report_and_accept(pilot, "письмо 01-15")
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one(OrdersTable)
        assert table.row_count == overdue.total - 1

        # extend the next overdue order with a reason
        extended_id = table.current_order_id
        old_due = service.get_order(extended_id).deadline.due
        await pilot.press("enter")
        await pilot.pause()
        await extend_on_card(pilot, "15.12.2026", "по просьбе исполнителя")
        assert isinstance(app.screen, CardScreen)
        assert not app.screen.card.overdue
    service.close()

    stored = open_real(db_path)
    assert stored.get_order(done_id).status == Status.DONE
    moved = stored.get_order(extended_id)
    assert (moved.extensions[-1].old, moved.extensions[-1].new) == (old_due, date(2026, 12, 15))
    assert moved.extensions[-1].reason == "по просьбе исполнителя"
    corrected = stored.list_orders(OrderFilter(text="стратегию информационного сопровождения"),
                                   limit=None, today=TODAY).rows
    assert [(row.number, row.executors) for row in corrected] == [("1.1", CORRECTED)]
    stored.close()
