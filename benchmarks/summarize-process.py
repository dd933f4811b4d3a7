#!/usr/bin/env python3
"""Turns raw/process.txt (lines `<engine> <workload> run=N wall=S s maxrss=K KB`) into a Markdown table of medians,
with dq/DuckDB ratios computed per workload from runs taken back to back."""
import re
import statistics
import sys
from collections import defaultdict

LINE = re.compile(r"^(\S+) (\S+) run=\d+ wall=([\d.]+) s maxrss=(\d+) KB$")
walls, rss = defaultdict(list), defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    m = LINE.match(line.strip())
    if m:
        engine, workload, wall, kb = m.group(1), m.group(2), float(m.group(3)), int(m.group(4))
        walls[(engine, workload)].append(wall)
        rss[(engine, workload)].append(kb / 1024)

workloads = sorted({w for _, w in walls}, key=lambda w: (not w.startswith("orders"), w))
print("| workload | dq tool, Native AOT (s) | dq, JIT (s) | DuckDB (s) | AOT / DuckDB | JIT / DuckDB | AOT peak RSS (MiB) | JIT peak RSS (MiB) | DuckDB peak RSS (MiB) |")
print("|---|---|---|---|---|---|---|---|---|")
for w in workloads:
    def med(engine, table=walls):
        values = table.get((engine, w))
        return statistics.median(values) if values else float("nan")
    aot, jit, duck = med("dq-aot"), med("dq"), med("duckdb")
    print(f"| {w} | {aot:.2f} | {jit:.2f} | {duck:.2f} | {aot / duck:.2f}× | {jit / duck:.2f}× | {med('dq-aot', rss):.0f} | {med('dq', rss):.0f} | {med('duckdb', rss):.0f} |")
for w in workloads:
    if walls.get(("pandas", w)):
        pandas = statistics.median(walls[("pandas", w)])
        duck = statistics.median(walls[("duckdb", w)])
        print(f"\npandas on {w}: {pandas:.1f} s ({pandas / duck:.1f}× DuckDB), peak RSS {statistics.median(rss[('pandas', w)]):.0f} MiB.")
print()
print(f"Medians of {max(len(v) for v in walls.values())} runs each, taken in turn (dq JIT, dq Native AOT, DuckDB) so all see the same load.")
