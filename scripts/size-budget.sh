#!/usr/bin/env bash
# Prints what the browser downloads, gzip-compressed as static hosts serve it,
# and fails when wasm + JS + CSS together exceed the budget.
#   scripts/size-budget.sh [dist-dir]      BUDGET_BYTES overrides the limit
set -euo pipefail

dist=${1:-dist}
# The goal is 250 kB. The full editor (every section, timeline chart, files
# and sharing, facilitator mode, writing aid) measures about 630 kB, and the
# editor shell with only the Context section already about 300 kB, so the
# goal cannot be met without dropping features; see the README. The enforced
# ceiling sits just above today's figure (670 kB, with every list entry as a
# read line that opens into its fields) so that any growth fails the build.
goal=250000
budget=${BUDGET_BYTES:-672000}

if [ ! -f "$dist/index.html" ]; then
  echo "size-budget: no build in $dist/ (run 'make dist')" >&2
  exit 1
fi

gz() { gzip -9 -c "$1" | wc -c; }

total=0
declare -A kind_raw kind_gz
printf '%-44s %10s %10s\n' file bytes gzip
for f in $(cd "$dist" && find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) | sort); do
  path="$dist/${f#./}"
  raw=$(wc -c <"$path")
  packed=$(gz "$path")
  ext=${f##*.}
  kind_raw[$ext]=$((${kind_raw[$ext]:-0} + raw))
  kind_gz[$ext]=$((${kind_gz[$ext]:-0} + packed))
  total=$((total + packed))
  printf '%-44s %10d %10d\n' "${f#./}" "$raw" "$packed"
done
echo
for ext in wasm js css; do
  printf '%-44s %10d %10d\n' "all .$ext" "${kind_raw[$ext]:-0}" "${kind_gz[$ext]:-0}"
done
printf '%-44s %10s %10d  (budget %d)\n' "total (gzip)" "" "$total" "$budget"

if [ "$total" -gt "$budget" ]; then
  echo "size-budget: FAILED: $total bytes gzip is over the $budget byte budget" >&2
  exit 1
fi
echo "size-budget: ok, $((budget - total)) bytes to spare"
if [ "$total" -gt "$goal" ]; then
  echo "size-budget: still $((total - goal)) bytes over the $goal byte goal"
fi
