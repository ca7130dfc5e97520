"""Structure: segment an act into its numbered items by the act's own numbering.

Candidates are numbers at a line start (or after a sentence end, for acts printed on one
line, or glued to a sentence's last letter and stop when a web page lost its spaces:
«ПОСТАНОВЛЯЮ:1.Отделу», «...пожаров.2.Рекомендовать»): «1.», «1.1.», «1.5.3.», «2-1.»,
«1.Утвердить», «а)», «1)». A candidate is an item only
where it continues the numbering (next sibling, first child, or next item of an ancestor),
so a number inside a sentence or a wrapped line does not cut an item. Items set out in the
quoted new wording of an amended act («2. Департаменту ...») are segmented separately and
flagged `quoted`, numbered as in the amended act. A page that shows part of a long list may
open it at «3.» (or «1.1.»); an act whose enacting part is one unnumbered paragraph has it as
item 1.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from parsers.rules.text import ABBREVIATED_END

LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"

_DATE_OPENING = (r"\d{1,2}(?:\s*(?:,|и|[-–])\s*\d{1,2})*\s+"
                 r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)")
_CANDIDATE = re.compile(
    r"(?:(?<=\n)|^|(?<=\s)|(?<=[А-ЯЁа-яё»)][.:;]))[ \t\u00a0]*(?P<quote>[«\"“]?)[ \t]*"
    r"(?:(?P<dparen>\d{1,3}(?:\.\d{1,3}){1,3})\)"
    r"|(?P<dotted>\d{1,3}(?:-\d{1,2})?(?:\.\d{1,3}(?:-\d{1,2})?){0,4})(?P<dot>\.?)"
    r"|(?P<paren>\d{1,2})\)|(?P<letter>[а-я])(?P<inserted>[1-9])?\)|(?P<roman>[IVX]{1,4})\.)"
    r"(?P<space>[ \t\u00a0]*(?:\n[ \t\u00a0]*)?)(?=[А-ЯЁA-Zа-яё«\"(]"
    # an item may open with its date: «1.1. 13, 15 июля 2018 года с 08.00 …»
    rf"|{_DATE_OPENING})"
)
_LONE_NUMBER = re.compile(r"(?m)^[ \t]*(?P<n>\d{1,3}(?:\.\d{1,3}){0,3})(?:\.?|(?P<paren>\)))[ \t]*\n[ \t]*"
                          rf"(?=[А-ЯЁа-яё«]|{_DATE_OPENING})")


def _spaced(word: str) -> str:
    """A pattern for a word printed with or without spaces between its letters («п о с т а н о в л я ю»)."""
    return r"\s?".join(word)


_FORMULA = re.compile(
    r"(?<![а-яё])(?:" + "|".join(_spaced(w) for w in ("постановляю", "постановляет", "постановляют", "постановил",
                                                       "распоряжаюсь", "приказываю", "обязываю", "решил"))
    + r")(?:\s?[аи])?\s*:", re.IGNORECASE)


@dataclass(slots=True)
class Item:
    number: str
    parent: str | None
    start: int  # where the number starts
    body_start: int  # where the text after the number starts
    end: int  # end of the item with its children
    quoted: bool = False
    children: list[Item] = field(default_factory=list)
    path: tuple = ()
    unprinted: bool = False  # the page lost its number (a dash for Word's «1.»): the number is inferred

    @property
    def lead_end(self) -> int:
        """End of the item's own text, before its first child."""
        return self.children[0].start if self.children else self.end


@dataclass(slots=True)
class _Cand:
    start: int
    body_start: int
    style: str  # dot | paren | letter
    value: tuple  # dot: tuple of (n, sub) per level; paren: (n,); letter: (index,)
    quote: str
    line_start: bool
    unprinted: bool = False


ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
         "XI": 11, "XII": 12}


def _roman(text: str) -> int | None:
    return ROMAN.get(text)


def _parse_dotted(text: str) -> tuple:
    levels = []
    for part in text.split("."):
        main, _, sub = part.partition("-")
        levels.append((int(main), int(sub) if sub else 0))
    return tuple(levels)


