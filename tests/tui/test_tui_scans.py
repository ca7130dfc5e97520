"""Scanned acts on the desk: a scan's pages show progress while they are recognised, the
import's cancel stops the recognition, and the review marks orders from poorly read lines."""
from __future__ import annotations

import sys
import threading
from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Label, Static
from tui_helpers import SIZE, TODAY, column_values, settle

from tracker.control.api import DraftOrder, ImportPreview, ImportProgress
from tui.app import make_app
from tui.screens.importing import ImportScreen
from tui.screens.review import ReviewScreen
from tui.widgets.source_view import SourceView

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parsers"))
from scans import Print, save_jpegs, scanned_pages  # noqa: E402

SCAN_TEXT = """ПОСТАНОВЛЕНИЕ
от 12.03.2026 № 418-п
1. Управлению образования организовать проверку готовности школ в срок до 14 августа 2026 года.
Глава округа О.В. Никитин
"""
POOR = "1. Управлению образоваиия организовать пр0верку"
TEXT = f"ПОСТАНОВЛЕНИЕ\n{POOR}\n2. Отделу культуры провести смотр."


def scanned_preview(source: str) -> ImportPreview:
    start = TEXT.index(POOR)
    second = TEXT.index("2.")
    return ImportPreview(
        source=source, error=None, kind="постановление", number="418-п", date=date(2026, 3, 12), issuer=None,
        title=None, text=TEXT, warnings=[], poorly_read=[(start, start + len(POOR), 0.58)],
        orders=[DraftOrder(number="1", text=POOR[3:], span=(start, start + len(POOR)), confidence=0.58,
                           responsible=["Управлению образования"], read_confidence=0.58, poorly_read=True,
                           unsure=["responsible"]),
                DraftOrder(number="2", text="Отделу культуры провести смотр.", span=(second, len(TEXT)),
                           confidence=0.85, responsible=["Отделу культуры"], read_confidence=0.95)])


class ScanService:
    """The fake desk service, parsing a three-page scan that pauses on its first page."""

    def __init__(self, fake, block: bool) -> None:
        self.fake = fake
        self.block = block
        self.cancelled = threading.Event()
        self.started = threading.Event()

    def __getattr__(self, name):
        return getattr(self.fake, name)

    def preview_files(self, paths, on_page=None, cancel=None):
        source = str(paths[0])
        on_page(source, 0, 3)
        on_page(source, 1, 3)
        self.started.set()
        if self.block:
            if cancel.wait(timeout=10):
                self.cancelled.set()
                return
        on_page(source, 3, 3)
        yield ImportProgress(done=1, total=1, source=source, preview=scanned_preview(source))


async def open_import(app, pilot, paths) -> ImportScreen:
    screen = ImportScreen(paths)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def test_a_scan_shows_its_pages_and_the_cancel_stops_the_recognition(fake, tmp_path):
    service = ScanService(fake, block=True)
    app = make_app(service, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(app, pilot, [tmp_path / "скан.jpg"])
        assert service.started.wait(timeout=10)
        await pilot.pause()
        await pilot.pause()
        assert "скан.jpg: распознавание скана, страница 2 из 3" in str(screen.query_one("#import-pages", Label).render())
        await pilot.press("escape")
        await settle(pilot)
        assert service.cancelled.is_set()
        assert not isinstance(app.screen, (ImportScreen, ReviewScreen))


async def test_the_review_marks_orders_from_poorly_read_lines_and_shows_the_line(fake, tmp_path):
    app = make_app(ScanService(fake, block=False), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_import(app, pilot, [tmp_path / "скан.jpg"])
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        table = review.query_one("#review-orders", DataTable)
        assert column_values(table, 0) == ["1 (?)", "2"]
        assert column_values(table, 1) == ["Управлению образования (?)", "Отделу культуры"]
        assert "(?)" not in column_values(table, 2)[0]
        assert "(?)" not in str(review.query_one("#review-title", Label).render())  # the act's details read well
        detail = str(review.query_one("#review-detail", Static).render())
        assert "Распознано со скана неуверенно (58%)" in detail and POOR in detail
        body = review.query_one(SourceView).query_one("#source-body", Static).render()
        marked = [TEXT[span.start:span.end] for span in body.spans if getattr(span.style, "underline", False)]
        assert marked == [POOR]
        await pilot.press("down")
        await pilot.pause()
        assert "неуверенно" not in str(review.query_one("#review-detail", Static).render())


async def test_a_scanned_jpeg_goes_through_the_real_import(tmp_path):
    from tracker.root import compose

    folder = tmp_path / "scans"
    folder.mkdir()
    save_jpegs(scanned_pages(SCAN_TEXT, Print(seed=3)), folder / "418-п")
    service = compose(tmp_path / "desk.db", user="делопроизводитель").control
    app = make_app(service, today=TODAY, import_dir=folder)
    async with app.run_test(size=SIZE) as pilot:
        await open_import(app, pilot, [folder])
        await settle(pilot)
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen), type(review)
        assert review.preview.number == "418-п"
        assert [d.number for d in review.preview.orders] == ["1"]
        assert review.preview.orders[0].read_confidence is not None
    service.close()


async def test_the_review_names_the_act_details_read_from_a_poorly_read_line(fake):
    header = "от 12.03.2026 № 418-п"
    text = f"ПОСТАНОВЛЕНИЕ\n{header}\n2. Отделу культуры провести смотр."
    start = text.index(header)
    preview = ImportPreview(
        source="скан.jpg", error=None, kind="постановление", number="418-п", date=date(2026, 3, 12), issuer=None,
        title=None, text=text, poorly_read=[(start, start + len(header), 0.64)], unsure=["number", "date"],
        warnings=[f"Реквизиты акта взяты из плохо распознанных строк скана, сверьте их с оригиналом: "
                  f"номер, дата — «{header}»."],
        orders=[DraftOrder(number="2", text="Отделу культуры провести смотр.", span=(text.index("2."), len(text)),
                           confidence=0.85, responsible=["Отделу культуры"], read_confidence=0.95)])
    app = make_app(fake, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ReviewScreen([preview]))
        await pilot.pause()
        title = str(app.screen.query_one("#review-title", Label).render())
        notes = str(app.screen.query_one("#review-notes", Static).render())
        assert title.endswith("(?)")
        assert "строка скана прочитана плохо): номер, дата." in notes
        assert f"номер, дата — «{header}»" in notes
