#!/usr/bin/env bash
# What the browser tests (src-it, *ChromiumIT) need: Debian's chromium and chromium-driver, and a CJK font so
# that Chinese renders as text, not as boxes. Run by Maven in phase pre-integration-test (src-it/pom.xml), so
# `./mvnw verify` brings them itself; skipped with -DskipITs, -DskipTests or -Dmaven.test.skip=true.
#
#   all present              -> nothing happens
#   missing, running as root -> apt-get installs them
#   missing, not root        -> fails, naming the command to run
#
# Usage: install-browser.sh [chromium] [chromedriver]
#   The two paths default to Debian's /usr/bin/chromium and /usr/bin/chromedriver; the build passes
#   -Dperf.it.chromium / -Dwebdriver.chrome.driver when given. Other paths are checked, never installed.
set -euo pipefail

CHROMIUM="${1:-/usr/bin/chromium}"
DRIVER="${2:-/usr/bin/chromedriver}"
INSTALL="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk"

missing() {
  local what=()
  [ -x "$CHROMIUM" ] || what+=("$CHROMIUM")
  [ -x "$DRIVER" ] || what+=("$DRIVER")
  if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh family 2>/dev/null || true)" ]; then
    what+=("a CJK font (fc-list :lang=zh lists none)")
  fi
  if [ ${#what[@]} -gt 0 ]; then
    local IFS=','
    echo "${what[*]}"
  fi
}

gone="$(missing)"
if [ -z "$gone" ]; then
  echo "[install-browser] present: $CHROMIUM, $DRIVER, a CJK font"
  exit 0
fi
echo "[install-browser] missing: $gone"

if [ "$CHROMIUM" != /usr/bin/chromium ] || [ "$DRIVER" != /usr/bin/chromedriver ]; then
  if [ ! -x "$CHROMIUM" ] || [ ! -x "$DRIVER" ]; then
    echo "[install-browser] -Dperf.it.chromium=$CHROMIUM / -Dwebdriver.chrome.driver=$DRIVER must name" \
         "executables; only Debian's /usr/bin paths are installed here." >&2
    exit 1
  fi
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "[install-browser] The browser tests need Debian's chromium, chromium-driver and a CJK font. Install" \
       "them as root:" >&2
  echo "  $INSTALL" >&2
  echo "(or skip the integration tests with -DskipITs)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "[install-browser] No apt-get here: install chromium, chromium-driver and a CJK font yourself, or" \
       "point -Dperf.it.chromium and -Dwebdriver.chrome.driver at a Chrome and its driver." >&2
  exit 1
fi

echo "[install-browser] installing: $INSTALL"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk

gone="$(missing)"
if [ -n "$gone" ]; then
  echo "[install-browser] still missing after apt-get: $gone" >&2
  exit 1
fi
echo "[install-browser] installed: $CHROMIUM, $DRIVER, a CJK font"
