# Sourced by the scripts: make sure .venv exists and has the requirements installed.
# Re-installs when a requirements file is newer than the last install.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PIPELINE_VENV:-$ROOT/.venv}"
ensure_venv() {  # ensure_venv REQUIREMENTS_FILE
  local req="$ROOT/$1" stamp="$VENV/.installed-$(basename "$1")"
  if [[ ! -x "$VENV/bin/python" ]]; then
    echo "creating $VENV ..." >&2
    "${PYTHON:-python3}" -m venv "$VENV"
  fi
  if [[ ! -f "$stamp" || "$req" -nt "$stamp" || "$ROOT/requirements.txt" -nt "$stamp" ]]; then
    echo "installing $1 into $VENV ..." >&2
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$req"
    touch "$stamp"
    if [[ $1 == requirements-dev.txt ]]; then touch "$VENV/.installed-requirements.txt"; fi
  fi
}