def _candidates(text: str, start: int, end: int, table: Sequence[tuple[int, int]] = ()) -> list[_Cand]:
    out = []
    for m in _CANDIDATE.finditer(text, start, end):
        line_start = m.start() == 0 or text[m.start() - 1] == "\n"
        nxt = text[m.end():m.end() + 1]
        wrapped_letter = bool(m.group("letter")) and not line_start and \
            text[max(0, m.start("letter") - 300):m.start("letter")].rstrip()[-1:] in (";", ":")
        if "\n" in m.group("space") and not wrapped_letter and (
                line_start or not m.group("dotted") or not m.group("dot")
                or text[:m.start()].rstrip()[-1:] not in ".;:" or not nxt.isupper()):
            continue  # «… очередь. 2.⏎Руководителям», «…срок: а)⏎внести»: a hard wrap right after the number only
        if m.group("dparen"):  # «2.1)»: a dotted number closed by a parenthesis
            out.append(_Cand(m.start(), m.end(), "dot", _parse_dotted(m.group("dparen")), m.group("quote"),
                             line_start))
        elif m.group("dotted"):
            dotted = m.group("dotted")
            if not m.group("dot") and "." not in dotted and not (line_start and m.group("space") and nxt.isupper()):
                continue  # «1 августа»: a bare number is no item number, but for a table row's «1 Провести»
            if not m.group("dot") and not m.group("space"):
                continue
            after_clause = text[max(0, m.start() - 3):m.start()].strip()[-1:] in (";", ":")
            after_sentence = text[max(0, m.start() - 3):m.start()].strip()[-1:] == "."
            if not line_start and not (nxt.isupper() or nxt in "«\"" or (after_clause and "." in dotted)
                                       or (nxt.isdigit() and "." in dotted and (after_clause or after_sentence))):
                continue
            out.append(_Cand(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(), "dot",
                             _parse_dotted(dotted), m.group("quote"), line_start))
        elif m.group("roman"):
            value = _roman(m.group("roman"))
            if not line_start or not value or not nxt.isupper():
                continue
            out.append(_Cand(m.start(), m.end(), "roman", (value,), m.group("quote"), line_start))
        elif m.group("paren"):
            if not line_start and text[max(0, m.start() - 3):m.start()].strip()[-1:] not in (";", ":", "."):
                continue
            out.append(_Cand(m.start(), m.end(), "paren", (int(m.group("paren")),), m.group("quote"), line_start))
        else:
            letter = m.group("letter")
            if letter not in LETTERS or (not line_start and text[max(0, m.start("letter") - 300):m.start("letter")]
                                         .rstrip()[-1:] not in (";", ":")):  # «…; б) определить» inside a line
                continue
            letter_value = (LETTERS.index(letter),) + ((int(m.group("inserted")),) if m.group("inserted") else ())
            out.append(_Cand(m.start(), m.end(), "letter", letter_value, m.group("quote"), line_start))
    for m in _LONE_NUMBER.finditer(text, start, end):  # a table row whose number stands in its own cell
        in_table = any(s <= m.start("n") < e for s, e in table)
        previous = text[:m.start()].rstrip("\n \t\u00a0").rsplit("\n", 1)[-1].strip()
        # a plan's row number after a cell with no stop: dotted («1.», «1.1»), as a bare one may be a page's
        cell = "." in m.group(0) and len(previous) <= 120 and previous[-1:] not in ("-", ",") and text[m.end()].isupper()
        if not in_table and (previous[-1:] not in ("", ".", ";", ":") and not cell or text[m.end()].islower()):
            continue  # a page number left in a copied text, inside a sentence running on
        if m.group("paren") and "." not in m.group("n"):  # «1)⏎Направить …»: the same item numbered «N)»
            out.append(_Cand(m.start("n"), m.end(), "paren", (int(m.group("n")),), "", True))
        elif not m.group("paren"):
            out.append(_Cand(m.start("n"), m.end(), "dot", _parse_dotted(m.group("n")), "", True))
    out.sort(key=lambda cand: cand.start)
    for cand in out:  # the item starts at its number, not at leading spaces or a quote
        while cand.start < cand.body_start and text[cand.start] in " \t\u00a0«\"“":
            cand.start += 1
    _renumber_restarted_lists(out)
    return out


