#!/usr/bin/env bash
# The main job end to end: installs what is missing, builds bcsim and the bundled example
# drivers, runs them through a simulated bug check, writes a crash dump and inspects it.
set -euo pipefail
cd "$(dirname "$0")"
source tools/deps.sh
bcsim_install_deps
cmake --preset default >/dev/null
cmake --build --preset default
mkdir -p out
if [ -x build/default/sim/bcsim ]; then
  build/default/sim/bcsim run --dump out/demo.dmp "$@"
  build/default/sim/bcsim dump --enumtag out/demo.dmp
else
  echo "bcsim: the command-line runner is not built yet; running the unit tests instead" >&2
  ctest --preset default
fi
