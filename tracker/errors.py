"""The domain's exception hierarchy: one base, Russian messages a clerk can act on."""


class TrackerError(Exception):
    """Base of every tracker error; str() is the message shown to the user."""


class NotFoundError(TrackerError):
    pass


class InvalidTransitionError(TrackerError):
    """A status change the rules do not allow (e.g. accept an order with no report)."""


class ValidationError(TrackerError):
    """Input the user gave is not valid (a date in the past, an empty reason...)."""


class ImportFailure(TrackerError):
    """A file could not be imported; the message names the file and what to do."""
