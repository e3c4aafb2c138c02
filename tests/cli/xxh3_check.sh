#!/usr/bin/env bash
# tests/cli/xxh3_check.sh BCSIM DRIVER DIR — every hashed DumpIo write in `bcsim run --json`
# equals `xxhsum -H3` of the same bytes of the dump file.
set -euo pipefail
bcsim=$1 driver=$2 dir=$3
dmp="$dir/xxh3.dmp" json="$dir/xxh3.json"
rm -f "$dmp" "$json"
"$bcsim" run --driver "$driver" --dump "$dmp" --json "$json" --no-unload-check -q >/dev/null
n=0
while read -r off len want; do
  got=$(dd if="$dmp" iflag=skip_bytes,count_bytes skip="$off" count="$len" status=none | xxhsum -H3 - | awk '{print $NF}')
  [[ $got == *"$want"* ]] || { echo "write at $off ($len bytes): json $want, xxhsum $got"; exit 1; }
  n=$((n + 1))
done < <(jq -r '.. | objects | select(has("dumpio_writes")) | .dumpio_writes[] | select(.xxh3) | "\(.file_offset|ltrimstr("0x")|("0x"+.)) \(.length) \(.xxh3)"' "$json" |
         while read -r off len h; do echo "$((off)) $len $h"; done)
(( n > 3 )) || { echo "only $n hashed writes"; exit 1; }
echo "$n DumpIo writes: xxh3 == xxhsum -H3"
