"""pdfplumber's char dicts, built without its general-purpose object walk.

pdfplumber turns every pdfminer layout object into a dict through Page.process_object, which
resolves each attribute recursively and decodes the colour space name again for every char:
about half of the time a text PDF takes to read. A char of an act holds only plain values
(numbers, strings, a matrix of numbers), so `fast_chars(page)` builds the very same dict
(the same keys, in the same order, with the same values) directly, and hands anything else —
a figure, an image, a char with an unusual attribute — to pdfplumber's own code.
tests/parsers/test_pdf_chars.py holds it to pdfplumber's output on every PDF it can find.
"""
from __future__ import annotations

from types import MethodType
from typing import Any
from unicodedata import normalize as normalize_unicode

from pdfminer.layout import LTChar
from pdfplumber.page import ALL_ATTRS, Page
from pdfplumber.utils.pdfinternals import resolve_and_decode

_PLAIN = (float, int, str, bool, type(None))
_DECODED: dict[Any, Any] = {}  # colour space names as pdfplumber decodes them


def fast_chars(page: Page) -> Page:
    """Make `page` build its chars the fast way (the page itself, for chaining)."""
    page.process_object = MethodType(_process_object, page)  # type: ignore[method-assign]
    return page


def _process_object(page: Page, obj: Any) -> dict[str, Any]:
    if type(obj) is not LTChar:
        return Page.process_object(page, obj)
    attr: dict[str, Any] = {}
    for key, value in obj.__dict__.items():
        if key not in ALL_ATTRS:
            continue
        kind = type(value)
        if kind is tuple and all(type(v) in _PLAIN for v in value):
            attr[key] = tuple(value)
        elif kind in _PLAIN:
            attr[key] = value
        else:  # a reference to resolve, a list, bytes: pdfplumber's own way
            return Page.process_object(page, obj)
    if not isinstance(attr.get("fontname"), str):
        return Page.process_object(page, obj)
    attr["object_type"] = "char"
    attr["page_number"] = page.page_number
    if hasattr(obj, "ncs"):
        name = obj.ncs.name
        try:
            decoded = _DECODED[name]
        except (KeyError, TypeError):
            decoded = resolve_and_decode(name)
            if type(name) is str:
                _DECODED[name] = decoded
        attr["ncs"] = decoded
    if hasattr(obj, "scs"):
        attr["scs"] = resolve_and_decode(obj.scs.name)
    text = obj.get_text()
    norm = page.pdf.unicode_norm
    attr["text"] = normalize_unicode(norm, text) if norm is not None else text
    state = obj.graphicstate
    attr["stroking_color"] = state.scolor if isinstance(state.scolor, tuple) else (state.scolor,)
    attr["non_stroking_color"] = state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,)
    mb_x0, mb_top = page.mediabox[:2]
    if "y0" in attr:
        attr["top"] = (page.height - attr["y1"]) + mb_top
        attr["bottom"] = (page.height - attr["y0"]) + mb_top
        attr["doctop"] = page.initial_doctop + attr["top"]
    if "x0" in attr and mb_x0 != 0:
        attr["x0"] = attr["x0"] + mb_x0
        attr["x1"] = attr["x1"] + mb_x0
    return attr
