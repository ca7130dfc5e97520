#!/usr/bin/env bash
# Installs the system packages the project needs, if missing: LibreOffice (soffice) for
# .doc conversion and for checking generated drafts. Needs root (CI runs as root).
set -euo pipefail
if command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "Нужен LibreOffice: sudo apt-get install libreoffice-writer-nogui" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation fonts-pt-sans >/dev/null
