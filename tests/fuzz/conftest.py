"""The fuzzing suite's tally: every test adds the inputs it ran; the total is printed at the end
of the session (also under `pytest -q`), so CI logs show how many mutated files were tried."""
from __future__ import annotations

import time

import pytest
from fuzz_stats import STATS


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001
    if not STATS.inputs:
        return
    per_target = ", ".join(f"{name} {count}" for name, count in sorted(STATS.inputs.items()))
    terminalreporter.write_line(
        f"fuzz: {STATS.total} mutated inputs in {STATS.seconds:.0f} s ({per_target}); "
        f"refused with a message: {STATS.refused}, read: {STATS.total - STATS.refused}")


@pytest.fixture(autouse=True)
def _timed():
    started = time.perf_counter()
    yield
    STATS.seconds += time.perf_counter() - started
