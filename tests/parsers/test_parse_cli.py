"""`tracker parse`: a Russian summary by default, JSON Lines to the contract with --json."""
import json
from datetime import date

from builders import DocxBuilder, multilevel, num, numbering_xml
from typer.testing import CliRunner

from cli.main import build_app
from cli.parse_cmd import summary
from parsers.model import Deadline, DocumentInfo, ExtractedOrder, ParseResult, Party, Signatory

CONTRACT_KEYS = {"source", "error", "format", "document", "orders", "warnings"}


def numbered_act(tmp_path):
    doc = DocxBuilder(numbering=numbering_xml(multilevel(1), num(3, 1)))
    doc.paragraph("АДМИНИСТРАЦИЯ ГОРОДА ОБНИНСКА").paragraph("ПОСТАНОВЛЕНИЕ")
    doc.table([["30.06.2023", "№ 1611-п"]])
    doc.paragraph("Об организации информирования жителей").paragraph("ПОСТАНОВЛЯЮ:")
    doc.paragraph("Управлению образования Администрации города:", num_id=3, ilvl=0)
    doc.paragraph("обеспечить размещение информации до 1 марта 2024 года;", num_id=3, ilvl=1)
    doc.paragraph("представить отчёт до 1 апреля 2024 года.", num_id=3, ilvl=1)
    doc.paragraph("Глава Администрации города Т.Н. Леонова")
    return doc.save(tmp_path / "act.docx")


def test_json_lines_follow_the_contract_in_the_given_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    numbered_act(tmp_path)
    (tmp_path / "act.txt").write_text("ПОСТАНОВЛЕНИЕ\nОбеспечить исполнение.\n", encoding="utf-8")
    result = CliRunner().invoke(build_app(), ["parse", "--json", "act.txt", "act.docx"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["source"] for r in records] == ["act.txt", "act.docx"]  # exactly as given
    assert all(set(r) >= CONTRACT_KEYS and r["error"] is None for r in records)
    assert [r["format"] for r in records] == ["txt", "docx"]
    assert "Об организации информирования" in lines[1]  # Cyrillic written as is (ensure_ascii=False)
    assert "\\u04" not in result.stdout


def test_docx_automatic_numbers_reach_the_extracted_orders(tmp_path):
    result = CliRunner().invoke(build_app(), ["parse", "--json", str(numbered_act(tmp_path))])
    record = json.loads(result.stdout)
    numbers = [order["number"] for order in record["orders"]]
    assert "1.1" in numbers and "1.2" in numbers
    assert record["document"]["number"] == "1611-п"
    assert record["document"]["date"] == "2023-06-30"


def test_default_output_is_a_russian_summary(tmp_path):
    result = CliRunner().invoke(build_app(), ["parse", str(numbered_act(tmp_path))])
    assert result.exit_code == 0, result.output
    for label in ("Файл:", "Вид акта:", "Номер:", "Дата:", "Издал:", "Заголовок:"):
        assert label in result.stdout
    assert "30.06.2023" in result.stdout and "1611-п" in result.stdout


def test_summary_lists_each_order_with_executor_deadline_and_first_words():
    result = ParseResult(
        source="act.docx", format="docx",
        document=DocumentInfo(kind="постановление", number="1611-п", date=date(2023, 6, 30),
                              issuer="Администрация города Обнинска", title="Об организации информирования",
                              signatory=Signatory(position="Глава Администрации города", person="Т.Н. Леонова")),
        orders=[
            ExtractedOrder(number="2.1", parent="2", text="довести информацию " + "до сотрудников " * 20, span=(0, 10),
                           responsible=[Party(as_written="Заместителям главы", name="Заместители главы")],
                           deadline=Deadline(text="до 31 августа 2023 года", date=date(2023, 8, 31))),
            ExtractedOrder(number="2.2", parent="2", text="ежеквартально готовить проект", span=(10, 20),
                           deadline=Deadline(text="ежеквартально", recurrence="ежеквартально")),
        ],
        warnings=["Пункт 3: исполнитель не назван."],
    )
    text = summary(result)
    assert "Вид акта:   постановление" in text
    assert "Дата:       30.06.2023" in text
    assert "Подписал:   Глава Администрации города Т.Н. Леонова" in text
    assert "Поручений: 2" in text
    assert "2.1. довести информацию до сотрудников" in text and "…" in text
    assert "Исполнитель: Заместители главы" in text
    assert "Срок: 31.08.2023" in text
    assert "Исполнитель: не указан" in text and "Срок: ежеквартально" in text
    assert "Предупреждение: Пункт 3: исполнитель не назван." in text


def test_a_file_that_is_not_an_act_still_gets_its_summary(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("Сегодня в городе прошёл праздник.\n", encoding="utf-8")
    result = CliRunner().invoke(build_app(), ["parse", str(path)])
    assert result.exit_code == 0
    assert "Поручений не найдено" in result.stdout


def test_parse_is_listed_in_the_russian_help():
    result = CliRunner().invoke(build_app(), ["parse", "--help"])
    assert result.exit_code == 0
    assert "Разобрать акты" in result.stdout and "--json" in result.stdout


def test_an_unexpected_failure_in_one_file_is_its_error_line_and_the_next_file_goes_on(tmp_path, monkeypatch):
    import parsers.extract

    real_extract = parsers.extract.extract

    def flaky(document, source=None):
        if str(source).endswith("bad.txt"):
            raise RuntimeError("сбой\nв правилах")
        return real_extract(document, source=source)

    monkeypatch.setattr(parsers.extract, "extract", flaky)
    for name in ("bad.txt", "good.txt"):
        (tmp_path / name).write_text("ПОСТАНОВЛЕНИЕ\n", encoding="utf-8")
    result = CliRunner().invoke(build_app(), ["parse", "--json", str(tmp_path / "bad.txt"), str(tmp_path / "good.txt")])
    assert result.exit_code == 1
    bad, good = (json.loads(line) for line in result.stdout.splitlines())
    assert "внутренней ошибки" in bad["error"] and "\n" not in bad["error"]
    assert good["error"] is None
    assert "Traceback" not in result.output
