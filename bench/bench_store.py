"""Store benchmark: open, overdue query and one status change at 1,000 and 100,000 orders.

Run: `.venv/bin/python -m bench store` (or `python bench/bench_store.py`). Builds realistic
orders (about 1.5 KB of JSON each, Cyrillic text, a little history) and 200,000 registry
rows in a temporary folder, and prints the figures and the machine. The target: one status
change at 100,000 orders costs at most 3x what it costs at 1,000.
"""
from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.machine import describe

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import open_store  # noqa: E402

TODAY = "2026-11-23"
OPEN_STATUSES = {"на исполнении", "на доработке", "отчёт представлен"}
BODIES = [
    "Министерству образования Иркутской области",
    "Министерству здравоохранения Иркутской области",
    "Министерству социального развития, опеки и попечительства Иркутской области",
    "Управлению по информационной политике Губернатора Иркутской области",
    "Органам местного самоуправления муниципальных образований Иркутской области",
]
VERBS = ["обеспечить", "организовать", "представить информацию о", "рассмотреть вопрос о", "принять меры по"]
TEXT = (
    "ведению официальных страниц в социальных сетях «ВКонтакте» и «Одноклассники», "
    "размещению не менее трёх публикаций в неделю, доле репостов не более 25 процентов, "
    "подключению подведомственных учреждений к системе «Госпаблики» и получению государственной "
    "отметки, с ежеквартальным обновлением перечня ответственных сотрудников и направлением "
    "сведений в Центр управления регионом в течение 3 рабочих дней со дня изменения."
)


def make_order(n: int, rng: random.Random) -> dict:
    body = BODIES[n % len(BODIES)]
    due = f"202{rng.randint(4, 7)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    # as in a database kept for years: most orders past their deadline are closed
    past = due < TODAY
    status = rng.choices(
        ["исполнено", "снято с контроля", "на исполнении", "отчёт представлен", "на доработке"],
        weights=[80, 8, 7, 3, 2] if past else [5, 1, 70, 15, 9],
    )[0]
    return {
        "id": f"o{n:06d}",
        "act_id": f"a{n // 25:05d}",
        "number": f"{n % 25 + 1}.{n % 3 + 1}",
        "parent": None,
        "text": f"{body} {VERBS[n % len(VERBS)]} {TEXT}",
        "span": [n % 5000, n % 5000 + 640],
        "responsible": [{"as_written": body, "name": body.replace("Министерству", "Министерство"),
                         "executor_id": f"e{n % 40:03d}", "official": None}],
        "co_executors": [{"as_written": "совместно с Управлением делами", "executor_id": "e099"}],
        "deadline": {"kind": "date", "due": due, "text": f"до {due}", "recurrence": None},
        "status": status,
        "executions": [{"executor_id": f"e{n % 40:03d}", "status": "на исполнении", "reported_at": None}],
        "history": [
            {"at": "2024-03-01T10:00:00", "who": "ivanova", "what": "поставлено на контроль",
             "why": "импорт постановления № 1611-п"},
            {"at": "2024-05-14T16:20:00", "who": "petrov", "what": "срок продлён",
             "why": "письмо исполнителя от 10.05.2024 № 02-15/3318"},
        ],
        "confidence": 0.93,
    }


