#!/usr/bin/env bash
# Start the daemon (creating .venv and installing requirements.txt on first use).
# Extra arguments go before the command, e.g. --config other.yaml.
set -euo pipefail
source "$(dirname "$0")/_venv.sh"
ensure_venv requirements.txt
cd "$ROOT"
exec "$VENV/bin/python" main.py "$@" daemon start
