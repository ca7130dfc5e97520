"""The drafting engine: a .docx template + plain data -> a .docx draft, checked before written.

docxtpl renders the template with jinja2's SandboxedEnvironment (autoescape on, so «&» and
«<…>» in names survive as text). Before rendering, every placeholder is checked against the
data's type (tracker.drafting.placeholders); an unknown one is reported by name and no file
is written. The result is written to a temporary file and renamed, never left half-done.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from russian_errors import os_problem
from tracker.drafting.dates import dmy, ru_date
from tracker.drafting.errors import DraftError, TemplateProblem
from tracker.drafting.placeholders import fields_of, find_unknown

TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "templates"


@dataclass(slots=True)
class Layout:
    """Overrides from the «drafting» settings; empty values keep what the template has."""

    font: str = ""
    font_size: int = 0
    margins_mm: tuple[int, int, int, int] | None = None  # left, right, top, bottom


def make_env() -> SandboxedEnvironment:
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters["ru_date"] = ru_date
    env.filters["dmy"] = dmy
    return env


def template_path(name: str) -> Path:
    path = TEMPLATES_DIR / name
    if not path.exists():
        raise DraftError(f"Шаблон {path} не найден. Пересоздайте шаблоны: python templates/build_templates.py")
    return path


def _template_xml(template: Any) -> str:
    """The patched XML docxtpl will render: body, headers and footers."""
    from docx.oxml import parse_xml

    docx = template.docx
    xml = template.patch_xml(template.xml_to_string(docx._element.body))
    for rel in docx._part.rels.values():
        if rel.reltype in (template.HEADER_URI, template.FOOTER_URI) and rel.target_part.blob:
            xml += template.patch_xml(template.xml_to_string(parse_xml(rel.target_part.blob)))
    return xml


def _visible(text: str) -> str:
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()


def _check_container(path: Path) -> None:
    """A template is a file someone sent: refuse a zip bomb before docxtpl inflates it."""
    from parsers.errors import ReadError
    from parsers.readers.archive import check_archive

    try:
        check_archive(path, "Word (.docx)")
    except ReadError as error:
        raise TemplateProblem(f"Шаблон {error}") from None


def check_template(path: Path, data_type: type) -> None:
    """Raise TemplateProblem naming every unknown placeholder or filter; nothing is rendered."""
    from docxtpl import DocxTemplate

    _check_container(path)
    try:
        template = DocxTemplate(str(path))
        template.init_docx()
    except Exception as error:  # python-docx raises several unrelated types for a broken file
        raise TemplateProblem(f"Шаблон {path.name} не открывается как .docx ({error}). "
                              "Сохраните его в Word как «Документ Word (.docx)».") from None
    env = make_env()
    xml = _template_xml(template)
    try:
        tree = env.parse(xml)
    except TemplateSyntaxError as error:
        lines = xml.splitlines()
        near = _visible(lines[error.lineno - 1]) if error.lineno and error.lineno <= len(lines) else ""
        raise TemplateProblem(
            f"Шаблон {path.name}: ошибка в разметке ({error.message})"
            + (f" рядом с «{near[:120]}»" if near else "")
            + ". Проверьте, что каждое {{ … }} и {% … %} закрыто."
        ) from None
    unknown, bad_filters = find_unknown(tree, data_type, set(env.filters), set(env.tests))
    problems = []
    for item in unknown:
        hint = f" (есть: {', '.join(item.known)})" if item.known else ""
        problems.append(f"неизвестное поле «{{{{ {item.expression} }}}}»: нет «{item.missing}»{hint}")
    problems += [f"неизвестный фильтр «{name}»" for name in bad_filters]
    if problems:
        raise TemplateProblem(
            f"Шаблон {path.name}: " + "; ".join(problems)
            + ". Исправьте шаблон в Word; документ не создан."
        )


def context_of(data: Any) -> dict[str, Any]:
    """The top-level names a template sees: the data's fields and properties."""
    return {name: getattr(data, name) for name in fields_of(type(data))}


def render_docx(path: Path, data: Any, out: Path, layout: Layout | None = None) -> Path:
    """Check, render and write atomically; returns `out`."""
    from docxtpl import DocxTemplate

    check_template(path, type(data))
    template = DocxTemplate(str(path))
    try:
        template.render(context_of(data), jinja_env=make_env(), autoescape=True)
    except SecurityError as error:
        raise TemplateProblem(f"Шаблон {path.name}: недопустимое выражение ({error}); документ не создан.") from None
    except TemplateError as error:
        raise TemplateProblem(f"Шаблон {path.name}: {error}; документ не создан.") from None
    if layout is not None:
        apply_layout(template.docx, layout)
    save_atomically(out, template.save)
    return out


def save_atomically(out: Path, save: Any) -> None:
    """Write through a temporary file in the same folder, then rename: no half-written draft."""
    out = Path(out)
    if out.exists() and out.is_dir():
        raise DraftError(f"{out} — это папка; укажите имя файла, например {out / 'проект.docx'}")
    if not out.parent.exists():
        raise DraftError(f"Папки {out.parent} нет; создайте её или укажите другой путь в --out.")
    handle, tmp_name = tempfile.mkstemp(prefix=".draft-", suffix=out.suffix, dir=out.parent)
    os.close(handle)
    try:
        save(tmp_name)
        os.replace(tmp_name, out)
    except OSError as error:
        raise DraftError(f"Не удалось записать {out}: {os_problem(error)}. "
                         "Закройте файл в Word и повторите.") from None
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)


def apply_layout(document: Any, layout: Layout) -> None:
    """Font and margins from settings, over what the template has."""
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    if layout.margins_mm:
        left, right, top, bottom = layout.margins_mm
        for section in document.sections:
            section.left_margin, section.right_margin = Mm(left), Mm(right)
            section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    if not (layout.font or layout.font_size):
        return
    for style in document.styles:
        font = getattr(style, "font", None)
        if font is None:
            continue
        if layout.font and (font.name or style.name == "Normal"):
            font.name = layout.font
            rfonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
            if rfonts is not None:
                for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                    rfonts.set(qn(attr), layout.font)
        if layout.font_size and style.name == "Normal":
            font.size = Pt(layout.font_size)
