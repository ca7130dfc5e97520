"""Reminders on the demo database: addressees in the dative, a co-executor's official kept from parse to show."""
from __future__ import annotations

from drafting_docx import body_text
from drafting_samples import run

CENTRE = "областное государственное автономное учреждение «Центр молодежных инициатив»"


def test_show_keeps_the_official_parse_found_beside_a_co_executor(demo_db):
    # parse: «совместно с областным государственным автономным учреждением «Центр молодежных
    # инициатив» (Т.Н. Зуева)» -> import -> the stored assignment -> `tracker show`
    found = run("orders", "--db", str(demo_db), "--text", "молодежных инициатив", "--json").output
    order_id = found.split('"id": "')[1].split('"')[0]
    card = run("show", "--db", str(demo_db), order_id).output
    assert "Комитет по молодежной политике Томской области (С.П. Орлов)" in card
    assert f"{CENTRE} (Т.Н. Зуева) (соисполнитель)" in card


def test_reminders_address_heads_in_the_dative(demo_db, tmp_path):
    out = tmp_path / "напоминания.docx"
    run("draft", "reminders", "--db", str(demo_db), "--out", str(out), "--today", "04.12.2026")
    text = body_text(out)
    for block in ("Председателю Комитета по молодежной политике Томской области Орлову С.П.",
                  "Директору областного государственного автономного учреждения «Центр молодежных инициатив» "
                  "Зуевой Т.Н.",
                  "Министру культуры Северной области Медведевой Ю.С.",
                  "Главам муниципальных образований Томской области"):
        assert block in text, block
    # 233-пп only quotes new wording of items of 512-пп, which is not on control: those items wait
    # for 512-пп to be imported (then they are applied to it), so nobody is reminded of them yet
    assert "Министерство цифрового развития Приозёрного края" not in text
    assert "Министру цифрового развития" not in text
    assert "М.А. Парфенов" not in text and "Ю.С. Медведева\n" not in text
