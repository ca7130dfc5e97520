"""Records survive the trip to the store and back; a ParseResult becomes a reviewable preview."""
from datetime import date, datetime

from domain_factories import MINOBR, MINOBR_DAT, act, order, party

from tracker.control import records as mapping
from tracker.control.preview import preview_from_parse
from tracker.models import (
    Assignment,
    ClosedPoint,
    Deadline,
    DeadlineKind,
    ExecutorRole,
    Extension,
    Order,
    Recurrence,
    Status,
)


def test_an_order_round_trips_through_a_plain_json_record():
    original = Order(
        id="o1", act_id="a1", number="1.2", text="Обеспечить", parent="1", span=(10, 20),
        deadline=Deadline(kind=DeadlineKind.RECURRING, text="ежеквартально", recurrence=Recurrence.QUARTERLY,
                          start=date(2024, 1, 15), point_day=5, covered_until=date(2024, 4, 5)),
        assignments=[Assignment("e1", MINOBR_DAT, status=Status.REPORTED, reported_at=date(2024, 4, 1), report="ok"),
                     Assignment("e2", "совместно с", role=ExecutorRole.COEXECUTOR)],
        extensions=[Extension(date(2024, 3, 1), date(2024, 4, 1), "просьба", "письмо", datetime(2024, 2, 28, 9), "иванова")],
        closed_points=[ClosedPoint(date(2024, 4, 5), date(2024, 4, 4))], created=date(2024, 1, 16),
    )
    record = mapping.order_to_record(original)
    assert record["deadline"]["start"] == "2024-01-15" and record["span"] == [10, 20]
    import json

    restored = mapping.order_from_record(json.loads(json.dumps(record)))
    assert restored == original


def test_a_parse_result_becomes_a_preview_with_drafts():
    result = act("a.txt", order("1", "Обеспечить", party(MINOBR_DAT, MINOBR, "Е.А. Терпугова"), due=date(2024, 3, 1)),
                 order("2", "Провести", relative="в течение 3 рабочих дней"))
    preview = preview_from_parse(result, sha256="x" * 64)
    assert (preview.kind, preview.number, preview.date) == ("постановление", "100-п", date(2024, 1, 15))
    first, second = preview.orders
    assert first.responsible == [MINOBR_DAT] and first.responsible_names == [MINOBR]
    assert first.persons == ["Е.А. Терпугова"] and first.due == date(2024, 3, 1)
    assert second.responsible == [] and second.relative == "в течение 3 рабочих дней"
    assert all(d.keep for d in preview.orders)


def test_act_identity_is_kind_number_date_and_issuer():
    one = mapping.act_key("постановление", "1611-п", date(2023, 6, 30), "Правительство Иркутской области")
    assert one == mapping.act_key("Постановление", "1611-П", date(2023, 6, 30), "правительство  иркутской области")
    assert one != mapping.act_key("постановление", "1612-п", date(2023, 6, 30), "Правительство Иркутской области")
    # a перечень without a number is known by its date and title
    assert mapping.act_key("перечень поручений", None, date(2023, 8, 1), None, "По итогам совещания") is not None
    assert mapping.act_key(None, None, None, None, None) is None


def test_act_labels_read_as_a_clerk_writes_them():
    assert mapping.act_label("постановление", "1611-п", date(2023, 6, 30)) == "Постановление № 1611-п от 30.06.2023"
    assert mapping.act_label("перечень поручений", None, date(2023, 8, 1)) == "Перечень поручений от 01.08.2023"