def _renumber_restarted_lists(cands: list[_Cand]) -> None:
    """«1.В период …», «1. Произвести …», «2. Руководителям …», «4.Владельцам …», «1. …», «1. …»,
    «7 Контроль …»: a page that flattened Word's automatic numbering shows some items as lists
    restarting at 1 between the items that kept their numbers. Where the kept numbers are each
    item's place in the act (the last one too, and at least three of them) and every other item
    is in a list restarting at 1, every item takes its place's number."""
    def level_one(c: _Cand) -> bool:
        return (c.style == "dot" and len(c.value) == 1 and c.value[0][1] == 0) or c.style == "paren"

    top = [c for c in cands if level_one(c)]
    if len({c.style for c in top}) != 1:
        return
    printed = [c.value[0][0] if c.style == "dot" else c.value[0] for c in top]
    places = range(1, len(top) + 1)
    kept = [place for place, value in zip(places, printed, strict=True) if value == place]
    if len(kept) < 3 or kept[-1] != len(top) or len(kept) == len(top):
        return
    for place, value in zip(places, printed, strict=True):
        if value != place and not (value == 1 or (place > 1 and value == printed[place - 2] + 1)):
            return  # neither kept nor a step of a list restarting at 1
    for place, cand in zip(places, top, strict=True):
        cand.value = ((place, 0),) if cand.style == "dot" else (place,)


def _follows(prev: tuple[int, int], new: tuple[int, int]) -> bool:
    """Is `new` the next number after `prev` at one level (2 -> 3, 2 -> 2-1, 2-1 -> 2-2, 2-1 -> 3)?"""
    if new == (prev[0] + 1, 0):
        return True
    return new[0] == prev[0] and new[1] == prev[1] + 1


def _superscript_item(prev: tuple, new: tuple[int, int]) -> tuple | None:
    """Item 2¹ inserted by an amendment after item 2, printed «21.» by a text that lost the
    superscript (a legal system's export): (2, 0, 1) after (2, 0), (2, 0, 2) after it; the item
    after them is 3 again (`_follows` reads the main number)."""
    if len(prev) == 2 and prev[1] == 0 and 1 <= prev[0] <= 9 and new == (prev[0] * 10 + 1, 0):
        return (prev[0], 0, 1)
    if len(prev) == 3 and new == (prev[0] * 10 + prev[2] + 1, 0) and prev[2] < 9:
        return (prev[0], 0, prev[2] + 1)
    return None


