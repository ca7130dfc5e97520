"""The desk tests' helpers (tests/tui/tui_helpers.py) serve the corpus tests too."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "tui"))
