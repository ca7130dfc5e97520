"""Regenerate the README's screenshots: `.venv/bin/python docs/screenshots/make.py`.

The bundled sample acts and registry go into a temporary database; the clock is fixed at
02.11.2026 and the terminal at 160×45, so the pictures only change when the desk does.
"""
from __future__ import annotations

import asyncio
import tempfile
from datetime import date, datetime
from pathlib import Path

from tracker.root import compose
from tui.app import make_app
from tui.screens.review import ReviewScreen

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
TODAY = date(2026, 11, 2)


async def shoot(folder: Path) -> None:
    opened = compose(folder / "desk.db", user="делопроизводитель", clock=lambda: datetime(2026, 11, 2, 10))
    control, registry, drafting = opened.control, opened.registry, opened.drafting
    acts = ROOT / "tracker" / "samples" / "acts"
    previews = [p.preview for p in control.preview_files([acts]) if p.preview]
    for preview in previews[1:]:  # the first one is left for the review picture
        control.commit_import(preview)
    sheet = ROOT / "tracker" / "samples" / "registry" / "registry-sample.csv"
    registry.commit_import(registry.preview_import(sheet, when=date(2026, 10, 1)))
    app = make_app(control, registry=registry, drafting=drafting, today=TODAY, import_dir=acts)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        app.save_screenshot("dashboard.svg", OUT)
        await pilot.press("o")
        await pilot.pause()
        app.save_screenshot("orders-overdue.svg", OUT)
        await pilot.press("enter")
        await pilot.pause()
        app.save_screenshot("order-card.svg", OUT)
        await pilot.press("e")
        await pilot.press(*"31.09.2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.save_screenshot("extend-dialog.svg", OUT)
        await pilot.press("escape", "escape", "f4")
        await pilot.pause()
        app.save_screenshot("acts.svg", OUT)
        app.push_screen(ReviewScreen([previews[0]]))
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        app.save_screenshot("import-review.svg", OUT)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape", "f5")
        await pilot.pause()
        app.save_screenshot("registry.svg", OUT)
        await pilot.press("f6")
        await pilot.pause()
        app.save_screenshot("drafts.svg", OUT)
        await pilot.press("f1")
        await pilot.pause()
        app.save_screenshot("help.svg", OUT)
    control.close()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(shoot(Path(tmp)))
