"""Coverage of the registry by district: connected to «Госпаблики» X of Y, state marks, gaps.

Counts are additive, so the service keeps one running aggregate in the store and adjusts it
on each write (coverage answers at once on 200,000 rows); `compute` rebuilds it from records.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

NO_DISTRICT = "(район не указан)"
COUNTS = ("institutions", "exempt", "obliged", "connected", "with_page", "with_mark", "without_mark",
          "no_page", "no_responsible")


@dataclass(slots=True)
class DistrictCoverage:
    district: str
    institutions: int = 0  # in the registry (not removed)
    exempt: int = 0  # exempt from keeping pages by an act
    obliged: int = 0  # institutions - exempt: the Y of «подключено X из Y»
    connected: int = 0  # connected to «Госпаблики» (among obliged)
    with_page: int = 0
    with_mark: int = 0  # with a page and the state mark
    without_mark: int = 0  # with a page, no state mark
    no_page: int = 0  # obliged, no page at all
    no_responsible: int = 0

    def line(self) -> str:
        """«Краевые учреждения: подключено 49 из 52»."""
        return f"{self.district}: подключено {self.connected} из {self.obliged}"

    @property
    def share(self) -> float | None:
        return self.connected / self.obliged if self.obliged else None


@dataclass(slots=True)
class Gap:
    record_id: str
    organisation: str
    district: str


@dataclass(slots=True)
class CoverageReport:
    districts: list[DistrictCoverage]  # sorted by name
    total: DistrictCoverage
    no_page: list[Gap] = field(default_factory=list)
    no_responsible: list[Gap] = field(default_factory=list)


def contribution(data: dict[str, Any]) -> dict[str, int]:
    """What one stored record adds to its district's counts (zeros for a removed one)."""
    if data.get("removed"):
        return dict.fromkeys(COUNTS, 0)
    exempt = bool(data.get("exempt"))
    has_page = bool(data.get("page_vk") or data.get("page_ok") or data.get("page_telegram"))
    marked = bool(data.get("state_mark"))
    return {
        "institutions": 1,
        "exempt": int(exempt),
        "obliged": int(not exempt),
        "connected": int(not exempt and data.get("gospubliki") is True),
        "with_page": int(has_page),
        "with_mark": int(has_page and marked),
        "without_mark": int(has_page and not marked),
        "no_page": int(not exempt and not has_page),
        "no_responsible": int(not (data.get("full_name") or "").strip()),
    }


class Aggregate:
    """Running coverage: per-district counts and the institutions with gaps."""

    def __init__(self, state: dict[str, Any] | None = None) -> None:
        state = state or {}
        self.districts: dict[str, dict[str, int]] = state.get("districts", {})
        self.no_page: dict[str, list[str]] = state.get("no_page", {})
        self.no_responsible: dict[str, list[str]] = state.get("no_responsible", {})

    def add(self, data: dict[str, Any], sign: int = 1) -> None:
        district = data.get("district") or NO_DISTRICT
        counts = self.districts.setdefault(district, dict.fromkeys(COUNTS, 0))
        part = contribution(data)
        for name, value in part.items():
            counts[name] += sign * value
        if counts["institutions"] <= 0 and all(v == 0 for v in counts.values()):
            del self.districts[district]
        entry = [data.get("organisation", ""), district]
        for name, gaps in (("no_page", self.no_page), ("no_responsible", self.no_responsible)):
            if part[name]:
                if sign > 0:
                    gaps[data["id"]] = entry
                else:
                    gaps.pop(data["id"], None)

    def replace(self, old: dict[str, Any] | None, new: dict[str, Any]) -> None:
        if old is not None:
            self.add(old, -1)
        self.add(new, 1)

    def state(self) -> dict[str, Any]:
        return {"districts": self.districts, "no_page": self.no_page, "no_responsible": self.no_responsible}

    def report(self) -> CoverageReport:
        rows = [DistrictCoverage(name, **counts) for name, counts in sorted(self.districts.items())]
        total = DistrictCoverage("Всего")
        for row in rows:
            for name in COUNTS:
                setattr(total, name, getattr(total, name) + getattr(row, name))

        def gaps(source: dict[str, list[str]]) -> list[Gap]:
            items = [Gap(rid, org, district) for rid, (org, district) in source.items()]
            return sorted(items, key=lambda g: (g.district, g.organisation))

        return CoverageReport(rows, total, gaps(self.no_page), gaps(self.no_responsible))


def compute(records: Iterable[dict[str, Any]]) -> Aggregate:
    aggregate = Aggregate()
    for data in records:
        aggregate.add(data)
    return aggregate
