"""A second process for the store tests: `python store_worker.py MODE PATH [ARGS]`.

Modes:
  crash PATH          commit changes in a loop, printing each change's number once commit returned
  race PATH ID        read ID, say "ready", wait for "go" on stdin, update it with the rev read
  insert PATH PREFIX N  wait for "go", insert N records PREFIX-0..N-1 one transaction each
  put PATH ID TEXT    insert one record and exit
  fill PATH PREFIX N  insert N records in small transactions, then compact
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db import ConflictError, open_store  # noqa: E402

# small thresholds so that compaction happens often during the crash test
CRASH_OPTIONS = {"compact_min_bytes": 24_000, "compact_ratio": 0.0, "keep_backups": 2, "freeze_gc": False}
FILLER = "Министерству образования Иркутской области обеспечить размещение публикаций. " * 3


def crash(path: str) -> None:
    store = open_store(path, schema_version=1, **CRASH_OPTIONS)
    changes = store.table("changes")
    counter = store.table("counter")
    state = counter.get("n")
    n = state["n"] + 1 if state else 1
    while True:
        with store.transaction():
            changes.insert({"id": f"c{n}", "n": n, "text": FILLER})
            if n % 10 == 0:
                changes.delete(f"c{n - 5}")
            if state is None:
                state = counter.insert({"id": "n", "n": n})
            else:
                state = counter.update("n", {"n": n}, expected_rev=state["_rev"])
        print(n, flush=True)
        n += 1


def race(path: str, record_id: str) -> None:
    store = open_store(path, schema_version=1, freeze_gc=False)
    record = store.table("items").get(record_id)
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        store.table("items").update(record_id, {"winner": sys.argv[0]}, expected_rev=record["_rev"])
        print("ok", flush=True)
    except ConflictError:
        print("conflict", flush=True)


def insert(path: str, prefix: str, count: int) -> None:
    store = open_store(path, schema_version=1, freeze_gc=False)
    print("ready", flush=True)
    sys.stdin.readline()
    for i in range(count):
        store.table("items").insert({"id": f"{prefix}-{i}", "by": prefix})
    print("done", flush=True)


def put(path: str, record_id: str, text: str) -> None:
    store = open_store(path, schema_version=1, freeze_gc=False)
    store.table("items").insert({"id": record_id, "text": text})


def fill(path: str, prefix: str, count: int) -> None:
    store = open_store(path, schema_version=1, freeze_gc=False)
    for first in range(0, count, 10):
        with store.transaction():
            for i in range(first, min(first + 10, count)):
                store.table("items").insert({"id": f"{prefix}-{i}", "text": FILLER})
    store.compact()


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "crash":
        crash(args[0])
    elif mode == "race":
        race(args[0], args[1])
    elif mode == "insert":
        insert(args[0], args[1], int(args[2]))
    elif mode == "put":
        put(args[0], args[1], args[2])
    elif mode == "fill":
        fill(args[0], args[1], int(args[2]))
    else:
        sys.exit(f"unknown mode {mode}")
