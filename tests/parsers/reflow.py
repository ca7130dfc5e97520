"""The same act in another layout: the transformations of the metamorphic tests (issue 9).

Each function takes an act's text and returns the text (or a .docx) a clerk could receive for
the very same act: reflowed, re-wrapped, glued by a web page, renumbered, or laid out by Word
(automatic numbering, a table of orders). The item numbers are found by the act's own
numbering (parsers.rules.structure), so a transformation touches the items and nothing else.
"""
from __future__ import annotations

import re
import textwrap
from collections import Counter
from pathlib import Path

from builders import DocxBuilder, abstract_num, lvl, num, numbering_xml

from parsers.rules import orders, structure
from parsers.rules.flat_tables import unpipe_cell_lines

_SENTENCE_END = re.compile(r"(?<=[а-яё»)][.;])[ \t]+(?=[А-ЯЁ«])")


def one_line_per_sentence(text: str) -> str:
    """Every sentence on a line of its own (a line may already hold one or several)."""
    return "\n".join(_SENTENCE_END.sub("\n", line) for line in text.splitlines())


def one_line(text: str) -> str | None:
    """The whole act on one line, as some sites print it.

    None for an act whose page broke Word's numbering into lists restarting at 1 between the
    items that kept their numbers (`_has_restarted_lists`): the kept numbers that place the
    others stand at line starts («7 Контроль …»), and on one line they are no numbers."""
    if _has_restarted_lists(text) or _has_line_bound_layout(text):
        return None
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def hard_wrapped(text: str, width: int = 60) -> str:
    """Every line hard-wrapped at `width` columns, as a fax or an old site delivers it."""
    out = []
    for line in text.splitlines():
        out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out)


def glued_at_line_ends(text: str, width: int = 60) -> str:
    """Hard-wrapped, then joined without the space at each wrap: a page that lost the spaces
    at its line ends («Министерствуобразования»)."""
    out = []
    for line in text.splitlines():
        out.append("".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)))
    return "\n".join(out)


def _items(text: str) -> list[structure.Item]:
    main, _ = structure.segment(text)
    return [item for item in main if re.fullmatch(r"\d+(?:\.\d+)*", item.number)]


def _has_inserted_items(text: str) -> bool:
    """Does the act hold items an amendment inserted («а1)», item 2¹ printed «21.» after «2.»)?
    Neither Word's list nor «N)» numbering can show them as printed: no such variant."""
    main, _ = structure.segment(text)
    return any(re.search(r"[а-я]\d", item.number) or any(len(value) > 2 for _, value in item.path) for item in main)


def _has_line_bound_layout(text: str) -> bool:
    """Is the act laid out by its lines: a plan flattened from a table (its columns' titles above
    the rows, each cell a line), sections headed by roman numerals at line starts («I.», «II.»),
    which inside a line are no headings, or items whose numbers the page lost, one paragraph each? On one line that layout is gone. A table flattened one
    cell a line («Время проведения |») is read as such a plan."""
    read = unpipe_cell_lines(text)
    main, _ = structure.segment(read)
    paragraphs = bool(main) and all(item.unprinted and read[item.start] not in "-–—•" for item in main)
    return paragraphs or _has_column_titles(read, main) or any(re.match(r"[IVX]+\.", item.number) for item in main)


def _is_flattened_plan(text: str) -> bool:
    """A plan flattened from its table: its columns' titles above the rows (read as the parser
    reads them, a table of one cell a line included)."""
    read = unpipe_cell_lines(text)
    return _has_column_titles(read, structure.segment(read)[0])


def _has_column_titles(read: str, main: list[structure.Item]) -> bool:
    return bool(orders.column_titles(read[:main[0].start if main else len(read)]))


def _has_restarted_lists(text: str) -> bool:
    """Does an item print a number other than its own («1.» read as item 3: Word's lists
    restarting at 1 on a page that flattened them)?"""
    main, _ = structure.segment(text)
    for item in main:
        printed = re.match(r"\s*(\d+)[.)]?", text[item.start:item.body_start])
        if printed and "." not in item.number and printed.group(1) != item.number:
            return True
    return False


