"""LibreOffice opens every generated draft and converts it to PDF without complaint.

LibreOffice is a system package (`make test` installs it via scripts/system-deps.sh); without
it this test fails with a message saying how to install it, it is never skipped.
"""
from __future__ import annotations

import shutil
import subprocess

import pdfplumber
from drafting_samples import make_row

from tracker.drafting.engine import render_docx, template_path
from tracker.drafting.quarterly import group_rows


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, ("LibreOffice (soffice) не найден: установите его командой `bash scripts/system-deps.sh` "
                   "(или apt-get install libreoffice-writer-nogui fonts-liberation) и повторите тесты.")
    return found


def test_libreoffice_converts_every_draft_to_pdf(tmp_path, quarterly_data, report_data, reminder_data):
    quarterly_data.groups = group_rows([make_row(f"МБОУ «Школа № {n}»", f"Сотрудник {n}") for n in range(1, 25)])
    drafts = [
        render_docx(template_path("quarterly.docx"), quarterly_data, tmp_path / "quarterly.docx"),
        render_docx(template_path("report.docx"), report_data, tmp_path / "report.docx"),
        render_docx(template_path("reminders.docx"), reminder_data, tmp_path / "reminders.docx"),
    ]
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *map(str, drafts)],
        capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Error" not in result.stderr, result.stderr
    pages = {}
    for draft in drafts:
        pdf = draft.with_suffix(".pdf")
        assert pdf.exists() and pdf.stat().st_size > 1000, f"{pdf.name} не создан: {result.stderr}"
        with pdfplumber.open(pdf) as document:
            pages[draft.stem] = [page.extract_text() or "" for page in document.pages]
    first, second = pages["quarterly"][0], pages["quarterly"][1]
    assert "ПОСТАНОВЛЕНИЕ" in first and "ПОСТАНОВЛЯЮ:" in first
    assert not first.splitlines()[0].strip().isdigit()  # no number on page 1
    assert second.splitlines()[0].strip() == "2"  # page numbers from page 2, in the top margin
    assert "Приложение № 1" in second and "СПИСОК" in second  # the appendix starts on its own page
    assert len(pages["quarterly"]) >= 3  # the list runs on
    assert "ИНФОРМАЦИЯ" in pages["report"][0]
    assert len(pages["reminders"]) == 2  # one page per executor
    assert all("О сроках исполнения поручений" in page for page in pages["reminders"])
