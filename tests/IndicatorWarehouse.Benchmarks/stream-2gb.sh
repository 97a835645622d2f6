#!/usr/bin/env bash
# The 2 GB streaming check (too long for CI; its small twin is Faults/StreamingMemoryTests): generate about
# GB gigabytes of one-stop CSV with the real generator, load it with `iw ingest` under /usr/bin/time -v, and
# compare its peak memory with a 200,000-row load of the same data. Flat memory: the two peaks are alike.
# Usage: tests/IndicatorWarehouse.Benchmarks/stream-2gb.sh [WORK_DIR]   (env GB=2, KEEP=1 keeps the files)
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-/tmp/iw-stream}"
gb="${GB:-2}"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time: apt-get install time"; exit 1; }
mkdir -p "$work"
free_gb=$(df --output=avail -BG "$work" | tail -1 | tr -dc 0-9)
[ "$free_gb" -ge $((gb * 4)) ] || { echo "needs $((gb * 4)) GB free in $work (CSV, warehouse, staging); $free_gb GB there"; exit 1; }

dotnet build src/IndicatorWarehouse.Cli -c Release -nologo -v quiet >/dev/null
iw=(dotnet src/IndicatorWarehouse.Cli/bin/Release/net10.0/iw.dll)
as_of=2026-12-31T23:59:59

# 1,000,000 generated dossiers take about 294 MB of CSV; six whole years.
per_year=$(( gb * 1000000000 / 294 / 6 ))
"${iw[@]}" generate --out "$work/gen" --dossiers-per-year "$per_year" --as-of "$as_of" >/dev/null
{ head -n 1 "$work/gen/onestop_2021.csv"; for f in "$work"/gen/onestop_*.csv; do tail -n +2 "$f"; done; } > "$work/big.csv"
rm -rf "$work/gen"
head -n 200001 "$work/big.csv" > "$work/small.csv"

echo "| file | size | rows | load time | rows/s | peak RSS |"
echo "|---|---:|---:|---:|---:|---:|"
for name in small big; do
  csv="$work/$name.csv"
  rm -f "$work/$name.db" "$work/$name.db-wal" "$work/$name.db-shm"
  "${iw[@]}" init --db "$work/$name.db" >/dev/null
  /usr/bin/time -v -o "$work/$name.time" "${iw[@]}" ingest onestop "$csv" --as-of "$as_of" --db "$work/$name.db" >/dev/null
  rows=$(( $(wc -l < "$csv") - 1 ))
  secs=$(grep "Elapsed (wall clock)" "$work/$name.time" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(grep "Maximum resident set size" "$work/$name.time" | awk '{print $NF}')
  printf "| %s.csv | %s MB | %'d | %.0f s | %'d | %d MB |\n" "$name" $(( $(stat -c %s "$csv") / 1000000 )) "$rows" "$secs" \
    "$(awk -v r="$rows" -v s="$secs" 'BEGIN { printf "%d", r / s }')" $(( rss / 1024 ))
done
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"
