"""Word's automatic numbering, rebuilt: the number Word shows beside a paragraph.

The paragraph text in a .docx never holds its automatic number; Word computes it from
numbering.xml. This module models what matters for acts: numId -> abstractNum, per-level
start, numFmt, lvlText («%1.%2.»), isLgl, lvlRestart, w:lvlOverride (startOverride and
a replacement w:lvl), w:numStyleLink, and numbering inherited from paragraph styles
(through basedOn chains). Counters live per abstractNum, as in Word: two w:num
instances of one abstractNum continue one list unless the second one restarts it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Word's «а, б, в» lists skip й, ъ, ы, ь and ё (28 letters).
RUSSIAN_LOWER = "абвгдежзиклмнопрстуфхцчшщэюя"
LATIN_LOWER = "abcdefghijklmnopqrstuvwxyz"
BULLET_FORMATS = {"bullet"}
NO_NUMBER_FORMATS = {"none"}


def _val(element, tag: str) -> str | None:  # noqa: ANN001 - lxml element
    child = element.find(W + tag) if element is not None else None
    return None if child is None else child.get(W + "val")


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def to_roman(number: int) -> str:
    if number <= 0:
        return str(number)
    parts = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            parts.append(letters)
            number -= value
    return "".join(parts)


def to_letters(number: int, alphabet: str) -> str:
    """Word's letter lists: a..z, then aa, bb, ... (the letter repeated)."""
    if number <= 0:
        return str(number)
    index, repeat = (number - 1) % len(alphabet), (number - 1) // len(alphabet) + 1
    return alphabet[index] * repeat


def format_number(number: int, num_fmt: str) -> str:
    """One level's counter in its numFmt; unknown formats fall back to decimal."""
    if num_fmt == "lowerRoman":
        return to_roman(number)
    if num_fmt == "upperRoman":
        return to_roman(number).upper()
    if num_fmt == "lowerLetter":
        return to_letters(number, LATIN_LOWER)
    if num_fmt == "upperLetter":
        return to_letters(number, LATIN_LOWER).upper()
    if num_fmt == "russianLower":
        return to_letters(number, RUSSIAN_LOWER)
    if num_fmt == "russianUpper":
        return to_letters(number, RUSSIAN_LOWER).upper()
    if num_fmt == "decimalZero":
        return f"{number:02d}"
    if num_fmt in NO_NUMBER_FORMATS:
        return ""
    return str(number)


@dataclass(slots=True)
class Level:
    start: int = 1
    num_fmt: str = "decimal"
    text: str = "%1."
    is_legal: bool = False
    restart: int | None = None  # w:lvlRestart: 0 = never; n = after a level above n (1-based) is used
    style: str | None = None  # w:pStyle: the paragraph style bound to this level

    @classmethod
    def parse(cls, element) -> Level:  # noqa: ANN001
        text_el = element.find(W + "lvlText")
        return cls(
            start=_int(_val(element, "start"), 1) or 0,
            num_fmt=_val(element, "numFmt") or "decimal",
            text=(text_el.get(W + "val") or "") if text_el is not None else "",
            is_legal=element.find(W + "isLgl") is not None
            and _val(element, "isLgl") not in ("0", "false", "off"),
            restart=_int(_val(element, "lvlRestart")),
            style=_val(element, "pStyle"),
        )


@dataclass(slots=True)
class AbstractNum:
    levels: dict[int, Level] = field(default_factory=dict)
    style_link: str | None = None  # w:numStyleLink: the definition lives in a numbering style


@dataclass(slots=True)
class NumInstance:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


@dataclass(slots=True)
class StyleNumbering:
    num_id: str | None
    ilvl: int | None
    based_on: str | None


@dataclass(slots=True)
class _ListState:
    counters: dict[int, int] = field(default_factory=dict)