def renumbered(text: str) -> str | None:
    """Top-level items numbered «1)» where the act writes «1.», and «1.» where it writes «1)».

    None where the act already numbers its sub-items «1)»: both levels would then be «N)»,
    and «3)» after «2) … 1) 2)» is the third sub-item as much as the third item, for a reader
    too. That act has no such variant."""
    main, _ = structure.segment(text)
    if any(item.parent and re.fullmatch(r"\d+\)", text[item.start:item.body_start].strip()) for item in main):
        return None
    if _has_inserted_items(text) or _has_restarted_lists(text):
        return None
    out = text
    for item in reversed(_items(text)):
        printed = text[item.start:item.body_start]
        if "." in item.number:
            continue
        m = re.match(r"(\d+)([.)])", printed)
        if m:
            other = ")" if m.group(2) == "." else "."
            out = out[:item.start] + m.group(1) + other + out[item.start + m.end():]
    return out


def word_numbered(text: str, path: Path) -> Path | None:
    """A .docx whose items carry Word's automatic numbering instead of printed numbers.

    Each line is a paragraph; a line that opens an item loses its printed number and gets
    numPr at the item's level, the level's start set to the act's first number there, so Word
    shows the numbers the act printed (an act that shows items 3 to 5 starts its list at 3)."""
    if _has_inserted_items(text):
        return None
    items = {item.start: item for item in _items(text)}
    firsts: dict[int, int] = {}
    for item in items.values():
        level = item.number.count(".")
        firsts.setdefault(level, int(item.number.split(".")[-1]))
    levels = [lvl(i, text="".join(f"%{k + 1}." for k in range(i + 1)), start=firsts.get(i, 1)) for i in range(4)]
    builder = DocxBuilder(numbering=numbering_xml(abstract_num(1, *levels), num(1, 1)))
    # a paragraph per line, and one per item that opens inside a line («постановляю: 1. Утвердить»):
    # in Word each numbered item is a paragraph of its own
    cuts = sorted({0, len(text)} | {m.end() for m in re.finditer("\n", text)} | set(items))
    pending: structure.Item | None = None  # an item whose number stands alone on its line («1.⏎Направить …»)
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = text[a:b].rstrip("\n")
        stripped = piece.lstrip()
        if not stripped.strip():
            continue  # the indent before an item that opens its line
        item = items.get(a + len(piece) - len(stripped))
        if item is not None and item.body_start >= a + len(piece):
            pending = item  # its text is the next line: Word shows the number before that text
        elif item is not None:
            builder.paragraph(text[item.body_start:a + len(piece)].strip(), num_id=1, ilvl=item.number.count("."))
        elif pending is not None:
            builder.paragraph(stripped.strip(), num_id=1, ilvl=pending.number.count("."))
            pending = None
        else:
            builder.paragraph(stripped.strip())
    return builder.save(path)


def orders_table(text: str, path: Path) -> Path | None:
    """A .docx whose items are rows of a two-column table «№ | Поручение» (with the heading
    row), the header above it and the signature below as paragraphs. None for a plan that is
    itself a table flattened into lines (`_is_flattened_plan`): its rows'
    term and executor cells cannot go into one «Поручение» cell."""
    if _is_flattened_plan(text):
        return None
    items = _items(text)
    builder = DocxBuilder()
    if not items:
        for line in text.splitlines():
            if line.strip():
                builder.paragraph(line.strip())
        return builder.save(path)
    for line in text[:items[0].start].splitlines():
        if line.strip():
            builder.paragraph(line.strip())
    rows = [["№ п/п", "Поручение"]]
    for i, item in enumerate(items):
        end = items[i + 1].start if i + 1 < len(items) else item.end
        rows.append([item.number, " ".join(text[item.body_start:end].split())])
    builder.table(rows)
    for line in text[items[-1].end:].splitlines():
        if line.strip():
            builder.paragraph(line.strip())
    return builder.save(path)


def facts(result: dict) -> Counter:
    """What the metamorphic relation keeps: each order's number, executors (as the scorer
    normalizes them), officials, and deadline fact."""
    def norm(value: str | None) -> str:
        value = (value or "").lower().replace("ё", "е")
        value = re.sub(r"[«»\"'“”„()\[\],.;:]", " ", value)
        return re.sub(r"\s+", " ", re.sub(r"[‐-―−-]+", "-", value)).strip(" -")

    out: Counter = Counter()
    for order in result["orders"]:
        number = order["number"]
        out[("order", number)] += 1
        for party in order["responsible"]:
            out[("executor", number, norm(party.get("as_written")).replace(" ", ""))] += 1
            if party.get("person"):
                out[("person", number, norm(party["person"]).replace(" ", ""))] += 1
        deadline = order.get("deadline") or {}
        fact = (deadline.get("date") and "date:" + deadline["date"]) or (
            deadline.get("recurrence") and "every:" + deadline["recurrence"]) or (
            deadline.get("relative") and "relative") or "none"
        out[("deadline", number, fact)] += 1
    return out
