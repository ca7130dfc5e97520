"""Counters the fuzz tests fill and conftest prints."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Stats:
    inputs: dict[str, int] = field(default_factory=dict)
    refused: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.inputs.values())

    def count(self, target: str, refused: bool) -> None:
        self.inputs[target] = self.inputs.get(target, 0) + 1
        self.refused += refused


STATS = Stats()
