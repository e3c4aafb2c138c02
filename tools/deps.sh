#!/usr/bin/env bash
# Installs the Debian 12 packages bcsim needs, when missing (root, or sudo available).
# Sourced by demo.sh, test.sh and .ci/run. Why each package is there: README "Dependencies".
set -euo pipefail

BCSIM_PACKAGES=(
  build-essential cmake pkg-config   # toolchain
  gcc-multilib                       # the -m32 compile-only x86 layout test
  clang-19 libclang-rt-19-dev        # clang builds (drivers, fuzzers, tests), libFuzzer, sanitizer runtimes
  libcmocka-dev                      # unit tests
  libdw-dev libelf-dev               # DWARF: file:line of driver call sites and faults
  libjansson-dev                     # JSON reports and scenarios
  libxxhash-dev xxhash               # the DumpIo hash (XXH3-64) and xxhsum to check it
  libxml2-utils                      # xmllint: the JUnit report checked against its schema
  gdb                                # the gdb extension and its tests
  binutils                           # nm, objcopy (inventory test)
  hyperfine jq time                  # bench/run.sh: whole-command timings, its JSON, peak RSS
)

bcsim_install_deps() {
  local missing=()
  for p in "${BCSIM_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]})); then
    echo "bcsim: installing missing packages: ${missing[*]}" >&2
    local sudo=""
    if [ "$(id -u)" != 0 ]; then sudo=sudo; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  bcsim_install_deps
fi
