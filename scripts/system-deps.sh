#!/usr/bin/env bash
# Installs the Debian packages the project needs, if missing: LibreOffice (.doc conversion,
# checking generated drafts), the free fonts the drafts use (Liberation Serif, PT Serif) and
# poppler-utils (pictures of drafts), and the PostgreSQL server the server-store tests start
# in a throwaway cluster (tests/pgcluster.py), and Chromium with its driver for the browser test
# of `tracker serve`. Needs root (CI runs as root).
set -euo pipefail
packages=(libreoffice-writer-nogui fonts-liberation fonts-liberation2 fonts-paratype poppler-utils
          postgresql postgresql-client chromium chromium-driver)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "Нужны системные пакеты: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Устанавливаю системные пакеты: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
