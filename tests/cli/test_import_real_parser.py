"""The import pipeline on the real parsers: a small постановление in .txt, imported twice."""
from __future__ import annotations

import json

ACT = """ПРАВИТЕЛЬСТВО ИРКУТСКОЙ ОБЛАСТИ

ПОСТАНОВЛЕНИЕ

15 января 2024 года                                    № 12-пп

Иркутск

Об организации работы официальных страниц

В целях повышения открытости Правительство Иркутской области ПОСТАНОВЛЯЕТ:

1. Министерству образования Иркутской области (Е.А. Терпугова) обеспечить размещение сведений на официальных страницах в срок до 1 марта 2024 года.
2. Министерству здравоохранения Иркутской области ежеквартально представлять отчёт о ведении страниц.
3. Контроль за исполнением настоящего постановления возложить на заместителя Председателя Правительства Иркутской области И.И. Иванова.

Губернатор Иркутской области                                  И.И. Кобзев
"""


def test_a_real_txt_act_is_imported_once(cli, tmp_path):
    path = tmp_path / "12-пп.txt"
    path.write_text(ACT, encoding="cp1251")
    first = cli("import", str(path), "--yes")
    assert first.exit_code == 0, first.output
    assert "Постановление № 12-пп от 15.01.2024" in first.output
    rows = [json.loads(line) for line in cli("orders", "--json").stdout.splitlines()]
    assert {row["number"] for row in rows} >= {"1"}
    first_order = next(row for row in rows if row["number"] == "1")
    assert first_order["due"] == "2024-03-01"
    assert "Министерство образования Иркутской области" in first_order["executors"]
    again = cli("import", str(path), "--yes")
    assert again.exit_code == 0 and "уже загружен" in again.output
    assert len(cli("orders", "--json").stdout.splitlines()) == len(rows)
