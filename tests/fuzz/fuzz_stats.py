"""Counters the fuzz tests fill and conftest prints."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Stats:
    inputs: dict[str, int] = field(default_factory=dict)
    refusals: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.inputs.values())

    @property
    def refused(self) -> int:
        return sum(self.refusals.values())

    def count(self, target: str, refused: bool) -> None:
        self.inputs[target] = self.inputs.get(target, 0) + 1
        self.refusals[target] = self.refusals.get(target, 0) + refused


STATS = Stats()
