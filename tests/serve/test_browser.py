"""The served desk in a real browser: Debian's chromium, driven headless through Selenium.

The terminal is drawn on a canvas, so what the desk shows is read from the websocket frames
the browser received (Chrome's performance log), and a screenshot is kept as an artefact.
"""
from __future__ import annotations

import base64
import json
import re
import shutil
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from served import (
    ADMIN,
    CONTROLLER,
    ROOT,
    as_person,
    sample_database,
    server_sample_database,
    serving,
    tracker,
)

ARTEFACTS = ROOT / "test-artifacts"
_ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]")
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1600,1000")


def chromium(profile: Path) -> webdriver.Chrome:
    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert binary and driver, "Debian's chromium and chromium-driver are needed (make test installs them)"
    options = webdriver.ChromeOptions()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=options)


class Screen:
    """What the desk drew in the browser so far, as text (escape sequences removed)."""

    def __init__(self, browser: webdriver.Chrome) -> None:
        self.browser = browser
        self.received = b""

    def text(self) -> str:
        for entry in self.browser.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.webSocketFrameReceived":
                frame = message["params"]["response"]
                if frame["opcode"] == 2:
                    self.received += base64.b64decode(frame["payloadData"])
        return _ESCAPES.sub("", self.received.decode("utf-8", "replace"))

    def wait_for(self, words: str, within: float = 60) -> None:
        deadline = time.monotonic() + within
        while words not in self.text():
            assert time.monotonic() < deadline, f"«{words}» did not appear in the browser"
            time.sleep(0.5)

    def chord(self, modifier: str, key: str) -> None:
        ActionChains(self.browser).key_down(modifier).send_keys(key).key_up(modifier).perform()
        time.sleep(0.4)

    def keys(self, *keys: str) -> None:
        for key in keys:
            ActionChains(self.browser).send_keys(key).perform()
            time.sleep(0.4)


@pytest.fixture
def browser(tmp_path):
    opened = chromium(tmp_path / "profile")
    yield opened
    opened.quit()


def test_a_clerk_works_in_the_browser_and_the_cli_sees_the_change(tmp_path, browser):
    db = sample_database(tmp_path)
    with serving(db) as served:
        browser.get(served.url + "/?fontsize=14")
        screen = Screen(browser)
        screen.wait_for("Сводка")
        browser.find_element(By.ID, "terminal").click()  # focus the terminal, as a person does
        # a first run asks once for the drafts' letterhead (no act or setting gives it here): skip it
        screen.wait_for("Реквизиты для проектов документов")
        screen.keys(Keys.ESCAPE)
        screen.keys(Keys.F3)
        screen.wait_for("Поручения")
        screen.wait_for("на исполнении")
        screen.keys(Keys.ENTER)  # the first order's card
        screen.wait_for("Отчёт получен")
        screen.keys("r")
        screen.wait_for("Отметить")
        screen.keys("Отчёт из браузера")
        screen.chord(Keys.CONTROL, "s")  # save the dialog
        screen.wait_for("Отчёт отмечен")
        ARTEFACTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(ARTEFACTS / "served-desk.png"))
    shown = tracker("orders", "--status", "на приёмке", "--json", "--db", str(db))
    assert shown.returncode == 0, shown.stderr
    rows = [json.loads(line) for line in shown.stdout.splitlines() if line.strip()]  # JSON Lines
    # the first order by deadline (which one depends on the sample acts' terms): one order on acceptance
    assert len(rows) == 1, "the report made in the browser is not in the database"
    card = tracker("show", rows[0]["id"], "--db", str(db))
    assert "Отчёт из браузера" in card.stdout
    assert (ARTEFACTS / "served-desk.png").stat().st_size > 10_000


def test_a_controller_logs_in_on_the_server_database_and_the_cli_sees_the_change(browser, pg_url):
    url = server_sample_database(pg_url)
    with serving(url) as served:
        browser.get(served.url + "/?fontsize=14")
        screen = Screen(browser)
        screen.wait_for("Вход в систему")
        browser.find_element(By.ID, "terminal").click()
        screen.keys(CONTROLLER[0], Keys.ENTER, "не тот пароль", Keys.ENTER)
        screen.wait_for("Неверное имя пользователя или пароль")
        screen.keys(CONTROLLER[1], Keys.ENTER)
        screen.wait_for("На контроле")  # the dashboard of a контролёр (no letterhead question: not theirs)
        screen.wait_for("Иванова А.П.")
        screen.keys(Keys.F3)
        screen.wait_for("на исполнении")
        screen.keys(Keys.ENTER)  # the first order's card
        screen.wait_for("Отчёт получен")
        screen.keys("r")
        screen.wait_for("Отметить")
        screen.keys("Отчёт из браузера")
        screen.chord(Keys.CONTROL, "s")
        screen.wait_for("Отчёт отмечен")
        ARTEFACTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(ARTEFACTS / "served-desk-server.png"))
    admin = as_person(*ADMIN)
    shown = tracker("orders", "--status", "на приёмке", "--json", "--db", url, env=admin)
    assert shown.returncode == 0, shown.stderr
    rows = [json.loads(line) for line in shown.stdout.splitlines() if line.strip()]
    assert len(rows) == 1, "the report made in the browser is not in the server database"
    card = tracker("show", rows[0]["id"], "--db", url, env=admin)
    assert "Отчёт из браузера" in card.stdout
    assert " ivanova: " in card.stdout  # the history names who made the change in the browser
    assert (ARTEFACTS / "served-desk-server.png").stat().st_size > 10_000
