"""The Store contract (db/api.py), checked on both MemoryStore and the TinyDB file store."""
from __future__ import annotations

from datetime import date
from enum import StrEnum

import pytest

from db import ConflictError, StoreError

ORDER = {"id": "o1", "number": "1.1", "status": "на исполнении", "executors": ["e1", "e2"],
         "history": [{"what": "поставлено на контроль"}]}


def test_insert_returns_the_stored_copy_with_rev_1(store):
    stored = store.table("orders").insert(dict(ORDER))
    assert stored == {**ORDER, "_rev": 1}
    assert store.table("orders").get("o1") == stored


def test_insert_generates_a_string_id_when_missing(store):
    stored = store.table("orders").insert({"number": "2"})
    assert isinstance(stored["id"], str) and stored["id"]
    assert store.table("orders").get(stored["id"])["number"] == "2"


def test_inserting_an_existing_id_is_a_conflict(store):
    store.table("orders").insert(dict(ORDER))
    with pytest.raises(ConflictError):
        store.table("orders").insert(dict(ORDER))
    assert len(store.table("orders")) == 1


def test_an_id_must_be_a_non_empty_string(store):
    with pytest.raises(StoreError, match="идентификатор"):
        store.table("orders").insert({"id": 5})
    assert len(store.table("orders")) == 0


@pytest.mark.parametrize("value", [date(2024, 7, 1), object(), {1: "int key"}])
def test_values_that_are_not_plain_json_are_refused_by_both_stores(store, value):
    with pytest.raises(StoreError, match="Нельзя сохранить"):
        store.table("orders").insert({"id": "a", "value": value})
    store.table("orders").insert({"id": "b"})
    with pytest.raises(StoreError, match="Нельзя сохранить"):
        store.table("orders").update("b", {"value": value})
    with pytest.raises(StoreError, match="Нельзя сохранить"):
        store.set_meta("value", value)
    assert store.table("orders").get("a") is None and store.table("orders").get("b") == {"id": "b", "_rev": 1}


class Status(StrEnum):
    DONE = "исполнено"


def test_enums_are_stored_as_their_values(store):
    store.table("orders").insert({"id": "a", "status": Status.DONE, "pair": ("x", 1)})
    stored = store.table("orders").get("a")
    assert stored["status"] == "исполнено" and type(stored["status"]) is str
    assert stored["pair"] == ["x", 1]


def test_reads_are_copies_nested_values_included(store):
    orders = store.table("orders")
    orders.insert(dict(ORDER))
    copy = orders.get("o1")
    copy["history"].append({"what": "чужая правка"})
    copy["status"] = "исполнено"
    orders.all()[0]["executors"].append("e3")
    orders.filter(lambda r: True)[0]["history"].clear()
    assert orders.get("o1") == {**ORDER, "_rev": 1}


def test_the_caller_keeps_ownership_of_what_it_inserted(store):
    record = {"id": "o1", "history": [{"what": "создано"}]}
    store.table("orders").insert(record)
    record["history"].append({"what": "после вставки"})
    assert store.table("orders").get("o1")["history"] == [{"what": "создано"}]


def test_update_merges_shallowly_and_bumps_rev(store):
    orders = store.table("orders")
    orders.insert(dict(ORDER))
    updated = orders.update("o1", {"status": "исполнено", "id": "hijack"})
    assert updated["_rev"] == 2 and updated["id"] == "o1"
    assert updated["status"] == "исполнено" and updated["number"] == "1.1"
    assert orders.get("o1") == updated and orders.get("hijack") is None


def test_update_with_a_stale_rev_is_a_conflict_and_writes_nothing(store):
    orders = store.table("orders")
    orders.insert(dict(ORDER))
    orders.update("o1", {"status": "отчёт представлен"}, expected_rev=1)
    with pytest.raises(ConflictError) as caught:
        orders.update("o1", {"status": "на доработке"}, expected_rev=1)
    assert (caught.value.expected, caught.value.actual) == (1, 2)
    assert "изменена другим пользователем" in str(caught.value)
    assert orders.get("o1")["status"] == "отчёт представлен"


def test_update_replace_delete_of_a_missing_record_are_conflicts(store):
    orders = store.table("orders")
    with pytest.raises(ConflictError):
        orders.update("nope", {"a": 1})
    with pytest.raises(ConflictError):
        orders.replace({"id": "nope"})
    with pytest.raises(ConflictError):
        orders.delete("nope")


def test_get_many_gives_the_records_that_exist_by_id_as_copies(store):
    orders = store.table("orders")
    orders.insert_many([{"id": "o1", "text": "Обеспечить"}, {"id": "o2", "text": "Представить"}])
    found = orders.get_many(["o2", "нет", "o1", "o2"])
    assert sorted(found) == ["o1", "o2"] and found["o2"]["text"] == "Представить" and found["o1"]["_rev"] == 1
    found["o1"]["text"] = "изменено в памяти"
    assert orders.get("o1")["text"] == "Обеспечить"
    assert orders.get_many([]) == {}


def test_replace_swaps_the_whole_record(store):
    orders = store.table("orders")
    orders.insert(dict(ORDER))
    replaced = orders.replace({"id": "o1", "number": "9"}, expected_rev=1)
    assert replaced == {"id": "o1", "number": "9", "_rev": 2}
    with pytest.raises(ConflictError):
        orders.replace({"id": "o1", "number": "10"}, expected_rev=1)
    assert orders.get("o1") == replaced


