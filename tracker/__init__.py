"""tracker: the domain of controlling the execution of orders (поручения).

Rooms: models (records), statuses, deadlines, the working-day calendar (an object), the clock,
the feature packages control/, registry/ and drafting/, and root.py, which wires them on a
database (compose). Imports parsers and db; never textual, never a front end (cli, tui).
"""
__version__ = "0.1.0"
