"""One line describing the machine a benchmark ran on (printed beside every figure)."""
from __future__ import annotations

import os
import platform
from pathlib import Path


def describe() -> str:
    """«Linux-…-x86_64, AMD EPYC …, 2 CPU, 24 GiB, Python 3.11.7»."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB"
                break
    except OSError:
        pass
    return f"{platform.platform()}, {cpu}, {os.cpu_count()} CPU{memory}, Python {platform.python_version()}"