def _accept(path: list[tuple[str, tuple]], cand: _Cand, first_any: bool,
            carry: tuple[int, int] | None = None) -> list[tuple[str, tuple]] | None:
    """The new path if the candidate continues the numbering of `path`, else None.

    Roman sections («I.», «II.») may restart the numbering of their items or carry it on
    (`carry`: the last top-level number before the section)."""
    if cand.style == "roman":
        if not path and cand.value[0] == 1:
            return [("roman", cand.value)]
        if path and path[0][0] == "roman" and cand.value[0] == path[0][1][0] + 1:
            return [("roman", cand.value)]
        return None
    if path and path[0][0] == "roman":
        section, rest = path[:1], path[1:]
        if cand.style == "dot" and not rest and len(cand.value) == 1 and carry and _follows(carry, cand.value[0]):
            return section + [("dot", cand.value[0])]
        if (cand.style == "dot" and len(cand.value) == 2 and cand.value[0] == (section[0][1][0], 0)
                and cand.value[1] == (1, 0) and not (rest and rest[0] == ("dot", cand.value[0]))):
            return section + [("dot", lv) for lv in cand.value]  # «II. …» then «2.1.»: items numbered by their section
        inner = _accept(rest, cand, first_any)
        return section + inner if inner is not None else None
    if cand.style == "dot":
        levels = cand.value
        k = len(levels)
        dotted = [lv for lv in path if lv[0] == "dot"]
        dotted = dotted[: len(dotted)]
        # only the dotted prefix of the path counts; paren/letter levels below are closed
        prefix = []
        for style, value in path:
            if style != "dot":
                break
            prefix.append(value)
        if not prefix and path and path[0][0] == "paren" and k >= 2 and levels[0] == (path[0][1][0], 0):
            # «2) …» then «2.1. …», «2.2. …», «2.2.1. …»: the act numbers its items «N)», their
            # sub-items «N.M.» and deeper; below the «N)» the dotted levels nest as usual
            below: list[tuple[int, int]] = []
            for style, value in path[1:]:
                if style != "dot":
                    break
                below.append(value)
            tail = levels[1:]
            j = len(tail)
            if j == 1 and tail[0] == (1, 0):
                return path[:1] + [("dot", tail[0])]
            if j > len(below) + 1:
                return None
            if j == len(below) + 1:  # first child of the open sub-item
                if tuple(below) == tail[:-1] and tail[-1] == (1, 0):
                    return path[:1 + len(below)] + [("dot", tail[-1])]
                return None
            if tuple(below[: j - 1]) == tail[:-1] and _follows(below[j - 1], tail[-1]):
                return path[:j] + [("dot", tail[-1])]
            return None
        if not prefix:
            if k == 1 and (levels[0] == (1, 0) or first_any):
                return [("dot", levels[0])]
            if k == 2 and levels[1] == (1, 0) and (levels[0] == (1, 0) or first_any):
                return [("dot", lv) for lv in levels]  # an act whose first item is «1.1.»
            return None
        if k == 1 and (inserted := _superscript_item(prefix[0], levels[0])) is not None:
            return [("dot", inserted)]
        if k > len(prefix) + 1:
            return None
        if k == len(prefix) + 1:  # first child
            if tuple(prefix) == levels[:-1] and levels[-1] == (1, 0):
                return path[:len(prefix)] + [("dot", levels[-1])]
            return None
        if tuple(prefix[: k - 1]) == levels[:-1] and _follows(prefix[k - 1], levels[-1]):
            return path[:k - 1] + [("dot", levels[-1])]
        return None
    index = cand.value[0]
    added: int = cand.value[1] if len(cand.value) > 1 else 0
    for depth in range(len(path) - 1, -1, -1):  # sibling of an open level of the same style
        style, value = path[depth]
        after = value[1] if len(value) > 1 else 0
        if style == cand.style and not added and index == value[0] + 1:
            return path[:depth] + [(cand.style, (index,))]
        if style == cand.style and added and index == value[0] and added == after + 1:
            return path[:depth] + [(cand.style, cand.value)]  # «а1)» inserted after «а)» by an amendment
    first = 1 if cand.style == "paren" else 0
    if not path and cand.style == "paren" and first_any:
        return [("paren", (index,))]
    if index == first:
        if not path and cand.style == "paren":
            return [("paren", (index,))]
        if path:
            return path + [(cand.style, (index,))]
    return None


def _number(path: list[tuple[str, tuple]]) -> str:
    parts = []
    for style, value in path:
        if style == "dot":
            main, sub = value[:2]
            if len(value) > 2:
                parts.append(f"{main}{value[2]}")  # «21.»: item 2¹ as the text prints it
            else:
                parts.append(f"{main}-{sub}" if sub else str(main))
        elif style == "paren":
            parts.append(str(value[0]))
        elif style == "roman":
            parts.append({v: k for k, v in ROMAN.items()}[value[0]])
        else:
            parts.append(LETTERS[value[0]] + "".join(str(v) for v in value[1:]))
    return ".".join(parts)


def _quote_end(text: str, start: int, quote: str, limit: int) -> int:
    """Where a quoted new wording that opens at `start` ends."""
    if quote in "«“":
        depth = 0
        for i in range(start, limit):
            ch = text[i]
            if ch in "«“":
                depth += 1
            elif ch in "»”":
                depth -= 1
                if depth == 0:
                    return i + 1
        return limit
    m = re.compile(r"\"\s*[.;]?[ \t]*(?:\n|$)|\"[.;]\s+(?=\d)").search(text, start + 1, limit)
    return m.start() + 1 if m else limit


def _in_long_line(text: str, at: int) -> bool:
    """Is `at` inside a line of a whole act printed on one line?"""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return (len(text) if end == -1 else end) - start > 300


