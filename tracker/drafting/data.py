"""Plain data the drafting engine renders: what each template may use, and nothing else.

Templates see these dataclasses (fields and properties); the placeholder check in
tracker.drafting.placeholders reads their type hints, so a field added here becomes a
placeholder a template may use. Adapters in tracker.drafting.sources fill them from the
registry and control services; tests build them by hand.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tracker.drafting.dates import NUMBER_BLANK, dmy, ru_date

KIND_GENITIVE = {
    "постановление": "постановления",
    "распоряжение": "распоряжения",
    "приказ": "приказа",
    "решение": "решения",
    "указ": "указа",
    "перечень поручений": "перечня поручений",
    "протокол": "протокола",
}
KIND_INSTRUMENTAL = {
    "постановление": "постановлением",
    "распоряжение": "распоряжением",
    "приказ": "приказом",
    "решение": "решением",
    "указ": "указом",
    "перечень поручений": "перечнем поручений",
    "протокол": "протоколом",
}


@dataclass(slots=True)
class Letterhead:
    """Who issues and signs the document (from the «organisation» settings)."""

    name: str  # «Администрация города Обнинска»
    name_genitive: str  # «Администрации города Обнинска»
    region: str = ""  # «Калужская область»
    city: str = ""  # «г. Обнинск»
    signatory_position: str = ""
    signatory_person: str = ""
    controller: str = ""  # accusative: «заместителя главы ... Г.Е. Ананьева»
    executor_line: str = ""  # «Исп. Иванова А.А., (484) 000-00-00»


@dataclass(slots=True)
class Registration:
    """A document's own date and number: blanks «от ________ № ____» until the clerk registers it."""

    date: date | None = None
    number: str | None = None

    @property
    def date_text(self) -> str:
        return dmy(self.date)

    @property
    def date_long(self) -> str:
        return ru_date(self.date)

    @property
    def number_text(self) -> str:
        return self.number or NUMBER_BLANK

    @property
    def line(self) -> str:
        """«от 05.11.2026 № 123» or «от ________ № ____»."""
        return f"от {self.date_text} № {self.number_text}"


@dataclass(slots=True)
class ActRef:
    """An act a draft cites: the base act (1611-п) or the previous update it declares void."""

    kind: str = "постановление"
    number: str | None = None
    date: date | None = None
    title: str = ""  # without quotes: «Об организации информирования ...»
    issuer_genitive: str = ""  # «Администрации города Обнинска»
    item: str = ""  # the item that demands the draft: «2.5»

    @property
    def kind_genitive(self) -> str:
        return KIND_GENITIVE.get(self.kind.lower(), self.kind)

    @property
    def reference(self) -> str:
        """«постановления Администрации города от 30.06.2023 № 1611-п «Об ...»» (genitive, for «в соответствии с»)."""
        parts = [self.kind_genitive]
        if self.issuer_genitive:
            parts.append(self.issuer_genitive)
        parts.append(f"от {dmy(self.date)} № {self.number or NUMBER_BLANK}")
        if self.title:
            parts.append(f"«{self.title}»")
        return " ".join(parts)

    @property
    def basis(self) -> str:
        """After «В соответствии с»: «пунктом 2.5 постановления ...» or «постановлением ...»."""
        if self.item:
            return f"пунктом {self.item} {self.reference}"
        kind = KIND_INSTRUMENTAL.get(self.kind.lower(), self.kind)
        return kind + self.reference[len(self.kind_genitive):]

    @property
    def reference_nominative(self) -> str:
        """«постановление Администрации города от ... № ... «Об ...»» (for «признать утратившим силу»)."""
        return self.kind + self.reference[len(self.kind_genitive):]


@dataclass(slots=True)
class PageLink:
    network: str  # «ВКонтакте», «Одноклассники», «Телеграм»
    url: str


@dataclass(slots=True)
class QuarterlyListRow:
    """One line of the list of employees responsible for official pages."""

    organisation: str
    person: str  # ФИО
    position: str = ""
    phone: str = ""
    email: str = ""
    district: str = ""
    kind: str = ""  # орган власти | подведомственное учреждение | ОМСУ
    pages: list[PageLink] = field(default_factory=list)
    number: int = 0  # № п/п, set when the list is numbered

    @property
    def contacts(self) -> str:
        return ", ".join(part for part in (self.phone, self.email) if part)

    @property
    def pages_text(self) -> str:
        return "; ".join(f"{p.network}: {p.url}" for p in self.pages)


@dataclass(slots=True)
class ListGroup:
    """Rows of one district (name empty when the list is not split by district)."""

    name: str
    rows: list[QuarterlyListRow] = field(default_factory=list)


@dataclass(slots=True)
class ChangeRow:
    """One line of the change sheet: who was added, removed or changed since the last update."""

    change: str  # «добавлен» | «исключён» | «изменён»
    organisation: str
    person: str
    district: str = ""
    details: str = ""  # «Телефон: 11-11-11 → 22-22-22»


@dataclass(slots=True)
class QuarterlyData:
    """The quarterly update постановление with the list as its appendix."""

    org: Letterhead
    reg: Registration
    as_of: date
    base_act: ActRef
    list_subject: str  # what follows «список»: «сотрудников ..., ответственных за ведение ...»
    groups: list[ListGroup]
    previous_update: ActRef | None = None
    changes: list[ChangeRow] = field(default_factory=list)
    since: date | None = None  # the date of the list the changes are counted from

    @property
    def as_of_long(self) -> str:
        return ru_date(self.as_of)

    @property
    def as_of_text(self) -> str:
        return dmy(self.as_of)

    @property
    def row_count(self) -> int:
        return sum(len(g.rows) for g in self.groups)


