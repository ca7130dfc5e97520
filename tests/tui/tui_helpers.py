"""Reading what the clerk sees, and waiting for the app rather than sleeping."""
from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import DataTable
from textual.worker import WorkerCancelled, WorkerState

TODAY = date(2026, 11, 2)  # the fixed clock of every desk test
SIZE = (160, 45)  # the fixed terminal size

# A second click on the same button within ~0.2 s is ignored by Textual: pause between clicks.
CLICK_GAP = 0.25


def label_text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def column_values(table: DataTable, column: int) -> list[str]:
    return [str(table.get_row_at(row)[column]) for row in range(table.row_count)]


def notifications(app) -> list[str]:
    return [note.message for note in app._notifications]


# Workers that live as long as their widget (DirectoryTree's loader): never waited for.
LONG_LIVED = {"_loader"}


async def settle(pilot: Pilot) -> None:
    """Let workers finish and the screen catch up (a cancelled worker, e.g. a tree reload, is fine)."""
    for _ in range(50):
        running = [w for w in pilot.app.workers
                   if w.state in (WorkerState.PENDING, WorkerState.RUNNING) and w.name not in LONG_LIVED]
        if not running:
            break
        try:
            await pilot.app.workers.wait_for_complete(running)
        except WorkerCancelled:
            pass
        await pilot.pause()
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*[("space" if ch == " " else ch) for ch in text])


async def report_and_accept(pilot: Pilot, report: str) -> None:
    """On an order's card: R (report received, with its text), then A (accept)."""
    from tracker.models import Status

    app = pilot.app
    await pilot.press("r")
    await pilot.pause()
    await type_text(pilot, report)
    await pilot.press("enter")
    await pilot.pause(CLICK_GAP)
    assert app.screen.card.order.status == Status.REPORTED
    await pilot.press("a")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert app.screen.card.order.status == Status.DONE


async def extend_on_card(pilot: Pilot, new_date: str, reason: str, basis: str = "") -> None:
    """On an order's card: E, a new date typed as the clerk would, the reason and basis, save."""
    from textual.widgets import Input

    app = pilot.app
    await pilot.press("e")
    await pilot.pause()
    await type_text(pilot, new_date)
    app.screen.query_one("#reason", Input).value = reason
    app.screen.query_one("#basis", Input).value = basis
    await pilot.press("ctrl+s")
    await pilot.pause()


async def mark_import_folder(pilot: Pilot) -> list:
    """F7, then X on the folder the file browser opens at: every act in it is chosen."""
    await pilot.press("f7")
    await settle(pilot)
    await pilot.press("x")
    await pilot.pause()
    return list(pilot.app.screen.chosen)


async def put_all_on_control(pilot: Pilot) -> int:
    """On the review screen: Ctrl+S once per act until the review closes; the orders kept."""
    from tui.screens.review import ReviewScreen

    review = pilot.app.screen
    assert isinstance(review, ReviewScreen)
    # an amending act's items in quoted new wording go on control with the act they amend (which
    # the bundled samples do not hold): they wait on the amending act
    kept = sum(1 for p in review.previews if not p.error for d in p.orders
               if d.keep and not (d.quoted and p.amended_acts))
    for _ in range(len(review.previews) + 1):
        if not isinstance(pilot.app.screen, ReviewScreen):
            break
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert not isinstance(pilot.app.screen, ReviewScreen)
    return kept
