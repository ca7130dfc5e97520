"""Drafting errors: Russian messages naming the template and what to fix in it."""
from tracker.errors import TrackerError


class DraftError(TrackerError):
    """A draft could not be made; nothing was written."""


class TemplateProblem(DraftError):
    """The template itself is wrong (unknown placeholder, broken tag): the clerk fixes it in Word."""
