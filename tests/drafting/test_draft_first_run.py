"""First run of the desk asks once for what the drafts would leave blank (issue 10, finding 6)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from drafting_samples import SAMPLES, run
from textual.widgets import Input

from tracker import settings
from tracker.root import compose
from tui.app import make_app
from tui.dialogs.letterhead import LetterheadDialog

TODAY = date(2026, 12, 4)
ACT_1611 = Path(__file__).parent / "data" / "1611-p.txt"


@pytest.fixture
def desk_db(tmp_path: Path) -> Path:
    db = tmp_path / "desk.db"
    run("registry", "import", "--yes", "--db", str(db), str(SAMPLES / "registry" / "registry-sample.csv"))
    return db


def desk(db: Path):
    app = compose(db, user="делопроизводитель")
    return app, app.drafting, make_app(app.control, drafting=app.drafting, today=TODAY, ask_missing=True)


async def test_first_run_asks_once_and_the_answers_fill_the_letterhead(desk_db):
    root, drafting, app = desk(desk_db)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, LetterheadDialog)
            asked = {widget.id for widget in dialog.query(Input)}
            assert asked == {"letterhead-name", "letterhead-name_genitive", "letterhead-signatory_position",
                             "letterhead-signatory_person"}
            await pilot.press("ctrl+s")  # nothing typed: told what to do, nothing saved
            await pilot.pause()
            assert isinstance(app.screen, LetterheadDialog)
            dialog.query_one("#letterhead-name", Input).value = "Администрация города Обнинска"
            dialog.query_one("#letterhead-signatory_position", Input).value = "Глава Администрации города"
            dialog.query_one("#letterhead-signatory_person", Input).value = "Т.Н. Леонова"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not isinstance(app.screen, LetterheadDialog)
        org = settings.load(root.store, "organisation", settings.Organisation)
        assert (org.name, org.name_genitive, org.signatory_position, org.signatory_person) == (
            "Администрация города Обнинска", "Администрации города Обнинска", "Глава Администрации города",
            "Т.Н. Леонова")  # the genitive left empty is made from the name
        assert drafting.first_run_questions() == []
    finally:
        root.close()
    root, _drafting, app = desk(desk_db)  # the next start asks nothing
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert not isinstance(app.screen, LetterheadDialog)
    finally:
        root.close()


async def test_skipping_with_escape_is_remembered_too(desk_db):
    root, drafting, app = desk(desk_db)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LetterheadDialog)
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, LetterheadDialog)
        assert drafting.first_run_questions() == []
        assert settings.load(root.store, "organisation", settings.Organisation).name.startswith("Администрация ___")
    finally:
        root.close()


async def test_nothing_is_asked_when_the_imported_act_gives_it_all(desk_db):
    run("import", "--yes", "--db", str(desk_db), str(ACT_1611))
    root, drafting, app = desk(desk_db)
    try:
        assert drafting.missing() == []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert not isinstance(app.screen, LetterheadDialog)
    finally:
        root.close()
