#!/usr/bin/env bash
# Whole-process figures for `dq profile` and `dq monitor` on the 10M-row orders data (CSV and Parquet), beside
# DuckDB's SUMMARIZE over the same file (its one-statement profile), with peak RSS from /usr/bin/time.
# Usage: benchmarks/profile-monitor.sh [machine-name]; writes results/<machine>/raw/profile-monitor.{txt,md}.
set -uo pipefail
source "$(dirname "$0")/setup.sh"
$bench gen >/dev/null
data="$root/benchmarks/data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
raw="$out/profile-monitor.txt"
{ date -u; uptime; lscpu | grep -E 'Model name|^CPU\(s\)' ; dotnet --version; } > "$out/profile-monitor-machine.txt"
: > "$raw"
# A drifted batch for the monitor: the same orders with amounts scaled (written once, by DuckDB).
$bench sql "COPY (SELECT * REPLACE (amount * 1.3 AS amount) FROM read_parquet('$data/orders-10m.parquet')) TO '$work/drifted.parquet' (FORMAT parquet)" >/dev/null
for run in 1 2 3; do
  for kind in csv parquet; do
    file="$data/orders-10m.$kind"
    reader=$([ "$kind" = csv ] && echo read_csv || echo read_parquet)
    /usr/bin/time -o "$raw" -a -f "dq profile-$kind run=$run wall=%e s maxrss=%M KB" $dq profile "$file" --out "$work/base-$kind" --quiet >/dev/null 2>&1
    /usr/bin/time -o "$raw" -a -f "duckdb profile-$kind run=$run wall=%e s maxrss=%M KB" $bench sql "SUMMARIZE SELECT * FROM $reader('$file')" >/dev/null 2>&1
    /usr/bin/time -o "$raw" -a -f "dq monitor-$kind run=$run wall=%e s maxrss=%M KB" $dq monitor "$file" --baseline "$work/base-$kind" --report "$work/drift.json" --quiet >/dev/null 2>&1
  done
  /usr/bin/time -o "$raw" -a -f "dq monitor-drifted-parquet run=$run wall=%e s maxrss=%M KB" $dq monitor "$work/drifted.parquet" --baseline "$work/base-parquet" --quiet >/dev/null 2>&1
done
python3 - "$raw" > "$out/profile-monitor.md" <<'PY'
import re, statistics, sys
from collections import defaultdict
LINE = re.compile(r"^(\S+) (\S+) run=\d+ wall=([\d.]+) s maxrss=(\d+) KB$")
walls, rss = defaultdict(list), defaultdict(list)
for line in open(sys.argv[1]):
    m = LINE.match(line.strip())
    if m:
        walls[(m[1], m[2])].append(float(m[3])); rss[(m[1], m[2])].append(int(m[4]) / 1024)
med = lambda t, k: statistics.median(t[k]) if t.get(k) else float("nan")
print("| command | dq (s) | DuckDB SUMMARIZE (s) | dq / DuckDB | dq peak RSS (MiB) | DuckDB peak RSS (MiB) |")
print("|---|---|---|---|---|---|")
for w in sorted({w for _, w in walls}):
    dq, duck = med(walls, ("dq", w)), med(walls, ("duckdb", w))
    ratio = f"{dq / duck:.2f}×" if duck == duck else "—"
    duck_s = f"{duck:.2f}" if duck == duck else "—"
    duck_m = f"{med(rss, ('duckdb', w)):.0f}" if duck == duck else "—"
    print(f"| {w} | {dq:.2f} | {duck_s} | {ratio} | {med(rss, ('dq', w)):.0f} | {duck_m} |")
print(f"\nMedians of {max(len(v) for v in walls.values())} runs taken in turn. dq is the JIT build (`dotnet dq.dll`).")
PY
cat "$out/profile-monitor.md"