def _segment(text: str, cands: list[_Cand], start: int, end: int, quoted: bool) -> list[Item]:
    """Items of one region from its candidates, in order, with parents and ends."""
    path: list[tuple[str, tuple]] = []
    flat: list[tuple[Item, int]] = []
    carry = None  # the last top-level number, for sections that carry the numbering on
    restarts = False
    # a page that shows one item of a long перечень starts at «3.»: where no «1.» (or «1.1.»)
    # opens a line, the first numbered line opens the list
    opens_at_one = any(c.style == "dot" and c.value[0] == (1, 0) for c in cands if start <= c.start < end)
    for cand in cands:
        if not (start <= cand.start < end):
            continue
        any_first = not flat and ((quoted and cand.style == "dot") or (
            not quoted and not opens_at_one and cand.style in ("dot", "paren")
            and (cand.line_start or _in_long_line(text, cand.start))))
        new = _accept(path, cand, first_any=any_first, carry=carry)
        if new is None:
            continue
        path = new
        if len(path) >= 2 and path[0][0] == "roman" and path[1][0] == "dot" and len(path) == 2:
            if path[0][1][0] > 1 and path[1][1] == (1, 0):
                restarts = True
            carry = path[1][1]
        flat.append((Item("", None, cand.start, cand.body_start, end, quoted, path=tuple(path),
                          unprinted=cand.unprinted), len(path)))
    for item, _ in flat:  # section numbers are shown only where the sections restart the numbering
        shown = [lv for lv in item.path if restarts or lv[0] != "roman"] or list(item.path)
        item.number = _number(shown)
        parent_path = list(item.path[:-1])
        shown_parent = [lv for lv in parent_path if restarts or lv[0] != "roman"]
        item.parent = _number(shown_parent) if shown_parent else None
    items: list[Item] = []
    stack: list[tuple[Item, int]] = []
    for i, (item, depth) in enumerate(flat):
        item.end = flat[i + 1][0].start if i + 1 < len(flat) else end
        while stack and stack[-1][1] >= depth:
            stack.pop()
        if stack:
            stack[-1][0].children.append(item)
        items.append(item)
        stack.append((item, depth))
    for item in reversed(items):  # a parent ends where its last descendant ends
        if item.children:
            item.end = max(item.end, item.children[-1].end)
    return items


def _trim_tail(text: str, start: int, end: int) -> int:
    """The end of the last item: hard-wrapped lines, sub-paragraphs and «Срок:» lines belong
    to it; a line after a finished sentence that starts with a capital (a signature, a site's
    note) does not."""
    pos = text.find("\n", start)
    if pos == -1 or pos >= end:
        return end
    kept_end = pos
    prev_line = text[start:pos]
    while pos < end:
        nxt = text.find("\n", pos + 1)
        nxt = end if nxt == -1 or nxt > end else nxt
        line = text[pos + 1:nxt]
        stripped = line.strip()
        if not stripped:
            pos = nxt
            continue
        prev = prev_line.rstrip()
        wrapped = not re.search(r"[.;!?:»\")]$", prev) or bool(ABBREVIATED_END.search(prev)) or (
            re.search(r"(?<![А-ЯЁа-яё])[А-ЯЁ]\.$", prev) and prev.count("(") > prev.count(")"))
        continues = (prev.endswith((":", ";")) or stripped[0].islower() or stripped.startswith(("Срок", "Ответствен", "Исполнител"))
                     or stripped[0] in "-–—•(")  # «(Соломаткин) обеспечить …»: an official never opens a signature
        if not (wrapped or continues):
            break
        kept_end = nxt
        prev_line = line
        pos = nxt
    return kept_end


def _sentences_as_lines(text: str, start: int, end: int) -> str:
    """The text with each sentence end inside a very long line (a whole act printed on one
    line) turned into a line break, offsets kept, so the last item ends where a signature or
    a site's note begins, as it does in a text printed by lines."""
    lines_from = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    if line_end - lines_from <= 300:
        return text
    chars = list(text)
    for m in re.finditer(r"(?<=[а-яё»)\"][.;])( )(?=\S)|(?<=\S)( )(?=\|)|(?<=\|)( )", text[start:end]):
        if ABBREVIATED_END.search(text, max(0, start + m.start() - 8), start + m.start()):
            continue  # «УМВД России по ЗАТО г. Северск»: an abbreviation's stop
        chars[start + m.start()] = "\n"
    return "".join(chars)


def body_start(text: str) -> int:
    """Where the enacting part starts: after «ПОСТАНОВЛЯЮ:» and the like, else 0. A protocol
    whose first section («I. О ...», or «1. О ...» before a «РЕШИЛИ:») precedes its formula
    starts at that section."""
    m = _FORMULA.search(text)
    if not m:
        return 0
    section = re.search(r"(?:^|\n)[ \t]*I\.[ \t]*[А-ЯЁ]", text[: m.start()])
    if section is None and m.group(0)[:1] in "Рр":  # «РЕШИЛИ:» under a numbered question «1. О ...»
        section = re.search(r"(?:^|\n)[ \t]*1\.[ \t]*(?:О|Об|По)\s", text[: m.start()])
    return section.start() + (1 if text[section.start()] == "\n" else 0) if section else m.end()


