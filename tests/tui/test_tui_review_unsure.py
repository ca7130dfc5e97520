"""The review screen marks what the rules are not sure of, so the clerk looks where it matters."""
from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Static
from tui_helpers import SIZE

from tracker.control.api import DraftOrder, ImportPreview
from tui.screens.review import UNSURE, ReviewScreen


def preview() -> ImportPreview:
    text = "3. Правительству обеспечить.\nСрок – 1 марта 2025 г.\n4. Главам обеспечить."
    return ImportPreview(
        source="perechen.txt", error=None, kind="перечень поручений", number=None, date=date(2025, 1, 10),
        issuer=None, title=None, text=text, warnings=[], unsure=["kind", "date"],
        orders=[DraftOrder(number="3", text="Правительству обеспечить.", span=(0, 28),
                           responsible=["Правительству"], responsible_names=["Правительство"],
                           due=date(2025, 3, 1), confidence=0.9),
                DraftOrder(number="4", text="Главам обеспечить.", span=(52, 70), responsible=["Главам"],
                           responsible_names=["Главы"], relative="при угрозе", confidence=0.6,
                           unsure=["responsible", "deadline"])])


async def test_unsure_act_details_and_order_fields_are_marked(fake_app):
    async with fake_app.run_test(size=SIZE) as pilot:
        fake_app.push_screen(ReviewScreen([preview()]))
        await pilot.pause()
        screen = fake_app.screen
        notes = str(screen.query_one("#review-notes", Static).render())
        assert "Проверьте по тексту акта (правило не уверено или строка скана прочитана плохо): вид, дата." in notes
        table = screen.query_one("#review-orders", DataTable)
        sure_row, unsure_row = (table.get_row_at(i) for i in range(2))
        assert not str(sure_row[1]).endswith(UNSURE) and not str(sure_row[2]).endswith(UNSURE)
        assert str(unsure_row[1]) == "Главы" + UNSURE and str(unsure_row[2]).endswith(UNSURE)
        await pilot.press("down")
        await pilot.pause()
        detail = str(screen.query_one("#review-detail", Static).render())
        assert "Проверьте: исполнитель, срок" in detail
