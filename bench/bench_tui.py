"""Benchmark of the desk's orders table over the real control service with 100,000 orders.

Measures, headless (App.run_test): opening the «Поручения» table (mount + first page), and a
filter keystroke (key press until the table shows the new result), typing «совещ» letter by
letter. Targets: open < 1 s, keystroke < 100 ms. Prints the machine. Run:
    .venv/bin/python -m bench tui        (or: .venv/bin/python bench/bench_tui.py --size 100000)
"""
from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import events  # noqa: E402

from bench.bench_control import TODAY, build  # noqa: E402
from tracker.control.service import ControlService  # noqa: E402
from tracker.root import compose  # noqa: E402

SIZE = (160, 45)
TYPED = "совещ"


async def measure(service: ControlService) -> dict[str, float | list[float]]:
    from tui.app import make_app
    from tui.screens.orders import OrdersScreen
    from tui.widgets.orders_table import OrdersTable

    reloads: list[float] = []
    original_reload = OrdersScreen.reload

    def timed_reload(self, keep_cursor: bool = False) -> None:
        started = time.perf_counter()
        original_reload(self, keep_cursor)
        reloads.append(time.perf_counter() - started)

    queries: list[float] = []
    original_list = service.list_orders

    def timed_list(*args, **kwargs):
        started = time.perf_counter()
        page = original_list(*args, **kwargs)
        queries.append(time.perf_counter() - started)
        return page

    service.list_orders = timed_list  # type: ignore[method-assign]
    OrdersScreen.reload = timed_reload  # type: ignore[method-assign]
    try:
        app = make_app(service, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            started = time.perf_counter()
            await app.switch_mode("orders")
            table = app.screen.query_one(OrdersTable)
            while table.row_count == 0:
                await asyncio.sleep(0.001)
            opened = time.perf_counter() - started
            shown = table.row_count
            total = table.total
            await pilot.pause()
            await pilot.press("slash")
            await pilot.pause()
            reloads.clear()
            queries.clear()
            keystrokes = []
            pressed = []
            for letter in TYPED:
                # from the key event to the table holding the new rows (painted on the next frame)
                started = time.perf_counter()
                app.post_message(events.Key(letter, letter))
                while len(reloads) <= len(keystrokes):
                    await asyncio.sleep(0)
                keystrokes.append(time.perf_counter() - started)
                await pilot.pause()
            typed_queries, typed_reloads = list(queries), list(reloads)
            # the same through Pilot.press, which also waits for the app to go idle and repaint
            search = app.screen.query_one("#search")
            search.value = ""
            await pilot.pause()
            for letter in TYPED:
                started = time.perf_counter()
                await pilot.press(letter)
                pressed.append(time.perf_counter() - started)
            found = table.total
            # scrolling to the end of the first page asks for the next one
            await pilot.press("ctrl+t")
            started = time.perf_counter()
            table.move_cursor(row=table.row_count - 1)
            await pilot.pause()
            next_page = time.perf_counter() - started
    finally:
        OrdersScreen.reload = original_reload  # type: ignore[method-assign]
    return {"queries": typed_queries, "pressed": pressed, "opened": opened, "shown": shown, "total": total, "keystrokes": keystrokes,
            "reloads": typed_reloads, "found": found, "next_page": next_page}


def machine() -> str:
    return (f"{platform.platform()}; Python {platform.python_version()}; CPU: {os.cpu_count()} "
            f"({platform.processor() or platform.machine()})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Замер таблицы поручений в интерфейсе")
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args(argv or [])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench-tui.db"
        built = build(path, args.size)
        started = time.perf_counter()
        service = compose(path, user="bench", clock=lambda: datetime(2026, 11, 20, 12, 0)).control
        service_open = time.perf_counter() - started
        result = asyncio.run(measure(service))
        service.close()
    keystrokes = [k * 1000 for k in result["keystrokes"]]  # type: ignore[union-attr]
    reloads = [r * 1000 for r in result["reloads"]]  # type: ignore[union-attr]
    print(f"Машина: {machine()}")
    print(f"Поручений: {args.size}; база собрана за {built:.1f} с; служба открыта за {service_open:.2f} с")
    print(f"Таблица открыта за {result['opened'] * 1000:.0f} мс (цель < 1000 мс): показано {result['shown']} "
          f"строк из {result['total']}, остальное подгружается при прокрутке")
    print(f"Нажатие в поиске «{TYPED}»: худшее {max(keystrokes):.0f} мс, медиана {statistics.median(keystrokes):.0f} мс "
          f"(цель < 100 мс; от события клавиши до таблицы с новыми строками); из них запрос к службе и "
          f"заполнение таблицы: худшее {max(reloads, default=0):.0f} мс; найдено {result['found']}")
    queries = [q * 1000 for q in result["queries"]]  # type: ignore[union-attr]
    ui_parts = [r - q for r, q in zip(reloads, queries, strict=False)]
    print(f"  из них запрос list_orders к службе: медиана {statistics.median(queries):.0f} мс; "
          f"работа интерфейса (таблица): медиана {statistics.median(ui_parts):.0f} мс")
    pressed = [k * 1000 for k in result["pressed"]]  # type: ignore[union-attr]
    print(f"То же через Pilot.press (с ожиданием простоя и перерисовки): худшее {max(pressed):.0f} мс, "
          f"медиана {statistics.median(pressed):.0f} мс")
    print(f"Следующая страница при прокрутке: {result['next_page'] * 1000:.0f} мс")


if __name__ == "__main__":
    main(sys.argv[1:])
