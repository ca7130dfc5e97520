"""The server store with many clerks at once: no change lost, no silent overwrite, changes seen."""
from __future__ import annotations

from pathlib import Path

import pytest
from pgcluster import run_two_writers as run_processes

from db import ConflictError, StoreError
from db.postgres import open_pg_store, redact

WORKER = Path(__file__).with_name("pg_worker.py")


def run_two_writers(url: str, mode: str, count: int = 50) -> list[dict]:
    return run_processes(WORKER, lambda name: [url, name, str(count), mode])


@pytest.fixture
def server_store(pg_url):
    store = open_pg_store(pg_url, schema_version=1)
    store.table("orders").insert({"id": "o1", "changes": []})
    yield store
    store.close()


def test_two_processes_changing_one_record_keep_every_change_they_were_told_was_saved(server_store, pg_url):
    results = run_two_writers(pg_url, "report")
    stored = server_store.table("orders").get("o1")["changes"]
    saved = [change for result in results for change in result["saved"]]
    assert sorted(stored) == sorted(saved), "a change reported as saved is missing, or one was saved twice"
    for result in results:
        assert len(result["saved"]) + result["conflicts"] == 50, "every change is either saved or reported"
    assert server_store.table("orders").get("o1")["_rev"] == 1 + len(saved)


def test_two_processes_that_retry_on_conflict_keep_all_100_changes(server_store, pg_url):
    run_two_writers(pg_url, "retry")
    stored = server_store.table("orders").get("o1")["changes"]
    assert len(stored) == 100 and len(set(stored)) == 100
    for name in ("первый", "второй"):  # each writer's changes in the order it made them
        own = [c for c in stored if c.startswith(name)]
        assert own == [f"{name}-{n}" for n in range(50)]


def test_another_clerks_change_is_seen_by_refresh(pg_url):
    mine, theirs = open_pg_store(pg_url, schema_version=1), open_pg_store(pg_url, schema_version=1)
    mine.table("orders").insert({"id": "o1", "status": "на исполнении"})
    assert mine.refresh() is False  # my own change is no news to me
    assert theirs.refresh() is True
    theirs.table("orders").update("o1", {"status": "исполнено"})
    assert theirs.refresh() is False
    assert mine.refresh() is True and mine.table("orders").get("o1")["status"] == "исполнено"
    assert mine.refresh() is False
    mine.close()
    theirs.close()


def test_a_stale_write_from_another_clerk_is_a_conflict_not_an_overwrite(pg_url):
    mine, theirs = open_pg_store(pg_url, schema_version=1), open_pg_store(pg_url, schema_version=1)
    mine.table("orders").insert({"id": "o1", "status": "на исполнении"})
    seen = theirs.table("orders").get("o1")
    mine.table("orders").update("o1", {"status": "исполнено"}, expected_rev=1)
    with pytest.raises(ConflictError, match="уже изменена"):
        theirs.table("orders").update("o1", {"status": "снято с контроля"}, expected_rev=seen["_rev"])
    assert mine.table("orders").get("o1")["status"] == "исполнено"
    mine.close()
    theirs.close()


def test_an_order_of_an_act_that_does_not_exist_is_refused_whole(pg_url):
    store = open_pg_store(pg_url, schema_version=1)
    with pytest.raises(StoreError, match="отсутствующую"):
        with store.transaction():
            store.table("executors").insert({"id": "e1", "name": "Минфин"})
            store.table("orders").insert({"id": "o1", "act_id": "нет-такого"})
    assert len(store.table("executors")) == 0
    store.close()


def test_per_executor_state_is_kept_in_its_own_table_by_the_server(pg_url):
    import psycopg

    store = open_pg_store(pg_url, schema_version=1)
    store.table("acts").insert({"id": "a1"})
    store.table("orders").insert({"id": "o1", "act_id": "a1", "assignments": [
        {"executor_id": "e1", "role": "responsible", "status": "исполнено", "done_at": "2026-11-30"},
        {"executor_id": "e2", "role": "coexecutor", "status": "на исполнении"}]})
    store.table("orders").update("o1", {"assignments": [
        {"executor_id": "e1", "role": "responsible", "status": "исполнено", "done_at": "2026-11-30"}]})
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute("SELECT executor_id, role, status, done_at::text FROM order_executors").fetchall()
    assert rows == [("e1", "responsible", "исполнено", "2026-11-30")]
    store.close()


def test_an_unreachable_server_is_one_russian_message_without_the_password():
    with pytest.raises(StoreError, match="недоступен|Не удалось подключиться") as caught:
        open_pg_store("postgresql://clerk:secret@127.0.0.1:1/tracker", schema_version=1, connect_timeout=2)
    assert "secret" not in str(caught.value)
    assert redact("postgresql://clerk:secret@host:5432/db") == "postgresql://clerk:***@host:5432/db"


def test_a_database_newer_than_the_program_is_refused(pg_url):
    from db import SchemaTooNewError

    store = open_pg_store(pg_url, schema_version=1)
    store.set_meta("schema_version", 7)
    store.close()
    with pytest.raises(SchemaTooNewError):
        open_pg_store(pg_url, schema_version=1)


def test_an_older_database_is_brought_forward_only_by_upgrade_after_a_backup(pg_url, tmp_path):
    from db.postgres import upgrade_pg_store

    store = open_pg_store(pg_url, schema_version=1)
    store.table("orders").insert({"id": "o1", "status": "на исполнении"})
    store.close()

    def rename_status(target) -> None:
        for record in target.table("orders").all():
            target.table("orders").update(record["id"], {"state": record.pop("status")})

    with pytest.raises(StoreError, match="tracker db upgrade"):
        open_pg_store(pg_url, schema_version=2, migrations={1: rename_status})
    saved, upgraded = upgrade_pg_store(pg_url, 2, {1: rename_status}, tmp_path / "backups")
    assert saved.is_file() and saved.stat().st_size > 0
    assert upgraded.schema_version == 2 and upgraded.table("orders").get("o1")["state"] == "на исполнении"
    upgraded.close()
    assert open_pg_store(pg_url, schema_version=2).get_meta("schema_version") == 2
