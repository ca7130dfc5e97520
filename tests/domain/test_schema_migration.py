"""Schema 1 -> 2: recurring orders stored with control points from the act's date count them
from the day they were put on control; posting norms stop being due (issue 10)."""
from datetime import date

from tracker.clock import fixed_day
from tracker.control.api import OrderFilter
from tracker.control.records import deadline_from_dict
from tracker.root import compose


def old_order(order_id: str, words: str, recurrence: str, closed: list | None = None) -> dict:
    return {"id": order_id, "act_id": "a1", "number": order_id, "text": "Представлять сведения", "status": "на исполнении",
            "created": "2026-11-10", "assignments": [], "closed_points": closed or [],
            "deadline": {"kind": "recurring", "text": words, "recurrence": recurrence, "start": "2023-06-30"}}


def test_old_recurring_orders_are_counted_from_the_day_they_were_put_on_control(tmp_path):
    import db

    path = tmp_path / "old.db"
    with db.open_store(path, schema_version=1) as old:
        old.table("orders").insert_many([
            old_order("o1", "ежемесячно, до 5 числа месяца, следующего за отчётным", "ежемесячно"),
            old_order("o2", "не менее 3 (трех) информационных материалов в неделю", "еженедельно"),
            old_order("o3", "ежеквартально", "ежеквартально", closed=[{"due": "2023-09-29", "done_at": "2023-09-28"}]),
        ])
    app = compose(path, clock=fixed_day(date(2026, 12, 4)))
    try:
        orders = {raw["id"]: raw for raw in app.store.table("orders").all()}
        monthly = deadline_from_dict(orders["o1"]["deadline"])
        assert monthly.start == date(2026, 11, 10) and (monthly.point_day, monthly.point_offset) == (5, 1)
        assert deadline_from_dict(orders["o2"]["deadline"]).norm
        assert deadline_from_dict(orders["o3"]["deadline"]).start == date(2023, 6, 30)  # accepted periods: kept
        overdue = {row.number for row in app.control.list_orders(OrderFilter(overdue=True)).rows}
        # o1: November's report is due 07.12.2026 (05.12 a Saturday); o3 keeps its own schedule,
        # unreported since 2023: the clerk's history stays true
        assert overdue == {"o3"}
    finally:
        app.close()