def make_registry_row(n: int) -> dict:
    return {
        "id": f"r{n:06d}",
        "organisation": f"МБОУ «Средняя общеобразовательная школа № {n % 300 + 1}» г. Иркутска",
        "executor_id": f"e{n % 40:03d}",
        "district": f"Район № {n % 42 + 1}",
        "kind": "подведомственное учреждение",
        "pages": {"vk": f"https://vk.com/club{100000 + n}", "ok": f"https://ok.ru/group/{700000 + n}"},
        "state_mark": n % 3 != 0,
        "state_mark_since": "2024-02-01",
        "gospabliki": n % 4 != 0,
        "exempt": False,
        "responsible": {"fio": "Иванова Мария Петровна", "position": "заместитель директора",
                        "phone": "+7 3952 20-00-00", "email": f"school{n}@example.ru"},
        "changed_at": "2024-06-01",
    }


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def cpu_timed(action: Callable[[], object]) -> tuple[float, float, object]:
    """Wall and CPU seconds: the machine is shared, CPU time shows the work itself."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def build(path: Path, table: str, make: Callable[[int], dict], count: int, chunk: int = 10_000) -> float:
    start = time.perf_counter()
    store = open_store(path, schema_version=1)
    for first in range(0, count, chunk):
        with store.transaction():
            store.table(table).insert_many([make(n) for n in range(first, min(first + chunk, count))])
    store.close()
    elapsed = time.perf_counter() - start
    if hasattr(os, "sync"):
        os.sync()  # measure one change, not the write-back of the whole build
    return elapsed


def is_overdue(order: dict) -> bool:
    due = order["deadline"].get("due")
    return order["status"] in OPEN_STATUSES and due is not None and due < TODAY


def orders_case(folder: Path, count: int) -> dict[str, float]:
    rng = random.Random(count)
    path = folder / f"orders-{count}.db"
    build_s = build(path, "orders", lambda n: make_order(n, rng), count)
    open_s, open_cpu, store = cpu_timed(lambda: open_store(path, schema_version=1))
    orders = store.table("orders")
    overdue_s, overdue_cpu, overdue = cpu_timed(lambda: orders.filter(is_overdue))
    changes, changes_cpu = [], []
    for i in range(31):
        record_id = f"o{rng.randrange(count):06d}"

        def change(record_id: str = record_id, i: int = i) -> None:
            order = orders.get(record_id)
            history = order["history"] + [{"at": TODAY, "who": "bench", "what": "отчёт представлен", "why": f"№ {i}"}]
            orders.update(record_id, {"status": "отчёт представлен", "history": history}, expected_rev=order["_rev"])

        wall, cpu, _ = cpu_timed(change)
        changes.append(wall)
        changes_cpu.append(cpu)
    refresh_s, _ = timed(store.refresh)
    compact_s, _ = timed(store.compact)
    store.close()
    return {
        "size_mb": (path.stat().st_size + Path(f"{path}.journal").stat().st_size) / 1e6,
        "build": build_s, "open": open_s, "overdue": overdue_s, "overdue_n": len(overdue),  # type: ignore[arg-type]
        "change": statistics.median(changes), "change_max": max(changes),
        "change_cpu": statistics.median(changes_cpu), "open_cpu": open_cpu, "overdue_cpu": overdue_cpu,
        "refresh": refresh_s, "compact": compact_s,
    }


def machine() -> str:
    return describe()


def main() -> None:
    print(f"Машина: {machine()}")
    folder = Path(tempfile.mkdtemp(prefix="bench-store-"))
    try:
        results = {n: orders_case(folder, n) for n in (1_000, 100_000)}
        print("Время: по часам (в скобках — процессорное этого процесса; машина общая).")
        print(f"{'поручений':>10} {'файл, МБ':>9} {'создание':>9} {'открытие':>18} "
              f"{'просрочено':>11} {'запрос просроченных':>20} {'1 смена статуса: медиана, макс.':>36}")
        for n, r in results.items():
            print(f"{n:>10,} {r['size_mb']:>9.1f} {r['build']:>8.2f}с "
                  f"{r['open']:>7.3f}с ({r['open_cpu']:.3f}с) {r['overdue_n']:>11,} "
                  f"{r['overdue'] * 1000:>9.0f}мс ({r['overdue_cpu'] * 1000:.0f}мс) "
                  f"{r['change'] * 1000:>12.2f}мс ({r['change_cpu'] * 1000:.2f}мс), {r['change_max'] * 1000:.2f}мс")
        for n, r in results.items():
            print(f"{n:>10,}: refresh() без чужих изменений {r['refresh'] * 1e6:.0f} мкс; "
                  f"сжатие (снимок целиком, идёт само раз в ~¼ размера базы изменений) {r['compact']:.2f}с")
        ratio = results[100_000]["change"] / results[1_000]["change"]
        ratio_cpu = results[100_000]["change_cpu"] / results[1_000]["change_cpu"]
        verdict = "в норме" if ratio <= 3 else "ВЫШЕ ЦЕЛИ"
        print(f"Смена статуса, 100 000 / 1 000: {ratio:.2f}× по часам, {ratio_cpu:.2f}× по процессору "
              f"(цель ≤ 3×, {verdict}); по часам время — в основном fdatasync журнала")

        path = folder / "registry.db"
        build_s = build(path, "registry", make_registry_row, 200_000)
        open_s, open_cpu, store = cpu_timed(lambda: open_store(path, schema_version=1))
        rows = len(store.table("registry"))
        store.close()
        size = (path.stat().st_size + Path(f"{path}.journal").stat().st_size) / 1e6
        print(f"Реестр: {rows:,} строк, {size:.1f} МБ; создание {build_s:.2f}с, открытие {open_s:.3f}с ({open_cpu:.3f}с)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
