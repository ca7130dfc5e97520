"""Drafting: .docx documents from templates (ГОСТ Р 7.0.97-2025) over plain data.

    from tracker.drafting.service import DraftingService
    from tracker.drafting.engine import render_docx, check_template

Modules: data (what templates see), dates (Russian dates, blanks), placeholders (the check of
a template against the data), engine (docxtpl in a sandbox, atomic writes), config (the
«drafting» settings), quarterly (the list, its changes, the change sheet), report (.xlsx),
sources (adapters from the registry and control services), service (the facade).
"""
