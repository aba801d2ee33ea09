#!/usr/bin/env bash
# Stop the daemon: SIGTERM, wait for current work to finish or be released, then SIGKILL;
# the PID file is removed. Extra arguments go before the command, e.g. --config other.yaml.
set -euo pipefail
source "$(dirname "$0")/_venv.sh"
ensure_venv requirements.txt
cd "$ROOT"
exec "$VENV/bin/python" main.py "$@" daemon stop
