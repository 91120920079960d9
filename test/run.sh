#!/usr/bin/env bash
# The README's test command: set up (install, configure, build), then run every
# test — CTest and lit — and print both summaries. Exit status 0 iff all pass.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$repo/.ci/setup.sh"
cmake --build "${PURECC_BUILD_DIR:-$repo/build}" --target check
