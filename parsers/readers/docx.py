"""Word .docx acts: body paragraphs and table cells in document order, numbers rebuilt.

Headers and footers live in their own parts and are never walked. Content controls
(w:sdt), tracked insertions, hyperlinks and smart tags are walked into; deleted text,
field instructions and hidden runs are left out. Text boxes anchored in a paragraph are
read as blocks of their own before it. Word's automatic numbering is rebuilt by
parsers.readers.numbering and prepended to the block text («1.1. текст»).
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from parsers.errors import ReadError
from parsers.model import Block, ReadDocument
from parsers.readers.archive import check_archive
from parsers.readers.damage import raised_by_library
from parsers.readers.numbering import Numbering, W

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Containers whose children are read as if they stood in their place.
TRANSPARENT = {W + tag for tag in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "hyperlink",
                                   "fldSimple", "moveTo", "dir", "bdo")}
SKIPPED = {W + tag for tag in ("del", "moveFrom", "instrText", "delText", "sdtPr", "sdtEndPr", "rPr", "pPr",
                               "footnoteReference", "endnoteReference", "commentReference")}
ROW_LINE_CHARS = 160  # longer rows are real tables: keep a block per cell paragraph
_SPACES = re.compile(r"[ \t\u00a0]+")


def read_docx(path: Path) -> ReadDocument:
    check_archive(path, "Word (.docx)")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            document = docx.Document(str(path))
        except PackageNotFoundError:
            raise _broken(path) from None
        except ValueError as error:  # .docm / .dotx: python-docx refuses their content type
            if "content type" not in str(error):
                raise
            body, numbering_root, styles_root = _raw_parts(path)
        else:
            body = getattr(document.element, "body", None)
            if body is None:  # the main part is some other XML (parts swapped or renamed)
                raise _broken(path)
            numbering_root = _part_element(document.part, "numbering_part")
            styles_root = _part_element(document.part, "_styles_part")
        style_names = _style_names(styles_root)
    except ReadError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, zipfile.LargeZipFile) as error:
        raise _broken(path, error) from None
    except Exception as error:  # lxml.etree.XMLSyntaxError and other damage inside the package
        if type(error).__module__.startswith(("lxml", "docx")) or raised_by_library(error):
            raise _broken(path, error) from None
        raise
    walker = _BodyWalker(Numbering(numbering_root, styles_root), style_names)
    walker.walk(body, in_table=False)
    if not walker.blocks:
        raise ReadError(str(path), "в документе Word нет текста",
                        "Если это скан, вставленный картинкой, нужно распознавание текста (OCR); "
                        "иначе проверьте, что выбран нужный файл")
    return ReadDocument.build("docx", walker.blocks, walker.warnings)


def _broken(path: Path, error: Exception | None = None) -> ReadError:
    return ReadError(str(path), "файл .docx повреждён или обрезан и не открывается как документ Word",
                     "Откройте его в Word или LibreOffice и сохраните заново, или возьмите исходный файл ещё раз")


def _raw_parts(path: Path):  # noqa: ANN202
    """(body, numbering root, styles root) straight from the zip, for Word files python-docx
    will not open (macro-enabled documents, templates). Entities are never resolved."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())

        def part(name: str):  # noqa: ANN202
            return etree.fromstring(archive.read(name), parser) if name in names else None

        document = part("word/document.xml")
        numbering, styles = part("word/numbering.xml"), part("word/styles.xml")
    body = document.find(W + "body") if document is not None else None
    if body is None:
        raise KeyError("word/document.xml has no body")
    return body, numbering, styles


def _part_element(document_part, attribute: str):  # noqa: ANN001, ANN202
    """numbering/styles part's XML root, or None when the document has none."""
    try:
        part = getattr(document_part, attribute)
    except (KeyError, NotImplementedError, AttributeError):
        return None
    return getattr(part, "element", None)


def _style_names(styles_root) -> dict[str, str]:  # noqa: ANN001
    names: dict[str, str] = {}
    if styles_root is None:
        return names
    for style in styles_root.iter(W + "style"):
        name = style.find(W + "name")
        names[style.get(W + "styleId") or ""] = name.get(W + "val") if name is not None else ""
    return names


