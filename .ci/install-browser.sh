#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (tests/browser), unless it is already there.
# Playwright drives /usr/bin/chromium; its own browser download is not used.
# Usage: sudo bash .ci/install-browser.sh
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo ">>> chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q chromium
echo ">>> installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
