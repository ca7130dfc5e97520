"""OpenDocument text (.odt, odfpy): paragraphs, headings, list items and table cells in order.

List numbers are rebuilt from the list styles (num-format, prefix, suffix, display-levels,
start-value) the way LibreOffice shows them: a new top-level list starts again unless it
says text:continue-numbering or text:continue-list. Headers and footers live in styles.xml
and are never read.
"""
from __future__ import annotations

import builtins
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from parsers.errors import ReadError
from parsers.model import Block, ReadDocument
from parsers.readers.limits import check_zip
from parsers.readers.numbering import format_number

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
ROW_LINE_CHARS = 160
ELEMENT_NODE, TEXT_NODE = 1, 3
_SPACES = re.compile(r"[ \t\u00a0]+")
SKIPPED_INLINE = {"note", "annotation", "tracked-changes", "bookmark-ref", "sequence-decls"}


@dataclass(slots=True)
class ListLevel:
    num_format: str = ""
    prefix: str = ""
    suffix: str = ""
    display_levels: int = 1
    start: int = 1


@dataclass(slots=True)
class _ListRun:
    style: str
    counters: dict[int, int] = field(default_factory=dict)


def read_odt(path: Path) -> ReadDocument:
    check_zip(path, "OpenDocument (.odt)")
    try:
        from odf.opendocument import load

        document = load(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as error:
        raise _broken(path) from error
    except Exception as error:  # xml.sax parse errors inside a damaged package
        if type(error).__module__.startswith(("xml", "odf")):
            raise _broken(path) from None
        raise
    styles = _list_styles(document)
    walker = _Walker(styles)
    walker.walk(document.text, in_table=False, lists=[])
    if not walker.blocks:
        raise ReadError(str(path), "в документе OpenDocument нет текста", "Проверьте, что выбран нужный файл")
    return ReadDocument.build("odt", walker.blocks)


def _broken(path: Path) -> ReadError:
    return ReadError(str(path), "файл .odt повреждён и не открывается",
                     "Откройте его в LibreOffice и сохраните заново, или сохраните акт как .docx")


def _attr(node, namespace: str, name: str) -> str | None:  # noqa: ANN001
    return node.attributes.get((namespace, name)) if node.nodeType == ELEMENT_NODE else None


def _list_styles(document) -> dict[str, dict[int, ListLevel]]:  # noqa: ANN001
    styles: dict[str, dict[int, ListLevel]] = {}
    for container in (document.styles, document.automaticstyles):
        for node in container.childNodes:
            if node.nodeType != ELEMENT_NODE or node.qname != (TEXT, "list-style"):
                continue
            levels: dict[int, ListLevel] = {}
            for level in node.childNodes:
                if level.nodeType != ELEMENT_NODE:
                    continue
                index = int(_attr(level, TEXT, "level") or 1)
                if level.qname[1] == "list-level-style-number":
                    levels[index] = ListLevel(
                        num_format=_attr(level, STYLE, "num-format") or "",
                        prefix=_attr(level, STYLE, "num-prefix") or "",
                        suffix=_attr(level, STYLE, "num-suffix") or "",
                        display_levels=int(_attr(level, TEXT, "display-levels") or 1),
                        start=int(_attr(level, TEXT, "start-value") or 1),
                    )
                else:  # bullets and images: no number
                    levels[index] = ListLevel()
            styles[_attr(node, STYLE, "name") or ""] = levels
    return styles


def _format(value: int, num_format: str) -> str:
    if not num_format:
        return ""
    kinds = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
    if num_format in kinds:
        return format_number(value, kinds[num_format])
    if num_format.startswith("а"):
        return format_number(value, "russianLower")
    if num_format.startswith("А"):
        return format_number(value, "russianUpper")
    return str(value)


class _Walker:
    def __init__(self, styles: dict[str, dict[int, ListLevel]]) -> None:
        self.styles = styles
        self.blocks: list[Block] = []
        self.runs_by_style: dict[str, _ListRun] = {}
        self.runs_by_id: dict[str, _ListRun] = {}

    def walk(self, node, in_table: bool, lists: list[tuple[_ListRun, int]]) -> None:  # noqa: ANN001
        for child in node.childNodes:
            if child.nodeType != ELEMENT_NODE:
                continue
            namespace, name = child.qname
            if namespace == TEXT and name in ("p", "h"):
                self.paragraph(child, in_table, None)
            elif namespace == TEXT and name == "list":
                self.list(child, in_table, lists)
            elif namespace == TABLE and name == "table-row":
                self.row(child)
            elif namespace == TEXT and name in SKIPPED_INLINE:
                continue
            elif namespace in (TEXT, TABLE) or name in ("section", "text"):
                self.walk(child, in_table, lists)

    def list(self, node, in_table: bool, lists: list[tuple[_ListRun, int]]) -> None:  # noqa: ANN001
        style = _attr(node, TEXT, "style-name")
        if lists:
            run, depth = lists[-1][0], lists[-1][1] + 1
        else:
            style = style or ""
            continue_id = _attr(node, TEXT, "continue-list")
            if continue_id and continue_id in self.runs_by_id:
                run = self.runs_by_id[continue_id]
            elif _attr(node, TEXT, "continue-numbering") == "true" and style in self.runs_by_style:
                run = self.runs_by_style[style]
            else:
                run = _ListRun(style=style)
            self.runs_by_style[style] = run
            depth = 1
        xml_id = node.attributes.get(("http://www.w3.org/XML/1998/namespace", "id"))
        if xml_id:
            self.runs_by_id[xml_id] = run
        for item in node.childNodes:
            if item.nodeType != ELEMENT_NODE or item.qname[0] != TEXT:
                continue
            if item.qname[1] == "list-item":
                label = self.advance(run, depth, _attr(item, TEXT, "start-value"))
                self.item(item, in_table, lists + [(run, depth)], label)
            elif item.qname[1] == "list-header":
                self.item(item, in_table, lists + [(run, depth)], None)

    def advance(self, run: _ListRun, depth: int, start_value: str | None) -> str | None:
        levels = self.styles.get(run.style, {})
        level = levels.get(depth, ListLevel(num_format="1", suffix="."))
        if start_value:
            run.counters[depth] = int(start_value)
        else:
            run.counters[depth] = run.counters[depth] + 1 if depth in run.counters else level.start
        for deeper in [k for k in run.counters if k > depth]:
            del run.counters[deeper]
        if not level.num_format:
            return None
        shown = range(max(1, depth - level.display_levels + 1), depth + 1)
        numbers = [_format(run.counters.get(k, levels.get(k, ListLevel()).start), levels.get(k, level).num_format
                           or "1") for k in shown]
        return (level.prefix + ".".join(numbers) + level.suffix).strip() or None

    def item(self, item, in_table: bool, lists: builtins.list[tuple[_ListRun, int]],  # noqa: ANN001 - `list` is a method here
             label: str | None) -> None:
        first = True
        for child in item.childNodes:
            if child.nodeType != ELEMENT_NODE or child.qname[0] != TEXT:
                continue
            if child.qname[1] in ("p", "h"):
                self.paragraph(child, in_table, label if first else None, level=lists[-1][1] - 1)
                first = False
            elif child.qname[1] == "list":
                self.list(child, in_table, lists)

    def row(self, row) -> None:  # noqa: ANN001
        first = len(self.blocks)
        for cell in row.childNodes:
            if cell.nodeType == ELEMENT_NODE and cell.qname == (TABLE, "table-cell"):
                self.walk(cell, in_table=True, lists=[])
        row_blocks = self.blocks[first:]
        if len(row_blocks) >= 2 and not any(b.label for b in row_blocks) \
                and sum(len(b.text) for b in row_blocks) <= ROW_LINE_CHARS:
            self.blocks[first:] = [Block(text=" ".join(b.text for b in row_blocks), in_table=True)]

    def paragraph(self, node, in_table: bool, label: str | None, level: int | None = None) -> None:  # noqa: ANN001
        parts: list[str] = []
        _collect(node, parts)
        text = _SPACES.sub(" ", "".join(parts).replace("\n", " ")).strip()
        if not text:
            return
        style = _attr(node, TEXT, "style-name")
        self.blocks.append(Block(text=f"{label} {text}" if label else text, label=label, style=style,
                                 level=level if label else None, in_table=in_table))


def _collect(node, parts: list[str]) -> None:  # noqa: ANN001
    for child in node.childNodes:
        if child.nodeType == TEXT_NODE:
            parts.append(child.data)
            continue
        if child.nodeType != ELEMENT_NODE:
            continue
        namespace, name = child.qname
        if namespace == TEXT and name == "s":
            parts.append(" " * int(_attr(child, TEXT, "c") or 1))
        elif namespace == TEXT and name == "tab":
            parts.append("\t")
        elif namespace == TEXT and name == "line-break":
            parts.append("\n")
        elif namespace == TEXT and name in SKIPPED_INLINE:
            continue
        elif namespace == TEXT:
            _collect(child, parts)
