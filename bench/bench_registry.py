"""Registry benchmark: import 200,000 rows (target < 1 min) and coverage (target < 1 s).

Run: .venv/bin/python -m bench.bench_registry [ROWS]. Builds a made-up registry .csv in a
temporary folder, imports it into a memory store and into the durable store, then times the
coverage view (running totals), coverage as of a past date, a re-import with no changes,
and one employee edit.
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from bench.machine import describe

HEADER = ("№ п/п;Муниципальное образование;Наименование учреждения;Тип;ВКонтакте;Одноклассники;Telegram;"
          "Госметка;Подключено к «Госпаблики»;ФИО ответственного;Должность;Телефон;E-mail")


def make_csv(path: Path, rows: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    districts = [f"Район № {n}" for n in range(60)]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER + "\r\n")
        for n in range(1, rows + 1):
            club = 100_000_000 + n
            ok = f"https://ok.ru/group/{10**13 + n}" if rnd.random() < 0.6 else ""
            tg = f"https://t.me/pub{club}" if rnd.random() < 0.3 else ""
            vk = f"https://vk.com/club{club}" if rnd.random() < 0.97 else ""
            person = "" if rnd.random() < 0.01 else f"Сотрудник {n % 997} И.О."
            handle.write(
                f"{n};{rnd.choice(districts)};МБОУ «Школа № {n}»;подведомственное учреждение;{vk};{ok};{tg};"
                f"{rnd.choice(('да', 'нет'))};{rnd.choice(('да', 'да', 'нет'))};{person};методист;"
                f"+7 (3852) {20 + n % 80}-{10 + n % 90}-{10 + n % 89};smm{n}@example.ru\r\n"
            )


def timed(label: str, fn, results: dict):  # noqa: ANN001
    start = time.perf_counter()
    value = fn()
    elapsed = time.perf_counter() - start
    results[label] = elapsed
    print(f"  {label:<45} {elapsed:8.3f} s", flush=True)
    return value


def run(store_label: str, make_store, csv_path: Path) -> dict:  # noqa: ANN001
    from tracker.registry.models import Employee
    from tracker.root import assemble

    results: dict[str, float] = {}
    print(f"{store_label}:")
    store = make_store()
    service = assemble(store, user="bench", clock=lambda: datetime(2026, 10, 1, 12, 0)).registry
    preview = timed("import: read + validate + plan (preview)", lambda: service.preview_import(csv_path), results)
    timed("import: commit", lambda: service.commit_import(preview), results)
    results["import total"] = results["import: read + validate + plan (preview)"] + results["import: commit"]
    print(f"  {'import total (target < 60 s)':<45} {results['import total']:8.3f} s")
    report = timed("coverage (target < 1 s)", service.coverage, results)
    print(f"    -> {report.total.institutions} institutions in {len(report.districts)} districts; "
          f"{report.districts[0].line()}")
    timed("coverage as of a past date (rebuilt)", lambda: service.coverage(as_of=date(2026, 10, 1)), results)
    from tracker.registry.service import RegistryFilter

    page = timed("list: first 200 records, no filter", lambda: service.list_records(), results)
    timed("list: text filter (one match)", lambda: service.list_records(RegistryFilter(text="smm4242@")), results)
    rid = page.rows[0].id
    timed("edit one employee", lambda: service.edit_employee(
        rid, Employee("Новая А.А."), when=date(2026, 10, 2)), results)
    again = timed("re-import preview, nothing changed", lambda: service.preview_import(csv_path), results)
    print(f"    -> unchanged {again.plan.unchanged}, changed {again.changed_count}")
    store.close()
    return results


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    rows = int(args[0]) if args else 200_000
    print(f"Machine: {describe()}")
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "registry.csv"
        start = time.perf_counter()
        make_csv(csv_path, rows)
        print(f"Built {rows} rows ({csv_path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s")
        from db import MemoryStore

        run("Memory store", MemoryStore, csv_path)

        def durable():
            import db

            return db.open_store(str(Path(folder) / "bench.db"), schema_version=1, migrations={})

        run("Durable store (db.open_store)", durable, csv_path)


if __name__ == "__main__":
    main()
