"""Tables a web page flattened into lines, read back as the layouts the rules know.

Both readers keep every offset (the text keeps its length), so that spans stay where they were:
- a site's card of two-cell rows («| Ответственный | Мишустин Михаил Владимирович |»);
- a plan laid out one cell a line, each cell closed by a bar (base.garant.ru's tables).
"""
from __future__ import annotations

import re

from parsers.rules.text import blank

# «| Ответственный | Мишустин Михаил Владимирович |»: a two-cell row of a site's card, flattened
_CARD_ROW = re.compile(r"\|[ \t]*(?P<label>Ответственн\w*|Исполнител[ьи]|Срок\w*)[ \t]*\|(?P<value>[^|\n]*)\|")


def unpipe_card_rows(text: str) -> str:
    """«| Ответственный | X |» rows read as «Ответственный: X» lines, of the same length (the
    closing bar becomes the line's end, so that a row inside a flattened line ends there too)."""
    if "|" not in text:
        return text
    return _CARD_ROW.sub(lambda m: f" {m.group('label')}:{m.group('value')}".ljust(len(m.group(0)) - 1) + "\n", text)


# A table a web page flattened one cell a line, each cell closed by a bar («N |» / «Мероприятия |» /
# «Время проведения |» / «Ответственные исполнители |», then «1 |» / «Уборка … |» / «с 18.06.2016 по
# 01.10.2016 |» / «МКУ … |»): the header's first cell is the row number's column.
_NUMBER_TITLE = re.compile(r"^(?:N|№)(?:\s*п/п)?$", re.IGNORECASE)
_TERM_TITLE = re.compile(r"^(?:Срок\w*|Время|Дата|Период)(?:\s+\w+)?$", re.IGNORECASE)
_WHO_TITLE = re.compile(r"^(?:Ответственн\w*|Исполнител\w*)(?:\s+\w+){0,2}$", re.IGNORECASE)
_TASK_TITLE = re.compile(r"^(?:Наименовани\w*|Мероприяти\w*|Содержание|Поручени\w*|Направлени\w*)", re.IGNORECASE)
# «I. Анализ работы … | |||»: a section's heading row, its other cells empty
_SECTION_ROW = re.compile(r"^\s*[IVX]{1,4}\.\s[^|]*\|[\s|]*$")


def unpipe_cell_lines(text: str) -> str:
    """A plan flattened one cell a line read as the line-bound plans the rules know (items «1.» with
    their task, then a line for the term and a line for the executor, under the columns' titles),
    of the same length: the bars go, a row's number joins its task's line, the column-number row
    («1 | 2 | 3 | 4 |») and the cells of other columns (a place) are blanked. A table whose header
    names no term or executor column, or whose rows do not open with their numbers, is left."""
    if " |\n" not in text and "|\n" not in text:
        return text
    # «Сроки / | / Ответственные лица / |»: a page that put each closing bar on a line of its own
    text = re.sub(r"(?<=\S)\n\|(?=\n|$)", " |", text)
    chars = list(text)
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    i = 0
    while i < len(lines):
        line = lines[i][1]
        if not _NUMBER_TITLE.match(line.rstrip().removesuffix("|").strip()) or not line.rstrip().endswith("|"):
            i += 1
            continue
        i = _unpipe_table(text, chars, lines, i)
    return "".join(chars)


def _cells(lines: list[tuple[int, str]], i: int) -> list[tuple[int, int, int]]:
    """The cells from line i on: (first line, last line, start of the bar) while lines close with «|»;
    a line without a bar goes on in the same cell; an empty line or the text's end closes the run."""
    out: list[tuple[int, int, int]] = []
    first = i
    while i < len(lines):
        start, line = lines[i]
        if not line.strip():
            break
        if first == i and (last := _section_row_end(lines, i)) is not None:
            first = i = last + 1  # a section's heading (hard-wrapped too) is no cell of a row: read on past it
            continue
        if line.rstrip().endswith("|"):
            out.append((first, i, start + line.rstrip().rfind("|")))
            first = i + 1
        i += 1
    if first < i:  # a cell the page cut before its bar
        out.append((first, i - 1, -1))
    return out


def _section_row_end(lines: list[tuple[int, str]], i: int) -> int | None:
    """The last line of a section's heading row starting at line i («I. Анализ работы … | |||»,
    which a hard wrap may break before its bars), or None."""
    if not re.match(r"\s*[IVX]{1,4}\.\s", lines[i][1]):
        return None
    for k in range(i, min(i + 4, len(lines))):
        if lines[k][1].rstrip().endswith("|"):
            joined = " ".join(line for _, line in lines[i:k + 1])
            return k if _SECTION_ROW.match(joined) else None
    return None


def _unpipe_table(text: str, chars: list[str], lines: list[tuple[int, str]], i: int) -> int:
    cells = _cells(lines, i)

    def end(cell: tuple[int, int, int]) -> int:
        """Where the cell's text ends: at its bar, or at its last line's end when the page cut it."""
        _first, last, bar = cell
        return bar if bar >= 0 else lines[last][0] + len(lines[last][1])

    def value(cell: tuple[int, int, int]) -> str:
        return " ".join(text[lines[cell[0]][0]:end(cell)].split())

    titles: list[str] = []
    for cell in cells:
        if value(cell) in ("1", "1.") and titles:
            break
        titles.append(value(cell))
    width = len(titles)
    kinds = ["number"] + ["term" if _TERM_TITLE.match(t) else "who" if _WHO_TITLE.match(t) else
                          "task" if _TASK_TITLE.match(t) else "other" for t in titles[1:]]
    if width < 3 or "term" not in kinds and "who" not in kinds or "task" not in kinds[1:2]:
        return cells[-1][1] + 1 if cells else i + 1
    rest = cells[width:]
    if [value(c).rstrip(".") for c in rest[:width]] == [str(n) for n in range(1, width + 1)]:
        for first, _last, bar in rest[:width]:  # the column-number row under the titles
            blank(chars, lines[first][0], bar + 1)
        rest = rest[width:]
    for at in range(0, len(rest), width):
        row = rest[at:at + width]
        if not re.fullmatch(r"\d{1,3}\.?", value(row[0])):
            break  # not a row that opens with its number: the table is read no further
    else:
        at = len(rest)
    for n, cell in enumerate(cells[:width] + rest[:at]):
        first, last, bar = cell
        kind = kinds[n % width]
        for k in range(first, last):  # a cell the page wrapped goes on one line
            chars[lines[k][0] + len(lines[k][1])] = " "
        if bar >= 0:
            chars[bar] = " "
        if kind == "other" or n < width and kind == "number":
            blank(chars, lines[first][0], end(cell))  # another column's cell, or the number column's title
        elif n >= width and kind == "number":
            m = re.match(r"[ \t]*(\d{1,3})\.?[ \t]*", text[lines[first][0]:])
            assert m is not None
            begin = lines[first][0] + m.start(1)
            line_end = lines[last][0] + len(lines[last][1])  # the line break after the number joins the task's line
            label = m.group(1) + "."
            for k in range(begin, min(line_end + 1, len(chars))):
                chars[k] = " "
            chars[begin:begin + len(label)] = list(label)
    return (cells[width + at - 1][1] + 1) if len(cells) > width else i + 1