def test_delete_checks_the_rev(store):
    orders = store.table("orders")
    orders.insert(dict(ORDER))
    orders.update("o1", {"status": "исполнено"})
    with pytest.raises(ConflictError):
        orders.delete("o1", expected_rev=1)
    orders.delete("o1", expected_rev=2)
    assert orders.get("o1") is None and len(orders) == 0


def test_insert_many_is_all_or_nothing(store):
    orders = store.table("orders")
    orders.insert({"id": "taken"})
    with pytest.raises(ConflictError):
        orders.insert_many([{"id": "new-1"}, {"id": "taken"}, {"id": "new-2"}])
    assert [r["id"] for r in orders.all()] == ["taken"]


def test_all_iter_len_and_filter(store):
    orders = store.table("orders")
    orders.insert_many([{"id": f"o{i}", "n": i} for i in range(5)])
    assert len(orders) == 5
    assert sorted(r["id"] for r in orders.all()) == [f"o{i}" for i in range(5)]
    assert sorted(r["n"] for r in orders) == list(range(5))
    assert sorted(r["n"] for r in orders.filter(lambda r: r["n"] % 2 == 0)) == [0, 2, 4]


@pytest.mark.parametrize("indexed", [False, True])
def test_find_by_with_and_without_an_index(store, indexed):
    orders = store.table("orders")
    orders.insert_many([
        {"id": "a", "act": "x", "tags": ["1", "2"]},
        {"id": "b", "act": "y"},
        {"id": "c", "act": "x"},
    ])
    if indexed:
        orders.ensure_index("act")
        orders.ensure_index("tags")
    assert sorted(r["id"] for r in orders.find_by("act", "x")) == ["a", "c"]
    assert [r["id"] for r in orders.find_by("tags", ["1", "2"])] == ["a"]
    assert sorted(r["id"] for r in orders.find_by("tags", None)) == ["b", "c"]
    # the index follows every kind of write
    orders.update("a", {"act": "y"})
    orders.delete("c")
    orders.insert({"id": "d", "act": "x"})
    orders.replace({"id": "b", "act": "x"})
    assert sorted(r["id"] for r in orders.find_by("act", "x")) == ["b", "d"]
    assert [r["id"] for r in orders.find_by("act", "y")] == ["a"]
    assert orders.find_by("act", "z") == []


def test_a_transaction_commits_all_its_writes(store):
    orders = store.table("orders")
    with store.transaction():
        orders.insert({"id": "a"})
        orders.insert({"id": "b"})
        store.set_meta("imported", ["act-1"])
    assert len(orders) == 2 and store.get_meta("imported") == ["act-1"]


def test_a_failed_transaction_leaves_nothing_behind(store):
    orders = store.table("orders")
    orders.insert({"id": "kept", "status": "на исполнении"})
    orders.ensure_index("status")
    store.set_meta("version", 1)
    with pytest.raises(RuntimeError):
        with store.transaction():
            orders.insert({"id": "new"})
            orders.update("kept", {"status": "исполнено"})
            orders.delete("kept")
            store.table("other").insert({"id": "x"})
            store.set_meta("version", 2)
            store.set_meta("added", True)
            raise RuntimeError("сбой посреди импорта")
    assert [r["id"] for r in orders.all()] == ["kept"]
    assert orders.get("kept") == {"id": "kept", "status": "на исполнении", "_rev": 1}
    assert [r["id"] for r in orders.find_by("status", "на исполнении")] == ["kept"]
    assert orders.find_by("status", "исполнено") == []
    assert len(store.table("other")) == 0
    assert store.get_meta("version") == 1 and store.get_meta("added") is None


def test_a_conflict_inside_a_transaction_undoes_the_whole_transaction(store):
    orders = store.table("orders")
    orders.insert({"id": "a"})
    orders.update("a", {"x": 1})
    with pytest.raises(ConflictError):
        with store.transaction():
            orders.insert({"id": "b"})
            orders.update("a", {"x": 2}, expected_rev=1)
    assert orders.get("b") is None and orders.get("a")["x"] == 1


def test_a_nested_transaction_that_fails_undoes_only_itself(store):
    orders = store.table("orders")
    with store.transaction():
        orders.insert({"id": "outer"})
        with pytest.raises(ValueError):
            with store.transaction():
                orders.insert({"id": "inner"})
                raise ValueError
        orders.insert({"id": "after"})
    assert sorted(r["id"] for r in orders.all()) == ["after", "outer"]


def test_meta_values_default_and_are_copies(store):
    assert store.get_meta("settings", {"a": 1}) == {"a": 1}
    store.set_meta("settings", {"organisation": "Правительство Иркутской области", "list": [1]})
    value = store.get_meta("settings")
    value["list"].append(2)
    assert store.get_meta("settings") == {"organisation": "Правительство Иркутской области", "list": [1]}


def test_table_names_lists_the_tables_in_use(store):
    store.table("orders").insert({"id": "a"})
    store.table("acts").insert({"id": "b"})
    assert {"orders", "acts"} <= set(store.table_names())


def test_refresh_with_no_other_writer_reports_no_change(store):
    store.table("orders").insert({"id": "a"})
    assert store.refresh() is False
