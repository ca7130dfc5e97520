"""The house rules as tests: imports run downhill, and the CLI starts light."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    lint = Path(sys.executable).parent / "lint-imports"
    assert lint.exists() or shutil.which("lint-imports"), "import-linter is not installed"
    result = subprocess.run(
        [str(lint) if lint.exists() else "lint-imports"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 6 kept, 0 broken." in result.stdout


def test_cli_help_loads_no_heavy_library():
    code = (
        "import sys\n"
        "from cli.main import build_app\n"
        "from typer.testing import CliRunner\n"
        "result = CliRunner().invoke(build_app(), ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "heavy = [m for m in ('spacy', 'pymorphy3', 'pdfplumber', 'docx', 'textual', 'dateparser', 'tinydb',"
        " 'docxtpl', 'openpyxl', 'holidays') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"`tracker --help` imported: {result.stdout.strip()}"
