#!/usr/bin/env bash
# The README's test command: set up (install, configure, build), then run every
# test — CTest and lit — and print both summaries; then the runtime's tests
# again under AddressSanitizer and UBSan (test/sanitize.sh). Exit status 0
# iff all pass.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$repo/.ci/setup.sh"
status=0
cmake --build "${PURECC_BUILD_DIR:-$repo/build}" --target check || status=1
bash "$repo/test/sanitize.sh" || status=1
exit $status
