#!/bin/bash -eu
# fuzz/oss-fuzz/build.sh — builds bcsim's fuzz targets the OSS-Fuzz / ClusterFuzzLite way:
# compilers and instrumentation from $CC $CXX $CFLAGS $CXXFLAGS, the engine from
# $LIB_FUZZING_ENGINE, the source in $SRC/bcsim (or the checkout this script sits in), scratch
# in $WORK; every fuzzer lands in $OUT with its driver module, <name>_seed_corpus.zip,
# <name>.dict and <name>.options. A driver project does the same with its own targets
# (fuzz/README.md, "OSS-Fuzz and ClusterFuzzLite").
#
# Local check (what the oss-fuzz ctest does):
#   CC=clang CXX=clang++ CFLAGS="-fsanitize=fuzzer-no-link,address" CXXFLAGS="$CFLAGS" \
#   LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT=/tmp/out SRC=/tmp/src WORK=/tmp/work fuzz/oss-fuzz/build.sh
here=$(cd "$(dirname "$0")/../.." && pwd)
src="${SRC:-$here}/bcsim"
[ -f "$src/CMakeLists.txt" ] || src="$here"
: "${WORK:=$(mktemp -d)}" "${OUT:?OUT must be set}" "${LIB_FUZZING_ENGINE:?}"
build="$WORK/bcsim-build"
mkdir -p "$OUT/lib"

# Instrumentation comes from CFLAGS (and is used at link time too); bcsim adds nothing of its
# own. The fuzzers find their driver module and shared libraries next to themselves.
cmake -S "$src" -B "$build" \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBCSIM_BUILD_FUZZERS=ON -DBCSIM_BUILD_TESTS=OFF -DBCSIM_BUILD_BENCH=OFF -DBCSIM_INSTALL=OFF \
  -DBCSIM_BUILD_EXAMPLES=ON \
  -DBCSIM_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" -DBCSIM_FUZZ_CFLAGS="" -DBCSIM_FUZZ_LDFLAGS="" \
  -DCMAKE_EXE_LINKER_FLAGS="-Wl,-rpath,\$ORIGIN/lib"
targets="fuzz_dump_reader fuzz_scenario fuzz_api_sequence fuzz_secondary_log fuzz_dumpio_mirror
         fuzz_pages_table fuzz_multipart_blob fuzz_triage_state fuzz_legacy_notify"
# shellcheck disable=SC2086
cmake --build "$build" -j"$(nproc)" --target $targets

seeds() {   # the seed directories of a target
  case $1 in
  fuzz_dump_reader|fuzz_scenario|fuzz_api_sequence) echo "$src/fuzz/corpus/$1" ;;
  fuzz_secondary_log) echo "$src/fuzz/driver/corpus/SecondaryDumpData" ;;
  fuzz_dumpio_mirror) echo "$src/fuzz/driver/corpus/DumpIo" ;;
  fuzz_pages_table) echo "$src/fuzz/driver/corpus/AddPages $src/fuzz/driver/corpus/RemovePages" ;;
  fuzz_multipart_blob) echo "$src/fuzz/driver/corpus/SecondaryMultiPartDumpData" ;;
  fuzz_triage_state) echo "$src/fuzz/driver/corpus/TriageDumpData" ;;
  fuzz_legacy_notify) echo "$src/fuzz/driver/corpus/legacy" ;;
  esac
}

for t in $targets; do
  cp "$build/fuzz/$t" "$OUT/"
  [ -f "$build/fuzz/${t}_driver.so" ] && cp "$build/fuzz/${t}_driver.so" "$OUT/"
  rm -f "$OUT/${t}_seed_corpus.zip"
  # shellcheck disable=SC2046
  (cd "$WORK" && rm -rf "seeds-$t" && mkdir "seeds-$t" &&
   for d in $(seeds "$t"); do cp "$d"/* "seeds-$t/"; done &&
   zip -qj "$OUT/${t}_seed_corpus.zip" "seeds-$t"/*)
  if [ -f "$src/fuzz/$t.dict" ]; then
    cp "$src/fuzz/$t.dict" "$OUT/$t.dict"
  elif [ -f "$build/fuzz/${t}_driver.so" ]; then
    cp "$src/fuzz/driver/bcsim_fuzz_driver.dict" "$OUT/$t.dict"
  fi
  if [ -f "$src/fuzz/$t.options" ]; then
    cp "$src/fuzz/$t.options" "$OUT/$t.options"
  elif [ -f "$OUT/$t.dict" ]; then
    printf '[libfuzzer]\ndict = %s.dict\n' "$t" > "$OUT/$t.options"
  fi
done

# Shared libraries the runner image may lack (elfutils, jansson and what they need).
for lib in $(ldd "$OUT/fuzz_scenario" | awk '/=> \// {print $3}' |
             grep -E 'lib(dw|elf|jansson|z|lzma|bz2|zstd)\.so'); do
  cp -L "$lib" "$OUT/lib/"
done
