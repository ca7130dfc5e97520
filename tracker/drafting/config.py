"""The «drafting» settings section: the base act of the quarterly update, its wording, layout.

Stored in the database with tracker.settings (the clerk sets them with `tracker settings set
drafting.base_act_number 1611-п`); empty values print as blanks («от ________ № ____»).
"""
from __future__ import annotations

import dataclasses
from datetime import date

from db.api import Store
from tracker import settings
from tracker.dates import parse_user_date
from tracker.drafting.data import ActRef, Letterhead
from tracker.drafting.engine import Layout
from tracker.drafting.errors import DraftError
from tracker.errors import ValidationError

SECTION = "drafting"
DEFAULT_SUBJECT = (
    "сотрудников, ответственных за ведение официальных страниц в социальных сетях "
    "«ВКонтакте», «Одноклассники» и каналов в мессенджере «Телеграм»"
)


@dataclasses.dataclass(slots=True)
class DraftingSettings:
    """What the drafts cite and how they look; organisation and signatory are in «organisation»."""

    base_act_kind: str = "постановление"
    base_act_number: str = ""  # «1611-п»
    base_act_date: str = ""  # ДД.ММ.ГГГГ
    base_act_title: str = ""  # «Об организации информирования жителей ...»
    base_act_item: str = ""  # the item that demands the quarterly update: «2.5»
    list_subject: str = DEFAULT_SUBJECT  # what follows «список» in the title and the appendix
    previous_update_number: str = ""  # the update this one declares void, once registered
    previous_update_date: str = ""
    previous_update_title: str = ""
    font: str = ""  # empty: as in the template (Liberation Serif)
    font_size: int = 0  # 0: as in the template (14 pt)
    margins_mm: str = ""  # «30/10/20/20» (left/right/top/bottom); empty: as in the template
    letterhead_asked: bool = False  # the desk asked once for what the acts and settings leave blank


settings.register_section(SECTION, DraftingSettings)


def _date(value: str, key: str) -> date | None:
    if not value or not str(value).strip():
        return None
    try:
        return parse_user_date(str(value))
    except ValidationError as error:
        raise DraftError(f"Настройка {SECTION}.{key}: {error}") from None


def load_drafting(store: Store) -> DraftingSettings:
    return settings.load(store, SECTION, DraftingSettings)


def load_letterhead(store: Store) -> Letterhead:
    org = settings.load(store, "organisation", settings.Organisation)
    return Letterhead(
        name=org.name, name_genitive=org.name_genitive, region=org.region, city=org.city,
        signatory_position=org.signatory_position, signatory_person=org.signatory_person,
        controller=org.controller, executor_line=org.executor_line,
    )


def base_act(cfg: DraftingSettings, org: Letterhead) -> ActRef:
    return ActRef(kind=cfg.base_act_kind or "постановление", number=cfg.base_act_number or None,
                  date=_date(cfg.base_act_date, "base_act_date"), title=cfg.base_act_title,
                  issuer_genitive=org.name_genitive, item=cfg.base_act_item)


def previous_update(cfg: DraftingSettings, org: Letterhead, subject: str) -> ActRef | None:
    """The last registered update, declared void by the new one; None before the first update."""
    if not (cfg.previous_update_number or cfg.previous_update_date):
        return None
    return ActRef(kind="постановление", number=cfg.previous_update_number or None,
                  date=_date(cfg.previous_update_date, "previous_update_date"),
                  title=cfg.previous_update_title or f"Об актуализации списка {subject}",
                  issuer_genitive=org.name_genitive)


def layout(cfg: DraftingSettings) -> Layout:
    margins = None
    if cfg.margins_mm and str(cfg.margins_mm).strip():
        parts = str(cfg.margins_mm).replace(",", "/").split("/")
        try:
            margins = tuple(int(p) for p in parts)
        except ValueError:
            margins = None
        if margins is None or len(margins) != 4:
            raise DraftError(f"Настройка {SECTION}.margins_mm: «{cfg.margins_mm}» — укажите четыре числа "
                             "в мм через косую черту: левое/правое/верхнее/нижнее, например 30/10/20/20.")
        left, right, top, bottom = margins
        if left < 20 or right < 10 or top < 20 or bottom < 20:
            raise DraftError(f"Настройка {SECTION}.margins_mm: поля {cfg.margins_mm} меньше допустимых "
                             "ГОСТ Р 7.0.97-2025 (не менее 20/10/20/20 мм).")
    try:
        size = int(cfg.font_size or 0)
    except (TypeError, ValueError):
        raise DraftError(f"Настройка {SECTION}.font_size: «{cfg.font_size}» — не число.") from None
    return Layout(font=str(cfg.font or ""), font_size=size, margins_mm=margins)  # type: ignore[arg-type]
