"""`draft report` on the demo database (what `make demo` imports) adds up, in .docx and .xlsx alike.

Issue 10, finding 5: every total equals the sum of its table; every executor of an overdue
order has a Kо row; an acceptance and a withdrawal count on the day they happened; the Kо
formula is printed under the table; texts are cut at a word with «…».
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
from drafting_docx import paragraphs, table_rows
from drafting_samples import ACCEPTED, SAMPLES, WITHDRAWN, run

TODAY = date(2026, 12, 4)


def report(db: Path, tmp_path: Path, *period: str) -> tuple[Path, Path]:
    out = tmp_path / "отчёт.docx"
    run("draft", "report", "--db", str(db), "--out", str(out), "--today", "04.12.2026", *period)
    return out, out.with_suffix(".xlsx")


def docx_totals(out: Path) -> dict[str, int]:
    found = {}
    for text in paragraphs(out):
        if match := re.fullmatch(r"(.+?) — (\d+);", text.strip()):
            found[match[1]] = int(match[2])
        if match := re.search(r"включено поручений .*?: (\d+), из них", text):
            found["всего"] = int(match[1])
    return found


def xlsx_totals(book) -> dict[str, int]:
    return {row[0]: row[1] for row in book["Итоги"].iter_rows(values_only=True) if isinstance(row[1], int)}


def ko_rows(rows: list[list]) -> tuple[list[list], list]:
    """Executor lines and the «Итого» line of a Kо table (header dropped)."""
    return [r for r in rows[1:] if r[1] != "Итого"], next(r for r in rows if r[1] == "Итого")


def test_docx_totals_are_the_sums_of_its_tables(demo_db, tmp_path):
    out, _ = report(demo_db, tmp_path)
    totals = docx_totals(out)
    ko = table_rows(out, 0)
    overdue = table_rows(out, 1)[1:]
    permanent = table_rows(out, 2)[1:]
    assert totals["всего"] == totals["исполнено"] + totals["находятся на исполнении"] + totals["снято с контроля"]
    assert totals["исполнено"] == totals["в том числе в срок"] + totals["с нарушением срока"]
    assert totals["в том числе просрочено"] == len(overdue) > 0
    # Tomsk list item 4 «постоянно»; the posting norms of order 12-од («не менее 3 публикаций в неделю»)
    # are no deadline and not in the report
    assert totals["на постоянном контроле"] == len(permanent) == 1
    lines, total = ko_rows(ko)
    for column in (2, 3, 4, 5):
        assert int(total[column]) == sum(int(line[column]) for line in lines)
    for line in lines:  # due = on time + late + overdue, on every line
        assert int(line[2]) == int(line[3]) + int(line[4]) + int(line[5])


def test_every_executor_of_an_overdue_order_has_a_ko_row(demo_db, tmp_path):
    out, xlsx = report(demo_db, tmp_path)
    ko_names = {row[1] for row in table_rows(out, 0)[1:]}
    late = {name for row in table_rows(out, 1)[1:] for name in row[3].split("; ")}
    assert late and late <= ko_names
    book = openpyxl.load_workbook(xlsx)
    xlsx_ko = {row[0] for row in book["Kо по исполнителям"].iter_rows(min_row=2, values_only=True) if row[1] is not None}
    xlsx_late = {name for row in book["Просроченные"].iter_rows(min_row=2, values_only=True)
                 for name in row[3].split("; ")}
    assert xlsx_late == late and xlsx_late <= xlsx_ko
    # a co-executor late with the responsible one has its own row
    assert "областное государственное автономное учреждение «Центр молодежных инициатив»" in ko_names


def test_xlsx_totals_are_counts_of_its_sheets(demo_db, tmp_path):
    out, xlsx = report(demo_db, tmp_path)
    book = openpyxl.load_workbook(xlsx)
    totals = xlsx_totals(book)
    listing = list(book["Поручения"].iter_rows(min_row=2, values_only=True))
    states = [row[5] for row in listing]
    assert totals["Поручений в отчёте"] == len(listing)
    assert totals["в том числе в срок"] == states.count("исполнено в срок")
    assert totals["с нарушением срока"] == states.count("исполнено с нарушением срока")
    assert totals["Исполнено"] == totals["в том числе в срок"] + totals["с нарушением срока"]
    assert totals["Снято с контроля"] == states.count("снято с контроля")
    assert totals["в том числе просрочено"] == states.count("просрочено") == book["Просроченные"].max_row - 1
    assert totals["на постоянном контроле"] == states.count("постоянно")
    assert totals["На исполнении"] == states.count("на исполнении") + states.count("просрочено") + states.count(
        "постоянно")
    ko = [row for row in book["Kо по исполнителям"].iter_rows(min_row=2, values_only=True) if row[1] is not None]
    body, total = ko[:-1], ko[-1]
    assert total[0] == "Итого"
    assert [total[c] for c in (1, 2, 3, 4)] == [sum(row[c] for row in body) for c in (1, 2, 3, 4)]
    assert docx_totals(out)["всего"] == totals["Поручений в отчёте"]


def test_acceptance_and_withdrawal_count_on_their_day(demo_db, tmp_path):
    out, xlsx = report(demo_db, tmp_path)
    totals = docx_totals(out)
    assert totals["исполнено"] == 1 and totals["с нарушением срока"] == 1
    assert totals["снято с контроля"] == 1
    listing = {row[1]: row for row in openpyxl.load_workbook(xlsx)["Поручения"].iter_rows(min_row=2, values_only=True)
               if ACCEPTED in row[2] or WITHDRAWN in row[2]}
    assert {row[5] for row in listing.values()} == {"исполнено с нарушением срока", "снято с контроля"}
    assert {row[6].date() for row in listing.values()} == {TODAY}
    # the same period closed before that day: both were still on control and overdue then
    out, _ = report(demo_db, tmp_path, "--from", "01.10.2026", "--to", "30.11.2026")
    before = docx_totals(out)
    assert before["исполнено"] == 0 and before["снято с контроля"] == 0
    assert before["в том числе просрочено"] == totals["в том числе просрочено"] + 2 - 1  # 1.12 was not due yet


def test_formula_under_the_table_and_texts_cut_at_a_word(demo_db, tmp_path):
    out, _ = report(demo_db, tmp_path)
    text = paragraphs(out)
    assert any(line.startswith("Kо = Nв срок / Nсрок наступил") for line in text)
    cut = [row[2] for row in table_rows(out, 1)[1:] if row[2].endswith("…")]
    assert cut, "the demo has order texts longer than a table cell takes"
    for line in cut:
        assert len(line) <= 200 and not line[-2].isspace()
    # (the Tomsk list's quarterly monitoring, put on control on 04.12.2026, is not overdue: its first
    # period's point is 11.01.2027)
    # each is the order's own text cut where a word ends: what stands before «…» is followed by a space there
    acts = " ".join(" ".join(path.read_text(encoding="utf-8").split()) for path in (SAMPLES / "acts").glob("*.txt"))
    for line in cut:
        assert line[:-1] + " " in acts, line
    assert any(line.startswith("Главам муниципальных образований Томской области") and line.endswith("Срок: 1 декабря…")
               for line in cut)


def test_the_report_and_the_desk_count_the_same_overdue_control_points(demo_db, tmp_path):
    from tracker.clock import fixed_day
    from tracker.control.api import OrderFilter
    from tracker.root import compose

    out, xlsx = report(demo_db, tmp_path)
    app = compose(demo_db, clock=fixed_day(TODAY))
    try:
        board = app.control.dashboard(TODAY)
        listed = app.control.list_orders(OrderFilter(overdue=True), limit=None, today=TODAY).rows
    finally:
        app.close()
    book = openpyxl.load_workbook(xlsx)
    assert docx_totals(out)["в том числе просрочено"] == xlsx_totals(book)["в том числе просрочено"] \
        == board.overdue == sum(row.overdue_points for row in listed) == len(table_rows(out, 1)) - 1
    assert board.overdue_orders == len(listed)
