"""Random sequences of writes give the same results on MemoryStore and on the file store,
and the file store holds the same data after a reopen."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storeproc import FILE_OPTIONS

from db import ConflictError, MemoryStore, StoreError, open_store

IDS = st.sampled_from(["a", "b", "c"])
VALUES = st.one_of(st.none(), st.integers(-5, 5), st.text("абв xyz", max_size=4),
                   st.lists(st.integers(0, 3), max_size=2))
REVS = st.one_of(st.none(), st.integers(1, 4))
FIELDS = st.dictionaries(st.sampled_from(["status", "n", "tags"]), VALUES, max_size=2)

OPERATIONS = st.one_of(
    st.tuples(st.just("insert"), IDS, FIELDS),
    st.tuples(st.just("update"), IDS, FIELDS, REVS),
    st.tuples(st.just("replace"), IDS, FIELDS, REVS),
    st.tuples(st.just("delete"), IDS, REVS),
    st.tuples(st.just("meta"), st.sampled_from(["k1", "k2"]), VALUES),
    st.tuples(st.just("failed_transaction"), IDS, FIELDS),
    st.tuples(st.just("find_by"), st.sampled_from(["status", "n"]), VALUES),
)


def apply(store, operation):
    """Run one operation; return what it gave back (or which error it raised)."""
    table = store.table("t")
    kind, *args = operation
    try:
        if kind == "insert":
            return table.insert({"id": args[0], **args[1]})
        if kind == "update":
            return table.update(args[0], args[1], expected_rev=args[2])
        if kind == "replace":
            return table.replace({"id": args[0], **args[1]}, expected_rev=args[2])
        if kind == "delete":
            return table.delete(args[0], expected_rev=args[1])
        if kind == "meta":
            return store.set_meta(args[0], args[1])
        if kind == "find_by":
            return sorted(r["id"] for r in table.find_by(args[0], args[1]))
        with store.transaction():
            table.insert({"id": args[0] + "-tx", **args[1]})
            raise RuntimeError("rolled back")
    except (ConflictError, StoreError, RuntimeError) as error:
        return type(error).__name__


def state(store):
    return sorted(store.table("t").all(), key=lambda r: r["id"]), store.get_meta("k1"), store.get_meta("k2")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(OPERATIONS, max_size=25), indexed=st.booleans())
def test_file_store_behaves_like_the_memory_store(tmp_path_factory, operations, indexed):
    path = tmp_path_factory.mktemp("model") / "m.db"
    memory = MemoryStore()
    with open_store(path, schema_version=1, compact_min_bytes=300, **FILE_OPTIONS) as durable:
        if indexed:
            for store in (memory, durable):
                store.table("t").ensure_index("status")
        for operation in operations:
            assert apply(durable, operation) == apply(memory, operation), operation
        assert state(durable) == state(memory)
    with open_store(path, schema_version=1, **FILE_OPTIONS) as reopened:
        assert state(reopened) == state(memory)
