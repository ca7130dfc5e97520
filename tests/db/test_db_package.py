"""db is a library of its own: light to import, nothing of the project inside."""
from __future__ import annotations

import subprocess
import sys

from storeproc import ROOT


def test_importing_db_loads_no_storage_library():
    code = (
        "import sys, db\n"
        "store = db.MemoryStore()\n"
        "print(','.join(m for m in ('tinydb', 'orjson', 'filelock', 'tracker', 'parsers', 'tui') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
