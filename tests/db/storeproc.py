"""Start tests/db/store_worker.py in other processes (a module name unique across tests/)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WORKER = Path(__file__).with_name("store_worker.py")
ROOT = Path(__file__).resolve().parents[2]

# tests keep the cyclic GC as it is (gc.freeze is for the application)
FILE_OPTIONS = {"freeze_gc": False}


def worker(*args: str, **popen) -> subprocess.Popen:
    """Start tests/db/store_worker.py in another process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args], cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen,
    )


def run_worker(*args: str, timeout: float = 60) -> str:
    process = worker(*args)
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    return out
