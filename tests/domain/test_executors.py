"""One body however the acts spell it: dative or nominative, «обл.», «Минобразования»."""
import pytest

from tracker.executors import Directory, normalize

MINOBR = "Министерство образования Иркутской области"


@pytest.mark.parametrize("spelling", [
    "Министерству образования Иркутской области",
    "Министерство образования Иркутской обл.",
    "министерство образования иркутской области",
    "МИНИСТЕРСТВО ОБРАЗОВАНИЯ ИРКУТСКОЙ ОБЛАСТИ",
    "Министерство образования Иркутской области (Е.А. Терпугова)",
    "«Министерство образования Иркутской области»",
])
def test_spellings_of_one_body_share_a_key(spelling):
    assert normalize(spelling) == normalize(MINOBR)


def test_yo_and_abbreviations_of_places_are_normalised():
    assert normalize("Администрации г. Обнинска") == normalize("Администрация города Обнинска")
    assert normalize("Администрация Шелеховского р-на") == normalize("администрации шелеховского района")
    assert normalize("Управлению культуры и ёлочных игрушек") == normalize("управление культуры и елочных игрушек")


def test_different_bodies_stay_different():
    assert normalize("Министерство здравоохранения Иркутской области") != normalize(MINOBR)


def test_the_three_spellings_resolve_to_one_executor():
    directory = Directory()
    first = directory.resolve("Министерству образования Иркутской области", MINOBR)
    assert first.created
    second = directory.resolve("Министерство образования Иркутской обл.", None)
    third = directory.resolve("Минобразования", "Минобразования")
    assert second.executor.id == third.executor.id == first.executor.id
    assert len(directory) == 1
    assert first.executor.name == MINOBR
    assert "Минобразования" in first.executor.aliases


def test_a_short_name_is_not_merged_when_two_bodies_could_match():
    directory = Directory()
    directory.resolve(MINOBR, MINOBR)
    directory.resolve("Министерство образования Калужской области", None)
    assert directory.find("Минобразования") is None


def test_a_clerks_correction_is_learned_as_an_alias():
    directory = Directory()
    right = directory.resolve("Управление пресс-службы и информации Губернатора", None).executor
    directory.resolve("Пресс-служба", "Управление пресс-службы и информации Губернатора")  # corrected name
    assert directory.find("Пресс-служба") is right
    assert directory.find("Пресс-службе") is right  # the dative of the learned alias too
    assert "Пресс-служба" in right.aliases


def test_a_person_is_kept_for_the_body():
    directory = Directory()
    executor = directory.resolve("Министерству образования Иркутской области", MINOBR, "Е.А. Терпугова").executor
    assert executor.person == "Е.А. Терпугова"


def test_rename_keeps_the_old_name_as_an_alias():
    directory = Directory()
    executor = directory.resolve("Минздрав", "Минздрав").executor
    directory.rename(executor, "Министерство здравоохранения Иркутской области")
    assert directory.find("Министерству здравоохранения Иркутской области") is executor
    assert directory.find("Минздрав") is executor


def test_filter_text_finds_part_of_a_name():
    directory = Directory()
    directory.resolve(MINOBR, MINOBR)
    directory.resolve("Министерство здравоохранения Иркутской области", None)
    assert [e.name for e in directory.find_text("здравоохр")] == ["Министерство здравоохранения Иркутской области"]
