#!/usr/bin/env bash
# Runs every benchmark of issue 8 and writes the raw outputs to benchmarks/results/<machine>/raw/.
# Usage: benchmarks/run-all.sh [machine-name]   (run benchmarks/fetch-data.sh first; the orders data is generated)
set -uo pipefail
source "$(dirname "$0")/setup.sh"
# The tool as `dotnet tool install dq` installs it on linux-x64: the Native AOT build (src/Cli/Dq.Cli.csproj).
dotnet publish src/Cli -c Release -r linux-x64 -o "$root/benchmarks/bin/dq-aot" -v q >/dev/null
dq_aot="$root/benchmarks/bin/dq-aot/dq"
$bench gen >/dev/null
{ date -u; uptime; lscpu | grep -E 'Model name|^CPU\(s\)|Flags' | cut -c1-200; dotnet --version; } > "$out/machine.txt"

# 1. Stage breakdown, dq vs DuckDB (file, in memory), 1 vs 2 threads, each expectation alone.
# DQ_SKIP_STAGES=1 skips them (to re-take only the whole-process figures).
[ "${DQ_SKIP_STAGES:-0}" = 1 ] || for w in orders-seed-parquet orders-seed-csv orders-wide-parquet orders-wide-csv flights-parquet; do
  $bench stages $w 2 > "$out/stages-$w.md" 2>&1
done

# 1b. 1 vs 2 threads over loaded batches, alternating, with min and median (the suite, and its uniqueness check alone).
[ "${DQ_SKIP_STAGES:-0}" = 1 ] || for w in orders-seed-parquet orders-wide-parquet flights-parquet; do
  $bench scaling $w 9 > "$out/scaling-$w.txt" 2>&1
done

# 2. Whole process: `dq validate` vs a DuckDB.NET console process running the same SQL; peak RSS from /usr/bin/time.
: > "$out/process.txt"
for pair in orders-seed-parquet:orders-10m.parquet orders-seed-csv:orders-10m.csv orders-wide-parquet:orders-10m.parquet \
            orders-wide-csv:orders-10m.csv flights-parquet:flights-3m.parquet; do
  w=${pair%%:*}; data="$root/benchmarks/data/${pair#*:}"
  suite="$root/benchmarks/data/suites/$w.json"   # written by `gen`
  for run in 1 2 3; do
    /usr/bin/time -o "$out/process.txt" -a -f "dq $w run=$run wall=%e s maxrss=%M KB" $dq validate "$data" --suite "$suite" --store none -o /dev/null >/dev/null 2>&1
    /usr/bin/time -o "$out/process.txt" -a -f "dq-aot $w run=$run wall=%e s maxrss=%M KB" $dq_aot validate "$data" --suite "$suite" --store none -o /dev/null >/dev/null 2>&1
    /usr/bin/time -o "$out/process.txt" -a -f "duckdb $w run=$run wall=%e s maxrss=%M KB" $bench duck $w >/dev/null 2>&1
  done
done
# pandas (Debian's python3-pandas 1.5.3) on the seed suite from CSV, once: a run takes about a minute.
if /usr/bin/python3 -c "import pandas" 2>/dev/null; then
  /usr/bin/time -o "$out/process.txt" -a -f "pandas orders-seed-csv run=1 wall=%e s maxrss=%M KB" \
    /usr/bin/python3 "$root/benchmarks/pandas-seed.py" "$root/benchmarks/data/orders-10m.csv" >/dev/null 2>&1
fi
python3 "$root/benchmarks/summarize-process.py" "$out/process.txt" > "$out/process.md"

# 3. BenchmarkDotNet: kernels, then end to end (DuckDB baseline per category) and scaling. DQ_SKIP_BDN=1 skips them.
[ "${DQ_SKIP_BDN:-0}" = 1 ] && exit 0
$bench --filter '*Micro*' --artifacts "$out/bdn-micro" > "$out/bdn-micro.log" 2>&1
DQ_E2E_ITERATIONS=2 DQ_WORKLOADS=orders-seed-parquet,flights-parquet,orders-seed-csv $bench --filter '*SuiteBenchmarks*' --artifacts "$out/bdn-e2e" > "$out/bdn-e2e.log" 2>&1
DQ_E2E_ITERATIONS=2 $bench --filter '*ScalingBenchmarks*' --artifacts "$out/bdn-scaling" > "$out/bdn-scaling.log" 2>&1
