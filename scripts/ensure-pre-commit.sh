#!/usr/bin/env bash
# Makes sure the `pre-commit` framework is on PATH for test/cli/precommit.test.ts: when it is
# missing, installs Debian's package (needs root and Debian's mirrors, as in CI).
# Exit 0: pre-commit runs. Exit 1: it is missing and could not be installed (reason on stderr).
set -euo pipefail

if command -v pre-commit >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "pre-commit is not installed and cannot be installed here (needs root and apt-get): install it with 'apt-get install pre-commit' or 'pipx install pre-commit'." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends pre-commit; } >"$log" 2>&1; then
  echo "pre-commit is not installed and 'apt-get install pre-commit' failed: check the access to the Debian mirrors. Its last lines:" >&2
  tail -n 5 "$log" >&2
  exit 1
fi
command -v pre-commit >/dev/null 2>&1
