"""Builders of test act files: .docx (python-docx + raw numbering XML) and .pdf (written by hand).

No fixture is read from outside the repository: every file a reader test needs is made here.
The PDFs use a byte font whose codes are Windows-1251 and whose glyph names are «uniXXXX»,
with fixed widths, so pdfplumber extracts Cyrillic text at positions the test controls.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# -- .docx --------------------------------------------------------------------------------------


def lvl(ilvl: int, fmt: str = "decimal", text: str = "%1.", start: int = 1, extra: str = "") -> str:
    """One <w:lvl> of an abstractNum."""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


def abstract_num(abstract_id: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def multilevel(abstract_id: int = 1) -> str:
    """The usual act numbering: «1.», «1.1.», «1.1.1.»."""
    return abstract_num(abstract_id, lvl(0, text="%1."), lvl(1, text="%1.%2."), lvl(2, text="%1.%2.%3."))


def numbering_xml(*parts: str) -> str:
    """A whole numbering.xml: abstractNums first, then nums (as Word requires)."""
    abstracts = [part for part in parts if part.startswith("<w:abstractNum")]
    others = [part for part in parts if not part.startswith("<w:abstractNum")]
    return f'<w:numbering xmlns:w="{W_NS}">{"".join(abstracts + others)}</w:numbering>'


@dataclass
class DocxBuilder:
    """Collects body content in order, then writes a real .docx with python-docx."""

    numbering: str | None = None
    styles: list[str] = field(default_factory=list)  # raw <w:style> elements added to styles.xml
    header: str | None = None
    footer: str | None = None
    _items: list[tuple[str, object]] = field(default_factory=list)

    def paragraph(self, text: str, num_id: int | None = None, ilvl: int | None = None,
                  style: str | None = None) -> DocxBuilder:
        self._items.append(("p", (text, num_id, ilvl, style)))
        return self

    def table(self, rows: list[list[str]]) -> DocxBuilder:
        self._items.append(("table", rows))
        return self

    def raw(self, body_xml: str) -> DocxBuilder:
        """Body XML (e.g. a w:sdt content control) with the w: prefix bound."""
        self._items.append(("raw", body_xml))
        return self

    def save(self, path: Path) -> Path:
        import docx
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn

        document = docx.Document()
        body = document.element.body
        for kind, item in self._items:
            if kind == "p":
                text, num_id, ilvl, style = item
                paragraph = document.add_paragraph(text)
                ppr = paragraph._p.get_or_add_pPr()
                if style:
                    style_el = parse_xml(f'<w:pStyle xmlns:w="{W_NS}" w:val="{style}"/>')
                    ppr.insert(0, style_el)
                if num_id is not None or ilvl is not None:
                    inner = ""
                    if ilvl is not None:
                        inner += f'<w:ilvl w:val="{ilvl}"/>'
                    if num_id is not None:
                        inner += f'<w:numId w:val="{num_id}"/>'
                    ppr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}">{inner}</w:numPr>'))
            elif kind == "table":
                rows = item
                table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
                for row_cells, row in zip(table.rows, rows, strict=False):
                    for cell, text in zip(row_cells.cells, row, strict=False):
                        cell.text = text
            else:
                element = parse_xml(f'<w:root xmlns:w="{W_NS}">{item}</w:root>')
                for child in list(element):
                    body.insert(len(body) - 1, child)  # before sectPr
        if self.header is not None:
            document.sections[0].header.paragraphs[0].text = self.header
        if self.footer is not None:
            document.sections[0].footer.paragraphs[0].text = self.footer
        if self.numbering is not None:
            document.part.numbering_part._element = parse_xml(self.numbering)
        styles_root = document.styles.element
        for style in self.styles:
            styles_root.append(parse_xml(style.replace("<w:style ", f'<w:style xmlns:w="{W_NS}" ', 1)))
        assert qn("w:body")  # python-docx namespaces are loaded
        path = Path(path)
        document.save(str(path))
        return path


def paragraph_style(style_id: str, num_id: int | None = None, ilvl: int | None = None,
                    based_on: str | None = None) -> str:
    """A paragraph style, optionally numbered (w:numPr in its w:pPr) and based on another."""
    num_pr = ""
    if num_id is not None or ilvl is not None:
        num_pr = "<w:numPr>"
        num_pr += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        num_pr += f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        num_pr += "</w:numPr>"
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_id}"/>{based}'
            f"<w:pPr>{num_pr}</w:pPr></w:style>")


def docx_bytes(builder: DocxBuilder, tmp_path: Path, name: str = "act.docx") -> bytes:
    return builder.save(tmp_path / name).read_bytes()


def zip_bomb_docx(path: Path, unpacked_mb: int = 40) -> Path:
    """A .docx-looking zip whose document.xml inflates from ~40 KB to `unpacked_mb` MB."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(chunk)
    return path


# -- .pdf ---------------------------------------------------------------------------------------

CHAR_WIDTH = 500  # every glyph is half an em wide: positions are easy to compute
PAGE_WIDTH, PAGE_HEIGHT = 595, 842


@dataclass
class PdfLine:
    x: float
    y: float  # distance from the top of the page to the line's baseline
    text: str
    size: float = 12


def text_width(text: str, size: float = 12) -> float:
    return len(text) * CHAR_WIDTH / 1000 * size


