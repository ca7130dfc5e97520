"""The served desk: start time and memory of one browser session and of 10 at once.

Starts `tracker serve` on a database of the sample acts (127.0.0.1), connects websocket clients
the way the browser page does, and times each until its desk has drawn its first screen; the
memory is the resident size of the desk processes (from /proc), while they are all open; then
the processor time they use in 10 s without a keystroke (an idle desk must not burn a core).

    python -m bench serve [--sessions 10]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.machine import describe

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "serve"))
from served import sample_database, serving  # noqa: E402  (the tests' own helper, one way to start it)

IDLE_SECONDS = 10.0  # how long the open desks are watched doing nothing


def desk_pids(db: Path) -> list[str]:
    found = subprocess.run(["pgrep", "-f", f"cli.main ui --db {db}"], capture_output=True, text=True)
    return found.stdout.split()


def cpu_seconds(pids: list[str]) -> dict[str, float]:
    """Processor time (user + system) each process has used so far."""
    used = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


def desk_memory_mib(db: Path) -> list[float]:
    sizes = []
    for pid in desk_pids(db):
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


async def measure(url: str, db: Path, count: int) -> tuple[list[float], list[float], float]:
    """Times to the first screen, memory of each desk, and the share of a core the desks use
    idle (no keystroke; the desks only look for other clerks' changes)."""
    times, sockets, session = await open_sessions(url, count)
    await asyncio.sleep(5)  # the desks settle after their first screen
    memory = desk_memory_mib(db)
    pids = desk_pids(db)
    before = cpu_seconds(pids)
    await asyncio.sleep(IDLE_SECONDS)
    after = cpu_seconds(pids)
    idle = sum(after[pid] - before[pid] for pid in after if pid in before) / IDLE_SECONDS
    for websocket in sockets:
        await websocket.close()  # type: ignore[attr-defined]
    await session.close()  # type: ignore[attr-defined]
    return times, memory, idle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = sample_database(Path(folder))
        with serving(db, "--max-sessions", str(args.sessions + 1)) as served:
            for count in (1, args.sessions):
                times, memory, idle = asyncio.run(measure(served.url, db, count))
                deadline = time.monotonic() + 60
                while desk_memory_mib(db) and time.monotonic() < deadline:
                    time.sleep(0.5)
                print(f"сеансов одновременно: {count}; до первого экрана: медиана {sorted(times)[len(times) // 2]:.2f} с, "
                      f"худший {max(times):.2f} с; память рабочих мест: {sum(memory):.0f} МиБ всего, "
                      f"{sum(memory) / max(1, len(memory)):.0f} МиБ на сеанс ({len(memory)} процессов); "
                      f"в простое {100 * idle / count:.1f} % ядра на сеанс")
    print(f"машина: {describe()}")


if __name__ == "__main__":
    main()
