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
from openpyxl import load_workbook
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
    wait_until,
)

from tracker.control.export import EXPORT_HEADER
from tracker.root import DRAFTS_FOLDER

ARTEFACTS = ROOT / "test-artifacts"
_ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]")
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1600,1000")


def chromium(profile: Path, downloads: Path) -> webdriver.Chrome:
    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert binary and driver, "Debian's chromium and chromium-driver are needed (make test installs them)"
    options = webdriver.ChromeOptions()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    # a person's browser: popups blocked; asked once, the person let the desk download several files
    options.add_experimental_option("excludeSwitches", ["disable-popup-blocking"])
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False,
                                              "profile.default_content_setting_values.automatic_downloads": 1})
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
def downloads(tmp_path) -> Path:
    """The browser's download folder."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def browser(tmp_path, downloads):
    opened = chromium(tmp_path / "profile", downloads)
    yield opened
    opened.quit()


def open_orders(browser: webdriver.Chrome, url: str) -> Screen:
    """Load the desk, skip the first run's letterhead question, open «Поручения» (F3)."""
    browser.get(url + "/?fontsize=14")
    screen = Screen(browser)
    screen.wait_for("Сводка")
    browser.find_element(By.ID, "terminal").click()  # focus the terminal, as a person does
    # a first run asks once for the drafts' letterhead (no act or setting gives it here): skip it
    screen.wait_for("Реквизиты для проектов документов")
    screen.keys(Keys.ESCAPE)
    screen.keys(Keys.F3)
    screen.wait_for("Поручения")
    screen.wait_for("на исполнении")
    return screen


def downloaded(folder: Path, suffix: str, within: float = 60) -> Path:
    """The file the browser finished downloading into `folder` (Chrome writes *.crdownload first)."""
    deadline = time.monotonic() + within
    while True:
        done = [path for path in folder.iterdir() if path.suffix == suffix]
        if done and not any(path.suffix == ".crdownload" for path in folder.iterdir()):
            return done[0]
        assert time.monotonic() < deadline, f"no {suffix} file was downloaded: {list(folder.iterdir())}"
        time.sleep(0.5)


def test_a_clerk_works_in_the_browser_and_the_cli_sees_the_change(tmp_path, browser):
    db = sample_database(tmp_path)
    with serving(db) as served:
        screen = open_orders(browser, served.url)
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


def test_the_export_key_in_the_browser_downloads_the_orders_shown_as_xlsx(tmp_path, browser, downloads):
    db = sample_database(tmp_path)
    with serving(db) as served:
        screen = open_orders(browser, served.url)  # the filter on: «Незакрытые»
        screen.chord(Keys.CONTROL, "e")
        screen.wait_for("браузер скачивает файл")
        xlsx = downloaded(downloads, ".xlsx")
        assert served.desks() == 1
        # the tab goes to another address (the browser may keep the page in its back/forward cache,
        # its websocket open): the desk's process ends all the same
        browser.get("about:blank")
        assert wait_until(lambda: served.desks() == 0, within=30), "the desk outlived the page"
    assert xlsx.name.startswith("поручения-")
    sheet = load_workbook(xlsx)["Поручения"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == EXPORT_HEADER
    # the same orders as the CLI lists for the same filter, in the same order (by deadline)
    listed = tracker("orders", "--open", "--json", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    open_ids = [json.loads(line)["id"][:8] for line in listed.stdout.splitlines() if line.strip()]
    assert [row[0] for row in rows[1:]] == open_ids and open_ids
    assert not list((db.parent / DRAFTS_FOLDER).glob("*.xlsx")), "the export was left on the server's disk"


def test_a_draft_made_in_the_browser_is_downloaded(tmp_path, browser, downloads):
    db = sample_database(tmp_path)
    with serving(db) as served:
        screen = open_orders(browser, served.url)
        screen.keys(Keys.F6)
        screen.wait_for("Проекты документов")
        screen.chord(Keys.CONTROL, "g")
        screen.wait_for("браузер скачивает", within=120)
        docx = downloaded(downloads, ".docx")
        # the quarterly draft's change sheet comes second: no keypress of its own, so it must not be
        # started as a popup (the browser would block it)
        sheet = downloaded(downloads, ".xlsx")
        desk_tab = browser.current_window_handle
        browser.switch_to.new_window("tab")
        browser.switch_to.window(desk_tab)
        browser.close()  # the clerk closes the desk's tab: its process ends
        assert wait_until(lambda: served.desks() == 0, within=30), "the desk outlived its closed tab"
    kept = db.parent / DRAFTS_FOLDER  # the draft is also kept beside the database
    assert docx.read_bytes() == (kept / docx.name).read_bytes()
    assert sheet.read_bytes() == (kept / sheet.name).read_bytes()
    assert load_workbook(sheet).sheetnames
