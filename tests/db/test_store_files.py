"""The file store: what survives a reopen, damage detection, backups, migrations, restore."""
from __future__ import annotations

import pytest
from storeproc import FILE_OPTIONS

from db import (
    CorruptStoreError,
    LockedError,
    SchemaTooNewError,
    StoreError,
    backup_store,
    compact_store,
    inspect_store,
    list_backups,
    open_store,
    restore_backup,
)
from db.snapshot import read_header
from db.tinystore import journal_path


def reopen(path, version: int = 1, **options):
    return open_store(path, schema_version=version, **{**FILE_OPTIONS, **options})


def fill(path, count: int = 3) -> None:
    with reopen(path) as store:
        for i in range(count):
            store.table("orders").insert({"id": f"o{i}", "text": f"Поручение № {i}"})


def test_everything_committed_is_there_after_reopening(db_path):
    with reopen(db_path) as store:
        orders = store.table("orders")
        orders.insert({"id": "a", "executor": "Министерство образования Иркутской области"})
        orders.insert({"id": "b"})
        orders.update("a", {"status": "исполнено"})
        orders.delete("b")
        store.set_meta("settings", {"signatory": "И.И. Иванов"})
    with reopen(db_path) as store:
        assert store.table("orders").all() == [
            {"id": "a", "executor": "Министерство образования Иркутской области", "_rev": 2, "status": "исполнено"}
        ]
        assert store.get_meta("settings") == {"signatory": "И.И. Иванов"}
        assert store.schema_version == 1


def test_a_failed_transaction_is_not_in_the_file(db_path):
    with reopen(db_path) as store:
        store.table("orders").insert({"id": "a"})
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.table("orders").insert({"id": "b"})
                raise RuntimeError
    with reopen(db_path) as store:
        assert [r["id"] for r in store.table("orders").all()] == ["a"]


def test_cyrillic_is_stored_as_utf8_not_escaped(db_path):
    with reopen(db_path) as store:
        store.table("orders").insert({"id": "a", "text": "Минобразования"})
        assert "Минобразования".encode() in journal_path(db_path).read_bytes()
        store.compact()
    assert "Минобразования".encode() in db_path.read_bytes()
    assert b"\\u" not in db_path.read_bytes()


def test_compaction_keeps_the_data_and_a_bounded_number_of_backups(db_path):
    with reopen(db_path, keep_backups=3) as store:
        for i in range(6):
            store.table("orders").insert({"id": f"o{i}"})
            store.compact()
        assert len(journal_path(db_path).read_bytes().splitlines()) == 1  # the header only
    assert len([p for p in list_backups(db_path) if "compact" in p.name]) == 3
    with reopen(db_path) as store:
        assert len(store.table("orders")) == 6


def test_no_compaction_or_backup_in_the_middle_of_a_transaction(db_path):
    with reopen(db_path) as store:
        with pytest.raises(StoreError, match="посреди транзакции"):
            with store.transaction():
                store.table("orders").insert({"id": "uncommitted"})
                store.compact()
        with pytest.raises(StoreError, match="посреди транзакции"):
            with store.transaction():
                store.backup()
    with reopen(db_path) as store:
        assert store.table("orders").get("uncommitted") is None


def test_the_journal_is_compacted_by_itself_when_it_grows(db_path):
    with reopen(db_path, compact_min_bytes=2_000) as store:
        for i in range(100):
            store.table("orders").insert({"id": f"o{i}", "text": "Поручение " * 5})
        assert journal_path(db_path).stat().st_size < 3_000
    assert read_header(db_path)["seq"] > 50
    with reopen(db_path) as store:
        assert len(store.table("orders")) == 100


def test_a_torn_last_journal_line_is_dropped_and_the_next_write_cleans_it(db_path):
    fill(db_path, 3)
    journal = journal_path(db_path)
    with open(journal, "ab") as handle:
        handle.write(b'1234abcd {"seq":4,"ops":[["put","orders",{"id":"half')  # killed mid-append
    with reopen(db_path) as store:
        assert sorted(r["id"] for r in store.table("orders").all()) == ["o0", "o1", "o2"]
        assert store.info().torn_tail_bytes > 0
        store.table("orders").insert({"id": "o3"})
    assert inspect_store(db_path).torn_tail_bytes == 0
    with reopen(db_path) as store:
        assert len(store.table("orders")) == 4


def test_a_damaged_line_in_the_middle_of_the_journal_is_reported(db_path):
    fill(db_path, 3)
    journal = journal_path(db_path)
    lines = journal.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b"o1", b"oX")  # checksum no longer matches
    journal.write_bytes(b"\n".join(lines))
    with pytest.raises(CorruptStoreError, match="повреждена запись журнала"):
        reopen(db_path)


def test_a_damaged_snapshot_is_reported_in_russian_with_the_newest_backup(db_path):
    fill(db_path, 2)
    with reopen(db_path) as store:
        store.compact()
        store.table("orders").insert({"id": "later"})
        store.compact()
    newest_first = list_backups(db_path)
    assert len(newest_first) == 2
    data = bytearray(db_path.read_bytes())
    data[-10] ^= 0x55
    db_path.write_bytes(bytes(data))
    with pytest.raises(CorruptStoreError) as caught:
        reopen(db_path)
    assert caught.value.backups == [str(p) for p in newest_first]
    assert caught.value.db_path == str(db_path)
    message = str(caught.value)
    assert "повреждён" in message and "контрольная сумма" in message
    assert f"tracker db restore {newest_first[0]} --db {db_path}" in message


