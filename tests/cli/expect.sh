#!/usr/bin/env bash
# tests/cli/expect.sh EXIT_CODE REGEX [--stdout-only] -- COMMAND...
# Runs COMMAND; passes if it exits with EXIT_CODE and its output (stdout and stderr) matches
# the extended regular expression REGEX (grep -E, across lines joined by spaces).
set -u
want=$1 regex=$2
shift 2
[ "$1" = "--" ] && shift
out=$("$@" 2>&1)
got=$?
flat=$(printf '%s' "$out" | tr '\n' ' ')
if [ "$got" != "$want" ]; then
  printf 'expected exit %s, got %s; output:\n%s\n' "$want" "$got" "$out"
  exit 1
fi
if ! printf '%s' "$flat" | grep -Eq -- "$regex"; then
  printf 'output does not match /%s/:\n%s\n' "$regex" "$out"
  exit 1
fi
exit 0
