#!/usr/bin/env bash
# Set up .venv with the runtime and test requirements, check style and types, run the whole suite.
# Arguments go to pytest (e.g. -k contract). MONGODB_TEST_URI runs the Mongo tests on a real server.
set -euo pipefail
source "$(dirname "$0")/_venv.sh"
source "$(dirname "$0")/_system.sh"
ensure_venv requirements-dev.txt
ensure_packages dovecot dovecot-imapd   # a real IMAP server for the mailbox tests
ensure_packages openssl openssl         # their throwaway TLS certificates
cd "$ROOT"
"$VENV/bin/ruff" check .
"$VENV/bin/mypy"
exec "$VENV/bin/python" -m pytest "$@"
