"""Sample values shared by the drafting tests."""
from __future__ import annotations

from pathlib import Path

from tracker.drafting.data import PageLink, QuarterlyListRow

SUBJECT = ("сотрудников Администрации города Обнинска и подведомственных организаций, ответственных за "
           "ведение официальных страниц в социальных сетях «ВКонтакте», «Одноклассники» и каналов "
           "в мессенджере «Телеграм»")
BASE_TITLE = ("Об организации информирования жителей МО «Город Обнинск» через официальные страницы "
              "в социальных сетях «ВКонтакте», «Одноклассники» и каналы в мессенджере «Телеграм»")


def make_row(organisation: str, person: str, district: str = "", phone: str = "+7 (484) 396-00-01",
             position: str = "специалист по связям с общественностью") -> QuarterlyListRow:
    slug = str(abs(hash(organisation)) % 10000)
    return QuarterlyListRow(organisation=organisation, person=person, position=position, phone=phone,
                            email=f"smm{slug}@obninsk.ru", district=district,
                            pages=[PageLink("ВКонтакте", f"https://vk.com/club{slug}"),
                                   PageLink("Телеграм", f"https://t.me/club{slug}")])


ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tracker" / "samples"  # what `make demo` imports
ACCEPTED = "методические рекомендации по оформлению"  # Tomsk list 1.1, overdue since 15.05.2026
WITHDRAWN = "обследование водопропускных сооружений"  # 57-р 2.а, overdue since 16.03.2026


def run(*args: str):
    """`tracker ARGS` in-process; it must succeed."""
    from typer.testing import CliRunner

    from cli.main import build_app

    result = CliRunner().invoke(build_app(), list(args))
    assert result.exit_code == 0, result.output
    return result
