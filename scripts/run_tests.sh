#!/usr/bin/env bash
# Set up .venv with the runtime and test requirements, check style and types, run the whole suite.
# Arguments go to pytest (e.g. -k contract). MONGODB_TEST_URI runs the Mongo tests on a real server.
set -euo pipefail
source "$(dirname "$0")/_venv.sh"
ensure_venv requirements-dev.txt
cd "$ROOT"
# Debian packages the tests drive for real, installed when missing: Chromium for the review page's
# browser tests (Playwright drives it; its own browser download is never used), Dovecot for the
# mailbox's and openssl for its throwaway certificates. One apt-get update, under a lock that
# others installing at the same moment wait for.
apt_updated=""
as_root=()
[[ $(id -u) -ne 0 ]] && as_root=(sudo -n)  # not root: sudo without a password prompt, or a warning
ensure_package() {  # ensure_package PACKAGE COMMAND
  command -v "$2" >/dev/null 2>&1 && return 0
  [[ -x "/usr/sbin/$2" ]] && return 0  # daemons (dovecot) live in sbin, often not on a user's PATH
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "warning: $1 is missing and there is no apt-get to install it; the tests that need it say so" >&2
    return 0
  fi
  echo "installing $1 with apt-get ..." >&2
  if [[ -z $apt_updated ]]; then
    flock /tmp/pipeline-apt.lock "${as_root[@]}" apt-get update -qq >&2 || true
    apt_updated=1
  fi
  flock /tmp/pipeline-apt.lock "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" \
    >/dev/null || echo "warning: could not install $1 (run as root, or install it yourself); the tests that need it say so" >&2
}
ensure_package chromium chromium
ensure_package dovecot-imapd dovecot
ensure_package openssl openssl
"$VENV/bin/ruff" check .
"$VENV/bin/mypy"
exec "$VENV/bin/python" -m pytest "$@"
