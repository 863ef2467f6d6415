#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs what the tests drive (Debian's Chromium and
# python3-aiosmtpd, the pinned npm clients), builds, runs all test projects, and prints one summary line.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages the tests drive: chromium (end-to-end tests), python3-aiosmtpd (the real SMTP
# server the alert tests send to, run with /usr/bin/python3) and postgresql (the tests start throwaway
# clusters of its binaries on loopback unless MVAI_TEST_POSTGRES names a server). Installed only when missing.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing+=(python3-aiosmtpd)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing Debian's ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== installing the pinned npm packages (Web Chat bundle, test clients)"
npm ci --no-audit --no-fund --loglevel=error

echo "== building"
dotnet build Mvai.Bot.sln -c Release --nologo -clp:ErrorsOnly

echo "== testing"
log=$(mktemp)
set +e
# -m:1: one test project at a time; the browser tests time out when all projects share two cores at once.
dotnet test Mvai.Bot.sln -c Release --no-build --nologo -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over all test projects, e.g. "tests: 120 passed, 0 failed, 0 skipped".
grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" \
  | awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}'
rm -f "$log"
exit "$status"
