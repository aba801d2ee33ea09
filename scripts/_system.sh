# Sourced by the scripts: system packages the tests need, installed with apt-get when missing.
# `apt-get update` runs at most once per script run, and every apt-get holds /tmp/pipeline-apt.lock,
# since several checkouts may install at the same moment.
APT_UPDATED=""
ensure_packages() {  # ensure_packages COMMAND PACKAGE...: install the packages unless COMMAND exists
  local command="$1"; shift
  if command -v "$command" >/dev/null 2>&1 || [[ -x "/usr/sbin/$command" ]]; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "warning: $command is missing and there is no apt-get: install $* by hand" >&2
    return 0
  fi
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  echo "installing $* (apt-get) ..." >&2
  if [[ -z $APT_UPDATED ]]; then
    $sudo flock /tmp/pipeline-apt.lock apt-get update -q >&2
    APT_UPDATED=1
  fi
  $sudo flock /tmp/pipeline-apt.lock env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2
}