_ANNEX = re.compile(r"\n[ \t]*(?:Приложение|ПРИЛОЖЕНИЕ|УТВЕРЖДЕН[ОАЫ]?|Утвержден[оаы]?)(?:\s*(?:№|N)\s*\d+)?"
                    r"[ \t]*(?:\n|к\s+(?:постановлению|распоряжению|приказу|указу|решению|протоколу)\b|$)")


# an annex's stamp inside a line: an act printed on one line («… N 1318 УТВЕРЖДЕН Указом Президента …»)
_ANNEX_INLINE = re.compile(r"\s(?:УТВЕРЖДЕН[ОАЫ]?|Утвержден[оаы]?|ПРИЛОЖЕНИЕ|Приложение)(?:\s*(?:№|N)\s*\d+)?\s+"
                           r"(?:к\s+)?(?:[Уу]каз|[Пп]остановлени|[Рр]аспоряжени|[Пп]риказ|[Рр]ешени)[а-яё]*\b")


def _annex_start(text: str, after: int) -> int:
    """Where an annex printed after the act begins (its own numbering is no item of the act)."""
    found = [m.start() + 1 for m in (_ANNEX.search(text, after), _ANNEX_INLINE.search(text, after)) if m]
    return min(found) if found else len(text)


def _single_paragraph(text: str, start: int, end: int) -> list[Item]:
    """An act whose enacting part is one unnumbered paragraph («ПОСТАНОВЛЯЮ: Выделить …»): that
    paragraph is its item 1, up to the signature."""
    body = re.search(r"\S", text[start:end])
    if body is None:
        return []
    at = start + body.start()
    if not text[at].isupper():
        return []
    return [Item("1", None, at, at, end)]


# a preamble that ends with a colon at its line's end, standing for the formula («… в период
# весеннего половодья 2023года :» and the items below it)
_PREAMBLE_COLON_END = re.compile(r"(?:^|(?<=\n))[ \t]*(?:В\s+(?:соответствии|целях|связи)|Руководствуясь|"
                                 r"На\s+основании|Во\s+исполнение)[^:]{0,1500}?:[ \t]*(?=\n)")
_FINISHED = re.compile(r"[.;:!?»\")][ \t]*$")


def _continues(line: str) -> bool:
    """Does the line open with a conjunction or a particle («А также использовать средства …», «Также
    …»)? Then it goes on with the duty above it."""
    from parsers import nlp

    first = re.match(r"[А-ЯЁа-яё]+", line)
    return first is not None and nlp.first_pos(first.group(0).lower()) in ("CONJ", "PRCL")


def _paragraph_items(text: str, start: int, end: int) -> list[Item]:
    """Items whose numbers the page lost with Word's list: after the formula, or a preamble that
    ends with a colon in its stead, each paragraph that opens with a capital after a finished
    sentence and holds a verb is the item the list numbered 1, 2, …; a line that opens no such
    paragraph (a hard wrap, a lower-case sub-line) goes on with it, and a paragraph with no verb
    (the signature) ends the list. Two items at least, else the shape is not this one."""
    from parsers import nlp

    if start <= 0:
        opened = _PREAMBLE_COLON_END.search(text)
        if opened is None or not _ACT_DETAILS.search(text, 0, opened.start()):
            return []  # only in an act: its number or its kind in capitals stands above
        start = opened.end()
    paragraphs: list[list[int]] = []  # [start, end] of each paragraph
    previous = ":"
    for m in re.finditer(r"[^\n]+", text[start:end]):
        line = m.group(0).strip()
        if not line:
            continue
        at = start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        if line[0].isupper() and _FINISHED.search(previous) is not None and not ABBREVIATED_END.search(previous) \
                and not _continues(line):
            paragraphs.append([at, start + m.end()])
        elif paragraphs:
            paragraphs[-1][1] = start + m.end()
        else:
            return []
        previous = line
    items: list[Item] = []
    for begin, stop in paragraphs:
        if not nlp.has_verb(text[begin:stop]):
            break
        items.append(Item(str(len(items) + 1), None, begin, begin, stop, unprinted=True))
    return items if len(items) >= 2 else []


