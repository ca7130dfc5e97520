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


class StorageError(TrackerError):
    """The database could not do what was asked; the message says what to do (db.StoreError translated)."""


class ConflictError(StorageError):
    """The record changed underneath: another window or process saved it first."""


class LockedError(StorageError):
    """Another process holds the database for too long."""


class DamagedStoreError(StorageError):
    """The database file cannot be read; the message names the newest backup."""


class SchemaTooNewError(StorageError):
    """The database was written by a newer tracker."""
