"""Errors raised by readers. Every message is Russian and says what, why and what to do."""


class ParserError(Exception):
    """Base of all parser errors. str(error) is a one-line message for the clerk."""


class ReadError(ParserError):
    """A file could not be read as an act (unsupported, corrupt, encrypted, empty, scan, too big)."""

    def __init__(self, path: str, problem: str, advice: str) -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        super().__init__(f"{path}: {problem}. {advice}")
