"""A writer killed at random moments never loses a change it had acknowledged.

The worker (store_worker.py crash) commits in a loop, one transaction per change: insert
change c<n>, every tenth change delete c<n-5>, and set the counter to n. It prints n only
after commit returned. The test SIGKILLs it many times (while it opens, appends, compacts)
and after every kill reopens the database and checks every acknowledged change. Compaction
thresholds are tiny, so snapshots are rewritten again and again during the test.
"""
from __future__ import annotations

import random
import time

import pytest
from storeproc import FILE_OPTIONS, worker

from db.snapshot import read_header
from db.tinystore import TinyStore

KILLS = 50


def kill_at_random(db_path, rng: random.Random, early: bool) -> list[int]:
    """Start the writer, kill it at a random moment, return the changes it acknowledged."""
    process = worker("crash", str(db_path))
    first = ""
    if early:  # while it starts and opens the database
        time.sleep(rng.uniform(0.0, 0.25))
    else:  # while it commits (and now and then compacts)
        # a count of acknowledged changes, not a time, so that a loaded machine still gets the
        # writer through many compactions; the kill then lands at a random moment after it
        for _ in range(rng.randint(1, 25)):
            line = process.stdout.readline()
            assert line, f"the writer died on its own: {process.stderr.read()}"
            first += line
        time.sleep(rng.uniform(0.0, 0.02))
    process.kill()
    out, err = process.communicate(timeout=30)
    assert "Traceback" not in err, err
    return [int(line) for line in (first + out).split()]


def check(db_path, acknowledged: set[int]) -> int:
    """Open the database as after a crash and check every acknowledged change; return its seq."""
    with TinyStore(db_path, create=False, **FILE_OPTIONS) as store:
        changes, counter = store.table("changes"), store.table("counter")
        last = max(acknowledged, default=0)
        state = counter.get("n")
        committed = state["n"] if state else 0
        assert committed >= last, f"acknowledged change {last} lost (counter is at {committed})"
        # a transaction is all or nothing: the counter and its change went in together
        assert changes.get(f"c{committed}") is not None or committed % 10 == 5
        assert changes.get(f"c{committed + 1}") is None
        for n in acknowledged:
            if n % 10 != 5:
                assert changes.get(f"c{n}") == {"id": f"c{n}", "n": n, "text": changes.get(f"c{n}")["text"], "_rev": 1}
            if n % 10 == 0:
                assert changes.get(f"c{n - 5}") is None, f"the deletion acknowledged with change {n} was lost"
        return store.info().seq


@pytest.mark.slow
def test_a_writer_killed_at_random_moments_loses_nothing_it_acknowledged(db_path):
    rng = random.Random(20261123)
    acknowledged: set[int] = set()
    snapshot_seqs: set[int] = set()
    for kill in range(KILLS):
        acknowledged.update(kill_at_random(db_path, rng, early=kill % 5 == 4))
        if db_path.exists():
            check(db_path, acknowledged)
            snapshot_seqs.add(read_header(db_path)["seq"])
    assert len(acknowledged) > KILLS  # the writer did get work done between kills
    assert len(snapshot_seqs) > 10, "compaction should have rewritten the snapshot many times"
