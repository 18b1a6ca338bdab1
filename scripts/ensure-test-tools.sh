#!/usr/bin/env bash
# The browser tests drive Debian's Chromium, the HTML check runs the Nu Html
# Checker on Java, the Woo-index test validates with libxml2's xmllint and the
# publishing test deploys with rsync.
# Install what is missing, so `npm test` works on a fresh machine; do nothing
# when everything is there.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Ontbreekt voor de tests: ${missing[*]}; installeren met apt-get…"
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
