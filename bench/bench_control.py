"""Benchmark of the control service (tracker.control.service) at 1,000 and 100,000 orders.

Prints, for each size: building the database, opening the service (reading every order into
the in-memory rows), the overdue list, a text-filter keystroke, the dashboard, one status
change, and the machine. Run: .venv/bin/python bench/bench_control.py [--sizes 1000 100000]
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from db import open_store
from tracker.control import records as mapping
from tracker.control.api import OrderFilter
from tracker.models import Assignment, Deadline, DeadlineKind, Executor, Order
from tracker.root import compose
from tracker.schema import MIGRATIONS, SCHEMA_VERSION

TODAY = date(2026, 11, 20)
WORDS = "обеспечить размещение сведений официальных страницах провести совещание представить отчёт".split()


def generated(size: int) -> tuple[list[dict], list[dict], Iterator[dict]]:
    """Executor, act and order records of the data set: `size` orders of 100 acts and 50 executors."""
    rng = random.Random(size)
    executors = [Executor(id=f"e{i:03}", name=f"Министерство № {i} Иркутской области") for i in range(50)]
    acts = [{"id": f"act{a:03}", "kind": "постановление", "number": f"{a}-п", "date": "2026-01-15",
             "title": "Об организации", "text": "", "versions": []} for a in range(100)]

    def orders() -> Iterator[dict]:
        for index in range(size):
            due = TODAY + timedelta(days=rng.randint(-60, 120))
            order = Order(
                id=uuid.UUID(int=rng.getrandbits(128)).hex[:12], act_id=f"act{index % 100:03}",
                number=str(index % 40 + 1), text=" ".join(rng.choice(WORDS) for _ in range(25)),
                deadline=Deadline(kind=DeadlineKind.DATE, due=due, text=f"до {due:%d.%m.%Y}"),
                assignments=[Assignment(executors[rng.randrange(50)].id, "Министерству")], created=TODAY,
            )
            yield mapping.order_to_record(order)

    return [mapping.executor_to_record(e) for e in executors], acts, orders()


def build(path: Path, size: int) -> float:
    """Write `size` orders of 100 acts and 50 executors straight through the store."""
    started = time.perf_counter()
    store = open_store(path, schema_version=SCHEMA_VERSION, migrations=MIGRATIONS)
    executors, acts, orders = generated(size)
    with store.transaction():
        store.table("executors").insert_many(executors)
        for act in acts:
            store.table("acts").insert(act)
    batch = []
    for record in orders:
        batch.append(record)
        if len(batch) == 5000:
            with store.transaction():
                store.table("orders").insert_many(batch)
            batch = []
    if batch:
        with store.transaction():
            store.table("orders").insert_many(batch)
    store.close()
    return time.perf_counter() - started


def timed(func):
    started = time.perf_counter()
    value = func()
    return time.perf_counter() - started, value


def run(size: int, folder: Path) -> None:
    path = folder / f"bench-{size}.db"
    built = build(path, size)
    opened, service = timed(lambda: compose(path, user="bench", clock=lambda: datetime(2026, 11, 20, 12, 0)).control)
    first_list, page = timed(lambda: service.list_orders(OrderFilter(overdue=True), limit=200, today=TODAY))
    overdue_time, page = timed(lambda: service.list_orders(OrderFilter(overdue=True), limit=200, today=TODAY))
    keystrokes = [timed(lambda typed=typed: service.list_orders(OrderFilter(text=typed), limit=200, today=TODAY))[0]
                  for typed in ("с", "со", "сов", "сове", "совещ", "совещ о")]
    keystroke = max(keystrokes)
    board, _ = timed(lambda: service.dashboard(today=TODAY))
    target = page.rows[0].id
    service.report_received(target)  # warm up
    change, _ = timed(lambda: service.accept(target))
    print(f"{size:>7} поручений: база {built:6.2f} с; открыть {opened:6.3f} с; просроченные {first_list*1000:6.1f} мс (первый раз, с сортировкой), "
          f"{overdue_time*1000:6.1f} мс (повторно; {page.total}); набор «совещ о» по буквам: худшее нажатие {keystroke*1000:6.1f} мс; сводка {board*1000:7.1f} мс; "
          f"смена статуса {change*1000:7.1f} мс")
    service.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    args = parser.parse_args()
    print(f"Машина: {platform.platform()}, {platform.processor() or platform.machine()}, ядер: {os.cpu_count()}, "
          f"Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            run(size, Path(folder))


if __name__ == "__main__":
    main()
