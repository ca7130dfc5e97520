"""`tracker serve`: a desk process per browser session, a cap on them, idle sessions that end, and
no desk left behind by a closed tab or a killed server."""
from __future__ import annotations

import asyncio
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote

import aiohttp
import pytest
from served import desk_processes, sample_database, serving, tracker, wait_until

from cli.web import content_disposition


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    return sample_database(tmp_path_factory.mktemp("served"))


async def open_desk(session: aiohttp.ClientSession, url: str) -> aiohttp.ClientWebSocketResponse:
    """Connect as the browser page does and wait until the desk has drawn something."""
    websocket = await session.ws_connect(url.replace("http", "ws") + "/ws?width=120&height=40")
    await websocket.send_json(["resize", {"width": 120, "height": 40}])
    while True:
        message = await asyncio.wait_for(websocket.receive(), timeout=60)
        if message.type == aiohttp.WSMsgType.BINARY and len(message.data) > 10:
            return websocket
        assert message.type not in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED), "the desk did not start"


def page(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_page_is_in_russian_and_asks_for_nothing_from_other_hosts(database):
    with serving(database) as served:
        status, html = page(served.url + "/")
    assert status == 200 and 'lang="ru"' in html and "Контроль исполнения поручений" in html
    assert "googleapis" not in html and "https://" not in html


async def test_a_visitor_past_the_cap_gets_a_russian_page_and_no_desk(database):
    with serving(database, "--max-sessions", "1") as served:
        async with aiohttp.ClientSession() as session:
            first = await open_desk(session, served.url)
            status, html = page(served.url + "/")
            assert status == 503 and "Все места заняты" in html and "1 из 1" in html
            refused = await session.ws_connect(served.url.replace("http", "ws") + "/ws")
            message = await asyncio.wait_for(refused.receive(), timeout=30)
            assert message.type == aiohttp.WSMsgType.CLOSE and message.data == 1013
            assert served.desks() == 1
            await first.close()
            assert wait_until(lambda: page(served.url + "/")[0] == 200, within=30)


async def test_the_desk_gets_its_database_in_its_environment_not_on_its_command_line(database):
    # a server address may carry a password, and every local user can read a command line (ps)
    with serving(database) as served:
        async with aiohttp.ClientSession() as session:
            websocket = await open_desk(session, served.url)
            [desk] = desk_processes(served.process.pid)
            command = Path(f"/proc/{desk}/cmdline").read_bytes().decode()
            environment = Path(f"/proc/{desk}/environ").read_bytes().decode().split("\x00")
            await websocket.close()
    assert "cli.main" in command and str(database) not in command
    assert f"TRACKER_DB={database}" in environment


async def test_a_closed_tab_frees_its_desk_process(database):
    with serving(database) as served:
        async with aiohttp.ClientSession() as session:
            websocket = await open_desk(session, served.url)
            assert served.desks() == 1
            await websocket.close()
        assert wait_until(lambda: served.desks() == 0, within=30), "the desk outlived its closed tab"


async def test_an_idle_session_ends_and_frees_its_process(database):
    with serving(database, "--idle-minutes", "0.05") as served:  # 3 seconds
        async with aiohttp.ClientSession() as session:
            websocket = await open_desk(session, served.url)
            closed = False
            while not closed:  # keep reading what the desk draws, type nothing
                message = await asyncio.wait_for(websocket.receive(), timeout=60)
                closed = message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        assert wait_until(lambda: served.desks() == 0, within=30), "the idle desk kept its process"


def test_serve_refuses_a_server_database_nobody_could_log_in_to(pg_url):
    refused = tracker("serve", "--db", pg_url, "--port", "1")
    assert refused.returncode == 1
    assert "нет учётных записей" in refused.stderr and "tracker users add" in refused.stderr
    assert "Traceback" not in refused.stderr


async def test_a_desk_whose_server_is_killed_ends_by_itself(database):
    with serving(database) as served:
        async with aiohttp.ClientSession() as session:
            await open_desk(session, served.url)
            assert served.desks() == 1
            served.process.kill()  # no chance to close its desks (killed, out of memory)
            served.process.wait(timeout=30)
        assert wait_until(lambda: served.desks() == 0, within=30), "the desk outlived its server"


async def test_every_browser_session_has_a_desk_process_of_its_own(database):
    with serving(database) as served:
        async with aiohttp.ClientSession() as session:
            first = await open_desk(session, served.url)
            second = await open_desk(session, served.url)
            assert served.desks() == 2
            await first.close()
            assert wait_until(lambda: served.desks() == 1, within=30)
            await second.send_json(["stdin", "\x1bOR"])  # F3 in the second tab: its desk still answers
            drawn = b""
            while "Поручения".encode() not in drawn:
                message = await asyncio.wait_for(second.receive(), timeout=60)
                assert message.type == aiohttp.WSMsgType.BINARY, "the second tab's desk went away"
                drawn += message.data


@pytest.mark.parametrize("name", ["поручения-2026-11-02.xlsx", "проект постановления «о реестре».docx",
                                  'отчёт "итог"; 1.xlsx'])
def test_a_download_keeps_its_russian_file_name_with_spaces_and_quotes(name):
    header = content_disposition(name)
    assert header.isascii() and header.startswith("attachment; ")  # an HTTP header is ASCII
    plain, encoded = header.removeprefix("attachment; ").split("; ")
    assert re.fullmatch(r'filename="[\w. -]*"', plain, re.ASCII)  # a name for old clients: plain ASCII
    assert encoded.startswith("filename*=UTF-8''")
    assert unquote(encoded.removeprefix("filename*=UTF-8''")) == name  # browsers take this one (RFC 6266)