@pytest.mark.parametrize("damage", [b"", b"garbage\n", b"{not json"])
def test_a_snapshot_that_is_not_a_database_is_reported(db_path, damage):
    fill(db_path, 1)
    db_path.write_bytes(damage)
    with pytest.raises(CorruptStoreError) as caught:
        reopen(db_path)
    assert caught.value.backups == []
    assert "Резервных копий нет" in str(caught.value)


def test_a_truncated_snapshot_is_reported(db_path):
    fill(db_path, 5)
    compact_store(db_path, **FILE_OPTIONS)
    db_path.write_bytes(db_path.read_bytes()[:-20])
    with pytest.raises(CorruptStoreError, match="обрезан"):
        reopen(db_path)


def test_migrations_run_in_order_each_after_a_backup(db_path):
    with reopen(db_path, version=1) as store:
        store.table("orders").insert({"id": "a", "deadline": "2024-07-01"})

    def v1_to_v2(s):
        for order in s.table("orders").all():
            s.table("orders").update(order["id"], {"deadline": {"date": order["deadline"]}})

    def v2_to_v3(s):
        for order in s.table("orders").all():
            s.table("orders").update(order["id"], {"deadline": {**order["deadline"], "kind": "date"}})

    with reopen(db_path, version=3, migrations={2: v2_to_v3, 1: v1_to_v2}) as store:
        assert store.schema_version == 3
        assert store.table("orders").get("a")["deadline"] == {"date": "2024-07-01", "kind": "date"}
    saved = {p.name.rsplit("-", 1)[-1]: p for p in list_backups(db_path) if "migration" in p.name}
    assert read_header(saved["v1.db"])["schema_version"] == 1
    assert read_header(saved["v2.db"])["schema_version"] == 2
    with reopen(db_path, version=3) as store:  # no migration the second time
        assert store.schema_version == 3
    assert len([p for p in list_backups(db_path) if "migration" in p.name]) == 2


def test_a_failing_migration_leaves_the_old_version_intact(db_path):
    fill(db_path, 2)

    def broken(s):
        s.table("orders").delete("o0")
        raise KeyError("deadline")

    with pytest.raises(StoreError, match="со схемы 1 на 2"):
        reopen(db_path, version=2, migrations={1: broken})
    with reopen(db_path, version=1) as store:
        assert store.schema_version == 1 and len(store.table("orders")) == 2


def test_a_missing_migration_step_is_reported(db_path):
    fill(db_path, 1)
    with pytest.raises(StoreError, match="перехода"):
        reopen(db_path, version=3, migrations={1: lambda s: None})


def test_a_database_newer_than_the_program_is_refused(db_path):
    with reopen(db_path, version=4):
        pass
    with pytest.raises(SchemaTooNewError) as caught:
        reopen(db_path, version=2)
    assert (caught.value.found, caught.value.supported) == (4, 2)
    assert "Обновите tracker" in str(caught.value)


def test_backup_and_restore_bring_an_earlier_state_back(db_path):
    fill(db_path, 2)
    saved = backup_store(db_path, **FILE_OPTIONS)
    with reopen(db_path) as store:
        store.table("orders").delete("o0")
        store.table("orders").insert({"id": "new"})
    aside = restore_backup(db_path, saved)
    with reopen(db_path) as store:
        assert sorted(r["id"] for r in store.table("orders").all()) == ["o0", "o1"]
        store.table("orders").insert({"id": "after-restore"})
    with reopen(db_path) as store:
        assert len(store.table("orders")) == 3
    assert aside is not None and aside.exists()
    restore_backup(db_path, aside)  # the state before the restore was kept whole
    with reopen(db_path) as store:
        assert sorted(r["id"] for r in store.table("orders").all()) == ["new", "o1"]


def test_restore_replaces_a_damaged_database(db_path):
    fill(db_path, 2)
    saved = backup_store(db_path, **FILE_OPTIONS)
    db_path.write_bytes(b"\x00" * 100)
    with pytest.raises(CorruptStoreError):
        reopen(db_path)
    aside = restore_backup(db_path, saved)
    assert aside is not None and aside.read_bytes() == b"\x00" * 100
    with reopen(db_path) as store:
        assert len(store.table("orders")) == 2


def test_a_process_with_the_database_open_sees_a_restore(db_path):
    fill(db_path, 2)
    saved = backup_store(db_path, **FILE_OPTIONS)
    with reopen(db_path) as clerk:
        clerk.table("orders").insert({"id": "after-backup"})
        restore_backup(db_path, saved)
        assert clerk.refresh() is True
        assert sorted(r["id"] for r in clerk.table("orders").all()) == ["o0", "o1"]
        clerk.table("orders").insert({"id": "after-restore"})
    with reopen(db_path) as store:
        assert sorted(r["id"] for r in store.table("orders").all()) == ["after-restore", "o0", "o1"]


def test_a_damaged_backup_is_not_restored(db_path, tmp_path):
    fill(db_path, 1)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"nonsense")
    with pytest.raises(StoreError, match="повреждена"):
        restore_backup(db_path, bad)
    with reopen(db_path) as store:
        assert len(store.table("orders")) == 1


def test_a_writer_waits_for_the_lock_and_then_gives_up_with_a_message(db_path):
    with reopen(db_path) as first, reopen(db_path, lock_timeout=0.2) as second:
        with first.transaction():
            first.table("orders").insert({"id": "a"})
            with pytest.raises(LockedError, match="занята"):
                second.table("orders").insert({"id": "b"})
        second.table("orders").insert({"id": "b"})  # free again
        assert second.table("orders").get("a") is not None  # it caught up before writing


def test_inspect_describes_the_database(db_path):
    fill(db_path, 3)
    info = inspect_store(db_path)
    assert info.tables == {"orders": 3} and info.schema_version == 1 and info.seq == 3
    with pytest.raises(StoreError, match="нет"):
        inspect_store(db_path.with_name("missing.db"))
