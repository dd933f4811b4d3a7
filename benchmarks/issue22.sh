#!/usr/bin/env bash
# Issue 22's round: whole-process `dq validate` (the Native AOT tool and the JIT build) against a DuckDB.NET console
# process running the same checks, three runs each, back to back, on the typed-path workloads; then the CSV seed
# suite's throughput beside the machine's memory bandwidth and Sep's parse speed (readers benchmark), same round.
# Usage: benchmarks/issue22.sh [machine-name]   (benchmarks/fetch-data.sh first; the orders data is generated)
set -uo pipefail
source "$(dirname "$0")/setup.sh"
[ -x "$root/benchmarks/bin/dq-aot/dq" ] && [ "${DQ_REPUBLISH:-1}" = 0 ] || \
  dotnet publish src/Cli -c Release -r linux-x64 -o "$root/benchmarks/bin/dq-aot" -v q >/dev/null
dq_aot="$root/benchmarks/bin/dq-aot/dq"
$bench gen >/dev/null
$bench duck orders-decimal-parquet >/dev/null   # makes the decimal file on first use
{ date -u; uptime; lscpu | grep -E 'Model name|^CPU\(s\)' ; dotnet --version; } > "$out/issue22-machine.txt"

: > "$out/issue22-process.txt"
for pair in flights-parquet:flights-3m.parquet flights-unique-parquet:flights-3m.parquet flights-condition-parquet:flights-3m.parquet \
            orders-decimal-parquet:orders-10m-decimal.parquet orders-seed-parquet:orders-10m.parquet orders-seed-csv:orders-10m.csv; do
  w=${pair%%:*}; data="$root/benchmarks/data/${pair#*:}"
  suite="$root/benchmarks/data/suites/$w.json"
  for run in 1 2 3; do
    /usr/bin/time -o "$out/issue22-process.txt" -a -f "dq-aot $w run=$run wall=%e s maxrss=%M KB" $dq_aot validate "$data" --suite "$suite" --store none -o /dev/null >/dev/null 2>&1
    /usr/bin/time -o "$out/issue22-process.txt" -a -f "dq $w run=$run wall=%e s maxrss=%M KB" $dq validate "$data" --suite "$suite" --store none -o /dev/null >/dev/null 2>&1
    /usr/bin/time -o "$out/issue22-process.txt" -a -f "duckdb $w run=$run wall=%e s maxrss=%M KB" $bench duck $w >/dev/null 2>&1
  done
done
python3 "$root/benchmarks/summarize-process.py" "$out/issue22-process.txt" > "$out/issue22-process.md"

# The physical figures beside the CSV throughput: memory bandwidth of one core, and Sep's tokenize-and-parse speed.
$bench membw > "$out/issue22-membw.txt" 2>&1
dotnet build benchmarks/Readers -c Release -v q >/dev/null
readers="dotnet benchmarks/Readers/bin/Release/net10.0/linux-x64/Dq.Benchmarks.Readers.dll"
[ -f /tmp/dq-orders/orders.csv ] || $readers generate /tmp/dq-orders 10000000 >/dev/null
$readers quick-sep /tmp/dq-orders 3 > "$out/issue22-readers.txt" 2>&1
ls -l "$root/benchmarks/data/orders-10m.csv" | awk '{print "orders-10m.csv bytes:", $5}' >> "$out/issue22-readers.txt"
cat "$out/issue22-process.md" "$out/issue22-membw.txt" "$out/issue22-readers.txt"
