"""Two processes on one database: nothing is silently overwritten, nothing is lost."""
from __future__ import annotations

import subprocess

from storeproc import FILE_OPTIONS, run_worker, worker

from db import ConflictError, open_store


def reopen(path):
    return open_store(path, schema_version=1, **FILE_OPTIONS)


def test_refresh_sees_a_commit_from_another_process(db_path):
    with reopen(db_path) as store:
        assert store.table("items").get("z") is None
        run_worker("put", str(db_path), "z", "Поручение из импорта")
        assert store.table("items").get("z") is None  # reads do not go to the disk by themselves
        assert store.refresh() is True
        assert store.table("items").get("z")["text"] == "Поручение из импорта"
        assert store.refresh() is False


def test_refresh_follows_another_process_through_compactions(db_path):
    with reopen(db_path) as store:
        run_worker("fill", str(db_path), "a", "40")  # 4 commits, then a compaction
        assert store.refresh() is True
        assert len(store.table("items")) == 40
        run_worker("fill", str(db_path), "b", "20")
        run_worker("fill", str(db_path), "c", "20")  # two compactions in a row: a reload
        assert store.refresh() is True
        assert len(store.table("items")) == 80
        store.table("items").insert({"id": "mine"})
    with reopen(db_path) as store:
        assert len(store.table("items")) == 81


def test_a_writer_with_a_stale_view_gets_a_conflict_not_an_overwrite(db_path):
    with reopen(db_path) as clerk_a, reopen(db_path) as clerk_b:
        clerk_a.table("items").insert({"id": "x", "status": "на исполнении"})
        clerk_b.refresh()
        seen_by_b = clerk_b.table("items").get("x")
        clerk_a.table("items").update("x", {"status": "исполнено"}, expected_rev=1)
        try:
            clerk_b.table("items").update("x", {"status": "на доработке"}, expected_rev=seen_by_b["_rev"])
            raise AssertionError("the stale write went through")
        except ConflictError as conflict:
            assert conflict.actual == 2
        merged = clerk_b.table("items").update("x", {"comment": "без ожидаемой версии"})
        assert merged["status"] == "исполнено" and merged["_rev"] == 3


def test_two_processes_updating_one_record_from_the_same_rev_exactly_one_wins(db_path):
    with reopen(db_path) as store:
        for round_no in range(3):
            store.table("items").insert({"id": f"x{round_no}"})
    for round_no in range(3):
        racers = [worker("race", str(db_path), f"x{round_no}", stdin=subprocess.PIPE) for _ in range(2)]
        for racer in racers:
            assert racer.stdout.readline().strip() == "ready", racer.stderr.read()
        for racer in racers:
            racer.stdin.write("go\n")
            racer.stdin.flush()
        outcomes = sorted(racer.communicate(timeout=60)[0].strip() for racer in racers)
        assert outcomes == ["conflict", "ok"]
    with reopen(db_path) as store:
        assert [store.table("items").get(f"x{i}")["_rev"] for i in range(3)] == [2, 2, 2]


def test_two_processes_inserting_at_once_lose_nothing(db_path):
    with reopen(db_path) as watcher:
        writers = [worker("insert", str(db_path), prefix, "150", stdin=subprocess.PIPE) for prefix in ("ui", "cli")]
        for writer in writers:
            assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
        for writer in writers:
            writer.stdin.write("go\n")
            writer.stdin.flush()
        for writer in writers:
            out, err = writer.communicate(timeout=120)
            assert out.strip() == "done", err
        assert watcher.refresh() is True
        items = watcher.table("items")
        assert len(items) == 300
        assert len(items.find_by("by", "ui")) == 150 and len(items.find_by("by", "cli")) == 150
    with reopen(db_path) as store:
        assert len(store.table("items")) == 300


def test_a_reader_refreshing_while_another_process_writes_and_compacts_sees_whole_transactions(db_path):
    with reopen(db_path) as reader:
        writer = worker("crash", str(db_path))  # commits in a loop, compacting every few dozen
        assert writer.stdout.readline(), writer.stderr.read()
        seen, refreshes = 0, 0
        try:
            while refreshes < 300:
                assert writer.poll() is None, writer.stderr.read()
                refreshes += reader.refresh()
                counter = reader.table("counter").get("n")
                assert counter is not None and counter["n"] >= seen
                seen = counter["n"]
                # the change and the counter were committed together, so they arrive together
                assert reader.table("changes").get(f"c{seen}") is not None or seen % 10 == 5
                assert reader.table("changes").get(f"c{seen + 1}") is None
        finally:
            writer.kill()
            writer.communicate()
        assert seen >= 300  # every refresh that counted brought at least one whole transaction
