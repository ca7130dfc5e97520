"""The served desk: start time and memory of one browser session and of 10 at once.

Starts `tracker serve` on a database of the sample acts (127.0.0.1), connects websocket clients
the way the browser page does, and times each until its desk has drawn its first screen; the
memory is the resident size of the desk processes (from /proc), while they are all open.

    python -m bench serve [--sessions 10]
"""
from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.machine import describe

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "serve"))
from served import sample_database, serving  # noqa: E402  (the tests' own helper, one way to start it)


def desk_memory_mib(db: Path) -> list[float]:
    found = subprocess.run(["pgrep", "-f", f"cli.main ui --db {db}"], capture_output=True, text=True)
    sizes = []
    for pid in found.stdout.split():
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        except OSError:
            continue
    return sizes


async def open_sessions(url: str, count: int) -> tuple[list[float], list[object], object]:
    import aiohttp

    session = aiohttp.ClientSession()

    async def one() -> tuple[float, object]:
        started = time.perf_counter()
        websocket = await session.ws_connect(url.replace("http", "ws") + "/ws?width=120&height=40")
        await websocket.send_json(["resize", {"width": 120, "height": 40}])
        while True:
            message = await asyncio.wait_for(websocket.receive(), timeout=300)
            if message.type == aiohttp.WSMsgType.BINARY and len(message.data) > 1000:
                return time.perf_counter() - started, websocket

    results = await asyncio.gather(*(one() for _ in range(count)))
    return [r[0] for r in results], [r[1] for r in results], session


async def measure(url: str, db: Path, count: int) -> tuple[list[float], list[float]]:
    times, sockets, session = await open_sessions(url, count)
    await asyncio.sleep(2)  # the desks settle after their first screen
    memory = desk_memory_mib(db)
    for websocket in sockets:
        await websocket.close()  # type: ignore[attr-defined]
    await session.close()  # type: ignore[attr-defined]
    return times, memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = sample_database(Path(folder))
        with serving(db, "--max-sessions", str(args.sessions + 1)) as served:
            for count in (1, args.sessions):
                times, memory = asyncio.run(measure(served.url, db, count))
                deadline = time.monotonic() + 60
                while desk_memory_mib(db) and time.monotonic() < deadline:
                    time.sleep(0.5)
                print(f"сеансов одновременно: {count}; до первого экрана: медиана {sorted(times)[len(times) // 2]:.2f} с, "
                      f"худший {max(times):.2f} с; память рабочих мест: {sum(memory):.0f} МиБ всего, "
                      f"{sum(memory) / max(1, len(memory)):.0f} МиБ на сеанс ({len(memory)} процессов)")
    print(f"машина: {describe()}")


if __name__ == "__main__":
    main()