class _BodyWalker:
    """Walks the body in document order, collecting blocks."""

    def __init__(self, numbering: Numbering, style_names: dict[str, str]) -> None:
        self.numbering = numbering
        self.style_names = style_names
        self.blocks: list[Block] = []
        self.warnings: list[str] = []

    def walk(self, container, in_table: bool) -> None:  # noqa: ANN001
        for child in container:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, in_table)
            elif tag == W + "tbl":
                self.table(child)
            elif tag in TRANSPARENT or tag == MC + "AlternateContent":
                self.walk(_choice(child), in_table)

    def table(self, table) -> None:  # noqa: ANN001
        for row in table.iter(W + "tr"):
            if row.getparent() is not table and _nearest_table(row) is not table:
                continue  # rows of nested tables are walked through their cell
            cells = []
            for cell in row:
                if cell.tag == W + "tc":
                    cells.append(cell)
                elif cell.tag in TRANSPARENT:  # a content control around cells
                    cells.extend(inner for inner in cell.iter(W + "tc") if _nearest_table(inner) is table)
            cells = [cell for cell in cells if not _is_vmerge_continuation(cell)]
            first = len(self.blocks)
            for cell in cells:
                self.walk(cell, in_table=True)
            self._join_row(first)

    def _join_row(self, first: int) -> None:
        """A row of one-paragraph cells reads as one printed line («30.06.2023 № 1611-п»)."""
        row_blocks = self.blocks[first:]
        if len(row_blocks) < 2 or any(block.label for block in row_blocks):
            return
        if sum(len(block.text) for block in row_blocks) > ROW_LINE_CHARS:
            return
        self.blocks[first:] = [Block(text=" ".join(block.text for block in row_blocks), in_table=True)]

    def paragraph(self, paragraph, in_table: bool) -> None:  # noqa: ANN001
        ppr = paragraph.find(W + "pPr")
        style_id = num_id = None
        ilvl = None
        if ppr is not None:
            style_el = ppr.find(W + "pStyle")
            style_id = style_el.get(W + "val") if style_el is not None else None
            num_pr = ppr.find(W + "numPr")
            if num_pr is not None:
                num_el, ilvl_el = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
                num_id = num_el.get(W + "val") if num_el is not None else None
                if ilvl_el is not None:
                    try:
                        ilvl = int(ilvl_el.get(W + "val") or 0)
                    except ValueError:
                        ilvl = 0
        for box in _text_boxes(paragraph):
            self.walk(box, in_table)
        text = _paragraph_text(paragraph)
        label, level = self.numbering.number(num_id, ilvl, style_id)
        if not text:
            return
        style = self.style_names.get(style_id or "") or style_id
        block_text = f"{label} {text}" if label else text
        self.blocks.append(Block(text=block_text, label=label, style=style, level=level, in_table=in_table))


def _choice(alternate):  # noqa: ANN001, ANN202
    """mc:AlternateContent holds the same content twice: read the first Choice only."""
    if alternate.tag != MC + "AlternateContent":
        return alternate
    choice = alternate.find(MC + "Choice")
    return choice if choice is not None else (alternate.find(MC + "Fallback") or [])


def _nearest_table(element):  # noqa: ANN001, ANN202
    parent = element.getparent()
    while parent is not None and parent.tag != W + "tbl":
        parent = parent.getparent()
    return parent


def _is_vmerge_continuation(cell) -> bool:  # noqa: ANN001
    tcpr = cell.find(W + "tcPr")
    vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
    return vmerge is not None and vmerge.get(W + "val") in (None, "continue")


def _text_boxes(paragraph) -> list:  # noqa: ANN001
    """w:txbxContent inside this paragraph's drawings, once each (not the VML fallback copy)."""
    boxes = []
    for box in paragraph.iter(W + "txbxContent"):
        ancestor, duplicate = box.getparent(), False
        while ancestor is not None and ancestor is not paragraph:
            if ancestor.tag == MC + "Fallback":
                duplicate = True
                break
            ancestor = ancestor.getparent()
        if not duplicate:
            boxes.append(box)
    return boxes


def _paragraph_text(paragraph) -> str:  # noqa: ANN001
    parts: list[str] = []
    _collect(paragraph, parts)
    text = "".join(parts).replace("\n", " ")
    return _SPACES.sub(" ", text).strip()


def _collect(element, parts: list[str]) -> None:  # noqa: ANN001
    for child in element:
        tag = child.tag
        if tag in SKIPPED:
            continue
        if tag == W + "r":
            if _hidden(child):
                continue
            _collect_run(child, parts)
        elif tag == MC + "AlternateContent":
            _collect(_choice(child), parts)
        elif tag == W + "txbxContent" or tag == W + "p":
            continue  # text boxes are blocks of their own
        else:
            _collect(child, parts)


def _collect_run(run, parts: list[str]) -> None:  # noqa: ANN001
    for child in run:
        tag = child.tag
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "sym":
            parts.append(_symbol(child.get(W + "char")))
        elif tag == MC + "AlternateContent":
            _collect(_choice(child), parts)


def _symbol(code: str | None) -> str:
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:  # symbol-font private area: keep plain ASCII only
        value -= 0xF000
        return chr(value) if 0x20 <= value < 0x7F else ""
    return chr(value)


def _hidden(run) -> bool:  # noqa: ANN001
    rpr = run.find(W + "rPr")
    vanish = rpr.find(W + "vanish") if rpr is not None else None
    return vanish is not None and vanish.get(W + "val") not in ("0", "false", "off")
