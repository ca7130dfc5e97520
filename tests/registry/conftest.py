"""Fixtures: a service on a memory store with a fixed clock, a fake calendar and a recording order sink."""
from __future__ import annotations

from pathlib import Path

import pytest
from registry_fakes import IMPORT_DAY, FakeRegistry, RecordingSink, make_registry, weekdays_only

from db import MemoryStore
from tracker.registry.service import RegistryService


@pytest.fixture
def registry() -> FakeRegistry:
    return make_registry()


@pytest.fixture
def sink() -> RecordingSink:
    return RecordingSink()


@pytest.fixture
def service(sink: RecordingSink) -> RegistryService:
    return RegistryService(MemoryStore(), order_sink=sink, working_days=weekdays_only,
                           today=lambda: IMPORT_DAY, who="тест")


@pytest.fixture
def loaded(service: RegistryService, registry: FakeRegistry, tmp_path: Path) -> RegistryService:
    """A service holding the generated registry, imported on IMPORT_DAY."""
    path = registry.write_csv(tmp_path / "registry.csv")
    service.commit_import(service.preview_import(path, when=IMPORT_DAY))
    return service
