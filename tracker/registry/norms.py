"""Norms from the acts: at least N publications a week per page, reposts at most a share of them.

Norm values are settings (section «norms»), each tied to the act that sets it, so a region
with other acts changes numbers and bases without code. Weekly activity comes from a
.csv/.xlsx file: page, week, publications, reposts.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from db.api import Store
from tracker import settings
from tracker.errors import ImportFailure
from tracker.registry.columns import ACTIVITY_FIELDS, map_columns
from tracker.registry.importer import RowIssue
from tracker.registry.reading import read_rows
from tracker.registry.validation import CellError, detect_network, page_key, parse_date

SECTION = "norms"


@dataclasses.dataclass(slots=True)
class NormSettings:
    """Norm values and the acts that set them."""

    min_posts_per_week: int = 3
    min_posts_basis: str = (
        "постановление Администрации города Обнинска от 30.06.2023 № 1611-п, п. 2.2 "
        "(не менее 3 информационных материалов в неделю на каждой официальной странице)"
    )
    max_repost_share: float = 0.25
    max_repost_basis: str = (
        "постановление Правительства Кемеровской области – Кузбасса от 31.03.2022 № 171, п. 1.5.3 "
        "(репосты — не более 25 процентов от общего количества публикаций в неделю)"
    )
    report_working_days: int = 3
    report_basis: str = (
        "постановление Правительства Кемеровской области – Кузбасса от 31.03.2022 № 171, п. 1.4 "
        "(информация о созданных и удалённых аккаунтах — в ЦУР в течение 3 рабочих дней)"
    )


settings.register_section(SECTION, NormSettings)


def load_norms(store: Store) -> NormSettings:
    return settings.load(store, SECTION, NormSettings)


@dataclass(slots=True, frozen=True)
class WeekActivity:
    page: str  # page key: «vk.com/club1»
    url: str  # as written in the file
    week: date
    publications: int
    reposts: int
    row: int

    @property
    def repost_share(self) -> float:
        return self.reposts / self.publications if self.publications else 0.0


@dataclass(slots=True)
class Violation:
    activity: WeekActivity
    norm: str  # «мало публикаций» | «много репостов»
    message: str
    basis: str
    organisation: str = ""
    district: str = ""
    responsible: str = ""
    record_id: str | None = None


@dataclass(slots=True)
class NormsReport:
    source: str
    rows: int
    pages: int
    weeks: list[date]
    violations: list[Violation]
    issues: list[RowIssue]
    unknown_pages: list[str]  # pages in the file that the registry does not hold
    norms: NormSettings
    pages_failing: int = 0
    by_page: dict[str, list[Violation]] = field(default_factory=dict)


def read_activity(path: Path) -> tuple[list[WeekActivity], list[RowIssue]]:
    sheet = read_rows(path)
    mapping = map_columns(sheet.rows, ACTIVITY_FIELDS)
    needed = {"page", "week", "publications"}
    if mapping is None or not needed <= mapping.fields.keys():
        raise ImportFailure(
            f"Файл {Path(path).name}: не найдены столбцы «Страница», «Неделя с», «Публикаций» "
            "(и «Из них репостов»). Назовите столбцы так и загрузите снова."
        )
    out: list[WeekActivity] = []
    issues: list[RowIssue] = []
    cols = mapping.fields
    for row, cells in sheet.rows:
        if row <= mapping.header_row or not any(c.strip() for c in cells):
            continue

        def cell(name: str, cells: list[str] = cells) -> str:
            col = cols.get(name)
            return cells[col].strip() if col is not None and col < len(cells) else ""

        url = cell("page")
        try:
            if not url or detect_network(url) is None:
                raise CellError(f"«{url}» — не адрес страницы ВКонтакте, Одноклассников или Telegram")
            week = parse_date(cell("week"))
            if week is None:
                raise CellError("не указана неделя")
            publications = _count(cell("publications"), "публикаций")
            reposts = _count(cell("reposts") or "0", "репостов")
            if reposts > publications:
                raise CellError(f"репостов ({reposts}) больше, чем публикаций ({publications})")
        except CellError as error:
            issues.append(RowIssue(row, "", str(error)))
            continue
        out.append(WeekActivity(page_key(url), url, week, publications, reposts, row))
    return out, issues


def _count(text: str, what: str) -> int:
    try:
        value = int(float(text.replace(",", ".")))
    except ValueError:
        raise CellError(f"число {what} «{text}» — не число") from None
    if value < 0:
        raise CellError(f"число {what} отрицательное: {value}")
    return value


def check(activity: list[WeekActivity], norms: NormSettings,
          lookup: Callable[[str], dict[str, Any] | None]) -> tuple[list[Violation], list[str]]:
    """Weeks below the minimum of publications or above the repost share, with the institution."""
    violations: list[Violation] = []
    unknown: dict[str, None] = {}
    for week in activity:
        found: list[tuple[str, str]] = []
        if week.publications < norms.min_posts_per_week:
            found.append(("мало публикаций",
                          f"неделя с {week.week:%d.%m.%Y}: публикаций {week.publications} "
                          f"при норме не менее {norms.min_posts_per_week}"))
        if week.publications and week.repost_share > norms.max_repost_share + 1e-9:
            found.append(("много репостов",
                          f"неделя с {week.week:%d.%m.%Y}: репостов {week.reposts} из {week.publications} "
                          f"({week.repost_share:.0%}) при норме не более {norms.max_repost_share:.0%}"))
        if not found:
            continue
        record = lookup(week.page)
        if record is None:
            unknown[week.url] = None
        for norm, message in found:
            basis = norms.min_posts_basis if norm == "мало публикаций" else norms.max_repost_basis
            violations.append(Violation(
                week, norm, message, basis,
                organisation=(record or {}).get("organisation", ""),
                district=(record or {}).get("district", ""),
                responsible=(record or {}).get("full_name", ""),
                record_id=(record or {}).get("id"),
            ))
    return violations, list(unknown)
