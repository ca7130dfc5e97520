"""Column mapping: the usual Russian headers of regional spreadsheets to registry fields.

`map_columns` finds the header row (the one with most known headers among the first
rows) and says which column feeds which field, so the CLI and the UI can preview it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# field -> (Russian label, header spellings after `normalise_header`); longer phrases win.
REGISTRY_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "number": ("№ п/п", ("№ п п", "№", "n п п", "№ пп", "номер", "номер п п", "п п")),
    "district": ("муниципальное образование", (
        "муниципальное образование", "мо", "район", "муниципальный район", "городской округ",
        "территория", "муниципальный район городской округ", "муниципалитет")),
    "organisation": ("наименование учреждения", (
        "наименование учреждения", "наименование организации", "учреждение", "организация",
        "наименование", "наименование органа", "наименование органа учреждения", "орган учреждение",
        "полное наименование")),
    "kind": ("тип", ("тип", "вид", "тип учреждения", "вид организации", "тип организации", "категория")),
    "page_vk": ("ВКонтакте", ("вконтакте", "вк", "vk", "страница вконтакте", "ссылка вконтакте",
                              "ссылка на страницу вконтакте", "страница вк", "ссылка вк", "vkontakte")),
    "page_ok": ("Одноклассники", ("одноклассники", "ок", "ok", "страница одноклассники",
                                  "ссылка одноклассники", "страница в одноклассниках", "odnoklassniki")),
    "page_telegram": ("Telegram", ("telegram", "телеграм", "телеграмм", "телеграм канал", "канал telegram",
                                   "канал в телеграм", "tg", "тг")),
    "state_mark": ("госметка", ("госметка", "гос метка", "наличие госметки", "госметка да нет",
                                "государственная метка")),
    "state_mark_since": ("госметка с", ("госметка с", "дата госметки", "дата получения госметки",
                                        "госметка получена")),
    "gospubliki": ("подключено к «Госпаблики»", (
        "подключено к госпаблики", "госпаблики", "подключение к госпаблики", "подключено к госпабликам",
        "подключен к госпаблики", "подключение к системе госпаблики")),
    "exempt": ("освобождено", ("освобождено", "освобождено от ведения", "освобождение", "освобожден")),
    "exempt_basis": ("основание освобождения", ("основание освобождения", "акт об освобождении",
                                               "основание")),
    "full_name": ("ФИО ответственного", (
        "фио ответственного", "ответственный", "фио", "ответственный сотрудник",
        "фио ответственного сотрудника", "ответственное лицо", "фио ответственного лица")),
    "position": ("должность", ("должность", "должность ответственного")),
    "phone": ("телефон", ("телефон", "контактный телефон", "тел", "номер телефона", "телефон ответственного")),
    "email": ("e-mail", ("e mail", "email", "эл почта", "электронная почта", "почта", "адрес электронной почты",
                         "e mail ответственного")),
}

ACTIVITY_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "page": ("страница", ("страница", "ссылка", "url", "адрес страницы", "сообщество", "аккаунт",
                          "ссылка на страницу")),
    "week": ("неделя", ("неделя с", "неделя", "начало недели", "неделя начало", "дата начала недели")),
    "publications": ("публикаций", ("публикаций", "публикации", "количество публикаций", "всего публикаций",
                                    "постов", "посты", "материалов")),
    "reposts": ("репостов", ("из них репостов", "репостов", "репосты", "количество репостов", "репост")),
}


def normalise_header(text: str) -> str:
    text = text.lower().replace("ё", "е").replace("\u00a0", " ")
    text = re.sub(r"[«»\"'“”„()\[\]:;,./\\\-–—_*]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(slots=True)
class ColumnMapping:
    """Which column (0-based) feeds which field; unused headers are listed for the preview."""

    header_row: int  # spreadsheet row number of the header
    headers: list[str]
    fields: dict[str, int]
    unused: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # a second column for a field already mapped

    def lines(self, catalogue: dict[str, tuple[str, tuple[str, ...]]]) -> list[str]:
        """Russian lines «"Заголовок" → поле» for the preview."""
        by_column = {column: name for name, column in self.fields.items()}
        out = []
        for column, header in enumerate(self.headers):
            if not header:
                continue
            name = by_column.get(column)
            out.append(f"«{header}» → {catalogue[name][0] if name else 'не используется'}")
        return out


def _match(header: str, catalogue: dict[str, tuple[str, tuple[str, ...]]]) -> str | None:
    norm = normalise_header(header)
    if not norm:
        return None
    for name, (_label, spellings) in catalogue.items():
        if norm in spellings:
            return name
    best, best_len = None, 0
    words = f" {norm} "
    for name, (_label, spellings) in catalogue.items():
        for spelling in spellings:
            if len(spelling) >= 3 and f" {spelling} " in words and len(spelling) > best_len:
                best, best_len = name, len(spelling)
    return best


def map_columns(rows: list[tuple[int, list[str]]], catalogue: dict[str, tuple[str, tuple[str, ...]]],
                scan: int = 15) -> ColumnMapping | None:
    """The header row is the one among the first `scan` rows with the most recognised headers (≥ 2)."""
    best: ColumnMapping | None = None
    for row_number, cells in rows[:scan]:
        fields: dict[str, int] = {}
        unused, duplicates = [], []
        for column, header in enumerate(cells):
            name = _match(header, catalogue)
            if name is None:
                if header.strip():
                    unused.append(header)
            elif name in fields:
                duplicates.append(header)
            else:
                fields[name] = column
        if len(fields) >= 2 and (best is None or len(fields) > len(best.fields)):
            best = ColumnMapping(row_number, list(cells), fields, unused, duplicates)
    return best