def _font_objects(cyrillic: bool = True) -> tuple[bytes, bytes]:
    """The font; with cyrillic=False its codes mean WinAnsi (Latin-1) letters, as in old broken PDFs."""
    differences = " ".join(f"/uni{ord(bytes([code]).decode('cp1251', errors='replace')):04X}"
                           for code in range(128, 256))
    if not cyrillic:
        differences = ""
    widths = " ".join([str(CHAR_WIDTH)] * 224)
    font = (f"<< /Type /Font /Subtype /Type1 /BaseFont /TestSans /FirstChar 32 /LastChar 255 "
            f"/Widths [{widths}] /FontDescriptor << /Type /FontDescriptor /FontName /TestSans /Flags 32 "
            f"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 "
            f"/StemV 80 >> /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding "
            + (f"/Differences [128 {differences}] " if differences else "") + ">> >>").encode()
    return font, b""


def _escape(text: str) -> bytes:
    raw = text.encode("cp1251", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_bytes(pages: list[list[PdfLine]], encrypt: bool = False, image_pages: set[int] | None = None,
              cyrillic_font: bool = True) -> bytes:
    """A PDF with the given lines on each page (and an image on pages listed in image_pages).

    Text is written as Windows-1251 bytes; cyrillic_font=False makes the font read those bytes
    as Latin-1 letters, the mojibake of old PDFs («Ïîñòàíîâëåíèå»)."""
    image_pages = image_pages or set()
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    font_body, _ = _font_objects(cyrillic_font)
    font_id = add(font_body)
    image_id = add(b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream")
    kids = []
    for number, lines in enumerate(pages, 1):
        ops = []
        if number in image_pages:
            ops.append(b"q 500 0 0 700 50 70 cm /Im1 Do Q")
        for line in lines:
            y = PAGE_HEIGHT - line.y
            ops.append(b"BT /F1 %.2f Tf %.2f %.2f Td (" % (line.size, line.x, y) + _escape(line.text) + b") Tj ET")
        stream = zlib.compress(b"\n".join(ops))
        content_id = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_id = add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
                      f"/Resources << /Font << /F1 {font_id} 0 R >> /XObject << /Im1 {image_id} 0 R >> >> "
                      f"/Contents {content_id} 0 R >>".encode())
        kids.append(page_id)
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    objects[pages_id - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                             f"/Count {len(kids)} >>").encode()
    encrypt_ref = b""
    if encrypt:  # standard security handler, RC4 40-bit, with a user password we do not give
        encrypt_id = add(b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
                         b"/O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>")
        encrypt_ref = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt_id, b"ab" * 16, b"ab" * 16)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for index, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % index + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog) + encrypt_ref
              + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


@dataclass
class Typesetter:
    """Lays paragraphs out as a word processor would: greedy wrapping, first-line indent,
    a gap between paragraphs, page breaks, and optional running header and page numbers."""

    left: float = 85
    right: float = 510  # the text block's right edge
    indent: float = 36
    top: float = 80
    bottom: float = 760
    size: float = 12
    leading: float = 18
    paragraph_gap: float = 0
    justify: bool = True  # every line but a paragraph's last one reaches the right edge
    header: str | None = None
    page_numbers: bool = True  # from page 2, centred at the top

    def layout(self, paragraphs: list[str | tuple[str, ...]]) -> list[list[PdfLine]]:
        """Paragraphs -> lines per page. A tuple is a pre-broken paragraph (its lines as given)."""
        pages: list[list[PdfLine]] = [[]]
        y = self.top
        for paragraph in paragraphs:
            lines = list(paragraph) if isinstance(paragraph, tuple) else self.wrap(paragraph)
            for index, text in enumerate(lines):
                if y > self.bottom:
                    pages.append([])
                    y = self.top
                x = self.left + (self.indent if index == 0 else 0)
                if self.justify and index < len(lines) - 1 and " " in text:
                    pages[-1].extend(self.justified(x, y, text))
                else:
                    pages[-1].append(PdfLine(x, y, text, self.size))
                y += self.leading
            y += self.paragraph_gap
        for number, page in enumerate(pages, 1):
            if self.header:
                page.insert(0, PdfLine(self.left, 40, self.header, 9))
            if self.page_numbers and number > 1:
                page.insert(0, PdfLine(PAGE_WIDTH / 2, 30, str(number), 10))
        return pages

    def justified(self, x: float, y: float, text: str) -> list[PdfLine]:
        """A line spread to the right edge: its words placed one by one."""
        words = text.split(" ")
        gap = (self.right - x - sum(text_width(word, self.size) for word in words)) / (len(words) - 1)
        placed = []
        for word in words:
            placed.append(PdfLine(x, y, word, self.size))
            x += text_width(word, self.size) + gap
        return placed

    def wrap(self, text: str) -> list[str]:
        lines: list[str] = []
        current = ""
        for word in text.split():
            start = self.left + (self.indent if not lines else 0)
            candidate = f"{current} {word}" if current else word
            if current and start + text_width(candidate, self.size) > self.right:
                lines.append(current)
                current = word
            else:
                current = candidate
        if current:
            lines.append(current)
        return lines

    def save(self, path: Path, paragraphs: list[str | tuple[str, ...]]) -> Path:
        path = Path(path)
        path.write_bytes(pdf_bytes(self.layout(paragraphs)))
        return path


def as_macro_enabled(docx_path: Path, docm_path: Path) -> Path:
    """The same document saved as Word's macro-enabled .docm (only its content type differs)."""
    with zipfile.ZipFile(docx_path) as source, zipfile.ZipFile(docm_path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            target.writestr(info, data)
    return Path(docm_path)
