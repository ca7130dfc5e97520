"""Pictures of the main screens, pinned: fixed clock (02.11.2026), fixed size, fixed data.

Update after an intended change of look: `pytest tests/tui/test_tui_snapshots.py --snapshot-update`.
"""
from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from tui_fakes import sample_service
from tui_helpers import SIZE, TODAY

from tracker.control.api import DraftOrder, ImportPreview
from tui.app import make_app
from tui.screens.review import ReviewScreen


def desk():
    return make_app(sample_service(), today=TODAY)


def test_dashboard(snap_compare):
    assert snap_compare(desk(), terminal_size=SIZE)


def test_orders_filtered_to_overdue(snap_compare):
    assert snap_compare(desk(), press=["o"], terminal_size=SIZE)


def test_order_card_with_source_passage(snap_compare):
    async def open_card(pilot: Pilot) -> None:
        pilot.app.open_card("o1")
        await pilot.pause()

    assert snap_compare(desk(), run_before=open_card, terminal_size=SIZE)


def test_extend_dialog_with_a_validation_message(snap_compare):
    async def extend(pilot: Pilot) -> None:
        pilot.app.open_card("o1")
        await pilot.pause()
        await pilot.press("e")
        await pilot.press(*"31.09.2026")
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(desk(), run_before=extend, terminal_size=SIZE)


def test_acts(snap_compare):
    assert snap_compare(desk(), press=["f4"], terminal_size=SIZE)


def test_import_review(snap_compare):
    text = ("ПОСТАНОВЛЕНИЕ\nот 01.10.2026 № 77-п\n\n1. Министерству образования представить отчёт "
            "в срок до 01.12.2026.\n2. Минздраву обеспечить приём заявлений.\n")
    first = text.index("1.")
    preview = ImportPreview(
        source="/acts/77-п.txt", error=None, kind="постановление", number="77-п", date=date(2026, 10, 1),
        issuer="Правительство области", title="О мерах поддержки", text=text,
        orders=[
            DraftOrder(number="1", text="Представить отчёт.", span=(first, text.index("\n", first)),
                       responsible=["Министерству образования"], responsible_names=["Министерство образования"],
                       deadline_text="в срок до 01.12.2026", due=date(2026, 12, 1), confidence=0.95),
            DraftOrder(number="2", text="Обеспечить приём заявлений.", responsible=["Минздраву"],
                       responsible_names=["Минздрав"], confidence=0.4),
        ],
        warnings=["у пункта 2 не найден срок"],
    )

    async def review(pilot: Pilot) -> None:
        pilot.app.push_screen(ReviewScreen([preview]))
        await pilot.pause()

    assert snap_compare(desk(), run_before=review, terminal_size=SIZE)


def test_help(snap_compare):
    assert snap_compare(desk(), press=["f1"], terminal_size=SIZE)
