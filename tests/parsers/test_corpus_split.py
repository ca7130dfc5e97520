"""The real corpus is split by source site, and a new site's half is fixed by its name alone (issue 9)."""
from __future__ import annotations

from scripts.assign_halves import half_by_hash, known_halves, site_of


def test_a_site_is_its_host_with_the_garant_kremlin_and_github_groups():
    assert site_of("https://www.dinskoi-raion.ru/gosserv/818/12411/") == "dinskoi-raion.ru"
    assert site_of("https://base.garant.ru/404521328") == site_of("http://www.garant.ru/x") == "garant.ru"
    assert site_of("http://special.kremlin.ru/acts/bank/1") == "kremlin.ru"
    assert site_of("https://github.com/vlsergey/kremlin2wikisource/blob/master/test/a.txt") == "kremlin.ru"
    assert site_of("https://github.com/someone/acts/blob/main/x.html") == "github.com/someone/acts"


def test_a_new_sites_half_depends_on_its_name_only():
    assert {half_by_hash(f"site{i}.ru") for i in range(20)} == {"rules", "measured"}
    assert half_by_hash("gmolo.ru") == half_by_hash("gmolo.ru")


def test_sites_already_split_keep_their_half():
    halves = known_halves()
    assert halves["kremlin.ru"] == "rules"  # the rules were first written against kremlin.ru acts
    assert halves["garant.ru"] == "rules"
    assert "measured" in halves.values()
