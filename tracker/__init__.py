"""tracker: the domain of controlling the execution of orders (поручения).

Rooms: models (records), statuses, deadlines and the working-day calendar, services,
registry, drafting and the CLI. Imports parsers and db; never textual.
"""
__version__ = "0.1.0"
