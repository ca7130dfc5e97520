"""Fixtures for the desk's tests: a fixed clock, a known data set, and helpers to read the screen."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from tui_helpers import TODAY

from tui.app import TrackerApp, make_app


def _load_fakes():
    """fakes.py under a unique module name: test folders have no __init__.py, names must not clash."""
    if "tui_fakes" not in sys.modules:
        spec = importlib.util.spec_from_file_location("tui_fakes", Path(__file__).with_name("fakes.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules["tui_fakes"] = module
        spec.loader.exec_module(module)
    return sys.modules["tui_fakes"]


_fakes = _load_fakes()
FakeService = _fakes.FakeService
sample_service = _fakes.sample_service



@pytest.fixture
def fake():
    return sample_service()


@pytest.fixture
def fake_app(fake) -> TrackerApp:
    return make_app(fake, today=TODAY)
