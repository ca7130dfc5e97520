"""The fuzzing suite's tally: every test adds the inputs it ran; the total is printed at the end
of the session (also under `pytest -q`), so CI logs show how many mutated files were tried."""
from __future__ import annotations

import time

import pytest
from fuzz_stats import STATS


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001
    if not STATS.inputs:
        return
    per_target = ", ".join(f"{name} {count}/{STATS.refusals.get(name, 0)}"
                           for name, count in sorted(STATS.inputs.items()))
    terminalreporter.write_line(
        f"fuzz: {STATS.total} mutated inputs in {STATS.seconds:.0f} s, no traceback; refused with a "
        f"Russian message {STATS.refused}, read {STATS.total - STATS.refused} (inputs/refused: {per_target})")


@pytest.fixture(autouse=True)
def _timed():
    started = time.perf_counter()
    yield
    STATS.seconds += time.perf_counter() - started
