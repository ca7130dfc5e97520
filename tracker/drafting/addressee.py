"""The addressee block of a letter by ГОСТ Р 7.0.97-2025: who the letter goes to, in the right cases.

- to a body: its name in the nominative («Министерство образования Иркутской области»);
- to its head, when the official is known: the post, which takes in the body's name, and the
  name in the dative («Министру образования Иркутской области» / «Парфенову М.А.»);
- to a post named as the executor («Заместители главы Администрации города Обнинска»): the
  post in the dative, and the official's name when known.
"""
from __future__ import annotations

from tracker.drafting.declension import head_lemma, inflect_head, person_dative

# the first noun of a post: such an executor is a person (or people), not a body
POSTS = {"министр", "заместитель", "начальник", "глава", "руководитель", "председатель", "директор",
         "губернатор", "мэр", "ректор", "управляющий", "заведующий", "уполномоченный"}
# the body's kind -> the post of its head
HEADS = {
    "министерство": "министр",
    "комитет": "председатель",
    "правительство": "председатель",
    "администрация": "глава",
    "управление": "начальник",
    "отдел": "начальник",
    "инспекция": "начальник",
    "департамент": "руководитель",
    "агентство": "руководитель",
    "служба": "руководитель",
    "фонд": "руководитель",
    "учреждение": "директор",
    "центр": "директор",
    "школа": "директор",
    "предприятие": "директор",
    "библиотека": "директор",
    "музей": "директор",
    "театр": "директор",
}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def head_post(body: str) -> str | None:
    """The post of the body's head, with the body in it: «Министерство образования …» -> «Министр
    образования …», «Комитет по …» -> «Председатель Комитета по …»; None for an unknown kind."""
    kind = head_lemma(body)
    post = HEADS.get(kind)
    if post is None:
        return None
    if kind == "министерство":  # «Министр образования Иркутской области»: the post replaces the word
        words = body.split(" ", 1)
        if words[0].lower().startswith("министерств"):
            return "Министр" + (" " + words[1] if len(words) > 1 else "")
    return f"{_capital(post)} {inflect_head(body, 'gent')}"


def addressee_lines(executor: str, person: str | None = None) -> list[str]:
    """The lines of the addressee block, top to bottom."""
    name = " ".join((executor or "").split())
    official = person_dative(person or "")
    if not name:
        return [official] if official else []
    if head_lemma(name) in POSTS:
        lines = [_capital(inflect_head(name, "datv"))]
        return lines + [official] if official else lines
    if not official:
        return [_capital(name)]
    post = head_post(name)
    if post is None:
        return [_capital(name), "Руководителю", official]
    return [_capital(inflect_head(post, "datv")), official]
