#!/usr/bin/env bash
# Prints what the browser downloads, gzip- and brotli-compressed as static
# hosts serve it, and holds the line: the gzip total of wasm + JS + CSS may
# not grow more than SLACK bytes past the figure committed in
# scripts/size-baseline. When a change shrinks the build by more than SLACK,
# it says so, so that the figure is lowered with the change and the saving
# cannot be spent again unnoticed.
#   scripts/size-budget.sh [dist-dir]      SIZE_BASELINE overrides the figure
set -euo pipefail

dist=${1:-dist}
here=$(cd "$(dirname "$0")" && pwd)
baseline_file="$here/size-baseline"
# The goal (issue 18): 250 kB; first milestone 480 kB.
goal=250000
slack=2000
baseline=${SIZE_BASELINE:-$(grep -v '^#' "$baseline_file" | tr -d '[:space:]')}
if ! [[ "$baseline" =~ ^[0-9]+$ ]]; then
  echo "size-budget: $baseline_file must hold the gzip total in bytes" >&2
  exit 1
fi

if [ ! -f "$dist/index.html" ]; then
  echo "size-budget: no build in $dist/ (run 'make dist')" >&2
  exit 1
fi

gz() { gzip -9 -c "$1" | wc -c; }
# Brotli at the quality the build's precompressed copies use (node's zlib).
br() {
  node -e 'const z = require("node:zlib"); const d = require("node:fs").readFileSync(process.argv[1]);
    process.stdout.write(String(z.brotliCompressSync(d, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11, [z.constants.BROTLI_PARAM_LGWIN]: 24, [z.constants.BROTLI_PARAM_SIZE_HINT]: d.length } }).length))' "$1"
}

total=0
total_br=0
declare -A kind_raw kind_gz kind_br
printf '%-44s %10s %10s %10s\n' file bytes gzip brotli
for f in $(cd "$dist" && find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) | sort); do
  path="$dist/${f#./}"
  raw=$(wc -c <"$path")
  packed=$(gz "$path")
  packed_br=$(br "$path")
  ext=${f##*.}
  kind_raw[$ext]=$((${kind_raw[$ext]:-0} + raw))
  kind_gz[$ext]=$((${kind_gz[$ext]:-0} + packed))
  kind_br[$ext]=$((${kind_br[$ext]:-0} + packed_br))
  total=$((total + packed))
  total_br=$((total_br + packed_br))
  printf '%-44s %10d %10d %10d\n' "${f#./}" "$raw" "$packed" "$packed_br"
done
echo
for ext in wasm js css; do
  printf '%-44s %10d %10d %10d\n' "all .$ext" "${kind_raw[$ext]:-0}" "${kind_gz[$ext]:-0}" "${kind_br[$ext]:-0}"
done
printf '%-44s %10s %10d %10d\n' "total" "" "$total" "$total_br"
printf 'baseline %d bytes gzip (scripts/size-baseline), allowed up to %d\n' "$baseline" "$((baseline + slack))"

if [ "$total" -gt "$((baseline + slack))" ]; then
  echo "size-budget: FAILED: $total bytes gzip is $((total - baseline)) over the committed $baseline" >&2
  echo "size-budget: find what grew (make size-report) and cut it; raise scripts/size-baseline only as a deliberate decision" >&2
  exit 1
fi
if [ "$total" -lt "$((baseline - slack))" ]; then
  echo "size-budget: ok, and $((baseline - total)) bytes below the baseline: lower scripts/size-baseline to $total in this change"
else
  echo "size-budget: ok, within $slack bytes of the baseline"
fi
if [ "$total" -gt "$goal" ]; then
  echo "size-budget: still $((total - goal)) bytes over the $goal byte goal"
fi