class Numbering:
    """Feed paragraphs in document order; get each one's printed number (or None)."""

    def __init__(self, numbering_root=None, styles_root=None) -> None:  # noqa: ANN001
        self.abstracts: dict[str, AbstractNum] = {}
        self.nums: dict[str, NumInstance] = {}
        self.styles: dict[str, StyleNumbering] = {}
        self.default_paragraph_style: str | None = None
        self._states: dict[str, _ListState] = {}
        self._started_nums: set[str] = set()
        if numbering_root is not None:
            self._load_numbering(numbering_root)
        if styles_root is not None:
            self._load_styles(styles_root)

    def _load_numbering(self, root) -> None:  # noqa: ANN001
        for element in root.iter(W + "abstractNum"):
            abstract = AbstractNum(style_link=_val(element, "numStyleLink"))
            for lvl in element.findall(W + "lvl"):
                abstract.levels[_int(lvl.get(W + "ilvl"), 0) or 0] = Level.parse(lvl)
            self.abstracts[element.get(W + "abstractNumId") or ""] = abstract
        for element in root.iter(W + "num"):
            num = NumInstance(abstract_id=_val(element, "abstractNumId") or "")
            for override in element.findall(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0) or 0
                start = _int(_val(override, "startOverride"))
                if start is not None:
                    num.start_overrides[ilvl] = start
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    num.level_overrides[ilvl] = Level.parse(lvl)
            self.nums[element.get(W + "numId") or ""] = num

    def _load_styles(self, root) -> None:  # noqa: ANN001
        for style in root.iter(W + "style"):
            if style.get(W + "type") not in ("paragraph", "numbering"):
                continue
            style_id = style.get(W + "styleId") or ""
            ppr = style.find(W + "pPr")
            num_pr = ppr.find(W + "numPr") if ppr is not None else None
            self.styles[style_id] = StyleNumbering(
                num_id=_val(num_pr, "numId") if num_pr is not None else None,
                ilvl=_int(_val(num_pr, "ilvl")) if num_pr is not None else None,
                based_on=_val(style, "basedOn"),
            )
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
                self.default_paragraph_style = style_id

    # -- resolving what a paragraph is numbered by -------------------------------------------

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, style that carries it) inherited through basedOn; nearest wins per field."""
        num_id = ilvl = carrier = None
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            if num_id is None and style.num_id is not None:
                num_id, carrier = style.num_id, style_id
            if ilvl is None and style.ilvl is not None:
                ilvl = style.ilvl
            style_id = style.based_on
        return num_id, ilvl, carrier

    def _abstract_of(self, num: NumInstance) -> tuple[str, AbstractNum] | None:
        abstract_id = num.abstract_id
        abstract = self.abstracts.get(abstract_id)
        for _ in range(5):  # numStyleLink -> numbering style -> its num -> its abstractNum
            if abstract is None or not abstract.style_link or abstract.levels:
                break
            linked_num_id, _, _ = self._style_numbering(abstract.style_link)
            linked = self.nums.get(linked_num_id or "")
            if linked is None:
                break
            abstract_id, abstract = linked.abstract_id, self.abstracts.get(linked.abstract_id)
        return (abstract_id, abstract) if abstract is not None else None

    def resolve(self, num_id: str | None, ilvl: int | None, style_id: str | None) -> tuple[str, int] | None:
        """The (numId, level) a paragraph belongs to, or None when it is not numbered."""
        style_num, style_ilvl, carrier = self._style_numbering(style_id or self.default_paragraph_style)
        if num_id is None:
            num_id = style_num
            if ilvl is None:
                ilvl = style_ilvl
            if ilvl is None and carrier:
                ilvl = self._level_bound_to_style(num_id, carrier)
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        return num_id, max(0, min(ilvl or 0, 8))

    def _level_bound_to_style(self, num_id: str | None, style_id: str) -> int | None:
        num = self.nums.get(num_id or "")
        found = self._abstract_of(num) if num else None
        if found:
            for index, level in found[1].levels.items():
                if level.style == style_id:
                    return index
        return None

    # -- counting -----------------------------------------------------------------------------

    def _level(self, num: NumInstance, abstract: AbstractNum, ilvl: int) -> Level:
        return num.level_overrides.get(ilvl) or abstract.levels.get(ilvl) or Level(text=f"%{ilvl + 1}.")

    def number(self, num_id: str | None, ilvl: int | None, style_id: str | None) -> tuple[str | None, int | None]:
        """Advance the list this paragraph belongs to; return (printed number or None, level).

        Call for every paragraph that may be numbered, empty ones included: Word counts them.
        """
        resolved = self.resolve(num_id, ilvl, style_id)
        if resolved is None:
            return None, None
        num_id, ilvl = resolved
        num = self.nums[num_id]
        found = self._abstract_of(num)
        if found is None:
            return None, None
        abstract_id, abstract = found
        state = self._states.setdefault(abstract_id, _ListState())
        if num_id not in self._started_nums:
            self._started_nums.add(num_id)
            for level_index, start in num.start_overrides.items():
                state.counters[level_index] = start - 1
                for deeper in [k for k in state.counters if k > level_index]:
                    del state.counters[deeper]
        level = self._level(num, abstract, ilvl)
        state.counters[ilvl] = state.counters[ilvl] + 1 if ilvl in state.counters else level.start
        for deeper in [k for k in state.counters if k > ilvl]:
            restart = self._level(num, abstract, deeper).restart
            threshold = deeper if restart is None else restart  # restart n: when a level < n is used
            if restart != 0 and ilvl < threshold:
                del state.counters[deeper]
        if level.num_fmt in BULLET_FORMATS:
            return None, ilvl
        return self._render(num, abstract, state, ilvl, level) or None, ilvl

    def _render(self, num: NumInstance, abstract: AbstractNum, state: _ListState, ilvl: int, level: Level) -> str:
        text = level.text
        for ref in range(9, 0, -1):  # %10 does not exist; go high to low so %1 never eats %1x
            placeholder = f"%{ref}"
            if placeholder not in text:
                continue
            ref_level = self._level(num, abstract, ref - 1)
            value = state.counters.get(ref - 1, ref_level.start)
            fmt = "decimal" if level.is_legal else ref_level.num_fmt
            if ref_level.num_fmt in BULLET_FORMATS:
                fmt = "decimal"
            text = text.replace(placeholder, format_number(value, fmt))
        return text.strip()
