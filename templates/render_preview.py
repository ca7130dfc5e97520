"""Render the README pictures of the quarterly draft: `python templates/render_preview.py`.

Sample data (a fictional list under 1611-п) -> .docx -> PDF (LibreOffice) -> PNG (pdftoppm -r 60)
of page 1 and of the appendix's first page, into docs/img/.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.drafting.data import ActRef, Letterhead, PageLink, QuarterlyListRow  # noqa: E402
from tracker.drafting.engine import render_docx, template_path  # noqa: E402
from tracker.drafting.quarterly import build_quarterly  # noqa: E402

SUBJECT = ("сотрудников Администрации города Обнинска и подведомственных организаций, ответственных за "
           "ведение официальных страниц в социальных сетях «ВКонтакте», «Одноклассники» и каналов "
           "в мессенджере «Телеграм»")
PEOPLE = [
    ("Управление образования", "Смирнова Ольга Викторовна", "главный специалист", "edu"),
    ("Управление культуры и молодёжной политики", "Козлов Андрей Сергеевич", "ведущий специалист", "culture"),
    ("МБОУ «Средняя общеобразовательная школа № 1»", "Иванова Анна Петровна", "педагог-организатор", "school1"),
    ("МБОУ «Гимназия»", "Павлова Елена Николаевна", "заместитель директора", "gymnasium"),
    ("МАУ «Дворец спорта»", "Орлов Антон Андреевич", "пресс-секретарь", "sport"),
    ("МБУ «Городской парк»", "Кузнецов Олег Игоревич", "специалист по связям с общественностью", "park"),
    ("МБУК «Городской Дом культуры»", "Белова Татьяна Юрьевна", "художественный руководитель", "gdk"),
]


def sample():
    org = Letterhead(
        name="Администрация города Обнинска", name_genitive="Администрации города Обнинска",
        region="Калужская область", city="г. Обнинск", signatory_position="Глава Администрации города",
        signatory_person="Т.Н. Леонова",
        controller="заместителя главы Администрации города по вопросам управления делами Г.Е. Ананьева")
    base = ActRef(number="1611-п", date=date(2023, 6, 30), item="2.5", issuer_genitive=org.name_genitive,
                  title="Об организации информирования жителей МО «Город Обнинск» через официальные страницы "
                        "в социальных сетях «ВКонтакте», «Одноклассники» и каналы в мессенджере «Телеграм»")
    previous = ActRef(number="2101-п", date=date(2026, 8, 1), issuer_genitive=org.name_genitive,
                      title=f"Об актуализации списка {SUBJECT}")
    rows = [QuarterlyListRow(organisation=o, person=p, position=pos, phone=f"+7 (484) 396-{10 + i:02d}-{20 + i:02d}",
                             email=f"{slug}@obninsk.ru",
                             pages=[PageLink("ВКонтакте", f"https://vk.com/{slug}_obninsk"),
                                    PageLink("Телеграм", f"https://t.me/{slug}_obninsk")])
            for i, (o, p, pos, slug) in enumerate(PEOPLE)]
    return build_quarterly(org, base, SUBJECT, rows, date(2026, 11, 5), previous_update=previous)


def main(target: Path = ROOT / "docs" / "img") -> None:
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        docx = render_docx(template_path("quarterly.docx"), sample(), Path(work) / "quarterly.docx")
        soffice = shutil.which("soffice") or "soffice"
        profile = (Path(work) / "profile").as_uri()
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", work, str(docx)], check=True, capture_output=True)
        pdf = docx.with_suffix(".pdf")
        for page, name in ((1, "quarterly-page1"), (2, "quarterly-appendix")):
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
                            str(pdf), str(target / name)], check=True)
            print(target / f"{name}.png")


if __name__ == "__main__":
    main()
