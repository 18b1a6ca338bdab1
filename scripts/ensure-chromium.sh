#!/usr/bin/env bash
# The browser tests drive Debian's Chromium. Install it when it is missing,
# so `npm test` works on a fresh machine; do nothing when it is there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "Chromium ontbreekt; installeren met apt-get (nodig voor de browsertests)…"
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