# a preamble paragraph that ends with a colon and stands for the formula («В целях …:»), on lines
# of its own or run into one line with the title («… пожаров» В связи с …: - Ввести …»)
_PREAMBLE_COLON = re.compile(r"(?:^|(?<=\n)|(?<=[.»\"] )|(?<=[а-яё] ))[ \t]*(?:В\s+(?:соответствии|целях|связи)|Руководствуясь|"
                             r"На\s+основании|Во\s+исполнение)[^:]{0,1500}?:(?=\s*[-–—•][ \t])")
# a dash line; a page that flattened Word's list may put the dash alone on its line, the text below
_DASH_LINE = re.compile(r"(?m)^[ \t\u00a0]*[-–—•](?:[ \t\u00a0]+(?=\S)|[ \t\u00a0]*\n[ \t\u00a0]*(?=[А-ЯЁ]))")
# the same list in an act printed on one line: a dash after the formula or a sentence's end, or
# before a capitalized infinitive (an item that lost its stop: «… в пунктах - Провести …»)
_DASH_INLINE = re.compile(r"(?:(?<=[.;:])\s+|\s+(?=[-–—•][ \t\u00a0]+[А-ЯЁ][а-яё]+(?:ть|ти|чь)\b))"
                          r"[-–—•][ \t\u00a0]+(?=[А-ЯЁа-яё])")
# … and, on one line, a dash before a sentence that opens with a common noun («… в Конкурсе -
# Финансирование мероприятия предусмотреть …»); not «(далее - Конкурс)», not «образования –
# Путятинское сельское поселение» (an adjective: a name goes on)
_DASH_BEFORE_NOUN = re.compile(r"(?<=[а-яё])\s+[-–—•][ \t\u00a0]+(?=(?P<word>[А-ЯЁ][а-яё]+)\s+[а-яё])")
_ACT_DETAILS = re.compile(r"(?:№|(?<![А-Яа-яЁё])N)\s*\d|(?<![А-ЯЁ])(?:ПОСТАНОВЛЕНИЕ|РАСПОРЯЖЕНИЕ|РЕШЕНИЕ|ПРИКАЗ)(?![А-ЯЁ])")
# a paragraph of its own after a finished sentence (a signature, a site's line) ends a dash list
_NEW_PARAGRAPH = re.compile(r"[.;!?][ \t]*\n[ \t]*(?![-–—•]|\d{1,2}\.\d{1,2}\.?\s)\S")  # «2.1. …»: a printed sub-item goes on


def _paragraph_between(text: str, start: int, end: int) -> bool:
    """Does a new paragraph start between `start` and `end`? A line that ends with an
    abbreviation («р.п.», «г.») goes on below: the place's name follows, not a new paragraph."""
    return any(not ABBREVIATED_END.search(text, max(0, m.start() - 8), m.start() + 1)
               for m in _NEW_PARAGRAPH.finditer(text, start, end))


def _has_infinitive(line: str) -> bool:
    """Does a line hold a verb of its own (an infinitive: a duty), rather than only name the
    objects of the verb above its colon?"""
    from parsers import nlp

    return any(nlp.first_pos(word) == "INFN" for word in re.findall(r"[А-Яа-яЁё]{3,}(?:ть|ти|чь)(?![а-яё])", line))


def _common_noun(word: str) -> bool:
    from parsers import nlp

    reading = nlp.first_reading(word.lower())
    return reading is not None and reading.tag.POS == "NOUN" and not {"Name", "Surn", "Geox", "Orgn"} & set(reading.tag.grammemes)


