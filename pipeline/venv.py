"""Run main.py and the stage scripts with the project's .venv, whatever `python` the shell has.

After `scripts/start_pipeline.sh` (which creates .venv) a user types `python main.py --list`, as
the README says. If that interpreter lacks the dependencies and .venv exists, we re-run the same
command with .venv's python; with no .venv either, we say how to get the dependencies instead of
printing a ModuleNotFoundError. Standard library only: this runs before any dependency is imported.
"""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PROBES = ("yaml", "dotenv", "structlog")  # cheap to find; every command needs them


def ensure_dependencies(script: str, argv: list[str]) -> None:
    """Return if the dependencies import here; else re-exec with .venv, or exit with directions."""
    if all(importlib.util.find_spec(name) is not None for name in PROBES):
        return
    here = Path(sys.prefix).resolve()
    if VENV_PYTHON.exists() and here != VENV_PYTHON.parent.parent.resolve():
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), script, *argv])
    print(f"{Path(script).name}: the pipeline's dependencies are not installed for {sys.executable}.\n"
          f"Run scripts/start_pipeline.sh once (it creates {ROOT / '.venv'}), or "
          f"`python3 -m pip install -r {ROOT / 'requirements.txt'}`.", file=sys.stderr)
    sys.exit(1)
