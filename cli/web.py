"""`tracker serve`: the desk in a browser, one desk process per browser session (textual-serve).

textual-serve runs the desk command for each websocket; this server adds what a region needs
around it: a cap on the number of desks (a visitor past it gets a Russian page, HTTP 503),
an idle limit (a session with no keystroke for `idle_seconds` ends and frees its process; a
closed tab frees it at once), Russian pages, and no fonts fetched from elsewhere.
"""
from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp_jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

log = logging.getLogger("tracker.serve")

TEMPLATES = Path(__file__).with_name("web_templates")
DEFAULT_IDLE_SECONDS = 30 * 60
DEFAULT_MAX_SESSIONS = 10
_ACTIVITY = frozenset({"stdin", "resize", "focus"})  # what a person does; pings are the browser's own


def minutes(seconds: float) -> str:
    """«30» or «0,5»: minutes as a clerk reads them."""
    value = seconds / 60
    return f"{value:.0f}" if value >= 1 and value == int(value) else f"{value:.1f}".replace(".", ",")


def content_disposition(file_name: str, *, inline: bool = False) -> str:
    """`attachment; filename="…"; filename*=UTF-8''…`: the UTF-8 name for every browser, a plain
    ASCII one (any other character as «_») for a client that knows no better."""
    plain = "".join(c if c.isascii() and (c.isalnum() or c in "._- ") else "_" for c in file_name)
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{plain}\"; filename*=UTF-8''{quote(file_name, safe='')}"


class DeskServer(Server):
    """textual-serve's server with a session cap, an idle limit and Russian pages."""

    def __init__(self, command: str, *, host: str = "127.0.0.1", port: int = 8000, title: str,
                 max_sessions: int = DEFAULT_MAX_SESSIONS, idle_seconds: float = DEFAULT_IDLE_SECONDS,
                 public_url: str | None = None) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url,
                         templates_path=TEMPLATES)
        self.max_sessions = max_sessions
        self.idle_seconds = idle_seconds
        self.sessions = 0

    def initialize_logging(self) -> None:
        logging.basicConfig(level="INFO", format="%(asctime)s %(message)s", datefmt="%d.%m.%Y %H:%M:%S")

    async def on_startup(self, app: web.Application) -> None:
        log.info("Рабочее место открыто по адресу %s (мест: %d; простой до %s мин). Остановить: Ctrl+C.",
                 self.public_url, self.max_sessions, minutes(self.idle_seconds))

    async def handle_index(self, request: web.Request) -> Any:
        if self.sessions >= self.max_sessions:
            return aiohttp_jinja2.render_template("busy.html", request, self._busy_context(), status=503)
        router = request.app.router
        static = f"{self.public_url}{router['static'].url_for(filename='/')}".rstrip("/") + "/"
        websocket = f"{self.public_url}{router['websocket'].url_for()}"
        websocket = ("wss:" if self.public_url.startswith("https") else "ws:") + websocket.split(":", 1)[1]
        try:
            font_size = int(request.query.get("fontsize", "16"))
        except ValueError:
            font_size = 16
        context = {"font_size": font_size, "app_websocket_url": websocket, "config": {"static": {"url": static}},
                   "application": {"name": self.title}, "idle_minutes": minutes(self.idle_seconds)}
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's download, with the file name as RFC 6266 gives it (Russian, spaces)."""
        key = request.match_info["key"]
        try:
            meta = await self.download_manager.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text="Файла нет: он уже скачан или сеанс закрыт. Повторите действие.") from None
        response = web.StreamResponse()
        response.content_type = meta.mime_type or "application/octet-stream"
        if meta.encoding:
            response.charset = meta.encoding
        response.headers["Content-Disposition"] = content_disposition(
            meta.file_name, inline=meta.open_method == "browser")
        await response.prepare(request)
        async for chunk in self.download_manager.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    def _busy_context(self) -> dict[str, Any]:
        return {"title": self.title, "sessions": self.sessions, "limit": self.max_sessions,
                "idle_minutes": minutes(self.idle_seconds)}

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if self.sessions >= self.max_sessions:
            refused = web.WebSocketResponse()
            await refused.prepare(request)
            await refused.close(code=WSCloseCode.TRY_AGAIN_LATER, message="Все места заняты".encode())
            return refused
        self.sessions += 1
        log.info("Сеанс открыт (%d из %d).", self.sessions, self.max_sessions)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1
            log.info("Сеанс закрыт (%d из %d).", self.sessions, self.max_sessions)

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        """textual-serve's message loop, with the time of the last thing the person did kept."""
        last = time.monotonic()

        async def watch_idle() -> None:
            while not websocket.closed:
                await asyncio.sleep(min(5.0, self.idle_seconds / 4))
                if time.monotonic() - last > self.idle_seconds:
                    log.info("Сеанс простаивал %s мин и закрыт.", minutes(self.idle_seconds))
                    await websocket.close(code=WSCloseCode.GOING_AWAY, message="Сеанс простаивал".encode())
                    return

        watcher = asyncio.create_task(watch_idle())
        try:
            async for message in websocket:
                if message.type != WSMsgType.TEXT:
                    continue
                envelope = message.json()
                if not isinstance(envelope, list) or not envelope:
                    continue
                kind = envelope[0]
                if kind in _ACTIVITY:
                    last = time.monotonic()
                if kind == "stdin":
                    await app_service.send_bytes(str(envelope[1]).encode("utf-8"))
                elif kind == "resize":
                    await app_service.set_terminal_size(int(envelope[1]["width"]), int(envelope[1]["height"]))
                elif kind == "ping":
                    await websocket.send_json(["pong", envelope[1]])
                elif kind == "blur":
                    await app_service.blur()
                elif kind == "focus":
                    await app_service.focus()
        finally:
            watcher.cancel()
