"""Many clerks through the SERVICE on PostgreSQL: every change kept or reported, none overwritten."""
from __future__ import annotations

from pathlib import Path

import pytest
from pgcluster import run_two_writers as run_processes

from tracker.root import compose

WORKER = Path(__file__).with_name("pg_service_worker.py")
PREFIX = "Комментарий: "


def run_two_clerks(url: str, order_id: str, mode: str, count: int = 50) -> list[dict]:
    return run_processes(WORKER, lambda name: [url, order_id, name, str(count), mode])


@pytest.fixture
def one_order(pg_url):
    app = compose(pg_url, user="контролёр")
    order = app.control.create_order(None, "1", "Провести совещание", ["Минобразования"])
    app.store.close()
    return pg_url, order.id


def stored_comments(url: str, order_id: str) -> list[tuple[str, str]]:
    app = compose(url)
    try:
        history = app.control.order_card(order_id).order.history
    finally:
        app.store.close()
    return [(entry.who, entry.what.removeprefix(PREFIX)) for entry in history if entry.action == "comment"]


@pytest.mark.parametrize("mode", ["retry", "report"])
def test_two_processes_commenting_one_order_keep_every_saved_change_and_report_the_rest(one_order, mode):
    url, order_id = one_order
    results = run_two_clerks(url, order_id, mode)
    stored = stored_comments(url, order_id)
    saved = [text for result in results for text in result["saved"]]
    assert sorted(text for _, text in stored) == sorted(saved), "a saved change is missing or doubled"
    for result in results:
        assert len(result["saved"]) + (0 if mode == "retry" else result["conflicts"]) == 50
    if mode == "retry":
        assert len(stored) == 100
    for who, text in stored:  # history records who made each change
        assert text.startswith(who)
