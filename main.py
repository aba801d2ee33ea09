"""Entry point: python main.py --help. Uses the project's .venv when the shell's python lacks the
dependencies (see pipeline/venv.py)."""

import sys

from pipeline.venv import ensure_dependencies

if __name__ == "__main__":
    ensure_dependencies(__file__, sys.argv[1:])
    from pipeline.cli.app import main

    sys.exit(main())
