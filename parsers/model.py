"""The parsers' own records: what a reader produces (blocks) and what extraction produces.

Spans are character offsets into ReadDocument.text (== ParseResult.text).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

SURE = 0.8  # a field whose confidence is at least this is shown as sure; below, marked for checking


def is_sure(confidence: float | None) -> bool:
    """Is a field found with this confidence sure enough to show unmarked?"""
    return confidence is not None and confidence >= SURE


@dataclass(slots=True)
class Block:
    """One paragraph or table cell in document order.

    `text` is the paragraph as a reader would see it printed: where Word numbers the
    paragraph automatically, the rebuilt number is prepended («1.1. текст»), so the rules
    see the same text for .docx, .pdf and .txt. `label` keeps that automatic number alone.
    """

    text: str
    label: str | None = None
    style: str | None = None
    level: int | None = None
    in_table: bool = False
    start: int = 0  # offset of this block in ReadDocument.text, set by ReadDocument.build
    confidence: float | None = None  # mean OCR word confidence, 0..1; None for a block not read by OCR


@dataclass(slots=True)
class ReadDocument:
    """What a reader returns: the format, the blocks and the joined text they make."""

    format: str
    blocks: list[Block]
    text: str = ""
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, format: str, blocks: list[Block], warnings: list[str] | None = None) -> ReadDocument:
        """Join blocks with newlines and record each block's offset."""
        parts: list[str] = []
        offset = 0
        kept: list[Block] = []
        for block in blocks:
            block.start = offset
            parts.append(block.text)
            kept.append(block)
            offset += len(block.text) + 1
        return cls(format=format, blocks=kept, text="\n".join(parts), warnings=list(warnings or []))


@dataclass(slots=True)
class Party:
    """An executor, co-executor or controller as the act names it."""

    as_written: str
    name: str | None = None  # nominative form
    person: str | None = None  # the official, nominative («О.Г. Константинова»)
    span: tuple[int, int] | None = None
    confidence: float = 0.0  # how sure the rule that found this party was (parsers/rules/sureness.py)


@dataclass(slots=True)
class Signatory:
    position: str | None = None
    person: str | None = None


@dataclass(slots=True)
class Deadline:
    text: str | None = None  # the original words
    date: date | None = None
    recurrence: str | None = None  # постоянно | ежедневно | еженедельно | ежемесячно | ежеквартально | раз в полгода | ежегодно
    relative: str | None = None  # «в течение 3 рабочих дней с даты создания»
    span: tuple[int, int] | None = None
    confidence: float = 0.0  # how sure the rule that found this deadline was


@dataclass(slots=True)
class ActRef:
    kind: str | None = None
    number: str | None = None
    date: date | None = None
    text: str = ""


@dataclass(slots=True)
class DocumentInfo:
    kind: str | None = None
    number: str | None = None
    date: date | None = None
    issuer: str | None = None
    title: str | None = None
    amends: list[ActRef] = field(default_factory=list)
    cancels: list[ActRef] = field(default_factory=list)
    controller: Party | None = None
    signatory: Signatory | None = None
    # how sure the rule was of each detail found: kind, number, date, issuer, title -> 0..1
    confidence: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class ExtractedOrder:
    number: str
    parent: str | None
    text: str
    span: tuple[int, int]
    responsible: list[Party] = field(default_factory=list)
    coexecutors: list[Party] = field(default_factory=list)
    deadline: Deadline | None = None
    confidence: float = 0.0
    in_quoted_amendment: bool = False  # set out by the quoted new wording of an amended act


@dataclass(slots=True)
class ParseResult:
    source: str
    format: str | None = None
    error: str | None = None
    text: str = ""
    document: DocumentInfo = field(default_factory=DocumentInfo)
    orders: list[ExtractedOrder] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Spans of the text read by OCR with their confidence (0..1); empty for typed text.
    read_lines: list[tuple[int, int, float]] = field(default_factory=list)

    def to_json(self) -> dict:
        """The object `tracker parse --json` prints (shared/docs/extraction-contract.md)."""

        def conv(value):  # dates -> ISO, tuples -> lists, recursively
            if isinstance(value, date):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: conv(v) for k, v in value.items()}
            if isinstance(value, list | tuple):
                return [conv(v) for v in value]
            return value

        doc = conv(asdict(self.document))
        orders = []
        for order in self.orders:
            data = conv(asdict(order))
            data["deadline"] = data["deadline"] or {"text": None, "date": None, "recurrence": None, "relative": None,
                                                    "confidence": 0.0}
            orders.append(data)
        return {
            "source": self.source,
            "error": self.error,
            "format": self.format,
            "document": doc,
            "orders": orders,
            "warnings": list(self.warnings),
        }
