"""The quarterly draft is filled from the act that demands it (issue 10, finding 6).

Right after importing 1611-п (tests/drafting/data/1611-p.txt, the Обнинск act of the dev corpus)
and a registry, `tracker draft quarterly` has no blank but the new act's own date and number:
organisation, region, city, signatory, controller and the base act all come from 1611-п,
whose item 2.5 demands the update. What neither the acts nor the settings give is named on
stderr, one line per blank.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

from drafting_docx import body_text
from test_draft_cli import imported_registry, run

from tracker.drafting.basis import blanks, from_act
from tracker.drafting.data import ActRef, Letterhead, QuarterlyData, Registration

ACT_1611 = Path(__file__).parent / "data" / "1611-p.txt"
REGISTRATION_BLANKS = ("от ________ № ____", "от ________", "№ ____")


def without_registration_blanks(text: str) -> str:
    for blank in REGISTRATION_BLANKS:
        text = text.replace(blank, "")
    return text


def test_right_after_importing_1611_the_draft_has_no_blank_but_its_own_date_and_number(tmp_path):
    db = imported_registry(tmp_path)
    imported = run("import", "--yes", "--db", str(db), str(ACT_1611))
    assert imported.exit_code == 0, imported.output
    out = tmp_path / "проект.docx"
    result = run("draft", "quarterly", "--db", str(db), "--out", str(out), "--today", "04.12.2026")
    assert result.exit_code == 0, result.output
    text = body_text(out)
    for expected in ("Калужская область", "АДМИНИСТРАЦИЯ ГОРОДА ОБНИНСКА", "г. Обнинск",
                     "В соответствии с пунктом 2.5 постановления Администрации города Обнинска от 30.06.2023 "
                     "№ 1611-п «Об организации информирования жителей МО «Город Обнинск»",
                     "возложить на заместителя главы Администрации города по вопросам управления делами "
                     "Г.Е. Ананьева.",
                     "к постановлению Администрации города Обнинска", "Глава Администрации города",
                     "Т.Н. Леонова"):
        assert expected in text, expected
    assert "от ________ № ____" in text  # the new act's own date and number: filled at registration
    rest = without_registration_blanks(text)
    assert "__" not in rest and "И.О. Фамилия" not in rest
    assert "пункт 2.5 постановления № 1611-п от 30.06.2023" in result.stdout
    assert result.stderr.count("пропуск в проекте") == 1
    assert "дата и номер самого постановления" in result.stderr


def test_without_the_act_each_blank_is_named_on_stderr(tmp_path):
    db = imported_registry(tmp_path)
    out = tmp_path / "проект.docx"
    result = run("draft", "quarterly", "--db", str(db), "--out", str(out), "--today", "04.12.2026")
    assert result.exit_code == 0, result.output
    for named in ("наименование организации —", "должность подписывающего", "инициалы и фамилия подписывающего",
                  "номер акта-основания", "дата акта-основания", "дата и номер самого постановления"):
        assert named in result.stderr, named
    assert "tracker settings set organisation.signatory_person" in result.stderr


def _act(**fields):
    values = dict(kind="постановление", number="1611-п", date=date(2023, 6, 30), title="Об организации",
                  issuer="Администрация города Обнинска", signatory=None, controller=None, text="")
    return SimpleNamespace(**(values | fields))


def test_the_act_comes_first_and_settings_fill_only_what_it_is_silent_on():
    settings_org = Letterhead(name="Администрация ________________", name_genitive="Администрации ________________",
                              region="Калужская область", signatory_position="Глава Администрации города",
                              signatory_person="Т.Н. Леонова", executor_line="Исп. Иванова А.А.")
    demand = SimpleNamespace(act=_act(), item="2.5")
    org, base = from_act(demand, settings_org, ActRef(number="999", date=date(2020, 1, 1)))
    assert (org.name, org.name_genitive, org.city) == ("Администрация города Обнинска",
                                                       "Администрации города Обнинска", "г. Обнинск")
    assert (org.region, org.signatory_position, org.signatory_person) == (
        "Калужская область", "Глава Администрации города", "Т.Н. Леонова")  # the act is silent: settings
    assert (base.number, base.date, base.item, base.issuer_genitive) == (
        "1611-п", date(2023, 6, 30), "2.5", "Администрации города Обнинска")
    data = QuarterlyData(org=org, reg=Registration(), as_of=date(2026, 12, 4), base_act=base, list_subject="",
                         groups=[])
    assert blanks(data) == ["дата и номер самого постановления — проставляются при регистрации"]


def test_report_and_reminders_go_out_on_the_same_letterhead(tmp_path):
    db = imported_registry(tmp_path)
    assert run("import", "--yes", "--db", str(db), str(ACT_1611)).exit_code == 0
    out = tmp_path / "отчёт.docx"
    result = run("draft", "report", "--db", str(db), "--out", str(out), "--today", "04.12.2026")
    assert result.exit_code == 0, result.output
    text = body_text(out)
    assert "АДМИНИСТРАЦИЯ ГОРОДА ОБНИНСКА" in text and "Т.Н. Леонова" in text and "__" not in text
    assert "пропуск в проекте" not in result.stderr


def test_a_report_without_any_letterhead_names_its_blanks(demo_db, tmp_path):
    result = run("draft", "report", "--db", str(demo_db), "--out", str(tmp_path / "r.docx"), "--today", "04.12.2026")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("пропуск в проекте") == 4  # organisation, its genitive, signatory post and name
    assert "наименование организации — задайте: tracker settings set organisation.name" in result.stderr
