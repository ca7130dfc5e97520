"""The desk's fake service is the real control service's Protocol, no more and no less.

If ControlServiceAPI gains or changes a method, the fake must follow (and so must the desk's
tests); a method only the fake has would let the desk call what the real service lacks.
"""
from __future__ import annotations

import inspect

from tui_fakes import FakeService

from tracker.control.api import ControlServiceAPI
from tracker.control.service import ControlService

# what the tests use to build a scene on the fake; never called by the desk
SCENE_BUILDERS = {"add_act", "add_order"}  # add_executor builds scenes and is the protocol's too


def protocol_members() -> dict[str, object]:
    return {name: value for name, value in vars(ControlServiceAPI).items()
            if not name.startswith("_") and callable(value)}


def public_methods(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_") and callable(getattr(cls, name))}


def test_the_fake_has_exactly_the_protocols_methods():
    assert public_methods(FakeService) - SCENE_BUILDERS == set(protocol_members())


def test_the_fake_takes_the_same_parameters_as_the_protocol():
    for name, member in protocol_members().items():
        expected = list(inspect.signature(member).parameters)
        assert list(inspect.signature(getattr(FakeService, name)).parameters) == expected, name


def test_the_real_service_implements_every_method_of_the_protocol():
    for name, member in protocol_members().items():
        expected = list(inspect.signature(member).parameters)
        assert list(inspect.signature(getattr(ControlService, name)).parameters) == expected, name
