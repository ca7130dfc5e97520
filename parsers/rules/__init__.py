"""Extraction rules, one module per thing extracted (header, structure, orders, executors,
deadlines, controller, amendments). Rules see text only, never files."""
