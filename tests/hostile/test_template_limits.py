"""Issue 13.3: a clerk-edited template cannot hang the desk, eat the memory or read a file.

The templates are built here. Each hostile one is refused by `tracker draft check` (nothing
rendered), and the limits that depend on the data are refused while rendering, always with one
Russian line naming the expression and no file written.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.drafting.data import ActRef, Letterhead, ListGroup, QuarterlyData, Registration
from tracker.drafting.engine import make_env, render_docx
from tracker.drafting.errors import TemplateProblem
from tracker.drafting.sandbox import MAX_LOOP_STEPS, MAX_RANGE, MAX_TEXT, TemplateLimit
from tracker.drafting.service import DraftingService


def template(tmp_path: Path, *paragraphs: str, name: str = "шаблон.docx") -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(tmp_path / name)
    return tmp_path / name


def quarterly(groups: int = 0) -> QuarterlyData:
    return QuarterlyData(org=Letterhead(name="Администрация", name_genitive="Администрации"), reg=Registration(),
                         as_of=date(2026, 10, 1), base_act=ActRef(title="Об организации"), list_subject="",
                         groups=[ListGroup(name=f"Район {n}") for n in range(groups)])


def one_russian_line(message: str, *names: str) -> None:
    assert "\n" not in message and "Traceback" not in message and "шаблон" in message.lower()
    for name in names:
        assert name in message


# -- what `draft check` refuses (the templates) -----------------------------------------
CHECK_REFUSES = [
    ("{% for i in range(100000000) %}x{% endfor %}", "range(100000000)"),
    ("{% include '/etc/passwd' %}", "include"),
    ("{% import 'x.html' as x %}", "import"),
    ("{% extends 'base.docx' %}", "extends"),
    ("{{ 'a' * 3000000000 }}", "3000000000"),
    ("{{ 'a'.ljust(3000000000) }}", "3000000000"),
    ("{{ 'a'|center(3000000000) }}", "3000000000"),
    ("{{ '%3000000000s' % 'a' }}", "поле формата"),
    ("{{ 2 ** 100000 }}", "2 ** 100000"),
    # found by hand after the first round: each was approved by the check and refused by rendering
    ("{% for i in range(9000) %}{% for j in range(9000) %}x{% endfor %}{% endfor %}", "вложенные циклы"),
    ("{{ 10 ** 10 ** 10 }}", "10 ** 10 ** 10"),
    ("{{ ('a' * 1000000) * 1000 }}", "слишком длинную строку"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "обращение к «__class__» запрещено"),
    ("{% set d = {} %}{% for i in range(10) %}{% set _ = d.update({i: 'x'}) %}{% endfor %}",
     "изменять списки и словари в шаблоне нельзя («d.update»)"),
    ("{{ lipsum(100000, false, 100000, 100001) }}", "нет «lipsum»"),
]


@pytest.mark.parametrize(("text", "named"), CHECK_REFUSES)
def test_draft_check_refuses_what_rendering_would_refuse(tmp_path, text, named):
    path = template(tmp_path, "Начало {{ as_of_text }}", text)
    with pytest.raises(TemplateProblem) as caught:
        DraftingService(store=None).check("quarterly", path)
    one_russian_line(str(caught.value), path.name, named)


def test_an_unclosed_placeholder_that_would_swallow_a_paragraph_is_refused(tmp_path):
    """«{{ period » then a paragraph then «{{ … }}»: docxtpl joins them into one expression and
    the middle paragraph vanishes from the draft. The check names the paragraph instead."""
    path = template(tmp_path, "Период: {{ period ", "Важный абзац", "}} итого {{ today|dmy }}")
    with pytest.raises(TemplateProblem) as caught:
        DraftingService(store=None).check("report", path)
    one_russian_line(str(caught.value), "Период: {{ period", "не закрыто {{ … }}")


def test_the_bundled_templates_pass_the_check():
    service = DraftingService(store=None)
    for kind in ("quarterly", "report", "reminders"):
        assert service.check(kind).exists()


def test_cli_draft_check_prints_one_line_and_no_traceback(tmp_path):
    from cli.main import build_app

    path = template(tmp_path, "{% for i in range(100000000) %}x{% endfor %}")
    result = CliRunner().invoke(build_app(), ["draft", "check", "quarterly", str(path)])
    assert result.exit_code == 1 and "range(100000000)" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


# -- limits that depend on the data: refused while rendering ------------------------------------
def test_loops_over_the_data_are_counted_across_nesting(tmp_path):
    path = template(tmp_path, "{% for a in groups %}{% for b in groups %}{% for c in groups %}"
                              "{{ c.name }}{% endfor %}{% endfor %}{% endfor %}")
    out = tmp_path / "проект.docx"
    with pytest.raises(TemplateProblem) as caught:
        render_docx(path, quarterly(groups=100), out)
    one_russian_line(str(caught.value), str(MAX_LOOP_STEPS), " in groups %}")
    assert not out.exists()


def test_a_small_loop_over_the_data_renders(tmp_path):
    path = template(tmp_path, "{% for g in groups %}{{ g.name }}; {% endfor %}")
    out = render_docx(path, quarterly(groups=3), tmp_path / "проект.docx")
    import docx

    assert "Район 0; Район 1; Район 2;" in "\n".join(p.text for p in docx.Document(out).paragraphs)


@pytest.mark.parametrize(("source", "variables", "named"), [
    ("{% for i in range(n) %}{% endfor %}", {"n": 100_000_000}, "range(100000000)"),
    ("{{ 'a' * n }}", {"n": 3_000_000_000}, "3000000000"),
    ("{{ s * n }}", {"s": "ab", "n": MAX_TEXT}, "слишком длинную строку"),
    ("{{ 'a'.ljust(n) }}", {"n": 3_000_000_000}, "3000000000"),
    ("{{ 'a'|center(n) }}", {"n": 3_000_000_000}, "3000000000"),
    ("{{ ('%' ~ n ~ 's') % 'a' }}", {"n": 3_000_000_000}, "поле формата"),
    ("{{ s.replace('a', t) }}", {"s": "a" * 2000, "t": "b" * 2000}, "замена"),
    ("{{ s|replace('a', t) }}", {"s": "a" * 2000, "t": "b" * 2000}, "замена"),
    ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
     {}, "слишком длинную строку"),
    ("{{ n ** n }}", {"n": 1000}, "слишком большое число"),
    ("{% for i in range(9000) %}{% for j in range(9000) %}{% endfor %}{% endfor %}", {}, "шагов"),
    ("{% for i in range(5000) %}{{ s }}{% endfor %}", {"s": "x" * 1_000_000 * 1}, "млн знаков"),
    # megabyte strings kept in a list: each is under the string limit, together they would be 10 GB
    ("{% set ns = namespace(l=[]) %}{% for i in range(10000) %}{% set ns.l = ns.l + ['x' * n] %}{% endfor %}",
     {"n": 1_000_000}, "создали больше 50 млн знаков"),
])
def test_render_limits(source, variables, named):
    with pytest.raises(TemplateLimit) as caught:
        make_env().from_string(source).render(**variables)
    assert named in str(caught.value)


def test_a_list_or_dict_is_not_changed_in_place_while_rendering():
    from jinja2.sandbox import SecurityError

    with pytest.raises(SecurityError, match="update"):
        make_env().from_string("{% set _ = d.update({1: 2}) %}").render(d={})


def test_the_range_limit_allows_a_document_sized_loop():
    assert make_env().from_string("{% for i in range(n) %}.{% endfor %}").render(n=MAX_RANGE) == "." * MAX_RANGE


def test_escaping_still_applies_inside_the_guards():
    rendered = make_env().from_string("{{ name }}|{{ name ~ '!' }}|<w:t/>").render(name="A & B <x>")
    assert rendered == "A &amp; B &lt;x&gt;|A &amp; B &lt;x&gt;!|<w:t/>"


def test_include_at_render_time_is_refused_without_a_loader_error():
    with pytest.raises(TemplateLimit, match="запрещена"):
        make_env().from_string("{% include name %}").render(name="/etc/passwd")


@pytest.mark.parametrize(("text", "said"), [
    ("{{ 1 // (groups|length) }}", "деление на ноль"),
    ("{% for g in groups recursive %}{{ loop(groups) }}{% endfor %}", "сам себя"),
])
def test_a_failing_expression_is_one_russian_line(tmp_path, text, said):
    path = template(tmp_path, text)
    with pytest.raises(TemplateProblem) as caught:
        render_docx(path, quarterly(groups=1), tmp_path / "проект.docx") if "loop" in text else \
            render_docx(path, quarterly(groups=0), tmp_path / "проект.docx")
    one_russian_line(str(caught.value), path.name, said)


def test_a_missing_value_at_render_time_is_named_in_russian(tmp_path):
    """The check resolves names by type; an Optional left empty only fails while rendering."""
    path = template(tmp_path, "{{ previous_update.title }}")
    with pytest.raises(TemplateProblem) as caught:
        render_docx(path, quarterly(), tmp_path / "проект.docx")
    one_russian_line(str(caught.value), "нет поля «title»")


def test_a_sandbox_refusal_is_told_in_russian(tmp_path):
    """The sandbox's own refusals are English («access to attribute … is unsafe»): the clerk reads Russian."""
    path = template(tmp_path, "{{ org.name.__class__ }}")
    with pytest.raises(TemplateProblem) as caught:
        DraftingService(store=None).check("quarterly", path)
    one_russian_line(str(caught.value), path.name, "обращение к «__class__» запрещено")
    from jinja2.sandbox import SecurityError

    from tracker.drafting.sandbox import security_in_russian

    assert security_in_russian(SecurityError("access to attribute 'append' of 'list' object is unsafe.")) == \
        "изменять списки и словари в шаблоне нельзя («.append»)"
    assert "unsafe" not in security_in_russian(SecurityError("access to attribute 'mro' of 'type' object is unsafe."))
