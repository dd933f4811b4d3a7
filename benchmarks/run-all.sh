#!/usr/bin/env bash
# Runs every benchmark of issue 8 and writes the raw outputs to benchmarks/results/<machine>/raw/.
# Usage: benchmarks/run-all.sh [machine-name]   (run benchmarks/fetch-data.sh first; the orders data is generated)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
machine="${1:-amd-epyc-2c}"
out="$root/benchmarks/results/$machine/raw"
mkdir -p "$out"
cd "$root"
dotnet build src/Cli -c Release -v q >/dev/null
dotnet build benchmarks/Dq.Benchmarks -c Release -v q >/dev/null
bench="dotnet benchmarks/Dq.Benchmarks/bin/Release/net10.0/linux-x64/Dq.Benchmarks.dll"
dq="dotnet src/Cli/bin/Release/net10.0/dq.dll"
$bench gen >/dev/null
{ date -u; uptime; lscpu | grep -E 'Model name|^CPU\(s\)|Flags' | cut -c1-200; dotnet --version; } > "$out/machine.txt"

# 1. Stage breakdown, dq vs DuckDB (file, in memory), 1 vs 2 threads, each expectation alone.
for w in orders-seed-parquet orders-seed-csv orders-wide-parquet orders-wide-csv flights-parquet; do
  $bench stages $w 2 > "$out/stages-$w.md" 2>&1
done

# 2. Whole process: `dq validate` vs a DuckDB.NET console process running the same SQL; peak RSS from /usr/bin/time.
for pair in orders-seed-parquet:orders-10m.parquet orders-seed-csv:orders-10m.csv flights-parquet:flights-3m.parquet; do
  w=${pair%%:*}; data="$root/benchmarks/data/${pair#*:}"
  suite="$root/benchmarks/data/suites/$w.json"   # written by `gen`
  for run in 1 2 3; do
    /usr/bin/time -f "dq $w run=$run wall=%e s maxrss=%M KB" $dq validate "$data" --suite "$suite" --store none -o /dev/null >/dev/null 2>>"$out/process.txt"
    /usr/bin/time -f "duckdb $w run=$run wall=%e s maxrss=%M KB" $bench duck $w >/dev/null 2>>"$out/process.txt"
  done
done

# 3. BenchmarkDotNet: kernels, then end to end (DuckDB baseline per category) and scaling.
$bench --filter '*Micro*' --artifacts "$out/bdn-micro" > "$out/bdn-micro.log" 2>&1
DQ_E2E_ITERATIONS=2 DQ_WORKLOADS=orders-seed-parquet,flights-parquet,orders-seed-csv $bench --filter '*SuiteBenchmarks*' --artifacts "$out/bdn-e2e" > "$out/bdn-e2e.log" 2>&1
DQ_E2E_ITERATIONS=2 $bench --filter '*ScalingBenchmarks*' --artifacts "$out/bdn-scaling" > "$out/bdn-scaling.log" 2>&1
