"""The drafting engine: a .docx template + plain data -> a .docx draft, checked before written.

docxtpl renders the template with jinja2's SandboxedEnvironment (autoescape on, so «&» and
«<…>» in names survive as text). Before rendering, every placeholder is checked against the
data's type (tracker.drafting.placeholders); an unknown one is reported by name and no file
is written. The result is written to a temporary file and renamed, never left half-done.
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SecurityError

from russian_errors import os_problem
from tracker.drafting.dates import dmy, ru_date
from tracker.drafting.errors import DraftError, TemplateProblem
from tracker.drafting.placeholders import fields_of, find_unknown
from tracker.drafting.sandbox import LimitedEnvironment, TemplateLimit, security_in_russian, static_problems

TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "templates"


@dataclass(slots=True)
class Layout:
    """Overrides from the «drafting» settings; empty values keep what the template has."""

    font: str = ""
    font_size: int = 0
    margins_mm: tuple[int, int, int, int] | None = None  # left, right, top, bottom


def make_env() -> LimitedEnvironment:
    env = LimitedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters["ru_date"] = ru_date
    env.filters["dmy"] = dmy
    return env


def template_path(name: str) -> Path:
    path = TEMPLATES_DIR / name
    if not path.exists():
        raise DraftError(f"Шаблон {path} не найден. Пересоздайте шаблоны: python templates/build_templates.py")
    return path


def _template_xml(template: Any, patched: bool = True) -> str:
    """The XML docxtpl will render (patched: runs merged, tags inside {{ }} removed), or as saved."""
    from docx.oxml import parse_xml

    docx = template.docx
    patch = template.patch_xml if patched else (lambda xml: xml)
    xml = patch(template.xml_to_string(docx._element.body))
    for rel in docx._part.rels.values():
        if rel.reltype in (template.HEADER_URI, template.FOOTER_URI) and rel.target_part.blob:
            xml += patch(template.xml_to_string(parse_xml(rel.target_part.blob)))
    return xml


_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.S)
_DELIMITERS = (("{{", "}}"), ("{%", "%}"), ("{#", "#}"))


def _unclosed_tags(xml: str) -> list[str]:
    """Paragraphs whose {{ }}, {% %} or {# #} do not close in the same paragraph. docxtpl would
    otherwise join everything up to the next «}}» into one expression and a paragraph vanishes."""
    problems = []
    for paragraph in _PARAGRAPH.findall(xml):
        text = _visible(paragraph)
        for opening, closing in _DELIMITERS:
            if text.count(opening) != text.count(closing):
                problems.append(f"ошибка в разметке: в абзаце «{text[:80]}» не закрыто {opening} … {closing}")
                break
    return problems


_SYNTAX = (
    (re.compile(r"expected token '(.+?)', got '(.+?)'"), "ожидалось «{0}», а стоит «{1}»"),
    (re.compile(r"unexpected end of template.*?'(\w+)'", re.S), "шаблон кончился, а блок не закрыт: нужен «{0}»"),
    (re.compile(r"unexpected end of template", re.S), "шаблон кончился посреди тега"),
    (re.compile(r"Encountered unknown tag '(.+?)'"), "неизвестный тег «{0}»"),
    (re.compile(r"unexpected '(.+?)'"), "лишний знак «{0}»"),
    (re.compile(r"unexpected char '(.+?)'"), "недопустимый знак «{0}»"),
)


def _syntax_in_russian(message: str | None) -> str:
    for pattern, russian in _SYNTAX:
        found = pattern.search(message or "")
        if found:
            return russian.format(*found.groups())
    return "разметка не разбирается"


def _visible(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()


def _check_container(path: Path) -> None:
    """A template is a file someone sent: refuse a zip bomb before docxtpl inflates it."""
    from parsers.errors import ReadError
    from parsers.readers.archive import ZipBombError, check_archive

    try:
        check_archive(path, "Word (.docx)")
    except ZipBombError as error:
        raise TemplateProblem(f"Шаблон {error}") from None
    except ReadError:
        pass  # not a zip at all: the opening below says so in the template's words


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
    unclosed = _unclosed_tags(_template_xml(template, patched=False))
    if unclosed:
        raise TemplateProblem(f"Шаблон {path.name}: " + "; ".join(unclosed)
                              + ". Закройте каждое {{ … }} и {% … %} в том же абзаце; документ не создан.")
    xml = _template_xml(template)
    try:
        tree = env.parse(xml)
    except TemplateSyntaxError as error:
        lines = xml.splitlines()
        near = _visible(lines[error.lineno - 1]) if error.lineno and error.lineno <= len(lines) else ""
        raise TemplateProblem(
            f"Шаблон {path.name}: ошибка в разметке ({_syntax_in_russian(error.message)})"
            + (f" рядом с «{near[:120]}»" if near else "")
            + ". Проверьте, что каждое {{ … }} и {% … %} закрыто."
        ) from None
    unknown, bad_filters = find_unknown(tree, data_type, set(env.filters), set(env.tests))
    problems = []
    for item in unknown:
        hint = f" (есть: {', '.join(item.known)})" if item.known else ""
        problems.append(f"неизвестное поле «{{{{ {item.expression} }}}}»: нет «{item.missing}»{hint}")
    problems += [f"неизвестный фильтр «{name}»" for name in bad_filters]
    problems += static_problems(tree)
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
    check_template(path, type(data))
    template = _filled(path, data)
    if layout is not None:
        apply_layout(template.docx, layout)
    save_atomically(out, template.save)
    return out


def check_by_filling(path: Path, data_type: type) -> None:
    """check_template, then fill the template with a sample of `data_type` (nothing is written):
    an expression that fails only on data is named before a real draft needs it."""
    from tracker.drafting.samples import sample_of

    check_template(path, data_type)
    _filled(path, sample_of(data_type))


def _filled(path: Path, data: Any) -> Any:
    """The template filled with `data` (a DocxTemplate); TemplateProblem in Russian on any failure."""
    from docxtpl import DocxTemplate

    template = DocxTemplate(str(path))
    try:
        template.render(context_of(data), jinja_env=make_env(), autoescape=True)
    except TemplateLimit as error:
        raise TemplateProblem(f"Шаблон {path.name}: {error}; документ не создан.") from None
    except SecurityError as error:
        raise TemplateProblem(f"Шаблон {path.name}: {security_in_russian(error)}; документ не создан.") from None
    except TemplateError as error:
        raise TemplateProblem(f"Шаблон {path.name}: {_render_error_in_russian(error)}; документ не создан.") from None
    except (ArithmeticError, RecursionError, MemoryError, TypeError, ValueError, LookupError) as error:
        # a clerk's expression failed on this data (1/0, a macro calling itself, ...): say so, no traceback
        raise TemplateProblem(f"Шаблон {path.name}: выражение в шаблоне не вычисляется "
                              f"({_RUNTIME.get(type(error).__name__, type(error).__name__)}); "
                              "исправьте шаблон в Word; документ не создан.") from None
    return template


_UNDEFINED = (
    (re.compile(r"'(.+?)' is undefined"), "нет значения «{0}»"),
    (re.compile(r"'(.+?)' has no attribute '(.+?)'"), "у «{0}» нет поля «{1}»"),
    (re.compile(r"(.+?) object has no element (.+)"), "в «{0}» нет элемента {1}"),
)


def _render_error_in_russian(error: TemplateError) -> str:
    """jinja2's runtime messages are English: the usual ones in Russian, naming the placeholder."""
    for pattern, russian in _UNDEFINED:
        found = pattern.search(str(error))
        if found:
            return f"в выражении {russian.format(*found.groups())}"
    return f"выражение не вычисляется ({type(error).__name__})"


_RUNTIME = {
    "ZeroDivisionError": "деление на ноль", "OverflowError": "слишком большое число",
    "RecursionError": "макрос или цикл вызывает сам себя без конца", "MemoryError": "не хватает памяти",
    "TypeError": "значения несовместимых типов", "ValueError": "недопустимое значение",
    "IndexError": "нет элемента с таким номером", "KeyError": "нет такого ключа",
}


def save_atomically(out: Path, save: Any) -> None:
    """Write through a temporary file in the same folder, then rename: no half-written draft."""
    out = Path(out)
    if out.exists() and out.is_dir():
        raise DraftError(f"{out} — это папка; укажите имя файла, например {out / 'проект.docx'}")
    if out.exists() and not out.is_file():
        # a device, pipe or socket: renaming over it would replace a system file when run as root
        raise DraftError(f"{out} — не обычный файл (устройство или канал); укажите имя файла .docx в --out.")
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
