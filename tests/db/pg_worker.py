"""A second process for the server tests: change one record N times, optimistic writes.

    python pg_worker.py URL NAME COUNT retry|report

Prints one JSON line: the changes it saved and the conflicts it was told about.
"""
from __future__ import annotations

import json
import sys

from db import ConflictError
from db.postgres import open_pg_store


def main(url: str, name: str, count: int, mode: str) -> None:
    store = open_pg_store(url, schema_version=1, pool_size=1)
    table = store.table("orders")
    saved: list[str] = []
    conflicts = 0
    for n in range(count):
        change = f"{name}-{n}"
        while True:
            current = table.get("o1")
            try:
                table.update("o1", {"changes": [*current["changes"], change]}, expected_rev=current["_rev"])
            except ConflictError:
                conflicts += 1
                if mode == "retry":
                    continue
                break
            saved.append(change)
            break
    store.close()
    print(json.dumps({"saved": saved, "conflicts": conflicts}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
