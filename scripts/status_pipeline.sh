#!/usr/bin/env bash
# Running or stopped, PID, uptime, memory, next and last run of each stage, counts by status.
# Exit code: 0 running, 3 stopped. Add --json after the config options for machine output.
set -euo pipefail
source "$(dirname "$0")/_venv.sh"
ensure_venv requirements.txt
cd "$ROOT"
json=()
args=()
for a in "$@"; do [[ $a == --json ]] && json=(--json) || args+=("$a"); done
exec "$VENV/bin/python" main.py "${args[@]}" daemon status "${json[@]}"
