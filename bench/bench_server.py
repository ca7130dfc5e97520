"""Benchmark of the region's server: 100,000 orders on PostgreSQL, 20 clerks at once, beside TinyDB.

Seeds N orders (default 100,000; `--orders N`) on a throwaway PostgreSQL cluster bound to
127.0.0.1 (tests/pgcluster.py; COPY, so seeding takes seconds), opens the service (the server
builds the rows of its orders list on first opening), then runs `--clients` (20) clerk
processes for `--seconds` (60): each changes an order's status (report, then accept), opens
the overdue list, the dashboard or a search, with a pause between actions as a clerk makes
(`--think`, 0.25–0.75 s). Prints status change p50/p95, dashboard and overdue list times
(alone and under the load), and the peak memory (RSS) of one desk session (the Textual desk,
headless, opening the dashboard and paging the orders list) — beside the same figures for
one clerk on a TinyDB file of the same orders, and the machine.

Targets (issue 11): p95 status change ≤ 50 ms, dashboard ≤ 300 ms, ≤ 200 MB per desk session.
Run: .venv/bin/python -m bench server [--orders 100000 --clients 20 --seconds 60 --no-tinydb]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import orjson  # noqa: E402

from bench.bench_control import TODAY, build, generated  # noqa: E402
from bench.machine import describe  # noqa: E402
from tracker.control.api import OrderFilter  # noqa: E402

NOW = datetime(2026, 11, 20, 12, 0)
TARGETS = {"p95": 50.0, "dashboard": 300.0, "rss": 200.0}


# -- seeding ---------------------------------------------------------------------------------------
def _copy_lines(records: list[dict] | Any) -> Any:
    for record in records:
        doc = orjson.dumps(record).decode().replace("\\", "\\\\")
        yield f"{record['id']}\t1\t{doc}\n"


def seed_server(url: str, size: int) -> float:
    """The schema, then executors, acts and orders by COPY (what a region's migration of a big file costs)."""
    import psycopg

    from tracker.root import open_store_at

    started = time.perf_counter()
    open_store_at(url).close()  # creates the schema
    executors, acts, orders = generated(size)
    with psycopg.connect(url) as conn:
        for table, records in (("executors", executors), ("acts", acts), ("orders", orders)):
            with conn.cursor().copy(f"COPY {table} (id, rev, doc) FROM STDIN") as copy:
                batch: list[str] = []
                for line in _copy_lines(records):
                    batch.append(line)
                    if len(batch) == 5000:
                        copy.write("".join(batch))
                        batch = []
                if batch:
                    copy.write("".join(batch))
        conn.commit()
    return time.perf_counter() - started


def analyse(url: str) -> None:
    """What autovacuum would soon do: statistics and the visibility map after a bulk load."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


# -- measuring -------------------------------------------------------------------------------------
def ms(func: Callable[[], Any]) -> float:
    started = time.perf_counter()
    func()
    return (time.perf_counter() - started) * 1000


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def alone(location: str | Path, changes: int = 100) -> dict[str, Any]:
    """One clerk alone: dashboard, overdue list (first page of the desk), status changes."""
    from tracker.root import compose

    opened_at = time.perf_counter()
    app = compose(location, user="замер", clock=lambda: NOW)
    opened = time.perf_counter() - opened_at
    service = app.control
    overdue = OrderFilter(overdue=True)
    first_overdue = ms(lambda: service.list_orders(overdue, limit=60, today=TODAY))
    overdue_times = [ms(lambda: service.list_orders(overdue, limit=60, today=TODAY)) for _ in range(5)]
    dashboards = [ms(lambda: service.dashboard(today=TODAY)) for _ in range(5)]
    search = [ms(lambda: service.list_orders(OrderFilter(text="совещ о"), limit=60, today=TODAY)) for _ in range(3)]
    open_orders = OrderFilter(include_closed=False)
    half = service.list_orders(open_orders, limit=0, today=TODAY).total // 2  # the clerks of the load take the first half
    ids = [r.id for r in service.list_orders(open_orders, offset=half, limit=changes, today=TODAY).rows]
    times: list[float] = []
    for order_id in ids:
        times.append(ms(lambda order_id=order_id: service.report_received(order_id, text="отчёт", when=TODAY)))
        times.append(ms(lambda order_id=order_id: service.accept(order_id, when=TODAY)))
    app.close()
    return {"opened": opened, "first_overdue": first_overdue, "overdue": statistics.median(overdue_times),
            "dashboard": statistics.median(dashboards), "search": statistics.median(search),
            "p50": pct(times, 50), "p95": pct(times, 95), "changes": len(times)}


def clerk(url: str, number: int, ids: list[str], start_at: float, seconds: float, think: tuple[float, float],
          results: Any) -> None:
    """One clerk process: waits for the common start, then works until the time is up."""
    from tracker.errors import ConflictError
    from tracker.root import compose

    app = compose(url, user=f"клерк {number}", clock=lambda: NOW)
    service = app.control
    rng = random.Random(number)
    changes: list[float] = []
    dashboards: list[float] = []
    overdue: list[float] = []
    searches: list[float] = []
    conflicts = 0
    time.sleep(max(0.0, start_at - time.time()))
    end = start_at + seconds
    queue = list(ids)
    while time.time() < end and queue:
        roll = rng.random()
        try:
            if roll < 0.7:
                order_id = queue.pop()
                changes.append(ms(lambda o=order_id: service.report_received(o, text="отчёт", when=TODAY)))
                time.sleep(rng.uniform(*think))
                changes.append(ms(lambda o=order_id: service.accept(o, when=TODAY)))
            elif roll < 0.85:
                overdue.append(ms(lambda: service.list_orders(OrderFilter(overdue=True), limit=60, today=TODAY)))
            elif roll < 0.95:
                dashboards.append(ms(lambda: service.dashboard(today=TODAY)))
            else:
                word = rng.choice(["совещ", "отчёт", "размещ", "официальн"])
                searches.append(ms(lambda w=word: service.list_orders(OrderFilter(text=w), limit=60, today=TODAY)))
            service.sync()  # what the desk's 3-second timer does
        except ConflictError:
            conflicts += 1
        time.sleep(rng.uniform(*think))
    app.close()
    results.put({"changes": changes, "dashboards": dashboards, "overdue": overdue, "searches": searches,
                 "conflicts": conflicts})


def under_load(url: str, clients: int, seconds: float, think: tuple[float, float]) -> dict[str, Any]:
    """`clients` clerk processes at once; each works on orders of its own (no two on one order)."""
    from tracker.root import compose

    app = compose(url, user="замер", clock=lambda: NOW)
    open_orders = OrderFilter(include_closed=False)
    half = app.control.list_orders(open_orders, limit=0, today=TODAY).total // 2
    ids = [r.id for r in app.control.list_orders(open_orders, limit=min(half, clients * 400), today=TODAY).rows]
    app.close()
    context = multiprocessing.get_context("spawn")  # each clerk a fresh process, as each desk is
    results = context.Queue()
    start_at = time.time() + 15 + clients * 1.0  # time for every process to start and open the service
    processes = [context.Process(target=clerk, args=(url, n, ids[n::clients], start_at, seconds, think, results))
                 for n in range(clients)]
    for process in processes:
        process.start()
    gathered = [results.get(timeout=start_at - time.time() + seconds + 300) for _ in processes]
    for process in processes:
        process.join()
    merged: dict[str, list[float]] = {key: [v for g in gathered for v in g[key]]
                                      for key in ("changes", "dashboards", "overdue", "searches")}
    return {
        "p50": pct(merged["changes"], 50), "p95": pct(merged["changes"], 95), "changes": len(merged["changes"]),
        "dashboard_p50": pct(merged["dashboards"], 50), "dashboard_p95": pct(merged["dashboards"], 95),
        "overdue_p50": pct(merged["overdue"], 50), "overdue_p95": pct(merged["overdue"], 95),
        "search_p50": pct(merged["searches"], 50), "conflicts": sum(g["conflicts"] for g in gathered),
        "per_second": len(merged["changes"]) / seconds,
    }


# -- one desk session's memory -----------------------------------------------------------------------
def desk_session(location: str) -> None:
    """In its own process: the desk, headless, opens the dashboard and pages the orders list; prints its peak RSS."""
    import resource

    from tracker.root import compose
    from tui.app import make_app
    from tui.widgets.orders_table import OrdersTable

    service = compose(location, user="замер", clock=lambda: NOW).control

    async def work() -> int:
        app = make_app(service, today=TODAY)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.press("f2")
            await pilot.pause()
            await pilot.press("f3")
            await pilot.pause()
            table = app.screen.query_one(OrdersTable)
            table.focus()
            for _ in range(12):
                await pilot.press("pagedown")
                await pilot.pause()
            return int(table.row_count)

    shown = asyncio.run(work())
    service.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rss": peak, "shown": shown}))


def desk_rss(location: str | Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "bench.bench_server", "--desk", str(location)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the run -----------------------------------------------------------------------------------------
def verdict(value: float, target: float) -> str:
    return "цель выполнена" if value <= target else "ЦЕЛЬ НЕ ВЫПОЛНЕНА"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Замер сервера PostgreSQL рядом с TinyDB")
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, nargs=2, default=(0.25, 0.75), metavar=("MIN", "MAX"))
    parser.add_argument("--no-tinydb", action="store_true", help="только сервер")
    parser.add_argument("--desk", help=argparse.SUPPRESS)  # internal: one desk session in this process
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.desk:
        desk_session(args.desk)
        return

    from pgcluster import cluster, fresh_database

    print(f"Машина: {describe()}", flush=True)
    print(f"Поручений: {args.orders}; клерков одновременно: {args.clients}; {args.seconds:.0f} с нагрузки; "
          f"пауза клерка между действиями {args.think[0]}–{args.think[1]} с", flush=True)
    with cluster() as server:
        url = fresh_database(server)
        seeded = seed_server(url, args.orders)
        print(f"PostgreSQL: база заполнена за {seeded:.1f} с (COPY)", flush=True)
        from tracker.root import compose

        started = time.perf_counter()
        app = compose(url, user="замер", clock=lambda: NOW)
        built = getattr(app.control.index, "built", 0)
        app.close()
        print(f"PostgreSQL: строки списка построены при первом открытии за {time.perf_counter() - started:.1f} с "
              f"({built})", flush=True)
        analyse(url)
        pg_alone = alone(url)
        print(f"PostgreSQL, один клерк: открыть {pg_alone['opened']:.2f} с; сводка {pg_alone['dashboard']:.0f} мс; "
              f"просроченные (страница) {pg_alone['overdue']:.0f} мс (первый раз {pg_alone['first_overdue']:.0f}); "
              f"поиск «совещ о» {pg_alone['search']:.0f} мс; смена статуса p50 {pg_alone['p50']:.1f} мс, "
              f"p95 {pg_alone['p95']:.1f} мс ({pg_alone['changes']})", flush=True)
        load = under_load(url, args.clients, args.seconds, tuple(args.think))
        print(f"PostgreSQL, {args.clients} клерков: смена статуса p50 {load['p50']:.1f} мс, p95 {load['p95']:.1f} мс "
              f"({load['changes']} смен, {load['per_second']:.1f}/с; конфликтов {load['conflicts']}) — "
              f"{verdict(load['p95'], TARGETS['p95'])} (≤ 50 мс)", flush=True)
        print(f"  сводка под нагрузкой p50 {load['dashboard_p50']:.0f} мс, p95 {load['dashboard_p95']:.0f} мс — "
              f"{verdict(load['dashboard_p95'], TARGETS['dashboard'])} (≤ 300 мс); просроченные p50 "
              f"{load['overdue_p50']:.0f} мс, p95 {load['overdue_p95']:.0f} мс; поиск p50 {load['search_p50']:.0f} мс",
              flush=True)
        desk = desk_rss(url)
        print(f"PostgreSQL: сеанс рабочего места (сводка, список, 12 × PageDown: {desk['shown']} строк) — "
              f"пик RSS {desk['rss']:.0f} МиБ — {verdict(desk['rss'], TARGETS['rss'])} (≤ 200 МиБ)", flush=True)
    if args.no_tinydb:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench-server.db"
        built_in = build(path, args.orders)
        print(f"TinyDB: файл собран за {built_in:.1f} с", flush=True)
        file_alone = alone(path)
        print(f"TinyDB, один клерк (файл — база одного клерка): открыть {file_alone['opened']:.2f} с; "
              f"сводка {file_alone['dashboard']:.0f} мс; просроченные (страница) {file_alone['overdue']:.0f} мс "
              f"(первый раз {file_alone['first_overdue']:.0f}); поиск «совещ о» {file_alone['search']:.0f} мс; "
              f"смена статуса p50 {file_alone['p50']:.1f} мс, p95 {file_alone['p95']:.1f} мс", flush=True)
        desk = desk_rss(path)
        print(f"TinyDB: сеанс рабочего места — пик RSS {desk['rss']:.0f} МиБ", flush=True)


if __name__ == "__main__":
    main()
