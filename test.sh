#!/usr/bin/env bash
# The whole test suite: installs what is missing, then configures, builds and runs ctest
# under the default preset (gcc, RelWithDebInfo) and the asan preset (ASan + UBSan).
set -euo pipefail
cd "$(dirname "$0")"
source tools/deps.sh
bcsim_install_deps
cmake --workflow --preset default
cmake --workflow --preset asan
