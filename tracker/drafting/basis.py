"""Who issues, who signs and what act a draft rests on: from the act that demands it, then settings.

The quarterly update is demanded by an order on control («2.5. ежеквартально готовить проект
постановления Администрации города об актуализации информации, указанной в п.1» of 1611-п).
That act gives the organisation (its issuer), the region above it on the letterhead, the city,
the signatory and the controller, and the base act itself (kind, number, date, title, item).
The settings fill only what the act does not say; what neither says stays a blank, and
`blanks()` names each one, in Russian, with the setting that fills it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from tracker.drafting.data import ActRef, Letterhead, QuarterlyData
from tracker.drafting.declension import inflect_head, person_case

# an order demanding the quarterly update: «ежеквартально … актуализ…», best with «проект постановления»
_QUARTERLY = re.compile(r"ежекварт", re.IGNORECASE)
_UPDATE = re.compile(r"актуализ", re.IGNORECASE)
_DRAFT = re.compile(r"проект\w*\s+постановлени", re.IGNORECASE)
_REGION = re.compile(r"^\s*((?:[А-ЯЁ][а-яё-]+\s+)+(?:область|край|автономный округ)|Республика\s+[А-ЯЁ][\w\s-]+"
                     r"|[А-ЯЁ][а-яё-]+\s+автономная область)\s*$")
_CITY = re.compile(r"\bгорода\s+([А-ЯЁ][а-яё-]+)")
_PERSON = r"[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_SIGNATORY = re.compile(rf"^(.*?)\s*({_PERSON})$")
_CONTROLLER = re.compile(rf"^(.*?)\s*\(({_PERSON})\)$")


def known(value: str | None) -> bool:
    """A real value, not empty and not a settings default with blanks («Глава ______», «И.О. Фамилия»)."""
    text = (value or "").strip()
    return bool(text) and "___" not in text and text != "И.О. Фамилия"


@dataclass(slots=True)
class Demand:
    """The act on control that demands the draft, and the item that does."""

    act: Any  # tracker.models.Act
    item: str


def find_demand(control: Any) -> Demand | None:
    """The latest act on control with an order to update the list every quarter."""
    if control is None:
        return None
    from tracker.control.api import OrderFilter

    rows = control.list_orders(OrderFilter(text="актуализ", include_closed=True), offset=0, limit=None).rows
    if not rows:
        return None
    acts = {a.id: a for a in control.acts()}
    best: tuple | None = None
    for row in rows:
        order = control.order_card(row.id).order
        text = order.text
        if not (_QUARTERLY.search(text) and _UPDATE.search(text)) and not _QUARTERLY.search(row.deadline_text or ""):
            continue
        act = acts.get(order.act_id)
        if act is None or not (act.number or act.date):
            continue
        rank = (bool(_DRAFT.search(text)), act.date.toordinal() if act.date else 0)
        if best is None or rank > best[0]:
            best = (rank, Demand(act, order.number))
    return best[1] if best else None


def _region(text: str) -> str:
    """The line above the issuer on the act's letterhead («Калужская область»)."""
    for line in (text or "").splitlines()[:12]:
        if match := _REGION.match(line):
            return " ".join(match[1].split())
    return ""


def _city(issuer: str) -> str:
    """«Администрация города Обнинска» -> «г. Обнинск»."""
    match = _CITY.search(issuer or "")
    if not match:
        return ""
    from parsers.nlp import parses

    word = match[1]
    nominative = next((p.normal_form for p in parses(word) if p.tag.case == "gent" and "Geox" in p.tag), None)
    return f"г. {(nominative or word).capitalize()}"


def _signatory(text: str | None) -> tuple[str, str]:
    """«Глава Администрации города Т.Н. Леонова» -> («Глава Администрации города», «Т.Н. Леонова»)."""
    match = _SIGNATORY.match(" ".join((text or "").split()))
    if not match:
        return "", ""
    return match[1].strip(), match[2]


def _controller(text: str | None) -> str:
    """«заместитель главы … (Г.Е. Ананьев)» -> «заместителя главы … Г.Е. Ананьева» (after «возложить на»)."""
    match = _CONTROLLER.match(" ".join((text or "").split()))
    if not match:
        return ""
    post = inflect_head(match[1], "accs")
    return f"{post[:1].lower()}{post[1:]} {person_case(match[2], 'accs', surname_first=False)}"


def from_act(demand: Demand | None, settings_org: Letterhead, settings_act: ActRef) -> tuple[Letterhead, ActRef]:
    """The letterhead and the base act: the demanding act's details, the settings where it is silent."""
    if demand is None:
        return settings_org, settings_act
    act = demand.act
    issuer = " ".join((act.issuer or "").split())
    position, person = _signatory(act.signatory)

    def pick(from_act_value: str, setting: str) -> str:
        return from_act_value if known(from_act_value) else setting

    name = pick(issuer, settings_org.name)
    genitive = pick(inflect_head(issuer, "gent") if issuer else "", settings_org.name_genitive)
    org = replace(
        settings_org, name=name, name_genitive=genitive,
        region=pick(_region(act.text), settings_org.region),
        city=pick(_city(issuer), settings_org.city),
        signatory_position=pick(position, settings_org.signatory_position),
        signatory_person=pick(person, settings_org.signatory_person),
        controller=pick(_controller(act.controller), settings_org.controller),
    )
    base = ActRef(kind=(act.kind or settings_act.kind or "постановление").lower(),
                  number=act.number or settings_act.number, date=act.date or settings_act.date,
                  title=act.title or settings_act.title, issuer_genitive=genitive,
                  item=demand.item or settings_act.item)
    return org, base


def _named(checks: tuple[tuple[str, str, str], ...]) -> list[str]:
    return [f"{what} — задайте: tracker settings set {setting} (или загрузите акт, который требует проект)"
            for value, what, setting in checks if not known(value)]


def letterhead_blanks(org: Letterhead) -> list[str]:
    """Each blank of the letterhead and signature, in Russian, with the setting that fills it."""
    return _named((
        (org.name, "наименование организации", 'organisation.name "Администрация города Обнинска"'),
        (org.name_genitive, "наименование организации в родительном падеже",
         'organisation.name_genitive "Администрации города Обнинска"'),
        (org.signatory_position, "должность подписывающего", 'organisation.signatory_position "Глава Администрации города"'),
        (org.signatory_person, "инициалы и фамилия подписывающего", 'organisation.signatory_person "Т.Н. Леонова"'),
    ))


def blanks(data: QuarterlyData) -> list[str]:
    """Each blank the quarterly draft still has, in Russian, with what fills it (the registration last)."""
    base = data.base_act
    found = letterhead_blanks(data.org) + _named((
        (base.number or "", "номер акта-основания", "drafting.base_act_number 1611-п"),
        (base.date.isoformat() if base.date else "", "дата акта-основания", "drafting.base_act_date 30.06.2023"),
    ))
    if not (data.reg.date and data.reg.number):
        found.append("дата и номер самого постановления — проставляются при регистрации")
    return found
