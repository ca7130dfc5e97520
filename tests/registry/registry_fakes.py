"""Made-up registry spreadsheets for the tests and the bundled sample (no real people or pages).

`make_registry` builds a deterministic regional registry in the usual shape (the headers
regions send), with deliberate faults at known rows, and returns the truth the tests check
against. Run as a script to (re)write tracker/samples/registry/*.csv.
"""
from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HEADERS = ["№ п/п", "Муниципальное образование", "Наименование учреждения", "Тип", "ВКонтакте",
           "Одноклассники", "Telegram", "Госметка", "Подключено к «Госпаблики»", "ФИО ответственного",
           "Должность", "Телефон", "E-mail"]
EXEMPT_HEADERS = ["Освобождено", "Основание освобождения"]
DISTRICTS = [("Областные учреждения", 40), ("Город Светлоярск", 70), ("Берёзовский район", 35),
             ("Озёрный район", 30), ("Каменский район", 45), ("Заречный район", 25), ("Сосновый район", 55)]
SURNAMES = ["Белова", "Гришина", "Дорохова", "Ефимова", "Жукова", "Зайцева", "Калинина", "Ларина",
            "Мельникова", "Никитина", "Орлова", "Панова", "Рябова", "Степанова", "Тихонова", "Уварова"]
MEN = ["Белов", "Гришин", "Дорохов", "Ефимов", "Жуков", "Зайцев", "Калинин", "Ларин"]
INITIALS = ["А.А.", "В.С.", "Г.П.", "Е.Н.", "И.В.", "К.М.", "Л.Д.", "О.Ю.", "Т.Р."]
POSTS = ["специалист по связям с общественностью", "методист", "заместитель директора",
         "пресс-секретарь", "секретарь руководителя", "главный специалист"]
EXEMPT_BASIS = "постановление администрации области от 12.01.2026 № 7-п"

# № п/п -> what is wrong with that row (errors reject the row, warnings keep it)
FAULTS = {
    7: "vk-no-page", 23: "ok-wrong-host", 41: "email-no-at", 77: "phone-short",
    120: "mark-maybe", 150: "no-employee", 188: "no-pages",
}
ERROR_FAULTS = {"vk-no-page", "ok-wrong-host", "email-no-at", "phone-short", "mark-maybe"}
DUPLICATE_OF = 95  # the last row repeats this one


@dataclass
class Institution:
    number: int
    district: str
    name: str
    kind: str
    vk: str
    ok: str
    telegram: str
    mark: str
    connected: str
    person: str
    post: str
    phone: str
    email: str
    exempt: bool = False

    def cells(self, with_exempt: bool = False) -> list[str]:
        cells = [str(self.number), self.district, self.name, self.kind, self.vk, self.ok, self.telegram,
                 self.mark, self.connected, self.person, self.post, self.phone, self.email]
        if with_exempt:
            cells += ["да" if self.exempt else "нет", EXEMPT_BASIS if self.exempt else ""]
        return cells


@dataclass
class FakeRegistry:
    institutions: list[Institution]  # every data row, faulty ones too, in file order
    faults: dict[int, str] = field(default_factory=dict)  # № п/п -> fault
    duplicate_number: int = 0  # № п/п of the repeating last row
    with_exempt: bool = False

    @property
    def accepted(self) -> list[Institution]:
        """The rows an import must take: no error faults, no repeat."""
        return [i for i in self.institutions
                if self.faults.get(i.number) not in ERROR_FAULTS and i.number != self.duplicate_number]

    def rows(self) -> list[list[str]]:
        header = HEADERS + (EXEMPT_HEADERS if self.with_exempt else [])
        return [header] + [i.cells(self.with_exempt) for i in self.institutions]

    def write_csv(self, path: Path, encoding: str = "utf-8", delimiter: str = ";") -> Path:
        with open(path, "w", encoding=encoding, newline="") as handle:
            csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(self.rows())
        return path

    def write_xlsx(self, path: Path, title_rows: int = 0) -> Path:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = "Реестр"
        for _ in range(title_rows):
            sheet.append(["Реестр официальных страниц учреждений"])
        for row in self.rows():
            sheet.append([int(c) if c.isdigit() and len(c) < 6 else c for c in row])
        book.save(path)
        return path

    def by_number(self, number: int) -> Institution:
        return next(i for i in self.institutions if i.number == number)