def _dash_items(text: str, start: int, cands: list[_Cand]) -> list[_Cand]:
    """A web page that lost the numbers of a Word list shows its items as dashes right after the
    enacting formula («ПОСТАНОВЛЯЕТ: / - Запретить … / - Рекомендовать: / 2.1. …»), or after a
    preamble that ends with a colon in its stead: each dash line is the item the list numbered
    1, 2, …; a dash line under a line that ends with «:» (or under such a sub-line ending with
    «;») is a sub-paragraph of that item and stays in its text. Only where the enacting part
    opens with a dash and no printed «1.» stands in it."""
    if start <= 0:
        opened = _PREAMBLE_COLON.search(text)
        if opened is None or not _ACT_DETAILS.search(text, 0, opened.start()):
            return []  # only in an act: its number or its kind in capitals stands above (news has bullets too)
        start = opened.end()  # «В связи с … погодой, в целях …: / - Ввести … / - Провести …»
    at = start + len(text[start:]) - len(text[start:].lstrip())
    if at >= len(text) or text[at] not in "-–—•":
        return []  # the enacting part must open with a dash
    one_line = "\n" not in text[start:at]
    if one_line and not _in_long_line(text, at):
        return []  # «ПОСТАНОВЛЯЕТ: - …» inside a short line is a sentence, not a list
    if any(c.style == "dot" and c.value[0] == (1, 0) for c in cands):
        return []
    if any(c.style == "paren" and c.value == (1,) and c.line_start and c.start < at for c in cands):
        return []  # «1) Провести …: / • в учреждениях …»: the list is numbered «N)», its bullets are sub-paragraphs
    out: list[_Cand] = []
    number, under_colon = 0, False
    dashes = _DASH_INLINE if one_line else _DASH_LINE
    found = list(dashes.finditer(text, start if one_line else text.rfind("\n", 0, at) + 1))
    if one_line:
        found = sorted(found + [m for m in _DASH_BEFORE_NOUN.finditer(text, start) if _common_noun(m.group("word"))],
                       key=lambda m: m.start())
    for k, m in enumerate(found):
        before = text[:m.start()].rstrip()
        if out and _paragraph_between(text, out[-1].body_start, m.start()):
            break  # a signature or a site's line stands between: the list is over
        own = text[m.end():found[k + 1].start() if k + 1 < len(found) else len(text)]
        if out and text.count("(", out[-1].body_start, m.start()) > text.count(")", out[-1].body_start, m.start()):
            continue  # «(далее / - Конкурс)»: a dash a hard wrap put at a line start inside brackets
        if out and (before.endswith(":") or under_colon and (before.endswith(";") or not _has_infinitive(
                re.split(r"(?<=[.;:])\s*\n", own, maxsplit=1)[0]))):
            under_colon = True  # «- Утвердить: / - Состав оргкомитета … / - План …»: objects with no verb
            continue
        number, under_colon = number + 1, False
        out.append(_Cand(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(), "dot", ((number, 0),), "",
                         True, unprinted=True))
    return out


def segment(text: str, table: Sequence[tuple[int, int]] = ()) -> tuple[list[Item], list[Item]]:
    """(items of the act itself, items of quoted new wordings), each in text order.
    `table`: spans of table cells, where a row number may stand alone in its cell."""
    start = body_start(text)
    first = _candidates(text, start, len(text), table)
    first = sorted(first + _dash_items(text, start, first), key=lambda cand: cand.start)
    limit = _annex_start(text, first[0].start) if first else len(text)
    if first and start > 0 and (annex := _annex_start(text, start)) < first[0].start:
        limit = annex  # «… постановляет: Утвердить прилагаемые … / УТВЕРЖДЕНО / 1. …»: every number is the annex's
    cands = [c for c in first if c.start < limit]
    regions: list[tuple[int, int]] = []
    for cand in cands:
        if cand.quote and not any(s <= cand.start < e for s, e in regions):
            quote_pos = text.rfind(cand.quote, 0, cand.start + 1)
            regions.append((quote_pos, _quote_end(text, quote_pos, cand.quote, limit)))
    main_cands = [c for c in cands if not any(s <= c.start < e for s, e in regions)]
    main = _segment(text, main_cands, start, limit, quoted=False)
    if not main and not regions:
        main = _paragraph_items(text, start, limit) or (_single_paragraph(text, start, limit) if start > 0 else [])
    if main:
        last = main[-1]
        tail_end = _trim_tail(_sentences_as_lines(text, last.start, last.end), last.start, last.end)
        for item in main:
            if item.end == last.end:
                item.end = tail_end
    quoted: list[Item] = []
    for s, e in regions:
        inner = [c for c in cands if s <= c.start < e]
        quoted.extend(_segment(text, inner, s, e, quoted=True))
    return main, quoted
