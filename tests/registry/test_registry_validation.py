"""Cell validation: page addresses per network, Russian phones, emails, да/нет, kinds."""
import pytest

from tracker.registry.models import Network, OrgKind
from tracker.registry.validation import (
    CellError,
    normalise_email,
    normalise_phone,
    normalise_url,
    parse_kind,
    parse_yes_no,
)


@pytest.mark.parametrize(("raw", "network", "expected"), [
    ("https://vk.com/club803281612", Network.VK, "https://vk.com/club803281612"),
    ("vk.com/adm_city", Network.VK, "https://vk.com/adm_city"),
    ("http://m.vk.com/public1/", Network.VK, "https://vk.com/public1"),
    ("https://vk.ru/club5?w=wall", Network.VK, "https://vk.com/club5"),
    ("ok.ru/group/22500762064502", Network.OK, "https://ok.ru/group/22500762064502"),
    ("https://t.me/news_channel", Network.TELEGRAM, "https://t.me/news_channel"),
    ("@news_channel", Network.TELEGRAM, "https://t.me/news_channel"),
])
def test_page_addresses_are_normalised(raw, network, expected):
    assert normalise_url(raw, network) == expected


@pytest.mark.parametrize(("raw", "network", "reason"), [
    ("vk.com/", Network.VK, "нет страницы после vk.com/"),
    ("https://vk.com", Network.VK, "нет страницы после vk.com/"),
    ("https://ok.ru/group/1", Network.VK, "ведёт не на vk.com"),
    ("https://vk.com/club1", Network.OK, "ведёт не на ok.ru"),
    ("страница школы", Network.VK, "не похож на ссылку"),
])
def test_bad_page_addresses_say_what_is_wrong(raw, network, reason):
    with pytest.raises(CellError, match=reason):
        normalise_url(raw, network)


@pytest.mark.parametrize(("raw", "expected"), [
    ("+7 (4212) 74-93-44", "+7 (4212) 74-93-44"),
    ("8 (4212) 749344", "+7 (4212) 74-93-44"),
    ("89141234567", "+7 (914) 123-45-67"),
    ("+7 914 123 45 67", "+7 (914) 123-45-67"),
    ("(42135) 2-11-33 доб. 12", "+7 (42135) 2-11-33, доб. 12"),
])
def test_russian_phones_are_normalised(raw, expected):
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize(("raw", "reason"), [
    ("12-34", "слишком короткий"),
    ("+7 (4212) 74-93-44-55-66", "слишком длинный"),
    ("звонить секретарю", "лишние знаки"),
])
def test_bad_phones_are_rejected(raw, reason):
    with pytest.raises(CellError, match=reason):
        normalise_phone(raw)


def test_emails_are_checked_and_lowered():
    assert normalise_email(" SMM1@Edu27.ru ") == "smm1@edu27.ru"
    with pytest.raises(CellError, match="нет знака @"):
        normalise_email("smm58.edu27.ru")
    with pytest.raises(CellError, match="записан неверно"):
        normalise_email("smm@edu27")


@pytest.mark.parametrize(("raw", "expected"), [
    ("да", True), ("Да", True), ("+", True), ("нет", False), ("НЕТ", False), ("", None),
])
def test_yes_no_cells(raw, expected):
    assert parse_yes_no(raw) is expected


def test_a_yes_no_cell_with_another_word_is_an_error():
    with pytest.raises(CellError, match="ни «да», ни «нет»"):
        parse_yes_no("возможно")


def test_kinds_accept_the_usual_spellings():
    assert parse_kind("ОМСУ") is OrgKind.MUNICIPAL
    assert parse_kind("Подведомственное учреждение") is OrgKind.SUBORDINATE
    assert parse_kind("орган власти") is OrgKind.AUTHORITY
    with pytest.raises(CellError, match="не распознан"):
        parse_kind("кооператив")
