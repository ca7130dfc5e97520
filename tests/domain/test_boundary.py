"""Storage errors never cross a service: they arrive as tracker errors with the same Russian message."""
from __future__ import annotations

from contextlib import contextmanager

import pytest

from db import MemoryStore
from db import errors as store_errors
from tracker import errors
from tracker.boundary import translated
from tracker.drafting.service import DraftResult
from tracker.root import assemble, compose


class BusyStore(MemoryStore):
    """A store whose every write finds the database locked by another process."""

    @contextmanager
    def transaction(self):
        raise store_errors.LockedError("/данные/tracker.db")
        yield  # pragma: no cover - never reached


def test_a_locked_database_reaches_the_desk_as_a_tracker_error():
    app = assemble(BusyStore(), user="тест")
    with pytest.raises(errors.LockedError) as caught:
        app.control.create_order(None, "1", "Провести совещание", ["Минобразования"])
    assert isinstance(caught.value, errors.TrackerError)
    assert not isinstance(caught.value, store_errors.StoreError)
    assert "База /данные/tracker.db занята другим процессом" in str(caught.value)


def test_the_registry_and_drafting_translate_too():
    app = assemble(BusyStore(), user="тест")
    with pytest.raises(errors.LockedError):
        app.registry.add_record("МБУК «Библиотека № 1»", "Областные учреждения")
    with pytest.raises(errors.StorageError):
        app.drafting.remember(DraftResult(files=[], log_entry={"id": "q", "kind": "quarterly",
                                                               "as_of": "2026-11-05"}))


def test_a_damaged_database_file_is_a_tracker_error_naming_what_to_do(tmp_path):
    path = tmp_path / "tracker.db"
    path.write_text("это не база", encoding="utf-8")
    with pytest.raises(errors.DamagedStoreError, match="повреждён"):
        compose(path)


def test_a_database_url_opens_the_server_store(pg_url):
    app = compose(pg_url)
    try:
        assert type(app.store).__name__ == "PgStore"
        assert app.drafts_dir is None
    finally:
        app.store.close()


def test_a_stale_record_is_a_conflict_with_the_stores_message():
    original = store_errors.ConflictError("orders", "a1b2c3", 1, 2)
    result = translated(original)
    assert type(result) is errors.ConflictError and result.__cause__ is original
    assert str(result) == str(original) and "уже изменена другим пользователем" in str(result)