@dataclass(slots=True)
class ReportTotals:
    orders: int = 0  # orders in the report
    on_control: int = 0
    done: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0
    withdrawn: int = 0
    permanent: int = 0  # «постоянно»: on control, never overdue (within on_control)


@dataclass(slots=True)
class DisciplineLine:
    """Kо per executor: done on time / due in the period."""

    executor: str
    due: int
    done_on_time: int
    done_late: int
    overdue_now: int
    ko: float | None

    @property
    def ko_text(self) -> str:
        return "—" if self.ko is None else f"{self.ko:.2f}".replace(".", ",")


@dataclass(slots=True)
class OverdueLine:
    number: str  # the order's number in its act
    act: str  # «Постановление № 1611-п от 30.06.2023»
    executors: str
    due: date | None
    days_overdue: int
    text: str

    @property
    def due_text(self) -> str:
        return dmy(self.due, blank="—")


@dataclass(slots=True)
class ReportLine:
    """One point of the report as the «Поручения» sheet lists it: every total counts these lines."""

    number: str
    act: str
    executors: str
    due: date | None
    state: str  # «исполнено», «снято с контроля», «на исполнении»
    closed_on: date | None
    overdue: bool
    text: str
    permanent: bool = False  # «постоянно»: listed, never overdue
    on_time: bool = False  # done by its deadline

    @property
    def due_text(self) -> str:
        return dmy(self.due, blank="постоянно" if self.permanent else "—")

    @property
    def outcome(self) -> str:
        """One column the totals count: «исполнено в срок», «исполнено с нарушением срока», «просрочено»,
        «на исполнении», «постоянно», «снято с контроля»."""
        if self.state == "исполнено":
            return "исполнено в срок" if self.on_time else "исполнено с нарушением срока"
        if self.overdue:
            return "просрочено"
        if self.permanent and self.state == "на исполнении":
            return "постоянно"
        return self.state


KO_FORMULA = ("Kо = Nв срок / Nсрок наступил, где Nв срок — поручения (контрольные точки периодических "
              "поручений), исполненные в срок; Nсрок наступил — исполненные в отчётном периоде (в срок и с "
              "нарушением срока) и просроченные на конец периода, включая не исполненные к его началу; "
              "считается по каждому исполнителю и соисполнителю; поручения «постоянно» и снятые с контроля "
              "не учитываются.")


@dataclass(slots=True)
class ReportData:
    """Report on execution for a period, optionally for one act or one executor."""

    org: Letterhead
    reg: Registration
    start: date
    end: date
    today: date
    totals: ReportTotals
    discipline: list[DisciplineLine] = field(default_factory=list)
    overdue: list[OverdueLine] = field(default_factory=list)
    act: str = ""  # the act the report is limited to, if any
    executor: str = ""  # the executor the report is limited to, if any
    ko_note: str = ""  # a remark under the Kо table (e.g. when the report is limited to one act)
    discipline_total: DisciplineLine | None = None  # «Итого»: the sums of the Kо table's columns
    permanent: list[ReportLine] = field(default_factory=list)  # «постоянно» orders, listed
    lines: list[ReportLine] = field(default_factory=list)  # every point the totals count
    ko_formula: str = KO_FORMULA

    @property
    def period(self) -> str:
        return f"с {dmy(self.start)} по {dmy(self.end)}"

    @property
    def today_long(self) -> str:
        return ru_date(self.today)


@dataclass(slots=True)
class ReminderLine:
    number: str
    act: str
    text: str
    due: date | None
    days_left: int | None  # negative when overdue

    @property
    def due_text(self) -> str:
        return dmy(self.due, blank="—")

    @property
    def state(self) -> str:
        """«просрочено на 3 дн.», «срок сегодня», «осталось 5 дн.»."""
        if self.days_left is None:
            return ""
        if self.days_left < 0:
            return f"просрочено на {-self.days_left} дн."
        if self.days_left == 0:
            return "срок сегодня"
        return f"осталось {self.days_left} дн."


@dataclass(slots=True)
class ReminderLetter:
    """One letter: one executor, their orders due soon or overdue."""

    executor: str  # the body (or post) in the nominative, as the directory names it
    person: str = ""  # its official as the act names them («М.А. Парфенов»)
    reg: Registration = field(default_factory=Registration)
    orders: list[ReminderLine] = field(default_factory=list)

    @property
    def addressee(self) -> list[str]:
        """The addressee block by ГОСТ Р 7.0.97-2025: the body in the nominative, or its head's post
        and name in the dative («Министру образования Иркутской области», «Парфенову М.А.»)."""
        from tracker.drafting.addressee import addressee_lines

        return addressee_lines(self.executor, self.person) or [self.executor]

    @property
    def overdue_count(self) -> int:
        return sum(1 for line in self.orders if line.days_left is not None and line.days_left < 0)


@dataclass(slots=True)
class ReminderData:
    org: Letterhead
    today: date
    within_days: int
    letters: list[ReminderLetter]

    @property
    def today_text(self) -> str:
        return dmy(self.today)
