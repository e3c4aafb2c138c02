#!/bin/bash -eu
# ClusterFuzzLite build: the same script OSS-Fuzz uses (fuzz/oss-fuzz/build.sh).
exec "$SRC/bcsim/fuzz/oss-fuzz/build.sh"