def make_registry(seed: int = 5, faults: bool = True, with_exempt: bool = False,
                  districts: list[tuple[str, int]] | None = None) -> FakeRegistry:
    rnd = random.Random(seed)
    items: list[Institution] = []
    number = 0
    for district, count in districts or DISTRICTS:
        for local in range(1, count + 1):
            number += 1
            kind, name = _name(rnd, local, district)
            club = rnd.randrange(100_000_000, 999_999_999)
            person = f"{rnd.choice(SURNAMES + MEN)} {rnd.choice(INITIALS)}"
            items.append(Institution(
                number=number, district=district, name=name, kind=kind,
                vk=f"https://vk.com/club{club}",
                ok=f"https://ok.ru/group/{rnd.randrange(10**13, 10**14)}" if rnd.random() < 0.7 else "",
                telegram=f"https://t.me/pub{club}" if rnd.random() < 0.3 else "",
                mark="да" if rnd.random() < 0.75 else "нет",
                connected="да" if rnd.random() < 0.7 else "нет",
                person=person, post=rnd.choice(POSTS),
                phone=f"+7 (3852) {rnd.randrange(20, 99)}-{rnd.randrange(10, 99)}-{rnd.randrange(10, 99)}",
                email=f"smm{number}@obr-prioz.ru",
                exempt=with_exempt and number % 50 == 0,
            ))
    registry = FakeRegistry(items, with_exempt=with_exempt)
    if not faults:
        return registry
    for fault_number, fault in FAULTS.items():
        if fault_number > len(items):
            continue
        item = items[fault_number - 1]
        registry.faults[fault_number] = fault
        if fault == "vk-no-page":
            item.vk = "https://vk.com/"
        elif fault == "ok-wrong-host":
            item.ok = "https://vk.com/okgroup1"
        elif fault == "email-no-at":
            item.email = item.email.replace("@", ".")
        elif fault == "phone-short":
            item.phone = "55-12"
        elif fault == "mark-maybe":
            item.mark = "частично"
        elif fault == "no-employee":
            item.person = ""
        elif fault == "no-pages":
            item.vk = item.ok = item.telegram = ""
    if len(items) >= DUPLICATE_OF:
        copy = Institution(**{**items[DUPLICATE_OF - 1].__dict__, "number": len(items) + 1})
        items.append(copy)
        registry.duplicate_number = copy.number
    return registry


def _genitive(district: str) -> str:
    """«Берёзовский район» -> «Берёзовского района», «Город Светлоярск» -> «города Светлоярска»."""
    if district.endswith(" район"):
        adjective = district.removesuffix(" район")
        return adjective[:-2] + "ого района"
    if district.startswith("Город "):
        return "города " + district.removeprefix("Город ") + "а"
    return district


def _name(rnd: random.Random, local: int, district: str) -> tuple[str, str]:
    suffix = "" if district == "Областные учреждения" else f" ({district})"
    roll = rnd.random()
    if local == 1 and district != "Областные учреждения":
        return "ОМСУ", f"Администрация {_genitive(district)}"
    if roll < 0.1:
        return "ОМСУ", f"Администрация сельского поселения № {local}{suffix}"
    if roll < 0.18:
        return "орган власти", f"Управление образования № {local}{suffix}"
    kinds = ["МБОУ «Гимназия № {n}»", "МБДОУ детский сад № {n}", "МБУК «Библиотека № {n}»",
             "МБУ ДО «Дом творчества № {n}»", "ГБУЗ «Поликлиника № {n}»"]
    return "подведомственное учреждение", rnd.choice(kinds).format(n=local) + suffix


def make_activity(registry: FakeRegistry, weeks: list[date], pages: int = 60,
                  seed: int = 11) -> list[list[str]]:
    """Weekly figures for the first VK pages: header + rows (page, week, publications, reposts)."""
    rnd = random.Random(seed)
    rows = [["Страница", "Неделя с", "Публикаций", "Из них репостов"]]
    for item in registry.accepted[:pages]:
        if not item.vk:
            continue
        for week in weeks:
            # most pages keep the norm; some weeks fall short or lean on reposts
            publications = rnd.choice([3, 4, 4, 5, 5, 6, 7, 8, 2, 1, 0])
            reposts = min(publications, rnd.choice([0, 0, 0, 1, 1, 2, 3]))
            rows.append([item.vk, f"{week:%d.%m.%Y}", str(publications), str(reposts)])
    return rows


def write_rows(path: Path, rows: list[list[str]], delimiter: str = ";", encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


IMPORT_DAY = date(2026, 10, 1)


def weekdays_only(start: date, n: int) -> date:
    """A fake calendar: Monday to Friday, no holidays."""
    day, left = start, n
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


@dataclass
class RecordingSink:
    """Stands in for the control service: keeps every control point it is asked to create."""

    calls: list[dict] = field(default_factory=list)

    def create_order(self, act_id: str | None, number: str, text: str, responsible: list[str],
                     due: date | None = None, deadline_text: str | None = None) -> Any:
        self.calls.append({"act_id": act_id, "number": number, "text": text, "responsible": responsible,
                           "due": due, "deadline_text": deadline_text})

        @dataclass
        class Made:
            id: str

        return Made(id=f"order-{len(self.calls)}")


def write_samples(folder: Path) -> None:
    """The bundled demo data: registry-sample.csv (300 rows, faults) and activity-sample.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    registry = make_registry()
    registry.write_csv(folder / "registry-sample.csv")
    start = date(2026, 10, 5)
    weeks = [start + timedelta(weeks=k) for k in range(4)]
    write_rows(folder / "activity-sample.csv", make_activity(registry, weeks, pages=40))


if __name__ == "__main__":
    write_samples(Path(sys.argv[1] if len(sys.argv) > 1 else "tracker/samples/registry"))
