#!/usr/bin/env bash
# Installs the system packages Switchboard needs (ncursesw, libyaml, tmux for the terminal tests) when missing.
set -euo pipefail
need=()
for pkg in libncursesw5-dev libyaml-dev tmux; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi
